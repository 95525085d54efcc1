"""Calendars in iCalendar files (Google Calendar, Outlook, Apple): who the owner meets."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from itertools import combinations
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import networkx as nx

from netkit.build import NetworkBuilder, source_entry
from netkit.errors import ParseError, UnsupportedFormat
from netkit.io._text import Source, Src, decode, load_source, sniff_binary
from netkit.io.report import ImportReport, RowIssue
from netkit.schema import clean_text, fold, person_id

__all__ = [
    "FORMAT",
    "Attendee",
    "Calendar",
    "Event",
    "parse_calendar",
    "parse_content_line",
    "read_ics",
    "sniff_ics",
    "unfold",
]

FORMAT = "ics"
OnBadRows = Literal["report", "error"]

_NAME = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)[;:]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CARET = re.compile(r"\^(.)")
_CARETS = {"n": "\n", "N": "\n", "'": '"', "^": "^"}
_ONE_VALUE = r'(?:"[^"]*"|[^";:,]*)'
_PARAM = re.compile(rf";([^=;:\"]*)=({_ONE_VALUE}(?:,{_ONE_VALUE})*)")
_PARAM_VALUE = re.compile(r'"([^"]*)"|([^",]*)')
_DATE_TIME = re.compile(
    r"^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?(Z)?)?$", re.I
)
_EMAIL = re.compile(r"^[^@\s\"'<>(),;:\[\]]+@[^@\s\"'<>(),;:\[\]]+\.[^@\s\"'<>(),;:\[\]]+$")
_NOT_PEOPLE = frozenset({"ROOM", "RESOURCE"})
_EVENT_PROPERTIES = frozenset(
    {"UID", "DTSTART", "STATUS", "RRULE", "RDATE", "RECURRENCE-ID", "ORGANIZER", "ATTENDEE"}
)
_MAX_MEMBER = 64 * 1024 * 1024


# ---------------------------------------------------------------------------------------
# Text to events


def unfold(text: str) -> Iterator[tuple[int, str]]:
    """Join folded lines (a line break followed by a space or a tab continues the line).

    Yields each logical line with the 1-based physical line where it starts. A fold
    can fall anywhere, even inside a parameter or a quoted value.

    Examples
    --------
    >>> text = 'ATTENDEE;CN="Rossi,\\r\\n  Mario";PARTSTAT=ACC\\r\\n\\tEPTED:mailto:m@x.it\\r\\nEND'
    >>> list(unfold(text))
    [(1, 'ATTENDEE;CN="Rossi, Mario";PARTSTAT=ACCEPTED:mailto:m@x.it'), (4, 'END')]
    """
    start, parts = 0, []
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        if line[:1] in (" ", "\t") and parts:
            parts.append(line[1:])
            continue
        if parts:
            yield start, "".join(parts)
        start, parts = number, [line]
    if parts and (len(parts) > 1 or parts[0]):
        yield start, "".join(parts)


def _caret(value: str) -> str:
    return _CARET.sub(lambda m: _CARETS.get(m.group(1), m.group(0)), value)


def parse_content_line(line: str) -> tuple[str, dict[str, list[str]], str]:
    """Split an unfolded content line into name, parameters and value.

    Parameter values may be quoted and then hold ``:``, ``;`` and ``,``; several
    values are comma-separated; RFC 6868 carets (``^'`` ``^n`` ``^^``) are decoded.

    Raises
    ------
    ValueError
        For a line that is not ``NAME[;PARAM=VALUE…]:VALUE``.

    Examples
    --------
    >>> parse_content_line('ATTENDEE;CN="Rossi, Mario: PM";ROLE=REQ-PARTICIPANT:mailto:m@x.it')
    ('ATTENDEE', {'CN': ['Rossi, Mario: PM'], 'ROLE': ['REQ-PARTICIPANT']}, 'mailto:m@x.it')
    """
    match = _NAME.match(line)
    if not match:
        raise ValueError("not a content line")
    name, i, n = match.group(1).upper(), match.end() - 1, len(line)
    params: dict[str, list[str]] = {}
    while line.startswith(";", i):
        found = _PARAM.match(line, i)
        if not found:
            raise ValueError(f"parameter without '=' in {name}")
        key, raw, i = found.group(1).strip().upper(), found.group(2), found.end()
        if '"' in raw or "," in raw:
            values, at = [], 0
            while True:  # ``raw`` is a well-formed list: every match succeeds
                item = _PARAM_VALUE.match(raw, at)
                quoted = item.group(1)  # type: ignore[union-attr]
                values.append(item.group(2) if quoted is None else quoted)  # type: ignore[union-attr]
                at = item.end() + 1  # type: ignore[union-attr]
                if at > len(raw):
                    break
        else:
            values = [raw]
        params[key] = [_caret(v) if "^" in v else v for v in values]
    if line.startswith('"', i):
        if line.find('"', i + 1) < 0:
            raise ValueError(f"a quote opened in {name} is never closed")
        raise ValueError(f"a quote in the middle of a parameter of {name}")
    if i >= n or line[i] != ":":
        raise ValueError(f"no ':' before the value of {name}")
    return name, params, line[i + 1 :]


@dataclass(frozen=True)
class Attendee:
    """An organiser or attendee: address (lower-cased) and/or name, as the event says."""

    address: str
    name: str
    partstat: str = ""
    role: str = ""
    cutype: str = ""
    organizer: bool = False

    @property
    def key(self) -> str | None:
        """The person id, or None for an entry with neither address nor name."""
        if self.address:
            return person_id(email=self.address)
        return person_id(name=self.name) if self.name else None


@dataclass(frozen=True)
class Event:
    """One ``VEVENT``: when it starts and who is in it (its title is never read)."""

    line: int
    uid: str
    recurrence_id: str
    day: date
    status: str
    recurring: bool
    people: tuple[Attendee, ...]
    member: str = ""


@dataclass
class Calendar:
    """Events of one calendar file, the events that could not be read, and its header."""

    events: list[Event] = field(default_factory=list)
    rejected: list[RowIssue] = field(default_factory=list)
    problems: list[RowIssue] = field(default_factory=list)
    rows: int = 0
    name: str = ""  # X-WR-CALNAME (Google writes the owner's address there)
    timezone: str = ""  # X-WR-TIMEZONE


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _start_day(params: dict[str, list[str]], value: str, calendar_zone: str) -> date:
    """The day an event starts; a UTC time is moved to the calendar's zone when known."""
    match = _DATE_TIME.match(value.strip())
    if not match:
        raise ValueError
    year, month, day, hour, minute, second, utc = match.groups()
    if hour is None:
        return date(int(year), int(month), int(day))
    moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    if utc and calendar_zone and "TZID" not in params:
        zone = _zone(calendar_zone)
        if zone is not None:
            return moment.replace(tzinfo=UTC).astimezone(zone).date()
    return moment.date()


def _attendee(params: dict[str, list[str]], value: str, organizer: bool) -> Attendee:
    def param(key: str) -> str:
        return clean_text(",".join(params.get(key, []))).strip('"')

    address = value.strip()
    if address.casefold().startswith("mailto:"):
        address = address[len("mailto:") :]
    address = address.strip().casefold()
    if not _EMAIL.match(address):
        address = param("EMAIL").casefold()
        address = address if _EMAIL.match(address) else ""
    name = param("CN")
    if "@" in name or (name.casefold().startswith("mailto:")):
        name = ""  # Google writes the address again as the name
    return Attendee(
        address=address,
        name=name,
        partstat=param("PARTSTAT").upper(),
        role=param("ROLE").upper(),
        cutype=param("CUTYPE").upper(),
        organizer=organizer,
    )


class _Draft:
    """A VEVENT being read."""

    def __init__(self, line: int, member: str) -> None:
        self.line, self.member = line, member
        self.uid = self.recurrence_id = self.status = ""
        self.start: tuple[dict[str, list[str]], str] | None = None
        self.recurring = False
        self.people: list[Attendee] = []
        self.broken = ""

    def text(self) -> str:
        return f"UID:{self.uid}"[:120] if self.uid else "BEGIN:VEVENT"


def parse_calendar(text: str, *, member: str = "") -> Calendar:
    """Read the ``VEVENT`` components of an iCalendar text.

    Parameters
    ----------
    text : str
        The decoded ``.ics`` file.
    member : str
        The file's name inside a zip archive, for the rows' ``member``.

    Returns
    -------
    Calendar
        Events in file order, each with the line of its ``BEGIN:VEVENT``; events
        without a readable ``DTSTART`` or with a broken structure (no ``END:VEVENT``,
        an unreadable organiser or attendee line) go to ``rejected``.

    Examples
    --------
    >>> cal = parse_calendar("BEGIN:VCALENDAR\\nBEGIN:VEVENT\\nUID:1\\n"
    ...                      "DTSTART;VALUE=DATE:20240501\\nEND:VEVENT\\nEND:VCALENDAR\\n")
    >>> [(e.line, e.uid, e.day) for e in cal.events]
    [(2, '1', datetime.date(2024, 5, 1))]
    """
    calendar = Calendar()
    stack: list[str] = []
    draft: _Draft | None = None

    def reject(d: _Draft, reason: str) -> None:
        calendar.rejected.append(RowIssue(d.line, reason, d.text(), member))

    def finish(d: _Draft) -> None:
        if d.broken:
            reject(d, d.broken)
            return
        if d.start is None:
            reject(d, "no DTSTART: the event has no date")
            return
        params, value = d.start
        try:
            day = _start_day(params, value, calendar.timezone)
        except ValueError:
            reject(d, f"cannot read the start date DTSTART {clean_text(value)[:40]!r}")
            return
        calendar.events.append(
            Event(
                d.line, d.uid, d.recurrence_id, day, d.status, d.recurring, tuple(d.people), member
            )
        )

    for number, line in unfold(text):
        match = _NAME.match(line)
        if not match:
            continue
        name = match.group(1).upper()
        if name in ("BEGIN", "END"):
            component = line[match.end() :].strip().upper()
            if name == "BEGIN":
                if component == "VEVENT":
                    if draft is not None:
                        reject(draft, f"no END:VEVENT before the next event at line {number}")
                        del stack[stack.index("VEVENT") :]
                    calendar.rows += 1
                    draft = _Draft(number, member)
                stack.append(component)
            elif component in stack:
                while stack[-1] != component:
                    if stack.pop() == "VEVENT" and draft is not None:
                        reject(draft, f"no END:VEVENT before END:{component} at line {number}")
                        draft = None
                stack.pop()
                if component == "VEVENT" and draft is not None:
                    finish(draft)
                    draft = None
            elif draft is not None and not draft.broken:
                draft.broken = f"END:{component} at line {number} without BEGIN:{component}"
            continue
        if draft is not None and stack[-1] == "VEVENT" and name in _EVENT_PROPERTIES:
            try:
                _, params, value = parse_content_line(line)
            except ValueError as exc:
                draft.broken = draft.broken or f"cannot read {name} at line {number}: {exc}"
                continue
            if name == "UID":
                draft.uid = draft.uid or clean_text(value)
            elif name == "DTSTART":
                draft.start = draft.start or (params, value)
            elif name == "STATUS":
                draft.status = clean_text(value).upper()
            elif name in ("RRULE", "RDATE"):
                draft.recurring = True
            elif name == "RECURRENCE-ID":
                draft.recurrence_id = clean_text(value)
            else:
                person = _attendee(params, value, organizer=name == "ORGANIZER")
                if person.key is None:
                    calendar.problems.append(
                        RowIssue(
                            draft.line,
                            f"{name} at line {number} has neither an address nor a name; left out",
                            draft.text(),
                            member,
                        )
                    )
                else:
                    draft.people.append(person)
        elif stack and stack[-1] == "VCALENDAR" and name in ("X-WR-CALNAME", "X-WR-TIMEZONE"):
            try:
                _, _, value = parse_content_line(line)
            except ValueError:
                continue
            if name == "X-WR-CALNAME":
                calendar.name = clean_text(value)
            else:
                calendar.timezone = clean_text(value)
    if draft is not None:
        reject(draft, "no END:VEVENT: the file is cut short")
    return calendar


# ---------------------------------------------------------------------------------------
# Events to network


def _calendars_in_zip(source: Source) -> list[tuple[str, Source]]:
    with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir() and info.filename.casefold().endswith((".ics", ".ical"))
        ]
        if not members:
            raise UnsupportedFormat(
                "is a zip without .ics calendars: export the calendar as iCalendar (.ics)",
                path=source.name,
            )
        out = []
        for info in sorted(members, key=lambda i: i.filename):
            if info.file_size > _MAX_MEMBER:
                raise UnsupportedFormat(
                    f"{info.filename} would expand to {info.file_size:,} bytes, more than any "
                    "real calendar: not read",
                    path=source.name,
                )
            try:
                with archive.open(info) as handle:
                    data = handle.read(_MAX_MEMBER + 1)
            except (zipfile.BadZipFile, EOFError, OSError) as exc:
                raise UnsupportedFormat(
                    f"{info.filename} in the archive is damaged ({exc}); download it again",
                    path=source.name,
                ) from None
            if len(data) > _MAX_MEMBER:
                raise UnsupportedFormat(
                    f"{info.filename} expands past 64 MiB: not read", path=source.name
                )
            out.append((info.filename, Source(f"{source.name}!{info.filename}", data)))
    return out


