"""Bridges toward a target: whom to ask, in what order, why, and what to ask them."""

from __future__ import annotations

import importlib
import math
import textwrap
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from difflib import get_close_matches
from types import MappingProxyType
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from netkit.analyse import _kernels, _views
from netkit.enrich.places import Place
from netkit.enrich.sectors import known_organisation
from netkit.enrich.target import Target, resolve_target
from netkit.enrich.taxonomy import (
    FUNCTION_LABELS,
    SECTOR_LABELS,
    SENIORITY,
    SENIORITY_LABELS,
    seniority_rank,
)
from netkit.errors import NetkitError, UnknownTerm
from netkit.schema import clean_text, organisation_id, organisation_key

__all__ = [
    "ACTIONS",
    "PATH_COLUMNS",
    "RANKING_COLUMNS",
    "REACH_BY_CLASS",
    "RELEVANCE_WEIGHTS",
    "SCORE_WEIGHTS",
    "SOURCE_OPTIONS",
    "SOURCE_OWNER",
    "ClusterGap",
    "NoTarget",
    "OrganisationGap",
    "TargetGaps",
    "TargetResult",
    "target",
]

#: Weight of each dimension of relevance; only the dimensions the target names count,
#: renormalised to sum to 1.
RELEVANCE_WEIGHTS: dict[str, float] = {
    "organisation": 0.30,
    "sector": 0.30,
    "function": 0.20,
    "territory": 0.12,
    "seniority": 0.08,
}
#: Weight of each component of the score; a component without evidence is dropped and the
#: others renormalised (only ``Connections.csv``: relevance alone).
SCORE_WEIGHTS: dict[str, float] = {"relevance": 0.55, "reach": 0.30, "brokerage": 0.15}
#: Reach by tie class: an inverted U over tie strength (Rajkumar et al. 2022), moderately
#: weak ties first, then medium, dormant (Levin et al. 2011), the closest, the faintest.
REACH_BY_CLASS: dict[str, float] = {
    "weak": 1.0,
    "medium": 0.9,
    "dormant": 0.7,
    "strong": 0.6,
    "latent": 0.25,
    "none": 0.0,
}
#: Reach of a dormant tie that was once strong: the best to revive (Levin et al. 2011).
REACH_REVIVE = 0.9
#: Territory credit when the contact is not inside the target place but near it.
TERRITORY_NEAR = {"province": 0.7, "region": 0.45, "country": 0.15}
#: A dormant tie was once strong with this many messages, or meetings, or a recommendation.
ONCE_STRONG_MESSAGES = 15
ONCE_STRONG_MEETINGS = 3
#: Silence after which a tie is dormant (SCIENCE.md; Levin et al. 2011).
DORMANT_AFTER = timedelta(days=3 * 365)
#: Next steps, in the order the approach prefers them.
ACTIONS = ("reconnect", "information", "introduction")
#: Columns of :attr:`TargetResult.ranking`, in order.
RANKING_COLUMNS = (
    "rank",
    "person",
    "name",
    "score",
    "relevance",
    "reach",
    "brokerage",
    "organisation",
    "position",
    "sector",
    "territory",
    "matches",
    "tie_class",
    "revive",
    "target_contacts",
    "last_contact",
    "action",
    "reason",
    "reason_it",
    "next_step",
    "next_step_it",
)
#: Columns of :attr:`TargetResult.paths`, in order.
PATH_COLUMNS = (
    "organisation",
    "organisation_name",
    "hops",
    "ask",
    "ask_name",
    "ask_tie_class",
    "member",
    "member_name",
    "chain",
    "text",
    "text_it",
)
SOURCE_OPTIONS = "options"
SOURCE_OWNER = "your LinkedIn job-seeker preferences, followed companies and saved jobs"
_SOURCE_OWNER_IT = (
    "le tue preferenze di ricerca di lavoro su LinkedIn, le aziende seguite e le offerte salvate"
)
_LIVE = ("strong", "medium", "weak")
_INTERACTED = ("strong", "medium", "weak", "dormant")
_INTERACTION_KEYS = (
    "messages_sent",
    "messages_received",
    "meetings",
    "last_contact",
    "endorsements_given",
    "endorsements_received",
    "recommendations_given",
    "recommendations_received",
)
_DIMS = ("organisation", "sector", "function", "seniority", "territory")
_DIM_EN = {
    "organisation": "organisation",
    "sector": "sector",
    "function": "role",
    "seniority": "level",
    "territory": "territory",
}
_DIM_IT = {
    "organisation": "azienda",
    "sector": "settore",
    "function": "ruolo",
    "seniority": "livello",
    "territory": "territorio",
}
_NEAR_EN = {"province": "same province", "region": "same region", "country": "same country"}
_NEAR_IT = {"province": "stessa provincia", "region": "stessa regione", "country": "stesso paese"}


# --------------------------------------------------------------------------------------------
# Result types.


class NoTarget(NetkitError, ValueError):
    """No target was given and the network holds none (no LinkedIn job-seeker preferences).

    A :class:`~netkit.errors.NetkitError`, so the CLI prints it as one line.
    """


@dataclass(frozen=True)
class OrganisationGap:
    """How the owner stands with one target organisation.

    Attributes
    ----------
    organisation : str
        Organisation id (``org:…``).
    name : str
        Its name in the network, else the name given.
    in_network : bool
        The network has a node for it.
    contacts : int
        Current members who are the owner's contacts.
    interacted : int
        Of those, contacts the owner has interacted with (strong, medium, weak, dormant).
    paths : int
        Chains found to it (see :attr:`TargetResult.paths`).
    """

    organisation: str
    name: str
    in_network: bool
    contacts: int
    interacted: int
    paths: int


@dataclass(frozen=True)
class ClusterGap:
    """A cluster of the network and how much of it lies in the target.

    Attributes
    ----------
    cluster : int
        Cluster id (from :func:`netkit.analyse.clusters.clusters` or the fallback).
    label, label_it : str
        Its label in English and Italian.
    size : int
        Contacts in it.
    matching : int
        Contacts in it inside the target (its sector or organisations; see Notes of
        :func:`target`).
    share : float
        ``matching / size``.
    """

    cluster: int
    label: str
    label_it: str
    size: int
    matching: int
    share: float


