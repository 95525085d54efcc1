"""mbox: Gmail Takeout and Thunderbird mailboxes, streamed, with exact counts and ties."""

from __future__ import annotations

import io

import pytest

import netkit as nk
from netkit.errors import ParseError, UnsupportedFormat
from netkit.io import mbox
from netkit.io._text import Source
from netkit.io.mbox import parse_headers, read_mbox, sniff_mbox, split_mbox

OWNER = "chiara.colombo@example.it"

# A Gmail Takeout mailbox ("All mail Including Spam and Trash.mbox"). Line numbers of
# each message's "From " line are given in the comments; tests rely on them.
GMAIL = """\
From 1797343567395343487@xxx Tue Apr 16 10:22:33 +0000 2024
X-GM-THRID: 1797343567395343487
X-Gmail-Labels: Inbox,Important,Opened
Delivered-To: chiara.colombo@example.it
Received: by 2002:a05:7300:5a0b:b0:15d:1c4e with SMTP id x11csp123456dyb;
        Tue, 16 Apr 2024 03:22:34 -0700 (PDT)
ARC-Seal: i=1; a=rsa-sha256; t=1713262954; cv=none;
        d=google.com; s=arc-20160816;
        b=Zx1f2nV3kq0f9Zx1f2nV3kq0f9Zx1f2nV3kq0f9Zx1f2nV3kq0f9Zx1f2nV3kq0f9
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;
        d=example.com; s=20230601; h=to:subject:message-id:date:from;
        bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=
From: =?UTF-8?Q?Nicol=C3=B2_D=27Angelo?= <Nicolo.DAngelo@example.com>
Date: Tue, 16 Apr 2024 12:22:33 +0200
Message-ID: <CAabc001@mail.gmail.com>
Subject: =?UTF-8?Q?Riunione_gioved=C3=AC?=
To: Chiara Colombo <chiara.colombo@example.it>
Cc: "Rossi, Mario" <mario.rossi@example.org>
Content-Type: multipart/alternative; boundary="000000000000a1b2c3"

--000000000000a1b2c3
Content-Type: text/plain; charset="UTF-8"

Ciao Chiara,
>From what Mario says, Thursday works.
From: this line is body text, not a header

--000000000000a1b2c3--

From 1797343567395343488@xxx Wed Apr 17 08:00:00 +0000 2024
X-GM-THRID: 1797343567395343487
X-Gmail-Labels: Sent
From: Chiara Colombo <chiara.colombo@example.it>
Date: Wed, 17 Apr 2024 10:00:00 +0200
Message-ID: <CAown002@mail.gmail.com>
In-Reply-To: <CAabc001@mail.gmail.com>
References: <CAabc001@mail.gmail.com>
Subject: Re: Riunione giovedì
To: =?UTF-8?Q?Nicol=C3=B2_D=27Angelo?= <nicolo.dangelo@example.com>
Cc: mario.rossi@example.org

Va bene, a giovedì.

From 1797343567395343487@xxx Tue Apr 16 10:22:33 +0000 2024
X-GM-THRID: 1797343567395343487
X-Gmail-Labels: Archived
Delivered-To: chiara.colombo@example.it
From: =?UTF-8?Q?Nicol=C3=B2_D=27Angelo?= <Nicolo.DAngelo@example.com>
Date: Tue, 16 Apr 2024 12:22:33 +0200
Message-ID: <CAabc001@mail.gmail.com>
To: Chiara Colombo <chiara.colombo@example.it>
Cc: "Rossi, Mario" <mario.rossi@example.org>

Ciao Chiara (the same message again, under another label)

From 1797343567395343489@xxx Mon May 06 07:00:00 +0000 2024
X-GM-THRID: 1797343567395343489
X-Gmail-Labels: Inbox
Delivered-To: chiara.colombo@example.it
From: Giulia De Luca <giulia@example.net>
To: hr-italia@googlegroups.com
Date: Mon, 6 May 2024 09:00:00 +0200
Message-ID: <list001@example.net>
List-Id: <hr-italia.googlegroups.com>
List-Unsubscribe: <mailto:hr-italia+unsubscribe@googlegroups.com>

A mailing-list post.

From 1797343567395343490@xxx Tue May 07 07:00:00 +0000 2024
X-GM-THRID: 1797343567395343490
X-Gmail-Labels: Category Promotions
Delivered-To: chiara.colombo@example.it
From: Northwind News <noreply@news.example.com>
To: chiara.colombo@example.it
Date: Tue, 7 May 2024 09:00:00 +0200
Message-ID: <news001@news.example.com>

This week at Northwind.

From 1797343567395343491@xxx Wed May 08 07:00:00 +0000 2024
X-GM-THRID: 1797343567395343491
X-Gmail-Labels: Inbox
Delivered-To: chiara.colombo@example.it
From: Anna Ferri <anna.ferri@example.com>
To: chiara.colombo@example.it, p01@example.com, p02@example.com, p03@example.com,
 p04@example.com, p05@example.com, p06@example.com, p07@example.com,
 p08@example.com, p09@example.com, p10@example.com, p11@example.com,
 p12@example.com, p13@example.com, p14@example.com
Date: Wed, 8 May 2024 09:00:00 +0200
Message-ID: <all-hands@example.com>

All hands on Friday.

From 1797343567395343492@xxx Thu May 09 07:00:00 +0000 2024
X-GM-THRID: 1797343567395343492
X-Gmail-Labels: Inbox
Delivered-To: chiara.colombo@example.it
From: Luca Bianchi <luca.bianchi@example.com>
To: chiara.colombo@example.it
Message-ID: <nodate@example.com>

This message lost its Date header.

From 1797343567395343493@xxx Thu Nov 02 09:00:00 +0000 2023
X-GM-THRID: 1797343567395343493
X-Gmail-Labels: Inbox
Delivered-To: chiara.colombo@example.it
From: ZOE_NAME <Zoe.Muller@example.de>
To: chiara.colombo@example.it
Date: Thu, 2 Nov 2023 10:00:00 +0100
Message-ID: <cp1252@example.de>

Hallo Chiara.

From 1797343567395343494@xxx Mon Jan 10 09:00:00 +0000 2022
X-GM-THRID: 1797343567395343494
X-Gmail-Labels: Inbox
Delivered-To: chiara.colombo@example.it
From: Nicolò D'Angelo <nicolo.dangelo@example.com>
To: Chiara <chiara.colombo@example.it>
Date: Mon, 10 Jan 2022 10:00:00 +0100
Message-ID: <first@example.com>

Buon anno!

From 1797343567395343495@xxx Tue Jan 11 09:00:00 +0000 2022
X-GM-THRID: 1797343567395343495
X-Gmail-Labels: Inbox
Delivered-To: chiara.colombo@example.it
From: Calendar <calendar-server@example.com>
To: chiara.colombo@example.it
Auto-Submitted: auto-generated
Date: Tue, 11 Jan 2022 10:00:00 +0100
Message-ID: <auto@example.com>

Reminder.

From 1797343567395343496@xxx Wed Jan 12 09:00:00 +0000 2022
X-GM-THRID: 1797343567395343496
X-Gmail-Labels: Spam
Delivered-To: chiara.colombo@example.it
From: Prince <prince@example.biz>
To: chiara.colombo@example.it
Date: Wed, 12 Jan 2022 10:00:00 +0100
Message-ID: <spam@example.biz>

You won.
"""


