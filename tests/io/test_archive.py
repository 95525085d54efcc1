"""LinkedIn's data archive: every member, every messages era, and hostile or damaged zips."""

from __future__ import annotations

import csv
import io
import struct
import zipfile

import pytest

import netkit as nk
from netkit.errors import ParseError, UnsupportedFormat
from netkit.io._text import Source
from netkit.io.archive import FORMAT, read_linkedin_archive, sniff
from tests.conftest import HEADER_2021, connections_csv

COMPLETE = "Complete_LinkedInDataExport_03-15-2026.zip"
BASIC = "Basic_LinkedInDataExport_01-02-2026.zip"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A CSV as LinkedIn writes the archive's files: minimal quoting, LF, no final newline."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().removesuffix("\n")


def archive(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return buffer.getvalue()


def url(slug: str) -> str:
    return f"https://www.linkedin.com/in/{slug}"


CONNECTIONS = connections_csv(
    [
        ["Giulia", "De Luca", url("giulia-de-luca"), "", "Enel S.p.A.", "HR Business Partner",
         "08 Feb 2026"],
        ["Luca", "Bianchi", url("luca-bianchi"), "", "Northwind Analytics, Inc.", "Engineer",
         "12 Mar 2021"],
        ["Sara", "Conti", url("sara-conti"), "", "Snam", "Buyer", "01 Jan 2020"],
        ["Marco", "Ferri", url("marco-ferri-1"), "", "Pirelli", "Plant Manager", "02 Feb 2019"],
        ["Marco", "Ferri", url("marco-ferri-2"), "", "Enel", "Analyst", "03 Mar 2018"],
        ["Paolo", "Neri", url("paolo-neri"), "", "A2A", "Trader", "04 Apr 2017"],
        ["", "", "", "", "", "", "07 Jun 2025"],  # a hidden profile: rejected
    ]
)  # fmt: skip

PROFILE = table(
    ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
     "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"],
    [["Maria", "Rossi", "", "Via Roma 1", "Jan 1, 1985", "CFO at Acme Energia", "Numbers.",
      "Renewable Energy", "20100", "Milano, Lombardia, Italia", "", "", ""]],
)  # fmt: skip

MESSAGES_HEADER = [
    "CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
    "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
    "IS MESSAGE DRAFT", "IS CONVERSATION DRAFT",
]  # fmt: skip
MARIA, GIULIA, LUCA, SARA, PAOLO, ELENA = (
    ("Maria Rossi", url("maria-rossi")),
    ("Giulia De Luca", url("giulia-de-luca")),
    ("Luca Bianchi", url("luca-bianchi")),
    ("Sara Conti", url("sara-conti")),
    ("Paolo Neri", url("paolo-neri")),
    ("Elena Galli", url("elena-galli")),
)


def message(conversation, sender, recipients, when, content="Ciao", draft="false"):
    return [
        conversation, "", sender[0], sender[1], ", ".join(r[0] for r in recipients),
        ",".join(r[1] for r in recipients), f"{when} UTC", "", content, "INBOX", "", draft,
        "false",
    ]  # fmt: skip


MESSAGES = table(
    MESSAGES_HEADER,
    [
        # line 2: three physical lines, newlines and HTML in the content
        message("c1", GIULIA, [MARIA], "2024-05-01 09:30:00",
                'Ciao Maria,\n<p>ti scrivo per il "CFO day"</p>\nA presto'),
        message("c1", MARIA, [GIULIA], "2024-05-02 10:00:00"),  # line 5
        message("c1", MARIA, [GIULIA], "2024-06-10 18:45:00"),
        message("c2", MARIA, [LUCA], "2023-01-09 08:00:00"),
        message("c3", SARA, [MARIA, GIULIA, PAOLO], "2024-07-01 12:00:00"),
        message("c3", MARIA, [SARA, GIULIA, PAOLO], "2024-07-02 12:00:00"),
        message("c3", PAOLO, [MARIA, GIULIA, SARA], "2024-07-03 12:00:00"),
        message("c4", MARIA, [LUCA], "2024-08-01 12:00:00", draft="true"),
        message("c5", ("Acme Recruiting", ""), [MARIA], "2024-08-02 12:00:00",
                "Sponsored: <b>join us</b>"),
        message("c6", ELENA, [MARIA], "2022-02-02 22:30:00"),
        ["c7", "", "Giulia De Luca", url("giulia-de-luca")],  # line 14: cut short
    ],
)  # fmt: skip

INVITATIONS = table(
    ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"],
    [
        ["Maria Rossi", "Paolo Neri", "1/29/26, 2:37 PM", "", "OUTGOING", url("maria-rossi"),
         url("paolo-neri")],
        ["Sara Conti", "Maria Rossi", "3/4/25, 9:05 AM", "Ciao Maria, ci siamo viste al\nCFO day",
         "INCOMING", url("sara-conti"), url("maria-rossi")],
        ["Luca Bianchi", "Maria Rossi", "12/1/24, 11:00 AM", "", "INCOMING", "", ""],
        ["Nadia Costa", "Maria Rossi", "2/2/26, 8:00 AM", "", "SIDEWAYS", "", ""],  # line 6
    ],
)  # fmt: skip

