"""Write the owner's calendar as an iCalendar file, the way Google Calendar exports it.

Meetings with colleagues and contacts (organiser and attendees by e-mail, ``CN`` names),
meeting rooms as ``CUTYPE=ROOM`` attendees, a declined attendee, a cancelled event, a weekly
one-to-one (``RRULE``), an all-hands with more than ten people, ``TZID`` and UTC starts, an
all-day event, lines folded at 75 octets (one fold inside a parameter) and one event whose
``DTSTART`` cannot be read.
"""

from __future__ import annotations

import os
import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netkit.sample.addressbook import fold_line
from netkit.sample.world import (
    OWNER,
    RecordBook,
    SampleMeeting,
    SourceRecord,
    rome_offset,
)
from netkit.schema import person_id

if TYPE_CHECKING:
    from netkit.sample.world import World

__all__ = ["write_ics"]

_HEADER = (
    "BEGIN:VCALENDAR",
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "X-WR-CALNAME:{owner}",
    "X-WR-TIMEZONE:Europe/Rome",
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Rome",
    "X-LIC-LOCATION:Europe/Rome",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
_STAMP = "20261101T031200Z"


def _text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _cn(name: str) -> str:
    return f'"{name}"' if any(ch in name for ch in ",;:") else name


def _fold_inside_parameter(line: str, folded: str) -> bool:
    """True when a fold of ``line`` falls between its first ``;`` and the colon that starts
    its value (that is, inside the parameters)."""
    if folded == line:
        return False
    in_quotes = False
    colon = len(line)
    for index, char in enumerate(line):
        if char == '"':
            in_quotes = not in_quotes
        elif char == ":" and not in_quotes:
            colon = index
            break
    semicolon = line.find(";")
    if not 0 <= semicolon < colon:
        return False
    low, high = len(line[:semicolon].encode()), len(line[:colon].encode())
    offset = 0
    for part in folded.split("\r\n ")[:-1]:
        offset += len(part.encode())
        if low < offset < high:
            return True
    return False


class _Writer:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = random.Random(f"netkit-sample:{world.seed}:ics")
        owner = world.owner
        self.owner = (f"{owner.first_name} {owner.last_name}", owner.email)

    def who(self, key: str) -> tuple[str, str]:
        if key == OWNER:
            return self.owner
        reach = self.world.reach_of(key)
        assert reach is not None and reach.emails, key
        return reach.mail_name or reach.emails[0], reach.emails[0]

    def moment(self, start: datetime, *, utc: bool) -> str:
        if utc:
            return f":{start:%Y%m%dT%H%M%S}Z"
        local = start + rome_offset(start)
        return f";TZID=Europe/Rome:{local:%Y%m%dT%H%M%S}"

    def event(self, meeting: SampleMeeting, *, bad_start: bool = False) -> list[str]:
        rng = self.rng
        utc = rng.random() < 0.2 and not meeting.recurrence
        end = meeting.start + timedelta(minutes=meeting.minutes)
        lines = ["BEGIN:VEVENT"]
        if meeting.all_day:
            lines.append(f"DTSTART;VALUE=DATE:{meeting.start:%Y%m%d}")
            lines.append(f"DTEND;VALUE=DATE:{meeting.start + timedelta(days=1):%Y%m%d}")
        elif bad_start:
            local = meeting.start + rome_offset(meeting.start)
            lines.append(f"DTSTART;TZID=Europe/Rome:{local.year}-09-31T25:00")
            lines.append(f"DTEND;TZID=Europe/Rome:{local.year}-09-31T26:00")
        else:
            lines.append("DTSTART" + self.moment(meeting.start, utc=utc))
            lines.append("DTEND" + self.moment(end, utc=utc))
        if meeting.recurrence == "weekly":
            day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[
                (meeting.start + rome_offset(meeting.start)).weekday()
            ]
            lines.append(f"RRULE:FREQ=WEEKLY;BYDAY={day}")
        lines.append(f"DTSTAMP:{_STAMP}")
        name, address = self.who(meeting.organiser)
        lines.append(f"ORGANIZER;CN={_cn(name)}:mailto:{address}")
        lines.append(f"UID:{rng.getrandbits(100):025x}@google.com")
        people = [meeting.organiser, *meeting.attendees]
        for key in people:
            name, address = self.who(key)
            status = "DECLINED" if key in meeting.declined else "ACCEPTED"
            role = "REQ-PARTICIPANT"
            lines.append(
                f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE={role};PARTSTAT={status};CN={_cn(name)};"
                f"X-NUM-GUESTS=0:mailto:{address}"
            )
        if meeting.room:
            room = meeting.room.lower().replace(" ", "-")
            lines.append(
                f"ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;PARTSTAT=ACCEPTED;CN={meeting.room};"
                f"X-NUM-GUESTS=0:mailto:{room}@resource.galbiati-alimentare.example"
            )
        created = meeting.start - timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 8))
        lines.append(f"CREATED:{created:%Y%m%dT%H%M%S}Z")
        if rng.random() < 0.3:
            lines.append(
                "DESCRIPTION:"
                + _text("Ordine del giorno: aggiornamenti, priorità, prossimi passi.\nA dopo!")
            )
        lines.append(f"LAST-MODIFIED:{created + timedelta(hours=1):%Y%m%dT%H%M%S}Z")
        lines.append(f"LOCATION:{_text(meeting.location)}")
        lines.append("SEQUENCE:0")
        lines.append("STATUS:CANCELLED" if meeting.status == "cancelled" else "STATUS:CONFIRMED")
        lines.append(f"SUMMARY:{_text(meeting.title)}")
        lines.append("TRANSP:TRANSPARENT" if meeting.all_day else "TRANSP:OPAQUE")
        lines.append("END:VEVENT")
        return lines


