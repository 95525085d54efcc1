"""The shipped data files: well formed, consistent with the taxonomy, no duplicates."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from netkit.enrich._data import DATA_DIR, normalise
from netkit.enrich.taxonomy import FUNCTIONS, SECTOR_NACE, SECTORS, SENIORITY
from netkit.schema import organisation_key


def _rows(name):
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_taxonomy_ids():
    assert len(FUNCTIONS) == 23 and "other" in FUNCTIONS
    assert SENIORITY[0] == "student" and SENIORITY[-1] == "owner"
    assert 30 <= len(SECTORS) <= 60
    assert set(SECTOR_NACE) == set(SECTORS)


def test_title_keywords():
    rows = _rows("title_keywords.csv")
    assert len(rows) >= 700
    keys = Counter(normalise(r["keyword"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []
    for row in rows:
        assert row["function"] in ("", *FUNCTIONS), row
        assert row["seniority"] in ("", "independent", *SENIORITY), row
        assert row["sector"] in ("", *SECTORS), row
        assert row["language"] in ("en", "it", "any"), row
        if row["function"]:
            assert int(row["function_priority"]) > 0, row
        if row["seniority"]:
            assert int(row["seniority_priority"]) > 0, row


def test_sector_keywords():
    rows = _rows("sector_keywords.csv")
    keys = Counter(
        normalise(r["keyword"]) + r["keyword"][-1:] * (r["keyword"][-1] == "*") for r in rows
    )
    assert [k for k, n in keys.items() if n > 1] == []
    for row in rows:
        assert row["sector"] in SECTORS and row["requires"] in ("", *SECTORS), row
        int(row["priority"])


def test_organisations():
    rows = _rows("organisations.csv")
    assert len(rows) >= 400
    owner: dict[str, str] = {}
    for row in rows:
        assert row["sector"] in SECTORS, row
        assert row["city"] and row["country"], row
        for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
            key = organisation_key(name)
            assert key, name
            assert owner.setdefault(key, row["name"]) == row["name"], (name, owner[key])
    sectors = Counter(row["sector"] for row in rows)
    assert sectors["renewable-energy"] >= 15 and sectors["hr-services"] >= 10


def test_sector_synonyms():
    rows = _rows("sector_synonyms.csv")
    for row in rows:
        assert row["sectors"] and all(s in SECTORS for s in row["sectors"].split(";")), row


@pytest.mark.parametrize(
    "name",
    ["regions_it.csv", "provinces_it.csv", "places_it.csv", "countries.csv", "world_cities.csv"],
)
def test_place_tables_have_no_blank_names(name):
    rows = _rows(name)
    first = next(iter(rows[0]))
    assert all(row[first] for row in rows)
