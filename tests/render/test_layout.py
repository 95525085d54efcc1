"""The cluster-aware layout: deterministic, owner in the middle, clusters and isolates apart."""

from __future__ import annotations

import math
import random
from pathlib import Path

import networkx as nx
import pytest

import netkit.sample
from netkit.pipeline import import_network
from netkit.render import cluster_layout, layout
from netkit.render._style import people_table

DATA = Path(__file__).resolve().parents[2] / "data"


def toy(*, owner: bool = True) -> tuple[nx.Graph, dict[str, int]]:
    """Three groups (an employer each, plus some messages), two loners, the owner."""
    G = nx.Graph(netkit_schema=1)
    if owner:
        G.graph["ego"] = "ego"
        G.add_node("ego", kind="ego", name="Owner")
    clusters = {}
    for c, (org, size) in enumerate([("org:acme", 12), ("org:bolt", 8), ("org:cogs", 5)]):
        G.add_node(org, kind="organisation", name=org[4:].title())
        for i in range(size):
            person = f"li:{org[4:]}-{i:02d}"
            G.add_node(person, kind="person", name=f"{org[4:].title()} {i}")
            G.add_edge(person, org, kind="member_of", current=True)
            clusters[person] = c
            if owner:
                G.add_edge("ego", person, connected_on="2024-01-01")
        for i in range(0, size - 1, 2):
            G.add_edge(
                f"li:{org[4:]}-{i:02d}", f"li:{org[4:]}-{i + 1:02d}", kind="message", count=2
            )
    for loner in ("li:zed", "li:yan"):
        G.add_node(loner, kind="person", name=loner[3:])
        clusters[loner] = -1
        if owner:
            G.add_edge("ego", loner, connected_on="2020-05-05")
    return G, clusters


def mean_distance(points: list[tuple[float, float]], others: list[tuple[float, float]]) -> float:
    pairs = [(p, q) for p in points for q in others if p is not q]
    return sum(math.dist(p, q) for p, q in pairs) / len(pairs)


def test_deterministic_and_input_untouched():
    G, clusters = toy()
    before = G.copy()
    first = cluster_layout(G, clusters, seed=3)
    assert first == cluster_layout(G, clusters, seed=3)
    assert nx.utils.graphs_equal(G, before)
    assert dict(G.nodes(data=True)) == dict(before.nodes(data=True))


def test_owner_at_the_centre_and_every_node_placed():
    G, clusters = toy()
    pos = cluster_layout(G, clusters)
    assert pos["ego"] == (0.0, 0.0)
    assert set(pos) == set(G)
    assert all(isinstance(v, float) and math.isfinite(v) for xy in pos.values() for v in xy)
    # nobody sits on the owner
    assert min(math.hypot(*pos[p]) for p in clusters) > 1.0


def test_clusters_apart_members_together():
    G, clusters = toy()
    pos = cluster_layout(G, clusters)
    groups = {c: [pos[p] for p, k in clusters.items() if k == c] for c in (0, 1, 2)}
    within = sum(mean_distance(g, g) for g in groups.values()) / 3
    between = sum(mean_distance(groups[a], groups[b]) for a, b in ((0, 1), (0, 2), (1, 2))) / 3
    assert within < between
    # the discs do not overlap: each pair of clusters is further apart than their reach
    for a, b in ((0, 1), (0, 2), (1, 2)):
        ca = [sum(v) / len(v) for v in zip(*groups[a], strict=True)]
        cb = [sum(v) / len(v) for v in zip(*groups[b], strict=True)]
        reach_a = max(math.dist(ca, p) for p in groups[a])
        reach_b = max(math.dist(cb, p) for p in groups[b])
        assert math.dist(ca, cb) > reach_a + reach_b


def test_not_connected_contacts_on_the_outside():
    G, clusters = toy()
    pos = cluster_layout(G, clusters)
    inner = max(math.hypot(*pos[p]) for p, c in clusters.items() if c >= 0)
    assert all(math.hypot(*pos[p]) > inner for p in ("li:zed", "li:yan"))


def test_organisations_among_their_members_or_hidden():
    G, clusters = toy()
    pos = cluster_layout(G, clusters)
    members = [pos[p] for p in G["org:bolt"] if G.nodes[p]["kind"] == "person"]
    middle = [sum(v) / len(v) for v in zip(*members, strict=True)]
    reach = max(math.dist(middle, p) for p in members)
    assert math.dist(pos["org:bolt"], middle) < reach
    hidden = cluster_layout(G, clusters, hide_organisations=True)
    assert not any(n.startswith("org:") for n in hidden)
    assert all(hidden[p] == pos[p] for p in clusters)


def test_whole_network_without_owner():
    G, clusters = toy(owner=False)
    pos = cluster_layout(G, clusters)
    assert "ego" not in pos and set(clusters) <= set(pos)


@pytest.mark.parametrize("people", [0, 1])
def test_empty_and_one_contact(people):
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego")
    for i in range(people):
        G.add_node(f"li:p{i}", kind="person")
        G.add_edge("ego", f"li:p{i}")
    pos = cluster_layout(G)
    assert pos["ego"] == (0.0, 0.0)
    assert len(pos) == people + 1


def test_computes_clusters_when_not_given_and_reads_a_table():
    G, clusters = toy()
    computed = cluster_layout(G)
    assert set(computed) == set(G)
    import pandas as pd

    table = pd.DataFrame({"person": list(clusters), "cluster": list(clusters.values())})
    assert cluster_layout(G, table) == cluster_layout(G, clusters)


def test_large_clusters_are_arranged_by_organisation(monkeypatch):
    monkeypatch.setattr(layout, "FORCE_LIMIT", 5)
    G, clusters = toy()
    pos = cluster_layout(G, clusters)
    assert pos == cluster_layout(G, clusters)
    groups = {c: [pos[p] for p, k in clusters.items() if k == c] for c in (0, 1)}
    assert mean_distance(groups[0], groups[0]) < mean_distance(groups[0], groups[1])


def test_pack_never_overlaps():
    rng = random.Random(7)
    radii = [rng.uniform(0.3, 6.0) for _ in range(300)]
    radii.sort(reverse=True)
    centres = layout._pack(radii)
    assert centres[0] == (0.0, 0.0)
    for i in range(len(radii)):
        for j in range(i + 1, len(radii)):
            assert math.dist(centres[i], centres[j]) >= radii[i] + radii[j] - 1e-6


@pytest.fixture(scope="module")
def sample():
    G = import_network([DATA / name for name in netkit.sample.SAMPLE_FILES]).graph
    return G, people_table(G)


def test_sample_world_structure(sample):
    G, people = sample
    pos = cluster_layout(G, people)
    assert pos == cluster_layout(G, people)
    assert pos["ego"] == (0.0, 0.0)
    assert set(people["person"]) <= set(pos)
    big = people[people["cluster"] >= 0].groupby("cluster").size().nlargest(6).index
    groups = {c: [pos[p] for p in people.loc[people["cluster"] == c, "person"]] for c in big}
    within = sum(mean_distance(g, g) for g in groups.values()) / len(groups)
    between = [mean_distance(groups[a], groups[b]) for a in big for b in big if a < b]
    assert within < min(between)
