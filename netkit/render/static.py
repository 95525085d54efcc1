"""The static map: one matplotlib figure that prints on A4 and reads on a projector."""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from netkit.render import _style
from netkit.render._style import NOT_CONNECTED, clean_label, people_table, text
from netkit.render.layout import positions

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = ["FORMATS", "static_map"]

#: Output formats by file suffix.
FORMATS = (".png", ".svg", ".pdf")
#: A4 landscape, in inches.
A4_LANDSCAPE = (11.69, 8.27)
SIZE_BY = ("strength", "betweenness")
#: Above this many person–person ties, ties between clusters are drawn as one line per
#: pair of clusters (its width grows with their number) instead of one line each.
AGGREGATE_EDGES = 5000
#: How many links between clusters a large map draws (the strongest, for their sizes).
AGGREGATE_PAIRS = 40
#: Above this many points and lines, vector outputs embed the dots and lines as an image
#: (text stays vector), so an SVG or PDF of 30,000 contacts stays small.
RASTERISE_ABOVE = 6000
#: How many cluster names the map writes at most (the largest clusters first).
CLUSTER_LABELS = 14

_RC = {
    "text.usetex": False,
    "text.parse_math": False,  # a name like "$\alpha$" is a name, not a formula
    "svg.hashsalt": "netkit",  # stable ids in SVG output
    "svg.fonttype": "path",  # text as outlines: identical everywhere, nothing to interpret
    "pdf.fonttype": 42,
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs on every machine
    "path.simplify": True,
    "agg.path.chunksize": 20000,
}
_METADATA = {
    ".png": {"Software": None},
    ".svg": {"Date": None},
    ".pdf": {"CreationDate": None, "ModDate": None},
}


def static_map(
    G: nx.Graph,
    path: str | os.PathLike[str] | None = None,
    *,
    clusters: Any = None,
    ties: Any = None,
    bridges: Any = None,
    highlight: Iterable[str] = (),
    size_by: str = "strength",
    show_owner: bool = True,
    show_organisations: bool = False,
    title: str | None = None,
    lang: str = "en",
    seed: int = 0,
    ax: Axes | None = None,
    dpi: int = 200,
    max_labels: int = 25,
) -> Axes:
    """Draw the network as a map: clusters in colour, the owner in the middle, key people named.

    Parameters
    ----------
    G : networkx.Graph
        A netkit network (owner optional: without one the whole network is drawn).
    path : str or path, optional
        Where to save: ``.png``, ``.svg`` or ``.pdf`` (chosen by the suffix). None only
        draws.
    clusters, ties, bridges : DataFrame or Mapping, optional
        The analysers' tables (or mappings person -> cluster / strength / betweenness);
        computed when None (see :func:`netkit.render._style.people_table`).
    highlight : iterable of str
        Contact ids to mark and name whatever their rank, such as the target's best
        bridges.
    size_by : {"strength", "betweenness"}
        Dot size by tie strength with the owner, or by brokerage among contacts.
    show_owner : bool
        Draw the owner at the centre.
    show_organisations : bool
        Draw the organisations two or more contacts share as small squares linked to
        their members.
    title : str, optional
        Replaces the default title ("Professional network of <owner>").
    lang : {"en", "it"}
        Language of the title, legend and notes.
    seed : int
        Seed of the clustering fallback and of the layout.
    ax : matplotlib Axes, optional
        Draw into these axes (the legend goes just right of them). By default a new
        A4 landscape figure, not managed by pyplot (no window opens; show it in a
        notebook with ``ax.figure``).
    dpi : int
        Resolution of PNG output, and of the dots and lines embedded as an image in
        large SVG/PDF maps.
    max_labels : int
        At most this many contacts are named, besides the highlighted ones.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    ValueError
        For an unknown suffix, ``size_by`` or ``lang``, or a ``highlight`` id that is not
        a contact.

    Examples
    --------
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego", name="Ada")
    >>> for p in ("li:b", "li:c", "li:d"):
    ...     G.add_node(p, kind="person", name=p[3:].upper()); G.add_edge("ego", p)
    >>> G.add_edge("li:b", "li:c", kind="message", count=4)
    >>> ax = static_map(G, clusters={"li:b": 0, "li:c": 0}, ties={}, bridges={})
    >>> ax.get_title(loc="left")
    'Professional network of Ada'

    Notes
    -----
    Labels go to the highlighted contacts, then by betweenness, then by tie strength
    (:func:`netkit.render._style.label_order`); a label whose box would overlap one
    already placed, or leave the map, is skipped. Names are drawn as plain text
    (mathtext off). Output is deterministic: the same network, tables and seed give
    the same bytes (no dates in the files' metadata, fixed SVG ids). With more than
    5,000 ties among contacts, ties are no longer drawn one by one: the 40 pairs of
    clusters most tied for their sizes are joined by one line each, its width by the
    number of ties. Measured on this machine (2 cores, shared), with the tables
    given: 1,500 contacts in 1–2 s, 30,000 in 8–12 s, each file under 2.5 MB
    (``benchmarks/bench_maps.py``). Tables left to the analysers add their own time.
    """
    import matplotlib as mpl

    from netkit.analyse import _views

    suffix = Path(path).suffix.lower() if path is not None else None
    if suffix is not None and suffix not in FORMATS:
        raise ValueError(
            f"cannot draw a map as {suffix or 'a file without suffix'}: "
            f"use one of {', '.join(FORMATS)}"
        )
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    text(lang, "title")  # validates lang
    highlight = list(dict.fromkeys(str(h) for h in highlight))
    for person in highlight:
        if G.nodes.get(person, {}).get("kind") != "person":
            raise ValueError(f"highlight: {person!r} is not a contact in this network")

    people = people_table(G, clusters=clusters, ties=ties, bridges=bridges, seed=seed)
    S = _views.structure_graph(G)
    membership = dict(zip(people["person"], people["cluster"].tolist(), strict=True))
    pos = positions(G, S, membership, seed=seed, hide_organisations=not show_organisations)

    with mpl.rc_context(_RC), warnings.catch_warnings():
        # A name in a script DejaVu Sans lacks is drawn as boxes, not refused.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
        ax = _draw(
            G,
            S,
            people,
            pos,
            highlight=highlight,
            size_by=size_by,
            show_owner=show_owner,
            show_organisations=show_organisations,
            title=title,
            lang=lang,
            ax=ax,
            dpi=dpi,
            max_labels=max_labels,
        )
        if path is not None and suffix is not None:
            ax.figure.savefig(
                Path(path),
                dpi=dpi,
                format=suffix[1:],
                metadata=_METADATA[suffix],
                facecolor="white",
            )
    return ax


