"""iCalendar: Google and Outlook calendars, folded lines, rooms, declines, exact meetings."""

from __future__ import annotations

import io
import zipfile

import pytest

import netkit as nk
from netkit.errors import EncodingProblem, ParseError, UnsupportedFormat
from netkit.io._text import Source
from netkit.io.ics import parse_calendar, parse_content_line, read_ics, sniff_ics, unfold

OWNER = "chiara.colombo@example.it"
NICOLO = "mail:nicolo.dangelo@example.com"
MARIO = "mail:mario.rossi@example.org"
GIULIA = "mail:giulia.deluca@example.net"
ZOE = "mail:zoe.muller@example.de"

# Google Calendar's export (one calendar of the zip). Lines are folded at 75 octets as
# Google does, one fold inside a quoted parameter value. The line of each BEGIN:VEVENT is
# in the comments; the tests rely on them.
GOOGLE = """\
BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:chiara.colombo@example.it
X-WR-TIMEZONE:Europe/Rome
BEGIN:VTIMEZONE
TZID:Europe/Rome
X-LIC-LOCATION:Europe/Rome
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
DTSTART;TZID=Europe/Rome:20240506T093000
DTEND;TZID=Europe/Rome:20240506T100000
RRULE:FREQ=WEEKLY;BYDAY=MO
DTSTAMP:20240601T101010Z
ORGANIZER;CN=Chiara Colombo:mailto:chiara.colombo@example.it
UID:weekly-sync@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Nicol
 ò D'Angelo;X-NUM-GUESTS=0:mailto:nicolo.dangelo@example.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=mario
 .rossi@example.org;X-NUM-GUESTS=0:mailto:mario.rossi@example.org
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Chiara
  Colombo;X-NUM-GUESTS=0:mailto:chiara.colombo@example.it
ATTENDEE;CUTYPE=RESOURCE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Milano-
 3-Sala Volta (8);X-NUM-GUESTS=0:mailto:c_188a1b2c3d@resource.calendar.goog
 le.com
SUMMARY:Weekly sync (private: never stored)
STATUS:CONFIRMED
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID=Europe/Rome:20240514T110000
RECURRENCE-ID;TZID=Europe/Rome:20240513T093000
ORGANIZER;CN=Chiara Colombo:mailto:chiara.colombo@example.it
UID:weekly-sync@google.com
ATTENDEE;PARTSTAT=ACCEPTED;CN=Nicolò D'Angelo:mailto:nicolo.dangelo@example.com
ATTENDEE;PARTSTAT=ACCEPTED:mailto:chiara.colombo@example.it
SUMMARY:Weekly sync (moved)
END:VEVENT
BEGIN:VEVENT
DTSTART:20240520T223000Z
DTEND:20240520T233000Z
ORGANIZER;CN="De Luca, Giulia: HR":mailto:giulia.deluca@example.net
UID:late-call@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN="De L
 uca, Giulia: HR";X-NUM-GUESTS=0:mailto:giulia.deluca@example.net
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Chiara
  Colombo:mailto:chiara.colombo@example.it
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;PARTSTAT=DECLINED;CN=Nicolò
  D'Angelo:mailto:nicolo.dangelo@example.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=TENTATIVE;CN=Zoë M
 üller:mailto:zoe.muller@example.de
SUMMARY:Call with the Munich office
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20240601
DTEND;VALUE=DATE:20240602
ORGANIZER;CN=Mario Rossi:mailto:mario.rossi@example.org
UID:offsite@example.org
ATTENDEE;PARTSTAT=NEEDS-ACTION;CN=Chiara Colombo:mailto:chiara.colombo@example.it
SUMMARY:Offsite
BEGIN:VALARM
ACTION:EMAIL
ATTENDEE:mailto:someone.else@example.com
TRIGGER:-P1D
END:VALARM
END:VEVENT
BEGIN:VEVENT
DTSTART:20240610T080000Z
ORGANIZER;CN=Nicolò D'Angelo:mailto:nicolo.dangelo@example.com
UID:cancelled@example.com
ATTENDEE;PARTSTAT=ACCEPTED:mailto:chiara.colombo@example.it
STATUS:CANCELLED
SUMMARY:Cancelled lunch
END:VEVENT
BEGIN:VEVENT
DTSTART:20240611T080000Z
ORGANIZER;CN="De Luca, Giulia: HR":mailto:giulia.deluca@example.net
UID:not-mine@example.net
ATTENDEE;PARTSTAT=ACCEPTED:mailto:zoe.muller@example.de
SUMMARY:Shared calendar, without Chiara
END:VEVENT
BEGIN:VEVENT
DTSTART:20241345T100000Z
ORGANIZER:mailto:mario.rossi@example.org
UID:bad-date@example.org
ATTENDEE:mailto:chiara.colombo@example.it
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20240601
ORGANIZER;CN=Mario Rossi:mailto:mario.rossi@example.org
UID:offsite@example.org
ATTENDEE;PARTSTAT=ACCEPTED;CN=Chiara Colombo:mailto:chiara.colombo@example.it
SUMMARY:Offsite (a second copy)
END:VEVENT
BEGIN:VEVENT
DTSTART;VALUE=DATE:20240615
UID:dentist@google.com
SUMMARY:Dentist
END:VEVENT
BEGIN:VEVENT
DTSTART:20240617T080000Z
ORGANIZER:mailto:ceo@example.com
UID:all-hands@example.com
ATTENDEE;PARTSTAT=ACCEPTED:mailto:chiara.colombo@example.it
ATTENDEES_OF_ALL_HANDS
END:VEVENT
BEGIN:VEVENT
DTSTART:20240618T080000Z
ORGANIZER:mailto:luca.bianchi@example.com
UID:declined@example.com
ATTENDEE;PARTSTAT=DECLINED:mailto:chiara.colombo@example.it
END:VEVENT
END:VCALENDAR
"""
ALL_HANDS = "\n".join(f"ATTENDEE:mailto:p{i:02}@example.com" for i in range(1, 12))


