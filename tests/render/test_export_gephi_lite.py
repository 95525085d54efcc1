"""GEXF exports opened by graphology-gexf, the parser Gephi Lite runs (issue 7).

Gephi Lite, the web Gephi, reads GEXF with the npm package ``graphology-gexf`` into a
``graphology`` graph. ``gexf-reader/read.mjs`` runs that parser under Node.js (versions
pinned in ``gexf-reader/package-lock.json``) and prints what it read as JSON; these tests
compare it with the network and with the file as lxml reads it. The parser runs with its
strict defaults (an undeclared attribute value or an edge to a missing node is an error),
and a file that is not well-formed XML fails, as in a browser.

The tests need ``node`` and ``npm ci --prefix tests/render/gexf-reader`` (``.ci/run`` does
both): without them they are skipped on a developer's machine and fail in CI.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from netkit.render import _style, export
from tests.render.test_export_schema import HOSTILE, hostile_network

READER = Path(__file__).resolve().parent / "gexf-reader"
NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
RGBA = re.compile(r"rgba?\((\d+),(\d+),(\d+)(?:,([0-9.]+))?\)")


@pytest.fixture(scope="module")
def node() -> str:
    """The ``node`` program, once the reader's packages are installed."""
    found = shutil.which("node")
    if found is None:
        problem = "node is missing (apt-get install -y nodejs npm)"
    elif not (READER / "node_modules").is_dir():
        problem = f"{READER / 'node_modules'} is missing (npm ci --prefix tests/render/gexf-reader)"
    else:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the Gephi Lite tests: {problem}")
    pytest.skip(problem)


