"""Job 1: analyse a LinkedIn export, together with the other exports you have.

Imports the sample world (LinkedIn data archive, address book, mailbox, calendar and
a declared-ties table) into one network, then prints what a coach looks at first:
how many people and organisations, which records were recognised as the same person,
the top organisations, the ties by class, the dormant ties worth reviving and the
clusters.

Run it from the repository (no files are written; OUT_DIR is accepted for symmetry
with the other examples)::

    python examples/analyse_linkedin_export.py [DATA_DIR] [OUT_DIR]

DATA_DIR defaults to the repository's ``data/`` folder.
"""

import sys
from pathlib import Path

import netkit as nk
from netkit.pipeline import import_network
from netkit.sample import SAMPLE_FILES

data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "data"

result = import_network([data_dir / name for name in SAMPLE_FILES])
G, identity = result.graph, result.identity
summary = nk.summarise(G)
print(f"Network: {identity.people} people, {summary.organisations} organisations")
print(f"  from {identity.records} records in {len(result.reports)} files")

print(f"Same person in several files: {len(identity.merges)} merges, for example")
for merge in identity.merges[:3]:
    print(f"  {merge}")
for doubt in identity.possible_duplicates:
    print(f"  kept apart, check by hand: {doubt}")

print("Top organisations:")
for name, count in summary.top_organisations[:5]:
    print(f"  {count:4}  {name}")

ties = nk.analyse.ties(G)
print("Ties by class:")
for tie_class, count in ties["tie_class"].value_counts().items():
    print(f"  {count:4}  {tie_class}")

print("Worth reviving:")
for row in nk.analyse.maintenance(G, top=5).itertuples():
    print(f"  {row.name} ({row.tie_class}, last contact {row.last_contact})")
    print(f"    {row.suggestion}")

print("Clusters:")
for row in nk.analyse.cluster_summary(G).head(8).itertuples():
    print(f"  {row.size:4}  {row.label}")
