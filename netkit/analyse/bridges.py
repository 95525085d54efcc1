"""Bridges and brokers: the contacts who link parts of a network that would otherwise be apart."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

import networkx as nx
import pandas as pd

from netkit.analyse import _kernels, _views

__all__ = ["BRIDGE_COLUMNS", "BROKERAGE_ROLES", "EXPLANATIONS", "bridges"]

#: Gould & Fernandez's roles as counted on an undirected network (gatekeeper and
#: representative are one role when ties have no direction).
BROKERAGE_ROLES = ("coordinator", "itinerant", "gatekeeper", "liaison")

#: The columns of :func:`bridges`, in order.
BRIDGE_COLUMNS = (
    "person",
    "name",
    "betweenness",
    "betweenness_rank",
    "betweenness_method",
    "articulation_point",
    "clusters_touched",
    "person_ties",
    "effective_size",
    "constraint",
    "local_bridges",
    "max_span",
    *(f"brokerage_{role}" for role in BROKERAGE_ROLES),
    "why",
)

_DTYPES = {
    "person": object,
    "name": object,
    "betweenness": float,
    "betweenness_rank": int,
    "betweenness_method": object,
    "articulation_point": bool,
    "clusters_touched": int,
    "person_ties": int,
    "effective_size": float,
    "constraint": float,
    "local_bridges": int,
    "max_span": float,
    **{f"brokerage_{role}": int for role in BROKERAGE_ROLES},
    "why": object,
}

#: Default number of sampled source nodes when betweenness is estimated.
DEFAULT_K = 256

#: What each measure means for a person, in plain words, for reports ("en" and "it").
EXPLANATIONS: dict[str, dict[str, str]] = {
    "en": {
        "betweenness": (
            "Betweenness: how often this person lies on the shortest route between two "
            "other people or organisations in your network. A high value means that "
            "information passing between different parts of your network is likely to go "
            "through them: they are a broker."
        ),
        "articulation_point": (
            "Cut point: without this person, part of your network would no longer be "
            "connected to the rest. They are the only link to someone."
        ),
        "clusters_touched": (
            "Clusters touched: how many groups of your network (former colleagues, an "
            "association, a sector) this person and their direct links belong to. Someone "
            "who touches several groups can introduce you across them."
        ),
        "constraint": (
            "Constraint (Burt): how much a person's contacts are tied to one another. "
            "Near 1, everyone they know knows everyone else, so they hear the same news "
            "twice; near 0, their contacts do not know each other and they see more "
            "opportunities first. Lower means more brokerage."
        ),
        "effective_size": (
            "Effective size (Burt): the number of a person's contacts who are not "
            "redundant, i.e. who do not already know the person's other contacts. Ten "
            "contacts who all know each other count as little more than one."
        ),
        "efficiency": (
            "Efficiency: effective size divided by the number of contacts, from 0 to 1. "
            "1 means every contact opens a different door; low values mean many contacts "
            "lead to the same people."
        ),
        "local_bridge": (
            "Local bridge: a tie between two people who have no contact in common. It is "
            "the shortest way between two circles; weak ties are usually of this kind "
            "(Granovetter) and they bring news from elsewhere."
        ),
        "span": (
            "Span of a local bridge: how many steps it would take to get from one end to "
            "the other if the tie disappeared. The longer the span, the further apart the "
            "two circles it joins; 'no other route' means the tie is the only link."
        ),
        "brokerage": (
            "Brokerage roles (Gould and Fernandez), for pairs of this person's contacts "
            "who do not know each other, by sector: coordinator (all three in the same "
            "sector), itinerant or consultant (the two contacts share a sector, the person "
            "is outside it), gatekeeper or representative (the person shares a sector with "
            "one of them: a door into or out of a sector), liaison (three different "
            "sectors)."
        ),
        "blau_index": (
            "Blau index: the chance that two contacts drawn at random differ, for "
            "example in sector. 0 means everyone is alike; values near 1 mean a very "
            "varied network."
        ),
        "iqv": (
            "IQV: the Blau index divided by its maximum for the number of possible "
            "categories, so attributes with many and few categories can be compared "
            "(0 = all alike, 1 = spread evenly over every category)."
        ),
        "entropy": (
            "Entropy (Shannon): another measure of variety; 0 when everyone is alike, "
            "higher when contacts are spread over more categories more evenly."
        ),
        "ei_index": (
            "E–I index (Krackhardt and Stern) of a group: (ties going out − ties staying "
            "inside) / all its ties, from −1 (a closed group, all ties inside) to +1 (all "
            "ties go to other groups). Closed groups share information quickly but hear "
            "little that is new."
        ),
        "density": (
            "Density: the share of pairs of contacts who are known to be tied to each "
            "other, from 0 to 1."
        ),
        "components": (
            "Components: separate pieces of the network that no tie or shared "
            "organisation links; isolates are contacts linked to nobody else."
        ),
    },
    "it": {
        "betweenness": (
            "Intermediazione (betweenness): quanto spesso questa persona si trova sul "
            "percorso più breve tra altre due persone od organizzazioni della tua rete. "
            "Un valore alto significa che le informazioni tra parti diverse della rete "
            "passano probabilmente da lei: è un intermediario."
        ),
        "articulation_point": (
            "Punto di articolazione: senza questa persona una parte della rete non sarebbe "
            "più collegata al resto. È l'unico collegamento verso qualcuno."
        ),
        "clusters_touched": (
            "Gruppi toccati: a quanti gruppi della tua rete (ex colleghi, un'associazione, "
            "un settore) appartengono questa persona e i suoi legami diretti. Chi tocca "
            "più gruppi può presentarti a persone di gruppi diversi."
        ),
        "constraint": (
            "Vincolo (constraint, Burt): quanto i contatti di una persona sono legati tra "
            "loro. Vicino a 1, tutti quelli che conosce si conoscono e le notizie arrivano "
            "doppie; vicino a 0, i suoi contatti non si conoscono e vede prima più "
            "opportunità. Più è basso, più la persona fa da ponte."
        ),
        "effective_size": (
            "Dimensione effettiva (Burt): quanti contatti di una persona non sono "
            "ridondanti, cioè non conoscono già gli altri suoi contatti. Dieci contatti "
            "che si conoscono tutti valgono poco più di uno."
        ),
        "efficiency": (
            "Efficienza: la dimensione effettiva divisa per il numero di contatti, da 0 "
            "a 1. 1 vuol dire che ogni contatto apre una porta diversa; valori bassi, che "
            "molti contatti portano alle stesse persone."
        ),
        "local_bridge": (
            "Ponte locale: un legame tra due persone che non hanno contatti in comune. È "
            "la via più breve tra due cerchie; i legami deboli sono spesso così "
            "(Granovetter) e portano notizie da altri ambienti."
        ),
        "span": (
            "Ampiezza (span) di un ponte locale: quanti passaggi servirebbero per andare "
            "da un capo all'altro se il legame sparisse. Più è lunga, più sono lontane le "
            "cerchie che unisce; 'nessun'altra via' vuol dire che è l'unico collegamento."
        ),
        "brokerage": (
            "Ruoli di intermediazione (Gould e Fernandez), per le coppie di contatti della "
            "persona che non si conoscono, per settore: coordinatore (tutti e tre nello "
            "stesso settore), itinerante o consulente (i due contatti condividono un "
            "settore, la persona no), custode o rappresentante (la persona condivide il "
            "settore con uno dei due: una porta d'ingresso o d'uscita da un settore), "
            "collegamento (tre settori diversi)."
        ),
        "blau_index": (
            "Indice di Blau: la probabilità che due contatti presi a caso siano diversi, "
            "per esempio di settore. 0 vuol dire tutti uguali; valori vicini a 1, una "
            "rete molto varia."
        ),
        "iqv": (
            "IQV: l'indice di Blau diviso per il suo massimo dato il numero di categorie "
            "possibili, per confrontare attributi con tante o poche categorie (0 = tutti "
            "uguali, 1 = distribuiti in modo uniforme su tutte le categorie)."
        ),
        "entropy": (
            "Entropia (Shannon): un'altra misura della varietà; 0 quando tutti sono "
            "uguali, più alta quando i contatti si distribuiscono su più categorie in modo "
            "più uniforme."
        ),
        "ei_index": (
            "Indice E–I (Krackhardt e Stern) di un gruppo: (legami verso l'esterno − "
            "legami interni) / tutti i suoi legami, da −1 (gruppo chiuso, tutti i legami "
            "all'interno) a +1 (tutti i legami verso altri gruppi). I gruppi chiusi fanno "
            "circolare in fretta le informazioni ma ne ricevono poche di nuove."
        ),
        "density": (
            "Densità: la quota di coppie di contatti che risultano legati tra loro, da 0 a 1."
        ),
        "components": (
            "Componenti: parti della rete che nessun legame od organizzazione comune "
            "collega; gli isolati sono contatti non legati a nessun altro."
        ),
    },
}


# --------------------------------------------------------------------------------------------
# Clusters: from the clusters analyser when there is one, else a Leiden fallback.


def _cluster_table(table: Any) -> tuple[dict[str, int], dict[int, tuple[str, str]]]:
    """A clusters DataFrame or mapping as ``{node: cluster}`` and ``{cluster: (en, it)}``."""
    if isinstance(table, pd.DataFrame):
        missing = {"person", "cluster"} - set(table.columns)
        if missing:
            raise ValueError(
                f"clusters= needs the columns 'person' and 'cluster'; missing {sorted(missing)}"
            )
        mapping = {str(p): int(c) for p, c in zip(table["person"], table["cluster"], strict=True)}
        labels: dict[int, tuple[str, str]] = {}
        if "cluster_label" in table.columns:
            italian = (
                table["cluster_label_it"]
                if "cluster_label_it" in table.columns
                else table["cluster_label"]
            )
            for c, en, it in zip(table["cluster"], table["cluster_label"], italian, strict=True):
                if isinstance(en, str) and en:
                    labels.setdefault(int(c), (en, it if isinstance(it, str) and it else en))
        return mapping, labels
    if isinstance(table, Mapping):
        return {str(p): int(c) for p, c in table.items()}, {}
    raise ValueError(
        "clusters= must be a mapping person -> cluster id or the DataFrame of "
        f"netkit.analyse.clusters, not {type(table).__name__}"
    )


def _resolve_clusters(
    G: nx.Graph, S: nx.Graph, clusters: Any, seed: int
) -> tuple[dict[str, int], dict[int, tuple[str, str]], str]:
    """The cluster of every node of the structure graph ``S``, labels, and their origin.

    Persons take the given cluster; an organisation without one takes the most common
    cluster of its members (smallest id on ties). -1 means "not connected to others".
    """
    if clusters is None:
        try:
            from netkit.analyse.clusters import clusters as find_clusters  # optional
        except ImportError:
            find_clusters = None
        if find_clusters is not None:
            clusters = find_clusters(G, seed=seed)
            source = f"clusters from netkit.analyse.clusters (seed={seed})"
        else:
            found = _kernels.leiden(S, weight="weight", seed=seed)
            numbers: dict[int, int] = {}
            mapping: dict[str, int] = {}
            for node in sorted(found, key=lambda n: (found[n], n)):
                if S.degree(node) == 0:
                    mapping[node] = -1
                else:
                    mapping[node] = numbers.setdefault(found[node], len(numbers))
            return (
                mapping,
                {},
                f"clusters from Leiden on contacts and organisations (seed={seed}; "
                "netkit.analyse.clusters is not available)",
            )
    else:
        source = "clusters given by the caller"
    mapping, labels = _cluster_table(clusters)
    result = {node: mapping[node] for node in S if node in mapping}
    for node, kind in S.nodes(data="kind"):
        if kind != "organisation" or node in result:
            continue
        votes = Counter(result[m] for m in S[node] if result.get(m, -1) >= 0)
        if votes:
            result[node] = min(votes, key=lambda c: (-votes[c], c))
    return result, labels, source


# --------------------------------------------------------------------------------------------
# Local bridges, spans and brokerage on the person–person ties.


class _SpanSearch:
    """Bounded bidirectional breadth-first searches on an integer adjacency list.

    Marks are stamped with a search number, so no set or dict is built per search.
    """

    def __init__(self, adj: list[list[int]], cutoff: int):
        n = len(adj)
        self.adj = adj
        self.cutoff = cutoff
        self.mark = [[0] * n, [0] * n]  # search number that reached each node, per side
        self.search = 0

    def span(self, u: int, v: int) -> float | None:
        """Steps from u to v without the edge u–v: inf if no route, None if > cutoff.

        The search from the side with the smaller frontier advances one level at a
        time. Every node within ``depth_u`` of u and ``depth_v`` of v is marked, and a
        node just reached from one side lies at least ``depth_v`` from the other (its
        predecessor was not marked from there), so the first node marked from both
        sides closes a shortest route, of length ``depth_u + depth_v``. Running out of
        nodes on one side proves there is no route at all.
        """
        self.search += 1
        stamp, adj = self.search, self.adj
        mark = self.mark
        mark[0][u] = stamp
        mark[1][v] = stamp
        fronts = [[u], [v]]
        depths = [0, 0]
        ends = (u, v)
        while fronts[0] and fronts[1] and depths[0] + depths[1] < self.cutoff:
            side = 0 if len(fronts[0]) <= len(fronts[1]) else 1
            depth = depths[side] + 1
            depths[side] = depth
            mine, theirs = mark[side], mark[1 - side]
            start, end = ends[side], ends[1 - side]
            if depths[0] + depths[1] == self.cutoff:  # last level: only look for a meeting
                grows = False
                for x in fronts[side]:
                    for y in adj[x]:
                        if x == start and y == end:
                            continue
                        if theirs[y] == stamp:
                            return float(self.cutoff)
                        grows = grows or mine[y] != stamp
                return None if grows else math.inf
            following = []
            for x in fronts[side]:
                for y in adj[x]:
                    if mine[y] == stamp or (x == start and y == end):
                        continue
                    if theirs[y] == stamp:
                        return float(depths[0] + depths[1])
                    mine[y] = stamp
                    following.append(y)
            fronts[side] = following
        if not fronts[0] or not fronts[1]:
            return math.inf
        return None


def _role(g_a: str, g_broker: str, g_c: str) -> int:
    """Index in BROKERAGE_ROLES of the broker's role on the two-path a–broker–c."""
    if g_a == g_c:
        return 0 if g_a == g_broker else 1
    if g_broker in (g_a, g_c):
        return 2
    return 3


