"""Shared fixtures: LinkedIn exports of every era, written in code."""

from __future__ import annotations

import csv
import io

import pytest

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER_CURRENT = [
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
]
HEADER_2021 = ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"]


def connections_csv(
    rows: list[list[str]],
    *,
    header: list[str] = HEADER_CURRENT,
    preamble: bool = True,
    delimiter: str = ",",
    newline: str = "\n",
    final_newline: bool = False,
) -> str:
    """Return the text of a Connections.csv as LinkedIn (or Excel) writes it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    text = out.getvalue()
    if not final_newline:
        text = text[: -len(newline)]
    return (PREAMBLE.replace("\n", newline) if preamble else "") + text


@pytest.fixture
def write(tmp_path):
    """Write text or bytes to a file in a temporary folder and return its path."""

    def _write(content: str | bytes, name: str = "Connections.csv", encoding: str = "utf-8"):
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return path

    return _write
