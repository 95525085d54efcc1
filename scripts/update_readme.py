"""Re-run every ``$ netkit …`` console block of README.md and write its real output.

    python scripts/update_readme.py

Commands run in a temporary folder holding a copy of ``data/`` and ``examples/``, in the order the
README shows them; ``tests/test_readme.py`` fails when the README is out of date.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from netkit.cli import main as netkit_main

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"(```console\n\$ (netkit [^\n]*)\n)(.*?)(```)", re.DOTALL)


def render(readme: str, workdir: Path) -> str:
    """Return ``readme`` with each console block's output replaced by the real one."""

    def run(match: re.Match[str]) -> str:
        result = CliRunner().invoke(netkit_main, shlex.split(match.group(2))[1:])
        if result.exit_code != 0:
            raise SystemExit(f"`{match.group(2)}` failed:\n{result.output}")
        return match.group(1) + result.stdout + match.group(4)

    for folder in ("data", "examples"):
        shutil.copytree(ROOT / folder, workdir / folder, dirs_exist_ok=True)
    here = Path.cwd()
    try:
        os.chdir(workdir)
        return BLOCK.sub(run, readme)
    finally:
        os.chdir(here)


def main() -> int:
    path = ROOT / "README.md"
    with tempfile.TemporaryDirectory() as folder:
        new = render(path.read_text(encoding="utf-8"), Path(folder))
    path.write_text(new, encoding="utf-8")
    print(f"updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
