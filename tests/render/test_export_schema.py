"""GEXF exports validated against a GEXF 1.3 schema (issue 7: "GEXF that Gephi opens").

The schema, ``tests/render/data/gexf-1.3.xsd`` (with ``gexf-1.3-viz.xsd``), was written
for these tests from the GEXF 1.3 specification (gexf.net, GEXF 1.3 primer; GEXF working
group and Gephi project, CC BY 4.0); it is not the published XSD. XML Schema checks the
structure, the value types and the node and edge ids; Schematron rules embedded in the
same file check that each attribute value names an attribute declared for its class.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree, isoschematron

from netkit.io.netfiles import read_network_file
from netkit.render import _style, export
from netkit.schema import validate_graph

SCHEMA = Path(__file__).resolve().parent / "data" / "gexf-1.3.xsd"
NS = {
    "g": "http://gexf.net/1.3",
    "viz": "http://gexf.net/1.3/viz",
    "svrl": "http://purl.oclc.org/dsdl/svrl",
}


#: A step of a Schematron location, ``*[local-name()='node' and namespace-uri()='…']``.
STEP = re.compile(r"\*\[local-name\(\)='([^']*)' and namespace-uri\(\)='[^']*'\]")


class GexfSchema:
    """The XML Schema and the Schematron rules of ``SCHEMA``, run together."""

    def __init__(self, path: Path) -> None:
        self.xsd = etree.XMLSchema(etree.parse(str(path)))
        self.rules = isoschematron.Schematron(etree.parse(str(path)), store_report=True)

    def problems(self, doc: etree._ElementTree) -> list[str]:
        """Every complaint about ``doc``, one line each; empty when it is valid."""
        found = []
        if not self.xsd.validate(doc):
            found += [f"line {e.line}: {e.message}" for e in self.xsd.error_log]
        if not self.rules.validate(doc):
            for fail in self.rules.validation_report.xpath("//svrl:failed-assert", namespaces=NS):
                text = " ".join(fail.xpath("string(svrl:text)", namespaces=NS).split())
                where = STEP.sub(r"\1", fail.get("location"))
                found.append(f"{text} (at {where})")
        return found


@pytest.fixture(scope="module")
def schema() -> GexfSchema:
    return GexfSchema(SCHEMA)


def assert_valid(schema: GexfSchema, path: Path) -> etree._ElementTree:
    doc = etree.parse(str(path))
    problems = schema.problems(doc)
    assert not problems, f"{path.name} is not valid GEXF 1.3:\n" + "\n".join(problems[:20])
    return doc


# --------------------------------------------------------------------------------------
# netkit's exports validate


def test_sample_export_validates(schema, sample_network, sample_tables, tmp_path):
    out = export(sample_network, tmp_path / "sample.gexf", **sample_tables)
    doc = assert_valid(schema, out)
    nodes = doc.findall(".//g:node", NS)
    assert len(nodes) == sample_network.number_of_nodes() > 100
    assert len(doc.findall(".//g:edge", NS)) == sample_network.number_of_edges()


def test_sample_export_has_cluster_and_colour(sample_network, sample_tables, tmp_path):
    """The issue's "with cluster and colour attributes": an integer cluster, a viz:color."""
    out = export(sample_network, tmp_path / "sample.gexf", **sample_tables)
    doc = etree.parse(str(out))
    declared = doc.xpath("//g:attributes[@class='node']/g:attribute[@id='cluster']", namespaces=NS)
    assert [a.get("type") for a in declared] == ["integer"]
    table = sample_tables["clusters"]
    cluster_of = dict(zip(table["person"], table["cluster"], strict=True))
    colours = _style.cluster_colours(list(cluster_of.values()))
    nodes = doc.findall(".//g:node", NS)
    assert {node.get("id") for node in nodes} >= set(cluster_of)
    for node in nodes:
        colour = node.findall("viz:color", NS)
        assert len(colour) == 1, node.get("id")
        rgb = tuple(int(colour[0].get(channel)) for channel in "rgb")
        if node.get("id") in cluster_of:
            values = node.xpath("g:attvalues/g:attvalue[@for='cluster']/@value", namespaces=NS)
            assert [int(v) for v in values] == [cluster_of[node.get("id")]]
            assert rgb == _style.hex_to_rgb(colours[cluster_of[node.get("id")]])


HOSTILE = "<b>\"Ann\" & 'Bo'</b>\n\tline two \x01\x1f 😀 \u2028"


