"""Two imports of one network compared: new, lost and moved contacts."""

from __future__ import annotations

import copy
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from netkit.analyse.diff import Diff, diff
from netkit.build import NetworkBuilder
from netkit.pipeline import import_network
from netkit.sample import SAMPLE_FILES

DATA = Path(__file__).resolve().parents[2] / "data"
PEOPLE = ["person", "name", "company", "position"]
CHANGED = ["person", "name", "field", "old", "new", "why", "why_it"]


def network(people: dict[str, dict], *, date: str) -> nx.Graph:
    """People with company, position and current organisation, as an import builds them."""
    b = NetworkBuilder("linkedin-connections")
    for pid, attrs in people.items():
        b.person(pid, name=attrs["name"], company=attrs.get("company", ""),
                 position=attrs.get("position", ""))  # fmt: skip
        b.tie(pid, channel="linkedin", connected_on="2020-01-01")
        if attrs.get("company"):
            b.member(pid, attrs["company"], title=attrs.get("position", ""))
    G = b.graph("linkedin-connections:Connections.csv:0:0")
    G.graph["archive_date"] = date
    return G


@pytest.fixture
def pair() -> tuple[nx.Graph, nx.Graph]:
    old = network(
        {
            "li:ada": {"name": "Ada Rossi", "company": "Pirelli", "position": "HR Manager"},
            "li:bo": {"name": "Bo Bianchi", "company": "Enel S.p.A.", "position": "Analyst"},
            "li:cy": {"name": "Cy Verdi", "company": "Eni", "position": "Engineer"},
            "li:eva": {"name": "Eva Neri", "company": "Prysmian", "position": "Buyer"},
        },
        date="2025-11-01",
    )
    new = network(
        {
            "li:ada": {"name": "Ada Rossi", "company": "Enel Green Power",
                       "position": "HR Director"},
            "li:bo": {"name": "Bo Bianchi", "company": "ENEL SpA", "position": "ANALYST"},
            "li:dee": {"name": "Dee Gallo", "company": "Snam", "position": "Lawyer"},
            "li:eva": {"name": "Eva Neri", "position": "Buyer"},
        },
        date="2026-11-01",
    )  # fmt: skip
    return old, new


def test_added_lost_changed(pair):
    old, new = pair
    before_old, before_new = copy.deepcopy(old), copy.deepcopy(new)
    d = diff(old, new)
    assert nx.utils.graphs_equal(old, before_old) and nx.utils.graphs_equal(new, before_new)
    assert dict(old.nodes(data=True)) == dict(before_old.nodes(data=True))
    assert dict(new.nodes(data=True)) == dict(before_new.nodes(data=True))
    assert isinstance(d, Diff)
    assert list(d.added.columns) == PEOPLE and list(d.lost.columns) == PEOPLE
    assert list(d.changed.columns) == CHANGED
    assert d.added.values.tolist() == [["li:dee", "Dee Gallo", "Snam", "Lawyer"]]
    assert d.lost.values.tolist() == [["li:cy", "Cy Verdi", "Eni", "Engineer"]]
    # Enel S.p.A. -> ENEL SpA is one organisation; "Analyst" -> "ANALYST" one title
    assert d.changed[["person", "field", "old", "new"]].values.tolist() == [
        ["li:ada", "organisation", "Pirelli", "Enel Green Power"],
        ["li:ada", "position", "HR Manager", "HR Director"],
        ["li:eva", "organisation", "Prysmian", None],
    ]
    why = d.changed["why"].tolist()
    assert why[0] == (
        "Moved from Pirelli to Enel Green Power: a natural reason to get back in touch "
        "(congratulate them, ask how the new place is going)."
    )
    assert why[1].startswith("New role: HR Director (was HR Manager): a natural reason")
    assert why[2].startswith("No longer lists Prysmian")
    assert all("motivo naturale per rifarsi vivi" in text for text in d.changed["why_it"])
    assert (d.old_date, d.new_date) == ("2025-11-01", "2026-11-01")
    assert d.notes == []
    pd.testing.assert_frame_equal(diff(old, new).changed, d.changed)


