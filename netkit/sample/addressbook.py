"""Write the owner's address book as a vCard file, the way phones and Apple Contacts export it.

Mostly vCard 3.0 (folded lines, ``item1.URL`` + ``item1.X-ABLabel:linkedin`` groups,
``ORG:Company;Department``, ``ADR`` with city, region and country), a few 2.1 cards with
quoted-printable UTF-8 names, one 4.0 card, people who are not on LinkedIn at all, and one
card with a broken line that a reader must reject.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netkit.sample.world import RecordBook, SampleReach, SourceRecord, ascii_fold, plain_name
from netkit.schema import organisation_key, person_id

if TYPE_CHECKING:
    from netkit.sample.world import World

__all__ = ["REGIONS", "fold_line", "write_vcards"]

#: Region and postcode of the Italian cities in the sample, and a region for foreign ones.
REGIONS: dict[str, tuple[str, str]] = {
    "Milano": ("Lombardia", "20121"),
    "Roma": ("Lazio", "00184"),
    "Torino": ("Piemonte", "10121"),
    "Bologna": ("Emilia-Romagna", "40121"),
    "Bergamo": ("Lombardia", "24121"),
    "Monza": ("Lombardia", "20900"),
    "Firenze": ("Toscana", "50121"),
    "Napoli": ("Campania", "80121"),
    "Genova": ("Liguria", "16121"),
    "Brescia": ("Lombardia", "25121"),
    "Padova": ("Veneto", "35121"),
    "Verona": ("Veneto", "37121"),
    "San Donato Milanese": ("Lombardia", "20097"),
    "Venezia": ("Veneto", "30121"),
    "Bari": ("Puglia", "70121"),
    "Palermo": ("Sicilia", "90133"),
    "Trento": ("Trentino-Alto Adige", "38121"),
    "Bolzano": ("Trentino-Alto Adige", "39100"),
    "Pavia": ("Lombardia", "27100"),
    "Como": ("Lombardia", "22100"),
    "Varese": ("Lombardia", "21100"),
    "Lecco": ("Lombardia", "23900"),
    "Sesto San Giovanni": ("Lombardia", "20099"),
    "Modena": ("Emilia-Romagna", "41121"),
    "Parma": ("Emilia-Romagna", "43121"),
    "Trieste": ("Friuli-Venezia Giulia", "34121"),
    "Taranto": ("Puglia", "74121"),
    "Alba": ("Piemonte", "12051"),
    "Maranello": ("Emilia-Romagna", "41053"),
    "London": ("England", "EC2A 4NE"),
    "Paris": ("Île-de-France", "75008"),
    "Munich": ("Bavaria", "80331"),
    "Madrid": ("Comunidad de Madrid", "28013"),
    "Zurich": ("Zürich", "8001"),
    "Lugano": ("Ticino", "6900"),
}
_STREETS = (
    "Via Dante",
    "Corso Buenos Aires",
    "Via Torino",
    "Viale Monza",
    "Via Solferino",
    "Corso di Porta Romana",
    "Via Garibaldi",
    "Piazza della Repubblica",
    "Via Manzoni",
    "Viale Certosa",
)
_DEPARTMENTS = {
    "hr": "Risorse Umane",
    "finance": "Amministrazione e Finanza",
    "software": "IT",
    "engineering": "Ingegneria",
    "sales": "Commerciale",
    "marketing": "Marketing",
    "operations": "Operations",
    "legal": "Legale",
    "management": "Direzione",
}
_NOTES = (
    "Conosciuta al corso AIDP sul welfare aziendale; molto attiva su smart working, "
    "benessere organizzativo e comunità energetiche. Sentire per il progetto mentoring.",
    "Ex collega, sempre disponibile per un confronto su selezione e politiche retributive; "
    "ha un contatto diretto con l'HR di un grande gruppo delle rinnovabili.",
    "Referente per il progetto onboarding 2025. Preferisce essere chiamata dopo le 17, "
    "mai il lunedì mattina (riunione di direzione).",
    "Met at the Milan HR Summit, talked about careers in wind and solar; follow up about "
    "the People & Culture role, and send the article on green skills.",
)
_ROLE_CATEGORIES = {
    "family": "Famiglia",
    "friend": "Amici",
    "plumber": "Casa",
    "doctor": "Salute",
    "babysitter": "Casa",
    "accountant": "Servizi",
    "namesake": "Casa",
    "broken": "Amici",
}
_FOLD_AT = 75


def fold_line(line: str, width: int = _FOLD_AT) -> str:
    """Fold a content line at ``width`` octets (CRLF + one space), never inside a character.

    Examples
    --------
    >>> fold_line("NOTE:" + "x" * 80).split("\\r\\n")[1]
    ' xxxxxxxxxx'
    """
    data = line.encode("utf-8")
    if len(data) <= width:
        return line
    parts: list[str] = []
    start, limit = 0, width
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1  # do not split a UTF-8 sequence
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, width - 1
    return "\r\n ".join(parts)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _quoted_printable(value: str) -> str:
    out = []
    for byte in value.encode("utf-8"):
        char = chr(byte)
        if byte < 128 and char not in "=;" and (char.isalnum() or char in " .-'@+"):
            out.append(char)
        else:
            out.append(f"={byte:02X}")
    return "".join(out)


class _Card:
    """One card being written: its logical lines, the id a reader gives it and its truth."""

    def __init__(self, key: str, version: str, fn: str, pid: str) -> None:
        self.key, self.version, self.fn, self.pid = key, version, fn, pid
        self.lines: list[str] = []
        self.emails: list[str] = []
        self.org = ""
        self.address: tuple[str, str, str] | None = None
        self.has_url = False
        self.broken = False


def _uid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032X}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _split_name(world: World, reach: SampleReach) -> tuple[str, str, str]:
    """(given, family, prefix) as the card's N property holds them."""
    key = reach.key
    if key.startswith("x"):
        outsider = world.outsider(key)
        prefix = "Dott." if reach.card_name.startswith("Dott. ") else ""
        return outsider.first_name, outsider.last_name, prefix
    person = world.person(key)
    first, last = plain_name(person.first_name), plain_name(person.last_name)
    written = reach.card_name
    if "swapped-name" in reach.plants:
        return last, first, ""  # the surname typed in the first-name field
    if written != f"{first} {last}":
        given, _, family = written.partition(" ")
        if "fuzzy-typo" in reach.plants:
            return given, family, ""
        return ascii_fold(first), ascii_fold(last), ""  # typed without accents
    return first, last, ""