def _people_structure(
    P: nx.Graph, groups: Mapping[str, str], cutoff: int
) -> tuple[dict[str, int], dict[str, float], dict[str, list[int]], int, int]:
    """Local bridges per person, their longest span, brokerage roles; triangles, far spans.

    One pass over the edges finds each edge's common neighbours: no common neighbour
    makes a local bridge; each common neighbour closes a two-path, which is then
    removed from that broker's counts of all two-paths among its contacts.
    """
    nodes = sorted(P)
    index = {node: i for i, node in enumerate(nodes)}
    adj = [[index[m] for m in P[node] if m != node] for node in nodes]
    adj_sets = [set(neighbours) for neighbours in adj]
    group = [groups.get(node) for node in nodes]
    local = [0] * len(nodes)
    spans = [math.nan] * len(nodes)
    # All pairs of each broker's contacts by role (Gould & Fernandez), minus closed ones.
    roles = []
    for broker, neighbours in enumerate(adj):
        g_b = group[broker]
        counts = [0, 0, 0, 0]
        if g_b is not None and len(neighbours) > 1:
            per_group = Counter(group[n] for n in neighbours if group[n] is not None)
            known = sum(per_group.values())
            same = per_group.get(g_b, 0)
            other = known - same
            counts[0] = same * (same - 1) // 2
            counts[1] = sum(n * (n - 1) // 2 for g, n in per_group.items() if g != g_b)
            counts[2] = same * other
            squares = sum(n * n for g, n in per_group.items() if g != g_b)
            counts[3] = (other * other - squares) // 2
        roles.append(counts)
    search = _SpanSearch(adj, cutoff)
    triangles = far = 0
    for u, neighbours in enumerate(adj):
        for v in neighbours:
            if v < u:
                continue
            small, large = (
                (adj[u], adj_sets[v]) if len(adj[u]) <= len(adj[v]) else (adj[v], adj_sets[u])
            )
            common = [w for w in small if w in large]
            if common:
                triangles += len(common)
                g_u, g_v = group[u], group[v]
                if g_u is not None and g_v is not None:
                    for broker in common:
                        g_b = group[broker]
                        if g_b is not None:
                            roles[broker][_role(g_u, g_b, g_v)] -= 1
                continue
            local[u] += 1
            local[v] += 1
            span = search.span(u, v)
            if span is None:
                far += 1
                span = float(cutoff + 1)
            for end in (u, v):
                if not span <= spans[end]:  # also replaces NaN
                    spans[end] = span
    return (
        {node: local[i] for i, node in enumerate(nodes)},
        {node: spans[i] for i, node in enumerate(nodes) if local[i]},
        {node: roles[i] for i, node in enumerate(nodes)},
        triangles // 3,
        far,
    )


# --------------------------------------------------------------------------------------------
# The sentence that says why a contact is in the table.


def _join(names: list[str], more: int = 0) -> str:
    if more:
        return ", ".join(names) + f" and {more} more"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _cluster_names(
    G: nx.Graph,
    S: nx.Graph,
    person: str,
    cluster_of: dict[str, int],
    labels: dict[int, tuple[str, str]],
) -> list[str]:
    """One name for each cluster the person and their neighbours are in, by cluster id."""
    members: dict[int, list[str]] = {}
    for node in [person, *S[person]]:
        cluster = cluster_of.get(node, -1)
        if cluster >= 0:
            members.setdefault(cluster, []).append(node)
    names = []
    for cluster in sorted(members):
        if cluster in labels:
            names.append(labels[cluster][0])
            continue
        candidates = []
        for node in members[cluster]:
            data = G.nodes[node]
            if data.get("kind") == "organisation":
                candidates.append((0, str(data.get("name", node))))
            elif node != person:
                text = data.get("company") or data.get("name") or node
                candidates.append((1, str(text)))
        if not candidates:
            data = G.nodes[person]
            candidates.append((2, str(data.get("company") or data.get("name") or person)))
        names.append(min(candidates)[1])
    unique: list[str] = []
    for name in names:
        if name not in unique:
            unique.append(name)
    return unique


def _sides(G: nx.Graph, S: nx.Graph, person: str) -> list[str]:
    """What a contact sits between when clusters do not tell: their organisations, then
    the current organisations (else names) of the contacts they are tied to."""

    def name(node: str) -> str:
        return str(G.nodes[node].get("name", node))

    own = [n for n in S[person] if S.nodes[n].get("kind") == "organisation"]
    sides = sorted({name(n) for n in own})
    others = set()
    for n in S[person]:
        if S.nodes[n].get("kind") != "person":
            continue
        orgs = _views.organisations_of(G, n, current=True)
        if orgs and not set(orgs) & set(own):
            others.add(name(orgs[0]))
        elif not orgs:
            others.add(str(G.nodes[n].get("company") or name(n)))
    return sides + sorted(others - set(sides))


def _span_text(span: float, cutoff: int, n: int) -> str:
    if math.isinf(span):
        return (
            "the only route between its ends"
            if n == 1
            else "one is the only route between its ends"
        )
    word = "span" if n == 1 else "longest span"
    if span > cutoff:
        return f"{word} more than {cutoff} steps"
    return f"{word} {int(span)} steps"


def _why(
    row: dict[str, Any],
    names: list[str],
    sides: list[str],
    n_rows: int,
    cutoff: int,
    attribute: str,
) -> str:
    parts = []
    if len(names) >= 2:
        shown = names[:3]
        parts.append("connects " + _join(shown, len(names) - len(shown)))
    elif len(sides) >= 2 and row["betweenness"] > 0:
        shown = sides[:3]
        parts.append("links " + _join(shown, len(sides) - len(shown)))
    if row["local_bridges"]:
        n = row["local_bridges"]
        text = f"{n} local bridge{'s' if n != 1 else ''}"
        parts.append(f"{text} ({_span_text(row['max_span'], cutoff, n)})")
    if row["articulation_point"]:
        parts.append("cut point: part of the network hangs on them")
    broker = [
        (row[f"brokerage_{role}"], role)
        for role in ("liaison", "gatekeeper", "itinerant")
        if row[f"brokerage_{role}"]
    ]
    if broker:
        roles = ", ".join(f"{role} {n}" for n, role in broker)
        parts.append(f"broker across {attribute} ({roles})")
    if row["betweenness"] > 0:
        parts.append(f"betweenness rank {row['betweenness_rank']} of {n_rows}")
    else:
        parts.append("no shortest route runs through them (betweenness 0)")
    return "; ".join(parts)


# --------------------------------------------------------------------------------------------


def _check_options(k: int | None, exact_up_to: int, span_cutoff: int) -> None:
    if k is not None and (isinstance(k, bool) or not isinstance(k, int) or k < 1):
        raise ValueError(f"k must be a positive whole number or None, not {k!r}")
    if isinstance(exact_up_to, bool) or not isinstance(exact_up_to, int) or exact_up_to < 0:
        raise ValueError(f"exact_up_to must be a whole number >= 0, not {exact_up_to!r}")
    if isinstance(span_cutoff, bool) or not isinstance(span_cutoff, int) or span_cutoff < 2:
        raise ValueError(f"span_cutoff must be a whole number >= 2, not {span_cutoff!r}")


def _empty(notes: list[str], attrs: dict[str, Any]) -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series([], dtype=_DTYPES[c]) for c in BRIDGE_COLUMNS})
    df.attrs.update(attrs, notes=notes)
    return df