def hostile_network() -> nx.Graph:
    """Markup, quotes, ampersands, control characters, line breaks and emoji everywhere."""
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego", name="Owner & <co>")
    G.add_node("org:<&>", kind="organisation", name=HOSTILE)
    people = ["li:<&\"'>", "li:😀\n", "li:tab\there", "li:ctl\x01", " li:spaced  out "]
    for number, person in enumerate(people):
        G.add_node(person, kind="person", name=HOSTILE + str(number), **{"note <&>\x02": HOSTILE})
        G.add_edge("ego", person, **{'said "hi"\n': HOSTILE, "count": number + 1})
        G.add_edge(person, "org:<&>", kind="member_of", current=bool(number % 2))
    G.add_edge(people[0], people[1], kind="email", count=3, last_contact="2024-10-01")
    G.add_edge(people[3], people[4], kind="message", count=1)
    return G


def test_hostile_network_validates(schema, tmp_path):
    G = hostile_network()
    out = export(G, tmp_path / "hostile.gexf", ties={}, bridges={})
    doc = assert_valid(schema, out)
    ids = {node.get("id") for node in doc.findall(".//g:node", NS)}
    # markup, quotes, tabs, line breaks and emoji come back as written; U+0001 as U+FFFD
    assert ids == {n.replace("\x01", "\ufffd") for n in G}
    labels = doc.xpath("//g:node[@id = $id]/@label", id="li:<&\"'>", namespaces=NS)
    assert labels == ["<b>\"Ann\" & 'Bo'</b> line two \ufffd\ufffd 😀 \u20280"]


def test_whole_network_validates(schema, tmp_path):
    """A network without an owner, read by netkit from Zachary's karate club."""
    source = tmp_path / "karate.graphml"
    nx.write_graphml(nx.karate_club_graph(), source)
    G, _ = read_network_file(source)
    assert G.graph.get("ego") is None and G.number_of_nodes() == 34
    out = export(G, tmp_path / "karate.gexf")
    doc = assert_valid(schema, out)
    assert len(doc.findall(".//g:node", NS)) == 34
    assert len(doc.findall(".//g:edge", NS)) == 78
    assert len(doc.findall(".//g:node/viz:color", NS)) == 34
    clusters = doc.xpath("//g:node/g:attvalues/g:attvalue[@for='cluster']/@value", namespaces=NS)
    assert len(clusters) == 34 and len(set(clusters)) >= 2


def test_ids_differing_only_in_control_characters_stay_apart(schema, tmp_path):
    """Regression: U+0001 and U+0002 both became U+FFFD, giving two nodes one id.

    Node ids and attribute names may hold control characters in netkit's schema (only
    text values may not); the GEXF writer replaced them with U+FFFD, so two contacts
    became one id (duplicate node ids; Gephi merges them and an edge lands on the
    wrong one) and two attributes one column.
    """
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego", name="Owner")
    G.add_node("li:a\x01", kind="person", name="First", **{"note\x01": "one"})
    G.add_node("li:a\x02", kind="person", name="Second", **{"note\x02": "two"})
    G.add_node("li:b", kind="person", name="Third")
    G.add_edge("ego", "li:a\x01")
    G.add_edge("li:a\x02", "li:b", kind="email", count=1)
    validate_graph(G)  # a netkit network
    out = export(G, tmp_path / "ids.gexf", ties={}, bridges={})
    doc = assert_valid(schema, out)
    label = {n.get("id"): n.get("label") for n in doc.findall(".//g:node", NS)}
    assert label == {
        "ego": "Owner",
        "li:a\ufffd": "First",
        "li:a\ufffd#2": "Second",
        "li:b": "Third",
    }
    ends = {(e.get("source"), e.get("target")) for e in doc.findall(".//g:edge", NS)}
    assert ends == {("ego", "li:a\ufffd"), ("li:a\ufffd#2", "li:b")}
    notes = {
        n.get("id"): n.xpath("g:attvalues/g:attvalue[starts-with(@for, 'note')]", namespaces=NS)
        for n in doc.findall(".//g:node", NS)
    }
    assert [(v.get("for"), v.get("value")) for v in notes["li:a\ufffd"]] == [("note\ufffd", "one")]
    assert [(v.get("for"), v.get("value")) for v in notes["li:a\ufffd#2"]] == [
        ("note\ufffd#2", "two")
    ]


