"""Tie strength, tie classes and the ties most worth reviving, from the owner's evidence."""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netkit.analyse import _views

__all__ = [
    "CLASS_FLOORS",
    "CLASS_SHARES",
    "DEFAULT_WEIGHTS",
    "DIMENSIONS",
    "TIE_CLASSES",
    "edge_overlap",
    "fragmentation",
    "maintenance",
    "ties",
]

#: What the tables say for a network without an owner (whole-network mode).
NO_OWNER_NOTE = (
    "this network has no owner (an organisation's network from GraphML, GEXF or an edge "
    "list), so it has no owner's ties to score; clusters and bridges work on the whole "
    "network. To read it as one person's network, import it with `netkit import --ego NODE`."
)

#: The dimensions of tie strength netkit scores (Granovetter 1973; Gilbert & Karahalios 2009).
DIMENSIONS = ("intimacy", "intensity", "duration", "similarity", "services", "structure")

# Shares of predictive weight per dimension in Gilbert & Karahalios (2009), as recorded
# in SCIENCE.md (percent, rounded). Emotional support (5%) has no evidence in any export
# netkit reads, so it is left out and the rest renormalised; "social distance" is our
# similarity.
_GK_SHARES = {
    "intimacy": 33,
    "intensity": 20,
    "duration": 17,
    "similarity": 14,
    "services": 8,
    "structure": 5,
}
#: Default weight of each dimension: Gilbert & Karahalios's shares, renormalised to sum 1.
DEFAULT_WEIGHTS: dict[str, float] = {
    dim: share / sum(_GK_SHARES.values()) for dim, share in _GK_SHARES.items()
}

#: Tie classes, from closest to most distant; "unknown" when the network holds no
#: interaction data at all.
TIE_CLASSES = ("strong", "medium", "weak", "dormant", "latent", "unknown")

#: Cumulative shares of the active ties (interacting, not dormant) that are strong and
#: strong-or-medium, by rank of strength: Dunbar's layers grow by about three (5, 15, 50,
#: 150), so of ~150 active relationships ~15 (a tenth) are close and ~50 (a third) are
#: within the next layer (see docs/ties.md).
CLASS_SHARES = {"strong": 0.10, "medium": 1 / 3}
#: Least strength a tie needs for each class whatever its rank, so that a network with a
#: handful of faint ties does not call its least faint one strong.
CLASS_FLOORS = {"strong": 0.50, "medium": 0.25}

#: Messages each way and meetings count up to these caps: beyond them more volume adds
#: nothing (Marsden & Campbell 1984: frequency alone overstates closeness).
MESSAGE_CAP = 100
MEETING_CAP = 20
#: At most this many co-members of a contact's organisations count as contacts in common
#: (a proxy: at a large organisation most colleagues never met).
COMEMBER_CAP = 10

#: Channels that are not media of interaction: the address book is scored as intimacy,
#: declared ties and network files say nothing about how the two talk.
_NOT_MEDIA = frozenset({"phonebook", "declared", "network"})
_DAY = 86400.0

_EVIDENCE_COLUMNS = [
    "messages_sent",
    "messages_received",
    "reciprocity",
    "meetings",
    "endorsements",
    "recommendations",
    "channels",
    "first_contact",
    "last_contact",
    "days_since_contact",
    "connected_on",
    "years_connected",
    "years_in_touch",
    "shared_organisations",
    "contacts_in_common",
    "invited_by",
]
_TIES_COLUMNS = [
    "person",
    "name",
    "strength",
    "tie_class",
    "low_evidence",
    "past_strength",
    *DIMENSIONS,
    *_EVIDENCE_COLUMNS,
    "dunbar_layer",
    "evidence",
]
#: Evidence columns holding text or None (an object column, whatever pandas infers).
_TEXT_COLUMNS = frozenset(
    {"channels", "first_contact", "last_contact", "connected_on", "shared_organisations"}
    | {"invited_by"}
)
_MAINTENANCE_COLUMNS = [
    "person",
    "name",
    "tie_class",
    "strength",
    "past_strength",
    "last_contact",
    "why",
    "suggestion",
    "why_it",
    "suggestion_it",
]


# --------------------------------------------------------------------------------------
# Small helpers


def _day(value: object) -> date | None:
    text = str(value or "")[:10]
    if len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _count(data: Mapping[str, Any], *keys: str) -> int:
    total = 0
    for key in keys:
        value = data.get(key, 0)
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, int | float) and math.isfinite(value) and value > 0:
            total += int(value)
    return total


def _rank_positive(values: pd.Series, cap: float | None = None) -> pd.Series:
    """Percentile rank among the ties that have the feature; zero stays zero.

    A value's score is the share of positive values at or below it, so the largest
    scores 1 and every value at or above ``cap`` ties for the top.
    """
    v = values.fillna(0.0).astype(float)
    if cap is not None:
        v = v.clip(upper=cap)
    out = pd.Series(0.0, index=v.index)
    positive = v[v > 0]
    if len(positive):
        out.loc[positive.index] = positive.rank(method="max", pct=True)
    return out


def _parse_now(now: date | str | None, G: nx.Graph) -> date | None:
    if now is None:
        return _views.data_date(G)
    if isinstance(now, str):
        day = _day(now)
        if day is None:
            raise ValueError(f"now={now!r} is not an ISO date (YYYY-MM-DD)")
        return day
    if isinstance(now, date):
        return now if type(now) is date else date(now.year, now.month, now.day)
    raise ValueError(f"now must be a date or an ISO date string, not {type(now).__name__}")


def _check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    if weights is None:
        return dict(DEFAULT_WEIGHTS)
    unknown = sorted(set(weights) - set(DIMENSIONS))
    if unknown:
        raise ValueError(
            f"unknown tie-strength dimension(s) {', '.join(map(repr, unknown))}; "
            f"valid ones: {', '.join(DIMENSIONS)}"
        )
    merged = dict(DEFAULT_WEIGHTS)
    for dim, value in weights.items():
        if not isinstance(value, int | float) or isinstance(value, bool) or not value >= 0:
            raise ValueError(f"weight of {dim!r} must be a number >= 0, not {value!r}")
        merged[dim] = float(value)
    if not sum(merged.values()) > 0:
        raise ValueError("at least one tie-strength dimension needs a weight above 0")
    return merged


def _text(value: object) -> str | None:
    """A text cell, or None for a missing one (None or NaN)."""
    return value if isinstance(value, str) and value else None


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# --------------------------------------------------------------------------------------
# Evidence


