"""Write every sample file into this folder: ``python data/generate.py``.

The files come from one seeded synthetic world (see ``netkit.sample``), so running this again
reproduces them byte for byte.
"""

import sys
from pathlib import Path

try:
    from netkit.sample import write_sample
except ImportError:  # a checkout without `pip install -e .`: use the package next door
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from netkit.sample import write_sample

if __name__ == "__main__":
    truth = write_sample(Path(__file__).parent)
    manifest = truth["connections"]
    print(
        f"wrote {manifest['file']} ({manifest['contacts']} contacts, "
        f"{manifest['organisations']} organisations) and truth.json into {Path(__file__).parent}"
    )
