"""The shape of a network: the owner's position, its pieces, its variety, its clusters."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from netkit.analyse import _kernels, _views
from netkit.analyse.bridges import _resolve_clusters
from netkit.enrich.taxonomy import (
    FUNCTION_LABELS,
    FUNCTIONS,
    SECTOR_LABELS,
    SECTORS,
    SENIORITY,
    SENIORITY_LABELS,
)

__all__ = ["EI_COLUMNS", "TIE_CLASSES", "Diversity", "Shape", "diversity", "shape"]

#: Possible categories per attribute for the IQV; other attributes use the values seen.
CATEGORIES = {"sector": len(SECTORS), "function": len(FUNCTIONS), "seniority": len(SENIORITY)}

#: Tie classes in the order they are reported (others follow alphabetically).
TIE_CLASSES = ("strong", "medium", "weak", "dormant", "latent")

#: Columns of :attr:`Shape.ei`.
EI_COLUMNS = ("cluster", "label", "label_it", "contacts", "internal", "external", "ei_index")

_NAMES_IT = {
    "sector": "settore",
    "function": "funzione",
    "seniority": "livello",
    "territory": "territorio",
}
_LABELS = {"sector": SECTOR_LABELS, "function": FUNCTION_LABELS, "seniority": SENIORITY_LABELS}
_TIES_IT = {
    "strong": "forti",
    "medium": "medi",
    "weak": "deboli",
    "dormant": "dormienti",
    "latent": "latenti",
}


@dataclass(frozen=True)
class Diversity:
    """How varied the contacts are on one attribute.

    Attributes
    ----------
    attribute : str
    contacts : int
        Contacts with a value (the others are left out of the measures).
    coverage : float
        ``contacts`` as a share of all contacts; NaN without contacts.
    categories : int
        K, the number of possible categories: the taxonomy's size for ``sector``,
        ``function`` and ``seniority``, else the number of values seen.
    observed : int
        Distinct values seen.
    blau : float
        Blau's heterogeneity ``1 - sum(p_k^2)``; NaN when no contact has a value.
    iqv : float
        ``blau / (1 - 1/K)``, in [0, 1]; 0 with one category.
    entropy : float
        Shannon entropy ``-sum(p_k ln p_k)`` in nats.
    counts : tuple of (str, int)
        Contacts per value, most common first (ties alphabetical).
    """

    attribute: str
    contacts: int
    coverage: float
    categories: int
    observed: int
    blau: float
    iqv: float
    entropy: float
    counts: tuple[tuple[str, int], ...]


def diversity(
    values: Sequence[Any],
    *,
    attribute: str = "",
    categories: int | None = None,
    total: int | None = None,
) -> Diversity:
    """Blau index, IQV and entropy of a list of values (None = unknown, left out).

    Parameters
    ----------
    values : sequence
        One value per contact; None for unknown.
    attribute : str
        The attribute's name, for the result (and K when ``categories`` is None).
    categories : int, optional
        K, the number of possible categories; default from :data:`CATEGORIES`, else
        the number of distinct values seen.
    total : int, optional
        Contacts the coverage is measured against (default ``len(values)``).

    Returns
    -------
    Diversity

    Examples
    --------
    >>> d = diversity(["a", "a", "b", None], categories=4)
    >>> round(d.blau, 4), round(d.iqv, 4), d.coverage
    (0.4444, 0.5926, 0.75)
    >>> diversity(["x", "x"]).iqv, diversity([]).blau
    (0.0, nan)
    """
    known = [str(v) for v in values if v is not None]
    total = len(values) if total is None else total
    counts = Counter(known)
    observed = len(counts)
    k = categories if categories is not None else CATEGORIES.get(attribute, observed)
    k = max(k, observed)
    n = len(known)
    if n == 0:
        blau = iqv = entropy = math.nan
    else:
        shares = [c / n for c in counts.values()]
        blau = max(0.0, 1.0 - sum(p * p for p in shares))
        iqv = blau / (1.0 - 1.0 / k) if k > 1 else 0.0
        entropy = max(0.0, -sum(p * math.log(p) for p in shares))
    return Diversity(
        attribute=attribute,
        contacts=n,
        coverage=n / total if total else math.nan,
        categories=k,
        observed=observed,
        blau=blau,
        iqv=iqv,
        entropy=entropy,
        counts=tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _clean(value: Any) -> Any:
    """JSON-ready: NaN and inf become None, tuples lists, recursively."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


