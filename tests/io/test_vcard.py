"""vCard 2.1, 3.0 and 4.0: folding, encodings, grouped properties, broken cards."""

from __future__ import annotations

import pytest

import netkit as nk
from netkit.io._text import Source
from netkit.io.vcard import parse_vcards, read_vcard, sniff


def vcf(*cards: str, newline: str = "\r\n") -> str:
    """Cards written as phones and address books do: CRLF lines, cards back to back."""
    lines = "\n".join(card.strip("\n") for card in cards).split("\n")
    return newline.join(lines) + newline


# Android's export: 2.1, quoted-printable UTF-8 with a soft line break, bare parameters,
# a base64 photo folded with spaces and ended by a blank line.
ANDROID_21 = """\
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:D'Angelo;Nicol=C3=B2;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Nicol=C3=B2 D'Angelo
TEL;CELL:+39 333 123 4567
TEL;WORK;PREF:+39 02 555 0101
TEL;WORK;FAX:+39 02 555 0199
EMAIL;HOME:nicolo@example.it
EMAIL;WORK;PREF:Nicolo.DAngelo@Edison.example.com
ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Edison S.p.A.;Efficienza Energetica
TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Responsabile Qualit=C3=A0
ADR;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Via Larga 8;Milano;MI;20122;Itali=
a
NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Conosciuto a Ecomondo=0D=0A=
Rimini, novembre
PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgK
 DBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL

END:VCARD"""

# Apple Contacts: 3.0, folded lines, escapes, grouped URL with a label, two addresses.
APPLE_30 = """\
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//macOS 14.4//EN
N:De Luca;Giulia;Anna;Dott.ssa;
FN:Giulia Anna De Luca
ORG:Enel S.p.A.;Risorse Umane
TITLE:HR Business Partner
EMAIL;type=INTERNET;type=HOME:giulia.dl@mail.example.com
EMAIL;type=INTERNET;type=WORK;type=pref:Giulia.DeLuca@enel.example.com
TEL;type=CELL;type=VOICE;type=pref:+39 333 111 2233
item1.ADR;type=HOME;type=pref:;;Via Po 3;Torino;TO;10124;Italia
item1.X-ABADR:it
item2.ADR;type=WORK:;;Viale Regina Margherita 137;Roma;Lazio;00198;Italy
item2.X-ABADR:it
item3.URL:https\\://www.linkedin.com/in/giulia-de-luca-3a41b2
item3.X-ABLabel:linkedin
item4.URL;type=pref:https\\://www.enel.example.com
item4.X-ABLabel:_$!<HomePage>!$_
NOTE:Incontrata al KEY Energy 2023\\, Rimini.\\nChiede del progetto Milano
  Nord\\; richiamare a maggio.
CATEGORIES:Clienti,Energia\\, rinnovabili
UID:8C3E2F0A-1B2C-4D5E-9F00-ABCDEF012345
X-ABUID:8C3E2F0A-1B2C-4D5E-9F00-ABCDEF012345:ABPerson
END:VCARD"""

# A 4.0 card: PREF=1, tel: URIs, a quoted TYPE list, X-SOCIALPROFILE.
CARD_40 = """\
BEGIN:VCARD
VERSION:4.0
KIND:individual
FN:Zoë García Márquez
N:García Márquez;Zoë;;;
EMAIL;TYPE=work:zoe@northwind.example.com
EMAIL;PREF=1;TYPE=home:zoe.garcia@mail.example.com
TEL;VALUE=uri;TYPE="voice,cell":tel:+34-600-000-111
ORG:Northwind Analytics\\, Inc.
TITLE:Head of People
ADR;TYPE=work;LABEL="Calle Mayor 1\\nMadrid":;;Calle Mayor 1;Madrid;Comunidad de Madrid;
 28013;Spain
X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/zoe-garcia
UID:urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1
END:VCARD"""