def _build_card(world: World, reach: SampleReach, rng: random.Random, version: str) -> _Card:
    key = reach.key
    outsider = world.outsider(key) if key.startswith("x") else None
    person = None if outsider else world.person(key)
    fn = reach.card_name
    if reach.card == "url" and person is not None:
        pid = person_id(slug=person.linkedin_slug.lower())
    elif reach.card in ("url", "email") and reach.emails:
        pid = person_id(email=reach.emails[0])
    else:
        pid = person_id(name=fn)
    card = _Card(key, version, fn, pid)
    given, family, prefix = _split_name(world, reach)
    org = reach.card_org
    if person is not None:
        title = person.title if org else ""
        department = _DEPARTMENTS.get(person.function, "") if rng.random() < 0.4 else ""
        city = person.city
        categories = []
        groups = {g.split(":")[0]: g for g in person.groups}
        if "current-employer" in groups:
            categories.append("Lavoro")
        if "former-employer" in groups:
            former = world.organisation(groups["former-employer"].split(":")[1]).name
            categories.append(f"Ex {former}")
        if "association" in groups:
            categories.append("AIDP")
        if "target-sector" in groups:
            categories.append("Rinnovabili")
    else:
        assert outsider is not None
        title, department, city = outsider.title, "", outsider.city
        categories = [_ROLE_CATEGORIES.get(outsider.role, "Altro")]
    lines = card.lines
    if version == "2.1":
        lines.append(
            f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_quoted_printable(family)};"
            f"{_quoted_printable(given)};;{_quoted_printable(prefix)};"
        )
        lines.append(f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_quoted_printable(fn)}")
    else:
        lines.append(f"N:{_escape(family)};{_escape(given)};;{_escape(prefix)};")
        lines.append(f"FN:{_escape(fn)}")
    if org:
        card.org = org
        value = _escape(org) + (f";{_escape(department)}" if department else "")
        lines.append(f"ORG:{value}")
        if title:
            lines.append(f"TITLE:{_escape(title)}")
    if reach.card in ("url", "email"):
        for number, email in enumerate(reach.emails):
            card.emails.append(email)
            if version == "2.1":
                lines.append(f"EMAIL;INTERNET;{'PREF;' if number == 0 else ''}WORK:{email}")
            elif version == "4.0":
                lines.append(f"EMAIL;TYPE=work{';PREF=1' if number == 0 else ''}:{email}")
            else:
                pref = ";type=pref" if number == 0 else ""
                lines.append(f"EMAIL;type=INTERNET;type=WORK{pref}:{email}")
    if reach.phone:
        if version == "2.1":
            lines.append(f"TEL;CELL:{reach.phone.replace(' ', '')}")
        elif version == "4.0":
            lines.append(f'TEL;VALUE=uri;TYPE="cell,voice":tel:{reach.phone.replace(" ", "-")}')
        else:
            lines.append(f"TEL;type=CELL;type=VOICE;type=pref:{reach.phone}")
    if reach.card == "url" and person is not None:
        card.has_url = True
        lines.append(f"item1.URL:https\\://www.linkedin.com/in/{person.linkedin_slug}")
        lines.append("item1.X-ABLabel:linkedin")
    if city in REGIONS and version != "2.1" and rng.random() < 0.75:
        region, postcode = REGIONS[city]
        country = world.person(key).country if person is not None else "Italy"
        if country == "Italy" and rng.random() < 0.7:
            country = "Italia"
        street = f"{rng.choice(_STREETS)} {rng.randint(1, 120)}"
        kind = "WORK" if org else "HOME"
        parts = ["", "", street, city, region, postcode, country]
        adr_type = f"TYPE={kind.lower()}" if version == "4.0" else f"type={kind}"
        lines.append(f"ADR;{adr_type}:" + ";".join(_escape(p) for p in parts))
        card.address = (city, region, country)
    if categories and version != "2.1":
        lines.append("CATEGORIES:" + ",".join(_escape(c) for c in categories))
    if version == "3.0" and rng.random() < 0.25:
        lines.append(f"NOTE:{_escape(rng.choice(_NOTES))}")
    if version != "2.1":
        lines.append(f"UID:{_uid(rng)}")
    return card


