"""The README shows real output: every `$ netkit …` console block is run and compared."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from click.testing import CliRunner

from netkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```console\n\$ (netkit [^\n]*)\n(.*?)```", re.DOTALL)


def test_readme_console_blocks_are_what_netkit_prints(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = BLOCK.findall(readme)
    assert len(blocks) >= 2
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    for command, shown in blocks:
        result = CliRunner().invoke(main, shlex.split(command)[1:])
        assert result.exit_code == 0, result.output
        assert result.stdout == shown, f"README output of `{command}` is out of date"


def test_readme_set_up_commands_are_the_ci_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(line for line in ci.splitlines() if line.startswith("python3 -m venv"))
    assert f"```bash\n{test_command}\n```" in readme
    assert (
        "```bash\npython3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/netkit demo\n```"
        in readme
    )