ENDORSEMENTS_RECEIVED = table(
    ["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
     "Endorser Public Url", "Endorsement Status"],
    [
        ["2023/06/05 15:47:58 UTC", "Finance", "Giulia", "De Luca",
         "www.linkedin.com/in/giulia-de-luca", "ACCEPTED"],
        ["2023/06/05 15:48:10 UTC", "Budgeting", "Giulia", "De Luca",
         "www.linkedin.com/in/giulia-de-luca", "ACCEPTED"],
        ["2023/07/01 10:00:00 UTC", "Excel", "Sara", "Conti", "www.linkedin.com/in/sara-conti",
         "PENDING"],
        ["2024/01/10 09:00:00 UTC", "Leadership", "Francesca", "Riva",
         "www.linkedin.com/in/francesca-riva", "ACCEPTED"],
    ],
)  # fmt: skip

ENDORSEMENTS_GIVEN = table(
    ["Endorsement Date", "Skill Name", "Endorsee First Name", "Endorsee Last Name",
     "Endorsee Public Url", "Endorsement Status"],
    [
        ["2022/03/03 10:00:00 UTC", "Python", "Luca", "Bianchi",
         "www.linkedin.com/in/luca-bianchi", "ACCEPTED"],
        ["2022/03/04 10:00:00 UTC", "Trading", "Paolo", "Neri", "www.linkedin.com/in/paolo-neri",
         "HIDDEN"],
    ],
)  # fmt: skip

RECOMMENDATION_HEADER = [
    "First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"
]  # fmt: skip
RECOMMENDATIONS_RECEIVED = table(
    RECOMMENDATION_HEADER,
    [
        ["Marco", "Ferri", "ENEL SpA", "Analyst", "Maria è precisa.", "05/10/24, 10:00 AM",
         "VISIBLE"],
        ["giulia", "DE LUCA", "Enel", "HR", "Consigliata.", "06/10/24, 10:00 AM", "VISIBLE"],
        ["Anna", "Verdi", "Foo Srl", "CEO", "Ottima.", "07/10/24, 10:00 AM", "VISIBLE"],
    ],
)  # fmt: skip
RECOMMENDATIONS_GIVEN = table(
    RECOMMENDATION_HEADER,
    [["Sara", "Conti", "Snam", "Buyer", "Sara negozia bene.", "08/10/24, 10:00 AM", "VISIBLE"]],
)

POSITIONS = table(
    ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
    [
        ["Acme Energia S.p.A.", "CFO", "Finance, IR, M&A", "Milano", "Jan 2022", ""],
        ["Enel", "Financial Analyst", "", "Roma", "Mar 2015", "Dec 2021"],
        ["Deloitte", "Auditor", "", "Milano", "Sep 2012", "Feb 2015"],
    ],
)
EDUCATION = table(
    ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
    [["Università Bocconi", "2007", "2012", "", "Laurea Magistrale in Finanza", ""]],
)
PREFERENCES = table(
    ["Locations", "Industries", "Company Employee Count", "Preferred Job Types", "Job Titles",
     "Open To Recruiters", "Dream Companies"],
    [["Milano, Lombardia, Italia | Torino, Piemonte, Italia",
      "Renewable Energy Power Generation | Utilities", "51-200", "Full-time",
      "Chief Financial Officer | Finance Director", "Yes", "Enel | Snam | ERG S.p.A."]],
)  # fmt: skip
FOLLOWS = table(
    ["Organization", "Followed On"],
    [
        ["Enel Green Power", "Tue Mar 05 10:00:00 UTC 2024"],
        ["ERG", "Tue Mar 05 10:01:00 UTC 2024"],
        ["ENEL GREEN POWER", "Tue Mar 05 10:02:00 UTC 2024"],
    ],
)
SAVED_JOBS = table(
    ["Saved Date", "Job Url", "Job Title", "Company Name"],
    [
        ["1/10/26, 9:00 AM", "https://www.linkedin.com/jobs/view/123", "Finance Director",
         "Edison S.p.A."],
        ["1/11/26, 9:00 AM", "https://www.linkedin.com/jobs/view/456", "CFO", "A2A"],
        ["1/12/26, 9:00 AM", "https://www.linkedin.com/jobs/view/789", "Finance Director",
         "Edison"],
    ],
)  # fmt: skip

COMPLETE_MEMBERS = {
    "Profile.csv": PROFILE,
    "Connections.csv": CONNECTIONS,
    "messages.csv": MESSAGES,
    "Invitations.csv": INVITATIONS,
    "Endorsement_Received_Info.csv": ENDORSEMENTS_RECEIVED,
    "Endorsement_Given_Info.csv": ENDORSEMENTS_GIVEN,
    "Recommendations Received.csv": RECOMMENDATIONS_RECEIVED,  # spelled with a space
    "Recommendations_Given.csv": RECOMMENDATIONS_GIVEN,
    "Positions.csv": POSITIONS,
    "Education.csv": EDUCATION,
    "Jobs/Job Seeker Preferences.csv": PREFERENCES,
    "Company_Follows.csv": FOLLOWS,  # spelled with an underscore
    "Jobs/Saved Jobs.csv": SAVED_JOBS,
    "Skills.csv": table(["Name"], [["Finance"]]),  # not read
    "Articles/Articles/post.html": "<html></html>",
}


