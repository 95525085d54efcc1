"""A seeded synthetic professional world: one owner, their contacts and organisations.

The world is the ground truth every sample export is written from (LinkedIn's
``Connections.csv`` today; a data archive, an address book, a mailbox and a calendar later),
so analysers can be tested against what was planted: groups, ties and who knows whom.
"""

from __future__ import annotations

import difflib
import json
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from netkit.sample import vocab
from netkit.sample.linkedin import write_connections_csv
from netkit.schema import organisation_key

__all__ = [
    "DORMANT_SILENCE",
    "OWNER",
    "OWNER_OLD_EMAIL",
    "OWNER_OLD_EMAIL_SPAN",
    "SAMPLE_FILES",
    "RecordBook",
    "SampleEndorsement",
    "SampleInvitation",
    "SampleMeeting",
    "SampleMessage",
    "SampleOrganisation",
    "SampleOutsider",
    "SampleOwner",
    "SamplePerson",
    "SamplePosition",
    "SampleReach",
    "SampleRecommendation",
    "SourceRecord",
    "World",
    "accents_only",
    "ascii_fold",
    "generate_world",
    "identity_truth",
    "interaction_truth",
    "name_key",
    "observed_ties",
    "plain_name",
    "rome_offset",
    "write_sample",
]

#: The day the sample exports were taken.
EXPORT_DATE = date(2026, 11, 1)
#: First day connections can date from: 15 years before the export.
WINDOW_START = date(2011, 11, 1)
#: The sector the owner wants to move into.
TARGET_SECTOR = "renewable energy"
#: Tie classes, strongest first, and the share of contacts planted in each.
TIE_SHARES: tuple[tuple[str, float], ...] = (
    ("strong", 0.05),
    ("medium", 0.15),
    ("weak", 0.30),
    ("dormant", 0.15),
    ("latent", 0.35),
)

_WINDOW_END = EXPORT_DATE - timedelta(days=1)
_MIN_CONTACTS = 50


@dataclass(frozen=True)
class SampleOrganisation:
    """An organisation at least one contact works for.

    Attributes
    ----------
    key : str
        Stable identifier, lowercase ascii with hyphens (``"enel-green-power"``).
    name : str
        Canonical display name.
    variants : tuple of str
        Spellings used in the exports, the canonical name first. They differ from it only by
        case, accents, punctuation and legal suffixes (S.p.A., SpA, S.r.l., Inc., GmbH...).
    sector : str
        Ground-truth sector label, e.g. ``"renewable energy"``; see :mod:`netkit.sample.vocab`.
    city, country : str
        Where the organisation is based.
    kind : str
        One of ``"company"``, ``"university"``, ``"association"``, ``"public"``.
    """

    key: str
    name: str
    variants: tuple[str, ...]
    sector: str
    city: str
    country: str
    kind: str


@dataclass(frozen=True)
class SamplePosition:
    """A job (or a degree) of the owner.

    Attributes
    ----------
    organisation : str
        Key of the organisation.
    title : str
        Job title, or degree name for education.
    start : datetime.date
        First day.
    end : datetime.date or None
        Last day, ``None`` for the current position.
    """

    organisation: str
    title: str
    start: date
    end: date | None


@dataclass(frozen=True)
class SampleOwner:
    """The person whose exports these are: an HR professional in Milan.

    Attributes
    ----------
    first_name, last_name, gender, title, city, country : str
        As on the owner's profile; gender is ``"f"`` or ``"m"``.
    linkedin_slug, email : str
        The owner's profile slug and address (at an example domain).
    organisation : str
        Key of the current employer.
    past_organisations : tuple of str
        Keys of former employers, sorted.
    university : str
        Key of the owner's university.
    association : str
        Key of the HR association the owner belongs to.
    target_sector : str
        The sector the owner wants to move into (``"renewable energy"``).
    positions : tuple of SamplePosition
        Career, newest first; the first is current (``end is None``).
    education : tuple of SamplePosition
        Degrees (``title`` is the degree name).
    """

    first_name: str
    last_name: str
    gender: str
    title: str
    city: str
    country: str
    linkedin_slug: str
    email: str
    organisation: str
    past_organisations: tuple[str, ...]
    university: str
    association: str
    target_sector: str
    positions: tuple[SamplePosition, ...]
    education: tuple[SamplePosition, ...]


@dataclass(frozen=True)
class SamplePerson:
    """One contact of the owner, with the ground truth planted for tests.

    Attributes
    ----------
    key : str
        ``"p0001"`` ...; numbered in connection order, oldest first.
    first_name, last_name : str
        Exactly as the profile shows them (a few carry credentials, an emoji or capitals).
    gender : str
        ``"f"`` or ``"m"``.
    linkedin_slug : str
        Unique profile slug: lowercase ascii letters, digits and hyphens.
    email : str or None
        Address at an example domain, for the ~10% who share it.
    organisation : str or None
        Key of the current organisation; ``None`` for freelancers and people between jobs.
    company_text : str
        The Company cell of ``Connections.csv``: a spelling of the organisation's name, or
        ``""``, ``"Self-employed"``, ``"Freelance"``, ``"Libero professionista"`` when
        ``organisation`` is ``None``.
    title : str
        The Position cell (Italian or English, possibly empty).
    function : str
        Ground-truth function: ``hr``, ``engineering``, ``software``, ``sales``,
        ``marketing``, ``finance``, ``operations``, ``legal``, ``management``, ``research``,
        ``consulting``, ``administration``, ``sustainability``.
    seniority : str
        ``intern``, ``entry``, ``mid``, ``senior``, ``manager``, ``director`` or
        ``executive``.
    sector : str
        Sector of the current organisation (for people without one, of their work).
    city, country : str
        Where the contact lives.
    past_organisations : tuple of str
        Keys of organisations the contact worked or studied at before, sorted.
    groups : tuple of str
        Planted groups, sorted: ``current-employer``, ``former-employer:<key>``,
        ``alumni:<key>``, ``association:<key>``, ``target-sector``.
    connected_on : datetime.date
        When the owner and the contact connected on LinkedIn.
    tie : str
        Planted tie class: ``strong``, ``medium``, ``weak``, ``dormant`` or ``latent``.
    """

    key: str
    first_name: str
    last_name: str
    gender: str
    linkedin_slug: str
    email: str | None
    organisation: str | None
    company_text: str
    title: str
    function: str
    seniority: str
    sector: str
    city: str
    country: str
    past_organisations: tuple[str, ...]
    groups: tuple[str, ...]
    connected_on: date
    tie: str

    @property
    def full_name(self) -> str:
        """First and last name joined by a space."""
        return f"{self.first_name} {self.last_name}"

    @property
    def linkedin_url(self) -> str:
        """The profile URL as LinkedIn exports it."""
        return f"https://www.linkedin.com/in/{self.linkedin_slug}"


@dataclass(frozen=True)
class SampleOutsider:
    """Someone the owner knows who is not a LinkedIn connection (family, a plumber...).

    Attributes
    ----------
    key : str
        ``"x01"`` ...; never collides with a contact's key.
    first_name, last_name : str
        As the owner's address book spells them.
    gender : str
        ``"f"`` or ``"m"``.
    role : str
        ``family``, ``friend``, ``doctor``, ``plumber``, ``babysitter``, ``accountant``,
        ``namesake`` (shares a contact's name, not the contact), ``invitee`` (the owner
        invited them on LinkedIn, not accepted yet), ``inviter`` (invited the owner, pending)
        or ``broken`` (only in an address-book card that a reader must reject).
    organisation_text, title : str
        Employer and job as written in the exports (``""`` if none).
    city, country : str
        Where they live.
    linkedin_slug : str or None
        Profile slug, only for pending invitations.
    """

    key: str
    first_name: str
    last_name: str
    gender: str
    role: str
    organisation_text: str
    title: str
    city: str
    country: str
    linkedin_slug: str | None

    @property
    def full_name(self) -> str:
        """First and last name joined by a space (one of them may be empty)."""
        return " ".join(part for part in (self.first_name, self.last_name) if part)


@dataclass(frozen=True)
class SampleReach:
    """How a person is reached outside LinkedIn and how the other exports name them.

    These are the planted identity keys: which address each source shows, whether the
    address book has a card and in which form, and the display name used in mail and
    calendar invitations.

    Attributes
    ----------
    key : str
        A contact's or an outsider's key.
    emails : tuple of str
        Addresses at example domains, the one in use first. A few people have a second,
        older one (at a former employer) used for mail before ``old_until``.
    old_until : datetime.date or None
        Mail dated before this day uses ``emails[1]``.
    phone : str
        Mobile number, ``""`` if unknown.
    card : str
        The address-book card: ``""`` (none), ``"url"`` (LinkedIn URL and e-mail),
        ``"email"`` (e-mail, no URL) or ``"name"`` (name and phone only).
    card_name : str
        The card's full name as written (swapped order, no accents, a typo where planted).
    card_org : str
        The card's organisation (``""`` if none); stale for one planted card.
    mail_name : str
        Display name in mail headers and calendar invitations; ``""`` for a bare address.
    plants : tuple of str
        Identity plants that involve this person, sorted (``swapped-name``, ``no-accents``,
        ``fuzzy-typo``, ``stale-organisation``, ``via-address-book``, ``two-addresses``,
        ``homonym``, ``namesake``).
    """

    key: str
    emails: tuple[str, ...]
    old_until: date | None
    phone: str
    card: str
    card_name: str
    card_org: str
    mail_name: str
    plants: tuple[str, ...]

    def email_on(self, day: date) -> str:
        """The address this person used on ``day``."""
        if self.old_until is not None and day < self.old_until and len(self.emails) > 1:
            return self.emails[1]
        return self.emails[0]


@dataclass(frozen=True)
class SampleMessage:
    """One message on LinkedIn or by e-mail; the owner is the sender or a recipient.

    Attributes
    ----------
    channel : str
        ``"linkedin"`` or ``"email"``.
    sender : str
        Key of the sender: a contact's, an outsider's or :data:`OWNER`.
    recipients : tuple of str
        Keys of the recipients (To and Cc), never the sender.
    when : datetime.datetime
        When it was sent, naive UTC (between 08:00 and 20:00 in Milan).
    conversation : str
        Thread id: one LinkedIn conversation per set of participants, one e-mail thread
        per subject.
    subject, text : str
        Subject (e-mail, and a few LinkedIn InMails) and a short body.
    """

    channel: str
    sender: str
    recipients: tuple[str, ...]
    when: datetime
    conversation: str
    subject: str
    text: str

    @property
    def participants(self) -> tuple[str, ...]:
        """Sender and recipients."""
        return (self.sender, *self.recipients)


@dataclass(frozen=True)
class SampleMeeting:
    """One calendar event of the owner.

    Attributes
    ----------
    uid : str
        Stable identifier.
    organiser : str
        Key of the organiser (:data:`OWNER` or a person's key).
    attendees : tuple of str
        Keys of the other attendees (the owner among them when someone else organises).
    start : datetime.datetime
        Naive UTC start; for an all-day event, midnight of the day.
    minutes : int
        Duration (1440 for an all-day event).
    title, location : str
        Summary and place.
    status : str
        ``"confirmed"`` or ``"cancelled"`` (a cancelled event did not happen).
    recurrence : str
        ``""`` or ``"weekly"`` (a weekly event counts as one meeting).
    all_day : bool
        A date-only event.
    declined : tuple of str
        Attendees who declined (they did not attend).
    room : str
        A meeting room booked as a resource attendee (not a person), ``""`` if none.
    """

    uid: str
    organiser: str
    attendees: tuple[str, ...]
    start: datetime
    minutes: int
    title: str
    location: str
    status: str
    recurrence: str
    all_day: bool
    declined: tuple[str, ...]
    room: str

    @property
    def people(self) -> tuple[str, ...]:
        """Everyone who took part: organiser and attendees, minus those who declined."""
        return tuple(k for k in (self.organiser, *self.attendees) if k not in self.declined)


@dataclass(frozen=True)
class SampleEndorsement:
    """A skill endorsement on LinkedIn, given or received by the owner.

    ``status`` is ``ACCEPTED``, ``HIDDEN`` or ``PENDING`` as LinkedIn exports it.
    """

    endorser: str
    endorsee: str
    skill: str
    when: datetime
    status: str


@dataclass(frozen=True)
class SampleRecommendation:
    """A written LinkedIn recommendation; ``status`` is ``VISIBLE`` or ``HIDDEN``."""

    author: str
    recipient: str
    when: datetime
    text: str
    status: str


@dataclass(frozen=True)
class SampleInvitation:
    """A LinkedIn invitation: accepted (the connection exists) or still pending."""

    sender: str
    recipient: str
    when: datetime
    note: str
    accepted: bool


@dataclass(frozen=True)
class SourceRecord:
    """One person as a reader of one sample file must see them: the identity ground truth.

    Attributes
    ----------
    source : str
        ``"archive"``, ``"vcard"``, ``"mbox"``, ``"ics"`` or ``"declared"``.
    id : str
        The node id the reader gives the person (``li:<slug>``, ``mail:<address>`` or
        ``name:<folded name>``, see :func:`netkit.schema.person_id`).
    key : str
        Who it really is: a contact's or an outsider's key.
    names : tuple of str
        Every name the source writes for this id, sorted.
    emails : tuple of str
        Every address the source gives this id, lowercased and sorted.
    organisation : str
        The current organisation the source states (``""`` if none).
    """

    source: str
    id: str
    key: str
    names: tuple[str, ...]
    emails: tuple[str, ...]
    organisation: str


