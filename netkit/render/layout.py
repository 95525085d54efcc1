"""A cluster-aware layout: clusters apart, contacts grouped, the owner at the centre."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

from netkit.render._style import NOT_CONNECTED, PALETTE, cluster_table

__all__ = ["cluster_layout", "positions"]

#: Distance between neighbouring contacts inside a cluster, in layout units.
SPACING = 1.0
#: Clusters larger than this are laid out by organisation instead of by force.
FORCE_LIMIT = 2000
#: Work of all the force layouts together (vertex pairs × rounds): about 2 s here.
_FORCE_BUDGET = 4e8


def _rounds(size: int, total: int) -> int:
    """Force-layout rounds for a cluster: 500 when small, fewer as the network grows."""
    if size <= 1:
        return 0
    return int(min(500, max(15, _FORCE_BUDGET / (max(total, 1) * size))))


def cluster_layout(
    G: nx.Graph,
    clusters: Mapping[str, int] | Any | None = None,
    *,
    seed: int = 0,
    hide_organisations: bool = False,
) -> dict[str, tuple[float, float]]:
    """Positions that show a network's structure: clusters apart, their members together.

    The owner sits at the origin. Each cluster is laid out on its own
    (Fruchterman–Reingold over its members, their ties and the organisations two or
    more of them share) and spread evenly over a disc whose area grows with its
    number of contacts. The discs are packed around the owner, largest first, so
    the big clusters sit nearest the owner and small ones further out, with a gap
    between discs wider than the spacing inside them (the ten largest clusters, the
    ones the maps colour, get more room, for their names). Contacts in no cluster
    ("not connected", -1) go on rings around everything else, in id order. Each
    organisation sits in the middle of its members in the cluster holding most of
    them (one with a single contact just beside that contact, away from the centre).

    Parameters
    ----------
    G : networkx.Graph
        A netkit network (owner optional).
    clusters : Mapping[str, int] or DataFrame, optional
        Each contact's cluster id (-1 = not connected), or the table of
        :func:`netkit.analyse.clusters.clusters`. Contacts missing count as not
        connected. None computes the clusters (see
        :func:`netkit.render._style.cluster_table`).
    seed : int
        Seed of the force layouts; the same graph and seed give the same positions.
    hide_organisations : bool
        Leave organisations out of the result (they still group their members).

    Returns
    -------
    dict[str, tuple[float, float]]
        Node id -> (x, y): the owner (at (0.0, 0.0)) when there is one, every contact,
        and the organisations unless hidden. Neighbouring contacts sit about one unit
        apart, so the drawing's extent grows as the square root of the network's size.

    Examples
    --------
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego")
    >>> for p in ("li:a", "li:b", "li:c", "li:d"):
    ...     G.add_node(p, kind="person"); G.add_edge("ego", p)
    >>> G.add_edge("li:a", "li:b", kind="message", count=2)
    >>> pos = cluster_layout(G, {"li:a": 0, "li:b": 0, "li:c": -1, "li:d": -1})
    >>> pos["ego"], sorted(pos)
    ((0.0, 0.0), ['ego', 'li:a', 'li:b', 'li:c', 'li:d'])

    Notes
    -----
    The force layouts dominate the time: igraph's Fruchterman–Reingold
    (:func:`netkit.analyse._kernels.layout`) costs O(n²) a round for a cluster of n, so
    the rounds shrink as the network grows (500 for the sample, about 15–50 at 30,000
    contacts) and clusters over 2,000 contacts are arranged by organisation instead.
    The discs are packed with the front-chain algorithm of Wang et al. (2006).
    About 0.5 s for 1,500 contacts and 6–8 s for 30,000 on this machine
    (``benchmarks/bench_maps.py``).

    References
    ----------
    Fruchterman, T. M. J. & Reingold, E. M. (1991). Graph drawing by force-directed
    placement. Software: Practice and Experience 21(11), 1129–1164.
    Wang, W., Wang, H., Dai, G. & Wang, H. (2006). Visualization of large hierarchical
    data by circle packing. Proc. CHI 2006, 517–520.
    """
    from netkit.analyse import _views

    table = cluster_table(G, clusters, seed=seed)
    membership = dict(zip(table["person"], table["cluster"].tolist(), strict=True))
    return positions(
        G,
        _views.structure_graph(G),
        membership,
        seed=seed,
        hide_organisations=hide_organisations,
    )


def positions(
    G: nx.Graph,
    S: nx.Graph,
    membership: Mapping[str, int],
    *,
    seed: int = 0,
    hide_organisations: bool = False,
) -> dict[str, tuple[float, float]]:
    """:func:`cluster_layout` given the structure graph and every contact's cluster id.

    ``S`` is :func:`netkit.analyse._views.structure_graph` of ``G`` (the static map
    builds it once for the layout and its lines).
    """
    groups: dict[int, list[str]] = defaultdict(list)
    for person in sorted(membership):
        groups[int(membership[person])].append(person)
    isolated = groups.pop(NOT_CONNECTED, [])
    cluster_ids = sorted(groups)

    # Organisations: members per cluster, and the cluster that holds most of them.
    org_members: dict[str, Counter[int]] = {}
    for org in sorted(n for n, kind in S.nodes(data="kind") if kind == "organisation"):
        counts: Counter[int] = Counter(
            int(membership.get(p, NOT_CONNECTED)) for p in S[org] if p in membership
        )
        counts.pop(NOT_CONNECTED, None)
        org_members[org] = counts

    clustered = sum(len(group) for group in groups.values())
    local = {
        c: _cluster_positions(
            S, c, groups[c], org_members, seed=seed, iterations=_rounds(len(groups[c]), clustered)
        )
        for c in cluster_ids
    }
    owner = G.graph.get("ego")
    has_owner = owner is not None and owner in G
    # Largest clusters first, so that they sit nearest the owner; the owner's disc first.
    # The clusters the maps colour get more room (and room around them for their name).
    order = sorted(cluster_ids, key=lambda c: (-len(groups[c]), c))
    major = set(order[: len(PALETTE)])
    radius = {
        c: max(0.3, (0.75 if c in major else 0.42) * math.sqrt(len(groups[c]))) * SPACING
        for c in cluster_ids
    }
    gap = {c: (1.6 + 0.25 * radius[c] if c in major else 0.7) * SPACING for c in cluster_ids}
    hole = (1.6 + 0.03 * math.sqrt(sum(len(g) for g in groups.values()))) * SPACING
    discs = ([hole] if has_owner else []) + [radius[c] + gap[c] / 2 for c in order]
    packed = _pack(discs)[1:] if has_owner else _pack(discs)
    centres = dict(zip(order, packed, strict=True))

    pos: dict[str, tuple[float, float]] = {}
    if has_owner:
        pos[str(owner)] = (0.0, 0.0)
    for cluster in cluster_ids:
        cx, cy = centres[cluster]
        even = len(groups[cluster]) <= FORCE_LIMIT
        for node, (x, y) in _fit(local[cluster], radius[cluster], even=even).items():
            pos[node] = (float(cx + x), float(cy + y))

    extent = max((math.hypot(*p) for p in pos.values()), default=0.0)
    extent = max(extent, hole if has_owner else 0.0)
    for person, point in zip(isolated, _rings(len(isolated), extent), strict=True):
        pos[person] = point

    if not hide_organisations:
        # Each organisation at the middle of its members in the cluster holding most of
        # them (of all its members when none is in a cluster).
        for org, counts in org_members.items():
            home = _home(counts)
            members = [
                pos[p] for p in S[org] if p in pos and (home is None or membership.get(p) == home)
            ]
            if not members:
                continue
            xs, ys = zip(*members, strict=True)
            x, y = sum(xs) / len(xs), sum(ys) / len(ys)
            if len(members) == 1:  # beside its only contact, not on top of them
                reach = math.hypot(x, y) or 1.0
                x, y = x + 0.45 * SPACING * x / reach, y + 0.45 * SPACING * y / reach
            pos[org] = (float(x), float(y))
    return pos


def _home(counts: Counter[int]) -> int | None:
    if not counts:
        return None
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def _cluster_positions(
    S: nx.Graph,
    cluster: int,
    members: list[str],
    org_members: Mapping[str, Counter[int]],
    *,
    seed: int,
    iterations: int,
) -> dict[str, tuple[float, float]]:
    """Layout of one cluster: its members, their ties, the organisations they share.

    A force layout (Fruchterman–Reingold, ``iterations`` rounds) up to
    :data:`FORCE_LIMIT` members; above, the members are grouped by the organisation
    most of the cluster shares with them, the groups packed as discs and each group
    filled as a sunflower, which costs O(n) where the force layout costs O(n²) a round.
    """
    from netkit.analyse import _kernels

    if len(members) == 1:
        return {members[0]: (0.0, 0.0)}
    if len(members) > FORCE_LIMIT:
        return _grouped_positions(S, cluster, members, org_members)
    shared = {
        other
        for person in members
        for other in S[person]
        if other in org_members and org_members[other].get(cluster, 0) >= 2
    }
    # the cluster's own ties and its shared organisations (a view: nothing is copied)
    H = S.subgraph([*members, *sorted(shared)])
    positions = _kernels.layout(H, seed=seed + cluster, weight="weight", iterations=iterations)
    return {node: positions[node] for node in members}


def _grouped_positions(
    S: nx.Graph, cluster: int, members: list[str], org_members: Mapping[str, Counter[int]]
) -> dict[str, tuple[float, float]]:
    """A large cluster as packed discs, one per shared organisation, each a sunflower."""
    groups: dict[str, list[str]] = defaultdict(list)
    for person in members:
        orgs = [o for o in S[person] if o in org_members]
        best = min(orgs, key=lambda o: (-org_members[o].get(cluster, 0), o), default="")
        groups[best].append(person)
    order = sorted(groups.values(), key=lambda group: (-len(group), group[0]))
    radii = [0.5 * math.sqrt(len(group)) + 0.4 for group in order]
    centres = _pack(radii)
    positions: dict[str, tuple[float, float]] = {}
    for group, (cx, cy), radius in zip(order, centres, radii, strict=True):
        for (x, y), person in zip(_sunflower(len(group), radius - 0.4), group, strict=True):
            positions[person] = (cx + x, cy + y)
    return positions


def _sunflower(count: int, radius: float) -> list[tuple[float, float]]:
    """``count`` points spread evenly over a disc (Vogel's phyllotaxis spiral)."""
    golden = math.pi * (3 - math.sqrt(5))
    return [
        (
            radius * math.sqrt((k + 0.5) / count) * math.cos(k * golden),
            radius * math.sqrt((k + 0.5) / count) * math.sin(k * golden),
        )
        for k in range(count)
    ]


def _fit(
    points: Mapping[str, tuple[float, float]], radius: float, *, even: bool = True
) -> dict[str, tuple[float, float]]:
    """Spread ``points`` evenly over a disc of ``radius``, keeping their arrangement.

    The points are first made round (centred, and stretched along their principal axes
    to equal spread, so that a chain of groups does not stay a thin strip); then each
    keeps its direction from the centre while its distance becomes
    ``radius * sqrt((rank + 0.5) / n)`` for its rank by distance, so a force layout's
    ring (a star of colleagues around their employer) becomes a filled disc of even
    density and no outlier squeezes the rest. With ``even=False`` the points are only
    centred and scaled into the disc.
    """
    import numpy as np

    n = len(points)
    if n == 1:
        return dict.fromkeys(points, (0.0, 0.0))
    nodes = list(points)
    P = np.array([points[node] for node in nodes], dtype=float)
    P -= P.mean(axis=0)
    if even and n > 2:
        values, vectors = np.linalg.eigh(np.cov(P.T))
        top = float(values.max())
        if top > 0:
            scale = np.sqrt(top / np.maximum(values, top * 1e-4))
            P = (P @ vectors) * scale @ vectors.T
    reach = np.hypot(P[:, 0], P[:, 1])
    angle = np.arctan2(P[:, 1], P[:, 0])
    if even:
        order = sorted(range(n), key=lambda i: (reach[i], nodes[i]))
        reach = np.empty(n)
        reach[order] = radius * np.sqrt((np.arange(n) + 0.5) / n)
    else:
        reach = reach / (reach.max() or 1.0) * radius
    return {
        node: (float(r * math.cos(a)), float(r * math.sin(a)))
        for node, r, a in zip(nodes, reach, angle, strict=True)
    }


def _pack(radii: list[float]) -> list[tuple[float, float]]:
    """Pack circles tightly around the first one (at the origin), in the order given.

    The front-chain algorithm of Wang et al. (2006): each circle is placed tangent to
    two neighbouring circles of the pack's outer chain, the pair whose tangent point
    lies nearest the origin, and circles of the chain that the new one would overlap
    are dropped from the chain and the placement retried. Circles given largest
    first end up largest near the middle. O(n·c) for a chain of length c.

    References
    ----------
    Wang, W., Wang, H., Dai, G. & Wang, H. (2006). Visualization of large hierarchical
    data by circle packing. Proc. CHI 2006, 517–520.
    """
    n = len(radii)
    x, y, r = [0.0] * n, [0.0] * n, list(radii)
    if n <= 1:
        return list(zip(x, y, strict=True))
    x[1] = r[0] + r[1]
    if n == 2:
        return list(zip(x, y, strict=True))

    def place(a: int, b: int, c: int) -> None:
        """Put circle ``c`` tangent to ``a`` and ``b``, on the right of the direction a→b."""
        dx, dy = x[b] - x[a], y[b] - y[a]
        d = math.hypot(dx, dy) or 1e-12
        da, db = r[a] + r[c], r[b] + r[c]
        along = (d * d + da * da - db * db) / (2 * d)
        across = math.sqrt(max(0.0, da * da - along * along))
        ux, uy = dx / d, dy / d
        x[c] = x[a] + along * ux + across * uy
        y[c] = y[a] + along * uy - across * ux

    def overlaps(a: int, b: int) -> bool:
        reach = r[a] + r[b] - 1e-9
        return reach > 0 and reach * reach > (x[b] - x[a]) ** 2 + (y[b] - y[a]) ** 2

    def score(a: int) -> float:
        b = nxt[a]
        w = r[a] + r[b]
        return ((x[a] * r[b] + x[b] * r[a]) / w) ** 2 + ((y[a] * r[b] + y[b] * r[a]) / w) ** 2

    nxt, prv = [0] * n, [0] * n
    place(1, 0, 2)
    nxt[0], nxt[1], nxt[2] = 1, 2, 0
    prv[1], prv[2], prv[0] = 0, 1, 2
    a, b = 0, 1
    c = 3
    while c < n:
        place(a, b, c)
        j, k, sj, sk = nxt[b], prv[a], r[b], r[a]
        retry = False
        while True:
            if sj <= sk:
                if overlaps(j, c):
                    b = j
                    nxt[a], prv[b] = b, a
                    retry = True
                    break
                sj += r[j]
                j = nxt[j]
            else:
                if overlaps(k, c):
                    a = k
                    nxt[a], prv[b] = b, a
                    retry = True
                    break
                sk += r[k]
                k = prv[k]
            if j == nxt[k]:
                break
        if retry:
            continue
        prv[c], nxt[c] = a, b
        nxt[a] = prv[b] = c
        b = c
        best, best_score = a, score(a)
        node = nxt[c]
        while node != b:
            value = score(node)
            if value < best_score:
                best, best_score = node, value
            node = nxt[node]
        a, b = best, nxt[best]
        c += 1
    return list(zip(x, y, strict=True))


def _rings(count: int, extent: float) -> list[tuple[float, float]]:
    """``count`` points on concentric rings outside radius ``extent``, one unit apart."""
    points: list[tuple[float, float]] = []
    radius = extent + 2.5 * SPACING
    while len(points) < count:
        room = max(6, int(2 * math.pi * radius / SPACING))
        take = min(room, count - len(points))
        # spread the last ring's points evenly all the way round
        step = 2 * math.pi / take
        start = math.pi / 2
        points.extend(
            (radius * math.cos(start - n * step), radius * math.sin(start - n * step))
            for n in range(take)
        )
        radius += SPACING
    return points