def gmail_bytes() -> bytes:
    # Zoë Müller's name written raw in Windows-1252, as old mail clients did
    return GMAIL.encode("utf-8").replace(b"ZOE_NAME", "Zoë Müller".encode("cp1252"))


def persons(G):
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


def links(G, kind):
    return {
        tuple(sorted((u, v))): (d["count"], d["last_contact"])
        for u, v, d in G.edges(data=True)
        if kind in d.get("kind", "").split(";")
    }


NICOLO = "mail:nicolo.dangelo@example.com"
MARIO = "mail:mario.rossi@example.org"
ZOE = "mail:zoe.muller@example.de"


def test_gmail_takeout(write):
    G, report = read_mbox(write(gmail_bytes(), "All mail Including Spam and Trash.mbox"))
    nk.validate_graph(G)
    assert report.balanced
    assert report.format == "mbox"
    assert (report.rows_read, report.accepted) == (11, 4)
    assert report.skipped == {
        "mailing list (List-Id, List-Unsubscribe or Precedence: bulk, list, junk)": 1,
        "no-reply sender (newsletter or notification)": 1,
        "bulk: more than 10 recipients": 1,
        "auto-submitted (automatic reply or notification)": 1,
        "spam (Gmail label)": 1,
    }
    assert [(d.line, d.reason) for d in report.duplicates] == [
        (
            44,
            "same Message-ID as the message at line 1 (Gmail repeats a message in Takeout): "
            "counted once",
        )
    ]
    assert report.duplicates[0].text.startswith("From 1797343567395343487@xxx")
    assert [(r.line, r.reason) for r in report.rejected] == [(94, "no Date header")]
    assert report.counts == {"messages": 4, "threads": 3, "correspondents": 3}
    assert report.contacts == 3 and persons(G) == [MARIO, NICOLO, ZOE]
    assert report.notes == [
        "owner address inferred: chiara.colombo@example.it (in 5 of 5 personal messages); "
        "pass owner_emails if this is wrong",
        "1 message had header bytes that are not UTF-8: read as Windows-1252",
    ]
    # the owner
    assert G.graph["ego"] == "ego"
    assert G.nodes["ego"]["emails"] == OWNER
    assert G.nodes["ego"]["name"] == "Chiara Colombo"
    # names: RFC 2047 encoded words and raw UTF-8 decoded alike; a raw cp1252 header
    assert G.nodes[NICOLO]["name"] == "Nicolò D'Angelo"
    assert G.nodes[NICOLO]["emails"] == "nicolo.dangelo@example.com"
    assert G.nodes[MARIO]["name"] == "Rossi, Mario"
    assert G.nodes[ZOE]["name"] == "Zoë Müller"
    # exact ties
    nicolo = G.edges["ego", NICOLO]
    assert (nicolo["messages_sent"], nicolo["messages_received"]) == (1, 2)
    assert (nicolo["first_contact"], nicolo["last_contact"]) == ("2022-01-10", "2024-04-17")
    assert nicolo["channels"] == "email"
    mario = G.edges["ego", MARIO]
    assert mario["messages_sent"] == 1 and "messages_received" not in mario
    assert (mario["first_contact"], mario["last_contact"]) == ("2024-04-17", "2024-04-17")
    zoe = G.edges["ego", ZOE]
    assert zoe["messages_received"] == 1 and "messages_sent" not in zoe
    assert (zoe["first_contact"], zoe["last_contact"]) == ("2023-11-02", "2023-11-02")
    # co-recipients: Nicolò and Mario were on the same two messages
    assert links(G, "email") == {(MARIO, NICOLO): (2, "2024-04-17")}
    assert {frozenset(e) for e in G.edges} == {
        frozenset(e) for e in [("ego", NICOLO), ("ego", MARIO), ("ego", ZOE), (NICOLO, MARIO)]
    }
    assert G.graph["sources"] == "mbox:All mail Including Spam and Trash.mbox:11:1"


