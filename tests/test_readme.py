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


def test_report_picture_is_todays_first_screen(tmp_path):
    """The README's picture of the report is what the report shows today (by pixels)."""
    import os

    import numpy as np
    import pytest
    from PIL import Image

    updater = load_updater()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    committed = ROOT / "examples" / "output" / "report-first-screen.png"
    assert "](examples/output/report-first-screen.png)" in readme
    with Image.open(committed) as image:
        assert image.size == (updater.SCREEN["width"], updater.SCREEN["height"])
        old = np.asarray(image.convert("L"), dtype=float)
    if not updater.CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {updater.CHROMIUM} is missing")
        pytest.skip(f"{updater.CHROMIUM} is missing")
    import subprocess
    import sys

    env = {**os.environ, "MPLBACKEND": "Agg"}
    script = ROOT / "examples" / "coaching_map.py"
    subprocess.run(
        [sys.executable, str(script), str(ROOT / "data"), str(tmp_path)],
        check=True,
        env=env,
        capture_output=True,
    )
    # in its own process: the browser tests' Playwright may be running in this one
    shot = tmp_path / "now.png"
    photograph = (
        "import importlib.util, sys, pathlib;"
        "spec = importlib.util.spec_from_file_location('u', sys.argv[1]);"
        "u = importlib.util.module_from_spec(spec); spec.loader.exec_module(u);"
        "u.screenshot_report(pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]))"
    )
    subprocess.run(
        [
            sys.executable,
            "-c",
            photograph,
            str(ROOT / "scripts" / "update_readme.py"),
            str(tmp_path / "report.html"),
            str(shot),
        ],
        check=True,
        capture_output=True,
    )
    with Image.open(shot) as image:
        new = np.asarray(image.convert("L"), dtype=float)
    assert new.shape == old.shape
    # the same report draws the same pixels (0 differ between two runs); one letter more
    # in the title moves a few hundred
    changed = int(np.sum(np.abs(new - old) > 64))
    assert changed <= 50, f"{changed} pixels changed: run `python scripts/update_readme.py`"


def test_readme_python_analysis_block_runs(tmp_path, monkeypatch):
    """The README's analyse-and-render block runs as written on the sample."""
    import re

    import netkit as nk
    from netkit.pipeline import import_network
    from netkit.sample import SAMPLE_FILES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(
        b for b in re.findall(r"```python\n(.*?)```", readme, re.DOTALL) if "tables = {" in b
    )
    G = import_network([ROOT / "data" / name for name in SAMPLE_FILES]).graph
    monkeypatch.chdir(tmp_path)
    exec(block, {"nk": nk, "G": G, "print": lambda *args: None})
    for name in ("map.png", "map.html", "report.html", "network.gexf"):
        assert (tmp_path / name).stat().st_size > 1000, name
