"""Views of a network that the analysers share: contacts, the owner's ties, structure."""

from __future__ import annotations

import math
import re
from datetime import date

import networkx as nx

__all__ = [
    "contacts",
    "data_date",
    "ego_ties",
    "organisations_of",
    "people_graph",
    "structure_graph",
]

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _day(value: object) -> date | None:
    text = str(value or "")
    if not _ISO.match(text):
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def data_date(G: nx.Graph) -> date | None:
    """The date the data describes: the archive's date, else the latest date in the graph.

    Analysers measure recency from this day, never from today, so the same file gives
    the same answer next year.

    Examples
    --------
    >>> G = nx.Graph(netkit_schema=1)
    >>> G.add_edge("ego", "li:a", last_contact="2024-05-01", connected_on="2020-01-01")
    >>> data_date(G)
    datetime.date(2024, 5, 1)
    """
    stated = _day(G.graph.get("archive_date"))
    if stated:
        return stated
    latest: date | None = None
    for _, _, data in G.edges(data=True):
        for key in ("last_contact", "connected_on", "invited_on"):
            day = _day(data.get(key))
            if day and (latest is None or day > latest):
                latest = day
    for _, data in G.nodes(data=True):
        day = _day(data.get("connected_on"))
        if day and (latest is None or day > latest):
            latest = day
    return latest


def contacts(G: nx.Graph) -> list[str]:
    """Person node ids, sorted (every person in whole-network mode too)."""
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


def ego_ties(G: nx.Graph) -> dict[str, dict]:
    """Each contact's tie to the owner (its edge attributes; {} when there is none).

    Examples
    --------
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego"); G.add_node("li:a", kind="person")
    >>> G.add_node("li:b", kind="person"); G.add_edge("ego", "li:a", meetings=2)
    >>> ego_ties(G)
    {'li:a': {'meetings': 2}, 'li:b': {}}
    """
    ego = G.graph.get("ego")
    return {
        person: (dict(G.edges[ego, person]) if ego is not None and G.has_edge(ego, person) else {})
        for person in contacts(G)
    }


def _person_weight(data: dict) -> float:
    if "weight" in data:
        try:
            weight = float(data["weight"])
        except (TypeError, ValueError):
            weight = 1.0
        if weight > 0 and math.isfinite(weight):
            return weight
    count = data.get("count", 1)
    count = count if isinstance(count, int | float) and count > 0 else 1
    return 1.0 + math.log1p(float(count))


def people_graph(G: nx.Graph) -> nx.Graph:
    """Contacts and the observed or declared ties among them, each with a ``weight``.

    The owner and organisations are left out; isolated contacts stay in. A tie's
    weight is the file's ``weight`` when it has one, else ``1 + log(1 + count)``, so
    repeated evidence counts but with diminishing returns.

    Examples
    --------
    >>> G = nx.Graph(netkit_schema=1)
    >>> for n in ("li:a", "li:b", "li:c"):
    ...     G.add_node(n, kind="person")
    >>> G.add_edge("li:a", "li:b", kind="message", count=3)
    >>> H = people_graph(G)
    >>> sorted(H.nodes), round(H.edges["li:a", "li:b"]["weight"], 3)
    (['li:a', 'li:b', 'li:c'], 2.386)
    """
    H = nx.Graph()
    H.add_nodes_from(contacts(G))
    for u, v, data in G.edges(data=True):
        if u in H and v in H:
            H.add_edge(u, v, weight=_person_weight(data), kind=str(data.get("kind", "")))
    return H


def structure_graph(G: nx.Graph) -> nx.Graph:
    """Contacts, organisations and everything that links them, without the owner.

    Person–person edges as in :func:`people_graph`; membership edges weigh 1.0
    (current) or 0.5 (past). Shared organisations join people through the
    organisation node, never through a clique of colleagues. Node attribute
    ``kind`` says person or organisation.

    Examples
    --------
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego"); G.add_node("org:x", kind="organisation")
    >>> G.add_node("li:a", kind="person"); G.add_edge("ego", "li:a")
    >>> G.add_edge("li:a", "org:x", kind="member_of", current=False)
    >>> H = structure_graph(G)
    >>> sorted(H.nodes), H.edges["li:a", "org:x"]["weight"]
    (['li:a', 'org:x'], 0.5)
    """
    H = people_graph(G)
    nx.set_node_attributes(H, "person", "kind")
    for u, v, data in G.edges(data=True):
        if data.get("kind") != "member_of":
            continue
        person, org = (u, v) if G.nodes[v].get("kind") == "organisation" else (v, u)
        if G.nodes[person].get("kind") != "person":
            continue
        H.add_node(org, kind="organisation")
        H.add_edge(person, org, weight=1.0 if data.get("current", True) else 0.5, kind="member_of")
    return H


def organisations_of(G: nx.Graph, person: str, *, current: bool | None = None) -> list[str]:
    """The organisations ``person`` belongs to (``current`` True/False filters), sorted."""
    found = []
    for other in G[person]:
        if G.nodes[other].get("kind") != "organisation":
            continue
        is_current = bool(G.edges[person, other].get("current", True))
        if current is None or is_current == current:
            found.append(other)
    return sorted(found)