class RecordBook:
    """Collects the records of one source, one per id (names and addresses united)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._records: dict[str, dict[str, Any]] = {}

    def add(
        self, pid: str, key: str, *, name: str = "", emails: Sequence[str] = (), org: str = ""
    ) -> None:
        """Record that this source shows person ``key`` as ``pid``."""
        row = self._records.setdefault(
            pid, {"key": key, "names": set(), "emails": set(), "org": ""}
        )
        if row["key"] != key:
            raise ValueError(f"{self.source}: {pid} would stand for {row['key']} and {key}")
        if name:
            row["names"].add(name)
        row["emails"].update(e.lower() for e in emails if e)
        row["org"] = row["org"] or org

    def records(self) -> list[SourceRecord]:
        """The records, sorted by id."""
        return [
            SourceRecord(
                self.source,
                pid,
                row["key"],
                tuple(sorted(row["names"])),
                tuple(sorted(row["emails"])),
                row["org"],
            )
            for pid, row in sorted(self._records.items())
        ]


@dataclass(frozen=True)
class World:
    """The owner, their contacts, the organisations and who knows whom.

    Attributes
    ----------
    seed : int
        Seed the world was generated from.
    export_date : datetime.date
        Day the exports are dated.
    owner : SampleOwner
        Whose network this is.
    organisations : tuple of SampleOrganisation
        Organisations with at least one current contact, sorted by key.
    people : tuple of SamplePerson
        Contacts sorted by key (oldest connection first).
    knows : tuple of tuple of str
        Sorted pairs ``(key_a, key_b)``, ``key_a < key_b``, of contacts who know each other:
        dense within planted groups and organisations, sparse across.
    outsiders : tuple of SampleOutsider
        People the owner knows who are not LinkedIn connections, by key.
    reach : tuple of SampleReach
        Addresses, phones and identity plants of every contact who appears outside
        ``Connections.csv`` and of every outsider, by key. Latent contacts have none.
    messages : tuple of SampleMessage
        Every LinkedIn message and e-mail between the owner and the people, oldest first.
    meetings : tuple of SampleMeeting
        Every calendar event with other people, oldest first.
    endorsements, recommendations, invitations : tuple
        LinkedIn endorsements (given and received), recommendations and invitations.

    Notes
    -----
    Interactions follow the planted ``tie`` of each contact (messages count both
    directions, over LinkedIn and e-mail): strong 20-80 messages, both ways, the last
    within 60 days; medium 5-20, the last within a year; weak 1-4, the last within three
    years; dormant 3-30, all more than 3.5 years before the export; latent none at all,
    anywhere. Group threads, e-mail co-recipients and meeting co-attendees are always
    contacts who ``knows`` each other.
    """

    seed: int
    export_date: date
    owner: SampleOwner
    organisations: tuple[SampleOrganisation, ...]
    people: tuple[SamplePerson, ...]
    knows: tuple[tuple[str, str], ...]
    outsiders: tuple[SampleOutsider, ...] = ()
    reach: tuple[SampleReach, ...] = ()
    messages: tuple[SampleMessage, ...] = ()
    meetings: tuple[SampleMeeting, ...] = ()
    endorsements: tuple[SampleEndorsement, ...] = ()
    recommendations: tuple[SampleRecommendation, ...] = ()
    invitations: tuple[SampleInvitation, ...] = ()

    @property
    def target_sector(self) -> str:
        """The sector the owner wants to move into."""
        return self.owner.target_sector

    @cached_property
    def _people_by_key(self) -> dict[str, SamplePerson]:
        return {person.key: person for person in self.people}

    @cached_property
    def _organisations_by_key(self) -> dict[str, SampleOrganisation]:
        return {org.key: org for org in self.organisations}

    def person(self, key: str) -> SamplePerson:
        """Return the contact with this key (``KeyError`` if none)."""
        return self._people_by_key[key]

    def organisation(self, key: str) -> SampleOrganisation:
        """Return the organisation with this key (``KeyError`` if none)."""
        return self._organisations_by_key[key]

    def members(self, group: str) -> tuple[SamplePerson, ...]:
        """Return the contacts in a planted group (e.g. ``"former-employer:pirelli"``), by key."""
        return tuple(person for person in self.people if group in person.groups)

    @cached_property
    def _outsiders_by_key(self) -> dict[str, SampleOutsider]:
        return {outsider.key: outsider for outsider in self.outsiders}

    @cached_property
    def _reach_by_key(self) -> dict[str, SampleReach]:
        return {reach.key: reach for reach in self.reach}

    def outsider(self, key: str) -> SampleOutsider:
        """Return the outsider with this key (``KeyError`` if none)."""
        return self._outsiders_by_key[key]

    def reach_of(self, key: str) -> SampleReach | None:
        """Return how the person with this key is reached outside LinkedIn, if at all."""
        return self._reach_by_key.get(key)

    def full_name(self, key: str) -> str:
        """The name of a contact, an outsider or the owner (:data:`OWNER`), as on LinkedIn."""
        if key == OWNER:
            return f"{self.owner.first_name} {self.owner.last_name}"
        if key in self._people_by_key:
            return self._people_by_key[key].full_name
        return self._outsiders_by_key[key].full_name

    def in_connection_order(self) -> tuple[SamplePerson, ...]:
        """Return the contacts newest connection first, the order LinkedIn exports them in."""
        return self.people[::-1]

    def to_dict(self) -> dict[str, Any]:
        """Return the world as JSON-ready data (dates as ISO strings, tuples as lists)."""
        owner = self.owner
        return {
            "seed": self.seed,
            "export_date": self.export_date.isoformat(),
            "target_sector": self.target_sector,
            "owner": {
                "first_name": owner.first_name,
                "last_name": owner.last_name,
                "gender": owner.gender,
                "title": owner.title,
                "city": owner.city,
                "country": owner.country,
                "linkedin_slug": owner.linkedin_slug,
                "email": owner.email,
                "organisation": owner.organisation,
                "past_organisations": list(owner.past_organisations),
                "university": owner.university,
                "association": owner.association,
                "target_sector": owner.target_sector,
                "positions": [_position_dict(p) for p in owner.positions],
                "education": [_position_dict(p) for p in owner.education],
            },
            "people": [
                {
                    "key": p.key,
                    "first_name": p.first_name,
                    "last_name": p.last_name,
                    "gender": p.gender,
                    "linkedin_slug": p.linkedin_slug,
                    "email": p.email,
                    "organisation": p.organisation,
                    "company_text": p.company_text,
                    "title": p.title,
                    "function": p.function,
                    "seniority": p.seniority,
                    "sector": p.sector,
                    "city": p.city,
                    "country": p.country,
                    "past_organisations": list(p.past_organisations),
                    "groups": list(p.groups),
                    "connected_on": p.connected_on.isoformat(),
                    "tie": p.tie,
                }
                for p in self.people
            ],
            "organisations": [
                {
                    "key": o.key,
                    "name": o.name,
                    "variants": list(o.variants),
                    "sector": o.sector,
                    "city": o.city,
                    "country": o.country,
                    "kind": o.kind,
                }
                for o in self.organisations
            ],
            "knows": [list(pair) for pair in self.knows],
        }


def _position_dict(position: SamplePosition) -> dict[str, str | None]:
    return {
        "organisation": position.organisation,
        "title": position.title,
        "start": position.start.isoformat(),
        "end": position.end.isoformat() if position.end else None,
    }


# --------------------------------------------------------------------------------------------
# The owner's story.

_CURRENT = "galbiati-alimentare"
_UNIVERSITY = "unicatt"
_ASSOCIATION = "aidp"
_OWNER_POSITIONS = (
    SamplePosition(_CURRENT, "HR Business Partner", date(2021, 5, 3), None),
    SamplePosition("accenture", "HR Consultant", date(2019, 3, 4), date(2021, 4, 30)),
    SamplePosition("pirelli", "HR Generalist", date(2014, 6, 3), date(2019, 2, 28)),
    SamplePosition("randstad", "Recruiter", date(2011, 9, 12), date(2014, 5, 30)),
)
_FORMER = tuple(position.organisation for position in _OWNER_POSITIONS[1:])
_OWNER_EDUCATION = (
    SamplePosition(
        _UNIVERSITY,
        "Laurea magistrale in Psicologia del lavoro e delle organizzazioni",
        date(2009, 9, 1),
        date(2011, 7, 15),
    ),
)
_ASSOCIATION_SINCE = date(2016, 1, 1)
_TARGET_OUTREACH_SINCE = date(2024, 6, 1)


def _owner() -> SampleOwner:
    return SampleOwner(
        first_name="Elena",
        last_name="Marchetti",
        gender="f",
        title="HR Business Partner",
        city="Milano",
        country="Italy",
        linkedin_slug="elena-marchetti-hrbp",
        email="elena.marchetti@example.it",
        organisation=_CURRENT,
        past_organisations=tuple(sorted(_FORMER)),
        university=_UNIVERSITY,
        association=_ASSOCIATION,
        target_sector=TARGET_SECTOR,
        positions=_OWNER_POSITIONS,
        education=_OWNER_EDUCATION,
    )


# Where the owner's organisations and the target-sector group sit in the ranking of
# organisations by number of contacts (rank 1 = most contacts), for 800 contacts.
# The owner's own organisations come first: they are placed even in the smallest worlds.
_PLACED_RANKS: tuple[tuple[str, int], ...] = (
    (_CURRENT, 1),
    ("pirelli", 2),
    ("accenture", 3),
    ("randstad", 4),
    (_UNIVERSITY, 12),
    (_ASSOCIATION, 60),
    ("enel-green-power", 9),
    ("erg", 14),
    ("brightfield-analytics", 20),
    ("plenitude", 22),
    ("vestas", 30),
    ("iberdrola", 40),
    ("studio-legale-ferri-galli", 50),
    ("renantis", 55),
    ("siemens-gamesa", 80),
    ("edp-renewables", 100),
    ("solare-brianza", 130),
    ("sole-nostro-energia", 160),
    ("eolica-appenninica", 190),
    ("agrivoltaico-padano", 220),
    ("idroelettrica-valtellinese", 245),
)

# --------------------------------------------------------------------------------------------
# Text helpers.

_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
    }
)
_LEGAL_SUFFIX = re.compile(
    r"[\s,]*\b(?:s\.?\s?p\.?\s?a|s\.?\s?r\.?\s?l|inc|ltd|llc|gmbh|ag|s\.?\s?a|n\.?\s?v|"
    r"b\.?\s?v|plc|corp|co)\.?\s*$"
)
_GENDERED = re.compile(r"\{([^{}/]*)/([^{}/]*)\}")


def _ascii(text: str) -> str:
    """Fold to ascii: drop accents and marks, spell out letters NFKD cannot split."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return decomposed.encode("ascii", "ignore").decode("ascii")


def accents_only(text: str) -> bool:
    """True when ``text`` is ascii once its accents are stripped (``ø``, ``ł`` are letters).

    Examples
    --------
    >>> accents_only("Nicolò Schäfer"), accents_only("Søren")
    (True, False)
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).isascii()


def ascii_fold(text: str) -> str:
    """``text`` in plain ascii letters, as typed on a keyboard without accents.

    Examples
    --------
    >>> ascii_fold("Nicolò Łukasz Schäfer")
    'Nicolo Lukasz Schafer'
    """
    return _ascii(text)


def _slug(text: str) -> str:
    """Lowercase ascii words joined by hyphens; apostrophes vanish (``D'Angelo`` -> dangelo)."""
    text = _ascii(text).lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _name_key(name: str) -> str:
    """Compact comparison key of an organisation name (no case, accents, suffix, punctuation)."""
    text = _ascii(name).casefold()
    while True:
        shorter = _LEGAL_SUFFIX.sub("", text)
        if shorter == text:
            break
        text = shorter
    return re.sub(r"[^a-z0-9]", "", text)


def _gendered(title: str, gender: str) -> str:
    """Expand ``{masculine/feminine}`` endings of an Italian title."""
    return _GENDERED.sub(lambda m: m.group(1) if gender == "m" else m.group(2), title)


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, float]]) -> str:
    values = [value for value, _ in pairs]
    weights = [weight for _, weight in pairs]
    return rng.choices(values, weights)[0]


def _day_between(rng: random.Random, start: date, end: date) -> date:
    start = max(start, WINDOW_START)
    end = min(end, _WINDOW_END)
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _recent_day(rng: random.Random) -> date:
    """A day in the 15-year window, later years denser (density grows like t**0.8)."""
    span = (_WINDOW_END - WINDOW_START).days
    return WINDOW_START + timedelta(days=int(span * rng.random() ** (1 / 1.8)))


# --------------------------------------------------------------------------------------------
# Organisations.

_CITY_COUNTRY = {city: country for city, country, _, _ in vocab.CITIES}
_CITY_ORIGIN = {city: origin for city, _, origin, _ in vocab.CITIES}
_CITY_NAMES = [city for city, _, _, _ in vocab.CITIES]
_CITY_WEIGHTS = [weight for _, _, _, weight in vocab.CITIES]
_ITALIAN_CITIES = [
    (city, weight) for city, country, _, weight in vocab.CITIES if country == "Italy"
]
_SUFFIX_SPELLINGS = {
    "S.r.l.": ("Srl", "S.R.L.", "srl"),
    "S.p.A.": ("SpA", "S.P.A.", "spa"),
    "GmbH": ("GMBH",),
    "Ltd": ("Ltd.", "LTD"),
    "B.V.": ("BV",),
    "Inc.": ("Inc", "INC"),
    "LLC": ("llc",),
    "Corp.": ("Corp", "CORP"),
}
_FOREIGN_SUFFIX_CITIES = {
    "GmbH": ("Munich", "Berlin", "Frankfurt"),
    "Ltd": ("London", "Dublin"),
    "B.V.": ("Amsterdam", "Rotterdam"),
    "Inc.": ("New York",),
    "LLC": ("New York",),
    "Corp.": ("New York",),
}


def _catalogue() -> dict[str, SampleOrganisation]:
    orgs: dict[str, SampleOrganisation] = {}
    for key, name, others, sector, city, kind in (
        vocab.REAL_ORGANISATIONS + vocab.FICTIONAL_ORGANISATIONS
    ):
        variants = (name, *(v for v in others.split("|") if v))
        orgs[key] = SampleOrganisation(key, name, variants, sector, city, _CITY_COUNTRY[city], kind)
    return orgs


