"""The command line: exit codes, one-line errors for bad input, help for every command."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import netkit as nk
from netkit.cli import main
from tests.conftest import PREAMBLE, connections_csv
from tests.io.test_linkedin import ROWS

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def truncated_utf16() -> bytes:
    data = b"\xff\xfe" + connections_csv(ROWS, delimiter="\t").encode("utf-16-le")
    return data[:-1]


BAD_INPUTS = {
    "not-a-csv.txt": (
        b"Dear coach,\nhere are my notes from Tuesday.\n",
        "not a format netkit reads",
    ),
    "export.xlsx": (xlsx_bytes(), "is an Excel workbook (.xlsx); use the original CSV"),
    "empty.csv": (b"", "the file is empty"),
    "preamble-only.csv": (PREAMBLE.encode(), "'Notes:' preamble but no header row"),
    "wrong-columns.csv": (b"Name,Phone\nAda,555\n", "no header row with 'First Name'"),
    "truncated-utf16.csv": (truncated_utf16(), "truncated UTF-16 file"),
    "one-line.csv": (b"abc," * (50 * 1024 * 1024 // 4), "no header row with 'First Name'"),
    "damaged.zip": (xlsx_bytes()[:40], "damaged or truncated zip"),
    "picture.csv": (b"\x89PNG\r\n\x1a\n" + bytes(200), "is a PNG image"),
    "not-linkedin.zip": (b"", "zip without Connections.csv"),
}


@pytest.fixture(params=sorted(BAD_INPUTS))
def bad_input(request, tmp_path):
    name = request.param
    data, message = BAD_INPUTS[name]
    if name == "not-linkedin.zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("notes.txt", "hello")
        data = buffer.getvalue()
    path = tmp_path / name
    path.write_bytes(data)
    return path, message


def test_bad_input_is_one_line_naming_the_file_and_exit_1(bad_input):
    path, message = bad_input
    result = run("info", path)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"Error: {path}: ")
    assert message in lines[0]
    assert result.stdout == ""


def test_bad_input_raises_a_netkit_error_in_the_library(bad_input):
    path, message = bad_input
    with pytest.raises(nk.NetkitError, match=re.escape(message)):
        nk.read(path)


def test_missing_file_is_a_user_error(tmp_path):
    result = run("import", tmp_path / "nope.csv", "-o", tmp_path / "n.graphml")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope.csv'}: no such file; check the path"


def test_unwritable_output_is_a_user_error(tmp_path):
    source = tmp_path / "Connections.csv"
    source.write_text(connections_csv(ROWS), encoding="utf-8")
    result = run("import", source, "-o", tmp_path / "missing-folder" / "n.graphml")
    assert result.exit_code == 1
    assert "cannot be written" in result.stderr


def test_usage_error_exits_2():
    assert run("import").exit_code == 2
    assert run("frobnicate").exit_code == 2


def test_import_then_info_json(tmp_path):
    source = tmp_path / "Connections.csv"
    source.write_text(
        connections_csv([*ROWS, ["", "", "", "", "", "", "07 Jun 2026"]]), encoding="utf-8"
    )
    network = tmp_path / "network.graphml"
    report_path = tmp_path / "report.json"
    result = run("import", source, "-o", network, "--report", report_path)
    assert result.exit_code == 0, result.output
    assert "5 rows read, 4 contacts, 2 organisations, 0 duplicates, 1 rejected" in result.stdout
    assert "line 9: no name, profile URL or email" in result.stdout
    [saved] = json.loads(report_path.read_text(encoding="utf-8"))["sources"]
    assert saved["rejected"][0]["line"] == 9
    info = run("info", network, "--json")
    assert info.exit_code == 0
    data = json.loads(info.stdout)  # --json prints JSON and nothing else
    assert data["contacts"] == 4
    assert data["organisations"] == 2
    assert data["top_organisations"][0] == {"name": "Enel S.p.A.", "contacts": 2}
    assert data["connection_years"] == {"2012": 1, "2019": 1, "2021": 1, "2026": 1}
    assert data["sources"] == [
        {"kind": "linkedin-connections", "file": "Connections.csv", "rows": 5, "rejected": 1}
    ]
    assert any("no interaction data" in m for m in data["missing"])


def test_info_accepts_a_raw_export_and_prints_for_people(tmp_path):
    source = tmp_path / "Connections.csv"
    source.write_text(connections_csv(ROWS), encoding="utf-8")
    result = run("info", source)
    assert result.exit_code == 0
    assert result.stdout.startswith("4 contacts, 2 organisations (75% of contacts have one)")
    assert "      2  Enel S.p.A." in result.stdout


def test_strict_import_stops_at_the_first_bad_row(tmp_path):
    source = tmp_path / "Connections.csv"
    source.write_text(
        connections_csv([ROWS[0], ["", "", "", "", "", "", "07 Jun 2026"]]), encoding="utf-8"
    )
    result = run("import", source, "-o", tmp_path / "n.graphml", "--strict")
    assert result.exit_code == 1
    assert result.stderr.strip().startswith(f"Error: {source}, line 6: no name")


def test_installed_command_prints_no_traceback(tmp_path):
    bad = tmp_path / "empty.csv"
    bad.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "netkit", "info", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == f"Error: {bad}: the file is empty; export your data again"


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        result = run(name, "--help")
        assert result.exit_code == 0
        assert "Example" in result.output, name
        assert f"netkit {name}" in readme, f"README does not show `netkit {name}`"
