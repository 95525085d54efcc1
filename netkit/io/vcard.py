"""vCard files (``.vcf``): versions 2.1, 3.0 and 4.0, many cards in one file."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from netkit.errors import UnsupportedFormat
from netkit.io._text import Source, Src, decode, load_source, sniff_binary
from netkit.io.addressbook import Entry, build_address_book
from netkit.io.report import ImportReport
from netkit.schema import clean_text, fold

__all__ = ["FORMAT", "parse_vcards", "read_vcard", "sniff"]

FORMAT = "vcard"
OnBadRows = Literal["report", "error"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NAME = re.compile(r"^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)(;.*)?$", re.DOTALL)
_BAD_QP = re.compile(r"=(?![0-9A-Fa-f]{2})")
_QP_BYTE = re.compile(rb"=([0-9A-Fa-f]{2})")
_BASE64_LINE = re.compile(r"^[A-Za-z0-9+/=\s]+$")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPED = {"n": "\n", "N": "\n", ",": ",", ";": ";", ":": ":", "\\": "\\"}
_BARE_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
_SLUG = re.compile(r"^[\w-]+$")
#: Properties where a LinkedIn profile URL may be written, besides any ``X-`` one that is
#: not Apple's bookkeeping (``X-ABLabel``, ``X-ABADR``, ``X-ABUID``…).
_URL_PROPERTIES = frozenset({"URL", "X-SOCIALPROFILE", "IMPP", "SOURCE"})


def sniff(source: Source, kind: str | None, head: str) -> bool:
    """True when the first non-blank line of ``head`` is ``BEGIN:VCARD``.

    Examples
    --------
    >>> sniff(Source("x.vcf", b""), None, "\\r\\nBEGIN:VCARD\\r\\nVERSION:3.0\\r\\n")
    True
    >>> sniff(Source("x.ics", b""), None, "BEGIN:VCALENDAR\\r\\n")
    False
    """
    if kind is not None:
        return False
    for line in _LINE_BREAK.split(head[:65536]):
        if line.strip():
            return line.strip().upper() == "BEGIN:VCARD"
    return False


@dataclass
class _Card:
    """The physical lines between ``BEGIN:VCARD`` (on ``line``) and ``END:VCARD``."""

    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    broken: str = ""


@dataclass
class _Property:
    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    value: str

    @property
    def types(self) -> set[str]:
        return {t.upper() for t in self.params.get("TYPE", [])}

    @property
    def preferred(self) -> bool:
        return "PREF" in self.types or "PREF" in self.params


class _BrokenLine(ValueError):
    """A line of a card that cannot be read: its number and what is wrong."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line


def _split_cards(text: str) -> tuple[list[_Card], list[int]]:
    """Cut the text into cards; return them and the lines found outside any card.

    A card that never ends, or that a new ``BEGIN:VCARD`` interrupts, is returned
    marked broken; so is an ``END:VCARD`` with no ``BEGIN:VCARD`` (with the stray
    lines before it). A vCard 2.1 ``AGENT`` may embed a card: it is skipped whole.
    """
    cards: list[_Card] = []
    stray: list[int] = []  # lines outside any card
    pending: list[int] = []  # stray lines since the last card: an END:VCARD claims them
    current: _Card | None = None
    nested = 0
    for number, raw in enumerate(_LINE_BREAK.split(text), 1):
        if current is not None and not nested and raw[:1] in " \t":
            current.lines.append((number, raw))  # a folded line (most of a photo)
            continue
        word = raw.strip().upper()
        if current is None:
            if word == "BEGIN:VCARD":
                current, stray, pending = _Card(number), stray + pending, []
            elif word == "END:VCARD":
                start = pending[0] if pending else number
                reason = (
                    f"END:VCARD on line {number} without BEGIN:VCARD: the start of the "
                    "card is missing"
                )
                cards.append(_Card(start, [(number, raw)], reason))
                pending = []
            elif word:
                pending.append(number)
            continue
        if nested:
            nested += (word == "BEGIN:VCARD") - (word == "END:VCARD")
            continue
        if word == "BEGIN:VCARD":
            previous = current.lines[-1][1] if current.lines else ""
            if re.match(r"^AGENT(;[^:]*)?:\s*$", previous, re.IGNORECASE):
                nested = 1
                continue
            current.broken = (
                f"no END:VCARD before the next BEGIN:VCARD on line {number}: the card is cut short"
            )
            cards.append(current)
            current = _Card(number)
        elif word == "END:VCARD":
            cards.append(current)
            current = None
        else:
            current.lines.append((number, raw))
    if current is not None:
        current.broken = "the card never ends (no END:VCARD): is the file cut short?"
        cards.append(current)
    return cards, stray + pending