def _invent_organisation(
    rng: random.Random, taken_keys: set[str], taken_names: set[str]
) -> SampleOrganisation:
    """Invent a small company whose name no other organisation normalises to."""
    surnames = vocab.SURNAMES["it"][1]
    while True:
        pattern, sector, suffixes = rng.choice(vocab.SME_TEMPLATES)
        first, second = rng.sample(surnames, 2)
        base = pattern.format(
            S=first,
            T=second,
            P=rng.choice(vocab.PLACES),
            E=rng.choice(vocab.FOREIGN_COMPANY_NAMES),
        )
        key = _slug(base)
        if key in taken_keys or _name_key(base) in taken_names:
            continue
        break
    suffix = rng.choice(suffixes)
    name = f"{base} {suffix}" if suffix else base
    extra = rng.choices((0, 1, 2), (55, 30, 15))[0]
    options = [f"{base} {alt}" for alt in _SUFFIX_SPELLINGS.get(suffix, ())]
    options += [name.upper(), base] if suffix else [name.upper()]
    variants = [name]
    for option in rng.sample(options, min(extra, len(options))):
        if option not in variants:
            variants.append(option)
    if suffix in _FOREIGN_SUFFIX_CITIES:
        city = rng.choice(_FOREIGN_SUFFIX_CITIES[suffix])
    else:
        city = _weighted(rng, _ITALIAN_CITIES)
    return SampleOrganisation(
        key, name, tuple(variants), sector, city, _CITY_COUNTRY[city], "company"
    )


def _zipf_sizes(total: int, count: int, exponent: float) -> list[int]:
    """Split ``total`` people over ``count`` organisations, sizes ~ rank**-exponent, min 1."""
    weights = [rank**-exponent for rank in range(1, count + 1)]

    def spread(scale: float) -> list[int]:
        return [max(1, round(scale * w)) for w in weights]

    low, high = 0.0, float(total)
    for _ in range(60):
        middle = (low + high) / 2
        if sum(spread(middle)) < total:
            low = middle
        else:
            high = middle
    sizes = spread(high)
    excess = sum(sizes) - total
    rank = 0
    while excess > 0:  # rounding overshoot: trim the largest organisations by one each
        if sizes[rank % count] > 1:
            sizes[rank % count] -= 1
            excess -= 1
        rank += 1
    return sizes


def _rank_organisations(rng: random.Random, count: int) -> list[SampleOrganisation]:
    """Organisations in rank order (most contacts first): planted ones at their ranks."""
    catalogue = _catalogue()
    ranked: list[SampleOrganisation | None] = [None] * count
    for key, wanted in _PLACED_RANKS:
        free = [r for r in range(count) if ranked[r] is None]
        if not free:
            break
        rank = min(free, key=lambda r: (abs(r - (wanted - 1)), r))
        ranked[rank] = catalogue[key]
    placed = {key for key, _ in _PLACED_RANKS}
    pool = [
        org
        for key, org in catalogue.items()
        if key not in placed and org.sector != TARGET_SECTOR and org.kind != "association"
    ]
    rng.shuffle(pool)
    taken_keys = set(catalogue)
    taken_names = {_name_key(org.name) for org in catalogue.values()}
    for rank in range(count):
        if ranked[rank] is not None:
            continue
        share_real = 0.85 if rank < 30 else 0.6 if rank < 100 else 0.2
        if pool and rng.random() < share_real:
            ranked[rank] = pool.pop()
        else:
            org = _invent_organisation(rng, taken_keys, taken_names)
            taken_keys.add(org.key)
            taken_names.add(_name_key(org.name))
            ranked[rank] = org
    return [org for org in ranked if org is not None]


# --------------------------------------------------------------------------------------------
# People.


class _Draft:
    """A contact while the world is being generated (mutable, unlike SamplePerson)."""

    __slots__ = (
        "city",
        "clean_first",
        "clean_last",
        "company_text",
        "connected_on",
        "country",
        "email",
        "first_name",
        "function",
        "gender",
        "groups",
        "key",
        "last_name",
        "org",
        "origin",
        "past",
        "quirky",
        "sector",
        "seniority",
        "slug",
        "tie",
        "title",
    )

    def __init__(self, org: SampleOrganisation | None) -> None:
        self.org = org
        self.groups: list[str] = []
        self.past: list[str] = []
        self.function = ""
        self.city = ""
        self.quirky = False
        self.email: str | None = None
        self.key = ""
        self.tie = ""


def _pick(
    rng: random.Random,
    candidates: list[_Draft],
    count: int,
    *,
    per_org: int | None = None,
) -> list[_Draft]:
    """Pick up to ``count`` distinct drafts, at most ``per_org`` from one organisation."""
    shuffled = candidates[:]
    rng.shuffle(shuffled)
    chosen: list[_Draft] = []
    per: dict[str, int] = {}
    for draft in shuffled:
        if len(chosen) == count:
            break
        org_key = draft.org.key if draft.org else ""
        if per_org is not None and per.get(org_key, 0) >= per_org:
            continue
        per[org_key] = per.get(org_key, 0) + 1
        chosen.append(draft)
    return chosen


def _plant_groups(rng: random.Random, drafts: list[_Draft], n: int) -> None:
    """Current and former colleagues, alumni, association members, the target sector."""
    owner_orgs = {_CURRENT, _UNIVERSITY, _ASSOCIATION, *_FORMER}
    scale = n / 800

    def free(draft: _Draft) -> bool:
        return (
            not draft.groups
            and draft.org is not None
            and draft.org.key not in owner_orgs
            and draft.org.kind == "company"
        )

    for draft in drafts:
        if draft.org is None:
            continue
        if draft.org.key == _CURRENT:
            draft.groups.append("current-employer")
        elif draft.org.key in _FORMER and rng.random() < 0.85:
            draft.groups.append(f"former-employer:{draft.org.key}")
        elif draft.org.key == _ASSOCIATION:
            draft.groups.append(f"association:{_ASSOCIATION}")

    def renewable_pool() -> list[_Draft]:
        return [
            d for d in drafts if free(d) and d.org is not None and d.org.sector == TARGET_SECTOR
        ]

    # Former colleagues who moved on; two of them into the target sector.
    movers = max(1, round(10 * scale))
    for index, former in enumerate(_FORMER):
        chosen = _pick(rng, renewable_pool(), 1) if index < 2 else []
        chosen += _pick(rng, [d for d in drafts if free(d)], movers - len(chosen), per_org=2)
        for draft in chosen:
            draft.groups.append(f"former-employer:{former}")
            draft.past.append(former)

    # Alumni of the owner's university, across employers; one in the target sector.
    chosen = _pick(rng, renewable_pool(), 1)
    chosen += _pick(
        rng, [d for d in drafts if free(d)], max(1, round(40 * scale)) - len(chosen), per_org=2
    )
    for draft in chosen:
        draft.groups.append(f"alumni:{_UNIVERSITY}")
        draft.past.append(_UNIVERSITY)

    # HR association members (HR people by definition); two in the target sector.
    staff = sum(1 for d in drafts if d.org is not None and d.org.key == _ASSOCIATION)
    wanted = max(1, round(30 * scale) - staff)
    chosen = _pick(rng, renewable_pool(), 2)
    chosen += _pick(rng, [d for d in drafts if free(d)], wanted - len(chosen), per_org=3)
    for draft in chosen:
        draft.groups.append(f"association:{_ASSOCIATION}")
        draft.function = "hr"

    # One more HR person in the target sector, in Milan.
    for draft in _pick(rng, renewable_pool(), 1):
        draft.function = "hr"
        draft.city = "Milano"

    for draft in drafts:
        if draft.org is not None and draft.org.sector == TARGET_SECTOR:
            draft.groups.append("target-sector")
        draft.groups.sort()


def _add_past_organisations(
    rng: random.Random, drafts: list[_Draft], orgs: list[SampleOrganisation]
) -> None:
    """Give people a plausible history, away from the owner's organisations."""
    owner_orgs = {_CURRENT, _UNIVERSITY, _ASSOCIATION, *_FORMER}
    others = [org.key for org in orgs if org.key not in owner_orgs]
    for draft in drafts:
        count = rng.choices((0, 1, 2), (40, 35, 25))[0]
        current = draft.org.key if draft.org else ""
        for key in rng.sample(others, min(count, len(others))):
            if key != current and key not in draft.past:
                draft.past.append(key)
        draft.past.sort()


def _place_and_name(rng: random.Random, drafts: list[_Draft]) -> None:
    """Choose where each contact lives, their gender and their name."""
    italy_origins = vocab.ORIGIN_WEIGHTS_ITALY
    used: set[tuple[str, str]] = set()
    for draft in drafts:
        if not draft.city:
            u = rng.random()
            if draft.org is None:
                draft.city = "Milano" if u < 0.6 else rng.choices(_CITY_NAMES, _CITY_WEIGHTS)[0]
            elif draft.org.key == _CURRENT:
                draft.city = "Milano" if u < 0.9 else _weighted(rng, _ITALIAN_CITIES)
            elif u < 0.55:
                draft.city = draft.org.city
            elif u < 0.8:
                draft.city = "Milano"
            else:
                draft.city = rng.choices(_CITY_NAMES, _CITY_WEIGHTS)[0]
        draft.country = _CITY_COUNTRY[draft.city]
        local = _CITY_ORIGIN[draft.city]
        if local == "it":
            draft.origin = _weighted(rng, italy_origins)
        else:
            u = rng.random()
            draft.origin = local if u < 0.7 else "it" if u < 0.85 else _weighted(rng, italy_origins)
        draft.gender = "f" if rng.random() < 0.5 else "m"
        index = 0 if draft.gender == "f" else 1
        for _ in range(5):  # homonyms are planted later; avoid chance ones while names last
            draft.first_name = rng.choice(vocab.FIRST_NAMES[draft.origin][index])
            draft.last_name = rng.choice(vocab.SURNAMES[draft.origin][index])
            if (draft.first_name, draft.last_name) not in used:
                break
        used.add((draft.first_name, draft.last_name))


def _plant_name_quirks(rng: random.Random, drafts: list[_Draft]) -> None:
    """Homonyms at different organisations, then credentials, emoji and capitals."""
    italians = [d for d in drafts if d.origin == "it" and d.org is not None]
    for _ in range(2):
        first = _pick(rng, [d for d in italians if not d.quirky], 1)
        if not first:
            break
        (a,) = first
        others = [d for d in italians if not d.quirky and d.org is not a.org]
        second = _pick(rng, others, 1)
        if not second:
            break
        (b,) = second
        b.first_name, b.last_name, b.gender = a.first_name, a.last_name, a.gender
        a.quirky = b.quirky = True
    for draft in drafts:
        draft.clean_first, draft.clean_last = draft.first_name, draft.last_name
    for which, text in vocab.NAME_QUIRKS:
        candidates = [d for d in italians if not d.quirky]
        if text == " 🌱":
            candidates = [
                d for d in candidates if d.org is not None and d.org.sector == TARGET_SECTOR
            ]
        chosen = _pick(rng, candidates, 1)
        if not chosen:
            continue
        (draft,) = chosen
        draft.quirky = True
        if text == "upper":
            draft.last_name = draft.last_name.upper()
        elif which == "first":
            draft.first_name += text
        else:
            draft.last_name += text


def _assign_work(rng: random.Random, drafts: list[_Draft]) -> None:
    """Function, seniority, sector, title and the Company cell of every contact."""
    self_employed = vocab.SELF_EMPLOYED_FUNCTIONS
    seniority_weights = dict(vocab.SENIORITY_WEIGHTS)
    for draft in drafts:
        italian = draft.country == "Italy" and rng.random() < 0.45
        org = draft.org
        if org is None:
            if not draft.function:
                draft.function = _weighted(rng, [(f, w) for f, w, _ in self_employed])
            draft.sector = next(s for f, _, s in self_employed if f == draft.function)
            draft.seniority = "senior" if rng.random() < 0.5 else "mid"
            draft.company_text = rng.choices(("", *vocab.NO_ORGANISATION_WORDS), (35, 25, 20, 20))[
                0
            ]
            english, italian_titles = vocab.SELF_EMPLOYED_TITLES[draft.function]
            if draft.company_text == "" and rng.random() < 0.5:
                draft.title = ""
                continue
        else:
            if not draft.function:
                if org.key == _CURRENT and rng.random() < 0.25:
                    draft.function = "hr"
                else:
                    weights = vocab.FUNCTION_WEIGHTS.get(
                        org.sector, vocab.FUNCTION_WEIGHTS["default"]
                    )
                    draft.function = _weighted(rng, weights)
            draft.sector = org.sector
            levels = vocab.TITLES[draft.function]
            draft.seniority = _weighted(
                rng, [(level, seniority_weights[level]) for level in levels]
            )
            english, italian_titles = levels[draft.seniority]
            if len(org.variants) == 1:
                draft.company_text = org.name
            else:
                canonical = 0.7 if org.key == _CURRENT else 0.55
                draft.company_text = (
                    org.name if rng.random() < canonical else rng.choice(org.variants[1:])
                )
        choices = italian_titles if italian and italian_titles else english
        draft.title = _gendered(rng.choice(choices), draft.gender)


def _plant_title_quirks(rng: random.Random, drafts: list[_Draft]) -> None:
    """Titles with a line break, commas and double quotes, as real profiles have."""
    used: set[int] = set()
    for function, seniority, title, sector in vocab.QUIRKY_TITLES:
        employed = [d for d in drafts if d.org is not None and id(d) not in used]
        if sector:
            candidates = [d for d in employed if d.org is not None and d.org.sector == sector]
        else:
            candidates = [d for d in employed if d.function == function]
        chosen = _pick(rng, candidates or employed, 1)
        if not chosen:
            continue
        (draft,) = chosen
        used.add(id(draft))
        draft.function, draft.seniority, draft.title = function, seniority, title


def _date_connections(rng: random.Random, drafts: list[_Draft]) -> None:
    """Connection days follow the context: colleagues while the owner worked there, etc."""
    periods: dict[str, tuple[date, date]] = {
        "current-employer": (_OWNER_POSITIONS[0].start, _WINDOW_END),
        f"alumni:{_UNIVERSITY}": (WINDOW_START, date(2014, 12, 31)),
        f"association:{_ASSOCIATION}": (_ASSOCIATION_SINCE, _WINDOW_END),
    }
    for position in _OWNER_POSITIONS[1:]:
        end = position.end or _WINDOW_END
        periods[f"former-employer:{position.organisation}"] = (position.start, end)
    for draft in drafts:
        contexts = [g for g in draft.groups if g in periods]
        if contexts:
            start, end = periods[rng.choice(contexts)]
            draft.connected_on = _day_between(rng, start, end)
        elif "target-sector" in draft.groups and rng.random() < 0.6:
            draft.connected_on = _day_between(rng, _TARGET_OUTREACH_SINCE, _WINDOW_END)
        else:
            draft.connected_on = _recent_day(rng)


