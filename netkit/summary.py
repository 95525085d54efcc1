"""What a network holds at a glance: the figures behind ``netkit info``."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

__all__ = ["NetworkSummary", "summarise"]

_INTERACTION_KEYS = ("messages_sent", "messages_received", "meetings", "last_contact")


@dataclass(frozen=True)
class NetworkSummary:
    """The figures of ``netkit info``.

    Attributes
    ----------
    contacts : int
        ``person`` nodes.
    organisations : int
        ``organisation`` nodes.
    contacts_with_organisation : int
        Contacts with at least one ``member_of`` edge.
    top_organisations : list of (str, int)
        Organisation names with their number of contacts, most first.
    connection_years : dict of str to int
        Contacts per year of ``connected_on``, oldest first.
    sources : list of dict
        One per imported file: ``kind``, ``file``, ``rows``, ``rejected``.
    channels : dict of str to int
        Contacts whose tie to the owner is seen on each channel.
    channel_coverage : dict of str to float
        The same as a share of all contacts (0 to 1).
    contacts_per_source : dict of str to int
        Contacts each kind of source mentions (a person can come from several).
    coverage : dict of str to float
        Share of contacts with each attribute (0 to 1).
    person_ties : int
        Observed or declared person–person ties.
    interaction_ties : int
        Owner ties with interaction evidence (messages, meetings).
    enrichment : dict
        Share of contacts with function, seniority, sector and territory, and the most
        common unclassified titles and organisations (see
        :func:`netkit.enrich.enrichment_coverage`); empty before enrichment.
    missing : list of str
        What evidence the network lacks, and how to add it.
    """

    has_ego: bool
    contacts: int
    organisations: int
    contacts_with_organisation: int
    top_organisations: list[tuple[str, int]]
    connection_years: dict[str, int]
    first_connection: str | None
    last_connection: str | None
    sources: list[dict[str, Any]]
    channels: dict[str, int]
    channel_coverage: dict[str, float]
    contacts_per_source: dict[str, int]
    coverage: dict[str, float]
    person_ties: int
    interaction_ties: int
    enrichment: dict[str, Any] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the summary as JSON-ready data."""
        data = asdict(self)
        data["top_organisations"] = [
            {"name": name, "contacts": n} for name, n in self.top_organisations
        ]
        return data


def _parse_sources(text: str) -> list[dict[str, Any]]:
    entries = []
    for entry in filter(None, text.split(";")):
        kind, _, rest = entry.partition(":")
        file, rows, rejected = (rest.rsplit(":", 2) + ["", ""])[:3] if rest else ("", "", "")
        entries.append(
            {
                "kind": kind,
                "file": file,
                "rows": int(rows) if rows.isdigit() else None,
                "rejected": int(rejected) if rejected.isdigit() else None,
            }
        )
    return entries


def summarise(G: nx.Graph, *, top: int = 10) -> NetworkSummary:
    """Count what a network holds and name the evidence it lacks.

    Parameters
    ----------
    G : networkx.Graph
        A network in netkit's schema.
    top : int
        How many organisations to list.

    Returns
    -------
    NetworkSummary

    Examples
    --------
    >>> import io, netkit as nk
    >>> G, _ = nk.read(io.BytesIO(b"First Name,Last Name,Company,Connected On\\n"
    ...                           b"Ada,L,Enel SpA,1 Jan 2020\\nBo,M,ENEL S.p.A.,2 Feb 2021"))
    >>> s = summarise(G)
    >>> s.contacts, s.top_organisations, s.connection_years
    (2, [('Enel SpA', 2)], {'2020': 1, '2021': 1})
    """
    kinds = dict(G.nodes(data="kind"))
    people = sorted(n for n, k in kinds.items() if k == "person")
    organisations = [n for n, k in kinds.items() if k == "organisation"]
    ego = G.graph.get("ego")

    members: Counter[str] = Counter()
    with_org = 0
    for person in people:
        orgs = [n for n in G[person] if kinds.get(n) == "organisation"]
        with_org += bool(orgs)
        members.update(orgs)
    ranked = sorted(members.items(), key=lambda item: (-item[1], G.nodes[item[0]].get("name", "")))
    top_organisations = [(G.nodes[org].get("name", org), n) for org, n in ranked[:top]]

    dates = sorted(
        d
        for p in people
        if (d := G.nodes[p].get("connected_on") or _tie(G, ego, p, "connected_on"))
    )
    years = Counter(d[:4] for d in dates)

    channels: Counter[str] = Counter()
    interaction = 0
    if ego is not None:
        for person in people:
            if G.has_edge(ego, person):
                data = G.edges[ego, person]
                channels.update(filter(None, str(data.get("channels", "")).split(";")))
                interaction += any(key in data for key in _INTERACTION_KEYS)
    per_source: Counter[str] = Counter()
    for person in people:
        per_source.update(filter(None, str(G.nodes[person].get("sources", "")).split(";")))
    person_ties = sum(
        1 for u, v in G.edges if kinds.get(u) == "person" and kinds.get(v) == "person"
    )

    def share(key: str) -> float:
        return (
            round(sum(1 for p in people if key in G.nodes[p]) / len(people), 4) if people else 0.0
        )

    coverage = {
        key: share(key)
        for key in (
            "name",
            "linkedin_url",
            "emails",
            "company",
            "position",
            "connected_on",
            "location",
            "sector",
            "function",
            "seniority",
            "territory",
        )
    }
    missing = []
    if ego is not None and people and interaction == 0:
        missing.append(
            "no interaction data: import the full LinkedIn archive (messages), an mbox or a "
            "calendar for tie strength"
        )
    if people and person_ties == 0:
        missing.append(
            "no ties among your contacts: group messages, email co-recipients, meetings or a "
            "declared-ties CSV give the structure for clusters and bridges"
        )
    if people and coverage["location"] == 0:
        missing.append(
            "no locations: an address book (vCard, Google or Outlook CSV) gives territory"
        )
    if people and coverage["emails"] < 0.5:
        missing.append(
            f"emails for {coverage['emails']:.0%} of contacts: an address book helps match "
            "people across sources"
        )
    enriched = any(key in G.nodes[p] for p in people for key in ("function", "sector", "seniority"))
    if enriched:
        from netkit.enrich import enrichment_coverage

        enrichment = enrichment_coverage(G, top=top)
    else:
        enrichment = {}
        if people:
            missing.append("not enriched: run `netkit enrich` for function, sector and territory")
    return NetworkSummary(
        has_ego=ego is not None,
        contacts=len(people),
        organisations=len(organisations),
        contacts_with_organisation=with_org,
        top_organisations=top_organisations,
        connection_years=dict(sorted(years.items())),
        first_connection=dates[0] if dates else None,
        last_connection=dates[-1] if dates else None,
        sources=_parse_sources(str(G.graph.get("sources", ""))),
        channels=dict(sorted(channels.items())),
        channel_coverage={c: round(n / len(people), 4) for c, n in sorted(channels.items())},
        contacts_per_source=dict(sorted(per_source.items())),
        coverage=coverage,
        person_ties=person_ties,
        interaction_ties=interaction,
        enrichment=enrichment,
        missing=missing,
    )


def _tie(G: nx.Graph, ego: str | None, person: str, key: str) -> str | None:
    if ego is None or not G.has_edge(ego, person):
        return None
    return G.edges[ego, person].get(key)
