"""One contract for every analyser over every kind of network (STYLE.md, issue 5).

Empty, single-contact, contacts-only (no interaction data), disconnected and the full
sample: each analyser returns its documented columns, the same rows twice, and leaves
its input untouched.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from netkit.analyse.bridges import bridges
from netkit.analyse.clusters import cluster_summary, clusters
from netkit.analyse.target import target
from netkit.analyse.ties import maintenance, ties
from netkit.build import NetworkBuilder
from netkit.pipeline import import_network
from netkit.sample import SAMPLE_FILES

DATA = Path(__file__).resolve().parents[2] / "data"


def owner_only() -> nx.Graph:
    return NetworkBuilder("test").graph("test:none:0:0")


def one_contact() -> nx.Graph:
    data = (
        b"First Name,Last Name,URL,Company,Position,Connected On\n"
        b"Ada,Lovelace,https://www.linkedin.com/in/ada,Enel Green Power,HR Director,1 Mar 2020"
    )
    return import_network([io.BytesIO(data)]).graph


def disconnected() -> nx.Graph:
    b = NetworkBuilder("test")
    for i in range(6):
        pid = b.person(f"name:p{i}", name=f"Person {i}")
        b.tie(pid, channel="email", messages_sent=i + 1, when=f"2024-0{i + 1}-01")
    b.link("name:p0", "name:p1", kind="email", when="2024-01-01")
    b.link("name:p2", "name:p3", kind="meeting", when="2024-02-01")
    b.member("name:p4", "Enel Green Power", title="Analyst")
    return b.graph("test:x:6:0")


@pytest.fixture(scope="module")
def networks() -> dict[str, nx.Graph]:
    return {
        "owner-only": owner_only(),
        "one-contact": one_contact(),
        "contacts-only": import_network([DATA / "Connections.csv"]).graph,
        "disconnected": disconnected(),
        "sample": import_network([DATA / name for name in SAMPLE_FILES]).graph,
    }


ANALYSERS = {
    "ties": ties,
    "maintenance": maintenance,
    "clusters": clusters,
    "cluster_summary": cluster_summary,
    "bridges": bridges,
    "target": lambda G: target(G, sector="renewable energy").ranking,
}


@pytest.mark.parametrize("analyser", sorted(ANALYSERS))
def test_every_analyser_on_every_network(analyser, networks):
    run = ANALYSERS[analyser]
    columns = list(run(networks["sample"]).columns)
    assert columns, analyser
    for name, G in networks.items():
        before = copy.deepcopy(G)
        first = run(G)
        second = run(G)
        assert isinstance(first, pd.DataFrame), (analyser, name)
        assert list(first.columns) == columns, (analyser, name)
        pd.testing.assert_frame_equal(first, second)
        assert nx.utils.graphs_equal(G, before), (analyser, name)
        assert dict(G.nodes(data=True)) == dict(before.nodes(data=True))
        assert {(u, v): d for u, v, d in G.edges(data=True)} == {
            (u, v): d for u, v, d in before.edges(data=True)
        }
        if "person" in first.columns:
            people = {n for n, k in G.nodes(data="kind") if k == "person"}
            assert set(first["person"]) <= people, (analyser, name)  # never organisations
