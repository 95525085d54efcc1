"""The interactive map: one self-contained HTML file that works offline (vis-network)."""

from __future__ import annotations

import base64
import hashlib
import html
import inspect
import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["interactive_map"]

COLOUR_BY = ("cluster", "sector", "tie_class")
SIZE_BY = ("strength", "betweenness")
LANGUAGES = ("en", "it")

#: Maps that draw at most this many nodes settle under vis-network's physics; larger ones
#: keep the computed positions and run no simulation.
PHYSICS_UP_TO = 300

_TEMPLATES = Path(__file__).resolve().parent / "templates"
_PROFILE_PREFIX = "https://www.linkedin.com/in/"
_PROFILE = re.compile(re.escape(_PROFILE_PREFIX) + r"[A-Za-z0-9%_.~\-]+/?")

#: Layout units (neighbouring contacts sit about one apart) to page pixels.
_PIXELS_PER_UNIT = 40.0
#: Colour of a missing category (no sector, no tie data).
_MISSING = "#DDDDDD"
_TIE_ORDER = ("strong", "medium", "weak", "dormant", "latent", "unknown")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "Network map",
        "title_of": "Network map of {name}",
        "subtitle": "Data as of {date} · {contacts} contacts · {clusters} clusters",
        "no_date": "date of the data unknown",
        "other_clusters": "{count} smaller clusters",
        "you": "You",
        "search": "Search a person",
        "search_none": "No one matches.",
        "colour_by": "Colour by",
        "size_by": "Size by",
        "cluster": "Cluster",
        "sector": "Sector",
        "tie_class": "Tie",
        "strength": "Tie strength",
        "betweenness": "Brokerage (betweenness)",
        "filters": "Show",
        "organisations": "Organisations",
        "all": "all",
        "none": "none",
        "legend_person": "a contact; size = {size}",
        "legend_organisation": "an organisation (lines: who works or worked there)",
        "legend_owner": "you (your ties to every contact are not drawn)",
        "legend_highlight": "outlined: your best bridges to the target",
        "legend_group": "a group of contacts: click to expand",
        "legend_more": "{n} more, in grey (see Show)",
        "no_sector": "Sector unknown",
        "status": "{shown} of {people} contacts drawn",
        "fit": "Whole map",
        "grouped": (
            "{people} contacts: {single} drawn one by one, {grouped} grouped into {groups}"
            " circles. Click a circle to expand it."
        ),
        "collapse_all": "Group again",
        "organisation": "Organisation",
        "former": "Formerly",
        "position": "Title",
        "tie": "Tie",
        "evidence": "Evidence",
        "why": "Why they matter",
        "highlighted": "One of your best bridges to the target.",
        "profile": "LinkedIn profile",
        "members": "{n} contacts",
        "members_shown": "{n} contacts on the map",
        "collapse": "Group “{name}” again",
        "hidden_by_filter": "Shown although a filter hides this group.",
        "close": "Close",
        "unavailable": "not available for this network",
        "strong": "strong",
        "medium": "medium",
        "weak": "weak",
        "dormant": "dormant",
        "latent": "latent (never interacted)",
        "unknown": "unknown",
        "strength_value": "strength {value}",
        "help": "Drag to move, scroll to zoom, click a person for details.",
    },
    "it": {
        "title": "Mappa della rete",
        "title_of": "Mappa della rete di {name}",
        "subtitle": "Dati al {date} · {contacts} contatti · {clusters} cluster",
        "no_date": "data dei dati sconosciuta",
        "other_clusters": "{count} cluster più piccoli",
        "you": "Tu",
        "search": "Cerca una persona",
        "search_none": "Nessun risultato.",
        "colour_by": "Colore per",
        "size_by": "Dimensione per",
        "cluster": "Gruppo",
        "sector": "Settore",
        "tie_class": "Legame",
        "strength": "Forza del legame",
        "betweenness": "Intermediazione (betweenness)",
        "filters": "Mostra",
        "organisations": "Organizzazioni",
        "all": "tutti",
        "none": "nessuno",
        "legend_person": "un contatto; dimensione = {size}",
        "legend_organisation": "un'organizzazione (linee: chi ci lavora o ci ha lavorato)",
        "legend_owner": "tu (i tuoi legami con ogni contatto non sono disegnati)",
        "legend_highlight": "bordo scuro: i tuoi ponti migliori verso l'obiettivo",
        "legend_group": "un gruppo di contatti: clic per aprirlo",
        "legend_more": "altri {n}, in grigio (vedi Mostra)",
        "no_sector": "Settore sconosciuto",
        "status": "{shown} contatti disegnati su {people}",
        "fit": "Tutta la mappa",
        "grouped": (
            "{people} contatti: {single} disegnati uno per uno, {grouped} raccolti in {groups}"
            " cerchi. Clic su un cerchio per aprirlo."
        ),
        "collapse_all": "Raggruppa di nuovo",
        "organisation": "Organizzazione",
        "former": "In passato",
        "position": "Ruolo",
        "tie": "Legame",
        "evidence": "Elementi",
        "why": "Perché conta",
        "highlighted": "Uno dei tuoi ponti migliori verso l'obiettivo.",
        "profile": "Profilo LinkedIn",
        "members": "{n} contatti",
        "members_shown": "{n} contatti sulla mappa",
        "collapse": "Raggruppa di nuovo “{name}”",
        "hidden_by_filter": "Mostrato anche se un filtro nasconde questo gruppo.",
        "close": "Chiudi",
        "unavailable": "non disponibile per questa rete",
        "strong": "forte",
        "medium": "medio",
        "weak": "debole",
        "dormant": "dormiente",
        "latent": "latente (mai interagito)",
        "unknown": "sconosciuto",
        "strength_value": "forza {value}",
        "help": "Trascina per spostare, rotella per lo zoom, clic su una persona per i dettagli.",
    },
}


