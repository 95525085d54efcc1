"""Google Contacts and Outlook CSV: every layout, the duplicate rule and bad input."""

from __future__ import annotations

import csv
import io

import pytest

import netkit as nk
from netkit.io._text import Source
from netkit.io.addressbook import (
    Entry,
    build_address_book,
    parse_google_contacts,
    read_google_contacts,
    read_outlook_contacts,
    sniff_google,
    sniff_outlook,
)
from netkit.io.report import ImportReport
from tests.conftest import HEADER_2021, HEADER_CURRENT, connections_csv

# Google's current "Google CSV" export (2023-): only the numbered columns some contact uses.
GOOGLE_CURRENT = [
    *("First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name"),
    *("Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As"),
    *("Organization Name", "Organization Title", "Organization Department", "Birthday"),
    *("Notes", "Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value", "E-mail 2 - Label"),
    *("E-mail 2 - Value", "Phone 1 - Label", "Phone 1 - Value", "Phone 2 - Label"),
    *("Phone 2 - Value", "Address 1 - Label", "Address 1 - Formatted", "Address 1 - Street"),
    *("Address 1 - City", "Address 1 - PO Box", "Address 1 - Region", "Address 1 - Postal Code"),
    *("Address 1 - Country", "Address 1 - Extended Address", "Address 2 - Label"),
    *("Address 2 - Formatted", "Address 2 - Street", "Address 2 - City", "Address 2 - PO Box"),
    *("Address 2 - Region", "Address 2 - Postal Code", "Address 2 - Country"),
    *("Address 2 - Extended Address", "Website 1 - Label", "Website 1 - Value"),
]
# The legacy export (before about 2020).
GOOGLE_LEGACY = [
    *("Name", "Given Name", "Additional Name", "Family Name", "Yomi Name", "Given Name Yomi"),
    *("Additional Name Yomi", "Family Name Yomi", "Name Prefix", "Name Suffix", "Initials"),
    *("Nickname", "Short Name", "Maiden Name", "Birthday", "Gender", "Location"),
    *("Billing Information", "Directory Server", "Mileage", "Occupation", "Hobby"),
    *("Sensitivity", "Priority", "Subject", "Notes", "Language", "Photo", "Group Membership"),
    *("E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Type", "E-mail 2 - Value"),
    *("Phone 1 - Type", "Phone 1 - Value", "Address 1 - Type", "Address 1 - Formatted"),
    *("Address 1 - Street", "Address 1 - City", "Address 1 - PO Box", "Address 1 - Region"),
    *("Address 1 - Postal Code", "Address 1 - Country", "Address 1 - Extended Address"),
    *("Organization 1 - Type", "Organization 1 - Name", "Organization 1 - Yomi Name"),
    *("Organization 1 - Title", "Organization 1 - Department", "Organization 1 - Symbol"),
    *("Organization 1 - Location", "Organization 1 - Job Description", "Website 1 - Type"),
    "Website 1 - Value",
]
# Outlook desktop, File → Open & Export → Export to a file → Comma Separated Values.
OUTLOOK_DESKTOP = [
    *("Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department"),
    *("Job Title", "Business Street", "Business Street 2", "Business Street 3", "Business City"),
    *("Business State", "Business Postal Code", "Business Country/Region", "Home Street"),
    *("Home Street 2", "Home Street 3", "Home City", "Home State", "Home Postal Code"),
    *("Home Country/Region", "Other Street", "Other Street 2", "Other Street 3", "Other City"),
    *("Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone"),
    *("Business Fax", "Business Phone", "Business Phone 2", "Callback", "Car Phone"),
    *("Company Main Phone", "Home Fax", "Home Phone", "Home Phone 2", "ISDN", "Mobile Phone"),
    *("Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone"),
    *("Telex", "Account", "Anniversary", "Assistant's Name", "Billing Information", "Birthday"),
    *("Business Address PO Box", "Categories", "Children", "Directory Server"),
    *("E-mail Address", "E-mail Type", "E-mail Display Name", "E-mail 2 Address"),
    *("E-mail 2 Type", "E-mail 2 Display Name", "E-mail 3 Address", "E-mail 3 Type"),
    *("E-mail 3 Display Name", "Gender", "Government ID Number", "Hobby"),
    *("Home Address PO Box", "Initials", "Internet Free Busy", "Keywords", "Language"),
    *("Location", "Manager's Name", "Mileage", "Notes", "Office Location"),
    *("Organizational ID Number", "Other Address PO Box", "Priority", "Private"),
    *("Profession", "Referred By", "Sensitivity", "Spouse", "User 1", "User 2", "User 3"),
    *("User 4", "Web Page"),
]
# Outlook.com (and Google's "Outlook CSV" export).
OUTLOOK_COM = [
    *("First Name", "Middle Name", "Last Name", "Title", "Suffix", "Nickname", "Given Yomi"),
    *("Surname Yomi", "E-mail Address", "E-mail 2 Address", "E-mail 3 Address", "Home Phone"),
    *("Home Phone 2", "Business Phone", "Business Phone 2", "Mobile Phone", "Car Phone"),
    *("Other Phone", "Primary Phone", "Pager", "Business Fax", "Home Fax", "Other Fax"),
    *("Company Main Phone", "Callback", "Radio Phone", "Telex", "TTY/TDD Phone", "IMAddress"),
    *("Job Title", "Department", "Company", "Office Location", "Manager's Name"),
    *("Assistant's Name", "Assistant's Phone", "Company Yomi", "Business Street"),
    *("Business City", "Business State", "Business Postal Code", "Business Country/Region"),
    *("Home Street", "Home City", "Home State", "Home Postal Code", "Home Country/Region"),
    *("Other Street", "Other City", "Other State", "Other Postal Code"),
    *("Other Country/Region", "Personal Web Page", "Spouse", "Schools", "Hobby", "Location"),
    *("Web Page", "Birthday", "Anniversary", "Notes", "Categories"),
]
# The older live.com / Hotmail export.
OUTLOOK_LIVE = [
    *("Title", "First Name", "Middle Name", "Last Name", "Suffix", "Given Name Yomi"),
    *("Family Name Yomi", "Home Street", "Home City", "Home State", "Home Postal Code"),
    *("Home Country", "Company", "Department", "Job Title", "Office Location"),
    *("Business Street", "Business City", "Business State", "Business Postal Code"),
    *("Business Country", "Other Street", "Other City", "Other State", "Other Postal Code"),
    *("Other Country", "Assistant's Phone", "Business Fax", "Business Phone"),
    *("Business Phone 2", "Callback", "Car Phone", "Company Main Phone", "Home Fax"),
    *("Home Phone", "Home Phone 2", "ISDN", "Mobile Phone", "Other Fax", "Other Phone"),
    *("Pager", "Primary Phone", "Radio Phone", "TTY/TDD Phone", "Telex", "Anniversary"),
    *("Birthday", "E-mail Address", "E-mail Type", "E-mail 2 Address", "E-mail 2 Type"),
    *("E-mail 3 Address", "E-mail 3 Type", "Notes", "Spouse", "Web Page"),
]