def persons(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


@pytest.fixture
def complete(write):
    G, report = read_linkedin_archive(write(archive(COMPLETE_MEMBERS), COMPLETE))
    nk.validate_graph(G)
    assert report.balanced
    return G, report


def test_complete_archive_people_and_report(complete):
    G, report = complete
    assert report.format == FORMAT == "linkedin-archive"
    assert persons(G) == [
        "li:elena-galli",  # wrote a message, not a connection
        "li:francesca-riva",  # endorsed the owner, not a connection
        "li:giulia-de-luca",
        "li:luca-bianchi",
        "li:marco-ferri-1",
        "li:marco-ferri-2",
        "li:paolo-neri",
        "li:sara-conti",
        "name:anna verdi",  # recommended the owner, not among the connections
    ]
    assert report.contacts == 9
    # rows: 1 profile + 7 connections + 11 messages + 4 invitations + 4 + 2 endorsements
    # + 3 + 1 recommendations + 3 positions + 1 school + 1 preferences + 3 follows + 3 jobs
    assert report.rows_read == 1 + 7 + 11 + 4 + 6 + 4 + 3 + 1 + 1 + 3 + 3
    assert report.skipped == {
        "draft message": 1,
        "sponsored or InMail message (no sender profile URL)": 1,
        "endorsement not accepted (PENDING)": 1,
        "endorsement not accepted (HIDDEN)": 1,
    }
    assert [(i.member, i.line) for i in report.rejected] == [
        ("Connections.csv", 11),
        ("messages.csv", 14),
        ("Invitations.csv", 6),
    ]
    assert report.rejected[1].reason == "has 4 fields where the header has 13"
    assert "SIDEWAYS" in report.rejected[2].reason
    assert report.counts == {
        "messages": 8,
        "conversations": 4,
        "group conversations": 1,
        "endorsements received": 3,
        "endorsements given": 1,
        "recommendations received": 3,
        "recommendations given": 1,
    }
    assert report.encoding == "utf-8" and report.header_line == 4
    assert G.graph["sources"] == f"linkedin-archive:{COMPLETE}:{report.rows_read}:3"
    assert G.graph["archive_date"] == "2026-03-15"
    assert report.notes[0] == (
        "read from the archive: Profile.csv (1 row), Connections.csv (7 rows), "
        "Positions.csv (3 rows), Education.csv (1 row), messages.csv (11 rows), "
        "Invitations.csv (4 rows), Endorsement_Received_Info.csv (4 rows), "
        "Endorsement_Given_Info.csv (2 rows), Recommendations Received.csv (3 rows), "
        "Recommendations_Given.csv (1 row), Jobs/Job Seeker Preferences.csv (1 row), "
        "Company_Follows.csv (3 rows), Jobs/Saved Jobs.csv (3 rows)"
    )
    assert not [n for n in report.notes if n.startswith("no ")]  # nothing is missing
    assert (
        "messages.csv: the owner is Maria Rossi (maria-rossi), named as in Profile.csv: in 4 "
        "of 4 conversations" in report.notes
    )


def test_complete_archive_messages(complete):
    G, _ = complete
    tie = G.edges["ego", "li:giulia-de-luca"]
    assert (tie["messages_sent"], tie["messages_received"]) == (3, 1)
    assert (tie["first_contact"], tie["last_contact"]) == ("2024-05-01", "2024-07-02")
    assert tie["connected_on"] == "2026-02-08" and tie["channels"] == "linkedin"
    luca = G.edges["ego", "li:luca-bianchi"]  # the draft to Luca is not counted
    assert (luca["messages_sent"], "messages_received" in luca) == (1, False)
    assert luca["first_contact"] == luca["last_contact"] == "2023-01-09"
    sara = G.edges["ego", "li:sara-conti"]
    assert (sara["messages_sent"], sara["messages_received"]) == (1, 1)
    assert (sara["first_contact"], sara["last_contact"]) == ("2024-07-01", "2024-07-02")
    paolo = G.edges["ego", "li:paolo-neri"]
    assert (paolo["first_contact"], paolo["last_contact"]) == ("2024-07-02", "2024-07-03")
    elena = G.edges["ego", "li:elena-galli"]
    assert (elena["messages_received"], elena["last_contact"]) == (1, "2022-02-02")
    assert G.nodes["li:elena-galli"]["name"] == "Elena Galli"
    assert G.nodes["li:elena-galli"]["linkedin_url"] == url("elena-galli")
    assert "connected_on" not in elena
    # the group thread: each pair of the three others, never the sponsor
    pairs = sorted(
        tuple(sorted((u, v))) for u, v, kind in G.edges(data="kind") if kind == "message"
    )
    assert pairs == [
        ("li:giulia-de-luca", "li:paolo-neri"),
        ("li:giulia-de-luca", "li:sara-conti"),
        ("li:paolo-neri", "li:sara-conti"),
    ]
    link = G.edges["li:sara-conti", "li:paolo-neri"]
    assert (link["count"], link["last_contact"], link["sources"]) == (
        3,
        "2024-07-03",
        "linkedin-archive",
    )
    assert not any("acme" in n for n in persons(G))  # the sponsor is nobody
    assert G.nodes["ego"]["linkedin_url"] == url("maria-rossi")
    assert "li:maria-rossi" not in G  # the owner is the ego, never a contact


def test_complete_archive_invitations_endorsements_recommendations(complete):
    G, report = complete
    paolo = G.edges["ego", "li:paolo-neri"]
    assert (paolo["invited_by"], paolo["invited_on"]) == ("ego", "2026-01-29")
    assert "invitation_note" not in paolo
    sara = G.edges["ego", "li:sara-conti"]
    assert (sara["invited_by"], sara["invited_on"], sara["invitation_note"]) == (
        "alter",
        "2025-03-04",
        True,
    )
    assert not any("CFO day" in str(v) for _, _, d in G.edges(data=True) for v in d.values())
    # an invitation without URLs is matched to the connection by name
    assert G.edges["ego", "li:luca-bianchi"]["invited_by"] == "alter"

    assert G.edges["ego", "li:giulia-de-luca"]["endorsements_received"] == 2
    assert "endorsements_received" not in sara  # PENDING
    assert G.edges["ego", "li:francesca-riva"]["endorsements_received"] == 1
    assert G.nodes["li:francesca-riva"]["name"] == "Francesca Riva"
    assert G.edges["ego", "li:luca-bianchi"]["endorsements_given"] == 1
    assert "endorsements_given" not in paolo  # HIDDEN

    # two Marco Ferri among the connections: the company tells them apart
    assert G.edges["ego", "li:marco-ferri-2"]["recommendations_received"] == 1
    assert "recommendations_received" not in G.edges["ego", "li:marco-ferri-1"]
    # matched by folded name ("giulia DE LUCA")
    assert G.edges["ego", "li:giulia-de-luca"]["recommendations_received"] == 1
    assert G.edges["ego", "li:sara-conti"]["recommendations_given"] == 1
    assert G.nodes["name:anna verdi"]["name"] == "Anna Verdi"
    assert G.edges["ego", "name:anna verdi"]["recommendations_received"] == 1
    assert (
        "Recommendations Received.csv line 4: Anna Verdi is not among your connections: "
        "kept as a person keyed by name (name:anna verdi)" in report.notes
    )


def test_complete_archive_owner_career_and_target(complete):
    G, _ = complete
    ego = G.nodes["ego"]
    assert (ego["name"], ego["first_name"], ego["last_name"]) == ("Maria Rossi", "Maria", "Rossi")
    assert ego["position"] == "CFO at Acme Energia"
    assert ego["location"] == "Milano, Lombardia, Italia"
    assert ego["company"] == "Acme Energia S.p.A."
    assert "Via Roma" not in str(ego)  # the address is not kept
    assert G.graph["ego_organisations"] == "org:acme energia;org:enel;org:deloitte"
    acme = G.edges["ego", "org:acme energia"]
    assert (acme["kind"], acme["current"], acme["title"]) == ("member_of", True, "CFO")
    enel = G.edges["ego", "org:enel"]
    assert (enel["current"], enel["title"]) == (False, "Financial Analyst")
    # a contact at a former employer shares the organisation node with the owner
    assert G.has_edge("li:giulia-de-luca", "org:enel")
    school = G.edges["ego", "org:universita bocconi"]
    assert (school["current"], school["title"]) == (False, "Laurea Magistrale in Finanza")
    assert G.graph["target_locations"] == "Milano, Lombardia, Italia;Torino, Piemonte, Italia"
    assert G.graph["target_industries"] == "Renewable Energy Power Generation;Utilities"
    assert G.graph["target_titles"] == "Chief Financial Officer;Finance Director"
    assert G.graph["target_organisations"] == "Enel;Snam;ERG S.p.A."
    assert G.graph["followed_organisations"] == "Enel Green Power;ERG"
    assert G.graph["saved_job_organisations"] == "Edison S.p.A.;A2A"
    assert G.graph["saved_job_titles"] == "Finance Director;CFO"
    for node, data in G.nodes(data=True):
        assert data["kind"] == "ego" or data["sources"] == "linkedin-archive", node
    for u, v, data in G.edges(data=True):
        assert data["sources"] == "linkedin-archive", (u, v)


def test_basic_archive_says_what_is_missing(write):
    members = {"Connections.csv": CONNECTIONS, "Profile.csv": PROFILE}
    G, report = read_linkedin_archive(write(archive(members), BASIC))
    nk.validate_graph(G)
    assert report.balanced
    assert (report.rows_read, report.accepted, report.contacts) == (8, 7, 6)
    assert [(i.member, i.line) for i in report.rejected] == [("Connections.csv", 11)]
    assert G.nodes["ego"]["name"] == "Maria Rossi"
    assert G.edges["ego", "li:sara-conti"] == {
        "sources": "linkedin-archive",
        "channels": "linkedin",
        "connected_on": "2020-01-01",
    }
    assert G.edges["li:sara-conti", "org:snam"]["title"] == "Buyer"
    assert G.graph["archive_date"] == "2026-01-02"
    assert report.counts == {}
    assert report.notes[0] == (
        "read from the archive: Profile.csv (1 row), Connections.csv (7 rows)"
    )
    assert (
        "no messages.csv: this is the basic archive; request the complete one for message "
        "history" in report.notes
    )
    assert "no Invitations.csv: who invited whom is unknown" in report.notes
    assert "no Positions.csv: the owner's employers are unknown" in report.notes
    assert sum(n.startswith("no ") for n in report.notes) == 11
    for attr in ("ego_organisations", "target_locations", "followed_organisations",
                 "saved_job_titles"):  # fmt: skip
        assert attr not in G.graph


def test_messages_2020_form_with_direction(write):
    connections = connections_csv(
        [
            ["Giulia", "De Luca", "", "Enel", "HR", "08 Feb 2020"],
            ["Luca", "Bianchi", "", "Snam", "Engineer", "12 Mar 2019"],
            ["Sara", "Conti", "", "A2A", "Buyer", "01 Jan 2018"],
        ],
        header=HEADER_2021,
        preamble=False,
    )
    messages = table(
        ["FROM", "TO", "DATE", "SUBJECT", "CONTENT", "DIRECTION", "FOLDER"],
        [
            ["Maria Rossi", "Giulia De Luca", "2020-03-15T10:22:00", "Ciao", "Come stai?",
             "OUTGOING", "SENT"],
            ["Giulia De Luca", "Maria Rossi", "2020-03-16 09:00:00", "Re: Ciao", "Bene!\nE tu?",
             "INCOMING", "INBOX"],
            ["Maria Rossi", "Luca Bianchi, Sara Conti", "2020-04-01 08:00:00", "Progetto", "…",
             "OUTGOING", "SENT"],
            ["Sara Conti", "Maria Rossi, Luca Bianchi", "2020-04-02 08:00:00", "Re: Progetto",
             "Ok", "INCOMING", "INBOX"],
            ["Ugo Neri", "Maria Rossi", "2019-12-31 23:59:59", "Auguri", "Buon anno", "INCOMING",
             "INBOX"],
            ["Maria Rossi", "Giulia De Luca", "2020-05-01 08:00:00", "?", "?", "", "SENT"],
        ],
    )  # fmt: skip
    members = {"Connections.csv": connections, "messages.csv": messages}
    G, report = read_linkedin_archive(write(archive(members), "export.zip"))
    nk.validate_graph(G)
    assert report.balanced
    assert [(i.member, i.line, i.reason, i.text) for i in report.rejected] == [
        (
            "messages.csv",
            8,
            "DIRECTION is '', not INCOMING or OUTGOING",
            "Maria Rossi,Giulia De Luca,2020-05-01 08:00:00,…,…,,SENT",  # subject, content hidden
        )
    ]
    assert G.nodes["ego"]["name"] == "Maria Rossi"  # no Profile.csv: the OUTGOING sender
    giulia = G.edges["ego", "name:giulia de luca"]
    assert (giulia["messages_sent"], giulia["messages_received"]) == (1, 1)
    assert (giulia["first_contact"], giulia["last_contact"]) == ("2020-03-15", "2020-03-16")
    assert G.edges["ego", "name:luca bianchi"]["messages_sent"] == 1
    sara = G.edges["ego", "name:sara conti"]
    assert (sara["messages_sent"], sara["messages_received"]) == (1, 1)
    ugo = G.edges["ego", "name:ugo neri"]  # not a connection: keyed by name
    assert (ugo["messages_received"], ugo["first_contact"]) == (1, "2019-12-31")
    assert G.nodes["name:ugo neri"]["name"] == "Ugo Neri"
    link = G.edges["name:luca bianchi", "name:sara conti"]
    assert (link["kind"], link["count"], link["last_contact"]) == ("message", 2, "2020-04-02")
    assert report.counts == {"messages": 5, "conversations": 3, "group conversations": 1}
    assert "archive_date" not in G.graph
    assert (
        "messages.csv: the owner is Maria Rossi, the sender of OUTGOING and recipient of "
        "INCOMING messages (2020 form): in 5 of 5 messages" in report.notes
    )


def test_older_messages_without_recipient_urls_match_names(write):
    messages = table(
        ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "DATE",
         "SUBJECT", "CONTENT", "FOLDER"],
        [
            ["c1", "", "Giulia De Luca", url("giulia-de-luca"), "Maria Rossi",
             "2022-01-10 10:00:00 UTC", "", "Ciao", "INBOX"],
            ["c1", "", "Maria Rossi", url("maria-rossi"), "Giulia De Luca",
             "2022-01-11 10:00:00 UTC", "", "Ciao!", "INBOX"],
            # Luca never writes: matched to the connection by name
            ["c2", "", "Maria Rossi", url("maria-rossi"), "LUCA BIANCHI",
             "2022-02-01 10:00:00 UTC", "", "Hi", "INBOX"],
            # Nuovo Contatto is no connection, but writes later: his URL names him
            ["c3", "", "Maria Rossi", url("maria-rossi"), "Sara Conti, Nuovo Contatto",
             "2022-03-01 10:00:00 UTC", "", "Hi all", "INBOX"],
            ["c3", "", "Nuovo Contatto", url("nuovo-contatto"), "Maria Rossi, Sara Conti",
             "2022-03-02 10:00:00 UTC", "", "Hi", "INBOX"],
        ],
    )  # fmt: skip
    members = {"Connections.csv": CONNECTIONS, "messages.csv": messages}
    G, report = read_linkedin_archive(write(archive(members), COMPLETE))
    nk.validate_graph(G)
    assert report.balanced and report.accepted == 6 + 5
    assert G.nodes["ego"]["name"] == "Maria Rossi"  # no Profile.csv: from the messages
    assert G.nodes["ego"]["linkedin_url"] == url("maria-rossi")
    giulia = G.edges["ego", "li:giulia-de-luca"]
    assert (giulia["messages_sent"], giulia["messages_received"]) == (1, 1)
    assert G.edges["ego", "li:luca-bianchi"]["messages_sent"] == 1
    assert G.edges["ego", "li:sara-conti"]["messages_sent"] == 1
    nuovo = G.edges["ego", "li:nuovo-contatto"]
    assert (nuovo["messages_sent"], nuovo["messages_received"]) == (1, 1)
    assert G.nodes["li:nuovo-contatto"]["name"] == "Nuovo Contatto"
    assert not [n for n in G if n.startswith("name:")]
    link = G.edges["li:sara-conti", "li:nuovo-contatto"]
    assert (link["count"], link["last_contact"]) == (2, "2022-03-02")
    assert report.counts == {"messages": 5, "conversations": 3, "group conversations": 1}
    assert (
        "no messages.csv" not in " ".join(report.notes)
        and "no Profile.csv: the owner's name, headline and location are unknown" in report.notes
    )