def interactive_map(
    G: nx.Graph,
    path: str | os.PathLike[str],
    *,
    clusters: pd.DataFrame | Mapping[str, int] | None = None,
    ties: pd.DataFrame | Mapping[str, float] | None = None,
    bridges: pd.DataFrame | Mapping[str, float] | None = None,
    highlight: Iterable[str] = (),
    colour_by: str = "cluster",
    size_by: str = "strength",
    lang: str = "en",
    seed: int = 0,
    max_nodes: int = 3000,
    profile_links: bool = True,
) -> Path:
    """Write the network as one interactive HTML map that opens offline in any browser.

    The page holds everything it needs inline (vis-network, its own script and styles,
    the data) and asks no other host for anything. It lets the reader colour contacts by
    cluster, sector or tie class, size them by tie strength or brokerage, search a person
    by name, hide clusters, sectors or tie classes, and click a person to read their
    organisation, title, tie evidence and why they matter, with a link to their LinkedIn
    profile when the network has one.

    Parameters
    ----------
    G : networkx.Graph
        A network in netkit's schema (owner optional).
    path : str or os.PathLike
        The HTML file to write (its folder must exist).
    clusters : pandas.DataFrame or Mapping, optional
        The table of :func:`netkit.analyse.clusters.clusters` (``person``, ``cluster``
        with -1 for contacts linked to no one, ``cluster_label``, ``cluster_label_it``),
        or a mapping person -> cluster id. None computes it (see
        :func:`netkit.render._style.cluster_table`).
    ties : pandas.DataFrame or Mapping, optional
        The table of :func:`netkit.analyse.ties.ties` (``person``, ``strength``,
        ``tie_class``, ``evidence``), or a mapping person -> strength. None computes it
        when the network has an owner.
    bridges : pandas.DataFrame or Mapping, optional
        The table of :func:`netkit.analyse.bridges.bridges` (``person``,
        ``betweenness``, ``why``), or a mapping person -> betweenness. None computes it.
    highlight : iterable of str
        Person ids to outline (the target's best bridges); always drawn one by one.
    colour_by : {"cluster", "sector", "tie_class"}
        The colouring the page opens with (the reader can switch).
    size_by : {"strength", "betweenness"}
        The node size the page opens with (the reader can switch).
    lang : {"en", "it"}
        Language of the page's text (and of cluster labels and explanations when the
        tables carry ``*_it`` columns).
    seed : int
        Seed of the layout and of the analysers computed here.
    max_nodes : int
        Above this many contacts, clusters are drawn as circles that expand on a click, and
        only the contacts that matter (highlighted, then the top by brokerage and by tie
        strength) are drawn one by one, so that the page stays responsive.
    profile_links : bool
        False leaves out every LinkedIn profile URL, so the page links nowhere (as in the
        map the coaching report embeds).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    ValueError
        If an option is not one of its allowed values, a table lacks its ``person``
        column, or a highlighted id is not a contact of the network.

    Examples
    --------
    >>> import tempfile
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego", name="Ada")
    >>> G.add_node("li:bo", kind="person", name="Bo <Admin>")
    >>> G.add_edge("ego", "li:bo")
    >>> out = interactive_map(G, Path(tempfile.mkdtemp()) / "map.html")
    >>> page = out.read_text(encoding="utf-8")
    >>> "Bo <Admin>" in page, "Bo \\\\u003cAdmin\\\\u003e" in page  # data, never markup
    (False, True)

    Notes
    -----
    Positions are computed here (:func:`netkit.render.layout.cluster_layout`), so the
    browser runs no force simulation beyond :data:`PHYSICS_UP_TO` drawn nodes. Names,
    titles and notes are data, never markup: they travel in a JSON block whose ``<``, ``>``
    and ``&`` are escaped, and the page shows them with ``textContent``; a Content
    Security Policy allows only the page's own two scripts (by hash) and no connection.
    The same input gives byte-identical HTML.
    """
    if colour_by not in COLOUR_BY:
        raise ValueError(f"colour_by must be one of {', '.join(COLOUR_BY)}; got {colour_by!r}")
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_BY)}; got {size_by!r}")
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}; got {lang!r}")
    if isinstance(max_nodes, bool) or not isinstance(max_nodes, int) or max_nodes < 1:
        raise ValueError(f"max_nodes must be a positive integer; got {max_nodes!r}")
    highlighted = _check_highlight(G, highlight)
    data = _map_data(
        G,
        clusters=clusters,
        ties=ties,
        bridges=bridges,
        highlighted=highlighted,
        colour_by=colour_by,
        size_by=size_by,
        lang=lang,
        seed=seed,
        max_nodes=max_nodes,
        profile_links=profile_links,
    )
    out = Path(path)
    out.write_text(_page(data, lang), encoding="utf-8", newline="\n")
    return out