def table(
    header: list[str],
    rows: list[dict[str, str]],
    *,
    quote_all: bool = False,
    delimiter: str = ",",
    newline: str = "\r\n",
) -> str:
    """A CSV as the exporter writes it: every column of ``header``, values by name."""
    for row in rows:
        unknown = set(row) - set(header)
        assert not unknown, f"fixture names columns the header lacks: {unknown}"
    out = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline, quoting=quoting)
    writer.writerow(header)
    writer.writerows([row.get(column, "") for column in header] for row in rows)
    return out.getvalue()


def persons(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


def organisations(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "organisation")


GIULIA_G = {
    "First Name": "Giulia",
    "Last Name": "De Luca",
    "Name Prefix": "Dott.ssa",
    "File As": "De Luca, Giulia",
    "Organization Name": "Enel S.p.A.",
    "Organization Title": "HR Business Partner",
    "Organization Department": "Risorse Umane",
    "Notes": "Conosciuta al KEY Energy 2023.\nChiede del progetto Milano-Nord.",
    "Labels": "* myContacts ::: * starred ::: Clienti",
    "E-mail 1 - Label": "* Work",
    "E-mail 1 - Value": "Giulia.DeLuca@enel.example.com",
    "E-mail 2 - Label": "Home",
    "E-mail 2 - Value": "giulia.dl@mail.example.com",
    "Phone 1 - Label": "Mobile",
    "Phone 1 - Value": "+39 333 111 2233",
    "Phone 2 - Label": "Work",
    "Phone 2 - Value": "+39 06 8305 1 ::: +39 06 8305 2000",
    "Address 1 - Label": "Home",
    "Address 1 - Formatted": "Via Po 3\n10124 Torino TO\nItalia",
    "Address 1 - Street": "Via Po 3",
    "Address 1 - City": "Torino",
    "Address 1 - Region": "TO",
    "Address 1 - Postal Code": "10124",
    "Address 1 - Country": "Italia",
    "Address 2 - Label": "Work",
    "Address 2 - Street": "Viale Regina Margherita 137",
    "Address 2 - City": "Roma",
    "Address 2 - Region": "Lazio",
    "Address 2 - Postal Code": "00198",
    "Address 2 - Country": "Italy",
    "Website 1 - Label": "LinkedIn",
    "Website 1 - Value": "https://it.linkedin.com/in/Giulia-De-Luca-3a41b2/",
}
NICOLO_G = {
    "First Name": "Nicolò",
    "Middle Name": "Maria",
    "Last Name": "D'Angelo",
    "Organization Name": "Edison",
    "Organization Title": "Energy Manager",
    "Labels": "* myContacts",
    "E-mail 1 - Label": "Home",
    "E-mail 1 - Value": "nicolo@example.it",
    "E-mail 2 - Label": "* Work",
    "E-mail 2 - Value": "N.DAngelo@edison.example.com",
    "Address 1 - Label": "Home",
    "Address 1 - City": "Milano",
    "Address 1 - Country": "Italia",
}


def test_google_current_export(write):
    rows = [
        GIULIA_G,
        NICOLO_G,
        {"First Name": "Sam", "Last Name": "Okafor", "Phone 1 - Value": "+44 20 7946 0000"},
        {
            "File As": "Pirelli",
            "Organization Name": "Pirelli & C. S.p.A.",
            "Phone 1 - Label": "Work",
            "Phone 1 - Value": "+39 02 6442 1",
        },
        {"Labels": "* myContacts", "Notes": "chiamare lunedì"},
    ]
    G, report = read_google_contacts(write(table(GOOGLE_CURRENT, rows), name="contacts.csv"))
    nk.validate_graph(G)
    assert report.format == "google-contacts"
    assert (report.encoding, report.delimiter, report.header_line) == ("utf-8", "comma", 1)
    # Giulia's row spans lines 2-5 (quoted newlines in her notes and address)
    assert (report.rows_read, report.accepted) == (5, 3)
    assert (report.contacts, report.organisations) == (3, 2)
    assert report.balanced and not report.duplicates and not report.problems
    assert persons(G) == [
        "li:giulia-de-luca-3a41b2",
        "mail:n.dangelo@edison.example.com",
        "name:sam okafor",
    ]
    assert organisations(G) == ["org:edison", "org:enel"]
    giulia = G.nodes["li:giulia-de-luca-3a41b2"]
    assert giulia == {
        "kind": "person",
        "sources": "google-contacts",
        "name": "Giulia De Luca",
        "first_name": "Giulia",
        "last_name": "De Luca",
        "emails": "giulia.deluca@enel.example.com;giulia.dl@mail.example.com",
        "phones": "+39 333 111 2233;+39 06 8305 1;+39 06 8305 2000",
        "linkedin_url": "https://www.linkedin.com/in/giulia-de-luca-3a41b2",
        "labels": "starred;Clienti",
        "company": "Enel S.p.A.",
        "department": "Risorse Umane",
        "position": "HR Business Partner",
        "city": "Roma",  # the work address, although the home address comes first
        "region": "Lazio",
        "country": "Italy",
        "location": "Roma, Lazio, Italy",
        "notes": "Conosciuta al KEY Energy 2023. Chiede del progetto Milano-Nord.",
    }
    nicolo = G.nodes["mail:n.dangelo@edison.example.com"]
    assert nicolo["name"] == "Nicolò Maria D'Angelo"
    assert nicolo["first_name"] == "Nicolò Maria"
    assert nicolo["emails"] == "n.dangelo@edison.example.com;nicolo@example.it"  # * = preferred
    assert nicolo["location"] == "Milano, Italia"  # no work address: the first one
    assert "labels" not in nicolo  # only Google's all-contacts group
    assert G.nodes["name:sam okafor"]["phones"] == "+44 20 7946 0000"
    # the owner's tie: phonebook, no date, no counts
    assert G.edges["ego", "li:giulia-de-luca-3a41b2"] == {
        "sources": "google-contacts",
        "channels": "phonebook",
    }
    assert G.edges["li:giulia-de-luca-3a41b2", "org:enel"]["title"] == "HR Business Partner"
    assert G.edges["mail:n.dangelo@edison.example.com", "org:edison"]["current"] is True
    assert [(r.line, r.reason) for r in report.rejected] == [
        (8, "no person: only an organisation (Pirelli & C. S.p.A.)"),
        (9, "no name, email or phone: nothing says who this is"),
    ]
    assert report.rejected[0].text.startswith("Pirelli,Pirelli & C. S.p.A.,Work")
    assert report.counts == {"emails": 4, "phones": 4, "linkedin profiles": 1}
    assert G.graph["sources"] == "google-contacts:contacts.csv:5:2"


def test_google_legacy_export(write):
    rows = [
        {
            "Name": "Dott. Marco Bianchi",
            "Given Name": "Marco",
            "Family Name": "Bianchi",
            "Group Membership": "* My Contacts ::: Fornitori ::: Milano",
            "E-mail 1 - Type": "* Work",
            "E-mail 1 - Value": "marco.bianchi@erg.example.com",
            "E-mail 2 - Type": "Other",
            "E-mail 2 - Value": "mbianchi@mail.example.com ::: marco@old.example.com",
            "Phone 1 - Type": "Mobile",
            "Phone 1 - Value": "+39 347 000 1111",
            "Address 1 - Type": "Work",
            "Address 1 - City": "Genova",
            "Address 1 - Region": "Liguria",
            "Address 1 - Country": "Italy",
            "Organization 1 - Type": "",
            "Organization 1 - Name": "ERG S.p.A.",
            "Organization 1 - Title": "Analyst",
            "Organization 1 - Department": "Trading",
            "Website 1 - Type": "Profile",
            "Website 1 - Value": "http://www.linkedin.com/in/mbianchi",
        },
        {"Name": "Laura Verdi", "E-mail 1 - Type": "* ", "E-mail 1 - Value": "laura@example.com"},
    ]
    G, report = read_google_contacts(write(table(GOOGLE_LEGACY, rows), name="google.csv"))
    nk.validate_graph(G)
    assert persons(G) == ["li:mbianchi", "mail:laura@example.com"]
    marco = G.nodes["li:mbianchi"]
    assert marco["name"] == "Marco Bianchi"  # from the parts; the prefix stays out
    assert marco["emails"] == (
        "marco.bianchi@erg.example.com;mbianchi@mail.example.com;marco@old.example.com"
    )
    assert (marco["company"], marco["position"], marco["department"]) == (
        "ERG S.p.A.",
        "Analyst",
        "Trading",
    )
    assert marco["labels"] == "Fornitori;Milano"
    assert marco["location"] == "Genova, Liguria, Italy"
    laura = G.nodes["mail:laura@example.com"]
    assert laura["name"] == "Laura Verdi" and "first_name" not in laura
    assert report.balanced and (report.rows_read, report.contacts) == (2, 2)


OUTLOOK_ROWS = [
    {
        "Title": "Ing.",
        "First Name": "Nicolò",
        "Last Name": "Ferri",
        "Company": "Terna S.p.A.",
        "Department": "Dispacciamento",
        "Job Title": "Responsabile Sala Controllo",
        "Business Street": "Viale Egidio Galbani 70",
        "Business City": "Roma",
        "Business State": "RM",
        "Business Postal Code": "00156",
        "Business Country/Region": "Italia",
        "Business Country": "Italia",
        "Home City": "Frascati",
        "Business Fax": "+39 06 8313 9999",
        "Business Phone": "+39 06 8313 8000",
        "Mobile Phone": "+39 335 765 4321",
        "Assistant's Phone": "+39 06 8313 8001",
        "Categories": "Clienti;Energia",
        "E-mail Address": "nicolo.ferri@terna.example.com",
        "E-mail Type": "SMTP",
        "E-mail Display Name": "Nicolò Ferri (nicolo.ferri@terna.example.com)",
        "E-mail 2 Address": "NFerri@mail.example.com",
        "Notes": "Incontrato a Roma, aprile.\r\nInteressato al monitoraggio.",
        "Web Page": "www.linkedin.com/in/nicolo-ferri",
        "Gender": "Unspecified",
        "Priority": "Normal",
        "Private": "False",
        "Sensitivity": "Normal",
        "Birthday": "0/0/00",
    },
    {
        "First Name": "Anna",
        "Last Name": "Neri",
        "Company": "Acme",
        "Home Phone": "02 1234 5678",
        "E-mail Address": "anna.neri@example.com",
    },
]


@pytest.mark.parametrize(
    ("header", "quote_all"),
    [(OUTLOOK_DESKTOP, True), (OUTLOOK_COM, False), (OUTLOOK_LIVE, False)],
    ids=["desktop", "outlook.com", "live.com"],
)
def test_outlook_layouts(write, header, quote_all):
    rows = [{k: v for k, v in row.items() if k in header} for row in OUTLOOK_ROWS]
    text = table(header, rows, quote_all=quote_all)
    G, report = read_outlook_contacts(write(text, name="contacts.csv"))
    nk.validate_graph(G)
    assert (report.format, report.rows_read, report.contacts) == ("outlook-contacts", 2, 2)
    assert report.balanced and not report.rejected and not report.problems
    assert persons(G) == ["li:nicolo-ferri", "mail:anna.neri@example.com"]
    assert organisations(G) == ["org:acme", "org:terna"]
    nicolo = G.nodes["li:nicolo-ferri"]
    assert nicolo["name"] == "Nicolò Ferri"
    assert nicolo["emails"] == "nicolo.ferri@terna.example.com;nferri@mail.example.com"
    # mobile first, then business; no fax and no assistant's number
    assert nicolo["phones"] == "+39 335 765 4321;+39 06 8313 8000"
    assert (nicolo["company"], nicolo["department"], nicolo["position"]) == (
        "Terna S.p.A.",
        "Dispacciamento",
        "Responsabile Sala Controllo",
    )
    assert nicolo["location"] == "Roma, RM, Italia"  # the business address, not home
    assert nicolo["linkedin_url"] == "https://www.linkedin.com/in/nicolo-ferri"
    assert nicolo["notes"] == "Incontrato a Roma, aprile. Interessato al monitoraggio."
    if "Categories" in header:
        assert nicolo["labels"] == "Clienti;Energia"
    else:
        assert "labels" not in nicolo
    assert G.nodes["mail:anna.neri@example.com"]["phones"] == "02 1234 5678"
    assert G.edges["ego", "li:nicolo-ferri"] == {
        "sources": "outlook-contacts",
        "channels": "phonebook",
    }
    assert G.edges["li:nicolo-ferri", "org:terna"]["title"] == "Responsabile Sala Controllo"


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [("cp1252", b"", ","), ("utf-8", b"\xef\xbb\xbf", ","), ("cp1252", b"", ";")],
    ids=["cp1252", "utf8-bom", "cp1252-semicolon"],
)
def test_outlook_encodings(write, encoding, bom, delimiter):
    rows = [{k: v for k, v in row.items() if k in OUTLOOK_DESKTOP} for row in OUTLOOK_ROWS]
    text = table(OUTLOOK_DESKTOP, rows, quote_all=True, delimiter=delimiter)
    G, report = read_outlook_contacts(write(bom + text.encode(encoding), name="contacts.csv"))
    assert G.nodes["li:nicolo-ferri"]["name"] == "Nicolò Ferri"
    assert report.delimiter == {",": "comma", ";": "semicolon"}[delimiter]
    assert report.contacts == 2
    assert not any("\ufeff" in str(v) for _, d in G.nodes(data=True) for v in d.values())
    assert (encoding == "cp1252") == ("read as cp1252 (not UTF-8)" in report.notes)


