"""Territory: Italian comuni, provinces and regions and major world cities from free text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from netkit.enrich._data import normalise, read_table, split_list
from netkit.schema import clean_text

__all__ = ["ITALY", "Place", "PlaceIndex", "default_place_index", "resolve_place"]

ITALY = "Italy"

_STREET = frozenset(
    "via viale piazza piazzale corso largo vicolo strada str localita loc frazione fraz "
    "contrada c da borgo street st road rd avenue ave boulevard blvd lane square sq "
    "calle rue strasse platz po box casella".split()
)
_NOISE = frozenset(
    "greater area metropolitan metro metropolitana region regione provincia province "
    "di del della of and e the surroundings dintorni hinterland zona citta city comune "
    "bay capital capitale".split()
)
_PROVINCE_WORDS = frozenset({"provincia", "province"})
_SIGLA_IN_PARENS = re.compile(r"\(\s*([A-Za-z]{2})\s*\)")
_PARTS = re.compile(r"[,;|/\n]|\s[-–]\s")


@dataclass(frozen=True)
class Place:
    """A place as precise as the text allowed.

    Attributes
    ----------
    city : str or None
        The comune (Italian name) or world city (English name).
    province : str or None
        The Italian province's sigla ("MI").
    province_name : str or None
        The province's name ("Milano", "Monza e della Brianza").
    region : str or None
        The Italian region, by its Italian name ("Lombardia").
    country : str or None
        The country, by its English name ("Italy").
    how : str
        What in the text was recognised, and in which data file.
    """

    city: str | None = None
    province: str | None = None
    province_name: str | None = None
    region: str | None = None
    country: str | None = None
    how: str = ""

    @property
    def name(self) -> str:
        """The most specific name known: city, else province, region, country."""
        return self.city or self.province_name or self.region or self.country or ""

    @property
    def level(self) -> str:
        """``"city"``, ``"province"``, ``"region"`` or ``"country"``."""
        if self.city:
            return "city"
        if self.province:
            return "province"
        if self.region:
            return "region"
        return "country"

    def covers(self, other: Place) -> bool:
        """True when ``other`` is known to lie inside this place.

        Examples
        --------
        >>> lombardia, milano = resolve_place("Lombardia"), resolve_place("Milano")
        >>> lombardia.covers(milano), milano.covers(lombardia)
        (True, False)
        """
        for mine, theirs in (
            (self.country, other.country),
            (self.region, other.region),
            (self.province, other.province),
            (self.city, other.city),
        ):
            if mine is not None and mine != theirs:
                return False
        return True

    def attrs(self) -> dict[str, str]:
        """The place as graph attributes: ``territory`` plus the known parts."""
        out = {"territory": self.name}
        for key in ("city", "province", "region", "country"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


@dataclass(frozen=True)
class _Entry:
    kind: str  # comune, province, region, city, country
    place: Place
    file: str


class PlaceIndex:
    """Place names of the shipped tables, indexed for :meth:`resolve`.

    Parameters
    ----------
    folder : path, optional
        A folder holding ``regions_it.csv``, ``provinces_it.csv``, ``places_it.csv``,
        ``countries.csv`` and ``world_cities.csv``; the shipped one by default.
    """

    _ORDER = ("comune", "city", "province", "region", "country")

    def __init__(self, folder: str | Path | None = None) -> None:
        def table(name: str, columns: tuple[str, ...]):  # type: ignore[no-untyped-def]
            return read_table(Path(folder) / name if folder else name, columns)

        self._names: dict[str, list[_Entry]] = {}
        self.provinces: dict[str, Place] = {}
        self.regions: dict[str, Place] = {}
        self.countries: dict[str, str] = {}
        region_en: dict[str, str] = {}
        for _, row in table("regions_it.csv", ("code", "name", "name_en", "aliases")):
            place = Place(region=row["name"], country=ITALY)
            self.regions[row["name"]] = place
            region_en[row["name"]] = row["name_en"]
            for name in (row["name"], row["name_en"], *split_list(row["aliases"])):
                self._add(name, _Entry("region", place, "regions_it.csv"))
        columns = ("code", "name", "region", "capoluogo", "aliases")
        for line, row in table("provinces_it.csv", columns):
            if row["region"] not in self.regions:
                raise ValueError(f"provinces_it.csv, line {line}: unknown region {row['region']!r}")
            place = Place(
                province=row["code"].upper(),
                province_name=row["name"],
                region=row["region"],
                country=ITALY,
            )
            self.provinces[place.province] = place  # type: ignore[index]
            for name in (row["name"], *split_list(row["aliases"])):
                self._add(name, _Entry("province", place, "provinces_it.csv"))
        for line, row in table("places_it.csv", ("name", "aliases", "province", "capoluogo")):
            province = self.provinces.get(row["province"].upper())
            if province is None:
                raise ValueError(
                    f"places_it.csv, line {line}: unknown province {row['province']!r}"
                )
            place = Place(
                city=row["name"],
                province=province.province,
                province_name=province.province_name,
                region=province.region,
                country=ITALY,
            )
            for name in (row["name"], *split_list(row["aliases"])):
                self._add(name, _Entry("comune", place, "places_it.csv"))
        for _, row in table("countries.csv", ("name", "code", "aliases")):
            self.countries[row["name"]] = row["code"]
            place = Place(country=row["name"])
            for name in (row["name"], *split_list(row["aliases"])):
                self._add(name, _Entry("country", place, "countries.csv"))
        for line, row in table("world_cities.csv", ("city", "aliases", "country")):
            if row["country"] not in self.countries:
                raise ValueError(
                    f"world_cities.csv, line {line}: unknown country {row['country']!r}"
                )
            place = Place(city=row["city"], country=row["country"])
            for name in (row["city"], *split_list(row["aliases"])):
                self._add(name, _Entry("city", place, "world_cities.csv"))
        self._max_words = max(key.count(" ") + 1 for key in self._names)
        self.resolve = lru_cache(maxsize=65536)(self._resolve)  # type: ignore[method-assign]

    def _add(self, name: str, entry: _Entry) -> None:
        key = normalise(name)
        if key:
            entries = self._names.setdefault(key, [])
            if entry not in entries:
                entries.append(entry)

    def names(self) -> list[str]:
        """Every place name known, as displayed (for suggestions)."""
        shown: set[str] = set()
        for entries in self._names.values():
            for entry in entries:
                shown.add(entry.place.name)
        return sorted(shown)

    def _lookup(self, words: list[str]) -> tuple[list[_Entry], str]:
        key = " ".join(words)
        if key in self._names:
            return self._names[key], key
        stripped = [w for w in words if w not in _NOISE and not w.isdigit()]
        key = " ".join(stripped)
        if key in self._names:
            return self._names[key], key
        n = len(stripped)
        for size in range(min(self._max_words, n - 1), 0, -1):
            for start in range(n - size + 1):
                key = " ".join(stripped[start : start + size])
                if len(key) >= 4 and key in self._names:
                    return self._names[key], key
        return [], ""

    def _resolve(self, text: str) -> Place | None:
        text = clean_text(text)
        if not text:
            return None
        found: list[tuple[int, _Entry, str]] = []  # (part, entry, matched)
        siglas: list[str] = []
        for match in _SIGLA_IN_PARENS.finditer(text):
            code = match.group(1).upper()
            if code in self.provinces:
                siglas.append(code)
        text = _SIGLA_IN_PARENS.sub(" ", text)
        province_wanted = False
        for index, part in enumerate(_PARTS.split(text)):
            raw = part.split()
            if not raw:
                continue
            if len(raw) == 1 and len(raw[0]) == 2 and raw[0].isupper() and raw[0] in self.provinces:
                siglas.append(raw[0])
                continue
            if (
                len(raw) > 1
                and len(raw[-1]) == 2
                and raw[-1].isupper()
                and raw[-1] in self.provinces
            ):
                siglas.append(raw[-1])
                raw = raw[:-1]
            words = normalise(" ".join(raw)).split()
            if not words or words[0] in _STREET:
                continue
            province_wanted = province_wanted or bool(_PROVINCE_WORDS & set(words))
            entries, matched = self._lookup(words)
            found.extend((index, entry, matched) for entry in entries)
        return self._choose(found, siglas, province_wanted)

    def _choose(
        self, found: list[tuple[int, _Entry, str]], siglas: list[str], province_wanted: bool
    ) -> Place | None:
        countries = [entry.place.country for _, entry, _ in found if entry.kind == "country"]
        country = countries[-1] if countries else None
        regions = {e.place.region for _, e, _ in found if e.kind == "region"}
        notes = [f"province sigla '{code}'" for code in siglas]

        def fits(place: Place) -> bool:
            if country is not None and place.country != country:
                return False
            if place.country == ITALY and siglas and place.province not in siglas:
                return False
            return not (place.country == ITALY and regions and place.region not in regions)

        def done(entry: _Entry, matched: str, **changes: str | None) -> Place:
            how = f"'{matched}' in {entry.file}"
            if notes:
                how += " and " + ", ".join(notes)
            place = entry.place
            values = {k: getattr(place, k) for k in ("city", "province", "province_name")}
            values.update({"region": place.region, "country": place.country})
            values.update(changes)
            return Place(**values, how=how)  # type: ignore[arg-type]

        kinds = ("province", "comune", "city") if province_wanted else ("comune", "city")
        for kind in kinds:
            for _, entry, matched in found:
                if entry.kind == kind and fits(entry.place):
                    return done(entry, matched)
        for kind in ("comune", "city", "province"):  # a name that disagrees with the rest
            for _, entry, matched in found:
                if entry.kind == kind and country is None and not siglas:
                    return done(entry, matched)
        if siglas:
            code = siglas[0]
            province = self.provinces[code]
            return Place(
                province=code,
                province_name=province.province_name,
                region=province.region,
                country=ITALY,
                how=f"province sigla '{code}' in provinces_it.csv",
            )
        for kind in ("province", "region", "country"):
            for _, entry, matched in found:
                if entry.kind == kind and (kind == "country" or fits(entry.place)):
                    return done(entry, matched)
        return None


@lru_cache(maxsize=1)
def default_place_index() -> PlaceIndex:
    """The index of the shipped place tables (loaded once)."""
    return PlaceIndex()


def resolve_place(text: str) -> Place | None:
    """Recognise a place in free text: Italian comune, province or region, world city, country.

    Parameters
    ----------
    text : str
        A location as exports and people write it: "Milano", "Milan", "MI",
        "20121 Milano (MI)", "Milano, Lombardia, Italia", "Greater Milan Area",
        "Torino Area, Italy", "Lombardy", "Paris, Île-de-France, France".

    Returns
    -------
    Place or None
        The most specific place the text names (a comune before its province, a city
        before its country), None when nothing is recognised.

    Notes
    -----
    The text is split at commas, semicolons, slashes and " - "; street parts ("Via Roma
    1") and postcodes are ignored; a two-letter sigla counts when written in capitals or
    in brackets. A comune must agree with the province, region and country the text
    also names ("Paris, France" is not an Italian comune). Italian places come from
    ISTAT's lists of regions, provinces and comuni; see ``docs/enrich.md``.

    Examples
    --------
    >>> p = resolve_place("20121 Milano (MI)")
    >>> p.city, p.province, p.region, p.country
    ('Milano', 'MI', 'Lombardia', 'Italy')
    >>> resolve_place("Greater Milan Area").city
    'Milano'
    >>> resolve_place("Lombardy").region, resolve_place("Lombardy").city
    ('Lombardia', None)
    >>> resolve_place("Paris, Île-de-France, France").country
    'France'
    >>> resolve_place("Atlantis") is None
    True
    """
    return default_place_index().resolve(text)
