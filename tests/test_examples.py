"""The scripts in examples/ run end to end on the sample world and say what they should."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
TRUTH = json.loads((DATA / "truth.json").read_text(encoding="utf-8"))


def run_example(name: str, *args: Path, cwd: Path) -> str:
    """Run examples/<name> with this interpreter; return its stdout after checking it worked."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def planted_bridges(options: dict[str, str]) -> list[str]:
    """Names of the best bridges truth.json plants for the target with these options."""
    for combination in TRUTH["targets"]["combinations"]:
        if combination["options"] == options:
            return [bridge["name"] for bridge in combination["best_bridges"]]
    raise LookupError(options)


def test_analyse_linkedin_export(tmp_path: Path) -> None:
    # No arguments: the script finds the repository's data/ on its own, from any folder.
    out = run_example("analyse_linkedin_export.py", cwd=tmp_path)
    assert f"Network: {TRUTH['identity']['people']} people" in out
    assert re.search(r"Same person in several files: \d+ merges", out)
    assert "Top organisations:" in out
    assert "Pirelli" in out
    for tie_class in ("strong", "medium", "weak", "dormant", "latent"):
        assert re.search(rf"^\s+\d+\s+{tie_class}$", out, re.MULTILINE), tie_class
    assert "Worth reviving:" in out
    assert "Former colleagues at Pirelli" in out.split("Clusters:")[1]


def test_bridges_toward_a_target(tmp_path: Path) -> None:
    out = run_example("bridges_toward_a_target.py", DATA, tmp_path, cwd=tmp_path)
    options, owner = out.split("Target from the archive:")
    names = planted_bridges({"sector": "renewable energy", "territory": "Milano", "role": "HR"})
    assert names
    for name in names:
        assert name in options, name
    assert "next step: Ask" in options
    assert "passo:" in options  # the Italian next step
    assert "Gaps: 815 contacts" in options
    assert "renewable energy" in owner
    assert re.search(r"^1\. ", owner, re.MULTILINE)


def test_coaching_map(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out = run_example("coaching_map.py", DATA, out_dir, cwd=tmp_path)
    names = planted_bridges({"sector": "renewable energy", "territory": "Milano", "role": "HR"})
    assert any(name in out for name in names)
    written = [Path(p) for p in re.findall(r"^wrote (.+) \([\d,]+ bytes\)$", out, re.MULTILINE)]
    assert {p.name for p in written} == {
        "network.png",
        "network.html",
        "report.html",
        "network.gexf",
        "network.csv",
        "network-ties.csv",
    }
    for path in written:
        assert path.parent == out_dir
        assert path.stat().st_size > 0, path
    assert (out_dir / "network.png").read_bytes().startswith(b"\x89PNG")
    html = (out_dir / "network.html").read_text(encoding="utf-8")
    assert 'src="http' not in html
    assert "Claudio Bianco" in html
    report = (out_dir / "report.html").read_text(encoding="utf-8")
    assert "Whom to ask first" in report and any(name in report for name in names)
    committed = Path(__file__).resolve().parents[1] / "examples" / "output"
    for name in ("network.png", "network.html"):  # the committed maps are today's output
        assert (committed / name).read_bytes() == (out_dir / name).read_bytes(), name


@pytest.mark.parametrize(
    "name", ["analyse_linkedin_export", "bridges_toward_a_target", "coaching_map"]
)
def test_example_has_a_docstring_saying_how_to_run_it(name: str) -> None:
    text = (ROOT / "examples" / f"{name}.py").read_text(encoding="utf-8")
    assert text.startswith('"""')
    assert f"python examples/{name}.py [DATA_DIR] [OUT_DIR]" in text
