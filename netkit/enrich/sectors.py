"""Sector of an organisation: known organisations, name keywords, then its members' titles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from netkit.enrich._data import normalise, read_table, split_list
from netkit.enrich.taxonomy import SECTORS
from netkit.enrich.titles import TitleRules, default_title_rules
from netkit.schema import clean_text, organisation_key

__all__ = [
    "KnownOrganisation",
    "SectorClass",
    "SectorKeyword",
    "SectorRules",
    "classify_organisation",
    "default_sector_rules",
    "known_organisation",
]

ORGANISATION_COLUMNS = ("name", "aliases", "sector", "city", "country")
SECTOR_KEYWORD_COLUMNS = ("keyword", "language", "sector", "priority", "requires")

#: Name keywords below this priority are weaker evidence than the members' titles.
STRONG_PRIORITY = 30
#: Share of an organisation's titles that must point to one sector for it to count.
TITLE_SHARE = 0.34

# Words that do not change which organisation a name means ("Gruppo Hera", "Accenture
# Italia"): dropped from either end before looking a name up again.
_GENERIC = frozenset(
    "group gruppo italia italy italiana italiano holding international global the il la "
    "lo i gli le company companies co".split()
)


@dataclass(frozen=True)
class KnownOrganisation:
    """A row of ``organisations.csv``: a well-known organisation and its sector.

    Attributes
    ----------
    name : str
        The canonical name.
    sector : str
        Its sector id.
    city, country : str or None
        Where it has its headquarters.
    line : int
        Line of the data file.
    """

    name: str
    sector: str
    city: str | None = None
    country: str | None = None
    line: int = 0


@dataclass(frozen=True)
class SectorKeyword:
    """A row of ``sector_keywords.csv``.

    ``text`` is in matching form; a trailing ``*`` (kept in ``text``) matches any word
    starting with the stem ("fotovoltaic*" matches "fotovoltaica", "fotovoltaici").
    ``requires`` names a sector whose keyword must also be in the name for this one to
    count ("sole" means renewable energy only next to "energia").
    """

    text: str
    written: str
    sector: str
    priority: int
    requires: str | None = None


@dataclass(frozen=True)
class SectorClass:
    """The sector of an organisation and how it was decided.

    Attributes
    ----------
    sector : str or None
        A sector id (see :data:`netkit.enrich.taxonomy.SECTORS`), None if unknown.
    how : str
        E.g. ``"organisations.csv: Enel Green Power"``, ``"name keyword 'energia' →
        utilities"`` or ``"members' titles: 3 of 4 ('avvocato') → legal-services"``.
    organisation : KnownOrganisation or None
        The row of ``organisations.csv`` the name matched, if any.
    """

    sector: str | None
    how: str
    organisation: KnownOrganisation | None = None


class SectorRules:
    """Compiled organisation list and name keywords, with a cache per distinct name.

    Parameters
    ----------
    organisations : iterable of (names, KnownOrganisation)
        Each organisation with the names it is known by (canonical name and aliases).
    keywords : iterable of SectorKeyword
        The name keyword table.
    title_rules : TitleRules, optional
        Used to read members' titles; the shipped table by default.
    """

    def __init__(
        self,
        organisations: Iterable[tuple[Sequence[str], KnownOrganisation]],
        keywords: Iterable[SectorKeyword],
        *,
        title_rules: TitleRules | None = None,
    ) -> None:
        self._known: dict[str, KnownOrganisation] = {}
        for names, organisation in organisations:
            for name in names:
                key = organisation_key(name)
                if key:
                    self._known[key] = organisation
        self._exact: dict[str, SectorKeyword] = {}
        self._prefix: list[SectorKeyword] = []
        for keyword in keywords:
            if keyword.text.endswith("*"):
                self._prefix.append(keyword)
            else:
                self._exact[keyword.text] = keyword
        self._prefix.sort(key=lambda k: (-len(k.text), k.text))
        self._max_words = max((k.count(" ") + 1 for k in self._exact), default=1)
        self._title_rules = title_rules
        self.classify = lru_cache(maxsize=65536)(self._classify)  # type: ignore[method-assign]
        self.known = lru_cache(maxsize=65536)(self._find_known)  # type: ignore[method-assign]

    @classmethod
    def from_csv(
        cls,
        organisations: str | Path = "organisations.csv",
        keywords: str | Path = "sector_keywords.csv",
        *,
        title_rules: TitleRules | None = None,
    ) -> SectorRules:
        """Load the organisation list and the keyword table.

        Raises
        ------
        MissingColumns
            When a file lacks a column.
        ValueError
            Naming the file and line of a row with an unknown sector or a bad priority.
        """
        known: list[tuple[list[str], KnownOrganisation]] = []
        for line, row in read_table(organisations, ORGANISATION_COLUMNS):
            if row["sector"] not in SECTORS:
                raise ValueError(f"{organisations}, line {line}: unknown sector {row['sector']!r}")
            organisation = KnownOrganisation(
                row["name"], row["sector"], row["city"] or None, row["country"] or None, line
            )
            known.append(([row["name"], *split_list(row["aliases"])], organisation))
        table: list[SectorKeyword] = []
        for line, row in read_table(keywords, SECTOR_KEYWORD_COLUMNS):
            for column in ("sector", "requires"):
                if row[column] and row[column] not in SECTORS:
                    raise ValueError(f"{keywords}, line {line}: unknown sector {row[column]!r}")
            try:
                priority = int(row["priority"] or 0)
            except ValueError:
                raise ValueError(
                    f"{keywords}, line {line}: bad priority {row['priority']!r}"
                ) from None
            star = row["keyword"].strip().endswith("*")
            text = normalise(row["keyword"]) + ("*" if star else "")
            table.append(
                SectorKeyword(
                    text, row["keyword"], row["sector"], priority, row["requires"] or None
                )
            )
        return cls(known, table, title_rules=title_rules)

    def _find_known(self, name: str) -> tuple[KnownOrganisation, str] | None:
        key = organisation_key(name)
        if not key:
            return None
        if key in self._known:
            return self._known[key], ""
        tokens = key.split()
        trimmed = list(tokens)
        while trimmed and trimmed[0] in _GENERIC:
            trimmed.pop(0)
        while trimmed and trimmed[-1] in _GENERIC:
            trimmed.pop()
        if trimmed and trimmed != tokens and " ".join(trimmed) in self._known:
            return self._known[" ".join(trimmed)], clean_text(name)
        for size in range(len(trimmed) - 1, 1, -1):
            head = " ".join(trimmed[:size])
            if head in self._known:
                return self._known[head], clean_text(name)
        return None

    def _keyword_hits(self, name: str) -> list[tuple[int, SectorKeyword]]:
        words = normalise(name).split()
        hits: list[tuple[int, SectorKeyword]] = []
        i, n = 0, len(words)
        while i < n:
            for size in range(min(self._max_words, n - i), 0, -1):
                keyword = self._exact.get(" ".join(words[i : i + size]))
                if keyword is not None:
                    hits.append((i, keyword))
                    i += size
                    break
            else:
                word = words[i]
                for keyword in self._prefix:
                    if word.startswith(keyword.text[:-1]):
                        hits.append((i, keyword))
                        break
                i += 1
        sectors = {k.sector for _, k in hits if k.requires is None}
        return [(i, k) for i, k in hits if k.requires is None or k.requires in sectors]

    def _titles_vote(self, titles: Sequence[str]) -> SectorClass | None:
        rules = self._title_rules or default_title_rules()
        written = [t for t in titles if clean_text(t)]
        votes: Counter[str] = Counter()
        example: dict[str, str] = {}
        for title in written:
            found = rules.classify(title)
            if found.sector:
                votes[found.sector] += 1
                example.setdefault(found.sector, found.sector_keyword or title)
        if not votes:
            return None
        ranked = votes.most_common()
        sector, count = ranked[0]
        if (len(ranked) > 1 and ranked[1][1] == count) or count < TITLE_SHARE * len(written):
            return None
        how = f"members' titles: {count} of {len(written)} ('{example[sector]}') → {sector}"
        return SectorClass(sector, how)

    def _classify(self, name: str, titles: tuple[str, ...] = ()) -> SectorClass:
        if not organisation_key(name):
            return SectorClass(None, "names no organisation")
        found = self.known(name)
        if found is not None:
            organisation, written = found
            how = f"organisations.csv: {organisation.name}"
            if written:
                how += f" (as '{written}')"
            return SectorClass(organisation.sector, how, organisation)
        hits = self._keyword_hits(name)
        best = min(hits, key=lambda h: (-h[1].priority, h[0]))[1] if hits else None
        if best is not None and best.priority >= STRONG_PRIORITY:
            return SectorClass(best.sector, f"name keyword '{best.written}' → {best.sector}")
        if titles:
            voted = self._titles_vote(titles)
            if voted is not None:
                return voted
        if best is not None:
            return SectorClass(best.sector, f"name keyword '{best.written}' → {best.sector}")
        return SectorClass(None, "no known organisation or keyword")


@lru_cache(maxsize=1)
def default_sector_rules() -> SectorRules:
    """The rules of the shipped ``organisations.csv`` and ``sector_keywords.csv``."""
    return SectorRules.from_csv()


def known_organisation(name: str) -> KnownOrganisation | None:
    """Return the row of ``organisations.csv`` that ``name`` means, if any.

    Examples
    --------
    >>> known_organisation("ENEL SpA").name, known_organisation("Enel S.p.A.").city
    ('Enel', 'Roma')
    >>> known_organisation("Acme Widgets") is None
    True
    """
    found = default_sector_rules().known(name)
    return found[0] if found else None


def classify_organisation(name: str, *, titles: Sequence[str] = ()) -> SectorClass:
    """Return the sector of an organisation and how it was decided.

    Parameters
    ----------
    name : str
        The organisation's name as written ("Enel Green Power S.p.A.", "ENEL SpA").
    titles : sequence of str, optional
        Job titles of its members, used when the name alone says nothing.

    Returns
    -------
    SectorClass

    Notes
    -----
    In order: the name (by :func:`netkit.schema.organisation_key`) in
    ``organisations.csv``, also without generic words such as "Gruppo" or "Italia" and by
    its first words ("Intesa Sanpaolo Private Banking"); then the strongest keyword of
    ``sector_keywords.csv`` in the name, legal form included ("Cooperativa Sociale",
    "SGR"); then the sector most of the members' titles imply ("Avvocato" →
    legal-services) when at least a third of them agree; last, weak name keywords
    ("& Partners", "Holding").

    Examples
    --------
    >>> classify_organisation("Enel Green Power S.p.A.").sector
    'renewable-energy'
    >>> classify_organisation("ENEL SpA").sector, classify_organisation("Eni").sector
    ('utilities', 'oil-gas')
    >>> classify_organisation("Sole Nostro Energia S.r.l.").sector
    'renewable-energy'
    >>> c = classify_organisation("Rossi & Bianchi", titles=["Avvocato", "Praticante avvocato"])
    >>> c.sector, c.how
    ('legal-services', "members' titles: 2 of 2 ('avvocato') → legal-services")
    """
    return default_sector_rules().classify(name, tuple(titles))