def _draw(
    G: nx.Graph,
    S: nx.Graph,
    people: Any,
    pos: dict[str, tuple[float, float]],
    *,
    highlight: list[str],
    size_by: str,
    show_owner: bool,
    show_organisations: bool,
    title: str | None,
    lang: str,
    ax: Axes | None,
    dpi: int,
    max_labels: int,
) -> Axes:
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from netkit.analyse import _views

    if ax is None:
        fig = Figure(figsize=A4_LANDSCAPE, dpi=dpi, facecolor="white")
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.012, 0.025, 0.705, 0.865))
    fig = ax.figure
    ax.set_axis_off()

    persons = people["person"].tolist()
    cluster = people["cluster"].to_numpy(dtype=int)
    colours = _style.cluster_colours(cluster.tolist())
    owner = G.graph.get("ego") if G.graph.get("ego") in G else None
    xy = np.array([pos[p] for p in persons], dtype=float).reshape(-1, 2)
    # organisations shared by two or more contacts: the hubs that explain a cluster
    orgs = (
        [
            n
            for n in pos
            if G.nodes[n].get("kind") == "organisation"
            and sum(1 for p in S[n] if S.nodes[p].get("kind") == "person") >= 2
        ]
        if show_organisations
        else []
    )
    org_xy = np.array([pos[o] for o in orgs], dtype=float).reshape(-1, 2)

    # ---- limits with equal scale on both axes, room for cluster names above clusters
    drawn = [xy, org_xy]
    if owner is not None and show_owner:
        drawn.append(np.array([pos[owner]]))
    every = np.vstack(drawn) if any(len(d) for d in drawn) else np.zeros((1, 2))
    lo, hi = every.min(axis=0), every.max(axis=0)
    span = np.maximum(hi - lo, 4.0)
    centre = (lo + hi) / 2
    span = span * np.array([1.06, 1.12])
    box = ax.get_position()
    width_in = box.width * fig.get_figwidth()
    height_in = box.height * fig.get_figheight()
    aspect = width_in / height_in
    if span[0] / span[1] < aspect:
        span[0] = span[1] * aspect
    else:
        span[1] = span[0] / aspect
    ax.set_xlim(centre[0] - span[0] / 2, centre[0] + span[0] / 2)
    ax.set_ylim(centre[1] - span[1] / 2 + 0.02 * span[1], centre[1] + span[1] / 2 + 0.02 * span[1])
    points_per_unit = width_in * 72.0 / span[0]

    n_points = len(persons) + len(orgs)
    # ---- ties among contacts (and memberships when organisations are shown)
    index = {p: i for i, p in enumerate(persons)}
    edges = np.array(
        [(index[u], index[v]) for u, v in S.edges() if u in index and v in index], dtype=int
    ).reshape(-1, 2)
    rasterise = n_points + len(edges) > RASTERISE_ABOVE
    _draw_ties(ax, xy, cluster, edges, points_per_unit, rasterise)
    if show_organisations and orgs:
        org_index = {o: i for i, o in enumerate(orgs)}
        member_lines = [
            (org_xy[org_index[o]], xy[index[p]]) for o in orgs for p in G[o] if p in index
        ]
        _lines(
            ax,
            member_lines,
            colour=_style.ORGANISATION_COLOUR,
            width=0.3,
            alpha=0.25,
            rasterise=rasterise,
            zorder=1,
        )

    # ---- cluster halos, dots, bridges, highlights
    _draw_halos(ax, xy, cluster, colours)
    sizes = _dot_sizes(people, size_by, points_per_unit)
    order = np.lexsort((np.arange(len(persons)), -sizes))  # big dots below small ones
    dots = ax.scatter(
        xy[order, 0] if len(xy) else [],
        xy[order, 1] if len(xy) else [],
        s=sizes[order],
        c=[colours[c] for c in cluster[order]],
        linewidths=0.35 if len(persons) < 3000 else 0.0,
        edgecolors="white",
        zorder=3,
    )
    dots.set_rasterized(rasterise)
    if show_organisations and orgs:
        org_dots = ax.scatter(
            org_xy[:, 0],
            org_xy[:, 1],
            s=max(6.0, float(np.median(sizes)) if len(sizes) else 6),
            marker="s",
            c=_style.ORGANISATION_COLOUR,
            linewidths=0,
            zorder=2.5,
        )
        org_dots.set_rasterized(rasterise)

    betweenness = people["betweenness"].to_numpy(dtype=float)
    ranked = [i for i in np.lexsort((np.arange(len(persons)), -betweenness)) if betweenness[i] > 0]
    bridge_rows = ranked[: _style.BRIDGE_COUNT]
    if bridge_rows:
        ax.scatter(
            xy[bridge_rows, 0],
            xy[bridge_rows, 1],
            s=sizes[bridge_rows] * 2.6 + 12,
            facecolors="none",
            edgecolors="#111111",
            linewidths=0.9,
            zorder=4,
        )
    highlight_rows = [index[h] for h in highlight if h in index]
    if highlight_rows:
        ax.scatter(
            xy[highlight_rows, 0],
            xy[highlight_rows, 1],
            s=sizes[highlight_rows] * 4.5 + 40,
            facecolors="none",
            edgecolors=_style.HIGHLIGHT_COLOUR,
            linewidths=2.2,
            zorder=4.5,
        )

    owner_name = None
    if owner is not None:
        owner_name = clean_label(G.nodes[owner].get("name", owner), 40)
    if owner is not None and show_owner:
        ax.scatter(
            [pos[owner][0]],
            [pos[owner][1]],
            s=150,
            marker="o",
            c=_style.OWNER_COLOUR,
            edgecolors="white",
            linewidths=1.5,
            zorder=6,
        )

    # ---- text: title, cluster names, people's names
    renderer = _renderer(fig)
    axes_box = ax.get_window_extent(renderer)
    placed: list[Any] = []
    if owner is not None and show_owner:
        label = ax.annotate(
            owner_name,
            pos[owner],
            xytext=(0, -9),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=9,
            fontweight="bold",
            zorder=8,
            parse_math=False,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
        )
        placed.append(label.get_window_extent(renderer))
    _cluster_names(ax, people, xy, cluster, colours, lang, renderer, axes_box, placed)
    _people_names(ax, people, xy, sizes, highlight, max_labels, renderer, axes_box, placed)

    main = (
        title
        if title is not None
        else (text(lang, "title_owner", owner=owner_name) if owner_name else text(lang, "title"))
    )
    ax.set_title(
        clean_label(main, 90), loc="left", fontsize=15, fontweight="bold", pad=20, parse_math=False
    )
    day = _views.data_date(G)
    connected = sorted({int(c) for c in cluster if c != NOT_CONNECTED})
    subtitle = " · ".join(
        (
            text(lang, "data_date", date=day.isoformat()) if day else text(lang, "no_date"),
            text(lang, "contacts", count=_thousands(len(persons), lang))
            if len(persons) != 1
            else text(lang, "contact"),
            text(lang, "clusters", count=len(connected))
            if len(connected) != 1
            else text(lang, "one_cluster"),
        )
    )
    ax.text(
        0.0,
        1.008,
        subtitle,
        transform=ax.transAxes,
        fontsize=9.5,
        color="#444444",
        va="bottom",
        ha="left",
        parse_math=False,
    )

    _legend(
        ax,
        people,
        cluster,
        colours,
        connected,
        owner_name if owner is not None and show_owner else None,
        bool(bridge_rows),
        bool(highlight_rows),
        bool(orgs),
        size_by,
        lang,
    )
    return ax


