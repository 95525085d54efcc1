"""The sample world's other exports: archive, vCards, mbox, calendar, declared ties.

Every file is parsed here with the standard library only (zipfile, csv, email, a plain
unfolding of the .vcf and .ics lines), and what is found is compared with the truth that
``write_sample`` returns: the manifests, the per-person interactions, the observed ties and
the identity truth (checked with an independent resolver written from the brief's rules).
"""

from __future__ import annotations

import csv
import difflib
import email.policy
import io
import quopri
import re
import unicodedata
import zipfile
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from email.header import decode_header, make_header
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr
from pathlib import Path

import pytest

from netkit.sample.archive import MEMBER_HEADERS
from netkit.sample.world import OWNER, SAMPLE_FILES, World, generate_world, write_sample
from netkit.schema import fold, organisation_key

EXPORT = date(2026, 11, 1)
BRIEF_MESSAGES_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT"
)
NO_REPLY = {
    "no-reply",
    "noreply",
    "donotreply",
    "do-not-reply",
    "mailer-daemon",
    "notifications",
    "notification",
    "newsletter",
}


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("exports")
    return folder, write_sample(folder)


@pytest.fixture(scope="module")
def truth(sample: tuple[Path, dict]) -> dict:
    return sample[1]


@pytest.fixture(scope="module")
def archive(sample: tuple[Path, dict]) -> zipfile.ZipFile:
    return zipfile.ZipFile(sample[0] / SAMPLE_FILES["archive"])