def test_duplicates_merge_into_the_first_entry_and_homonyms_stay_apart(write):
    rows = [
        {  # line 2
            "First Name": "Mario",
            "Last Name": "Rossi",
            "Organization Name": "Enel",
            "E-mail 1 - Value": "mario.rossi@enel.example.com",
            "Phone 1 - Value": "+39 333 000 0001",
        },
        {  # line 3: another Mario Rossi, another email: a different person
            "First Name": "Mario",
            "Last Name": "Rossi",
            "Organization Name": "Intesa Sanpaolo",
            "E-mail 1 - Value": "mario.rossi@intesa.example.com",
        },
        {  # line 4: the first Mario again, with more details
            "First Name": "Mario",
            "Last Name": "Rossi",
            "E-mail 1 - Value": "MARIO.ROSSI@enel.example.com",
            "E-mail 2 - Value": "mrossi@mail.example.com",
            "Phone 1 - Value": "+39 333 0000001",  # the same number, written otherwise
            "Phone 2 - Value": "+39 06 555 0101",
            "Website 1 - Value": "https://www.linkedin.com/in/mario-rossi-enel",
            "Labels": "Colleghi",
        },
        {  # line 5: found by the email the duplicate brought
            "First Name": "M.",
            "Last Name": "Rossi",
            "E-mail 1 - Value": "mrossi@mail.example.com",
        },
        {"First Name": "Luca", "Last Name": "Bianchi", "Phone 1 - Value": "+39 340 1"},  # 6
        {"First Name": "Luca", "Last Name": "Bianchi", "Phone 1 - Value": "+39 340 2"},  # 7
        {"First Name": "Luca", "Last Name": "Bianchi", "Phone 1 - Value": "+39 340 1"},  # 8
    ]
    G, report = read_google_contacts(write(table(GOOGLE_CURRENT, rows), name="c.csv"))
    nk.validate_graph(G)
    assert (report.rows_read, report.accepted, len(report.duplicates)) == (7, 4, 3)
    assert report.balanced
    # the LinkedIn URL came with the duplicate: the merged entry takes the li: id
    assert persons(G) == [
        "li:mario-rossi-enel",
        "mail:mario.rossi@intesa.example.com",
        "name:luca bianchi",
        "name:luca bianchi#2",
    ]
    mario = G.nodes["li:mario-rossi-enel"]
    assert mario["emails"] == "mario.rossi@enel.example.com;mrossi@mail.example.com"
    assert mario["phones"] == "+39 333 000 0001;+39 06 555 0101"
    assert mario["labels"] == "Colleghi"
    assert mario["company"] == "Enel"
    assert [(d.line, d.reason) for d in report.duplicates] == [
        (
            4,
            "same email mario.rossi@enel.example.com as line 2: merged into it (added emails "
            "mrossi@mail.example.com; phones +39 06 555 0101; LinkedIn profile mario-rossi-enel)",
        ),
        (5, "same email mrossi@mail.example.com as line 2: merged into it (nothing new in it)"),
        (8, "same name and details as line 6: merged into it (nothing new in it)"),
    ]
    assert report.notes == [
        "same name 'Mario Rossi' with different emails or details: kept as 2 people "
        "(line 2 (li:mario-rossi-enel), line 3 (mail:mario.rossi@intesa.example.com))",
        "same name 'Luca Bianchi' with different emails or details: kept as 2 people "
        "(line 6 (name:luca bianchi), line 7 (name:luca bianchi#2))",
    ]


