"""The native file: every attribute, value and type survives a round trip."""

from __future__ import annotations

import networkx as nx
import pytest

import netkit as nk
from tests.conftest import connections_csv
from tests.io.test_linkedin import ROWS


def assert_identical(a: nx.Graph, b: nx.Graph) -> None:
    assert a.graph == b.graph
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert {frozenset((u, v)): d for u, v, d in a.edges(data=True)} == {
        frozenset((u, v)): d for u, v, d in b.edges(data=True)
    }
    for node, data in a.nodes(data=True):  # 1 == True == 1.0: compare the types too
        assert {k: type(v) for k, v in data.items()} == {
            k: type(v) for k, v in b.nodes[node].items()
        }
    for u, v, data in a.edges(data=True):
        assert {k: type(x) for k, x in data.items()} == {
            k: type(x) for k, x in b.edges[u, v].items()
        }


def test_round_trip_of_an_imported_network(write, tmp_path):
    G, _ = nk.read(write(connections_csv(ROWS)))
    out = nk.write_graphml(G, tmp_path / "network.graphml")
    assert_identical(G, nk.read_graphml(out))


def test_round_trip_of_every_value_type(tmp_path):
    G = nx.Graph(netkit_schema=1, ego="ego", sources="a:b.csv:3:0;c:d.vcf:2:1", weight_total=2.5)
    G.add_node("ego", kind="ego", name="Chiara Colombo")
    G.add_node(
        "li:x",
        kind="person",
        name="Zoë <b>&amp; 'quoted' \"name\"",
        count=0,
        score=0.1 + 0.2,
        big=2**40,
        flag=False,
        emoji="🌱",
        spaced="  two  spaces ",
        multi="line one\nline two\ttab",
    )
    G.add_node("org:enel", kind="organisation", name="Enel")
    G.add_edge("ego", "li:x", connected_on="2021-03-12", messages_sent=3, strength=1e-9)
    G.add_edge("li:x", "org:enel", kind="member_of", current=True, title="CEO")
    G.add_node("li:y", kind="person")
    G.add_edge("li:x", "li:y", kind="message;meeting", count=2)
    back = nk.read_graphml(nk.write_graphml(G, tmp_path / "n.graphml"))
    assert_identical(G, back)
    assert back.nodes["li:x"]["score"] == 0.1 + 0.2
    assert back.edges["li:x", "org:enel"]["current"] is True


def test_reading_a_file_that_is_not_a_netkit_network(write):
    path = write(
        b"<?xml version='1.0'?><graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"
        b"<graph edgedefault='undirected'><node id='a'/></graph></graphml>",
        name="other.graphml",
    )
    with pytest.raises(nk.SchemaError, match=r"other.graphml: is not a netkit network"):
        nk.read_graphml(path)
    broken = write(b"<?xml version='1.0'?><graphml><graph>", name="broken.graphml")
    with pytest.raises(nk.ParseError, match=r"broken.graphml: is not readable GraphML"):
        nk.read_graphml(broken)


def test_an_invalid_graph_is_not_written(tmp_path):
    G = nx.Graph(netkit_schema=1)
    G.add_node("li:x", kind="person", name="")
    with pytest.raises(nk.SchemaError, match="empty string"):
        nk.write_graphml(G, tmp_path / "n.graphml")
    assert not (tmp_path / "n.graphml").exists()
