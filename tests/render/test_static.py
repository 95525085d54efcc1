"""The static map: written, readable, deterministic, with every name drawn as plain text."""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib.image
import networkx as nx
import numpy as np
import pytest

import netkit.sample
from netkit.pipeline import import_network
from netkit.render import _style, static, static_map
from netkit.render._style import people_table

DATA = Path(__file__).resolve().parents[2] / "data"
HOSTILE = {
    "li:img": "<img src=x onerror=alert(1)>",
    "li:tex": "$\\alpha$",
    "li:formula": '=HYPERLINK("http://example.com","click")',
    "li:broken": "$\\frac{$ 100$",
}


@pytest.fixture(scope="module")
def sample():
    G = import_network([DATA / name for name in netkit.sample.SAMPLE_FILES]).graph
    return G, people_table(G)


@pytest.fixture(scope="module")
def sample_png(sample, tmp_path_factory):
    G, people = sample
    path = tmp_path_factory.mktemp("map") / "map.png"
    ax = static_map(G, path, clusters=people, ties=people, bridges=people)
    return path, ax


def texts(ax) -> list[str]:
    found = [t.get_text() for t in ax.texts]
    found += [ax.get_title(loc=loc) for loc in ("left", "center", "right")]
    legend = ax.get_legend()
    if legend is not None:
        found += [t.get_text() for t in legend.get_texts()] + [legend.get_title().get_text()]
    return found


def hex_rgb(colour: str) -> np.ndarray:
    return np.array(_style.hex_to_rgb(colour), dtype=float) / 255


def test_png_written_at_a4_size(sample_png):
    path, _ = sample_png
    image = matplotlib.image.imread(path)
    assert image.shape[:2] == (round(8.27 * 200), round(11.69 * 200))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cluster_colours_present(sample, sample_png):
    _, people = sample
    path, _ = sample_png
    pixels = matplotlib.image.imread(path)[..., :3].reshape(-1, 3)
    clusters = sorted(set(people["cluster"]) - {-1})
    colours = _style.cluster_colours(clusters)
    for cluster in clusters[: len(_style.PALETTE)]:
        near = np.abs(pixels - hex_rgb(colours[cluster])).max(axis=1) < 0.02
        assert near.sum() > 30, f"cluster {cluster} colour {colours[cluster]} not drawn"


def test_title_date_and_legend(sample, sample_png):
    G, people = sample
    _, ax = sample_png
    found = texts(ax)
    owner = G.nodes[G.graph["ego"]]["name"]
    assert ax.get_title(loc="left") == f"Professional network of {owner}"
    assert any("Data as of 2026-11-01" in t and "815 contacts" in t for t in found)
    largest = people[people["cluster"] == 0]["cluster_label"].iloc[0]
    assert any(
        t.startswith(_style.clean_label(largest, 30))
        for t in ax.get_legend().get_texts()
        for t in [t.get_text()]
    )
    assert any(t.startswith("Not connected") for t in found)
    assert "Bridge (top betweenness)" in found
    # a capped number of people named, and no two labels overlap
    renderer = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(ax.texts) <= 1 + 1 + static.CLUSTER_LABELS + 25
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_same_bytes_twice(sample, tmp_path):
    G, people = sample
    for suffix in (".png", ".svg", ".pdf"):
        one, two = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        static_map(G, one, clusters=people, ties=people, bridges=people)
        static_map(G, two, clusters=people, ties=people, bridges=people)
        assert one.read_bytes() == two.read_bytes(), suffix


def test_pdf_and_svg(sample, tmp_path):
    G, people = sample
    pdf, svg = tmp_path / "map.pdf", tmp_path / "map.svg"
    static_map(G, pdf, clusters=people, ties=people, bridges=people)
    static_map(G, svg, clusters=people, ties=people, bridges=people)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<?xml") and "<svg" in text
    assert "<dc:date>" not in text and "CreationDate" not in pdf.read_bytes().decode("latin-1")


def test_options(sample, tmp_path):
    G, people = sample
    top = people.sort_values(["betweenness", "person"], ascending=[False, True])
    target = top["person"].iloc[5]
    ax = static_map(
        G,
        tmp_path / "it.png",
        clusters=people,
        ties=people,
        bridges=people,
        highlight=[target],
        size_by="betweenness",
        show_owner=False,
        show_organisations=True,
        lang="it",
        title="Mappa di prova",
    )
    found = texts(ax)
    assert ax.get_title(loc="left") == "Mappa di prova"
    assert any(t.startswith("Dati al 2026-11-01") for t in found)
    assert "Organizzazione" in found
    assert any(t.startswith("In evidenza") for t in found)
    assert G.nodes[target]["name"][:20] in " ".join(found)
    assert G.nodes[G.graph["ego"]]["name"] not in found  # the owner hidden