def bridges(
    G: nx.Graph,
    *,
    k: int | None = None,
    seed: int = 0,
    exact_up_to: int = 5000,
    clusters: Any = None,
    attribute: str = "sector",
    span_cutoff: int = 6,
) -> pd.DataFrame:
    """Rank contacts as bridges and brokers: who links parts of the network.

    Betweenness, cut points and clusters touched are measured on the network of
    contacts and organisations (a person in two organisations bridges them); Burt's
    measures, local bridges and brokerage roles on the observed or declared ties among
    contacts (messages, meetings, declared ties), never on shared organisations. The
    owner is left out; organisations are structure, never rows.

    Parameters
    ----------
    G : networkx.Graph
        A network in netkit's schema; not modified.
    k : int, optional
        Source nodes sampled when betweenness is estimated (default 256); ignored when
        betweenness is exact.
    seed : int, default 0
        Seed of the sampled sources and of the fallback clustering.
    exact_up_to : int, default 5000
        Exact betweenness when the network of contacts and organisations has at most
        this many nodes; above it, the estimate of Brandes & Pich (2007).
    clusters : DataFrame or mapping, optional
        Each contact's cluster: the DataFrame of ``netkit.analyse.clusters`` (columns
        ``person``, ``cluster``, optionally ``cluster_label``) or a mapping person ->
        cluster id (-1 = not connected). When absent, ``netkit.analyse.clusters`` is
        called if it exists, else Leiden runs on contacts and organisations.
    attribute : str, default "sector"
        The person attribute that defines groups for the brokerage roles.
    span_cutoff : int, default 6
        Longest span searched for each local bridge (see Notes).

    Returns
    -------
    pandas.DataFrame
        One row per contact, sorted by ``betweenness`` descending, then ``person``:

        - ``person`` (str): the node id. ``name`` (str): the name, else the id.
        - ``betweenness`` (float): share of shortest paths between pairs of nodes
          (contacts and organisations) that run through the contact, normalised as
          networkx does (Freeman 1977; Brandes 2001), hops not weights.
        - ``betweenness_rank`` (int): 1 for the highest; equal values share a rank.
        - ``betweenness_method`` (str): ``"exact"`` or ``"sampled"``.
        - ``articulation_point`` (bool): removing the contact disconnects part of
          the network of contacts and organisations.
        - ``clusters_touched`` (int): distinct clusters among the contact and their
          neighbours (people and organisations); "not connected" does not count.
        - ``person_ties`` (int): ties with other contacts.
        - ``effective_size`` (float): Burt's effective size, ``n - 2t/n``; NaN
          without person ties.
        - ``constraint`` (float): Burt's constraint (0 to 1, lower = more
          brokerage); NaN without person ties.
        - ``local_bridges`` (int): the contact's ties whose ends have no contact in
          common (Granovetter 1973).
        - ``max_span`` (float): the longest span of those ties: the steps between
          the two ends without the tie; ``inf`` when there is no other route;
          ``span_cutoff + 1`` when no other route of ``span_cutoff`` steps or fewer
          exists (a lower bound); NaN without local bridges.
        - ``brokerage_coordinator``, ``brokerage_itinerant``, ``brokerage_gatekeeper``,
          ``brokerage_liaison`` (int): open two-paths through the contact by Gould &
          Fernandez's role with groups from ``attribute``; ``gatekeeper`` counts
          gatekeeper and representative together, which are one role without tie
          direction.
        - ``why`` (str): a sentence saying what the contact connects (the clusters
          they touch, else the organisations on either side) and how.

        ``df.attrs`` holds ``notes`` (list of str: sampling, missing data, caveats),
        ``betweenness_method``, ``k``, ``seed``, ``span_cutoff``, ``attribute`` and
        ``clusters_source``.

    Raises
    ------
    ValueError
        For a ``k``, ``exact_up_to`` or ``span_cutoff`` that is not a valid number,
        or a ``clusters`` table without ``person`` and ``cluster``.

    Examples
    --------
    Two families of three joined by one marriage (a barbell):

    >>> from netkit.build import NetworkBuilder
    >>> b = NetworkBuilder("test", ego=False)
    >>> for x, y in [("a1", "a2"), ("a1", "a3"), ("a2", "a3"), ("a3", "b1"),
    ...              ("b1", "b2"), ("b1", "b3"), ("b2", "b3")]:
    ...     b.link(b.person(x, name=x.upper()), b.person(y, name=y.upper()), kind="knows")
    >>> df = bridges(b.graph("test"), clusters={"a1": 0, "a2": 0, "a3": 0,
    ...                                         "b1": 1, "b2": 1, "b3": 1})
    >>> df[["person", "betweenness", "local_bridges", "max_span"]].head(2)
      person  betweenness  local_bridges  max_span
    0     a3          0.6              1       inf
    1     b1          0.6              1       inf
    >>> print(df["why"][0].replace("; ", ";\\n"))
    connects A1 and B1;
    1 local bridge (the only route between its ends);
    cut point: part of the network hangs on them;
    betweenness rank 1 of 6

    Notes
    -----
    Betweenness runs on python-igraph (``_kernels``): exact in O(nm) up to
    ``exact_up_to`` nodes, else from ``k`` seeded sources in O(km), scaled to the
    whole network; the choice is stated in ``betweenness_method`` and the notes.
    Effective size and constraint are unweighted, computed for all contacts at once
    (never per node). Without ties among a person's contacts, effective size equals
    their number of ties and constraint equals 1/ties: that says nothing about
    brokerage, and the notes say so when no contact has such ties.

    Local bridges come from one pass over the ties (common neighbours by set
    intersection). Spans need a shortest-path search per local bridge, unbounded in
    :func:`networkx.local_bridges` (hours at 30,000 contacts); here a bidirectional
    search stops at ``span_cutoff`` steps, so spans up to the cutoff equal networkx's,
    ``inf`` is reported when one side of the tie is exhausted, and longer spans are
    reported as ``span_cutoff + 1``.

    Brokerage counts every pair of a broker's contacts by role from group sizes, then
    removes the closed pairs (triangles), so it runs in time proportional to the
    triangles rather than to the pairs of contacts. Contacts without ``attribute``
    are left out of the roles.

    References
    ----------
    Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
    Sociometry 40(1), 35–41.
    Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
    Mathematical Sociology 25(2), 163–177.
    Brandes, U., & Pich, C. (2007). Centrality estimation in large networks.
    International Journal of Bifurcation and Chaos 17(7), 2303–2318.
    Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
    Harvard University Press.
    Granovetter, M. S. (1973). The strength of weak ties. American Journal of
    Sociology 78(6), 1360–1380.
    Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a formal
    approach to brokerage in transaction networks. Sociological Methodology 19,
    89–126.
    """
    _check_options(k, exact_up_to, span_cutoff)
    people = _views.contacts(G)
    S = _views.structure_graph(G)
    n_nodes = S.number_of_nodes()
    sampled = n_nodes > exact_up_to and (k or DEFAULT_K) < n_nodes
    sources = (k or DEFAULT_K) if sampled else None
    method = "sampled" if sampled else "exact"
    attrs: dict[str, Any] = {
        "betweenness_method": method,
        "k": sources,
        "seed": seed,
        "span_cutoff": span_cutoff,
        "attribute": attribute,
        "clusters_source": "",
    }
    notes: list[str] = []
    if not people:
        notes.append("The network has no contacts.")
        return _empty(notes, attrs)

    if sampled:
        notes.append(
            f"Betweenness estimated from {sources} source nodes drawn with seed {seed} "
            f"(Brandes & Pich 2007): the network of contacts and organisations has "
            f"{n_nodes:,} nodes, more than exact_up_to={exact_up_to:,}. The top of the "
            "ranking is reliable; small values are noisy."
        )
    else:
        notes.append(f"Betweenness computed exactly on {n_nodes:,} contacts and organisations.")
    between = _kernels.betweenness(S, k=sources, seed=seed)
    cut_points = _kernels.articulation_points(S)
    cluster_of, labels, attrs["clusters_source"] = _resolve_clusters(G, S, clusters, seed)
    notes.append(attrs["clusters_source"][:1].upper() + attrs["clusters_source"][1:] + ".")

    P = _views.people_graph(G)
    constraint = _kernels.constraint(P)
    effective = _kernels.effective_size(P)
    groups = {
        p: str(G.nodes[p][attribute]) for p in people if G.nodes[p].get(attribute) is not None
    }
    local, spans, roles, triangles, far = _people_structure(P, groups, span_cutoff)

    ties = P.number_of_edges()
    if ties == 0:
        notes.append(
            "No ties among contacts (messages, meetings or declared ties): effective "
            "size, constraint, local bridges and brokerage roles need them and are "
            "empty; betweenness rests on shared organisations only."
        )
    elif triangles == 0:
        notes.append(
            "No two contacts tied to the same person are tied to each other: effective "
            "size equals the number of ties and constraint equals 1/ties for everyone "
            "(a pure star), which says nothing about brokerage (Burt 1992)."
        )
    if far:
        notes.append(
            f"{far} local bridge{'s have' if far != 1 else ' has'} no other route of "
            f"{span_cutoff} steps or fewer; span reported as {span_cutoff + 1} "
            "(a lower bound)."
        )
    if ties:
        share = len(groups) / len(people)
        notes.append(
            f"Brokerage roles by {attribute}, known for {share:.0%} of contacts; "
            f"two-paths through a contact with an unknown {attribute} are not counted."
        )

    rows = []
    for person in people:
        data = G.nodes[person]
        counts = roles.get(person, [0, 0, 0, 0])
        touched = {cluster_of.get(n, -1) for n in (person, *S[person])} - {-1}
        rows.append(
            {
                "person": person,
                "name": str(data.get("name", person)),
                "betweenness": float(between.get(person, 0.0)),
                "betweenness_rank": 0,
                "betweenness_method": method,
                "articulation_point": person in cut_points,
                "clusters_touched": len(touched),
                "person_ties": P.degree(person),
                "effective_size": effective.get(person, math.nan),
                "constraint": constraint.get(person, math.nan),
                "local_bridges": local.get(person, 0),
                "max_span": spans.get(person, math.nan),
                **{
                    f"brokerage_{r}": max(c, 0)
                    for r, c in zip(BROKERAGE_ROLES, counts, strict=True)
                },
            }
        )
    rows.sort(key=lambda r: (-r["betweenness"], r["person"]))
    rank = 0
    previous = None
    for i, row in enumerate(rows, start=1):
        if row["betweenness"] != previous:
            rank, previous = i, row["betweenness"]
        row["betweenness_rank"] = rank
        names = _cluster_names(G, S, row["person"], cluster_of, labels)
        sides = _sides(G, S, row["person"]) if len(names) < 2 and row["betweenness"] else []
        row["why"] = _why(row, names, sides, len(rows), span_cutoff, attribute)
    df = pd.DataFrame(rows, columns=list(BRIDGE_COLUMNS)).astype(_DTYPES)
    df.attrs.update(attrs, notes=notes)
    return df
