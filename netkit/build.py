"""Records to graph: contacts read by an importer become a network in netkit's schema."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import networkx as nx

from netkit.schema import SCHEMA_VERSION, organisation_id

__all__ = ["EGO_ID", "Contact", "build_network", "source_entry"]

#: Node id of the network's owner when no better one is known.
EGO_ID = "ego"


@dataclass(frozen=True)
class Contact:
    """One contact as an importer read it, before it becomes a node.

    Attributes
    ----------
    id : str
        The stable person id (see :func:`netkit.schema.person_id`).
    line : int
        Line of the source file the contact was read from.
    """

    id: str
    line: int
    first_name: str = ""
    last_name: str = ""
    linkedin_url: str = ""
    email: str = ""
    company: str = ""
    position: str = ""
    connected_on: date | None = None

    @property
    def name(self) -> str:
        """The full name, first name first."""
        return " ".join(p for p in (self.first_name, self.last_name) if p)


def source_entry(kind: str, path: str, rows: int, rejected: int) -> str:
    """Return the ``kind:file-base-name:rows:rejected`` entry of ``G.graph['sources']``.

    Examples
    --------
    >>> source_entry("linkedin-connections", "/tmp/Connections.csv", 812, 3)
    'linkedin-connections:Connections.csv:812:3'
    """
    base = path.replace("\\", "/").rsplit("/", 1)[-1] or path
    base = base.replace(":", "_").replace(";", "_")
    return f"{kind}:{base}:{rows}:{rejected}"


def _organisation_names(contacts: Iterable[Contact]) -> dict[str, tuple[str, list[str]]]:
    """Map each organisation id to (display name, spellings seen): the most frequent
    spelling is shown, the first seen wins a tie."""
    spellings: dict[str, Counter[str]] = {}
    for contact in contacts:
        org = organisation_id(contact.company) if contact.company else None
        if org:
            spellings.setdefault(org, Counter())[contact.company] += 1
    names = {}
    for org, counter in spellings.items():
        ordered = [name for name, _ in counter.most_common()]  # stable for ties
        names[org] = (ordered[0], sorted(ordered))
    return names


def build_network(
    contacts: Sequence[Contact],
    *,
    source_kind: str,
    source: str,
    channel: str,
    ego_name: str | None = None,
) -> nx.Graph:
    """Build a network in netkit's schema from one source's contacts.

    Parameters
    ----------
    contacts : sequence of Contact
        Distinct contacts (duplicates already removed by the reader).
    source_kind : str
        The reader's format name, stored in each node's ``sources``.
    source : str
        The ``G.graph['sources']`` entry (see :func:`source_entry`).
    channel : str
        The channel the ego's ties come from (``linkedin``, ``email``…).
    ego_name : str, optional
        The owner's name, when known.

    Returns
    -------
    networkx.Graph
        The ego node, one ``person`` node per contact, one ``organisation`` node per
        normalised company name with ``member_of`` edges, and ego–person edges.

    Examples
    --------
    >>> G = build_network(
    ...     [Contact("li:ada", 5, "Ada", "Lovelace", company="Enel S.p.A.")],
    ...     source_kind="linkedin-connections", source="x:y:1:0", channel="linkedin")
    >>> sorted(G.nodes)
    ['ego', 'li:ada', 'org:enel']
    """
    G = nx.Graph(netkit_schema=SCHEMA_VERSION, ego=EGO_ID, sources=source)
    G.add_node(EGO_ID, kind="ego", **({"name": ego_name} if ego_name else {}))
    organisations = _organisation_names(contacts)
    for org, (name, spellings) in sorted(organisations.items()):
        attrs = {"kind": "organisation", "name": name, "sources": source_kind}
        if len(spellings) > 1:
            attrs["aliases"] = ";".join(spellings)
        G.add_node(org, **attrs)
    for contact in contacts:
        values = {
            "name": contact.name,
            "first_name": contact.first_name,
            "last_name": contact.last_name,
            "emails": contact.email,
            "linkedin_url": contact.linkedin_url,
            "company": contact.company,
            "position": contact.position,
            "connected_on": contact.connected_on.isoformat() if contact.connected_on else "",
        }
        G.add_node(
            contact.id,
            kind="person",
            sources=source_kind,
            **{key: value for key, value in values.items() if value},
        )
        tie = {"channels": channel, "sources": source_kind}
        if contact.connected_on:
            tie["connected_on"] = contact.connected_on.isoformat()
        G.add_edge(EGO_ID, contact.id, **tie)
        org = organisation_id(contact.company) if contact.company else None
        if org:
            member = {"kind": "member_of", "current": True, "sources": source_kind}
            if contact.position:
                member["title"] = contact.position
            G.add_edge(contact.id, org, **member)
    return G


_UNION_KEYS = frozenset({"sources", "channels", "emails", "aliases", "kind"})


def _merge_attrs(into: dict, new: dict) -> None:
    for key, value in new.items():
        old = into.get(key)
        if old is None:
            into[key] = value
        elif key in _UNION_KEYS and old != value and isinstance(old, str):
            parts = sorted(set(old.split(";")) | set(str(value).split(";")))
            into[key] = ";".join(parts)


def merge(*graphs: nx.Graph) -> nx.Graph:
    """Merge networks by node id into a new network.

    Nodes and edges with the same id are one; ``sources``, ``channels``, ``emails``,
    ``aliases`` and edge ``kind`` become the union of their values; for any other
    attribute the first graph that has it wins. Graph ``sources`` are concatenated.
    Matching the same person under different ids (email against LinkedIn URL,
    name variants) is identity resolution, a later stage; this joins stable ids.

    Parameters
    ----------
    *graphs : networkx.Graph
        Networks in netkit's schema, with the same ego id or none.

    Returns
    -------
    networkx.Graph

    Examples
    --------
    >>> a = build_network([Contact("li:ada", 2, "Ada")], source_kind="k", source="k:a:1:0",
    ...                   channel="linkedin")
    >>> b = build_network([Contact("li:ada", 2, "Ada", company="Enel")], source_kind="j",
    ...                   source="j:b:1:0", channel="email")
    >>> G = merge(a, b)
    >>> G.nodes["li:ada"]["sources"], G.edges["ego", "li:ada"]["channels"]
    ('j;k', 'email;linkedin')
    """
    if not graphs:
        raise ValueError("merge needs at least one graph")
    egos = {g.graph.get("ego") for g in graphs} - {None}
    if len(egos) > 1:
        raise ValueError(f"cannot merge networks of different owners: {sorted(egos)}")
    G = nx.Graph(netkit_schema=SCHEMA_VERSION)
    if egos:
        G.graph["ego"] = egos.pop()
    sources = [g.graph["sources"] for g in graphs if g.graph.get("sources")]
    if sources:
        G.graph["sources"] = ";".join(sources)
    for g in graphs:
        for node, data in g.nodes(data=True):
            if node not in G:
                G.add_node(node)
            _merge_attrs(G.nodes[node], data)
        for u, v, data in g.edges(data=True):
            if not G.has_edge(u, v):
                G.add_edge(u, v)
            _merge_attrs(G.edges[u, v], data)
    return G