def persons(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


def test_versions_21_30_40_in_one_file(write):
    G, report = read_vcard(write(vcf(ANDROID_21, APPLE_30, CARD_40), name="contacts.vcf"))
    nk.validate_graph(G)
    assert (report.format, report.encoding, report.rows_read, report.contacts) == (
        "vcard",
        "utf-8",
        3,
        3,
    )
    assert report.balanced and not report.rejected and not report.problems
    assert report.counts == {
        "vCard 2.1 cards": 1,
        "vCard 3.0 cards": 1,
        "vCard 4.0 cards": 1,
        "emails": 6,
        "phones": 4,
        "linkedin profiles": 2,
    }
    assert persons(G) == [
        "li:giulia-de-luca-3a41b2",
        "li:zoe-garcia",
        "mail:nicolo.dangelo@edison.example.com",
    ]
    assert sorted(n for n, k in G.nodes(data="kind") if k == "organisation") == [
        "org:edison",
        "org:enel",
        "org:northwind analytics",
    ]
    nicolo = G.nodes["mail:nicolo.dangelo@edison.example.com"]
    assert nicolo == {
        "kind": "person",
        "sources": "vcard",
        "name": "Nicolò D'Angelo",
        "first_name": "Nicolò",
        "last_name": "D'Angelo",
        "emails": "nicolo.dangelo@edison.example.com;nicolo@example.it",  # PREF first
        "phones": "+39 02 555 0101;+39 333 123 4567",  # PREF first, no fax
        "company": "Edison S.p.A.",
        "department": "Efficienza Energetica",
        "position": "Responsabile Qualità",
        "city": "Milano",
        "region": "MI",
        "country": "Italia",  # joined across the soft line break
        "location": "Milano, MI, Italia",
        "notes": "Conosciuto a Ecomondo Rimini, novembre",
    }
    giulia = G.nodes["li:giulia-de-luca-3a41b2"]
    assert giulia["name"] == "Giulia Anna De Luca"
    assert (giulia["first_name"], giulia["last_name"]) == ("Giulia Anna", "De Luca")
    assert giulia["emails"] == "giulia.deluca@enel.example.com;giulia.dl@mail.example.com"
    assert giulia["linkedin_url"] == "https://www.linkedin.com/in/giulia-de-luca-3a41b2"
    assert giulia["location"] == "Roma, Lazio, Italy"  # the work address, not the first
    assert giulia["notes"] == (
        "Incontrata al KEY Energy 2023, Rimini. Chiede del progetto Milano Nord; "
        "richiamare a maggio."
    )
    assert giulia["labels"] == "Clienti;Energia, rinnovabili"
    assert (giulia["company"], giulia["department"]) == ("Enel S.p.A.", "Risorse Umane")
    zoe = G.nodes["li:zoe-garcia"]
    assert zoe["emails"] == "zoe.garcia@mail.example.com;zoe@northwind.example.com"
    assert zoe["phones"] == "+34-600-000-111"
    assert zoe["company"] == "Northwind Analytics, Inc."
    assert zoe["location"] == "Madrid, Comunidad de Madrid, Spain"
    assert G.nodes["org:northwind analytics"]["name"] == "Northwind Analytics, Inc."
    assert G.edges["ego", "li:zoe-garcia"] == {"sources": "vcard", "channels": "phonebook"}
    assert G.edges["li:zoe-garcia", "org:northwind analytics"]["title"] == "Head of People"
    assert G.graph["sources"] == "vcard:contacts.vcf:3:0"


def test_lf_line_endings_tab_folding_and_a_bom(write):
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Laura\n\tVerdi\nEMAIL:laura@example.com\nEND:VCARD"
    G, report = read_vcard(write(b"\xef\xbb\xbf" + card.encode(), name="one.vcf"))
    assert G.nodes["mail:laura@example.com"]["name"] == "LauraVerdi"  # fold removes the tab
    assert report.encoding == "utf-8-sig"


def test_cp1252_file_with_a_21_latin1_card(write):
    card = vcf(
        "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1:Müller;Jörg\nTEL:+49 30 1\nEND:VCARD"
    )
    G, report = read_vcard(write(card.encode("cp1252"), name="old.vcf"))
    assert persons(G) == ["name:jorg muller"]
    assert G.nodes["name:jorg muller"]["name"] == "Jörg Müller"
    assert report.notes == [
        "read as cp1252 (not UTF-8)",
        "1 cards have no FN (formatted name): their name was built from N",
    ]


GOOD_A = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Neri\nEMAIL:anna@example.com\nEND:VCARD"
GOOD_B = "BEGIN:VCARD\nVERSION:3.0\nFN:Bruno Gialli\nTEL:+39 02 1\nEND:VCARD"


def test_broken_cards_are_rejected_with_their_line_and_the_others_import(write):
    text = vcf(
        GOOD_A,  # lines 1-5
        "BEGIN:VCARD\nVERSION:3.0\nFN:Carla Blu\nthis line has no colon\nEND:VCARD",  # 6-10
        GOOD_B,  # 11-15
        "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE:Rossi;M=ZZrio\nEND:VCARD",  # 16-19
        "VERSION:3.0\nFN:Lost Start\nEND:VCARD",  # 20-22: BEGIN is missing
        "BEGIN:VCARD\nVERSION:3.0\nFN:Cut\n",  # 23-25: BEGIN again before END
        "BEGIN:VCARD\nVERSION:2.1\nNOTE;ENCODING=QUOTED-PRINTABLE:fine=\nEND:VCARD",  # 26-29
        "BEGIN:VCARD\nVERSION:3.0\nFN:Dario\n :x\nEMAIL:dario@example.com\n",  # 30-: no END
    )
    G, report = read_vcard(write(text, name="mixed.vcf"))
    nk.validate_graph(G)
    assert persons(G) == ["mail:anna@example.com", "name:bruno gialli"]
    assert [(r.line, r.reason) for r in report.rejected] == [
        (6, "line 9: no ':' between a property name and its value"),
        (16, "line 18: '=ZZ' is not a quoted-printable escape (=XX)"),
        (20, "END:VCARD on line 22 without BEGIN:VCARD: the start of the card is missing"),
        (23, "no END:VCARD before the next BEGIN:VCARD on line 26: the card is cut short"),
        (
            26,
            "line 28: a quoted-printable value ends with a soft line break '=' and nothing "
            "follows it",
        ),
        (30, "the card never ends (no END:VCARD): is the file cut short?"),
    ]
    assert report.rejected[0].text == "this line has no colon"
    assert (report.rows_read, report.accepted) == (8, 2)
    assert report.balanced
    assert G.graph["sources"] == "vcard:mixed.vcf:8:6"


def test_on_bad_rows_error_raises_at_the_first_broken_card(write):
    text = vcf(GOOD_A, "BEGIN:VCARD\nVERSION:3.0\nFN:X\nbroken\nEND:VCARD")
    with pytest.raises(nk.ParseError, match=r"bad\.vcf, line 6: line 9: no ':'") as info:
        read_vcard(write(text, name="bad.vcf"), on_bad_rows="error")
    assert info.value.line == 6
    with pytest.raises(ValueError, match="on_bad_rows"):
        read_vcard(write(text, name="bad.vcf"), on_bad_rows="warn")  # type: ignore[arg-type]


def test_duplicates_groups_and_company_cards(write):
    text = vcf(
        # 1-7: Mario, found again below by email and by UID
        "BEGIN:VCARD\nVERSION:3.0\nFN:Mario Rossi\nUID:abc-1\nEMAIL:mario@enel.example.com\n"
        "TEL:+39 333 1\nEND:VCARD",
        # 8-14: same email, brings a LinkedIn URL and another phone
        "BEGIN:VCARD\nVERSION:3.0\nFN:Mario Rossi\nEMAIL;TYPE=work:MARIO@enel.example.com\n"
        "TEL:+39 06 2\nURL:linkedin.com/in/mario-rossi\nEND:VCARD",
        # 15-19: same UID, nothing new
        "BEGIN:VCARD\nVERSION:3.0\nFN:M. Rossi\nUID:abc-1\nEND:VCARD",
        # 20-25: a homonym with another email: another person
        "BEGIN:VCARD\nVERSION:3.0\nFN:Mario Rossi\nN:Rossi;Mario;;;\n"
        "EMAIL:mario.rossi@intesa.example.com\nEND:VCARD",
        # 26-32: an Apple company card
        "BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nFN:Pirelli & C. S.p.A.\nORG:Pirelli & C. S.p.A.;\n"
        "X-ABShowAs:COMPANY\nEND:VCARD",
        # 33-38: a card whose FN is only its ORG, with a switchboard number
        "BEGIN:VCARD\nVERSION:3.0\nFN:ERG\nORG:ERG\nTEL:+39 010 1\nEND:VCARD",
        # 39-44: an Apple contact group
        "BEGIN:VCARD\nVERSION:3.0\nFN:Clienti\nX-ADDRESSBOOKSERVER-KIND:group\n"
        "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:abc-1\nEND:VCARD",
        # 45-48: nothing that says who it is
        "BEGIN:VCARD\nVERSION:4.0\nNOTE:chiamare\nEND:VCARD",
    )
    G, report = read_vcard(write(text, name="book.vcf"))
    nk.validate_graph(G)
    assert persons(G) == ["li:mario-rossi", "mail:mario.rossi@intesa.example.com"]
    mario = G.nodes["li:mario-rossi"]
    assert mario["emails"] == "mario@enel.example.com"
    assert mario["phones"] == "+39 333 1;+39 06 2"
    assert [(d.line, d.reason) for d in report.duplicates] == [
        (
            8,
            "same email mario@enel.example.com as line 1: merged into it (added phones "
            "+39 06 2; LinkedIn profile mario-rossi)",
        ),
        (15, "same UID abc-1 as line 1: merged into it (nothing new in it)"),
    ]
    assert [(r.line, r.reason) for r in report.rejected] == [
        (26, "no person: only an organisation (Pirelli & C. S.p.A.)"),
        (33, "no person: only an organisation (ERG)"),
        (45, "no name, email or phone: nothing says who this is"),
    ]
    assert report.skipped == {"a contact group, not a person": 1}
    assert report.notes == [
        "same name 'Mario Rossi' with different emails or details: kept as 2 people "
        "(line 1 (li:mario-rossi), line 20 (mail:mario.rossi@intesa.example.com))"
    ]
    assert (report.rows_read, report.accepted) == (8, 2) and report.balanced


def test_linkedin_profile_from_apple_social_profile_without_url(write):
    card = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Sam Okafor\n"
        "X-SOCIALPROFILE;type=linkedin;x-user=sam-okafor:x-apple:sam-okafor\n"
        "item1.URL:Sam-Okafor-2\nitem1.X-ABLabel:LinkedIn\nEND:VCARD"
    )
    G, _ = read_vcard(write(vcf(card), name="sam.vcf"))
    assert persons(G) == ["li:sam-okafor"]


