"""Every export of the sample world, imported and merged: the planted truth comes back.

The world (netkit.sample) wrote each file and recorded what a reader following the
documented policies must find; these tests hold the readers and the identity
resolution to it, person by person.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import netkit as nk

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = {
    "archive": "Complete_LinkedInDataExport_11-01-2026.zip",
    "vcard": "contacts.vcf",
    "mbox": "mail.mbox",
    "calendar": "calendar.ics",
    "declared": "declared-ties.csv",
}
FORMATS = {
    "archive": "linkedin-archive",
    "vcard": "vcard",
    "mbox": "mbox",
    "calendar": "ics",
    "declared": "declared-ties",
}


@pytest.fixture(scope="module")
def truth() -> dict:
    return json.loads((DATA / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def merged():
    return nk.read_all([DATA / name for name in FILES.values()])


@pytest.mark.parametrize("source", sorted(FILES))
def test_each_source_reports_what_was_planted(source, truth):
    G, report = nk.read(DATA / FILES[source])
    planted = truth[source]
    assert report.format == FORMATS[source]
    assert report.balanced
    assert report.rows_read == planted["rows"]
    members = planted.get("member_manifests", {}).values()
    accepted = planted.get("accepted", sum(m.get("accepted", 0) for m in members))
    assert report.accepted == accepted
    assert report.contacts == planted["contacts"]
    if "organisations" in planted:
        assert report.organisations == planted["organisations"]
    if "duplicate_lines" in planted:
        assert [d.line for d in report.duplicates] == planted["duplicate_lines"]
    if "rejected_lines" in planted:
        assert [r.line for r in report.rejected] == planted["rejected_lines"]
    skipped = [planted.get("skipped") or {}] + [m.get("skipped") or {} for m in members]
    assert sum(report.skipped.values()) == sum(n for s in skipped for n in s.values())
    nk.validate_graph(G)


def test_mail_skips_each_kind_of_non_personal_mail(truth):
    _, report = nk.read(DATA / FILES["mbox"])
    by_kind = {reason.split(" (")[0].split(":")[0]: n for reason, n in report.skipped.items()}
    assert by_kind == {
        "mailing list": truth["mbox"]["skipped"]["mailing list"],
        "no-reply sender": truth["mbox"]["skipped"]["no-reply sender"],
        "auto-submitted": truth["mbox"]["skipped"]["auto-submitted"],
        "bulk": truth["mbox"]["skipped"]["bulk"],
    }


def test_archive_holds_the_owners_target(truth):
    G, _ = nk.read(DATA / FILES["archive"])
    saved = G.graph["saved_job_organisations"].split(";")
    assert sorted(saved) == sorted(truth["archive"]["saved_job_companies"])
    assert "renewable" in G.graph["target_industries"].casefold()
    assert G.nodes["ego"]["name"] == f"{truth['owner']['first_name']} {truth['owner']['last_name']}"


def test_merging_all_sources_gives_the_planted_people(merged, truth):
    G, _, identity = merged
    planted = truth["identity"]
    people = [n for n, kind in G.nodes(data="kind") if kind == "person"]
    assert identity.records == planted["records"]
    assert identity.people == len(people) == planted["people"]
    assert {frozenset(m.records) for m in identity.merges} == {
        frozenset(m["ids"]) for m in planted["merges"]
    }
    nk.validate_graph(G)


def test_possible_duplicates_are_listed_and_kept_apart(merged, truth):
    _, _, identity = merged
    listed = {frozenset((d.a, d.b)) for d in identity.possible_duplicates}
    for planted in truth["identity"]["possible_duplicates"]:
        ids = list(planted["ids"].values())
        firsts = frozenset(group[0] for group in ids)
        if "LinkedIn profiles" in planted["conflict"]:
            continue  # two profiles are two people for sure: no doubt to list
        assert firsts in listed, planted


def test_every_planted_interaction_is_on_the_owners_tie(merged, truth):
    G, _, _ = merged
    slugs = {p["key"]: p["linkedin_slug"] for p in truth["people"]}
    checked = 0
    for key, planted in truth["interactions"].items():
        if key not in slugs:
            continue
        tie = G.edges["ego", f"li:{slugs[key]}"]
        channels = ("linkedin", "email")
        assert tie.get("messages_sent", 0) == sum(
            planted.get(c, {}).get("messages_sent", 0) for c in channels
        ), key
        assert tie.get("messages_received", 0) == sum(
            planted.get(c, {}).get("messages_received", 0) for c in channels
        ), key
        assert tie.get("meetings", 0) == planted.get("calendar", {}).get("meetings", 0), key
        assert tie.get("endorsements_received", 0) == planted.get("endorsements_received", 0)
        assert tie.get("first_contact") == planted.get("first_contact"), key
        assert tie.get("last_contact") == planted.get("last_contact"), key
        checked += 1
    assert checked >= 500


def test_latent_ties_carry_no_interaction(merged, truth):
    G, _, _ = merged
    for person in truth["people"]:
        if person["tie"] == "latent":
            tie = G.edges["ego", f"li:{person['linkedin_slug']}"]
            assert "last_contact" not in tie, person["key"]


def test_observed_ties_among_contacts_are_the_planted_ones(merged, truth):
    G, _, _ = merged
    slugs = {p["key"]: p["linkedin_slug"] for p in truth["people"]}
    planted = {
        frozenset((f"li:{slugs[o['a']]}", f"li:{slugs[o['b']]}")): set(o["kinds"])
        for o in truth["observed_ties"]
    }
    found = {
        frozenset((u, v)): set(d["kind"].split(";"))
        for u, v, d in G.edges(data=True)
        if G.nodes[u]["kind"] == "person" and G.nodes[v]["kind"] == "person"
    }
    assert found == planted
