"""LinkedIn Connections.csv: every era, encoding and quirk, with exact counts."""

from __future__ import annotations

import io
import zipfile

import pytest

import netkit as nk
from netkit.io.linkedin import read_linkedin
from tests.conftest import HEADER_2021, connections_csv

ROWS = [
    [
        "Giulia",
        "De Luca",
        "https://www.linkedin.com/in/giulia-de-luca-3a41b2",
        "",
        "Enel S.p.A.",
        "HR Business Partner",
        "08 Feb 2026",
    ],
    [
        "Nicolò",
        "D'Angelo",
        "https://www.linkedin.com/in/nicolo-dangelo",
        "nicolo@example.it",
        "ENEL SpA",
        "Responsabile Risorse Umane",
        "12 Mar 2021",
    ],
    [
        "Zoë",
        "García Márquez",
        "https://www.linkedin.com/in/zoe-garcia",
        "",
        "Northwind Analytics, Inc.",
        'Head of "People", EMEA',
        "01 Jan 2012",
    ],
    [
        "Sam",
        "Okafor",
        "https://www.linkedin.com/in/sam-okafor",
        "",
        "Self-employed",
        "Consultant",
        "30 Sep 2019",
    ],
]


def persons(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


def organisations(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "organisation")


def test_current_export_with_preamble_and_url(write):
    path = write(connections_csv(ROWS))
    G, report = read_linkedin(path)
    assert report.header_line == 4
    assert (report.rows_read, report.contacts, report.organisations) == (4, 4, 2)
    assert report.balanced and not report.rejected and not report.duplicates
    assert persons(G) == [
        "li:giulia-de-luca-3a41b2",
        "li:nicolo-dangelo",
        "li:sam-okafor",
        "li:zoe-garcia",
    ]
    assert organisations(G) == ["org:enel", "org:northwind analytics"]
    nicolo = G.nodes["li:nicolo-dangelo"]
    assert nicolo["name"] == "Nicolò D'Angelo"
    assert nicolo["emails"] == "nicolo@example.it"
    assert nicolo["connected_on"] == "2021-03-12"
    assert G.edges["ego", "li:nicolo-dangelo"]["connected_on"] == "2021-03-12"
    assert G.edges["li:nicolo-dangelo", "org:enel"]["title"] == "Responsabile Risorse Umane"
    assert G.nodes["li:zoe-garcia"]["position"] == 'Head of "People", EMEA'
    assert G.nodes["org:northwind analytics"]["name"] == "Northwind Analytics, Inc."
    assert G.nodes["org:enel"]["aliases"] == "ENEL SpA;Enel S.p.A."
    # "Self-employed" is kept as the contact's company but is no organisation
    assert G.nodes["li:sam-okafor"]["company"] == "Self-employed"
    assert not [n for n in G["li:sam-okafor"] if n.startswith("org:")]
    assert G.graph["sources"] == "linkedin-connections:Connections.csv:4:0"
    nk.validate_graph(G)


@pytest.mark.parametrize(
    ("header", "preamble"),
    [(HEADER_2021, True), (HEADER_2021, False)],
    ids=["2021-2023 preamble without URL", "before 2021 no preamble"],
)
def test_older_eras_without_url(write, header, preamble):
    rows = [[r[0], r[1], r[3], r[4], r[5], r[6]] for r in ROWS]
    G, report = read_linkedin(write(connections_csv(rows, header=header, preamble=preamble)))
    assert report.header_line == (4 if preamble else 1)
    assert report.contacts == 4
    assert persons(G) == [
        "mail:nicolo@example.it",
        "name:giulia de luca",
        "name:sam okafor",
        "name:zoe garcia marquez",
    ]
    assert G.nodes["name:zoe garcia marquez"]["connected_on"] == "2012-01-01"


def test_outlook_style_export_before_2015(write):
    header = ["First Name", "Middle Name", "Last Name", "E-mail Address", "Company", "Job Title"]
    rows = [
        ["Anna", "Maria", "Rossi", "anna@example.com", "Pirelli & C. S.p.A.", "Buyer"],
        ["Luca", "", "Bianchi", "", "Pirelli", "Engineer"],
    ]
    G, report = read_linkedin(write(connections_csv(rows, header=header, preamble=False)))
    assert persons(G) == ["mail:anna@example.com", "name:luca bianchi"]
    assert G.nodes["mail:anna@example.com"]["first_name"] == "Anna Maria"
    assert G.nodes["mail:anna@example.com"]["position"] == "Buyer"
    assert "connected_on" not in G.nodes["name:luca bianchi"]
    assert any("connected on" in note for note in report.notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar 2021", "2021-03-12"),
        ("4-Apr-21", "2021-04-04"),
        ("04-Apr-2021", "2021-04-04"),
        ("15/03/2024", "2024-03-15"),
        ("15.03.2024", "2024-03-15"),
        ("2024-03-15", "2024-03-15"),
        ("Mar 15, 2024", "2024-03-15"),
        ("12 mar 2021", "2021-03-12"),
        ("12-gen-21", "2021-01-12"),
        ("1 dic 2015", "2015-12-01"),
        ("12. März 2021", "2021-03-12"),
    ],
)
def test_connected_on_forms(write, text, expected):
    rows = [["Ada", "Lovelace", "https://www.linkedin.com/in/ada", "", "X", "Y", text]]
    G, _ = read_linkedin(write(connections_csv(rows)))
    assert G.nodes["li:ada"]["connected_on"] == expected