def _owner_organisations(G: nx.Graph, ego: str) -> tuple[dict[str, bool], set[str]]:
    """The owner's organisations (id -> current?) and which of them are employers."""
    listed = [o for o in str(G.graph.get("ego_organisations", "")).split(";") if o in G]
    owner: dict[str, bool] = {}
    for org in G[ego]:
        data = G.edges[ego, org]
        if G.nodes[org].get("kind") == "organisation" and data.get("kind") == "member_of":
            owner[org] = bool(data.get("current", True))
    for i, org in enumerate(listed):
        owner.setdefault(org, i == 0)
    return owner, set(listed)


def _owner_attribute(G: nx.Graph, ego: str, key: str, employers: Sequence[str]) -> str | None:
    value = G.nodes[ego].get(key)
    if value:
        return str(value)
    if key == "sector":  # the owner's current employer's sector
        for org in employers:
            if G.nodes[org].get("sector"):
                return str(G.nodes[org]["sector"])
    if key == "function" and G.nodes[ego].get("position"):  # from the owner's headline
        from netkit.enrich import classify_title

        return classify_title(str(G.nodes[ego]["position"])).function or None
    return None


def _memberships(G: nx.Graph) -> dict[str, dict[str, bool]]:
    """person -> {organisation: current?} over member_of edges."""
    members: dict[str, dict[str, bool]] = defaultdict(dict)
    kinds = G.nodes(data="kind")
    for u, v, data in G.edges(data=True):
        if data.get("kind") != "member_of":
            continue
        person, org = (u, v) if kinds[v] == "organisation" else (v, u)
        if kinds[person] == "person":
            members[person][org] = bool(data.get("current", True))
    return members


def _contacts_in_common(
    G: nx.Graph, people: list[str], members: dict[str, dict[str, bool]]
) -> dict[str, int]:
    """Observed or declared neighbours among the contacts, plus co-members of the
    same organisations (at most :data:`COMEMBER_CAP`) not already counted."""
    P = _views.people_graph(G)
    size: Counter[str] = Counter()
    for orgs in members.values():
        size.update(orgs)
    shared_neighbours: Counter[str] = Counter()
    for u, v in P.edges():
        if members.get(u, {}).keys() & members.get(v, {}).keys():
            shared_neighbours[u] += 1
            shared_neighbours[v] += 1
    result = {}
    for person in people:
        comembers = sum(size[org] - 1 for org in members.get(person, {}))
        beyond = max(0, comembers - shared_neighbours[person])
        degree = P.degree(person) if person in P else 0
        result[person] = int(degree + min(COMEMBER_CAP, beyond))
    return result


def _gather(G: nx.Graph, now: date | None) -> tuple[pd.DataFrame, dict[str, Any]]:
    """One row of raw evidence per owner tie, and what the owner is known to be."""
    ego = G.graph["ego"]
    people = [p for p in _views.contacts(G) if G.has_edge(ego, p)]
    owner_orgs, employers = _owner_organisations(G, ego)
    current_employers = [o for o in G.graph.get("ego_organisations", "").split(";") if o in G]
    owner = {
        "organisations": owner_orgs,
        "employers": employers,
        "sector": _owner_attribute(G, ego, "sector", current_employers[:1]),
        "function": _owner_attribute(G, ego, "function", ()),
    }
    members = _memberships(G)
    in_common = _contacts_in_common(G, people, members)
    rows = []
    for person in people:
        data = G.edges[ego, person]
        node = G.nodes[person]
        first = _day(data.get("first_contact"))
        last = _day(data.get("last_contact"))
        connected = _day(data.get("connected_on") or node.get("connected_on"))
        since = min((d for d in (connected, first) if d is not None), default=None)
        shared = []
        for org, current in sorted(members.get(person, {}).items()):
            if org in owner_orgs:
                shared.append((org, current and owner_orgs[org]))
        channels = {c for c in str(data.get("channels", "")).split(";") if c}
        sent = _count(data, "messages_sent")
        received = _count(data, "messages_received")
        rows.append(
            {
                "person": person,
                "name": str(node.get("name") or person),
                "messages_sent": sent,
                "messages_received": received,
                "reciprocity": (min(sent, received) / max(sent, received))
                if max(sent, received)
                else np.nan,
                "meetings": _count(data, "meetings"),
                "endorsements_given": _count(data, "endorsements_given"),
                "endorsements_received": _count(data, "endorsements_received", "endorsements"),
                "recommendations_given": _count(data, "recommendations_given"),
                "recommendations_received": _count(
                    data, "recommendations_received", "recommendations"
                ),
                "channels": str(data["channels"]) if data.get("channels") else None,
                "media": len(channels - _NOT_MEDIA),
                "address_book": "phonebook" in channels,
                "first_contact": first.isoformat() if first else None,
                "last_contact": last.isoformat() if last else None,
                "days_since_contact": float(max(0, (now - last).days))
                if (now and last)
                else np.nan,
                "connected_on": connected.isoformat() if connected else None,
                "years_connected": round(max(0, (now - since).days) / 365.25, 1)
                if (now and since)
                else np.nan,
                "years_in_touch": round(max(0, (last - first).days) / 365.25, 2)
                if (first and last)
                else np.nan,
                "shared": shared,
                "shared_organisations": ";".join(str(G.nodes[o].get("name", o)) for o, _ in shared)
                or None,
                "contacts_in_common": in_common[person],
                "invited_by": str(data["invited_by"]) if data.get("invited_by") else None,
                "invitation_note": bool(data.get("invitation_note", False)),
                "sector": node.get("sector"),
                "function": node.get("function"),
                "organisation": _current_organisation(G, person, members),
            }
        )
    return pd.DataFrame(rows), owner


def _current_organisation(
    G: nx.Graph, person: str, members: dict[str, dict[str, bool]]
) -> str | None:
    current = sorted(o for o, is_current in members.get(person, {}).items() if is_current)
    return current[0] if current else None


# --------------------------------------------------------------------------------------
# Scores


def _dimension(core: list[pd.Series], signals: list[pd.Series], index: pd.Index) -> pd.Series:
    """Mean of the core features (absent = 0) and of the signals a tie has (a missing
    signal is no evidence either way)."""
    total = pd.Series(0.0, index=index)
    count = pd.Series(0.0, index=index)
    for feature in core:
        total += feature.fillna(0.0)
        count += 1.0
    for feature in signals:
        present = feature.notna() & (feature > 0)
        total += feature.where(present, 0.0)
        count += present.astype(float)
    return (total / count.replace(0.0, np.nan)).fillna(0.0)


