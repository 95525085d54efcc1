"""Write the sample world's complete LinkedIn data archive (a zip), byte for byte reproducible.

The archive holds ``Connections.csv`` (the same bytes as the stand-alone file) and the members
a coaching session uses: messages, invitations, endorsements, recommendations, the owner's
positions, education and profile, followed companies and job-seeker preferences.
"""

from __future__ import annotations

import base64
import csv
import io
import os
import random
import zipfile
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netkit.sample.world import (
    OWNER,
    RecordBook,
    SampleMessage,
    SourceRecord,
    plain_name,
    rome_offset,
)
from netkit.schema import organisation_key

if TYPE_CHECKING:
    from netkit.sample.world import World

__all__ = [
    "ARCHIVE_NAME",
    "MEMBER_HEADERS",
    "csv_text",
    "write_linkedin_archive",
]

#: File name of the archive, as LinkedIn names a complete export taken on 1 Nov 2026.
ARCHIVE_NAME = "Complete_LinkedInDataExport_11-01-2026.zip"
#: Header of every member written (``Connections.csv`` has its preamble too).
MEMBER_HEADERS: dict[str, tuple[str, ...]] = {
    "messages.csv": (
        "CONVERSATION ID",
        "CONVERSATION TITLE",
        "FROM",
        "SENDER PROFILE URL",
        "TO",
        "RECIPIENT PROFILE URLS",
        "DATE",
        "SUBJECT",
        "CONTENT",
        "FOLDER",
        "ATTACHMENTS",
        "IS MESSAGE DRAFT",
        "IS CONVERSATION DRAFT",
    ),
    "Invitations.csv": (
        "From",
        "To",
        "Sent At",
        "Message",
        "Direction",
        "inviterProfileUrl",
        "inviteeProfileUrl",
    ),
    "Endorsement_Received_Info.csv": (
        "Endorsement Date",
        "Skill Name",
        "Endorser First Name",
        "Endorser Last Name",
        "Endorser Public Url",
        "Endorsement Status",
    ),
    "Endorsement_Given_Info.csv": (
        "Endorsement Date",
        "Skill Name",
        "Endorsee First Name",
        "Endorsee Last Name",
        "Endorsee Public Url",
        "Endorsement Status",
    ),
    "Recommendations_Received.csv": (
        "First Name",
        "Last Name",
        "Company",
        "Job Title",
        "Text",
        "Creation Date",
        "Status",
    ),
    "Recommendations_Given.csv": (
        "First Name",
        "Last Name",
        "Company",
        "Job Title",
        "Text",
        "Creation Date",
        "Status",
    ),
    "Positions.csv": (
        "Company Name",
        "Title",
        "Description",
        "Location",
        "Started On",
        "Finished On",
    ),
    "Education.csv": (
        "School Name",
        "Start Date",
        "End Date",
        "Notes",
        "Degree Name",
        "Activities",
    ),
    "Profile.csv": (
        "First Name",
        "Last Name",
        "Maiden Name",
        "Address",
        "Birth Date",
        "Headline",
        "Summary",
        "Industry",
        "Zip Code",
        "Geo Location",
        "Twitter Handles",
        "Websites",
        "Instant Messengers",
    ),
    "Company Follows.csv": ("Organization", "Followed On"),
    "Jobs/Job Seeker Preferences.csv": (
        "Locations",
        "Industries",
        "Company Employee Count",
        "Preferred Job Types",
        "Job Titles",
        "Open To Recruiters",
        "Dream Companies",
        "Profile Shared With Job Poster",
        "Job Title For Searching Fast Growing Companies",
        "Introduction Statement",
        "Phone Number",
        "Job Seeker Activity Level",
        "Preferred Start Time Range",
        "Commute Preference Starting Address",
        "Commute Preference Starting Time",
        "Mode Of Transportation",
        "Maximum Commute Duration",
        "Open Candidate Visibility",
        "Job Seeking Urgency Level",
    ),
    "Jobs/Saved Jobs.csv": ("Saved Date", "Job Url", "Job Title", "Company Name"),
}

