"""The notebooks in notebooks/ are committed without outputs and run end to end on the sample.

Each notebook is executed with nbclient in a kernel running this interpreter (the
``python3`` kernelspec that ipykernel installs in the environment; jupyter_client
replaces its ``python`` with ``sys.executable``), from the notebooks folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TRUTH = json.loads((ROOT / "data" / "truth.json").read_text(encoding="utf-8"))
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))

# jupyter_core/jupyter_client may warn about platformdirs and datetime on some versions.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Jupyter is migrating its paths:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:.*datetime.datetime.utcnow.*:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:.*zmq.eventloop.ioloop.*:DeprecationWarning"),
]


def planted_bridges(options: dict[str, str]) -> list[str]:
    """Names of the best bridges truth.json plants for the target with these options."""
    for combination in TRUTH["targets"]["combinations"]:
        if combination["options"] == options:
            return [bridge["name"] for bridge in combination["best_bridges"]]
    raise LookupError(options)


def execute(name: str) -> str:
    """Run notebooks/<name> from the notebooks folder; return all its outputs as text."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                texts.append(output["text"])
            texts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(texts)


def test_there_are_three_notebooks() -> None:
    assert [path.name[:3] for path in PATHS] == ["01_", "02_", "03_"]


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_outputs_are_stripped(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], cell.source[:60]
            assert cell.execution_count is None, cell.source[:60]


def test_analyse_a_linkedin_export() -> None:
    out = execute("01_analyse_a_linkedin_export.ipynb")
    assert f"Python: {sys.executable}" in out
    assert f"Network: {TRUTH['identity']['people']} people" in out
    assert "merges, for example" in out
    assert "Pirelli" in out
    for tie_class in ("strong", "medium", "weak", "dormant", "latent"):
        assert tie_class in out
    assert "Former colleagues at Pirelli" in out


def test_bridges_toward_a_target() -> None:
    out = execute("02_bridges_toward_a_target.ipynb")
    names = planted_bridges({"sector": "renewable energy", "territory": "Milano", "role": "HR"})
    for name in names:  # the planted best bridges are all in the top five
        assert name in out, name
    assert "next step:" in out
    assert "passo:" in out
    assert "contacts:" in out
    assert "Target" in out


def test_map_and_report_for_a_coaching_session() -> None:
    out = execute("03_map_and_report_for_a_coaching_session.ipynb")
    names = planted_bridges({"sector": "renewable energy", "territory": "Milano", "role": "HR"})
    highlighted = next(line for line in out.splitlines() if line.startswith("Highlighted"))
    for name in names:
        assert name in highlighted, name
    for name in ("network.png", "network.html", "network.gexf", "network.csv", "network-ties.csv"):
        assert f"wrote {name}" in out
    for name in names:
        assert f"{name} in the report: True" in out, name
    assert not any(ROOT.glob("notebooks/*.html")), "a notebook wrote into the repository"
