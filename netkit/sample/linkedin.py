"""Write the sample world's LinkedIn ``Connections.csv``, byte for byte as LinkedIn does."""

from __future__ import annotations

import csv
import io
import os
import random
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from netkit.sample.world import World

__all__ = ["HEADER", "PREAMBLE", "format_connected_on", "write_connections_csv"]

#: The three lines before the header in exports since 2021 (the third is empty).
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    " connections to see or download their email address using this setting"
    " https://www.linkedin.com/psettings/privacy/email. You can learn more here"
    ' https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
#: The header of exports since mid-2023.
HEADER = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_HIDDEN_ROWS = 3
_DUPLICATE_ROWS = 2


def format_connected_on(day: date) -> str:
    """Format a day as LinkedIn's ``Connected On`` does, independent of the locale.

    Examples
    --------
    >>> format_connected_on(date(2026, 2, 8))
    '08 Feb 2026'
    """
    return f"{day.day:02d} {_MONTHS[day.month - 1]} {day.year}"


def write_connections_csv(world: World, path: str | os.PathLike[str]) -> dict[str, Any]:
    """Write ``Connections.csv`` for the world's contacts and return what it holds.

    Parameters
    ----------
    world : World
        The sample world (see :func:`netkit.sample.generate_world`).
    path : str or os.PathLike
        File to write; its parent folder must exist.

    Returns
    -------
    dict
        The manifest importer tests check against:

        - ``file``: the file name; ``rows``: data rows written (after the header);
        - ``contacts``: distinct people; ``organisations``: organisations with a contact;
          ``contacts_without_organisation``;
        - ``duplicates`` / ``duplicate_lines``: rows repeating an earlier row exactly;
        - ``rejected`` / ``rejected_lines``: hidden-profile rows holding only a date;
        - ``top_organisations``: ``[canonical name, contacts]`` for the 10 largest,
          by count then name;
        - ``connection_years``: contacts per year of ``Connected On``.

        Line numbers are 1-based physical lines (the header is line 4; a quoted line break
        in a cell makes its row span two lines).

    Notes
    -----
    The format is the current export's: the three-line preamble, the header with ``URL``,
    UTF-8 without BOM, LF line endings, minimal quoting, no newline after the last row, rows
    newest connection first. Where the hidden and duplicate rows go is drawn from a
    generator seeded with the world's seed, so the file is reproducible.
    """
    path = Path(path)
    rng = random.Random(f"netkit-sample:{world.seed}:linkedin-connections")
    people = world.in_connection_order()
    rows = [
        [
            p.first_name,
            p.last_name,
            p.linkedin_url,
            p.email or "",
            p.company_text,
            p.title,
            format_connected_on(p.connected_on),
        ]
        for p in people
    ]

    # Hidden profiles go between two rows and carry the date of the row above (order kept);
    # duplicates go after the last row of the same day as the row they repeat.
    hidden_before = sorted(rng.sample(range(1, len(rows)), _HIDDEN_ROWS))
    duplicate_of = sorted(rng.sample(range(len(rows)), _DUPLICATE_ROWS))
    after: dict[int, list[int]] = {}
    for index in duplicate_of:
        last = index
        while last + 1 < len(rows) and people[last + 1].connected_on == people[index].connected_on:
            last += 1
        after.setdefault(last, []).append(index)

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    chunks = [PREAMBLE]
    line = 4

    def emit(row: list[str]) -> int:
        """Append one row, return the physical line it starts on."""
        nonlocal line
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        text = buffer.getvalue()
        chunks.append(text)
        start = line
        line += text.count("\n")
        return start

    emit(list(HEADER))
    rejected_lines: list[int] = []
    duplicate_lines: list[int] = []
    written = 0
    hidden = set(hidden_before)
    for index, row in enumerate(rows):
        if index in hidden:
            rejected_lines.append(emit(["", "", "", "", "", "", rows[index - 1][-1]]))
            written += 1
        emit(row)
        written += 1
        for original in after.get(index, []):
            duplicate_lines.append(emit(rows[original]))
            written += 1
    text = "".join(chunks)[:-1]  # LinkedIn ends the last row without a newline
    path.write_bytes(text.encode("utf-8"))

    counts = Counter(p.organisation for p in world.people if p.organisation is not None)
    names = {org.key: org.name for org in world.organisations}
    top = sorted(counts.items(), key=lambda item: (-item[1], names[item[0]]))[:10]
    years = Counter(p.connected_on.year for p in world.people)
    return {
        "file": path.name,
        "rows": written,
        "contacts": len(world.people),
        "duplicates": len(duplicate_lines),
        "rejected": len(rejected_lines),
        "duplicate_lines": duplicate_lines,
        "rejected_lines": rejected_lines,
        "organisations": len(counts),
        "contacts_without_organisation": sum(1 for p in world.people if p.organisation is None),
        "top_organisations": [[names[key], count] for key, count in top],
        "connection_years": {str(year): years[year] for year in sorted(years)},
    }