def _plant_ties(rng: random.Random, drafts: list[_Draft]) -> None:
    """Exact shares of strong, medium, weak, dormant and latent ties.

    Latent ties (never interacted) are the contacts with the lowest planted strength; dormant
    ones (interaction in the past, none for 3+ years) the stalest of the rest, mostly former
    colleagues and alumni connected long ago; strong, medium and weak split the remainder.
    """
    n = len(drafts)
    counts = {tie: round(share * n) for tie, share in TIE_SHARES}
    base = {"current-employer": 2.0, "former-employer": 1.2, "association": 1.0, "alumni": 0.8}
    strength: dict[str, float] = {}
    staleness: dict[str, float] = {}
    years = (_WINDOW_END - WINDOW_START).days / 365.25
    for draft in drafts:
        kinds = [group.split(":")[0] for group in draft.groups]
        score = max([base.get(kind, 0.0) for kind in kinds] + [0.0])
        if kinds == ["target-sector"]:
            score = 0.3
        age = (EXPORT_DATE - draft.connected_on).days / 365.25
        strength[draft.key] = score + 0.5 * (1 - age / years) + rng.gauss(0, 0.8)
        past_context = any(k in ("former-employer", "alumni") for k in kinds)
        staleness[draft.key] = age + (2.5 if past_context else 0.0) + rng.gauss(0, 1.0)
    by_strength = sorted(drafts, key=lambda d: (strength[d.key], d.key))
    for draft in by_strength[: counts["latent"]]:
        draft.tie = "latent"
    rest = by_strength[counts["latent"] :]
    cutoff = EXPORT_DATE - timedelta(days=round(3.5 * 365.25))
    eligible = [d for d in rest if d.connected_on <= cutoff and "current-employer" not in d.groups]
    eligible.sort(key=lambda d: (-staleness[d.key], d.key))
    for draft in eligible[: counts["dormant"]]:
        draft.tie = "dormant"
    rest = sorted((d for d in rest if not d.tie), key=lambda d: (-strength[d.key], d.key))
    strong, medium = counts["strong"], counts["medium"]
    for index, draft in enumerate(rest):
        draft.tie = "strong" if index < strong else "medium" if index < strong + medium else "weak"


def _contact_details(rng: random.Random, drafts: list[_Draft]) -> None:
    """Unique LinkedIn slugs for everyone; an email for about one in ten."""
    slugs: set[str] = set()
    emails: set[str] = set()
    for draft in drafts:
        first, last = _slug(draft.clean_first), _slug(draft.clean_last)
        base = f"{first}-{last}"
        u = rng.random()
        if u < 0.12:
            slug = base
        elif u < 0.2:
            slug = f"{first}{last}".replace("-", "")
        elif u < 0.25:
            slug = f"{first[:1]}{last}".replace("-", "")
        else:
            slug = ""
        while not slug or slug in slugs:  # LinkedIn's usual form: name and a random suffix
            slug = f"{base}-{rng.getrandbits(36):09x}"[: len(base) + 1 + rng.choice((6, 8, 9))]
        slugs.add(slug)
        draft.slug = slug
        if rng.random() < 0.10:
            local = rng.choice(
                (f"{first}.{last}", f"{first}{last}", f"{first[:1]}.{last}", f"{last}.{first}")
            ).replace("-", "")
            if draft.org is not None and rng.random() < 0.4:
                domain = f"{draft.org.key}.example"
            else:
                domain = rng.choice(("example.com", "example.it", "example.org"))
            email = f"{local}@{domain}"
            number = 2
            while email in emails:
                email = f"{local}{number}@{domain}"
                number += 1
            emails.add(email)
            draft.email = email


def _knows(rng: random.Random, drafts: list[_Draft]) -> tuple[tuple[str, str], ...]:
    """Who knows whom: each member of a group meets a few others in it, plus a few strangers."""
    communities: dict[str, list[str]] = {}
    for draft in drafts:
        for group in draft.groups:
            communities.setdefault(group, []).append(draft.key)
        if draft.org is not None:
            communities.setdefault(f"org:{draft.org.key}", []).append(draft.key)
    degree = {
        "current-employer": 5,
        "former-employer": 4,
        "alumni": 3,
        "association": 3,
        "target-sector": 3,
        "org": 2,
    }
    pairs: set[tuple[str, str]] = set()
    for name in sorted(communities):
        members = sorted(communities[name])
        draws = min(degree[name.split(":")[0]], len(members) - 1)
        for key in members:
            for _ in range(draws):
                other = members[rng.randrange(len(members))]
                if other != key:
                    pairs.add((key, other) if key < other else (other, key))
    keys = sorted(d.key for d in drafts)
    for key in keys:
        if rng.random() < 0.75:
            other = keys[rng.randrange(len(keys))]
            if other != key:
                pairs.add((key, other) if key < other else (other, key))
    return tuple(sorted(pairs))


# --------------------------------------------------------------------------------------------
# Interactions: who the owner talks to, where and when, by tie class.

#: Key standing for the owner in messages, meetings, endorsements and invitations.
OWNER = "owner"
#: A dormant tie has had no interaction for this long (3.5 years and a day).
DORMANT_SILENCE = timedelta(days=1279)
#: The owner's address before the current one, at a former employer (used 2019-2021).
OWNER_OLD_EMAIL = "elena.marchetti@accenture.example"
#: When the owner used :data:`OWNER_OLD_EMAIL` (her time at Accenture), end excluded.
OWNER_OLD_EMAIL_SPAN = (date(2019, 3, 4), date(2021, 5, 1))
_STRONG_RECENT_DAYS = 60
_WEAK_RECENT_DAYS = 3 * 365 - 30
_CREDENTIAL = re.compile(r",?\s*\b(?:PhD|MBA)\b\.?$")


def _last_sunday(year: int, month: int) -> date:
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


@lru_cache(maxsize=128)
def _summer_time(year: int) -> tuple[datetime, datetime]:
    """When summer time starts and ends in the EU (01:00 UTC on the last Sundays)."""
    return (
        datetime.combine(_last_sunday(year, 3), time(1)),
        datetime.combine(_last_sunday(year, 10), time(1)),
    )


def rome_offset(moment: datetime) -> timedelta:
    """UTC offset of Milan (Europe/Rome) at a naive-UTC moment, by the EU summer-time rule.

    Examples
    --------
    >>> rome_offset(datetime(2026, 7, 1, 12)), rome_offset(datetime(2026, 12, 1, 12))
    (datetime.timedelta(seconds=7200), datetime.timedelta(seconds=3600))
    """
    start, end = _summer_time(moment.year)
    return _SUMMER if start <= moment < end else _WINTER


_SUMMER, _WINTER = timedelta(hours=2), timedelta(hours=1)


@lru_cache(maxsize=65536)
def plain_name(text: str) -> str:
    """A name as people type it in mail and address books: no credential, emoji or caps lock.

    Examples
    --------
    >>> plain_name("Verdi, PhD"), plain_name("Luca 🚀"), plain_name("D'AMICO")
    ('Verdi', 'Luca', "D'Amico")
    """
    text = _CREDENTIAL.sub("", text)
    text = "".join(ch for ch in text if ord(ch) < 0x2000 or unicodedata.category(ch)[0] == "L")
    text = " ".join(text.split())
    if len(text) > 1 and text.isupper():
        text = text.title()
    return text


def name_key(name: str) -> tuple[str, ...]:
    """Identity key of a written name: folded words, sorted, credentials and emoji dropped.

    Two records whose names give the same key name the same person unless something else
    conflicts (see :func:`identity_truth`).

    Examples
    --------
    >>> name_key("Rossi Mario") == name_key("Mario ROSSI, PhD") == ("mario", "rossi")
    True
    >>> name_key("Nicolò D'Angelo")
    ('dangelo', 'nicolo')
    """
    text = _ascii(plain_name(name)).casefold().replace("'", "").replace("’", "")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    return tuple(sorted(w for w in words if w not in _CREDENTIAL_WORDS))


_CREDENTIAL_WORDS = frozenset({"phd", "mba", "dott", "dottssa", "dottoressa", "dr", "ing", "avv"})


def _at(rng: random.Random, day: date, first: int = 8, last: int = 19) -> datetime:
    """A naive-UTC moment on ``day`` between ``first`` and ``last`` o'clock in Milan."""
    local = datetime.combine(
        day, time(rng.randint(first, last), rng.randrange(60), rng.randrange(60))
    )
    return local - rome_offset(local)


def _day_in(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randrange(max(0, (hi - lo).days) + 1))


class _Plan:
    """What a contact's interactions must look like (mutable while planning)."""

    __slots__ = ("budget", "colleague", "email_share", "key", "last", "lo", "meetings", "tie")

    def __init__(self, key: str, tie: str, lo: date, last: date, budget: int) -> None:
        self.key, self.tie, self.lo, self.last, self.budget = key, tie, lo, last, budget
        self.email_share = 0.0
        self.meetings = 0
        self.colleague = False


def _shared_until(person: SamplePerson) -> tuple[date, int] | None:
    """When the owner left the place she shared with this contact, and for how many days
    after that they plausibly kept writing (None if they shared none)."""
    ends = {p.organisation: p.end for p in (*_OWNER_POSITIONS, *_OWNER_EDUCATION)}
    for group in person.groups:
        kind, _, org = group.partition(":")
        end = ends.get(org)
        if end is not None and kind in ("former-employer", "alumni"):
            return end, 400 if kind == "former-employer" else 1500
    return None


def _plan_person(rng: random.Random, person: SamplePerson) -> _Plan:
    """Window ``[lo, last]`` of a contact's interactions and how many messages it holds."""
    connected = person.connected_on
    end = EXPORT_DATE - timedelta(days=1)
    tie = person.tie
    if tie == "strong":
        last = max(connected, EXPORT_DATE - timedelta(days=rng.randint(1, _STRONG_RECENT_DAYS)))
        lo = max(connected, last - timedelta(days=rng.randint(400, 1100)))
        budget = 20 + int(60 * rng.random() ** 1.7)
        if any(g.startswith("former-") for g in person.groups):
            lo = connected  # former colleagues: in touch since they worked together
    elif tie == "medium":
        last = max(connected, EXPORT_DATE - timedelta(days=rng.randint(20, 330)))
        lo = max(connected, last - timedelta(days=rng.randint(200, 1400)))
        budget = rng.randint(5, 20)
        if any(g.startswith("former-") for g in person.groups):
            lo = connected  # former colleagues: in touch since they worked together
    elif tie == "weak":
        last = _day_in(rng, max(connected, EXPORT_DATE - timedelta(days=_WEAK_RECENT_DAYS)), end)
        lo = connected
        budget = rng.choices((1, 2, 3, 4), (40, 30, 20, 10))[0]
    else:  # dormant: a real exchange, all of it more than 3.5 years ago
        hi = EXPORT_DATE - DORMANT_SILENCE
        shared = _shared_until(person)
        if shared is not None and connected < min(hi, shared[0] + timedelta(days=shared[1])):
            # while (or soon after) the owner and they were at the same place
            last = min(hi, shared[0] + timedelta(days=rng.randint(0, shared[1])))
            last = max(last, connected)
            lo = max(connected, last - timedelta(days=rng.randint(60, 800)))
        elif connected < hi:
            last = hi - timedelta(days=rng.randint(0, min(900, (hi - connected).days)))
            lo = max(connected, last - timedelta(days=rng.randint(60, 800)))
        else:  # connected on the very edge: the exchange happened just before
            last, lo = hi, hi - timedelta(days=rng.randint(60, 400))
        budget = 3 + int(27 * rng.random() ** 1.5)
    plan = _Plan(person.key, tie, lo, last, budget)
    kinds = {group.split(":")[0] for group in person.groups}
    plan.colleague = "current-employer" in kinds
    if plan.colleague:
        plan.email_share = {"strong": 0.2, "medium": 0.3}.get(tie, 0.4)
        plan.meetings = {"strong": rng.randint(3, 7), "medium": rng.randint(1, 3)}.get(
            tie, rng.randint(0, 1)
        )
    else:
        if "former-employer" in kinds:
            plan.email_share = 0.12 if tie == "dormant" else 0.2
        elif "alumni" in kinds or "association" in kinds:
            plan.email_share = 0.12
        elif "target-sector" in kinds:
            plan.email_share = 0.1
        else:
            plan.email_share = 0.05
        if tie == "strong":
            plan.meetings = rng.randint(0, 2)
        elif tie == "medium" and kinds & {"target-sector", "association"}:
            plan.meetings = int(rng.random() < 0.3)
        elif tie == "weak" and "target-sector" in kinds:
            plan.meetings = int(rng.random() < 0.2)
    return plan


