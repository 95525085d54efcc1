"""Anonymised copies of a network, to share a map without exposing third parties.

See :func:`anonymise` and ``docs/anonymise.md``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from typing import Any

import networkx as nx

from netkit.errors import NetkitError

__all__ = ["EGO_NAME", "anonymise", "pseudonym"]

#: The owner's name in an anonymised network.
EGO_NAME = "Owner"
_EGO_ID = "ego"
_YEAR = re.compile(r"^(\d{4})(?:-\d{2}(?:-\d{2})?)?(?:[T ].*)?$")

# Allow-lists: an attribute that is not named here is dropped, so an attribute added
# to the schema later is never leaked by default.
_PERSON_KEEP = ("kind", "sources", "function", "seniority", "region", "country")
_ORG_KEEP_REAL = ("kind", "name", "aliases", "sources", "region", "country")
_ORG_KEEP_PSEUDO = ("kind", "sources")
_EGO_TIE_KEEP = (
    "sources",
    "channels",
    "invited_by",
    "messages_sent",
    "messages_received",
    "meetings",
    "endorsements",
    "endorsements_given",
    "endorsements_received",
    "recommendations",
    "recommendations_given",
    "recommendations_received",
    "strength",
    "tie_class",
)
_MEMBER_KEEP = ("kind", "current", "sources")
_PERSON_TIE_KEEP = ("kind", "count", "sources", "strength")
_DATES = ("connected_on", "first_contact", "last_contact", "invited_on")


def pseudonym(salt: str, original_id: str) -> str:
    """The first 12 hex digits of HMAC-SHA256(``salt``, ``original_id``).

    Examples
    --------
    >>> pseudonym("s3cret", "li:ada") == pseudonym("s3cret", "li:ada")
    True
    >>> pseudonym("s3cret", "li:ada") != pseudonym("other", "li:ada")
    True
    >>> len(pseudonym("s3cret", "li:ada"))
    12
    """
    digest = hmac.new(salt.encode("utf-8"), original_id.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()[:12]


def anonymise(
    G: nx.Graph,
    *,
    salt: str,
    keep_organisations: bool = False,
    keep_sectors: bool = True,
) -> nx.Graph:
    """Return an anonymised copy of ``G`` that can be shared without naming third parties.

    The input is not changed; the result follows netkit's schema (it passes
    :func:`netkit.validate_graph`) so every analyser and renderer works on it.
    Every attribute not listed below as kept is dropped (an allow-list: an attribute
    unknown to this function is never copied).

    Rules
    -----
    People (``kind="person"``)
        Node id ``anon:<h>`` where ``<h>`` is the first 12 hex digits of
        HMAC-SHA256(salt, original id); ``name`` is ``"Person <first 6 of h>"``. The
        same network and salt always give the same pseudonyms (and, since ids are
        stable across re-imports, two exports anonymised with one salt can still be
        compared); another salt gives unrelated ones. Kept: ``kind``, ``sources``
        (source kinds only), ``function``, ``seniority``, ``sector`` (unless
        ``keep_sectors=False``), ``region``, ``country``. Coarsened: ``territory``
        becomes the region, else the country (dropped when neither is known);
        ``connected_on`` becomes its year (``"2024"``). Dropped: ``name``,
        ``first_name``, ``last_name``, ``emails``, ``phones``, ``linkedin_url``,
        ``notes``, ``labels``, ``position``, ``department``, ``company``,
        ``location``, ``city``, ``province``, every ``*_source`` attribute (they quote
        titles and names) and anything else.
    The owner (``kind="ego"``)
        Stays the owner, with id ``"ego"`` and ``name="Owner"``; keeps the same
        categories as a person (function, seniority, sector, region, country,
        coarsened territory); everything else is dropped.
    Organisations
        By default replaced by ``anon-org:<h>`` (HMAC of the organisation id) named
        ``"Organisation <first 6 of h>"``, keeping only ``kind``, ``sources`` and
        ``sector`` (a location next to a sector would often name the company).
        With ``keep_organisations=True`` their ids and real ``name`` and ``aliases``
        stay, with ``sector``, ``region``, ``country`` and the coarsened
        ``territory`` (``city``, ``province`` and ``*_source`` are still dropped).
    Owner–contact edges
        Kept: ``sources``, ``channels``, ``invited_by``, message, meeting,
        endorsement and recommendation counts, ``strength``, ``tie_class``.
        Coarsened to the year: ``connected_on``, ``first_contact``,
        ``last_contact``, ``invited_on``. Dropped: ``note``, ``invitation_note`` and
        anything else.
    Membership edges
        Kept: ``kind``, ``current``, ``sources``; dropped: ``title`` (and the rest).
    Person–person edges
        Kept: ``kind``, ``count``, ``sources``, ``strength``; ``last_contact``
        coarsened to the year; ``note`` dropped.
    Graph attributes
        Kept: ``netkit_schema``; ``ego`` (``"ego"``); ``sources`` with each entry's
        kind, row and rejected counts but the file name replaced by ``"file"``;
        ``ego_organisations`` with ids mapped as the organisation nodes are;
        ``archive_date`` coarsened to the year. Dropped: ``target_*``,
        ``followed_organisations``, ``saved_job_*`` and anything else.

    Dates coarsened to a year are no longer ISO dates, so the analysers treat them
    as unknown: tie strength then rests on counts and channels, not on recency.

    Parameters
    ----------
    G : networkx.Graph
        A netkit network.
    salt : str
        A non-empty secret. Anyone who knows it (and can guess ids such as
        ``li:<profile slug>``) can test whether a given person is in the network, so
        keep it private; reuse it only to make two anonymised exports comparable.
    keep_organisations : bool
        Keep organisations' real names and ids (a client may choose to show employers).
    keep_sectors : bool
        Keep ``sector`` on people, the owner and organisations.

    Returns
    -------
    networkx.Graph
        A new graph.

    Raises
    ------
    ValueError
        When ``salt`` is not a non-empty string.

    Examples
    --------
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego", name="Elena Marchetti")
    >>> G.add_node("li:ada", kind="person", name="Ada Lovelace", function="hr",
    ...            emails="ada@example.com", city="Milano", region="Lombardia")
    >>> G.add_edge("ego", "li:ada", connected_on="2021-03-12", messages_sent=4)
    >>> H = anonymise(G, salt="s3cret")
    >>> H.nodes["ego"]["name"]
    'Owner'
    >>> person = next(n for n in H if n != "ego")
    >>> person.startswith("anon:"), sorted(H.nodes[person])
    (True, ['function', 'kind', 'name', 'region'])
    >>> sorted(H.edges["ego", person].items())
    [('connected_on', '2021'), ('messages_sent', 4)]
    """
    if not isinstance(salt, str) or not salt:
        raise ValueError("anonymise needs a non-empty salt (a private string)")

    ego = G.graph.get("ego")
    ids: dict[Any, str] = {}
    for node, data in G.nodes(data=True):
        kind = data.get("kind")
        if node == ego or kind == "ego":
            ids[node] = _EGO_ID
        elif kind == "organisation":
            ids[node] = node if keep_organisations else _org_id(salt, node)
        else:
            ids[node] = f"anon:{pseudonym(salt, str(node))}"
    if len(set(ids.values())) != len(ids):  # 48-bit digests: practically never
        raise NetkitError("two nodes got the same pseudonym; use another salt")

    H = nx.Graph()
    H.graph.update(_graph_attributes(G.graph, salt, keep_organisations))
    for node, data in sorted(G.nodes(data=True), key=lambda item: ids[item[0]]):
        H.add_node(ids[node], **_node_attributes(data, ids[node], keep_organisations, keep_sectors))
    edges = []
    for u, v, data in G.edges(data=True):
        kinds = {G.nodes[u].get("kind"), G.nodes[v].get("kind")}
        edges.append((*sorted((ids[u], ids[v])), _edge_attributes(data, kinds)))
    H.add_edges_from(sorted(edges, key=lambda edge: edge[:2]))
    return H


def _org_id(salt: str, node: str) -> str:
    return f"anon-org:{pseudonym(salt, node)}"


def _year(value: object) -> str | None:
    match = _YEAR.match(str(value).strip())
    return match.group(1) if match else None


def _source_kinds(value: object) -> str | None:
    kinds = [part.split(":", 1)[0].strip() for part in str(value).split(";")]
    kept = list(dict.fromkeys(kind for kind in kinds if kind))
    return ";".join(kept) or None


def _put(out: dict[str, Any], key: str, value: object) -> None:
    if value is not None and value != "":
        out[key] = value


def _copy(out: dict[str, Any], data: Mapping[str, Any], keys: tuple[str, ...]) -> None:
    for key in keys:
        if key in data:
            value = data[key]
            _put(out, key, _source_kinds(value) if key == "sources" else value)


def _territory(out: dict[str, Any], data: Mapping[str, Any]) -> None:
    if "territory" in data:
        _put(out, "territory", out.get("region") or out.get("country"))


def _node_attributes(
    data: Mapping[str, Any], new_id: str, keep_organisations: bool, keep_sectors: bool
) -> dict[str, Any]:
    kind = data.get("kind")
    out: dict[str, Any] = {}
    if kind == "organisation":
        if keep_organisations:
            _copy(out, data, _ORG_KEEP_REAL)
            _territory(out, data)
        else:
            _copy(out, data, _ORG_KEEP_PSEUDO)
            out["name"] = f"Organisation {new_id.split(':', 1)[1][:6]}"
    else:
        _copy(out, data, _PERSON_KEEP)
        _territory(out, data)
        if kind == "ego" or new_id == _EGO_ID:
            out["kind"] = "ego"
            out["name"] = EGO_NAME
        else:
            out["name"] = f"Person {new_id.split(':', 1)[1][:6]}"
            if "connected_on" in data:
                _put(out, "connected_on", _year(data["connected_on"]))
    if keep_sectors and "sector" in data:
        _put(out, "sector", data["sector"])
    return out


def _edge_attributes(data: Mapping[str, Any], kinds: set[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "organisation" in kinds:
        _copy(out, data, _MEMBER_KEEP)
        return out
    if "ego" in kinds:
        _copy(out, data, _EGO_TIE_KEEP)
        dates = _DATES
    else:
        _copy(out, data, _PERSON_TIE_KEEP)
        dates = ("last_contact",)
    for key in dates:
        if key in data:
            _put(out, key, _year(data[key]))
    return out


def _graph_attributes(
    graph: Mapping[str, Any], salt: str, keep_organisations: bool
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "netkit_schema" in graph:
        out["netkit_schema"] = graph["netkit_schema"]
    if graph.get("ego") is not None:
        out["ego"] = _EGO_ID
    if "sources" in graph:
        entries = [_source_entry(e) for e in str(graph["sources"]).split(";") if e.strip()]
        _put(out, "sources", ";".join(entries))
    if "ego_organisations" in graph:
        orgs = [org for org in str(graph["ego_organisations"]).split(";") if org]
        if not keep_organisations:
            orgs = [_org_id(salt, org) for org in orgs]
        _put(out, "ego_organisations", ";".join(orgs))
    if "archive_date" in graph:
        _put(out, "archive_date", _year(graph["archive_date"]))
    return out


def _source_entry(entry: str) -> str:
    """``kind:file-name:rows:rejected`` with the file name replaced by ``file``."""
    kind, _, rest = entry.partition(":")
    if not rest:
        return kind
    parts = rest.rsplit(":", 2)
    counts = [part for part in parts[1:] if part.isdigit()]
    if len(parts) == 3 and len(counts) == 2:
        return ":".join([kind, "file", *counts])
    return f"{kind}:file"
