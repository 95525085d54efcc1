"""Identity resolution: one node per real person, doubts listed, nothing merged on a guess."""

from __future__ import annotations

import networkx as nx

import netkit as nk
from netkit.build import NetworkBuilder
from netkit.identity import merge_with_report, name_key


def linkedin(*people: tuple[str, str, str]) -> nx.Graph:
    """(slug, name, company) -> a Connections-like network."""
    b = NetworkBuilder("linkedin-connections")
    for slug, name, company in people:
        pid = b.person(f"li:{slug}", name=name, linkedin_url=f"https://www.linkedin.com/in/{slug}")
        b.tie(pid, channel="linkedin", connected_on="2020-01-01")
        b.member(pid, company)
    return b.graph("linkedin-connections:Connections.csv:1:0")


def phonebook(*cards: dict) -> nx.Graph:
    b = NetworkBuilder("vcard")
    for card in cards:
        card = dict(card)
        company = card.pop("company", "")
        email = card.get("emails", "").split(";")[0]
        pid = nk.schema.person_id(email=email or None, name=card["name"])
        if card.pop("url", None):
            pid = f"li:{card['slug']}"
        card.pop("slug", None)
        b.person(pid, **card)
        b.tie(pid, channel="phonebook")
        b.member(pid, company)
    return b.graph("vcard:contacts.vcf:1:0")


def mailbox(*messages: tuple[str, str, int]) -> nx.Graph:
    """(address, display name, messages received from them)."""
    b = NetworkBuilder("mbox")
    b.set_ego(emails="elena@example.it")
    for address, name, n in messages:
        pid = b.person(f"mail:{address}", name=name, emails=address)
        b.tie(pid, channel="email", messages_received=n, when="2024-05-01")
    return b.graph("mbox:mail.mbox:1:0")


def people(G: nx.Graph) -> list[str]:
    return sorted(n for n, k in G.nodes(data="kind") if k == "person")


def test_transitive_match_email_to_card_to_profile():
    G, report = merge_with_report(
        linkedin(("mario-rossi-1", "Mario Rossi", "Enel")),
        phonebook(
            {
                "name": "Mario Rossi",
                "emails": "mario.rossi@enel.example",
                "slug": "mario-rossi-1",
                "url": True,
                "company": "Enel",
            }
        ),
        mailbox(("mario.rossi@enel.example", "Rossi, Mario", 3)),
    )
    assert people(G) == ["li:mario-rossi-1"]
    tie = G.edges["ego", "li:mario-rossi-1"]
    assert tie["channels"] == "linkedin;phonebook;email"
    assert tie["messages_received"] == 3
    assert G.nodes["li:mario-rossi-1"]["sources"] == "linkedin-connections;vcard;mbox"
    assert (report.records, report.people, len(report.merges)) == (3, 1, 1)
    nk.validate_graph(G)


def test_name_order_accents_credentials_and_initials():
    G, _ = merge_with_report(
        linkedin(
            ("nicolo-dangelo", "Nicolò D'Angelo, PhD", "Edison"),
            ("anna-bianchi", "Anna Maria Bianchi", "ERG"),
        ),
        phonebook(
            {"name": "D'Angelo Nicolo", "phones": "+39 333 0000000"},
            {"name": "A. M. Bianchi", "emails": "amb@example.com"},
        ),
    )
    assert people(G) == ["li:anna-bianchi", "li:nicolo-dangelo"]
    assert G.nodes["li:nicolo-dangelo"]["phones"] == "+39 333 0000000"
    assert G.nodes["li:anna-bianchi"]["emails"] == "amb@example.com"


def test_a_typo_merges_only_at_the_same_organisation():
    G, _ = merge_with_report(
        linkedin(("giulia-de-luca", "Giulia De Luca", "Enel Green Power")),
        phonebook(
            {
                "name": "Giulia De Lucca",
                "emails": "g@egp.example",
                "company": "Enel Green Power S.p.A.",
            },
            {"name": "Giulia Da Luca", "emails": "x@example.com", "company": "Snam"},
        ),
    )
    assert people(G) == ["li:giulia-de-luca", "mail:x@example.com"]