def physical_rows(text: str) -> list[tuple[int, list[str]]]:
    """Every CSV record with the physical line it starts on (1-based)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, previous = [], 0
    for row in reader:
        rows.append((previous + 1, row))
        previous = reader.line_num
    return rows


def member(archive: zipfile.ZipFile, name: str) -> list[tuple[int, list[str]]]:
    return physical_rows(archive.read(name).decode("utf-8"))


def keys_by_url(world: World) -> dict[str, str]:
    urls = {p.linkedin_url: p.key for p in world.people}
    urls[f"https://www.linkedin.com/in/{world.owner.linkedin_slug}"] = OWNER
    for outsider in world.outsiders:
        if outsider.linkedin_slug:
            urls[f"https://www.linkedin.com/in/{outsider.linkedin_slug}"] = outsider.key
    return urls


def keys_by_email(world: World) -> dict[str, str]:
    found = {e: r.key for r in world.reach for e in r.emails}
    found[world.owner.email] = OWNER
    found["elena.marchetti@accenture.example"] = OWNER
    return found


def unfold(data: bytes) -> list[str]:
    """Content lines of a .vcf/.ics file: CRLF + space or tab continues a line."""
    return re.sub(r"\r\n[ \t]", "", data.decode("utf-8")).split("\r\n")


def expected_counts(truth: dict, channel: str) -> dict[str, tuple[int, int]]:
    return {
        key: (block[channel]["messages_sent"], block[channel]["messages_received"])
        for key, block in truth["interactions"].items()
        if channel in block
    }


# ------------------------------------------------------------------------------ manifests


def test_every_manifest_balances(truth: dict):
    manifests = [truth[s] for s in ("vcard", "mbox", "calendar", "declared")]
    manifests += [m for m in truth["archive"]["member_manifests"].values() if "skipped" in m]
    for m in manifests:
        skipped = sum(m["skipped"].values())
        assert m["rows"] == m["accepted"] + skipped + m["duplicates"] + m["rejected"], m["file"]
        for kind in ("duplicate", "rejected"):
            if f"{kind}_lines" in m:
                assert len(m[f"{kind}_lines"]) == m[f"{kind}s" if kind == "duplicate" else kind]


def test_files_are_small_and_sized_as_asked(sample: tuple[Path, dict]):
    folder, truth = sample
    sizes = {p.name: p.stat().st_size for p in folder.iterdir()}
    assert sum(sizes.values()) < 4_000_000
    assert sizes["truth.json"] < 3_000_000
    assert sizes["mail.mbox"] < 1_000_000
    assert 150 <= truth["vcard"]["rows"] <= 250
    assert 400 <= truth["mbox"]["rows"] <= 800
    assert 100 <= truth["calendar"]["rows"] <= 200
    assert 18 <= truth["declared"]["rows"] <= 25
    assert truth["files"] == {name: sizes[name] for name in SAMPLE_FILES.values()}


# ------------------------------------------------------------------------------ the archive


def test_archive_is_a_reproducible_zip_holding_connections(sample, archive, truth):
    folder, _ = sample
    infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names) == truth["archive"]["members"]
    assert SAMPLE_FILES["archive"] == "Complete_LinkedInDataExport_11-01-2026.zip"
    assert archive.testzip() is None
    assert {i.date_time for i in infos} == {(2026, 11, 1, 3, 12, 0)}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}
    assert archive.read("Connections.csv") == (folder / "Connections.csv").read_bytes()
    assert {"Jobs/Job Seeker Preferences.csv", "Jobs/Saved Jobs.csv", "messages.csv"} <= set(names)


def test_archive_members_have_the_exact_headers(archive, truth):
    assert archive.read("messages.csv").decode().split("\n", 1)[0] == BRIEF_MESSAGES_HEADER
    manifests = truth["archive"]["member_manifests"]
    for name, header in MEMBER_HEADERS.items():
        rows = member(archive, name)
        assert tuple(rows[0][1]) == header, name
        assert all(len(row) == len(header) for _, row in rows), name
        assert len(rows) - 1 == manifests[name]["rows"], name
        assert not archive.read(name).startswith(b"\xef\xbb\xbf")
    header, values = (r for _, r in member(archive, "Jobs/Job Seeker Preferences.csv"))
    preferences = dict(zip(header, values, strict=True))
    assert "Milano" in preferences["Locations"] and "Lombardia" in preferences["Locations"]
    assert "Renewable Energy" in preferences["Industries"]
    assert {"HR Director", "HR Business Partner"} <= set(preferences["Job Titles"].split("; "))
    assert {"Enel Green Power", "ERG"} <= set(preferences["Dream Companies"].split("; "))
    follows = member(archive, "Company Follows.csv")[1:]
    assert all(re.fullmatch(r"\w{3} \w{3} \d\d \d\d:\d\d:\d\d UTC \d{4}", r[1]) for _, r in follows)
    profile = member(archive, "Profile.csv")
    assert profile[1][1][:2] == ["Elena", "Marchetti"]
    positions = member(archive, "Positions.csv")[1:]
    assert positions[0][1][5] == "" and all(
        re.fullmatch(r"\w{3} \d{4}", r[4]) for _, r in positions
    )
    saved = member(archive, "Jobs/Saved Jobs.csv")[1:]
    assert {r[3] for _, r in saved} == set(truth["archive"]["saved_job_companies"])


def test_messages_csv_rows_quirks_and_counts(archive, truth, world):
    m = truth["archive"]["member_manifests"]["messages.csv"]
    rows = member(archive, "messages.csv")[1:]
    by_line = dict(rows)
    for line in m["skipped_lines"]["sponsored"]:
        assert by_line[line][3] == "" and by_line[line][2]
    for line in m["skipped_lines"]["draft"]:
        assert by_line[line][11] == "Yes"
    assert m["multiline_lines"]
    for line in m["multiline_lines"]:
        assert "\n" in by_line[line][8] and "," in by_line[line][8]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", r[6]) for _, r in rows)
    dates = [r[6] for _, r in rows]
    assert dates == sorted(dates, reverse=True)

    urls = keys_by_url(world)
    skipped = set(m["skipped_lines"]["sponsored"]) | set(m["skipped_lines"]["draft"])
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    pairs: Counter[tuple[str, str]] = Counter()
    conversations = set()
    for line, row in rows:
        if line in skipped:
            continue
        conversations.add(row[0])
        sender = urls[row[3]]
        recipients = [urls[u] for u in row[5].split(",")]
        assert OWNER in (sender, *recipients)
        if sender == OWNER:
            for key in recipients:
                counts[key][0] += 1
        else:
            counts[sender][1] += 1
        others = sorted(k for k in (sender, *recipients) if k != OWNER)
        for i, a in enumerate(others):
            for b in others[i + 1 :]:
                pairs[(a, b)] += 1
    assert len(rows) - len(skipped) == m["accepted"] == m["counts"]["messages"]
    assert len(conversations) == m["counts"]["conversations"]
    assert {k: tuple(v) for k, v in counts.items()} == expected_counts(truth, "linkedin")
    assert len(counts) <= m["contacts"]
    assert pairs and set(pairs) <= set(world.knows), "group threads are among people who know"
    by_id = {(p["a"], p["b"]): p["messages"] for p in m["pairs"]}
    slug = {p.key: f"li:{p.linkedin_slug}" for p in world.people}
    assert {tuple(sorted((slug[a], slug[b]))): n for (a, b), n in pairs.items()} == by_id


def test_invitations_endorsements_and_recommendations(archive, truth, world):
    manifests = truth["archive"]["member_manifests"]
    urls = keys_by_url(world)
    invitations = member(archive, "Invitations.csv")[1:]
    assert all(
        re.fullmatch(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M", r[2]) for _, r in invitations
    )
    assert {r[4] for _, r in invitations} == {"INCOMING", "OUTGOING"}
    assert any(r[3] for _, r in invitations) and any(not r[3] for _, r in invitations)
    invited = {}
    for _, r in invitations:
        inviter, invitee = urls[r[5]], urls[r[6]]
        invited[invitee if inviter == OWNER else inviter] = "ego" if inviter == OWNER else "alter"
    assert invited == {
        k: b["invited_by"] for k, b in truth["interactions"].items() if "invited_by" in b
    }
    pending = {k for k in invited if k.startswith("x")}
    assert len(pending) == 3 == len(manifests["Invitations.csv"]["pending"])

    for name, field in (
        ("Endorsement_Received_Info.csv", "endorsements_received"),
        ("Endorsement_Given_Info.csv", "endorsements_given"),
    ):
        rows = member(archive, name)[1:]
        assert all(re.fullmatch(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d UTC", r[0]) for _, r in rows)
        assert all(r[4].startswith("www.linkedin.com/in/") for _, r in rows)
        statuses = Counter(r[5] for _, r in rows)
        assert statuses["ACCEPTED"] > 20 and set(statuses) == {"ACCEPTED", "HIDDEN", "PENDING"}
        by_line = dict(rows)
        for status, lines in manifests[name]["not_accepted_lines"].items():
            assert [by_line[line][5] for line in lines] == [status] * len(lines)
            assert manifests[name]["skipped"][status] == len(lines)
        per = Counter(urls["https://" + r[4]] for _, r in rows if r[5] == "ACCEPTED")
        assert per == {k: b[field] for k, b in truth["interactions"].items() if field in b}

    names = Counter((p.first_name, p.last_name) for p in world.people)
    for name, field in (
        ("Recommendations_Received.csv", "recommendations_received"),
        ("Recommendations_Given.csv", "recommendations_given"),
    ):
        rows = member(archive, name)[1:]
        joined = Counter()
        for (line, r), join in zip(rows, manifests[name]["joins"], strict=True):
            assert join["line"] == line
            assert names[(r[0], r[1])] == 1, "a recommendation joins one connection by name"
            (person,) = [p for p in world.people if (p.first_name, p.last_name) == (r[0], r[1])]
            assert join["id"] == f"li:{person.linkedin_slug}" and r[2] == person.company_text
            assert re.fullmatch(r"\d\d/\d\d/\d\d, \d\d:\d\d [AP]M", r[5])
            joined[person.key] += 1
        assert joined == {k: b[field] for k, b in truth["interactions"].items() if field in b}


# ------------------------------------------------------------------------------ vCard


def vcards(data: bytes) -> list[tuple[int, list[str]]]:
    """Each card with the physical line of its BEGIN and its unfolded lines."""
    physical = data.decode("utf-8").split("\r\n")
    cards, current, start = [], [], 0
    for number, text in enumerate(physical, start=1):
        if text.startswith((" ", "\t")):
            current[-1] += text[1:]
        elif text == "BEGIN:VCARD":
            current, start = [text], number
        elif text:
            current.append(text)
            if text == "END:VCARD":
                cards.append((start, current))
    return cards


def test_vcard_file_parses_with_its_quirks(sample, truth, world):
    folder, _ = sample
    data = (folder / "contacts.vcf").read_bytes()
    m = truth["vcard"]
    assert data.count(b"\n") == data.count(b"\r\n") and data.endswith(b"END:VCARD\r\n")
    physical = data.decode("utf-8").split("\r\n")
    assert max(len(line.encode()) for line in physical) <= 75
    assert sum(line.startswith(" ") for line in physical) >= m["folded_lines"] > 20
    cards = vcards(data)
    assert len(cards) == m["rows"] == data.count(b"BEGIN:VCARD")
    assert unfold(data).count("END:VCARD") == len(cards)

    broken = [(start, lines) for start, lines in cards if any(":" not in t for t in lines)]
    assert [start for start, _ in broken] == m["rejected_lines"]
    assert ":" not in physical[m["broken_line"] - 1]
    assert physical[m["rejected_lines"][0] - 1] == "BEGIN:VCARD"

    versions = Counter(next(t for t in lines if t.startswith("VERSION:"))[8:] for _, lines in cards)
    assert versions == m["versions"] and versions["2.1"] >= 2 and versions["4.0"] == 1
    assert versions["3.0"] > 0.9 * len(cards)
    for _, lines in cards:
        if "VERSION:2.1" in lines:
            fn = next(t for t in lines if t.startswith("FN;"))
            assert "ENCODING=QUOTED-PRINTABLE" in fn
            name = quopri.decodestring(fn.split(":", 1)[1]).decode("utf-8")
            assert not name.isascii()

    expected = {c["line"]: c for c in m["cards"]}
    urls = 0
    for start, lines in cards:
        if start in m["rejected_lines"]:
            continue
        card = expected[start]
        text = "\n".join(lines)
        url = re.search(r"^item(\d+)\.URL:https\\://www\.linkedin\.com/in/([^\s]+)$", text, re.M)
        emails = [t.split(":", 1)[1] for t in lines if t.startswith("EMAIL")]
        fn = next(t for t in lines if t.startswith("FN"))
        if url:
            assert f"item{url.group(1)}.X-ABLabel:linkedin" in lines
            assert card["id"] == f"li:{url.group(2)}"
            urls += 1
        elif emails:
            assert card["id"] == f"mail:{emails[0].lower()}"
        else:
            name = fn.split(":", 1)[1].replace("\\", "")
            if "QUOTED-PRINTABLE" in fn:
                name = quopri.decodestring(name).decode("utf-8")
            assert card["id"] == f"name:{fold(name)}"
        adr = next((t for t in lines if t.startswith("ADR")), None)
        if adr:
            parts = adr.split(":", 1)[1].split(";")
            assert (parts[3], parts[4], parts[6]) == (card["city"], card["region"], card["country"])
        else:
            assert "city" not in card
    assert urls == m["with_linkedin_url"] >= 30
    assert m["accepted"] == len(m["cards"]) and m["contacts"] == len({c["id"] for c in m["cards"]})
    assert m["organisations"] == len(
        {organisation_key(r[5]) for r in truth["identity"]["record_list"] if r[0] == "vcard"} - {""}
    )
    owner = world.owner
    assert b"FN:Elena Marchetti\r\n" not in data and owner.email.encode() not in data
    roles = {world.outsider(c["key"]).role for c in m["cards"] if c["key"].startswith("x")}
    assert {"family", "plumber", "doctor"} <= roles
    regions = Counter(c.get("region") for c in m["cards"])
    assert regions["Lombardia"] > 50 and len(regions) > 4


# ------------------------------------------------------------------------------ mbox


def mbox_messages(data: bytes) -> list[tuple[int, bytes]]:
    """(line of the From_ separator, bytes) of each message, split the mboxrd way."""
    lines = data.split(b"\n")
    starts = [
        i
        for i, text in enumerate(lines)
        if text.startswith(b"From ") and (i == 0 or not lines[i - 1])
    ]
    return [
        (start + 1, b"\n".join(lines[start : (starts[n + 1] if n + 1 < len(starts) else None)]))
        for n, start in enumerate(starts)
    ]


def decoded(value: str | None) -> str:
    return str(make_header(decode_header(value))) if value else ""


def test_mbox_parses_and_agrees_with_the_truth(sample, truth, world):
    folder, _ = sample
    data = (folder / "mail.mbox").read_bytes()
    m = truth["mbox"]
    messages = mbox_messages(data)
    assert len(messages) == m["rows"]
    parser = BytesParser(policy=email.policy.compat32)
    by_line = {}
    for line, raw in messages:
        body = raw.split(b"\n", 1)[1]
        by_line[line] = parser.parsebytes(body)
    skipped_lines = {line for lines in m["skipped_lines"].values() for line in lines}
    special = skipped_lines | set(m["duplicate_lines"]) | set(m["rejected_lines"])
    assert len(special) == m["rows"] - m["accepted"]

    (bad,) = m["rejected_lines"]
    assert by_line[bad]["From"] is None and by_line[bad]["Date"] is None
    seen_ids: list[str] = []
    for line in sorted(by_line):
        message = by_line[line]
        if line in m["duplicate_lines"]:
            assert message["Message-ID"] in seen_ids
        elif line != bad:
            assert message["Message-ID"] not in seen_ids
            seen_ids.append(message["Message-ID"])
    for line in m["skipped_lines"]["no-reply sender"]:
        local = parseaddr(by_line[line]["From"])[1].split("@")[0].lower()
        assert local in NO_REPLY
    for line in m["skipped_lines"]["mailing list"]:
        msg = by_line[line]
        assert msg["List-Id"] or msg["List-Unsubscribe"] or msg["Precedence"] in ("bulk", "list")
    for line in m["skipped_lines"]["auto-submitted"]:
        assert by_line[line]["Auto-Submitted"] == "auto-replied"
    for line in m["skipped_lines"]["bulk"]:
        msg = by_line[line]
        assert len(getaddresses(msg.get_all("To", []) + msg.get_all("Cc", []))) > 10

    emails = keys_by_email(world)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    contacts: set[str] = set()
    owner_seen = set()
    for line, message in by_line.items():
        if line in special:
            continue
        assert not message["List-Id"] and not message["Auto-Submitted"]
        assert message["From"] and message["Date"]
        # parse the addresses first, then decode the names: a decoded name may hold a comma
        name, address = parseaddr(str(message["From"]))
        sender = (decoded(name), address)
        recipients = [
            (decoded(n), a)
            for n, a in getaddresses(
                [str(v) for v in message.get_all("To", []) + message.get_all("Cc", [])]
            )
        ]
        who = emails[sender[1].lower()]
        to = [emails[a.lower()] for _, a in recipients]
        owner_seen |= {a for _, a in [sender, *recipients] if emails[a.lower()] == OWNER}
        contacts |= {a.lower() for _, a in [sender, *recipients] if emails[a.lower()] != OWNER}
        if who == OWNER:
            for key in to:
                counts[key][0] += 1
        else:
            assert OWNER in to
            counts[who][1] += 1
        if line <= m["quirks"]["cp1252_header_line"] < line + 20:
            continue  # its From header is raw cp1252: checked below
        for name, address in [sender, *recipients]:
            reach = world.reach_of(emails[address.lower()])
            if reach is not None and name:
                assert name == reach.mail_name, (name, reach)
    assert {k: tuple(v) for k, v in counts.items()} == expected_counts(truth, "email")
    assert len(contacts) == m["contacts"]
    assert owner_seen == set(m["owner_addresses"])

    lines = data.split(b"\n")
    raw = lines[m["quirks"]["cp1252_header_line"] - 1]
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert raw.startswith(b"From: ") and not raw.decode("cp1252").isascii()
    assert lines[m["quirks"]["escaped_from_line"] - 1].startswith(b">From ")
    assert b"=?UTF-8?Q?" in data and b"=?UTF-8?B?" in data
    assert m["counts"]["bulk_recipients"] > 10


# ------------------------------------------------------------------------------ calendar


def ics_events(data: bytes) -> list[tuple[int, list[str]]]:
    physical = data.decode("utf-8").split("\r\n")
    events, current, start = [], [], 0
    for number, text in enumerate(physical, start=1):
        if text.startswith((" ", "\t")):
            current[-1] += text[1:]
            continue
        if text == "BEGIN:VEVENT":
            current, start = [], number
        current.append(text)
        if text == "END:VEVENT":
            events.append((start, current))
    return events


def params(line: str) -> tuple[str, dict[str, str], str]:
    """Name, parameters and value of a content line (quoted parameter values allowed)."""
    match = re.match(r'^((?:[^:"]|"[^"]*")*):(.*)$', line)
    assert match, line
    head, value = match.group(1), match.group(2)
    name, *rest = re.findall(r'(?:[^;"]|"[^"]*")+', head)
    return name, dict(p.split("=", 1) for p in rest), value


def test_calendar_parses_and_agrees_with_the_truth(sample, truth, world):
    folder, _ = sample
    data = (folder / "calendar.ics").read_bytes()
    m = truth["calendar"]
    physical = data.decode("utf-8").split("\r\n")
    assert max(len(line.encode()) for line in physical) <= 75
    events = ics_events(data)
    assert len(events) == m["rows"] == data.count(b"BEGIN:VEVENT")
    by_line = dict(events)
    (cancelled,) = m["skipped_lines"]["cancelled"]
    assert "STATUS:CANCELLED" in by_line[cancelled]
    (bad,) = m["rejected_lines"]
    (recurring,) = m["recurring_lines"]
    assert any(t.startswith("RRULE:FREQ=WEEKLY") for t in by_line[recurring])
    (all_day,) = m["all_day_lines"]
    assert any(t.startswith("DTSTART;VALUE=DATE:") for t in by_line[all_day])
    assert b"CUTYPE=ROOM" in data and b"PARTSTAT=DECLINED" in data and b"TZID=Europe/Rome" in data
    for line in m["fold_in_parameter_lines"][:20]:
        first = physical[line - 1]
        assert ";" in first and physical[line].startswith(" ")
    assert any(":" not in physical[line - 1] for line in m["fold_in_parameter_lines"])

    emails = keys_by_email(world)
    meetings: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    contacts = set()
    for start, lines in events:
        props = [params(t) for t in lines[1:-1]]
        value = {name: (p, v) for name, p, v in props}
        raw_start = value["DTSTART"][1]
        form = "%Y%m%d" if value["DTSTART"][0].get("VALUE") == "DATE" else "%Y%m%dT%H%M%S"
        if start == bad:
            with pytest.raises(ValueError, match=r"does not match format|unconverted|range"):
                datetime.strptime(raw_start.rstrip("Z"), form)
            continue
        datetime.strptime(raw_start.rstrip("Z"), form)
        if value["STATUS"][1] == "CANCELLED":
            continue
        people = set()
        for name, p, v in props:
            if name in ("ORGANIZER", "ATTENDEE") and p.get("CUTYPE", "INDIVIDUAL") == "INDIVIDUAL":
                if p.get("PARTSTAT") == "DECLINED":
                    assert {"line": start, "id": f"mail:{v[7:]}"} in m["declined"]
                    continue
                people.add(emails[v[7:].lower()])
                contacts.add(v[7:].lower())
        others = sorted(people - {OWNER})
        assert OWNER in people
        if len(others) > 10:
            assert start in m["bulk_lines"] == m["skipped_lines"]["bulk"]
            continue
        meetings.update(others)
        for i, a in enumerate(others):
            for b in others[i + 1 :]:
                pairs[(a, b)] += 1
    contacts -= {world.owner.email}
    assert len(contacts) == m["contacts"]
    calendar = {
        k: b["calendar"]["meetings"] for k, b in truth["interactions"].items() if "calendar" in b
    }
    assert meetings == calendar
    assert sum(1 for p in pairs) == len(m["pairs"]) and set(pairs) <= set(world.knows)


# ------------------------------------------------------------------------------ declared ties


def test_declared_ties(sample, truth, world):
    folder, _ = sample
    data = (folder / "declared-ties.csv").read_bytes()
    m = truth["declared"]
    rows = physical_rows(data.decode("utf-8"))
    assert rows[0] == (1, ["person_a", "person_b", "note"])
    assert len(rows) - 1 == m["rows"]
    by_line = dict(rows)
    (rejected,) = m["rejected_lines"]
    assert "" in by_line[rejected][:2]
    (duplicate,) = m["duplicate_lines"]
    earlier = [frozenset(r[:2]) for line, r in rows[1:] if line < duplicate]
    assert frozenset(by_line[duplicate][:2]) in earlier
    forms = Counter(f for row in m["lines"] for f in row["forms"])
    assert {"name", "swapped", "no-accents", "initial", "email", "me"} <= set(forms)
    assert any("," in r[2] for _, r in rows[1:])
    for row in m["lines"]:
        a, b = sorted((row["a_key"], row["b_key"]))
        if OWNER not in (a, b):
            assert (a, b) in set(world.knows)
        for key, text in zip((row["a_key"], row["b_key"]), by_line[row["line"]][:2], strict=True):
            if key == OWNER:
                assert text.lower() == "me"


# ------------------------------------------------------------------------------ tie classes


def all_appearances(world: World) -> list[tuple[str, date]]:
    """Every (person, day) any interaction file shows, including cc, cancelled, declined."""
    seen = [(k, m.when.date()) for m in world.messages for k in m.participants]
    for meeting in world.meetings:
        seen += [(k, meeting.start.date()) for k in (meeting.organiser, *meeting.attendees)]
    seen += [(k, e.when.date()) for e in world.endorsements for k in (e.endorser, e.endorsee)]
    seen += [(k, r.when.date()) for r in world.recommendations for k in (r.author, r.recipient)]
    seen += [(k, i.when.date()) for i in world.invitations for k in (i.sender, i.recipient)]
    return [(k, d) for k, d in seen if k != OWNER]


def test_interactions_follow_the_planted_tie_classes(truth, world):
    interactions = truth["interactions"]
    dormant_limit = EXPORT - timedelta(days=round(3.5 * 365.25))
    for person in world.people:
        block = interactions.get(person.key, {})
        sent = sum(block.get(c, {}).get("messages_sent", 0) for c in ("linkedin", "email"))
        received = sum(block.get(c, {}).get("messages_received", 0) for c in ("linkedin", "email"))
        total = sent + received
        last = date.fromisoformat(block["last_contact"]) if "last_contact" in block else None
        if person.tie == "strong":
            assert 20 <= total <= 80 and sent and received, person.key
            assert last is not None and (EXPORT - last).days <= 60
        elif person.tie == "medium":
            assert 5 <= total <= 20 and last is not None and (EXPORT - last).days <= 365
        elif person.tie == "weak":
            assert 1 <= total <= 4 and last is not None and (EXPORT - last).days <= 3 * 365
        elif person.tie == "dormant":
            assert 3 <= total <= 30 and sent and received
            assert last is not None and last < dormant_limit
        else:
            assert person.key not in interactions
    colleagues = [p for p in world.members("current-employer") if p.tie == "strong"]
    with_meetings = [p for p in colleagues if "calendar" in interactions.get(p.key, {})]
    assert len(with_meetings) >= 0.9 * len(colleagues)
    ties = {p.key: p.tie for p in world.people}
    for key, day in all_appearances(world):
        assert ties.get(key) != "latent", key
        if ties.get(key) == "dormant":
            assert day < dormant_limit, (key, day)


def test_latent_contacts_appear_only_in_connections(sample, archive, truth, world):
    latent = [p for p in world.people if p.tie == "latent"]
    assert latent
    others = b"".join(archive.read(n) for n in archive.namelist() if n != "Connections.csv")
    for person in latent:
        assert person.linkedin_slug.encode() not in others
        assert world.reach_of(person.key) is None
    keys = {r[2] for r in truth["identity"]["record_list"] if r[0] != "archive"}
    assert not keys & {p.key for p in latent}


# ------------------------------------------------------------------------------ observed ties


def test_observed_ties_are_pairs_who_know_each_other_and_match_the_files(truth, world):
    knows = set(world.knows)
    observed = {(t["a"], t["b"]): t["kinds"] for t in truth["observed_ties"]}
    people_pairs = {pair for pair in observed if not any(k.startswith("x") for k in pair)}
    assert people_pairs == set(observed) and people_pairs <= knows
    assert {kind for kinds in observed.values() for kind in kinds} == {
        "message",
        "email",
        "meeting",
        "declared",
    }
    key_of = {(r[0], r[1]): r[2] for r in truth["identity"]["record_list"]}
    manifests = {
        "message": ("archive", truth["archive"]["member_manifests"]["messages.csv"]["pairs"]),
        "email": ("mbox", truth["mbox"]["pairs"]),
        "meeting": ("ics", truth["calendar"]["pairs"]),
        "declared": ("declared", truth["declared"]["pairs"]),
    }
    for kind, (source, pairs) in manifests.items():
        from_file = {tuple(sorted((key_of[source, p["a"]], key_of[source, p["b"]]))) for p in pairs}
        assert from_file == {pair for pair, kinds in observed.items() if kind in kinds}, kind


# ------------------------------------------------------------------------------ identity


CREDENTIALS = {"phd", "mba", "dott", "dottssa", "dr", "ing", "avv"}


def name_words(name: str) -> tuple[str, ...]:
    """Folded, accent-free words without punctuation, credentials or emoji, sorted."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("’", "")
    words = re.sub(r"[^a-z0-9]+", " ", text.translate(str.maketrans("øłß", "ols"))).split()
    return tuple(sorted(w for w in words if w not in CREDENTIALS))


