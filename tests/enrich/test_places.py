"""Territory from free text (netkit.enrich.places)."""

from __future__ import annotations

import csv

import pytest

from netkit.enrich import resolve_place
from netkit.enrich._data import DATA_DIR

CASES = [
    ("Milano", ("Milano", "MI", "Lombardia", "Italy")),
    ("Milan", ("Milano", "MI", "Lombardia", "Italy")),
    ("milano", ("Milano", "MI", "Lombardia", "Italy")),
    ("MI", (None, "MI", "Lombardia", "Italy")),
    ("Milano, Lombardia, Italia", ("Milano", "MI", "Lombardia", "Italy")),
    ("20121 Milano (MI)", ("Milano", "MI", "Lombardia", "Italy")),
    ("Via Dante 4, 20121 Milano MI", ("Milano", "MI", "Lombardia", "Italy")),
    ("Greater Milan Area", ("Milano", "MI", "Lombardia", "Italy")),
    ("Greater Milan Metropolitan Area", ("Milano", "MI", "Lombardia", "Italy")),
    ("Roma", ("Roma", "RM", "Lazio", "Italy")),
    ("Rome, Latium, Italy", ("Roma", "RM", "Lazio", "Italy")),
    ("Torino Area, Italy", ("Torino", "TO", "Piemonte", "Italy")),
    ("Turin", ("Torino", "TO", "Piemonte", "Italy")),
    ("Bergamo", ("Bergamo", "BG", "Lombardia", "Italy")),
    ("Sesto San Giovanni (MI)", ("Sesto San Giovanni", "MI", "Lombardia", "Italy")),
    ("Bozen", ("Bolzano", "BZ", "Trentino-Alto Adige", "Italy")),
    ("Reggio nell'Emilia", ("Reggio Emilia", "RE", "Emilia-Romagna", "Italy")),
    ("Forli", ("Forlì", "FC", "Emilia-Romagna", "Italy")),
    ("Lombardy", (None, None, "Lombardia", "Italy")),
    ("Lombardia", (None, None, "Lombardia", "Italy")),
    ("Sicily", (None, None, "Sicilia", "Italy")),
    ("Provincia di Bergamo", (None, "BG", "Lombardia", "Italy")),
    ("Monza e Brianza", (None, "MB", "Lombardia", "Italy")),
    ("Italia", (None, None, None, "Italy")),
    ("Paris, Île-de-France, France", ("Paris", None, None, "France")),
    ("London Area, United Kingdom", ("London", None, None, "United Kingdom")),
    ("München", ("Munich", None, None, "Germany")),
    ("San Francisco Bay Area", ("San Francisco", None, None, "United States")),
    ("Lugano, Ticino, Switzerland", ("Lugano", None, None, "Switzerland")),
    ("Alba, Romania", (None, None, None, "Romania")),  # not the Italian comune
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_resolve_place(text, expected):
    place = resolve_place(text)
    assert place is not None
    assert (place.city, place.province, place.region, place.country) == expected, place.how


@pytest.mark.parametrize("text", ["", "Atlantis", "Remote", "mi", "N/A"])
def test_unknown_places(text):
    assert resolve_place(text) is None


def test_place_name_level_and_attrs():
    place = resolve_place("20121 Milano (MI)")
    assert place.name == "Milano" and place.level == "city"
    assert place.attrs() == {
        "territory": "Milano",
        "city": "Milano",
        "province": "MI",
        "region": "Lombardia",
        "country": "Italy",
    }
    assert "province sigla 'MI'" in place.how
    assert resolve_place("Monza e Brianza").name == "Monza e della Brianza"


def test_covers():
    lombardia = resolve_place("Lombardia")
    assert lombardia.covers(resolve_place("Bergamo"))
    assert not lombardia.covers(resolve_place("Roma"))
    assert resolve_place("Italy").covers(resolve_place("Milano"))
    assert not resolve_place("Milano").covers(resolve_place("MI"))


def _rows(name):
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_istat_lists_are_complete():
    regions = _rows("regions_it.csv")
    provinces = _rows("provinces_it.csv")
    comuni = _rows("places_it.csv")
    assert len(regions) == 20
    assert len(provinces) == 107
    assert len({p["code"] for p in provinces}) == 107
    names = {c["name"] for c in comuni}
    assert all(p["capoluogo"] in names for p in provinces)  # every capoluogo is a comune
    assert len(comuni) - len(provinces) >= 150  # and the largest other comuni
    assert len(_rows("world_cities.csv")) >= 150


def test_every_capoluogo_resolves_to_its_province():
    for province in _rows("provinces_it.csv"):
        place = resolve_place(province["capoluogo"])
        assert place.province == province["code"], province
