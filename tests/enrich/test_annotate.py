"""Enriching a network (netkit.enrich.annotate)."""

from __future__ import annotations

import copy
from pathlib import Path

import networkx as nx
import pytest

import netkit as nk
from netkit.enrich import annotate_enrichment, enrich, enrichment_coverage
from netkit.enrich.annotate import ENRICHED_KEYS

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "Connections.csv"


def _graph():
    G = nx.Graph(netkit_schema=1, ego="ego", sources="test:x:3:0")
    G.add_node("ego", kind="ego")
    G.add_node("org:enel green power", kind="organisation", name="Enel Green Power S.p.A.")
    G.add_node("org:rizzi & monti", kind="organisation", name="Rizzi & Monti")
    G.add_node(
        "li:ada",
        kind="person",
        name="Ada Rossi",
        position="Responsabile Risorse Umane",
        company="Enel Green Power S.p.A.",
    )
    G.add_node(
        "mail:bo@example.com",
        kind="person",
        name="Bo Neri",
        position="Partner",
        city="Bergamo",
        country="Italy",
    )
    G.add_node("mail:cy@example.com", kind="person", name="Cy Bassi", position="Avvocata")
    G.add_node("name:di verdi", kind="person", name="Di Verdi", location="Greater Milan Area")
    G.add_edge(
        "li:ada",
        "org:enel green power",
        kind="member_of",
        current=True,
        title="Responsabile Risorse Umane",
    )
    G.add_edge(
        "mail:bo@example.com", "org:rizzi & monti", kind="member_of", current=True, title="Partner"
    )
    G.add_edge(
        "mail:cy@example.com", "org:rizzi & monti", kind="member_of", current=True, title="Avvocata"
    )
    for person in ("li:ada", "mail:bo@example.com", "mail:cy@example.com", "name:di verdi"):
        G.add_edge("ego", person, channels="linkedin")
    return G


def test_enrich_writes_values_and_sources():
    H = enrich(_graph())
    nk.validate_graph(H)
    ada = H.nodes["li:ada"]
    assert (ada["function"], ada["seniority"], ada["sector"]) == (
        "hr",
        "manager",
        "renewable-energy",
    )
    assert ada["function_source"] == "title keyword 'risorse umane'"
    assert ada["seniority_source"] == "title keyword 'responsabile'"
    assert ada["sector_source"] == (
        "organisation 'Enel Green Power S.p.A.': organisations.csv: Enel Green Power"
    )
    # no own location: the organisation's headquarters, flagged as such
    assert (ada["territory"], ada["region"]) == ("Roma", "Lazio")
    assert ada["territory_source"] == (
        "organisation 'Enel Green Power S.p.A.' (organisations.csv: Enel Green Power)"
    )
    org = H.nodes["org:enel green power"]
    assert org["sector_source"] == "organisations.csv: Enel Green Power"
    assert (org["territory"], org["province"]) == ("Roma", "RM")


def test_members_titles_and_sector_function_for_rank_only_titles():
    H = enrich(_graph())
    firm = H.nodes["org:rizzi & monti"]
    assert firm["sector"] == "legal-services"
    assert firm["sector_source"].startswith("members' titles: 1 of 2")
    bo = H.nodes["mail:bo@example.com"]
    assert (bo["function"], bo["seniority"]) == ("legal", "director")
    assert bo["function_source"] == "title 'Partner' at a legal-services organisation"
    # own address wins over the organisation's, and is normalised
    assert (bo["territory"], bo["city"], bo["province"], bo["region"]) == (
        "Bergamo",
        "Bergamo",
        "BG",
        "Lombardia",
    )
    assert bo["territory_source"].startswith("address 'Bergamo, Italy'")


def test_sector_from_title_when_no_organisation_and_location():
    H = enrich(_graph())
    di = H.nodes["name:di verdi"]
    assert (di["territory"], di["region"]) == ("Milano", "Lombardia")
    assert di["territory_source"] == "location 'Greater Milan Area': 'milan' in places_it.csv"
    assert "function" not in di and "sector" not in di  # unknown values stay absent
    G = _graph()
    G.remove_edge("mail:cy@example.com", "org:rizzi & monti")
    cy = enrich(G).nodes["mail:cy@example.com"]
    assert cy["sector"] == "legal-services"
    assert cy["sector_source"] == "title keyword 'avvocata'"


def test_input_unchanged_and_deterministic():
    G = _graph()
    before = copy.deepcopy(dict(G.nodes(data=True))), copy.deepcopy(list(G.edges(data=True)))
    first = enrich(G)
    assert (dict(G.nodes(data=True)), list(G.edges(data=True))) == before
    second = enrich(G)
    assert dict(first.nodes(data=True)) == dict(second.nodes(data=True))
    assert first.graph == G.graph


def test_annotate_in_place_is_idempotent():
    G = _graph()
    assert annotate_enrichment(G) is None
    once = copy.deepcopy(dict(G.nodes(data=True)))
    annotate_enrichment(G)
    assert dict(G.nodes(data=True)) == once
    nk.validate_graph(G)


def test_re_enrichment_drops_stale_values():
    G = _graph()
    annotate_enrichment(G)
    G.nodes["li:ada"]["position"] = "Wizard"
    G.edges["li:ada", "org:enel green power"]["title"] = "Wizard"
    annotate_enrichment(G)
    assert "function" not in G.nodes["li:ada"] and "function_source" not in G.nodes["li:ada"]


def test_every_value_has_its_source():
    H = enrich(_graph())
    for _, data in H.nodes(data=True):
        for key in ("function", "seniority", "sector", "territory"):
            assert (key in data) == (f"{key}_source" in data)
    assert set(ENRICHED_KEYS) >= {"function", "sector_source", "province"}


def test_coverage():
    report = enrichment_coverage(enrich(_graph()), top=5)
    assert report["contacts"] == 4 and report["with_organisation"] == 3
    assert report["coverage"]["function"] == pytest.approx(3 / 4)
    assert report["coverage"]["sector_with_organisation"] == 1.0
    assert report["counts"]["territory"] == 3  # Cy's firm has no known address
    assert report["unclassified_titles"] == []
    assert enrichment_coverage(nx.Graph(netkit_schema=1))["coverage"]["function"] == 0.0


def test_sample_coverage():
    G, _ = nk.read(SAMPLE)
    H = enrich(G)
    nk.validate_graph(H)
    report = enrichment_coverage(H)
    assert report["coverage"]["function"] >= 0.85
    assert report["coverage"]["sector_with_organisation"] >= 0.85
    # the LinkedIn export has no locations: territories come from known organisations only
    for _, data in H.nodes(data=True):
        if "territory" in data and data.get("kind") == "person":
            assert data["territory_source"].startswith("organisation ")
    enel = H.nodes["org:enel green power"]
    assert enel["sector"] == "renewable-energy"
    assert H.nodes["org:eni"]["sector"] == "oil-gas"
    assert H.nodes["org:enel"]["sector"] == "utilities"


def test_graphml_round_trip(tmp_path):
    H = enrich(_graph())
    path = tmp_path / "n.graphml"
    nk.write_graphml(H, path)
    back = nk.read_graphml(path)
    assert dict(back.nodes(data=True)) == dict(H.nodes(data=True))