# ---------------------------------------------------------------------------------------
# Inputs


def _check_highlight(G: nx.Graph, highlight: Iterable[str]) -> list[str]:
    if isinstance(highlight, str):
        highlight = [highlight]
    chosen = list(dict.fromkeys(highlight))
    unknown = [n for n in chosen if n not in G or G.nodes[n].get("kind") != "person"]
    if unknown:
        shown = ", ".join(repr(n) for n in unknown[:5])
        raise ValueError(f"highlight names ids that are not contacts of the network: {shown}")
    return chosen


def _analyse(G: nx.Graph, name: str, **options: Any) -> pd.DataFrame | None:
    """The analyser's table, or None when the analyser is not available."""
    import importlib

    try:
        module = importlib.import_module(f"netkit.analyse.{name}")
    except ImportError:
        return None
    function = getattr(module, name)
    accepted = inspect.signature(function).parameters
    return function(G, **{k: v for k, v in options.items() if k in accepted})


def _extra(table: Any, columns: tuple[str, ...], what: str) -> dict[str, dict]:
    """``person -> {column: text}`` for the text columns a table has (first row wins)."""
    if table is None or not hasattr(table, "columns"):
        return {}  # a mapping person -> number carries no text
    if "person" not in table.columns:
        table = table.reset_index()
    if "person" not in table.columns:
        raise ValueError(f"the {what} table needs a 'person' column")
    present = [c for c in columns if c in table.columns]
    found: dict[str, dict] = {}
    for person, *values in table[["person", *present]].itertuples(index=False, name=None):
        if str(person) in found:
            continue
        found[str(person)] = {
            column: _text(value)
            for column, value in zip(present, values, strict=True)
            if isinstance(value, str) and value.strip()
        }
    return found


def _plain(table: Any) -> Any:
    """A table without ``attrs``: pandas deep-copies them on every column access."""
    if getattr(table, "attrs", None):
        table = table.copy(deep=False)
        table.attrs = {}
    return table


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _text(value: Any) -> str:
    return " ".join(str(value).split())