def test_large_group_threads_link_nobody(write):
    people = [(f"Person {i}", url(f"person-{i}")) for i in range(11)]
    messages = table(
        MESSAGES_HEADER,
        [
            message("big", MARIA, people, "2024-01-01 10:00:00"),
            message("small", MARIA, people[:2], "2024-01-02 10:00:00"),
        ],
    )
    G, report = read_linkedin_archive(write(archive({"messages.csv": messages}), COMPLETE))
    nk.validate_graph(G)
    assert report.counts == {"messages": 2, "conversations": 2, "group conversations": 2}
    assert [(u, v) for u, v, k in G.edges(data="kind") if k == "message"] == [
        ("li:person-0", "li:person-1")
    ]
    assert G.edges["ego", "li:person-0"]["messages_sent"] == 2
    assert G.edges["ego", "li:person-10"]["messages_sent"] == 1
    assert any("more than 10 people" in note for note in report.notes)


def test_numbered_parts_are_all_read(write):
    first = table(MESSAGES_HEADER, [message("c1", GIULIA, [MARIA], "2024-05-01 09:30:00")])
    second = table(
        MESSAGES_HEADER,
        [message("c1", MARIA, [GIULIA], "2024-05-03 09:30:00"), ["c1", "cut"]],
    )
    members = {"messages_2.csv": second, "messages_1.csv": first}
    G, report = read_linkedin_archive(write(archive(members), COMPLETE))
    tie = G.edges["ego", "li:giulia-de-luca"]
    assert (tie["messages_sent"], tie["messages_received"]) == (1, 1)
    assert (tie["first_contact"], tie["last_contact"]) == ("2024-05-01", "2024-05-03")
    assert [(i.member, i.line) for i in report.rejected] == [("messages_2.csv", 3)]
    assert report.notes[0] == (
        "read from the archive: messages_1.csv (1 row), messages_2.csv (2 rows)"
    )