def test_owner_given_gives_the_same_ties_and_no_inference_note(write):
    path = write(gmail_bytes(), "mail.mbox")
    G, report = read_mbox(path, owner_emails=["Chiara.Colombo@Example.it"])
    inferred, _ = read_mbox(path)
    assert not [n for n in report.notes if "inferred" in n]
    assert {(u, v): d for u, v, d in G.edges(data=True)} == {
        (u, v): d for u, v, d in inferred.edges(data=True)
    }
    assert G.nodes["ego"]["emails"] == OWNER


def test_a_file_object_and_the_error_mode(write):
    with open(write(gmail_bytes(), "mail.mbox"), "rb") as handle:
        _, report = read_mbox(handle)
    assert report.accepted == 4 and report.path.endswith("mail.mbox")
    with pytest.raises(ParseError, match=r"mail\.mbox, line 94: no Date header") as exc:
        read_mbox(write(gmail_bytes(), "mail.mbox"), on_bad_rows="error")
    assert exc.value.line == 94
    with pytest.raises(ValueError, match="on_bad_rows"):
        read_mbox(io.BytesIO(gmail_bytes()), on_bad_rows="skip")  # type: ignore[arg-type]


# Thunderbird: "From - date" separators, CRLF line ends, X-Mozilla headers.
THUNDERBIRD = """\
From - Mon Mar 04 09:15:00 2024
X-Mozilla-Status: 0001
X-Mozilla-Status2: 00000000
X-Mozilla-Keys:
Return-Path: <jose.garcia@example.es>
From: =?iso-8859-1?b?Sm9z6SBHYXJj7WE=?= <jose.garcia@example.es>
To: Sam Okafor <sam@example.org>, =?utf-8?b?Wm/DqyBNw7xsbGVy?= <zoe@example.de>
Cc: Luca <luca@example.com>
Date: Mon, 4 Mar 2024 10:15:00 +0100
Message-ID: <tb001@example.es>
Subject: Offerta

Ciao a tutti.

From - Tue Mar 05 09:15:00 2024
X-Mozilla-Status: 0001
From: Sam Okafor <sam@example.org>
To: =?iso-8859-1?b?Sm9z6SBHYXJj7WE=?= <jose.garcia@example.es>
Cc: luca@example.com
Date: Tue, 05 Mar 2024 10:15:00 +0100
Message-ID: <tb002@example.org>
In-Reply-To: <tb001@example.es>
References: <tb001@example.es>

Grazie.

From - Wed Mar 06 09:15:00 2024
X-Mozilla-Status: 0001
From: Sam Okafor <sam@example.org>
To: zoe@example.de
Date: Wed, 06 Mar 2024 10:15:00 +0100
Message-ID: <tb003@example.org>

Sam and Zoe, without the owner.

From - Thu Mar 07 09:15:00 2024
X-Mozilla-Status: 0001
X-Mozilla-Draft-Info: internal/draft; vcard=0; receipt=0; DSN=0; uuencode=0
From: Luca <luca@example.com>
To: jose.garcia@example.es
Date: Thu, 07 Mar 2024 10:15:00 +0100
Message-ID: <tb004@example.com>

A draft never sent.

From - Fri Mar 08 09:15:00 2024
From: Luca <luca@example.com>
To: Luca <luca@example.com>
Date: Fri, 08 Mar 2024 10:15:00 +0100

A note to self.
"""