def test_homonyms_stay_apart_and_are_listed():
    G, report = merge_with_report(
        linkedin(
            ("marco-ferrari-1", "Marco Ferrari", "Pirelli"),
            ("marco-ferrari-2", "Marco Ferrari", "Ferrari"),
        ),
        phonebook({"name": "Marco Ferrari", "phones": "+39 02 1234"}),
    )
    assert people(G) == ["li:marco-ferrari-1", "li:marco-ferrari-2", "name:marco ferrari"]
    pairs = {(d.a, d.b) for d in report.possible_duplicates}
    assert ("li:marco-ferrari-1", "name:marco ferrari") in pairs
    assert ("li:marco-ferrari-2", "name:marco ferrari") in pairs
    assert report.merges == []


def test_same_name_with_conflicting_emails_or_companies_stays_apart():
    G, report = merge_with_report(
        linkedin(("luca-neri", "Luca Neri", "Intesa Sanpaolo")),
        phonebook(
            {"name": "Luca Neri", "emails": "luca@plumber.example", "company": "Idraulica Neri"}
        ),
    )
    assert people(G) == ["li:luca-neri", "mail:luca@plumber.example"]
    [doubt] = report.possible_duplicates
    assert "different organisations" in doubt.reason


def test_two_people_one_source_lists_apart_are_never_merged_by_name():
    b = NetworkBuilder("linkedin-connections")
    for pid in ("name:mario rossi", "name:mario rossi#2"):
        b.tie(b.person(pid, name="Mario Rossi"), channel="linkedin")
    G, report = merge_with_report(b.graph("x"), phonebook({"name": "Mario Rossi"}))
    assert len(people(G)) == 3
    assert {(d.a, d.b) for d in report.possible_duplicates} == {
        ("name:mario rossi", "name:mario rossi#3"),
        ("name:mario rossi#2", "name:mario rossi#3"),
    }


def test_the_owners_own_address_is_the_owner():
    book = phonebook(
        {"name": "Elena Marchetti", "emails": "elena@example.it"},
        {"name": "Paolo Verdi", "emails": "paolo@example.com"},
    )
    G, _ = merge_with_report(mailbox(("paolo@example.com", "Paolo Verdi", 2)), book)
    assert people(G) == ["mail:paolo@example.com"]
    assert G.nodes["ego"]["kind"] == "ego"
    assert not nx.number_of_selfloops(G)
    nk.validate_graph(G)


def test_a_shared_mailbox_does_not_join_two_profiles():
    G, report = merge_with_report(
        linkedin(("a-one", "Ann One", "X"), ("b-two", "Bob Two", "X")),
        phonebook({"name": "Ann One", "emails": "team@x.example", "slug": "a-one", "url": True}),
        phonebook({"name": "Bob Two", "emails": "team@x.example", "slug": "b-two", "url": True}),
    )
    assert people(G) == ["li:a-one", "li:b-two"]
    assert any("different LinkedIn profiles" in d.reason for d in report.possible_duplicates)


def test_merging_is_deterministic_and_keeps_the_input():
    graphs = [
        linkedin(("mario-rossi-1", "Mario Rossi", "Enel")),
        phonebook({"name": "Rossi Mario", "emails": "m@example.com"}),
    ]
    before = [nx.utils.graphs_equal(g, g.copy()) for g in graphs]
    one, two = merge_with_report(*graphs), merge_with_report(*graphs)
    assert list(one[0].nodes(data=True)) == list(two[0].nodes(data=True))
    assert list(one[0].edges(data=True)) == list(two[0].edges(data=True))
    assert all(before)
    assert graphs[1].nodes["mail:m@example.com"]["name"] == "Rossi Mario"


def test_name_key():
    assert name_key("Rossi Mario") == name_key("mario  rossi") == "mario rossi"
    assert name_key("José García-Márquez") == "garcia jose marquez"