def test_same_linkedin_profile_is_a_duplicate(write):
    rows = [
        {"First Name": "Ada", "Website 1 - Value": "linkedin.com/in/ada", "Phone 1 - Value": "1"},
        {
            "First Name": "Ada L.",
            "E-mail 1 - Value": "ada@example.com",
            "Website 1 - Value": "https://www.linkedin.com/in/ADA/",
        },
    ]
    G, report = read_google_contacts(write(table(GOOGLE_CURRENT, rows), name="c.csv"))
    assert persons(G) == ["li:ada"]
    assert G.nodes["li:ada"]["emails"] == "ada@example.com"
    assert G.nodes["li:ada"]["name"] == "Ada"
    [dup] = report.duplicates
    assert dup.line == 3
    assert dup.reason == (
        "same LinkedIn profile ada as line 2: merged into it (added emails ada@example.com)"
    )


def test_a_duplicate_of_two_entries_does_not_fuse_them(write):
    rows = [
        {"First Name": "Ada", "E-mail 1 - Value": "ada@example.com"},
        {
            "First Name": "Ada",
            "Last Name": "Lovelace",
            "E-mail 1 - Value": "ada.l@example.com",
            "Website 1 - Value": "https://www.linkedin.com/in/ada-l",
        },
        {  # her profile, but also the first entry's email
            "First Name": "Ada",
            "E-mail 1 - Value": "ada@example.com",
            "E-mail 2 - Value": "ada@work.example.com",
            "Website 1 - Value": "https://www.linkedin.com/in/ada-l",
        },
        {  # the first entry's email with another profile
            "First Name": "Ada",
            "E-mail 1 - Value": "ada@example.com",
            "Website 1 - Value": "https://www.linkedin.com/in/someone-else",
        },
    ]
    G, report = read_google_contacts(write(table(GOOGLE_CURRENT, rows), name="c.csv"))
    # line 2 gained a profile from line 5, so its id is li: too
    assert persons(G) == ["li:ada-l", "li:someone-else"]
    assert G.nodes["li:someone-else"]["emails"] == "ada@example.com"
    assert G.nodes["li:ada-l"]["emails"] == "ada.l@example.com;ada@work.example.com"
    assert [(d.line, d.reason) for d in report.duplicates] == [
        (
            4,
            "same LinkedIn profile ada-l as line 3: merged into it (added emails "
            "ada@work.example.com); its email ada@example.com is line 2's and stays there",
        ),
        (
            5,
            "same email ada@example.com as line 2: merged into it (added LinkedIn profile "
            "someone-else)",
        ),
    ]


