"""Time the static map and the cluster layout at 1,500 and 30,000 contacts.

Run on demand, not in the test suite:

    python benchmarks/bench_maps.py [--contacts 1500 30000] [--formats png svg pdf]
                                    [--ties-per-contact 3] [--analysers] [--out DIR]

For each size it builds a synthetic network with the sample-world generator
(``generate_world`` + ``write_connections_csv`` + ``import_network``), adds seeded
person–person ties (mostly between colleagues, some at random) so that the network has
structure, computes the tables the map draws from once, then times
``cluster_layout`` and ``static_map`` into each format with those tables given, and
prints the wall time and the file size of each.

The tables come from the analysers (clusters, ties, bridges) with ``--analysers``;
by default from the heavy kernels directly (Louvain communities over contacts and
organisations, betweenness sampled over 256 sources, tie strength drawn at random),
which is quicker to set up and draws the same kind of map. Their time is printed
apart: it is the analysers' cost, not the map's.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import networkx as nx


def synthetic_network(contacts: int, *, ties_per_contact: int, seed: int = 1) -> nx.Graph:
    """A sample-world network of ``contacts`` contacts with seeded ties among them."""
    from netkit.pipeline import import_network
    from netkit.sample import generate_world, write_connections_csv

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Connections.csv"
        write_connections_csv(generate_world(seed=seed, n_contacts=contacts), path)
        G = import_network([path]).graph
    rng = random.Random(seed)
    kinds = dict(G.nodes(data="kind"))
    persons = sorted(n for n, kind in kinds.items() if kind == "person")
    members = {
        org: sorted(p for p in G[org] if kinds[p] == "person")
        for org, kind in kinds.items()
        if kind == "organisation"
    }
    for person in persons:
        employers = sorted(o for o in G[person] if kinds[o] == "organisation")
        for _ in range(ties_per_contact):
            if employers and rng.random() < 0.7:
                other = rng.choice(members[rng.choice(employers)])
            else:
                other = rng.choice(persons)
            if other != person and not G.has_edge(person, other):
                G.add_edge(person, other, kind="message", count=rng.randint(1, 9))
    return G


def tables(G: nx.Graph, *, analysers: bool) -> dict[str, object]:
    """The clusters, ties and bridges tables the map draws from."""
    if analysers:
        from netkit.analyse.bridges import bridges
        from netkit.analyse.clusters import clusters
        from netkit.analyse.ties import ties

        return {"clusters": clusters(G), "ties": ties(G), "bridges": bridges(G)}
    from netkit.analyse import _kernels, _views

    S = _views.structure_graph(G)
    found = _kernels.louvain(S.subgraph([n for n in S if S.degree(n) > 0]), seed=0)
    persons = _views.contacts(G)
    rng = random.Random(0)
    return {
        "clusters": {p: found.get(p, -1) for p in persons},
        "ties": {p: rng.random() for p in persons},
        "bridges": _kernels.betweenness(_views.people_graph(G), k=256, seed=0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, nargs="+", default=[1500, 30_000])
    parser.add_argument("--formats", nargs="+", default=["png", "svg", "pdf"])
    parser.add_argument("--ties-per-contact", type=int, default=3)
    parser.add_argument("--analysers", action="store_true", help="tables from the analysers")
    parser.add_argument("--out", type=Path, help="keep the maps in this folder")
    args = parser.parse_args()

    from netkit.render import cluster_layout, static_map
    from netkit.render._style import people_table

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.out or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for contacts in args.contacts:
            t0 = time.perf_counter()
            G = synthetic_network(contacts, ties_per_contact=args.ties_per_contact)
            built = time.perf_counter() - t0
            print(
                f"{contacts:,} contacts: {G.number_of_nodes():,} nodes, "
                f"{G.number_of_edges():,} edges (built in {built:.1f} s)"
            )
            t0 = time.perf_counter()
            people = people_table(G, **tables(G, analysers=args.analysers))
            print(
                f"  tables ({'analysers' if args.analysers else 'kernels'}): "
                f"{time.perf_counter() - t0:.1f} s, "
                f"{people['cluster'].nunique()} clusters"
            )
            t0 = time.perf_counter()
            cluster_layout(G, people)
            print(f"  cluster_layout: {time.perf_counter() - t0:.1f} s")
            for suffix in args.formats:
                out = folder / f"map-{contacts}.{suffix}"
                t0 = time.perf_counter()
                static_map(G, out, clusters=people, ties=people, bridges=people)
                elapsed = time.perf_counter() - t0
                print(f"  static_map {suffix}: {elapsed:.1f} s, {out.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
