"""Declared ties: the who-knows-whom table a coach and a client fill in together."""

from __future__ import annotations

import io

import pytest

import netkit as nk
from netkit.io._text import Source
from netkit.io.declared import FORMAT, read_declared, sniff_declared

TABLE = (
    "person_a,person_b,note\n"
    "Giulia De Luca,marco.bianchi@example.com,worked together at Enel\n"
    "me,Giulia De Luca,\n"
    "https://www.linkedin.com/in/Sam-Okafor/,Giulia De Luca,\n"
    '"Zoë García",Nicolò D\'Angelo <nicolo@example.it>,"met at ""Smart Energy"" 2023"\n'
)


def persons(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


def test_names_emails_urls_and_owner_rows(write):
    G, report = read_declared(write(TABLE, "ties.csv"))
    assert report.format == FORMAT == "declared-ties"
    assert (report.rows_read, report.accepted, report.contacts) == (4, 4, 5)
    assert report.balanced and not report.rejected and not report.duplicates
    assert report.header_line == 1 and report.delimiter == "comma"
    assert persons(G) == [
        "li:sam-okafor",
        "mail:marco.bianchi@example.com",
        "mail:nicolo@example.it",
        "name:giulia de luca",
        "name:zoe garcia",
    ]
    # a name keeps its raw text; an e-mail alone has no name; "Name <e-mail>" has both
    assert G.nodes["name:zoe garcia"]["name"] == "Zoë García"
    assert "name" not in G.nodes["mail:marco.bianchi@example.com"]
    assert G.nodes["mail:marco.bianchi@example.com"]["emails"] == "marco.bianchi@example.com"
    assert G.nodes["mail:nicolo@example.it"]["name"] == "Nicolò D'Angelo"
    assert G.nodes["li:sam-okafor"]["linkedin_url"] == "https://www.linkedin.com/in/sam-okafor"
    edge = G.edges["name:giulia de luca", "mail:marco.bianchi@example.com"]
    assert (edge["kind"], edge["count"], edge["note"]) == ("declared", 1, "worked together at Enel")
    assert G.edges["name:zoe garcia", "mail:nicolo@example.it"]["note"] == (
        'met at "Smart Energy" 2023'
    )
    assert "note" not in G.edges["li:sam-okafor", "name:giulia de luca"]
    # the owner row is an owner tie, not a person–person link
    assert G.graph["ego"] == "ego"
    assert G.edges["ego", "name:giulia de luca"]["channels"] == "declared"
    assert "first_contact" not in G.edges["ego", "name:giulia de luca"]
    assert report.counts == {"declared ties": 3, "owner ties": 1}
    assert G.graph["sources"] == "declared-ties:ties.csv:4:0"
    nk.validate_graph(G)


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("cp1252", b"", "\r\n"), ("utf-8", b"\xef\xbb\xbf", "\r\n"), ("utf-8", b"", "\n")],
    ids=["cp1252-excel", "utf8-bom", "utf8"],
)
def test_italian_header_semicolons_and_encodings(write, encoding, bom, newline):
    text = newline.join(
        [
            "Persona_A;PERSONA_B;Nota",
            "io;Nicolò Rossi;cliente storico",
            "Nicolò Rossi;Anna Maria Ferrè;",
            "",
        ]
    )
    G, report = read_declared(write(bom + text.encode(encoding), "legami.csv"))
    assert report.delimiter == "semicolon"
    assert (report.rows_read, report.accepted) == (2, 2)
    assert persons(G) == ["name:anna maria ferre", "name:nicolo rossi"]
    assert G.nodes["name:nicolo rossi"]["name"] == "Nicolò Rossi"
    assert G.edges["ego", "name:nicolo rossi"]["note"] == "cliente storico"
    assert G.edges["name:nicolo rossi", "name:anna maria ferre"]["kind"] == "declared"
    assert (encoding == "cp1252") == any("cp1252" in note for note in report.notes)
    nk.validate_graph(G)


def test_bad_rows_are_rejected_with_line_and_reason(write):
    text = (
        "person_a,person_b,note\n"
        "Ada Lovelace,Bo Chen,\n"  # line 2
        "Ada Lovelace,,\n"  # 3: missing side
        ",,only a note\n"  # 4: both sides missing
        "Ada Lovelace,ADA  LOVELACE,\n"  # 5: the same person twice
        "me,io,\n"  # 6: the owner twice
        "Bo Chen,Ada Lovelace,again\n"  # 7: same pair, other order
        "ego,Bo Chen,\n"  # 8
        "Bo Chen,Me,\n"  # 9: same owner pair
        "\n"
        "Carla Neri,bo@example.com,\n"  # 11
    )
    G, report = read_declared(write(text, "ties.csv"))
    assert report.rows_read == 9 and report.balanced
    assert [(r.line, r.reason) for r in report.rejected] == [
        (3, "person_b is empty: each row names two people"),
        (4, "person_a and person_b are empty: each row names two people"),
        (5, "names the same person on both sides"),
        (6, "names the same person on both sides"),
    ]
    assert report.rejected[0].text == "Ada Lovelace,,"
    assert [(d.line, d.reason) for d in report.duplicates] == [
        (7, "same pair as line 2: counted once"),
        (9, "same pair as line 8: counted once"),
    ]
    assert report.accepted == 3
    assert "note" not in G.edges["name:ada lovelace", "name:bo chen"]  # the duplicate adds nothing
    assert G.edges["name:ada lovelace", "name:bo chen"]["count"] == 1
    assert persons(G) == [
        "mail:bo@example.com",
        "name:ada lovelace",
        "name:bo chen",
        "name:carla neri",
    ]
    assert G.graph["sources"] == "declared-ties:ties.csv:9:4"
    nk.validate_graph(G)


