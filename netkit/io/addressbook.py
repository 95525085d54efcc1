"""Address books: Google Contacts CSV (current and legacy) and Outlook CSV (three layouts).

Both formats, and vCard (:mod:`netkit.io.vcard`), are parsed into :class:`Entry`
records; :func:`build_address_book` turns the entries of one file into a network with
one rule for all three: who is a person, who is a duplicate, which id each one gets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from netkit.build import NetworkBuilder, source_entry
from netkit.errors import MissingColumns, ParseError, UnsupportedFormat
from netkit.io._tables import EMAIL, Header, header_cells, records, shown
from netkit.io._text import Source, Src, decode, load_source, sniff_binary
from netkit.io.linkedin import find_header
from netkit.io.report import ImportReport, RowIssue
from netkit.schema import clean_text, fold, linkedin_slug, organisation_key, person_id

__all__ = [
    "GOOGLE_FORMAT",
    "OUTLOOK_FORMAT",
    "Entry",
    "build_address_book",
    "parse_google_contacts",
    "parse_outlook_contacts",
    "read_google_contacts",
    "read_outlook_contacts",
    "sniff_google",
    "sniff_outlook",
]

GOOGLE_FORMAT = "google-contacts"
OUTLOOK_FORMAT = "outlook-contacts"
OnBadRows = Literal["report", "error"]

#: Google's separator between several values in one cell.
_MULTI = ":::"
#: The group every Google contact belongs to: it says nothing about anyone.
_SYSTEM_LABELS = frozenset({"mycontacts"})
_HEADER_LINE_MAX = 256 * 1024
_SAME_NAME_NOTES = 10


@dataclass
class Entry:
    """One address-book entry as a reader parsed it, before it becomes a person.

    Attributes
    ----------
    line : int
        1-based line where the entry starts (a CSV row, a ``BEGIN:VCARD`` line).
    text : str
        The start of the entry as read, to find it again (at most 120 characters).
    broken : str
        Why the entry cannot be read at all; it is rejected with this reason.
    skip : str
        Why the entry is left out on purpose (a contact group, not a person).
    full_name : str
        A display name (vCard ``FN``, Google's legacy ``Name``) used when the name
        parts are empty.
    emails, phones : list of str
        As written, the preferred one first.
    urls : list of str
        Web addresses and other values a LinkedIn profile URL may hide in.
    linkedin : str
        A LinkedIn profile slug the source names without a URL.
    organisation_only : bool
        The entry describes an organisation, not a person.
    """

    line: int
    text: str = ""
    broken: str = ""
    skip: str = ""
    first_name: str = ""
    last_name: str = ""
    full_name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    company: str = ""
    department: str = ""
    position: str = ""
    city: str = ""
    region: str = ""
    country: str = ""
    urls: list[str] = field(default_factory=list)
    linkedin: str = ""
    notes: str = ""
    labels: list[str] = field(default_factory=list)
    uid: str = ""
    organisation_only: bool = False


# --------------------------------------------------------------------------------------
# Entries to a network: one rule for every address book


@dataclass
class _Person:
    """An accepted entry, with the values of its duplicates merged in."""

    line: int
    name: str
    first_name: str
    last_name: str
    emails: list[str]
    phones: list[str]
    slug: str
    labels: list[str]
    attrs: dict[str, str]
    keys: list[str]
    pid: str = ""


_SINGLE = ("company", "department", "position", "city", "region", "country", "notes")


def _phone_key(phone: str) -> str:
    digits = "".join(c for c in phone if c.isdigit())
    return ("+" if phone.lstrip().startswith("+") else "") + digits


def _unique(values: Iterable[str], key: Callable[[str], str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        k = key(value)
        if k and k not in seen:
            seen.add(k)
            out.append(value)
    return out


def _person(entry: Entry) -> tuple[_Person, list[str]]:
    """Clean an entry's values; return the person and the values it lost (problems)."""
    problems: list[str] = []
    emails = []
    for raw in entry.emails:
        email = clean_text(raw).removeprefix("mailto:").removeprefix("MAILTO:").casefold()
        if not email:
            continue
        if EMAIL.match(email):
            emails.append(email)
        else:
            problems.append(f"email {clean_text(raw)!r} is not an address; left out")
    phones = [p for p in (clean_text(p).removeprefix("tel:") for p in entry.phones) if p]
    phones = [p for p in phones if _phone_key(p).strip("+")]
    slug = entry.linkedin.casefold()
    for url in entry.urls:
        if slug:
            break
        slug = linkedin_slug(url.replace("\\:", ":")) or ""
    first, last = clean_text(entry.first_name), clean_text(entry.last_name)
    name = " ".join(p for p in (first, last) if p) or clean_text(entry.full_name)
    attrs = {key: clean_text(getattr(entry, key)) for key in _SINGLE}
    location = ", ".join(attrs[k] for k in ("city", "region", "country") if attrs[k])
    attrs["location"] = location
    labels = _unique((clean_text(label) for label in entry.labels), fold)
    emails = _unique(emails, str)
    keys = ([f"li:{slug}"] if slug else []) + [f"mail:{e}" for e in emails]
    if entry.uid:
        keys.append(f"uid:{entry.uid}")
    person = _Person(
        entry.line,
        name,
        first,
        last,
        emails,
        _unique(phones, _phone_key),
        slug,
        [label.replace(";", ",") for label in labels],
        attrs,
        keys,
    )
    return person, problems


def _merge(into: _Person, other: _Person) -> list[str]:
    """Add ``other``'s values to ``into``; return what was added, in words."""
    added = []
    emails = [e for e in other.emails if e not in into.emails]
    known = {_phone_key(p) for p in into.phones}
    phones = [p for p in other.phones if _phone_key(p) not in known]
    if emails:
        into.emails += emails
        added.append("emails " + ", ".join(emails))
    if phones:
        into.phones += phones
        added.append("phones " + ", ".join(phones))
    if other.slug and not into.slug:
        into.slug = other.slug
        added.append(f"LinkedIn profile {other.slug}")
    into.labels = _unique([*into.labels, *other.labels], fold)
    for key, value in other.attrs.items():
        if value and not into.attrs.get(key):
            into.attrs[key] = value
    into.keys += [k for k in other.keys if k not in into.keys]
    return added


def _describe(key: str) -> str:
    kind, _, value = key.partition(":")
    return {"li": "LinkedIn profile", "mail": "email", "uid": "UID"}[kind] + f" {value}"


def _merge_duplicate(
    earlier: _Person, person: _Person, what: str, matches: list[tuple[str, _Person]]
) -> str:
    """Merge a duplicate into the entry it repeats; return the reason for the report.

    Keys of the duplicate that belong to a third entry stay with that entry: one
    address-book row does not fuse two people.
    """
    others = {key: other for key, other in matches if other is not earlier}
    person.emails = [e for e in person.emails if f"mail:{e}" not in others]
    person.keys = [k for k in person.keys if k not in others]
    lost, slug_key = "", f"li:{person.slug}"
    if person.slug and (slug_key in others or earlier.slug not in ("", person.slug)):
        if slug_key not in others:
            lost = f"; its other LinkedIn profile {person.slug} was left out"
            person.keys.remove(slug_key)
        person.slug = ""
    added = _merge(earlier, person)
    merged = f"added {'; '.join(added)}" if added else "nothing new in it"
    kept = "".join(
        f"; its {_describe(key)} is line {other.line}'s and stays there"
        for key, other in others.items()
    )
    return f"same {what} as line {earlier.line}: merged into it ({merged}){lost}{kept}"


def _same_details(a: _Person, b: _Person) -> bool:
    """Whether two entries with the same name and no email or profile are one person."""
    if {_phone_key(p) for p in a.phones} & {_phone_key(p) for p in b.phones}:
        return True
    return a.phones == b.phones and a.attrs == b.attrs


def build_address_book(
    entries: Sequence[Entry],
    report: ImportReport,
    *,
    on_bad_rows: OnBadRows = "report",
    ego_name: str | None = None,
) -> nx.Graph:
    """Turn one address book's entries into a network, filling in ``report``.

    Rules (the same for Google, Outlook and vCard):

    - an entry with no name, email or phone is rejected; so is an entry that names
      only an organisation (no person's name, or a vCard marked as a company);
    - an entry with the same email, LinkedIn profile or vCard ``UID`` as an earlier
      one is a duplicate: its new emails, phones, labels and missing values are
      merged into the earlier entry, and the reason says what was added;
    - entries with the same name but different emails stay separate people (a note
      lists them); entries with the same name and neither email nor profile are one
      person when they share a phone or all details, else ``#2``, ``#3``… ids;
    - the id is ``li:`` for a LinkedIn URL, else the first (preferred) email, else
      the name; an entry with only a phone is kept as ``name:<phone digits>``;
    - each person gets an owner tie on channel ``phonebook`` with no date (an
      address-book entry is not an interaction) and a ``member_of`` edge to the
      company, with the job title.

    Parameters
    ----------
    entries : sequence of Entry
        In file order.
    report : ImportReport
        ``rows_read`` is set to ``len(entries)``; rejected rows, duplicates,
        problems, counts and notes are added.
    on_bad_rows : {"report", "error"}
        ``"error"`` raises :class:`~netkit.errors.ParseError` at the first rejected entry.
    ego_name : str, optional
        The owner's name.

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> report = ImportReport(path="book.vcf", format="vcard")
    >>> G = build_address_book(
    ...     [Entry(1, first_name="Ada", emails=["Ada@Example.com"], company="Enel S.p.A."),
    ...      Entry(9, emails=["ada@example.com"], phones=["+39 02 1234"]),
    ...      Entry(17, company="Enel")],
    ...     report)
    >>> G.nodes["mail:ada@example.com"]["phones"], G.edges["ego", "mail:ada@example.com"]
    ('+39 02 1234', {'sources': 'vcard', 'channels': 'phonebook'})
    >>> [str(r) for r in report.duplicates + report.rejected]  # doctest: +NORMALIZE_WHITESPACE
    ['line 9: same email ada@example.com as line 1: merged into it (added phones +39 02 1234)',
     'line 17: no person: only an organisation (Enel)']
    """
    if on_bad_rows not in ("report", "error"):
        raise ValueError(f"on_bad_rows must be 'report' or 'error', not {on_bad_rows!r}")

    def reject(entry: Entry, reason: str) -> None:
        if on_bad_rows == "error":
            raise ParseError(reason, path=report.path, line=entry.line)
        report.rejected.append(RowIssue(entry.line, reason, entry.text))

    report.rows_read = len(entries)
    people: list[_Person] = []
    by_key: dict[str, _Person] = {}
    by_name: dict[str, list[_Person]] = {}  # people known by name only
    for entry in entries:
        if entry.broken:
            reject(entry, entry.broken)
            continue
        if entry.skip:
            report.skip(entry.skip)
            continue
        person, problems = _person(entry)
        company = person.attrs["company"]
        if entry.organisation_only or (not person.name and company):
            reject(entry, f"no person: only an organisation ({company or person.name})")
            continue
        if not (person.name or person.emails or person.phones):
            if problems:
                reason = "no name, phone or valid email (" + "; ".join(problems) + ")"
            else:
                reason = "no name, email or phone: nothing says who this is"
            reject(entry, reason)
            continue
        report.problems.extend(RowIssue(entry.line, p, entry.text) for p in problems)
        matches = [(key, by_key[key]) for key in person.keys if key in by_key]
        earlier, what = (matches[0][1], _describe(matches[0][0])) if matches else (None, "")
        if earlier is None and not (person.slug or person.emails) and person.name:
            for other in by_name.get(fold(person.name), []):
                if _same_details(other, person):
                    earlier, what = other, "name and details"
                    break
        if earlier is not None:
            report.duplicates.append(
                RowIssue(entry.line, _merge_duplicate(earlier, person, what, matches), entry.text)
            )
            for key in earlier.keys:
                by_key.setdefault(key, earlier)
            continue
        people.append(person)
        for key in person.keys:
            by_key[key] = person
        if not (person.slug or person.emails) and person.name:
            by_name.setdefault(fold(person.name), []).append(person)
    report.accepted = len(people)
    return _graph(people, report, ego_name)


def _graph(people: list[_Person], report: ImportReport, ego_name: str | None) -> nx.Graph:
    builder = NetworkBuilder(report.format, ego_name=ego_name)
    used: set[str] = set()
    phone_only = 0
    for person in people:
        if person.name or person.emails or person.slug:
            pid = person_id(
                slug=person.slug,
                email=person.emails[0] if person.emails else None,
                name=person.name,
            )
        else:
            phone_only += 1
            pid = person_id(name=_phone_key(person.phones[0]))
        base, suffix = pid, 2
        while pid in used:
            pid, suffix = f"{base}#{suffix}", suffix + 1
        used.add(pid)
        person.pid = pid
        builder.person(
            pid,
            name=person.name,
            first_name=person.first_name,
            last_name=person.last_name,
            emails=";".join(person.emails),
            phones=";".join(person.phones),
            linkedin_url=f"https://www.linkedin.com/in/{person.slug}" if person.slug else "",
            labels=";".join(person.labels),
            **person.attrs,
        )
        builder.tie(pid, channel="phonebook")
        builder.member(pid, person.attrs["company"], title=person.attrs["position"])

    rejected = len(report.rejected)
    G = builder.graph(source_entry(report.format, report.path, report.rows_read, rejected))
    kinds = [kind for _, kind in G.nodes(data="kind")]
    report.contacts = kinds.count("person")
    report.organisations = kinds.count("organisation")
    report.counts.update(
        {
            "emails": sum(len(p.emails) for p in people),
            "phones": sum(len(p.phones) for p in people),
            "linkedin profiles": sum(1 for p in people if p.slug),
        }
    )
    if phone_only:
        report.notes.append(
            f"{phone_only} entries have only a phone number: kept under their number "
            "(id name:<digits>) with no name"
        )
    homonyms: dict[str, list[_Person]] = {}
    for person in people:
        if person.name:
            homonyms.setdefault(fold(person.name), []).append(person)
    groups = [group for group in homonyms.values() if len(group) > 1]
    for group in groups[:_SAME_NAME_NOTES]:
        where = ", ".join(f"line {p.line} ({p.pid})" for p in group)
        report.notes.append(
            f"same name {group[0].name!r} with different emails or details: kept as "
            f"{len(group)} people ({where})"
        )
    if len(groups) > _SAME_NAME_NOTES:
        report.notes.append(
            f"… and {len(groups) - _SAME_NAME_NOTES} more names shared by several entries"
        )
    return G


# --------------------------------------------------------------------------------------
# CSV layouts: the header row says which column holds what


_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


def _first_line(text: str) -> tuple[int, int, str] | None:
    """The first non-blank line: its number, the offset after it and its text."""
    position, number = 0, 1
    while position < len(text):
        end = text.find("\n", position, position + _HEADER_LINE_MAX)
        if end < 0:
            if len(text) - position > _HEADER_LINE_MAX:
                return None
            end = len(text)
        line = text[position:end].rstrip("\r")
        if line.strip():
            return number, end + 1, line
        position, number = end + 1, number + 1
    return None


def _folded_cells(line: str, delimiter: str) -> list[str]:
    return [fold(cell) for cell in header_cells(line, delimiter)]


def _find_header(text: str, slot: Callable[[str], str | None]) -> Header | None:
    """Map the first non-blank line's cells to slots, trying each delimiter."""
    first = _first_line(text)
    if first is None:
        return None
    number, end, line = first
    best: Header | None = None
    for delimiter in _DELIMITERS:
        if delimiter not in line:
            continue
        cells = header_cells(line, delimiter)
        fields = tuple(slot(fold(cell)) for cell in cells)
        known = sum(1 for f in fields if f)
        if known >= 2 and (best is None or known > sum(1 for f in best.fields if f)):
            best = Header(number, end, delimiter, tuple(cells), fields)
    return best


# Google ---------------------------------------------------------------------------------

_GOOGLE_PLAIN = {
    "first name": "first",
    "given name": "first",
    "middle name": "middle",
    "additional name": "middle",
    "last name": "last",
    "family name": "last",
    "name": "full",
    "nickname": "nickname",
    "file as": "file_as",
    "organization name": "org:1:name",
    "organization title": "org:1:title",
    "organization department": "org:1:department",
    "notes": "notes",
    "labels": "labels",
    "group membership": "labels",
}
_GOOGLE_NUMBERED = re.compile(
    r"^(e-mail|email|phone|address|organization|website) (\d+) - "
    r"(label|type|value|formatted|street|city|po box|region|postal code|country|"
    r"extended address|name|title|department)$"
)
_GOOGLE_KIND = {"e-mail": "email", "email": "email", "organization": "org"}


def _google_slot(cell: str) -> str | None:
    if cell in _GOOGLE_PLAIN:
        return _GOOGLE_PLAIN[cell]
    match = _GOOGLE_NUMBERED.match(cell)
    if not match:
        return None
    kind, number, part = match.groups()
    part = "label" if part == "type" else part
    return f"{_GOOGLE_KIND.get(kind, kind)}:{int(number)}:{part}"


def _is_google(fields: Sequence[str | None]) -> bool:
    names = {"first", "last", "full"} & set(fields)
    numbered = any(f and f.count(":") == 2 and not f.startswith("org:1:") for f in fields)
    return bool(names) and (numbered or "labels" in fields or "file_as" in fields)


def sniff_google(source: Source, kind: str | None, head: str) -> bool:
    """True when ``head`` starts with a Google Contacts CSV header (current or legacy).

    Examples
    --------
    >>> head = "Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value"
    >>> sniff_google(Source("contacts.csv", b""), None, head)
    True
    >>> sniff_google(Source("x.csv", b""), None, "First Name,Last Name,URL,Connected On")
    False
    """
    if kind is not None:
        return False
    header = _find_header(head, _google_slot)
    return header is not None and _is_google(header.fields)


def _split_multi(value: str) -> list[str]:
    return [part.strip() for part in value.split(_MULTI) if part.strip()]


def _labels(values: Iterable[str]) -> list[str]:
    """Group names without Google's ``* `` system marker and the all-contacts group."""
    out = []
    for value in values:
        label = value.strip().lstrip("*").strip()
        if label and fold(label).replace(" ", "") not in _SYSTEM_LABELS:
            out.append(label)
    return out


def _google_entry(header: Header, row: list[str], line: int, text: str) -> Entry:
    plain: dict[str, str] = {}
    groups: dict[tuple[str, int], dict[str, str]] = {}
    entry = Entry(line, text)
    for slot, cell in zip(header.fields, row, strict=False):
        cell = cell.strip()
        if not cell:
            continue
        if slot is None:
            entry.urls.append(cell)  # custom fields, IM, relations: a profile URL may hide here
        elif slot.count(":") == 2:
            kind, number, part = slot.split(":")
            groups.setdefault((kind, int(number)), {})[part] = cell
        else:
            plain[slot] = cell
    ordered = sorted(groups.items(), key=lambda item: item[0][1])

    def values(kind: str, part: str = "value") -> list[tuple[str, str]]:
        return [
            (g.get("label", ""), v)
            for (k, _), g in ordered
            if k == kind
            for v in _split_multi(g.get(part, ""))
        ]

    emails = values("email")
    entry.emails = [v for label, v in emails if label.startswith("*")]
    entry.emails += [v for label, v in emails if not label.startswith("*")]
    phones = values("phone")
    entry.phones = [v for label, v in phones if label.startswith("*")]
    entry.phones += [v for label, v in phones if not label.startswith("*")]
    entry.urls = [v for _, v in values("website")] + entry.urls
    _pick_address(
        entry,
        (
            (
                "work" in fold(g.get("label", "")),
                _first(g.get("city", "")),
                _first(g.get("region", "")),
                _first(g.get("country", "")),
            )
            for (k, _), g in ordered
            if k == "address"
        ),
    )
    org = next((g for (k, _), g in ordered if k == "org"), {})
    entry.company = _first(org.get("name", ""))
    entry.position = _first(org.get("title", ""))
    entry.department = _first(org.get("department", ""))
    entry.first_name = " ".join(p for p in (plain.get("first"), plain.get("middle")) if p)
    entry.last_name = plain.get("last", "")
    entry.full_name = plain.get("full") or plain.get("nickname") or ""
    file_as = plain.get("file_as", "")
    if not entry.full_name and file_as and not _names_organisation(file_as, entry.company):
        entry.full_name = file_as
    entry.notes = plain.get("notes", "")
    entry.labels = _labels(_split_multi(plain.get("labels", "")))
    return entry


def _names_organisation(text: str, company: str) -> bool:
    """Whether ``text`` (Google's "File As") is the company's name, not a person's."""
    key, org = organisation_key(text), organisation_key(company)
    return bool(key and org) and (key in org or org in key)


def _first(value: str) -> str:
    return next(iter(_split_multi(value)), "")


def _pick_address(entry: Entry, addresses: Iterable[tuple[bool, str, str, str]]) -> None:
    """Fill city/region/country from the first work address, else the first address."""
    useful = [a for a in addresses if any(a[1:])]
    chosen = next((a for a in useful if a[0]), useful[0] if useful else None)
    if chosen is not None:
        _, entry.city, entry.region, entry.country = chosen


# Outlook --------------------------------------------------------------------------------

_OUTLOOK_PLAIN = {
    "first name": "first",
    "middle name": "middle",
    "last name": "last",
    "nickname": "nickname",
    "company": "company",
    "department": "department",
    "job title": "position",
    "e-mail address": "email:1",
    "e-mail 2 address": "email:2",
    "e-mail 3 address": "email:3",
    "e-mail display name": "display",
    "categories": "labels",
    "notes": "notes",
    "web page": "url",
    "personal web page": "url",
}
_OUTLOOK_ADDRESS = re.compile(
    r"^(business|home|other) (street|street 2|street 3|city|state|postal code|"
    r"country/region|country|po box)$"
)
#: The person's own numbers (faxes and the assistant's phone are not).
_OUTLOOK_PHONE = re.compile(
    r"^(?!.*fax|assistant)(.+ )?(phone|mobile)( \d+)?$|^(pager|callback|isdn|telex)$"
)
#: Which phone comes first: primary, mobile, business, then the rest in column order.
_PHONE_RANK = {"primary phone": 0, "mobile phone": 1, "business phone": 2}
#: Columns only Outlook writes: LinkedIn's pre-2015 export has none of them.
_OUTLOOK_ONLY = frozenset(
    {
        *("e-mail display name", "e-mail type", "e-mail 2 address", "e-mail 3 address"),
        *("business phone", "business phone 2", "home phone", "home phone 2", "mobile phone"),
        *("primary phone", "other phone", "company main phone", "business fax", "home fax"),
        *("business street", "business city", "business state", "business postal code"),
        *("business country/region", "business country", "home street", "home city"),
        *("home state", "home postal code", "home country/region", "home country"),
        *("other street", "other city", "categories", "web page", "personal web page"),
        *("given yomi", "surname yomi", "given name yomi", "family name yomi"),
        *("office location", "assistant's name", "manager's name", "spouse", "anniversary"),
    }
)


def _outlook_slot(cell: str) -> str | None:
    if cell in _OUTLOOK_PLAIN:
        return _OUTLOOK_PLAIN[cell]
    match = _OUTLOOK_ADDRESS.match(cell)
    if match:
        kind, part = match.groups()
        part = {"state": "region", "country/region": "country"}.get(part, part)
        return f"address:{kind}:{part}"
    if _OUTLOOK_PHONE.match(cell):
        return f"phone:{cell}"
    return None


def sniff_outlook(source: Source, kind: str | None, head: str) -> bool:
    """True when ``head`` starts with an Outlook contacts CSV header.

    Any of the three layouts (Outlook desktop, Outlook.com and Google's "Outlook CSV",
    older live.com), told apart from LinkedIn's Connections.csv, whose pre-2015 form
    borrows Outlook's names (``First Name, Middle Name, Last Name, E-mail Address,
    Company, Job Title``): at least two columns only Outlook writes are required.

    Examples
    --------
    >>> head = "Title,First Name,Last Name,Company,E-mail Address,Mobile Phone,Categories"
    >>> sniff_outlook(Source("contacts.csv", b""), None, head)
    True
    >>> old = "First Name,Middle Name,Last Name,E-mail Address,Company,Job Title"
    >>> sniff_outlook(Source("Connections.csv", b""), None, old)
    False
    """
    if kind is not None:
        return False
    first = _first_line(head)
    if first is None:
        return False
    for delimiter in _DELIMITERS:
        cells = set(_folded_cells(first[2], delimiter))
        if (
            {"first name", "last name"} <= cells
            and len(cells & _OUTLOOK_ONLY) >= 2
            and not cells & {"connected on", "url", "profile url"}
            and not any(_GOOGLE_NUMBERED.match(c) for c in cells)
        ):
            return True
    return False


def _outlook_entry(header: Header, row: list[str], line: int, text: str) -> Entry:
    entry = Entry(line, text)
    plain: dict[str, str] = {}
    emails: dict[str, str] = {}
    addresses: dict[str, dict[str, str]] = {}
    phones: list[tuple[int, str]] = []
    for slot, cell in zip(header.fields, row, strict=False):
        cell = cell.strip()
        if not cell:
            continue
        if slot is None:
            entry.urls.append(cell)
        elif slot == "url":
            entry.urls.insert(0, cell)
        elif slot.startswith("email:"):
            emails[slot] = cell
        elif slot.startswith("phone:"):
            phones.append((_PHONE_RANK.get(slot[6:], 3), cell))
        elif slot.startswith("address:"):
            _, kind, part = slot.split(":")
            addresses.setdefault(kind, {})[part] = cell
        else:
            plain[slot] = cell
    entry.emails = [emails[k] for k in sorted(emails)]
    entry.phones = [p for _, p in sorted(phones, key=lambda item: item[0])]
    entry.first_name = " ".join(p for p in (plain.get("first"), plain.get("middle")) if p)
    entry.last_name = plain.get("last", "")
    display = re.sub(r"\s*\([^()]*@[^()]*\)\s*$", "", plain.get("display", ""))
    entry.full_name = plain.get("nickname", "") or ("" if "@" in display else display)
    entry.company = plain.get("company", "")
    entry.department = plain.get("department", "")
    entry.position = plain.get("position", "")
    entry.notes = plain.get("notes", "")
    entry.labels = _labels(re.split(r";|:::", plain.get("labels", "")))
    _pick_address(
        entry,
        (
            (kind == "business", a.get("city", ""), a.get("region", ""), a.get("country", ""))
            for kind in ("business", "home", "other")
            if (a := addresses.get(kind))
        ),
    )
    return entry


# Reading ------------------------------------------------------------------------------


def _parse_csv(
    source: Source,
    fmt: str,
    slot: Callable[[str], str | None],
    accepts: Callable[[Sequence[str | None], set[str]], bool],
    make: Callable[[Header, list[str], int, str], Entry],
) -> tuple[list[Entry], ImportReport]:
    text, encoding = decode(source)
    if not text.strip():  # only a byte-order mark: decode() lets it through
        raise UnsupportedFormat("the file is empty; export your data again", path=source.name)
    header = _find_header(text, slot)
    first = _first_line(text)
    cells = set(_folded_cells(first[2], header.delimiter)) if header and first else set()
    if header is None or not accepts(header.fields, cells):
        raise _not_this_layout(source, text, fmt)
    report = ImportReport(
        path=source.name,
        format=fmt,
        encoding=encoding,
        delimiter=_DELIMITERS[header.delimiter],
        header_line=header.line,
    )
    if encoding not in ("utf-8", "utf-8-sig"):
        report.notes.append(f"read as {encoding} (not UTF-8)")
    entries = []
    width = len(header.fields)
    for raw in records(text[header.end :], header):
        cells = raw.cells
        text_shown = shown([c for c in cells if c.strip()], header.delimiter)
        if raw.broken:
            entries.append(Entry(raw.line, text_shown, broken=raw.broken))
            continue
        if len(cells) > width and not any(c.strip() for c in cells[width:]):
            cells = cells[:width]
        if len(cells) != width:
            reason = f"has {len(cells)} fields where the header has {width}"
            if len(cells) > width:
                reason += ": a delimiter inside a value that is not quoted?"
            entries.append(Entry(raw.line, text_shown, broken=reason))
            continue
        entries.append(make(header, cells, raw.line, text_shown))
    return entries, report


def _outlook_accepts(fields: Sequence[str | None], cells: set[str]) -> bool:
    """Enough to read a file the caller says is Outlook's: a name or an email column,
    and neither LinkedIn's Connections.csv nor a Google CSV."""
    if cells & {"connected on", "url", "profile url"}:
        return False
    if _is_google([_google_slot(cell) for cell in cells]):
        return False
    return bool({"first", "last", "email:1", "display"} & set(fields))


def _google_accepts(fields: Sequence[str | None], cells: set[str]) -> bool:
    return _is_google(fields)


_WHAT = {GOOGLE_FORMAT: "a Google Contacts CSV", OUTLOOK_FORMAT: "an Outlook contacts CSV"}
_HOW = {
    GOOGLE_FORMAT: "in contacts.google.com choose Export → Google CSV",
    OUTLOOK_FORMAT: "in Outlook choose Export contacts → CSV",
}


def _not_this_layout(source: Source, text: str, fmt: str) -> MissingColumns:
    """The error for a header this reader cannot use, naming the reader that can."""
    head = text[:_HEADER_LINE_MAX]
    first = _first_line(head)
    start = clean_text(first[2]) if first else ""
    shown = start if len(start) <= 60 else start[:59] + "…"
    linkedin = find_header(head)
    if fmt == GOOGLE_FORMAT and sniff_outlook(source, None, head):
        hint = "it looks like an Outlook CSV: read it with read_outlook_contacts"
    elif fmt == OUTLOOK_FORMAT and sniff_google(source, None, head):
        hint = "it looks like a Google Contacts CSV: read it with read_google_contacts"
    elif linkedin and {"connected_on", "url"} & set(linkedin.fields):
        hint = "it looks like LinkedIn's Connections.csv: read it with read_linkedin"
    else:
        hint = f"export the contacts again ({_HOW[fmt]})"
    return MissingColumns(
        f"the first line ({shown!r}) is not {_WHAT[fmt]} header; {hint}", path=source.name
    )


def _check(on_bad_rows: str) -> None:
    if on_bad_rows not in ("report", "error"):
        raise ValueError(f"on_bad_rows must be 'report' or 'error', not {on_bad_rows!r}")


def _load(src: Src, what: str) -> Source:
    source = load_source(src)
    if sniff_binary(source) == "zip":
        raise UnsupportedFormat(
            f"is a zip archive; unpack it and import the {what} file inside", path=source.name
        )
    return source


def parse_google_contacts(source: Source) -> tuple[list[Entry], ImportReport]:
    """Parse the bytes of a Google Contacts CSV into entries and a report (no graph yet).

    Raises
    ------
    UnsupportedFormat, EncodingProblem
        For an empty, binary or undecodable file.
    MissingColumns
        When the first line is not a Google Contacts header.
    """
    return _parse_csv(source, GOOGLE_FORMAT, _google_slot, _google_accepts, _google_entry)


def parse_outlook_contacts(source: Source) -> tuple[list[Entry], ImportReport]:
    """Parse the bytes of an Outlook contacts CSV into entries and a report (no graph yet).

    Raises
    ------
    UnsupportedFormat, EncodingProblem
        For an empty, binary or undecodable file.
    MissingColumns
        When the first line has no name or e-mail column with Outlook's names, or is
        LinkedIn's Connections.csv (``Connected On`` or ``URL``).
    """
    return _parse_csv(source, OUTLOOK_FORMAT, _outlook_slot, _outlook_accepts, _outlook_entry)


def read_google_contacts(
    src: Src, *, on_bad_rows: OnBadRows = "report", ego_name: str | None = None
) -> tuple[nx.Graph, ImportReport]:
    """Read a Google Contacts CSV export into a network.

    Parameters
    ----------
    src : str, path or binary file
        ``contacts.csv`` exported as "Google CSV", current (``First Name``,
        ``Organization Name``, ``E-mail 1 - Label``…) or legacy (``Name``,
        ``Given Name``, ``Group Membership``, ``E-mail 1 - Type``…) header, in any
        encoding :func:`~netkit.io._text.decode` reads, with commas, semicolons or tabs.
    on_bad_rows : {"report", "error"}
        What to do with an entry that cannot be read or is not a person: list it in
        the report (default) or raise :class:`~netkit.errors.ParseError`.
    ego_name : str, optional
        The owner's name, stored on the ego node.

    Returns
    -------
    G : networkx.Graph
        Ego, one person per entry (see :func:`build_address_book` for the rules),
        organisations with ``member_of`` edges.
    report : ImportReport

    Raises
    ------
    UnsupportedFormat, EncodingProblem, MissingColumns, ParseError

    Examples
    --------
    >>> import io
    >>> data = (b"First Name,Last Name,Organization Name,Organization Title,Labels,"
    ...         b"E-mail 1 - Label,E-mail 1 - Value\\n"
    ...         b"Ada,Lovelace,Enel SpA,CFO,* myContacts ::: Clienti,* Work,ada@example.com")
    >>> G, report = read_google_contacts(io.BytesIO(data))
    >>> ada = "mail:ada@example.com"
    >>> G.nodes[ada]["labels"], G.edges[ada, "org:enel"]["title"]
    ('Clienti', 'CFO')
    """
    _check(on_bad_rows)
    entries, report = parse_google_contacts(_load(src, "contacts.csv"))
    G = build_address_book(entries, report, on_bad_rows=on_bad_rows, ego_name=ego_name)
    return G, report


def read_outlook_contacts(
    src: Src, *, on_bad_rows: OnBadRows = "report", ego_name: str | None = None
) -> tuple[nx.Graph, ImportReport]:
    """Read an Outlook contacts CSV export into a network.

    Parameters
    ----------
    src : str, path or binary file
        A CSV in any of Outlook's layouts (desktop "Export to a file", Outlook.com
        or Google's "Outlook CSV", older live.com), often cp1252 or UTF-8 with BOM.
        Columns are mapped by name: ``First Name``, ``Last Name``, ``Company``,
        ``Job Title``, ``E-mail Address``… ``E-mail 3 Address``, every ``… Phone``,
        ``Business``/``Home``/``Other`` addresses, ``Categories``, ``Notes``,
        ``Web Page``.
    on_bad_rows : {"report", "error"}
        What to do with an entry that cannot be read or is not a person.
    ego_name : str, optional
        The owner's name, stored on the ego node.

    Returns
    -------
    G : networkx.Graph
    report : ImportReport

    Raises
    ------
    UnsupportedFormat, EncodingProblem, MissingColumns, ParseError

    Examples
    --------
    >>> import io
    >>> data = (b"First Name,Last Name,Company,Job Title,E-mail Address,Mobile Phone,"
    ...         b"Business City,Business Country/Region,Categories\\n"
    ...         b"Ada,Lovelace,Enel,CFO,ada@example.com,+39 333 1,Roma,Italy,Clienti")
    >>> G, report = read_outlook_contacts(io.BytesIO(data))
    >>> G.nodes["mail:ada@example.com"]["location"], report.contacts
    ('Roma, Italy', 1)
    """
    _check(on_bad_rows)
    entries, report = parse_outlook_contacts(_load(src, "contacts .csv"))
    G = build_address_book(entries, report, on_bad_rows=on_bad_rows, ego_name=ego_name)
    return G, report