@dataclass(frozen=True, eq=False)
class Shape:
    """The shape of a network, for the owner's contacts (or the whole network).

    Compare two shapes with ``a.to_dict() == b.to_dict()`` (``ei`` is a DataFrame,
    so the dataclass does not define equality).

    Attributes
    ----------
    has_owner : bool
        False in whole-network mode: the owner's measures are NaN.
    contacts : int
        Person nodes (the owner left out).
    owner_ties : int
        Contacts tied to the owner.
    effective_size, efficiency, constraint : float
        Burt's measures of the owner on the ego network (owner, contacts, their ties
        with the owner and among themselves), unweighted; NaN without owner ties.
    person_ties : int
        Observed or declared ties among contacts.
    density : float
        ``person_ties`` over the pairs of contacts; NaN with fewer than two.
    components, isolates, largest_component : int
        Pieces of the network of contacts and organisations (the owner left out), the
        contacts linked to nobody and to no organisation, and the contacts in the
        largest piece.
    people_components, people_isolates : int
        The same over ties among contacts only (organisations left out).
    diversity : dict of str to Diversity
        Per attribute.
    ei : pandas.DataFrame
        E–I index of each cluster over the ties among contacts, columns ``cluster``,
        ``label`` and ``label_it`` (the clusters analyser's names, else "cluster N"),
        ``contacts``, ``internal`` and ``external`` (ties), ``ei_index``
        (NaN for a cluster without ties); by cluster id, "not connected" left out.
    ei_index : float
        The E–I index of the whole partition (ties across clusters against ties
        within); NaN without ties.
    tie_classes : dict of str to int
        Contacts per tie class (strong, medium, weak, dormant, latent) when the tie
        analyser's classes are given or on the graph; empty otherwise.
    notes, notes_it : tuple of str
        Caveats (missing data, where clusters come from), in English and Italian.
    """

    has_owner: bool
    contacts: int
    owner_ties: int
    effective_size: float
    efficiency: float
    constraint: float
    person_ties: int
    density: float
    components: int
    isolates: int
    largest_component: int
    people_components: int
    people_isolates: int
    diversity: dict[str, Diversity]
    ei: pd.DataFrame
    ei_index: float
    tie_classes: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    notes_it: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The shape as JSON-ready data (NaN as None, the E–I table as records)."""
        data = {
            name: getattr(self, name)
            for name in self.__dataclass_fields__
            if name not in ("diversity", "ei")
        }
        data["diversity"] = {
            key: {**vars(value), "counts": dict(value.counts)}
            for key, value in self.diversity.items()
        }
        data["ei"] = self.ei.to_dict(orient="records")
        return _clean(data)

    def summary(self) -> list[str]:
        """The shape in a few lines of English."""
        return _summary(self, "en")

    def summary_it(self) -> list[str]:
        """La forma della rete in poche righe, in italiano."""
        return _summary(self, "it")


# --------------------------------------------------------------------------------------------
# Summaries


def _num(value: float, digits: int, lang: str) -> str:
    if not math.isfinite(value):
        return "n/a" if lang == "en" else "n.d."
    text = f"{value:,.{digits}f}"
    if lang == "it":
        text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    return text.replace("-", "−")


def _int(value: int, lang: str) -> str:
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "it" else text


def _summary(s: Shape, lang: str) -> list[str]:
    en = lang == "en"
    lines = []
    dens = _num(s.density, 4, lang)
    if s.has_owner:
        lines.append(
            f"{_int(s.contacts, lang)} contacts (not counting you); "
            f"{_int(s.person_ties, lang)} known ties among them, density {dens}."
            if en
            else f"{_int(s.contacts, lang)} contatti (senza contare te); "
            f"{_int(s.person_ties, lang)} legami noti tra loro, densità {dens}."
        )
    else:
        lines.append(
            f"Whole network (no owner): {_int(s.contacts, lang)} people, "
            f"{_int(s.person_ties, lang)} ties among them, density {dens}."
            if en
            else f"Rete intera (senza titolare): {_int(s.contacts, lang)} persone, "
            f"{_int(s.person_ties, lang)} legami tra loro, densità {dens}."
        )
    if s.has_owner and s.owner_ties:
        eff, ratio, con = (
            _num(s.effective_size, 1, lang),
            _num(s.efficiency, 2, lang),
            _num(s.constraint, 3, lang),
        )
        if math.isfinite(s.efficiency) and s.efficiency >= 0.8:
            meaning = (
                "most of your contacts do not know one another: each opens a different door"
                if en
                else "la maggior parte dei tuoi contatti non si conosce: ognuno apre una "
                "porta diversa"
            )
        elif math.isfinite(s.efficiency) and s.efficiency >= 0.5:
            meaning = (
                "some of your contacts know one another"
                if en
                else "una parte dei tuoi contatti si conosce"
            )
        else:
            meaning = (
                "many of your contacts know one another: a close-knit network"
                if en
                else "molti tuoi contatti si conoscono: una rete molto chiusa"
            )
        lines.append(
            f"Your position: effective size {eff} of {_int(s.owner_ties, lang)} contacts "
            f"(efficiency {ratio}), constraint {con}; {meaning}."
            if en
            else f"La tua posizione: dimensione effettiva {eff} su "
            f"{_int(s.owner_ties, lang)} contatti (efficienza {ratio}), vincolo {con}; "
            f"{meaning}."
        )
    largest = _int(s.largest_component, lang)
    lines.append(
        f"Pieces: {_int(s.components, lang)} (the largest holds {largest} contacts); "
        f"{_int(s.isolates, lang)} contacts share no organisation or known tie with another."
        if en
        else f"Parti: {_int(s.components, lang)} (la più grande ha {largest} contatti); "
        f"{_int(s.isolates, lang)} contatti non hanno organizzazioni né legami noti in "
        "comune con altri."
    )
    for key, d in s.diversity.items():
        name = key if en else _NAMES_IT.get(key, key)
        if d.contacts == 0:
            lines.append(
                f"{name.capitalize()}: unknown for every contact."
                if en
                else f"{name.capitalize()}: sconosciuto per tutti i contatti."
            )
            continue
        top, count = d.counts[0]
        if top in _LABELS.get(key, {}):
            top = _LABELS[key][top][0 if en else 1]
        share = _num(100 * count / d.contacts, 0, lang)
        cover = _num(100 * d.coverage, 0, lang)
        lines.append(
            f"{name.capitalize()}: Blau {_num(d.blau, 2, lang)}, IQV {_num(d.iqv, 2, lang)}, "
            f"entropy {_num(d.entropy, 2, lang)}; known for {cover}% of contacts, "
            f"{d.observed} of {d.categories} categories; most common {top} ({share}%)."
            if en
            else f"{name.capitalize()}: Blau {_num(d.blau, 2, lang)}, IQV "
            f"{_num(d.iqv, 2, lang)}, entropia {_num(d.entropy, 2, lang)}; noto per il "
            f"{cover}% dei contatti, {d.observed} categorie su {d.categories}; il più "
            f"frequente {top} ({share}%)."
        )
    rated = s.ei.dropna(subset=["ei_index"]) if len(s.ei) else s.ei
    if len(rated):
        ordered = rated.sort_values(["ei_index", "cluster"], kind="mergesort")
        closed, open_ = ordered.iloc[0], ordered.iloc[-1]
        lines.append(
            f"Clusters with known ties: {len(rated)}; most open {open_['label']} "
            f"(E–I {_num(open_['ei_index'], 2, lang)}), most closed {closed['label']} "
            f"(E–I {_num(closed['ei_index'], 2, lang)}); whole network E–I "
            f"{_num(s.ei_index, 2, lang)}."
            if en
            else f"Gruppi con legami noti: {len(rated)}; il più aperto {open_['label_it']} "
            f"(E–I {_num(open_['ei_index'], 2, lang)}), il più chiuso {closed['label_it']} "
            f"(E–I {_num(closed['ei_index'], 2, lang)}); E–I dell'intera rete "
            f"{_num(s.ei_index, 2, lang)}."
        )
    if s.tie_classes:
        parts = [
            f"{_int(n, lang)} {c if en else _TIES_IT.get(c, c)}" for c, n in s.tie_classes.items()
        ]
        lines.append(("Ties: " if en else "Legami: ") + ", ".join(parts) + ".")
    lines += [("Note: " + n if en else "Nota: " + n) for n in (s.notes if en else s.notes_it)]
    return lines


# --------------------------------------------------------------------------------------------


def _owner_constraint(E: nx.Graph, ego: str) -> float:
    """Burt's constraint of ``ego`` (unweighted), in time linear in the alters' ties.

    With ``p_ij = 1/deg(i)`` for a tie, ``C = sum_j (p_ej + sum_q p_eq p_qj)^2`` over
    the owner's contacts ``j`` and the contacts ``q`` tied to both, which is
    ``sum_j ((1 + sum_q 1/deg(q)) / deg(e))^2``. Equal to
    :func:`netkit.analyse._kernels.constraint` (a test checks it), whose igraph
    implementation slows down quadratically around a hub the size of the owner.
    """
    alters = E[ego]
    degree = len(alters)
    if not degree:
        return math.nan
    inverse = {q: 1.0 / E.degree(q) for q in alters}
    total = 0.0
    for j in alters:
        indirect = sum(inverse[q] for q in E[j] if q in inverse)
        total += ((1.0 + indirect) / degree) ** 2
    return total


def _tie_classes(G: nx.Graph, ties: pd.DataFrame | None, people: list[str]) -> dict[str, int]:
    if ties is not None:
        missing = {"person", "tie_class"} - set(ties.columns)
        if missing:
            raise ValueError(
                f"ties= needs the columns 'person' and 'tie_class'; missing {sorted(missing)}"
            )
        wanted = set(people)
        classes = [
            str(c)
            for p, c in zip(ties["person"], ties["tie_class"], strict=True)
            if p in wanted and isinstance(c, str) and c
        ]
    else:
        ego = G.graph.get("ego")
        classes = [
            str(G.edges[ego, p]["tie_class"])
            for p in people
            if ego is not None and G.has_edge(ego, p) and "tie_class" in G.edges[ego, p]
        ]
    if not classes:
        return {}
    counts = Counter(classes)
    order = list(TIE_CLASSES) + sorted(set(counts) - set(TIE_CLASSES))
    return {c: counts.get(c, 0) for c in order}


def _ei_table(
    P: nx.Graph, cluster_of: dict[str, int], labels: dict[int, tuple[str, str]]
) -> tuple[pd.DataFrame, float]:
    members = Counter(c for p, c in cluster_of.items() if p in P and c >= 0)
    internal: Counter[int] = Counter()
    external: Counter[int] = Counter()
    for u, v in P.edges():
        cu, cv = cluster_of.get(u, -1), cluster_of.get(v, -1)
        if cu == cv:
            if cu >= 0:
                internal[cu] += 1
            continue
        for c in (cu, cv):
            if c >= 0:
                external[c] += 1
    rows = []
    for c in sorted(members):
        i, e = internal[c], external[c]
        rows.append(
            {
                "cluster": c,
                "label": labels.get(c, (f"cluster {c}",))[0],
                "label_it": labels.get(c, ("", f"gruppo {c}"))[1],
                "contacts": members[c],
                "internal": i,
                "external": e,
                "ei_index": (e - i) / (e + i) if e + i else math.nan,
            }
        )
    table = pd.DataFrame(rows, columns=list(EI_COLUMNS)).astype(
        {
            "cluster": int,
            "label": object,
            "label_it": object,
            "contacts": int,
            "internal": int,
            "external": int,
            "ei_index": float,
        }
    )
    within = sum(internal.values())
    across = sum(
        1
        for u, v in P.edges()
        if cluster_of.get(u, -1) != cluster_of.get(v, -1)
        and cluster_of.get(u, -1) >= 0
        and cluster_of.get(v, -1) >= 0
    )
    whole = (across - within) / (across + within) if across + within else math.nan
    return table, whole


def shape(
    G: nx.Graph,
    *,
    attributes: Sequence[str] = ("sector", "function", "seniority", "territory"),
    clusters: Any = None,
    ties: pd.DataFrame | None = None,
    seed: int = 0,
) -> Shape:
    """Describe the owner's network: position, pieces, variety, open and closed clusters.

    Parameters
    ----------
    G : networkx.Graph
        A network in netkit's schema; not modified. Without an owner
        (``G.graph["ego"]`` absent) the whole network is described and the owner's
        measures are NaN.
    attributes : sequence of str
        Person attributes whose diversity is measured.
    clusters : DataFrame or mapping, optional
        Each contact's cluster, as for :func:`netkit.analyse.bridges.bridges`; when
        absent, ``netkit.analyse.clusters`` is called if it exists, else Leiden runs on
        contacts and organisations.
    ties : DataFrame, optional
        The tie analyser's table (columns ``person``, ``tie_class``) to count tie
        classes; without it the ``tie_class`` of the owner's edges is used when present.
    seed : int
        Seed of the clustering when ``clusters`` is not given.

    Returns
    -------
    Shape

    Raises
    ------
    ValueError
        A ``clusters`` or ``ties`` table without the columns it needs.

    Examples
    --------
    An owner whose four contacts do not know one another (a star):

    >>> from netkit.build import NetworkBuilder
    >>> b = NetworkBuilder("test")
    >>> for name, sector in [("a", "energy"), ("b", "energy"), ("c", "legal"), ("d", "hr")]:
    ...     b.tie(b.person(name, sector=sector), channel="email")
    >>> s = shape(b.graph("test"), attributes=["sector"], clusters={})
    >>> s.effective_size, s.efficiency, s.constraint
    (4.0, 1.0, 0.25)
    >>> round(s.diversity["sector"].blau, 3)
    0.625
    >>> print(s.summary()[1].replace("; ", ";\\n"))
    Your position: effective size 4.0 of 4 contacts (efficiency 1.00), constraint 0.250;
    most of your contacts do not know one another: each opens a different door.

    Notes
    -----
    Effective size (``n - 2t/n``, Borgatti 1997) is computed for every node of the ego
    network at once through the heavy kernels and the owner's value read off
    (``networkx.constraint(G, nodes=[ego])`` and ``networkx.effective_size`` are far
    slower for the same values); the owner's constraint (Burt 1992) comes from a
    closed form linear in the contacts' ties, equal to the kernel's value. Without
    ties among the owner's contacts they reduce to ``n`` and ``1/n`` (a star) and say
    nothing; the notes say so. IQV divides Blau's
    index by its maximum ``1 - 1/K`` (Agresti & Agresti 1978); entropy is in nats.
    The E–I index (Krackhardt & Stern 1988) counts observed or declared ties among
    contacts, not shared organisations, which define the clusters in the first place.

    References
    ----------
    Burt, R. S. (1992). Structural Holes. Harvard University Press.
    Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
    Connections 20(1), 35–38.
    Blau, P. M. (1977). Inequality and Heterogeneity. Free Press.
    Agresti, A., & Agresti, B. F. (1978). Statistical analysis of qualitative
    variation. Sociological Methodology 9, 204–237.
    Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational
    crises: an experimental simulation. Social Psychology Quarterly 51(2), 123–140.
    """
    people = _views.contacts(G)
    ego = G.graph.get("ego")
    has_owner = ego is not None and ego in G
    notes: list[tuple[str, str]] = []  # (English, Italian)
    P = _views.people_graph(G)
    S = _views.structure_graph(G)

    owner_ties = 0
    effective = efficiency = constraint = math.nan
    if has_owner:
        E = _views.people_graph(G)  # a fresh graph: the owner is added to it
        E.add_node(ego)
        E.add_edges_from((ego, p) for p in people if G.has_edge(ego, p))
        owner_ties = E.degree(ego)
        if owner_ties:
            effective = _kernels.effective_size(E)[ego]
            constraint = _owner_constraint(E, ego)
            efficiency = effective / owner_ties
            alters = set(E[ego])
            if not any(v in alters for u in alters for v in P[u]):
                notes.append(
                    (
                        "No ties among your contacts are known (add mail, calendar or "
                        "declared ties): effective size equals the number of contacts and "
                        "constraint 1/contacts, which says nothing about your position "
                        "(Burt 1992).",
                        "Non si conoscono legami tra i tuoi contatti (aggiungi posta, "
                        "calendario o legami dichiarati): la dimensione effettiva è il numero "
                        "dei contatti e il vincolo 1/contatti, che non dicono nulla della tua "
                        "posizione (Burt 1992).",
                    )
                )
        else:
            notes.append(
                (
                    "The owner has no ties to contacts: their measures are undefined.",
                    "Il titolare non ha legami con i contatti: le sue misure non sono definite.",
                )
            )
    else:
        notes.append(
            (
                "No owner: the whole network is described; owner measures are undefined.",
                "Nessun titolare: si descrive l'intera rete; le misure del titolare non sono "
                "definite.",
            )
        )

    n = len(people)
    person_ties = P.number_of_edges()
    density = person_ties / (n * (n - 1) / 2) if n > 1 else math.nan

    pieces = _kernels.components(S)
    kinds = dict(S.nodes(data="kind"))
    components = len(pieces)
    largest = max((sum(kinds[x] == "person" for x in c) for c in pieces), default=0)
    isolates = sum(1 for p in people if S.degree(p) == 0)
    people_pieces = _kernels.components(P)

    values = {attr: [G.nodes[p].get(attr) for p in people] for attr in attributes}
    spread = {attr: diversity(vals, attribute=attr) for attr, vals in values.items()}

    if people:
        cluster_of, labels, source = _resolve_clusters(G, S, clusters, seed)
        if source.startswith("clusters from netkit"):
            source_it = f"gruppi da netkit.analyse.clusters (seed={seed})"
        elif source.startswith("clusters given"):
            source_it = "gruppi forniti dal chiamante"
        else:
            source_it = f"gruppi da Leiden su contatti e organizzazioni (seed={seed})"
        notes.append((source[:1].upper() + source[1:] + ".", source_it.capitalize() + "."))
    else:
        cluster_of, labels = {}, {}
    ei, ei_whole = _ei_table(P, cluster_of, labels)
    if person_ties == 0 and people:
        notes.append(
            (
                "No ties among contacts are known: the E–I index of the clusters is undefined.",
                "Non si conoscono legami tra i contatti: l'indice E–I dei gruppi non è definito.",
            )
        )

    return Shape(
        has_owner=has_owner,
        contacts=n,
        owner_ties=owner_ties,
        effective_size=effective,
        efficiency=efficiency,
        constraint=constraint,
        person_ties=person_ties,
        density=density,
        components=components,
        isolates=isolates,
        largest_component=largest,
        people_components=len(people_pieces),
        people_isolates=sum(1 for p in people if P.degree(p) == 0),
        diversity=spread,
        ei=ei,
        ei_index=ei_whole,
        tie_classes=_tie_classes(G, ties, people),
        notes=tuple(en for en, _ in notes),
        notes_it=tuple(it for _, it in notes),
    )