# ---------------------------------------------------------------------------------------
# The data the page reads


def _map_data(
    G: nx.Graph,
    *,
    clusters: Any,
    ties: Any,
    bridges: Any,
    highlighted: list[str],
    colour_by: str,
    size_by: str,
    lang: str,
    seed: int,
    max_nodes: int,
    profile_links: bool = True,
) -> dict[str, Any]:
    """What the page reads (``templates/interactive.js``), as plain JSON-ready values.

    - ``people``: one object per contact, sorted by id; short keys because there can be
      30,000: ``id``, ``n`` name, ``x``/``y`` position (pixels), ``c``/``s``/``k`` index
      into ``clusters``/``sectors``/``ties``, ``o``/``f``/``t`` index into ``strings``
      (current organisations, former ones, title), ``st`` strength, ``b`` betweenness,
      ``ev`` tie evidence, ``w`` why they matter, ``u`` LinkedIn URL (1: the one the
      ``li:`` id spells), ``h`` highlighted, ``l`` rank among the names drawn on the map,
      and when ``aggregated``: ``g`` group, ``i`` drawn one by one from the start.
    - ``links``: ``[i, j, weight]`` ties between contacts; ``membership``: ``[person,
      organisation, current]``; ``organisations``: ``{id, n, x, y}``; ``owner``: the
      same or None; ``groups``: ``{key, label, colour, size, x, y}`` (aggregated maps).
    - ``clusters``, ``sectors``, ``ties``: categories (see :func:`_categories`);
      ``strings``; ``text`` (the page's words); ``title``, ``subtitle``; the options
      ``colourBy``, ``sizeBy``, ``lang``, ``physics``, ``aggregated``, ``unit``.
    """
    from netkit.analyse import _views
    from netkit.render import _style
    from netkit.render.layout import cluster_layout

    text = _TEXT[lang]
    it = lang == "it"
    ego = G.graph.get("ego")
    ego = ego if ego in G else None

    cluster_frame = _style.cluster_table(G, clusters, seed=seed)
    if ties is None:
        # No owner, no ties to her: an empty mapping keeps people_table from asking.
        ties = _analyse(G, "ties") if ego is not None else {}
    if bridges is None:
        bridges = _analyse(G, "bridges", clusters=cluster_frame, seed=seed)
    ties, bridges = _plain(ties), _plain(bridges)
    table = _style.people_table(G, clusters=cluster_frame, ties=ties, bridges=bridges, seed=seed)
    tie_text = _extra(ties, ("evidence", "evidence_it"), "ties")
    bridge_text = _extra(bridges, ("why", "why_it"), "bridges")
    people = table["person"].tolist()
    index = {person: i for i, person in enumerate(people)}

    categories = _categories(G, table, lang)
    cluster_list, sector_list, tie_list = categories["lists"]
    cluster_at, sector_at, tie_at = categories["index"]
    joined, links = _edges(G, index)
    organisations = sorted({org for mine in joined.values() for org, _, _ in mine})
    org_at = {org: i for i, org in enumerate(organisations)}
    org_name = {
        org: _text(G.nodes[org].get("name") or org.removeprefix("org:")) for org in organisations
    }
    membership = sorted(
        [index[person], org_at[org], int(current)]
        for person, mine in joined.items()
        for org, current, _ in mine
    )

    scale = _PIXELS_PER_UNIT
    positions = {
        node: (round(float(x) * scale, 1), round(float(y) * scale, 1))
        for node, (x, y) in cluster_layout(G, cluster_frame, seed=seed).items()
    }
    highlight_set = set(highlighted)
    order = _style.label_order(table, highlight=highlighted)[: _style.BRIDGE_COUNT]
    labelled = {person: rank for rank, person in enumerate(order, start=1)}

    records = []
    strings: dict[str, int] = {}  # organisations and titles, each stored once
    columns = ("person", "cluster", "tie_class", "strength", "betweenness")
    rows = zip(*(table[column] for column in columns), strict=True)
    for person, cluster, tie_class, strength, betweenness in rows:
        node = G.nodes[person]
        x, y = positions.get(person, (0.0, 0.0))
        record: dict[str, Any] = {
            "id": person,
            "n": _text(node.get("name") or person.split(":", 1)[-1]),
            "x": x,
            "y": y,
            "c": cluster_at[cluster],
            "s": sector_at[str(node["sector"]) if "sector" in node else None],
            "k": tie_at[tie_class],
        }
        for key, value in zip("oft", _work(node, joined[person], org_name), strict=True):
            if value:
                record[key] = strings.setdefault(value, len(strings))
        value = _number(strength)
        if value is not None:
            record["st"] = round(value, 3)
        value = _number(betweenness)
        if value:
            record["b"] = float(f"{value:.3g}")
        extra = tie_text.get(person, {})
        evidence = extra.get("evidence_it" if it else "evidence") or extra.get("evidence")
        if evidence:
            record["ev"] = evidence
        extra = bridge_text.get(person, {})
        why = extra.get("why_it" if it else "why") or extra.get("why")
        if why:
            record["w"] = why
        url = node.get("linkedin_url") if profile_links else None
        if isinstance(url, str) and _PROFILE.fullmatch(url.strip()):
            # 1: the profile URL is the id's ("li:<slug>"), stored once.
            url = url.strip()
            own = person.startswith("li:") and url == _PROFILE_PREFIX + person[3:]
            record["u"] = 1 if own else url
        if person in highlight_set:
            record["h"] = 1
        if person in labelled:
            record["l"] = labelled[person]
        records.append(record)

    aggregated = len(people) > max_nodes
    groups: list[dict[str, Any]] = []
    if aggregated:
        groups = _aggregate(records, cluster_list, links, highlighted, index, max_nodes, lang)

    org_records = []
    for org in organisations:
        x, y = positions.get(org, (0.0, 0.0))
        org_records.append({"id": org, "n": org_name[org], "x": x, "y": y})

    owner = None
    if ego is not None:
        x, y = positions.get(ego, (0.0, 0.0))
        owner = {"id": ego, "n": _text(G.nodes[ego].get("name") or text["you"]), "x": x, "y": y}

    title = text["title_of"].replace("{name}", owner["n"]) if owner else text["title"]
    day = _views.data_date(G)
    subtitle = text["subtitle"].format(
        date=day.isoformat() if day else text["no_date"],
        contacts=f"{len(people):,}".replace(",", "." if it else ","),
        clusters=sum(1 for c in cluster_list if c["key"] != _style.NOT_CONNECTED),
    )
    drawn = (sum(1 for r in records if r.get("i")) + len(groups)) if aggregated else len(records)
    return {
        "aggregated": aggregated,
        "clusters": cluster_list,
        "colourBy": colour_by,
        "groups": groups,
        "lang": lang,
        "links": links,
        "membership": membership,
        "organisations": org_records,
        "owner": owner,
        "people": records,
        "physics": drawn + len(org_records) <= PHYSICS_UP_TO,
        "sectors": sector_list,
        "sizeBy": size_by,
        "strings": list(strings),
        "subtitle": subtitle,
        "text": text,
        "ties": tie_list,
        "title": title,
        "unit": _PIXELS_PER_UNIT,
    }