def _thousands(number: int, lang: str) -> str:
    """1,500 in English, 1.500 in Italian."""
    return f"{number:,}".replace(",", ".") if lang == "it" else f"{number:,}"


def _renderer(fig: Any) -> Any:
    get = getattr(fig.canvas, "get_renderer", None)
    return get() if get is not None else fig._get_renderer()


def _dot_sizes(people: Any, size_by: str, points_per_unit: float) -> Any:
    """Marker areas (pt²): about half the spacing between contacts, scaled by the measure."""
    import numpy as np

    n = len(people)
    if n == 0:
        return np.zeros(0)
    diameter = float(np.clip(0.6 * points_per_unit, 1.0, 9.0))
    base = diameter**2
    if size_by == "strength":
        values = people["strength"].to_numpy(dtype=float)
        known = ~np.isnan(values)
        factor = np.where(known, 0.35 + 2.3 * np.nan_to_num(values), 0.8)
    else:
        values = people["betweenness"].to_numpy(dtype=float)
        top = float(values.max()) if n else 0.0
        factor = 0.6 + 3.4 * np.sqrt(values / top) if top > 0 else np.full(n, 0.8)
    return np.maximum(base * factor, 0.6)


def _lines(
    ax: Any,
    segments: list,
    *,
    colour: Any,
    width: Any,
    alpha: float,
    rasterise: bool,
    zorder: float,
) -> None:
    from matplotlib.collections import LineCollection

    if not len(segments):
        return
    collection = LineCollection(
        segments, colors=colour, linewidths=width, alpha=alpha, zorder=zorder, capstyle="round"
    )
    collection.set_rasterized(rasterise)
    ax.add_collection(collection, autolim=False)


