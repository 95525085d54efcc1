"""Write every sample file into this folder: ``python data/generate.py``.

The files come from one seeded synthetic world (see ``netkit.sample``), so running this again
reproduces them byte for byte: LinkedIn's ``Connections.csv`` and complete data archive, an
address book (``contacts.vcf``), a Gmail mailbox (``mail.mbox``), a calendar
(``calendar.ics``), a hand-written who-knows-whom list (``declared-ties.csv``) and
``truth.json``, the ground truth every test checks against.
"""

import sys
from pathlib import Path

try:
    from netkit.sample.world import SAMPLE_FILES, write_sample
except ImportError:  # a checkout without `pip install -e .`: use the package next door
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from netkit.sample.world import SAMPLE_FILES, write_sample

if __name__ == "__main__":
    folder = Path(__file__).parent
    truth = write_sample(folder)
    print(f"wrote into {folder}:")
    for source, name in SAMPLE_FILES.items():
        manifest = truth[source]
        print(
            f"  {name}: {truth['files'][name]:,} bytes, {manifest['rows']} records, "
            f"{manifest['contacts']} contacts"
        )
    identity = truth["identity"]
    print(
        f"  truth.json: {identity['people']} distinct people across all files, "
        f"{len(identity['merges'])} planted merges, "
        f"{len(identity['possible_duplicates'])} possible duplicates"
    )