# --------------------------------------------------------------------------------------
# the schema is not a rubber stamp: broken files are rejected


@pytest.fixture(scope="module")
def small_export(schema, tmp_path_factory) -> etree._ElementTree:
    """A valid export with a boolean edge attribute and an integer cluster."""
    G = nx.Graph(netkit_schema=1, ego="ego", archive_date="2026-01-31")
    G.add_node("ego", kind="ego", name="Owner")
    G.add_node("org:acme", kind="organisation", name="Acme")
    for person in ("li:ada", "li:bob", "li:cy"):
        G.add_node(person, kind="person", name=person[3:].title(), company="Acme")
        G.add_edge("ego", person, messages_sent=2)
        G.add_edge(person, "org:acme", kind="member_of", current=True)
    G.add_edge("li:ada", "li:bob", kind="email", count=2)
    out = export(G, tmp_path_factory.mktemp("gexf") / "small.gexf", ties={}, bridges={})
    return assert_valid(schema, out)


def first(doc: etree._ElementTree, path: str) -> etree._Element:
    return doc.xpath(path, namespaces=NS)[0]


def set_attribute(path: str, name: str, value: str) -> Callable[[etree._ElementTree], None]:
    return lambda doc: first(doc, path).set(name, value)


def drop_attribute(path: str, name: str) -> Callable[[etree._ElementTree], None]:
    return lambda doc: first(doc, path).attrib.pop(name)


def edges_before_nodes(doc: etree._ElementTree) -> None:
    edges = first(doc, "//g:edges")
    first(doc, "//g:nodes").addprevious(edges)


def second_colour(doc: etree._ElementTree) -> None:
    colour = first(doc, "//g:node/viz:color")
    colour.addnext(copy.deepcopy(colour))


MUTATIONS = {
    "version 1.2": (set_attribute("/g:gexf", "version", "1.2"), "version"),
    "node without id": (drop_attribute("//g:node[2]", "id"), "'id' is required"),
    "colour r=300": (set_attribute("//g:node/viz:color", "r", "300"), "'r'"),
    "opacity 1.5": (set_attribute("//g:node/viz:color", "a", "1.5"), "'a'"),
    "two colours": (second_colour, "color"),
    "undeclared attvalue": (
        set_attribute("//g:node/g:attvalues/g:attvalue", "for", "nope"),
        'node value for "nope"',
    ),
    "node attribute on an edge": (
        set_attribute("//g:edge/g:attvalues/g:attvalue", "for", "cluster"),
        'edge value for "cluster"',
    ),
    "edge to an unknown node": (
        set_attribute("//g:edge", "target", "li:nobody"),
        "edge-targets",
    ),
    "edge from an unknown node": (
        set_attribute("//g:edge", "source", "li:nobody"),
        "edge-sources",
    ),
    "duplicate node ids": (set_attribute("//g:node[2]", "id", "ego"), "node-ids"),
    "duplicate edge ids": (set_attribute("//g:edge[2]", "id", "0"), "edge-ids"),
    "unknown attribute type": (
        set_attribute("//g:attributes/g:attribute", "type", "int"),
        "'type'",
    ),
    "attributes without class": (drop_attribute("//g:attributes", "class"), "'class'"),
    "edges before nodes": (edges_before_nodes, "edges"),
    "undirected misspelt": (
        set_attribute("//g:graph", "defaultedgetype", "bidirectional"),
        "defaultedgetype",
    ),
    "date not ISO": (set_attribute("//g:meta", "lastmodifieddate", "31/01/2026"), "date"),
    "weight not a number": (set_attribute("//g:edge", "weight", "heavy"), "weight"),
    "boolean value yes": (
        set_attribute("//g:edge/g:attvalues/g:attvalue[@for='current']", "value", "yes"),
        'boolean attribute "current"',
    ),
    "integer value 2.5": (
        set_attribute("//g:node/g:attvalues/g:attvalue[@for='cluster']", "value", "2.5"),
        'whole-number attribute "cluster"',
    ),
}


@pytest.mark.parametrize("mutation", list(MUTATIONS))
def test_schema_rejects_a_broken_file(schema, small_export, mutation):
    change, expected = MUTATIONS[mutation]
    doc = copy.deepcopy(small_export)
    change(doc)
    problems = schema.problems(doc)
    assert problems, f"{mutation}: accepted"
    assert any(expected in problem for problem in problems), problems