def _colon(text: str) -> int:
    """Index of the colon between name and value (not one inside a quoted parameter)."""
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return index
    return -1


def _encoding(text: str) -> str:
    """``"qp"``, ``"base64"`` or ``""``: how the value of a property line is encoded."""
    colon = _colon(text)
    match = _NAME.match(text[:colon] if colon >= 0 else text)
    encoding = set(_parse_params(match.group(3) or "").get("ENCODING", [])) if match else set()
    if "QUOTED-PRINTABLE" in encoding:
        return "qp"
    return "base64" if encoding & {"B", "BASE64"} else ""


def _logical_lines(card: _Card) -> list[tuple[int, str]]:
    """Unfold a card's lines: a line starting with a space or tab continues the one
    before (the break and that one character are removed); a quoted-printable value
    ending with ``=`` continues on the next line; unindented base64 lines after a
    2.1 ``ENCODING=BASE64`` property, up to a blank line, belong to it. The lines of
    a base64 value are dropped as they come: photos are not read."""
    logical: list[tuple[int, list[str]]] = []
    encoding, head_done = "", True
    for number, raw in card.lines:
        folded = raw[:1] in " \t"
        if encoding == "base64" and not folded:
            if not raw.strip():
                encoding = ""
                continue
            if _BASE64_LINE.match(raw):
                continue
        segments = logical[-1][1] if logical else []
        if encoding == "qp" and segments[-1].endswith("="):  # a soft line break
            segments[-1] = segments[-1][:-1]
            segments.append(raw[1:] if folded else raw)
        elif folded and logical:
            if encoding != "base64":
                segments.append(raw[1:])
        elif not raw.strip():
            continue
        else:
            logical.append((number, [raw]))
            head_done = False
        if not head_done:  # parameters can be folded too: wait for the colon
            text = "".join(logical[-1][1])
            head_done = _colon(text) >= 0
            encoding = _encoding(text)
    if encoding == "qp" and logical[-1][1][-1].endswith("="):
        raise _BrokenLine(
            logical[-1][0],
            "a quoted-printable value ends with a soft line break '=' and nothing follows it",
        )
    return [(number, "".join(segments)) for number, segments in logical]


def _split_unquoted(text: str, sep: str) -> list[str]:
    parts, quoted, start = [], False, 0
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == sep and not quoted:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _parse_params(text: str) -> dict[str, list[str]]:
    """``;TYPE=work,pref;CHARSET=UTF-8`` and 2.1's bare ``;WORK;PREF`` alike."""
    params: dict[str, list[str]] = {}
    for piece in _split_unquoted(text, ";"):
        piece = piece.strip()
        if not piece:
            continue
        key, equals, value = piece.partition("=")
        if not equals:
            bare = key.upper()
            key, value = ("ENCODING" if bare in _BARE_ENCODINGS else "TYPE"), bare
        key = key.strip().upper()
        values = [v.strip().strip('"') for v in _split_unquoted(value, ",")]
        if key in ("TYPE", "ENCODING"):  # 4.0 may quote a list: TYPE="voice,home"
            values = [t.strip().upper() for v in values for t in v.split(",")]
        params.setdefault(key, []).extend(v for v in values if v)
    return params