def google_bytes() -> bytes:
    text = GOOGLE.replace("ATTENDEES_OF_ALL_HANDS", ALL_HANDS)
    return text.replace("\n", "\r\n").encode("utf-8")


def persons(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


def links(G):
    return {
        tuple(sorted((u, v))): (d["count"], d["last_contact"])
        for u, v, d in G.edges(data=True)
        if "meeting" in d.get("kind", "").split(";")
    }


def meetings(G):
    return {
        n: (d["meetings"], d["first_contact"], d["last_contact"], d["channels"])
        for n, d in G["ego"].items()
    }


def test_google_calendar(write):
    G, report = read_ics(write(google_bytes(), "chiara.colombo@example.it.ics"))
    nk.validate_graph(G)
    assert report.balanced and report.format == "ics"
    assert (report.rows_read, report.accepted) == (11, 3)
    assert report.skipped == {
        "changed occurrence of a recurring event (the series counts once)": 1,
        "cancelled": 1,
        "without the owner": 1,
        "no attendees (a personal event)": 1,
        "large meeting: more than 10 attendees": 1,
        "declined by the owner": 1,
    }
    assert [(r.line, r.reason, r.text) for r in report.rejected] == [
        (
            90,
            "cannot read the start date DTSTART '20241345T100000Z'",
            "UID:bad-date@example.org",
        )
    ]
    assert [(d.line, d.reason, d.text) for d in report.duplicates] == [
        (96, "same UID as the event at line 62: counted once", "UID:offsite@example.org")
    ]
    assert report.counts == {"meetings": 3, "recurring events": 1, "people met": 4}
    assert report.notes == [
        "owner address inferred: chiara.colombo@example.it (in 8 of 10 events); pass "
        "owner_emails if this is wrong"
    ]
    assert persons(G) == [GIULIA, MARIO, NICOLO, ZOE]
    assert report.contacts == 4
    # the room, the declined attendee's meeting, the e-mail alarm's address: nobody
    assert meetings(G) == {
        NICOLO: (1, "2024-05-06", "2024-05-06", "calendar"),
        MARIO: (2, "2024-05-06", "2024-06-01", "calendar"),
        # 22:30 UTC on 20 May is 00:30 on 21 May in the calendar's zone (Europe/Rome)
        GIULIA: (1, "2024-05-21", "2024-05-21", "calendar"),
        ZOE: (1, "2024-05-21", "2024-05-21", "calendar"),
    }
    assert links(G) == {(MARIO, NICOLO): (1, "2024-05-06"), (GIULIA, ZOE): (1, "2024-05-21")}
    assert G.number_of_edges() == 6
    # names from CN, unfolded; a CN that is only the address is no name
    assert G.nodes[NICOLO]["name"] == "Nicolò D'Angelo"
    assert G.nodes[GIULIA]["name"] == "De Luca, Giulia: HR"
    assert G.nodes[ZOE]["name"] == "Zoë Müller"
    assert G.nodes[MARIO]["name"] == "Mario Rossi"
    assert G.nodes[MARIO]["emails"] == "mario.rossi@example.org"
    assert G.nodes["ego"]["name"] == "Chiara Colombo"
    assert G.nodes["ego"]["emails"] == OWNER
    # the summary is private: it is in no attribute of the graph
    values = [v for _, d in G.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in G.edges(data=True) for v in d.values()]
    assert not [v for v in values if "sync" in str(v).lower() or "offsite" in str(v).lower()]
    assert G.graph["sources"] == "ics:chiara.colombo@example.it.ics:11:1"


def test_owner_given_and_max_attendees(write):
    path = write(google_bytes(), "cal.ics")
    G, report = read_ics(path, owner_emails=["Chiara.Colombo@example.it"])
    assert not report.notes and report.accepted == 3
    G, report = read_ics(path, owner_emails=OWNER, max_attendees=12)
    assert report.accepted == 4 and report.balanced
    assert G.edges["ego", "mail:p11@example.com"]["meetings"] == 1
    assert G.edges["ego", "mail:ceo@example.com"]["first_contact"] == "2024-06-17"
    assert len(links(G)) == 2 + 12 * 11 // 2  # the all-hands: 12 people besides Chiara
    G, report = read_ics(path, owner_emails=OWNER, max_attendees=1)
    assert report.accepted == 1  # the offsite: Mario only
    G, report = read_ics(path, owner_emails=["someone@example.com"])
    assert report.accepted == 0 and report.skipped["without the owner"] == 6
    assert report.notes == [
        "none of the owner addresses given appears in an event: check owner_emails"
    ]
    with pytest.raises(ValueError, match="not e-mail addresses"):
        read_ics(path, owner_emails=["Chiara Colombo"])
    with pytest.raises(ValueError, match="max_attendees"):
        read_ics(path, max_attendees=0)


def test_error_mode_raises_at_the_bad_event(write):
    path = write(google_bytes(), "cal.ics")
    with pytest.raises(ParseError, match=r"cal\.ics, line 90: cannot read the start date") as exc:
        read_ics(path, on_bad_rows="error")
    assert exc.value.line == 90
    with pytest.raises(ValueError, match="on_bad_rows"):
        read_ics(path, on_bad_rows="warn")  # type: ignore[arg-type]


# Outlook's "Save Calendar": CRLF, a VTIMEZONE with its own DTSTART, quoted Windows zone
# names, "Surname, Name" CNs, a room, an external guest without an address.
OUTLOOK = """\
BEGIN:VCALENDAR
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
VERSION:2.0
METHOD:PUBLISH
X-CALSTART:20240101T000000Z
X-WR-CALNAME:Calendario
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16011028T030000
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
CLASS:PUBLIC
CREATED:20240410T080000Z
DTSTART;TZID="W. Europe Standard Time":20240502T140000
DTEND;TZID="W. Europe Standard Time":20240502T150000
ORGANIZER;CN="Rossi, Mario":MAILTO:Mario.Rossi@example.org
ATTENDEE;CN="Bianchi, Luca";RSVP=TRUE:mailto:luca.bianchi@example.com
ATTENDEE;CN="Colombo, Chiara";RSVP=TRUE:mailto:chiara.colombo@example.it
ATTENDEE;CN=Sala Riunioni 2;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;RSVP=TRUE:mail
 to:sala2@example.org
ATTENDEE;CN="Esterno, Ospite";RSVP=TRUE:invalid:nomail
SUMMARY;LANGUAGE=it-IT:Revisione budget
UID:040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5F6000000000000000010
 000000A1B2C3D4E5F60718293A4B5C6D7E8F90
X-MICROSOFT-CDO-BUSYSTATUS:BUSY
END:VEVENT
BEGIN:VEVENT
DTSTART;TZID="W. Europe Standard Time":20240509T140000
ORGANIZER;CN="Colombo, Chiara":mailto:chiara.colombo@example.it
ATTENDEE;CN="Bianchi, Luca";PARTSTAT=ACCEPTED:mailto:luca.bianchi@example.com
UID:outlook-2@example.it
END:VEVENT
END:VCALENDAR
"""


def test_outlook_calendar(write):
    G, report = read_ics(write(OUTLOOK.replace("\n", "\r\n"), "Calendario.ics"))
    nk.validate_graph(G)
    assert report.balanced and (report.rows_read, report.accepted) == (2, 2)
    assert report.notes[0].startswith("owner address inferred: chiara.colombo@example.it (in 2")
    luca, mario, guest = "mail:luca.bianchi@example.com", MARIO, "name:esterno, ospite"
    assert persons(G) == [luca, MARIO, guest]
    assert G.nodes[guest]["name"] == "Esterno, Ospite" and "emails" not in G.nodes[guest]
    assert G.nodes[luca]["name"] == "Bianchi, Luca"
    assert G.nodes["ego"]["name"] == "Colombo, Chiara"
    assert {n: m[:3] for n, m in meetings(G).items()} == {
        luca: (2, "2024-05-02", "2024-05-09"),
        mario: (1, "2024-05-02", "2024-05-02"),
        guest: (1, "2024-05-02", "2024-05-02"),
    }
    assert links(G) == {
        (luca, mario): (1, "2024-05-02"),
        (luca, guest): (1, "2024-05-02"),
        (mario, guest): (1, "2024-05-02"),
    }
    assert "mail:sala2@example.org" not in G


def _event(uid: str, body: str) -> str:
    return (
        f"BEGIN:VEVENT\nUID:{uid}\n{body}ORGANIZER:mailto:me@example.org\n"
        "ATTENDEE:mailto:ada@example.com\nEND:VEVENT\n"
    )


def test_broken_structure_costs_one_event(write):
    text = (
        "BEGIN:VCALENDAR\n"  # 1
        + _event("a", "DTSTART:20240101T100000Z\n")  # 2-7
        + "BEGIN:VEVENT\nUID:cut\nDTSTART:20240102T100000Z\n"  # 8-10: no END:VEVENT
        + _event("b", "DTSTART:20240103T100000Z\n")  # 11-16
        + _event("c", 'ATTENDEE;CN="Unclosed:mailto:x@example.com\nDTSTART:20240104\n')  # 17
        + _event("d", "")  # 24-28: no DTSTART
        + _event("e", "DTSTART:20240105\nEND:VTODO\n")  # 29
        + _event("f", "DTSTART;TZID=Europe/Rome:20240106T235000\n")  # 36
        + "BEGIN:VEVENT\nUID:g\nDTSTART:20240107\n"  # 42: the file is cut short
    )
    G, report = read_ics(io.BytesIO(text.encode()), owner_emails=["me@example.org"])
    assert report.balanced and report.rows_read == 8 and report.accepted == 3
    assert [(r.line, r.reason) for r in report.rejected] == [
        (8, "no END:VEVENT before the next event at line 11"),
        (
            17,
            "cannot read ATTENDEE at line 19: a quote opened in ATTENDEE is never closed",
        ),
        (24, "no DTSTART: the event has no date"),
        (29, "END:VTODO at line 32 without BEGIN:VTODO"),
        (42, "no END:VEVENT: the file is cut short"),
    ]
    assert G.edges["ego", "mail:ada@example.com"]["meetings"] == 3
    assert G.edges["ego", "mail:ada@example.com"]["last_contact"] == "2024-01-06"


def test_date_forms():
    cal = parse_calendar(
        "BEGIN:VCALENDAR\n"
        + "".join(
            f"BEGIN:VEVENT\nUID:{n}\n{line}\nEND:VEVENT\n"
            for n, line in enumerate(
                [
                    "DTSTART:20240501T093000Z",
                    "DTSTART;TZID=Europe/Rome:20240501T233000",
                    'DTSTART;TZID="America/New_York":20240501T233000',
                    "DTSTART;VALUE=DATE:20240501",
                    "DTSTART:20240501",
                    "DTSTART:20240501T093000",
                    "DTSTART:2024-05-01T09:30:00Z",
                    "DTSTART:20240230",
                    "DTSTART:tomorrow",
                    "DTSTART;VALUE=DATE:",
                ]
            )
        )
        + "END:VCALENDAR\n"
    )
    assert [str(e.day) for e in cal.events] == ["2024-05-01"] * 7
    assert [r.reason for r in cal.rejected] == [
        "cannot read the start date DTSTART '20240230'",
        "cannot read the start date DTSTART 'tomorrow'",
        "cannot read the start date DTSTART ''",
    ]


def test_parse_content_line_and_unfold():
    assert parse_content_line(
        'ATTENDEE;CUTYPE=INDIVIDUAL;CN="Rossi; Mario, PhD: CTO";DELEGATED-FROM="mailto:a'
        '@x.it","mailto:b@x.it";CN2=^\'quoted^\' ^^:mailto:m@x.it'
    ) == (
        "ATTENDEE",
        {
            "CUTYPE": ["INDIVIDUAL"],
            "CN": ["Rossi; Mario, PhD: CTO"],
            "DELEGATED-FROM": ["mailto:a@x.it", "mailto:b@x.it"],
            "CN2": ['"quoted" ^'],
        },
        "mailto:m@x.it",
    )
    with pytest.raises(ValueError, match="never closed"):
        parse_content_line('ATTENDEE;CN="Rossi:mailto:m@x.it')
    with pytest.raises(ValueError, match="no ':'"):
        parse_content_line("ATTENDEE;CN=Rossi")
    assert list(unfold("A:1\n\tb\r\n c\rD:2\n\n")) == [(1, "A:1bc"), (4, "D:2"), (5, "")]


def test_google_export_zip(tmp_path):
    path = tmp_path / "chiara.colombo@example.it.ical.zip"
    holidays = (
        "BEGIN:VCALENDAR\r\nX-WR-CALNAME:Festività in Italia\r\nBEGIN:VEVENT\r\n"
        "DTSTART;VALUE=DATE:20240602\r\nUID:20240602_it@google.com\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("chiara.colombo@example.it.ics", google_bytes())
        archive.writestr("Festività in Italia_abc@group.v.calendar.google.com.ics", holidays)
        archive.writestr("notes.txt", "not a calendar")
    G, report = read_ics(path)
    assert report.rows_read == 12 and report.accepted == 3 and report.balanced
    assert report.skipped["no attendees (a personal event)"] == 2
    assert report.rejected[0].member == "chiara.colombo@example.it.ics"
    assert str(report.rejected[0]) == (
        "chiara.colombo@example.it.ics line 90: cannot read the start date DTSTART "
        "'20241345T100000Z'  [UID:bad-date@example.org]"
    )
    assert sniff_ics(Source(str(path), path.read_bytes()), "zip", "")
    nk.validate_graph(G)


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", UnsupportedFormat, "the file is empty"),
        (b"First Name,Last Name\nAda,L\n", UnsupportedFormat, "not an iCalendar file"),
        (b"BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\n", UnsupportedFormat, "is a vCard address book"),
        (b"%PDF-1.7 calendar printout", UnsupportedFormat, "a PDF document"),
        (b"\xff\xfeB\x00E\x00G", EncodingProblem, "truncated UTF-16"),
    ],
    ids=["empty", "csv", "vcard", "pdf", "broken utf-16"],
)
def test_whole_file_problems(write, content, error, message):
    path = write(content, "calendar.ics")
    with pytest.raises(error, match=message) as exc:
        read_ics(path)
    assert exc.value.path == str(path)


