"""Job 3: produce the maps, the report and the files for a coaching session.

Imports the sample world, computes clusters, ties and bridges once, ranks the bridges
toward "HR roles in renewable energy around Milano", and writes into OUT_DIR:

- ``network.png``: the static map, the five best bridges marked and named;
- ``network.html``: the interactive map (one file, works offline), same highlights;
- ``report.html``: the report the coach walks through (the same target, in English);
- ``network.gexf`` for Gephi, ``network.csv`` and ``network-ties.csv`` for a spreadsheet.

Run it from the repository::

    python examples/coaching_map.py [DATA_DIR] [OUT_DIR]

DATA_DIR defaults to the repository's ``data/`` folder, OUT_DIR to ``./netkit-examples``.
"""

import sys
from pathlib import Path

import netkit as nk
from netkit.pipeline import import_network
from netkit.sample import SAMPLE_FILES

data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "data"
out_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("netkit-examples")
out_dir.mkdir(parents=True, exist_ok=True)

G = import_network([data_dir / name for name in SAMPLE_FILES]).graph

# The analysers run once; the target and every map and export reuse their tables.
tables = {
    "clusters": nk.analyse.clusters(G),
    "ties": nk.analyse.ties(G),
}
tables["bridges"] = nk.analyse.bridges(G, clusters=tables["clusters"])
result = nk.analyse.target(
    G, sector="renewable energy", territory="Milano", role="HR", top=5, **tables
)
best = list(result.ranking["person"])
print("Highlighted bridges: " + ", ".join(result.ranking["name"]))

png = out_dir / "network.png"
nk.render.static_map(G, png, highlight=best, **tables)  # returns the drawing's axes
html = nk.render.interactive_map(G, out_dir / "network.html", highlight=best, **tables)
gexf = nk.render.export(G, out_dir / "network.gexf", **tables)
csv = nk.render.export(G, out_dir / "network.csv", **tables)  # also writes network-ties.csv
report = nk.render.report(
    G, out_dir / "report.html", sector="renewable energy", territory="Milano", role="HR"
)
for path in (png, html, report, gexf, csv, csv.with_name("network-ties.csv")):
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
