"""LinkedIn's data archive (``…_LinkedInDataExport_MM-DD-YYYY.zip``), read in memory."""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from typing import Any, Literal

import networkx as nx

from netkit.build import EGO_ID, NetworkBuilder, source_entry
from netkit.errors import ParseError, UnsupportedFormat
from netkit.io._tables import field_limit, header_cells
from netkit.io._text import Source, Src, decode, load_source, sniff_binary
from netkit.io.dates import parse_date
from netkit.io.linkedin import parse_connections
from netkit.io.report import ImportReport, RowIssue
from netkit.schema import clean_text, fold, linkedin_slug, organisation_id, organisation_key

__all__ = ["FORMAT", "MEMBERS", "member_key", "read_linkedin_archive", "sniff"]

FORMAT = "linkedin-archive"
OnBadRows = Literal["report", "error"]

#: Files of the archive netkit reads, by matching key (see :func:`member_key`), with
#: the name LinkedIn gives them.
MEMBERS = {
    "profile.csv": "Profile.csv",
    "connections.csv": "Connections.csv",
    "positions.csv": "Positions.csv",
    "education.csv": "Education.csv",
    "messages.csv": "messages.csv",
    "invitations.csv": "Invitations.csv",
    "endorsementreceivedinfo.csv": "Endorsement_Received_Info.csv",
    "endorsementgiveninfo.csv": "Endorsement_Given_Info.csv",
    "recommendationsreceived.csv": "Recommendations_Received.csv",
    "recommendationsgiven.csv": "Recommendations_Given.csv",
    "jobseekerpreferences.csv": "Jobs/Job Seeker Preferences.csv",
    "companyfollows.csv": "Company Follows.csv",
    "savedjobs.csv": "Jobs/Saved Jobs.csv",
}

_CHUNK = 1024 * 1024
_HEADER_SCAN_LINES = 10
#: A thread with more people than this besides the owner is a broadcast, not a
#: conversation among acquaintances: it links nobody to anybody (the shared bulk rule).
_MAX_GROUP = 10
_ENCRYPTED = 0x1
_ARCHIVE_DATE = re.compile(r"(?<!\d)(\d{2})-(\d{2})-(\d{4})(?!\d)")
_ANONYMOUS = frozenset({"linkedin member", "linkedin user"})
_TRUE = frozenset({"true", "yes", "1"})


def member_key(name: str) -> str | None:
    """Return the :data:`MEMBERS` key a zip member's name matches, or None.

    The base name is compared case-insensitively, ignoring spaces, underscores and
    a numeric suffix; the folder is ignored (so ``../`` or absolute paths in a
    hostile zip are harmless: nothing is ever extracted), as are macOS resource forks.

    Examples
    --------
    >>> member_key("Company_Follows.csv"), member_key("Jobs/Saved Jobs.csv")
    ('companyfollows.csv', 'savedjobs.csv')
    >>> member_key("messages_2.csv"), member_key("../../CONNECTIONS.CSV")
    ('messages.csv', 'connections.csv')
    >>> member_key("__MACOSX/._Connections.csv") is None, member_key("Skills.csv") is None
    (True, True)
    """
    path = name.replace("\\", "/")
    base = path.rsplit("/", 1)[-1]
    if base.startswith("._") or "__macosx/" in path.casefold():
        return None
    key = re.sub(r"[\s_]+", "", base.casefold())
    key = re.sub(r"\(?\d+\)?(?=\.csv$)", "", key)
    return key if key in MEMBERS else None


def _part_order(info: zipfile.ZipInfo) -> tuple[int, int, str]:
    number = re.search(r"(\d+)\)?\.csv$", info.filename, re.IGNORECASE)
    return (int(number.group(1)) if number else 0, info.filename.count("/"), info.filename)


