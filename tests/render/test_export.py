"""Exports: GraphML that reads back, GEXF 1.3 that Gephi opens, CSV safe in a spreadsheet."""

from __future__ import annotations

import csv
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import netkit.sample
from netkit.io import read_graphml
from netkit.pipeline import import_network
from netkit.render import _style, export
from netkit.render._style import people_table
from netkit.render.export import PEOPLE_CSV_COLUMNS, TIES_CSV_COLUMNS, neutralise_formula

DATA = Path(__file__).resolve().parents[2] / "data"
GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
FORMULAS = {
    "li:eq": '=HYPERLINK("http://example.com","click")',
    "li:plus": "+39 02 1234",
    "li:minus": "-2+3",
    "li:at": "@SUM(A1:A2)",
    "li:tab": "\t=1+1",
    "li:cr": "\r=1+1",
}


@pytest.fixture(scope="module")
def sample():
    G = import_network([DATA / name for name in netkit.sample.SAMPLE_FILES]).graph
    return G, people_table(G)


def hostile_network() -> nx.Graph:
    G = nx.Graph(netkit_schema=1, ego="ego", archive_date="2025-01-31")
    G.add_node("ego", kind="ego", name="Owner")
    G.add_node("org:acme", kind="organisation", name="=cmd|' /C calc'!A0")
    for person, name in FORMULAS.items():
        G.add_node(person, kind="person", name=name, company="@evil", position="-1")
        G.add_edge("ego", person, messages_sent=3)
        G.add_edge(person, "org:acme", kind="member_of", current=True)
    G.add_node("li:html", kind="person", name="<img src=x onerror=alert(1)> &\x01 \n two  lines")
    G.add_edge("li:eq", "li:plus", kind="message", count=2, last_contact="2024-10-01")
    G.add_edge("li:html", "li:eq", kind="email", count=1)
    return G


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_neutralises_formulas(tmp_path):
    G = hostile_network()
    before = G.copy()
    out = export(G, tmp_path / "people.csv", ties={"li:eq": 0.5})
    assert out == tmp_path / "people.csv"
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = {row["id"]: row for row in read_csv(out)}
    assert list(rows["li:eq"]) == list(PEOPLE_CSV_COLUMNS)
    for person, name in FORMULAS.items():
        assert rows[person]["name"] == "'" + name
        assert rows[person]["company"] == "'@evil" and rows[person]["position"] == "'-1"
    for row in rows.values():
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (column, cell)
            if cell.startswith("-"):  # only numbers may start with a minus
                float(cell)
    assert rows["li:html"]["name"] == G.nodes["li:html"]["name"]  # text kept as typed
    assert rows["li:eq"]["strength"] == "0.5"
    ties = read_csv(tmp_path / "people-ties.csv")
    assert list(ties[0]) == list(TIES_CSV_COLUMNS)
    pairs = {(t["source"], t["target"]) for t in ties}
    assert pairs == {("li:eq", "li:plus"), ("li:eq", "li:html")}
    eq = next(t for t in ties if t["target"] == "li:plus")
    assert eq["source_name"].startswith("'=") and eq["target_name"] == "'+39 02 1234"
    assert eq["last_contact"] == "2024-10-01" and eq["kind"] == "message"
    assert nx.utils.graphs_equal(G, before)


def test_neutralise_formula():
    assert neutralise_formula("=1") == "'=1"
    assert neutralise_formula("a=1") == "a=1"
    assert neutralise_formula("") == ""


def test_csv_of_the_sample(sample, tmp_path):
    G, people = sample
    out = export(G, tmp_path / "sample.csv", clusters=people, ties=people, bridges=people)
    rows = read_csv(out)
    assert len(rows) == len(people)
    assert [r["id"] for r in rows] == sorted(people["person"])
    assert {r["tie_class"] for r in rows} <= {"strong", "medium", "weak", "dormant", "latent", ""}
    assert any("à" in r["name"] + r["company"] + r["cluster_label"] for r in rows)