def _categories(G: nx.Graph, table: pd.DataFrame, lang: str) -> dict[str, tuple]:
    """The clusters, sectors and tie classes the page colours and filters by.

    ``lists``: for each attribute, its categories as ``{key, label, colour}`` (``last``:
    listed after the others: not connected, no sector, no tie data); ``index``: for each,
    a mapping value -> position in its list (a contact's sector None: "no sector").
    Colours are the static map's (:mod:`netkit.render._style`).
    """
    from netkit.enrich.taxonomy import SECTOR_LABELS
    from netkit.render import _style

    text = _TEXT[lang]
    it = lang == "it"
    label_column = "cluster_label_it" if it else "cluster_label"
    cluster_label = dict(zip(table["cluster"], table[label_column], strict=True))
    cluster_ids = sorted(cluster_label, key=lambda c: (c == _style.NOT_CONNECTED, c))
    colours = _style.cluster_colours(cluster_ids)
    clusters = [
        {"key": int(c), "label": _text(cluster_label[c]), "colour": colours[c]}
        | ({"last": 1} if c == _style.NOT_CONNECTED else {})
        for c in cluster_ids
    ]

    known = [str(G.nodes[p]["sector"]) for p in table["person"] if "sector" in G.nodes[p]]
    colours = _style.category_colours(known)
    counts = Counter(known)
    sector_ids = sorted(counts, key=lambda s: (-counts[s], s))
    sectors = [
        {
            "key": s,
            "label": SECTOR_LABELS[s][1 if it else 0] if s in SECTOR_LABELS else _text(s),
            "colour": colours[s],
        }
        for s in sector_ids
    ]
    sectors.append({"key": "", "label": text["no_sector"], "colour": _MISSING, "last": 1})
    sector_at: dict[Any, int] = {s: i for i, s in enumerate(sector_ids)}
    sector_at[None] = len(sector_ids)

    present = set(table["tie_class"])
    tie_ids = [k for k in _TIE_ORDER if k in present] + sorted(present - set(_TIE_ORDER))
    ties = [
        {
            "key": "" if k == "unknown" else k,
            "label": text.get(k, _text(k)),
            "colour": _style.TIE_CLASS_COLOURS.get(k, _MISSING),
        }
        | ({"last": 1} if k == "unknown" else {})
        for k in tie_ids
    ]
    return {
        "lists": (clusters, sectors, ties),
        "index": (
            {c: i for i, c in enumerate(cluster_ids)},
            sector_at,
            {k: i for i, k in enumerate(tie_ids)},
        ),
    }