def _decode_qp(value: str, charset: str, number: int) -> str:
    bad = _BAD_QP.search(value)
    if bad:
        shown = value[bad.start() : bad.start() + 3]
        raise _BrokenLine(number, f"{shown!r} is not a quoted-printable escape (=XX)")
    data = _QP_BYTE.sub(lambda m: bytes([int(m.group(1), 16)]), value.encode("utf-8"))
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    for encoding in (charset, "utf-8", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # pragma: no cover - latin-1 decodes any bytes


def _properties(card: _Card) -> list[_Property]:
    """Parse a card's logical lines; raise :class:`_BrokenLine` at the first broken one."""
    found = []
    for number, text in _logical_lines(card):
        colon = _colon(text)
        if colon < 0:
            raise _BrokenLine(number, "no ':' between a property name and its value")
        match = _NAME.match(text[:colon])
        if not match:
            shown = clean_text(text[:colon])[:40]
            raise _BrokenLine(number, f"does not start with a property name ({shown!r})")
        group, name, params_text = match.groups()
        params = _parse_params(params_text or "")
        value = text[colon + 1 :]
        encoding = set(params.get("ENCODING", []))
        if encoding & {"B", "BASE64"}:
            continue  # photos, logos, keys: binary, not needed
        if "QUOTED-PRINTABLE" in encoding:
            charset = (params.get("CHARSET") or ["utf-8"])[0]
            value = _decode_qp(value, charset, number)
        found.append(_Property(number, (group or "").casefold(), name.upper(), params, value))
    return found


def _unescape(text: str) -> str:
    """Undo vCard escapes: ``\\,`` ``\\;`` ``\\:`` ``\\n`` ``\\\\``."""
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(1), "\\" + m.group(1)), text)


def _components(value: str, sep: str = ";") -> list[str]:
    """Split a structured value on separators that are not escaped, then unescape."""
    parts, start, index = [], 0, 0
    while index < len(value):
        if value[index] == "\\":
            index += 2
            continue
        if value[index] == sep:
            parts.append(value[start:index])
            start = index + 1
        index += 1
    parts.append(value[start:])
    return [clean_text(_unescape(part)) for part in parts]


def _joined(component: str) -> str:
    """A name component may list several values with commas (``Anna,Maria``)."""
    return " ".join(p for p in (c.strip() for c in component.split(",")) if p)


def _entry(card: _Card, props: list[_Property], text: str) -> Entry:
    entry = Entry(card.line, text)
    labels = {p.group: fold(_unescape(p.value)) for p in props if p.name == "X-ABLABEL" and p.group}
    fn = given = family = nickname = role = kind = ""
    emails: list[tuple[bool, str]] = []
    phones: list[tuple[bool, str]] = []
    addresses: list[tuple[bool, str, str, str]] = []
    notes: list[str] = []
    for prop in props:
        name = prop.name
        if name == "FN":
            fn = fn or clean_text(_unescape(prop.value))
        elif name == "N":
            parts = [*_components(prop.value), "", "", ""]
            family = family or _joined(parts[0])
            given = given or " ".join(p for p in (_joined(parts[1]), _joined(parts[2])) if p)
        elif name == "NICKNAME":
            nickname = nickname or _components(prop.value, ",")[0]
        elif name == "EMAIL":
            emails.append((prop.preferred, _unescape(prop.value)))
        elif name == "TEL":
            types = prop.types
            if "FAX" not in types or types & {"VOICE", "CELL"}:
                phones.append((prop.preferred, _unescape(prop.value)))
        elif name == "ORG":
            parts = [*_components(prop.value), ""]
            entry.company = entry.company or parts[0]
            entry.department = entry.department or parts[1]
        elif name == "TITLE":
            entry.position = entry.position or clean_text(_unescape(prop.value))
        elif name == "ROLE":
            role = role or clean_text(_unescape(prop.value))
        elif name == "ADR":
            parts = [*_components(prop.value), "", "", "", "", "", "", ""]
            addresses.append(("WORK" in prop.types, parts[3], parts[4], parts[6]))
        elif name == "NOTE":
            notes.append(_unescape(prop.value))
        elif name == "CATEGORIES":
            entry.labels += _components(prop.value, ",")
        elif name == "UID":
            entry.uid = entry.uid or clean_text(prop.value)
        elif name in ("KIND", "X-ADDRESSBOOKSERVER-KIND"):
            kind = fold(prop.value)
        elif name == "X-ABSHOWAS" and fold(prop.value) == "company":
            kind = "org"
        elif name in _URL_PROPERTIES or (name.startswith("X-") and not name.startswith("X-AB")):
            _profile(entry, prop, labels.get(prop.group, ""))
    entry.emails = [v for pref, v in emails if pref] + [v for pref, v in emails if not pref]
    entry.phones = [v for pref, v in phones if pref] + [v for pref, v in phones if not pref]
    useful = [a for a in addresses if any(a[1:])]
    chosen = next((a for a in useful if a[0]), useful[0] if useful else None)
    if chosen is not None:
        _, entry.city, entry.region, entry.country = chosen
    entry.first_name, entry.last_name = given, family
    entry.full_name = fn or nickname
    entry.position = entry.position or role
    entry.notes = " ".join(notes)
    if kind == "group":
        entry.skip = "a contact group, not a person"
    person_named = given or family or (fn and fold(fn) != fold(entry.company))
    entry.organisation_only = kind == "org" or (bool(entry.company) and not person_named)
    return entry