def test_thunderbird_crlf_rfc2047_and_given_owner(write):
    data = THUNDERBIRD.replace("\n", "\r\n").encode("ascii")
    G, report = read_mbox(write(data, "Inbox"), owner_emails=["luca@example.com"])
    nk.validate_graph(G)
    assert report.balanced
    assert (report.rows_read, report.accepted) == (5, 2)
    assert report.skipped == {
        "not to or from the owner": 1,
        "draft (never sent)": 1,
        "sent to oneself only": 1,
    }
    assert report.counts == {"messages": 2, "threads": 1, "correspondents": 2}
    jose, sam, zoe = "mail:jose.garcia@example.es", "mail:sam@example.org", "mail:zoe@example.de"
    assert persons(G) == [jose, sam, zoe]
    assert G.nodes[jose]["name"] == "José García"
    assert G.nodes[zoe]["name"] == "Zoë Müller"
    assert G.nodes["ego"]["name"] == "Luca"
    assert G.edges["ego", jose]["messages_received"] == 1
    assert G.edges["ego", sam]["messages_received"] == 1
    assert G.edges["ego", jose]["last_contact"] == "2024-03-04"
    assert G.edges["ego", sam]["first_contact"] == "2024-03-05"
    assert not G.has_edge("ego", zoe)  # a co-recipient only
    # message 1: José, Sam, Zoë (Luca is the owner); message 2: Sam, José
    assert links(G, "email") == {
        (jose, sam): (2, "2024-03-05"),
        (jose, zoe): (1, "2024-03-04"),
        (sam, zoe): (1, "2024-03-04"),
    }


