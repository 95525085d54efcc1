"""Clusters of contacts: communities over people and organisations, named from the data."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse import csgraph

from netkit.analyse import _kernels, _views
from netkit.enrich.taxonomy import FUNCTION_LABELS, SECTOR_LABELS

__all__ = [
    "CLUSTER_COLUMNS",
    "NOT_CONNECTED",
    "SUMMARY_COLUMNS",
    "adjusted_rand",
    "cluster_summary",
    "clusters",
    "normalized_mutual_info",
]

#: Cluster id of contacts who share nothing with any other contact.
NOT_CONNECTED = -1
NOT_CONNECTED_LABELS = ("not connected to others", "non collegati ad altri")

#: Columns of :func:`clusters`, in order.
CLUSTER_COLUMNS = (
    "person",
    "name",
    "cluster",
    "cluster_label",
    "cluster_label_it",
    "cluster_size",
    "stability",
    "cluster_stability",
)
#: Columns of :func:`cluster_summary`, in order.
SUMMARY_COLUMNS = (
    "cluster",
    "label",
    "label_it",
    "size",
    "stability",
    "organisations",
    "former_organisations",
    "sectors",
    "functions",
    "territories",
    "ties_inside",
    "ties_outside",
    "density",
    "ei_index",
    "strong_share",
    "weak_share",
)
_SUMMARY_DTYPES = {
    "cluster": np.int64,
    "label": object,
    "label_it": object,
    "size": np.int64,
    "stability": np.float64,
    "organisations": object,
    "former_organisations": object,
    "sectors": object,
    "functions": object,
    "territories": object,
    "ties_inside": np.int64,
    "ties_outside": np.int64,
    "density": np.float64,
    "ei_index": np.float64,
    "strong_share": np.float64,
    "weak_share": np.float64,
}

_METHODS = {"leiden": _kernels.leiden, "louvain": _kernels.louvain}

#: A feature names a cluster outright when it covers at least this share of it.
_NAMING_SHARE = 0.5
#: Values listed per attribute in :func:`cluster_summary`.
_TOP = 5
# Order in which feature kinds win ties of score.
_KIND_ORDER = {"organisation": 0, "sector": 1, "function": 2, "territory": 3}
_SCHOOL = re.compile(
    r"universit|politecnic|polytechnic|school|scuola|istituto|institute|liceo|college|"
    r"accademia|academy|ateneo|conservatori|\bits\b|\bmba\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------
# Agreement between partitions


def _codes(labels: Sequence[Hashable]) -> np.ndarray:
    codes, _ = pd.factorize(pd.Series(list(labels), dtype=object), sort=False)
    return codes.astype(np.int64)


def _contingency(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[np.ndarray, ...]:
    """Cluster sizes of ``a`` and ``b`` and the sizes of their non-empty intersections."""
    if len(a) != len(b):
        raise ValueError(f"the two labelings differ in length: {len(a)} and {len(b)}")
    ca, cb = _codes(a), _codes(b)
    if ca.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    joint = ca * (int(cb.max()) + 1) + cb
    _, n_ij = np.unique(joint, return_counts=True)
    return np.bincount(ca), np.bincount(cb), n_ij


def _pairs(counts: np.ndarray) -> float:
    counts = counts.astype(np.float64)
    return float(np.sum(counts * (counts - 1.0) / 2.0))


def adjusted_rand(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Adjusted Rand index between two labelings of the same items (Hubert & Arabie 1985).

    With ``n_ij`` the items labelled ``i`` in ``a`` and ``j`` in ``b``, ``a_i`` and
    ``b_j`` the cluster sizes and ``C(x) = x(x-1)/2`` the pairs among ``x`` items::

        index    = sum_ij C(n_ij)
        expected = sum_i C(a_i) * sum_j C(b_j) / C(n)
        maximum  = (sum_i C(a_i) + sum_j C(b_j)) / 2
        ARI      = (index - expected) / (maximum - expected)

    1 for identical partitions (whatever the label names), about 0 for independent
    ones, negative when they agree less than chance. When the denominator is zero
    both labelings put all items in one cluster, or each in its own: they are
    identical and the index is 1 (so it is for fewer than two items).

    Parameters
    ----------
    a, b : sequences of hashable labels, of the same length

    Returns
    -------
    float

    Raises
    ------
    ValueError
        The labelings differ in length.

    Examples
    --------
    >>> adjusted_rand([0, 0, 1, 1], ["x", "x", "y", "y"])
    1.0
    >>> round(adjusted_rand([0, 0, 1, 1], [0, 0, 1, 2]), 4)  # (1 - 1/3) / (3/2 - 1/3) = 4/7
    0.5714

    References
    ----------
    L. Hubert and P. Arabie, "Comparing partitions", Journal of Classification 2 (1985)
    193-218.
    """
    size_a, size_b, n_ij = _contingency(a, b)
    n = int(size_a.sum())
    if n < 2:
        return 1.0
    index = _pairs(n_ij)
    pairs_a, pairs_b = _pairs(size_a), _pairs(size_b)
    expected = pairs_a * pairs_b / (n * (n - 1) / 2.0)
    maximum = (pairs_a + pairs_b) / 2.0
    if maximum == expected:
        return 1.0
    return float((index - expected) / (maximum - expected))


