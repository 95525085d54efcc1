"""LinkedIn ``Connections.csv``: every era of the export, and what Excel does to it."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Literal

import networkx as nx

from netkit.build import Contact, build_network, source_entry
from netkit.errors import MissingColumns, ParseError, UnsupportedFormat
from netkit.io._tables import DELIMITER_NAMES, EMAIL, Header, records, shown
from netkit.io._tables import find_header as _find_header
from netkit.io._text import Source, Src, decode, load_source, sniff_binary
from netkit.io.dates import guess_day_first, parse_date
from netkit.io.report import ImportReport, RowIssue
from netkit.schema import clean_text, fold, linkedin_slug, person_id

__all__ = ["FORMAT", "find_header", "parse_connections", "read_linkedin"]

FORMAT = "linkedin-connections"
OnBadRows = Literal["report", "error"]

#: Header cells (folded) and the field each one fills; every era's names.
COLUMNS = {
    "first name": "first_name",
    "given name": "first_name",
    "middle name": "middle_name",
    "last name": "last_name",
    "family name": "last_name",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "e-mail address": "email",
    "email": "email",
    "company": "company",
    "company name": "company",
    "position": "position",
    "job title": "position",
    "connected on": "connected_on",
}
_REQUIRED = ("first_name", "last_name")
_USEFUL = ("company", "position", "connected_on", "url", "email")
_HEADER_SCAN_LINES = 20
_NUMERIC_DATE = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$")


def _match_header(cells: list[str]) -> tuple[str | None, ...] | None:
    fields = tuple(COLUMNS.get(fold(cell)) for cell in cells)
    if all(f in fields for f in _REQUIRED) and any(f in fields for f in _USEFUL):
        return fields
    return None


def find_header(text: str) -> Header | None:
    """Find the header row among the first lines of ``text``.

    The current export starts with a ``Notes:`` paragraph; older ones and Excel
    re-saves start with the header, separated by commas, semicolons or tabs.
    ``fields`` names the field each column fills (None for columns netkit ignores).

    Examples
    --------
    >>> h = find_header('Notes:\\n"x"\\n\\nFirst Name;Last Name;Connected On\\nA;B;1 Mar 2020')
    >>> h.line, h.delimiter, h.fields
    (4, ';', ('first_name', 'last_name', 'connected_on'))
    """
    return _find_header(text, _match_header, scan=_HEADER_SCAN_LINES)


def _no_header_error(text: str, name: str) -> Exception:
    first = clean_text(text[:200].split("\n", 1)[0])
    if fold(first).startswith("notes:"):
        return MissingColumns(
            "has LinkedIn's 'Notes:' preamble but no header row (First Name, Last Name, …): "
            "the file is cut short; download the export again",
            path=name,
        )
    shown = first if len(first) <= 60 else first[:59] + "…"
    return MissingColumns(
        "no header row with 'First Name' and 'Last Name' in its first "
        f"{_HEADER_SCAN_LINES} lines (it starts: {shown!r}); expected LinkedIn's "
        "Connections.csv with columns First Name, Last Name, URL, Email Address, Company, "
        "Position, Connected On",
        path=name,
    )


def parse_connections(
    source: Source, *, on_bad_rows: OnBadRows = "report"
) -> tuple[list[Contact], ImportReport]:
    """Parse the bytes of a ``Connections.csv`` into contacts and an import report.

    Parameters
    ----------
    source : Source
        The file's name and bytes.
    on_bad_rows : {"report", "error"}
        ``"report"`` collects unreadable rows in the report and goes on;
        ``"error"`` raises :class:`~netkit.errors.ParseError` at the first one.

    Returns
    -------
    contacts : list of Contact
        Distinct contacts, in file order.
    report : ImportReport
        Rows read, duplicates, rejected rows and problems, with line numbers.

    Raises
    ------
    UnsupportedFormat, EncodingProblem, MissingColumns
        When the file as a whole cannot be read as a connections export.
    ParseError
        With ``on_bad_rows="error"``, at the first row that cannot be read.
    """
    if on_bad_rows not in ("report", "error"):
        raise ValueError(f"on_bad_rows must be 'report' or 'error', not {on_bad_rows!r}")
    text, encoding = decode(source)
    header = find_header(text)
    if header is None:
        raise _no_header_error(text, source.name)
    report = ImportReport(
        path=source.name,
        format=FORMAT,
        encoding=encoding,
        delimiter=DELIMITER_NAMES[header.delimiter],
        header_line=header.line,
    )
    missing = [f for f in ("connected_on", "company", "position") if f not in header.fields]
    if missing:
        report.notes.append(
            "no column for "
            + ", ".join(m.replace("_", " ") for m in missing)
            + " in this export: those values are left out"
        )

    rows = records(text[header.end :], header)
    report.rows_read = len(rows)

    date_column = header.fields.index("connected_on") if "connected_on" in header.fields else None
    date_cells = [
        r.cells[date_column]
        for r in rows
        if date_column is not None and not r.broken and date_column < len(r.cells)
    ]
    day_first, settled = guess_day_first(date_cells)

    contacts: list[Contact] = []
    by_id: dict[str, Contact] = {}
    width = len(header.fields)

    def reject(line: int, reason: str, row: list[str]) -> None:
        if on_bad_rows == "error":
            raise ParseError(reason, path=source.name, line=line)
        report.rejected.append(RowIssue(line, reason, shown(row, header.delimiter)))

    for raw in rows:
        line, row = raw.line, raw.cells
        if raw.broken:
            reject(line, raw.broken, row)
            continue
        if len(row) > width and not any(cell.strip() for cell in row[width:]):
            row = row[:width]
        if len(row) != width:
            reject(
                line,
                f"has {len(row)} fields where the header has {width}"
                + (": a comma inside a value that is not quoted?" if len(row) > width else ""),
                row,
            )
            continue
        values = {
            field: clean_text(cell) for field, cell in zip(header.fields, row, strict=True) if field
        }
        first = " ".join(p for p in (values.get("first_name"), values.get("middle_name")) if p)
        last = values.get("last_name", "")
        url_text = values.get("url", "")
        slug = linkedin_slug(url_text) if url_text else None
        email = values.get("email", "").casefold()
        kept_problems: list[str] = []
        if url_text and not slug:
            kept_problems.append(f"URL {url_text!r} is not a LinkedIn profile address; left out")
        if email and not EMAIL.match(email):
            kept_problems.append(f"email {email!r} is not an address; left out")
            email = ""
        name = " ".join(p for p in (first, last) if p)
        if not (name or slug or email):
            reject(
                line,
                "no name, profile URL or email: a hidden or closed profile that LinkedIn "
                "exports without details",
                row,
            )
            continue
        date_text = values.get("connected_on", "")
        connected = parse_date(date_text, day_first=day_first) if date_text else None
        if date_text and connected is None:
            kept_problems.append(f"cannot read the date {date_text!r}; kept without it")
        contact = Contact(
            id=person_id(slug=slug, email=email, name=name),
            line=line,
            first_name=first,
            last_name=last,
            linkedin_url=f"https://www.linkedin.com/in/{slug}" if slug else "",
            email=email,
            company=values.get("company", ""),
            position=values.get("position", ""),
            connected_on=connected,
        )
        earlier = by_id.get(contact.id)
        if earlier is not None:
            same = (slug or email) or (
                earlier.company == contact.company
                and earlier.position == contact.position
                and earlier.connected_on == contact.connected_on
            )
            if same:
                what = "profile URL" if slug else "email" if email else "name and details"
                report.duplicates.append(
                    RowIssue(
                        line,
                        f"same {what} as line {earlier.line}: counted once",
                        shown(row, header.delimiter),
                    )
                )
                continue
            suffix = 2
            while f"{contact.id}#{suffix}" in by_id:
                suffix += 1
            contact = Contact(**{**contact.__dict__, "id": f"{contact.id}#{suffix}"})
            report.notes.append(
                f"line {line}: {name} has the same name as line {earlier.line} but other "
                f"details: kept as a different person ({contact.id})"
            )
        report.problems.extend(
            RowIssue(line, p, shown(row, header.delimiter)) for p in kept_problems
        )
        by_id[contact.id] = contact
        contacts.append(contact)

    report.contacts = report.accepted = len(contacts)
    if not settled and any(_NUMERIC_DATE.match(c.strip()) for c in date_cells):
        report.notes.append(
            "dates such as 03/04/2021 could be read either way; read as day/month "
            "(no date in the file settles the order)"
        )
    if encoding not in ("utf-8", "utf-8-sig"):
        report.notes.append(f"read as {encoding} (not UTF-8)")
    return contacts, report


_MEMBER = re.compile(r"(^|/)connections(_\d+)?\.csv$")
_MAX_MEMBER = 64 * 1024 * 1024


def _connections_from_zip(source: Source) -> Source:
    """Take ``Connections.csv`` out of LinkedIn's data archive, in memory."""
    with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
        members = [
            info
            for info in archive.infolist()
            if _MEMBER.search(info.filename.casefold().replace(" ", "_"))
        ]
        if not members:
            raise UnsupportedFormat(
                "is a zip without Connections.csv: is it LinkedIn's data archive "
                "(Settings → Data privacy → Get a copy of your data)?",
                path=source.name,
            )
        member = min(members, key=lambda info: (info.filename.count("/"), info.filename))
        if member.file_size > _MAX_MEMBER:
            raise UnsupportedFormat(
                f"{member.filename} would expand to {member.file_size:,} bytes, more than any "
                "real export: not read",
                path=source.name,
            )
        try:
            with archive.open(member) as handle:
                data = handle.read(_MAX_MEMBER + 1)
        except (zipfile.BadZipFile, EOFError, OSError) as exc:
            raise UnsupportedFormat(
                f"{member.filename} in the archive is damaged ({exc}); download it again",
                path=source.name,
            ) from None
        if len(data) > _MAX_MEMBER:
            raise UnsupportedFormat(
                f"{member.filename} expands past 64 MiB: not read", path=source.name
            )
    return Source(f"{source.name}!{member.filename}", data)