def _draw_ties(
    ax: Any, xy: Any, cluster: Any, edges: Any, points_per_unit: float, rasterise: bool
) -> None:
    """Person–person ties: each one, or between clusters one line per pair when many."""
    import numpy as np

    if not len(edges):
        return
    width = float(np.clip(0.08 * points_per_unit, 0.15, 0.6))
    a, b = cluster[edges[:, 0]], cluster[edges[:, 1]]
    inside = (a == b) & (a != NOT_CONNECTED)
    if len(edges) <= AGGREGATE_EDGES:
        # ties within a cluster plainly, ties across clusters fainter: no hairball
        for chosen, alpha, thickness in ((inside, 0.55, width), (~inside, 0.16, width * 0.8)):
            _lines(
                ax,
                xy[edges[chosen]],
                colour=_style.EDGE_COLOUR,
                width=thickness,
                alpha=alpha,
                rasterise=rasterise,
                zorder=1,
            )
        return
    # Too many to draw one by one: the strongest links between clusters, one line per pair
    # of clusters, its width by the number of ties; ties inside a cluster are its disc.
    across = (a != b) & (a != NOT_CONNECTED) & (b != NOT_CONNECTED)
    if not across.any():
        return
    low, high = np.minimum(a[across], b[across]), np.maximum(a[across], b[across])
    pairs, counts = np.unique(np.column_stack([low, high]), axis=0, return_counts=True)
    ids, sizes = np.unique(cluster[cluster != NOT_CONNECTED], return_counts=True)
    size_of = dict(zip(ids.tolist(), sizes.tolist(), strict=True))
    # ties relative to what the two clusters' sizes would give, so big ones do not win all
    score = counts / np.sqrt([size_of[int(p)] * size_of[int(q)] for p, q in pairs])
    keep = np.lexsort((pairs[:, 1], pairs[:, 0], -score))[:AGGREGATE_PAIRS]
    centroids = {int(c): xy[cluster == c].mean(axis=0) for c in ids}
    segments = [(centroids[int(p)], centroids[int(q)]) for p, q in pairs[keep]]
    widths = 0.4 + 2.2 * np.sqrt(score[keep] / score[keep].max())
    _lines(
        ax,
        segments,
        colour=_style.EDGE_COLOUR,
        width=widths,
        alpha=0.45,
        rasterise=False,
        zorder=0.9,
    )