def _edges(
    G: nx.Graph, index: Mapping[str, int]
) -> tuple[dict[str, list[tuple[str, bool, str]]], list[tuple[int, int, float]]]:
    """Each contact's memberships (organisation, current, title) and the contacts' ties.

    One pass over each contact's edges; ties are ``(i, j, weight)`` with ``i < j``
    indices into the sorted contacts, weighted as the analysers weigh them
    (:func:`netkit.analyse._views.people_graph`).
    """
    from netkit.analyse import _views

    joined: dict[str, list[tuple[str, bool, str]]] = {}
    links: list[tuple[int, int, float]] = []
    for person, i in index.items():
        mine = []
        for other, edge in G[person].items():
            kind = G.nodes[other].get("kind")
            if kind == "organisation" and edge.get("kind") == "member_of":
                mine.append((other, bool(edge.get("current", True)), str(edge.get("title", ""))))
            elif kind == "person" and index[other] > i:
                links.append((i, index[other], round(_views._person_weight(edge), 3)))
        joined[person] = sorted(mine)
    return joined, sorted(links)


def _work(
    node: Mapping[str, Any], joined: list[tuple[str, bool, str]], org_name: Mapping[str, str]
) -> tuple[str, str, str]:
    """Current organisations, former ones (up to three) and the title, as text."""
    current = [org_name[org] for org, now, _ in joined if now]
    former = [org_name[org] for org, now, _ in joined if not now]
    titles = [_text(title) for _, now, title in joined if now and title.strip()]
    if not current and node.get("company"):
        current.append(_text(node["company"]))
    title = _text(node["position"]) if node.get("position") else (titles[0] if titles else "")
    return ", ".join(current), ", ".join(former[:3]), title


