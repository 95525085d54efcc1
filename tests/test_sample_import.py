"""The bundled sample world, imported end to end: every planted count comes back."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import netkit as nk
from netkit.cli import main
from netkit.schema import organisation_id

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((DATA / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def imported():
    return nk.read(DATA / "Connections.csv")


def test_import_report_matches_what_was_planted(imported, truth):
    _, report = imported
    planted = truth["connections"]
    assert report.rows_read == planted["rows"]
    assert report.contacts == planted["contacts"]
    assert report.organisations == planted["organisations"]
    assert [d.line for d in report.duplicates] == planted["duplicate_lines"]
    assert [r.line for r in report.rejected] == planted["rejected_lines"]
    assert report.balanced
    assert report.problems == []


def test_every_person_comes_back_with_their_details(imported, truth):
    G, _ = imported
    nk.validate_graph(G)
    people = {n for n, kind in G.nodes(data="kind") if kind == "person"}
    assert people == {f"li:{p['linkedin_slug']}" for p in truth["people"]}
    by_key = {o["key"]: o for o in truth["organisations"]}
    for person in truth["people"]:
        node = f"li:{person['linkedin_slug']}"
        data = G.nodes[node]
        assert data["first_name"] == person["first_name"]
        assert data["last_name"] == person["last_name"]
        assert data["connected_on"] == person["connected_on"]
        assert data.get("emails") == person["email"]
        assert data.get("position", "") == " ".join(person["title"].split())
        orgs = [n for n in G[node] if G.nodes[n]["kind"] == "organisation"]
        if person["organisation"] is None:
            assert orgs == []
        else:
            assert orgs == [organisation_id(by_key[person["organisation"]]["name"])]


def test_spelling_variants_join_into_the_planted_organisations(imported, truth):
    G, _ = imported
    used = Counter(p["organisation"] for p in truth["people"] if p["organisation"])
    orgs = {n for n, kind in G.nodes(data="kind") if kind == "organisation"}
    by_key = {o["key"]: o for o in truth["organisations"]}
    assert orgs == {organisation_id(by_key[key]["name"]) for key in used}
    for key, members in used.items():
        node = organisation_id(by_key[key]["name"])
        assert sum(1 for n in G[node] if G.nodes[n]["kind"] == "person") == members


def test_info_json_prints_the_planted_counts(truth):
    result = CliRunner().invoke(main, ["info", str(DATA / "Connections.csv"), "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    planted = truth["connections"]
    assert info["contacts"] == planted["contacts"]
    assert info["organisations"] == planted["organisations"]
    assert (
        info["contacts"] - info["contacts_with_organisation"]
        == (planted["contacts_without_organisation"])
    )
    assert info["connection_years"] == planted["connection_years"]
    assert [o["contacts"] for o in info["top_organisations"]] == [
        n for _, n in planted["top_organisations"]
    ]
    assert [organisation_id(o["name"]) for o in info["top_organisations"]] == [
        organisation_id(name) for name, _ in planted["top_organisations"]
    ]
    assert info["sources"] == [
        {
            "kind": "linkedin-connections",
            "file": "Connections.csv",
            "rows": planted["rows"],
            "rejected": planted["rejected"],
        }
    ]


def test_demo_runs_the_whole_slice(tmp_path, truth):
    result = CliRunner().invoke(main, ["demo", "-o", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "5570 rows read, 803 contacts, 250 organisations, 2 duplicates, 3 rejected" in (
        result.stdout
    )
    assert f"-> {truth['identity']['people']} people" in result.stdout
    G = nk.read_graphml(tmp_path / "demo" / "network.graphml")
    people = [n for n, kind in G.nodes(data="kind") if kind == "person"]
    assert len(people) == truth["identity"]["people"]
    assert sum("sector" in G.nodes[p] for p in people) / len(people) > 0.9
    assert "largest clusters:" in result.stdout and "ties worth reviving:" in result.stdout
    assert "from your LinkedIn job-seeker preferences" in result.stdout
    assert (tmp_path / "demo" / "map.png").read_bytes().startswith(b"\x89PNG")
    assert "La tua rete" in (tmp_path / "demo" / "report-it.html").read_text(encoding="utf-8")
    assert 'src="http' not in (tmp_path / "demo" / "map.html").read_text(encoding="utf-8")
    for name in ("Connections.csv", "truth.json", "mail.mbox", "contacts.vcf"):
        assert (tmp_path / "demo" / "sample" / name).read_bytes() == (DATA / name).read_bytes()
