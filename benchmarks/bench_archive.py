"""Time and memory of reading LinkedIn's data archive at LinkedIn's cap.

Run on demand, not in the test suite:

    python benchmarks/bench_archive.py [--contacts 30000] [--messages 100000] [--repeat 3]

It writes, in a temporary folder, a synthetic ``Complete_LinkedInDataExport_….zip``
(seeded: 30,000 connections, 100,000 messages in one-to-one and group threads,
invitations, endorsements, recommendations, the owner's profile, career and
targets, with LinkedIn's column sets), then, in a fresh Python process (so the
generator's memory is not counted), reads it with ``read_linkedin_archive`` and
prints the best wall time over the repeats and the process's peak resident memory.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

from netkit.sample.archive import MEMBER_HEADERS

CHILD = r"""
import json, resource, sys, time
from netkit.io.archive import read_linkedin_archive
path, repeat = sys.argv[1], int(sys.argv[2])
def rss_mb():
    # VmHWM: this process's peak resident memory (ru_maxrss can carry the parent's peak)
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
baseline = rss_mb()
reads, after_read = [], None
for _ in range(repeat):
    t0 = time.perf_counter()
    G, report = read_linkedin_archive(path)
    reads.append(time.perf_counter() - t0)
    after_read = after_read or rss_mb()
    del G