# Short texts; {first} is the other person's first name, {org} their organisation.
_CHAT = (
    "Ciao {first}, come va?",
    "Grazie mille per l'aggiornamento!",
    "Ci sentiamo la settimana prossima per un caffè?",
    "Perfetto, allora ci vediamo giovedì.",
    "Hai visto la posizione aperta in {org}?",
    "Thanks for the intro, very helpful.",
    "Certo, ti mando il materiale entro domani.",
    "Complimenti per il nuovo ruolo!",
    "Sì, confermo. A presto!",
    "Ti giro il contatto di cui parlavamo.",
    "Great to hear from you, let's catch up soon.",
    "Ho letto il tuo post, molto interessante.",
    "Ti va di sentirci per una call veloce?",
    "Grazie, gentilissim{o/a}!",
    "Buone notizie: il progetto è partito.",
    "Sorry for the late reply, busy weeks here.",
    "Mi fai sapere come è andato il colloquio?",
    "Volentieri, dimmi tu quando sei liber{o/a}.",
)
_SUBJECTS_WORK = (
    "Piano formazione",
    "Onboarding nuovi assunti",
    "Review performance",
    "Welfare aziendale",
    "Budget HR",
    "Job description da rivedere",
    "Colloqui della settimana",
    "Survey clima aziendale",
    "Smart working: nuove linee guida",
    "Report turnover",
)
_SUBJECTS_OTHER = (
    "Un saluto",
    "Aggiornamenti",
    "Caffè?",
    "Evento AIDP",
    "Contatto per te",
    "Domanda veloce",
    "Rinnovabili: due chiacchiere?",
    "Grazie!",
)
_MEETING_TITLES = (
    "Allineamento HR",
    "Review performance",
    "Piano formazione",
    "Onboarding",
    "Comitato welfare",
    "Selezione: debrief colloqui",
    "Workshop engagement",
    "Budget HR",
)
_ROOMS = ("Sala Brera", "Sala Navigli", "Sala Duomo")
_OWNER_SKILLS = (
    "Human Resources (HR)",
    "Talent Management",
    "Recruiting",
    "Employee Relations",
    "Change Management",
    "Performance Management",
    "Selezione del personale",
    "Onboarding",
    "Organizational Development",
)
_SKILLS_BY_FUNCTION = {
    "hr": ("Recruiting", "Human Resources (HR)", "Talent Acquisition"),
    "engineering": ("Project Management", "Engineering", "Renewable Energy"),
    "software": ("Software Development", "Agile Methodologies"),
    "sales": ("Sales", "Negotiation", "Business Development"),
    "marketing": ("Marketing", "Digital Marketing", "Communication"),
    "finance": ("Financial Analysis", "Controlling"),
    "operations": ("Operations Management", "Supply Chain Management"),
    "legal": ("Labour Law", "Contract Negotiation"),
    "management": ("Leadership", "Strategic Planning"),
    "research": ("Research", "Data Analysis"),
    "consulting": ("Management Consulting", "Change Management"),
    "administration": ("Administration", "Microsoft Excel"),
    "sustainability": ("Sustainability", "ESG", "Renewable Energy"),
}
_RECOMMENDATION_TEXTS = (
    "{owner} is a thoughtful HR partner, calm under pressure and always fair with people.",
    "Ho lavorato con {owner} per anni: precisa, empatica, sempre un passo avanti.",
    "A great recruiter, with an eye for talent, and a generous colleague.",
    "{owner} ha guidato il progetto di onboarding con energia,\nascoltando tutti.",
)
_RECOMMENDATION_GIVEN = (
    "{name} is one of the most reliable engineers I know, and a kind one.",
    "Con {name} ogni progetto diventa più semplice: competente, disponibile, concret{o/a}.",
    "{name} sa ascoltare le persone e far crescere i team.",
)
_INVITATION_NOTES = (
    "Ciao Elena, piacere di averti conosciuta all'evento di ieri!",
    "Hi Elena, great talk at the AIDP meeting, let's stay in touch.",
    "Ciao, ci siamo sentiti per la posizione HR: restiamo in contatto?",
    "Elena, ti aggiungo come d'accordo. A presto!",
)

# Outsiders: (role, gender, first-name candidates, surname candidates, organisation, title).
_OUTSIDERS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], str, str], ...] = (
    (
        "family",
        "m",
        ("Giorgio", "Franco", "Sandro", "Luigi", "Carlo", "Ettore", "Alberto"),
        ("Marchetti",),
        "",
        "",
    ),
    ("family", "f", ("Luisa", "Gabriella"), ("Bonfanti", "Redaelli", "Meroni"), "", ""),
    ("family", "m", ("Paolo", "Matteo", "Tommaso"), ("Marchetti",), "", ""),
    ("friend", "f", ("Chiara", "Sara", "Noemi"), ("Fumagalli", "Sormani", "Pirovano"), "", ""),
    ("friend", "m", ("Davide", "Andrea", "Michele"), ("Crippa", "Motta", "Viganò"), "", ""),
    ("friend", "f", ("Irene", "Marta"), ("Cattaneo", "Pozzi", "Longhi"), "", ""),
    ("plumber", "m", ("Idraulico",), ("Brambilla", "Mauri"), "", "Idraulico"),
    ("doctor", "m", ("Sergio", "Renato"), ("Pellegatta", "Vergani"), "", "Medico di base"),
    ("babysitter", "f", ("Oksana", "Iryna"), ("Melnyk", "Shevchenko"), "", ""),
    ("accountant", "f", ("Roberta", "Elisa"), ("Galbusera", "Gatti"), "Studio Galbusera", ""),
    ("broken", "m", ("Walter", "Ivano"), ("Cazzaniga", "Sala"), "", ""),
    ("invitee", "f", ("Valeria", "Barbara"), ("Longoni", "Tagliabue"), "", "HR Director"),
    ("invitee", "m", ("Stefano", "Giacomo"), ("Rota", "Ronchi"), "", "Talent Acquisition Lead"),
    ("inviter", "f", ("Martina", "Alessandra"), ("Ghezzi", "Arosio"), "", "Senior Recruiter"),
)


def _adjacency(knows: Sequence[tuple[str, str]]) -> dict[str, set[str]]:
    adjacent: dict[str, set[str]] = {}
    for a, b in knows:
        adjacent.setdefault(a, set()).add(b)
        adjacent.setdefault(b, set()).add(a)
    return adjacent


def _clique(
    rng: random.Random, pool: Sequence[str], adjacent: dict[str, set[str]], size: int
) -> list[str] | None:
    """Up to ``size`` people from ``pool`` who all know each other (at least two), or None."""
    if not pool:
        return None
    allowed = set(pool)
    first = pool[rng.randrange(len(pool))]
    chosen = [first]
    common = adjacent.get(first, set()) & allowed
    while len(chosen) < size and common:
        nxt = sorted(common)[rng.randrange(len(common))]
        chosen.append(nxt)
        common &= adjacent.get(nxt, set())
    return chosen if len(chosen) >= 2 else None


