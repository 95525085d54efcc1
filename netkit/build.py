"""Records to graph: contacts read by an importer become a network in netkit's schema."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import networkx as nx

from netkit.schema import SCHEMA_VERSION, clean_text, organisation_id

__all__ = [
    "COUNT_KEYS",
    "EGO_ID",
    "LIST_KEYS",
    "Contact",
    "NetworkBuilder",
    "build_network",
    "source_entry",
    "update_attrs",
]

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


#: Attributes whose values are ``;``-joined sets: merging unites them, keeping order.
LIST_KEYS = frozenset({"sources", "channels", "emails", "phones", "aliases", "kind", "labels"})
#: Ego-tie counts that add up across records and sources.
COUNT_KEYS = frozenset(
    {
        "messages_sent",
        "messages_received",
        "meetings",
        "endorsements",
        "endorsements_given",
        "endorsements_received",
        "recommendations",
        "recommendations_given",
        "recommendations_received",
        "count",
    }
)


def _iso(when: date | datetime | str | None) -> str:
    if when is None or when == "":
        return ""
    if isinstance(when, datetime):
        return when.date().isoformat()
    if isinstance(when, date):
        return when.isoformat()
    return str(when)[:10]


def _unite(old: str, new: str) -> str:
    parts = old.split(";")
    parts += [p for p in new.split(";") if p and p not in parts]
    return ";".join(parts)


def update_attrs(into: dict[str, Any], new: dict[str, Any]) -> None:
    """Fold ``new`` attributes into ``into`` by netkit's rules.

    Empty values are ignored; :data:`LIST_KEYS` are united (first order kept);
    :data:`COUNT_KEYS` add up; ``first_contact`` keeps the earliest date and
    ``last_contact`` the latest; any other attribute keeps its first value.

    Examples
    --------
    >>> a = {"emails": "a@x.it", "messages_sent": 2, "last_contact": "2020-01-01"}
    >>> update_attrs(a, {"emails": "b@x.it;a@x.it", "messages_sent": 3,
    ...                  "last_contact": "2021-05-01", "name": "Ada", "title": ""})
    >>> a
    {'emails': 'a@x.it;b@x.it', 'messages_sent': 5, 'last_contact': '2021-05-01', 'name': 'Ada'}
    """
    for key, value in new.items():
        if value is None or value == "":
            continue
        old = into.get(key)
        if old is None:
            into[key] = value
        elif key in LIST_KEYS:
            into[key] = _unite(str(old), str(value))
        elif key in COUNT_KEYS and not isinstance(value, bool):
            into[key] = old + value
        elif key == "first_contact":
            into[key] = min(old, value)
        elif key == "last_contact":
            into[key] = max(old, value)


class NetworkBuilder:
    """Collects what one source says about people, organisations and ties, then builds
    the network in netkit's schema.

    Every importer uses it, so all sources produce the same graph: people keyed by
    stable ids, organisations by normalised name (the most frequent spelling shown),
    evidence on edges, each value stamped with the source kind.

    Parameters
    ----------
    source_kind : str
        The reader's format name, written into every node's and edge's ``sources``.
    ego : bool
        Whether the network has an owner (False for an organisation's network).
    ego_name : str, optional
        The owner's name.

    Examples
    --------
    >>> b = NetworkBuilder("mbox")
    >>> ada = b.person("mail:ada@example.com", name="Ada", emails="ada@example.com")
    >>> b.member(ada, "Enel S.p.A.", title="CFO")
    >>> b.tie(ada, channel="email", messages_sent=1, when="2024-05-01")
    >>> b.tie(ada, channel="email", messages_received=2, when="2023-01-09")
    >>> G = b.graph("mbox:mail.mbox:3:0")
    >>> G.edges["ego", ada]["messages_received"], G.edges["ego", ada]["first_contact"]
    (2, '2023-01-09')
    """

    def __init__(self, source_kind: str, *, ego: bool = True, ego_name: str | None = None):
        self.source_kind = source_kind
        self.ego = EGO_ID if ego else None
        self._ego_attrs: dict[str, Any] = {"kind": "ego"}
        if ego_name:
            self._ego_attrs["name"] = ego_name
        self._people: dict[str, dict[str, Any]] = {}
        self._spellings: dict[str, Counter[str]] = {}
        self._org_attrs: dict[str, dict[str, Any]] = {}
        self._edges: dict[tuple[str, str], dict[str, Any]] = {}

    def __contains__(self, person: str) -> bool:
        return person in self._people

    def set_ego(self, **attrs: Any) -> None:
        """Add attributes of the owner (``name``, ``emails``, ``linkedin_url``…)."""
        if self.ego is None:
            raise ValueError("this network has no owner")
        update_attrs(self._ego_attrs, attrs)

    def person(self, pid: str, **attrs: Any) -> str:
        """Add a contact, or add attributes to one already there; returns ``pid``."""
        data = self._people.setdefault(pid, {"kind": "person", "sources": self.source_kind})
        update_attrs(data, attrs)
        return pid

    def person_attrs(self, pid: str) -> dict[str, Any]:
        """The attributes gathered so far for ``pid`` (read-only use)."""
        return self._people[pid]

    def organisation(self, name: str, **attrs: Any) -> str | None:
        """Add an organisation by name; returns its id, or None for "Self-employed" and
        the like."""
        org = organisation_id(name) if name else None
        if org is None:
            return None
        self._spellings.setdefault(org, Counter())[clean_text(name)] += 1
        update_attrs(self._org_attrs.setdefault(org, {}), attrs)
        return org

    def member(self, pid: str, organisation: str, *, title: str = "", current: bool = True) -> None:
        """Record that ``pid`` works (``current``) or worked at ``organisation``."""
        org = self.organisation(organisation)
        if org is None:
            return
        edge = self._edge(pid, org)
        edge.setdefault("kind", "member_of")
        edge["current"] = bool(edge.get("current", False) or current)
        update_attrs(edge, {"title": title})

    def tie(
        self, pid: str, *, channel: str, when: date | datetime | str | None = None, **evidence: Any
    ) -> None:
        """Add evidence to the owner's tie with ``pid``.

        ``when`` is the date of an interaction (it moves ``first_contact`` and
        ``last_contact``); counts in ``evidence`` (``messages_sent``, ``meetings``…) add
        up; other values (``connected_on``, ``invited_by``) keep their first value.
        """
        if self.ego is None:
            raise ValueError("this network has no owner; use link() between people")
        edge = self._edge(self.ego, pid)
        day = _iso(when)
        update_attrs(
            edge,
            {"channels": channel, "first_contact": day, "last_contact": day, **evidence},
        )

    def link(
        self,
        a: str,
        b: str,
        *,
        kind: str,
        when: date | datetime | str | None = None,
        count: int = 1,
        **attrs: Any,
    ) -> None:
        """Add observed or declared evidence that people ``a`` and ``b`` know each other."""
        if a == b:
            return
        edge = self._edge(a, b)
        update_attrs(edge, {"kind": kind, "count": count, "last_contact": _iso(when), **attrs})

    def _edge(self, a: str, b: str) -> dict[str, Any]:
        key = (a, b) if a <= b else (b, a)
        return self._edges.setdefault(key, {"sources": self.source_kind})

    def graph(self, source: str) -> nx.Graph:
        """Build the network; ``source`` is its ``G.graph['sources']`` entry."""
        G = nx.Graph(netkit_schema=SCHEMA_VERSION, sources=source)
        if self.ego is not None:
            G.graph["ego"] = self.ego
            G.add_node(self.ego, **self._ego_attrs)
        for org in sorted(self._spellings):
            spellings = self._spellings[org]
            names = [name for name, _ in spellings.most_common()]  # ties: first seen
            attrs = {"kind": "organisation", "name": names[0], "sources": self.source_kind}
            if len(names) > 1:
                attrs["aliases"] = ";".join(sorted(names))
            attrs.update(self._org_attrs.get(org, {}))
            G.add_node(org, **attrs)
        for pid, data in self._people.items():
            G.add_node(pid, **data)
        for (a, b), data in self._edges.items():
            for node in (a, b):
                if node not in G:  # a tie to someone never described: still a person
                    G.add_node(node, kind="person", sources=self.source_kind)
            G.add_edge(a, b, **data)
        return G


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
    builder = NetworkBuilder(source_kind, ego_name=ego_name)
    for contact in contacts:
        pid = builder.person(
            contact.id,
            name=contact.name,
            first_name=contact.first_name,
            last_name=contact.last_name,
            emails=contact.email,
            linkedin_url=contact.linkedin_url,
            company=contact.company,
            position=contact.position,
            connected_on=_iso(contact.connected_on),
        )
        builder.tie(pid, channel=channel, connected_on=_iso(contact.connected_on))
        builder.member(pid, contact.company, title=contact.position)
    return builder.graph(source)