print(json.dumps({
    "rows": report.rows_read, "contacts": report.contacts,
    "organisations": report.organisations, "rejected": len(report.rejected),
    "counts": report.counts, "read_s": min(reads), "all_s": reads,
    "baseline_mb": baseline, "import_peak_mb": after_read, "peak_rss_mb": rss_mb(),
}))
"""

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are'
    " missing. You will only see email addresses for connections who have allowed their"
    " connections to see or download their email address using this setting"
    " https://www.linkedin.com/psettings/privacy/email. You can learn more here"
    ' https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
FIRST = (
    "Giulia Luca Sara Marco Paolo Elena Francesca Andrea Matteo Chiara Alessandro Federica "
    "Davide Valentina Simone Martina Lorenzo Giorgia Stefano Silvia Nicolò Zoë Anna Ugo"
).split()
LAST = (
    "Rossi Bianchi Conti Ferri Neri Galli Riva Costa Greco Bruno Romano Colombo Ricci Marino "
    "Gallo Fontana Moretti Barbieri Lombardi Giordano Rinaldi Caruso Ferrara D'Angelo García"
).split()
COMPANIES = [f"Company {i} S.p.A." for i in range(3000)] + ["Self-employed", "Enel", "Snam"]
TITLES = "CFO;Analyst;Engineer;HR Business Partner;Buyer;Head of Sales, EMEA;Consultant".split(";")
WORDS = "ciao grazie progetto riunione domani offerta contratto bene presto call energia".split()
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _member(name: str, rows: list[list[str]]) -> str:
    """A member file of the archive, with the header the sample world writes."""
    return _csv(list(MEMBER_HEADERS[name]), rows)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().removesuffix("\n")


def _content(rng: random.Random) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40)))
    if rng.random() < 0.2:
        text = f'<p>{text}</p>\n<p>"{rng.choice(WORDS)}", {rng.choice(WORDS)}</p>'
    return text


def generate(path: Path, *, contacts: int, messages: int, seed: int = 1) -> dict[str, int]:
    """Write a synthetic complete archive at ``path``; returns what it holds."""
    rng = random.Random(seed)
    people = []
    for i in range(contacts):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        slug = f"{first}-{last}-{i:x}".casefold().replace("'", "").replace("ò", "o")
        people.append((first, last, f"https://www.linkedin.com/in/{slug}"))
    owner = ("Maria", "Rossi", "https://www.linkedin.com/in/maria-rossi-0")
    connection_rows = []
    for first, last, url in people:
        day = datetime(2010, 1, 1) + timedelta(days=rng.randrange(5800))
        connection_rows.append(
            [first, last, url, "", rng.choice(COMPANIES), rng.choice(TITLES),
             f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}"]
        )  # fmt: skip
    connections = PREAMBLE + _csv(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
        connection_rows,
    )

    # messages: a few hundred close contacts get most threads (as in real inboxes)
    close = rng.sample(people, min(len(people), 8000))
    message_rows: list[list[str]] = []
    conversation = 0
    groups = 0
    start = datetime(2016, 1, 1)
    while len(message_rows) < messages:
        conversation += 1
        cid = f"2-{conversation:08x}"
        if rng.random() < 0.06:
            others = rng.sample(close, rng.randint(2, 8))
            groups += 1
        else:
            others = [close[min(int(rng.paretovariate(1.2)) - 1, len(close) - 1)]]
        when = start + timedelta(minutes=rng.randrange(5_000_000))
        for _ in range(min(rng.randint(1, 12), messages - len(message_rows))):
            when += timedelta(minutes=rng.randrange(1, 5000))
            sender = owner if rng.random() < 0.45 else rng.choice(others)
            recipients = [p for p in [owner, *others] if p is not sender]
            draft = "true" if rng.random() < 0.005 else "false"
            message_rows.append(
                [cid, "", f"{sender[0]} {sender[1]}", sender[2],
                 ", ".join(f"{p[0]} {p[1]}" for p in recipients),
                 ",".join(p[2] for p in recipients), when.strftime("%Y-%m-%d %H:%M:%S UTC"),
                 "", _content(rng), "INBOX", "", draft, "false"]
            )  # fmt: skip
        if rng.random() < 0.01:  # a sponsored message: no sender profile URL
            message_rows.append(
                [f"2-s{conversation:x}", "", "LinkedIn Offers", "", "Maria Rossi", owner[2],
                 when.strftime("%Y-%m-%d %H:%M:%S UTC"), "Offer", _content(rng), "INBOX", "",
                 "false", "false"]
            )  # fmt: skip

    invitations = [
        [
            *(("Maria Rossi", f"{p[0]} {p[1]}") if out else (f"{p[0]} {p[1]}", "Maria Rossi")),
            f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/25, {rng.randint(1, 12)}:05 PM",
            rng.choice(["", "", "Ciao, ci siamo conosciuti al convegno"]),
            "OUTGOING" if out else "INCOMING",
            owner[2] if out else p[2],
            p[2] if out else owner[2],
        ]
        for p, out in ((rng.choice(people), rng.random() < 0.5) for _ in range(500))
    ]
    members = {
        "Profile.csv": _member(
            "Profile.csv",
            [
                [
                    "Maria",
                    "Rossi",
                    "",
                    "",
                    "",
                    "CFO",
                    "",
                    "Utilities",
                    "",
                    "Milano, Lombardia, Italia",
                    "",
                    "",
                    "",
                ]
            ],
        ),
        "Connections.csv": connections,
        "messages.csv": _member("messages.csv", message_rows),
        "Invitations.csv": _member(
            "Invitations.csv",
            invitations,
        ),
        "Endorsement_Received_Info.csv": _member(
            "Endorsement_Received_Info.csv",
            [
                [
                    "2023/06/05 15:47:58 UTC",
                    "Finance",
                    p[0],
                    p[1],
                    p[2].removeprefix("https://"),
                    rng.choice(["ACCEPTED", "ACCEPTED", "PENDING"]),
                ]
                for p in rng.sample(people, 300)
            ],
        ),
        "Endorsement_Given_Info.csv": _member(
            "Endorsement_Given_Info.csv",
            [
                [
                    "2023/06/05 15:47:58 UTC",
                    "Finance",
                    p[0],
                    p[1],
                    p[2].removeprefix("https://"),
                    "ACCEPTED",
                ]
                for p in rng.sample(people, 200)
            ],
        ),
        "Recommendations_Received.csv": _member(
            "Recommendations_Received.csv",
            [
                [p[0], p[1], "Enel", "CFO", "Brava.", "05/10/24, 10:00 AM", "VISIBLE"]
                for p in rng.sample(people, 12)
            ],
        ),
        "Positions.csv": _member(
            "Positions.csv",
            [
                ["Acme Energia S.p.A.", "CFO", "", "Milano", "Jan 2022", ""],
                ["Enel", "Analyst", "", "Roma", "Mar 2015", "Dec 2021"],
            ],
        ),
        "Education.csv": _member(
            "Education.csv",
            [["Università Bocconi", "2007", "2012", "", "Laurea Magistrale", ""]],
        ),
        "Company Follows.csv": _member(
            "Company Follows.csv",
            [[rng.choice(COMPANIES), "Tue Mar 05 10:00:00 UTC 2024"] for _ in range(60)],
        ),
        "Jobs/Job Seeker Preferences.csv": _csv(
            [
                "Locations",
                "Industries",
                "Company Employee Count",
                "Preferred Job Types",
                "Job Titles",
                "Open To Recruiters",
                "Dream Companies",
            ],
            [
                [
                    "Milano, Lombardia, Italia | Torino, Piemonte, Italia",
                    "Utilities",
                    "51-200",
                    "Full-time",
                    "Chief Financial Officer | Finance Director",
                    "Yes",
                    "Enel | Snam",
                ]
            ],
        ),
        "Jobs/Saved Jobs.csv": _member(
            "Jobs/Saved Jobs.csv",
            [
                [
                    "1/10/26, 9:00 AM",
                    f"https://www.linkedin.com/jobs/view/{i}",
                    rng.choice(TITLES),
                    rng.choice(COMPANIES),
                ]
                for i in range(40)
            ],
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return {"messages": len(message_rows), "conversations": conversation, "groups": groups}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Complete_LinkedInDataExport_03-15-2026.zip"
        t0 = time.perf_counter()
        made = generate(path, contacts=args.contacts, messages=args.messages)
        generated = time.perf_counter() - t0
        with zipfile.ZipFile(path) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
        size_mb = path.stat().st_size / 1e6
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(args.repeat)],
            capture_output=True,
            text=True,
            check=True,
        )
        figures = json.loads(done.stdout)
    print(
        f"archive: {size_mb:.1f} MB zipped, {expanded / 1e6:.1f} MB of CSV; "
        f"{args.contacts:,} connections, {made['messages']:,} message rows in "
        f"{made['conversations']:,} threads ({made['groups']:,} group) "
        f"(generated in {generated:.1f} s)"
    )
    print(
        f"read: {figures['read_s']:.2f} s (best of {args.repeat}; all: "
        + ", ".join(f"{s:.2f}" for s in figures["all_s"])
        + f") -> {figures['rows']:,} rows, {figures['contacts']:,} contacts, "
        f"{figures['organisations']:,} organisations, {figures['rejected']} rejected"
    )
    print("counts: " + ", ".join(f"{n:,} {what}" for what, n in figures["counts"].items()))
    print(
        f"peak memory: {figures['import_peak_mb']:.0f} MB after the first read "
        f"(Python with netkit loaded: {figures['baseline_mb']:.0f} MB), "
        f"{figures['peak_rss_mb']:.0f} MB at the end"
    )


if __name__ == "__main__":
    main()
