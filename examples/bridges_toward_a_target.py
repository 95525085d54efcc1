"""Job 2: find bridge contacts toward a target sector, and what to ask each of them.

Imports the sample world, ranks the contacts toward "HR roles in renewable energy
around Milano" and prints the five best bridges with the reason and the suggested next
step (in English and in Italian), what the network lacks, and a chain of
acquaintances toward a target organisation when there is one. Then it does the same
for the target the owner stated in the LinkedIn archive (job-seeker preferences,
followed companies, saved jobs), with no options at all.

Run it from the repository (no files are written)::

    python examples/bridges_toward_a_target.py [DATA_DIR] [OUT_DIR]

DATA_DIR defaults to the repository's ``data/`` folder.
"""

import sys
from pathlib import Path

import netkit as nk
from netkit.pipeline import import_network
from netkit.sample import SAMPLE_FILES

data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "data"
G = import_network([data_dir / name for name in SAMPLE_FILES]).graph


def show(result, top=5, italian=True):
    for row in result.ranking.head(top).itertuples():
        print(f"{row.rank}. {row.name} ({row.organisation}, {row.tie_class} tie)")
        print(f"   why:       {row.reason}")
        print(f"   next step: {row.next_step}")
        if italian:
            print(f"   perché:    {row.reason_it}")
            print(f"   passo:     {row.next_step_it}")
    gaps = result.gaps
    print(
        f"Gaps: {gaps.contacts} contacts, {gaps.sector} in the sector, "
        f"{gaps.territory} in the territory, {gaps.function} in the role, "
        f"{gaps.all_named} matching all"
    )
    for name in gaps.without_contacts:
        print(f"  no contact at all at {name}")
    for cluster in gaps.clusters[:3]:
        print(f"  nearest cluster: {cluster.label} ({cluster.matching}/{cluster.size} inside)")
    for path in result.paths.head(1).itertuples():
        print(f"Path: {path.text}")
    if result.paths.empty:
        print("Path: none (sought only toward target organisations where you know no one)")


print("Target: renewable energy, Milano, HR (from the options)")
show(nk.analyse.target(G, sector="renewable energy", territory="Milano", role="HR"))

owner = nk.analyse.target(G)
print()
heading = owner.table(width=1000).split("\n\n")[0]  # the table's first paragraph
print(heading.replace("Target:", "Target from the archive:"))
show(owner, top=3, italian=False)