def test_on_bad_rows_error_names_member_and_line(write):
    path = write(archive({"Profile.csv": PROFILE, "Invitations.csv": INVITATIONS}), COMPLETE)
    with pytest.raises(ParseError, match=r"Invitations\.csv, line 6: Direction is 'SIDEWAYS'"):
        read_linkedin_archive(path, on_bad_rows="error")
    with pytest.raises(ParseError, match=r"Connections\.csv, line 11: no name"):
        read_linkedin_archive(write(archive(COMPLETE_MEMBERS), COMPLETE), on_bad_rows="error")
    with pytest.raises(ValueError, match="on_bad_rows"):
        read_linkedin_archive(path, on_bad_rows="skip")
    with pytest.raises(ValueError, match="max_member_bytes"):
        read_linkedin_archive(path, max_member_bytes=0)


def test_sniff(write):
    assert sniff(Source("a.zip", archive({"Jobs/Saved Jobs.csv": SAVED_JOBS})), "zip", "")
    assert not sniff(Source("a.zip", archive({"notes.txt": "hello"})), "zip", "")
    assert not sniff(Source("c.csv", CONNECTIONS.encode()), None, CONNECTIONS)


def test_read_from_an_open_file(write):
    path = write(archive(COMPLETE_MEMBERS), COMPLETE)
    with open(path, "rb") as handle:
        G, report = read_linkedin_archive(handle)
    assert (report.path, report.contacts) == (str(path), 9)
    assert G.graph["archive_date"] == "2026-03-15"