_ZIP_TIME = (2026, 11, 1, 3, 12, 0)
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_OWNER_URL_PREFIX = "https://www.linkedin.com/in/"
_FOLLOWED = (
    ("Enel Green Power", "2024-06-11 18:22:04"),
    ("ERG", "2024-06-11 18:25:40"),
    ("Plenitude", "2024-09-02 08:11:57"),
    ("Renantis", "2024-11-19 21:03:12"),
    ("Vestas", "2025-01-08 12:44:30"),
    ("EDP Renewables", "2025-03-27 09:15:02"),
    ("Iberdrola", "2025-05-14 17:36:48"),
    ("AIDP - Associazione Italiana per la Direzione del Personale", "2016-02-03 10:02:11"),
    ("Sorgenia", "2026-02-20 13:30:00"),
    ("Edison Next", "2026-07-09 07:58:21"),
)
_SAVED_JOBS = (
    ("2026-03-04 14:15", "4312005871", "HR Business Partner", "Enel Green Power"),
    ("2026-05-21 09:02", "4375512093", "HR Manager - Renewables", "ERG"),
    ("2026-06-30 21:40", "4401277320", "People & Culture Manager", "Renantis"),
    ("2026-08-12 08:05", "4433901184", "HR Director Italy", "Vestas"),
    ("2026-09-17 19:27", "4462113579", "Talent Acquisition Lead", "Plenitude"),
    ("2026-10-22 12:58", "4490675532", "HR Business Partner, Wind & Solar", "Sorgenia"),
)
_SPONSORED = (
    (
        "Randstad Italia",
        "Nuove opportunità HR",
        "Elena, scopri le posizioni HR più richieste del 2026: scarica la guida.",
    ),
    (
        "LinkedIn Learning",
        "Corsi consigliati per te",
        "Sviluppa la tua carriera con i corsi su leadership, people analytics e ESG.",
    ),
)


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> tuple[str, list[int]]:
    """CSV as LinkedIn writes it (LF, minimal quoting, no final newline) and the physical
    line each row starts on (the header is line 1).

    Examples
    --------
    >>> csv_text(["A", "B"], [["x", "1,2"], ["multi\\nline", "y"], ["z", ""]])
    ('A,B\\nx,"1,2"\\n"multi\\nline",y\\nz,', [2, 3, 5])
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def render(row: Sequence[str]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        return buffer.getvalue()

    chunks = [render(header)]
    line = 2
    starts = []
    for row in rows:
        text = render(row)
        chunks.append(text)
        starts.append(line)
        line += text.count("\n")
    return "".join(chunks)[:-1], starts


def _utc(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC"


def _local(moment: datetime) -> datetime:
    return moment + rome_offset(moment)


def _short_us(moment: datetime, *, pad: bool = False) -> str:
    """``1/29/26, 2:37 PM`` (or ``01/29/26, 02:37 PM`` with ``pad``), in Milan time."""
    local = _local(moment)
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    if pad:
        return f"{local:%m/%d/%y}, {hour:02d}:{local:%M} {half}"
    return f"{local.month}/{local.day}/{local:%y}, {hour}:{local:%M} {half}"


def _java_date(moment: datetime) -> str:
    """``Wed Jun 24 12:43:42 UTC 2026``, the way Java prints a date."""
    day, month = _DAYS[moment.weekday()], _MONTHS[moment.month - 1]
    return f"{day} {month} {moment.day:02d} {moment:%H:%M:%S} UTC {moment.year}"


def _month_year(day: Any) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}" if day else ""


def _zip_member(archive: zipfile.ZipFile, name: str, text: str) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    archive.writestr(info, text.encode("utf-8"), compresslevel=9)


class _People:
    """Names and profile URLs as LinkedIn shows them, for contacts, outsiders and the owner."""

    def __init__(self, world: World) -> None:
        self.world = world
        owner = world.owner
        self.owner_url = _OWNER_URL_PREFIX + owner.linkedin_slug

    def first_last(self, key: str) -> tuple[str, str]:
        if key == OWNER:
            return self.world.owner.first_name, self.world.owner.last_name
        try:
            person = self.world.person(key)
        except KeyError:
            outsider = self.world.outsider(key)
            return outsider.first_name, outsider.last_name
        return person.first_name, person.last_name

    def name(self, key: str) -> str:
        return " ".join(part for part in self.first_last(key) if part)

    def url(self, key: str) -> str:
        if key == OWNER:
            return self.owner_url
        try:
            return self.world.person(key).linkedin_url
        except KeyError:
            slug = self.world.outsider(key).linkedin_slug
            return f"{_OWNER_URL_PREFIX}{slug}" if slug else ""

    def pid(self, key: str) -> str:
        return "li:" + self.url(key).rsplit("/", 1)[1]


def _messages(world: World, people: _People, rng: random.Random) -> tuple[str, dict[str, Any]]:
    """``messages.csv``: every LinkedIn message, two sponsored ones and a draft."""
    linkedin = [m for m in world.messages if m.channel == "linkedin"]
    ids: dict[str, str] = {}
    titles: dict[str, str] = {}
    for message in linkedin:
        if message.conversation not in ids:
            ids[message.conversation] = "2-" + base64.b64encode(rng.randbytes(30)).decode()
            if len(message.recipients) > 1 and rng.random() < 0.6:
                titles[message.conversation] = rng.choice(
                    ("Ex colleghi", "Caffè HR Milano", "Progetto welfare", "Rinnovabili & HR")
                )
    one_to_one = [m for m in linkedin if len(m.recipients) == 1]
    multiline = set(rng.sample(range(len(one_to_one)), min(3, len(one_to_one))))
    entries: list[tuple[datetime, str, list[str], str]] = []
    for index, message in enumerate(one_to_one):
        if index in multiline:
            other = message.recipients[0] if message.sender == OWNER else message.sender
            first = plain_name(people.first_last(other)[0])
            content = f"Ciao {first},\n{message.text}"
            entries.append(
                (message.when, "multiline", _row(message, people, ids, titles, content), "")
            )
    multiline_messages = {id(one_to_one[i]) for i in multiline}
    for message in linkedin:
        if id(message) not in multiline_messages:
            entries.append((message.when, "message", _row(message, people, ids, titles), ""))
    # Sponsored messages: no sender profile URL.
    for number, (sender, subject, content) in enumerate(_SPONSORED):
        when = datetime(2026, 9 - 5 * number, 14 + number, 9, 30, 0)
        entries.append(
            (
                when,
                "sponsored",
                [
                    "2-" + base64.b64encode(rng.randbytes(30)).decode(),
                    "Sponsored Conversation",
                    sender,
                    "",
                    people.name(OWNER),
                    people.owner_url,
                    _utc(when),
                    subject,
                    content,
                    "INBOX",
                    "",
                    "No",
                    "No",
                ],
                "",
            )
        )
    # A draft the owner never sent, in the conversation with her closest contact.
    strong = sorted(
        {m.recipients[0] for m in one_to_one if m.sender == OWNER}
        & {p.key for p in world.people if p.tie == "strong"}
    )
    if strong:
        key = rng.choice(strong)
        last = max((m for m in one_to_one if key in m.participants), key=lambda m: m.when)
        draft = SampleMessage(
            "linkedin",
            OWNER,
            (key,),
            last.when.replace(second=59),
            last.conversation,
            "",
            "Ti scrivo appena ho novità su",
        )
        row = _row(draft, people, ids, titles)
        row[11] = "Yes"
        entries.append((draft.when, "draft", row, ""))
    entries.sort(key=lambda e: (e[0], e[2][0], e[2][2]), reverse=True)
    text, starts = csv_text(MEMBER_HEADERS["messages.csv"], [e[2] for e in entries])
    lines: dict[str, list[int]] = {"sponsored": [], "draft": [], "multiline": []}
    for (_, kind, _, _), line in zip(entries, starts, strict=True):
        if kind in lines:
            lines[kind].append(line)

    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    contacts: set[str] = set()
    for message in linkedin:
        others = sorted(people.pid(k) for k in message.participants if k != OWNER)
        contacts.update(others)
        for i, a in enumerate(others):
            for b in others[i + 1 :]:
                entry = pairs.setdefault(
                    (a, b), {"messages": 0, "conversations": set(), "last": ""}
                )
                entry["messages"] += 1
                entry["conversations"].add(message.conversation)
                entry["last"] = max(entry["last"], message.when.date().isoformat())
    groups = {m.conversation for m in linkedin if len(m.recipients) > 1}
    manifest = {
        "file": "messages.csv",
        "rows": len(entries),
        "accepted": len(linkedin),
        "skipped": {"sponsored": len(lines["sponsored"]), "draft": len(lines["draft"])},
        "skipped_lines": {"sponsored": lines["sponsored"], "draft": lines["draft"]},
        "duplicates": 0,
        "duplicate_lines": [],
        "rejected": 0,
        "rejected_lines": [],
        "multiline_lines": lines["multiline"],
        "notes": [
            "Sponsored rows (empty SENDER PROFILE URL) and drafts (IS MESSAGE DRAFT Yes) are "
            "skipped.",
            "pairs: two people besides the owner in one thread; 'messages' counts the accepted "
            "messages of such threads.",
        ],
        "contacts": len(contacts),
        "counts": {
            "messages": len(linkedin),
            "conversations": len({m.conversation for m in linkedin}),
            "group_conversations": len(groups),
            "sent": sum(1 for m in linkedin if m.sender == OWNER),
            "received": sum(1 for m in linkedin if m.sender != OWNER),
        },
        "pairs": [
            {
                "a": a,
                "b": b,
                "kind": "message",
                "messages": entry["messages"],
                "conversations": len(entry["conversations"]),
                "last_contact": entry["last"],
            }
            for (a, b), entry in sorted(pairs.items())
        ],
    }
    return text, manifest


def _row(
    message: SampleMessage,
    people: _People,
    ids: dict[str, str],
    titles: dict[str, str],
    content: str | None = None,
) -> list[str]:
    return [
        ids[message.conversation],
        titles.get(message.conversation, ""),
        people.name(message.sender),
        people.url(message.sender),
        ", ".join(people.name(k) for k in message.recipients),
        ",".join(people.url(k) for k in message.recipients),
        _utc(message.when),
        message.subject,
        message.text if content is None else content,
        "INBOX",
        "",
        "No",
        "No",
    ]


def _invitations(world: World, people: _People) -> tuple[str, dict[str, Any]]:
    invitations = sorted(world.invitations, key=lambda i: (i.when, i.sender), reverse=True)
    rows = [
        [
            people.name(i.sender),
            people.name(i.recipient),
            _short_us(i.when),
            i.note,
            "OUTGOING" if i.sender == OWNER else "INCOMING",
            people.url(i.sender),
            people.url(i.recipient),
        ]
        for i in invitations
    ]
    text, _ = csv_text(MEMBER_HEADERS["Invitations.csv"], rows)
    invited_by = {}
    for i in invitations:
        other = i.recipient if i.sender == OWNER else i.sender
        invited_by[people.pid(other)] = "ego" if i.sender == OWNER else "alter"
    return text, {
        "file": "Invitations.csv",
        "rows": len(rows),
        "accepted": len(rows),
        "skipped": {},
        "duplicates": 0,
        "rejected": 0,
        "contacts": len(invited_by),
        "counts": {
            "incoming": sum(1 for i in invitations if i.sender != OWNER),
            "outgoing": sum(1 for i in invitations if i.sender == OWNER),
            "with_note": sum(1 for i in invitations if i.note),
        },
        "invited_by": dict(sorted(invited_by.items())),
        "notes": ["pending people are not connections: they appear only here."],
        "pending": sorted(
            people.pid(i.recipient if i.sender == OWNER else i.sender)
            for i in invitations
            if not i.accepted
        ),
    }


def _endorsements(world: World, people: _People, received: bool) -> tuple[str, dict[str, Any]]:
    name = "Endorsement_Received_Info.csv" if received else "Endorsement_Given_Info.csv"
    chosen = [e for e in world.endorsements if (e.endorsee == OWNER) == received]
    chosen.sort(key=lambda e: (e.when, e.skill), reverse=True)
    rows = []
    for e in chosen:
        other = e.endorser if received else e.endorsee
        first, last = people.first_last(other)
        url = people.url(other).replace("https://", "")
        rows.append([f"{e.when:%Y/%m/%d %H:%M:%S} UTC", e.skill, first, last, url, e.status])
    text, starts = csv_text(MEMBER_HEADERS[name], rows)
    statuses = Counter(e.status for e in chosen)
    accepted = [e for e in chosen if e.status == "ACCEPTED"]
    per_person = Counter(people.pid(e.endorser if received else e.endorsee) for e in accepted)
    return text, {
        "file": name,
        "rows": len(rows),
        "accepted": len(accepted),
        "skipped": {status: n for status, n in sorted(statuses.items()) if status != "ACCEPTED"},
        "duplicates": 0,
        "rejected": 0,
        "contacts": len(per_person),
        "statuses": dict(sorted(statuses.items())),
        "notes": ["Only ACCEPTED endorsements count; HIDDEN and PENDING rows are skipped."],
        "not_accepted_lines": {
            status: [line for e, line in zip(chosen, starts, strict=True) if e.status == status]
            for status in sorted(statuses)
            if status != "ACCEPTED"
        },
        "per_person": dict(sorted(per_person.items())),
    }


def _recommendations(world: World, people: _People, received: bool) -> tuple[str, dict[str, Any]]:
    name = "Recommendations_Received.csv" if received else "Recommendations_Given.csv"
    chosen = [r for r in world.recommendations if (r.recipient == OWNER) == received]
    chosen.sort(key=lambda r: r.when, reverse=True)
    rows = []
    joins = []
    for r in chosen:
        other = r.author if received else r.recipient
        person = world.person(other)
        rows.append(
            [
                person.first_name,
                person.last_name,
                person.company_text,
                person.title,
                r.text,
                _short_us(r.when, pad=True),
                r.status,
            ]
        )
        joins.append(people.pid(other))
    text, starts = csv_text(MEMBER_HEADERS[name], rows)
    return text, {
        "file": name,
        "rows": len(rows),
        "accepted": len(rows),
        "skipped": {},
        "duplicates": 0,
        "rejected": 0,
        "contacts": len(set(joins)),
        "joins": [{"line": line, "id": pid} for line, pid in zip(starts, joins, strict=True)],
        "notes": [
            "No profile URL: each row joins the one connection with its first and last name."
        ],
        "statuses": dict(sorted(Counter(r.status for r in chosen).items())),
    }


def _owner_members(world: World) -> dict[str, str]:
    owner = world.owner
    positions = []
    for p in owner.positions:
        org = world.organisation(p.organisation)
        positions.append(
            [
                org.name,
                p.title,
                "Business partnering, selezione, sviluppo e welfare." if p.end is None else "",
                f"{org.city}, Italia" if org.country == "Italy" else f"{org.city}, {org.country}",
                _month_year(p.start),
                _month_year(p.end),
            ]
        )
    education = [
        [
            world.organisation(e.organisation).name,
            str(e.start.year),
            str(e.end.year) if e.end else "",
            "",
            e.title,
            "Tesi sul benessere organizzativo",
        ]
        for e in owner.education
    ]
    profile = [
        [
            owner.first_name,
            owner.last_name,
            "",
            "",
            "",
            "HR Business Partner | People & Culture | Verso le rinnovabili",
            "HR Business Partner a Milano, 15 anni tra selezione, consulenza e industria.\n"
            "Cerco il prossimo passo nelle energie rinnovabili.",
            "Human Resources Services",
            "20121",
            "Milano, Lombardia, Italia",
            "",
            "",
            "",
        ]
    ]
    follows = [[name, _java_date(datetime.fromisoformat(when))] for name, when in _FOLLOWED]
    follows.reverse()
    preferences = [
        [
            "Milano, Lombardia, Italia; Lombardia, Italia",
            "Renewable Energy Power Generation; Renewable Energy Equipment Manufacturing",
            "201-500; 501-1000; 1001-5000; 5001-10000",
            "Full-time",
            "HR Director; HR Business Partner; People & Culture Manager",
            "Yes",
            "Enel Green Power; ERG; Plenitude; Renantis",
            "Yes",
            "HR Business Partner",
            "HR Business Partner con esperienza in industria e consulenza, "
            "cerco un ruolo HR nelle rinnovabili.",
            "",
            "Casually looking",
            "Immediately",
            "Milano",
            "",
            "Public transit",
            "45 minutes",
            "Recruiters only",
            "",
        ]
    ]
    saved = [
        [
            _short_us(datetime.fromisoformat(when) - rome_offset(datetime.fromisoformat(when))),
            f"https://www.linkedin.com/jobs/view/{job}/",
            title,
            company,
        ]
        for when, job, title, company in reversed(_SAVED_JOBS)
    ]
    texts = {
        "Positions.csv": positions,
        "Education.csv": education,
        "Profile.csv": profile,
        "Company Follows.csv": follows,
        "Jobs/Job Seeker Preferences.csv": preferences,
        "Jobs/Saved Jobs.csv": saved,
    }
    return {name: csv_text(MEMBER_HEADERS[name], rows)[0] for name, rows in texts.items()}


def write_linkedin_archive(
    world: World,
    path: str | os.PathLike[str],
    *,
    connections: bytes,
    connections_manifest: dict[str, Any],
) -> tuple[dict[str, Any], list[SourceRecord]]:
    """Write the complete LinkedIn data archive and return its manifest and identity records.

    Parameters
    ----------
    world : World
        The sample world.
    path : str or os.PathLike
        The zip to write (named like :data:`ARCHIVE_NAME`).
    connections : bytes
        The bytes of ``Connections.csv``, stored unchanged.
    connections_manifest : dict
        Its manifest (from :func:`netkit.sample.linkedin.write_connections_csv`).

    Returns
    -------
    manifest : dict
        ``file``, ``members`` (sorted names), ``contacts`` (distinct people in the whole
        archive, the owner excluded: connections plus pending invitations),
        ``organisations`` and one manifest per member under ``member_manifests``, each with
        the counts a reader following the brief must report.
    records : list of SourceRecord
        One per person id in the archive.

    Notes
    -----
    Members are stored sorted by name, deflated at level 9, dated 1 Nov 2026 03:12, with
    Unix permissions 0644, so the bytes depend only on the world. CSV members are UTF-8
    without BOM, LF, minimally quoted, without a final newline, as LinkedIn writes them.
    Recommendations carry no profile URL: each joins the one connection with its first
    and last name (``joins`` lists them). Only ACCEPTED endorsements count;
    ``not_accepted_lines`` lists the HIDDEN and PENDING rows, which a reader skips.
    """
    path = Path(path)
    rng = random.Random(f"netkit-sample:{world.seed}:linkedin-archive")
    people = _People(world)
    texts: dict[str, str] = {}
    manifests: dict[str, dict[str, Any]] = {
        "Connections.csv": {
            **connections_manifest,
            "accepted": connections_manifest["rows"]
            - connections_manifest["duplicates"]
            - connections_manifest["rejected"],
        }
    }
    texts["messages.csv"], manifests["messages.csv"] = _messages(world, people, rng)
    texts["Invitations.csv"], manifests["Invitations.csv"] = _invitations(world, people)
    for received in (True, False):
        text, manifest = _endorsements(world, people, received)
        texts[manifest["file"]], manifests[manifest["file"]] = text, manifest
        text, manifest = _recommendations(world, people, received)
        texts[manifest["file"]], manifests[manifest["file"]] = text, manifest
    texts.update(_owner_members(world))
    for name in texts:
        if name not in manifests:
            rows = len(list(csv.reader(io.StringIO(texts[name], newline="")))) - 1
            manifests[name] = {"file": name, "rows": rows, "accepted": rows}
    names = sorted([*texts, "Connections.csv"])
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            if name == "Connections.csv":
                _zip_member(archive, name, connections.decode("utf-8"))
            else:
                _zip_member(archive, name, texts[name])

    book = RecordBook("archive")
    for person in world.people:
        org = person.company_text if person.organisation else ""
        book.add(
            people.pid(person.key),
            person.key,
            name=person.full_name,
            emails=[person.email] if person.email else [],
            org=org,
        )
    for invitation in world.invitations:
        for key in (invitation.sender, invitation.recipient):
            if key != OWNER and not invitation.accepted:
                book.add(people.pid(key), key, name=people.name(key))
    records = book.records()
    organisations = {
        organisation_key(p.company_text) for p in world.people if p.organisation is not None
    }
    organisations |= {
        organisation_key(world.organisation(p.organisation).name)
        for p in (*world.owner.positions, *world.owner.education)
    }
    organisations.discard("")
    manifest = {
        "file": path.name,
        "members": names,
        "rows": sum(m["rows"] for m in manifests.values()),
        "contacts": len(records),
        "organisations": len(organisations),
        "followed_organisations": [name for name, _ in _FOLLOWED],
        "saved_job_companies": sorted({company for *_, company in _SAVED_JOBS}),
        "member_manifests": {name: manifests[name] for name in names},
    }
    return manifest, records
