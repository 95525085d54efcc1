"""Identity resolution: one node per real person across every imported source."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

import networkx as nx

from netkit.build import EGO_ID, update_attrs
from netkit.schema import SCHEMA_VERSION, fold, linkedin_slug

__all__ = ["Merge", "MergeReport", "PossibleDuplicate", "merge", "merge_with_report", "name_key"]

#: Words that are not part of a person's name: titles and credentials people add.
_NOT_NAME = frozenset(
    "phd dr dott dottssa dottore dottoressa ing arch avv prof profssa mba cpa cfa pmp "
    "msc bsc ma jr sr ii iii iv mr mrs ms sig sigra".split()
)
FUZZY_RATIO = 0.9
#: Conflicts that keep two same-name records apart but leave room for doubt (a new job,
#: a second address): such pairs are listed as possible duplicates.
_DOUBTFUL = ("different e-mail addresses", "different organisations")


def name_tokens(name: str) -> tuple[str, ...]:
    """Normalise a person's name to its sorted words, for matching across sources.

    Case, accents, punctuation, emoji, word order and credentials do not count.

    Examples
    --------
    >>> name_tokens("Rossi, Mario") == name_tokens("MARIO ROSSI 🌱") == ("mario", "rossi")
    True
    >>> name_tokens("Nicolò D'Angelo, PhD")
    ('dangelo', 'nicolo')
    """
    text = re.sub(r"['’`´.]", "", fold(name))
    words = re.sub(r"[^\w]+|_|\d", " ", text).split()
    return tuple(sorted(w for w in words if w not in _NOT_NAME))


def name_key(name: str) -> str:
    """The matching key of a name: its normalised words joined (see :func:`name_tokens`)."""
    return " ".join(name_tokens(name))


@dataclass(frozen=True)
class Merge:
    """Records of several sources that are one person: the id kept and why."""

    id: str
    records: tuple[str, ...]
    rules: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.id} = {' + '.join(self.records)} ({', '.join(self.rules)})"


@dataclass(frozen=True)
class PossibleDuplicate:
    """Two people kept apart although they may be one: a human should check."""

    a: str
    b: str
    reason: str

    def __str__(self) -> str:
        return f"{self.a} / {self.b}: {self.reason}"


@dataclass
class MergeReport:
    """What identity resolution did: records in, people out, every merge and doubt."""

    records: int = 0
    people: int = 0
    merges: list[Merge] = field(default_factory=list)
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)

    def summary(self, *, limit: int = 20) -> list[str]:
        """Lines of text for a terminal."""
        lines = [
            f"identity: {self.records} person records from all sources -> {self.people} people "
            f"({len(self.merges)} merged, {len(self.possible_duplicates)} possible duplicates "
            "kept apart)"
        ]
        for title, items in (
            ("possible duplicates", self.possible_duplicates),
            ("merged", self.merges),
        ):
            if items:
                lines.append(f"  {title} ({len(items)}):")
                lines.extend(f"    {item}" for item in items[:limit])
                if len(items) > limit:
                    lines.append(f"    … and {len(items) - limit} more (save them with --report)")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data."""
        return {
            "records": self.records,
            "people": self.people,
            "merges": [
                {"id": m.id, "records": list(m.records), "rules": list(m.rules)}
                for m in self.merges
            ],
            "possible_duplicates": [
                {"a": d.a, "b": d.b, "reason": d.reason} for d in self.possible_duplicates
            ],
        }


@dataclass
class _Cluster:
    """Records found to be one person so far, with the fields that can conflict."""

    records: list[tuple[int, str]]
    slugs: set[str]
    emails: set[str]
    organisations: set[str]
    graphs: set[int]
    names: list[str]
    rules: set[str] = field(default_factory=set)
    is_ego: bool = False


def _conflict(a: _Cluster, b: _Cluster) -> str:
    """Why ``a`` and ``b`` cannot be one person, or "" if nothing says so."""
    if a.is_ego or b.is_ego:
        return "" if a.is_ego != b.is_ego or a is b else "two owners"
    if a.slugs and b.slugs and a.slugs != b.slugs:
        return "different LinkedIn profiles"
    if a.emails and b.emails and not a.emails & b.emails:
        return "different e-mail addresses"
    if a.organisations and b.organisations and not a.organisations & b.organisations:
        return "different organisations"
    if a.graphs & b.graphs:
        return "listed as two people by the same source"
    return ""