def _scores(
    ev: pd.DataFrame, owner: dict[str, Any], *, half_life_days: float, now: date | None
) -> tuple[dict[str, pd.Series], dict[str, pd.Series], dict[str, bool]]:
    """Dimension scores per tie, now and as of the last contact, for the dimensions with
    evidence in the network; and which evidence the network holds."""
    idx = ev.index
    sent, received, meetings = ev["messages_sent"], ev["messages_received"], ev["meetings"]
    has = {
        "messages": bool((sent + received).gt(0).any()),
        "meetings": bool(meetings.gt(0).any()),
        "last_contact": bool(ev["last_contact"].notna().any()) and now is not None,
        "recommendations": bool(
            (ev["recommendations_given"] + ev["recommendations_received"]).gt(0).any()
        ),
        "notes": bool(ev["invitation_note"].any()),
        "endorsements": bool((ev["endorsements_given"] + ev["endorsements_received"]).gt(0).any()),
        "multiplex": bool(ev["media"].gt(1).any()),
        "dates": bool(ev["years_connected"].notna().any()),
        "contact_span": bool(ev["years_in_touch"].notna().any()),
        "address_book": bool(ev["address_book"].any()),
        "organisations": bool(owner["organisations"]),
        "sector": owner["sector"] is not None and bool(ev["sector"].notna().any()),
        "function": owner["function"] is not None and bool(ev["function"].notna().any()),
        "structure": bool(ev["contacts_in_common"].gt(0).any()),
    }
    has["interaction"] = has["messages"] or has["meetings"]
    recommended = (ev["recommendations_given"] + ev["recommendations_received"]).gt(0)
    recency = pd.Series(0.0, index=idx)
    if has["last_contact"]:
        recency = (0.5 ** (ev["days_since_contact"] / half_life_days)).fillna(0.0)
    dims: dict[str, pd.Series] = {}
    past: dict[str, pd.Series] = {}

    # intimacy: recency of the last interaction; a recommendation; a personal note.
    signals = []
    if has["recommendations"]:
        signals.append(recommended.astype(float))
    if has["notes"]:
        signals.append(ev["invitation_note"].astype(float))
    book = [ev["address_book"].astype(float)] if has["address_book"] else []
    if has["last_contact"] or book or signals:
        core = [recency] if has["last_contact"] else []
        dims["intimacy"] = _dimension(core + book, signals, idx)
        if has["last_contact"]:
            at_last = ev["last_contact"].notna().astype(float)
            past["intimacy"] = _dimension([at_last, *book], signals, idx)
        else:
            past["intimacy"] = dims["intimacy"]

    # intensity: messages each way (capped), reciprocity, meetings, channels beyond one.
    core = []
    if has["messages"]:
        core += [
            _rank_positive(sent, MESSAGE_CAP),
            _rank_positive(received, MESSAGE_CAP),
            ev["reciprocity"].fillna(0.0) * _rank_positive(np.minimum(sent, received), MESSAGE_CAP),
        ]
    if has["meetings"]:
        core.append(_rank_positive(meetings, MEETING_CAP))
    if has["multiplex"]:
        core.append(_rank_positive(ev["media"] - 1))
    if core:
        dims["intensity"] = _dimension(core, [], idx)

    # duration: how long the tie has been kept up, from the first to the last contact;
    # without interaction dates anywhere, the time since connecting.
    if has["contact_span"]:
        dims["duration"] = _rank_positive(ev["years_in_touch"])
    elif has["dates"]:
        dims["duration"] = _rank_positive(ev["years_connected"])

    # similarity: a shared organisation; same sector, same function as the owner.
    core, signals = [], []
    if has["organisations"]:
        core.append(ev["shared"].map(bool).astype(float))
    for key in ("sector", "function"):
        if has[key]:
            known = ev[key].notna()
            same = (ev[key] == owner[key]).astype(float)
            signals.append(same.where(known))
    if core or signals:
        # sector and function count where known for the tie, as 0 or 1
        total = sum((f.fillna(0.0) for f in core), pd.Series(0.0, index=idx))
        count = pd.Series(float(len(core)), index=idx)
        for feature in signals:
            total += feature.fillna(0.0)
            count += feature.notna().astype(float)
        dims["similarity"] = (total / count.replace(0.0, np.nan)).fillna(0.0)

    # services: endorsements and recommendations, both ways.
    core = []
    if has["endorsements"]:
        core.append(_rank_positive(ev["endorsements_given"] + ev["endorsements_received"]))
    if has["recommendations"]:
        core.append(_rank_positive(ev["recommendations_given"] + ev["recommendations_received"]))
    if core:
        dims["services"] = _dimension(core, [], idx)

    # structure: contacts in common (observed ties, capped co-membership).
    if has["structure"]:
        dims["structure"] = _rank_positive(ev["contacts_in_common"])

    for dim, values in dims.items():
        past.setdefault(dim, values)
    return dims, past, has


def _combine(dims: Mapping[str, pd.Series], weights: Mapping[str, float], idx: pd.Index):
    used = {d: w for d, w in weights.items() if d in dims and w > 0}
    if not used:
        return pd.Series(0.0, index=idx), used
    total = sum(used.values())
    strength = sum((dims[d] * (w / total) for d, w in used.items()), pd.Series(0.0, index=idx))
    return strength.clip(0.0, 1.0), used


# --------------------------------------------------------------------------------------
# Words


def _shared_phrase(row: Mapping[str, Any], names: Mapping[str, str], employers: set[str]) -> str:
    parts = []
    for org, both_current in row["shared"]:
        name = names[org]
        if org in employers or not employers:
            parts.append(f"{'colleague' if both_current else 'former colleague'} at {name}")
        else:
            parts.append(f"also at {name}")
    return "; ".join(parts[:2])


def _evidence_sentence(row: Mapping[str, Any], shared: str) -> str:
    parts = []
    sent, received = int(row["messages_sent"]), int(row["messages_received"])
    messages = sent + received
    last = row["last_contact"]
    if messages:
        text = f"{_plural(messages, 'message')} ({sent} sent, {received} received)"
        parts.append(text + (f", last {last}" if last else ""))
    meetings = int(row["meetings"])
    if meetings:
        met = "met once" if meetings == 1 else f"met {meetings} times"
        parts.append(met + (f", last {last}" if last and not messages else ""))
    if not messages and not meetings:
        parts.append("no messages or meetings recorded")
    if row["endorsements_received"]:
        parts.append(f"endorsed you {int(row['endorsements_received'])}×")
    if row["endorsements_given"]:
        parts.append(f"you endorsed them {int(row['endorsements_given'])}×")
    if row["recommendations_received"]:
        parts.append("recommended you")
    if row["recommendations_given"]:
        parts.append("you recommended them")
    if row["invitation_note"]:
        who = "they invited you" if row["invited_by"] == "alter" else "you invited them"
        parts.append(f"{who} with a personal note")
    if shared:
        parts.append(shared)
    if row["contacts_in_common"]:
        parts.append(f"{_plural(int(row['contacts_in_common']), 'contact')} in common")
    if row["connected_on"] and not messages and not meetings:
        parts.append(f"connected on {row['connected_on']}")
    return "; ".join(parts)