def test_bad_options(sample, tmp_path):
    G, people = sample
    tables = {"clusters": people, "ties": people, "bridges": people}
    with pytest.raises(ValueError, match=r"\.png, \.svg, \.pdf"):
        static_map(G, tmp_path / "map.jpg", **tables)
    with pytest.raises(ValueError, match="size_by"):
        static_map(G, size_by="degree", **tables)
    with pytest.raises(ValueError, match="lang"):
        static_map(G, lang="fr", **tables)
    with pytest.raises(ValueError, match="not a contact"):
        static_map(G, highlight=["li:nobody"], **tables)


def test_draws_into_given_axes_without_pyplot(sample):
    from matplotlib.figure import Figure

    G, people = sample
    fig = Figure(figsize=(8, 6))
    ax = fig.add_axes((0.05, 0.05, 0.6, 0.85))
    assert static_map(G, clusters=people, ties=people, bridges=people, ax=ax) is ax
    if "matplotlib.pyplot" in sys.modules:
        assert sys.modules["matplotlib.pyplot"].get_fignums() == []


def test_many_ties_are_aggregated(sample, tmp_path, monkeypatch):
    G, people = sample
    monkeypatch.setattr(static, "AGGREGATE_EDGES", 10)
    monkeypatch.setattr(static, "RASTERISE_ABOVE", 10)
    path = tmp_path / "big.svg"
    static_map(G, path, clusters=people, ties=people, bridges=people)
    assert "data:image/png;base64" in path.read_text(encoding="utf-8")  # dots as an image


def hostile_network() -> nx.Graph:
    G = nx.Graph(netkit_schema=1, ego="ego", archive_date="2025-01-31")
    G.add_node("ego", kind="ego", name="<b>Owner</b> $x$")
    G.add_node("org:acme", kind="organisation", name="=cmd|' /C calc'!A0")
    for person, name in HOSTILE.items():
        G.add_node(person, kind="person", name=name)
        G.add_edge("ego", person, messages_sent=3)
        G.add_edge(person, "org:acme", kind="member_of", current=True)
    G.add_edge("li:img", "li:tex", kind="message", count=2)
    G.add_edge("li:tex", "li:formula", kind="message", count=2)
    G.add_edge("li:formula", "li:broken", kind="message", count=1)
    return G


def test_hostile_names_are_plain_text(tmp_path):
    G = hostile_network()
    before = G.copy()
    strength = dict.fromkeys(HOSTILE, 0.9)
    for suffix in (".png", ".svg", ".pdf"):
        ax = static_map(G, tmp_path / f"h{suffix}", ties=strength, highlight=list(HOSTILE))
    drawn = texts(ax)
    assert "<b>Owner</b> $x$" in drawn
    for name in HOSTILE.values():
        assert _style.clean_label(name, 26) in drawn, name
    assert all(not t.get_parse_math() for t in ax.texts)
    assert all(not t.get_parse_math() for t in ax.get_legend().get_texts())
    svg = (tmp_path / "h.svg").read_text(encoding="utf-8")
    assert "<img" not in svg and "onerror" not in svg
    assert nx.utils.graphs_equal(G, before)


@pytest.mark.parametrize("contacts", [0, 1])
def test_empty_and_one_contact(tmp_path, contacts):
    G = nx.Graph(netkit_schema=1, ego="ego", archive_date="2025-01-31")
    G.add_node("ego", kind="ego", name="Ada")
    for i in range(contacts):
        G.add_node(f"li:p{i}", kind="person", name=f"P {i}")
        G.add_edge("ego", f"li:p{i}")
    ax = static_map(G, tmp_path / "m.png")
    assert (tmp_path / "m.png").stat().st_size > 0
    expected = "1 contact ·" if contacts == 1 else "0 contacts ·"
    assert any(f"Data as of 2025-01-31 · {expected}" in t for t in texts(ax))


def test_whole_network_without_owner(tmp_path):
    G = nx.relabel_nodes(nx.karate_club_graph(), lambda n: f"k:{n}")
    H = nx.Graph(netkit_schema=1)
    for node in G:
        H.add_node(node, kind="person", name=f"Member {node[2:]}")
    H.add_edges_from(G.edges(), kind="knows")
    ax = static_map(H, tmp_path / "karate.png", ties={})
    assert ax.get_title(loc="left") == "Network map"
    assert any(t.startswith("Date of the data unknown · 34 contacts") for t in texts(ax))


def test_names_in_any_script(tmp_path):
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego", name="王小明")
    names = ["李雷 🙂", "ハナ", "Ἀθηνᾶ", "עברית"]
    for i, name in enumerate(names):
        G.add_node(f"li:{i}", kind="person", name=name)
        G.add_edge("ego", f"li:{i}")
    ax = static_map(G, tmp_path / "scripts.png", highlight=[f"li:{i}" for i in range(4)])
    assert set(names) <= set(texts(ax))  # drawn (as boxes where the font lacks a glyph)