def test_nested_agent_card_and_stray_lines(write):
    text = vcf(
        "junk before the first card",
        "BEGIN:VCARD\nVERSION:2.1\nN:Smith;John\nAGENT:\nBEGIN:VCARD\nVERSION:2.1\n"
        "N:Friday;Fred\nEND:VCARD\nEMAIL:john@example.com\nEND:VCARD",
    )
    G, report = read_vcard(write(text, name="agent.vcf"))
    assert persons(G) == ["mail:john@example.com"]
    assert G.nodes["mail:john@example.com"]["name"] == "John Smith"
    assert report.rows_read == 1
    assert "1 lines outside any card were ignored (the first is line 1)" in report.notes


def test_parsing_gives_one_entry_per_card():
    source = Source("c.vcf", vcf(APPLE_30).encode())
    [entry], report = parse_vcards(source)
    assert entry.line == 1 and entry.text == "FN:Giulia Anna De Luca"
    assert entry.uid == "8C3E2F0A-1B2C-4D5E-9F00-ABCDEF012345"
    assert entry.urls[0] == "https://www.linkedin.com/in/giulia-de-luca-3a41b2"
    assert report.counts == {"vCard 3.0 cards": 1}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\xef\xbb\xbf\r\n", "the file is empty"),
        (b"Nome,Cognome\nAda,Lovelace\n", "has no BEGIN:VCARD line"),
        (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "has no BEGIN:VCARD line"),
    ],
    ids=["empty", "only-bom", "csv", "icalendar"],
)
def test_whole_file_problems(write, content, message):
    with pytest.raises(nk.UnsupportedFormat, match=rf"contacts\.vcf: {message}"):
        read_vcard(write(content, name="contacts.vcf"))


def test_sniff():
    def head(text: str) -> bool:
        return sniff(Source("x", text.encode()), None, text)

    assert head(vcf(GOOD_A))
    assert head("\r\n\r\n  begin:vcard\r\n")
    assert not head("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n")
    assert not head("From a@b Mon Jan  1 00:00:00 2024\nBEGIN:VCARD\n")  # mbox with a card
    assert not head("First Name,Last Name\n")
    assert not head("")
    assert not sniff(Source("x", b""), "zip", vcf(GOOD_A))
