"""E-mail in mbox files (Gmail Takeout, Thunderbird): who writes to whom, read as a stream."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.parser import HeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import BinaryIO, Literal

import networkx as nx

from netkit.build import NetworkBuilder, source_entry
from netkit.errors import ParseError, UnsupportedFormat
from netkit.io._text import Source, Src, sniff_binary
from netkit.io.report import ImportReport, RowIssue
from netkit.schema import clean_text, fold, person_id

__all__ = [
    "FORMAT",
    "MAX_HEADER",
    "MailHeaders",
    "RawMessage",
    "parse_headers",
    "read_mbox",
    "sniff_mbox",
    "split_mbox",
]

FORMAT = "mbox"
OnBadRows = Literal["report", "error"]

#: Largest header block read for one message; beyond it the message is rejected.
MAX_HEADER = 256 * 1024
_CHUNK = 1024 * 1024
_SEPARATOR = b"\nFrom "
_EMAIL = re.compile(r"^[^@\s\"'<>(),;:\[\]]+@[^@\s\"'<>(),;:\[\]]+\.[^@\s\"'<>(),;:\[\]]+$")
_MSG_ID = re.compile(r"<([^<>\s]+)>")
_NO_REPLY = frozenset(
    "no-reply noreply donotreply do-not-reply mailer-daemon notifications notification "
    "newsletter".split()
)
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})
_SKIPPED_LABELS = {"spam": "spam (Gmail label)", "draft": "draft (never sent)"}
_SKIPPED_LABELS["drafts"] = _SKIPPED_LABELS["draft"]
_HEADER_NAME = re.compile(r"^(from|date|message-id|received|return-path|delivered-to)\s*:", re.I)


# ---------------------------------------------------------------------------------------
# Bytes to messages


@dataclass(frozen=True, slots=True)
class RawMessage:
    """One message of an mbox as cut from the stream, body left out.

    Attributes
    ----------
    line : int
        1-based line of its ``From`` separator line.
    envelope : bytes
        The ``From`` separator line, without its line end.
    header : bytes
        The header block (the lines after the separator up to the first blank line);
        empty when ``oversized``.
    oversized : bool
        True when no blank line ends the header block within :data:`MAX_HEADER` bytes.
    """

    line: int
    envelope: bytes
    header: bytes
    oversized: bool = False


class _Stream:
    """A window on a binary file: the unread bytes and the line number where they start."""

    def __init__(self, handle: BinaryIO, name: str, first: bytes) -> None:
        self.handle, self.name = handle, name
        self.buf, self.pos, self.line, self.eof = first, 0, 1, False

    def more(self) -> bool:
        """Append the next chunk, dropping what is before ``pos``; False at the end."""
        if self.eof:
            return False
        data = self.handle.read(_CHUNK)
        if not data:
            self.eof = True
            return False
        self.buf = self.buf[self.pos :] + data
        self.pos = 0
        return True

    def advance(self, to: int) -> None:
        """Move ``pos`` to ``to`` (a later offset), counting the lines passed."""
        self.line += self.buf.count(b"\n", self.pos, to)
        self.pos = to


def _header_end(buf: bytes, start: int, eof: bool) -> tuple[int, int, bool] | None:
    """Where the message starting at ``start`` (on its ``From`` line) ends its headers.

    Returns ``(envelope_end, header_end, oversized)`` where ``header_end`` is the offset
    just after the header block's last line, or None when more bytes are needed.
    """
    limit = start + MAX_HEADER
    stop = min(len(buf), limit)
    envelope_end = buf.find(b"\n", start, stop)
    if envelope_end < 0:
        if eof and len(buf) < limit:
            return len(buf), len(buf), False
        return None if len(buf) < limit else (stop, stop, True)
    crlf = buf[envelope_end - 1 : envelope_end] == b"\r"
    first, second = (b"\n\r\n", b"\n\n") if crlf else (b"\n\n", b"\n\r\n")
    blank = buf.find(first, envelope_end, stop)
    other = buf.find(second, envelope_end, blank if blank >= 0 else stop)
    if other >= 0:
        blank = other
    # a separator before the blank line: a message with no body (or no headers)
    separator = buf.find(_SEPARATOR, envelope_end, blank + 1 if blank >= 0 else stop)
    if separator >= 0:
        return envelope_end, separator + 1, False
    if blank >= 0:
        return envelope_end, blank + 1, False
    if len(buf) >= limit:
        return envelope_end, envelope_end, True
    if eof:
        return envelope_end, len(buf), False
    return None


def split_mbox(handle: BinaryIO, name: str = "<stream>") -> Iterator[RawMessage]:
    """Cut an mbox stream into messages, keeping only each message's header block.

    The file is read in 1 MiB chunks; bodies are skipped without being kept, so
    memory does not grow with the size of the file. A message starts at every line
    that begins with ``From `` (mbox writers escape such lines in bodies as ``>From``).

    Parameters
    ----------
    handle : binary file
        Positioned at the start of the mbox.
    name : str
        The file's name, for error messages.

    Yields
    ------
    RawMessage

    Raises
    ------
    UnsupportedFormat
        For an empty file, a file opened in text mode, or one whose first non-blank
        line is not a ``From`` line.

    Examples
    --------
    >>> import io
    >>> data = b"From a@x Mon Jan  1 00:00:00 2024\\nFrom: a@x.it\\n\\nbody\\n>From b\\n\\n"
    >>> [(m.line, m.header) for m in split_mbox(io.BytesIO(data * 2))]
    [(1, b'From: a@x.it\\n'), (7, b'From: a@x.it\\n')]
    """
    first = handle.read(_CHUNK)
    if isinstance(first, str):
        raise UnsupportedFormat("open the file in binary mode ('rb')", path=name)
    stream = _Stream(handle, name, first)
    # skip a byte-order mark and blank lines before the first message
    while True:
        text = stream.buf.removeprefix(b"\xef\xbb\xbf") if stream.line == 1 else stream.buf
        stripped = text.lstrip(b" \t\r\n")
        if stripped or not stream.more():
            break
    if not stripped:
        raise UnsupportedFormat("the file is empty; export the mailbox again", path=name)
    stream.advance(len(stream.buf) - len(stripped))
    if not stripped.startswith(b"From "):
        raise _not_mbox(stripped[:4096], name)

    while True:
        found = _header_end(stream.buf, stream.pos, stream.eof)
        while found is None:
            stream.more()
            found = _header_end(stream.buf, stream.pos, stream.eof)
        envelope_end, header_end, oversized = found
        buf, start = stream.buf, stream.pos
        envelope = buf[start:envelope_end].rstrip(b"\r")
        header = b"" if oversized else buf[envelope_end + 1 : header_end]
        yield RawMessage(stream.line, envelope, header, oversized)
        if (
            not oversized
            and header_end < len(stream.buf)
            and stream.buf.startswith(b"From ", header_end)
        ):
            stream.advance(header_end)  # no body: the next message starts here
            continue
        # skip the body up to the next separator
        search = max(header_end - 1, start)
        while True:
            found_at = stream.buf.find(_SEPARATOR, search)
            if found_at >= 0:
                stream.advance(found_at + 1)
                break
            keep = max(stream.pos, len(stream.buf) - len(_SEPARATOR) + 1)
            stream.advance(keep)
            if not stream.more():
                return
            search = 0


def _not_mbox(head: bytes, name: str) -> UnsupportedFormat:
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return UnsupportedFormat(
            "is a zip archive (Google Takeout delivers one): unpack it and read the .mbox "
            "file inside",
            path=name,
        )
    sniff_binary(Source(name, head[:64]))  # raises for a gzip, a PDF, an image...
    first = clean_text(head.split(b"\n", 1)[0].decode("utf-8", "replace"))
    shown = first if len(first) <= 60 else first[:59] + "…"
    return UnsupportedFormat(
        f"not an mbox file: it does not start with a 'From ' line (it starts: {shown!r}); "
        "export the mailbox as mbox (Gmail: Google Takeout → Mail; Thunderbird: "
        "ImportExportTools NG → Export folder)",
        path=name,
    )


@contextmanager
def _open(src: Src) -> Iterator[tuple[BinaryIO, str]]:
    if hasattr(src, "read"):
        yield src, str(getattr(src, "name", "<stream>"))  # type: ignore[misc]
        return
    path = Path(src)  # type: ignore[arg-type]
    name = str(path)
    if path.is_dir():
        raise UnsupportedFormat("is a folder; name the .mbox file inside it", path=name)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise UnsupportedFormat("no such file; check the path", path=name) from None
    except OSError as exc:
        raise UnsupportedFormat(f"cannot be read ({exc.strerror})", path=name) from None
    with handle:
        yield handle, name


# ---------------------------------------------------------------------------------------
# Header block to fields


class BadMessage(ValueError):
    """A message whose header block cannot be read; the text says why."""


@dataclass(frozen=True, slots=True)
class MailHeaders:
    """What one message's headers say about who wrote to whom, and when.

    Addresses are lower-cased; names are decoded (RFC 2047) display names, ``""``
    when absent.
    """

    sender: tuple[str, str]
    to: tuple[tuple[str, str], ...]
    cc: tuple[tuple[str, str], ...]
    other_recipients: tuple[str, ...]  # Bcc and Delivered-To addresses
    delivered_to: tuple[str, ...]
    day: date
    message_id: str
    thread: str
    skip: str  # why the message is not personal mail, "" when it is
    legacy_encoding: bool
    dropped: tuple[str, ...]  # values that could not be read and were left out


def _decode_block(header: bytes) -> tuple[str, bool]:
    """Decode a header block as UTF-8, line by line falling back to Windows-1252."""
    if b"\x00" in header:
        raise BadMessage("the header block holds binary data (NUL bytes): a damaged message")
    try:
        return header.decode("utf-8"), False
    except UnicodeDecodeError:
        pass
    lines = []
    for raw in header.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                lines.append(raw.decode("cp1252"))
            except UnicodeDecodeError:
                raise BadMessage(
                    "the header block is neither UTF-8 nor Windows-1252 text: a damaged message"
                ) from None
    return "\n".join(lines), True


def _unfold(value: str) -> str:
    return re.sub(r"\r?\n(?=[ \t])", "", value).replace("\r", "").replace("\n", " ")


def _words(value: str) -> str:
    """Decode RFC 2047 encoded words (``=?utf-8?q?Nicol=C3=B2?=``); raises on bad ones."""
    if "=?" not in value:
        return clean_text(value)
    try:
        return clean_text(str(make_header(decode_header(value))))
    except (HeaderParseError, LookupError, UnicodeError, ValueError) as exc:
        raise BadMessage(f"cannot decode {value!r}") from exc


def _address(text: str) -> str:
    address = text.strip().strip("<>").strip().casefold()
    if address.startswith("mailto:"):
        address = address[len("mailto:") :]
    return address if _EMAIL.match(address) else ""


def _display_name(name: str, dropped: list[str]) -> str:
    try:
        name = _words(name)
    except BadMessage:
        dropped.append(f"display name {clean_text(name)[:60]!r} cannot be decoded")
        return ""
    name = name.strip("\"' ")
    if not name or "@" in name:  # an address written again as a name
        return ""
    return name


@lru_cache(maxsize=4096)
def _mailbox_list(value: str) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Mailboxes ``(name, address)`` of one header value, and what could not be read.

    Cached: the same To/From values come back in message after message.
    """
    out: list[tuple[str, str]] = []
    dropped: list[str] = []
    for name, raw in getaddresses([_unfold(value)]):
        address = _address(raw)
        if not address:
            if raw.strip():
                dropped.append(f"{clean_text(raw)[:60]!r} is not an e-mail address")
            continue
        out.append((_display_name(name, dropped), address))
    return tuple(out), tuple(dropped)


