"""What both maps share: the palette, the words, the label rules and the per-person table.

The static map (:mod:`netkit.render.static`), the interactive map and the exports
draw the same things the same way: a cluster has one colour everywhere, the same
people get a label, the same text says "not connected". Everything here is plain
Python over the graph and the analysers' tables; nothing imports matplotlib.

The analysers (:mod:`netkit.analyse.clusters`, ``ties``, ``bridges``) are used when
they are importable and no table is given; otherwise a small local fallback stands in
(Leiden communities over :func:`~netkit.analyse._views.structure_graph`, betweenness
from the heavy kernels, no tie strength), so a map can always be drawn.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "BRIDGE_COUNT",
    "EDGE_COLOUR",
    "HIGHLIGHT_COLOUR",
    "LANGUAGES",
    "NOT_CONNECTED",
    "NOT_CONNECTED_COLOUR",
    "ORGANISATION_COLOUR",
    "OTHER_CLUSTERS_COLOUR",
    "OWNER_COLOUR",
    "PALETTE",
    "TEXT",
    "TIE_CLASS_COLOURS",
    "category_colours",
    "clean_label",
    "cluster_colours",
    "cluster_table",
    "hex_to_rgb",
    "label_order",
    "people_table",
    "text",
]

#: Cluster colours, largest cluster first: the Okabe–Ito colour-blind-safe set (Okabe &
#: Ito 2008, without black, yellow last because it is faint on white) extended with three
#: of Paul Tol's "muted" colours (wine, olive, indigo) that stay apart from it.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#882255",  # wine (Tol)
    "#999933",  # olive (Tol)
    "#332288",  # indigo (Tol)
    "#F0E442",  # yellow
)
#: Clusters beyond the palette's ten share one neutral colour (and are named on the map).
OTHER_CLUSTERS_COLOUR = "#8C8C8C"
#: Contacts linked to no other contact and no organisation.
NOT_CONNECTED_COLOUR = "#CFCFCF"
OWNER_COLOUR = "#111111"
ORGANISATION_COLOUR = "#4D4D4D"
EDGE_COLOUR = "#8A8A8A"
HIGHLIGHT_COLOUR = "#111111"
#: Colours of the tie classes of :func:`netkit.analyse.ties.ties`, strongest darkest.
TIE_CLASS_COLOURS: dict[str, str] = {
    "strong": "#0072B2",
    "medium": "#56B4E9",
    "weak": "#E69F00",
    "dormant": "#CC79A7",
    "latent": "#BBBBBB",
    "unknown": "#DDDDDD",
}
#: Cluster id of contacts linked to no one (the analysers' convention).
NOT_CONNECTED = -1
#: How many top-betweenness contacts the maps mark as bridges.
BRIDGE_COUNT = 10

LANGUAGES = ("en", "it")
TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title_owner": "Professional network of {owner}",
        "title": "Network map",
        "data_date": "Data as of {date}",
        "no_date": "Date of the data unknown",
        "contacts": "{count} contacts",
        "contact": "1 contact",
        "clusters": "{count} clusters",
        "one_cluster": "1 cluster",
        "owner": "You ({owner})",
        "owner_anonymous": "Owner",
        "not_connected": "Not connected to others",
        "other_clusters": "{count} smaller clusters",
        "cluster": "Cluster {number}",
        "organisation": "Organisation",
        "bridge": "Bridge (top betweenness)",
        "highlight": "Highlighted (best bridges to the target)",
        "size_strength": "Size: tie strength",
        "size_betweenness": "Size: brokerage (betweenness)",
        "size_unknown": "Size: tie strength unknown (no ties table)",
        "legend": "Clusters",
    },
    "it": {
        "title_owner": "La rete professionale di {owner}",
        "title": "Mappa della rete",
        "data_date": "Dati al {date}",
        "no_date": "Data dei dati sconosciuta",
        "contacts": "{count} contatti",
        "contact": "1 contatto",
        "clusters": "{count} cluster",
        "one_cluster": "1 cluster",
        "owner": "Tu ({owner})",
        "owner_anonymous": "Titolare",
        "not_connected": "Non collegati ad altri",
        "other_clusters": "{count} cluster più piccoli",
        "cluster": "Cluster {number}",
        "organisation": "Organizzazione",
        "bridge": "Ponte (intermediazione più alta)",
        "highlight": "In evidenza (ponti migliori verso l'obiettivo)",
        "size_strength": "Dimensione: forza del legame",
        "size_betweenness": "Dimensione: intermediazione (betweenness)",
        "size_unknown": "Dimensione: forza del legame non nota (nessuna tabella)",
        "legend": "Cluster",
    },
}


def text(lang: str, key: str, **values: Any) -> str:
    """The map's wording for ``key`` in ``lang`` ("en" or "it"), filled with ``values``.

    Examples
    --------
    >>> text("it", "other_clusters", count=3)
    '3 cluster più piccoli'
    """
    if lang not in TEXT:
        raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    return TEXT[lang][key].format(**values)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"\s+")


def clean_label(value: object, max_chars: int = 32) -> str:
    """Text from the data made fit for a label: one line, no control characters, capped.

    Nothing is interpreted: markup and ``$`` stay as typed (the maps draw text as text).

    Examples
    --------
    >>> clean_label("Ada\\nLovelace\\x00  (Analytical Engines)", max_chars=20)
    'Ada Lovelace (Analy…'
    """
    label = unicodedata.normalize("NFC", str(value))
    label = _SPACES.sub(" ", _CONTROL.sub(" ", label)).strip()
    if len(label) > max_chars:
        label = label[: max_chars - 1].rstrip() + "…"
    return label


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    """``"#RRGGBB"`` as three integers 0–255.

    Examples
    --------
    >>> hex_to_rgb("#0072B2")
    (0, 114, 178)
    """
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def cluster_colours(cluster_ids: Iterable[int]) -> dict[int, str]:
    """A colour per cluster id: the palette in id order, then one neutral colour.

    Cluster ids number clusters from 0 for the largest (the analysers' convention), so
    the ten largest clusters get the palette.

    Examples
    --------
    >>> colours = cluster_colours([-1, *range(12)])
    >>> colours[0], colours[-1] == NOT_CONNECTED_COLOUR, colours[11] == OTHER_CLUSTERS_COLOUR
    ('#0072B2', True, True)
    """
    ranked = sorted({int(c) for c in cluster_ids if int(c) != NOT_CONNECTED})
    colours = {
        cluster: (PALETTE[rank] if rank < len(PALETTE) else OTHER_CLUSTERS_COLOUR)
        for rank, cluster in enumerate(ranked)
    }
    colours[NOT_CONNECTED] = NOT_CONNECTED_COLOUR
    return colours


def category_colours(values: Iterable[object]) -> dict[str, str]:
    """A colour per category (a sector, a function...), most frequent first.

    The ten most frequent categories get the palette's colours, the rest the neutral one.

    Examples
    --------
    >>> category_colours(["a", "b", "a"])
    {'a': '#0072B2', 'b': '#E69F00'}
    """
    counts = Counter(str(v) for v in values)
    order = sorted(counts, key=lambda v: (-counts[v], v))
    return {
        value: (PALETTE[rank] if rank < len(PALETTE) else OTHER_CLUSTERS_COLOUR)
        for rank, value in enumerate(order)
    }


# --------------------------------------------------------------------------------------
# The tables the maps draw from


def _person_ids(G: nx.Graph) -> list[str]:
    return sorted(n for n, kind in G.nodes(data="kind") if kind == "person")


def _as_frame(table: Any, value: str, name: str) -> pd.DataFrame:
    """A DataFrame with a ``person`` column from a DataFrame or a Mapping person -> value."""
    import pandas as pd

    if isinstance(table, pd.DataFrame):
        frame = table.reset_index() if "person" not in table.columns else table
        if "person" not in frame.columns:
            raise ValueError(f"the {name} table needs a 'person' column")
        return frame
    if isinstance(table, Mapping):
        return pd.DataFrame({"person": list(table), value: list(table.values())})
    raise TypeError(f"{name} must be a pandas DataFrame or a mapping person -> {value}")


def _fallback_clusters(G: nx.Graph, *, seed: int) -> dict[str, int]:
    """Leiden over persons and organisations; contacts linked to nothing get -1."""
    from netkit.analyse import _kernels, _views

    S = _views.structure_graph(G)
    linked = S.subgraph([n for n in S if S.degree(n) > 0])
    found = _kernels.leiden(linked, weight="weight", seed=seed) if len(linked) else {}
    # Renumber over persons only (organisation-only communities vanish), largest first.
    members: dict[int, list[str]] = {}
    for person in _person_ids(G):
        if person in found:
            members.setdefault(found[person], []).append(person)
    order = sorted(members.values(), key=lambda group: (-len(group), group[0]))
    result = dict.fromkeys(_person_ids(G), NOT_CONNECTED)
    for number, group in enumerate(order):
        for person in group:
            result[person] = number
    return result


def _describe(G: nx.Graph, membership: Mapping[str, int]) -> dict[int, tuple[str, str]]:
    """A name per cluster from its members' data: the organisation most of them share.

    Falls back to their most common sector, then to "Cluster N". Returns (en, it) pairs.
    """
    groups: dict[int, list[str]] = {}
    for person, cluster in membership.items():
        if cluster != NOT_CONNECTED:
            groups.setdefault(cluster, []).append(person)
    names: dict[int, tuple[str, str]] = {}
    for cluster, people in groups.items():
        orgs: Counter[str] = Counter()
        sectors: Counter[str] = Counter()
        for person in people:
            for other in G[person]:
                if G.nodes[other].get("kind") == "organisation":
                    orgs[other] += 1
            sector = G.nodes[person].get("sector")
            if sector:
                sectors[str(sector)] += 1
        label = None
        if orgs:
            org, count = min(orgs.items(), key=lambda item: (-item[1], item[0]))
            if count >= max(2, 0.3 * len(people)):
                label = str(G.nodes[org].get("name", org.removeprefix("org:")))
        if label is None and sectors:
            sector, count = min(sectors.items(), key=lambda item: (-item[1], item[0]))
            if count >= max(2, 0.3 * len(people)):
                label = sector.replace("-", " ")
        if label is None:
            names[cluster] = (
                text("en", "cluster", number=cluster + 1),
                text("it", "cluster", number=cluster + 1),
            )
        else:
            names[cluster] = (label, label)
    return names


CLUSTER_COLUMNS = ("person", "cluster", "cluster_label", "cluster_label_it", "cluster_size")


def cluster_table(G: nx.Graph, clusters: Any = None, *, seed: int = 0) -> pd.DataFrame:
    """Every contact's cluster, with a name for each cluster, whatever the input.

    Parameters
    ----------
    G : networkx.Graph
        A netkit network.
    clusters : DataFrame or Mapping or None
        The table of :func:`netkit.analyse.clusters.clusters` (columns ``person``,
        ``cluster`` and, when present, ``cluster_label``/``cluster_label_it``), or a
        mapping person -> cluster id, or None to compute it: with the clusters analyser
        when it is importable, else Leiden over contacts and organisations
        (:func:`netkit.analyse._kernels.leiden`, ``seed``). Contacts missing from a
        given table count as not connected (-1).
    seed : int

    Returns
    -------
    pandas.DataFrame
        One row per contact, sorted by ``person``: ``person``, ``cluster`` (int, -1 = not
        connected), ``cluster_label``, ``cluster_label_it``, ``cluster_size``.
    """
    import pandas as pd

    persons = _person_ids(G)
    if clusters is None:
        analyse_clusters = _analyser("clusters")
        if analyse_clusters is None:
            clusters = _fallback_clusters(G, seed=seed)
        else:
            clusters = analyse_clusters(G, seed=seed)
    frame = _as_frame(clusters, "cluster", "clusters")
    if "cluster" not in frame.columns:
        raise ValueError("the clusters table needs a 'cluster' column")
    wanted = set(persons)
    membership = dict.fromkeys(persons, NOT_CONNECTED)
    labels: dict[int, tuple[str, str]] = {}
    has_en = "cluster_label" in frame.columns
    has_it = "cluster_label_it" in frame.columns
    count = len(frame)
    en_labels = frame["cluster_label"].tolist() if has_en else [None] * count
    it_labels = frame["cluster_label_it"].tolist() if has_it else [None] * count
    for person, value, en, it in zip(
        frame["person"].astype(str).tolist(),
        frame["cluster"].tolist(),
        en_labels,
        it_labels,
        strict=True,
    ):
        if person not in wanted:
            continue
        cluster = _as_int(value)
        membership[person] = cluster
        if cluster != NOT_CONNECTED and cluster not in labels and _present(en):
            labels[cluster] = (str(en), str(it) if _present(it) else str(en))
    missing = {c for c in membership.values() if c != NOT_CONNECTED} - set(labels)
    if missing:
        described = _describe(G, {p: c for p, c in membership.items() if c in missing})
        labels.update(described)
    sizes = Counter(membership.values())
    rows = []
    for person in persons:
        cluster = membership[person]
        if cluster == NOT_CONNECTED:
            en, it = text("en", "not_connected"), text("it", "not_connected")
        else:
            en, it = labels[cluster]
        rows.append((person, cluster, en, it, sizes[cluster]))
    return pd.DataFrame(rows, columns=list(CLUSTER_COLUMNS)).astype(
        {"cluster": "int64", "cluster_size": "int64"}
    )


def _as_int(value: object) -> int:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return NOT_CONNECTED
    return int(number) if math.isfinite(number) else NOT_CONNECTED


def _present(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return str(value) != ""


def _analyser(name: str) -> Any:
    """``netkit.analyse.<name>.<name>`` when that module exists, else None.

    Only a missing module selects the fallback: an error inside an analyser surfaces.
    """
    import importlib
    import importlib.util

    if importlib.util.find_spec(f"netkit.analyse.{name}") is None:
        return None
    return getattr(importlib.import_module(f"netkit.analyse.{name}"), name)


def _tie_frame(G: nx.Graph, ties: Any) -> pd.DataFrame | None:
    if ties is None:
        analyse_ties = _analyser("ties")
        if analyse_ties is None:
            return None
        ties = analyse_ties(G)
    return _as_frame(ties, "strength", "ties")


def _bridge_frame(G: nx.Graph, bridges: Any, *, seed: int) -> pd.DataFrame:
    if bridges is None:
        analyse_bridges = _analyser("bridges")
        if analyse_bridges is None:
            from netkit.analyse import _kernels, _views

            H = _views.people_graph(G)
            sample = None if H.number_of_nodes() <= 2000 else 256
            bridges = _kernels.betweenness(H, k=sample, seed=seed)
        else:
            bridges = analyse_bridges(G)
    return _as_frame(bridges, "betweenness", "bridges")


PEOPLE_COLUMNS = (
    "person",
    "name",
    "cluster",
    "cluster_label",
    "cluster_label_it",
    "cluster_size",
    "strength",
    "tie_class",
    "betweenness",
)


def people_table(
    G: nx.Graph,
    *,
    clusters: Any = None,
    ties: Any = None,
    bridges: Any = None,
    seed: int = 0,
) -> pd.DataFrame:
    """What the maps show about each contact, from the analysers' tables or fallbacks.

    Parameters
    ----------
    G : networkx.Graph
    clusters, ties, bridges : DataFrame or Mapping or None
        Tables of :func:`netkit.analyse.clusters.clusters`, :func:`~netkit.analyse.ties.ties`
        and :func:`~netkit.analyse.bridges.bridges` (a ``person`` column, or the person as
        index), or mappings person -> cluster / strength / betweenness. None computes
        them with the analysers when importable; without the ties analyser strength
        stays unknown (NaN, class "unknown"); without the bridges analyser betweenness
        comes from :func:`netkit.analyse._kernels.betweenness` over the contacts' ties
        (exact up to 2,000 contacts, else sampled over 256 seeded sources).
    seed : int

    Returns
    -------
    pandas.DataFrame
        One row per contact sorted by ``person``: ``person``, ``name``, ``cluster``,
        ``cluster_label``, ``cluster_label_it``, ``cluster_size``, ``strength`` (float,
        NaN when unknown), ``tie_class`` (str, "unknown" when unknown), ``betweenness``
        (float, 0.0 when unknown).

    Examples
    --------
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego")
    >>> G.add_node("li:a", kind="person", name="Ada"); G.add_node("li:b", kind="person")
    >>> G.add_edge("ego", "li:a"); G.add_edge("ego", "li:b")
    >>> table = people_table(G, clusters={"li:a": 0}, ties={"li:a": 0.5}, bridges={})
    >>> table[["person", "name", "cluster", "strength", "betweenness"]].values.tolist()
    [['li:a', 'Ada', 0, 0.5, 0.0], ['li:b', 'li:b', -1, nan, 0.0]]
    """
    table = cluster_table(G, clusters, seed=seed)
    persons = table["person"].tolist()
    table.insert(1, "name", [str(G.nodes[p].get("name", p)) for p in persons])

    strength = dict.fromkeys(persons, math.nan)
    tie_class = dict.fromkeys(persons, "unknown")
    frame = _tie_frame(G, ties)
    if frame is not None:
        count = len(frame)
        values = frame["strength"].tolist() if "strength" in frame.columns else [None] * count
        classes = frame["tie_class"].tolist() if "tie_class" in frame.columns else [None] * count
        for person, value, kind in zip(
            frame["person"].astype(str).tolist(), values, classes, strict=True
        ):
            if person not in strength:
                continue
            strength[person] = _as_float(value, math.nan)
            if _present(kind):
                tie_class[person] = str(kind)
    table["strength"] = [strength[p] for p in persons]
    table["tie_class"] = [tie_class[p] for p in persons]

    betweenness = dict.fromkeys(persons, 0.0)
    frame = _bridge_frame(G, bridges, seed=seed)
    if "betweenness" not in frame.columns:
        raise ValueError("the bridges table needs a 'betweenness' column")
    for person, value in zip(
        frame["person"].astype(str).tolist(), frame["betweenness"].tolist(), strict=True
    ):
        if person in betweenness:
            betweenness[person] = _as_float(value, 0.0)
    table["betweenness"] = [betweenness[p] for p in persons]
    return table[list(PEOPLE_COLUMNS)]


def _as_float(value: object, default: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def label_order(people: pd.DataFrame, *, highlight: Iterable[str] = ()) -> list[str]:
    """Contacts in the order they earn a label: highlighted, then brokers, then strong ties.

    Highlighted ids first (in the order given), then contacts with positive betweenness
    by betweenness descending, then contacts with a known strength by strength
    descending; ties broken by id. Contacts with neither are never labelled.

    Examples
    --------
    >>> import pandas as pd
    >>> people = pd.DataFrame({"person": ["a", "b", "c", "d"],
    ...                        "betweenness": [0.0, 0.4, 0.1, 0.0],
    ...                        "strength": [0.9, float("nan"), 0.2, float("nan")]})
    >>> label_order(people, highlight=["d"])
    ['d', 'b', 'c', 'a']
    """
    chosen = [str(p) for p in highlight]
    seen = set(chosen)
    rows = list(zip(people["person"], people["betweenness"], people["strength"], strict=True))
    brokers = sorted((r for r in rows if r[1] > 0), key=lambda r: (-r[1], r[0]))
    strong = sorted(
        (r for r in rows if not math.isnan(r[2]) and r[2] > 0), key=lambda r: (-r[2], r[0])
    )
    for person, *_ in (*brokers, *strong):
        if person not in seen:
            seen.add(person)
            chosen.append(person)
    return chosen