def _aggregate(
    records: list[dict[str, Any]],
    cluster_list: list[dict[str, Any]],
    links: list[tuple[int, int, float]],
    highlighted: list[str],
    index: Mapping[str, int],
    max_nodes: int,
    lang: str,
) -> list[dict[str, Any]]:
    """Mark who is drawn one by one (``i``) and put everyone in a group (``g``).

    A group is a cluster; beyond ``max_nodes // 20`` clusters, the smallest share one
    group. The contacts drawn one by one are the highlighted ones, then, alternately, the
    top by betweenness and by tie strength (by ties among contacts when neither is known),
    up to the node budget left by the groups and the owner. A group sits at its members'
    centroid; "not connected" contacts, spread on rings around the map, above it.
    """
    from netkit.render import _style

    sizes = Counter(r["c"] for r in records)
    order = sorted(sizes, key=lambda c: (-sizes[c], c))
    cap = max(1, max_nodes // 20)
    own, rest = (order[: cap - 1], order[cap - 1 :]) if len(order) > cap else (order, [])
    group_of = {c: g for g, c in enumerate(own)}
    group_of.update(dict.fromkeys(rest, len(own)))
    budget = max(0, max_nodes - len(own) - (1 if rest else 0) - 1)

    degree: Counter[int] = Counter()
    for i, j, _ in links:
        degree[i] += 1
        degree[j] += 1
    by_between = sorted(
        (i for i, r in enumerate(records) if r.get("b", 0) > 0),
        key=lambda i: (-records[i]["b"], i),
    )
    by_strength = sorted(
        (i for i, r in enumerate(records) if "st" in r), key=lambda i: (-records[i]["st"], i)
    )
    by_degree = sorted(degree, key=lambda i: (-degree[i], i))
    chosen: dict[int, None] = {index[p]: None for p in highlighted}
    cursors = [iter(r) for r in (by_between, by_strength) if r] or [iter(by_degree)]
    while len(chosen) < budget and cursors:
        for cursor in list(cursors):
            if len(chosen) >= budget:
                break
            for i in cursor:
                if i not in chosen:
                    chosen[i] = None
                    break
            else:
                cursors.remove(cursor)
    for i in chosen:
        records[i]["i"] = 1

    groups: list[dict[str, Any]] = [
        {k: cluster_list[c][k] for k in ("colour", "key", "label")} for c in own
    ]
    if rest:
        label = _TEXT[lang]["other_clusters"].format(count=len(rest))
        groups.append({"colour": _style.OTHER_CLUSTERS_COLOUR, "key": None, "label": label})
    sums = [[0, 0.0, 0.0] for _ in groups]
    for r in records:
        g = r["g"] = group_of[r["c"]]
        sums[g][0] += 1
        sums[g][1] += r["x"]
        sums[g][2] += r["y"]
    top = min((r["y"] for r in records), default=0.0) - 4 * _PIXELS_PER_UNIT
    bottom = max((r["y"] for r in records), default=0.0) + 4 * _PIXELS_PER_UNIT
    for g, (group, (size, x, y)) in enumerate(zip(groups, sums, strict=True)):
        group["size"] = size
        if g == len(own):  # the smaller clusters together: below the map
            group["x"], group["y"] = 0.0, round(bottom, 1)
        elif cluster_list[own[g]]["key"] == _style.NOT_CONNECTED:  # spread on outer rings
            group["x"], group["y"] = 0.0, round(top, 1)
        else:
            group["x"], group["y"] = round(x / size, 1), round(y / size, 1)
    return groups


# ---------------------------------------------------------------------------------------
# The page


def _script_json(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``."""
    text = json.dumps(
        data, ensure_ascii=True, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str, str]:
    """The page template, its stylesheet, vis-network (without its source-map line), our script."""
    page = (_TEMPLATES / "interactive.html").read_text(encoding="utf-8")
    style = (_TEMPLATES / "interactive.css").read_text(encoding="utf-8")
    vis = (_TEMPLATES / "vis-network.min.js").read_text(encoding="utf-8")
    vis = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", vis)
    app = (_TEMPLATES / "interactive.js").read_text(encoding="utf-8")
    for script in (vis, app):
        if re.search(r"</script|<!--", script, re.IGNORECASE):
            raise RuntimeError("a script to inline contains '</script' or '<!--'")
    return page, style, vis, app


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def script_sources() -> str:
    """The Content Security Policy sources that allow the map's two inline scripts.

    A page that embeds the map in an ``<iframe srcdoc>`` passes its own policy on to
    the frame, so it must allow these scripts too (and no other).

    Examples
    --------
    >>> script_sources().count("'sha256-")
    2
    """
    _, _, vis, app = _assets()
    return f"{_sha256(vis)} {_sha256(app)}"


def _page(data: Mapping[str, Any], lang: str) -> str:
    page, style, vis, app = _assets()
    policy = (
        "default-src 'none'; "
        f"script-src {script_sources()}; "
        "style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    parts = {
        "LANG": lang,
        "POLICY": policy,
        "TITLE": html.escape(str(data["title"]), quote=True),
        "STYLE": style,
        "DATA": _script_json(data),
        "VIS": vis,
        "APP": app,
    }
    return re.sub(r"/\*@(\w+)@\*/", lambda m: parts[m.group(1)], page)