def _draw_halos(ax: Any, xy: Any, cluster: Any, colours: dict[int, str]) -> None:
    """A faint disc behind each coloured cluster so that its extent reads at a glance."""
    import numpy as np
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Circle

    patches, faces = [], []
    for c in sorted(set(cluster.tolist())):
        if c == NOT_CONNECTED or colours[c] == _style.OTHER_CLUSTERS_COLOUR:
            continue
        members = xy[cluster == c]
        if len(members) < 3:
            continue
        middle = members.mean(axis=0)
        radius = float(np.hypot(*(members - middle).T).max()) + 0.7
        patches.append(Circle((float(middle[0]), float(middle[1])), radius))
        faces.append(colours[c])
    if patches:
        halo = PatchCollection(patches, facecolors=faces, edgecolors="none", alpha=0.09, zorder=0.5)
        ax.add_collection(halo, autolim=False)


def _fits(box: Any, axes_box: Any, placed: list[Any]) -> bool:
    inside = (
        box.x0 >= axes_box.x0
        and box.x1 <= axes_box.x1
        and box.y0 >= axes_box.y0
        and box.y1 <= axes_box.y1
    )
    return inside and not any(box.overlaps(other) for other in placed)


def _cluster_names(
    ax: Any,
    people: Any,
    xy: Any,
    cluster: Any,
    colours: dict[int, str],
    lang: str,
    renderer: Any,
    axes_box: Any,
    placed: list[Any],
) -> None:
    """Each large cluster's name just above it (or below, or inside when there is no room)."""
    import numpy as np

    column = "cluster_label_it" if lang == "it" else "cluster_label"
    names = dict(zip(people["cluster"], people[column], strict=True))
    sizes = people.groupby("cluster").size()
    order = sorted((c for c in sizes.index if c != NOT_CONNECTED), key=lambda c: (-sizes[c], c))
    for c in order[:CLUSTER_LABELS]:
        if sizes[c] < 2:
            break
        members = xy[cluster == c]
        middle = members.mean(axis=0)
        radius = float(np.hypot(*(members - middle).T).max()) + 0.7
        label = f"{clean_label(names[c], 30)} · {sizes[c]}"
        for y, va in (
            (middle[1] + radius, "bottom"),
            (middle[1] - radius, "top"),
            (middle[1], "center"),
        ):
            artist = ax.text(
                float(middle[0]),
                float(y),
                label,
                ha="center",
                va=va,
                fontsize=8.5,
                fontweight="bold",
                color="#1A1A1A",
                zorder=9,
                parse_math=False,
                bbox={
                    "boxstyle": "round,pad=0.25",
                    "fc": "white",
                    "ec": colours[c],
                    "lw": 1.4,
                    "alpha": 0.9,
                },
            )
            box = artist.get_window_extent(renderer).expanded(1.04, 1.15)
            if _fits(box, axes_box, placed):
                placed.append(box)
                break
            artist.remove()