def test_only_a_phone_and_bad_emails(write):
    rows = [
        {"Phone 1 - Value": "+39 02 1234 5678"},
        {"First Name": "Pia", "E-mail 1 - Value": "pia at example.com", "Phone 1 - Value": "0"},
        {"E-mail 1 - Value": "not-an-address"},
    ]
    G, report = read_google_contacts(write(table(GOOGLE_CURRENT, rows), name="c.csv"))
    nk.validate_graph(G)
    assert persons(G) == ["name:+390212345678", "name:pia"]
    assert "name" not in G.nodes["name:+390212345678"]
    assert "1 entries have only a phone number" in report.notes[0]
    assert [(p.line, p.reason) for p in report.problems] == [
        (3, "email 'pia at example.com' is not an address; left out")
    ]
    assert [(r.line, r.reason) for r in report.rejected] == [
        (
            4,
            "no name, phone or valid email (email 'not-an-address' is not an address; left out)",
        )
    ]
    assert report.balanced


def test_rows_with_the_wrong_number_of_fields_are_rejected(write):
    header = ["First Name", "Last Name", "Labels", "E-mail 1 - Label", "E-mail 1 - Value"]
    text = (
        "First Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value\n"
        "Ada,Lovelace,,,ada@example.com\n"
        "Bo,Neri,Acme, Inc,,bo@example.com\n"
        "Short,Row\n"
        'Broken,"Quote,,,x@example.com\n'
        "Eva,Rossi,,,eva@example.com,,\n"
    )
    assert header == text.splitlines()[0].split(",")
    G, report = read_google_contacts(write(text, name="c.csv"))
    assert persons(G) == ["mail:ada@example.com", "mail:eva@example.com"]
    assert [(r.line, r.reason) for r in report.rejected[:2]] == [
        (3, "has 6 fields where the header has 5: a delimiter inside a value that is not quoted?"),
        (4, "has 2 fields where the header has 5"),
    ]
    assert report.rejected[2].line == 5
    assert report.rejected[2].reason.startswith("a quote opened on this line is never closed")
    assert report.balanced and report.rows_read == 5