def resolve(records: list[list]) -> tuple[list[set[int]], list[set[int]]]:
    """The brief's resolver, written independently: slug, e-mail, name, initial, fuzzy.

    Returns the clusters (sets of record indices) and the possible duplicates (groups of
    clusters a name joins but a conflict keeps apart).
    """
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    first: dict[str, int] = {}
    for i, (_, pid, _, _, emails, _) in enumerate(records):
        for key in [pid, *[f"mail:{e}" for e in emails]]:
            if key.startswith("name:"):
                continue
            if key in first:
                union(i, first[key])
            else:
                first[key] = i

    def clusters() -> dict[int, dict]:
        out: dict[int, dict] = {}
        for i, (_, pid, _, names, emails, org) in enumerate(records):
            c = out.setdefault(
                find(i), {"slugs": set(), "emails": set(), "orgs": set(), "names": set()}
            )
            if pid.startswith("li:"):
                c["slugs"].add(pid)
            c["emails"] |= set(emails)
            if organisation_key(org):
                c["orgs"].add(organisation_key(org))
            c["names"] |= {name_words(n) for n in names if name_words(n)}
        return out

    def conflict(a: dict, b: dict) -> bool:
        return any(a[f] and b[f] and not a[f] & b[f] for f in ("slugs", "emails", "orgs"))

    duplicates: list[set[int]] = []
    changed = True
    while changed:
        changed = False
        groups = clusters()
        by_name: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for root, c in groups.items():
            for name in c["names"]:
                by_name[name].append(root)
        for roots in by_name.values():
            roots = sorted(set(roots))
            if len(roots) < 2:
                continue
            if any(conflict(groups[a], groups[b]) for a in roots for b in roots if a < b):
                duplicates.append(set(roots))
                continue
            for root in roots[1:]:
                union(root, roots[0])
            changed = True
            break
    groups = clusters()
    for root, c in groups.items():  # an initial: "M. Rossi" = "Mario Rossi"
        for name in c["names"]:
            short = [w for w in name if len(w) == 1]
            if len(short) != 1:
                continue
            rest = [w for w in name if len(w) > 1]
            matches = {
                other
                for other, d in groups.items()
                if other != root
                for full in d["names"]
                if len(full) == len(name)
                and set(rest) <= set(full)
                and any(w.startswith(short[0]) for w in set(full) - set(rest))
            }
            if len(matches) == 1 and not conflict(c, groups[next(iter(matches))]):
                union(root, next(iter(matches)))
    groups = clusters()
    for root, c in groups.items():  # a typo, at the same organisation
        if find(root) != root or not c["orgs"]:
            continue
        matches = {
            other
            for other, d in groups.items()
            if find(other) != find(root)
            and c["orgs"] & d["orgs"]
            and not conflict(c, d)
            and any(
                difflib.SequenceMatcher(None, " ".join(x), " ".join(y)).ratio() >= 0.9
                for x in c["names"]
                for y in d["names"]
            )
        }
        if len(matches) == 1:
            union(root, next(iter(matches)))
    final: dict[int, set[int]] = defaultdict(set)
    for i in range(len(records)):
        final[find(i)].add(i)
    return list(final.values()), duplicates


