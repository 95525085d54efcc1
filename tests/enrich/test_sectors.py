"""Sector of organisations (netkit.enrich.sectors)."""

from __future__ import annotations

import pytest

from netkit.enrich import classify_organisation, known_organisation

CASES = [
    # organisations.csv, whatever the legal form and case
    ("Enel Green Power S.p.A.", "renewable-energy"),
    ("ENEL GREEN POWER", "renewable-energy"),
    ("Enel S.p.A.", "utilities"),
    ("ENEL SpA", "utilities"),
    ("Eni", "oil-gas"),
    ("Snam", "oil-gas"),
    ("A2A S.p.A.", "utilities"),
    ("Intesa Sanpaolo", "banking"),
    ("Assicurazioni Generali S.p.A.", "insurance"),
    ("Satispay", "fintech"),
    ("Randstad Italia", "hr-services"),
    ("Gi Group S.p.A.", "hr-services"),
    ("Accenture", "management-consulting"),
    ("Deloitte", "accounting-tax"),
    ("Politecnico di Milano", "education"),
    ("UNIVERSITÀ BOCCONI", "education"),
    ("Comune di Milano", "public-administration"),
    ("Pirelli & C. S.p.A.", "automotive"),
    ("Leonardo S.p.A.", "aerospace-defence"),
    ("Gruppo Hera", "utilities"),  # generic word dropped
    ("Intesa Sanpaolo Vita Sud", "banking"),  # by its first words
    # name keywords, Italian and English
    ("Solare Brianza S.r.l.", "renewable-energy"),
    ("Eolica Appenninica SpA", "renewable-energy"),
    ("Idroelettrica Valtellinese S.r.l.", "renewable-energy"),
    ("Fotovoltaica Sud Srl", "renewable-energy"),
    ("Wind Park Puglia", "renewable-energy"),
    ("Sole Nostro Energia S.r.l.", "renewable-energy"),  # "sole" next to "energia"
    ("Energia Lombarda S.r.l.", "utilities"),
    ("Petroli Adriatici S.p.A.", "oil-gas"),
    ("Banca Popolare del Cassinate", "banking"),
    ("Rossi Assicurazioni Snc", "insurance"),
    ("Università degli Studi di Pavia", "education"),
    ("Liceo Scientifico Volta", "education"),
    ("Ospedale Maggiore di Lodi", "healthcare"),
    ("Comune di Carugate", "public-administration"),
    ("Studio Legale Rossi & Associati", "legal-services"),
    ("Bianchi Consulting S.r.l.", "management-consulting"),
    ("Garda Software S.r.l.", "software-it"),
    ("Esposito Logistica S.r.l.", "logistics"),
    ("Trasporti D'Amico S.r.l.", "logistics"),
    ("Galbiati Alimentare S.p.A.", "food-beverage"),
    ("Maglificio Ghezzi S.r.l.", "fashion-textiles"),
    ("Crippa Costruzioni S.p.A.", "construction"),
    ("Cooperativa Sociale Il Sorriso", "social-care"),
    ("Amici del Parco Onlus", "social-care"),
    ("Azimut Capital Management SGR", "financial-services"),
    ("Rossi Risorse Umane S.r.l.", "hr-services"),
    ("Hotel Bellavista", "hospitality"),
]


@pytest.mark.parametrize(("name", "sector"), CASES)
def test_classify_organisation(name, sector):
    found = classify_organisation(name)
    assert found.sector == sector, found.how


def test_how_says_where_the_sector_came_from():
    assert classify_organisation("Enel Green Power S.p.A.").how == (
        "organisations.csv: Enel Green Power"
    )
    assert classify_organisation("Hera Italia").how == "organisations.csv: Hera (as 'Hera Italia')"
    assert classify_organisation("Energia Lombarda").how == "name keyword 'energia' → utilities"


def test_renewables_utilities_and_oil_gas_are_told_apart():
    assert classify_organisation("Enel Green Power").sector == "renewable-energy"
    assert classify_organisation("Enel").sector == "utilities"
    assert classify_organisation("Eni").sector == "oil-gas"
    assert classify_organisation("Plenitude").sector == "renewable-energy"


def test_members_titles_decide_when_the_name_says_nothing():
    found = classify_organisation(
        "Rizzi & Monti", titles=["Avvocato", "Avvocata senior", "Segretaria"]
    )
    assert found.sector == "legal-services"
    assert found.how == "members' titles: 2 of 3 ('avvocato') → legal-services"
    # one lawyer among many employees does not make a law firm
    many = ["Avvocato"] + ["Operaio"] * 5
    assert classify_organisation("Rizzi & Monti", titles=many).sector is None
    # a name keyword beats the titles
    assert classify_organisation("Rizzi Costruzioni", titles=["Avvocato"]).sector == "construction"


def test_weak_keywords_count_only_after_titles():
    assert classify_organisation("Gatti & Partners").sector == "management-consulting"
    found = classify_organisation("Gatti & Partners", titles=["Avvocato", "Avvocato"])
    assert found.sector == "legal-services"


def test_no_organisation_and_unknown():
    assert classify_organisation("Self-employed").sector is None
    assert classify_organisation("").how == "names no organisation"
    assert classify_organisation("Zyxwv").sector is None


def test_known_organisation_gives_its_headquarters():
    enel = known_organisation("Enel S.p.A.")
    assert (enel.name, enel.city, enel.country) == ("Enel", "Roma", "Italy")
    assert known_organisation("Vestas").country == "Denmark"
    assert known_organisation("Acme Widgets") is None