def _not_a_calendar(text: str, name: str) -> UnsupportedFormat:
    if re.search(r"^BEGIN:VCARD", text[:65536], re.I | re.M):
        return UnsupportedFormat(
            "is a vCard address book, not a calendar (no BEGIN:VCALENDAR)", path=name
        )
    return UnsupportedFormat(
        "not an iCalendar file (no BEGIN:VCALENDAR): export the calendar as .ics (Google "
        "Calendar: Settings → Import & export → Export; Outlook: File → Save Calendar)",
        path=name,
    )


def _has_calendar(text: str) -> bool:
    return re.search(r"^[ \t]*BEGIN:VCALENDAR[ \t]*\r?$", text, re.I | re.M) is not None


def _infer_owner(calendars: list[Calendar], report: ImportReport) -> set[str]:
    seen: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for calendar in calendars:
        for event in calendar.events:
            people = [p for p in event.people if p.address and p.cutype not in _NOT_PEOPLE]
            seen.update({p.address for p in people})
            for p in people:
                if p.name:
                    names.setdefault(p.address, Counter())[p.name] += 1
    if not seen:
        report.notes.append("no e-mail address in any event: the owner cannot be recognised")
        return set()

    def name_of(address: str) -> str:
        counter = names.get(address)
        return counter.most_common(1)[0][0] if counter else ""

    calendar_names = {c.name.casefold() for c in calendars}
    top = min(seen, key=lambda a: (-seen[a], a not in calendar_names, a))
    # an address shown with the owner's own full name is the owner's too (an old address)
    own = fold(name_of(top))
    also = []
    if len(own.split()) >= 2:
        also = sorted(a for a in names if a != top and fold(name_of(a)) == own)
    extra = "".join(f", plus {a} (shown as {name_of(a)})" for a in also)
    events = sum(len(c.events) for c in calendars)
    report.notes.append(
        f"owner address{'es' if also else ''} inferred: {top} (in {seen[top]:,} of "
        f"{events:,} events){extra}; pass owner_emails if this is wrong"
    )
    return {top, *also}


