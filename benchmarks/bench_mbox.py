"""Time and memory of reading a large mbox (about 1 GB by default) with ``read_mbox``.

Run on demand, not in the test suite:

    python benchmarks/bench_mbox.py [--size-mb 1024] [--seed 1]

It writes a seeded synthetic Gmail Takeout-style mbox into a temporary folder
(realistic header blocks with Received/ARC/DKIM lines, text bodies of a few KB, some
base64 attachments, mailing lists, newsletters, messages repeated across labels), then
reads it with ``netkit.io.mbox.read_mbox`` in a fresh Python process, so the generator's
memory is not counted, and prints the wall time and the process's peak resident memory
(VmHWM). The temporary file is deleted afterwards. Target: peak memory under 500 MB.
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from email.header import Header
from email.utils import format_datetime
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
from netkit.io.mbox import read_mbox
path = sys.argv[1]
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
t0 = time.perf_counter()
G, report = read_mbox(path)
seconds = time.perf_counter() - t0
print(json.dumps({
    "rows": report.rows_read, "accepted": report.accepted,
    "skipped": sum(report.skipped.values()), "duplicates": len(report.duplicates),
    "rejected": len(report.rejected), "contacts": report.contacts,
    "edges": G.number_of_edges(), "counts": report.counts, "notes": report.notes,
    "read_s": seconds, "baseline_mb": baseline, "peak_rss_mb": rss_mb(),
}))
"""

OWNER = ("Chiara Colombo", "chiara.colombo@example.it")
FIRST = "Giulia Marco Luca Anna Nicolò Zoë Sam Elena Paolo Sara Davide Francesca José".split()
LAST = "Rossi Bianchi Ferri D'Angelo Müller Okafor García Conti Greco Romano Gallo".split()
DOMAINS = "example.com example.org example.net example.de example.es example.co.uk".split()
WORDS = (
    "the of and to in we a for meeting project budget offer next week thanks regards "
    "proposta riunione grazie saluti contratto fornitura energia rinnovabile cliente "
    "analysis report draft review call agenda deadline team quarter plan numbers"
).split()


def _people(rng: random.Random, n: int) -> list[tuple[str, str]]:
    people = []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        local = f"{first}.{last}".lower().replace("'", "").replace(" ", "")
        local = local.encode("ascii", "ignore").decode() or f"p{i}"
        people.append((f"{first} {last}", f"{local}{i}@{rng.choice(DOMAINS)}"))
    return people


def _mailbox(name: str, address: str, rng: random.Random) -> str:
    if name.isascii() and rng.random() < 0.7:
        return f"{name} <{address}>"
    return f"{Header(name, 'utf-8').encode()} <{address}>"


def _received(rng: random.Random, when: datetime) -> str:
    host = f"mail-{rng.randrange(10**6)}.google.com"
    return (
        f"Received: from {host} ({host}. [209.85.{rng.randrange(256)}.{rng.randrange(256)}])\n"
        f"        by mx.google.com with SMTPS id {rng.randrange(16**12):012x}\n"
        f"        for <{OWNER[1]}>; {format_datetime(when)}\n"
    )


def _signature(rng: random.Random, name: str) -> str:
    blob = base64.b64encode(rng.randbytes(180)).decode()
    return (
        f"{name}: i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20160816;\n"
        f"        h=to:subject:message-id:date:from:mime-version;\n"
        f"        bh={blob[:44]};\n        b={blob[44:120]}\n         {blob[120:]}\n"
    )