def check_identity(truth: dict, world: World) -> None:
    identity = truth["identity"]
    records = identity["record_list"]
    clusters, duplicates = resolve(records)
    partition = {frozenset(records[i][2] for i in cluster) for cluster in clusters}
    assert all(len(keys) == 1 for keys in partition), [k for k in partition if len(k) > 1]
    assert len(clusters) == identity["people"] == len({r[2] for r in records})
    expected = {frozenset(d["keys"]) for d in identity["possible_duplicates"]}
    found = set()
    for group in duplicates:
        keys = set()
        for root in group:
            cluster = next(c for c in clusters if root in c)
            keys |= {records[i][2] for i in cluster}
        found.add(frozenset(keys))
    assert found == expected and len(expected) >= 2


def test_identity_truth_is_resolvable_by_the_briefs_rules(truth, world):
    check_identity(truth, world)
    identity = truth["identity"]
    keys = {p.key for p in world.people} | {o.key for o in world.outsiders if o.role != "broken"}
    assert {r[2] for r in identity["record_list"]} == keys
    assert identity["people"] == len(world.people) + len(world.outsiders) - 1
    assert identity["by_source"]["archive"] == truth["archive"]["contacts"] == 803
    for source in ("vcard", "mbox", "declared"):
        assert identity["by_source"][source] <= truth[source]["contacts"]
    ids = defaultdict(set)
    for _source, pid, key, *_ in identity["record_list"]:
        ids[key].add(pid)
    for merge in identity["merges"]:
        assert set(merge["ids"]) == ids[merge["key"]] and set(merge["how"]) == ids[merge["key"]]
    hows = Counter(h for merge in identity["merges"] for h in merge["how"].values())
    assert {"slug", "email", "name", "initial", "fuzzy"} <= set(hows)
    plants = Counter(p for merge in identity["merges"] for p in merge["plants"])
    for plant in (
        "swapped-name",
        "no-accents",
        "fuzzy-typo",
        "via-address-book",
        "two-addresses",
        "stale-organisation",
    ):
        assert plants[plant] >= 1, plant
    apart = {k for d in identity["possible_duplicates"] for k in d["keys"]}
    planted = {r.key for r in world.reach if {"homonym", "namesake"} & set(r.plants)}
    assert planted <= apart and len(identity["possible_duplicates"]) >= 3