class _Resolver:
    def __init__(self, graphs: Sequence[nx.Graph]) -> None:
        self.graphs = graphs
        self.clusters: dict[int, _Cluster] = {}
        self.owner: dict[tuple[int, str], int] = {}
        self.doubts: dict[tuple[tuple[int, str], tuple[int, str]], str] = {}
        ego_emails: set[str] = set()
        for g in graphs:
            ego = g.graph.get("ego")
            if ego is not None and ego in g:
                ego_emails |= _split(g.nodes[ego].get("emails"))
        self.ego_emails = ego_emails
        for index, g in enumerate(graphs):
            for node, data in g.nodes(data=True):
                kind = data.get("kind")
                if kind not in ("person", "ego"):
                    continue
                self._add(index, node, data, g, is_ego=kind == "ego")
        egos = [cid for cid, c in self.clusters.items() if c.is_ego]
        for other in egos[1:]:  # every source's owner is the one owner
            self.union(egos[0], other, "owner")

    def _add(self, index: int, node: str, data: dict, g: nx.Graph, *, is_ego: bool) -> None:
        slugs = set()
        if node.startswith("li:"):
            slugs.add(node[3:])
        if data.get("linkedin_url"):
            slug = linkedin_slug(data["linkedin_url"])
            if slug:
                slugs.add(slug)
        emails = _split(data.get("emails"))
        if node.startswith("mail:"):
            emails.add(node[5:])
        orgs = {
            n
            for n in g[node]
            if g.nodes[n].get("kind") == "organisation" and g.edges[node, n].get("current", True)
        }
        name = data.get("name") or (node[5:].split("#")[0] if node.startswith("name:") else "")
        cid = len(self.clusters)
        self.clusters[cid] = _Cluster(
            [(index, node)],
            slugs,
            emails,
            orgs if not is_ego else set(),
            {index},
            [name] if name else [],
            is_ego=is_ego,
        )
        self.owner[index, node] = cid

    def union(self, a: int, b: int, rule: str) -> int:
        if a == b:
            return a
        keep, gone = (a, b) if a < b else (b, a)
        ca, cb = self.clusters[keep], self.clusters.pop(gone)
        ca.records += cb.records
        ca.slugs |= cb.slugs
        ca.emails |= cb.emails
        ca.organisations |= cb.organisations
        ca.graphs |= cb.graphs
        ca.names += cb.names
        ca.rules |= cb.rules | {rule}
        ca.is_ego = ca.is_ego or cb.is_ego
        for record in cb.records:
            self.owner[record] = keep
        return keep

    def doubt(self, a: int, b: int, reason: str) -> None:
        first_a, first_b = sorted((self.clusters[a].records[0], self.clusters[b].records[0]))
        self.doubts.setdefault((first_a, first_b), reason)

    def by_key(self, key: str, rule: str) -> None:
        """Join clusters sharing a LinkedIn slug or an e-mail, unless profiles conflict."""
        index: dict[str, int] = {}
        for cid in sorted(self.clusters):
            cluster = self.clusters.get(cid)
            if cluster is None:
                continue
            values = cluster.slugs if key == "slug" else cluster.emails
            if key == "email" and cluster.emails & self.ego_emails and not cluster.is_ego:
                ego = next((c for c, cl in self.clusters.items() if cl.is_ego), None)
                if ego is not None:
                    cid = self.union(ego, cid, "the owner's own e-mail")
                    cluster = self.clusters[cid]
            for value in sorted(values):
                other = index.get(value)
                if other is not None and other in self.clusters and other != cid:
                    target = self.clusters[other]
                    if (
                        key == "email"
                        and cluster.slugs
                        and target.slugs
                        and (cluster.slugs != target.slugs)
                    ):
                        self.doubt(
                            other,
                            cid,
                            f"share the e-mail {value} but have different LinkedIn profiles",
                        )
                        continue
                    cid = self.union(other, cid, rule)
                    cluster = self.clusters[cid]
                index[value] = cid

    def by_name(self) -> None:
        """Join clusters with the same normalised name when nothing conflicts and the
        match is unambiguous."""
        groups: dict[str, list[int]] = defaultdict(list)
        for cid, cluster in sorted(self.clusters.items()):
            keys = {name_key(n) for n in cluster.names} - {""}
            for key in sorted(keys):
                if len(key.split()) >= 2 and not any(len(w) == 1 for w in key.split()):
                    groups[key].append(cid)
        for key in sorted(groups):
            members = [c for c in dict.fromkeys(groups[key]) if c in self.clusters]
            members.sort(key=lambda c: self._strength(c), reverse=True)
            self._assign(members, "same name")

    def _strength(self, cid: int) -> tuple[int, int, int]:
        c = self.clusters[cid]
        return (int(c.is_ego), len(c.slugs), len(c.emails) + len(c.organisations))

    def _assign(self, members: list[int], rule: str) -> None:
        """Merge each cluster into the one earlier cluster it fits; list the doubts.

        Two LinkedIn profiles, or two people one source lists apart, are known to be
        different people: no doubt is recorded between them. A same-name pair kept
        apart only by different e-mails or organisations is a possible duplicate, and
        so is a record that fits several people.
        """
        groups: list[int] = []
        for cid in members:
            if cid not in self.clusters:
                continue
            candidates = [g for g in groups if g in self.clusters and g != cid]
            fits = [g for g in candidates if not _conflict(self.clusters[g], self.clusters[cid])]
            if len(fits) > 1:
                for g in fits:
                    self.doubt(g, cid, f"{rule}: could be any of {len(fits)} people")
            if len(fits) == 1:
                cid = self.union(fits[0], cid, rule)
                groups = [g for g in groups if g in self.clusters]
            else:
                groups.append(cid)
            for g in candidates:
                if g in self.clusters and g != cid:
                    reason = _conflict(self.clusters[g], self.clusters[cid])
                    if reason in _DOUBTFUL:
                        self.doubt(g, cid, f"same name but {reason}")

    def by_initials(self) -> None:
        """Join "M. Rossi" to the one "Mario Rossi" it can be."""
        full: dict[str, list[int]] = defaultdict(list)
        for cid, cluster in sorted(self.clusters.items()):
            for name in cluster.names:
                words = name_tokens(name)
                if len(words) >= 2 and all(len(w) > 1 for w in words):
                    for w in words:
                        full[w].append(cid)
        for cid in sorted(self.clusters):
            cluster = self.clusters.get(cid)
            if cluster is None:
                continue
            for name in cluster.names:
                words = name_tokens(name)
                initials = [w for w in words if len(w) == 1]
                rest = [w for w in words if len(w) > 1]
                if not initials or not rest:
                    continue
                pool = set.intersection(*(set(full.get(w, ())) for w in rest))
                fits = sorted(
                    other
                    for other in pool
                    if other in self.clusters
                    and other != cid
                    and any(
                        _initials_fit(initials, rest, name_tokens(n))
                        for n in self.clusters[other].names
                    )
                    and not _conflict(self.clusters[other], self.clusters[cid])
                )
                if len(fits) == 1:
                    self.union(fits[0], cid, "initial of the same name")
                    break
                for other in fits:
                    self.doubt(other, cid, "an initial that fits several people")

    def by_fuzzy_name(self) -> None:
        """Join near-identical names (a typo) at the same organisation, nothing conflicting."""
        by_org: dict[str, list[int]] = defaultdict(list)
        for cid, cluster in sorted(self.clusters.items()):
            for org in sorted(cluster.organisations):
                by_org[org].append(cid)
        for org in sorted(by_org):
            people = [c for c in by_org[org] if c in self.clusters]
            # two LinkedIn profiles always conflict: compare only pairs where one has none
            loose = [c for c in people if not self.clusters[c].slugs]
            for a in loose:
                for b in people:
                    if a == b or a not in self.clusters or b not in self.clusters:
                        continue
                    ca, cb = self.clusters[a], self.clusters[b]
                    if _similar(ca.names, cb.names) and not _conflict(ca, cb):
                        self.union(b, a, "near-identical name at the same organisation")