def write_vcards(
    world: World, path: str | os.PathLike[str]
) -> tuple[dict[str, Any], list[SourceRecord]]:
    """Write ``contacts.vcf`` and return its manifest and identity records.

    Parameters
    ----------
    world : World
        The sample world; every :class:`~netkit.sample.world.SampleReach` with a ``card``
        gets one card, in alphabetical order of the name shown.
    path : str or os.PathLike
        File to write.

    Returns
    -------
    manifest : dict
        ``rows`` (cards), ``accepted``, ``rejected`` / ``rejected_lines`` (the card whose
        line has no colon; ``broken_line`` is that line), ``contacts`` (distinct person
        ids of the accepted cards), ``organisations`` (distinct normalised ``ORG``
        values), ``versions``, ``with_linkedin_url``, ``with_email``, ``name_only``,
        ``with_address``, ``folded_lines`` and ``cards``: per card its first line, the id a
        reader must give it, the person's key, the version and the address's city, region
        and country.
    records : list of SourceRecord
        One per accepted card.

    Notes
    -----
    Lines end with CRLF; 3.0 and 4.0 lines longer than 75 octets are folded (CRLF and a
    space), never inside a UTF-8 character. A card's id is ``li:<slug>`` when it carries a
    LinkedIn URL, else ``mail:<first address>``, else ``name:<folded FN>``. The owner has
    no card.
    """
    path = Path(path)
    rng = random.Random(f"netkit-sample:{world.seed}:vcard")
    with_cards = [r for r in world.reach if r.card]
    with_cards.sort(key=lambda r: (r.card_name.casefold(), r.key))
    accented = [
        r
        for r in with_cards
        if r.card in ("email", "name") and not r.card_name.isascii() and not r.key.startswith("x")
    ]
    old_style = {r.key for r in rng.sample(accented, min(4, len(accented)))}
    modern_pool = [
        r
        for r in with_cards
        if r.card == "email" and r.key not in old_style and not r.key.startswith("x")
    ]
    modern = rng.choice(modern_pool).key if modern_pool else ""
    broken_key = next((o.key for o in world.outsiders if o.role == "broken"), "")

    chunks: list[str] = []
    line = 1
    cards: list[tuple[_Card, int]] = []
    broken_line = 0
    folded = 0
    for reach in with_cards:
        version = "2.1" if reach.key in old_style else "4.0" if reach.key == modern else "3.0"
        card = _build_card(world, reach, rng, version)
        logical = ["BEGIN:VCARD", f"VERSION:{version}"]
        if version == "3.0" and rng.random() < 0.5:
            logical.append("PRODID:-//Apple Inc.//iPhone OS 18.6//EN")
        logical += card.lines
        if reach.key == broken_key:
            card.broken = True
            at = next(i for i, text in enumerate(logical) if text.startswith("EMAIL"))
            logical[at] = logical[at].replace(":", " ", 1)  # a property line with no colon
        logical.append("END:VCARD")
        start = line
        for text in logical:
            physical = fold_line(text) if version != "2.1" else text
            if physical != text:
                folded += 1
            if card.broken and ":" not in text and not text.startswith(("BEGIN", "END")):
                broken_line = line
            chunks.append(physical + "\r\n")
            line += physical.count("\r\n") + 1
        cards.append((card, start))
    path.write_bytes("".join(chunks).encode("utf-8"))

    book = RecordBook("vcard")
    accepted = [(card, start) for card, start in cards if not card.broken]
    for card, _ in accepted:
        book.add(card.pid, card.key, name=card.fn, emails=card.emails, org=card.org)
    records = book.records()
    organisations = {organisation_key(card.org) for card, _ in accepted if card.org} - {""}
    versions = Counter(card.version for card, _ in cards)
    manifest = {
        "file": path.name,
        "rows": len(cards),
        "accepted": len(accepted),
        "skipped": {},
        "duplicates": 0,
        "duplicate_lines": [],
        "rejected": sum(1 for card, _ in cards if card.broken),
        "rejected_lines": [start for card, start in cards if card.broken],
        "broken_line": broken_line,
        "notes": [
            "A card's id: li:<slug> with a LinkedIn URL, else mail:<first EMAIL>, else "
            "name:<folded FN>.",
            "The card holding a property line without a colon is rejected whole.",
        ],
        "contacts": len(records),
        "organisations": len(organisations),
        "versions": dict(sorted(versions.items())),
        "with_linkedin_url": sum(1 for card, _ in accepted if card.has_url),
        "with_email": sum(1 for card, _ in accepted if card.emails),
        "name_only": sum(1 for card, _ in accepted if not card.emails and not card.has_url),
        "with_address": sum(1 for card, _ in accepted if card.address),
        "folded_lines": folded,
        "cards": [
            {
                "line": start,
                "id": card.pid,
                "key": card.key,
                "version": card.version,
                **(
                    dict(zip(("city", "region", "country"), card.address, strict=True))
                    if card.address
                    else {}
                ),
            }
            for card, start in accepted
        ],
    }
    return manifest, records


def phonebook_keys(manifest: dict[str, Any]) -> Sequence[str]:
    """Keys of the people with an accepted card (their ego tie gets the phonebook channel)."""
    return sorted({card["key"] for card in manifest["cards"]})