def test_owner_sends_exact_counts_and_bcc_reception(write):
    msgs = [
        ("me@example.org", "a@example.com, Bea <b@example.com>", "", "1 Feb 2021", ""),
        ("me@example.org", "a@example.com", "c@example.com", "3 Feb 2021", ""),
        ("a@example.com", "me@example.org", "", "2 Feb 2021", ""),
        # Bcc'd: the owner is in no To/Cc but received it
        ("c@example.com", "Beatrice Rossi <b@example.com>", "", "9 Mar 2022", "me@example.org"),
        ("Beatrice Rossi <b@example.com>", "me@example.org", "", "5 Feb 2021", ""),
    ]
    text = ""
    for n, (frm, to, cc, when, bcc) in enumerate(msgs, 1):
        text += f"From x@x Mon Jan  1 00:00:00 2024\nFrom: {frm}\nTo: {to}\n"
        text += f"Cc: {cc}\n" if cc else ""
        text += f"Bcc: {bcc}\n" if bcc else ""
        text += f"Date: {when} 10:00:00 +0000\nMessage-ID: <m{n}@x>\n\nbody\n\n"
    G, report = read_mbox(write(text, "Sent.mbox"), owner_emails="me@example.org")
    assert report.accepted == 5 and report.balanced
    a, b, c = "mail:a@example.com", "mail:b@example.com", "mail:c@example.com"
    assert {
        n: (d.get("messages_sent", 0), d.get("messages_received", 0), d["first_contact"])
        for n, d in G["ego"].items()
    } == {a: (2, 1, "2021-02-01"), b: (1, 1, "2021-02-01"), c: (1, 1, "2021-02-03")}
    assert G.edges["ego", c]["last_contact"] == "2022-03-09"
    assert G.edges["ego", b]["last_contact"] == "2021-02-05"
    # the most frequent display name wins over the first one seen
    assert G.nodes[b]["name"] == "Beatrice Rossi"
    assert links(G, "email") == {
        (a, b): (1, "2021-02-01"),
        (a, c): (1, "2021-02-03"),
        (b, c): (1, "2022-03-09"),
    }
    assert report.counts == {"messages": 5, "threads": 5, "correspondents": 3}


def _message(sender: str, when: str, extra: str = "") -> str:
    return (
        f"From x Mon Jan  1 00:00:00 2024\nFrom: {sender}\nTo: me@example.org\n"
        f"Date: {when}\n{extra}\nbody\n\n"
    )


GOOD_A = _message("Ada <ada@example.com>", "Mon, 1 Jan 2024 10:00:00 +0000")
GOOD_B = _message("Bo <bo@example.com>", "Tue, 2 Jan 2024 10:00:00 +0000")


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (
            _message("eve@example.com", "yesterday at noon"),
            "cannot read the date 'yesterday at noon'",
        ),
        (
            "From x\nTo: me@example.org\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nb\n\n",
            "no From header",
        ),
        (
            _message("Undisclosed", "Mon, 1 Jan 2024 10:00:00 +0000"),
            "no sender address in From: 'Undisclosed'",
        ),
        ("From x\n\nheaders lost\n\n", "a 'From ' line with no headers after it"),
    ],
    ids=["bad date", "no sender", "sender not an address", "no headers"],
)
def test_a_corrupt_message_among_good_ones_is_rejected_with_its_line(write, bad, reason):
    G, report = read_mbox(write(GOOD_A + bad + GOOD_B, "x.mbox"), owner_emails=["me@example.org"])
    assert report.rows_read == 3 and report.accepted == 2 and report.balanced
    assert [r.line for r in report.rejected] == [8]
    assert report.rejected[0].reason.startswith(reason)
    assert persons(G) == ["mail:ada@example.com", "mail:bo@example.com"]
    assert G.graph["sources"] == "mbox:x.mbox:3:1"