def _similar(names_a: list[str], names_b: list[str]) -> bool:
    """True when two names differ by a typo: difflib ratio in [FUZZY_RATIO, 1)."""
    for x in {name_key(n) for n in names_a}:
        for y in {name_key(n) for n in names_b}:
            if x == y or not x or not y:
                continue
            matcher = SequenceMatcher(None, x, y)
            if (
                matcher.real_quick_ratio() >= FUZZY_RATIO
                and matcher.quick_ratio() >= FUZZY_RATIO
                and matcher.ratio() >= FUZZY_RATIO
            ):
                return True
    return False


def _initials_fit(initials: list[str], rest: list[str], full: tuple[str, ...]) -> bool:
    remaining = list(full)
    for word in rest:
        if word not in remaining:
            return False
        remaining.remove(word)
    for initial in initials:
        match = next((w for w in remaining if w.startswith(initial)), None)
        if match is None:
            return False
        remaining.remove(match)
    return not remaining


def _split(value: object) -> set[str]:
    return {v.strip().casefold() for v in str(value or "").split(";") if v.strip()}


def _canonical(cluster: _Cluster) -> str:
    if cluster.is_ego:
        return EGO_ID
    ids = [node for _, node in cluster.records]
    for prefix in ("li:", "mail:", "name:"):
        chosen = next((i for i in ids if i.startswith(prefix)), None)
        if chosen:
            return chosen
    if cluster.slugs:
        return f"li:{min(cluster.slugs)}"
    if cluster.emails:
        return f"mail:{min(cluster.emails)}"
    return ids[0]