def test_2020_form_owner_who_only_received(write):
    messages = table(
        ["FROM", "TO", "DATE", "SUBJECT", "CONTENT", "DIRECTION", "FOLDER"],
        [
            ["Giulia De Luca", "Maria Rossi", "2020-03-16 09:00:00", "", "Ciao", "INCOMING", ""],
            ["Luca Bianchi", "Maria Rossi", "2020-03-17 09:00:00", "", "Ciao", "INCOMING", ""],
            ["Sara Conti", "Maria Rossi, Luca Bianchi", "2020-03-18 09:00:00", "", "Ciao",
             "INCOMING", ""],
        ],
    )  # fmt: skip
    G, report = read_linkedin_archive(write(archive({"messages.csv": messages}), COMPLETE))
    nk.validate_graph(G)
    assert G.nodes["ego"]["name"] == "Maria Rossi"
    assert "name:maria rossi" not in G
    assert report.counts == {"messages": 3, "conversations": 3, "group conversations": 1}
    assert [(u, v) for u, v, k in G.edges(data="kind") if k == "message"] == [
        ("name:luca bianchi", "name:sara conti")
    ]


def test_owner_known_only_by_name(write):
    # the owner never answers and her URL is missing: Profile.csv's name finds her
    messages = table(
        MESSAGES_HEADER,
        [
            message("c1", GIULIA, [("Maria Rossi", "")], "2024-05-01 09:30:00"),
            message("c2", GIULIA, [("Maria Rossi", "")], "2024-05-02 09:30:00"),
            message("c3", LUCA, [("Maria Rossi", "")], "2024-05-03 09:30:00"),
        ],
    )
    members = {"Profile.csv": PROFILE, "Connections.csv": CONNECTIONS, "messages.csv": messages}
    G, report = read_linkedin_archive(write(archive(members), COMPLETE))
    nk.validate_graph(G)
    assert G.edges["ego", "li:giulia-de-luca"]["messages_received"] == 2
    assert G.edges["ego", "li:luca-bianchi"]["messages_received"] == 1
    assert not [n for n in G if n.startswith("name:")]
    assert report.counts["group conversations"] == 0
    assert (
        "messages.csv: the owner is Maria Rossi, named as in Profile.csv: in 3 of 3 "
        "conversations" in report.notes
    )