def test_undecodable_nul_and_oversized_header_blocks(write):
    undecodable = b"From x\nFrom: \x81\x8d\x90 <eve@example.com>\nDate: Mon, 1 Jan 2024\n\nb\n\n"
    nul = b"From x\nFrom: eve@example.com\nX-Junk: \x00\x00\nDate: Mon, 1 Jan 2024\n\nb\n\n"
    huge = (
        b"From x\nFrom: eve@example.com\nX-Huge: "
        + b"A" * 300_000
        + b"\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nbody\n\n"
    )
    data = GOOD_A.encode() + undecodable + nul + huge + GOOD_B.encode()
    G, report = read_mbox(write(data, "x.mbox"), owner_emails=["me@example.org"])
    assert report.rows_read == 5 and report.accepted == 2 and report.balanced
    assert [(r.line, r.reason) for r in report.rejected] == [
        (8, "the header block is neither UTF-8 nor Windows-1252 text: a damaged message"),
        (14, "the header block holds binary data (NUL bytes): a damaged message"),
        (21, "the header block runs past 256 KiB without a blank line: a damaged message"),
    ]
    assert persons(G) == ["mail:ada@example.com", "mail:bo@example.com"]


def test_bulk_threshold_counts_people_besides_the_owner(write):
    ten = ", ".join(f"p{i}@example.com" for i in range(9))
    eleven = ", ".join(f"p{i}@example.com" for i in range(10))
    data = _message("s@example.com", "Mon, 1 Jan 2024 10:00:00 +0000", f"Cc: {ten}\n")
    data += _message("s@example.com", "Mon, 1 Jan 2024 10:00:00 +0000", f"Cc: {eleven}\n")
    G, report = read_mbox(io.BytesIO(data.encode()), owner_emails=["me@example.org"])
    assert report.accepted == 1 and report.skipped == {"bulk: more than 10 recipients": 1}
    assert len(links(G, "email")) == 45  # 10 people besides the owner: 10 * 9 / 2
    G, report = read_mbox(
        io.BytesIO(data.encode()), owner_emails=["me@example.org"], max_recipients=3
    )
    assert report.accepted == 0 and report.skipped == {"bulk: more than 3 recipients": 2}


def test_no_reply_senders_and_precedence(write):
    data = "".join(
        _message(sender, "Mon, 1 Jan 2024 10:00:00 +0000", extra)
        for sender, extra in [
            ("no-reply@example.com", ""),
            ("Do_Not_Reply@example.com", ""),
            ("messages-noreply@example.com", ""),
            ("MAILER-DAEMON@example.com", ""),
            ("newsletter+it@example.com", ""),
            ("ada@example.com", "Precedence: bulk\n"),
            ("ada@example.com", "Auto-Submitted: no\n"),
        ]
    )
    _, report = read_mbox(io.BytesIO(data.encode()), owner_emails=["me@example.org"])
    assert report.skipped == {
        "no-reply sender (newsletter or notification)": 5,
        "mailing list (List-Id, List-Unsubscribe or Precedence: bulk, list, junk)": 1,
    }
    assert report.accepted == 1  # Auto-Submitted: no is a person writing


def test_unreadable_names_and_addresses_are_problems(write):
    data = _message(
        "=?x-unknown-charset?q?abc?= <ada@example.com>",
        "Mon, 1 Jan 2024 10:00:00 +0000",
        "Cc: not-an-address, bo@example.com\n",
    )
    G, report = read_mbox(io.BytesIO(data.encode()), owner_emails=["me@example.org"])
    assert report.accepted == 1
    assert [(p.line, p.reason) for p in report.problems] == [
        (1, "display name '=?x-unknown-charset?q?abc?=' cannot be decoded; left out"),
        (1, "'not-an-address' is not an e-mail address; left out"),
    ]
    assert "name" not in G.nodes["mail:ada@example.com"]