def write_ics(
    world: World, path: str | os.PathLike[str]
) -> tuple[dict[str, Any], list[SourceRecord]]:
    """Write ``calendar.ics`` and return its manifest and identity records.

    Parameters
    ----------
    world : World
        The sample world: every meeting in ``world.meetings`` is one event, plus one event
        whose ``DTSTART`` cannot be read.
    path : str or os.PathLike
        File to write.

    Returns
    -------
    manifest : dict
        ``rows`` (events), ``accepted``, ``skipped`` / ``skipped_lines`` (``cancelled``,
        ``bulk``),
        ``rejected`` / ``rejected_lines`` (the unreadable ``DTSTART``), ``contacts``
        (distinct attendee addresses of accepted events, the owner and rooms excluded, and
        declined attendees not counted as taking part), ``counts`` (meetings, recurring,
        all-day, with a room), ``pairs`` (co-attendees of accepted events), ``declined``,
        and the lines of the recurring, bulk and all-day events and of folds that fall
        inside a parameter.
    records : list of SourceRecord
        One per attendee address of the accepted events.

    Notes
    -----
    Policies the counts follow: a cancelled event is skipped; an event with more than ten
    people besides the owner (the all-hands) is skipped whole, like bulk mail; a recurring
    event counts once, dated by its first occurrence; a ``CUTYPE=ROOM`` attendee is not a
    person; a declined attendee did not take part (no meeting, no co-attendance). Line
    numbers are those of ``BEGIN:VEVENT``. Lines end with CRLF.
    """
    path = Path(path)
    writer = _Writer(world)
    rng = writer.rng
    meetings = list(world.meetings)
    ones = [
        m
        for m in meetings
        if m.status == "confirmed"
        and not m.recurrence
        and not m.all_day
        and len(m.people) == 2
        and m.organiser == OWNER
        and m.attendees[0].startswith("p")
    ]
    bad = None
    if ones:
        model = rng.choice(ones)
        bad = SampleMeeting(
            uid="bad",
            organiser=OWNER,
            attendees=model.attendees,
            start=model.start,
            minutes=30,
            title="Evento importato",
            location="",
            status="confirmed",
            recurrence="",
            all_day=False,
            declined=(),
            room="",
        )
        meetings.insert(len(meetings) // 2, bad)

    chunks = [fold_line(line) + "\r\n" for line in _HEADER]
    chunks[5] = f"X-WR-CALNAME:{world.owner.email}\r\n"
    line = len(_HEADER) + 1
    starts: list[tuple[SampleMeeting, int]] = []
    inside_parameter: list[int] = []
    tzid = utc = 0
    for meeting in meetings:
        starts.append((meeting, line))
        for text in writer.event(meeting, bad_start=meeting is bad):
            folded = fold_line(text)
            if _fold_inside_parameter(text, folded):
                inside_parameter.append(line)
            if text.startswith("DTSTART;TZID"):
                tzid += 1
            elif text.startswith("DTSTART:"):
                utc += 1
            chunks.append(folded + "\r\n")
            line += folded.count("\r\n") + 1
    chunks.append("END:VCALENDAR\r\n")
    path.write_bytes("".join(chunks).encode("utf-8"))

    book = RecordBook("ics")
    pairs: dict[tuple[str, str], dict[str, Any]] = {}

    def bulk(meeting: SampleMeeting) -> bool:
        return len(set(meeting.people) - {OWNER}) > 10

    accepted = [
        (m, s) for m, s in starts if m is not bad and m.status == "confirmed" and not bulk(m)
    ]
    declined = []
    for meeting, start in accepted:
        ids = []
        for key in meeting.people:
            if key == OWNER:
                continue
            name, address = writer.who(key)
            pid = person_id(email=address)
            book.add(pid, key, name=name if "@" not in name else "", emails=[address])
            ids.append(pid)
        for key in meeting.declined:
            declined.append({"line": start, "id": person_id(email=writer.who(key)[1])})
        ids.sort()
        day = meeting.start.date().isoformat()
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                entry = pairs.setdefault((a, b), {"count": 0, "last": ""})
                entry["count"] += 1
                entry["last"] = max(entry["last"], day)
    records = book.records()
    lines_of = {
        "cancelled": [s for m, s in starts if m.status == "cancelled"],
        "rejected": [s for m, s in starts if m is bad],
        "recurring": [s for m, s in accepted if m.recurrence],
        "bulk": [s for m, s in starts if m.status == "confirmed" and bulk(m)],
        "all_day": [s for m, s in accepted if m.all_day],
    }
    manifest = {
        "file": path.name,
        "rows": len(starts),
        "accepted": len(accepted),
        "skipped": {"cancelled": len(lines_of["cancelled"]), "bulk": len(lines_of["bulk"])},
        "skipped_lines": {"cancelled": lines_of["cancelled"], "bulk": lines_of["bulk"]},
        "duplicates": 0,
        "duplicate_lines": [],
        "rejected": len(lines_of["rejected"]),
        "rejected_lines": lines_of["rejected"],
        "contacts": len(records),
        "counts": {
            "meetings": len(accepted),
            "recurring": len(lines_of["recurring"]),
            "all_day": len(lines_of["all_day"]),
            "with_room": sum(1 for m, _ in accepted if m.room),
        },
        "recurring_lines": lines_of["recurring"],
        "bulk_lines": lines_of["bulk"],
        "all_day_lines": lines_of["all_day"],
        "declined": declined,
        "notes": [
            "Cancelled events are skipped; a recurring event counts once; CUTYPE=ROOM is not a "
            "person; a declined attendee did not take part.",
            "An event with more than ten people besides the owner (an all-hands) is skipped "
            "whole: no meeting, no pairs.",
        ],
        "tzid_starts": tzid,
        "utc_starts": utc,
        "fold_in_parameter_lines": inside_parameter,
        "pairs": [
            {"a": a, "b": b, "kind": "meeting", "count": e["count"], "last_contact": e["last"]}
            for (a, b), e in sorted(pairs.items())
        ],
    }
    return manifest, records
