"""User overrides (netkit.enrich.overrides)."""

from __future__ import annotations

import networkx as nx
import pytest

from netkit.enrich import enrich, load_overrides, unmatched_overrides
from netkit.errors import MissingColumns, ParseError


def _graph():
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego")
    G.add_node("org:acme", kind="organisation", name="Acme S.r.l.")
    G.add_node(
        "li:mario-rossi",
        kind="person",
        name="Mario Rossi",
        position="Buyer",
        linkedin_url="https://www.linkedin.com/in/mario-rossi",
    )
    G.add_node("mail:anna@example.com", kind="person", name="Anna Verdi", position="Wizard")
    G.add_node("name:luca bianchi", kind="person", name="Luca Bianchi")
    G.add_edge("li:mario-rossi", "org:acme", kind="member_of", current=True, title="Buyer")
    for person in ("li:mario-rossi", "mail:anna@example.com", "name:luca bianchi"):
        G.add_edge("ego", person, channels="linkedin")
    return G


def test_organisation_overrides_win_and_are_recorded(write):
    path = write(
        "organisation,sector,territory\nACME srl,renewable-energy,Bergamo\n",
        "orgs.csv",
    )
    overrides = load_overrides(path)
    report = overrides.reports[0]
    assert (report.rows_read, report.accepted, report.balanced) == (1, 1, True)
    H = enrich(_graph(), overrides=overrides)
    acme = H.nodes["org:acme"]
    assert acme["sector"] == "renewable-energy"
    assert acme["sector_source"] == "override orgs.csv line 2"
    assert (acme["territory"], acme["region"]) == ("Bergamo", "Lombardia")
    mario = H.nodes["li:mario-rossi"]
    assert mario["sector"] == "renewable-energy"
    assert mario["sector_source"] == "organisation 'Acme S.r.l.': override orgs.csv line 2"
    assert mario["territory"] == "Bergamo"
    assert mario["territory_source"].startswith("organisation 'Acme S.r.l.' (override orgs.csv")


def test_people_overrides_match_id_url_email_and_name(write):
    path = write(
        "person;function;seniority;sector;territory\n"
        "https://www.linkedin.com/in/Mario-Rossi/;procurement;senior;;\n"
        "ANNA@example.com;arts-media;;media-publishing;Torino\n"
        "Luca Bianchi;;;;Atlantis\n",
        "people.csv",
    )
    overrides = load_overrides(people=path)
    report = overrides.reports[0]
    assert report.delimiter == ";"
    assert report.accepted == 3 and report.rejected == []
    assert [str(p) for p in report.problems] == [
        "line 4: place 'Atlantis' not recognised; kept as written  [Luca Bianchi;;;;Atlantis]"
    ]
    H = enrich(_graph(), overrides=overrides)
    mario = H.nodes["li:mario-rossi"]
    assert (mario["function"], mario["seniority"]) == ("procurement", "senior")
    assert mario["seniority_source"] == "override people.csv line 2"
    anna = H.nodes["mail:anna@example.com"]
    assert (anna["function"], anna["sector"], anna["city"]) == (
        "arts-media",
        "media-publishing",
        "Torino",
    )
    assert anna["territory_source"] == "override people.csv line 3"
    luca = H.nodes["name:luca bianchi"]
    assert luca["territory"] == "Atlantis" and "city" not in luca


def test_bad_rows_are_reported_with_lines_and_closest_ids(write):
    path = write(
        "person,function,seniority,sector\n"
        "Mario Rossi,hr,,\n"
        ",hr,,\n"
        "Anna Verdi,human resources,,\n"
        "Anna Verdi,,boss,\n"
        "Anna Verdi,,,renewables\n"
        "Anna Verdi,,,\n"
        '"Luca\nBianchi",hr,,\n'
        "Mario Rossi,legal,,\n",
        "people.csv",
    )
    overrides = load_overrides(people=path)
    report = overrides.reports[0]
    assert report.rows_read == 8 and report.balanced
    reasons = [(issue.line, issue.reason) for issue in report.rejected]
    assert reasons[0] == (3, "no person named")
    assert reasons[1][0] == 4
    assert reasons[1][1].startswith("unknown function 'human resources'; closest valid ids: hr")
    assert reasons[2][0] == 5
    assert reasons[2][1].startswith("unknown seniority 'boss'; closest valid ids: ")
    assert reasons[3] == (6, reasons[3][1])
    assert "closest valid ids: renewable-energy" in reasons[3][1]
    assert reasons[4] == (
        7,
        "nothing to override: give a function, seniority, sector or territory",
    )
    # a quoted cell spanning two lines: the record starts on line 8, the next on line 10
    assert [p.line for p in overrides.people] == [8, 10]
    assert [(d.line, d.reason) for d in report.duplicates] == [
        (2, "same person as line 10, which wins")
    ]


def test_on_bad_rows_error_raises_at_the_first(write):
    path = write("organisation,sector\nAcme,renewables\n", "orgs.csv")
    with pytest.raises(ParseError, match=r"orgs\.csv, line 2: unknown sector 'renewables'"):
        load_overrides(path, on_bad_rows="error")
    with pytest.raises(ValueError, match="on_bad_rows"):
        load_overrides(path, on_bad_rows="skip")


def test_missing_columns(write):
    path = write("company,industry\nAcme,energy\n", "orgs.csv")
    with pytest.raises(MissingColumns, match="needs the columns organisation and at least one"):
        load_overrides(path)
    empty = write("", "empty.csv")
    with pytest.raises(MissingColumns, match="is empty"):
        load_overrides(people=empty)


def test_ids_are_forgiving_about_case_and_spaces(write):
    path = write("organisation,sector\nAcme,Renewable Energy\n", "orgs.csv")
    assert load_overrides(path).organisations["acme"].sector == "renewable-energy"


def test_unmatched_overrides(write):
    G = _graph()
    G.add_node("name:anna verdi", kind="person", name="Anna Verdi")
    orgs = write("organisation,sector\nAcme,banking\nNobody Srl,banking\n", "orgs.csv")
    people = write("person,function\nAnna Verdi,hr\nli:ghost,hr\n", "people.csv")
    issues = unmatched_overrides(G, load_overrides(orgs, people))
    assert [(i.line, i.reason) for i in issues] == [
        (2, "'Anna Verdi' names more than one contact; use their profile URL"),
        (3, "no organisation matches 'Nobody Srl'"),
        (3, "no contact matches 'li:ghost'"),
    ]