def test_owner_inference_with_delivered_to_aliases_and_no_owner(write):
    data = "".join(
        _message(
            f"p{i}@example.com", "Mon, 1 Jan 2024 10:00:00 +0000", "Delivered-To: me@example.org\n"
        )
        for i in range(3)
    ) + "".join(
        "From x\nFrom: q@example.com\nTo: team@example.org\nDelivered-To: me@old.example\n"
        "Date: Mon, 1 Jan 2024 10:00:00 +0000\n\nb\n\n"
        for _ in range(2)
    )
    G, report = read_mbox(io.BytesIO(data.encode()))
    assert report.notes == [
        "owner addresses inferred: me@example.org (in 3 of 5 personal messages), plus "
        "me@old.example (Delivered-To); pass owner_emails if this is wrong"
    ]
    assert G.nodes["ego"]["emails"] == "me@example.org;me@old.example"
    assert G.edges["ego", "mail:q@example.com"]["messages_received"] == 2
    # an owner who never appears
    _, report = read_mbox(io.BytesIO(data.encode()), owner_emails=["nobody@example.com"])
    assert report.accepted == 0 and report.skipped == {"not to or from the owner": 5}
    assert "none of the owner addresses" in report.notes[0]
    with pytest.raises(ValueError, match="not e-mail addresses"):
        read_mbox(io.BytesIO(data.encode()), owner_emails=["Chiara"])


def test_split_is_the_same_whatever_the_chunk_size(monkeypatch):
    data = gmail_bytes().replace(b"\n", b"\r\n") + b"From last\r\nFrom: a@b.it\r\n"
    whole = list(split_mbox(io.BytesIO(data)))
    assert [m.line for m in whole] == [1, 30, 44, 56, 69, 80, 94, 104, 115, 126, 138, 148]
    assert whole[-1].header == b"From: a@b.it\r\n"
    assert whole[1].envelope == b"From 1797343567395343488@xxx Wed Apr 17 08:00:00 +0000 2024"
    for size in (7, 64, 1000):
        monkeypatch.setattr(mbox, "_CHUNK", size)
        assert list(split_mbox(io.BytesIO(data))) == whole


def test_split_messages_without_body_and_leading_blank_lines():
    data = b"\xef\xbb\xbf\n\r\nFrom a\nFrom: a@b.it\nFrom b\nFrom: b@b.it\n\nFrom c\n\n>From x\n"
    assert [(m.line, m.header) for m in split_mbox(io.BytesIO(data))] == [
        (3, b"From: a@b.it\n"),
        (5, b"From: b@b.it\n"),
        (8, b""),
    ]


def test_parse_headers_alone():
    h = parse_headers(
        b'From: "=?utf-8?q?Nicol=C3=B2?=" <N@Example.COM>\n'
        b"To: =?iso-8859-1?q?Jos=E9?= <jose@example.es>,\n\tundisclosed-recipients:;\n"
        b"Date: Tue, 16 Apr 2024 23:30:00 -0700 (PDT)\n"
        b"Message-ID:\n <abc@x>\nReferences: <root@x> <mid@x>\nIn-Reply-To: <mid@x>\n"
    )
    assert h.sender == ("Nicolò", "n@example.com")
    assert h.to == (("José", "jose@example.es"),)
    assert str(h.day) == "2024-04-16"  # the sender's day, as written
    assert (h.message_id, h.thread, h.skip) == ("abc@x", "root@x", "")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty; export the mailbox again"),
        (b"\r\n \n\t\n", "the file is empty"),
        (
            b"First Name,Last Name\nAda,L\n",
            "not an mbox file: it does not start with a 'From ' line",
        ),
        (b"From: ada@example.com\nTo: b@x.it\n", "not an mbox file"),
        (b"PK\x03\x04rest of a zip", "is a zip archive (Google Takeout delivers one)"),
        (b"\x1f\x8b\x08\x00gzip", "is a gzip archive; unpack it first"),
    ],
    ids=["empty", "blank", "csv", "a single message", "zip", "gzip"],
)
def test_whole_file_problems(write, content, message):
    path = write(content, "mail.mbox")
    with pytest.raises(UnsupportedFormat, match="^" + str(path).replace(".", r"\.") + ": ") as exc:
        read_mbox(path)
    assert message in exc.value.message
    assert exc.value.path == str(path)


