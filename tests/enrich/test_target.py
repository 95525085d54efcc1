"""Target resolution (netkit.enrich.target)."""

from __future__ import annotations

import pytest

from netkit.enrich import UnknownTerm, resolve_target
from netkit.errors import NetkitError


@pytest.mark.parametrize(
    ("text", "sectors"),
    [
        ("renewable energy", ("renewable-energy",)),
        ("energie rinnovabili", ("renewable-energy",)),
        ("rinnovabili", ("renewable-energy",)),
        ("Renewables", ("renewable-energy",)),
        ("fintech", ("fintech",)),
        ("oil & gas", ("oil-gas",)),
        ("banca e assicurazioni", ("banking", "insurance")),
        ("energy", ("renewable-energy", "utilities", "oil-gas")),
        ("renewable-energy", ("renewable-energy",)),
        ("energie rinnovabli", ("renewable-energy",)),  # a typo, read as the closest term
        ("Enel Green Power", ("renewable-energy",)),  # an organisation's sector
        ("solar farms", ("renewable-energy",)),  # a name keyword
    ],
)
def test_sector(text, sectors):
    assert resolve_target(sector=text).sectors == sectors


@pytest.mark.parametrize(
    ("text", "functions", "seniorities"),
    [
        ("HR director", ("hr",), ("director",)),
        ("direttore risorse umane", ("hr",), ("director",)),
        ("CFO", ("finance",), ("executive",)),
        ("hr", ("hr",), ()),
        ("manager", (), ("manager",)),
        ("risorse umane", ("hr",), ()),
    ],
)
def test_role(text, functions, seniorities):
    target = resolve_target(role=text)
    assert (target.functions, target.seniorities) == (functions, seniorities)


def test_territory_and_terms():
    target = resolve_target(territory="Milano; Lombardia")
    assert [p.name for p in target.places] == ["Milano", "Lombardia"]
    assert target.terms[0][0] == "Milano"
    assert target.terms[0][1].startswith("territory Milano (city;")


def test_organisations_become_ids():
    target = resolve_target(organisations=["Enel Green Power S.p.A.", "EGP", "Acme Srl"])
    assert target.organisations == ("org:enel green power", "org:egp", "org:acme")


def test_empty_target():
    target = resolve_target()
    assert target.sectors == target.functions == target.places == ()


@pytest.mark.parametrize(
    ("kwargs", "kind"),
    [
        ({"sector": "blockchian farming"}, "sector"),
        ({"role": "xyzzy wizard"}, "role"),
        ({"territory": "Atlantide"}, "territory"),
        ({"organisations": ["Self-employed"]}, "organisation"),
    ],
)
def test_unknown_terms_list_the_closest(kwargs, kind):
    with pytest.raises(UnknownTerm) as caught:
        resolve_target(**kwargs)
    error = caught.value
    assert isinstance(error, NetkitError) and isinstance(error, ValueError)
    assert error.kind == kind
    assert 3 <= len(error.suggestions) <= 5
    message = str(error)
    assert message.startswith(f"unknown {kind} '")
    assert "closest known: " in message and "\n" not in message


def test_unknown_territory_suggests_places():
    with pytest.raises(UnknownTerm, match=r"unknown territory 'Milno'; closest known: Milano"):
        resolve_target(territory="Milno")
