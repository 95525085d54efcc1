"""validate_graph and the id rules every importer shares."""

from __future__ import annotations

import networkx as nx
import pytest

import netkit as nk
from netkit.schema import linkedin_slug, organisation_id, person_id


def graph() -> nx.Graph:
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego")
    G.add_node("li:a", kind="person", name="A")
    G.add_node("org:x", kind="organisation", name="X")
    G.add_edge("ego", "li:a", connected_on="2020-01-01")
    G.add_edge("li:a", "org:x", kind="member_of", current=True)
    return G


def test_a_valid_graph_passes():
    nk.validate_graph(graph())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda G: G.graph.pop("netkit_schema"), "netkit_schema"),
        (lambda G: G.graph.update(ego="nobody"), "no node 'nobody'"),
        (
            lambda G: G.nodes["li:a"].update(name=None),
            "node 'li:a': attribute 'name' is a NoneType",
        ),
        (lambda G: G.nodes["li:a"].update(name=""), "empty string"),
        (lambda G: G.nodes["li:a"].update(emails=["a@b.c"]), "is a list"),
        (lambda G: G.nodes["li:a"].update(score=float("nan")), "NaN"),
        (lambda G: G.nodes["li:a"].update(name="a\x00b"), "control character"),
        (lambda G: G.nodes["li:a"].pop("kind"), "kind is None"),
        (lambda G: G.add_node("li:b", kind="robot"), "node 'li:b': kind is 'robot'"),
        (lambda G: G.edges["li:a", "org:x"].pop("kind"), "needs kind='member_of'"),
        (
            lambda G: G.add_edge("li:a", "li:c") or G.nodes["li:c"].update(kind="person"),
            "needs the kind of its evidence",
        ),
        (
            lambda G: (
                G.add_node("org:y", kind="organisation")
                or G.add_edge("org:x", "org:y", kind="member_of")
            ),
            "organisations link only to people",
        ),
        (lambda G: G.add_node(7, kind="person"), "node ids must be non-empty strings"),
    ],
)
def test_validate_names_the_first_offender(change, message):
    G = graph()
    change(G)
    with pytest.raises(nk.SchemaError, match=message.replace("(", r"\(")):
        nk.validate_graph(G)


def test_directed_graphs_are_refused():
    with pytest.raises(nk.SchemaError, match="undirected"):
        nk.validate_graph(nx.DiGraph(netkit_schema=1))


@pytest.mark.parametrize(
    ("spellings", "expected"),
    [
        (["Enel S.p.A.", "ENEL SpA", "Enel", "enel spa"], "org:enel"),
        (
            ["Officine Brambilla S.r.l.", "OFFICINE BRAMBILLA SRL", "Officine Brambilla srl"],
            "org:officine brambilla",
        ),
        (["Siemens AG", "SIEMENS"], "org:siemens"),
        (
            ["Northwind Analytics, Inc.", "Northwind Analytics Inc", "NORTHWIND ANALYTICS, INC"],
            "org:northwind analytics",
        ),
        (
            ["Università Bocconi", "Universita' Bocconi", "UNIVERSITÀ BOCCONI"],
            "org:universita bocconi",
        ),
        (["Vestas Wind Systems A/S", "Vestas Wind Systems AS"], "org:vestas wind systems"),
    ],
)
def test_spellings_of_one_organisation_share_an_id(spellings, expected):
    assert {organisation_id(s) for s in spellings} == {expected}


@pytest.mark.parametrize("text", ["Self-employed", "FREELANCE", "Libero professionista", "-", ""])
def test_words_that_name_no_organisation(text):
    assert organisation_id(text) is None


def test_different_organisations_stay_apart():
    assert organisation_id("Enel Green Power S.p.A.") != organisation_id("Enel S.p.A.")


def test_person_ids():
    assert linkedin_slug("https://it.linkedin.com/in/Mario-Rossi/?trk=x") == "mario-rossi"
    assert linkedin_slug("linkedin.com/pub/mario-rossi/1/2/3") == "mario-rossi"
    assert linkedin_slug("https://www.linkedin.com/company/enel") is None
    assert person_id(name="  Nicolò   D’Angelo ") == "name:nicolo d’angelo"
    with pytest.raises(ValueError, match="needs"):
        person_id(name=" ")