class _Planner:
    """Builds every interaction of the world from the contacts' plans, with one generator."""

    def __init__(
        self,
        seed: int,
        owner: SampleOwner,
        people: Sequence[SamplePerson],
        knows: Sequence[tuple[str, str]],
    ) -> None:
        self.rng = random.Random(f"netkit-sample:{seed}:interactions")
        self.owner = owner
        self.people = {p.key: p for p in people}
        self.plans = {p.key: _plan_person(self.rng, p) for p in people if p.tie != "latent"}
        self.adjacent = _adjacency(knows)
        self.messages: list[SampleMessage] = []
        self.meetings: list[SampleMeeting] = []
        self.threads = 0
        self.names: dict[str, str] = {p.key: plain_name(p.first_name) for p in people}

    # -------------------------------------------------------------------- helpers

    def _text(self, key: str) -> str:
        """A short chat line written to or by the contact ``key``."""
        person = self.people.get(key)
        gender = person.gender if person else "f"
        text = self.rng.choice(_CHAT)
        org = ""
        if person is not None and person.organisation is not None:
            org = person.company_text
        text = text.replace("{org}", org or "azienda")
        return _gendered(text.replace("{first}", self.names.get(key, "")), gender)

    def _thread_id(self, channel: str) -> str:
        self.threads += 1
        return f"{channel}-{self.threads:05d}"

    def _subject(self, key: str) -> str:
        plan = self.plans.get(key)
        pool = _SUBJECTS_WORK if plan is not None and plan.colleague else _SUBJECTS_OTHER
        return self.rng.choice(pool)

    def _window(self, keys: Sequence[str]) -> tuple[date, date] | None:
        lo = max(self.plans[k].lo for k in keys)
        hi = min(self.plans[k].last for k in keys)
        return (lo, hi) if lo <= hi else None

    def _linkedin_ok(self, keys: Sequence[str], day: date) -> bool:
        return all(self.people[k].connected_on <= day for k in keys if k in self.people)

    # -------------------------------------------------------------------- messages

    def group_threads(self, channel: str, ties: tuple[str, ...], count: int) -> None:
        """Conversations of the owner with two or three people who know each other."""
        pool = sorted(
            k
            for k, plan in self.plans.items()
            if plan.tie in ties and (channel == "linkedin" or plan.email_share > 0)
        )
        made = 0
        for _ in range(count * 20):
            if made == count:
                break
            keys = _clique(self.rng, pool, self.adjacent, self.rng.choice((2, 2, 3)))
            if keys is None:
                continue
            window = self._window(keys)
            if window is None or (window[1] - window[0]).days < 5:
                continue
            day = _day_in(self.rng, window[0], window[1] - timedelta(days=4))
            if channel == "linkedin" and not self._linkedin_ok(keys, day):
                continue
            size = self.rng.randint(2, 5) if channel == "linkedin" else self.rng.randint(1, 3)
            senders = [OWNER] + [self.rng.choice([OWNER, *keys]) for _ in range(size - 1)]
            use = {k: sum(1 for s in senders if s in (OWNER, k)) for k in keys}
            if any(self.plans[k].budget - use[k] < 2 for k in keys):
                continue  # leave each person two messages of their own, both ways
            thread = self._thread_id(channel)
            subject = self._subject(keys[0]) if channel == "email" else ""
            moments = sorted(
                _at(self.rng, min(day + timedelta(days=self.rng.randint(0, 3)), window[1]))
                for _ in senders
            )
            for sender, moment in zip(senders, moments, strict=True):
                everyone = [OWNER, *keys]
                recipients = tuple(k for k in everyone if k != sender)
                about = keys[0] if sender == OWNER else sender
                self.messages.append(
                    SampleMessage(
                        channel, sender, recipients, moment, thread, subject, self._text(about)
                    )
                )
            for k in keys:
                self.plans[k].budget -= use[k]
            made += 1

    def one_to_one(self) -> None:
        """Each contact's remaining messages, in short threads, the last one on ``last``;
        every tie but a weak one gets messages both ways."""
        directions: dict[str, set[bool]] = {}
        for message in self.messages:
            for key in message.recipients if message.sender == OWNER else (message.sender,):
                directions.setdefault(key, set()).add(message.sender == OWNER)
        for key in sorted(self.plans):
            plan = self.plans[key]
            left = plan.budget
            if left <= 0:
                continue
            chunk = {"strong": 6, "medium": 4, "weak": 2, "dormant": 5}[plan.tie]
            sizes: list[int] = []
            while left > 0:
                size = min(left, self.rng.randint(1, chunk))
                sizes.append(size)
                left -= size
            starts = sorted(_day_in(self.rng, plan.lo, plan.last) for _ in sizes[:-1])
            starts.append(plan.last)
            sender = OWNER if self.rng.random() < 0.5 else key
            first = len(self.messages)
            for index, (size, start) in enumerate(zip(sizes, starts, strict=True)):
                if index == len(sizes) - 1:
                    days = [start] * size
                else:
                    days = sorted(
                        min(start + timedelta(days=self.rng.randint(0, 3)), plan.last)
                        for _ in range(size)
                    )
                channel = "email" if self.rng.random() < plan.email_share else "linkedin"
                if channel == "linkedin" and not self._linkedin_ok([key], days[0]):
                    channel = "email"
                thread = f"linkedin-{key}" if channel == "linkedin" else self._thread_id("email")
                subject = self._subject(key) if channel == "email" else ""
                for moment in sorted(_at(self.rng, day) for day in days):
                    recipient = key if sender == OWNER else OWNER
                    self.messages.append(
                        SampleMessage(
                            channel, sender, (recipient,), moment, thread, subject, self._text(key)
                        )
                    )
                    directions.setdefault(key, set()).add(sender == OWNER)
                    if plan.tie == "weak" or self.rng.random() < 0.8:
                        sender = key if sender == OWNER else OWNER
            if plan.tie != "weak" and len(directions[key]) < 2:
                message = self.messages[first]  # the first of them goes the other way
                self.messages[first] = replace(
                    message, sender=message.recipients[0], recipients=(message.sender,)
                )
            plan.budget = 0

    # -------------------------------------------------------------------- meetings

    def _meeting(
        self,
        keys: Sequence[str],
        start: datetime,
        title: str,
        *,
        minutes: int = 60,
        organiser: str = OWNER,
        status: str = "confirmed",
        recurrence: str = "",
        all_day: bool = False,
        room: str = "",
        location: str = "",
    ) -> SampleMeeting:
        attendees = tuple(k for k in (OWNER, *keys) if k != organiser)
        meeting = SampleMeeting(
            uid=f"{len(self.meetings) + 1:04d}",
            organiser=organiser,
            attendees=attendees,
            start=start,
            minutes=minutes,
            title=title,
            location=location or room,
            status=status,
            recurrence=recurrence,
            all_day=all_day,
            declined=(),
            room=room,
        )
        self.meetings.append(meeting)
        return meeting

    def _meeting_time(self, day: date) -> datetime:
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        local = datetime.combine(day, time(self.rng.randint(9, 17), self.rng.choice((0, 30))))
        return local - rome_offset(local)

    def _meeting_day(self, keys: Sequence[str]) -> date | None:
        window = self._window(keys)
        if window is None:
            return None
        lo, hi = window
        day = _day_in(self.rng, lo, hi)
        while day.weekday() >= 5 and day > lo:
            day -= timedelta(days=1)
        return day if day.weekday() < 5 and lo <= day <= hi else None

    def meetings_plan(self) -> None:
        """Group meetings of colleagues who know each other, then one-to-ones."""
        rng = self.rng
        colleagues = sorted(k for k, p in self.plans.items() if p.colleague and p.meetings > 0)
        for _ in range(120):
            pool = [k for k in colleagues if self.plans[k].meetings > 0]
            keys = _clique(rng, pool, self.adjacent, rng.choice((2, 2, 3, 4)))
            if keys is None:
                continue
            day = self._meeting_day(keys)
            if day is None:
                continue
            room = rng.choice(_ROOMS) if rng.random() < 0.4 else ""
            organiser = OWNER if rng.random() < 0.6 else keys[0]
            self._meeting(
                keys,
                self._meeting_time(day),
                rng.choice(_MEETING_TITLES),
                minutes=rng.choice((30, 60, 60, 90)),
                organiser=organiser,
                room=room,
            )
            for k in keys:
                self.plans[k].meetings -= 1
        for key in sorted(self.plans):
            plan = self.plans[key]
            while plan.meetings > 0:
                day = self._meeting_day([key])
                plan.meetings -= 1
                if day is None:
                    continue
                first = self.names[key]
                if plan.colleague:
                    title = f"1:1 {first} / Elena"
                    room = rng.choice(_ROOMS) if rng.random() < 0.3 else ""
                    location = ""
                else:
                    title = rng.choice(
                        (
                            f"Caffè con {first}",
                            f"Pranzo con {first}",
                            f"Call conoscitiva con {first}",
                        )
                    )
                    room = ""
                    location = rng.choice(("Bar Magenta, Milano", "Google Meet", "Microsoft Teams"))
                organiser = OWNER if rng.random() < 0.7 else key
                self._meeting(
                    [key],
                    self._meeting_time(day),
                    title,
                    minutes=rng.choice((30, 45, 60)),
                    organiser=organiser,
                    room=room,
                    location=location,
                )

    def special_meetings(self) -> None:
        """A weekly one-to-one, an all-hands, an all-day offsite, a cancelled meeting and a
        declined invitation: what every real calendar has."""
        rng = self.rng
        attended: dict[str, int] = {}
        for meeting in self.meetings:
            for k in meeting.people:
                attended[k] = attended.get(k, 0) + 1
        colleagues = sorted(
            k for k, p in self.plans.items() if p.colleague and attended.get(k, 0) > 0
        )
        strong = [k for k in colleagues if self.plans[k].tie == "strong"]
        if strong:
            ranks = {"executive": 0, "director": 1, "manager": 2}
            manager = min(
                strong,
                key=lambda k: (
                    self.people[k].function != "hr",
                    ranks.get(self.people[k].seniority, 9),
                    k,
                ),
            )
            plan = self.plans[manager]
            day = max(plan.lo, EXPORT_DATE - timedelta(days=420))
            day += timedelta(days=(7 - day.weekday()) % 7)  # a Monday
            if day <= plan.last:
                local = datetime.combine(day, time(9, 30))
                self._meeting(
                    [manager],
                    local - rome_offset(local),
                    f"1:1 Elena / {self.names[manager]}",
                    minutes=30,
                    organiser=manager,
                    recurrence="weekly",
                )
            # A cancelled meeting with the same person.
            cancelled_day = self._meeting_day([manager])
            if cancelled_day is not None:
                self._meeting(
                    [manager],
                    self._meeting_time(cancelled_day),
                    "Review piano ferie",
                    status="cancelled",
                )
        # The quarterly all-hands: more than ten people besides the owner.
        day = EXPORT_DATE - timedelta(days=75)
        while day.weekday() != 3:
            day -= timedelta(days=1)
        present = [k for k in colleagues if self.plans[k].lo <= day <= self.plans[k].last]
        if len(present) >= 11:
            chosen = sorted(rng.sample(present, min(16, len(present))))
            ranks = {"executive": 0, "director": 1}
            organiser = min(chosen, key=lambda k: (ranks.get(self.people[k].seniority, 9), k))
            local = datetime.combine(day, time(16, 0))
            self._meeting(
                chosen,
                local - rome_offset(local),
                "Town hall Q3",
                minutes=60,
                organiser=organiser,
                room="Auditorium",
                location="Auditorium, sede di Milano",
            )
        # An all-day offsite of a few colleagues who know each other.
        for _ in range(50):
            keys = _clique(rng, colleagues, self.adjacent, 4)
            if keys is None or len(keys) < 3:
                continue
            offsite = self._meeting_day(keys)
            if offsite is None:
                continue
            self._meeting(
                keys,
                datetime.combine(offsite, time(0)),
                "Offsite team HR",
                minutes=1440,
                all_day=True,
                location="Villa Borromeo, Cassano d'Adda",
            )
            break
        # Someone declines a group meeting; pick one whose pair also met elsewhere.
        groups = [
            m
            for m in self.meetings
            if m.status == "confirmed"
            and not m.recurrence
            and not m.all_day
            and 2 <= len(m.people) - 1 <= 4
        ]
        met: dict[tuple[str, str], int] = {}
        for meeting in self.meetings:
            people = sorted(k for k in meeting.people if k != OWNER)
            if meeting.status != "confirmed" or len(people) > 10:
                continue
            for i, a in enumerate(people):
                for b in people[i + 1 :]:
                    met[(a, b)] = met.get((a, b), 0) + 1
        for meeting in groups:
            others = sorted(k for k in meeting.people if k not in (OWNER, meeting.organiser))
            for k in others:
                rest = [o for o in meeting.people if o not in (OWNER, k)]
                if attended.get(k, 0) > 1 and all(
                    met.get((min(k, o), max(k, o)), 0) > 1 for o in rest
                ):
                    index = self.meetings.index(meeting)
                    self.meetings[index] = replace(meeting, declined=(k,))
                    return

    # -------------------------------------------------------------------- LinkedIn extras

    def endorsements(self) -> list[SampleEndorsement]:
        """About forty contacts endorse the owner's skills, she endorses about twenty-five;
        three of each are HIDDEN or PENDING. Dates fall in each contact's window."""
        rng = self.rng
        out: list[SampleEndorsement] = []
        active = sorted(self.plans)
        weights = [
            3.0
            if {g.split(":")[0] for g in self.people[k].groups}
            & {"current-employer", "former-employer", "association"}
            else 1.0
            for k in active
        ]
        endorsers: list[str] = []
        for k in rng.choices(active, weights, k=60):
            if k not in endorsers:
                endorsers.append(k)
        for key in sorted(endorsers[:40]):
            plan = self.plans[key]
            day = _day_in(rng, plan.lo, plan.last)
            for skill in rng.sample(_OWNER_SKILLS, rng.choice((1, 1, 2, 3))):
                out.append(SampleEndorsement(key, OWNER, skill, _at(rng, day, 0, 23), "ACCEPTED"))
        endorsees = sorted(rng.sample(active, min(25, len(active))))
        for key in endorsees:
            plan = self.plans[key]
            day = _day_in(rng, plan.lo, plan.last)
            skills = _SKILLS_BY_FUNCTION.get(self.people[key].function, ("Leadership",))
            for skill in rng.sample(skills, rng.choice((1, 1, 2)) if len(skills) > 1 else 1):
                out.append(SampleEndorsement(OWNER, key, skill, _at(rng, day, 0, 23), "ACCEPTED"))
        received = [i for i, e in enumerate(out) if e.endorsee == OWNER]
        given = [i for i, e in enumerate(out) if e.endorser == OWNER]
        for indices, statuses in (
            (received, ("HIDDEN", "HIDDEN", "PENDING")),
            (given, ("PENDING", "PENDING", "HIDDEN")),
        ):
            for index, status in zip(
                rng.sample(indices, min(3, len(indices))), statuses, strict=False
            ):
                out[index] = replace(out[index], status=status)
        return sorted(out, key=lambda e: (e.when, e.endorser, e.endorsee, e.skill))

    def recommendations(self, unique: Callable[[str], bool]) -> list[SampleRecommendation]:
        """Four received (one hidden), three given; authors have names no one else has,
        since the export names them without a profile URL."""
        rng = self.rng
        chosen: set[str] = set()
        out: list[SampleRecommendation] = []

        def groups(k: str) -> set[str]:
            return {g.split(":")[0] for g in self.people[k].groups}

        def ties(*names: str) -> Callable[[str], bool]:
            return lambda k: self.plans[k].tie in names

        wanted: tuple[tuple[bool, Callable[[str], bool]], ...] = (
            (True, lambda k: self.plans[k].colleague and ties("strong")(k)),
            (True, lambda k: "former-employer" in groups(k) and ties("strong", "medium")(k)),
            (True, lambda k: "former-employer" in groups(k) and ties("dormant")(k)),
            (True, lambda k: "association" in groups(k)),
            (False, lambda k: "former-employer" in groups(k)),
            (False, lambda k: "former-employer" in groups(k)),
            (False, lambda k: self.plans[k].colleague),
        )
        for index, (received, predicate) in enumerate(wanted):
            pool = [k for k in sorted(self.plans) if k not in chosen and unique(k) and predicate(k)]
            if not pool:
                continue
            key = rng.choice(pool)
            chosen.add(key)
            plan = self.plans[key]
            when = _at(rng, _day_in(rng, plan.lo, plan.last))
            if received:
                text = _RECOMMENDATION_TEXTS[index].replace("{owner}", self.owner.first_name)
                status = "HIDDEN" if index == 3 else "VISIBLE"
                out.append(SampleRecommendation(key, OWNER, when, text, status))
            else:
                text = _RECOMMENDATION_GIVEN[index - 4].replace("{name}", self.names[key])
                text = _gendered(text, self.people[key].gender)
                out.append(SampleRecommendation(OWNER, key, when, text, "VISIBLE"))
        return sorted(out, key=lambda r: (r.when, r.author, r.recipient))

    def invitations(self, outsiders: Sequence[SampleOutsider]) -> list[SampleInvitation]:
        """Accepted invitations of the last 120 days' connections (latent ones excepted),
        both ways, some with a note; and three pending ones with people not connected."""
        rng = self.rng
        out: list[SampleInvitation] = []
        recent = EXPORT_DATE - timedelta(days=120)
        for key in sorted(self.plans):
            person = self.people[key]
            if person.connected_on < recent:
                continue
            sent = person.connected_on - timedelta(days=rng.choice((0, 0, 1, 2, 5)))
            note = rng.choice(_INVITATION_NOTES) if rng.random() < 0.4 else ""
            if rng.random() < 0.55:
                out.append(SampleInvitation(key, OWNER, _at(rng, sent), note, True))
            else:
                out.append(SampleInvitation(OWNER, key, _at(rng, sent), "", True))
        for outsider in outsiders:
            day = EXPORT_DATE - timedelta(days=rng.randint(2, 20))
            if outsider.role == "invitee":
                note = "Buongiorno, mi occupo di HR e seguo con interesse le rinnovabili."
                out.append(SampleInvitation(OWNER, outsider.key, _at(rng, day), note, False))
            elif outsider.role == "inviter":
                out.append(
                    SampleInvitation(
                        outsider.key, OWNER, _at(rng, day), _INVITATION_NOTES[2], False
                    )
                )
        return sorted(out, key=lambda i: (i.when, i.sender, i.recipient))

    # -------------------------------------------------------------------- outsiders

    def outsider_interactions(self, outsiders: Sequence[SampleOutsider]) -> None:
        """Mail with family, friends, the accountant and a namesake; dinners with a friend."""
        rng = self.rng
        plan = {"family": 3, "friend": 3, "accountant": 2}
        for outsider in outsiders:
            count = plan.get(outsider.role, 0)
            if outsider.role == "namesake" and not outsider.organisation_text:
                count = 2  # a parent of the children's school, by e-mail only
            if outsider.role == "family" and outsider.gender == "f":
                count = 0  # the mother phones
            first = outsider.first_name
            for _ in range(count):
                day = _day_in(
                    rng, EXPORT_DATE - timedelta(days=700), EXPORT_DATE - timedelta(days=2)
                )
                thread = self._thread_id("email")
                subject = rng.choice(
                    (
                        "Domenica a pranzo?",
                        "Foto",
                        "Documenti",
                        "Ciao!",
                        "Dichiarazione dei redditi",
                        "Festa di classe",
                    )
                )
                moments = sorted(_at(rng, day) for _ in range(2))
                sender = outsider.key if rng.random() < 0.6 else OWNER
                for moment in moments[: rng.randint(1, 2)]:
                    recipient = OWNER if sender != OWNER else outsider.key
                    self.messages.append(
                        SampleMessage(
                            "email",
                            sender,
                            (recipient,),
                            moment,
                            thread,
                            subject,
                            f"Ciao {first}!" if sender == OWNER else "Ciao Elena!",
                        )
                    )
                    sender = OWNER if sender != OWNER else outsider.key
            if outsider.role == "friend" and outsider.gender == "f":
                for _ in range(2):
                    day = _day_in(
                        rng, EXPORT_DATE - timedelta(days=500), EXPORT_DATE - timedelta(days=3)
                    )
                    local = datetime.combine(day, time(20, 30))
                    self._meeting(
                        [outsider.key],
                        local - rome_offset(local),
                        f"Cena con {first}",
                        minutes=150,
                        location="Trattoria Milanese",
                    )


def _outsiders(
    rng: random.Random, people: Sequence[SamplePerson], namesakes: Sequence[SamplePerson]
) -> tuple[SampleOutsider, ...]:
    """Family, friends, the doctor and the plumber, pending invitations and two namesakes of
    contacts (one in the address book, one who writes e-mails), with names no one else has."""
    taken = {name_key(p.full_name) for p in people}
    taken |= {name_key(f"{p.first_name[:1]} {p.last_name}") for p in people}
    taken.add(name_key("Elena Marchetti"))
    out: list[SampleOutsider] = []
    orgs = {"invitee": ("Enel Green Power", "ERG"), "inviter": ("Hays",)}
    invitees = 0
    for role, gender, firsts, lasts, org_text, title in _OUTSIDERS:
        options = [(f, last) for last in lasts for f in firsts]
        for first, last in options:
            key = name_key(f"{first} {last}")
            initial = name_key(f"{first[:1]} {last}")
            if key not in taken and initial not in taken:
                break
        else:
            continue
        taken |= {key, initial}
        organisation = org_text
        if role == "invitee":
            organisation = orgs["invitee"][invitees % 2]
            invitees += 1
        elif role == "inviter":
            organisation = orgs["inviter"][0]
        slug = None
        if role in ("invitee", "inviter"):
            slug = f"{_slug(first)}-{_slug(last)}-{rng.getrandbits(24):06x}"
        out.append(
            SampleOutsider(
                key=f"x{len(out) + 1:02d}",
                first_name=first if role != "plumber" else "",
                last_name=last if role != "plumber" else f"{last} Idraulico",
                gender=gender,
                role=role,
                organisation_text=organisation,
                title=title,
                city="Milano" if rng.random() < 0.8 else "Monza",
                country="Italy",
                linkedin_slug=slug,
            )
        )
    for index, namesake in enumerate(namesakes):
        last = plain_name(namesake.last_name)
        out.append(
            SampleOutsider(
                key=f"x{len(out) + 1:02d}",
                first_name=plain_name(namesake.first_name),
                last_name=last,
                gender=namesake.gender,
                role="namesake",
                organisation_text="" if index else f"Studio Tecnico {last}",
                title="" if index else "Geometra",
                city="Milano" if index else "Lecco",
                country="Italy",
                linkedin_slug=None,
            )
        )
    return tuple(out)


def _homonyms(people: Sequence[SamplePerson]) -> set[str]:
    """Keys of contacts whose name (as an identity key) another contact shares."""
    seen: dict[tuple[str, ...], list[str]] = {}
    for person in people:
        seen.setdefault(name_key(person.full_name), []).append(person.key)
    return {key for keys in seen.values() if len(keys) > 1 for key in keys}