def test_owner_absent_from_the_messages(write):
    # a thread between two connections only: nobody in it can be the owner
    messages = table(
        MESSAGES_HEADER,
        [
            message("c1", GIULIA, [LUCA], "2024-05-01 09:30:00"),
            message("c1", LUCA, [GIULIA], "2024-05-02 09:30:00"),
        ],
    )
    members = {"Connections.csv": CONNECTIONS, "messages.csv": messages}
    G, report = read_linkedin_archive(write(archive(members), COMPLETE))
    nk.validate_graph(G)
    assert G.edges["ego", "li:giulia-de-luca"]["messages_received"] == 1
    assert G.edges["ego", "li:luca-bianchi"]["messages_received"] == 1
    assert "linkedin_url" not in G.nodes["ego"]
    assert G.edges["li:giulia-de-luca", "li:luca-bianchi"]["count"] == 2
    assert (
        "messages.csv: the owner is none of the participants; every message is counted as "
        "received" in report.notes
    )


def test_profile_name_beats_conversation_count(write):
    # a recruiter (no connection) in more threads than the owner: Profile.csv decides
    recruiter = ("Rita Recruiter", url("rita-recruiter"))
    messages = table(
        MESSAGES_HEADER,
        [
            message("c1", recruiter, [MARIA], "2024-05-01 09:30:00"),
            message("c2", recruiter, [ELENA], "2024-05-01 09:30:00"),  # a forwarded thread
            message("c3", recruiter, [("Ugo Neri", url("ugo-neri"))], "2024-05-01 09:30:00"),
        ],
    )
    members = {"Profile.csv": PROFILE, "messages.csv": messages}
    G, report = read_linkedin_archive(write(archive(members), COMPLETE))
    assert G.nodes["ego"]["linkedin_url"] == url("maria-rossi")
    assert G.edges["ego", "li:rita-recruiter"]["messages_received"] == 3
    assert (
        "messages.csv: the owner is Maria Rossi (maria-rossi), named as in Profile.csv: in 1 "
        "of 3 conversations" in report.notes
    )


def test_private_cells_never_reach_the_report(write):
    messages = table(
        MESSAGES_HEADER,
        [["c1", "Segreto", "Giulia De Luca", url("giulia-de-luca"), "Maria Rossi",
          url("maria-rossi"), "2024-05-01 09:30:00 UTC", "Oggetto riservato",
          "Il mio stipendio è...", "INBOX", "", "false"]],  # 12 fields: rejected
    )  # fmt: skip
    _, report = read_linkedin_archive(write(archive({"messages.csv": messages}), COMPLETE))
    (issue,) = report.rejected
    assert (issue.member, issue.line) == ("messages.csv", 2)
    assert issue.text.startswith("c1,…,Giulia De Luca,https://www.linkedin.com/in/giulia-de-luca")
    for secret in ("Segreto", "Oggetto", "stipendio"):
        assert secret not in issue.text


def test_odd_members_are_noted_and_read_in_any_encoding(write):
    profile = table(["First Name", "Last Name", "Headline"], [["Nicolò", "Rossi", "CFO"]])
    members = {
        "Profile.csv": profile.encode("cp1252"),
        "Connections.csv": "\ufeff" + CONNECTIONS,  # a BOM, as Excel leaves it
        "Invitations.csv": "",
        "Positions.csv": table(["Azienda", "Ruolo"], [["Enel", "CFO"]]),
    }
    G, report = read_linkedin_archive(write(archive(members), BASIC), ego_name="")
    nk.validate_graph(G)
    assert report.balanced and report.contacts == 6
    assert G.nodes["ego"]["name"] == "Nicolò Rossi"
    assert report.encoding == "utf-8-sig" and report.header_line == 4
    assert "Invitations.csv is empty" in report.notes
    assert "Positions.csv has no header row with the columns Company Name: left out" in (
        report.notes
    )
    assert "the archive's files use different encodings: cp1252, utf-8, utf-8-sig" in (report.notes)
    assert "ego_organisations" not in G.graph


def test_ego_name_is_used_to_find_the_owner(write):
    messages = table(MESSAGES_HEADER, [message("c1", GIULIA, [MARIA], "2024-05-01 09:30:00")])
    G, _ = read_linkedin_archive(
        write(archive({"messages.csv": messages}), COMPLETE), ego_name="Maria Rossi"
    )
    assert G.nodes["ego"]["linkedin_url"] == url("maria-rossi")
    assert G.edges["ego", "li:giulia-de-luca"]["messages_received"] == 1


def test_connections_without_header_is_refused(write):
    members = {"Connections.csv": "Notes:\nsomething\n\nnot,a,header\n1,2,3"}
    with pytest.raises(nk.MissingColumns, match=r"Connections\.csv: has LinkedIn's 'Notes:'"):
        read_linkedin_archive(write(archive(members), COMPLETE))


# ---- bad input ----------------------------------------------------------------------


def test_not_a_linkedin_archive(write):
    path = write(archive({"notes.txt": "hello", "photo.jpg": b"\xff\xd8\xff"}), "holiday.zip")
    with pytest.raises(UnsupportedFormat) as error:
        read_linkedin_archive(path)
    message = str(error.value)
    assert message.startswith(f"{path}: is a zip without any file of LinkedIn's data archive")
    assert "Connections.csv, messages.csv" in message and "Get a copy of your data" in message