def read_ics(
    src: Src,
    *,
    owner_emails: Sequence[str] = (),
    on_bad_rows: OnBadRows = "report",
    max_attendees: int = 10,
) -> tuple[nx.Graph, ImportReport]:
    """Read an iCalendar file (or Google Calendar's export zip) into the owner's meetings.

    Parameters
    ----------
    src : str, path or binary file
        An ``.ics`` file from Google Calendar, Outlook, Apple Calendar…, or a zip of
        ``.ics`` files (Google Calendar's export).
    owner_emails : sequence of str
        The owner's addresses. When empty, the address present in the most events
        is taken (ties: the calendar's name, then alphabetical); a note says which.
    on_bad_rows : {"report", "error"}
        What to do with an event that cannot be read (no readable ``DTSTART``, no
        ``END:VEVENT``, an unreadable organiser or attendee line): list it in the
        report (default) or raise :class:`~netkit.errors.ParseError`.
    max_attendees : int
        An event with more people than this besides the owner is a large meeting
        and is skipped.

    Returns
    -------
    G : networkx.Graph
        Persons (``mail:<address>``, or ``name:<name>`` for an attendee without an
        address); the owner's ties with ``meetings``, ``first_contact`` and
        ``last_contact`` (the start day) and channel ``calendar``; ``meeting`` links
        among the other attendees of each meeting.
    report : ImportReport
        One row per ``VEVENT``, with the line of its ``BEGIN:VEVENT``. Skipped:
        cancelled events, events without the owner or declined by the owner, events
        with no one else, large meetings, changed occurrences of a recurring event
        (the series counts once). ``counts``: ``meetings`` (kept), ``recurring
        events`` (among them) and ``people met``.

    Raises
    ------
    UnsupportedFormat, EncodingProblem
        When the file is missing, empty, binary, or not a calendar.
    ParseError
        With ``on_bad_rows="error"``, at the first event that cannot be read.

    Notes
    -----
    Rooms and resources (``CUTYPE=ROOM|RESOURCE``) are not people, and attendees who
    declined (``PARTSTAT=DECLINED``) did not attend. A recurring event counts as one
    meeting on the day of its first occurrence. The same ``UID`` (with the same
    ``RECURRENCE-ID``, or none) twice is one event: the later copies are duplicates.
    A UTC start time is read in the calendar's time zone (``X-WR-TIMEZONE``) when
    the file names one, otherwise in UTC. Event titles and descriptions are never read.

    Examples
    --------
    >>> import io
    >>> ics = (b"BEGIN:VCALENDAR\\r\\nBEGIN:VEVENT\\r\\nUID:1\\r\\nDTSTART:20240501T093000Z\\r\\n"
    ...        b"ORGANIZER;CN=Me:mailto:me@example.org\\r\\n"
    ...        b"ATTENDEE;CN=Ada;PARTSTAT=ACCEPTED:mailto:ada@example.com\\r\\n"
    ...        b"END:VEVENT\\r\\nEND:VCALENDAR\\r\\n")
    >>> G, report = read_ics(io.BytesIO(ics), owner_emails=["me@example.org"])
    >>> G.edges["ego", "mail:ada@example.com"]["meetings"], report.accepted
    (1, 1)
    """
    if on_bad_rows not in ("report", "error"):
        raise ValueError(f"on_bad_rows must be 'report' or 'error', not {on_bad_rows!r}")
    if isinstance(max_attendees, bool) or not isinstance(max_attendees, int):
        raise TypeError("max_attendees must be an int")
    if max_attendees < 1:
        raise ValueError("max_attendees must be at least 1")
    if isinstance(owner_emails, str):
        owner_emails = [owner_emails]
    given = [clean_text(a).casefold().removeprefix("mailto:") for a in owner_emails]
    bad = [a for a, g in zip(owner_emails, given, strict=True) if not _EMAIL.match(g)]
    if bad:
        raise ValueError(f"owner_emails holds values that are not e-mail addresses: {bad}")

    source = load_source(src)
    report = ImportReport(path=source.name, format=FORMAT)
    members = _calendars_in_zip(source) if sniff_binary(source) == "zip" else [("", source)]
    calendars: list[Calendar] = []
    for member, member_source in members:
        if member and not member_source.data.strip():
            report.notes.append(f"{member} is empty: left out")
            continue
        text, encoding = decode(member_source)
        report.encoding = report.encoding or encoding
        if not _has_calendar(text):
            if not member:
                raise _not_a_calendar(text, source.name)
            report.notes.append(f"{member} is not an iCalendar file: left out")
            continue
        calendar = parse_calendar(text, member=member)
        if on_bad_rows == "error" and calendar.rejected:
            first = calendar.rejected[0]
            raise ParseError(first.reason, path=member_source.name, line=first.line)
        calendars.append(calendar)
        report.rows_read += calendar.rows
        report.rejected.extend(calendar.rejected)
    if report.encoding not in ("", "utf-8", "utf-8-sig"):
        report.notes.append(f"read as {report.encoding} (not UTF-8)")

    if given:
        owners = set(given)
        if not any(p.address in owners for c in calendars for e in c.events for p in e.people):
            report.notes.append(
                "none of the owner addresses given appears in an event: check owner_emails"
            )
    else:
        owners = _infer_owner(calendars, report)
    G = _build(calendars, owners, report, max_attendees)
    report.contacts = sum(1 for _, kind in G.nodes(data="kind") if kind == "person")
    return G, report