def _profile(entry: Entry, prop: _Property, label: str) -> None:
    """Collect a value where a LinkedIn profile may be: ``URL``, ``X-SOCIALPROFILE``,
    ``IMPP``, ``item1.URL`` with ``item1.X-ABLabel:linkedin``, other ``X-`` values."""
    value = _unescape(prop.value).strip()
    linkedin = "linkedin" in label or "LINKEDIN" in prop.types
    if linkedin and not entry.linkedin:
        user = (prop.params.get("X-USER") or [""])[0]
        if user and _SLUG.match(user):
            entry.linkedin = user
        elif _SLUG.match(value):
            entry.linkedin = value
    if value:
        entry.urls.append(value)


def _shown(text: str) -> str:
    text = clean_text(text)
    return text if len(text) <= 120 else text[:119] + "…"


def parse_vcards(source: Source) -> tuple[list[Entry], ImportReport]:
    """Parse the bytes of a ``.vcf`` file into entries (one per card) and a report.

    A card with a line that cannot be read is returned as a broken entry, naming the
    line; the other cards are unaffected.

    Raises
    ------
    UnsupportedFormat
        For an empty or binary file, or one with no ``BEGIN:VCARD`` line.
    EncodingProblem
        For damaged UTF-16 text.
    """
    text, encoding = decode(source)
    if not text.strip():  # only a byte-order mark: decode() lets it through
        raise UnsupportedFormat("the file is empty; export your data again", path=source.name)
    if not re.search(r"^[ \t]*BEGIN:VCARD[ \t]*\r?$", text, re.IGNORECASE | re.MULTILINE):
        raise UnsupportedFormat(
            "has no BEGIN:VCARD line, so it is not a vCard file; export the contacts "
            "again as vCard (.vcf)",
            path=source.name,
        )
    report = ImportReport(path=source.name, format=FORMAT, encoding=encoding)
    if encoding not in ("utf-8", "utf-8-sig"):
        report.notes.append(f"read as {encoding} (not UTF-8)")
    cards, stray = _split_cards(text)
    entries = []
    versions: dict[str, int] = {}
    no_fn = 0
    for card in cards:
        first = card.lines[0][1] if card.lines else ""
        if card.broken:
            entries.append(Entry(card.line, _shown(first), broken=card.broken))
            continue
        try:
            props = _properties(card)
        except _BrokenLine as broken:
            shown = next((raw for number, raw in card.lines if number == broken.line), first)
            entries.append(Entry(card.line, _shown(shown), broken=str(broken)))
            continue
        fn = next((p for p in props if p.name == "FN"), None)
        shown = f"FN:{_unescape(fn.value)}" if fn else first
        entry = _entry(card, props, _shown(shown))
        version = next((p.value.strip() for p in props if p.name == "VERSION"), "unknown")
        key = f"vCard {version} cards"
        versions[key] = versions.get(key, 0) + 1
        no_fn += fn is None and bool(entry.first_name or entry.last_name)
        entries.append(entry)
    report.counts.update(sorted(versions.items()))
    if no_fn:
        report.notes.append(
            f"{no_fn} cards have no FN (formatted name): their name was built from N"
        )
    if stray:
        report.notes.append(
            f"{len(stray)} lines outside any card were ignored (the first is line {stray[0]})"
        )
    return entries, report


