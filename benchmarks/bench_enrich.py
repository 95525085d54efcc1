"""Time of enriching a LinkedIn export at LinkedIn's cap (30,000 contacts).

Run on demand, not in the test suite:

    python benchmarks/bench_enrich.py [--contacts 30000] [--repeat 3]

It writes a synthetic ``Connections.csv`` with the sample-world generator, reads it with
``netkit.read``, then times ``netkit.enrich.enrich`` on the network. Each run starts
cold: the keyword tables and place lists are loaded again and every cache is emptied, so
the figure includes reading the shipped data files. It prints the best and the worst
run, and the coverage reached.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def _cold() -> None:
    """Forget every table and cache, as in a fresh process."""
    from netkit.enrich import _data, places, sectors, target, titles
    from netkit.schema import organisation_key

    for cached in (
        titles.default_title_rules,
        sectors.default_sector_rules,
        places.default_place_index,
        target.sector_terms,
        _data.normalise,
        organisation_key,
    ):
        cached.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import netkit as nk
    from netkit.enrich import enrich, enrichment_coverage
    from netkit.sample import generate_world, write_connections_csv

    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "Connections.csv"
        world = generate_world(seed=1, n_contacts=args.contacts)
        write_connections_csv(world, csv_path)
        G, report = nk.read(csv_path)
    times = []
    for _ in range(args.repeat):
        _cold()
        t0 = time.perf_counter()
        H = enrich(G)
        times.append(time.perf_counter() - t0)
    coverage = enrichment_coverage(H)
    nk.validate_graph(H)
    organisations = sum(1 for _, d in G.nodes(data=True) if d.get("kind") == "organisation")
    print(f"network: {report.contacts:,} contacts, {organisations:,} organisations")
    print(
        f"enrich: best {min(times):.2f} s, worst {max(times):.2f} s "
        f"over {args.repeat} cold runs (target: under 3 s)"
    )
    shares = ", ".join(f"{k} {v:.1%}" for k, v in coverage["coverage"].items())
    print(f"coverage: {shares}")


if __name__ == "__main__":
    main()