def test_identity_plants_look_as_planted(truth, world):
    records = truth["identity"]["record_list"]
    by_key = defaultdict(list)
    for record in records:
        by_key[record[2]].append(record)
    for reach in world.reach:
        mine = by_key[reach.key]
        if "via-address-book" in reach.plants:
            mail = [r for r in mine if r[0] == "mbox"]
            assert mail and all(not r[3] for r in mail), "a bare address, no name"
            assert any(r[0] == "vcard" and r[1].startswith("li:") for r in mine)
        if "two-addresses" in reach.plants:
            assert len({r[1] for r in mine if r[0] == "mbox"}) == 2
        if "stale-organisation" in reach.plants:
            (card,) = [r for r in mine if r[0] == "vcard"]
            (linkedin,) = [r for r in mine if r[0] == "archive"]
            assert organisation_key(card[5]) != organisation_key(linkedin[5])
        if "fuzzy-typo" in reach.plants:
            (card,) = [r for r in mine if r[0] == "vcard"]
            assert name_words(card[3][0]) != name_words(world.person(reach.key).full_name)
    outsiders = Counter(name_words(o.full_name) for o in world.outsiders if o.role != "namesake")
    everyone = Counter(name_words(p.full_name) for p in world.people)
    assert all(n == 1 and not everyone[name] for name, n in outsiders.items())