def normalized_mutual_info(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Normalised mutual information between two labelings (arithmetic-mean normalisation).

    With ``p_ij = n_ij / n`` and the marginals ``p_i``, ``p_j`` (natural logarithms)::

        I(A; B) = sum_ij p_ij log(p_ij / (p_i p_j))
        H(A)    = -sum_i p_i log p_i
        NMI     = I(A; B) / ((H(A) + H(B)) / 2)

    the normalisation of Danon et al. (2005), scikit-learn's default. It is 1 for
    identical partitions and 0 for independent ones; when both labelings have a
    single cluster (no information on either side) it is 1, when only one has, 0.

    Parameters
    ----------
    a, b : sequences of hashable labels, of the same length

    Returns
    -------
    float in [0, 1]

    Raises
    ------
    ValueError
        The labelings differ in length.

    Examples
    --------
    >>> normalized_mutual_info([0, 0, 1, 1], [1, 1, 0, 0])
    1.0
    >>> round(normalized_mutual_info([0, 0, 1, 1], [0, 0, 1, 2]), 4)  # 2 ln2 / 2.5 ln2
    0.8

    References
    ----------
    L. Danon, A. Díaz-Guilera, J. Duch and A. Arenas, "Comparing community structure
    identification", Journal of Statistical Mechanics (2005) P09008.
    """
    size_a, size_b, n_ij = _contingency(a, b)
    n = float(size_a.sum())
    if n == 0:
        return 1.0

    def entropy(sizes: np.ndarray) -> float:
        p = sizes[sizes > 0] / n
        return float(-np.sum(p * np.log(p)))

    h_a, h_b = entropy(size_a), entropy(size_b)
    if h_a == 0.0 and h_b == 0.0:
        return 1.0
    if h_a == 0.0 or h_b == 0.0:
        return 0.0
    # I = sum p_ij log(p_ij / (p_i p_j)) = H(A) + H(B) - H(A, B)
    mutual = max(h_a + h_b - entropy(n_ij), 0.0)
    return float(min(mutual / ((h_a + h_b) / 2.0), 1.0))


# --------------------------------------------------------------------------------------------
# Partition


@dataclass(frozen=True)
class _Partition:
    """Contacts (sorted) and what the runs say about them."""

    contacts: list[str]
    cluster: np.ndarray  # final id per contact, NOT_CONNECTED for lone contacts
    stability: np.ndarray  # share of runs each contact falls with its co-members
    mean_ari: float
    modularity: float
    modularities: tuple[float, ...]
    seeds: tuple[int, ...]
    chosen_seed: int | None


def _check(method: str, resolution: float, seeds: int, seed: int, weight: str | None) -> None:
    if method not in _METHODS:
        raise ValueError(f"unknown method {method!r}: use one of {', '.join(sorted(_METHODS))}")
    if isinstance(resolution, bool) or not isinstance(resolution, int | float):
        raise ValueError(f"resolution must be a positive number, got {resolution!r}")
    if not (math.isfinite(resolution) and resolution > 0):
        raise ValueError(f"resolution must be a positive number, got {resolution!r}")
    if isinstance(seeds, bool) or not isinstance(seeds, int) or seeds < 1:
        raise ValueError(f"seeds must be a whole number of runs, at least 1, got {seeds!r}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    if weight is not None and not isinstance(weight, str):
        raise ValueError(f"weight must be an edge attribute name or None, got {weight!r}")


def _edge_arrays(
    H: nx.Graph, index: dict[str, int], weight: str | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Both ends (as positions in ``index``) and the weight of every edge of ``H``."""
    rows = [(u, v, w) for u, v, w in H.edges(data=weight, default=1.0) if u != v]
    ends_u = np.fromiter((index[u] for u, _, _ in rows), dtype=np.int64, count=len(rows))
    ends_v = np.fromiter((index[v] for _, v, _ in rows), dtype=np.int64, count=len(rows))
    if weight is None:
        return ends_u, ends_v, np.ones(len(rows))
    weights = np.fromiter((float(w) for _, _, w in rows), dtype=np.float64, count=len(rows))
    return ends_u, ends_v, weights


def _modularity(
    u: np.ndarray, v: np.ndarray, w: np.ndarray, membership: np.ndarray, resolution: float
) -> float:
    """Newman–Girvan modularity with a resolution, as :func:`networkx.community.modularity`."""
    m = float(w.sum())
    if m == 0:
        return float("nan")
    size = int(membership.max()) + 1
    inside = membership[u] == membership[v]
    intra = np.bincount(membership[u][inside], weights=w[inside], minlength=size)
    strength = np.bincount(membership[u], weights=w, minlength=size) + np.bincount(
        membership[v], weights=w, minlength=size
    )
    return float(intra.sum() / m - resolution * np.sum((strength / (2.0 * m)) ** 2))


def _number(raw: np.ndarray, contacts: list[str]) -> np.ndarray:
    """Renumber communities 0.. by decreasing number of contacts, then smallest contact id."""
    result = np.full(raw.shape, NOT_CONNECTED, dtype=np.int64)
    found = raw >= 0
    if not found.any():
        return result
    ids, inverse, counts = np.unique(raw[found], return_inverse=True, return_counts=True)
    first = np.full(ids.size, len(contacts), dtype=np.int64)
    positions = np.flatnonzero(found)  # contacts are sorted: position order is id order
    np.minimum.at(first, inverse, positions)
    order = np.lexsort((first, -counts))
    rank = np.empty(ids.size, dtype=np.int64)
    rank[order] = np.arange(ids.size)
    result[found] = rank[inverse]
    return result


def _agreement(reference: np.ndarray, run: np.ndarray) -> np.ndarray:
    """Whether each contact falls, in ``run``, with most of its co-members in ``reference``.

    A contact alone in its reference cluster agrees when it is alone in the run too.
    """
    _, ref_codes, ref_sizes = np.unique(reference, return_inverse=True, return_counts=True)
    _, run_codes, run_sizes = np.unique(run, return_inverse=True, return_counts=True)
    joint = ref_codes.astype(np.int64) * (int(run_codes.max()) + 1) + run_codes
    _, joint_codes, joint_sizes = np.unique(joint, return_inverse=True, return_counts=True)
    co_members = ref_sizes[ref_codes] - 1
    together = joint_sizes[joint_codes] - 1
    alone = run_sizes[run_codes] == 1
    return np.where(co_members == 0, alone, 2 * together > co_members)


def _partition(
    G: nx.Graph,
    *,
    resolution: float,
    seed: int,
    weight: str | None,
    method: str,
    seeds: int,
) -> _Partition:
    _check(method, resolution, seeds, seed, weight)
    H = _views.structure_graph(G)
    contacts = _views.contacts(G)
    run_seeds = tuple(range(seed, seed + seeds))
    if not contacts:
        empty = np.zeros(0, dtype=np.int64)
        return _Partition([], empty, np.zeros(0), float("nan"), float("nan"), (), run_seeds, None)

    nodes = sorted(H.nodes, key=str)
    index = {node: i for i, node in enumerate(nodes)}
    where = np.asarray([index[c] for c in contacts], dtype=np.int64)
    u, v, w = _edge_arrays(H, index, weight)
    # Contacts whose component holds no other contact share nothing with anyone.
    adjacency = sparse.coo_matrix((np.ones(u.size), (u, v)), shape=(len(nodes), len(nodes)))
    _, component = csgraph.connected_components(adjacency, directed=False)
    contacts_per_component = np.bincount(component[where])
    connected = contacts_per_component[component[where]] > 1

    kernel = _METHODS[method]
    runs, scores = [], []
    for run_seed in run_seeds:
        found = kernel(H, weight=weight, resolution=resolution, seed=run_seed)
        membership = np.asarray([found[node] for node in nodes], dtype=np.int64)
        runs.append(membership[where])
        scores.append(_modularity(u, v, w, membership, resolution))
    finite = [s if math.isfinite(s) else -math.inf for s in scores]
    best = int(np.argmax(finite))  # the highest modularity; ties go to the earliest seed

    raw = np.where(connected, runs[best], NOT_CONNECTED)
    cluster = _number(raw, contacts)
    stability = np.ones(len(contacts))
    mean_ari = float("nan")
    if connected.any():
        clustered = [run[connected] for run in runs]
        agree = np.mean([_agreement(cluster[connected], run) for run in clustered], axis=0)
        stability[connected] = agree
        if len(runs) > 1:
            mean_ari = float(np.mean([adjusted_rand(a, b) for a, b in combinations(clustered, 2)]))
    elif len(runs) > 1:
        mean_ari = 1.0
    return _Partition(
        contacts,
        cluster,
        stability,
        mean_ari,
        scores[best],
        tuple(scores),
        run_seeds,
        run_seeds[best],
    )


# --------------------------------------------------------------------------------------------
# Names


@dataclass(frozen=True)
class _Feature:
    """Something a contact has that can name a cluster, with its wording."""

    kind: str
    label_en: str
    label_it: str
    short_en: str
    short_it: str


def _owner_organisations(G: nx.Graph) -> tuple[set[str], set[str]]:
    """The owner's current and former organisations (member_of edges, ego_organisations)."""
    current: set[str] = set()
    former: set[str] = set()
    ego = G.graph.get("ego")
    if ego is not None and ego in G:
        for org in G[ego]:
            data = G.edges[ego, org]
            if data.get("kind") == "member_of" and G.nodes[org].get("kind") == "organisation":
                (current if data.get("current", True) else former).add(org)
        listed = [org for org in str(G.graph.get("ego_organisations", "")).split(";") if org]
        known = bool(current or former)
        for position, org in enumerate(listed):
            if org not in current and org not in former:
                (current if position == 0 and not known else former).add(org)
    return current, former


def _organisation_name(G: nx.Graph, org: str) -> str:
    return str(G.nodes[org].get("name") or org.removeprefix("org:"))


def _is_school(data: dict) -> bool:
    return data.get("sector") == "education" or bool(_SCHOOL.search(str(data.get("name", ""))))


def _organisation_feature(
    G: nx.Graph, org: str, is_current: bool, owner: tuple[set[str], set[str]]
) -> _Feature:
    data = G.nodes[org]
    name = _organisation_name(G, org)
    owner_current, owner_former = owner
    school = _is_school(data)
    if school and not is_current:
        en, it = f"{name} alumni", f"Ex studenti di {name}"
    elif school:  # staff or students now: not the owner's colleagues even if she studied there
        en, it = f"People at {name}", f"Persone di {name}"
    elif is_current and org in owner_current:
        en, it = f"Colleagues at {name}", f"Colleghi di {name}"
    elif org in owner_former or (not is_current and org in owner_current):
        en, it = f"Former colleagues at {name}", f"Ex colleghi di {name}"
    elif is_current:
        en, it = f"People at {name}", f"Persone di {name}"
    else:
        en, it = f"Formerly at {name}", f"In passato presso {name}"
    short_en = name if is_current else f"formerly {name}"
    short_it = name if is_current else f"ex {name}"
    return _Feature("organisation", en, it, short_en, short_it)


def _attribute_feature(kind: str, value: str) -> _Feature:
    if kind == "sector":
        en, it = SECTOR_LABELS.get(value, (value, value))
        return _Feature(kind, f"Sector: {en}", f"Settore: {it}", en, it)
    if kind == "function":
        en, it = FUNCTION_LABELS.get(value, (value, value))
        return _Feature(kind, f"Function: {en}", f"Funzione: {it}", en, it)
    return _Feature(kind, f"Territory: {value}", f"Territorio: {value}", value, value)


def _features(G: nx.Graph, contacts: list[str]) -> tuple[pd.DataFrame, dict[str, _Feature]]:
    """One row per (contact position, feature key); the features by key."""
    position = {contact: i for i, contact in enumerate(contacts)}
    owner = _owner_organisations(G)
    features: dict[str, _Feature] = {}
    rows: list[tuple[int, str]] = []
    for a, b, data in G.edges(data=True):
        if data.get("kind") != "member_of":
            continue
        person, org = (a, b) if b not in position else (b, a)
        if person not in position or G.nodes[org].get("kind") != "organisation":
            continue
        is_current = bool(data.get("current", True))
        key = f"organisation\t{org}\t{int(is_current)}"
        if key not in features:
            features[key] = _organisation_feature(G, org, is_current, owner)
        rows.append((position[person], key))
    for kind in ("sector", "function", "territory"):
        for contact, value in G.nodes(data=kind):
            if contact not in position or value is None:
                continue
            key = f"{kind}\t{value}"
            if key not in features:
                features[key] = _attribute_feature(kind, str(value))
            rows.append((position[contact], key))
    table = pd.DataFrame(rows, columns=["contact", "key"]).drop_duplicates()
    return table.astype({"contact": np.int64, "key": object}), features


def _scored(
    table: pd.DataFrame, cluster: np.ndarray, features: dict[str, _Feature]
) -> pd.DataFrame:
    """Count, share, lift and score of every feature in every cluster (not -1)."""
    n = len(cluster)
    network = table.groupby("key").size().rename("network")
    rows = table.assign(cluster=cluster[table["contact"].to_numpy()])
    rows = rows[rows["cluster"] != NOT_CONNECTED]
    counts = rows.groupby(["cluster", "key"]).size().rename("count").reset_index()
    sizes = np.bincount(cluster[cluster >= 0]) if (cluster >= 0).any() else np.zeros(0)
    counts["size"] = sizes[counts["cluster"].to_numpy()] if len(counts) else 0
    counts = counts.join(network, on="key")
    counts["share"] = counts["count"] / counts["size"]
    counts["lift"] = counts["share"] / (counts["network"] / n)
    with np.errstate(divide="ignore"):
        counts["score"] = counts["share"] * np.log(counts["lift"])
    counts["order"] = [_KIND_ORDER[features[key].kind] for key in counts["key"]]
    return counts.sort_values(
        ["cluster", "score", "order", "key"], ascending=[True, False, True, True]
    )


def _labels(
    table: pd.DataFrame, features: dict[str, _Feature], cluster: np.ndarray
) -> dict[int, tuple[str, str]]:
    """English and Italian label of every cluster, distinct across clusters."""
    scored = _scored(table, cluster, features)
    eligible = scored[scored["lift"] > 1.0]
    best: dict[int, list[tuple[str, float]]] = {}
    for number, key, share in zip(
        eligible["cluster"], eligible["key"], eligible["share"], strict=True
    ):
        picks = best.setdefault(int(number), [])
        if len(picks) < 2:
            picks.append((key, float(share)))

    labels: dict[int, tuple[str, str]] = {NOT_CONNECTED: NOT_CONNECTED_LABELS}
    for number in sorted(set(cluster[cluster >= 0].tolist())):
        picks = best.get(number, [])
        if not picks:
            labels[number] = (f"Cluster {number}", f"Gruppo {number}")
            continue
        key, share = picks[0]
        feature = features[key]
        if share >= _NAMING_SHARE:
            labels[number] = (feature.label_en, feature.label_it)
        else:
            percent = math.floor(100 * share)  # below half, never shown as 50%
            labels[number] = (
                f"Mixed group ({percent}% {feature.short_en})",
                f"Gruppo misto ({percent}% {feature.short_it})",
            )

    def duplicated() -> list[int]:
        """Clusters whose English or Italian label another cluster has too."""
        english = Counter(en for en, _ in labels.values())
        italian = Counter(it for _, it in labels.values())
        return [n for n, (en, it) in labels.items() if english[en] > 1 or italian[it] > 1]

    for number in duplicated():  # add the second most distinctive feature
        picks = best.get(number, [])
        if len(picks) > 1:
            second = features[picks[1][0]]
            en, it = labels[number]
            labels[number] = (f"{en} ({second.short_en})", f"{it} ({second.short_it})")
    for number in duplicated():  # still equal: the cluster's number tells them apart
        en, it = labels[number]
        labels[number] = (f"{en} #{number}", f"{it} #{number}")
    return labels


# --------------------------------------------------------------------------------------------
# Public functions


def clusters(
    G: nx.Graph,
    *,
    resolution: float = 1.0,
    seed: int = 0,
    weight: str | None = "weight",
    method: str = "leiden",
    seeds: int = 5,
) -> pd.DataFrame:
    """Communities of contacts over shared organisations and observed ties, named from the data.

    The owner is removed; contacts and organisations, with the observed or declared
    ties among contacts and their memberships, form the structure graph
    (:func:`netkit.analyse._views.structure_graph`: a tie weighs ``1 + log(1 + count)``
    or the file's weight, a current membership 1.0, a past one 0.5). Leiden (or
    Louvain) maximises modularity on it at ``resolution`` from ``seeds`` seeds; the
    partition with the highest modularity is reported and the others measure its
    stability. Organisations take part in the clustering but are not rows.

    Parameters
    ----------
    G : networkx.Graph
        A netkit network (with an owner, or a whole network without one).
    resolution : float
        Modularity resolution γ > 0: larger gives more, smaller clusters. The default,
        1.0, is standard modularity (see Notes).
    seed : int
        The first seed; runs use ``seed, seed + 1, ..., seed + seeds - 1``.
    weight : str or None
        Edge attribute read as weight; None treats every edge alike.
    method : {"leiden", "louvain"}
        Leiden (Traag et al. 2019, never returns badly connected communities) or
        Louvain (Blondel et al. 2008).
    seeds : int
        Number of runs (at least 1).

    Returns
    -------
    pandas.DataFrame
        One row per contact, ordered by ``cluster`` then ``person``:

        - ``person`` (str): node id.
        - ``name`` (str): the contact's name (the id when unknown).
        - ``cluster`` (int): 0 for the cluster with the most contacts, 1 for the next…;
          :data:`NOT_CONNECTED` (-1) for contacts who share no organisation or tie with
          any other contact (they are not forced into a cluster).
        - ``cluster_label`` (str), ``cluster_label_it`` (str): the cluster's name in
          English and Italian, distinct across clusters ("Former colleagues at Pirelli",
          "Ex colleghi di Pirelli"; "not connected to others" / "non collegati ad altri").
        - ``cluster_size`` (int): contacts in the cluster.
        - ``stability`` (float in [0, 1]): share of runs in which the contact falls in
          the same cluster as more than half of its co-members (the other contacts of
          its cluster); a contact alone in its cluster agrees when it is alone again.
          1.0 for not-connected contacts, whose place does not depend on the seed.
        - ``cluster_stability`` (float): mean ``stability`` of the cluster's contacts.

        ``df.attrs`` holds ``stability`` (mean pairwise adjusted Rand index between the
        runs' partitions of the clustered contacts; ≥ 0.9 is stable; NaN with one run,
        1.0 when no contact is clustered),
        ``modularity`` (of the reported partition on the structure graph, at
        ``resolution``; NaN without edges), ``modularities`` (per run), ``seeds``,
        ``chosen_seed``, ``method``, ``resolution``, ``weight``.

    Raises
    ------
    ValueError
        Unknown ``method``, ``resolution`` not a positive number, ``seeds`` < 1.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego")
    >>> G.add_node("org:acme", kind="organisation", name="Acme")
    >>> G.add_node("org:bolt", kind="organisation", name="Bolt")
    >>> for person in "abcdef":
    ...     G.add_node(f"li:{person}", kind="person", name=person.upper())
    >>> G.add_edge("ego", "org:bolt", kind="member_of", current=False)
    >>> for person, org in zip("abcde", ["org:acme"] * 3 + ["org:bolt"] * 2):
    ...     G.add_edge(f"li:{person}", org, kind="member_of", current=True)
    >>> G.add_edge("li:a", "li:b", kind="message", count=2)
    >>> G.add_edge("li:d", "li:e", kind="message", count=2)
    >>> G.add_edge("li:c", "li:d", kind="email", count=1)
    >>> df = clusters(G)
    >>> for row in df.itertuples():
    ...     print(row.person, row.cluster, row.cluster_label, "|", row.cluster_label_it)
    li:f -1 not connected to others | non collegati ad altri
    li:c 0 Former colleagues at Bolt | Ex colleghi di Bolt
    li:d 0 Former colleagues at Bolt | Ex colleghi di Bolt
    li:e 0 Former colleagues at Bolt | Ex colleghi di Bolt
    li:a 1 People at Acme | Persone di Acme
    li:b 1 People at Acme | Persone di Acme
    >>> df.attrs["stability"]
    1.0

    Notes
    -----
    *Not connected*: a contact whose component of the structure graph holds no other
    contact (an isolate, or the only contact of its organisations) gets cluster -1.

    *Names*: every contact has features — each organisation it belongs to (current or
    past), its sector, function and territory. For cluster ``c`` with ``n_c`` contacts,
    out of ``N`` in the network, a feature held by ``k`` of its contacts and ``K``
    overall has share ``s = k / n_c`` and lift ``L = s / (K / N)``; its score is
    ``s · ln L`` (its term in the divergence of the cluster from the network: it grows
    with coverage and with over-representation). Only over-represented features
    (``L > 1``) compete; ties go to organisations, then sector, function, territory. The
    winner names the cluster when it covers at least half of it; otherwise the label
    says "Mixed group (40% renewable energy)". Organisation wording follows the owner's
    own memberships (``member_of`` edges of the owner, else ``G.graph["ego_organisations"]``,
    current first): colleagues at the owner's current employer, former colleagues at a
    former one, alumni for past memberships of schools and universities. Equal labels are
    told apart by the second-best feature in parentheses, then by ``#<cluster>``;
    clusters without any over-represented feature are "Cluster <n>" / "Gruppo <n>".
    Nothing is named from outside the data.

    *Resolution*: the structure graph of a LinkedIn export is mostly one component per
    organisation, joined only by observed ties; clusters never span components, so the
    resolution only decides how the joined parts split. On the sample world γ from 0.5
    to 2 gives the same 13 clusters of ten contacts or more (and 155 smaller ones that
    nothing in the data joins); γ = 0.3-0.5 splits karate into its two factions and
    γ = 2-4 email-Eu-core into its departments (``docs/clusters.md``).

    *Seeds*: the reported partition is the run with the highest modularity (ties: the
    earliest seed); with ``seeds=1`` it is the run of ``seed``.

    *Complexity*: each kernel run is about O(m); five runs at 30,000 contacts and
    86,000 ties took 6.5 s, mostly building the structure graph and converting it for
    each run. Naming and stability are vectorised, O(n + m).

    References
    ----------
    V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
    communities in large networks", J. Stat. Mech. (2008) P10008.
    V. A. Traag, L. Waltman and N. J. van Eck, "From Louvain to Leiden: guaranteeing
    well-connected communities", Scientific Reports 9 (2019) 5233.
    M. E. J. Newman and M. Girvan, "Finding and evaluating community structure in
    networks", Physical Review E 69 (2004) 026113.
    L. Hubert and P. Arabie, "Comparing partitions", J. Classification 2 (1985) 193-218.
    """
    part = _partition(
        G, resolution=resolution, seed=seed, weight=weight, method=method, seeds=seeds
    )
    frame = _frame(G, part)
    frame.attrs.update(_attrs(part, method=method, resolution=resolution, weight=weight))
    return frame


def _attrs(part: _Partition, **options: object) -> dict[str, object]:
    return {
        "stability": part.mean_ari,
        "modularity": part.modularity,
        "modularities": list(part.modularities),
        "seeds": list(part.seeds),
        "chosen_seed": part.chosen_seed,
        **options,
    }


def _frame(G: nx.Graph, part: _Partition) -> pd.DataFrame:
    if not part.contacts:
        return pd.DataFrame(
            {
                "person": pd.Series(dtype=object),
                "name": pd.Series(dtype=object),
                "cluster": pd.Series(dtype=np.int64),
                "cluster_label": pd.Series(dtype=object),
                "cluster_label_it": pd.Series(dtype=object),
                "cluster_size": pd.Series(dtype=np.int64),
                "stability": pd.Series(dtype=np.float64),
                "cluster_stability": pd.Series(dtype=np.float64),
            }
        )
    table, features = _features(G, part.contacts)
    labels = _labels(table, features, part.cluster)
    frame = pd.DataFrame(
        {
            "person": part.contacts,
            "name": [str(G.nodes[c].get("name", c)) for c in part.contacts],
            "cluster": part.cluster,
        }
    )
    frame["cluster_label"] = frame["cluster"].map(lambda c: labels[c][0])
    frame["cluster_label_it"] = frame["cluster"].map(lambda c: labels[c][1])
    frame["cluster_size"] = frame.groupby("cluster")["person"].transform("size").astype(np.int64)
    frame["stability"] = part.stability
    frame["cluster_stability"] = frame.groupby("cluster")["stability"].transform("mean")
    frame = frame.sort_values(["cluster", "person"], kind="stable").reset_index(drop=True)
    return frame[list(CLUSTER_COLUMNS)]


def _top(values: pd.DataFrame, column: str) -> dict[int, str]:
    """``"value (count); …"`` per cluster: the _TOP most common values, ties by value."""
    if values.empty:
        return {}
    counts = values.groupby(["cluster", column]).size().rename("count").reset_index()
    counts = counts.sort_values(["cluster", "count", column], ascending=[True, False, True])
    counts = counts.groupby("cluster").head(_TOP)
    text = counts[column].astype(str) + " (" + counts["count"].astype(str) + ")"
    return text.groupby(counts["cluster"]).agg("; ".join).to_dict()


def cluster_summary(
    G: nx.Graph,
    *,
    resolution: float = 1.0,
    seed: int = 0,
    weight: str | None = "weight",
    method: str = "leiden",
    seeds: int = 5,
    table: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per cluster of :func:`clusters`: its name, make-up and cohesion.

    Parameters
    ----------
    G : networkx.Graph
    resolution, seed, weight, method, seeds
        As for :func:`clusters` (the same options give the same clusters).
    table : pandas.DataFrame, optional
        What :func:`clusters` returned for ``G``: summarise it instead of clustering
        again (the other options are then ignored).

    Returns
    -------
    pandas.DataFrame
        One row per cluster, ordered by ``cluster`` (-1, the not-connected contacts,
        first when there are any):

        - ``cluster`` (int), ``label`` (str), ``label_it`` (str): as in :func:`clusters`.
        - ``size`` (int): contacts in the cluster.
        - ``stability`` (float): mean per-contact stability (see :func:`clusters`).
        - ``organisations`` (str): the most common current organisations of its
          contacts with their counts, ``"Pirelli (24); Enel (2)"`` (at most five;
          empty when none); ``former_organisations`` the same for past memberships.
        - ``sectors``, ``functions`` (str): the same for sector and function ids;
          ``territories`` for territories.
        - ``ties_inside`` (int): observed or declared person–person ties between two of
          its contacts; ``ties_outside`` (int): ties from one of them to another contact.
        - ``density`` (float): ``ties_inside / (n (n - 1) / 2)``; NaN below two contacts.
        - ``ei_index`` (float): Krackhardt & Stern's E–I index ``(E - I) / (E + I)`` over
          person–person ties (E = ``ties_outside``, I = ``ties_inside``): -1 all ties
          inside, +1 all outside; NaN without ties.
        - ``strong_share``, ``weak_share`` (float): share of contacts whose tie to the
          owner has ``tie_class`` strong (weak), among those with a class (written by
          :mod:`netkit.analyse.ties`); NaN when no contact of the cluster has one.

        ``df.attrs`` as in :func:`clusters`.

    Raises
    ------
    ValueError
        Bad options, as in :func:`clusters`; a ``table`` whose contacts are not
        ``G``'s.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(netkit_schema=1)
    >>> for person, sector in zip("abcdef", ["banking"] * 3 + ["insurance"] * 3):
    ...     G.add_node(f"name:{person}", kind="person", sector=sector)
    >>> G.add_edges_from([("name:a", "name:b"), ("name:b", "name:c"), ("name:a", "name:c")])
    >>> G.add_edges_from([("name:d", "name:e"), ("name:e", "name:f"), ("name:d", "name:f")])
    >>> G.add_edge("name:c", "name:d")
    >>> summary = cluster_summary(G, weight=None)
    >>> summary[["label", "size", "ties_inside", "ties_outside", "density", "ei_index"]]
                   label  size  ties_inside  ties_outside  density  ei_index
    0    Sector: banking     3            3             1      1.0      -0.5
    1  Sector: insurance     3            3             1      1.0      -0.5

    Notes
    -----
    The E–I index and density count only observed or declared ties among contacts,
    never co-membership of an organisation (DESIGN.md). Complexity O(n + m).

    References
    ----------
    D. Krackhardt and R. N. Stern, "Informal networks and organizational crises: an
    experimental simulation", Social Psychology Quarterly 51 (1988) 123-140.
    """
    if table is None:
        part = _partition(
            G, resolution=resolution, seed=seed, weight=weight, method=method, seeds=seeds
        )
        contacts, cluster, stability = part.contacts, part.cluster, part.stability
        attrs = _attrs(part, method=method, resolution=resolution, weight=weight)
        labels = None
    else:
        contacts, cluster, stability, labels = _from_table(G, table)
        attrs = dict(table.attrs)
    if not contacts:
        frame = pd.DataFrame(
            {name: pd.Series(dtype=dtype) for name, dtype in _SUMMARY_DTYPES.items()}
        )
        frame.attrs.update(attrs)
        return frame

    features_table, features = _features(G, contacts)
    if labels is None:
        labels = _labels(features_table, features, cluster)
    numbers = sorted(set(cluster.tolist()))
    sizes = pd.Series(cluster).value_counts()
    mean_stability = pd.Series(stability).groupby(cluster).mean()

    table = features_table.assign(cluster=cluster[features_table["contact"].to_numpy()])
    parts = table["key"].str.split("\t")
    kinds = parts.str[0]
    described: dict[str, dict[int, str]] = {}
    for state, column in (("1", "organisations"), ("0", "former_organisations")):
        subset = table[(kinds == "organisation") & (parts.str[2] == state)]
        names = parts[subset.index].str[1].map(lambda org: _organisation_name(G, org))
        described[column] = _top(subset.assign(value=names), "value")
    for kind, column in (
        ("sector", "sectors"),
        ("function", "functions"),
        ("territory", "territories"),
    ):
        subset = table[kinds == kind]
        described[column] = _top(subset.assign(value=parts[subset.index].str[1]), "value")

    position = {contact: i for i, contact in enumerate(contacts)}
    ends = np.asarray(
        [
            (position[a], position[b])
            for a, b, kind in G.edges(data="kind")
            if kind != "member_of" and a in position and b in position
        ],
        dtype=np.int64,
    ).reshape(-1, 2)
    slot = {number: i for i, number in enumerate(numbers)}
    slots = np.asarray([slot[c] for c in cluster.tolist()], dtype=np.int64)
    sa, sb = slots[ends[:, 0]], slots[ends[:, 1]]
    same = sa == sb
    inside = np.bincount(sa[same], minlength=len(numbers))
    outside = np.bincount(sa[~same], minlength=len(numbers)) + np.bincount(
        sb[~same], minlength=len(numbers)
    )

    classes = pd.DataFrame(
        [
            (cluster[position[contact]], str(tie["tie_class"]))
            for contact, tie in _views.ego_ties(G).items()
            if "tie_class" in tie
        ],
        columns=["cluster", "class"],
    )
    strong = (classes["class"] == "strong").groupby(classes["cluster"]).mean().to_dict()
    weak = (classes["class"] == "weak").groupby(classes["cluster"]).mean().to_dict()

    rows = []
    for number in numbers:
        n = int(sizes[number])
        i, e = int(inside[slot[number]]), int(outside[slot[number]])
        connected = number != NOT_CONNECTED
        rows.append(
            {
                "cluster": number,
                "label": labels[number][0],
                "label_it": labels[number][1],
                "size": n,
                "stability": float(mean_stability[number]),
                **{column: described[column].get(number, "") for column in described},
                "ties_inside": i,
                "ties_outside": e,
                "density": i / (n * (n - 1) / 2) if connected and n > 1 else float("nan"),
                "ei_index": (e - i) / (e + i) if connected and e + i else float("nan"),
                "strong_share": float(strong.get(number, math.nan)),
                "weak_share": float(weak.get(number, math.nan)),
            }
        )
    frame = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS)).astype(_SUMMARY_DTYPES)
    frame.attrs.update(attrs)
    return frame


def _from_table(
    G: nx.Graph, table: pd.DataFrame
) -> tuple[list[str], np.ndarray, np.ndarray, dict[int, tuple[str, str]]]:
    """Contacts, clusters, stability and labels from a frame :func:`clusters` returned."""
    missing = [column for column in CLUSTER_COLUMNS if column not in table.columns]
    if missing:
        raise ValueError(f"table is not a clusters() frame: it lacks {', '.join(missing)}")
    ordered = table.sort_values("person", kind="stable")
    contacts = [str(person) for person in ordered["person"]]
    if contacts != _views.contacts(G):
        raise ValueError("table does not hold the contacts of this network: run clusters(G)")
    labels = {
        int(number): (str(en), str(it))
        for number, en, it in zip(
            ordered["cluster"], ordered["cluster_label"], ordered["cluster_label_it"], strict=True
        )
    }
    return (
        contacts,
        ordered["cluster"].to_numpy(dtype=np.int64),
        ordered["stability"].to_numpy(dtype=np.float64),
        labels,
    )