def test_summary(pair):
    lines = diff(*pair).summary()
    assert lines == [
        "From 2025-11-01 to 2026-11-01: 1 new contact, 1 lost, 2 changed organisation or title",
        "  Ada Rossi: organisation Pirelli → Enel Green Power",
        "  Ada Rossi: position HR Manager → HR Director",
        "  Eva Neri: organisation Prysmian → (none)",
    ]
    short = diff(*pair).summary(limit=1)
    assert short[-1] == "  … and 2 more changes"


def test_swapped_arguments_are_noted(pair):
    old, new = pair
    assert "swapped" in diff(new, old).notes[0]


def test_company_text_and_membership_title():
    old, new = nx.Graph(netkit_schema=1), nx.Graph(netkit_schema=1)
    # no organisation nodes: the company text is compared (normalised)
    old.add_node("name:al", kind="person", name="Al", company="Acme S.r.l.")
    new.add_node("name:al", kind="person", name="Al", company="Beta Srl")
    old.add_node("name:bea", kind="person", name="Bea", company="Acme S.r.l.")
    new.add_node("name:bea", kind="person", name="Bea", company="ACME srl")
    # no position on the profile: the title on the current membership
    for G, title in ((old, "Analyst"), (new, "Senior Analyst")):
        G.add_node("mail:cai@x.it", kind="person", name="Cai")
        G.add_node("org:x", kind="organisation", name="X")
        G.add_edge("mail:cai@x.it", "org:x", kind="member_of", current=True, title=title)
    d = diff(old, new)
    assert d.changed[["person", "field", "old", "new"]].values.tolist() == [
        ["mail:cai@x.it", "title", "Analyst", "Senior Analyst"],
        ["name:al", "company", "Acme S.r.l.", "Beta Srl"],
    ]
    assert d.added.empty and d.lost.empty
    assert (d.old_date, d.new_date) == (None, None)
    assert d.summary()[0] == "0 new contacts, 0 lost, 2 changed organisation or title"


def test_empty_networks():
    empty = NetworkBuilder("test").graph("test:none:0:0")
    d = diff(empty, empty)
    assert d.added.empty and d.lost.empty and d.changed.empty
    assert list(d.added.columns) == PEOPLE and list(d.changed.columns) == CHANGED
    assert d.summary() == ["0 new contacts, 0 lost, 0 changed organisation or title"]


def test_sample_against_a_planted_later_export():
    G = import_network([DATA / name for name in SAMPLE_FILES]).graph
    assert diff(G, G).changed.empty and diff(G, G).added.empty
    later = copy.deepcopy(G)
    people = sorted(n for n, k in G.nodes(data="kind") if k == "person")
    movers = [p for p in people if any(G.nodes[o].get("kind") == "organisation" for o in G[p])]
    movers = movers[:5]
    for person in movers:
        for org in [o for o in later[person] if later.nodes[o].get("kind") == "organisation"]:
            later.edges[person, org]["current"] = False
        later.add_node("org:renantis", kind="organisation", name="Renantis")
        later.add_edge(person, "org:renantis", kind="member_of", current=True)
    gone = [p for p in people if p not in movers][:3]
    later.remove_nodes_from(gone)
    later.add_node("li:new-contact", kind="person", name="New Contact")
    later.add_edge("ego", "li:new-contact", connected_on="2027-01-10")
    later.graph["archive_date"] = "2027-01-15"
    d = diff(G, later)
    assert list(d.lost["person"]) == sorted(gone)
    assert list(d.added["person"]) == ["li:new-contact"]
    moved = d.changed[d.changed["field"] == "organisation"]
    assert sorted(moved["person"]) == sorted(movers)
    assert set(moved["new"]) == {"Renantis"}
    assert (moved["old"].str.len() > 0).all()
    assert set(d.changed["field"]) == {"organisation"}
    assert (d.old_date, d.new_date) == ("2026-11-01", "2027-01-15")