def run_reader(node: str, path: Path, *ids: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [node, str(READER / "read.mjs"), str(path), *ids],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def read_gexf(node: str, path: Path, *ids: str) -> dict:
    """What graphology-gexf reads from ``path``, with the attributes of the nodes ``ids``."""
    done = run_reader(node, path, *ids)
    assert done.returncode == 0, f"graphology-gexf cannot read {path.name}:\n{done.stderr}"
    return json.loads(done.stdout)


def file_node(doc: etree._ElementTree, node_id: str) -> etree._Element:
    (found,) = doc.xpath("//g:node[@id = $id]", id=node_id, namespaces=NS)
    return found


def relations_in_file(doc: etree._ElementTree) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in doc.xpath(
        "//g:edge/g:attvalues/g:attvalue[@for='relation']/@value", namespaces=NS
    ):
        counts[value] = counts.get(value, 0) + 1
    return counts


# --------------------------------------------------------------------------------------
# the sample network


@pytest.fixture(scope="module")
def sample_gexf(sample_network, sample_tables, tmp_path_factory) -> Path:
    return export(
        sample_network, tmp_path_factory.mktemp("gephi-lite") / "sample.gexf", **sample_tables
    )


@pytest.fixture(scope="module")
def some_people(sample_tables) -> dict[str, int]:
    """One person from each of the first six clusters (by number), with their cluster."""
    table = sample_tables["clusters"]
    chosen: dict[int, str] = {}
    for person, cluster in sorted(zip(table["person"], table["cluster"], strict=True)):
        chosen.setdefault(int(cluster), person)
    return {chosen[cluster]: cluster for cluster in sorted(chosen)[:6]}


def test_sample_export_opens_whole(node, sample_network, sample_gexf):
    read = read_gexf(node, sample_gexf)
    assert read["order"] == sample_network.number_of_nodes() > 100
    assert read["size"] == sample_network.number_of_edges()
    assert (read["type"], read["multi"]) == ("undirected", False)
    assert read["attributes"]["creator"] == "netkit"
    doc = etree.parse(str(sample_gexf))
    declared = doc.xpath("//g:attributes[@class='node']/g:attribute/@title", namespaces=NS)
    assert "cluster" in declared
    assert set(declared) <= set(read["nodeAttributes"])  # no declared column lost
    assert read["relations"] == relations_in_file(doc)
    assert set(read["relations"]) == {"owner", "member_of", "tie"}


def test_sample_people_keep_name_cluster_colour_and_place(
    node, sample_network, sample_tables, sample_gexf, some_people
):
    assert len(some_people) >= 3
    read = read_gexf(node, sample_gexf, *some_people)
    doc = etree.parse(str(sample_gexf))
    colours = _style.cluster_colours(sample_tables["clusters"]["cluster"].tolist())
    for person, cluster in some_people.items():
        attributes = read["nodes"][person]
        assert attributes is not None, person
        assert attributes["label"] == sample_network.nodes[person]["name"]
        assert attributes["name"] == sample_network.nodes[person]["name"]
        # an integer attribute comes back as a number, the clusters table's
        assert type(attributes["cluster"]) is int and attributes["cluster"] == cluster
        written = file_node(doc, person)
        (colour,) = written.findall("viz:color", NS)
        rgb = tuple(int(colour.get(channel)) for channel in "rgb")
        assert rgb == _style.hex_to_rgb(colours[cluster])
        parsed = RGBA.fullmatch(attributes["color"])
        assert parsed, attributes["color"]
        assert tuple(int(c) for c in parsed.group(1, 2, 3)) == rgb
        assert float(parsed.group(4)) == float(colour.get("a"))
        (position,) = written.findall("viz:position", NS)
        for axis in "xy":
            value = attributes[axis]
            assert type(value) in (int, float) and math.isfinite(value), (person, axis, value)
            assert value == pytest.approx(float(position.get(axis)), abs=1e-9)
        assert attributes["size"] == pytest.approx(float(written.find("viz:size", NS).get("value")))


# --------------------------------------------------------------------------------------
# hostile text


def test_hostile_network_labels_round_trip(node, tmp_path):
    G = hostile_network()
    out = export(G, tmp_path / "hostile.gexf", ties={}, bridges={})
    doc = etree.parse(str(out))
    ids = [n.get("id") for n in doc.findall(".//g:node", NS)]
    assert len(ids) == G.number_of_nodes()
    read = read_gexf(node, out, *ids)
    assert (read["order"], read["size"]) == (G.number_of_nodes(), G.number_of_edges())
    assert read["relations"] == {"owner": 5, "member_of": 5, "tie": 2}
    for node_id in ids:
        attributes = read["nodes"][node_id]
        assert attributes is not None, node_id
        assert attributes["label"] == file_node(doc, node_id).get("label"), node_id
    # markup, quotes, ampersands, tabs, line breaks, U+2028 and emoji come back as written;
    # control characters as U+FFFD (XML 1.0 cannot hold them)
    first = read["nodes"]["li:<&\"'>"]
    assert first["label"] == "<b>\"Ann\" & 'Bo'</b> line two \ufffd\ufffd 😀 \u20280"
    text = HOSTILE.replace("\x01", "\ufffd").replace("\x1f", "\ufffd")
    assert first["name"] == text + "0"
    assert first["note <&>\ufffd"] == text
    assert read["nodes"]["li:ctl\ufffd"]["kind"] == "person"


# --------------------------------------------------------------------------------------
# the reader is not a rubber stamp


def small_network() -> nx.Graph:
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego", name="Owner")
    for person in ("li:ada", "li:bob"):
        G.add_node(person, kind="person", name=person[3:].title())
        G.add_edge("ego", person)
    G.add_edge("li:ada", "li:bob", kind="email", count=2)
    return G


def truncated_half(text: str) -> str:
    return text[: len(text) // 2]


def truncated_end(text: str) -> str:
    return text[: text.rindex("</gexf>")]


def edge_to_nobody(text: str) -> str:
    return text.replace('target="li:bob"', 'target="li:nobody"', 1)


def undeclared_value(text: str) -> str:
    return text.replace('for="name"', 'for="nope"', 1)


BREAKAGES = {
    "truncated in the middle": (truncated_half, "not well-formed"),
    "truncated before </gexf>": (truncated_end, "not well-formed"),
    "edge to an unknown node": (edge_to_nobody, "inexisting node"),
    "undeclared attribute value": (undeclared_value, 'undeclared attribute "nope"'),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_reader_fails_on_a_broken_file(node, tmp_path, breakage):
    change, expected = BREAKAGES[breakage]
    good = export(small_network(), tmp_path / "good.gexf", ties={}, bridges={})
    assert read_gexf(node, good)["order"] == 3
    text = good.read_text(encoding="utf-8")
    broken = tmp_path / "broken.gexf"
    broken.write_text(change(text), encoding="utf-8")
    assert broken.read_text(encoding="utf-8") != text
    done = run_reader(node, broken)
    assert done.returncode != 0, f"{breakage}: read as {done.stdout[:300]}"
    assert expected in done.stderr, done.stderr
    assert done.stdout == ""


# --------------------------------------------------------------------------------------
# known incompatibility


def test_infinite_numbers_are_left_out(node, tmp_path):
    """GEXF readers spell infinity differently (XML Schema's INF reads as NaN in
    graphology-gexf, whose unary + only knows "Infinity"): netkit leaves such values out,
    so Gephi Lite shows no value rather than a wrong one."""
    G = small_network()
    G.nodes["li:ada"]["reach"] = math.inf
    G.nodes["li:bob"]["reach"] = -math.inf
    G.nodes["ego"]["reach"] = 2.5
    out = export(G, tmp_path / "infinite.gexf", ties={}, bridges={})
    written = etree.parse(str(out)).xpath("//g:attvalue[@for='reach']/@value", namespaces=NS)
    assert written == ["2.5"]
    read = read_gexf(node, out, "ego", "li:ada", "li:bob")
    assert read["nodes"]["ego"]["reach"] == 2.5
    assert "reach" not in read["nodes"]["li:ada"] and "reach" not in read["nodes"]["li:bob"]
