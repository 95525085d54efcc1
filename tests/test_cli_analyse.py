"""The analysis and output commands on the sample network: exit codes, JSON, files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from netkit.cli import main
from netkit.sample import SAMPLE_FILES

DATA = Path(__file__).resolve().parents[1] / "data"


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def network(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "network.graphml"
    result = run("import", *(DATA / name for name in SAMPLE_FILES), "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize(
    ("command", "key"),
    [("ties", "tie_class"), ("clusters", "label"), ("bridges", "betweenness")],
)
def test_json_is_one_row_per_item_and_nothing_else(network, command, key):
    result = run(command, network, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows and all(key in row for row in rows)
    if command in ("ties", "bridges"):
        assert len(rows) == 815


def test_terminal_tables_fit_80_columns(network):
    for command in (
        ["ties", network],
        ["bridges", network],
        ["clusters", network],
        ["ties", network, "--maintenance"],
    ):
        result = run(*command)
        assert result.exit_code == 0, result.output
        table = [line for line in result.stdout.splitlines() if not line.startswith("note:")]
        assert max(len(line) for line in table) <= 80, command


def test_csv_export_of_a_table_is_spreadsheet_safe(network, tmp_path):
    path = tmp_path / "ties.csv"
    assert run("ties", network, "--csv", path).exit_code == 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 816
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_target_json_and_table(network):
    result = run(
        "target", network, "--sector", "renewable energy", "--territory", "Milano", "--json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ranking"] and data["version"] == 1
    table = run("target", network, "--sector", "renewable energy", "--lang", "it")
    assert table.exit_code == 0
    assert max(len(line) for line in table.stdout.splitlines()) <= 80


def test_unknown_target_term_is_a_one_line_error(network):
    result = run("target", network, "--sector", "blockchian farming")
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: unknown sector 'blockchian farming'; closest known")


def test_maps_and_exports_are_written(network, tmp_path):
    for name in ("map.png", "map.svg", "map.html"):
        result = run("map", network, "-o", tmp_path / name, "--target", "renewable energy")
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 0
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert 'src="http' not in html and '<link href="http' not in html
    for name in ("network.gexf", "people.csv", "copy.graphml"):
        result = run("export", network, "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).exists()


def test_anonymise_needs_a_salt_and_writes_a_network(network, tmp_path):
    assert run("anonymise", network, "-o", tmp_path / "a.graphml").exit_code == 2
    result = run("anonymise", network, "--salt", "s3cret", "-o", tmp_path / "a.graphml")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "a.graphml").read_text(encoding="utf-8")
    assert "Elena" not in text and "linkedin.com/in/" not in text


def test_diff_of_a_network_with_itself_is_empty(network):
    result = run("diff", network, network, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"added": [], "lost": [], "changed": []}


def test_whole_network_mode_runs_every_command(tmp_path):
    """A network with no owner (an organisation's, from an edge list): nothing breaks."""
    edges = tmp_path / "edges.csv"
    edges.write_text("source,target\nAda,Bo\nBo,Cy\nCy,Ada\nDan,Eve\nEve,Fay\n", encoding="utf-8")
    network = tmp_path / "whole.graphml"
    assert run("import", edges, "-o", network).exit_code == 0
    for command in (
        ["info", network],
        ["ties", network],
        ["ties", network, "--maintenance"],
        ["clusters", network],
        ["bridges", network],
        ["map", network, "-o", tmp_path / "m.png"],
        ["map", network, "-o", tmp_path / "m.html"],
        ["report", network, "-o", tmp_path / "r.html"],
        ["export", network, "-o", tmp_path / "w.gexf"],
        ["export", network, "-o", tmp_path / "w.csv"],
    ):
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)
    assert "has no owner" in run("ties", network).stdout


def test_report_with_a_previous_import_lists_job_changes(network, tmp_path):
    import html

    import netkit

    G = netkit.read_graphml(network)
    person = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "person" and "position" in d)[
        0
    ]
    old = G.copy()
    old.nodes[person]["position"] = "Stagista"
    netkit.write_graphml(old, tmp_path / "old.graphml")
    out = tmp_path / "report.html"
    result = run("report", network, "--previous", tmp_path / "old.graphml", "-o", out)
    assert result.exit_code == 0, result.output
    text = html.unescape(out.read_text(encoding="utf-8"))
    assert f"job title: Stagista → {G.nodes[person]['position']}" in text
    assert G.nodes[person]["name"] in text.split("Job changes since the previous import")[1]
    missing = run("report", network, "--previous", tmp_path / "nope.graphml", "-o", out)
    assert missing.exit_code != 0 and "nope.graphml" in missing.output
    assert "Traceback" not in missing.output
