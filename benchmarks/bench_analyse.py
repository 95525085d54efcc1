"""Time and memory of the analysers at LinkedIn's cap: ties, clusters, bridges, shape.

Run on demand, not in the test suite:

    python benchmarks/bench_analyse.py [--contacts 30000] [--messages 100000]

Builds a synthetic LinkedIn archive (the generator of ``bench_archive.py``: 30,000
connections, 100,000 messages, group threads), imports and enriches it, then, in the
same process, times each analyser the way the CLI and the report chain them (clusters
computed once and passed on) and prints the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import rss_mb
from bench_archive import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()

    from netkit.analyse import bridges, clusters, shape, ties
    from netkit.pipeline import import_network

    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "Complete_LinkedInDataExport_01-01-2026.zip"
        generate(archive, contacts=args.contacts, messages=args.messages)
        start = time.perf_counter()
        G = import_network([archive]).graph
        imported = time.perf_counter() - start
    people = sum(1 for _, kind in G.nodes(data="kind") if kind == "person")
    ties_among = sum(1 for u, v in G.edges if G.nodes[u]["kind"] == G.nodes[v]["kind"] == "person")
    print(
        f"network: {people:,} contacts, {ties_among:,} ties among them "
        f"(import + enrich {imported:.1f} s)"
    )
    timings = {}
    start = time.perf_counter()
    tie_table = ties(G)
    timings["ties"] = time.perf_counter() - start
    start = time.perf_counter()
    cluster_table = clusters(G)
    timings["clusters (5 seeds)"] = time.perf_counter() - start
    start = time.perf_counter()
    bridges(G, clusters=cluster_table)
    timings["bridges"] = time.perf_counter() - start
    start = time.perf_counter()
    shape(G, clusters=cluster_table, ties=tie_table)
    timings["shape"] = time.perf_counter() - start
    for name, seconds in timings.items():
        print(f"{name}: {seconds:.1f} s")
    core = timings["ties"] + timings["clusters (5 seeds)"] + timings["bridges"]
    print(f"ties + clusters + bridges: {core:.1f} s (target: under 30 s)")
    print(f"peak memory of the process: {rss_mb():.0f} MB (target: under 2 GB)")


if __name__ == "__main__":
    main()