def test_numeric_dates_follow_the_order_the_file_proves(write):
    rows = [
        ["A", "One", "", "", "", "", "3/15/2024"],  # only month-first makes sense
        ["B", "Two", "", "", "", "", "4/5/2024"],
    ]
    G, report = read_linkedin(write(connections_csv(rows, preamble=False)))
    assert G.nodes["name:b two"]["connected_on"] == "2024-04-05"
    assert G.nodes["name:a one"]["connected_on"] == "2024-03-15"
    rows = [["C", "Three", "", "", "", "", "04/05/2024"]]
    G, report = read_linkedin(write(connections_csv(rows, preamble=False)))
    assert G.nodes["name:c three"]["connected_on"] == "2024-05-04"
    assert any("day/month" in note for note in report.notes)


def test_unreadable_date_is_a_reported_problem_not_a_crash(write):
    rows = [ROWS[0][:6] + ["sometime in spring"], ROWS[1]]
    G, report = read_linkedin(write(connections_csv(rows)))
    assert report.contacts == 2 and report.balanced
    assert "connected_on" not in G.nodes["li:giulia-de-luca-3a41b2"]
    [problem] = report.problems
    assert problem.line == 5
    assert "sometime in spring" in problem.reason


@pytest.mark.parametrize(
    ("encoding", "delimiter", "newline", "bom"),
    [
        ("utf-8", ",", "\n", b""),
        ("utf-8", ",", "\r\n", b"\xef\xbb\xbf"),
        ("utf-16-le", "\t", "\r\n", b"\xff\xfe"),
        ("utf-16-le", "\t", "\r\n", b""),
        ("utf-16-be", "\t", "\r\n", b"\xfe\xff"),
        ("cp1252", ";", "\r\n", b""),
        ("utf-8", ";", "\r\n", b"\xef\xbb\xbf"),
    ],
    ids=[
        "utf8",
        "utf8-bom-crlf",
        "utf16-excel-unicode-text",
        "utf16-no-bom",
        "utf16-be",
        "cp1252-italian-excel",
        "utf8-bom-semicolon",
    ],
)
def test_encodings_and_excel_resaves(write, encoding, delimiter, newline, bom):
    rows = [r[:4] + r[4:] for r in ROWS]
    text = connections_csv(rows, delimiter=delimiter, newline=newline, final_newline=True)
    G, report = read_linkedin(write(bom + text.encode(encoding)))
    assert report.contacts == 4
    assert report.delimiter == {",": "comma", ";": "semicolon", "\t": "tab"}[delimiter]
    assert G.nodes["li:nicolo-dangelo"]["name"] == "Nicolò D'Angelo"
    assert G.nodes["li:zoe-garcia"]["last_name"] == "García Márquez"
    assert G.nodes["li:zoe-garcia"]["company"] == "Northwind Analytics, Inc."
    assert not any("\ufeff" in str(v) for _, d in G.nodes(data=True) for v in d.values())
    if encoding == "cp1252":
        assert "read as cp1252" in " ".join(report.notes)


def test_quoted_newlines_emoji_and_blank_lines_keep_line_numbers(write):
    text = connections_csv(
        [
            [
                "Laura 🌱",
                "Verdi",
                "https://www.linkedin.com/in/laura-verdi",
                "",
                "Edison",
                "Energy Manager\nSostenibilità",
                "02 Feb 2022",
            ],
            [
                "Marco",
                "Bianchi, PhD",
                "https://www.linkedin.com/in/mbianchi",
                "",
                "ERG",
                "Analyst",
                "03 Mar 2023",
            ],
            ["", "", "", "", "", "", "07 Jun 2026"],
        ]
    )
    text = text.replace("\nMarco", "\n\n\nMarco")  # two blank lines before Marco's row
    G, report = read_linkedin(write(text))
    assert report.rows_read == 3 and report.contacts == 2
    assert G.nodes["li:laura-verdi"]["name"] == "Laura 🌱 Verdi"
    assert G.nodes["li:laura-verdi"]["position"] == "Energy Manager Sostenibilità"
    assert G.nodes["li:mbianchi"]["last_name"] == "Bianchi, PhD"
    [hidden] = report.rejected
    # preamble 3 lines, header line 4, Laura 5-6, blanks 7-8, Marco 9, hidden 10
    assert hidden.line == 10
    assert "hidden" in hidden.reason


