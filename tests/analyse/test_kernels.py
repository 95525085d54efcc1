"""The igraph/leidenalg kernels against networkx and SCIENCE.md's reference values."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from scipy.stats import spearmanr

from netkit.analyse import _kernels as K


def named(G: nx.Graph) -> nx.Graph:
    return nx.relabel_nodes(G, str)


KARATE = named(nx.Graph(nx.karate_club_graph()))


@pytest.mark.parametrize("weight", [None, "weight"])
def test_exact_betweenness_equals_networkx(weight):
    ours = K.betweenness(KARATE, weight=weight)
    theirs = nx.betweenness_centrality(KARATE, weight=weight)
    assert ours.keys() == theirs.keys()
    assert all(math.isclose(ours[n], theirs[n], abs_tol=1e-12) for n in KARATE)


def test_sampled_betweenness_ranks_like_the_exact_one():
    G = named(nx.gnm_random_graph(400, 2000, seed=3))
    exact = nx.betweenness_centrality(G)
    sampled = K.betweenness(G, k=200, seed=1)
    assert sampled == K.betweenness(G, k=200, seed=1)  # deterministic for a seed
    nodes = sorted(G)
    rho = spearmanr([sampled[n] for n in nodes], [exact[n] for n in nodes]).statistic
    assert rho > 0.9
    ratio = sum(sampled.values()) / sum(exact.values())
    assert 0.9 < ratio < 1.1  # scaled to the whole graph, as networkx's k does


@pytest.mark.parametrize(
    ("graph", "node", "constraint", "effective"),
    [
        (KARATE, "0", 0.1554, 13.750),
        (KARATE, "33", 0.1564, 15.235),
        (KARATE, "2", 0.1852, 7.800),
        (named(nx.complete_graph(5)), "0", 0.7656, 1.0),
        (named(nx.star_graph(4)), "0", 0.25, 4.0),
        (nx.florentine_families_graph(), "Medici", 0.210, 5.667),
    ],
    ids=["karate-0", "karate-33", "karate-2", "K5", "star", "florentine-medici"],
)
def test_structural_holes_match_the_reference_values(graph, node, constraint, effective):
    """Reference values from SCIENCE.md (networkx 3.6.1, unweighted graphs)."""
    assert round(K.constraint(graph)[node], 3) == round(constraint, 3)
    assert round(K.effective_size(graph)[node], 3) == round(effective, 3)
    theirs = nx.constraint(graph)
    ours = K.constraint(graph)
    assert all(math.isclose(ours[n], theirs[n], abs_tol=1e-9) for n in graph if graph.degree(n))


def test_isolates_have_no_structural_hole_measures():
    G = nx.Graph()
    G.add_nodes_from(["a", "b"])
    G.add_edge("a", "c")
    assert math.isnan(K.constraint(G)["b"])
    assert math.isnan(K.effective_size(G)["b"])


def test_leiden_finds_partitions_as_good_as_networkx_louvain():
    ours = K.leiden(KARATE, weight=None, seed=0)
    communities = nx.community.louvain_communities(KARATE, weight=None, seed=0)
    theirs = nx.community.modularity(KARATE, communities, weight=None)
    assert K.modularity(KARATE, ours, weight=None) >= theirs - 0.01
    assert K.leiden(KARATE, weight=None, seed=0) == ours
    assert set(ours.values()) == set(range(len(set(ours.values()))))
    sizes = [list(ours.values()).count(c) for c in sorted(set(ours.values()))]
    assert sizes == sorted(sizes, reverse=True)


def test_louvain_kernel_is_deterministic_and_close_to_networkx():
    a = K.louvain(KARATE, weight=None, seed=7)
    assert a == K.louvain(KARATE, weight=None, seed=7)
    assert K.modularity(KARATE, a, weight=None) > 0.38


def test_modularity_equals_networkx():
    partition = K.leiden(KARATE, weight=None)
    groups = [{n for n, c in partition.items() if c == k} for k in set(partition.values())]
    assert math.isclose(
        K.modularity(KARATE, partition, weight=None),
        nx.community.modularity(KARATE, groups, weight=None),
        abs_tol=1e-12,
    )


def test_layout_is_deterministic_and_complete():
    first = K.layout(KARATE, seed=3)
    assert first == K.layout(KARATE, seed=3)
    assert first.keys() == set(KARATE)
    assert first != K.layout(KARATE, seed=4)


def test_components_and_articulation_points_equal_networkx():
    G = named(nx.barbell_graph(4, 2))
    G.add_node("alone")
    assert K.articulation_points(G) == set(nx.articulation_points(G))
    assert K.components(G) == sorted(nx.connected_components(G), key=lambda c: (-len(c), min(c)))


def test_empty_graphs():
    G = nx.Graph()
    assert K.betweenness(G) == {} and K.leiden(G) == {} and K.layout(G) == {}


def test_leiden_kernel_matches_leidenalg_in_quality():
    """leidenalg (Traag's reference implementation) as the cross-check of igraph's Leiden."""
    import leidenalg

    graph = named(nx.relaxed_caveman_graph(12, 10, 0.15, seed=2))
    g, _ = K._convert(graph)
    reference = leidenalg.find_partition(
        g, leidenalg.RBConfigurationVertexPartition, resolution_parameter=1.0, seed=0
    )
    ours = K.leiden(graph, weight=None, seed=0)
    assert K.modularity(graph, ours, weight=None) >= g.modularity(reference.membership) - 0.01


def test_layout_of_a_subgraph_view_does_not_depend_on_the_hash_seed():
    """A subgraph view iterates a set of nodes; the kernel must not inherit that order."""
    import subprocess
    import sys

    code = (
        "import networkx as nx\n"
        "from netkit.analyse import _kernels as K\n"
        "G = nx.relabel_nodes(nx.relaxed_caveman_graph(30, 8, 0.2, seed=1), lambda n: f'p{n}')\n"
        "H = G.subgraph(sorted(G)[:60])\n"
        "print(repr(sorted(K.layout(H, seed=2).items())))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