def check_gexf(path: Path) -> ET.Element:
    """A structural check of GEXF 1.3 (namespace, version, elements, types, viz)."""
    root = ET.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    children = [child.tag for child in root]
    assert children[-1] == f"{GEXF}graph" and set(children) <= {f"{GEXF}meta", f"{GEXF}graph"}
    graph = root.find(f"{GEXF}graph")
    assert graph.get("defaultedgetype") == "undirected" and graph.get("mode") == "static"
    declared: dict[str, dict[str, str]] = {}
    for attributes in graph.findall(f"{GEXF}attributes"):
        kind = attributes.get("class")
        assert kind in ("node", "edge")
        for attribute in attributes.findall(f"{GEXF}attribute"):
            assert attribute.get("type") in {"integer", "long", "double", "boolean", "string"}
            assert attribute.get("title")
            declared.setdefault(kind, {})[attribute.get("id")] = attribute.get("type")
    parse = {
        "integer": int,
        "long": int,
        "double": float,
        "boolean": lambda v: {"true": True, "false": False}[v],
        "string": str,
    }
    nodes = graph.find(f"{GEXF}nodes").findall(f"{GEXF}node")
    assert int(graph.find(f"{GEXF}nodes").get("count")) == len(nodes)
    ids = [node.get("id") for node in nodes]
    assert len(set(ids)) == len(ids)
    for node in nodes:
        label = node.get("label")
        assert label == " ".join(label.split()) and label  # xsd:token
        for value in node.iter(f"{GEXF}attvalue"):
            parse[declared["node"][value.get("for")]](value.get("value"))
        colour = node.find(f"{VIZ}color")
        assert all(0 <= int(colour.get(c)) <= 255 for c in "rgb")
        assert 0.0 <= float(colour.get("a")) <= 1.0
        position = node.find(f"{VIZ}position")
        assert all(math.isfinite(float(position.get(c))) for c in "xyz")
        assert float(node.find(f"{VIZ}size").get("value")) > 0
    edges = graph.find(f"{GEXF}edges").findall(f"{GEXF}edge")
    assert int(graph.find(f"{GEXF}edges").get("count")) == len(edges)
    known = set(ids)
    assert len({edge.get("id") for edge in edges}) == len(edges)
    for edge in edges:
        assert edge.get("source") in known and edge.get("target") in known
        assert float(edge.get("weight")) > 0
        for value in edge.iter(f"{GEXF}attvalue"):
            parse[declared["edge"][value.get("for")]](value.get("value"))
    return root


def test_gexf_structure_of_the_sample(sample, tmp_path):
    G, people = sample
    out = export(G, tmp_path / "sample.gexf", clusters=people, ties=people, bridges=people)
    root = check_gexf(out)
    assert root.find(f"{GEXF}meta").get("lastmodifieddate") == "2026-11-01"
    declared = {
        a.get("id"): a.get("type")
        for a in root.iter(f"{GEXF}attribute")
        if a.get("id") in ("cluster", "cluster_label", "strength", "betweenness", "current")
    }
    assert declared == {
        "cluster": "integer",
        "cluster_label": "string",
        "strength": "double",
        "betweenness": "double",
        "current": "boolean",
    }
    # each contact carries its cluster and its cluster's colour
    colours = _style.cluster_colours(people["cluster"])
    cluster_of = dict(zip(people["person"], people["cluster"], strict=True))
    for node in root.iter(f"{GEXF}node"):
        if node.get("id") in cluster_of:
            values = {v.get("for"): v.get("value") for v in node.iter(f"{GEXF}attvalue")}
            cluster = int(values["cluster"])
            assert cluster == cluster_of[node.get("id")]
            c = node.find(f"{VIZ}color")
            rgb = (int(c.get("r")), int(c.get("g")), int(c.get("b")))
            assert rgb == _style.hex_to_rgb(colours[cluster])
    # networkx's own GEXF 1.3 reader opens it, with the same nodes and edges
    H = nx.read_gexf(out, version="1.3")
    assert set(H) == set(G) and H.number_of_edges() == G.number_of_edges()


def test_gexf_escapes_hostile_text(tmp_path):
    G = hostile_network()
    out = export(G, tmp_path / "h.gexf", ties={}, bridges={})
    check_gexf(out)
    text = out.read_text(encoding="utf-8")
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "\x01" not in text
    H = nx.read_gexf(out, version="1.3")
    assert H.nodes["li:eq"]["label"] == FORMULAS["li:eq"]
    assert re.fullmatch(
        r"<img src=x onerror=alert\(1\)> &\ufffd two lines", H.nodes["li:html"]["label"]
    )


def test_graphml_reads_back_with_clusters(sample, tmp_path):
    G, people = sample
    out = export(G, tmp_path / "sample.graphml", clusters=people, ties=people, bridges=people)
    H = read_graphml(out)
    assert set(H.edges) == set(G.edges) and set(H) == set(G)
    for row in people.head(50).itertuples():
        assert H.nodes[row.person]["cluster"] == row.cluster
        assert H.nodes[row.person]["cluster_label"] == row.cluster_label
    ego = G.graph["ego"]
    assert "cluster" not in H.nodes[ego]
    assert "cluster" not in G.nodes[people["person"].iloc[0]]  # the input untouched


@pytest.mark.parametrize("contacts", [0, 1])
@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".csv"])
def test_empty_and_one_contact(tmp_path, contacts, suffix):
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego", name="Ada")
    for i in range(contacts):
        G.add_node(f"li:p{i}", kind="person", name=f"P {i}")
        G.add_edge("ego", f"li:p{i}")
    out = export(G, tmp_path / f"net{suffix}")
    assert out.exists()
    if suffix == ".gexf":
        check_gexf(out)
    if suffix == ".csv":
        assert len(read_csv(out)) == contacts


def test_unknown_suffix(tmp_path):
    with pytest.raises(ValueError, match=r"\.graphml, \.gexf, \.csv"):
        export(nx.Graph(netkit_schema=1), tmp_path / "net.xlsx")