def test_on_bad_rows_error_raises_at_the_first_rejected_row(write):
    path = write("person_a,person_b\nAda,Bo\nAda,\n", "ties.csv")
    with pytest.raises(nk.ParseError, match="person_b is empty") as info:
        read_declared(path, on_bad_rows="error")
    assert info.value.line == 3 and info.value.path == str(path)
    with pytest.raises(ValueError, match="on_bad_rows"):
        read_declared(path, on_bad_rows="skip")


def test_owner_names_and_emails_options(write):
    text = (
        "person_a,person_b\n"
        "Laura Conti,Ada Lovelace\n"
        "laura.conti@example.com,Bo Chen\n"
        "Ada Lovelace,Bo Chen\n"
    )
    G, report = read_declared(
        write(text, "ties.csv"),
        owner_names=["Laura Conti"],
        owner_emails=["Laura.Conti@Example.com"],
    )
    assert report.counts == {"declared ties": 1, "owner ties": 2}
    assert G.nodes["ego"]["name"] == "Laura Conti"
    assert G.nodes["ego"]["emails"] == "laura.conti@example.com"
    assert persons(G) == ["name:ada lovelace", "name:bo chen"]
    assert sorted(G["ego"]) == ["name:ada lovelace", "name:bo chen"]
    nk.validate_graph(G)


def test_quoted_newline_and_unclosed_quote_keep_line_numbers(write):
    text = (
        "person_a,person_b,note\n"
        'Ada,Bo,"first line\nsecond line"\n'  # lines 2-3
        "Ada,Carla,\n"  # 4
        '"Dario,Ettore,\n'  # 5: quote never closed
        "Franca,Gino,\n"  # 6
    )
    G, report = read_declared(write(text, "ties.csv"))
    assert G.edges["name:ada", "name:bo"]["note"] == "first line second line"
    assert [r.line for r in report.rejected] == [5]
    assert "never closed" in report.rejected[0].reason
    assert G.has_edge("name:ada", "name:carla") and G.has_edge("name:franca", "name:gino")
    assert report.rows_read == 4 and report.balanced


def test_extra_columns_are_noted(write):
    _, report = read_declared(write("person_a,person_b,strength\nAda,Bo,5\n", "ties.csv"))
    assert report.accepted == 1
    assert report.notes == [
        "columns 'strength' are not read (only person_a, person_b and note are)"
    ]


def test_header_after_a_title_line(write):
    G, report = read_declared(write("Legami dichiarati\n\npersona a,persona b\nio,Ada\n", "t.csv"))
    assert report.header_line == 3
    assert list(G.edges("ego")) == [("ego", "name:ada")]


def test_no_header_is_missing_columns(write):
    with pytest.raises(
        nk.MissingColumns, match="no header row with 'person_a' and 'person_b'"
    ) as info:
        read_declared(write("name,knows\nAda,Bo\n", "ties.csv"))
    assert "it starts: 'name,knows'" in str(info.value)
    assert "persona_a,persona_b,nota" in str(info.value)


def test_empty_and_binary_files(write):
    with pytest.raises(nk.UnsupportedFormat, match="empty"):
        read_declared(write(b"", "ties.csv"))
    with pytest.raises(nk.UnsupportedFormat, match="PDF"):
        read_declared(write(b"%PDF-1.7 ...", "ties.csv"))


def test_open_binary_file_is_accepted():
    stream = io.BytesIO(b"person_a;person_b\nAda;Bo")
    G, report = read_declared(stream)
    assert report.path == "<stream>" and G.has_edge("name:ada", "name:bo")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("person_a,person_b,note\nAda,Bo,", True),
        ("\ufeffPERSONA_A;Persona_B\nio;Ada", True),
        ("Declared ties\nperson a\tperson b\nme\tAda", True),
        ("person_a,note\nAda,x", False),
        ("First Name,Last Name,Connected On\nAda,L,1 Jan 2020", False),
        ("source,target\n1,2", False),
    ],
)
def test_sniff(head, expected):
    assert sniff_declared(Source("t.csv", head.encode()), None, head) is expected
    assert sniff_declared(Source("t.zip", b""), "zip", "") is False