def read_vcard(
    src: Src, *, on_bad_rows: OnBadRows = "report", ego_name: str | None = None
) -> tuple[nx.Graph, ImportReport]:
    """Read a vCard file (one or many cards, versions 2.1, 3.0 and 4.0) into a network.

    Reads what phones, Google, Apple and Outlook export: folded lines, 2.1's
    ``CHARSET=`` and ``ENCODING=QUOTED-PRINTABLE`` (with ``=`` soft line breaks),
    escapes, ``TYPE=work,pref`` and bare ``;WORK;PREF`` parameters, grouped
    properties (``item1.URL`` with ``item1.X-ABLabel``); base64 photos are skipped.
    ``FN`` (or ``N``), ``EMAIL``, ``TEL``, ``ORG`` (company; department),
    ``TITLE``, ``ADR`` (city, region, country of the first work address, else the
    first), ``URL``/``X-SOCIALPROFILE`` (a LinkedIn profile becomes ``linkedin_url``
    and the ``li:`` id), ``NOTE``, ``CATEGORIES`` (labels) and ``UID`` (two cards
    with one UID are one contact) are used. Contact groups (``KIND:group``) are
    skipped; company cards (``KIND:org``, ``X-ABShowAs:COMPANY``, or an ``FN`` that
    is only the ``ORG``) are rejected as organisations.

    Parameters
    ----------
    src : str, path or binary file
        The ``.vcf`` file.
    on_bad_rows : {"report", "error"}
        What to do with a card that cannot be read or is not a person: list it in
        the report with its ``BEGIN:VCARD`` line (default) or raise
        :class:`~netkit.errors.ParseError`.
    ego_name : str, optional
        The owner's name, stored on the ego node.

    Returns
    -------
    G : networkx.Graph
        Ego, one person per card (see
        :func:`~netkit.io.addressbook.build_address_book`), organisations.
    report : ImportReport
        One row per card.

    Raises
    ------
    UnsupportedFormat, EncodingProblem, ParseError

    Examples
    --------
    >>> import io
    >>> card = (b"BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nFN:Ada Lovelace\\r\\nN:Lovelace;Ada;;;\\r\\n"
    ...         b"ORG:Enel S.p.A.;HR\\r\\nitem1.URL:https\\\\://www.linkedin.com/in/ada-l\\r\\n"
    ...         b"item1.X-ABLabel:linkedin\\r\\nEND:VCARD\\r\\n")
    >>> G, report = read_vcard(io.BytesIO(card))
    >>> G.nodes["li:ada-l"]["department"], G.edges["li:ada-l", "org:enel"]["kind"]
    ('HR', 'member_of')
    """
    if on_bad_rows not in ("report", "error"):
        raise ValueError(f"on_bad_rows must be 'report' or 'error', not {on_bad_rows!r}")
    source = load_source(src)
    if sniff_binary(source) == "zip":
        raise UnsupportedFormat(
            "is a zip archive; unpack it and import the .vcf file inside", path=source.name
        )
    entries, report = parse_vcards(source)
    G = build_address_book(entries, report, on_bad_rows=on_bad_rows, ego_name=ego_name)
    return G, report
