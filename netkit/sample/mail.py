"""Write the owner's mailbox as Gmail Takeout does: one mbox file, short messages.

Personal mail follows the world's e-mail messages; around it sit what every real mailbox
holds: newsletters from no-reply senders, mailing-list posts, an out-of-office reply, a
message to the whole company, repeated copies of a message (Gmail label copies with the same
``Message-ID``), one corrupt message with neither ``From`` nor ``Date``, display names in
RFC 2047 encoded words and one header written raw in cp1252.
"""

from __future__ import annotations

import base64
import os
import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netkit.sample.world import (
    OWNER,
    OWNER_OLD_EMAIL,
    OWNER_OLD_EMAIL_SPAN,
    RecordBook,
    SampleMessage,
    SourceRecord,
    rome_offset,
)
from netkit.schema import person_id

if TYPE_CHECKING:
    from netkit.sample.world import World

__all__ = ["NON_PERSONAL_SENDERS", "write_mbox"]

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Newsletters and notifications: (display name, address, subject).
NON_PERSONAL_SENDERS = (
    ("Il Sole 24 Ore", "newsletter@ilsole24ore.example", "Lavoro e HR: le notizie della settimana"),
    ("HR Online", "noreply@hronline.example", "Webinar: people analytics in pratica"),
    ("Trenord", "no-reply@trenord.example", "Il tuo abbonamento è in scadenza"),
    ("Calendario Eventi", "notifications@eventi-hr.example", "Promemoria: evento di domani"),
    ("Banca", "donotreply@banca.example", "Estratto conto disponibile"),
    ("Mail Delivery Subsystem", "mailer-daemon@mail.example.it", "Delivery Status Notification"),
)
_LIST = ("HR Italia", "hr-italia@groups.example", "hr-italia.groups.example")
_LIST_SUBJECTS = (
    "Welfare aziendale: quali piattaforme usate?",
    "Offerta di lavoro: HRBP a Bergamo",
    "Contratto metalmeccanici, novità",
    "Evento a Milano il 12: chi viene?",
    "Smart working e accordi individuali",
    "Cerco un fornitore per assessment",
)