def test_identity_truth_holds_for_another_seed(tmp_path: Path):
    other = write_sample(tmp_path, seed=7)
    check_identity(other, generate_world(seed=7))
    assert other["identity"]["people"] > 800


# ------------------------------------------------------------------------------ safety


def test_every_address_in_every_file_is_at_an_example_domain(sample):
    folder, _ = sample
    allowed = re.compile(r"@(?:[a-z0-9-]+\.)*example(?:\.(?:com|it|org|net))?$")
    texts = [(folder / name).read_bytes() for name in SAMPLE_FILES.values() if "zip" not in name]
    with zipfile.ZipFile(folder / SAMPLE_FILES["archive"]) as archive:
        texts += [archive.read(name) for name in archive.namelist()]
    texts = [re.sub(rb"\r\n[ \t]", b"", data) for data in texts]  # unfold .vcf and .ics
    found = set()
    for data in texts:
        found |= set(re.findall(rb"[\w.+-]+@[\w.-]*\w", data))
    assert len(found) > 300
    # Gmail's From_ separators (<id>@xxx) and Google's event UIDs are not addresses
    found = {a for a in found if not re.fullmatch(rb"\d+@xxx|[0-9a-f]+@google\.com", a)}
    bad = [a for a in found if not allowed.search(a.decode("ascii", "replace").lower())]
    assert not bad, bad[:5]
    urls = {u for data in texts for u in re.findall(rb"https?://[^\s,\"<>]+", data)}
    hosts = {re.match(rb"https?://([^/]+)", u).group(1) for u in urls}
    assert hosts <= {b"www.linkedin.com"}, hosts