def test_not_a_zip(write):
    with pytest.raises(UnsupportedFormat, match="is not a zip archive: expected LinkedIn's data"):
        read_linkedin_archive(write(CONNECTIONS))


def _central_entry(data: bytes, name: str) -> int:
    """Offset of ``name``'s entry in the zip's central directory."""
    offset = data.find(b"PK\x01\x02")
    while offset >= 0:
        length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46 : offset + 46 + length] == name.encode():
            return offset
        offset = data.find(b"PK\x01\x02", offset + 4)
    raise AssertionError(f"{name} is not in the zip")


def patched(data: bytes, name: str, *, flags: int = 0, size: int | None = None,
            damage: bool = False) -> bytes:  # fmt: skip
    """The zip with ``name``'s headers rewritten as a hostile or damaged zip holds them:
    extra general-purpose ``flags``, a false uncompressed ``size``, or its compressed
    bytes scrambled (``damage``)."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(name)
    local, central = info.header_offset, _central_entry(data, name)
    for flag_at, size_at in ((local + 6, local + 22), (central + 8, central + 24)):
        out[flag_at : flag_at + 2] = struct.pack("<H", info.flag_bits | flags)
        if size is not None:
            out[size_at : size_at + 4] = struct.pack("<I", size)
    if damage:
        name_length, extra_length = struct.unpack_from("<HH", data, local + 26)
        start = local + 30 + name_length + extra_length
        for i in range(start + 2, start + info.compress_size - 2, 3):
            out[i] ^= 0x5A
    return bytes(out)


def test_member_declaring_more_than_the_limit_is_not_read(write):
    data = archive({"Profile.csv": PROFILE, "Connections.csv": CONNECTIONS})
    # its bytes are scrambled too: had it been inflated, the error would say "damaged"
    data = patched(data, "Connections.csv", damage=True)
    with pytest.raises(UnsupportedFormat) as error:
        read_linkedin_archive(write(data, COMPLETE), max_member_bytes=len(PROFILE) + 10)
    assert str(error.value).startswith(
        f"{error.value.path}: Connections.csv in the archive expands to more than "
    )
    assert "(max_member_bytes): not read" in str(error.value)


def test_zip_bomb_is_refused_without_inflating_it(write):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("Profile.csv", PROFILE)
        with z.open("messages.csv", "w") as member:
            member.write(",".join(MESSAGES_HEADER).encode() + b"\n")
            for _ in range(64):
                member.write(b"\0" * (1024 * 1024))  # 64 MiB of zeros, 64 KiB compressed
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    with pytest.raises(UnsupportedFormat, match=r"messages\.csv in the archive expands to more"):
        read_linkedin_archive(write(data, COMPLETE), max_member_bytes=8 * 1024 * 1024)


def test_member_larger_than_it_declares_is_not_read_past_its_size(write):
    # the headers claim 100 bytes: reading stops there and the checksum gives it away
    data = patched(archive({"Connections.csv": CONNECTIONS}), "Connections.csv", size=100)
    with pytest.raises(UnsupportedFormat) as error:
        read_linkedin_archive(write(data, COMPLETE), max_member_bytes=200)
    message = str(error.value)
    assert "Connections.csv in the archive is damaged or truncated (Bad CRC-32" in message
    assert message.endswith("download it again")


def test_names_with_parent_folders_or_absolute_paths_are_read_in_memory(write, tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(zipfile.ZipInfo("../../Connections.csv"), CONNECTIONS)
        z.writestr(zipfile.ZipInfo("/tmp/evil/Profile.csv"), PROFILE)
        z.writestr(zipfile.ZipInfo("..\\..\\Invitations.csv"), INVITATIONS)
        z.writestr(zipfile.ZipInfo("../../evil.sh"), "rm -rf ~")
    path = write(buffer.getvalue(), COMPLETE)
    before = sorted(p.name for p in tmp_path.parent.rglob("*"))
    G, report = read_linkedin_archive(path)
    assert sorted(p.name for p in tmp_path.parent.rglob("*")) == before  # nothing written
    assert report.contacts == 6 and G.nodes["ego"]["name"] == "Maria Rossi"
    assert G.edges["ego", "li:paolo-neri"]["invited_by"] == "ego"
    assert report.notes[0] == (
        "read from the archive: /tmp/evil/Profile.csv (1 row), ../../Connections.csv (7 rows), "
        "..\\..\\Invitations.csv (4 rows)"
    )


def test_truncated_zip(write):
    data = archive(COMPLETE_MEMBERS)
    with pytest.raises(UnsupportedFormat, match="damaged or truncated zip archive; download it"):
        read_linkedin_archive(write(data[: len(data) * 2 // 3], COMPLETE))


def test_damaged_member(write):
    data = patched(archive(COMPLETE_MEMBERS), "messages.csv", damage=True)
    with pytest.raises(UnsupportedFormat) as error:
        read_linkedin_archive(write(data, COMPLETE))
    message = str(error.value)
    assert "messages.csv in the archive is damaged or truncated (" in message
    assert message.endswith("; download it again")


def test_encrypted_member(write):
    data = patched(archive(COMPLETE_MEMBERS), "Connections.csv", flags=0x1)
    with pytest.raises(UnsupportedFormat, match=r"Connections\.csv in the archive is encrypted"):
        read_linkedin_archive(write(data, COMPLETE))