@dataclass(frozen=True)
class TargetGaps:
    """What the owner's network holds of the target, and what it lacks.

    Attributes
    ----------
    contacts : int
        Contacts considered.
    sector, territory, function, seniority : int or None
        Contacts matching that dimension fully; None when the target does not name it.
    all_named : int
        Contacts matching every dimension the target names.
    inside : int
        Contacts inside the target's core (its organisations or sectors; else its role).
    organisations : tuple of OrganisationGap
        One per target organisation, in the target's order.
    without_contacts : tuple of str
        Names of target organisations where the owner has no contact at all.
    clusters : tuple of ClusterGap
        Up to five clusters (three or more contacts) with the largest share inside the
        target, nearest first.
    """

    contacts: int
    sector: int | None
    territory: int | None
    function: int | None
    seniority: int | None
    all_named: int
    inside: int
    organisations: tuple[OrganisationGap, ...] = ()
    without_contacts: tuple[str, ...] = ()
    clusters: tuple[ClusterGap, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (see :meth:`TargetResult.to_dict`)."""
        return {
            "contacts": self.contacts,
            "sector": self.sector,
            "territory": self.territory,
            "function": self.function,
            "seniority": self.seniority,
            "all_named": self.all_named,
            "inside": self.inside,
            "organisations": [vars(o).copy() for o in self.organisations],
            "without_contacts": list(self.without_contacts),
            "clusters": [vars(c).copy() for c in self.clusters],
        }


@dataclass(frozen=True)
class TargetResult:
    """Whom to ask toward a target, in what order and why: what :func:`target` returns.

    Attributes
    ----------
    ranking : pandas.DataFrame
        One row per contact (the ``top`` best), columns :data:`RANKING_COLUMNS`; see
        :func:`target`.
    paths : pandas.DataFrame
        Chains of known person–person ties toward target organisations the owner has no
        contact in; columns ``PATH_COLUMNS``.
    gaps : TargetGaps
        Counts of contacts per dimension, target organisations without contacts, the
        clusters nearest the target.
    target : netkit.enrich.Target
        What the target terms resolved to (sector ids, functions, places, organisations).
    source : str
        ``"options"``, or :data:`SOURCE_OWNER` when the target came from the archive.
    notes : tuple of str
        Missing evidence and choices made, in English; ``notes_it`` in Italian.
    lang : str
        ``"en"`` or ``"it"``: the language of :meth:`table`.
    """

    ranking: pd.DataFrame
    paths: pd.DataFrame
    gaps: TargetGaps
    target: Target
    source: str
    notes: tuple[str, ...] = ()
    notes_it: tuple[str, ...] = ()
    lang: str = "en"
    weights: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data, the output of ``netkit target --json``.

        Keys (stable; documented in ``docs/target.md``): ``version`` (1), ``source``,
        ``target`` (``sectors``, ``functions``, ``seniorities``, ``places`` as dicts with
        ``name``, ``level``, ``city``, ``province``, ``region``, ``country``,
        ``organisations``, ``terms`` as ``[text, resolved]`` pairs), ``weights`` (the
        score components used), ``notes``, ``notes_it``, ``advice``, ``advice_it``,
        ``ranking`` (one object per row, keys :data:`RANKING_COLUMNS`), ``paths`` (keys
        ``PATH_COLUMNS``) and ``gaps`` (see :class:`TargetGaps`). Missing values are null.
        """
        return {
            "version": 1,
            "source": self.source,
            "target": _target_dict(self.target),
            "weights": dict(self.weights),
            "notes": list(self.notes),
            "notes_it": list(self.notes_it),
            "advice": ADVICE_EN,
            "advice_it": ADVICE_IT,
            "ranking": _records(self.ranking, RANKING_COLUMNS),
            "paths": _records(self.paths, PATH_COLUMNS),
            "gaps": self.gaps.to_dict(),
        }

    def table(self, width: int = 80, *, lang: str | None = None) -> str:
        """The ranking as text for a terminal of ``width`` columns (at least 60).

        Rank, name, organisation, tie class and a short reason; then the paths, the
        gaps and the notes, each line at most ``width`` characters.
        """
        lang = _check_lang(lang or self.lang)
        width = max(60, int(width))
        it = lang == "it"
        lines: list[str] = []
        if self.source == SOURCE_OWNER:
            source = f"dalle {_SOURCE_OWNER_IT[3:]}" if it else f"from {SOURCE_OWNER}"
        else:
            source = "dalle opzioni" if it else "from the options"
        names = {g.organisation: g.name for g in self.gaps.organisations}
        head = f"{'Obiettivo' if it else 'Target'}: {_target_summary(self.target, it, names)}"
        lines += _wrap(f"{head} ({source})", width)
        tie_w = 8
        name_w = max(12, round((width - 15) * 0.3))
        org_w = max(10, round((width - 15) * 0.27))
        reason_w = width - (3 + name_w + org_w + tie_w + 4)
        header = (
            f"{'#':>3} {'Nome' if it else 'Name':<{name_w}} "
            f"{'Azienda' if it else 'Organisation':<{org_w}} "
            f"{'Legame' if it else 'Tie':<{tie_w}} {'Perché' if it else 'Why'}"
        )
        lines += ["", header[:width], "-" * width]
        for row in self.ranking.itertuples(index=False):
            tie = _TIE_IT.get(row.tie_class, row.tie_class) if it else row.tie_class
            if row.revive:
                tie = "riattiva" if it else "revive"
            short = _short_reason(row, it, self.target)
            lines.append(
                f"{row.rank:>3} {_fit(row.name, name_w):<{name_w}} "
                f"{_fit(row.organisation or '', org_w):<{org_w}} "
                f"{_fit(tie or '', tie_w):<{tie_w}} {_fit(short, reason_w)}"
            )
        if self.ranking.empty:
            lines.append("(nessun contatto)" if it else "(no contacts)")
        if not self.paths.empty:
            lines += [
                "",
                "Catene verso le aziende obiettivo:" if it else "Paths to target organisations:",
            ]
            for row in self.paths.itertuples(index=False):
                lines += _wrap(f"- {row.text_it if it else row.text}", width, indent="  ")
        lines += ["", "Lacune:" if it else "Gaps:"]
        lines += [f"  {line}" for line in _gap_lines(self.gaps, self.target, it, width - 2)]
        notes = self.notes_it if it else self.notes
        if notes:
            lines += ["", "Note:" if it else "Notes:"]
            for note in notes:
                lines += _wrap(f"- {note}", width, indent="  ")
        lines += [""] + _wrap(ADVICE_IT if it else ADVICE_EN, width)
        return "\n".join(line[:width].rstrip() for line in lines)


ADVICE_EN = (
    "Aim first for information and advice, not a job; give before you ask; make one clear, "
    "modest request per message and let the other person choose the next step. Write to a "
    "few people at a time, each message personal: never a mass message."
)
ADVICE_IT = (
    "Punta prima a informazioni e consigli, non a un posto di lavoro; offri qualcosa prima di "
    "chiedere; una sola richiesta, chiara e contenuta, per messaggio, e lascia che sia l'altra "
    "persona a decidere il seguito. Scrivi a poche persone alla volta, con messaggi personali: "
    "mai invii di massa."
)
_TIE_IT = {
    "strong": "forte",
    "medium": "medio",
    "weak": "debole",
    "dormant": "dormiente",
    "latent": "latente",
    "unknown": "ignoto",
    "none": "nessuno",
}


# --------------------------------------------------------------------------------------------
# The analyser.


def target(
    G: nx.Graph,
    *,
    sector: str | None = None,
    role: str | None = None,
    seniority: str | None = None,
    territory: str | None = None,
    organisations: Sequence[str] = (),
    top: int | None = 20,
    ties: pd.DataFrame | None = None,
    bridges: pd.DataFrame | None = None,
    clusters: pd.DataFrame | None = None,
    lang: str = "en",
) -> TargetResult:
    """Rank contacts as bridges toward a target and say what to ask each of them.

    Parameters
    ----------
    G : networkx.Graph
        A netkit network (enriched: ``sector``, ``function``, ``seniority``,
        ``territory``). Not modified.
    sector, role, seniority, territory : str, optional
        Free text, in English or Italian ("energie rinnovabili", "HR director",
        "dirigente", "Milano"); see :func:`netkit.enrich.resolve_target`. Several places
        are separated by ``;``.
    organisations : sequence of str, optional
        Target organisations by name ("Edison", "Enel Green Power").
    top : int or None, default 20
        Rows of the ranking returned; None returns every contact.
    ties, bridges, clusters : pandas.DataFrame, optional
        Precomputed outputs of :func:`netkit.analyse.ties.ties` (``person``,
        ``tie_class``, ``strength``), :func:`netkit.analyse.bridges.bridges` (``person``,
        ``betweenness``, ``clusters_touched``) and
        :func:`netkit.analyse.clusters.clusters` (``person``, ``cluster``,
        ``cluster_label``, ``cluster_label_it``). Without ``ties``,
        :func:`netkit.analyse.ties.ties` is called when importable (else a coarse local
        rule, and a note says so). Without ``bridges`` and ``clusters``, brokerage is
        measured here on the ties among contacts (exact or sampled betweenness through
        the kernels, a seeded Leiden partition): the two analysers take 30 s and 25 s at
        30,000 contacts, so they are used only when their tables are passed.
    lang : {"en", "it"}
        Language of :meth:`TargetResult.table`; both languages are always in the data.

    Returns
    -------
    TargetResult
        ``ranking`` has one row per contact (the owner excluded; organisations are never
        rows), best bridge first, ties broken by person id; columns:

        - ``rank`` (int, 1 = ask first), ``person`` (node id), ``name``;
        - ``score`` (0..1): weighted mean of the components below
          (:data:`SCORE_WEIGHTS`, over the components with evidence);
        - ``relevance`` (0..1): match on the target's organisation, sector, role
          (function), level (seniority) and territory (:data:`RELEVANCE_WEIGHTS`);
        - ``reach`` (0..1 or NaN without interaction data): the owner's tie, moderately
          weak first (:data:`REACH_BY_CLASS`);
        - ``brokerage`` (0..1 or NaN without person–person ties): observed ties into the
          target, betweenness, clusters touched;
        - ``organisation`` (name), ``position``, ``sector`` (id), ``territory``;
        - ``matches``: ``;``-joined dimensions matched (``organisation``, ``sector``,
          ``function``, ``seniority``, ``territory``); partial matches as
          ``territory:province`` / ``:region`` / ``:country``, ``organisation:past``,
          ``seniority:near``;
        - ``tie_class``: strong, medium, weak, dormant, latent, unknown (no interaction
          data) or none (not a contact of the owner);
        - ``revive`` (bool): a dormant tie once strong, worth reviving;
        - ``target_contacts`` (int): people inside the target they have an observed or
          declared tie with;
        - ``last_contact`` (ISO date or None);
        - ``action``: ``reconnect``, ``information`` (ask for an information
          conversation) or ``introduction`` (ask for one introduction);
        - ``reason``, ``reason_it``: one readable line; ``next_step``, ``next_step_it``:
          the suggested next step and why.

    Raises
    ------
    UnknownTerm
        A sector, role, level or territory netkit does not know; the message lists the
        closest known terms.
    NoTarget
        No target given and none in the network (a ``ValueError`` and a
        :class:`~netkit.errors.NetkitError`).
    ValueError
        ``top`` below 1; unknown ``lang``.

    Examples
    --------
    >>> G = nx.Graph(netkit_schema=1, ego="ego", archive_date="2026-01-01")
    >>> G.add_node("ego", kind="ego")
    >>> G.add_node("org:enel green power", kind="organisation", name="Enel Green Power",
    ...            sector="renewable-energy")
    >>> G.add_node("li:sara", kind="person", name="Sara Neri", sector="renewable-energy",
    ...            function="hr", territory="Milano", city="Milano", province="MI",
    ...            region="Lombardia", country="Italy")
    >>> G.add_node("li:marco", kind="person", name="Marco Blu", sector="banking")
    >>> G.add_edge("li:sara", "org:enel green power", kind="member_of", current=True)
    >>> G.add_edge("ego", "li:sara", last_contact="2021-03-01", messages_sent=12,
    ...            messages_received=9)
    >>> G.add_edge("ego", "li:marco", last_contact="2025-11-01", messages_sent=2)
    >>> G.add_edge("li:marco", "li:sara", kind="declared", count=1)
    >>> result = target(G, sector="energie rinnovabili", territory="Milano")
    >>> print(result.ranking[["rank", "name", "action"]].to_string(index=False))
     rank      name       action
        1 Sara Neri    reconnect
        2 Marco Blu introduction
    >>> for part in result.ranking.loc[0, "reason"].split("; "):
    ...     print(part)
    Works at Enel Green Power in Milano (sector and territory match)
    last in touch in 2021: a dormant tie worth reviving

    Notes
    -----
    *Relevance* is the weighted share of the named dimensions a contact matches:
    a current member of a target organisation scores 1 on it (a past member 0.5); the
    sector, function and level (1, or 0.5 one step away) come from enrichment; territory
    is 1 inside a target place and 0.7 / 0.45 / 0.15 in the same province / region /
    country. With organisations and no sector, their sectors become the target's.

    *Reach* follows Rajkumar et al. (2022): job mobility peaks at moderately weak ties,
    so weak (1.0) and medium (0.9) ties come before dormant (0.7; 0.85 when once strong,
    Levin et al. 2011), strong (0.6) and latent ones (0.25). Tie classes come from
    :func:`netkit.analyse.ties.ties`; where it is missing, a coarse local rule (no
    interaction: latent; silent for three years: dormant; else by message and meeting
    volume, top 10% strong, next 30% medium).

    *Brokerage* (Burt 1992; Granovetter 1973): 0.6 × (1 − 0.5^k) for k observed ties
    into the target's core (its organisations or sectors, else its role), 0.25 × the
    percentile of betweenness among contacts with any, 0.15 × (clusters touched − 1) / 2
    (capped at 1).

    Paths: for each target organisation where no current member is a contact the owner
    has interacted with (or, without interaction data, a contact at all), the shortest
    chains owner → contact → … → member over observed person–person ties, first hop a
    contact with an interaction, at most three per organisation.

    Complexity: linear in nodes and edges, plus betweenness (exact up to 5,000 tied
    contacts, else 512 sampled sources) when ``bridges`` is not given; texts are
    written only for the rows returned. 30,000 contacts rank in about 2 s with the tie
    table given, about 9.5 s when :func:`netkit.analyse.ties.ties` runs inside
    (``benchmarks/bench_target.py``; ``docs/target.md``).

    References
    ----------
    Granovetter, M. (1973). The strength of weak ties. American Journal of Sociology 78(6).
    Burt, R. S. (1992). Structural Holes. Harvard University Press.
    Levin, D. Z., Walter, J., & Murnighan, J. K. (2011). Dormant ties: the value of
    reconnecting. Organization Science 22(4).
    Rajkumar, K., Saint-Jacques, G., Bojinov, I., Brynjolfsson, E., & Aral, S. (2022).
    A causal test of the strength of weak ties. Science 377(6612).
    """
    lang = _check_lang(lang)
    # A plain frame without ``attrs``: pandas deep-copies attrs on every column access.
    ties, bridges, clusters = (
        None if frame is None else pd.DataFrame(frame) for frame in (ties, bridges, clusters)
    )
    if top is not None and (not isinstance(top, int) or top < 1):
        raise ValueError(f"top must be a positive integer or None, got {top!r}")
    notes: list[tuple[str, str]] = []
    goal, source, names = _resolve(G, sector, role, seniority, territory, organisations, notes)
    ego = G.graph.get("ego")
    has_ego = ego is not None and ego in G
    people = _views.contacts(G)
    ego_edges = _owner_edges(G, people)

    goal = _derive_sectors(G, goal, names, notes)
    nodes = dict(G.nodes(data=True))
    info = _Info(G, nodes, goal)
    current, past = _memberships(G, nodes, goal.organisations)
    interaction_data = has_ego and any(
        any(k in edge for k in _INTERACTION_KEYS) for edge in ego_edges.values()
    )
    classes, strengths = _tie_classes(G, people, ego_edges, ties, interaction_data, notes)
    H = _views.people_graph(G)
    has_person_ties = H.number_of_edges() > 0

    relevance, matched = _relevance(people, nodes, goal, current, past)
    core = _core(people, goal, matched)
    reach, revive = _reach(people, classes, strengths, ego_edges)
    person_adj = dict(H.adjacency())
    knows = {p: [q for q in person_adj[p] if core.get(q)] for p in people}
    partition = None
    if has_person_ties:
        brokerage, partition = _brokerage(H, person_adj, people, knows, bridges, clusters)
    else:
        brokerage = dict.fromkeys(people, math.nan)

    weights = {"relevance": SCORE_WEIGHTS["relevance"]}
    if interaction_data:
        weights["reach"] = SCORE_WEIGHTS["reach"]
    if has_person_ties:
        weights["brokerage"] = SCORE_WEIGHTS["brokerage"]
    total = sum(weights.values())
    weights = {k: round(v / total, 6) for k, v in weights.items()}
    _evidence_notes(has_ego, interaction_data, has_person_ties, notes)

    score: dict[str, float] = {}
    for p in people:
        s = weights["relevance"] * relevance[p]
        if "reach" in weights:
            s += weights["reach"] * reach[p]
        if "brokerage" in weights:
            s += weights["brokerage"] * brokerage[p]
        score[p] = round(s, 6)
    order = sorted(people, key=lambda p: (-score[p], p))
    shown = order if top is None else order[:top]

    paths = _paths(G, H, goal, info, classes, interaction_data, has_ego, reach)
    texts = _Texts(goal, info, G, person_adj, classes, reach, interaction_data)
    rows = []
    for rank, p in enumerate(shown, start=1):
        data = info[p]
        cls = classes[p]
        last = ego_edges[p].get("last_contact")
        row = {
            "rank": rank,
            "person": p,
            "name": data["name"],
            "score": round(score[p], 4),
            "relevance": round(relevance[p], 4),
            "reach": round(reach[p], 4) if interaction_data else math.nan,
            "brokerage": round(brokerage[p], 4) if has_person_ties else math.nan,
            "organisation": data["organisation_name"],
            "position": clean_text(str(data["position"] or "")) or None,
            "sector": data["sector"],
            "territory": data["territory"],
            "matches": _matches(matched[p]),
            "tie_class": cls,
            "revive": bool(revive[p]),
            "target_contacts": len(knows[p]),
            "last_contact": str(last)[:10] if last else None,
        }
        row.update(texts.explain(p, row, matched[p], knows[p], core[p]))
        rows.append(row)
    ranking = pd.DataFrame(rows, columns=list(RANKING_COLUMNS))
    ranking = ranking.astype({"rank": "int64", "revive": "bool", "target_contacts": "int64"})
    gaps = _gaps(G, people, goal, info, current, matched, core, classes, partition, clusters, paths)
    return TargetResult(
        ranking=ranking,
        paths=paths,
        gaps=gaps,
        target=goal,
        source=source,
        notes=tuple(en for en, _ in notes),
        notes_it=tuple(it for _, it in notes),
        lang=lang,
        weights=weights,
    )


# --------------------------------------------------------------------------------------------
# Target resolution.


def _check_lang(lang: str) -> str:
    if lang not in ("en", "it"):
        raise ValueError(f"lang must be 'en' or 'it', got {lang!r}")
    return lang


def _merge(targets: Iterable[Target]) -> Target:
    def union(values: Iterable[Any]) -> tuple[Any, ...]:
        return tuple(dict.fromkeys(values))

    targets = list(targets)
    return Target(
        sectors=union(s for t in targets for s in t.sectors),
        functions=union(f for t in targets for f in t.functions),
        seniorities=union(s for t in targets for s in t.seniorities),
        places=union(p for t in targets for p in t.places),
        organisations=union(o for t in targets for o in t.organisations),
        terms=tuple(term for t in targets for term in t.terms),
    )


def _resolve_seniority(text: str) -> Target:
    text = clean_text(text)
    try:
        found = resolve_target(role=text)
    except UnknownTerm:
        found = Target()
    if not found.seniorities:
        vocabulary = sorted(
            {*SENIORITY, *(x for labels in SENIORITY_LABELS.values() for x in labels)}
        )
        close = get_close_matches(text.casefold(), vocabulary, n=5, cutoff=0.4) or vocabulary[:5]
        raise UnknownTerm("seniority", text, close)
    levels = ", ".join(found.seniorities)
    return Target(seniorities=found.seniorities, terms=((text, f"level {levels}"),))


def _split(value: object) -> list[str]:
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def _owner_target(G: nx.Graph, notes: list[tuple[str, str]]) -> tuple[Target, list[str]] | None:
    """The owner's own target from the archive's preferences, dream companies and jobs."""
    graph = G.graph
    keys = (
        "target_industries",
        "target_locations",
        "target_titles",
        "target_organisations",
        "saved_job_organisations",
        "saved_job_titles",
        "followed_organisations",
    )
    if not any(_split(graph.get(k)) for k in keys):
        return None
    parts: list[Target] = []
    skipped: list[str] = []

    def attempt(**kwargs: Any) -> Target | None:
        try:
            return resolve_target(**kwargs)
        except UnknownTerm as error:
            skipped.append(error.term)
            return None

    for text in _split(graph.get("target_industries")):
        found = attempt(sector=text)
        if found:
            parts.append(found)
    for text in _split(graph.get("target_locations")):
        found = attempt(territory=text)
        if found:
            parts.append(found)
    for text in _split(graph.get("target_titles")) or _split(graph.get("saved_job_titles")):
        found = attempt(role=text)
        if found:
            parts.append(found)
    names = [
        *_split(graph.get("target_organisations")),
        *_split(graph.get("saved_job_organisations")),
    ]
    sectors = {s for t in parts for s in t.sectors}
    for text in _split(graph.get("followed_organisations")):
        # A followed company counts only when it is in the target's sectors: people
        # follow their own association, former employers, clients...
        if sectors and _organisation_sector(G, text) in sectors:
            names.append(text)
    names = list(dict.fromkeys(names))
    for text in names:
        found = attempt(organisations=[text])
        if found:
            parts.append(found)
    if skipped:
        shown = ", ".join(repr(s) for s in skipped)
        notes.append(
            (
                f"terms of your LinkedIn preferences netkit does not know, left out: {shown}",
                f"termini delle tue preferenze LinkedIn che netkit non conosce, omessi: {shown}",
            )
        )
    return _merge(parts), names


def _organisation_sector(G: nx.Graph, name: str) -> str | None:
    node = organisation_id(name)
    if node and node in G and G.nodes[node].get("sector"):
        return str(G.nodes[node]["sector"])
    known = known_organisation(name)
    return known.sector if known else None


def _resolve(
    G: nx.Graph,
    sector: str | None,
    role: str | None,
    seniority: str | None,
    territory: str | None,
    organisations: Sequence[str],
    notes: list[tuple[str, str]],
) -> tuple[Target, str, list[str]]:
    if isinstance(organisations, str):
        organisations = [organisations]
    names = [clean_text(o) for o in organisations if clean_text(o)]
    given = any(clean_text(x or "") for x in (sector, role, seniority, territory)) or names
    if given:
        goal = resolve_target(sector=sector, role=role, territory=territory, organisations=names)
        if seniority and clean_text(seniority):
            goal = _merge([goal, _resolve_seniority(seniority)])
        return goal, SOURCE_OPTIONS, names
    owned = _owner_target(G, notes)
    if owned is None or not _named(owned[0]):
        raise NoTarget(
            "no target: give a sector, role, territory or organisation (e.g. "
            "--sector 'renewable energy' --territory Milano), or import a LinkedIn data "
            "archive that holds your job-seeker preferences"
        )
    notes.insert(
        0,
        (
            f"target taken from {SOURCE_OWNER} (no option given; options override it)",
            f"obiettivo preso dalle {_SOURCE_OWNER_IT[3:]} (nessuna opzione indicata; le "
            "opzioni lo sostituiscono)",
        ),
    )
    return owned[0], SOURCE_OWNER, owned[1]


def _named(goal: Target) -> bool:
    return bool(
        goal.sectors or goal.functions or goal.seniorities or goal.places or goal.organisations
    )


def _derive_sectors(
    G: nx.Graph, goal: Target, names: list[str], notes: list[tuple[str, str]]
) -> Target:
    """With organisations and no sector, the organisations' sectors become the target's."""
    if goal.sectors or not goal.organisations:
        return goal
    sectors: list[str] = []
    for org in goal.organisations:
        if org in G and G.nodes[org].get("sector"):
            sectors.append(str(G.nodes[org]["sector"]))
    for name in names:
        found = _organisation_sector(G, name)
        if found:
            sectors.append(found)
    sectors = list(dict.fromkeys(sectors))
    if not sectors:
        return goal
    shown = ", ".join(SECTOR_LABELS[s][0] if s in SECTOR_LABELS else s for s in sectors)
    shown_it = ", ".join(SECTOR_LABELS[s][1] if s in SECTOR_LABELS else s for s in sectors)
    notes.append(
        (
            f"sector taken from the target organisations: {shown}",
            f"settore ricavato dalle aziende obiettivo: {shown_it}",
        )
    )
    return Target(
        sectors=tuple(sectors),
        functions=goal.functions,
        seniorities=goal.seniorities,
        places=goal.places,
        organisations=goal.organisations,
        terms=(*goal.terms, ("(organisations)", f"sector {', '.join(sectors)} (derived)")),
    )


# --------------------------------------------------------------------------------------------
# Per-contact facts and relevance.


class _Info(dict):  # type: ignore[type-arg]
    """Facts about a contact for the texts, built on first use (only shown rows need them)."""

    def __init__(self, G: nx.Graph, nodes: dict[str, dict[str, Any]], goal: Target) -> None:
        super().__init__()
        self.G = G
        self.nodes = nodes
        self.wanted = set(goal.organisations)

    def __missing__(self, p: str) -> dict[str, Any]:
        nodes = self.nodes
        data = nodes[p]
        current: list[str] = []
        past: list[str] = []
        for other, edge in self.G.adj[p].items():
            if edge.get("kind") == "member_of" and nodes[other].get("kind") == "organisation":
                (current if edge.get("current", True) else past).append(other)
        current.sort()
        past.sort()
        shown = next((o for o in current if o in self.wanted), None)
        if shown is None and len(current) > 1:
            company = organisation_key(str(data.get("company", "")))
            shown = next((o for o in current if o.partition(":")[2] == company), None)
        if shown is None and current:
            shown = current[0]
        if shown is not None:
            org_name = str(nodes[shown].get("name") or shown.partition(":")[2])
        else:
            org_name = clean_text(str(data.get("company", ""))) or None
        name = str(data.get("name") or p.partition(":")[2])
        facts = {
            "name": name,
            "first": str(data.get("first_name") or name.split(" ")[0]),
            "current": current,
            "past": past,
            "organisation": shown,
            "organisation_name": org_name,
            "position": clean_text(str(data.get("position", ""))) or None,
            "sector": data.get("sector"),
            "territory": data.get("territory"),
            "connected_on": data.get("connected_on"),
        }
        self[p] = facts
        return facts


def _memberships(
    G: nx.Graph, nodes: dict[str, dict[str, Any]], orgs: Sequence[str]
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Current and past person members of each of ``orgs``, sorted."""
    current: dict[str, list[str]] = {org: [] for org in orgs}
    past: dict[str, list[str]] = {org: [] for org in orgs}
    for org in orgs:
        if org not in G:
            continue
        for person, edge in G.adj[org].items():
            if edge.get("kind") == "member_of" and nodes[person].get("kind") == "person":
                (current if edge.get("current", True) else past)[org].append(person)
        current[org].sort()
        past[org].sort()
    return current, past


def _place_of(key: tuple[Any, ...]) -> Place | None:
    city, province, region, country, territory = key
    if not (city or province or region or country):
        return Place(city=str(territory)) if territory else None
    return Place(city=city, province=province, region=region, country=country)


def _territory(place: Place | None, targets: Sequence[Place]) -> tuple[float, str]:
    """Credit for being in (1) or near (province, region, country) one of ``targets``."""
    best, how = 0.0, ""
    if place is None:
        return best, how
    for goal in targets:
        if goal.covers(place):
            return 1.0, "territory"
        level = goal.level
        if level == "city" and goal.province and place.province == goal.province:
            credit, near = TERRITORY_NEAR["province"], "province"
        elif level in ("city", "province") and goal.region and place.region == goal.region:
            credit, near = TERRITORY_NEAR["region"], "region"
        elif level != "country" and goal.country and place.country == goal.country:
            credit, near = TERRITORY_NEAR["country"], "country"
        else:
            continue
        if credit > best:
            best, how = credit, near
    return best, how


def _relevance(
    people: list[str],
    nodes: dict[str, dict[str, Any]],
    goal: Target,
    current: dict[str, list[str]],
    past: dict[str, list[str]],
) -> tuple[dict[str, float], dict[str, dict[str, float | str]]]:
    named = {
        "organisation": bool(goal.organisations),
        "sector": bool(goal.sectors),
        "function": bool(goal.functions),
        "seniority": bool(goal.seniorities),
        "territory": bool(goal.places),
    }
    total = sum(RELEVANCE_WEIGHTS[d] for d in _DIMS if named[d])
    at_org = {p for members in current.values() for p in members}
    was_at_org = {p for members in past.values() for p in members}
    sectors = set(goal.sectors)
    functions = set(goal.functions)
    levels = [seniority_rank(s) for s in goal.seniorities]
    grade = {
        level: (1.0 if gap == 0 else 0.5)
        for level in SENIORITY
        if (gap := min((abs(seniority_rank(level) - x) for x in levels), default=9)) <= 1
    }
    places: dict[tuple[Any, ...], tuple[float, str]] = {}
    weight = RELEVANCE_WEIGHTS
    relevance: dict[str, float] = {}
    matched: dict[str, dict[str, float | str]] = {}
    nothing: dict[str, float | str] = {}
    for p in people:
        data = nodes[p]
        m: dict[str, float | str] = {}
        value = 0.0
        if p in at_org:
            m["organisation"] = 1.0
            value += weight["organisation"]
        elif p in was_at_org:
            m["organisation"] = 0.5
            value += 0.5 * weight["organisation"]
        if sectors and data.get("sector") in sectors:
            m["sector"] = 1.0
            value += weight["sector"]
        if functions and data.get("function") in functions:
            m["function"] = 1.0
            value += weight["function"]
        if levels and data.get("seniority") in grade:
            m["seniority"] = grade[data["seniority"]]
            value += weight["seniority"] * grade[data["seniority"]]
        if named["territory"]:
            key = (
                data.get("city"),
                data.get("province"),
                data.get("region"),
                data.get("country"),
                data.get("territory"),
            )
            if key not in places:
                places[key] = _territory(_place_of(key), goal.places)
            credit, how = places[key]
            if credit:
                m["territory"] = credit
                m["near"] = how
                value += weight["territory"] * credit
        relevance[p] = value / total if total else 0.0
        matched[p] = m or nothing
    return relevance, matched


def _core(
    people: list[str], goal: Target, matched: dict[str, dict[str, float | str]]
) -> dict[str, bool]:
    """Inside the target's core: its organisations or sectors; else its role; else place."""
    if goal.organisations or goal.sectors:
        return {p: matched[p].get("organisation") == 1.0 or "sector" in matched[p] for p in people}
    if goal.functions:
        return {p: "function" in matched[p] for p in people}
    if goal.places:
        return {p: matched[p].get("territory") == 1.0 for p in people}
    return {p: matched[p].get("seniority") == 1.0 for p in people}


# --------------------------------------------------------------------------------------------
# Reach: the owner's tie.


def _owner_edges(G: nx.Graph, people: list[str]) -> dict[str, Mapping[str, Any]]:
    """The owner's tie to each contact, read-only ({} when none).

    :func:`netkit.analyse._views.ego_ties` without its copies: at 30,000 contacts the
    copies cost a quarter of a second, and nothing here writes to them.
    """
    ego = G.graph.get("ego")
    empty: Mapping[str, Any] = MappingProxyType({})
    if ego is None or ego not in G:
        return dict.fromkeys(people, empty)
    ties = G.adj[ego]
    return {p: ties.get(p, empty) for p in people}


def _day(value: object) -> date | None:
    text = str(value or "")[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _count(edge: dict[str, Any], *keys: str) -> int:
    total = 0
    for key in keys:
        value = edge.get(key, 0)
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            total += int(value)
    return total


def _fallback_classes(
    G: nx.Graph, people: list[str], ego_edges: dict[str, dict[str, Any]], interaction_data: bool
) -> dict[str, str]:
    """Coarse tie classes when :mod:`netkit.analyse.ties` is not available."""
    ego = G.graph.get("ego")
    now = _views.data_date(G)
    classes: dict[str, str] = {}
    volume: dict[str, float] = {}
    for p in people:
        edge = ego_edges[p]
        if ego is None or not G.has_edge(ego, p):
            classes[p] = "none"
            continue
        if not interaction_data:
            classes[p] = "unknown"
            continue
        messages = _count(edge, "messages_sent", "messages_received")
        meetings = _count(edge, "meetings")
        services = _count(
            edge,
            "endorsements_given",
            "endorsements_received",
            "recommendations_given",
            "recommendations_received",
        )
        last = _day(edge.get("last_contact"))
        # A phone-book card or a declared tie is evidence of a relationship, undated.
        known = any(c in str(edge.get("channels", "")) for c in ("phonebook", "declared"))
        if not (messages or meetings or services or last or known):
            classes[p] = "latent"
            continue
        if last is not None and now is not None and now - last >= DORMANT_AFTER:
            classes[p] = "dormant"
            continue
        volume[p] = (
            math.log1p(messages)
            + math.log1p(2 * meetings)
            + 0.5 * math.log1p(services)
            + 0.5 * known
        )
    if volume:
        ordered = sorted(volume, key=lambda p: (volume[p], p))
        n = len(ordered)
        for i, p in enumerate(ordered):
            share = (i + 1) / n
            classes[p] = "strong" if share > 0.9 else "medium" if share > 0.6 else "weak"
    return classes


def _tie_classes(
    G: nx.Graph,
    people: list[str],
    ego_edges: dict[str, dict[str, Any]],
    ties: pd.DataFrame | None,
    interaction_data: bool,
    notes: list[tuple[str, str]],
) -> tuple[dict[str, str], dict[str, float]]:
    strengths: dict[str, float] = {}
    ego = G.graph.get("ego")
    if ego is None or ego not in G or not interaction_data:
        # No owner (whole-network mode) or no interaction evidence: nothing to classify.
        return _fallback_classes(G, people, ego_edges, interaction_data), strengths
    if ties is None:
        analyser = _optional("netkit.analyse.ties", "ties")
        if analyser is not None:
            ties = pd.DataFrame(analyser(G))
    if ties is None:
        classes = _fallback_classes(G, people, ego_edges, interaction_data)
        if interaction_data:
            notes.append(
                (
                    "tie classes from a coarse local rule (netkit.analyse.ties is not available)",
                    "classi dei legami da una regola locale semplificata (netkit.analyse.ties "
                    "non è disponibile)",
                )
            )
        return classes, strengths
    persons = ties["person"].tolist() if len(ties) else []
    given = dict(zip(persons, ties["tie_class"].tolist(), strict=True)) if persons else {}
    if "strength" in ties and persons:
        for person, value in zip(persons, ties["strength"].tolist(), strict=True):
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                strengths[person] = float(value)
    classes = {}
    for p in people:
        if ego is None or not G.has_edge(ego, p):
            classes[p] = "none"
        elif not interaction_data:
            classes[p] = "unknown"
        else:
            cls = str(given.get(p) or "unknown")
            classes[p] = cls if cls in (*REACH_BY_CLASS, "unknown") else "unknown"
    return classes, strengths


def _once_strong(edge: dict[str, Any]) -> bool:
    return (
        _count(edge, "messages_sent", "messages_received") >= ONCE_STRONG_MESSAGES
        or _count(edge, "meetings") >= ONCE_STRONG_MEETINGS
        or _count(edge, "recommendations_given", "recommendations_received") > 0
    )


def _reach(
    people: list[str],
    classes: dict[str, str],
    strengths: dict[str, float],
    ego_edges: dict[str, dict[str, Any]],
) -> tuple[dict[str, float], dict[str, bool]]:
    reach: dict[str, float] = {}
    revive: dict[str, bool] = {}
    for p in people:
        cls = classes[p]
        revive[p] = cls == "dormant" and _once_strong(ego_edges[p])
        if cls == "unknown":
            reach[p] = math.nan
            continue
        value = REACH_REVIVE if revive[p] else REACH_BY_CLASS.get(cls, 0.0)
        s = strengths.get(p)
        if cls in _LIVE and s is not None:
            # Within a class, the inverted U again: moderate strength (about 0.35) best.
            value *= 0.9 + 0.1 * max(0.0, 1.0 - ((s - 0.35) / 0.65) ** 2)
        reach[p] = value
    return reach, revive


# --------------------------------------------------------------------------------------------
# Brokerage.


def _optional(module: str, name: str) -> Callable[..., pd.DataFrame] | None:
    """A sibling analyser when it is importable, else None (never a hard dependency)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _fallback_partition(H: nx.Graph) -> dict[str, int]:
    tied = H.subgraph([n for n, nbrs in H.adjacency() if nbrs])
    if tied.number_of_edges() == 0:
        return {}
    return _kernels.leiden(nx.Graph(tied), weight="weight", seed=0)


def _brokerage(
    H: nx.Graph,
    person_adj: dict[str, dict[str, Any]],
    people: list[str],
    knows: dict[str, list[str]],
    bridges: pd.DataFrame | None,
    clusters: pd.DataFrame | None,
) -> tuple[dict[str, float], dict[str, Any]]:
    partition = _partition(H, clusters)
    betweenness: dict[str, float] = {}
    touched: dict[str, int] = {}
    if bridges is not None and "betweenness" in bridges:
        betweenness = {
            p: float(b) for p, b in zip(bridges["person"], bridges["betweenness"], strict=True)
        }
    else:
        tied = [n for n, nbrs in person_adj.items() if nbrs]
        sub = nx.Graph(H.subgraph(tied))
        k = None if sub.number_of_nodes() <= 5000 else 512
        betweenness = _kernels.betweenness(sub, k=k, seed=0) if sub.number_of_edges() else {}
    if bridges is not None and "clusters_touched" in bridges:
        touched = {
            p: int(c) if c == c else 0
            for p, c in zip(bridges["person"], bridges["clusters_touched"], strict=True)
        }
    else:
        labels = partition["of"]
        for p in people:
            seen = {labels[q] for q in person_adj[p] if q in labels}
            if p in labels:
                seen.add(labels[p])
            touched[p] = len(seen)
    positive = sorted(b for b in betweenness.values() if b > 0)
    brokerage: dict[str, float] = {}
    n_pos = len(positive)
    for p in people:
        k_t = len(knows[p])
        b = betweenness.get(p, 0.0)
        c = touched.get(p, 0)
        if not (k_t or b > 0 or c > 1):
            brokerage[p] = 0.0
            continue
        part_t = 1.0 - 0.5**k_t
        part_b = (float(np.searchsorted(positive, b, side="right")) / n_pos) if b > 0 else 0.0
        part_c = min(1.0, max(0, c - 1) / 2)
        brokerage[p] = 0.6 * part_t + 0.25 * part_b + 0.15 * part_c
    return brokerage, partition


def _partition(H: nx.Graph, clusters: pd.DataFrame | None) -> dict[str, Any]:
    """Cluster of each contact with labels: the clusters analyser's, else Leiden here."""
    of: dict[str, int] = {}
    labels: dict[int, tuple[str, str]] = {}
    if clusters is not None and {"person", "cluster"} <= set(clusters.columns):
        n = len(clusters)
        names = clusters["cluster_label"].tolist() if "cluster_label" in clusters else [None] * n
        names_it = (
            clusters["cluster_label_it"].tolist() if "cluster_label_it" in clusters else names
        )
        for person, value, label, label_it in zip(
            clusters["person"].tolist(), clusters["cluster"].tolist(), names, names_it, strict=True
        ):
            if value is None or (isinstance(value, float) and math.isnan(value)) or value < 0:
                continue  # negative ids: contacts the clustering leaves out (isolated)
            of[str(person)] = int(value)
            label = label if isinstance(label, str) and label else f"cluster {int(value)}"
            label_it = label_it if isinstance(label_it, str) and label_it else label
            labels.setdefault(int(value), (label, label_it))
        return {"of": of, "labels": labels, "source": "clusters"}
    of = _fallback_partition(H)
    return {"of": of, "labels": labels, "source": "fallback"}


# --------------------------------------------------------------------------------------------
# Paths to organisations without contacts.


def _paths(
    G: nx.Graph,
    H: nx.Graph,
    goal: Target,
    info: dict[str, dict[str, Any]],
    classes: dict[str, str],
    interaction_data: bool,
    has_ego: bool,
    reach: dict[str, float],
) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    if not has_ego or not goal.organisations:
        return pd.DataFrame(rows, columns=list(PATH_COLUMNS))

    def usable(p: str) -> bool:
        cls = classes.get(p, "none")
        return cls in _INTERACTED if interaction_data else cls != "none"

    for org in goal.organisations:
        if org not in G:
            continue
        members = sorted(
            p
            for p in G[org]
            if G.nodes[p].get("kind") == "person"
            and G.edges[p, org].get("kind", "member_of") == "member_of"
            and G.edges[p, org].get("current", True)
        )
        if not members or any(usable(p) for p in members):
            continue
        members = [m for m in members if m in H]
        # Breadth-first from the members: distance and next step toward them.
        dist = dict.fromkeys(members, 0)
        toward: dict[str, str] = {}
        queue = deque(members)
        while queue:
            node = queue.popleft()
            for nxt in sorted(H[node]):
                if nxt not in dist:
                    dist[nxt] = dist[node] + 1
                    toward[nxt] = node
                    queue.append(nxt)
        starts = [p for p in dist if dist[p] > 0 and usable(p)]
        starts.sort(key=lambda p: (dist[p], -_finite(reach.get(p)), p))
        org_name = str(G.nodes[org].get("name", org.partition(":")[2]))
        for start in starts[:3]:
            chain = [start]
            while chain[-1] in toward:
                chain.append(toward[chain[-1]])
            names = [info[p]["name"] for p in chain]
            text = f"Ask {names[0]}" + "".join(f", who knows {n}" for n in names[1:])
            text_it = f"Chiedi a {names[0]}" + "".join(f", che conosce {n}" for n in names[1:])
            rows.append(
                {
                    "organisation": org,
                    "organisation_name": org_name,
                    "hops": len(chain),
                    "ask": start,
                    "ask_name": names[0],
                    "ask_tie_class": classes.get(start),
                    "member": chain[-1],
                    "member_name": names[-1],
                    "chain": ";".join(chain),
                    "text": f"{text} at {org_name}",
                    "text_it": f"{text_it} di {org_name}",
                }
            )
    return pd.DataFrame(rows, columns=list(PATH_COLUMNS)).astype({"hops": "int64"})


def _finite(value: float | None) -> float:
    return 0.0 if value is None or math.isnan(value) else value


# --------------------------------------------------------------------------------------------
# Gaps.


def _gaps(
    G: nx.Graph,
    people: list[str],
    goal: Target,
    info: dict[str, dict[str, Any]],
    current: dict[str, list[str]],
    matched: dict[str, dict[str, float | str]],
    core: dict[str, bool],
    classes: dict[str, str],
    partition: dict[str, Any] | None,
    clusters: pd.DataFrame | None,
    paths: pd.DataFrame,
) -> TargetGaps:
    def full(dim: str) -> int | None:
        named = {
            "sector": goal.sectors,
            "territory": goal.places,
            "function": goal.functions,
            "seniority": goal.seniorities,
            "organisation": goal.organisations,
        }[dim]
        if not named:
            return None
        return sum(1 for p in people if matched[p].get(dim) == 1.0)

    dims = [
        d
        for d, named in (
            ("organisation", goal.organisations),
            ("sector", goal.sectors),
            ("function", goal.functions),
            ("seniority", goal.seniorities),
            ("territory", goal.places),
        )
        if named
    ]
    all_named = sum(1 for p in people if all(matched[p].get(d) == 1.0 for d in dims))
    organisations: list[OrganisationGap] = []
    given_names: dict[str, str] = {}
    for text, resolved in goal.terms:
        if resolved.startswith("organisation "):
            for org in resolved.removeprefix("organisation ").split(", "):
                given_names.setdefault(org, text)
    path_counts = Counter(paths["organisation"]) if not paths.empty else Counter()
    contacts = set(people)
    members_of = {org: [p for p in members if p in contacts] for org, members in current.items()}
    for org in goal.organisations:
        in_network = org in G
        members = [p for p in members_of[org] if classes.get(p, "none") != "none"]
        interacted = sum(1 for p in members if classes.get(p) in _INTERACTED)
        name = (
            str(G.nodes[org].get("name", org.partition(":")[2]))
            if in_network
            else given_names.get(org, org.partition(":")[2])
        )
        organisations.append(
            OrganisationGap(
                organisation=org,
                name=name,
                in_network=in_network,
                contacts=len(members),
                interacted=interacted,
                paths=int(path_counts.get(org, 0)),
            )
        )
    # One name per organisation asked for (an alias such as "Edison Next" and "Edison"
    # is one organisation): none of its ids holds a contact.
    by_text: dict[str, list[OrganisationGap]] = {}
    for gap in organisations:
        by_text.setdefault(given_names.get(gap.organisation, gap.name), []).append(gap)
    without = tuple(text for text, gaps in by_text.items() if not any(g.contacts for g in gaps))
    cluster_gaps: tuple[ClusterGap, ...] = ()
    if partition is None and clusters is not None:
        partition = _partition(nx.Graph(), clusters)
    if partition is not None and partition["of"]:
        cluster_gaps = _cluster_gaps(G, people, info, core, partition)
    return TargetGaps(
        contacts=len(people),
        sector=full("sector"),
        territory=full("territory"),
        function=full("function"),
        seniority=full("seniority"),
        all_named=all_named,
        inside=sum(1 for p in people if core[p]),
        organisations=tuple(organisations),
        without_contacts=without,
        clusters=cluster_gaps,
    )


def _cluster_gaps(
    G: nx.Graph,
    people: list[str],
    info: dict[str, dict[str, Any]],
    core: dict[str, bool],
    partition: dict[str, Any],
) -> tuple[ClusterGap, ...]:
    members: dict[int, list[str]] = {}
    for p in people:
        if p in partition["of"]:
            members.setdefault(partition["of"][p], []).append(p)
    found = []
    for cluster, who in members.items():
        if len(who) < 3:
            continue
        matching = sum(1 for p in who if core[p])
        label, label_it = partition["labels"].get(cluster) or _cluster_label(info, who)
        found.append(
            ClusterGap(
                cluster=int(cluster),
                label=label,
                label_it=label_it,
                size=len(who),
                matching=matching,
                share=round(matching / len(who), 4),
            )
        )
    found.sort(key=lambda c: (-c.share, -c.matching, c.cluster))
    return tuple(c for c in found[:5] if c.matching)


def _cluster_label(info: dict[str, dict[str, Any]], who: list[str]) -> tuple[str, str]:
    orgs = Counter(info[p]["organisation_name"] for p in who if info[p]["organisation_name"])
    sectors = Counter(info[p]["sector"] for p in who if info[p]["sector"])
    parts_en, parts_it = [], []
    if orgs:
        name = min(orgs.items(), key=lambda x: (-x[1], x[0]))[0]
        parts_en.append(f"around {name}")
        parts_it.append(f"attorno a {name}")
    if sectors:
        sector = min(sectors.items(), key=lambda x: (-x[1], x[0]))[0]
        labels = SECTOR_LABELS.get(sector, (sector, sector))
        parts_en.append(labels[0])
        parts_it.append(labels[1])
    return " · ".join(parts_en) or "mixed", " · ".join(parts_it) or "misto"


# --------------------------------------------------------------------------------------------
# Words: reasons and next steps, in English and Italian.


def _join(items: list[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _target_summary(goal: Target, it: bool, names: dict[str, str] | None = None) -> str:
    i = 1 if it else 0
    parts: list[str] = []
    if goal.functions or goal.seniorities:
        role = [FUNCTION_LABELS[f][i] for f in goal.functions if f in FUNCTION_LABELS]
        role += [SENIORITY_LABELS[s][i] for s in goal.seniorities if s in SENIORITY_LABELS]
        parts.append(", ".join(role))
    if goal.sectors:
        parts.append(
            _join([SECTOR_LABELS.get(s, (s, s))[i] for s in goal.sectors], "e" if it else "or")
        )
    if goal.organisations:
        names = names or {}
        shown = dict.fromkeys(names.get(o) or o.partition(":")[2] for o in goal.organisations)
        parts.append(", ".join(shown))
    if goal.places:
        parts.append(_join([p.name for p in goal.places], "o" if it else "or"))
    return " · ".join(parts) or "-"


class _Texts:
    """Builds the reason and next-step lines for one target."""

    def __init__(
        self,
        goal: Target,
        info: dict[str, dict[str, Any]],
        G: nx.Graph,
        person_adj: dict[str, dict[str, Any]],
        classes: dict[str, str],
        reach: dict[str, float],
        interaction_data: bool,
    ) -> None:
        self.goal = goal
        self.info = info
        self.person_adj = person_adj
        self.classes = classes
        self.reach = reach
        self.usable = _INTERACTED if interaction_data else (*_INTERACTED, "latent", "unknown")
        sector_en = _join([SECTOR_LABELS.get(s, (s, s))[0] for s in goal.sectors], "or")
        sector_it = _join([SECTOR_LABELS.get(s, (s, s))[1] for s in goal.sectors], "o")
        place = _join([p.name for p in goal.places], "or")
        place_it = _join([p.name for p in goal.places], "o")
        orgs = ", ".join(
            str(G.nodes[o].get("name"))
            if o in G and G.nodes[o].get("name")
            else o.partition(":")[2]
            for o in goal.organisations[:3]
        )
        what = (
            sector_en
            or orgs
            or (
                _join([FUNCTION_LABELS[f][0] for f in goal.functions], "or")
                if goal.functions
                else ""
            )
        )
        what_it = (
            (f"il settore {sector_it}" if sector_it else "")
            or orgs
            or (
                _join([FUNCTION_LABELS[f][1] for f in goal.functions], "o")
                if goal.functions
                else ""
            )
        )
        if sector_en and orgs:
            what, what_it = f"{what} ({orgs})", f"{what_it} ({orgs})"
        if place:
            what = f"{what} in {place}" if what else place
            what_it = f"{what_it} a {place_it}" if what_it else place_it
        self.what = what or "your target"
        self.what_it = what_it or "il tuo obiettivo"
        # "su" + "il ..." is "sul ..." in Italian.
        self.about_it = (
            f"sul {self.what_it[3:]}" if self.what_it.startswith("il ") else f"su {self.what_it}"
        )
        if goal.organisations and not goal.sectors:
            self.inside_en, self.inside_it = (
                "at the target organisations",
                "nelle aziende obiettivo",
            )
        elif goal.sectors and not goal.organisations:
            self.inside_en, self.inside_it = "in the target sector", "nel settore obiettivo"
        else:
            self.inside_en, self.inside_it = "in the target", "nell'obiettivo"

    def _where(self, data: dict[str, Any], m: dict[str, float | str]) -> tuple[str, str]:
        org, territory = data["organisation_name"], data["territory"]
        if org and territory:
            en, it = f"Works at {org} in {territory}", f"Lavora in {org} a {territory}"
        elif org:
            en, it = f"Works at {org}", f"Lavora in {org}"
        elif data["sector"]:
            label = SECTOR_LABELS.get(data["sector"], (data["sector"], data["sector"]))
            en, it = f"Works in {label[0]}", f"Lavora nel settore {label[1]}"
            if territory:
                en, it = f"{en} in {territory}", f"{it} a {territory}"
        elif territory:
            en, it = f"Based in {territory}", f"Si trova a {territory}"
        else:
            en, it = "No organisation known", "Nessuna azienda nota"
        full = [d for d in _DIMS if m.get(d) == 1.0]
        partial = [d for d in ("organisation", "seniority") if m.get(d) == 0.5]
        near = str(m.get("near", "")) if "territory" in m and m["territory"] != 1.0 else ""
        extra_en = [
            f"former {_DIM_EN[d]}" if d == "organisation" else f"{_DIM_EN[d]} close"
            for d in partial
        ]
        extra_it = [
            "ex azienda obiettivo" if d == "organisation" else f"{_DIM_IT[d]} vicino"
            for d in partial
        ]
        if near:
            extra_en.append(_NEAR_EN[near])
            extra_it.append(_NEAR_IT[near])
        bits_en, bits_it = [], []
        if full:
            bits_en.append(_join([_DIM_EN[d] for d in full], "and") + " match")
            bits_it.append("corrispondenza: " + _join([_DIM_IT[d] for d in full], "e"))
        bits_en += extra_en
        bits_it += extra_it
        if bits_en:
            en += f" ({'; '.join(bits_en)})"
            it += f" ({'; '.join(bits_it)})"
        else:
            en += " (no match on the target)"
            it += " (nessuna corrispondenza con l'obiettivo)"
        return en, it

    @staticmethod
    def _tie(cls: str, revive: bool, last: str | None, connected: object) -> tuple[str, str]:
        year = (last or "")[:4]
        since = str(connected or "")[:4]
        if cls == "dormant":
            when_en = f"last in touch in {year}: " if year else ""
            when_it = f"ultimo contatto nel {year}: " if year else ""
            if revive:
                return (
                    f"{when_en}a dormant tie worth reviving",
                    f"{when_it}un legame dormiente che vale la pena riattivare",
                )
            return f"{when_en}a dormant tie", f"{when_it}un legame dormiente"
        suffix_en = f", last contact {year}" if year else ""
        suffix_it = f", ultimo contatto nel {year}" if year else ""
        if cls == "weak":
            return (
                f"a weak tie{suffix_en}: the kind that helps most with a job move",
                f"un legame debole{suffix_it}: il tipo che aiuta di più a cambiare lavoro",
            )
        if cls == "medium":
            return (
                f"a medium tie{suffix_en}: close enough to ask, far enough to know new people",
                f"un legame intermedio{suffix_it}: abbastanza vicino per chiedere, abbastanza "
                "lontano da conoscere persone nuove",
            )
        if cls == "strong":
            return (
                f"a close tie{suffix_en}: glad to help, though they often know whom you know",
                f"un legame stretto{suffix_it}: disponibile, ma spesso conosce chi conosci già",
            )
        if cls == "latent":
            when_en = f"connected since {since}, " if since else "connected, "
            when_it = f"collegati dal {since}, " if since else "collegati, "
            return f"{when_en}never in touch", f"{when_it}mai in contatto"
        if cls == "none":
            return "not your contact", "non è un tuo contatto"
        return "", ""

    def explain(
        self,
        p: str,
        row: dict[str, Any],
        m: dict[str, float | str],
        knows: list[str],
        inside: bool,
    ) -> dict[str, str]:
        data = self.info[p]
        where_en, where_it = self._where(data, m)
        tie_en, tie_it = self._tie(
            row["tie_class"], row["revive"], row["last_contact"], data["connected_on"]
        )
        parts_en, parts_it = [where_en], [where_it]
        if tie_en:
            parts_en.append(tie_en)
            parts_it.append(tie_it)
        k = len(knows)
        if k:
            parts_en.append(f"knows {k} {'person' if k == 1 else 'people'} {self.inside_en}")
            parts_it.append(f"conosce {k} {'persona' if k == 1 else 'persone'} {self.inside_it}")
        action, step_en, step_it = self._next(p, row, inside, knows)
        return {
            "action": action,
            "reason": "; ".join(parts_en),
            "reason_it": "; ".join(parts_it),
            "next_step": step_en,
            "next_step_it": step_it,
        }

    def _next(
        self, p: str, row: dict[str, Any], inside: bool, knows: list[str]
    ) -> tuple[str, str, str]:
        first = self.info[p]["first"]
        cls = row["tie_class"]
        what, what_it = self.what, self.what_it
        if cls == "none":
            via = [q for q in self.person_adj.get(p, {}) if self.classes.get(q) in self.usable]
            if via:
                ask = min(via, key=lambda q: (-_finite(self.reach.get(q)), q))
                name = self.info[ask]["name"]
                return (
                    "introduction",
                    f"Not your contact yet: ask {name}, who knows {first}, for an introduction - "
                    "two lines on your aim, the choice left to them.",
                    f"Non è ancora un tuo contatto: chiedi a {name}, che conosce {first}, di "
                    "presentarvi - due righe sul tuo obiettivo, la scelta lasciata a lei o a lui.",
                )
            return (
                "introduction",
                f"Not your contact and nobody you know is known to know {first}: look for a "
                "shared acquaintance before writing.",
                f"Non è un tuo contatto e nessuno dei tuoi contatti risulta conoscere {first}: "
                "cerca una conoscenza comune prima di scrivere.",
            )
        if cls == "dormant":
            why_en = "a once-close tie" if row["revive"] else "a tie gone quiet"
            why_it = "un legame un tempo stretto" if row["revive"] else "un legame silenzioso"
            return (
                "reconnect",
                f"Reconnect ({why_en}; dormant ties give fresh advice cheaply): send {first} a "
                "personal note with your news and something useful to them, with no request; "
                f"if they answer, ask how they see {what}.",
                f"Riallaccia il rapporto ({why_it}; i legami dormienti danno consigli nuovi con "
                f"poco sforzo): scrivi a {first} un messaggio personale con le tue novità e "
                "qualcosa che possa servirle o servirgli, senza richieste; se risponde, chiedi "
                f"come vede {what_it}.",
            )
        if cls == "latent":
            return (
                "reconnect",
                f"Make the first real contact (connected, never in touch): comment on {first}'s "
                f"work or share something useful; ask for advice on {what} only once they reply.",
                f"Crea il primo vero contatto (collegati, mai in contatto): commenta il lavoro di "
                f"{first} o condividi qualcosa di utile; chiedi un consiglio {self.about_it} solo "
                "dopo una risposta.",
            )
        if not inside and knows:
            best = min(knows, key=lambda q: (-(self.info[q]["sector"] is not None), q))
            name = self.info[best]["name"]
            org = self.info[best]["organisation_name"]
            at_en = f" at {org}" if org else ""
            at_it = f" di {org}" if org else ""
            return (
                "introduction",
                f"Ask {first} for one introduction, to {name}{at_en} ({first} knows them; you do "
                "not yet): two lines on your aim, an easy way to say no, the choice left to "
                f"{first}.",
                f"Chiedi a {first} una sola presentazione, a {name}{at_it} ({first} la o lo "
                "conosce, tu non ancora): due righe sul tuo obiettivo, la libertà di dire no, la "
                f"scelta lasciata a {first}.",
            )
        opener_en = "Start with a personal note, then ask" if cls == "unknown" else "Ask"
        opener_it = (
            "Inizia con un messaggio personale, poi chiedi" if cls == "unknown" else "Chiedi"
        )
        if inside:
            why_en, why_it = "they work in the target", "lavora nell'obiettivo"
        else:
            why_en, why_it = "they may know who works there", "può sapere chi ci lavora"
        return (
            "information",
            f"{opener_en} {first} for a 20-minute conversation about {what} ({why_en}): "
            "information and advice, not a job; offer something in return and let them "
            "propose any next step.",
            f"{opener_it} a {first} una conversazione di 20 minuti {self.about_it} ({why_it}): "
            "informazioni e consigli, non un lavoro; offri qualcosa in cambio e lascia che "
            "sia l'altra persona a proporre il seguito.",
        )


def _matches(m: dict[str, float | str]) -> str:
    """``;``-joined matched dimensions; partial ones as ``territory:region``,
    ``organisation:past``, ``seniority:near``."""
    out = []
    for dim in _DIMS:
        if dim not in m:
            continue
        if m[dim] == 1.0:
            out.append(dim)
        elif dim == "territory":
            out.append(f"territory:{m['near']}")
        else:
            out.append(f"{dim}:{'past' if dim == 'organisation' else 'near'}")
    return ";".join(out)


def _short_reason(row: Any, it: bool, goal: Target) -> str:
    """A compact reason for the table: dimensions matched, contacts in the target, year."""
    named = sum(
        1
        for dims in (
            goal.organisations,
            goal.sectors,
            goal.functions,
            goal.seniorities,
            goal.places,
        )
        if dims
    )
    parts = [m for m in str(row.matches or "").split(";") if m]
    full = sum(1 for m in parts if ":" not in m)
    near = len(parts) - full
    bits = [f"{full}/{named}{'+' if near else ''} {'corr.' if it else 'match'}"]
    if row.target_contacts:
        bits.append(f"{'conosce' if it else 'knows'} {row.target_contacts}")
    if isinstance(row.last_contact, str) and row.last_contact:
        bits.append(row.last_contact[:4])
    return ", ".join(bits)


def _gap_lines(gaps: TargetGaps, goal: Target, it: bool, width: int) -> list[str]:
    lines: list[str] = []
    counts = []
    for key, en, it_word in (
        ("sector", "in the sector", "nel settore"),
        ("territory", "in the territory", "nel territorio"),
        ("function", "in the role", "nel ruolo"),
        ("seniority", "at the level", "al livello"),
    ):
        value = getattr(gaps, key)
        if value is not None:
            counts.append(f"{value} {it_word if it else en}")
    head = (f"{gaps.contacts} contatti: " if it else f"{gaps.contacts} contacts: ") + ", ".join(
        counts
    )
    head += f"; {gaps.all_named} {'su tutte le dimensioni' if it else 'matching all'}"
    lines += _wrap(head, width)
    if gaps.without_contacts:
        lines += _wrap(
            (
                "Aziende obiettivo senza contatti: "
                if it
                else "Target organisations with no contact: "
            )
            + ", ".join(gaps.without_contacts),
            width,
        )
    cold = [g.name for g in gaps.organisations if g.contacts and not g.interacted]
    if cold:
        lines += _wrap(
            (
                "Solo collegamenti mai contattati in: "
                if it
                else "Only never-contacted connections at: "
            )
            + ", ".join(dict.fromkeys(cold)),
            width,
        )
    if gaps.clusters:
        near = "; ".join(
            f"{c.label_it if it else c.label}: {c.matching}/{c.size}" for c in gaps.clusters[:3]
        )
        lines += _wrap(("Gruppi più vicini: " if it else "Nearest clusters: ") + near, width)
    return lines


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    return textwrap.wrap(text, width=width, subsequent_indent=indent, break_long_words=True) or [""]


def _fit(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# --------------------------------------------------------------------------------------------
# JSON.


def _target_dict(goal: Target) -> dict[str, Any]:
    return {
        "sectors": list(goal.sectors),
        "functions": list(goal.functions),
        "seniorities": list(goal.seniorities),
        "places": [
            {
                "name": p.name,
                "level": p.level,
                "city": p.city,
                "province": p.province,
                "region": p.region,
                "country": p.country,
            }
            for p in goal.places
        ],
        "organisations": list(goal.organisations),
        "terms": [list(term) for term in goal.terms],
    }


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float | np.floating):
        return None if math.isnan(float(value)) else float(value)
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    return value


def _records(frame: pd.DataFrame, columns: Sequence[str]) -> list[dict[str, Any]]:
    return [
        {column: _plain(value) for column, value in zip(columns, row, strict=True)}
        for row in frame[list(columns)].itertuples(index=False, name=None)
    ]


def _evidence_notes(
    has_ego: bool, interaction_data: bool, has_person_ties: bool, notes: list[tuple[str, str]]
) -> None:
    if not has_ego:
        notes.append(
            (
                "the network has no owner: no tie strength, no paths; ranked by relevance"
                + (" and brokerage" if has_person_ties else " alone"),
                "la rete non ha un titolare: niente forza dei legami né catene; ordinato per "
                + ("pertinenza e intermediazione" if has_person_ties else "sola pertinenza"),
            )
        )
        return
    if not interaction_data:
        alone = not has_person_ties
        notes.append(
            (
                "no interaction data (messages, meetings, endorsements): ranked by relevance "
                + ("alone" if alone else "and brokerage")
                + "; add the LinkedIn data archive, a mailbox or a calendar for tie strength",
                "nessun dato sulle interazioni (messaggi, incontri, segnalazioni): ordinato per "
                + ("sola pertinenza" if alone else "pertinenza e intermediazione")
                + "; aggiungi l'archivio dati di LinkedIn, una casella di posta o un calendario "
                "per la forza dei legami",
            )
        )
    if not has_person_ties:
        notes.append(
            (
                "no ties among your contacts are known (group messages, shared meetings, a "
                "declared-ties file): brokerage and paths not measured",
                "nessun legame noto tra i tuoi contatti (messaggi di gruppo, incontri comuni, "
                "un file di legami dichiarati): intermediazione e catene non misurate",
            )
        )