def _mailboxes(values: list[str], dropped: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for value in values:
        found, lost = _mailbox_list(str(value))
        out.extend(found)
        dropped.extend(lost)
    return out


def _is_no_reply(address: str) -> bool:
    local = address.split("@", 1)[0].split("+", 1)[0].replace("_", "-").replace(".", "-")
    if local in _NO_REPLY:
        return True
    return local.endswith(("-noreply", "-no-reply", "-donotreply", "-do-not-reply")) or (
        local.startswith(("noreply-", "no-reply-"))
    )


def _skip_reason(msg: Message, sender: str) -> str:
    precedence = clean_text(str(msg.get("Precedence", ""))).casefold()
    if (
        msg.get("List-Id") is not None
        or msg.get("List-Unsubscribe") is not None
        or precedence in _BULK_PRECEDENCE
    ):
        return "mailing list (List-Id, List-Unsubscribe or Precedence: bulk, list, junk)"
    auto = clean_text(str(msg.get("Auto-Submitted", ""))).split(";", 1)[0].strip().casefold()
    if auto and auto != "no":
        return "auto-submitted (automatic reply or notification)"
    if _is_no_reply(sender):
        return "no-reply sender (newsletter or notification)"
    if msg.get("X-Mozilla-Draft-Info") is not None:
        return _SKIPPED_LABELS["draft"]
    labels = str(msg.get("X-Gmail-Labels", ""))
    for label in _unfold(labels).split(","):
        reason = _SKIPPED_LABELS.get(label.strip().strip('"').casefold())
        if reason:
            return reason
    return ""


_PARSER = HeaderParser(policy=compat32)


def parse_headers(header: bytes) -> MailHeaders:
    """Read the fields netkit needs from one message's header block.

    Parameters
    ----------
    header : bytes
        The header block, as :func:`split_mbox` yields it.

    Returns
    -------
    MailHeaders

    Raises
    ------
    BadMessage
        When the block is not text, or has no readable sender or date.

    Examples
    --------
    >>> h = parse_headers(b"From: =?utf-8?q?Nicol=C3=B2?= <Nicolo@Example.it>\\n"
    ...                   b"To: a@example.com\\nDate: Tue, 16 Apr 2024 10:22:33 +0200\\n")
    >>> h.sender, h.to, h.day
    (('Nicolò', 'nicolo@example.it'), (('', 'a@example.com'),), datetime.date(2024, 4, 16))
    """
    if not header.strip():
        raise BadMessage(
            "a 'From ' line with no headers after it (a body line starting 'From ' that "
            "was not escaped?)"
        )
    text, legacy = _decode_block(header)
    msg = _PARSER.parsestr(text, headersonly=True)
    dropped: list[str] = []
    senders = _mailboxes(msg.get_all("From", []), dropped)
    if not senders:
        raw = msg.get("From")
        raise BadMessage(
            "no From header" if raw is None else f"no sender address in From: {clean_text(raw)!r}"
        )
    date_text = msg.get("Date")
    if date_text is None:
        raise BadMessage("no Date header")
    try:
        day = parsedate_to_datetime(_unfold(str(date_text))).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        raise BadMessage(f"cannot read the date {clean_text(str(date_text))[:60]!r}") from None
    to = _mailboxes(msg.get_all("To", []), dropped)
    cc = _mailboxes(msg.get_all("Cc", []), dropped)
    delivered = [a for _, a in _mailboxes(msg.get_all("Delivered-To", []), [])]
    bcc = [a for _, a in _mailboxes(msg.get_all("Bcc", []), dropped)]
    ids = _MSG_ID.findall(str(msg.get("Message-ID", "")))
    message_id = ids[0] if ids else clean_text(str(msg.get("Message-ID", "")))
    thread = clean_text(str(msg.get("X-GM-THRID", "")))
    if thread:
        thread = "gm:" + thread
    else:
        roots = _MSG_ID.findall(str(msg.get("References", ""))) or _MSG_ID.findall(
            str(msg.get("In-Reply-To", ""))
        )
        thread = roots[0] if roots else message_id
    return MailHeaders(
        sender=senders[0],
        to=tuple(to),
        cc=tuple(cc),
        other_recipients=tuple(bcc + delivered),
        delivered_to=tuple(delivered),
        day=day,
        message_id=message_id,
        thread=thread,
        skip=_skip_reason(msg, senders[0][1]),
        legacy_encoding=legacy,
        dropped=tuple(dropped),
    )


# ---------------------------------------------------------------------------------------
# Messages to network


class _Records:
    """Personal messages kept compactly (about 100 bytes each) until the owner is known."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.addresses: list[str] = []
        self.names: dict[int, Counter[str]] = {}
        self.day = array("l")
        self.sender = array("l")
        self.thread = array("q")
        self.offset = array("q", [0])
        self.people = array("l")  # per message: number of To/Cc, To/Cc ids, other ids

    def intern(self, address: str, name: str = "") -> int:
        index = self.ids.get(address)
        if index is None:
            index = self.ids[address] = len(self.addresses)
            self.addresses.append(address)
        if name:
            self.names.setdefault(index, Counter())[name] += 1
        return index

    def add(self, h: MailHeaders, line: int) -> tuple[int, list[int]]:
        """Keep ``h``; a message with no thread or id is a thread of its own (``line``)."""
        sender = self.intern(h.sender[1], h.sender[0])
        recipients = list(dict.fromkeys(self.intern(a, n) for n, a in (*h.to, *h.cc)))
        others = list(dict.fromkeys(self.intern(a) for a in h.other_recipients))
        self.day.append(h.day.toordinal())
        self.sender.append(sender)
        self.thread.append(hash(h.thread or f"line {line}"))
        self.people.append(len(recipients))
        self.people.extend(recipients)
        self.people.extend(others)
        self.offset.append(len(self.people))
        return sender, recipients

    def __len__(self) -> int:
        return len(self.day)

    def get(self, k: int) -> tuple[date, int, list[int], list[int]]:
        chunk = self.people[self.offset[k] : self.offset[k + 1]]
        n = chunk[0]
        return (
            date.fromordinal(self.day[k]),
            self.sender[k],
            list(chunk[1 : n + 1]),
            list(chunk[n + 1 :]),
        )

    def name(self, index: int) -> str:
        names = self.names.get(index)
        return names.most_common(1)[0][0] if names else ""


def _infer_owner(
    seen: Counter[int], delivered: Counter[int], records: _Records, report: ImportReport
) -> set[int]:
    if not seen:
        return set()
    top = min(seen, key=lambda i: (-seen[i], -delivered[i], records.addresses[i]))
    why: dict[int, str] = {}
    # every mailbox a server delivered a good share of the mail to is the owner's too
    for i, n in delivered.items():
        if i != top and n >= max(1, len(records) // 10):
            why[i] = "Delivered-To"
    # and so is every address shown with the owner's own full name (an old address)
    name = fold(records.name(top))
    if len(name.split()) >= 2:
        for i in records.names:
            if i != top and i not in why and fold(records.name(i)) == name:
                why[i] = f"shown as {records.name(i)}"
    extra = "".join(
        f", plus {records.addresses[i]} ({why[i]})"
        for i in sorted(why, key=lambda i: records.addresses[i])
    )
    report.notes.append(
        f"owner address{'es' if why else ''} inferred: {records.addresses[top]} (in "
        f"{seen[top]:,} of {len(records):,} personal messages){extra}; pass owner_emails if "
        "this is wrong"
    )
    return {top, *why}


def _shown(envelope: bytes) -> str:
    text = clean_text(envelope.decode("utf-8", "replace"))
    return text if len(text) <= 120 else text[:119] + "…"


def read_mbox(
    src: Src,
    *,
    owner_emails: Sequence[str] = (),
    on_bad_rows: OnBadRows = "report",
    max_recipients: int = 10,
) -> tuple[nx.Graph, ImportReport]:
    """Read an mbox mailbox (Gmail Takeout, Thunderbird) into the owner's e-mail network.

    The file is streamed: only each message's header block is parsed and bodies are
    skipped, so a mailbox of many gigabytes is read in flat memory (about 200 bytes
    per message are kept until the owner is known).

    Parameters
    ----------
    src : str, path or binary file
        An ``.mbox`` file: Gmail Takeout's ``All mail Including Spam and Trash.mbox``,
        a Thunderbird folder file, or any mbox (mboxo/mboxrd).
    owner_emails : sequence of str
        The owner's addresses. When empty, the address found in the most personal
        messages (as sender, recipient or ``Delivered-To``) is taken, plus any address
        ``Delivered-To`` names in at least a tenth of them; the report's notes say
        which.
    on_bad_rows : {"report", "error"}
        What to do with a message that cannot be read (no readable sender or date,
        a header block that is not text or is over 256 KiB): list it in the report
        (default) or raise :class:`~netkit.errors.ParseError`.
    max_recipients : int
        A message with more people than this besides the owner (sender, To and Cc)
        is bulk mail and is skipped.

    Returns
    -------
    G : networkx.Graph
        Persons ``mail:<address>``; the owner's ties with ``messages_sent`` (to each
        To/Cc recipient of the owner's messages), ``messages_received`` (from the
        sender of messages to the owner), ``first_contact``/``last_contact`` and
        channel ``email``; ``email`` links among the other people of each message.
    report : ImportReport
        One row per message. Skipped: mailing lists, bulk and automatic mail,
        no-reply senders, Gmail spam and drafts, bulk messages, messages that do not
        involve the owner, notes to oneself. ``counts``: ``messages`` (kept),
        ``threads`` (among them) and ``correspondents`` (people the owner exchanged
        mail with).

    Raises
    ------
    UnsupportedFormat
        When the file is missing, a folder, empty, or not an mbox.
    ParseError
        With ``on_bad_rows="error"``, at the first message that cannot be read.

    Notes
    -----
    Dates are the day of the ``Date`` header in the sender's time zone. Messages are
    the same when their ``Message-ID`` is (Gmail Takeout can repeat a message): the
    later copies are listed as duplicates.

    Examples
    --------
    >>> import io
    >>> mail = (b"From x Tue Apr 16 10:22:33 2024\\nFrom: Ada <ada@example.com>\\n"
    ...         b"To: me@example.org\\nDate: Tue, 16 Apr 2024 10:22:33 +0200\\n\\nHi\\n")
    >>> G, report = read_mbox(io.BytesIO(mail), owner_emails=["me@example.org"])
    >>> G.edges["ego", "mail:ada@example.com"]["messages_received"], report.accepted
    (1, 1)
    """
    if on_bad_rows not in ("report", "error"):
        raise ValueError(f"on_bad_rows must be 'report' or 'error', not {on_bad_rows!r}")
    if isinstance(max_recipients, bool) or not isinstance(max_recipients, int):
        raise TypeError("max_recipients must be an int")
    if max_recipients < 1:
        raise ValueError("max_recipients must be at least 1")
    if isinstance(owner_emails, str):
        owner_emails = [owner_emails]
    given = [_address(a) for a in owner_emails]
    if any(not a for a in given):
        bad = [a for a, g in zip(owner_emails, given, strict=True) if not g]
        raise ValueError(f"owner_emails holds values that are not e-mail addresses: {bad}")

    with _open(src) as (handle, name):
        report = ImportReport(path=name, format=FORMAT, encoding="utf-8")
        records = _Records()
        pending: dict[int, list[RowIssue]] = {}  # problems of kept messages, by record
        seen_ids: dict[int, int] = {}
        seen: Counter[int] = Counter()
        delivered: Counter[int] = Counter()
        legacy = 0
        for raw in split_mbox(handle, name):
            report.rows_read += 1
            try:
                if raw.oversized:
                    raise BadMessage(
                        "the header block runs past 256 KiB without a blank line: a damaged message"
                    )
                h = parse_headers(raw.header)
            except BadMessage as exc:
                if on_bad_rows == "error":
                    raise ParseError(str(exc), path=name, line=raw.line) from None
                report.rejected.append(RowIssue(raw.line, str(exc), _shown(raw.envelope)))
                continue
            if h.message_id:
                key = hash(h.message_id)
                first = seen_ids.get(key)
                if first is not None:
                    report.duplicates.append(
                        RowIssue(
                            raw.line,
                            f"same Message-ID as the message at line {first} (Gmail repeats "
                            "a message in Takeout): counted once",
                            _shown(raw.envelope),
                        )
                    )
                    continue
                seen_ids[key] = raw.line
            legacy += h.legacy_encoding
            if h.skip:
                report.skip(h.skip)
                continue
            if h.dropped:
                pending[len(records)] = [
                    RowIssue(raw.line, f"{what}; left out", _shown(raw.envelope))
                    for what in h.dropped
                ]
            sender, recipients = records.add(h, raw.line)
            seen.update({sender, *recipients, *(records.ids[a] for a in h.delivered_to)})
            delivered.update({records.ids[a] for a in h.delivered_to})

    if given:
        owners = {records.ids[a] for a in given if a in records.ids}
        if not owners:
            report.notes.append(
                "none of the owner addresses given appears in a personal message: check "
                "owner_emails"
            )
    else:
        owners = _infer_owner(seen, delivered, records, report)
    if legacy:
        report.encoding = "utf-8, some headers cp1252"
        report.notes.append(
            f"{legacy:,} message{'s' if legacy > 1 else ''} had header bytes that are not "
            "UTF-8: read as Windows-1252"
        )
    G = _build(records, owners, given, report, max_recipients, pending)
    report.contacts = sum(1 for _, kind in G.nodes(data="kind") if kind == "person")
    return G, report


def _build(
    records: _Records,
    owners: set[int],
    given: list[str],
    report: ImportReport,
    max_recipients: int,
    pending: dict[int, list[RowIssue]],
) -> nx.Graph:
    builder = NetworkBuilder(FORMAT)
    owner_addresses = list(dict.fromkeys(given)) or sorted(records.addresses[i] for i in owners)
    owner_names: Counter[str] = Counter()
    for i in owners:
        owner_names.update(records.names.get(i, Counter()))
    builder.set_ego(
        name=owner_names.most_common(1)[0][0] if owner_names else "",
        emails=";".join(owner_addresses),
    )
    involved: set[int] = set()
    correspondents: set[int] = set()
    threads: set[int] = set()
    ids: dict[int, str] = {}

    def pid(index: int) -> str:
        found = ids.get(index)
        if found is None:
            found = ids[index] = person_id(email=records.addresses[index])
        return found

    for k in range(len(records)):
        day, sender, recipients, others = records.get(k)
        sent = sender in owners
        received = any(i in owners for i in recipients) or any(i in owners for i in others)
        if not (sent or received):
            report.skip("not to or from the owner")
            continue
        people = [i for i in dict.fromkeys([sender, *recipients]) if i not in owners]
        if not people:
            report.skip("sent to oneself only")
            continue
        if len(people) > max_recipients:
            report.skip(f"bulk: more than {max_recipients} recipients")
            continue
        report.accepted += 1
        report.problems.extend(pending.get(k, ()))
        threads.add(records.thread[k])
        involved.update(people)
        if sent:
            for i in people:
                builder.tie(pid(i), channel="email", when=day, messages_sent=1)
                correspondents.add(i)
        else:
            builder.tie(pid(sender), channel="email", when=day, messages_received=1)
            correspondents.add(sender)
        for a, b in combinations(people, 2):
            builder.link(pid(a), pid(b), kind="email", when=day)

    for i in sorted(involved, key=lambda i: records.addresses[i]):
        builder.person(pid(i), name=records.name(i), emails=records.addresses[i])
    report.counts = {
        "messages": report.accepted,
        "threads": len(threads),
        "correspondents": len(correspondents),
    }
    return builder.graph(source_entry(FORMAT, report.path, report.rows_read, len(report.rejected)))


def sniff_mbox(source: Source, kind: str | None, head: str) -> bool:
    """True when ``head`` starts like an mbox: a ``From`` line, then mail headers.

    Examples
    --------
    >>> sniff_mbox(Source("x", b""), None, "From x Mon Jan  1 00:00:00 2024\\nDate: x\\n")
    True
    >>> sniff_mbox(Source("x", b""), None, "From: a@b.it\\nTo: c@d.it\\n")
    False
    """
    if kind is not None:
        return False
    text = head.lstrip("\ufeff \t\r\n")
    if not text.startswith("From "):
        return False
    return any(_HEADER_NAME.match(line) for line in text[:65536].splitlines()[1:200])