def _people_names(
    ax: Any,
    people: Any,
    xy: Any,
    sizes: Any,
    highlight: list[str],
    max_labels: int,
    renderer: Any,
    axes_box: Any,
    placed: list[Any],
) -> None:
    """Names of the contacts who matter most, skipping any that would overlap another.

    Highlighted contacts are always named (in the first free spot around their dot, else
    below it); the others only where their name overlaps nothing already written.
    """
    from matplotlib import patheffects

    index = {p: i for i, p in enumerate(people["person"])}
    names = people["name"].tolist()
    halo = [patheffects.withStroke(linewidth=2.2, foreground="white")]
    wanted = set(highlight)
    shown = 0
    for person in _style.label_order(people, highlight=highlight):
        if person not in wanted and shown >= max_labels:
            break
        i = index[person]
        x, y = float(xy[i, 0]), float(xy[i, 1])
        gap = math.sqrt(float(sizes[i])) / 2 + 2.5
        bold = person in wanted
        spots = (
            (gap, 0, "left", "center"),
            (-gap, 0, "right", "center"),
            (0, gap, "center", "bottom"),
            (0, -gap, "center", "top"),
        )
        for attempt, (dx, dy, ha, va) in enumerate(spots):
            artist = ax.annotate(
                clean_label(names[i], 26),
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=8 if bold else 7.2,
                fontweight="bold" if bold else "normal",
                color="#111111",
                zorder=10,
                parse_math=False,
                path_effects=halo,
            )
            box = artist.get_window_extent(renderer).expanded(1.06, 1.1)
            # a highlighted contact is always named, in its last spot if no spot is free
            if _fits(box, axes_box, placed) or (bold and attempt == len(spots) - 1):
                placed.append(box)
                if not bold:
                    shown += 1
                break
            artist.remove()


def _legend(
    ax: Any,
    people: Any,
    cluster: Any,
    colours: dict[int, str],
    connected: list[int],
    owner_name: str | None,
    bridges: bool,
    highlighted: bool,
    organisations: bool,
    size_by: str,
    lang: str,
) -> None:
    from matplotlib.lines import Line2D

    column = "cluster_label_it" if lang == "it" else "cluster_label"
    names = dict(zip(people["cluster"], people[column], strict=True))
    sizes = people.groupby("cluster").size()

    def dot(colour: str, label: str, **style: Any) -> Line2D:
        options = {
            "marker": "o",
            "markersize": 8,
            "markerfacecolor": colour,
            "markeredgecolor": "white",
            "linestyle": "none",
        }
        options.update(style)
        return Line2D([], [], label=label, **options)

    handles = []
    if owner_name is not None:
        handles.append(dot(_style.OWNER_COLOUR, clean_label(owner_name, 34), markersize=10))
    coloured = [c for c in connected if colours[c] != _style.OTHER_CLUSTERS_COLOUR]
    for c in coloured:
        handles.append(dot(colours[c], f"{clean_label(names[c], 30)} ({sizes[c]})"))
    others = [c for c in connected if colours[c] == _style.OTHER_CLUSTERS_COLOUR]
    if others:
        count = int(sum(sizes[c] for c in others))
        handles.append(
            dot(
                _style.OTHER_CLUSTERS_COLOUR,
                f"{text(lang, 'other_clusters', count=len(others))} ({count})",
            )
        )
    if NOT_CONNECTED in sizes.index:
        handles.append(
            dot(
                _style.NOT_CONNECTED_COLOUR,
                f"{text(lang, 'not_connected')} ({sizes[NOT_CONNECTED]})",
            )
        )
    if organisations:
        handles.append(
            dot(_style.ORGANISATION_COLOUR, text(lang, "organisation"), marker="s", markersize=6)
        )
    if bridges:
        handles.append(
            dot(
                "none",
                text(lang, "bridge"),
                markeredgecolor="#111111",
                markeredgewidth=1.0,
                markersize=10,
            )
        )
    if highlighted:
        handles.append(
            dot(
                "none",
                text(lang, "highlight"),
                markeredgecolor="#111111",
                markeredgewidth=2.2,
                markersize=12,
            )
        )
    if not handles:
        return
    strength_known = bool(people["strength"].notna().any())
    note = (
        text(lang, "size_betweenness")
        if size_by == "betweenness"
        else (text(lang, "size_strength") if strength_known else text(lang, "size_unknown"))
    )
    legend = ax.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=8.5,
        title=f"{text(lang, 'legend')}\n{note}",
        title_fontsize=9,
        alignment="left",
        borderaxespad=0.0,
        handletextpad=0.6,
        labelspacing=0.7,
    )
    for item in [*legend.get_texts(), legend.get_title()]:
        item.set_parse_math(False)
