"""The whole pipeline at LinkedIn's cap: import -> enrich -> analyse -> maps -> report.

Run on demand, not in the test suite:

    python benchmarks/bench_pipeline.py [--contacts 30000] [--messages 100000]

Builds a synthetic LinkedIn archive (the generator of ``bench_archive.py``), then times
each stage as ``netkit demo`` chains them (analyses computed once and passed on to the
maps and to the report in both languages) and the total, with the process's peak memory.
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

    from netkit.analyse import bridges, clusters, target, ties
    from netkit.pipeline import import_network
    from netkit.render import interactive_map, report, static_map

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        archive = out / "Complete_LinkedInDataExport_01-01-2026.zip"
        generate(archive, contacts=args.contacts, messages=args.messages)
        stages: dict[str, float] = {}

        def timed(name, call):
            start = time.perf_counter()
            value = call()
            stages[name] = time.perf_counter() - start
            return value

        G = timed("import + enrich", lambda: import_network([archive]).graph)
        tie_table = timed("ties", lambda: ties(G))
        cluster_table = timed("clusters", lambda: clusters(G))
        bridge_table = timed("bridges", lambda: bridges(G, clusters=cluster_table))
        tables = {"ties": tie_table, "clusters": cluster_table, "bridges": bridge_table}
        ranking = timed("target", lambda: target(G, sector="renewable energy", top=10, **tables))
        highlight = list(ranking.ranking["person"].head(10))
        timed("static map", lambda: static_map(G, out / "map.png", highlight=highlight, **tables))
        timed(
            "interactive map",
            lambda: interactive_map(G, out / "map.html", highlight=highlight, **tables),
        )
        for lang in ("en", "it"):
            timed(
                f"report ({lang})",
                lambda lang=lang: report(
                    G, out / f"report-{lang}.html", lang=lang, sector="renewable energy", **tables
                ),
            )
    people = sum(1 for _, kind in G.nodes(data="kind") if kind == "person")
    print(f"{people:,} contacts, {args.messages:,} messages")
    for name, seconds in stages.items():
        print(f"{name}: {seconds:.1f} s")
    print(f"total: {sum(stages.values()):.1f} s (target: under 60 s)")
    print(f"peak memory of the process: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