def merge_with_report(*graphs: nx.Graph) -> tuple[nx.Graph, MergeReport]:
    """Merge networks into one, with one node per real person, and say what was merged.

    Records are joined, in this order, on: the same LinkedIn profile; a shared
    e-mail (the owner's own addresses join the owner); the same normalised name
    (case, accents, punctuation, credentials and word order ignored) when nothing
    conflicts; an initial ("M. Rossi") that fits exactly one full name; a
    near-identical name (difflib ratio >= 0.9) at the same organisation. A conflict is
    two different LinkedIn profiles, e-mail sets with nothing in common, different
    current organisations, or two records one source lists as two people. A name that
    fits several people is not merged; such pairs are listed as possible duplicates.

    Parameters
    ----------
    *graphs : networkx.Graph
        Networks in netkit's schema (from any readers), in order of precedence: for a
        descriptive attribute the first source that has it wins; counts add up;
        ``sources`` and ``channels`` unite.

    Returns
    -------
    G : networkx.Graph
    report : MergeReport

    Examples
    --------
    >>> import networkx as nx
    >>> from netkit.build import NetworkBuilder
    >>> a = NetworkBuilder("linkedin-connections")
    >>> a.tie(a.person("li:mario-rossi-1", name="Mario Rossi"), channel="linkedin")
    >>> b = NetworkBuilder("vcard")
    >>> b.tie(b.person("mail:m.rossi@example.com", name="Rossi Mario",
    ...                emails="m.rossi@example.com"), channel="phonebook")
    >>> G, report = merge_with_report(a.graph("a"), b.graph("b"))
    >>> G.nodes["li:mario-rossi-1"]["emails"], G.edges["ego", "li:mario-rossi-1"]["channels"]
    ('m.rossi@example.com', 'linkedin;phonebook')
    >>> report.records, report.people, str(report.merges[0])
    (2, 1, 'li:mario-rossi-1 = li:mario-rossi-1 + mail:m.rossi@example.com (same name)')
    """
    if not graphs:
        raise ValueError("merge needs at least one graph")
    resolver = _Resolver(graphs)
    records = sum(1 for c in resolver.clusters.values() if not c.is_ego)
    resolver.by_key("slug", "same LinkedIn profile")
    resolver.by_key("email", "shared e-mail")
    resolver.by_name()
    resolver.by_initials()
    resolver.by_fuzzy_name()

    ids: dict[int, str] = {}
    taken: set[str] = set()
    for cid, cluster in sorted(resolver.clusters.items()):
        base = _canonical(cluster)
        new, n = base, 2
        while new in taken:
            new, n = f"{base.split('#')[0]}#{n}", n + 1
        taken.add(new)
        ids[cid] = new

    has_ego = any(c.is_ego for c in resolver.clusters.values())
    G = nx.Graph(netkit_schema=SCHEMA_VERSION)
    if has_ego:
        G.graph["ego"] = EGO_ID
    sources = [g.graph["sources"] for g in graphs if g.graph.get("sources")]
    if sources:
        G.graph["sources"] = ";".join(sources)
    for g in graphs:
        for key, value in g.graph.items():
            if key not in ("netkit_schema", "ego", "sources"):
                update_attrs(G.graph, {key: value})

    def target(index: int, node: str) -> str:
        cid = resolver.owner.get((index, node))
        return ids[cid] if cid is not None else node

    for index, g in enumerate(graphs):
        for node, data in g.nodes(data=True):
            new = target(index, node)
            if new not in G:
                G.add_node(new)
            update_attrs(G.nodes[new], data)
    for new in G.nodes:  # an owner merged from person records stays the owner
        if new == EGO_ID:
            G.nodes[new]["kind"] = "ego"
    for index, g in enumerate(graphs):
        for u, v, data in g.edges(data=True):
            a, b = target(index, u), target(index, v)
            if a == b:
                continue
            if not G.has_edge(a, b):
                G.add_edge(a, b)
            update_attrs(G.edges[a, b], data)

    report = MergeReport(
        records=records, people=sum(1 for c in resolver.clusters.values() if not c.is_ego)
    )
    for cid, cluster in sorted(resolver.clusters.items(), key=lambda item: ids[item[0]]):
        labels = tuple(dict.fromkeys(node for _, node in cluster.records))
        if len(labels) > 1 and not cluster.is_ego:  # one id from several sources is no merge
            report.merges.append(Merge(ids[cid], labels, tuple(sorted(cluster.rules))))
    pairs: dict[tuple[str, str], str] = {}
    for (first, second), reason in resolver.doubts.items():
        a, b = ids[resolver.owner[first]], ids[resolver.owner[second]]
        if a != b:
            pairs.setdefault((min(a, b), max(a, b)), reason)
    report.possible_duplicates = [
        PossibleDuplicate(a, b, reason) for (a, b), reason in sorted(pairs.items())
    ]
    return G, report


def merge(*graphs: nx.Graph) -> nx.Graph:
    """Merge networks into one with one node per real person (see
    :func:`merge_with_report`, which also says what was merged)."""
    return merge_with_report(*graphs)[0]
