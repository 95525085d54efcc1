"""Network files made elsewhere (GraphML, GEXF, edge lists) on real third-party datasets.

The datasets are read from ``../shared/datasets`` next to the repository, never copied
into it; each test names its source. Tests that need them skip when the folder is
absent.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import networkx as nx
import pytest

import netkit as nk
from netkit.build import NetworkBuilder, source_entry
from netkit.io._text import Source
from netkit.io.netfiles import (
    EDGE_LIST_FORMAT,
    GEXF_FORMAT,
    GRAPHML_FORMAT,
    read_edge_list,
    read_gexf,
    read_graphml_network,
    read_network_file,
    sniff_edge_list,
    sniff_gexf,
    sniff_graphml,
)

DATASETS = Path(
    os.environ.get("NETKIT_DATASETS")
    or Path(__file__).resolve().parents[2].parent / "shared" / "datasets"
)
CLASSICS = DATASETS / "networkx-classics"
KRACKHARDT = DATASETS / "krackhardt-high-tech"

needs_datasets = pytest.mark.skipif(
    not DATASETS.is_dir(), reason=f"third-party datasets not found at {DATASETS}"
)


def persons(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


def kinds(G):
    return sorted({kind for _, _, kind in G.edges(data="kind")})


def check(G, report):
    """What every import must satisfy: the schema and a balanced report."""
    nk.validate_graph(G)
    assert report.balanced
    assert report.contacts == len(persons(G))


def sniff(path: Path, function) -> bool:
    text = path.read_bytes()[: 256 * 1024].decode("utf-8")
    return function(Source(path.name, path.read_bytes()), None, text)


# --- GraphML: networkx's classic social networks --------------------------------------


@needs_datasets
def test_karate_club_whole_network():
    """Zachary's karate club (Zachary 1977; networkx-classics/karate_club.graphml):
    34 members, 78 ties weighted by the number of contexts of interaction."""
    G, report = read_network_file(CLASSICS / "karate_club.graphml")
    check(G, report)
    assert report.format == GRAPHML_FORMAT
    assert "ego" not in G.graph and "ego" not in G
    assert len(persons(G)) == G.number_of_nodes() == 34
    assert G.number_of_edges() == 78 and kinds(G) == ["knows"]
    assert (report.rows_read, report.accepted) == (34 + 78, 34 + 78)
    assert report.counts == {"knows ties": 78}
    # the two leaders: the instructor (node 0, degree 16) and the officer (33, degree 17)
    assert G.degree("name:0") == 16 and G.degree("name:33") == 17
    assert G.nodes["name:0"] == {
        "kind": "person",
        "sources": "graphml",
        "name": "0",
        "source_id": "0",
        "club": "Mr. Hi",
    }
    assert G.nodes["name:33"]["club"] == "Officer"
    # integer weights give both a weight and a count
    edge = G.edges["name:0", "name:1"]
    assert (edge["weight"], edge["count"]) == (4.0, 4)
    assert sum(w for _, _, w in G.edges(data="weight")) == 231.0
    assert sum(c for _, _, c in G.edges(data="count")) == 231
    assert G.graph["sources"] == "graphml:karate_club.graphml:112:0"
    assert any("read whole" in note for note in report.notes)


@needs_datasets
def test_karate_club_with_the_instructor_as_owner():
    """Zachary's karate club (networkx-classics/karate_club.graphml), read as node 0's
    (the instructor's) network: his 16 ties become owner ties."""
    G, report = read_graphml_network(CLASSICS / "karate_club.graphml", ego="0")
    check(G, report)
    assert G.graph["ego"] == "ego"
    assert G.nodes["ego"] == {"kind": "ego", "name": "0", "source_id": "0", "club": "Mr. Hi"}
    assert len(persons(G)) == 33 and "name:0" not in G
    assert G.degree("ego") == 16 and G.number_of_edges() == 78
    assert report.counts == {"knows ties": 62, "owner ties": 16}
    tie = G.edges["ego", "name:1"]
    assert tie == {"sources": "graphml", "channels": "network", "weight": 4.0}
    assert "kind" not in tie  # an owner tie, not a person–person link
    assert G.edges["name:1", "name:2"]["kind"] == "knows"


@needs_datasets
def test_florentine_families_owner_by_label_case_insensitive():
    """Padgett & Ansell (1993) Florentine marriage network
    (networkx-classics/florentine_families.graphml): 15 families, 20 ties; the Medici
    broker six marriages."""
    G, report = read_network_file(CLASSICS / "florentine_families.graphml", ego="MEDICI")
    check(G, report)
    assert G.nodes["ego"]["name"] == "Medici"
    assert len(persons(G)) == 14 and G.number_of_edges() == 20
    assert sorted(G["ego"]) == [
        "name:acciaiuoli",
        "name:albizzi",
        "name:barbadori",
        "name:ridolfi",
        "name:salviati",
        "name:tornabuoni",
    ]
    assert "weight" not in G.edges["ego", "name:ridolfi"]  # the file has no weights
    assert G.edges["name:strozzi", "name:peruzzi"] == {
        "sources": "graphml",
        "kind": "knows",
        "count": 1,
    }


@needs_datasets
def test_unknown_ego_lists_close_labels():
    """Florentine families (networkx-classics/florentine_families.graphml)."""
    with pytest.raises(nk.NetkitError, match="ego 'Medicci' is no node") as info:
        read_network_file(CLASSICS / "florentine_families.graphml", ego="Medicci")
    assert "close: 'Medici'" in str(info.value)
    assert info.value.path == str(CLASSICS / "florentine_families.graphml")
    with pytest.raises(nk.NetkitError, match="the file's nodes include 'Acciaiuoli'"):
        read_network_file(CLASSICS / "florentine_families.graphml", ego="Zzyzx")


@needs_datasets
@pytest.mark.parametrize("version", ["1.2draft", "1.3"])
def test_les_miserables_as_gephi_gexf_with_labels_and_attributes(tmp_path, version):
    """Les Misérables co-appearances (Knuth 1993; networkx-classics/les_miserables.graphml),
    written as GEXF by networkx with numeric ids, labels and node attributes, as a Gephi
    project would hold it: 77 characters, 254 weighted ties, Valjean with 36."""
    source = nx.read_graphml(CLASSICS / "les_miserables.graphml")
    numbered = nx.convert_node_labels_to_integers(source, label_attribute="character")
    for node, data in numbered.nodes(data=True):
        data["label"] = data.pop("character")
        data["chapter_count"] = node % 5
    [valjean_id] = [n for n, label in numbered.nodes(data="label") if label == "Valjean"]
    numbered.nodes[valjean_id]["company"] = "Fabrique de Montreuil-sur-Mer"
    numbered.nodes[valjean_id]["title"] = "Mayor"
    path = tmp_path / "lesmis.gexf"
    nx.write_gexf(numbered, path, version=version)

    assert sniff(path, sniff_gexf) and not sniff(path, sniff_graphml)
    G, report = read_network_file(path)
    check(G, report)
    assert report.format == GEXF_FORMAT
    assert len(persons(G)) == 77
    assert G.number_of_edges() == 254 + 1  # the ties, plus Valjean's membership
    assert report.counts == {"knows ties": 254}
    assert report.organisations == 1
    valjean = G.nodes["name:valjean"]
    assert valjean["name"] == "Valjean" and valjean["source_id"] == str(valjean_id)
    assert valjean["company"] == "Fabrique de Montreuil-sur-Mer"
    assert valjean["position"] == "Mayor" and valjean["chapter_count"] == valjean_id % 5
    assert G.edges["name:valjean", "org:fabrique de montreuil sur mer"]["title"] == "Mayor"
    knows = [(u, v) for u, v, k in G.edges(data="kind") if k == "knows"]
    assert sum(1 for u, v in knows if "name:valjean" in (u, v)) == 36
    assert sum(G.edges[e]["weight"] for e in knows) == 820.0
    assert G.edges["name:myriel", "name:napoleon"]["weight"] == 1.0

    G, report = read_gexf(path, ego="valjean")
    check(G, report)
    assert report.counts == {"knows ties": 254 - 36, "owner ties": 36}
    assert G.nodes["ego"]["position"] == "Mayor"
    assert G.edges["ego", "org:fabrique de montreuil sur mer"]["kind"] == "member_of"


# --- edge lists: Krackhardt's high-tech managers ------------------------------------------


def krackhardt_pairs(name: str) -> tuple[int, int]:
    """Rows and reciprocated pairs of a Krackhardt relation, counted with plain csv."""
    with (KRACKHARDT / name).open(newline="") as handle:
        ties = {(row["ego"], row["alter"]) for row in csv.DictReader(handle)}
    return len(ties), sum(1 for a, b in ties if (b, a) in ties) // 2


@needs_datasets
def test_krackhardt_advice_edge_list_with_node_table():
    """Krackhardt (1987) "Cognitive social structures", high-tech managers
    (krackhardt-high-tech/advice.csv, attributes.csv): 21 managers, 190 directed advice
    ties; a pair who ask each other is one reciprocated edge."""
    rows, mutual = krackhardt_pairs("advice.csv")
    assert rows == 190
    G, report = read_network_file(KRACKHARDT / "advice.csv", nodes=KRACKHARDT / "attributes.csv")
    check(G, report)
    assert report.format == EDGE_LIST_FORMAT
    assert report.rows_read == 21 + 190 and report.accepted == 21 + 190
    assert len(persons(G)) == 21
    assert G.number_of_edges() == 190 - mutual
    assert report.counts == {"knows ties": 190 - mutual, "reciprocated pairs": mutual}
    assert sum(1 for *_, r in G.edges(data="reciprocated") if r) == mutual
    ceo = G.nodes["name:7"]  # level 1: the CEO, in department 0
    assert (ceo["level"], ceo["department"], ceo["age"]) == (1, 0, 55)
    assert ceo["tenure_years"] == 30 and G.nodes["name:1"]["tenure_years"] == 9.333
    assert not report.problems and not report.rejected
    assert any("directed tie" in note for note in report.notes)


@needs_datasets
def test_krackhardt_friendship_as_the_ceos_network():
    """Krackhardt (1987) high-tech managers (krackhardt-high-tech/friendship.csv,
    attributes.csv), read as manager 7's (the CEO's) network."""
    with (KRACKHARDT / "friendship.csv").open(newline="") as handle:
        ties = {(r["ego"], r["alter"]) for r in csv.DictReader(handle)}
    friends = {b for a, b in ties if a == "7"} | {a for a, b in ties if b == "7"}
    rows, mutual = krackhardt_pairs("friendship.csv")
    G, report = read_edge_list(
        KRACKHARDT / "friendship.csv", nodes=KRACKHARDT / "attributes.csv", ego="7"
    )
    check(G, report)
    assert rows == 102
    assert sorted(G["ego"]) == sorted(f"name:{f}" for f in friends)
    assert G.nodes["ego"]["level"] == 1
    assert report.counts["owner ties"] == len(friends)
    assert report.counts["reciprocated pairs"] == mutual
    assert G.number_of_edges() == 102 - mutual


@needs_datasets
def test_krackhardt_read_undirected_makes_reverse_rows_parallel_edges():
    """Krackhardt (1987) advice ties (krackhardt-high-tech/advice.csv) with
    directed=False: a reverse row is the same tie again, skipped and counted."""
    _, mutual = krackhardt_pairs("advice.csv")
    G, report = read_edge_list(KRACKHARDT / "advice.csv", directed=False)
    check(G, report)
    assert report.rows_read == 190 and report.accepted == 190 - mutual
    assert report.skipped == {
        "parallel edge: the same pair again, its weight added to the first": mutual
    }
    assert "reciprocated pairs" not in report.counts
    assert max(c for *_, c in G.edges(data="count")) == 2
    assert len(persons(G)) == 21  # no node table: every end is a person named by its id


@needs_datasets
@pytest.mark.parametrize(
    ("path", "function", "expected"),
    [
        ("networkx-classics/karate_club.graphml", sniff_graphml, True),
        ("networkx-classics/karate_club.graphml", sniff_gexf, False),
        ("networkx-classics/karate_club.graphml", sniff_edge_list, False),
        ("krackhardt-high-tech/advice.csv", sniff_edge_list, True),
        ("krackhardt-high-tech/advice.csv", sniff_graphml, False),
        ("krackhardt-high-tech/attributes.csv", sniff_edge_list, False),
    ],
)
def test_sniff_real_files(path, function, expected):
    """networkx-classics (Zachary 1977) and Krackhardt (1987) files."""
    assert sniff(DATASETS / path, function) is expected


# --- inline edge cases ---------------------------------------------------------------------

DIRECTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="string"/>
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <key id="t" for="node" attr.name="type" attr.type="string"/>
  <key id="c" for="node" attr.name="company" attr.type="string"/>
  <key id="e" for="node" attr.name="email" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="l">Ada Lovelace</data><data key="c">Enel SpA</data></node>
    <node id="b"><data key="l">Bo Chen</data><data key="e">Bo@Example.com</data></node>
    <node id="c"><data key="l">ada lovelace</data></node>
    <node id="o"><data key="l">Enel</data><data key="t">Company</data></node>
    <edge source="a" target="b"><data key="w">2</data></edge>
    <edge source="b" target="a"><data key="w">3</data></edge>
    <edge source="a" target="b"><data key="w">1.5</data></edge>
    <edge source="a" target="a"/>
    <edge source="c" target="b"><data key="w">lots</data></edge>
    <edge source="c" target="o"/>
    <edge source="b" target="z"/>
  </graph>
</graphml>"""


def test_directed_graphml_reciprocated_pairs_self_loops_and_multi_edges(write):
    G, report = read_network_file(write(DIRECTED, "survey.graphml"))
    check(G, report)
    # 4 nodes + 7 edges; a-b, b-a (reciprocated), c-o and b-z kept
    assert (report.rows_read, report.accepted) == (11, 8)
    assert report.skipped == {
        "parallel edge: the same pair again, its weight added to the first": 1,
        "self-loop: a node tied to itself": 1,
    }
    assert [(r.line, r.reason) for r in report.rejected] == [(17, "weight 'lots' is not a number")]
    assert [(p.line, p.reason) for p in report.problems] == [
        (19, "node 'z' is used by an edge but not declared in the file: added without attributes")
    ]
    assert report.counts == {"knows ties": 2, "memberships": 1, "reciprocated pairs": 1}
    assert persons(G) == [
        "mail:bo@example.com",
        "name:ada lovelace",
        "name:ada lovelace#2",
        "name:z",
    ]
    assert any("'a' and 'c' would both be 'name:ada lovelace'" in n for n in report.notes)
    edge = G.edges["name:ada lovelace", "mail:bo@example.com"]
    assert (edge["weight"], edge["count"], edge["reciprocated"]) == (6.5, 6, True)
    assert G.edges["mail:bo@example.com", "name:z"]["reciprocated"] is False
    # an organisation node: its edges are memberships; a company attribute is one too
    assert G.nodes["org:enel"]["kind"] == "organisation"
    assert G.edges["name:ada lovelace#2", "org:enel"]["kind"] == "member_of"
    assert G.edges["name:ada lovelace", "org:enel"]["kind"] == "member_of"
    assert G.nodes["name:ada lovelace"]["company"] == "Enel SpA"
    assert report.organisations == 1
    assert G.graph["sources"] == "graphml:survey.graphml:11:1"


def test_bad_weight_with_on_bad_rows_error(write):
    path = write(DIRECTED, "survey.graphml")
    with pytest.raises(nk.ParseError, match="weight 'lots' is not a number") as info:
        read_graphml_network(path, on_bad_rows="error")
    assert (info.value.path, info.value.line) == (str(path), 17)
    with pytest.raises(ValueError, match="on_bad_rows"):
        read_graphml_network(path, on_bad_rows="ignore")


def test_directed_owner_ties_merge_both_directions(write):
    G, report = read_graphml_network(write(DIRECTED, "survey.graphml"), ego="a")
    check(G, report)
    assert G.nodes["ego"]["name"] == "Ada Lovelace"
    tie = G.edges["ego", "mail:bo@example.com"]
    assert (tie["channels"], tie["weight"], tie["reciprocated"]) == ("network", 6.5, True)
    assert G.edges["ego", "org:enel"]["kind"] == "member_of"
    assert report.counts["owner ties"] == 1


def test_ambiguous_ego_label(write):
    with pytest.raises(nk.NetkitError, match=r"matches 2 nodes: 'a' \(Ada Lovelace\), 'c'"):
        read_graphml_network(write(DIRECTED, "survey.graphml"), ego="ADA LOVELACE")
    with pytest.raises(nk.NetkitError, match="is an organisation node"):
        read_graphml_network(write(DIRECTED, "survey.graphml"), ego="o")


def test_multigraph_parallel_edges_add_their_weights(write):
    data = b"""<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    <key id="w" for="edge" attr.name="weight" attr.type="double"/>
    <key id="k" for="edge" attr.name="layer" attr.type="string"/>
    <graph edgedefault="undirected">
    <node id="1"/><node id="2"/><node id="3"/>
    <edge id="e1" source="1" target="2"><data key="w">1</data><data key="k">advice</data></edge>
    <edge id="e2" source="2" target="1"><data key="w">1</data><data key="k">friendship</data></edge>
    <edge id="e3" source="1" target="2"><data key="w">0.5</data><data key="k">advice</data></edge>
    <edge id="e4" source="2" target="3"/>
    </graph></graphml>"""
    G, report = read_network_file(write(data, "multiplex.graphml"))
    check(G, report)
    assert (report.rows_read, report.accepted) == (7, 5)
    assert report.skipped == {
        "parallel edge: the same pair again, its weight added to the first": 2
    }
    edge = G.edges["name:1", "name:2"]
    assert (edge["weight"], edge["count"], edge["relation"]) == (2.5, 3, "advice;friendship")
    assert "reciprocated" not in edge and "reciprocated pairs" not in report.counts
    assert G.edges["name:2", "name:3"] == {"sources": "graphml", "kind": "knows", "count": 1}


def netkit_graphml(tmp_path) -> Path:
    builder = NetworkBuilder("linkedin-connections")
    builder.tie(builder.person("li:ada", name="Ada"), channel="linkedin")
    return nk.write_graphml(builder.graph(source_entry("x", "y", 1, 0)), tmp_path / "net.graphml")


def test_netkit_graphml_is_not_this_format(tmp_path):
    path = netkit_graphml(tmp_path)
    assert not sniff(path, sniff_graphml)
    with pytest.raises(nk.UnsupportedFormat, match="a network saved by netkit; open it with"):
        read_network_file(path)
    with pytest.raises(nk.UnsupportedFormat, match="a network saved by netkit"):
        read_graphml_network(path)


@pytest.mark.parametrize(
    ("reader", "data", "line"),
    [
        (
            read_graphml_network,
            b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
            b'<graph edgedefault="undirected">\n<node id="a">\n</graph>',
            4,
        ),
        (
            read_gexf,
            b'<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph>\n<nodes>\n'
            b'<node id="a" label="A"/>\n<node id="b" label="B"',
            5,
        ),
    ],
    ids=["graphml", "gexf"],
)
def test_broken_xml_is_a_parse_error_with_path_and_line(write, reader, data, line):
    path = write(data, "broken.xml")
    with pytest.raises(nk.ParseError, match="is not well-formed XML") as info:
        reader(path)
    assert info.value.path == str(path) and info.value.line == line
    assert "export the" in str(info.value)
    with pytest.raises(nk.ParseError):
        read_network_file(path)


def test_graphml_networkx_cannot_read_is_a_parse_error(write):
    data = b"""<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    <graph edgedefault="undirected"><node id="a"><data key="nokey">1</data></node></graph>
    </graphml>"""
    path = write(data, "odd.graphml")
    with pytest.raises(nk.ParseError, match=r"is not readable GraphML \(Bad GraphML data: no key"):
        read_network_file(path)


GEPHI_GEXF = b"""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.3" xmlns:viz="http://www.gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-05-01"><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="company" title="Company" type="string"/>
      <attribute id="title" title="Title" type="string"/>
      <attribute id="email" title="Email" type="string"/>
      <attribute id="age" title="Age" type="short"/>
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
    </attributes>
    <nodes>
      <node id="n0" label="Giulia De Luca">
        <attvalues>
          <attvalue for="company" value="Enel S.p.A."/><attvalue for="title" value="HR"/>
          <attvalue for="age" value="41"/><attvalue for="modularity_class" value="2"/>
        </attvalues>
        <viz:size value="10.0"/><viz:position x="1.0" y="2.0"/><viz:color r="1" g="2" b="3"/>
      </node>
      <node id="n1" label="Marco Bianchi">
        <attvalues><attvalue for="email" value="Marco.Bianchi@Example.com"/></attvalues>
      </node>
      <node id="n2" label="Zoe Ng"/>
    </nodes>
    <edges>
      <edge id="0" source="n0" target="n1" weight="2.0"/>
      <edge id="1" source="n1" target="n0" weight="1.0"/>
      <edge id="2" source="n2" target="n2" weight="1.0"/>
    </edges>
  </graph>
</gexf>"""


def test_gephi_gexf_13_with_www_namespace_viz_and_short_type(write):
    G, report = read_network_file(write(GEPHI_GEXF, "project.gexf"))
    check(G, report)
    assert report.format == GEXF_FORMAT
    assert (report.rows_read, report.accepted) == (6, 5)
    assert report.skipped == {"self-loop: a node tied to itself": 1}
    assert persons(G) == ["mail:marco.bianchi@example.com", "name:giulia de luca", "name:zoe ng"]
    giulia = G.nodes["name:giulia de luca"]
    assert (giulia["Age"], giulia["Modularity Class"], giulia["position"]) == (41, 2, "HR")
    assert "viz" not in giulia
    assert G.edges["name:giulia de luca", "org:enel"]["title"] == "HR"
    edge = G.edges["name:giulia de luca", "mail:marco.bianchi@example.com"]
    assert (edge["weight"], edge["count"], edge["reciprocated"]) == (3.0, 3, True)
    assert "GEXF namespace read as GEXF 1.3" in report.notes
    assert "attribute 'viz' is not kept: Gephi's drawing data (position, colour, size)" in (
        report.notes
    )


def test_gexf_without_namespace(write):
    data = b"""<gexf version="1.2"><graph defaultedgetype="undirected">
    <nodes><node id="1" label="Ada"/><node id="2" label="Bo"/></nodes>
    <edges><edge source="1" target="2" weight="2"/></edges></graph></gexf>"""
    G, report = read_gexf(write(data, "plain.gexf"))
    check(G, report)
    assert G.edges["name:ada", "name:bo"]["count"] == 2
    assert "GEXF namespace read as GEXF 1.2" in report.notes


GEPHI_EDGES = (
    "Source,Target,Type,Id,Label,timeset,Weight\n"
    "1,2,Undirected,0,,,1.0\n"  # line 2
    "2,1,Undirected,1,,,2.0\n"  # 3: same undirected pair again
    "2,3,Undirected,2,,,1.0\n"  # 4: Bo works at Northwind (an organisation node)
    "3,9,Undirected,3,,,1.0\n"  # 5: 9 is not in the node table
    "1,,Undirected,4,,,1.0\n"  # 6: no target
    "4,1,Undirected,5,,,heavy\n"  # 7: weight not a number
    "4,4,Undirected,6,,,1\n"  # 8: self-loop
)
GEPHI_NODES = (
    "Id,Label,timeset,email,type,title,tags\n"
    "1,Ada Lovelace,,ada@example.com,,Analyst,x\n"  # line 2
    "2,Bo Chen,,,,,\n"
    "3,Northwind Analytics,,,organization,,\n"
    ",Nobody,,,,,\n"  # 5: no id
    "2,Bo Chen again,,,,,\n"  # 6: duplicate id
    "4,Carla Neri,,,Person,CTO,\n"
)


def test_gephi_edge_and_node_tables(write):
    edges = write(GEPHI_EDGES, "edges.csv")
    nodes = write(GEPHI_NODES, "nodes.csv")
    G, report = read_network_file(edges, nodes=nodes)
    check(G, report)
    assert report.rows_read == 6 + 7
    assert [(r.line, r.member, r.reason) for r in report.rejected] == [
        (5, "nodes.csv", "no node id"),
        (6, "", "no Target: an edge needs both ends"),
        (7, "", "weight 'heavy' is not a number"),
    ]
    assert [(d.line, d.member, d.reason) for d in report.duplicates] == [
        (6, "nodes.csv", "same node id as line 3: counted once")
    ]
    assert [(p.line, p.reason) for p in report.problems] == [
        (5, "node '9' is not in the node table (nodes.csv): added without attributes")
    ]
    assert report.skipped == {
        "parallel edge: the same pair again, its weight added to the first": 1,
        "self-loop: a node tied to itself": 1,
    }
    assert persons(G) == ["mail:ada@example.com", "name:9", "name:bo chen", "name:carla neri"]
    assert (
        G.nodes["name:carla neri"]["position"] == "CTO" and "type" not in G.nodes["name:carla neri"]
    )
    assert G.nodes["mail:ada@example.com"]["tags"] == "x"
    edge = G.edges["mail:ada@example.com", "name:bo chen"]
    assert (edge["weight"], edge["count"]) == (3.0, 3) and "reciprocated" not in edge
    assert G.edges["name:bo chen", "org:northwind analytics"]["kind"] == "member_of"
    assert G.edges["name:9", "org:northwind analytics"]["kind"] == "member_of"
    assert report.counts == {"knows ties": 1, "memberships": 2}
    assert G.graph["sources"] == "edge-list:edges.csv:13:3"


def test_node_table_error_names_the_node_table(write):
    edges = write(GEPHI_EDGES, "edges.csv")
    nodes = write(GEPHI_NODES, "nodes.csv")
    with pytest.raises(nk.ParseError, match="no node id") as info:
        read_edge_list(edges, nodes=nodes, on_bad_rows="error")
    assert (info.value.path, info.value.line) == (str(nodes), 5)
    with pytest.raises(nk.MissingColumns, match="node table has no 'id' column"):
        read_edge_list(edges, nodes=write("label,company\nAda,Enel\n", "bad.csv"))


def test_edge_list_semicolons_decimal_commas_and_from_to(write):
    data = "From;To;Weight;Relation\nAda;Bo;2,5;colleague\nBo;Ada;0,5;friend\nAda;Carla;;\n"
    G, report = read_network_file(write(data.encode("cp1252"), "ties.csv"))
    check(G, report)
    assert (report.delimiter, report.encoding) == ("semicolon", "utf-8")
    edge = G.edges["name:ada", "name:bo"]
    assert (edge["weight"], edge["count"], edge["reciprocated"]) == (3.0, 2, True)
    assert edge["relation"] == "colleague;friend"
    assert "weight" not in G.edges["name:ada", "name:carla"]
    assert report.counts["reciprocated pairs"] == 1


def test_edge_list_missing_endpoint_and_bad_weight_with_error_policy(write):
    path = write("node1,node2,weight\na,b,1\na,,2\n", "e.csv")
    with pytest.raises(nk.ParseError, match="no node2: an edge needs both ends") as info:
        read_edge_list(path, on_bad_rows="error")
    assert info.value.line == 3
    G, report = read_edge_list(write("source,target,weight\na,b,x1\n", "w.csv"))
    assert [(r.line, r.reason, r.text) for r in report.rejected] == [
        (2, "weight 'x1' is not a number", "a,b,x1")
    ]
    assert report.balanced and G.number_of_nodes() == 0


def test_edge_list_ends_in_any_column_when_read_explicitly(write):
    path = write("weight,target,source,since\n2,Bo,Ada,2019\n", "e.csv")
    G, report = read_edge_list(path)
    check(G, report)
    edge = G.edges["name:ada", "name:bo"]
    assert (edge["weight"], edge["since"], edge["reciprocated"]) == (2.0, 2019, False)
    with pytest.raises(nk.UnsupportedFormat, match="is not a network file"):
        read_network_file(path)  # sniffing wants the ends first


def test_edge_list_without_header_and_other_files(write):
    with pytest.raises(nk.MissingColumns, match="no header row naming an edge's two ends"):
        read_edge_list(write("1,2\n2,3\n", "e.csv"))
    with pytest.raises(nk.UnsupportedFormat, match="is not a network file netkit reads"):
        read_network_file(write("First Name,Last Name\nAda,L\n", "c.csv"))
    with pytest.raises(nk.UnsupportedFormat, match="empty"):
        read_network_file(write(b"", "e.csv"))
    with pytest.raises(nk.UnsupportedFormat, match="holds no nodes and no edges"):
        read_edge_list(write("source,target\n", "e.csv"))
    with pytest.raises(nk.UnsupportedFormat, match="nodes= is for edge lists only"):
        read_network_file(write(DIRECTED, "g.graphml"), nodes=write("id\n1\n", "n.csv"))


def test_node_attributes_lists_and_reserved_names(write):
    G = nx.Graph()
    G.add_node("p1", label="Ada", aliases="x", linkedin="https://linkedin.com/in/Ada-L")
    G.add_node("p2", name="Bo", url="https://example.com/bo", email="not-an-address")
    G.add_edge("p1", "p2")
    stream = io.BytesIO()
    nx.write_graphml(G, stream)
    H, report = read_graphml_network(io.BytesIO(stream.getvalue()))
    check(H, report)
    assert persons(H) == ["li:ada-l", "name:bo"]
    assert H.nodes["li:ada-l"]["linkedin_url"] == "https://www.linkedin.com/in/ada-l"
    assert "aliases" not in H.nodes["li:ada-l"]
    assert H.nodes["name:bo"]["url"] == "https://example.com/bo"
    assert [p.reason for p in report.problems] == [
        "email 'not-an-address' is not an address; left out"
    ]
    assert "attribute 'aliases' is not kept: a name netkit uses for its own data" in report.notes


@pytest.mark.parametrize(
    ("head", "graphml", "gexf", "edge_list"),
    [
        ('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">', 1, 0, 0),
        ('<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3">', 0, 1, 0),
        ("Source,Target,Type,Id,Label,timeset,Weight\n1,2,Undirected,0,,,1", 0, 0, 1),
        ("# exported\nego;alter\n1;2", 0, 0, 1),
        ("node1\tnode2\n1\t2", 0, 0, 1),
        ("person_a,person_b\nAda,Bo", 0, 0, 0),
        ("source,destination\n1,2", 0, 0, 0),
        ("weight,source,target\n1,a,b", 0, 0, 0),  # the ends must come first to sniff
        ("From,To,Sent At,Message,Direction,inviterProfileUrl\nA,B,1/29/26,Hi,INCOMING,x", 0, 0, 0),
        ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO\n1,t,A,u,B", 0, 0, 0),
    ],
)
def test_sniff_inline(head, graphml, gexf, edge_list):
    source = Source("x", head.encode())
    assert sniff_graphml(source, None, head) is bool(graphml)
    assert sniff_gexf(source, None, head) is bool(gexf)
    assert sniff_edge_list(source, None, head) is bool(edge_list)
    assert not sniff_edge_list(source, "zip", "")
