"""The README shows real output: every `$ netkit …` console block is run and compared."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_updater():
    spec = importlib.util.spec_from_file_location(
        "update_readme", ROOT / "scripts" / "update_readme.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_console_blocks_are_what_netkit_prints(tmp_path):
    updater = load_updater()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(updater.BLOCK.findall(readme)) >= 2
    assert updater.render(readme, tmp_path) == readme, (
        "README output is out of date: run `python scripts/update_readme.py`"
    )


def test_readme_set_up_commands_are_the_ci_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in ci.splitlines() if line.startswith("python3 -m venv"))
    assert f"```bash\n{test_command}\n```" in readme
    demo = "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/netkit demo"
    assert f"```bash\n{demo}\n```" in readme