def _pick_namesakes(
    rng: random.Random, people: Sequence[SamplePerson], plans: dict[str, _Plan], taken: set[str]
) -> list[SamplePerson]:
    """Two contacts with plain, common Italian names that strangers share."""
    pool = [
        p
        for p in people
        if p.key in plans
        and p.key not in taken
        and p.tie in ("strong", "medium")
        and p.organisation is not None
        and p.country == "Italy"
        and plain_name(p.full_name) == p.full_name
        and " " not in p.first_name
        and p.first_name in vocab.FIRST_NAMES["it"][0] + vocab.FIRST_NAMES["it"][1]
    ]
    return rng.sample(pool, min(2, len(pool)))


def _local_part(rng: random.Random, first: str, last: str) -> str:
    first, last = (
        _slug(plain_name(first)).replace("-", ""),
        _slug(plain_name(last)).replace("-", ""),
    )
    if not first:
        return last
    return rng.choices((f"{first}.{last}", f"{first[:1]}.{last}", f"{first}{last}"), (70, 20, 10))[
        0
    ]


def _phone(rng: random.Random, country: str, used: set[str]) -> str:
    prefix = {"Italy": "+39 3", "Switzerland": "+41 7", "United Kingdom": "+44 7"}.get(
        country, "+39 3"
    )
    while True:
        digits = f"{rng.randrange(10, 100)} {rng.randrange(100, 1000)} {rng.randrange(1000, 10000)}"
        phone = f"{prefix}{digits}"
        if phone not in used:
            used.add(phone)
            return phone


def _typo(rng: random.Random, name: str) -> str | None:
    """The surname with one letter dropped or two swapped, as a hurried typist writes it."""
    first, _, last = name.partition(" ")
    if len(last) < 6 or not last.isalpha():
        return None
    i = rng.randrange(2, len(last) - 1)
    if rng.random() < 0.5:
        wrong = last[:i] + last[i + 1 :]
    else:
        wrong = last[: i - 1] + last[i] + last[i - 1] + last[i + 1 :]
    return f"{first} {wrong}" if wrong != last else None


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(name_key(a)), " ".join(name_key(b))).ratio()


