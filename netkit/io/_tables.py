"""Delimited tables as exports write them: header search, records, row display.

Every CSV-like reader (LinkedIn, address books, declared ties, edge lists, the
archive's members) finds its header and splits its records here, so a stray quote
costs one row everywhere and every rejected row is shown the same way.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple

from netkit.schema import clean_text

__all__ = [
    "DELIMITERS",
    "DELIMITER_NAMES",
    "EMAIL",
    "MAX_FIELD",
    "Header",
    "Record",
    "check_on_bad_rows",
    "field_limit",
    "find_header",
    "header_cells",
    "lines",
    "records",
    "shown",
]

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
#: A plausible e-mail address (what exports hold; not RFC 5322).
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
#: Longest value a record may hold before it is taken for a runaway quote.
MAX_FIELD = 10_000
_LINE_MAX = 64 * 1024


@dataclass(frozen=True)
class Header:
    """A table's header: its 1-based line, the offset just after it, the delimiter,
    the raw cells, and what the caller's matcher recognised in them (``fields``)."""

    line: int
    end: int
    delimiter: str
    cells: tuple[str, ...]
    fields: Any = None


class Record(NamedTuple):
    """One non-blank record: its first physical line, its cells, and why it is
    broken ("" for a good record)."""

    line: int
    cells: list[str]
    broken: str = ""


def check_on_bad_rows(value: str) -> None:
    """Raise ValueError unless ``value`` is "report" or "error"."""
    if value not in ("report", "error"):
        raise ValueError(f"on_bad_rows must be 'report' or 'error', not {value!r}")


def lines(text: str, limit: int) -> Iterator[tuple[int, int, str]]:
    """Yield ``(number, end offset, line)`` for the first ``limit`` lines of ``text``.

    Stops at a line over 64 KiB: no header is that long, and nothing after it is read.
    """
    position = 0
    for number in range(1, limit + 1):
        if position >= len(text):
            return
        end = text.find("\n", position, position + _LINE_MAX)
        if end < 0:
            if len(text) - position > _LINE_MAX:
                return
            end = len(text)
        yield number, end + 1, text[position:end].rstrip("\r")
        position = end + 1


def header_cells(line: str, delimiter: str) -> list[str]:
    """The cells of a header line, stripped of blanks, quotes and a stray BOM.

    Examples
    --------
    >>> header_cells('\\ufeff"First Name", Last Name ,URL', ",")
    ['First Name', 'Last Name', 'URL']
    """
    cells = next(csv.reader([line], delimiter=delimiter), [])
    return [cell.strip().lstrip("\ufeff").strip().strip('"').strip() for cell in cells]


def find_header(text: str, match: Callable[[list[str]], Any], *, scan: int = 20) -> Header | None:
    """Find the first of the first ``scan`` lines whose cells ``match`` recognises.

    ``match`` gets the cells (see :func:`header_cells`) of a line split by each
    delimiter in turn and returns what it recognised, or None.

    Examples
    --------
    >>> h = find_header("Notes:\\n\\nsource;target\\n1;2", lambda c: c if "source" in c else None)
    >>> h.line, h.delimiter, h.fields
    (3, ';', ['source', 'target'])
    """
    for number, end, line in lines(text, scan):
        for delimiter in DELIMITERS:
            if delimiter not in line:
                continue
            cells = header_cells(line, delimiter)
            found = match(cells)
            if found is not None:
                return Header(number, end, delimiter, tuple(cells), found)
    return None


@contextmanager
def field_limit(limit: int) -> Iterator[None]:
    """Let the csv module read values up to ``limit`` characters, then restore it."""
    old = csv.field_size_limit()
    csv.field_size_limit(min(max(limit, old), sys.maxsize))
    try:
        yield
    finally:
        csv.field_size_limit(old)


_RUNAWAY = (
    "a quote opened on this line is never closed, so the rows after it ran together; this "
    "line is left out and reading goes on at the next line (fix the quote and import again)"
)


def records(body: str, header: Header) -> list[Record]:
    """Split a table's body (the text after its header) into non-blank records.

    A quote opened and never closed would swallow every line after it into one
    record: such a record is cut back to its first line, marked broken, and reading
    resumes on the next line, so one stray quote costs one row, not the rest.

    Examples
    --------
    >>> h = Header(1, 0, ",", ("a", "b"))
    >>> [tuple(r) for r in records('1,2\\n\\n"3,4\\n5,6', h)]
    [(2, ['1', '2'], ''), (4, ['"3,4'], 'a quote opened on this line ...'), (5, ['5', '6'], '')]
    """
    width = len(header.cells)
    starts = [0, *(m.end() for m in re.finditer("\n", body))]
    found: list[Record] = []
    first = 0  # index in ``starts`` of the line the reader starts from
    with field_limit(len(body) + 1):
        while first < len(starts):
            reader = csv.reader(
                io.StringIO(body[starts[first] :], newline=""), delimiter=header.delimiter
            )
            previous, restart = 0, None
            try:
                for cells in reader:
                    start, previous = first + previous, reader.line_num
                    if not any(cell.strip() for cell in cells):
                        continue
                    spans = first + previous - start > 1
                    too_long = max(len(cell) for cell in cells) > MAX_FIELD
                    if spans and (too_long or len(cells) != width):
                        restart = start
                        break
                    broken = "holds a value over 10,000 characters" if too_long else ""
                    found.append(Record(header.line + start + 1, cells, broken))
            except csv.Error:  # a NUL byte or the like: cut the record back as above
                restart = first + previous
            if restart is None:
                break
            end = starts[restart + 1] if restart + 1 < len(starts) else len(body)
            found.append(
                Record(
                    header.line + restart + 1,
                    [body[starts[restart] : end].rstrip("\r\n")],
                    _RUNAWAY,
                )
            )
            first = restart + 1
    return found


def shown(cells: Sequence[str], delimiter: str = ",") -> str:
    """The start of a row as read (at most 120 characters), to show in a report.

    Examples
    --------
    >>> shown(["Ada", "Lovelace", "x" * 200])[:20]
    'Ada,Lovelace,xxxxxxx'
    """
    text = clean_text(delimiter.join(cells))
    return text if len(text) <= 120 else text[:119] + "…"
