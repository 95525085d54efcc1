"""Declared ties: a small table of who knows whom, filled in by a coach and a client."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import parseaddr
from typing import Literal

import networkx as nx

from netkit.build import NetworkBuilder, source_entry
from netkit.errors import MissingColumns, ParseError
from netkit.io._tables import (
    DELIMITER_NAMES,
    EMAIL,
    check_on_bad_rows,
    find_header,
    records,
    shown,
)
from netkit.io._text import Source, Src, decode, load_source, sniff_binary
from netkit.io.report import ImportReport, RowIssue
from netkit.schema import clean_text, fold, linkedin_slug, person_id

__all__ = ["FORMAT", "OWNER_WORDS", "read_declared", "sniff_declared"]

FORMAT = "declared-ties"
OnBadRows = Literal["report", "error"]

#: Cells that name the network's owner (folded), in English and Italian.
OWNER_WORDS = frozenset({"me", "io", "ego"})

#: Header cells (folded, spaces and hyphens as underscores) and the column they are.
COLUMNS = {
    "person_a": "a",
    "person_b": "b",
    "persona_a": "a",
    "persona_b": "b",
    "note": "note",
    "notes": "note",
    "nota": "note",
}
_HEADER_SCAN_LINES = 10


# --- declared ties ----------------------------------------------------------------------


def _column(cell: str) -> str | None:
    key = re.sub(r"[\s\-]+", "_", fold(cell))
    return COLUMNS.get(key)


def _match_header(cells: list[str]) -> tuple[str | None, ...] | None:
    fields = tuple(_column(cell) for cell in cells)
    if fields.count("a") == 1 and fields.count("b") == 1:
        return fields
    return None


def sniff_declared(source: Source, kind: str | None, head: str) -> bool:
    """True when ``head`` starts a declared-ties table (``person_a,person_b[,note]``).

    Examples
    --------
    >>> sniff_declared(Source("t.csv", b""), None, "Persona_A;Persona_B;Nota\\nio;Ada")
    True
    >>> sniff_declared(Source("t.csv", b""), None, "source,target\\n1,2")
    False
    """
    return kind is None and find_header(head, _match_header, scan=_HEADER_SCAN_LINES) is not None


@dataclass(frozen=True)
class _Person:
    """One cell read as a person: the owner, or a contact id with its attributes."""

    owner: bool
    pid: str = ""
    name: str = ""
    email: str = ""
    linkedin_url: str = ""


def _person(cell: str, owner_names: frozenset[str], owner_emails: frozenset[str]) -> _Person | None:
    """Read one cell (a name, an e-mail, ``Name <e-mail>`` or a LinkedIn URL)."""
    text = clean_text(cell)
    if not text:
        return None
    folded = fold(text)
    if folded in OWNER_WORDS or folded in owner_names:
        return _Person(owner=True)
    slug = linkedin_slug(text) if "linkedin." in folded else None
    if slug:
        return _Person(
            False, person_id(slug=slug), linkedin_url=f"https://www.linkedin.com/in/{slug}"
        )
    name, address = "", text.removeprefix("mailto:")
    if "<" in text and text.endswith(">"):
        name, address = parseaddr(text)
        name = clean_text(name)
    if EMAIL.match(address):
        email = address.casefold()
        if email in owner_emails:
            return _Person(owner=True)
        return _Person(False, person_id(email=email), name=name, email=email)
    return _Person(False, person_id(name=text), name=text)


def read_declared(
    src: Src,
    *,
    on_bad_rows: OnBadRows = "report",
    owner_names: Sequence[str] = (),
    owner_emails: Sequence[str] = (),
) -> tuple[nx.Graph, ImportReport]:
    """Read a declared-ties table (who knows whom, as a client declares it).

    The table has a header ``person_a,person_b`` and an optional ``note`` column
    (Italian ``persona_a,persona_b,nota`` too; any case; commas, semicolons or
    tabs). Each cell names a person by name, e-mail (``Name <e-mail>`` too) or
    LinkedIn profile URL; ``me``, ``io`` or ``ego`` (or one of ``owner_names`` /
    ``owner_emails``) is the network's owner.

    Parameters
    ----------
    src : str, path or binary file
        The table (UTF-8 with or without BOM, UTF-16 or cp1252).
    on_bad_rows : {"report", "error"}
        What to do with a row that cannot be read: list it in the report (default)
        or raise :class:`~netkit.errors.ParseError`.
    owner_names, owner_emails : sequence of str
        Further ways the owner is written in the table; ``owner_names[0]`` becomes
        the owner's name and ``owner_emails`` the owner's ``emails``.

    Returns
    -------
    G : networkx.Graph
        The owner ``ego``, one ``person`` per person named (``li:``/``mail:``/
        ``name:`` ids; a name cell keeps its text as ``name``), a ``declared``
        person–person edge per row (with ``note``), and an owner tie on channel
        ``declared`` for each row that names the owner.
    report : ImportReport
        ``rows_read`` = non-blank rows after the header. Rejected (with line and
        reason): a row with an empty side, a row naming the same person twice.
        Duplicates: the same pair again, in either order. ``counts`` holds
        ``declared ties`` (person–person) and ``owner ties``.

    Raises
    ------
    UnsupportedFormat, EncodingProblem
        For an empty, binary or undecodable file.
    MissingColumns
        When no header with ``person_a`` and ``person_b`` is found.
    ParseError
        With ``on_bad_rows="error"``, at the first rejected row.

    Examples
    --------
    >>> import io
    >>> data = (b"person_a,person_b,note\\n"
    ...         b"Ada Lovelace,bo@example.com,met at Enel\\nme,Ada Lovelace,")
    >>> G, report = read_declared(io.BytesIO(data))
    >>> G.edges["name:ada lovelace", "mail:bo@example.com"]["note"]
    'met at Enel'
    >>> G.edges["ego", "name:ada lovelace"]["channels"], report.counts
    ('declared', {'declared ties': 1, 'owner ties': 1})
    """
    check_on_bad_rows(on_bad_rows)
    source = load_source(src)
    sniff_binary(source)
    text, encoding = decode(source)
    header = find_header(text, _match_header, scan=_HEADER_SCAN_LINES)
    if header is None:
        first = clean_text(text[:200].split("\n", 1)[0])
        start = first if len(first) <= 60 else first[:59] + "…"
        raise MissingColumns(
            f"no header row with 'person_a' and 'person_b' in its first {_HEADER_SCAN_LINES} "
            f"lines (it starts: {start!r}); a declared-ties table starts with the header "
            "person_a,person_b,note (or persona_a,persona_b,nota)",
            path=source.name,
        )
    fields = header.fields
    report = ImportReport(
        path=source.name,
        format=FORMAT,
        encoding=encoding,
        delimiter=DELIMITER_NAMES[header.delimiter],
        header_line=header.line,
    )
    unknown = [cell for cell, field in zip(header.cells, fields, strict=True) if not field and cell]
    if unknown:
        report.notes.append(
            "columns " + ", ".join(repr(c) for c in unknown) + " are not read (only "
            "person_a, person_b and note are)"
        )
    names = frozenset(fold(n) for n in owner_names if fold(n))
    emails = frozenset(clean_text(e).casefold() for e in owner_emails if clean_text(e))
    builder = NetworkBuilder(FORMAT, ego_name=clean_text(owner_names[0]) if owner_names else None)
    if emails:
        builder.set_ego(emails=";".join(sorted(emails)))

    def reject(line: int, reason: str, row: list[str]) -> None:
        if on_bad_rows == "error":
            raise ParseError(reason, path=source.name, line=line)
        report.rejected.append(RowIssue(line, reason, shown(row, header.delimiter)))

    column = {field: i for i, field in enumerate(fields) if field}
    seen: dict[tuple[str, str], int] = {}
    links = ties = 0
    for line, row, broken in records(text[header.end :], header):
        report.rows_read += 1
        if broken:
            reject(line, broken, row)
            continue
        cells = {f: row[i] if i < len(row) else "" for f, i in column.items()}
        a = _person(cells["a"], names, emails)
        b = _person(cells["b"], names, emails)
        if a is None or b is None:
            empty = [side for side, p in (("person_a", a), ("person_b", b)) if not p]
            verb = "are" if len(empty) == 2 else "is"
            reject(line, f"{' and '.join(empty)} {verb} empty: each row names two people", row)
            continue
        if (a.owner and b.owner) or (a.pid and a.pid == b.pid):
            reject(line, "names the same person on both sides", row)
            continue
        if a.owner or b.owner:
            key = ("ego", b.pid or a.pid)
        else:
            key = (min(a.pid, b.pid), max(a.pid, b.pid))
        if key in seen:
            report.duplicates.append(
                RowIssue(
                    line,
                    f"same pair as line {seen[key]}: counted once",
                    shown(row, header.delimiter),
                )
            )
            continue
        seen[key] = line
        for person in (a, b):
            if not person.owner:
                builder.person(
                    person.pid,
                    name=person.name,
                    emails=person.email,
                    linkedin_url=person.linkedin_url,
                )
        note = clean_text(cells.get("note", ""))
        if a.owner or b.owner:
            builder.tie(b.pid or a.pid, channel="declared", note=note)
            ties += 1
        else:
            builder.link(a.pid, b.pid, kind="declared", note=note)
            links += 1
        report.accepted += 1

    G = builder.graph(source_entry(FORMAT, source.name, report.rows_read, len(report.rejected)))
    report.contacts = sum(1 for _, kind in G.nodes(data="kind") if kind == "person")
    report.counts = {"declared ties": links, "owner ties": ties}
    if encoding not in ("utf-8", "utf-8-sig"):
        report.notes.append(f"read as {encoding} (not UTF-8)")
    return G, report