def test_same_profile_twice_is_one_contact_and_a_reported_duplicate(write):
    rows = [ROWS[0], ROWS[1], ROWS[0][:5] + ["Senior HRBP", "08 Feb 2026"]]
    G, report = read_linkedin(write(connections_csv(rows)))
    assert (report.rows_read, report.contacts, len(report.duplicates)) == (3, 2, 1)
    [dup] = report.duplicates
    assert dup.line == 7 and "line 5" in dup.reason
    assert G.nodes["li:giulia-de-luca-3a41b2"]["position"] == "HR Business Partner"


def test_homonyms_without_url_stay_two_people(write):
    rows = [
        ["Mario", "Rossi", "", "Enel", "Engineer", "01 Jan 2020"],
        ["Mario", "Rossi", "", "Intesa Sanpaolo", "Analyst", "05 May 2021"],
        ["Mario", "Rossi", "", "Enel", "Engineer", "01 Jan 2020"],
    ]
    G, report = read_linkedin(write(connections_csv(rows, header=HEADER_2021, preamble=False)))
    assert persons(G) == ["name:mario rossi", "name:mario rossi#2"]
    assert G.nodes["name:mario rossi#2"]["company"] == "Intesa Sanpaolo"
    assert [d.line for d in report.duplicates] == [4]
    assert report.balanced


def test_rows_that_cannot_be_read_are_rejected_with_line_and_reason(write):
    text = connections_csv(ROWS[:2], preamble=False, final_newline=True)
    text += "Anna,Neri,https://www.linkedin.com/in/anna,,Acme, Inc,CEO,01 Jan 2020\n"
    text += "Short,Row\n"
    G, report = read_linkedin(write(text))
    assert sorted(G) == ["ego", "li:giulia-de-luca-3a41b2", "li:nicolo-dangelo", "org:enel"]
    assert (report.rows_read, report.contacts) == (4, 2)
    assert [(r.line, r.reason.split(" where")[0]) for r in report.rejected] == [
        (4, "has 8 fields"),
        (5, "has 2 fields"),
    ]
    assert "not quoted" in report.rejected[0].reason
    assert report.balanced


def test_an_unclosed_quote_costs_one_row_not_the_rest_of_the_file(write):
    text = connections_csv(ROWS[:1], preamble=False, final_newline=True)
    text += 'Bad,"Quote,https://www.linkedin.com/in/bad,,X,Y,01 Jan 2020\n'
    text += "\n".join(f"P{i},Q,,,,,01 Jan 2020" for i in range(2000))
    G, report = read_linkedin(write(text))
    assert (report.rows_read, report.contacts, len(report.rejected)) == (2002, 2001, 1)
    assert report.balanced
    assert report.rejected[0].line == 3
    assert "quote" in report.rejected[0].reason
    assert "name:p1999 q" in G


def test_on_bad_rows_error_raises_with_the_line(write):
    text = connections_csv([ROWS[0], ["", "", "", "", "", "", "07 Jun 2026"]])
    with pytest.raises(nk.ParseError, match=r"Connections\.csv, line 6: no name") as info:
        read_linkedin(write(text), on_bad_rows="error")
    assert info.value.line == 6
    with pytest.raises(ValueError, match="on_bad_rows"):
        read_linkedin(write(text), on_bad_rows="skip")  # type: ignore[arg-type]


def test_hostile_content_imports_as_plain_text(write):
    rows = [
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "https://www.linkedin.com/in/evil",
            "",
            "=cmd|' /C calc'!A0",
            '=HYPERLINK("http://evil.example","click")',
            "01 Jan 2024",
        ]
    ]
    G, _ = read_linkedin(write(connections_csv(rows)))
    node = G.nodes["li:evil"]
    assert node["first_name"] == "<script>alert(1)</script>"
    assert node["position"] == '=HYPERLINK("http://evil.example","click")'
    assert node["company"] == "=cmd|' /C calc'!A0"


def test_reads_connections_from_the_data_archive(write):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\nMe,Myself\n")
        archive.writestr("Connections.csv", connections_csv(ROWS))
    path = write(buffer.getvalue(), name="Basic_LinkedInDataExport_03-01-2026.zip")
    G, report = read_linkedin(path)
    assert "li:zoe-garcia" in G
    assert report.format == "linkedin-connections"
    assert report.contacts == 4
    assert report.path.endswith(".zip!Connections.csv")


def test_archive_member_past_the_size_limit_is_refused(write):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", b"0" * (65 * 1024 * 1024))
    path = write(buffer.getvalue(), name="bomb.zip")
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(nk.UnsupportedFormat, match=r"bomb\.zip: .*more than any real export"):
        read_linkedin(path)


def test_reads_an_open_binary_file(write):
    path = write(connections_csv(ROWS))
    with path.open("rb") as handle:
        _, report = read_linkedin(handle)
    assert report.contacts == 4 and report.path == str(path)