def test_missing_file_folder_and_text_handle(tmp_path, write):
    with pytest.raises(UnsupportedFormat, match="no such file; check the path"):
        read_mbox(tmp_path / "missing.mbox")
    with pytest.raises(UnsupportedFormat, match=r"is a folder; name the \.mbox file inside it"):
        read_mbox(tmp_path)
    with (
        open(write(GOOD_A, "x.mbox"), encoding="utf-8") as handle,
        pytest.raises(UnsupportedFormat, match=r"open the file in binary mode \('rb'\)"),
    ):
        read_mbox(handle)


def test_sniff():
    head = gmail_bytes()[:4096].decode("utf-8", "replace")
    assert sniff_mbox(Source("x", b""), None, head)
    assert sniff_mbox(Source("x", b""), None, "\n" + THUNDERBIRD)
    assert not sniff_mbox(Source("x", b""), "zip", head)
    assert not sniff_mbox(Source("x", b""), None, "From the desk of Ada\nDear all,\n")
    assert not sniff_mbox(Source("x", b""), None, "BEGIN:VCALENDAR\n")


@pytest.mark.parametrize(
    ("options", "error"),
    [({"max_recipients": 0}, ValueError), ({"max_recipients": "10"}, TypeError)],
)
def test_bad_options(options, error):
    with pytest.raises(error, match="max_recipients"):
        read_mbox(io.BytesIO(GOOD_A.encode()), **options)


def test_an_old_address_with_the_owners_name_is_the_owners_too():
    def mail(sender, to, when, delivered=""):
        head = f"From x\nFrom: {sender}\nTo: {to}\nDate: {when} 10:00:00 +0100\n"
        return head + (f"Delivered-To: {delivered}\n" if delivered else "") + "\nbody\n\n"

    now, old = (
        "Chiara Colombo <chiara.colombo@example.it>",
        "Chiara Colombo <c.colombo@old.example>",
    )
    data = (
        mail(now, "Ada <ada@example.com>", "1 Mar 2024")
        + mail("Ada <ada@example.com>", now, "2 Mar 2024", OWNER)
        + mail(old, "Bo <bo@example.com>", "1 Mar 2020")
        + mail("Bo <bo@example.com>", old, "2 Mar 2020", OWNER)  # forwarded to the new mailbox
        + mail("Chiara Rossi <chiara.rossi@example.com>", now, "3 Mar 2024", OWNER)
    )
    G, report = read_mbox(io.BytesIO(data.encode()))
    assert report.notes == [
        "owner addresses inferred: chiara.colombo@example.it (in 4 of 5 personal messages), "
        "plus c.colombo@old.example (shown as Chiara Colombo); pass owner_emails if this is "
        "wrong"
    ]
    assert G.nodes["ego"]["emails"] == "c.colombo@old.example;chiara.colombo@example.it"
    assert persons(G) == [
        "mail:ada@example.com",
        "mail:bo@example.com",
        "mail:chiara.rossi@example.com",
    ]
    assert {
        n: (d.get("messages_sent", 0), d.get("messages_received", 0)) for n, d in G["ego"].items()
    } == {
        "mail:ada@example.com": (1, 1),
        "mail:bo@example.com": (1, 1),
        "mail:chiara.rossi@example.com": (0, 1),
    }
    assert not links(G, "email")