def write_mbox(path: Path, size_mb: int, seed: int) -> int:
    """Write a synthetic mbox of about ``size_mb`` MB; returns the number of messages."""
    rng = random.Random(seed)
    people = _people(rng, 600)
    lists = [("Lista HR Italia", "hr-italia@googlegroups.com"), ("Dev", "dev@lists.example.org")]
    paragraphs = [
        "\n".join(" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(rng.randint(3, 12)))
        for _ in range(300)
    ]
    attachment_pool = base64.encodebytes(rng.randbytes(3 * 1024 * 1024)).decode()
    pool_lines = attachment_pool.count("\n")
    target = size_mb * 1024 * 1024
    start = datetime(2012, 1, 1, tzinfo=timezone(timedelta(hours=1)))
    written = count = 0
    previous: bytes | None = None
    with path.open("wb", buffering=8 * 1024 * 1024) as out:
        while written < target:
            count += 1
            if previous is not None and rng.random() < 0.02:  # Gmail repeats a message
                out.write(previous)
                written += len(previous)
                continue
            when = start + timedelta(minutes=count * 7 + rng.randrange(7))
            thread = f"{17 * 10**17 + count // 3}"
            kind = rng.random()
            headers = [f"From {thread}@xxx {when.strftime('%a %b %d %H:%M:%S +0000 %Y')}\n"]
            headers.append(f"X-GM-THRID: {thread}\n")
            sender = rng.choice(people)
            recipients = rng.sample(people, rng.choice((1, 1, 1, 2, 3, 5, 14)))
            if kind < 0.25:  # sent by the owner
                headers.append("X-Gmail-Labels: Sent\n")
                sender, to = OWNER, recipients
            else:
                headers.append("X-Gmail-Labels: Inbox,Important,Opened\n")
                headers.append(f"Delivered-To: {OWNER[1]}\n")
                headers += [_received(rng, when) for _ in range(rng.randint(2, 5))]
                headers.append(_signature(rng, "ARC-Seal"))
                headers.append(_signature(rng, "ARC-Message-Signature"))
                to = [OWNER, *recipients[1:]]
            headers.append(_signature(rng, "DKIM-Signature"))
            if 0.25 <= kind < 0.40:
                name, address = rng.choice(lists)
                headers.append(f"List-Id: {name} <{address.replace('@', '.')}>\n")
                headers.append(f"List-Unsubscribe: <mailto:{address}?subject=unsubscribe>\n")
                to = [(name, address)]
            elif 0.40 <= kind < 0.50:
                sender = ("Northwind News", f"noreply@news{rng.randrange(20)}.example.com")
            headers.append(f"From: {_mailbox(*sender, rng)}\n")
            headers.append(f"Date: {format_datetime(when)}\n")
            headers.append(f"Message-ID: <{rng.randrange(16**16):016x}.{count}@mail.example>\n")
            headers.append(
                f"Subject: {Header('Re: proposta ' + rng.choice(WORDS), 'utf-8').encode()}\n"
            )
            headers.append("To: " + ",\n ".join(_mailbox(*p, rng) for p in to) + "\n")
            if rng.random() < 0.3:
                headers.append(f"Cc: {_mailbox(*rng.choice(people), rng)}\n")
            boundary = f"{rng.randrange(16**24):024x}"
            headers.append(
                f'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="{boundary}"\n'
            )
            body = [
                f"\n--{boundary}\nContent-Type: text/plain; charset=UTF-8\n\n",
                "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(2, 8))),
                "\n>From the minutes of the last call: agreed.\n",
            ]
            if rng.random() < 0.08:
                lines = rng.randint(300, 4000)  # 23 KB to 300 KB of base64
                first = rng.randrange(pool_lines - lines)
                offset = first * 77
                body.append(
                    f'\n--{boundary}\nContent-Type: application/pdf; name="offerta.pdf"\n'
                    "Content-Transfer-Encoding: base64\n\n"
                    + attachment_pool[offset : offset + lines * 77]
                )
            body.append(f"\n--{boundary}--\n\n")
            message = "".join(headers + body).encode("utf-8")
            out.write(message)
            written += len(message)
            previous = message
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=1024, help="size of the mbox (MB)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "All mail Including Spam and Trash.mbox"
        t0 = time.perf_counter()
        messages = write_mbox(path, args.size_mb, args.seed)
        generated = time.perf_counter() - t0
        size_mb = path.stat().st_size / 1024 / 1024
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
        )
        figures = json.loads(done.stdout)
    print(f"mbox: {size_mb:,.0f} MiB, {messages:,} messages (generated in {generated:.1f} s)")
    print(
        f"read_mbox: {figures['read_s']:.1f} s ({size_mb / figures['read_s']:.0f} MiB/s) -> "
        f"{figures['rows']:,} messages read, {figures['accepted']:,} kept, "
        f"{figures['skipped']:,} skipped, {figures['duplicates']:,} duplicates, "
        f"{figures['rejected']} rejected"
    )
    print(
        f"network: {figures['contacts']:,} contacts, {figures['edges']:,} edges; "
        f"counts {figures['counts']}"
    )
    print(
        f"peak memory: {figures['peak_rss_mb']:.0f} MB "
        f"(Python with netkit loaded: {figures['baseline_mb']:.0f} MB; target under 500 MB)"
    )


if __name__ == "__main__":
    main()