HEADS = {
    "google current": ",".join(GOOGLE_CURRENT),
    "google legacy": ",".join(GOOGLE_LEGACY),
    "google current, no emails or phones": "First Name,Last Name,File As,Labels",
    "google semicolons": ";".join(GOOGLE_CURRENT),
    "outlook desktop": ",".join(f'"{c}"' for c in OUTLOOK_DESKTOP),
    "outlook.com": ",".join(OUTLOOK_COM),
    "live.com": ",".join(OUTLOOK_LIVE),
    "outlook semicolons": ";".join(OUTLOOK_DESKTOP),
    "linkedin current": connections_csv([], header=HEADER_CURRENT),
    "linkedin 2021": connections_csv([], header=HEADER_2021),
    "linkedin before 2015": "First Name,Middle Name,Last Name,E-mail Address,Company,Job Title",
    "other csv": "Nome,Cognome,Telefono,Email\nAda,Lovelace,123,ada@example.com",
    "generic crm": "First Name,Last Name,Email,Mobile Phone",
    "vcard": "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n",
    "empty": "",
}


@pytest.mark.parametrize("name", HEADS)
def test_sniffers_tell_the_layouts_apart(name):
    head = HEADS[name] + "\r\n"
    source = Source("contacts.csv", head.encode())
    assert sniff_google(source, None, head) is name.startswith("google")
    outlook = name.startswith(("outlook", "live"))
    assert sniff_outlook(source, None, head) is outlook
    assert not sniff_google(source, "zip", head) and not sniff_outlook(source, "zip", head)