def _date_header(moment: datetime) -> str:
    offset = rome_offset(moment)
    local = moment + offset
    hours = int(offset.total_seconds() // 3600)
    return (
        f"{_DAYS[local.weekday()]}, {local.day:02d} {_MONTHS[local.month - 1]} {local.year} "
        f"{local:%H:%M:%S} +{hours:02d}00"
    )


def _from_line(gm_id: str, moment: datetime) -> str:
    return (
        f"From {gm_id}@xxx {_DAYS[moment.weekday()]} {_MONTHS[moment.month - 1]} "
        f"{moment.day:02d} {moment:%H:%M:%S} +0000 {moment.year}"
    )


def _encoded_word(text: str, style: str) -> str:
    """RFC 2047 encoded word, ``Q`` or ``B``."""
    data = text.encode("utf-8")
    if style == "B":
        return f"=?UTF-8?B?{base64.b64encode(data).decode()}?="
    out = []
    for byte in data:
        char = chr(byte)
        if char == " ":
            out.append("_")
        elif byte < 128 and (char.isalnum() or char in ".-'"):
            out.append(char)
        else:
            out.append(f"={byte:02X}")
    return f"=?UTF-8?Q?{''.join(out)}?="


def _mailbox(name: str, address: str, style: str) -> str:
    if not name:
        return address
    if not name.isascii():
        return f"{_encoded_word(name, style)} <{address}>"
    if any(ch in name for ch in ',.;:"()<>@[]'):
        return f'"{name}" <{address}>'
    return f"{name} <{address}>"


class _Mail:
    """One message as it will be written (header lines as text, body as text)."""

    def __init__(self, kind: str, when: datetime, gm_id: str) -> None:
        self.kind, self.when, self.gm_id = kind, when, gm_id
        self.headers: list[str] = []
        self.body = ""
        self.raw_cp1252 = -1  # index of a header written in cp1252
        self.message: SampleMessage | None = None

    def render(self) -> tuple[bytes, int, int]:
        """The bytes, their line count and the offset (in lines) of the cp1252 header."""
        lines = [_from_line(self.gm_id, self.when).encode("ascii")]
        for index, header in enumerate(self.headers):
            codec = "cp1252" if index == self.raw_cp1252 else "utf-8"
            lines.append(header.encode(codec))
        lines.append(b"")
        for text in self.body.split("\n"):
            if text.startswith("From "):
                text = ">" + text
            lines.append(text.encode("utf-8"))
        lines.append(b"")
        data = b"\n".join(lines) + b"\n"
        return data, data.count(b"\n"), (self.raw_cp1252 + 1 if self.raw_cp1252 >= 0 else -1)


class _Writer:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = random.Random(f"netkit-sample:{world.seed}:mbox")
        self.owner_email = world.owner.email
        self.gm_ids: set[str] = set()
        self.threads: dict[str, str] = {}
        self.last_id: dict[str, str] = {}
        self.encoded = 0

    def gm_id(self) -> str:
        while True:
            value = str(self.rng.randrange(10**18, 2 * 10**18))
            if value not in self.gm_ids:
                self.gm_ids.add(value)
                return value

    def message_id(self, domain: str) -> str:
        return f"<{self.rng.getrandbits(64):016x}.{self.rng.getrandbits(24):06x}@{domain}>"

    def accenture_era(self, message: SampleMessage) -> bool:
        day = message.when.date()
        if not OWNER_OLD_EMAIL_SPAN[0] <= day < OWNER_OLD_EMAIL_SPAN[1]:
            return False
        for key in message.participants:
            if key.startswith("p") and any(
                g == "former-employer:accenture" for g in self.world.person(key).groups
            ):
                return True
        return False

    def address(self, key: str, message: SampleMessage) -> tuple[str, str]:
        """(display name, address) of a participant on the message's day."""
        if key == OWNER:
            owner = self.world.owner
            email = OWNER_OLD_EMAIL if self.accenture_era(message) else self.owner_email
            return f"{owner.first_name} {owner.last_name}", email
        reach = self.world.reach_of(key)
        assert reach is not None, key
        return reach.mail_name, reach.email_on(message.when.date())

    def header_address(self, name: str, address: str) -> str:
        style = "Q" if self.rng.random() < 0.5 else "B"
        if name and not name.isascii():
            self.encoded += 1
        return _mailbox(name, address, style)

    def subject(self, text: str) -> str:
        if text.isascii():
            return text
        self.encoded += 1
        return _encoded_word(text, "Q" if self.rng.random() < 0.5 else "B")

    def personal(self, message: SampleMessage) -> _Mail:
        rng = self.rng
        mail = _Mail("personal", message.when, self.gm_id())
        mail.message = message
        thread = self.threads.setdefault(message.conversation, self.gm_id())
        sender_name, sender = self.address(message.sender, message)
        recipients = [self.address(k, message) for k in message.recipients]
        if message.sender == OWNER:
            to, cc = recipients[:1], recipients[1:]
            labels = "Sent" if rng.random() < 0.8 else "Sent,Opened"
        else:
            owner_at = next(i for i, k in enumerate(message.recipients) if k == OWNER)
            to = [recipients[owner_at]]
            cc = [r for i, r in enumerate(recipients) if i != owner_at]
            if cc and rng.random() < 0.5:
                to, cc = [*to, cc[0]], cc[1:]
            labels = rng.choice(
                ("Inbox,Opened", "Archived,Opened", "Important,Inbox,Opened,Category Personal")
            )
        domain = sender.split("@")[1]
        previous = self.last_id.get(message.conversation)
        message_id = self.message_id(domain)
        self.last_id[message.conversation] = message_id
        subject = message.subject or "Ciao"
        if previous:
            subject = f"Re: {subject}"
        headers = [f"X-GM-THRID: {thread}", f"X-Gmail-Labels: {labels}"]
        if message.sender != OWNER:
            headers.append(f"Delivered-To: {self.owner_email}")
        headers += [
            f"Message-ID: {message_id}",
            f"Date: {_date_header(message.when)}",
            f"From: {self.header_address(sender_name, sender)}",
            "To: " + ", ".join(self.header_address(n, a) for n, a in to),
        ]
        if cc:
            headers.append("Cc: " + ", ".join(self.header_address(n, a) for n, a in cc))
        headers.append(f"Subject: {self.subject(subject)}")
        if previous:
            headers += [f"In-Reply-To: {previous}", f"References: {previous}"]
        headers += [
            "MIME-Version: 1.0",
            'Content-Type: text/plain; charset="UTF-8"',
            "Content-Transfer-Encoding: 8bit",
        ]
        mail.headers = headers
        first = (sender_name or "").split(" ")[0].rstrip(",") if message.sender != OWNER else ""
        if message.sender == OWNER:
            mail.body = f"{message.text}\n\nElena"
        else:
            mail.body = f"{message.text}\n\n{first or 'Ciao'}"
        return mail

    def non_personal(
        self,
        kind: str,
        when: datetime,
        sender: tuple[str, str],
        subject: str,
        extra: list[str],
        to: str = "",
    ) -> _Mail:
        mail = _Mail(kind, when, self.gm_id())
        name, address = sender
        mail.headers = [
            f"X-GM-THRID: {mail.gm_id}",
            "X-Gmail-Labels: " + ("Inbox,Category Updates" if kind != "list" else "HR Italia"),
            f"Delivered-To: {self.owner_email}",
            f"Message-ID: {self.message_id(address.split('@')[1])}",
            f"Date: {_date_header(when)}",
            f"From: {self.header_address(name, address)}",
            f"To: {to or self.owner_email}",
            f"Subject: {self.subject(subject)}",
            *extra,
            "MIME-Version: 1.0",
            'Content-Type: text/plain; charset="UTF-8"',
            "Content-Transfer-Encoding: 8bit",
        ]
        mail.body = f"{subject}.\n\nPer non ricevere più questi messaggi, modifica le preferenze."
        return mail


def write_mbox(
    world: World, path: str | os.PathLike[str]
) -> tuple[dict[str, Any], list[SourceRecord]]:
    """Write ``mail.mbox`` and return its manifest and identity records.

    Parameters
    ----------
    world : World
        The sample world: every e-mail in ``world.messages`` is written once.
    path : str or os.PathLike
        File to write.

    Returns
    -------
    manifest : dict
        ``rows`` (messages in the file), ``accepted`` (personal messages),
        ``skipped`` and ``skipped_lines`` by reason (``no-reply sender``, ``mailing list``,
        ``auto-submitted``, ``bulk``), ``duplicates`` / ``duplicate_lines`` (a repeated
        ``Message-ID``), ``rejected`` / ``rejected_lines`` (no ``From`` and no ``Date``),
        ``contacts`` (distinct addresses of accepted messages, the owner's excluded),
        ``owner_addresses``, ``counts`` (messages, sent, received, threads), ``pairs``
        (co-recipients: every two people other than the owner on one accepted message)
        and ``quirks`` (lines of the raw cp1252 header and of the escaped ``From`` line,
        how many encoded words).
    records : list of SourceRecord
        One per address of the accepted messages (the owner's excluded).

    Notes
    -----
    Line numbers are those of a message's ``From `` separator line. Each skipped message
    carries exactly one marker: a no-reply local part, or a ``List-Id`` /
    ``List-Unsubscribe`` / ``Precedence: bulk`` header, or ``Auto-Submitted``, or more than
    ten recipients. Bodies are UTF-8, 8bit; a body line starting with ``From `` is written
    as ``>From ``.
    """
    path = Path(path)
    writer = _Writer(world)
    rng = writer.rng
    emails = [m for m in world.messages if m.channel == "email"]
    mails = [writer.personal(m) for m in emails]

    # One body line that starts with "From " (mbox escapes it).
    sent = [mail for mail in mails if mail.message and mail.message.sender == OWNER]
    escaped = rng.choice(sent) if sent else None
    if escaped is not None:
        escaped.body = "From lunedì si parte con il nuovo orario.\n" + escaped.body
    # One received message whose From header is raw cp1252 bytes.
    raw_pool = [
        mail
        for mail in mails
        if mail.message
        and mail.message.sender != OWNER
        and not writer.address(mail.message.sender, mail.message)[0].isascii()
        and all(ord(ch) < 256 for ch in writer.address(mail.message.sender, mail.message)[0])
    ]
    raw = rng.choice(raw_pool) if raw_pool else None
    if raw is not None and raw.message is not None:
        name, address = writer.address(raw.message.sender, raw.message)
        index = next(i for i, h in enumerate(raw.headers) if h.startswith("From: "))
        raw.headers[index] = f"From: {name} <{address}>"
        raw.raw_cp1252 = index

    extra: list[_Mail] = []
    start = datetime(2024, 1, 8, 6, 30)
    for number in range(24):
        name, address, subject = NON_PERSONAL_SENDERS[number % len(NON_PERSONAL_SENDERS)]
        when = start + timedelta(days=30 * number + rng.randint(0, 20), minutes=rng.randint(0, 600))
        extra.append(writer.non_personal("no-reply sender", when, (name, address), subject, []))
    for number in range(12):
        name, address, list_id = _LIST
        when = start + timedelta(days=60 * number + rng.randint(0, 40), minutes=rng.randint(0, 600))
        headers = [f"List-Id: {name} <{list_id}>", f"List-Unsubscribe: <mailto:{address}>"]
        subject = f"[HR Italia] {_LIST_SUBJECTS[number % len(_LIST_SUBJECTS)]}"
        extra.append(
            writer.non_personal(
                "mailing list", when, (f"Segreteria {name}", address), subject, headers, to=address
            )
        )
    extra.append(
        writer.non_personal(
            "mailing list",
            datetime(2025, 11, 20, 10, 0),
            ("Offerte Libri", "offerte@libreria.example"),
            "Sconti sui libri di management",
            ["Precedence: bulk"],
        )
    )
    # An out-of-office reply from a close colleague, and a message to the whole company.
    strong = sorted(
        p.key
        for p in world.people
        if p.tie == "strong" and world.reach_of(p.key) and "current-employer" in p.groups
    )
    if strong:
        key = rng.choice(strong)
        last = max(m.when for m in world.messages if key in m.participants)
        reply = SampleMessage("email", key, (OWNER,), last - timedelta(hours=2), "auto", "", "")
        name, address = writer.address(key, reply)
        extra.append(
            writer.non_personal(
                "auto-submitted",
                reply.when,
                (name, address),
                "Risposta automatica: fuori ufficio",
                ["Auto-Submitted: auto-replied"],
            )
        )
    hall = next((m for m in world.meetings if len(m.people) > 11), None)
    if hall is not None:
        notice = SampleMessage(
            "email", hall.organiser, hall.attendees, hall.start - timedelta(hours=5), "bulk", "", ""
        )
        name, address = writer.address(hall.organiser, notice)
        to = ", ".join(writer.header_address(*writer.address(k, notice)) for k in hall.attendees)
        extra.append(
            writer.non_personal(
                "bulk", notice.when, (name, address), "Town hall di giovedì: agenda", [], to=to
            )
        )
    everything = sorted(mails + extra, key=lambda m: (m.when, m.gm_id))

    # Gmail label copies: the same message again, later in the file.
    received = [
        i
        for i, m in enumerate(everything)
        if m.kind == "personal"
        and m.message is not None
        and m.message.sender != OWNER
        and m is not raw
    ]
    for index in sorted(rng.sample(received, min(3, len(received))), reverse=True):
        original = everything[index]
        copy = _Mail("duplicate", original.when, writer.gm_id())
        copy.headers = [
            h if not h.startswith("X-Gmail-Labels") else "X-Gmail-Labels: Lavoro,Opened"
            for h in original.headers
        ]
        copy.body, copy.message = original.body, original.message
        everything.insert(min(index + 1 + rng.randint(1, 6), len(everything)), copy)
    # A corrupt message between two good ones: no From, no Date.
    corrupt = _Mail("corrupt", datetime(2026, 2, 17, 9, 41), writer.gm_id())
    corrupt.headers = [
        f"X-GM-THRID: {corrupt.gm_id}",
        "X-Gmail-Labels: Inbox",
        "Subject: (nessun oggetto)",
        'Content-Type: text/plain; charset="UTF-8"',
    ]
    corrupt.body = "--000000000000a1b2c3\nmessaggio troncato durante l'esportazione"
    everything.insert(len(everything) // 2, corrupt)

    chunks: list[bytes] = []
    line = 1
    lines: dict[str, list[int]] = {}
    cp1252_line = escaped_line = 0
    for mail in everything:
        data, count, raw_offset = mail.render()
        lines.setdefault(mail.kind, []).append(line)
        if raw_offset >= 0:
            cp1252_line = line + raw_offset
        if mail is escaped:
            escaped_line = line + data[: data.index(b">From ")].count(b"\n")
        chunks.append(data)
        line += count
    path.write_bytes(b"".join(chunks))

    book = RecordBook("mbox")
    owner_ids = {world.owner.email, OWNER_OLD_EMAIL}
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for mail in mails:
        message = mail.message
        assert message is not None
        others = []
        for key in message.participants:
            if key == OWNER:
                continue
            name, address = writer.address(key, message)
            pid = person_id(email=address)
            book.add(pid, key, name=name, emails=[address])
            others.append(pid)
        others.sort()
        for i, a in enumerate(others):
            for b in others[i + 1 :]:
                entry = pairs.setdefault((a, b), {"count": 0, "last": ""})
                entry["count"] += 1
                entry["last"] = max(entry["last"], message.when.date().isoformat())
    records = book.records()
    skipped = {
        reason: len(lines.get(reason, []))
        for reason in ("no-reply sender", "mailing list", "auto-submitted", "bulk")
    }
    manifest = {
        "file": path.name,
        "rows": len(everything),
        "accepted": len(mails),
        "skipped": skipped,
        "skipped_lines": {reason: lines.get(reason, []) for reason in skipped},
        "duplicates": len(lines.get("duplicate", [])),
        "duplicate_lines": lines.get("duplicate", []),
        "rejected": len(lines.get("corrupt", [])),
        "rejected_lines": lines.get("corrupt", []),
        "contacts": len(records),
        "owner_addresses": sorted(owner_ids),
        "notes": [
            "Lines are those of the From_ separator. Skipped whole: a no-reply local part, "
            "List-Id / List-Unsubscribe / Precedence: bulk, Auto-Submitted, more than ten "
            "recipients. Duplicate: a Message-ID seen before. Rejected: no From and no Date.",
            "pairs: every two people besides the owner on one accepted message (From, To, Cc).",
        ],
        "counts": {
            "messages": len(mails),
            "sent": sum(1 for m in emails if m.sender == OWNER),
            "received": sum(1 for m in emails if m.sender != OWNER),
            "threads": len({m.conversation for m in emails}),
            "bulk_recipients": len(hall.attendees) if hall is not None else 0,
        },
        "pairs": [
            {"a": a, "b": b, "kind": "email", "count": e["count"], "last_contact": e["last"]}
            for (a, b), e in sorted(pairs.items())
        ],
        "quirks": {
            "cp1252_header_line": cp1252_line,
            "escaped_from_line": escaped_line,
            "encoded_words": writer.encoded,
            "label_copies": len(lines.get("duplicate", [])),
        },
    }
    return manifest, records