def sniff(source: Source, kind: str | None, head: str) -> bool:
    """True when ``source`` is a zip holding any file of LinkedIn's data archive.

    Examples
    --------
    >>> import io, zipfile
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as z:
    ...     z.writestr("Profile.csv", "First Name,Last Name\\nAda,Lovelace")
    >>> sniff(Source("a.zip", buffer.getvalue()), "zip", "")
    True
    """
    if kind != "zip":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
            return any(member_key(name) for name in archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        return False


@dataclass(frozen=True)
class _Spec:
    """How to find a member's header: every ``required`` column, and at least one of
    ``any_of`` when given. ``private`` columns are never shown in the report."""

    required: frozenset[str]
    any_of: frozenset[str] = frozenset()
    private: frozenset[str] = frozenset()


def _spec(required: str, any_of: str = "", private: str = "") -> _Spec:
    def split(text: str) -> frozenset[str]:
        return frozenset(p.strip() for p in text.split(",") if p.strip())

    return _Spec(split(required), split(any_of), split(private))


_SPECS = {
    "profile.csv": _spec("first name, last name", private="address, birth date, zip code, summary"),
    "positions.csv": _spec("company name", private="description"),
    "education.csv": _spec("school name", private="notes, activities"),
    "messages.csv": _spec(
        "from, to, date", private="content, subject, attachments, conversation title"
    ),
    "invitations.csv": _spec("from, to, direction", private="message"),
    "endorsementreceivedinfo.csv": _spec(
        "endorser first name, endorser last name", private="skill name"
    ),
    "endorsementgiveninfo.csv": _spec(
        "endorsee first name, endorsee last name", private="skill name"
    ),
    "recommendationsreceived.csv": _spec("first name, last name", private="text"),
    "recommendationsgiven.csv": _spec("first name, last name", private="text"),
    "jobseekerpreferences.csv": _spec(
        "", any_of="locations, industries, job titles, dream companies"
    ),
    "companyfollows.csv": _spec("organization"),
    "savedjobs.csv": _spec("", any_of="company name, job title"),
}


@dataclass(frozen=True)
class _Table:
    """A member's table: its name, where its rows start and its columns by folded name."""

    member: str
    first_line: int
    width: int
    columns: dict[str, int]
    body: str
    private: frozenset[int]

    def get(self, cells: list[str], column: str) -> str:
        index = self.columns.get(column)
        return cells[index] if index is not None else ""


def _find_table(text: str, member: str, spec: _Spec) -> _Table | None:
    position = 0
    for number in range(1, _HEADER_SCAN_LINES + 1):
        if position >= len(text):
            break
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        cells = [fold(c) for c in header_cells(text[position:end].rstrip("\r"), ",")]
        present = set(cells)
        if spec.required <= present and (not spec.any_of or spec.any_of & present):
            columns: dict[str, int] = {}
            for index, cell in enumerate(cells):
                columns.setdefault(cell, index)
            private = frozenset(i for i, cell in enumerate(cells) if cell in spec.private)
            return _Table(member, number + 1, len(cells), columns, text[end + 1 :], private)
        position = end + 1
    return None


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their ends, as ``csv.reader`` wants them.

    Cheaper than ``io.StringIO``, which holds four bytes per character; a file with
    old Mac line ends (``\\r`` alone) goes through ``io.StringIO`` all the same.

    Examples
    --------
    >>> list(_lines("a,b\\r\\nc\\n")), list(_lines("a\\rb"))
    (['a,b\\r\\n', 'c\\n'], ['a\\r', 'b'])
    """
    if "\n" not in text and "\r" in text:
        yield from io.StringIO(text, newline="")
        return
    start, find = 0, text.find
    while (end := find("\n", start)) >= 0:
        yield text[start : end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


def _message_day(text: str) -> str:
    """The ISO day of a message's ``DATE`` (``2024-05-01 09:30:00 UTC``), "" if unreadable."""
    text = text.strip()
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            pass
    day = parse_date(text.removesuffix(" UTC"), day_first=False) if text else None
    return day.isoformat() if day else ""


def _split_values(cell: str, *, commas: bool) -> list[str]:
    """Split a multi-valued cell on ``|``, else ``;``, else (``commas``) on commas.

    Commas split only organisation lists, and a legal form after a comma stays with
    its name; in place names, industries and titles a comma belongs to the value.

    Examples
    --------
    >>> _split_values("Milano, Lombardia, Italia | Roma, Lazio, Italia", commas=False)
    ['Milano, Lombardia, Italia', 'Roma, Lazio, Italia']
    >>> _split_values("Enel; Northwind Analytics, Inc., Snam", commas=True)
    ['Enel', 'Northwind Analytics, Inc., Snam']
    >>> _split_values("Enel, Northwind Analytics, Inc., Snam", commas=True)
    ['Enel', 'Northwind Analytics, Inc.', 'Snam']
    """
    text = clean_text(cell)
    for separator in ("|", ";"):
        if separator in text:
            parts = text.split(separator)
            break
    else:
        parts = text.split(",") if commas else [text]
    values: list[str] = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if commas and values and organisation_key(f"x {part}") == "x":
            values[-1] = f"{values[-1]}, {part}"  # "Inc.", "S.p.A.": part of the name before
        else:
            values.append(part.replace(";", ","))
    return values


def _unique(values: list[str], *, organisations: bool = False) -> str:
    seen: dict[str, str] = {}
    for value in values:
        key = (organisation_key(value) if organisations else "") or fold(value)
        seen.setdefault(key, value)
    return ";".join(seen.values())


@dataclass(slots=True)
class _Message:
    member: str
    line: int
    conversation: str
    sender_slug: str
    sender_name: str
    recipient_slugs: tuple[str, ...]
    recipient_names: tuple[str, ...]
    day: str
    outgoing: bool | None  # the 2020 form's DIRECTION; None when the file has none
    sender_key: str = ""  # provisional ids: li:<slug> or name:<folded name>
    recipient_keys: tuple[str, ...] = ()


class _ArchiveReader:
    """One reading of one archive: the builder, the report and what members tell
    each other (the owner, the connections by name)."""

    def __init__(
        self,
        source: Source,
        archive: zipfile.ZipFile,
        *,
        on_bad_rows: OnBadRows,
        max_member_bytes: int,
        ego_name: str | None,
    ) -> None:
        self.source = source
        self.zip = archive
        self.on_bad_rows = on_bad_rows
        self.max_member_bytes = max_member_bytes
        self.report = ImportReport(path=source.name, format=FORMAT)
        self.builder = NetworkBuilder(FORMAT, ego_name=ego_name)
        self.parts: dict[str, list[zipfile.ZipInfo]] = {}
        for info in archive.infolist():
            key = member_key(info.filename)
            if key and not info.is_dir():
                self.parts.setdefault(key, []).append(info)
        for infos in self.parts.values():
            infos.sort(key=_part_order)
        self.member_rows: Counter[str] = Counter()
        self.encodings: list[str] = []
        self.owner_name = clean_text(ego_name or "")
        self.owner_slug = ""
        self.connections: dict[str, list[tuple[str, str]]] = {}  # folded name -> (id, org key)
        self.connection_ids: set[str] = set()
        self.graph_attrs: dict[str, str] = {}
        self._slugs: dict[str, str] = {}
        self._names: dict[str, str] = {}  # messages.csv: provisional person key -> name

    # ---- bytes and tables -------------------------------------------------------

    def _where(self, member: str) -> str:
        return f"{self.source.name}!{member}"

    def _read(self, info: zipfile.ZipInfo) -> bytes:
        member, limit = info.filename, self.max_member_bytes
        if info.flag_bits & _ENCRYPTED:
            raise UnsupportedFormat(
                f"{member} in the archive is encrypted (password-protected), which LinkedIn's "
                "archive never is: download it again from LinkedIn, or unzip it and zip it "
                "again without a password",
                path=self.source.name,
            )
        too_big = (
            f"{member} in the archive expands to more than {limit:,} bytes "
            "(max_member_bytes): not read, as no real export file is that large; check that "
            "this is LinkedIn's archive, or raise max_member_bytes"
        )
        if info.file_size > limit:
            raise UnsupportedFormat(too_big, path=self.source.name)
        chunks: list[bytes] = []
        total = 0
        try:
            with self.zip.open(info) as handle:
                while chunk := handle.read(_CHUNK):
                    total += len(chunk)
                    if total > limit:  # more than declared: never trust the header alone
                        raise UnsupportedFormat(too_big, path=self.source.name)
                    chunks.append(chunk)
        except NotImplementedError as exc:
            raise UnsupportedFormat(
                f"{member} in the archive uses a compression Python cannot read ({exc}); "
                "download the archive again from LinkedIn",
                path=self.source.name,
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError) as exc:
            raise UnsupportedFormat(
                f"{member} in the archive is damaged or truncated ({exc}); download it again",
                path=self.source.name,
            ) from None
        return b"".join(chunks)

    def _texts(self, key: str) -> Iterator[tuple[str, str]]:
        """Each part of member ``key`` as ``(member name, text)``; empty parts are noted."""
        for info in self.parts.get(key, []):
            data = self._read(info)
            self.member_rows[info.filename] += 0  # read, even if it holds no row
            if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
                self.report.notes.append(f"{info.filename} is empty")
                continue
            text, encoding = decode(Source(self._where(info.filename), data))
            del data  # the text alone stays in memory while its rows are read
            self.encodings.append(encoding)
            yield info.filename, text

    def _tables(self, key: str) -> Iterator[_Table]:
        spec = _SPECS[key]
        for member, text in self._texts(key):
            table = _find_table(text, member, spec)
            if table is None:
                wanted = sorted(spec.required) or sorted(spec.any_of)
                self.report.notes.append(
                    f"{member} has no header row with the columns "
                    f"{', '.join(w.title() for w in wanted)}: left out"
                )
                continue
            yield table

    def _rows(self, table: _Table) -> Iterator[tuple[int, list[str]]]:
        """The table's non-blank records, each with the physical line it starts on.

        Every record is counted in ``rows_read``; those with the wrong number of
        fields are rejected here, the rest must be accounted for by the caller.
        """
        width = table.width
        reader = csv.reader(_lines(table.body))
        previous = 0
        with field_limit(len(table.body) + 1):
            while True:
                line = table.first_line + previous
                try:
                    cells = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    self._count(table.member)
                    self.reject(
                        table,
                        line,
                        f"cannot be read as CSV ({exc}): the rest of the file is left out",
                        [],
                    )
                    return
                previous = reader.line_num
                if not any(cells):
                    continue
                self._count(table.member)
                if len(cells) > width and not any(c.strip() for c in cells[width:]):
                    cells = cells[:width]
                if len(cells) != width:
                    self.reject(
                        table, line, f"has {len(cells)} fields where the header has {width}", cells
                    )
                    continue
                yield line, cells

    def _count(self, member: str) -> None:
        self.report.rows_read += 1
        self.member_rows[member] += 1

    # ---- report -----------------------------------------------------------------

    def _shown(self, table: _Table, cells: list[str]) -> str:
        shown = ["…" if i in table.private and cell else cell for i, cell in enumerate(cells)]
        text = clean_text(",".join(shown))
        return text if len(text) <= 120 else text[:119] + "…"

    def reject(
        self, table: _Table | str, line: int, reason: str, cells: list[str] | None = None
    ) -> None:
        """Reject a record (``table`` may be just the member's name), or raise at it
        with ``on_bad_rows="error"``."""
        member = table if isinstance(table, str) else table.member
        if self.on_bad_rows == "error":
            raise ParseError(reason, path=self._where(member), line=line)
        text = self._shown(table, cells) if cells and not isinstance(table, str) else ""
        self.report.rejected.append(RowIssue(line, reason, text, member))

    def problem(self, table: _Table, line: int, reason: str, cells: list[str]) -> None:
        self.report.problems.append(RowIssue(line, reason, self._shown(table, cells), table.member))

    def accept(self, n: int = 1) -> None:
        self.report.accepted += n

    # ---- people -----------------------------------------------------------------

    def slug(self, url: str) -> str:
        slug = self._slugs.get(url)
        if slug is None:
            slug = self._slugs[url] = (linkedin_slug(url) or "") if url.strip() else ""
        return slug

    def by_name(self, name: str, company: str = "") -> str | None:
        """The connection called ``name`` (folded); ``company`` settles namesakes."""
        matches = self.connections.get(name)
        if not matches:
            return None
        if len(matches) > 1:
            key = organisation_key(company) if company else ""
            matches = [m for m in matches if key and m[1] == key]
        return matches[0][0] if len(matches) == 1 else None

    def person(self, *, url: str = "", name: str = "", company: str = "") -> str | None:
        """The id of a person named by profile URL and/or name, creating the node when it
        is new: a URL gives ``li:<slug>``; a name a connection by that name, else
        ``name:<folded name>``."""
        name = clean_text(name)
        slug = self.slug(url)
        key = fold(name)
        if slug:
            if slug == self.owner_slug:
                return EGO_ID
            pid = f"li:{slug}"
        elif key and key not in _ANONYMOUS:
            pid = self.by_name(key, company) or f"name:{key}"
        else:
            return None
        if pid not in self.builder:
            self.builder.person(
                pid, name=name, linkedin_url=f"https://www.linkedin.com/in/{slug}" if slug else ""
            )
        return pid

    # ---- members ----------------------------------------------------------------

    def read_profile(self) -> None:
        for table in self._tables("profile.csv"):
            for line, cells in self._rows(table):
                first = clean_text(table.get(cells, "first name"))
                last = clean_text(table.get(cells, "last name"))
                name = " ".join(p for p in (first, last) if p)
                if not name:
                    self.reject(table, line, "no name", cells)
                    continue
                self.accept()
                self.owner_name = self.owner_name or name
                self.builder.set_ego(
                    name=name,
                    first_name=first,
                    last_name=last,
                    position=clean_text(table.get(cells, "headline")),
                    location=clean_text(table.get(cells, "geo location")),
                )

    def read_connections(self) -> None:
        seen: dict[str, tuple[str, int]] = {}
        for info in self.parts.get("connections.csv", []):
            member = info.filename
            data = self._read(info)
            self.member_rows[member] += 0
            if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
                self.report.notes.append(f"{member} is empty")
                continue
            contacts, part = parse_connections(
                Source(self._where(member), data), on_bad_rows=self.on_bad_rows
            )
            report = self.report
            if not report.delimiter:  # the report describes Connections.csv's table
                report.encoding, report.delimiter = part.encoding, part.delimiter
                report.header_line = part.header_line
            self.encodings.append(part.encoding)
            report.rows_read += part.rows_read
            self.member_rows[member] += part.rows_read
            report.rejected += [replace(i, member=member) for i in part.rejected]
            report.duplicates += [replace(i, member=member) for i in part.duplicates]
            report.problems += [replace(i, member=member) for i in part.problems]
            report.notes += [f"{member}: {note}" for note in part.notes]
            builder = self.builder
            for contact in contacts:
                earlier = seen.get(contact.id)
                if earlier is not None:
                    report.duplicates.append(
                        RowIssue(
                            contact.line,
                            f"same person as {earlier[0]} line {earlier[1]}: counted once",
                            contact.name,
                            member,
                        )
                    )
                    continue
                seen[contact.id] = (member, contact.line)
                self.accept()
                connected = contact.connected_on.isoformat() if contact.connected_on else ""
                pid = builder.person(
                    contact.id,
                    name=contact.name,
                    first_name=contact.first_name,
                    last_name=contact.last_name,
                    emails=contact.email,
                    linkedin_url=contact.linkedin_url,
                    company=contact.company,
                    position=contact.position,
                    connected_on=connected,
                )
                builder.tie(pid, channel="linkedin", connected_on=connected)
                builder.member(pid, contact.company, title=contact.position)
                self.connection_ids.add(pid)
                if contact.name:
                    self.connections.setdefault(fold(contact.name), []).append(
                        (pid, organisation_key(contact.company))
                    )

    def read_positions(self) -> None:
        current: list[str] = []
        past: list[str] = []
        for table in self._tables("positions.csv"):
            for line, cells in self._rows(table):
                company = clean_text(table.get(cells, "company name"))
                if not company:
                    self.reject(table, line, "no company name", cells)
                    continue
                self.accept()
                is_current = not table.get(cells, "finished on").strip()
                self.builder.member(
                    EGO_ID, company, title=clean_text(table.get(cells, "title")), current=is_current
                )
                org = organisation_id(company)
                if org:
                    (current if is_current else past).append(org)
                if is_current:
                    self.builder.set_ego(company=company)
        organisations = list(dict.fromkeys(current + past))
        if organisations:
            self.graph_attrs["ego_organisations"] = ";".join(organisations)

    def read_education(self) -> None:
        for table in self._tables("education.csv"):
            for line, cells in self._rows(table):
                school = clean_text(table.get(cells, "school name"))
                if not school:
                    self.reject(table, line, "no school name", cells)
                    continue
                self.accept()
                degree = clean_text(table.get(cells, "degree name"))
                self.builder.member(EGO_ID, school, title=degree, current=False)

    def read_messages(self) -> None:
        messages: list[_Message] = []
        for table in self._tables("messages.csv"):
            messages += self._parse_messages(table)
        if not messages:
            return
        owner = self._find_owner(messages)
        self._count_messages(messages, owner)

    def _parse_messages(self, table: _Table) -> list[_Message]:
        has_sender_url = "sender profile url" in table.columns
        has_direction = "direction" in table.columns
        has_recipient_urls = "recipient profile urls" in table.columns
        out: list[_Message] = []
        for line, cells in self._rows(table):
            if table.get(cells, "is message draft").strip().casefold() in _TRUE:
                self.report.skip("draft message")
                continue
            sender_url = table.get(cells, "sender profile url").strip()
            if has_sender_url and not sender_url:
                self.report.skip("sponsored or InMail message (no sender profile URL)")
                continue
            sender_slug = self.slug(sender_url) if sender_url else ""
            if sender_url and not sender_slug:
                self.problem(
                    table, line, f"sender URL {sender_url!r} is not a LinkedIn profile", cells
                )
            urls = table.get(cells, "recipient profile urls") if has_recipient_urls else ""
            recipient_slugs = tuple(s for s in (self.slug(u) for u in urls.split(",")) if s)
            names = table.get(cells, "to")
            recipient_names = tuple(n for n in (clean_text(x) for x in names.split(", ")) if n)
            raw_day = table.get(cells, "date")
            day = _message_day(raw_day)
            if raw_day.strip() and not day:
                self.problem(
                    table, line, f"cannot read the date {raw_day!r}; kept without it", cells
                )
            outgoing = None
            if has_direction:
                written = clean_text(table.get(cells, "direction"))
                if written.casefold() not in ("incoming", "outgoing"):
                    self.reject(
                        table, line, f"DIRECTION is {written!r}, not INCOMING or OUTGOING", cells
                    )
                    continue
                outgoing = written.casefold() == "outgoing"
            sender_name = clean_text(table.get(cells, "from"))
            if not (sender_slug or sender_name) or not (recipient_slugs or recipient_names):
                self.reject(table, line, "no sender or no recipient", cells)
                continue
            out.append(
                _Message(
                    table.member,
                    line,
                    table.get(cells, "conversation id").strip(),
                    sender_slug,
                    sender_name,
                    recipient_slugs,
                    recipient_names,
                    day,
                    outgoing,
                )
            )
        return out

    def _find_owner(self, messages: list[_Message]) -> str:
        """Decide who the owner is among the participants; returns the provisional key
        (``li:<slug>`` or ``name:<folded name>``) standing for the owner, "" if none.

        With a DIRECTION column (2020 form) the owner is whoever sends the OUTGOING
        messages and receives the INCOMING ones. Otherwise every participant (sender
        and recipients, by profile URL, or by name where a file has no recipient URLs)
        is counted once per conversation. Connections are never the owner. Among the
        others, a participant carrying Profile.csv's name is the owner; failing that,
        the one in the most conversations (the owner takes part in all of them), then
        the one who sent most.
        """
        slug_of_name: dict[str, set[str]] = {}
        for m in messages:
            if m.sender_slug and m.sender_name:
                slug_of_name.setdefault(fold(m.sender_name), set()).add(m.sender_slug)
        unique_slug = {k: next(iter(v)) for k, v in slug_of_name.items() if len(v) == 1}

        def key(slug: str, name: str) -> str:
            if slug:
                return f"li:{slug}"
            folded = fold(name)
            return f"li:{unique_slug[folded]}" if folded in unique_slug else f"name:{folded}"

        names = self._names  # provisional key -> the name as first written
        for m in messages:
            m.sender_key = key(m.sender_slug, m.sender_name)
            if m.recipient_slugs:
                m.recipient_keys = tuple(f"li:{s}" for s in m.recipient_slugs)
            else:
                m.recipient_keys = tuple(key("", n) for n in m.recipient_names)
            if m.sender_name:
                names.setdefault(m.sender_key, m.sender_name)
            if len(m.recipient_keys) == len(m.recipient_names):
                for k, name in zip(m.recipient_keys, m.recipient_names, strict=True):
                    names.setdefault(k, name)

        profile = fold(self.owner_name)
        seen: Counter[str] = Counter()
        sent: Counter[str] = Counter()
        if any(m.outgoing is not None for m in messages):  # the 2020 form
            for m in messages:
                if m.outgoing:
                    seen[m.sender_key] += 1
                else:
                    seen.update(set(m.recipient_keys))
            conversations = len(messages)
            how = "the sender of OUTGOING and recipient of INCOMING messages (2020 form)"
        else:
            threads: dict[str, set[str]] = {}
            for m in messages:
                members = threads.setdefault(m.conversation or f"#{m.line}", set())
                members.add(m.sender_key)
                members.update(m.recipient_keys)
                sent[m.sender_key] += 1
            seen.update(k for members in threads.values() for k in members)
            conversations = len(threads)
            how = "in the most conversations"
        candidates = [k for k in seen if k not in self.connection_ids]
        named = [k for k in candidates if profile and fold(names.get(k, "")) == profile]
        if named:
            how = "named as in Profile.csv"
        pool = named or candidates
        if not pool:
            self.report.notes.append(
                "messages.csv: the owner is none of the participants; every message is "
                "counted as received"
            )
            return ""
        owner = max(pool, key=lambda k: (seen[k], sent[k], k))
        if owner.startswith("li:"):
            self.owner_slug = owner[3:]
            self.builder.set_ego(linkedin_url=f"https://www.linkedin.com/in/{self.owner_slug}")
        self.owner_name = self.owner_name or names.get(owner, "")
        self.builder.set_ego(name=self.owner_name)
        what = "messages" if any(m.outgoing is not None for m in messages) else "conversations"
        self.report.notes.append(
            f"messages.csv: the owner is {names.get(owner) or self.owner_name or owner}"
            + (f" ({owner[3:]})" if owner.startswith("li:") else "")
            + f", {how}: in {seen[owner]:,} of {conversations:,} {what}"
        )
        if profile and not named:
            self.report.notes.append(
                "messages.csv: no participant has the name in Profile.csv; the owner was "
                "recognised by taking part in the most conversations"
            )
        return owner

    def _count_messages(self, messages: list[_Message], owner: str) -> None:
        owner_fold = fold(self.owner_name)
        resolved: dict[str, str | None] = {owner: EGO_ID} if owner else {}
        builder = self.builder

        def resolve(k: str) -> str | None:
            pid = resolved.get(k, "")
            if pid != "":
                return pid
            if k.startswith("li:"):
                pid = EGO_ID if k[3:] == self.owner_slug else k
            else:
                folded = k[5:]
                if not folded or folded in _ANONYMOUS:
                    pid = None
                elif folded == owner_fold:
                    pid = EGO_ID
                else:
                    pid = self.by_name(folded) or k
            resolved[k] = pid
            return pid

        sent: Counter[str] = Counter()
        received: Counter[str] = Counter()
        first: dict[str, str] = {}
        last: dict[str, str] = {}
        threads: dict[Any, list[Any]] = {}  # key -> [others, messages, last day]
        accepted = 0

        def touch(pid: str, day: str) -> None:
            if day:
                if day < first.get(pid, "9999"):
                    first[pid] = day
                if day > last.get(pid, ""):
                    last[pid] = day

        for m in messages:
            sender = resolve(m.sender_key)
            if m.outgoing is not None:
                sender = EGO_ID if m.outgoing else sender
            recipients = {r for r in map(resolve, m.recipient_keys) if r and r != EGO_ID}
            if sender is None or (sender == EGO_ID and not recipients):
                what = "anonymous sender" if sender is None else "no recipient but the owner"
                self.reject(m.member, m.line, f"{what}: nobody to count it for")
                continue
            self.accept()
            accepted += 1
            if sender == EGO_ID:
                for pid in recipients:
                    sent[pid] += 1
                    touch(pid, m.day)
            else:
                received[sender] += 1
                touch(sender, m.day)
            others = recipients | ({sender} - {EGO_ID})
            thread_key = m.conversation or tuple(sorted(others))
            thread = threads.get(thread_key)
            if thread is None:
                threads[thread_key] = [set(others), 1, m.day]
            else:
                thread[0] |= others
                thread[1] += 1
                thread[2] = max(thread[2], m.day)

        names: dict[str, str] = {}
        for k, name in self._names.items():
            pid = resolved.get(k)
            if pid and pid != EGO_ID:
                names.setdefault(pid, name)
        for pid in sorted(sent.keys() | received.keys()):
            if pid not in builder:
                slug = pid[3:] if pid.startswith("li:") else ""
                builder.person(
                    pid,
                    name=names.get(pid, ""),
                    linkedin_url=f"https://www.linkedin.com/in/{slug}" if slug else "",
                )
            counts = {"messages_sent": sent[pid], "messages_received": received[pid]}
            builder.tie(
                pid,
                channel="linkedin",
                when=first.get(pid),
                **{k: v for k, v in counts.items() if v},
            )
            if last.get(pid, "") != first.get(pid, ""):
                builder.tie(pid, channel="linkedin", when=last[pid])
        groups = large = 0
        for others, count, day in threads.values():
            if len(others) <= 1:
                continue
            groups += 1
            if len(others) > _MAX_GROUP:
                large += 1
                continue
            for a, b in combinations(sorted(others), 2):
                builder.link(a, b, kind="message", when=day, count=count)
        counts = self.report.counts
        counts["messages"] = accepted
        counts["conversations"] = len(threads)
        counts["group conversations"] = groups
        if large:
            self.report.notes.append(
                f"messages.csv: {large} group conversation(s) with more than {_MAX_GROUP} "
                "people besides the owner link nobody to anybody (a broadcast, not a circle)"
            )

    def read_invitations(self) -> None:
        for table in self._tables("invitations.csv"):
            for line, cells in self._rows(table):
                written = clean_text(table.get(cells, "direction"))
                direction = written.casefold()
                if direction == "outgoing":
                    url, name = table.get(cells, "inviteeprofileurl"), table.get(cells, "to")
                    owner_url = table.get(cells, "inviterprofileurl")
                elif direction == "incoming":
                    url, name = table.get(cells, "inviterprofileurl"), table.get(cells, "from")
                    owner_url = table.get(cells, "inviteeprofileurl")
                else:
                    self.reject(
                        table, line, f"Direction is {written!r}, not INCOMING or OUTGOING", cells
                    )
                    continue
                if not self.owner_slug and self.slug(owner_url):
                    self.owner_slug = self.slug(owner_url)
                    self.builder.set_ego(
                        linkedin_url=f"https://www.linkedin.com/in/{self.owner_slug}"
                    )
                pid = self.person(url=url, name=name)
                if pid is None or pid == EGO_ID:
                    self.reject(table, line, "names nobody but the owner", cells)
                    continue
                self.accept()
                sent_at = table.get(cells, "sent at").strip()
                sent_on = parse_date(sent_at, day_first=False) if sent_at else None
                if sent_at and sent_on is None:
                    self.problem(
                        table, line, f"cannot read the date {sent_at!r}; kept without it", cells
                    )
                self.builder.tie(
                    pid,
                    channel="linkedin",
                    invited_by="ego" if direction == "outgoing" else "alter",
                    invited_on=sent_on.isoformat() if sent_on else "",
                    invitation_note=True if table.get(cells, "message").strip() else "",
                )

    def read_endorsements(self, key: str, role: str, count: str) -> None:
        total = 0
        for table in self._tables(key):
            has_status = "endorsement status" in table.columns
            if not has_status:
                self.report.notes.append(
                    f"{table.member} has no Endorsement Status column: every row is counted"
                )
            for line, cells in self._rows(table):
                status = table.get(cells, "endorsement status").strip().upper()
                if has_status and status != "ACCEPTED":
                    self.report.skip(f"endorsement not accepted ({status or 'no status'})")
                    continue
                name = " ".join(
                    clean_text(table.get(cells, f"{role} {part} name"))
                    for part in ("first", "last")
                )
                pid = self.person(url=table.get(cells, f"{role} public url"), name=name)
                if pid is None or pid == EGO_ID:
                    self.reject(table, line, "no name or profile URL of the other person", cells)
                    continue
                self.accept()
                total += 1
                self.builder.tie(pid, channel="linkedin", **{count: 1})
        if total:
            self.report.counts[count.replace("_", " ")] = total

    def read_recommendations(self, key: str, count: str) -> None:
        total = 0
        for table in self._tables(key):
            for line, cells in self._rows(table):
                first = clean_text(table.get(cells, "first name"))
                last = clean_text(table.get(cells, "last name"))
                name = " ".join(p for p in (first, last) if p)
                if not name:
                    self.reject(table, line, "no name", cells)
                    continue
                company = clean_text(table.get(cells, "company"))
                folded = fold(name)
                pid = self.by_name(folded, company)
                if pid is None:
                    pid = f"name:{folded}"
                    namesakes = len(self.connections.get(folded, []))
                    self.report.notes.append(
                        f"{table.member} line {line}: {name} "
                        + (
                            f"matches {namesakes} connections and the company does not tell which"
                            if namesakes
                            else "is not among your connections"
                        )
                        + f": kept as a person keyed by name ({pid})"
                    )
                    self.builder.person(pid, name=name, first_name=first, last_name=last)
                self.accept()
                total += 1
                self.builder.tie(pid, channel="linkedin", **{count: 1})
        if total:
            self.report.counts[count.replace("_", " ")] = total

    def read_targets(self) -> None:
        columns = {
            "locations": ("target_locations", False),
            "industries": ("target_industries", False),
            "job titles": ("target_titles", False),
            "dream companies": ("target_organisations", True),
        }
        values: dict[str, list[str]] = {}
        for table in self._tables("jobseekerpreferences.csv"):
            for _line, cells in self._rows(table):
                self.accept()
                for column, (attr, orgs) in columns.items():
                    values.setdefault(attr, []).extend(
                        _split_values(table.get(cells, column), commas=orgs)
                    )
        for table in self._tables("companyfollows.csv"):
            for line, cells in self._rows(table):
                organisation = clean_text(table.get(cells, "organization"))
                if not organisation:
                    self.reject(table, line, "no organisation name", cells)
                    continue
                self.accept()
                values.setdefault("followed_organisations", []).append(organisation)
        for table in self._tables("savedjobs.csv"):
            for line, cells in self._rows(table):
                company = clean_text(table.get(cells, "company name"))
                title = clean_text(table.get(cells, "job title"))
                if not (company or title):
                    self.reject(table, line, "no company and no job title", cells)
                    continue
                self.accept()
                values.setdefault("saved_job_organisations", []).append(company)
                values.setdefault("saved_job_titles", []).append(title)
        for attr, found in values.items():
            found = [v.replace(";", ",") for v in found if v]
            joined = _unique(found, organisations=attr.endswith("organisations"))
            if joined:
                self.graph_attrs[attr] = joined

    # ---- the whole archive ------------------------------------------------------

    def read(self) -> nx.Graph:
        self.read_profile()
        self.read_connections()
        self.read_positions()
        self.read_education()
        self.read_messages()
        self.read_invitations()
        self.read_endorsements("endorsementreceivedinfo.csv", "endorser", "endorsements_received")
        self.read_endorsements("endorsementgiveninfo.csv", "endorsee", "endorsements_given")
        self.read_recommendations("recommendationsreceived.csv", "recommendations_received")
        self.read_recommendations("recommendationsgiven.csv", "recommendations_given")
        self.read_targets()
        self._note_members()
        report = self.report
        if not report.encoding and self.encodings:
            report.encoding = self.encodings[0]
        if len(set(self.encodings)) > 1:
            report.notes.append(
                "the archive's files use different encodings: "
                + ", ".join(sorted(set(self.encodings)))
            )
        G = self.builder.graph(
            source_entry(FORMAT, self.source.name, report.rows_read, len(report.rejected))
        )
        G.graph.update(self.graph_attrs)
        archive_date = _archive_date(self.source.name)
        if archive_date:
            G.graph["archive_date"] = archive_date
        kinds = Counter(kind for _, kind in G.nodes(data="kind"))
        report.contacts, report.organisations = kinds["person"], kinds["organisation"]
        return G

    def _note_members(self) -> None:
        notes = self.report.notes
        read = [
            f"{member} ({rows:,} row{'s' if rows != 1 else ''})"
            for member, rows in self.member_rows.items()
        ]
        if read:
            notes.insert(0, "read from the archive: " + ", ".join(read))
        complete = "complete" in self.source.name.rsplit("/", 1)[-1].casefold()
        absent = {
            "connections.csv": "no Connections.csv: contacts come only from the other files",
            "profile.csv": "no Profile.csv: the owner's name, headline and location are unknown",
            "messages.csv": (
                "no messages.csv: messages were not selected when this archive was "
                "requested; request it again with messages for message history"
                if complete
                else "no messages.csv: this is the basic archive; request the complete one "
                "for message history"
            ),
            "invitations.csv": "no Invitations.csv: who invited whom is unknown",
            "endorsementreceivedinfo.csv": "no Endorsement_Received_Info.csv: endorsements "
            "received are not counted",
            "endorsementgiveninfo.csv": "no Endorsement_Given_Info.csv: endorsements given are "
            "not counted",
            "recommendationsreceived.csv": "no Recommendations_Received.csv: recommendations "
            "received are not counted",
            "recommendationsgiven.csv": "no Recommendations_Given.csv: recommendations given "
            "are not counted",
            "positions.csv": "no Positions.csv: the owner's employers are unknown",
            "education.csv": "no Education.csv: the owner's schools are unknown",
            "jobseekerpreferences.csv": "no Jobs/Job Seeker Preferences.csv: the owner's stated "
            "target (locations, industries, titles, companies) is unknown",
            "companyfollows.csv": "no Company Follows.csv: followed organisations are unknown",
            "savedjobs.csv": "no Jobs/Saved Jobs.csv: saved jobs are unknown",
        }
        notes.extend(note for key, note in absent.items() if key not in self.parts)


def _archive_date(name: str) -> str:
    """The ISO date in an archive's name (``…_LinkedInDataExport_03-15-2026.zip``), or "".

    Examples
    --------
    >>> _archive_date("/tmp/Complete_LinkedInDataExport_03-15-2026.zip")
    '2026-03-15'
    >>> _archive_date("export.zip")
    ''
    """
    match = _ARCHIVE_DATE.search(name.replace("\\", "/").rsplit("/", 1)[-1])
    if not match:
        return ""
    month, day, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def read_linkedin_archive(
    src: Src,
    *,
    on_bad_rows: OnBadRows = "report",
    max_member_bytes: int = 256 * 1024 * 1024,
    ego_name: str | None = None,
) -> tuple[nx.Graph, ImportReport]:
    """Read LinkedIn's data archive (the "Get a copy of your data" zip) into a network.

    The zip is read in memory, never extracted. Its files are found by name anywhere
    in it (case, spaces, underscores and numeric suffixes such as ``_1`` ignored);
    a file split in numbered parts is read part by part.

    Parameters
    ----------
    src : str, path or binary file
        ``Basic_LinkedInDataExport_MM-DD-YYYY.zip`` or ``Complete_…``.
    on_bad_rows : {"report", "error"}
        What to do with a row that cannot be read: list it in the report (default)
        or raise :class:`~netkit.errors.ParseError`.
    max_member_bytes : int
        Largest uncompressed size of one file in the archive; a file declaring or
        producing more is not read (a zip bomb) and the archive is refused.
    ego_name : str, optional
        The owner's name; when given it wins over ``Profile.csv``'s (both help
        recognise the owner in ``messages.csv``).

    Returns
    -------
    G : networkx.Graph
        The owner, connections and people met in messages, invitations,
        endorsements and recommendations, their organisations, the owner's own
        employers and schools (``member_of`` edges from the ego), person–person
        ``message`` ties from group conversations, and graph attributes
        ``ego_organisations``, ``target_locations``, ``target_industries``,
        ``target_titles``, ``target_organisations``, ``followed_organisations``,
        ``saved_job_organisations``, ``saved_job_titles`` and ``archive_date`` when
        the archive tells them (``;``-joined).
    report : ImportReport
        Rows of every file read, each issue with its file (``member``) and line;
        ``counts`` of messages, conversations, group conversations, endorsements
        and recommendations; ``notes`` on the files present and absent.

    Raises
    ------
    UnsupportedFormat
        Not a zip, a zip without any of the archive's files, a damaged or truncated
        zip or file, an encrypted file, a file over ``max_member_bytes``, a binary
        file where a table was expected.
    EncodingProblem
        A file of the archive in damaged UTF-16.
    MissingColumns
        A ``Connections.csv`` without its header row (see
        :func:`~netkit.io.linkedin.parse_connections`); other files without the
        columns they need are left out with a note.
    ParseError
        With ``on_bad_rows="error"``, at the first row that cannot be read.

    Notes
    -----
    *The owner in messages.csv.* Every participant (by profile URL; by name where
    the file has no recipient URLs, a name being tied to a URL whenever that person
    sent a message) is counted once per conversation. A connection is never the
    owner. Among the other participants, one carrying the owner's name
    (``ego_name``, else ``Profile.csv``) is the owner; failing that, the one in the
    most conversations (the owner takes part in all of them), then the one who sent
    most. In the 2020 form (``DIRECTION``, no URLs nor conversation ids) the owner
    sends the OUTGOING messages and receives the INCOMING ones, and a conversation
    is a set of participants. Other names are matched to connections (folded),
    else the person is keyed by name. The notes say who was taken for the owner.

    *Counting.* A message the owner sends counts ``messages_sent`` for each
    recipient; any other message counts ``messages_received`` for its sender. Dates
    are the UTC day. Drafts and messages without a sender profile URL (sponsored,
    InMail) are skipped. A conversation with more than one person besides the owner
    links each pair of them (``kind="message"``, ``count`` = its messages,
    ``last_contact`` = its last day), unless it has more than ten (a broadcast,
    as for e-mail). Only ACCEPTED endorsements count. Recommendations carry no URL:
    they are matched by name, and by company between namesakes; each counts
    whatever its Status. Invitations set ``invited_by``, ``invited_on`` and
    ``invitation_note`` (never the note's text). Message texts, subjects, notes and
    recommendation texts are never read into the network nor shown in the report.

    Examples
    --------
    >>> import io, zipfile
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as z:
    ...     z.writestr("Profile.csv", "First Name,Last Name,Headline\\nMaria,Rossi,CFO")
    ...     z.writestr("Connections.csv", "First Name,Last Name,URL,Company,Connected On\\n"
    ...                "Ada,Lovelace,https://www.linkedin.com/in/ada,Enel,12 Mar 2021")
    >>> buffer.name = "Basic_LinkedInDataExport_03-15-2026.zip"
    >>> _ = buffer.seek(0)
    >>> G, report = read_linkedin_archive(buffer)
    >>> G.nodes["ego"]["name"], G.edges["ego", "li:ada"]["connected_on"], G.graph["archive_date"]
    ('Maria Rossi', '2021-03-12', '2026-03-15')
    >>> report.rows_read, report.contacts, report.balanced
    (2, 1, True)
    """
    if on_bad_rows not in ("report", "error"):
        raise ValueError(f"on_bad_rows must be 'report' or 'error', not {on_bad_rows!r}")
    if isinstance(max_member_bytes, bool) or not isinstance(max_member_bytes, int):
        raise ValueError("max_member_bytes must be a whole number of bytes")
    if max_member_bytes <= 0:
        raise ValueError("max_member_bytes must be positive")
    source = load_source(src)
    if sniff_binary(source) != "zip":
        raise UnsupportedFormat(
            "is not a zip archive: expected LinkedIn's data archive "
            "(Basic_ or Complete_LinkedInDataExport_MM-DD-YYYY.zip, from Settings → Data "
            "privacy → Get a copy of your data); for a Connections.csv alone use read_linkedin",
            path=source.name,
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.data))
    except (zipfile.BadZipFile, EOFError, ValueError):  # sniff_binary read it: unlikely
        raise UnsupportedFormat(
            "is a damaged or truncated zip archive; download it again", path=source.name
        ) from None
    with archive:
        if not any(member_key(info.filename) for info in archive.infolist()):
            raise UnsupportedFormat(
                "is a zip without any file of LinkedIn's data archive (expected "
                "Connections.csv, messages.csv, Profile.csv, Invitations.csv…): request the "
                "archive from LinkedIn (Settings → Data privacy → Get a copy of your data)",
                path=source.name,
            )
        reader = _ArchiveReader(
            source,
            archive,
            on_bad_rows=on_bad_rows,
            max_member_bytes=max_member_bytes,
            ego_name=ego_name,
        )
        G = reader.read()
    return G, reader.report