def test_neither_google_nor_outlook_is_refused_with_a_hint(write):
    other = write("Nome,Cognome,Telefono\nAda,Lovelace,123\n", name="rubrica.csv")
    with pytest.raises(nk.MissingColumns, match=r"rubrica\.csv: the first line \('Nome,Cognome"):
        read_google_contacts(other)
    with pytest.raises(nk.MissingColumns, match="not an Outlook contacts CSV header; export"):
        read_outlook_contacts(other)
    outlook = write(table(OUTLOOK_COM, OUTLOOK_ROWS[1:]), name="outlook.csv")
    with pytest.raises(nk.MissingColumns, match="read it with read_outlook_contacts"):
        read_google_contacts(outlook)
    google = write(table(GOOGLE_CURRENT, [NICOLO_G]), name="google.csv")
    with pytest.raises(nk.MissingColumns, match="read it with read_google_contacts"):
        read_outlook_contacts(google)
    linkedin = write(connections_csv([], header=HEADER_CURRENT), name="Connections.csv")
    with pytest.raises(
        nk.MissingColumns, match=r"LinkedIn's Connections\.csv: read it with read_linkedin"
    ):
        read_outlook_contacts(linkedin)


def test_an_explicit_outlook_read_accepts_a_trimmed_header(write):
    text = "First Name,Last Name,E-mail Address,Company,Job Title\nAda,Lovelace,ada@x.com,Enel,CFO"
    G, report = read_outlook_contacts(write(text, name="c.csv"))
    assert persons(G) == ["mail:ada@x.com"] and report.contacts == 1