def _build(
    calendars: list[Calendar], owners: set[str], report: ImportReport, max_attendees: int
) -> nx.Graph:
    builder = NetworkBuilder(FORMAT)
    events = [e for c in calendars for e in c.events]
    problems: dict[tuple[str, int], list[RowIssue]] = {}
    for issue in (p for c in calendars for p in c.problems):
        problems.setdefault((issue.member, issue.line), []).append(issue)
    series = {e.uid for e in events if e.recurring and not e.recurrence_id and e.uid}
    seen: dict[tuple[str, str], Event] = {}
    names: dict[str, Counter[str]] = {}
    addresses: dict[str, str] = {}
    owner_names: Counter[str] = Counter()
    met: set[str] = set()
    recurring = 0

    for event in events:
        if event.uid:
            key = (event.uid, event.recurrence_id)
            first = seen.get(key)
            if first is not None:
                where = (
                    f"{first.member} line {first.line}" if first.member else f"line {first.line}"
                )
                report.duplicates.append(
                    RowIssue(
                        event.line,
                        f"same UID as the event at {where}: counted once",
                        f"UID:{event.uid}"[:120],
                        event.member,
                    )
                )
                continue
            seen[key] = event
        if event.recurrence_id and event.uid in series:
            report.skip("changed occurrence of a recurring event (the series counts once)")
            continue
        if event.status == "CANCELLED":
            report.skip("cancelled")
            continue
        people: dict[str, Attendee] = {}
        declined: set[str] = set()
        for person in event.people:
            if person.cutype in _NOT_PEOPLE:
                continue
            key = person.key
            if key is None:  # left out when parsed; never here
                continue
            people.setdefault(key, person)
            if person.partstat == "DECLINED":
                declined.add(key)
        mine = {k for k, p in people.items() if p.address in owners}
        if not mine:
            report.skip("without the owner" if people else "no attendees (a personal event)")
            continue
        if mine <= declined:
            report.skip("declined by the owner")
            continue
        others = [k for k in people if k not in mine and k not in declined]
        if not others:
            report.skip("no attendees besides the owner")
            continue
        if len(others) > max_attendees:
            report.skip(f"large meeting: more than {max_attendees} attendees")
            continue
        report.accepted += 1
        report.problems.extend(problems.get((event.member, event.line), ()))
        recurring += event.recurring
        for person in event.people:
            if person.cutype in _NOT_PEOPLE or not person.name:
                continue
            if person.address in owners:
                owner_names[person.name] += 1
            elif person.key in others:
                names.setdefault(person.key, Counter())[person.name] += 1  # type: ignore[index]
        for key in others:
            if people[key].address:
                addresses[key] = people[key].address
            builder.tie(key, channel="calendar", when=event.day, meetings=1)
            met.add(key)
        for a, b in combinations(others, 2):
            builder.link(a, b, kind="meeting", when=event.day)

    for key in sorted(met):
        counter = names.get(key)
        builder.person(
            key,
            name=counter.most_common(1)[0][0] if counter else "",
            emails=addresses.get(key, ""),
        )
    builder.set_ego(
        name=owner_names.most_common(1)[0][0] if owner_names else "",
        emails=";".join(sorted(owners)),
    )
    report.counts = {
        "meetings": report.accepted,
        "recurring events": recurring,
        "people met": len(met),
    }
    return builder.graph(source_entry(FORMAT, report.path, report.rows_read, len(report.rejected)))


def sniff_ics(source: Source, kind: str | None, head: str) -> bool:
    """True for an iCalendar file, or a zip holding ``.ics`` files (Google's export).

    Examples
    --------
    >>> sniff_ics(Source("x", b""), None, "\\ufeffBEGIN:VCALENDAR\\r\\nVERSION:2.0\\r\\n")
    True
    >>> sniff_ics(Source("x", b""), None, "BEGIN:VCARD\\r\\nFN:Ada\\r\\n")
    False
    """
    if kind == "zip":
        with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
            return any(n.casefold().endswith((".ics", ".ical")) for n in archive.namelist())
    return kind is None and head.lstrip("\ufeff \t\r\n")[:15].upper() == "BEGIN:VCALENDAR"