def test_zip_without_calendars_and_missing_file(tmp_path):
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "x")
    with pytest.raises(UnsupportedFormat, match=r"is a zip without \.ics calendars"):
        read_ics(path)
    with pytest.raises(UnsupportedFormat, match="no such file"):
        read_ics(tmp_path / "missing.ics")


def test_sniff():
    assert sniff_ics(Source("x", b""), None, GOOGLE)
    assert not sniff_ics(Source("x", b""), None, "BEGIN:VCARD\nFN:Ada\n")
    assert not sniff_ics(Source("x", b""), None, "From x Mon Jan  1 00:00:00 2024\n")


def test_owner_tie_broken_by_the_calendar_name_and_unnamed_attendees():
    text = (
        "BEGIN:VCALENDAR\nX-WR-CALNAME:zed@example.org\n"
        "BEGIN:VEVENT\nUID:1\nDTSTART:20240301\nORGANIZER:mailto:ada@example.com\n"
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:zed@example.org\n"
        "ATTENDEE;CUTYPE=INDIVIDUAL:urn:uuid:0b1c2d3e\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    G, report = read_ics(io.BytesIO(text.encode()))
    # ada and zed are both in the one event: the calendar's name decides
    assert report.notes == [
        "owner address inferred: zed@example.org (in 1 of 1 events); pass owner_emails if "
        "this is wrong"
    ]
    assert [(p.line, p.reason, p.text) for p in report.problems] == [
        (3, "ATTENDEE at line 8 has neither an address nor a name; left out", "UID:1")
    ]
    assert G.edges["ego", "mail:ada@example.com"]["meetings"] == 1


def test_an_old_address_with_the_owners_name_is_the_owners_too():
    def event(uid, organiser, guest):
        return (
            f"BEGIN:VEVENT\nUID:{uid}\nDTSTART:20240301\nORGANIZER;CN=Chiara Colombo:mailto:"
            f"{organiser}\nATTENDEE;CN=Guest:mailto:{guest}\nEND:VEVENT\n"
        )

    text = (
        "BEGIN:VCALENDAR\n"
        + event(1, OWNER, "ada@example.com")
        + event(2, OWNER, "bo@example.com")
        + event(3, "c.colombo@old.example", "bo@example.com")
        + event(4, OWNER, "ada@example.com")
        + "END:VCALENDAR\n"
    )
    G, report = read_ics(io.BytesIO(text.encode()))
    assert report.notes == [
        "owner addresses inferred: chiara.colombo@example.it (in 3 of 4 events), plus "
        "c.colombo@old.example (shown as Chiara Colombo); pass owner_emails if this is wrong"
    ]
    assert report.accepted == 4
    assert {n: d["meetings"] for n, d in G["ego"].items()} == {
        "mail:ada@example.com": 2,
        "mail:bo@example.com": 2,
    }
    assert G.nodes["ego"]["emails"] == "c.colombo@old.example;chiara.colombo@example.it"