def _reach(
    rng: random.Random,
    planner: _Planner,
    people: Sequence[SamplePerson],
    outsiders: Sequence[SampleOutsider],
    ambiguous: set[str],
    namesakes: set[str],
) -> tuple[SampleReach, ...]:
    """E-mail addresses, phones, address-book cards and the planted identity quirks."""
    plans = planner.plans
    by_key = planner.people
    used_emails = {p.email for p in people if p.email}
    used_emails |= {"elena.marchetti@example.it", OWNER_OLD_EMAIL}
    used_phones: set[str] = set()

    def new_email(local: str, domain: str) -> str:
        email, number = f"{local}@{domain}", 2
        while email in used_emails:
            email, number = f"{local}{number}@{domain}", number + 1
        used_emails.add(email)
        return email

    mail_days: dict[str, list[date]] = {}
    for message in planner.messages:
        if message.channel == "email":
            for k in message.participants:
                mail_days.setdefault(k, []).append(message.when.date())

    rows: dict[str, dict[str, Any]] = {}
    for key in sorted(plans):
        person = by_key[key]
        if person.email:
            email = person.email
        else:
            org = person.organisation
            domain = (
                f"{org}.example"
                if org and rng.random() < 0.85
                else rng.choice(("example.com", "example.org"))
            )
            email = new_email(_local_part(rng, person.first_name, person.last_name), domain)
        kinds = {g.split(":")[0] for g in person.groups}
        u = rng.random()
        carded = (
            key in ambiguous
            or "current-employer" in kinds
            or person.tie == "strong"
            or ("former-employer" in kinds and u < (0.6 if person.tie == "dormant" else 0.9))
            or (person.tie == "medium" and u < 0.6)
            or (person.tie == "weak" and u < 0.08)
            or (person.tie == "dormant" and "alumni" in kinds and u < 0.15)
        )
        if key in ambiguous:
            card = "url"
        elif carded:
            card = rng.choices(("url", "email", "name"), (30, 55, 15))[0]
        else:
            card = ""
        name = plain_name(person.first_name) + " " + plain_name(person.last_name)
        org_text = person.company_text if person.organisation and rng.random() < 0.85 else ""
        mail_name = name
        linked = card in ("url", "email") or bool(person.email)
        u = rng.random()
        if key not in ambiguous and u < 0.06:
            mail_name = f"{plain_name(person.last_name)}, {plain_name(person.first_name)}"
        elif linked and u < 0.12:
            mail_name = ""
        rows[key] = {
            "emails": [email],
            "old_until": None,
            "phone": _phone(rng, person.country, used_phones) if card or rng.random() < 0.3 else "",
            "card": card,
            "card_name": name,
            "card_org": org_text,
            "mail_name": mail_name,
            "plants": ({"namesake"} if key in namesakes else {"homonym"})
            if key in ambiguous
            else set(),
        }
        if card == "name" and not rows[key]["phone"]:
            rows[key]["phone"] = _phone(rng, person.country, used_phones)

    def choose(count: int, predicate: Callable[[str, dict[str, Any]], bool]) -> list[str]:
        """Up to ``count`` people with no plant yet for whom ``predicate`` holds."""
        pool = [k for k in sorted(rows) if not rows[k]["plants"] and predicate(k, rows[k])]
        return rng.sample(pool, min(count, len(pool)))

    def former_elsewhere(key: str) -> str:
        """A former employer shared with the owner that is not the contact's current one."""
        person = by_key[key]
        for group in person.groups:
            kind, _, org = group.partition(":")
            if kind == "former-employer" and org != person.organisation:
                return org
        return ""

    # Mail from an address with no name, matched only through the address book's card.
    for key in choose(
        3,
        lambda k, r: r["card"] == "url" and len(mail_days.get(k, [])) >= 2 and not by_key[k].email,
    ):
        rows[key]["mail_name"] = ""
        rows[key]["plants"].add("via-address-book")
    # Two addresses: an old one at the former employer shared with the owner, then a new one.
    for key in choose(
        2,
        lambda k, r: (
            r["card"] in ("url", "email")
            and len(mail_days.get(k, [])) >= 4
            and bool(former_elsewhere(k))
            and not by_key[k].email
        ),
    ):
        person = by_key[key]
        local = _local_part(rng, person.first_name, person.last_name)
        rows[key]["emails"].append(new_email(local, f"{former_elsewhere(key)}.example"))
        days = sorted(mail_days[key])
        rows[key]["old_until"] = days[len(days) // 2]
        rows[key]["plants"].add("two-addresses")
    # A card whose organisation is a former one: joined by its LinkedIn URL only.
    for key in choose(
        1,
        lambda k, r: (
            r["card"] in ("url", "email")
            and by_key[k].organisation is not None
            and bool(mail_days.get(k))
            and bool(former_elsewhere(k))
        ),
    ):
        rows[key]["card"] = "url"
        rows[key]["card_org"] = _catalogue()[former_elsewhere(key)].name
        rows[key]["plants"].add("stale-organisation")
    # Name-only cards: swapped order, a surname with a typo.
    names_in_use = {name_key(p.full_name) for p in people}
    names_in_use |= {name_key(o.full_name) for o in outsiders}
    for key in choose(2, lambda k, r: r["card"] == "name"):
        person = by_key[key]
        rows[key]["card_name"] = f"{plain_name(person.last_name)} {plain_name(person.first_name)}"
        rows[key]["plants"].add("swapped-name")
    colleagues_of: dict[str, list[str]] = {}
    for person in people:
        if person.organisation:
            colleagues_of.setdefault(person.organisation, []).append(person.full_name)
    for key in choose(len(rows), lambda k, r: r["card"] == "name" and bool(r["card_org"])):
        person = by_key[key]
        wrong = _typo(rng, rows[key]["card_name"])
        if wrong is None or name_key(wrong) in names_in_use:
            continue
        if _similar(wrong, person.full_name) < 0.9:
            continue
        others = [n for n in colleagues_of[person.organisation or ""] if n != person.full_name]
        if any(_similar(wrong, n) >= 0.9 for n in others):
            continue
        rows[key]["card_name"] = wrong
        rows[key]["plants"].add("fuzzy-typo")
        break
    # Names typed without their accents.
    for key in choose(
        2,
        lambda k, r: (
            r["card"] in ("email", "name")
            and not r["card_name"].isascii()
            and accents_only(r["card_name"])
        ),
    ):
        rows[key]["card_name"] = _ascii(rows[key]["card_name"])
        rows[key]["plants"].add("no-accents")

    reach = [
        SampleReach(
            key=key,
            emails=tuple(row["emails"]),
            old_until=row["old_until"],
            phone=row["phone"],
            card=row["card"],
            card_name=row["card_name"],
            card_org=row["card_org"],
            mail_name=row["mail_name"],
            plants=tuple(sorted(row["plants"])),
        )
        for key, row in rows.items()
    ]
    for outsider in outsiders:
        role = outsider.role
        if role in ("invitee", "inviter"):
            continue
        name = outsider.full_name
        email = ""
        if role in ("family", "friend", "accountant", "namesake", "broken", "doctor") and not (
            role == "family" and outsider.gender == "f"
        ):
            domain = (
                f"{_slug(outsider.organisation_text)}.example"
                if outsider.organisation_text
                else rng.choice(("example.com", "example.org", "example.net"))
            )
            email = new_email(_local_part(rng, outsider.first_name, outsider.last_name), domain)
        reach.append(
            SampleReach(
                key=outsider.key,
                emails=(email,) if email else (),
                old_until=None,
                phone=_phone(rng, outsider.country, used_phones),
                card=""
                if role == "namesake" and not outsider.organisation_text
                else "email"
                if email
                else "name",
                card_name=name if role != "doctor" else f"Dott. {name}",
                card_org=outsider.organisation_text,
                mail_name=name,
                plants=("namesake",) if role == "namesake" else (),
            )
        )
    return tuple(sorted(reach, key=lambda r: r.key))


def _interactions(
    seed: int,
    owner: SampleOwner,
    people: Sequence[SamplePerson],
    knows: Sequence[tuple[str, str]],
) -> dict[str, Any]:
    """Everything the owner did with the people: the World's interaction fields."""
    planner = _Planner(seed, owner, people, knows)
    rng = planner.rng
    homonyms = _homonyms(people)
    namesakes = _pick_namesakes(rng, people, planner.plans, homonyms)
    outsiders = _outsiders(rng, people, namesakes)
    ambiguous = homonyms | {p.key for p in namesakes}
    planner.group_threads("linkedin", ("strong", "medium"), 14)
    planner.group_threads("linkedin", ("dormant",), 3)
    planner.group_threads("email", ("strong", "medium"), 22)
    planner.group_threads("email", ("dormant",), 4)
    planner.one_to_one()
    planner.meetings_plan()
    planner.special_meetings()
    planner.outsider_interactions(outsiders)
    endorsements = planner.endorsements()
    recommendations = planner.recommendations(lambda key: key not in ambiguous)
    invitations = planner.invitations(outsiders)
    reach = _reach(rng, planner, people, outsiders, ambiguous, {p.key for p in namesakes})
    messages = sorted(planner.messages, key=lambda m: (m.when, m.conversation, m.sender))
    meetings = sorted(planner.meetings, key=lambda m: (m.start, m.uid))
    return {
        "outsiders": outsiders,
        "reach": reach,
        "messages": tuple(messages),
        "meetings": tuple(meetings),
        "endorsements": tuple(endorsements),
        "recommendations": tuple(recommendations),
        "invitations": tuple(invitations),
    }


def generate_world(seed: int = 2026, n_contacts: int = 800) -> World:
    """Generate the sample world: an HR professional in Milan and their network.

    Parameters
    ----------
    seed : int, default 2026
        Seed of the only random generator used (``random.Random(seed)``). The same seed
        gives the same world, whatever ``PYTHONHASHSEED`` is.
    n_contacts : int, default 800
        Number of contacts (at least 50). Organisations scale as about
        ``250 * (n_contacts / 800) ** 0.75``.

    Returns
    -------
    World
        The owner, contacts, organisations and who-knows-whom, with planted ground truth.

    Raises
    ------
    ValueError
        If ``n_contacts`` is below 50.

    Examples
    --------
    >>> world = generate_world(seed=1, n_contacts=100)
    >>> len(world.people), world.owner.city, world.target_sector
    (100, 'Milano', 'renewable energy')

    Notes
    -----
    About 3% of contacts have no organisation. Contacts spread over organisations like a
    Zipf law (exponent 0.65): the owner's employer is the largest, most organisations hold one
    or two contacts. Planted groups (800 contacts): ~45 current colleagues, ~30 per former
    employer (three), ~40 alumni, ~30 HR-association members, ~50 contacts in renewable energy
    (``target-sector``). Tie classes have exact shares: 5% strong, 15% medium, 30% weak,
    15% dormant, 35% latent. Runs in linear time (30,000 contacts in about a second).
    """
    if n_contacts < _MIN_CONTACTS:
        raise ValueError(f"n_contacts must be at least {_MIN_CONTACTS}, got {n_contacts}")
    rng = random.Random(seed)
    without = max(1, round(0.03 * n_contacts))
    employed = n_contacts - without
    org_count = min(employed, round(250 * (n_contacts / 800) ** 0.75))
    ranked = _rank_organisations(rng, org_count)
    sizes = _zipf_sizes(employed, len(ranked), 0.65)

    drafts = [_Draft(org) for org, size in zip(ranked, sizes, strict=True) for _ in range(size)]
    drafts += [_Draft(None) for _ in range(without)]
    _plant_groups(rng, drafts, n_contacts)
    _add_past_organisations(rng, drafts, ranked)
    _place_and_name(rng, drafts)
    _plant_name_quirks(rng, drafts)
    _assign_work(rng, drafts)
    _plant_title_quirks(rng, drafts)
    _date_connections(rng, drafts)

    rng.shuffle(drafts)
    drafts.sort(key=lambda d: d.connected_on)  # stable: same-day order stays random
    width = max(4, len(str(n_contacts)))
    for number, draft in enumerate(drafts, start=1):
        draft.key = f"p{number:0{width}d}"
    _plant_ties(rng, drafts)
    _contact_details(rng, drafts)
    knows = _knows(rng, drafts)

    people = tuple(
        SamplePerson(
            key=d.key,
            first_name=d.first_name,
            last_name=d.last_name,
            gender=d.gender,
            linkedin_slug=d.slug,
            email=d.email,
            organisation=d.org.key if d.org else None,
            company_text=d.company_text,
            title=d.title,
            function=d.function,
            seniority=d.seniority,
            sector=d.sector,
            city=d.city,
            country=d.country,
            past_organisations=tuple(d.past),
            groups=tuple(d.groups),
            connected_on=d.connected_on,
            tie=d.tie,
        )
        for d in drafts
    )
    owner = _owner()
    return World(
        seed=seed,
        export_date=EXPORT_DATE,
        owner=owner,
        organisations=tuple(sorted(ranked, key=lambda org: org.key)),
        people=people,
        knows=knows,
        **_interactions(seed, owner, people, knows),
    )


# --------------------------------------------------------------------------------------------
# Ground truth across files: per-person interactions, identity, observed ties.


def interaction_truth(
    world: World, *, phonebook: Sequence[str] = (), declared: Sequence[str] = ()
) -> dict[str, dict[str, Any]]:
    """What each person's tie with the owner must show once every file is imported.

    Parameters
    ----------
    world : World
        The sample world.
    phonebook : sequence of str
        Keys of people with an accepted address-book card.
    declared : sequence of str
        Keys of people declared as known by the owner (``me`` rows).

    Returns
    -------
    dict
        By person key (contacts and outsiders with any evidence beyond
        ``Connections.csv``): ``channels``; per channel ``linkedin`` / ``email``
        ``messages_sent`` (owner to them), ``messages_received`` (them to the owner),
        ``first_contact``, ``last_contact``; ``calendar`` ``meetings`` and dates;
        ``endorsements_given`` / ``endorsements_received`` (accepted ones),
        ``recommendations_given`` / ``recommendations_received``, ``invited_by``
        (``ego`` or ``alter``), and overall ``first_contact`` / ``last_contact`` (messages
        and meetings only).

    Notes
    -----
    A message counts for its sender (received by the owner) or, when the owner sent it, for
    every recipient; a co-recipient of someone else's message gets no count. A meeting
    counts for everyone who took part (declined attendees did not); cancelled events and
    events with more than ten people besides the owner do not count; a recurring event
    counts once. Endorsements count when ``ACCEPTED`` (HIDDEN and PENDING ones do not).
    """
    out: dict[str, dict[str, Any]] = {}

    def entry(key: str) -> dict[str, Any]:
        return out.setdefault(key, {})

    def touch(block: dict[str, Any], day: str) -> None:
        block["first_contact"] = min(block.get("first_contact", day), day)
        block["last_contact"] = max(block.get("last_contact", day), day)

    for message in world.messages:
        day = message.when.date().isoformat()
        for key in message.recipients if message.sender == OWNER else (message.sender,):
            block = entry(key).setdefault(
                message.channel, {"messages_sent": 0, "messages_received": 0}
            )
            block["messages_sent" if message.sender == OWNER else "messages_received"] += 1
            touch(block, day)
    for meeting in world.meetings:
        if meeting.status != "confirmed" or len(set(meeting.people) - {OWNER}) > 10:
            continue  # cancelled, or an all-hands: not a meeting between people
        day = meeting.start.date().isoformat()
        for key in meeting.people:
            if key != OWNER:
                block = entry(key).setdefault("calendar", {"meetings": 0})
                block["meetings"] += 1
                touch(block, day)
    for endorsement in world.endorsements:
        if endorsement.status != "ACCEPTED":
            continue
        if endorsement.endorser == OWNER:
            block = entry(endorsement.endorsee)
            block["endorsements_given"] = block.get("endorsements_given", 0) + 1
        else:
            block = entry(endorsement.endorser)
            block["endorsements_received"] = block.get("endorsements_received", 0) + 1
    for recommendation in world.recommendations:
        if recommendation.author == OWNER:
            block = entry(recommendation.recipient)
            block["recommendations_given"] = block.get("recommendations_given", 0) + 1
        else:
            block = entry(recommendation.author)
            block["recommendations_received"] = block.get("recommendations_received", 0) + 1
    for invitation in world.invitations:
        if invitation.sender == OWNER:
            entry(invitation.recipient)["invited_by"] = "ego"
        else:
            entry(invitation.sender)["invited_by"] = "alter"
    for key in phonebook:
        entry(key)["phonebook"] = True
    for key in declared:
        entry(key)["declared"] = True
    people = {p.key: p for p in world.people}
    for key, block in out.items():
        channels = set()
        if key in people or "invited_by" in block or "linkedin" in block:
            channels.add("linkedin")
        channels |= {c for c in ("email", "calendar") if c in block}
        channels |= {c for c in ("phonebook", "declared") if block.pop(c, False)}
        block["channels"] = sorted(channels)
        days = [
            b[edge]
            for c in ("linkedin", "email", "calendar")
            if (b := block.get(c))
            for edge in ("first_contact", "last_contact")
        ]
        if days:
            block["first_contact"], block["last_contact"] = min(days), max(days)
        block["tie"] = people[key].tie if key in people else world.outsider(key).role
    return {key: out[key] for key in sorted(out)}


def _initial_match(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """True when ``short`` is ``full`` with one word cut to its initial."""
    if len(short) != len(full):
        return False
    rest = list(full)
    initials = []
    for word in short:
        if word in rest:
            rest.remove(word)
        elif len(word) == 1:
            initials.append(word)
        else:
            return False
    return len(initials) == 1 and len(rest) == 1 and rest[0].startswith(initials[0])


def identity_truth(world: World, records: Sequence[SourceRecord]) -> dict[str, Any]:
    """Who is who across all files: distinct people, planted merges, possible duplicates.

    Parameters
    ----------
    world : World
        The sample world.
    records : sequence of SourceRecord
        Every person record of every file (the writers return them).

    Returns
    -------
    dict
        ``people``: distinct people after merging every source (the owner excluded);
        ``by_source``: distinct people per source; ``records``: distinct (source, id);
        ``merges``: per person with more than one id, the ids, the sources and how each id
        joins (``slug``, ``email``, ``name``, ``initial``, ``fuzzy``) plus the identity
        plants involved; ``possible_duplicates``: different people a name alone would
        join, with their ids and what keeps them apart (``different LinkedIn profiles``:
        two connections, certainly two people; ``different e-mail addresses`` and/or
        ``different organisations``: a doubt a resolver should list); ``record_list``: every
        record as
        ``[source, id, key, names, emails, organisation]``.
    """
    by_key: dict[str, list[SourceRecord]] = {}
    for record in records:
        by_key.setdefault(record.key, []).append(record)
    canonical = {p.key: name_key(p.full_name) for p in world.people}
    canonical |= {o.key: name_key(o.full_name) for o in world.outsiders}
    merges = []
    for key in sorted(by_key):
        group = by_key[key]
        ids = sorted({r.id for r in group})
        if len(ids) < 2:
            continue
        how: dict[str, str] = {}
        for pid in ids:
            mine = [r for r in group if r.id == pid]
            emails = {e for r in mine for e in r.emails}
            others = {e for r in group if r.id != pid for e in r.emails}
            keys = {name_key(n) for r in mine for n in r.names}
            if pid.startswith("li:"):
                how[pid] = "slug"
            elif emails & others:
                how[pid] = "email"
            elif canonical[key] in keys:
                how[pid] = "name"
            elif any(_initial_match(k, canonical[key]) for k in keys):
                how[pid] = "initial"
            else:
                how[pid] = "fuzzy"
        reach = world.reach_of(key)
        merges.append(
            {
                "key": key,
                "ids": ids,
                "sources": {
                    source: sorted({r.id for r in group if r.source == source})
                    for source in sorted({r.source for r in group})
                },
                "how": how,
                "plants": list(reach.plants) if reach else [],
            }
        )
    named: dict[tuple[str, ...], set[str]] = {}
    for record in records:
        for name in record.names:
            named.setdefault(name_key(name), set()).add(record.key)
    duplicates = []
    for name, keys in sorted(named.items()):
        if len(keys) < 2:
            continue
        fields = {
            "different LinkedIn profiles": [
                {r.id for r in by_key[k] if r.id.startswith("li:")} for k in keys
            ],
            "different e-mail addresses": [{e for r in by_key[k] for e in r.emails} for k in keys],
            "different organisations": [
                {organisation_key(r.organisation) for r in by_key[k]} - {""} for k in keys
            ],
        }
        conflict = " and ".join(
            reason
            for reason, values in fields.items()
            if all(values) and not set.intersection(*values)
        )
        duplicates.append(
            {
                "name": " ".join(name),
                "keys": sorted(keys),
                "ids": {k: sorted({r.id for r in by_key[k]}) for k in sorted(keys)},
                "conflict": conflict,
            }
        )
    sources = sorted({r.source for r in records})
    return {
        "people": len(by_key),
        "by_source": {s: len({r.key for r in records if r.source == s}) for s in sources},
        "records": len({(r.source, r.id) for r in records}),
        "merges": merges,
        "possible_duplicates": duplicates,
        "record_list": [
            [r.source, r.id, r.key, list(r.names), list(r.emails), r.organisation]
            for r in sorted(records, key=lambda r: (r.source, r.id))
        ],
    }


def observed_ties(world: World, declared_lines: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Person–person evidence written into the files, by pair of person keys.

    LinkedIn group threads (``message``), e-mail co-recipients (``email``), co-attendees of
    meetings with at most ten people besides the owner (``meeting``) and declared pairs
    (``declared``); each kind with how many messages, meetings or rows show it.
    """
    kinds: dict[tuple[str, str], dict[str, int]] = {}

    def add(people: Sequence[str], kind: str) -> None:
        others = sorted(k for k in set(people) if k != OWNER)
        for i, a in enumerate(others):
            for b in others[i + 1 :]:
                counts = kinds.setdefault((a, b), {})
                counts[kind] = counts.get(kind, 0) + 1

    for message in world.messages:
        add(message.participants, "message" if message.channel == "linkedin" else "email")
    for meeting in world.meetings:
        if meeting.status == "confirmed" and len(set(meeting.people) - {OWNER}) <= 10:
            add(meeting.people, "meeting")
    for row in declared_lines:
        if OWNER not in (row["a_key"], row["b_key"]):
            add((row["a_key"], row["b_key"]), "declared")
    return [
        {"a": a, "b": b, "kinds": dict(sorted(c.items()))} for (a, b), c in sorted(kinds.items())
    ]


#: File names :func:`write_sample` writes, by source.
SAMPLE_FILES = {
    "connections": "Connections.csv",
    "archive": "Complete_LinkedInDataExport_11-01-2026.zip",
    "vcard": "contacts.vcf",
    "mbox": "mail.mbox",
    "calendar": "calendar.ics",
    "declared": "declared-ties.csv",
}


def write_sample(directory: Path, *, seed: int = 2026) -> dict[str, Any]:
    """Write every sample file of the world into ``directory`` and return its ground truth.

    Parameters
    ----------
    directory : pathlib.Path
        Existing folder; the files of :data:`SAMPLE_FILES` and ``truth.json`` are
        (over)written there.
    seed : int, default 2026
        Seed of the world (800 contacts).

    Returns
    -------
    dict
        The truth written to ``truth.json``: ``seed``, ``owner``, ``people``,
        ``organisations``, ``knows`` (see :meth:`World.to_dict`); one manifest per file:
        ``connections`` (see :func:`write_connections_csv`), ``archive``, ``vcard``,
        ``mbox``, ``calendar``, ``declared``; ``outsiders``; ``interactions`` (see
        :func:`interaction_truth`); ``identity`` (see :func:`identity_truth`);
        ``observed_ties`` (see :func:`observed_ties`), ``targets`` (planted networking
        targets and their best bridges, see :func:`netkit.sample.targets.target_truth`) and
        ``files`` (name: bytes).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     truth = write_sample(Path(folder))
    >>> truth["connections"]["contacts"], truth["archive"]["contacts"]
    (800, 803)
    """
    from netkit.sample.addressbook import phonebook_keys, write_vcards
    from netkit.sample.archive import write_linkedin_archive
    from netkit.sample.calendar import write_ics
    from netkit.sample.declared import write_declared_ties
    from netkit.sample.mail import write_mbox
    from netkit.sample.targets import target_truth

    directory = Path(directory)
    world = generate_world(seed=seed)
    truth = world.to_dict()
    files = {source: directory / name for source, name in SAMPLE_FILES.items()}
    truth["connections"] = write_connections_csv(world, files["connections"])
    truth["archive"], records = write_linkedin_archive(
        world,
        files["archive"],
        connections=files["connections"].read_bytes(),
        connections_manifest=truth["connections"],
    )
    for source, writer in (
        ("vcard", write_vcards),
        ("mbox", write_mbox),
        ("calendar", write_ics),
        ("declared", write_declared_ties),
    ):
        truth[source], more = writer(world, files[source])
        records += more
    truth["outsiders"] = [
        {
            "key": o.key,
            "first_name": o.first_name,
            "last_name": o.last_name,
            "role": o.role,
            "organisation": o.organisation_text,
            "title": o.title,
            "city": o.city,
            "linkedin_slug": o.linkedin_slug,
        }
        for o in world.outsiders
    ]
    truth["interactions"] = interaction_truth(
        world,
        phonebook=phonebook_keys(truth["vcard"]),
        declared=[
            row["b_key"] if row["a_key"] == OWNER else row["a_key"]
            for row in truth["declared"]["lines"]
            if OWNER in (row["a_key"], row["b_key"])
        ],
    )
    truth["identity"] = identity_truth(world, records)
    truth["observed_ties"] = observed_ties(world, truth["declared"]["lines"])
    truth["targets"] = target_truth(
        world, interactions=truth["interactions"], observed=truth["observed_ties"]
    )
    truth["files"] = {name: files[source].stat().st_size for source, name in SAMPLE_FILES.items()}
    text = json.dumps(truth, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    (directory / "truth.json").write_bytes(text.encode("utf-8"))
    return truth