def read_linkedin(
    src: Src, *, on_bad_rows: OnBadRows = "report", ego_name: str | None = None
) -> tuple[nx.Graph, ImportReport]:
    """Read a LinkedIn ``Connections.csv`` (or the data archive holding it) into a network.

    Parameters
    ----------
    src : str, path or binary file
        ``Connections.csv`` of any era, as exported or re-saved by Excel (UTF-8 with
        or without BOM, UTF-16, cp1252; commas, semicolons or tabs), or LinkedIn's
        ``.zip`` data archive.
    on_bad_rows : {"report", "error"}
        What to do with a row that cannot be read: list it in the report (default)
        or raise :class:`~netkit.errors.ParseError`.
    ego_name : str, optional
        The owner's name, stored on the ego node.

    Returns
    -------
    G : networkx.Graph
        The network (see DESIGN.md): ego, persons, organisations.
    report : ImportReport
        Rows read = contacts + duplicates + rejected, each issue with its line.

    Raises
    ------
    UnsupportedFormat, EncodingProblem, MissingColumns, ParseError

    Examples
    --------
    >>> import io
    >>> data = (b"First Name,Last Name,Company,Position,Connected On\\n"
    ...         b"Ada,Lovelace,Enel SpA,CEO,12 Mar 2021")
    >>> G, report = read_linkedin(io.BytesIO(data))
    >>> report.contacts, G.nodes["name:ada lovelace"]["connected_on"]
    (1, '2021-03-12')
    """
    source = load_source(src)
    if sniff_binary(source) == "zip":
        source = _connections_from_zip(source)
    contacts, report = parse_connections(source, on_bad_rows=on_bad_rows)
    G = build_network(
        contacts,
        source_kind=FORMAT,
        source=source_entry(FORMAT, source.name, report.rows_read, len(report.rejected)),
        channel="linkedin",
        ego_name=ego_name,
    )
    report.organisations = sum(1 for _, kind in G.nodes(data="kind") if kind == "organisation")
    return G, report