@pytest.mark.parametrize("reader", [read_google_contacts, read_outlook_contacts])
@pytest.mark.parametrize("content", [b"", b"\r\n  \r\n", b"\xef\xbb\xbf"])
def test_empty_file(write, reader, content):
    with pytest.raises(nk.UnsupportedFormat, match=r"contacts\.csv: the file is empty"):
        reader(write(content, name="contacts.csv"))


def test_header_only_file_reads_no_one(write):
    G, report = read_google_contacts(write(",".join(GOOGLE_CURRENT) + "\n", name="c.csv"))
    assert (report.rows_read, report.contacts, sorted(G)) == (0, 0, ["ego"])


def test_a_zip_or_a_binary_file_is_refused(write):
    with pytest.raises(nk.UnsupportedFormat, match="unpack it"):
        read_outlook_contacts(write(b"PK\x05\x06" + b"\x00" * 18, name="contacts.zip"))
    with pytest.raises(nk.UnsupportedFormat, match="Excel"):
        read_google_contacts(write(b"\xd0\xcf\x11\xe0" + b"\x00" * 50, name="contacts.xls"))


def test_on_bad_rows_error_raises_at_the_first_rejected_row(write):
    text = table(GOOGLE_CURRENT, [NICOLO_G, {"Organization Name": "Acme"}])
    with pytest.raises(nk.ParseError, match=r"c\.csv, line 3: no person: only an organisation"):
        read_google_contacts(write(text, name="c.csv"), on_bad_rows="error")
    with pytest.raises(ValueError, match="on_bad_rows"):
        read_outlook_contacts(write(text, name="c.csv"), on_bad_rows="skip")  # type: ignore[arg-type]


def test_parsing_is_separate_from_building(write):
    path = write(table(GOOGLE_CURRENT, [GIULIA_G]), name="c.csv")
    [entry], report = parse_google_contacts(Source(str(path), path.read_bytes()))
    assert entry.line == 2
    assert entry.emails == ["Giulia.DeLuca@enel.example.com", "giulia.dl@mail.example.com"]
    assert entry.labels == ["starred", "Clienti"]
    assert (entry.city, entry.region, entry.country) == ("Roma", "Lazio", "Italy")
    assert report.rows_read == 0  # counted when the entries are built
    G = build_address_book([entry], report, ego_name="Io")
    assert report.rows_read == 1 and G.nodes["ego"]["name"] == "Io"


def test_build_rules_without_a_file():
    report = ImportReport(path="book", format="vcard")
    entries = [
        Entry(1, broken="line 2: no ':' between a property name and its value"),
        Entry(5, skip="a contact group, not a person"),
        Entry(9, full_name="Acme", company="Acme", organisation_only=True),
        Entry(12, first_name="Ada", uid="u-1"),
        Entry(20, first_name="Ada", last_name="L", uid="u-1", phones=["+39 1"]),
    ]
    G = build_address_book(entries, report)
    assert persons(G) == ["name:ada"]
    assert G.nodes["name:ada"]["phones"] == "+39 1"
    assert report.skipped == {"a contact group, not a person": 1}
    assert [d.reason for d in report.duplicates] == [
        "same UID u-1 as line 12: merged into it (added phones +39 1)"
    ]
    assert [r.line for r in report.rejected] == [1, 9]
    assert report.balanced and report.rows_read == 5