# --------------------------------------------------------------------------------------
# ties


def ties(
    G: nx.Graph,
    *,
    now: date | str | None = None,
    half_life_days: float = 180,
    dormant_after_days: int = 3 * 365,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Score every tie between the owner and a contact, and class it.

    Strength is a documented heuristic in [0, 1] (see ``docs/ties.md``): each feature is
    scaled to [0, 1] (counts and durations by percentile rank among the owner's ties that
    have them, zero staying zero; recency by exponential decay with ``half_life_days``;
    yes/no signals as 0 or 1), features are averaged within a dimension, and dimensions
    are weighted by Gilbert & Karahalios's (2009) shares of predictive power. Dimensions
    with no evidence anywhere in the network are dropped and the others renormalised.

    Parameters
    ----------
    G : networkx.Graph
        A network in netkit's schema with an owner (``G.graph["ego"]``).
    now : datetime.date or str, optional
        The analysis date; default :func:`netkit.analyse._views.data_date` (the archive's
        date, else the latest date in the network), never today.
    half_life_days : float
        Recency halves every this many days since the last interaction.
    dormant_after_days : int
        A tie that had messages or meetings, none for at least this long before ``now``,
        is dormant (Levin, Walter & Murnighan 2011 studied ties silent for 3+ years).
    weights : mapping of str to float, optional
        Weights of some dimensions (keys from :data:`DIMENSIONS`), replacing those of
        :data:`DEFAULT_WEIGHTS`; renormalised over the dimensions with evidence.

    Returns
    -------
    pandas.DataFrame
        One row per owner–contact tie, sorted by ``strength`` descending then ``person``:

        - ``person`` (str): the contact's node id; ``name`` (str).
        - ``strength`` (float, 0–1): the weighted score.
        - ``tie_class`` (str): ``dormant`` (messages or meetings once, none for
          ``dormant_after_days``), ``latent`` (connected, never interacted), else, among
          these active ties ranked by strength, ``strong`` (the top tenth, and strength
          at least 0.5), ``medium`` (up to the top third, strength at least 0.25) or
          ``weak`` (see :data:`CLASS_SHARES`, :data:`CLASS_FLOORS`); ``unknown`` for
          every tie when the network holds no interaction data at all.
        - ``low_evidence`` (bool): the network holds no interaction data, or this tie
          has none.
        - ``past_strength`` (float, 0–1): the strength with recency taken at the last
          interaction, i.e. what the tie was worth when last active (equal to
          ``strength`` for ties without interaction).
        - ``intimacy``, ``intensity``, ``duration``, ``similarity``, ``services``,
          ``structure`` (float, 0–1): the dimension scores; NaN when the network holds
          no evidence for that dimension.
        - ``messages_sent``, ``messages_received`` (int); ``reciprocity`` (float,
          min/max of the two, NaN without messages); ``meetings`` (int);
          ``endorsements`` and ``recommendations`` (int, both ways).
        - ``channels`` (str, ``;``-joined, or None); ``first_contact``,
          ``last_contact``, ``connected_on`` (ISO date str or None);
          ``days_since_contact`` (float, days from the last contact to ``now``);
          ``years_connected`` (float, years since connecting or the first contact,
          whichever is earlier); ``years_in_touch`` (float, years from the first to the
          last contact: the duration the score uses when the network has interaction
          dates).
        - ``shared_organisations`` (str or None): the owner's organisations the contact
          also belongs or belonged to, ``;``-joined names.
        - ``contacts_in_common`` (int): contacts tied to this one by observed or
          declared evidence, plus up to :data:`COMEMBER_CAP` co-members of the same
          organisations (a proxy for mutual connections, which exports do not hold).
        - ``invited_by`` (str or None): ``ego`` or ``alter``, when the invitation is known.
        - ``dunbar_layer`` (Int64, 5/15/50/150 or <NA>): the cumulative layer of the tie's
          rank by recent interaction (recency × log volume) among active ties; a
          descriptive label (Dunbar), not a truth.
        - ``evidence`` (str): the evidence in one readable sentence.

        ``df.attrs["notes"]`` lists caveats (missing evidence and how to add it);
        ``df.attrs["weights"]`` the dimension weights used (renormalised);
        ``df.attrs["cutoffs"]`` the least strength of a strong and of a medium tie in
        this network; ``df.attrs["now"]`` the analysis date (ISO) or None.

    Raises
    ------
    ValueError
        If the network has no owner, or an option is out of range.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego")
    >>> for p in ("li:ada", "li:bo", "li:cy"):
    ...     G.add_node(p, kind="person", name=p[3:].title())
    >>> G.add_edge("ego", "li:ada", connected_on="2015-01-10", messages_sent=20,
    ...            messages_received=18, last_contact="2024-05-01")
    >>> G.add_edge("ego", "li:bo", connected_on="2016-03-02", messages_sent=4,
    ...            messages_received=2, last_contact="2019-02-01")
    >>> G.add_edge("ego", "li:cy", connected_on="2023-09-09")
    >>> df = ties(G, now="2024-06-01")
    >>> print(df[["person", "tie_class", "low_evidence"]].to_string(index=False))
    person tie_class  low_evidence
    li:ada    strong         False
     li:bo   dormant         False
     li:cy    latent          True
    >>> print(df.loc[0, "evidence"])
    38 messages (20 sent, 18 received), last 2024-05-01

    Notes
    -----
    Linear in the number of ties and person–person edges. Volume alone cannot make a
    tie strong (Marsden & Campbell 1984): messages are capped, weigh with reciprocity,
    and intensity is one dimension in six. The score is relative to the owner's own
    ties and is a heuristic, not a validated model; strength and bridging are different
    things (Neal 2024): see :mod:`netkit.analyse.bridges` for the latter.

    References
    ----------
    .. [1] M. S. Granovetter, "The strength of weak ties", Am. J. Sociol. 78(6), 1973.
    .. [2] E. Gilbert, K. Karahalios, "Predicting tie strength with social media",
       CHI 2009.
    .. [3] P. V. Marsden, K. E. Campbell, "Measuring tie strength", Social Forces 63(2),
       1984.
    .. [4] D. Z. Levin, J. Walter, J. K. Murnighan, "Dormant ties: the value of
       reconnecting", Organization Science 22(4), 2011.
    .. [5] R. I. M. Dunbar, "The social brain hypothesis", Evol. Anthropol. 6(5), 1998.
    .. [6] W.-X. Zhou, D. Sornette, R. A. Hill, R. I. M. Dunbar, "Discrete hierarchical
       organization of social group sizes", Proc. R. Soc. B 272, 2005.
    """
    return _analyse(
        G,
        now=now,
        half_life_days=half_life_days,
        dormant_after_days=dormant_after_days,
        weights=weights,
    )[0]


def _analyse(
    G: nx.Graph,
    *,
    now: date | str | None,
    half_life_days: float,
    dormant_after_days: float,
    weights: Mapping[str, float] | None,
) -> tuple[pd.DataFrame, dict[str, dict[str, str | None]]]:
    """The tie table and, per person, what maintenance() words its reasons with."""
    ego = G.graph.get("ego")
    if ego is None or ego not in G:  # whole-network mode: no owner, so no owner's ties
        df = pd.DataFrame({col: pd.Series(dtype=_dtype(col)) for col in _TIES_COLUMNS})
        df.attrs.update(notes=[NO_OWNER_NOTE], weights={}, now=None)
        return df, {"organisation": {}, "sector": {}, "shared": {}}
    if not (isinstance(half_life_days, int | float) and half_life_days > 0):
        raise ValueError(f"half_life_days must be a number of days > 0, not {half_life_days!r}")
    if not (isinstance(dormant_after_days, int | float) and dormant_after_days > 0):
        raise ValueError(
            f"dormant_after_days must be a number of days > 0, not {dormant_after_days!r}"
        )
    used_weights = _check_weights(weights)
    today = _parse_now(now, G)
    ev, owner = _gather(G, today)
    notes: list[str] = []
    if ev.empty:
        df = pd.DataFrame({col: pd.Series(dtype=_dtype(col)) for col in _TIES_COLUMNS})
        df.attrs.update(notes=["no contacts tied to the owner"], weights={}, now=_iso(today))
        return df, {"organisation": {}, "sector": {}, "shared": {}}

    dims, past, has = _scores(ev, owner, half_life_days=float(half_life_days), now=today)
    cutoffs: dict[str, float] = {}
    strength, used = _combine(dims, used_weights, ev.index)
    past_strength, _ = _combine(past, used_weights, ev.index)
    interacted = (ev["messages_sent"] + ev["messages_received"] + ev["meetings"]).gt(0)
    past_strength = past_strength.where(interacted, strength)

    if not has["interaction"]:
        tie_class = pd.Series("unknown", index=ev.index)
        low = pd.Series(True, index=ev.index)
    else:
        silent = ev["days_since_contact"].ge(dormant_after_days).fillna(False)
        tie_class = pd.Series("weak", index=ev.index)
        tie_class[interacted & silent] = "dormant"
        tie_class[~interacted] = "latent"
        active = tie_class == "weak"
        rank = strength[active].rank(method="min", ascending=False)
        n_active = int(active.sum())
        for name in ("medium", "strong"):
            top = math.ceil(CLASS_SHARES[name] * n_active - 1e-9)
            chosen = rank[(rank <= top) & (strength[active] >= CLASS_FLOORS[name])].index
            tie_class[chosen] = name
            if len(chosen):
                cutoffs[name] = float(strength[chosen].min())
        low = ~interacted

    # Dunbar layers on ranked recent interaction among active ties.
    layer = pd.Series(pd.NA, index=ev.index, dtype="Int64")
    if has["interaction"] and has["last_contact"]:
        active = interacted & tie_class.isin(["strong", "medium", "weak"])
        volume = np.log1p(ev["messages_sent"] + ev["messages_received"] + ev["meetings"])
        recent = (0.5 ** (ev["days_since_contact"] / float(half_life_days))).fillna(0.0)
        order = (
            pd.DataFrame({"r": (recent * volume)[active], "p": ev["person"][active]})
            .sort_values(["r", "p"], ascending=[False, True])
            .index
        )
        for rank, i in enumerate(order, start=1):
            if rank > 150:
                break
            layer[i] = next(size for size in (5, 15, 50, 150) if rank <= size)

    names = {org: str(G.nodes[org].get("name", org)) for org in owner["organisations"]}
    records = ev.to_dict("records")
    shared_text = [_shared_phrase(row, names, owner["employers"]) for row in records]
    evidence = [
        _evidence_sentence(row, text) for row, text in zip(records, shared_text, strict=True)
    ]

    out = pd.DataFrame(
        {
            "person": ev["person"],
            "name": ev["name"],
            "strength": strength.round(4),
            "tie_class": tie_class,
            "low_evidence": low.astype(bool),
            "past_strength": past_strength.round(4),
        }
    )
    for dim in DIMENSIONS:
        out[dim] = dims[dim].round(4) if dim in dims else np.nan
    out["messages_sent"] = ev["messages_sent"].astype(int)
    out["messages_received"] = ev["messages_received"].astype(int)
    out["reciprocity"] = ev["reciprocity"].astype(float).round(4)
    out["meetings"] = ev["meetings"].astype(int)
    out["endorsements"] = (ev["endorsements_given"] + ev["endorsements_received"]).astype(int)
    recommendations = ev["recommendations_given"] + ev["recommendations_received"]
    out["recommendations"] = recommendations.astype(int)
    for col in (
        "channels",
        "first_contact",
        "last_contact",
        "days_since_contact",
        "connected_on",
        "years_connected",
        "years_in_touch",
        "shared_organisations",
        "contacts_in_common",
        "invited_by",
    ):
        values = ev[col]
        if col in _TEXT_COLUMNS:  # text or None, never NaN
            values = pd.Series([_text(v) for v in values], index=values.index, dtype=object)
        out[col] = values
    out["dunbar_layer"] = layer
    out["evidence"] = evidence
    out = out.sort_values(["strength", "person"], ascending=[False, True], kind="mergesort")
    out = out.reset_index(drop=True)[_TIES_COLUMNS]

    notes += _notes(has, used, today, ev)
    out.attrs.update(
        cutoffs={name: round(value, 4) for name, value in cutoffs.items()},
        notes=notes,
        weights={d: round(w / sum(used.values()), 4) for d, w in used.items()} if used else {},
        now=_iso(today),
    )
    extra = {
        "organisation": dict(zip(ev["person"], map(_text, ev["organisation"]), strict=True)),
        "sector": dict(zip(ev["person"], map(_text, ev["sector"]), strict=True)),
        "shared": dict(zip(ev["person"], shared_text, strict=True)),
    }
    return out, extra


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _dtype(col: str) -> str:
    if col in ("strength", "past_strength", *DIMENSIONS, "reciprocity"):
        return "float64"
    if col in ("days_since_contact", "years_connected", "years_in_touch"):
        return "float64"
    if col in (
        "messages_sent",
        "messages_received",
        "meetings",
        "endorsements",
        "recommendations",
        "contacts_in_common",
    ):
        return "int64"
    if col == "low_evidence":
        return "bool"
    if col == "dunbar_layer":
        return "Int64"
    return "object" if col in _TEXT_COLUMNS else "str"


def _notes(
    has: Mapping[str, bool], used: Mapping[str, float], today: date | None, ev: pd.DataFrame
) -> list[str]:
    notes = []
    names = list(used)
    dims = (
        " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
    ) or "nothing"
    if not has["interaction"]:
        notes.append(
            "no interaction data in this network: strength rests on "
            f"{dims} only and every class is 'unknown'; import the LinkedIn archive "
            "(messages), an mbox or a calendar to tell strong, weak, dormant and latent ties"
        )
    else:
        share = float((ev["messages_sent"] + ev["messages_received"] + ev["meetings"]).eq(0).mean())
        if share > 0:
            notes.append(
                f"{share:.0%} of ties show no messages or meetings (latent, low evidence): "
                "talks on other channels (phone, WhatsApp, in person) are invisible here"
            )
    if today is None:
        notes.append("no dates in this network: recency and duration are not computed")
    missing = [d for d in DIMENSIONS if d not in used]
    if missing:
        notes.append(
            f"dimensions without evidence, left out and the weights renormalised: "
            f"{', '.join(missing)}"
        )
    if has["structure"]:
        notes.append(
            "contacts in common are a proxy: observed or declared ties among your contacts "
            f"plus up to {COMEMBER_CAP} co-members of the same organisations (exports hold "
            "no mutual-connection counts)"
        )
    notes.append(
        "strength is a documented heuristic relative to your own ties, not a validated "
        "measure of closeness (docs/ties.md)"
    )
    return notes


# --------------------------------------------------------------------------------------
# maintenance


def maintenance(G: nx.Graph, *, top: int = 20, now: date | str | None = None) -> pd.DataFrame:
    """The ties most worth reviving now: dormant ties that were strong, then weak ties
    that reach where closer ties do not.

    Dormant ties come first, ranked by their past strength: ties silent for years give
    advice as useful as active ones and more novel, and the previously strong ones are
    the best to revive (Levin, Walter & Murnighan 2011). Then weak ties, preferring
    those at an organisation or in a sector none of the owner's strong or medium ties
    reach, and among those the less weak ones: moderately weak ties helped job
    mobility most in LinkedIn's experiments (Rajkumar et al. 2022). A quarter of the
    places (``top // 4``) is kept for such weak ties when there are any.

    Parameters
    ----------
    G : networkx.Graph
        A network in netkit's schema with an owner.
    top : int
        How many ties to list (>= 0).
    now : datetime.date or str, optional
        The analysis date, as in :func:`ties`.

    Returns
    -------
    pandas.DataFrame
        Up to ``top`` rows, dormant ties first (by ``past_strength`` descending), then
        weak ties (reach, then ``strength`` descending), ties broken by ``person``:

        - ``person``, ``name`` (str); ``tie_class`` (str, ``dormant`` or ``weak``).
        - ``strength``, ``past_strength`` (float, 0–1): as in :func:`ties`.
        - ``last_contact`` (ISO date str or None).
        - ``why`` (str): why this tie, in English; ``why_it`` in Italian.
        - ``suggestion`` (str): one personal step, never a mass message;
          ``suggestion_it`` in Italian.

        ``df.attrs["notes"]`` as in :func:`ties`, plus why the list may be empty.

    Raises
    ------
    ValueError
        If the network has no owner or ``top`` is negative.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego")
    >>> for p in ("li:ada", "li:bo", "li:cy"):
    ...     G.add_node(p, kind="person", name=p[3:].title())
    >>> G.add_edge("ego", "li:ada", messages_sent=9, messages_received=8,
    ...            last_contact="2018-05-01", connected_on="2012-01-01")
    >>> G.add_edge("ego", "li:bo", messages_sent=1, last_contact="2024-01-01",
    ...            connected_on="2023-01-01")
    >>> G.add_edge("ego", "li:cy", messages_sent=30, messages_received=28,
    ...            last_contact="2024-05-20", connected_on="2020-01-01")
    >>> m = maintenance(G, now="2024-06-01")
    >>> list(m["person"]), list(m["tie_class"])
    (['li:ada', 'li:bo'], ['dormant', 'weak'])

    References
    ----------
    .. [1] D. Z. Levin, J. Walter, J. K. Murnighan, "Dormant ties: the value of
       reconnecting", Organization Science 22(4), 2011.
    .. [2] K. Rajkumar et al., "A causal test of the strength of weak ties", Science
       377(6612), 2022.
    """
    if not isinstance(top, int) or isinstance(top, bool) or top < 0:
        raise ValueError(f"top must be a whole number >= 0, not {top!r}")
    table, extra = _analyse(
        G, now=now, half_life_days=180, dormant_after_days=3 * 365, weights=None
    )
    notes = list(table.attrs.get("notes", []))
    empty = pd.DataFrame({col: pd.Series(dtype=_m_dtype(col)) for col in _MAINTENANCE_COLUMNS})
    if table.empty or not table["tie_class"].isin(["dormant", "weak"]).any():
        if (table["tie_class"] == "unknown").any():
            notes.append(
                "no interaction data: dormant and weak ties cannot be told apart from the "
                "others, so there is no maintenance list"
            )
        empty.attrs.update(notes=notes, now=table.attrs.get("now"))
        return empty

    organisation = extra.get("organisation", {})
    sector = extra.get("sector", {})
    shared = extra.get("shared", {})
    close = table[table["tie_class"].isin(["strong", "medium"])]
    reached_orgs = {organisation.get(p) for p in close["person"]} - {None}
    reached_sectors = {sector.get(p) for p in close["person"]} - {None}

    dormant = table[table["tie_class"] == "dormant"].sort_values(
        ["past_strength", "person"], ascending=[False, True], kind="mergesort"
    )
    weak = table[table["tie_class"] == "weak"].copy()
    weak["_new_org"] = [
        organisation.get(p) is not None and organisation.get(p) not in reached_orgs
        for p in weak["person"]
    ]
    weak["_new_sector"] = [
        sector.get(p) is not None and sector.get(p) not in reached_sectors for p in weak["person"]
    ]
    weak["_reach"] = weak["_new_org"].astype(int) + weak["_new_sector"].astype(int)
    weak = weak.sort_values(
        ["_reach", "strength", "person"], ascending=[False, False, True], kind="mergesort"
    )
    valuable = weak[weak["_reach"] > 0]
    n_weak = min(len(valuable), top // 4) if len(dormant) else min(len(weak), top)
    n_dormant = min(len(dormant), top - n_weak)
    n_weak = min(len(weak), top - n_dormant)
    parts = [part for part in (dormant.head(n_dormant), weak.head(n_weak)) if len(part)]
    chosen = pd.concat(parts) if parts else weak.head(0)

    org_names = {
        o: str(G.nodes[o].get("name", o)) for o in set(organisation.values()) if o is not None
    }
    rows = []
    for row in chosen.to_dict("records"):
        person = row["person"]
        org = org_names.get(organisation.get(person) or "")
        texts = (
            _dormant_texts(row, shared.get(person, ""), org, table.attrs.get("cutoffs", {}))
            if row["tie_class"] == "dormant"
            else _weak_texts(row, org, sector.get(person), row["_new_org"], row["_new_sector"])
        )
        rows.append(
            {
                "person": person,
                "name": row["name"],
                "tie_class": row["tie_class"],
                "strength": row["strength"],
                "past_strength": row["past_strength"],
                "last_contact": row["last_contact"],
                **texts,
            }
        )
    out = pd.DataFrame(rows, columns=_MAINTENANCE_COLUMNS) if rows else empty
    out["last_contact"] = pd.Series(
        [_text(v) for v in out["last_contact"]], index=out.index, dtype=object
    )
    out = out.reset_index(drop=True)
    out.attrs.update(notes=notes, now=table.attrs.get("now"))
    return out


def _m_dtype(col: str) -> str:
    if col in ("strength", "past_strength"):
        return "float64"
    return "object" if col == "last_contact" else "str"


def _years(row: Mapping[str, Any]) -> int:
    days = row.get("days_since_contact")
    return int(days // 365.25) if isinstance(days, float) and math.isfinite(days) else 0


def _volume(row: Mapping[str, Any]) -> tuple[str, str]:
    messages = int(row["messages_sent"]) + int(row["messages_received"])
    meetings = int(row["meetings"])
    en, it = [], []
    if messages:
        en.append(_plural(messages, "message"))
        it.append(f"{messages} {'messaggio' if messages == 1 else 'messaggi'}")
    if meetings:
        en.append("one meeting" if meetings == 1 else f"{meetings} meetings")
        it.append("un incontro" if meetings == 1 else f"{meetings} incontri")
    return " and ".join(en), " e ".join(it)


def _dormant_texts(
    row: Mapping[str, Any], shared: str, org: str | None, cutoffs: Mapping[str, float]
) -> dict[str, str]:
    volume_en, volume_it = _volume(row)
    years = _years(row)
    last = row["last_contact"] or "?"
    strong = row["past_strength"] >= cutoffs.get("strong", CLASS_FLOORS["strong"])
    medium = row["past_strength"] >= cutoffs.get("medium", CLASS_FLOORS["medium"])
    was_en = "a strong tie" if strong else "a good tie" if medium else "a real exchange"
    was_it = "un legame forte" if strong else "un buon legame" if medium else "un contatto vero"
    why = (
        f"Once {was_en} ({volume_en}), silent since {last}"
        + (f" ({_plural(years, 'year')})" if years else "")
        + "."
    )
    anni = f" ({years} {'anno' if years == 1 else 'anni'})" if years else ""
    why_it = f"Un tempo {was_it} ({volume_it}), nessun contatto dal {last}{anni}."
    if shared:
        why += f" {shared[0].upper()}{shared[1:]}."
        why_it += " " + _shared_it(shared)
    why += " Dormant ties give advice as useful as active ones, and more novel."
    why_it += " I legami dormienti danno consigli utili quanto quelli attivi, con idee più nuove."
    where = f" at {org}" if org else ""
    dove = f" in {org}" if org else ""
    suggestion = (
        f"Reconnect personally: recall what you last worked on together, ask how things "
        f"are going{where}, and offer something useful before asking for anything."
    )
    suggestion_it = (
        f"Riprendi il contatto di persona: ricorda l'ultima cosa fatta insieme, chiedi come "
        f"vanno le cose{dove} e offri qualcosa di utile prima di chiedere."
    )
    return {"why": why, "suggestion": suggestion, "why_it": why_it, "suggestion_it": suggestion_it}


def _shared_it(shared: str) -> str:
    parts = []
    for part in shared.split("; "):
        if part.startswith("former colleague at "):
            parts.append("ex collega in " + part.removeprefix("former colleague at "))
        elif part.startswith("colleague at "):
            parts.append("collega in " + part.removeprefix("colleague at "))
        elif part.startswith("also at "):
            parts.append("avete in comune " + part.removeprefix("also at "))
    text = "; ".join(parts)
    return f"{text[0].upper()}{text[1:]}." if text else ""


def _weak_texts(
    row: Mapping[str, Any],
    org: str | None,
    sector: str | None,
    new_org: bool,
    new_sector: bool,
) -> dict[str, str]:
    volume_en, volume_it = _volume(row)
    last = row["last_contact"]
    when_en = f", last {last}" if last else ""
    when_it = f", l'ultimo il {last}" if last else ""
    why = f"A weak tie ({volume_en}{when_en})"
    why_it = f"Un legame debole ({volume_it}{when_it})"
    if new_org and org:
        why += f" at {org}, where none of your closer ties are"
        why_it += f" in {org}, dove non hai legami più stretti"
    elif new_sector and sector:
        label = sector.replace("-", " ")
        why += f" in {label}, a sector none of your closer ties reach"
        why_it += f" nel settore {label}, che i tuoi legami più stretti non raggiungono"
    why += ". Moderately weak ties bring the news and openings close ones do not."
    why_it += (
        ". I legami moderatamente deboli portano notizie e occasioni che quelli stretti "
        "non portano."
    )
    suggestion = (
        "Keep it warm: react to their news or send one link that is useful to them; ask for "
        "a short call only when you have a specific question."
    )
    suggestion_it = (
        "Tienilo vivo: commenta una loro novità o manda un link che serva a loro; proponi una "
        "breve chiamata solo quando hai una domanda precisa."
    )
    return {"why": why, "suggestion": suggestion, "why_it": why_it, "suggestion_it": suggestion_it}


# --------------------------------------------------------------------------------------
# Onnela et al. (2007): overlap rises with weight; weak ties hold the network together


def edge_overlap(H: nx.Graph, *, weight: str | None = "weight") -> dict[str, Any]:
    """Neighbourhood overlap of every edge and its rank correlation with the edge weight.

    The overlap of edge (i, j) is O_ij = n_ij / ((k_i − 1) + (k_j − 1) − n_ij), with
    n_ij the neighbours i and j share and k the degrees (Onnela et al. 2007). In
    communication networks it rises with tie weight: strong ties sit inside dense
    groups, weak ones between them (Granovetter 1973).

    Parameters
    ----------
    H : networkx.Graph
        An undirected simple graph.
    weight : str or None
        The edge attribute holding tie weight (missing = 1); None for no correlation.

    Returns
    -------
    dict
        ``overlap``: dict of edge ``(u, v)`` (as ``H.edges`` yields it) to O_ij, for
        every edge where it is defined (not both ends of degree 1);
        ``spearman``: Spearman's rank correlation between weight and overlap over those
        edges (NaN with fewer than 3 edges, constant values or ``weight=None``);
        ``edges``: how many edges it is computed on.

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.Graph()
    >>> H.add_weighted_edges_from([("a", "b", 5), ("b", "c", 4), ("a", "c", 6),
    ...                            ("c", "d", 1), ("d", "e", 1)])
    >>> result = edge_overlap(H)
    >>> result["overlap"][("a", "b")], result["overlap"][("c", "d")]
    (1.0, 0.0)
    >>> round(result["spearman"], 3)  # ranks (4, 3, 5, 1.5, 1.5) vs (5, 3.5, 3.5, 1.5, 1.5)
    0.811

    Notes
    -----
    O(Σ_edges min(k_i, k_j)) with set intersections.

    References
    ----------
    .. [1] J.-P. Onnela et al., "Structure and tie strengths in mobile communication
       networks", PNAS 104(18), 2007.
    """
    from scipy.stats import spearmanr

    adjacency = {node: set(H[node]) - {node} for node in H}
    overlap: dict[tuple[Any, Any], float] = {}
    weights = []
    for u, v, data in H.edges(data=True):
        if u == v:
            continue
        nu, nv = adjacency[u], adjacency[v]
        shared = len(nu & nv) if len(nu) < len(nv) else len(nv & nu)
        denominator = (len(nu) - 1) + (len(nv) - 1) - shared
        if denominator <= 0:
            continue
        overlap[(u, v)] = shared / denominator
        if weight is not None:
            weights.append(float(data.get(weight, 1.0)))
    rho = math.nan
    values = list(overlap.values())
    if weight is not None and len(values) >= 3 and len(set(values)) > 1 and len(set(weights)) > 1:
        rho = float(spearmanr(weights, values).statistic)
    return {"overlap": overlap, "spearman": rho, "edges": len(overlap)}


def fragmentation(
    H: nx.Graph,
    *,
    weight: str = "weight",
    order: str = "weak-first",
    fractions: Sequence[float] = tuple(i / 20 for i in range(20)),
    seed: int = 0,
) -> pd.DataFrame:
    """How a network falls apart as its edges are removed, weakest (or strongest) first.

    Onnela et al. (2007) found that removing a mobile-phone network's weak ties first
    makes it collapse, while removing its strong ties first only shrinks it: weak ties
    hold communities together, strong ones sit inside them.

    Parameters
    ----------
    H : networkx.Graph
        An undirected graph whose edges carry ``weight`` (missing = 1).
    weight : str
        The edge attribute holding tie weight.
    order : {"weak-first", "strong-first"}
        Which edges go first.
    fractions : sequence of float
        Shares of edges removed (each in [0, 1]).
    seed : int
        Edges of equal weight are removed in a random order drawn with this seed
        (a fixed order, e.g. by node id, would bias the result).

    Returns
    -------
    pandas.DataFrame
        One row per fraction, in the given order: ``fraction`` (float),
        ``edges_removed`` (int, floor of fraction × edges), ``largest_component``
        (float, share of all nodes in the largest connected component),
        ``components`` (int), ``susceptibility`` (float, Σ s² n_s / N over the
        components other than the largest, Onnela's S; it peaks where the network
        breaks up).

    Raises
    ------
    ValueError
        For an unknown ``order`` or a fraction outside [0, 1].

    Examples
    --------
    >>> import networkx as nx
    >>> H = nx.Graph()
    >>> H.add_weighted_edges_from([("a", "b", 9), ("b", "c", 9), ("c", "a", 9),
    ...                            ("x", "y", 9), ("y", "z", 9), ("z", "x", 9),
    ...                            ("c", "x", 1)])
    >>> weak = fragmentation(H, order="weak-first", fractions=[0.0, 1 / 7])
    >>> strong = fragmentation(H, order="strong-first", fractions=[0.0, 1 / 7])
    >>> list(weak["largest_component"]), list(strong["largest_component"])
    ([1.0, 0.5], [1.0, 1.0])

    Notes
    -----
    One union–find pass adding the edges back in reverse removal order gives every
    fraction at once: O(m log m) for the sort plus O(m α(n)).

    References
    ----------
    .. [1] J.-P. Onnela et al., "Structure and tie strengths in mobile communication
       networks", PNAS 104(18), 2007.
    """
    if order not in ("weak-first", "strong-first"):
        raise ValueError(f"order must be 'weak-first' or 'strong-first', not {order!r}")
    fractions = [float(f) for f in fractions]
    if any(not 0.0 <= f <= 1.0 for f in fractions):
        raise ValueError("every fraction must be between 0 and 1")
    nodes = list(H.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    rng = random.Random(seed)
    edges = sorted(
        (
            (float(data.get(weight, 1.0)), rng.random(), index[u], index[v])
            for u, v, data in H.edges(data=True)
            if u != v
        ),
        reverse=(order == "strong-first"),
    )
    m, n = len(edges), len(nodes)
    removed_for = {f: min(m, math.floor(f * m + 1e-9)) for f in fractions}
    wanted = sorted(set(removed_for.values()), reverse=True)  # fewest kept edges first

    parent = list(range(n))
    size = [1] * n
    state = {"components": n, "largest": 1 if n else 0, "squares": n}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    snapshots: dict[int, tuple[int, int, int]] = {}
    position = m  # edges[position:] are kept
    for removed in wanted:
        while position > removed:
            position -= 1
            _, _, a, b = edges[position]
            ra, rb = find(a), find(b)
            if ra != rb:
                if size[ra] < size[rb]:
                    ra, rb = rb, ra
                state["squares"] += 2 * size[ra] * size[rb]
                parent[rb] = ra
                size[ra] += size[rb]
                state["components"] -= 1
                state["largest"] = max(state["largest"], size[ra])
        snapshots[removed] = (state["components"], state["largest"], state["squares"])
    rows = []
    for f in fractions:
        removed = removed_for[f]
        components, largest, squares = snapshots[removed] if n else (0, 0, 0)
        rows.append(
            {
                "fraction": f,
                "edges_removed": removed,
                "largest_component": largest / n if n else math.nan,
                "components": components,
                "susceptibility": (squares - largest * largest) / n if n else math.nan,
            }
        )
    return pd.DataFrame(
        rows,
        columns=["fraction", "edges_removed", "largest_component", "components", "susceptibility"],
    )
