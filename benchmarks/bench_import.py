"""Time and memory of importing a LinkedIn export at LinkedIn's cap (30,000 contacts).

Run on demand, not in the test suite:

    python benchmarks/bench_import.py [--contacts 30000] [--repeat 3]

It writes a synthetic ``Connections.csv`` with the sample-world generator, then, in a
fresh Python process (so the generator's memory is not counted), reads it with
``netkit.read`` and writes the network with ``netkit.write_graphml``, printing the
best wall time of each step over the repeats and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
import netkit as nk
path, out, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
def rss_mb():
    # VmHWM: this process's peak resident memory (ru_maxrss can carry the parent's peak)
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
baseline = rss_mb()
reads, writes, after_read = [], [], None
for _ in range(repeat):
    t0 = time.perf_counter()
    G, report = nk.read(path)
    t1 = time.perf_counter()
    after_read = after_read or rss_mb()
    nk.write_graphml(G, out)
    t2 = time.perf_counter()
    reads.append(t1 - t0)
    writes.append(t2 - t1)
print(json.dumps({
    "rows": report.rows_read, "contacts": report.contacts,
    "organisations": report.organisations, "rejected": len(report.rejected),
    "read_s": min(reads), "write_s": min(writes),
    "baseline_mb": baseline, "import_peak_mb": after_read, "peak_rss_mb": rss_mb(),
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from netkit.sample import generate_world, write_connections_csv

    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "Connections.csv"
        t0 = time.perf_counter()
        world = generate_world(seed=1, n_contacts=args.contacts)
        write_connections_csv(world, csv_path)
        generated = time.perf_counter() - t0
        size_mb = csv_path.stat().st_size / 1e6
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                CHILD,
                str(csv_path),
                str(Path(folder) / "n.graphml"),
                str(args.repeat),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(done.stdout)
    print(f"export: {figures['rows']:,} rows, {size_mb:.1f} MB (generated in {generated:.1f} s)")
    print(
        f"import: {figures['read_s']:.2f} s -> {figures['contacts']:,} contacts, "
        f"{figures['organisations']:,} organisations, {figures['rejected']} rejected"
    )
    print(f"write GraphML: {figures['write_s']:.2f} s")
    print(f"import + write: {figures['read_s'] + figures['write_s']:.2f} s (best of {args.repeat})")
    print(
        f"peak memory: {figures['import_peak_mb']:.0f} MB after the first import "
        f"(Python with netkit loaded: {figures['baseline_mb']:.0f} MB), "
        f"{figures['peak_rss_mb']:.0f} MB at the end"
    )


if __name__ == "__main__":
    main()
