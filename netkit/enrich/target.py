"""Target resolution: free text for a sector, role, territory or company to taxonomy values."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher, get_close_matches
from functools import lru_cache

from netkit.enrich._data import normalise, read_table, split_list
from netkit.enrich.places import Place, default_place_index, resolve_place
from netkit.enrich.sectors import default_sector_rules
from netkit.enrich.taxonomy import (
    FUNCTION_LABELS,
    FUNCTIONS,
    SECTOR_LABELS,
    SECTORS,
    SENIORITY,
    SENIORITY_LABELS,
)
from netkit.enrich.titles import default_title_rules
from netkit.errors import UnknownTerm
from netkit.schema import clean_text, organisation_id

__all__ = ["Target", "resolve_target", "sector_terms"]

_SPLIT = re.compile(r"\s*(?:,|;|/|\+|&|\bor\b|\bo\b|\band\b|\be\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Target:
    """What a networking target means in netkit's taxonomy.

    Attributes
    ----------
    sectors : tuple of str
        Sector ids (empty: any sector).
    functions, seniorities : tuple of str
        Function and seniority ids the role names (empty: any).
    places : tuple of Place
        Places the territory names (empty: anywhere); see :meth:`Place.covers`.
    organisations : tuple of str
        Organisation node ids (``org:…``) the companies may have in a graph.
    terms : tuple of (str, str)
        Each input term and what it resolved to, for reports.
    """

    sectors: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    seniorities: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    organisations: tuple[str, ...] = ()
    terms: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=1)
def sector_terms() -> dict[str, tuple[str, ...]]:
    """Every sector term known (normalised) and the sectors it means.

    Sector ids, their English and Italian labels, and ``sector_synonyms.csv``.
    """
    terms: dict[str, tuple[str, ...]] = {}
    for sector in SECTORS:
        terms[normalise(sector)] = (sector,)
        for label in SECTOR_LABELS[sector]:
            terms.setdefault(normalise(label), (sector,))
    for line, row in read_table("sector_synonyms.csv", ("term", "language", "sectors")):
        sectors = tuple(split_list(row["sectors"]))
        unknown = [s for s in sectors if s not in SECTORS]
        if unknown or not sectors:
            raise ValueError(f"sector_synonyms.csv, line {line}: unknown sector {unknown}")
        terms[normalise(row["term"])] = sectors
    return terms


def _suggest(text: str, choices: Sequence[str], n: int = 5) -> list[str]:
    close = get_close_matches(text, choices, n=n, cutoff=0.6)
    if len(close) < 3:
        ranked = sorted(choices, key=lambda c: (-SequenceMatcher(None, text, c).ratio(), c))
        close += [c for c in ranked if c not in close][: 3 - len(close)]
    return close[:n]


def _sector_once(text: str, *, keywords: bool = True) -> tuple[tuple[str, ...], str] | None:
    key = normalise(text)
    terms = sector_terms()
    if key in terms:
        return terms[key], "synonyms"
    rules = default_sector_rules()
    found = rules.known(text)
    if found is not None:
        return (found[0].sector,), f"organisations.csv: {found[0].name}"
    if not keywords:
        return None
    hits = [h for h in rules._keyword_hits(text) if h[1].priority >= 50]
    if hits:
        best = min(hits, key=lambda h: (-h[1].priority, h[0]))[1]
        return (best.sector,), f"keyword '{best.written}'"
    return None


def _resolve_sector(text: str) -> tuple[tuple[str, ...], str]:
    found = _sector_once(text, keywords=False)
    if found is not None:
        return found
    parts = [p for p in _SPLIT.split(text) if p.strip()]
    if len(parts) > 1:
        sectors: list[str] = []
        for part in parts:
            one = _sector_once(part)
            if one is None:
                break
            sectors.extend(s for s in one[0] if s not in sectors)
        else:
            return tuple(sectors), "each part"
    key = normalise(text)
    close = get_close_matches(key, list(sector_terms()), n=1, cutoff=0.85)
    if close:
        return sector_terms()[close[0]], f"read as '{close[0]}'"
    found = _sector_once(text)
    if found is not None:
        return found
    raise UnknownTerm("sector", text, _suggest(key, sorted(sector_terms())))


def _role_words() -> dict[str, tuple[str | None, str | None]]:
    words: dict[str, tuple[str | None, str | None]] = {}
    for function in FUNCTIONS:
        words[normalise(function)] = (function, None)
        for label in FUNCTION_LABELS[function]:
            words.setdefault(normalise(label), (function, None))
    for level in SENIORITY:
        words[normalise(level)] = (None, level)
        for label in SENIORITY_LABELS[level]:
            words.setdefault(normalise(label), (None, level))
    return words


def _resolve_role(text: str) -> tuple[str | None, str | None, str]:
    key = normalise(text)
    words = _role_words()
    if key in words:
        function, level = words[key]
        return function, level, "taxonomy"
    found = default_title_rules().classify(text)
    if found.function or found.seniority:
        return found.function, found.seniority, found.how
    vocabulary = sorted(set(words) | set(default_title_rules().keywords))
    raise UnknownTerm("role", text, _suggest(key, vocabulary))


def _resolve_territory(text: str) -> Place:
    place = resolve_place(text)
    if place is not None:
        return place
    names = default_place_index().names()
    folded = {normalise(name): name for name in names}
    close = _suggest(normalise(text), sorted(folded))
    raise UnknownTerm("territory", text, [folded[c] for c in close])


def resolve_target(
    *,
    sector: str | None = None,
    role: str | None = None,
    territory: str | None = None,
    organisations: Sequence[str] = (),
) -> Target:
    """Resolve a networking target given in free text to taxonomy values.

    Parameters
    ----------
    sector : str, optional
        "renewable energy", "energie rinnovabili", "rinnovabili", "fintech", "banca e
        assicurazioni", or an organisation's name ("Enel Green Power": its sector).
    role : str, optional
        "HR director", "direttore risorse umane", "CFO", "hr", "manager".
    territory : str, optional
        "Milano", "Lombardia", "Greater Milan Area", "Paris, France"; several places are
        separated by ``;``.
    organisations : sequence of str, optional
        Company names; each becomes the organisation ids it may have in a graph.

    Returns
    -------
    Target

    Raises
    ------
    UnknownTerm
        When a term is not known; its one-line message lists the closest known terms.

    Examples
    --------
    >>> t = resolve_target(sector="energie rinnovabili", role="HR director", territory="Milano")
    >>> t.sectors, t.functions, t.seniorities, t.places[0].city
    (('renewable-energy',), ('hr',), ('director',), 'Milano')
    >>> resolve_target(sector="fintech").sectors
    ('fintech',)
    >>> resolve_target(organisations=["Enel Green Power S.p.A."]).organisations
    ('org:enel green power',)
    >>> resolve_target(sector="blockchian farming")
    Traceback (most recent call last):
    ...
    netkit.errors.UnknownTerm: unknown sector 'blockchian farming'; closest known: ...
    """
    sectors: list[str] = []
    functions: list[str] = []
    seniorities: list[str] = []
    places: list[Place] = []
    org_ids: list[str] = []
    terms: list[tuple[str, str]] = []
    if sector is not None and clean_text(sector):
        found, how = _resolve_sector(clean_text(sector))
        sectors.extend(found)
        terms.append((clean_text(sector), f"sector {', '.join(found)} ({how})"))
    if role is not None and clean_text(role):
        function, level, how = _resolve_role(clean_text(role))
        if function:
            functions.append(function)
        if level:
            seniorities.append(level)
        shown = ", ".join(x for x in (function, level) if x)
        terms.append((clean_text(role), f"role {shown} ({how})"))
    if territory is not None and clean_text(territory):
        for part in clean_text(territory).split(";"):
            if not part.strip():
                continue
            place = _resolve_territory(part.strip())
            places.append(place)
            terms.append((part.strip(), f"territory {place.name} ({place.level}; {place.how})"))
    rules = default_sector_rules()
    for name in organisations:
        first = organisation_id(name) if clean_text(name) else None
        if first is None:
            known = sorted({o.name for o in rules._known.values()})
            raise UnknownTerm("organisation", name, _suggest(normalise(name), known))
        ids = [first]
        found_org = rules.known(name)
        if found_org is not None:
            ids.append(organisation_id(found_org[0].name) or first)
        ids = list(dict.fromkeys(ids))
        org_ids.extend(i for i in ids if i not in org_ids)
        terms.append((clean_text(name), "organisation " + ", ".join(ids)))
    return Target(
        tuple(sectors),
        tuple(functions),
        tuple(seniorities),
        tuple(places),
        tuple(org_ids),
        tuple(terms),
    )
