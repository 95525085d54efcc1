"""Network files made elsewhere: GraphML, Gephi's GEXF and edge-list CSVs, in netkit's schema."""

from __future__ import annotations

import contextlib
import difflib
import functools
import io
import math
import re
import warnings
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal
from xml.etree.ElementTree import ParseError as XMLParseError
from xml.parsers import expat

import networkx as nx

from netkit.build import EGO_ID, NetworkBuilder, source_entry
from netkit.errors import MissingColumns, ParseError, UnknownNode, UnsupportedFormat
from netkit.io._tables import DELIMITER_NAMES, EMAIL, find_header, records, shown
from netkit.io._text import Source, Src, decode, load_source, sniff_binary
from netkit.io.report import ImportReport, RowIssue
from netkit.schema import clean_text, fold, linkedin_slug, person_id

__all__ = [
    "EDGE_LIST_FORMAT",
    "GEXF_FORMAT",
    "GRAPHML_FORMAT",
    "read_edge_list",
    "read_gexf",
    "read_graphml_network",
    "read_network_file",
    "sniff_edge_list",
    "sniff_gexf",
    "sniff_graphml",
]

GRAPHML_FORMAT = "graphml"
GEXF_FORMAT = "gexf"
EDGE_LIST_FORMAT = "edge-list"
OnBadRows = Literal["report", "error"]

_INT = re.compile(r"^-?(?:0|[1-9]\d{0,14})$")
_FLOAT = re.compile(r"^-?\d+\.\d+(?:[eE][-+]?\d+)?$")
_NOTE_LIMIT = 10


# --- sniffing ---------------------------------------------------------------------------

_GRAPHML_ROOT = re.compile(r"<(?:[\w.-]+:)?graphml\b")
_GEXF_ROOT = re.compile(r"<(?:[\w.-]+:)?gexf\b")
_NETKIT_KEY = re.compile(r"""attr\.name\s*=\s*["']netkit_schema["']""")

#: Pairs of header cells (folded, without spaces, hyphens or underscores) that name an
#: edge's two ends, first match wins.
EDGE_COLUMNS = (
    ("source", "target"),
    ("from", "to"),
    ("node1", "node2"),
    ("ego", "alter"),
    ("src", "dst"),
)


def _is_netkit_graphml(head: str) -> bool:
    return _NETKIT_KEY.search(head) is not None


def sniff_graphml(source: Source, kind: str | None, head: str) -> bool:
    """True for a GraphML file that is not a network saved by netkit.

    netkit's own files declare the graph attribute ``netkit_schema``; they are
    read by :func:`netkit.io.graphml.read_graphml` instead.

    Examples
    --------
    >>> s = Source("x.graphml", b"")
    >>> sniff_graphml(s, None, '<?xml version="1.0"?><graphml><graph/></graphml>')
    True
    >>> sniff_graphml(s, None, '<graphml><key id="d0" for="graph" '
    ...               'attr.name="netkit_schema" attr.type="long"/></graphml>')
    False
    """
    return (
        kind is None
        and _GRAPHML_ROOT.search(head[:4096]) is not None
        and not _is_netkit_graphml(head)
    )


def sniff_gexf(source: Source, kind: str | None, head: str) -> bool:
    """True for a GEXF file (Gephi's format, any version).

    Examples
    --------
    >>> sniff_gexf(Source("x.gexf", b""), None, '<gexf xmlns="http://gexf.net/1.3">')
    True
    """
    return kind is None and _GEXF_ROOT.search(head[:4096]) is not None


def _column_key(cell: str) -> str:
    return re.sub(r"[\s_\-.]+", "", fold(cell))


def _match_edge_header(cells: list[str]) -> tuple[int, int] | None:
    keys = [_column_key(cell) for cell in cells]
    for a, b in EDGE_COLUMNS:
        if keys.count(a) == 1 and keys.count(b) == 1:
            return keys.index(a), keys.index(b)
    return None


#: Header cells (as :func:`_column_key` makes them) of message and invitation logs
#: (LinkedIn's ``messages.csv`` and ``Invitations.csv`` have ``From`` and ``To``): a
#: table with one of them is left to the readers of those exports.
_MESSAGE_COLUMNS = frozenset(
    "message subject content body sentat direction conversationid folder".split()
)


def _sniff_edge_header(cells: list[str]) -> tuple[int, int] | None:
    ends = _match_edge_header(cells)
    if ends is None or sorted(ends) != [0, 1]:
        return None
    if any(_column_key(cell) in _MESSAGE_COLUMNS for cell in cells):
        return None
    return ends


def sniff_edge_list(source: Source, kind: str | None, head: str) -> bool:
    """True for a CSV whose header starts with an edge's two ends (``source,target``…).

    Sniffing is stricter than reading: the two ends must be the first two columns,
    and a table with message columns (``From,To,Sent At,Message``…) is not taken for
    an edge list. :func:`read_edge_list` finds the ends in any position.

    Examples
    --------
    >>> sniff_edge_list(Source("e.csv", b""), None, "Source,Target,Type,Weight\\n1,2,Undirected,1")
    True
    >>> sniff_edge_list(Source("e.csv", b""), None, "From,To,Sent At,Message,Direction\\nA,B,x,y,z")
    False
    """
    if kind is not None or head.lstrip().startswith("<"):
        return False
    return find_header(head, _sniff_edge_header) is not None


# --- what every format is read into ------------------------------------------------------


@dataclass(slots=True)
class _Node:
    """A node as the file gives it: its original id, line and raw attributes."""

    key: str
    line: int
    attrs: dict[str, Any]
    member: str = ""
    row: bool = True  # False for a node met only as an edge's end (not a row read)


@dataclass(slots=True)
class _Edge:
    """An edge as the file gives it, between original node ids."""

    u: str
    v: str
    line: int
    directed: bool
    weight: float | None
    attrs: dict[str, Any]


@dataclass
class _Parsed:
    nodes: list[_Node]
    edges: list[_Edge]
    declared: bool = True  # False: nodes met only in edges are expected (no node table)
    node_table: str = ""
    lines: _XmlLines | None = None  # finds an XML element's line when one is needed

    def line(self, edge: _Edge) -> int:
        """The line of ``edge`` (XML edges are looked up only when a report needs it)."""
        if edge.line or self.lines is None:
            return edge.line
        return self.lines.edge(edge.u, edge.v)

    def node_line(self, node: _Node) -> int:
        """The line of ``node`` (looked up, for XML, only when a report needs it)."""
        if node.line or self.lines is None:
            return node.line
        return self.lines.nodes.get(node.key, 1)


class _Rows:
    """Rejects, skips and notes of one import, with the ``on_bad_rows`` policy."""

    def __init__(self, report: ImportReport, on_bad_rows: str):
        if on_bad_rows not in ("report", "error"):
            raise ValueError(f"on_bad_rows must be 'report' or 'error', not {on_bad_rows!r}")
        self.report = report
        self.on_bad_rows = on_bad_rows
        self.dropped: dict[str, str] = {}
        self.joined: set[str] = set()
        self.paths: dict[str, str] = {}  # node table's base name -> its path

    def reject(self, line: int, reason: str, text: str = "", member: str = "") -> None:
        if self.on_bad_rows == "error":
            raise ParseError(reason, path=self.paths.get(member, self.report.path), line=line)
        self.report.rejected.append(RowIssue(line, reason, text, member))


# --- values ------------------------------------------------------------------------------


def _cell_value(text: str) -> str | int | float | bool | None:
    """A CSV cell as a plain value: ints, floats and true/false are converted.

    Examples
    --------
    >>> [_cell_value(c) for c in ("28", "9.333", "TRUE", "0039", " Sales ", "")]
    [28, 9.333, True, '0039', 'Sales', None]
    """
    text = clean_text(text)
    if not text:
        return None
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if text.casefold() in ("true", "false"):
        return text.casefold() == "true"
    return text


def _scalar(value: Any, key: str, rows: _Rows) -> str | int | float | bool | None:
    """A value from a network file as a schema value, or None (noted) when it has none."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return None if math.isnan(value) else float(value)
    if isinstance(value, str):
        return clean_text(value) or None
    if isinstance(value, list | tuple | set | frozenset):
        items = [_scalar(item, key, rows) for item in value]
        if all(
            isinstance(item, str | int | float) and not isinstance(item, bool) for item in items
        ):
            rows.joined.add(key)
            return ";".join(str(item) for item in items) or None
        rows.dropped.setdefault(key, "a list of structured values (e.g. values over time)")
        return None
    if isinstance(value, dict):
        why = (
            "Gephi's drawing data (position, colour, size)"
            if key == "viz"
            else "a structured value"
        )
        rows.dropped.setdefault(key, why)
        return None
    text = clean_text(str(value))  # numpy numbers and the like
    return _cell_value(text)


def _weight(value: Any, *, decimal_comma: bool = False) -> tuple[float | None, str]:
    """Read an edge weight: ``(weight, "")`` or ``(None, reason)``; no value is ``(None, "")``.

    ``decimal_comma`` reads ``2,5`` as 2.5 (tables saved by an Italian or German Excel,
    where the delimiter is a semicolon).

    Examples
    --------
    >>> _weight("2,5", decimal_comma=True), _weight(3), _weight("strong")
    ((2.5, ''), (3.0, ''), (None, "weight 'strong' is not a number"))
    """
    if value is None or value == "":
        return None, ""
    if isinstance(value, bool):
        return None, f"weight {value!r} is not a number"
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = clean_text(str(value))
        if not text:
            return None, ""
        try:
            number = float(text.replace(",", ".", 1) if decimal_comma else text)
        except ValueError:
            return None, f"weight {text!r} is not a number"
    if not math.isfinite(number):
        return None, f"weight {value!r} is not a finite number"
    return number, ""


def _count(weight: float | None) -> int:
    """Evidence count of one edge: an integer weight of 1 or more, else 1."""
    if weight is not None and weight >= 1 and float(weight).is_integer():
        return int(weight)
    return 1


# --- node attributes ---------------------------------------------------------------------

_NAME_KEYS = ("label", "name", "full name", "fullname", "display name", "nome")
_FIELDS = {
    **dict.fromkeys(("first name", "firstname", "given name"), "first_name"),
    **dict.fromkeys(("last name", "lastname", "surname", "family name", "cognome"), "last_name"),
    **dict.fromkeys(
        ("email", "e mail", "mail", "email address", "e mail address", "emails"), "email"
    ),
    **dict.fromkeys(
        ("linkedin", "linkedin url", "linkedinurl", "linkedin profile", "profile url", "url"),
        "linkedin",
    ),
    **dict.fromkeys(("title", "position", "job title", "jobtitle", "role", "ruolo"), "position"),
    **dict.fromkeys(
        ("company", "organization", "organisation", "employer", "affiliation", "azienda"),
        "company",
    ),
    **dict.fromkeys(("department", "dept", "dipartimento", "reparto"), "department"),
    **dict.fromkeys(("phone", "phones", "telephone", "tel", "telefono"), "phones"),
    **dict.fromkeys(("location", "city", "region", "country", "notes"), "same"),
    **dict.fromkeys(("type", "kind"), "type"),
    **dict.fromkeys(("id", "source id"), "quiet"),
    "pid": "parent",
    **dict.fromkeys(("sources", "channels", "aliases", "strength", "tie class"), "reserved"),
    **dict.fromkeys(("x", "y", "z", "r", "g", "b", "color", "colour", "shape type"), "drawing"),
}
_ORGANISATION_TYPES = frozenset(
    "organisation organization company org firm institution azienda organizzazione "
    "societa ente".split()
)
_PERSON_TYPES = frozenset("person persona people individual contact user human".split())


@functools.lru_cache(maxsize=4096)
def _attr_key(key: str) -> str:
    return re.sub(r"[\s_\-.]+", " ", fold(str(key))).strip()


@dataclass
class _Described:
    """A node's attributes mapped to netkit's: kind, name, identity, plain attributes."""

    organisation: bool = False
    name: str = ""
    slug: str | None = None
    emails: list[str] = field(default_factory=list)
    company: str = ""
    position: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _describe(raw: dict[str, Any], rows: _Rows) -> _Described:
    d = _Described()
    names: list[str] = []
    by_key = {_attr_key(str(k)): (k, v) for k, v in raw.items()}
    for norm in _NAME_KEYS:
        if norm in by_key:
            value = _scalar(by_key[norm][1], norm, rows)
            if value is not None and str(value) not in names:
                names.append(str(value))
    if names:
        d.name = names[0]
        if len(names) > 1:
            d.attrs["aliases"] = ";".join(names[1:])
    for norm, (key, raw_value) in by_key.items():
        if norm in _NAME_KEYS:
            continue
        role = _FIELDS.get(norm)
        value = _scalar(raw_value, str(key), rows)
        if value is None or role == "quiet":
            continue
        text = str(value)
        if role == "reserved":
            rows.dropped.setdefault(str(key), "a name netkit uses for its own data")
        elif role == "drawing":
            rows.dropped.setdefault(str(key), "drawing data (position or colour)")
        elif role == "type":
            kind = fold(text)
            if kind in _ORGANISATION_TYPES:
                d.organisation = True
            elif kind not in _PERSON_TYPES:
                d.attrs["type"] = value
        elif role == "email":
            for part in re.split(r"[;,\s]+", text):
                if EMAIL.match(part):
                    d.emails.append(part.casefold())
                elif part:
                    d.problems.append(f"email {part!r} is not an address; left out")
        elif role == "linkedin":
            slug = linkedin_slug(text)
            if slug:
                d.slug = d.slug or slug
            elif norm == "url":
                d.attrs["url"] = text
            else:
                d.problems.append(f"{key} {text!r} is not a LinkedIn profile address; left out")
        elif role == "company":
            d.company = d.company or text
        elif role == "position":
            d.position = d.position or text
        elif role == "same":
            d.attrs[norm] = value
        elif role is not None:
            d.attrs[role] = value
        else:
            d.attrs[clean_text(str(key))] = value
    return d


# --- building ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Pair:
    """What the edges between two nodes add up to."""

    directed: bool
    weight: float | None
    count: int
    attrs: dict[str, Any]
    directions: set[tuple[str, str]] = field(default_factory=set)


def _note_capped(report: ImportReport, notes: list[str]) -> None:
    report.notes.extend(notes[:_NOTE_LIMIT])
    if len(notes) > _NOTE_LIMIT:
        report.notes.append(f"… and {len(notes) - _NOTE_LIMIT} more like these")


def _node_label(node: _Node) -> str:
    for key, value in node.attrs.items():
        if _attr_key(str(key)) in _NAME_KEYS and isinstance(value, str) and clean_text(value):
            return clean_text(value)
    return node.key


def _find_ego(query: object, nodes: list[_Node], path: str) -> _Node:
    """The node ``ego=`` names: by original id, else case-insensitively by id or label."""
    text = clean_text(str(query))
    for node in nodes:
        if node.key == text:
            return node
    wanted = fold(text)
    by_id = [n for n in nodes if fold(n.key) == wanted]
    by_label = [n for n in nodes if fold(_node_label(n)) == wanted]
    matches = by_id or by_label
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = ", ".join(f"{n.key!r} ({_node_label(n)})" for n in matches[:5])
        raise UnknownNode(
            f"ego {text!r} matches {len(matches)} nodes: {listed}; name the owner by node id",
            path=path,
        )
    labels = {fold(_node_label(n)): _node_label(n) for n in nodes}
    labels.update({fold(n.key): n.key for n in nodes})
    close = [label for label in labels if wanted and wanted in label][:5]
    if len(close) < 5:
        others = [label for label in labels if label not in close]
        close += difflib.get_close_matches(wanted, others, n=5 - len(close), cutoff=0.6)
    hint = (
        "close: " + ", ".join(repr(labels[c]) for c in close)
        if close
        else "the file's nodes include " + ", ".join(repr(_node_label(n)) for n in nodes[:5])
    )
    raise UnknownNode(
        f"ego {text!r} is no node of this network (by id or label); {hint}. "
        "Pass ego= one of its node ids or labels, or leave it out to read the network whole",
        path=path,
    )


def _build(fmt: str, source: Source, parsed: _Parsed, rows: _Rows, ego: object | None) -> nx.Graph:
    report = rows.report
    nodes = list(parsed.nodes)
    known = {node.key for node in nodes}
    for edge in parsed.edges:  # ends never described: bare people
        for end in (edge.u, edge.v):
            if end not in known:
                known.add(end)
                line = parsed.line(edge)
                nodes.append(_Node(end, line, {}, row=False))
                if parsed.node_table:
                    reason = f"node {end!r} is not in the node table ({parsed.node_table})"
                elif parsed.declared:
                    reason = f"node {end!r} is used by an edge but not declared in the file"
                else:
                    continue
                report.problems.append(RowIssue(line, reason + ": added without attributes"))
    if not nodes and not report.rows_read:
        raise UnsupportedFormat(
            "holds no nodes and no edges: nothing to import; export the network again",
            path=source.name,
        )
    ego_node = _find_ego(ego, nodes, source.name) if ego is not None else None
    builder = NetworkBuilder(fmt, ego=ego_node is not None)

    ids: dict[str, str] = {}  # original id -> netkit id
    org_names: dict[str, str] = {}  # original id of an organisation node -> its name
    owners: dict[str, str] = {}  # netkit id -> original id that took it
    collisions: list[str] = []
    for node in nodes:
        d = _describe(node.attrs, rows)
        if d.problems:
            line = parsed.node_line(node)
            report.problems.extend(RowIssue(line, p, "", node.member) for p in d.problems)
        name = d.name or clean_text(node.key)
        if d.organisation:
            if node is ego_node:
                raise UnknownNode(
                    f"ego {node.key!r} is an organisation node; name a person as the owner",
                    path=source.name,
                )
            org = builder.organisation(name, source_id=node.key, **d.attrs)
            if org is None:
                if node.row:
                    report.skip("organisation node that names no organisation ('Self-employed'…)")
                continue
            ids[node.key] = org
            org_names[node.key] = name
            report.accepted += int(node.row)
            continue
        if not fold(name) and not d.slug and not d.emails:
            if node.row:
                report.skip("node without an id or a name")
            continue
        attrs = {
            "name": name,
            "emails": ";".join(dict.fromkeys(d.emails)),
            "linkedin_url": f"https://www.linkedin.com/in/{d.slug}" if d.slug else "",
            "company": d.company,
            "position": d.position,
            "source_id": node.key,
            **d.attrs,
        }
        if node is ego_node:
            builder.set_ego(**attrs)
            ids[node.key] = EGO_ID
            if d.company:
                builder.member(EGO_ID, d.company, title=d.position)
            report.accepted += int(node.row)
            continue
        pid = person_id(slug=d.slug, email=d.emails[0] if d.emails else None, name=name)
        if pid in owners:
            suffix = 2
            while f"{pid}#{suffix}" in owners:
                suffix += 1
            collisions.append(
                f"nodes {owners[pid]!r} and {node.key!r} would both be {pid!r}: kept apart, "
                f"the second as {pid}#{suffix}"
            )
            pid = f"{pid}#{suffix}"
        owners[pid] = node.key
        ids[node.key] = builder.person(pid, **attrs)
        if d.company:
            builder.member(pid, d.company, title=d.position)
        report.accepted += int(node.row)
    _note_capped(report, collisions)

    pairs: dict[tuple[str, str], _Pair] = {}
    reciprocated = 0
    for edge in parsed.edges:
        a, b = ids.get(edge.u), ids.get(edge.v)
        if edge.u == edge.v:
            report.skip("self-loop: a node tied to itself")
            continue
        if a is None or b is None:
            report.skip("edge to a node left out")
            continue
        if edge.u in org_names and edge.v in org_names:
            report.skip("tie between two organisations (netkit links organisations to people)")
            continue
        key = (a, b) if a <= b else (b, a)
        pair = pairs.get(key)
        if pair is None:
            pairs[key] = _Pair(
                edge.directed,
                edge.weight,
                _count(edge.weight),
                dict(edge.attrs),
                {(a, b)} if edge.directed else set(),
            )
            report.accepted += 1
            continue
        if (
            edge.directed
            and pair.directed
            and (b, a) in pair.directions
            and (a, b) not in pair.directions
        ):
            pair.directions.add((a, b))
            reciprocated += 1
            report.accepted += 1
        else:
            report.skip("parallel edge: the same pair again, its weight added to the first")
        if edge.weight is not None:
            pair.weight = (pair.weight or 0.0) + edge.weight
        pair.count += _count(edge.weight)
        for name, value in edge.attrs.items():
            if name == "relation" and name in pair.attrs:
                parts = str(pair.attrs[name]).split(";")
                if str(value) not in parts:
                    pair.attrs[name] = ";".join([*parts, str(value)])
            else:
                pair.attrs.setdefault(name, value)

    knows = owner_ties = memberships = 0
    organisations_by_id = {ids[k]: name for k, name in org_names.items()}
    for (a, b), pair in pairs.items():
        mutual = (len(pair.directions) == 2) if pair.directed else None
        if a in organisations_by_id or b in organisations_by_id:
            org, person = (a, b) if a in organisations_by_id else (b, a)
            builder.member(person, organisations_by_id[org])
            memberships += 1
        elif EGO_ID in (a, b) and ego_node is not None:
            other = b if a == EGO_ID else a
            builder.tie(
                other, channel="network", weight=pair.weight, reciprocated=mutual, **pair.attrs
            )
            owner_ties += 1
        else:
            builder.link(
                a,
                b,
                kind="knows",
                weight=pair.weight,
                count=pair.count,
                reciprocated=mutual,
                **pair.attrs,
            )
            knows += 1

    rejected = len(report.rejected)
    G = builder.graph(source_entry(fmt, source.name, report.rows_read, rejected))
    kinds = [kind for _, kind in G.nodes(data="kind")]
    report.contacts = kinds.count("person")
    report.organisations = kinds.count("organisation")
    report.counts["knows ties"] = knows
    if ego_node is not None:
        report.counts["owner ties"] = owner_ties
    else:
        report.notes.append(
            "no owner named: the network is read whole (pass ego= a node id or label to "
            "read it as that person's network)"
        )
    if memberships:
        report.counts["memberships"] = memberships
    if any(edge.directed for edge in parsed.edges):
        report.counts["reciprocated pairs"] = reciprocated
        report.notes.append(
            "directed ties were made undirected: a pair tied both ways is one edge with "
            "reciprocated=True and the weights of both directions added"
        )
    for key, why in sorted(rows.dropped.items()):
        report.notes.append(f"attribute {key!r} is not kept: {why}")
    for key in sorted(rows.joined):
        report.notes.append(f"attribute {key!r} held a list: its values are joined with ';'")
    return G


def _finish_report(report: ImportReport) -> ImportReport:
    if report.encoding and report.encoding not in ("utf-8", "utf-8-sig"):
        report.notes.append(f"read as {report.encoding} (not UTF-8)")
    return report


# --- GraphML and GEXF ----------------------------------------------------------------------


class _XmlLines:
    """Line numbers of ``<node>`` and ``<edge>`` elements, found with one expat pass.

    networkx does not keep where an element was; rejected edges, problems and
    undeclared nodes need it. The pass (about a second for 250,000 edges) runs
    only when one of them is asked for.
    """

    def __init__(self, data: bytes):
        self._data = data
        self._nodes: dict[str, int] = {}
        self._edges: dict[tuple[str, str], deque[int]] = {}
        self._done = False

    @property
    def nodes(self) -> dict[str, int]:
        """Original node id -> line of its first ``<node>`` element."""
        self._parse()
        return self._nodes

    def _parse(self) -> None:
        if self._done:
            return
        self._done = True
        parser = expat.ParserCreate()

        def start(tag: str, attrs: dict[str, str]) -> None:
            local = tag.rsplit(":", 1)[-1]
            if local == "node":
                self._nodes.setdefault(attrs.get("id", ""), parser.CurrentLineNumber)
            elif local == "edge":
                pair = (attrs.get("source", ""), attrs.get("target", ""))
                self._edges.setdefault(pair, deque()).append(parser.CurrentLineNumber)

        parser.StartElementHandler = start
        with contextlib.suppress(expat.ExpatError):  # networkx's parse reports it
            parser.Parse(self._data, True)

    def edge(self, u: str, v: str) -> int:
        """The line of the next ``<edge>`` between ``u`` and ``v`` (either way), else 1."""
        self._parse()
        for pair in ((u, v), (v, u)):
            lines = self._edges.get(pair)
            if lines:
                return lines.popleft() if len(lines) > 1 else lines[0]
        return 1


_EDGE_KEYS = {
    "weight": "weight",
    "id": "quiet",
    "key": "quiet",
    "kind": "relation",
    "type": "relation",
    "relation": "relation",
    "relationship": "relation",
    "layer": "relation",
    **dict.fromkeys(
        (
            "sources",
            "channels",
            "strength",
            "tie class",
            "count",
            "when",
            "first contact",
            "last contact",
            "reciprocated",
            "a",
            "b",
            "pid",
            "channel",
        ),
        "reserved",
    ),
}


def _edge_attrs(raw: dict[str, Any], rows: _Rows) -> tuple[dict[str, Any], Any]:
    """An edge's attributes kept for netkit, and its raw weight."""
    attrs: dict[str, Any] = {}
    weight = None
    for key, raw_value in raw.items():
        norm = _attr_key(str(key))
        role = _EDGE_KEYS.get(norm)
        if role == "weight":
            weight = raw_value
            continue
        if role == "quiet":
            continue
        value = _scalar(raw_value, str(key), rows)
        if value is None:
            continue
        if role == "reserved":
            rows.dropped.setdefault(str(key), "a name netkit uses for its own data")
        elif role == "relation":
            attrs["relation"] = value
        else:
            attrs[clean_text(str(key))] = value
    return attrs, weight


def _read_xml(source: Source, what: str, parse: Any, data: bytes, rows: _Rows) -> nx.Graph:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            G = parse(io.BytesIO(data))
        except XMLParseError as exc:
            line = exc.position[0] if exc.position else None
            raise ParseError(
                f"is not well-formed XML ({exc}): the file is damaged or cut short; "
                f"export the {what} again",
                path=source.name,
                line=line,
            ) from None
        except (nx.NetworkXError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            detail = str(exc) or type(exc).__name__
            raise ParseError(
                f"is not readable {what} ({detail}); export it again, or save it from Gephi "
                "as GraphML or GEXF",
                path=source.name,
            ) from None
    for warning in caught:
        rows.report.notes.append(f"{what}: {warning.message}")
    return G


def _parsed_from_networkx(G: nx.Graph, lines: _XmlLines, rows: _Rows) -> _Parsed:
    node_default = G.graph.get("node_default") or {}
    edge_default = G.graph.get("edge_default") or {}
    nodes = []
    for node, data in G.nodes(data=True):
        key = str(node)
        # networkx also makes nodes for edge ends never declared: those have no data;
        # they are left to _build, which adds them with a problem
        if not data and key not in lines.nodes:
            continue
        nodes.append(_Node(key, 0, {**node_default, **data}))  # line: looked up when needed
    edges = []
    triples: Iterable[tuple[Any, Any, dict[str, Any]]] = (
        ((u, v, d) for u, v, _, d in G.edges(keys=True, data=True))
        if G.is_multigraph()
        else G.edges(data=True)
    )
    directed = G.is_directed()
    for u, v, data in triples:
        u, v = str(u), str(v)
        attrs, raw_weight = _edge_attrs({**edge_default, **data} if edge_default else data, rows)
        weight, problem = _weight(raw_weight)
        rows.report.rows_read += 1
        if problem:
            rows.reject(lines.edge(u, v), problem, f"edge {u} – {v}")
            continue
        edges.append(_Edge(u, v, 0, directed, weight, attrs))  # line: looked up when needed
    rows.report.rows_read += len(nodes)
    return _Parsed(nodes, edges, lines=lines)


def _xml_report(source: Source, fmt: str, on_bad_rows: str) -> _Rows:
    declared = re.search(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.-]+)""", source.data[:200])
    encoding = declared.group(1).decode("ascii").casefold() if declared else "utf-8"
    report = ImportReport(path=source.name, format=fmt, encoding=encoding)
    return _Rows(report, on_bad_rows)


def _graphml_from_source(
    source: Source, *, ego: object | None, on_bad_rows: str
) -> tuple[nx.Graph, ImportReport]:
    rows = _xml_report(source, GRAPHML_FORMAT, on_bad_rows)
    head = _head(source)
    if not _GRAPHML_ROOT.search(head[:4096]):
        raise UnsupportedFormat(
            "is not GraphML (no <graphml> element at the start); save the network as GraphML "
            "or GEXF, or as an edge list with source,target columns",
            path=source.name,
        )
    if _is_netkit_graphml(head):
        raise UnsupportedFormat(
            "is a network saved by netkit; open it with netkit.read_graphml (or nk.read), "
            "which keeps it exactly as saved",
            path=source.name,
        )
    G = _read_xml(
        source,
        "GraphML",
        lambda f: nx.read_graphml(f, node_type=str, force_multigraph=True),
        source.data,
        rows,
    )
    if "netkit_schema" in G.graph:
        raise UnsupportedFormat(
            "is a network saved by netkit; open it with netkit.read_graphml (or nk.read)",
            path=source.name,
        )
    parsed = _parsed_from_networkx(G, _XmlLines(source.data), rows)
    graph = _build(GRAPHML_FORMAT, source, parsed, rows, ego)
    return graph, _finish_report(rows.report)


_GEXF_NAMESPACES = {
    "1.1": b"http://www.gexf.net/1.1draft",
    "1.2": b"http://www.gexf.net/1.2draft",
    "1.3": b"http://gexf.net/1.3",
}
_GEXF_TYPES = {
    b"short": b"integer",
    b"byte": b"integer",
    b"int": b"integer",
    b"biginteger": b"long",
    b"bigdecimal": b"double",
    b"char": b"string",
    b"date": b"string",
    b"time": b"string",
    b"datetime": b"string",
}


def _normalise_gexf(data: bytes) -> tuple[bytes, str]:
    """Make a GEXF file's namespace and attribute types ones networkx reads.

    Writers differ: ``http://www.gexf.net/1.3``, ``https://…``, no namespace at all,
    or GEXF 1.3 types (``short``, ``listdouble``…). Gephi reads them all by local
    name; networkx needs its own namespaces. Returns the bytes and a note ("" when
    nothing changed).
    """
    root = re.search(rb"<(?:[\w.-]+:)?gexf\b[^>]*>", data[:8192])
    if root is None:
        return data, ""
    tag = root.group(0)
    namespace = re.search(rb"""\bxmlns\s*=\s*["']([^"']*)["']""", tag)
    version = re.search(rb"""\bversion\s*=\s*["']([\d.]+)""", tag)
    note = ""
    if namespace is None or namespace.group(1) not in _GEXF_NAMESPACES.values():
        said = (
            (namespace.group(1) if namespace else b"")
            + b" "
            + (version.group(1) if version else b"")
        )
        number = "1.3" if b"1.3" in said else "1.1" if b"1.1" in said else "1.2"
        target = _GEXF_NAMESPACES[number]
        if namespace is None:
            fixed = tag[: len(b"<gexf")] + b' xmlns="' + target + b'"' + tag[len(b"<gexf") :]
            data = data[: root.start()] + fixed + data[root.end() :]
        else:
            data = data.replace(b'"' + namespace.group(1), b'"' + target)
            data = data.replace(b"'" + namespace.group(1), b"'" + target)
        note = f"GEXF namespace read as GEXF {number}"

    def retype(match: re.Match[bytes]) -> bytes:
        kind = match.group(2).lower()
        new = (
            b"string"
            if kind.startswith(b"list") and kind != b"liststring"
            else _GEXF_TYPES.get(kind)
        )
        return match.group(1) + new + match.group(3) if new else match.group(0)

    data = re.sub(
        rb"""(<(?:[\w.-]+:)?attribute\b[^>]*?\btype\s*=\s*["'])(\w+)(["'])""", retype, data
    )
    return data, note


def _gexf_from_source(
    source: Source, *, ego: object | None, on_bad_rows: str
) -> tuple[nx.Graph, ImportReport]:
    rows = _xml_report(source, GEXF_FORMAT, on_bad_rows)
    if not _GEXF_ROOT.search(_head(source)[:4096]):
        raise UnsupportedFormat(
            "is not GEXF (no <gexf> element at the start); in Gephi use File → Export → "
            "Graph file… → GEXF",
            path=source.name,
        )
    data, note = _normalise_gexf(source.data)
    if note:
        rows.report.notes.append(note)
    G = _read_xml(source, "GEXF", lambda f: nx.read_gexf(f), data, rows)
    parsed = _parsed_from_networkx(G, _XmlLines(data), rows)
    graph = _build(GEXF_FORMAT, source, parsed, rows, ego)
    return graph, _finish_report(rows.report)


# --- edge lists ----------------------------------------------------------------------------

_NODE_ID_KEYS = ("id", "nodeid", "node")


def _match_node_header(cells: list[str]) -> int | None:
    keys = [_column_key(cell) for cell in cells]
    for name in _NODE_ID_KEYS:
        if keys.count(name) == 1:
            return keys.index(name)
    return None


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1] or name


def _node_table(src: Src, rows: _Rows) -> tuple[list[_Node], str]:
    source = load_source(src)
    sniff_binary(source)
    text, _ = decode(source)
    found = find_header(text, _match_node_header)
    member = _base(source.name)
    rows.paths[member] = source.name
    if found is None:
        raise MissingColumns(
            "node table has no 'id' column in its first lines; it needs a header such as "
            "id,label,company,title (Gephi's node table: Id,Label,…)",
            path=source.name,
        )
    header, id_column = found, found.fields
    nodes: list[_Node] = []
    seen: dict[str, int] = {}
    width = len(header.cells)
    for line, row, broken in records(text[header.end :], header):
        rows.report.rows_read += 1
        if broken:
            rows.reject(line, broken, shown(row, header.delimiter), member)
            continue
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            rows.reject(
                line,
                f"has {len(row)} fields where the header has {width}",
                shown(row, header.delimiter),
                member,
            )
            continue
        key = clean_text(row[id_column]) if id_column < len(row) else ""
        if not key:
            rows.reject(line, "no node id", shown(row, header.delimiter), member)
            continue
        if key in seen:
            rows.report.duplicates.append(
                RowIssue(
                    line,
                    f"same node id as line {seen[key]}: counted once",
                    shown(row, header.delimiter),
                    member,
                )
            )
            continue
        seen[key] = line
        attrs = {
            cell: _cell_value(value)
            for i, (cell, value) in enumerate(zip(header.cells, row, strict=False))
            if i != id_column and cell
        }
        nodes.append(_Node(key, line, attrs, member))
    return nodes, member


def _edge_list_from_source(
    source: Source,
    *,
    ego: object | None,
    nodes: Src | None,
    directed: bool | None,
    on_bad_rows: str,
) -> tuple[nx.Graph, ImportReport]:
    text, encoding = decode(source)
    found = find_header(text, _match_edge_header)
    if found is None:
        first = clean_text(text[:200].split("\n", 1)[0])
        start = first if len(first) <= 60 else first[:59] + "…"
        raise MissingColumns(
            f"no header row naming an edge's two ends (it starts: {start!r}); an edge list "
            "starts with source,target[,weight] (or from,to / Source,Target / node1,node2)",
            path=source.name,
        )
    header = found
    source_column, target_column = found.fields
    report = ImportReport(
        path=source.name,
        format=EDGE_LIST_FORMAT,
        encoding=encoding,
        delimiter=DELIMITER_NAMES[header.delimiter],
        header_line=header.line,
    )
    rows = _Rows(report, on_bad_rows)
    table: list[_Node] = []
    member = ""
    if nodes is not None:
        table, member = _node_table(nodes, rows)
    parsed = _Parsed(table, [], declared=nodes is not None, node_table=member)
    roles = [_column_key(cell) for cell in header.cells]
    width = len(header.cells)
    has_type = "type" in roles
    directions: set[bool] = set()
    for line, row, broken in records(text[header.end :], header):
        report.rows_read += 1
        if broken:
            rows.reject(line, broken, shown(row, header.delimiter))
            continue
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            rows.reject(
                line,
                f"has {len(row)} fields where the header has {width}: a "
                f"{DELIMITER_NAMES[header.delimiter]} inside a value that is not quoted?",
                shown(row, header.delimiter),
            )
            continue
        row = row + [""] * (width - len(row))
        u, v = clean_text(row[source_column]), clean_text(row[target_column])
        if not u or not v:
            missing = " and ".join(
                header.cells[c] for c, end in ((source_column, u), (target_column, v)) if not end
            )
            rows.reject(
                line, f"no {missing}: an edge needs both ends", shown(row, header.delimiter)
            )
            continue
        raw: dict[str, Any] = {}
        edge_directed = True if directed is None else directed
        for i, (cell, role) in enumerate(zip(header.cells, roles, strict=True)):
            if i in (source_column, target_column) or not cell:
                continue
            if role == "type" and directed is None:
                kind = fold(row[i])
                if kind in ("directed", "undirected"):
                    edge_directed = kind == "directed"
                    continue
            raw[cell] = _cell_value(row[i]) if role != "weight" else row[i]
        attrs, raw_weight = _edge_attrs(raw, rows)
        weight, problem = _weight(raw_weight, decimal_comma=header.delimiter != ",")
        if problem:
            rows.reject(line, problem, shown(row, header.delimiter))
            continue
        directions.add(edge_directed)
        parsed.edges.append(_Edge(u, v, line, edge_directed, weight, attrs))
    graph = _build(EDGE_LIST_FORMAT, source, parsed, rows, ego)
    if directed is None and True in directions and not has_type:
        report.notes.append(
            "each row was read as a directed tie from its first end to its second (pass "
            "directed=False if the rows are undirected ties)"
        )
    return graph, _finish_report(report)


# --- public readers ----------------------------------------------------------------------


def _head(source: Source) -> str:
    """The start of the file as text, for sniffing (up to 256 KiB)."""
    data = source.data[: 256 * 1024]
    if len(data) == len(source.data):
        return decode(source)[0]
    for cut in range(4):  # do not split a multi-byte character
        try:
            return decode(Source(source.name, data[: len(data) - cut]))[0]
        except UnicodeError:
            continue
    return ""


def _load(src: Src) -> Source:
    source = load_source(src)
    if sniff_binary(source) == "zip":
        raise UnsupportedFormat(
            "is a zip archive; unpack it and import the network file inside", path=source.name
        )
    return source


def read_graphml_network(
    src: Src, *, ego: object | None = None, on_bad_rows: OnBadRows = "report"
) -> tuple[nx.Graph, ImportReport]:
    """Read a GraphML network made elsewhere (a survey, yEd, Gephi, networkx) into netkit's schema.

    Parameters
    ----------
    src : str, path or binary file
        A GraphML file that is not a netkit network (for those use
        :func:`netkit.io.graphml.read_graphml`).
    ego : str, optional
        The node that is the network's owner, by original id or label
        (case-insensitive); its edges become owner ties. Without it the network has
        no owner and is read whole.
    on_bad_rows : {"report", "error"}
        What to do with an edge whose weight is not a number.

    Returns
    -------
    G : networkx.Graph
    report : ImportReport
        ``rows_read`` = nodes + edges as networkx reads them (each parallel edge
        of a multigraph counts). See :func:`read_network_file` for what becomes of
        nodes and edges.

    Raises
    ------
    UnsupportedFormat
        For a file that is not GraphML, or is a network saved by netkit.
    ParseError
        For broken XML or GraphML networkx cannot read (with the line when known).
    NetkitError
        When ``ego`` names no node, or several.

    Examples
    --------
    >>> import io
    >>> data = b'''<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    ... <key id="w" for="edge" attr.name="weight" attr.type="double"/>
    ... <graph edgedefault="undirected"><node id="a"/><node id="b"/>
    ... <edge source="a" target="b"><data key="w">2</data></edge></graph></graphml>'''
    >>> G, report = read_graphml_network(io.BytesIO(data))
    >>> G.edges["name:a", "name:b"]["weight"], report.rows_read
    (2.0, 3)
    """
    return _graphml_from_source(_load(src), ego=ego, on_bad_rows=on_bad_rows)


def read_gexf(
    src: Src, *, ego: object | None = None, on_bad_rows: OnBadRows = "report"
) -> tuple[nx.Graph, ImportReport]:
    """Read a GEXF network (Gephi 0.8–0.10: GEXF 1.1, 1.2 and 1.3) into netkit's schema.

    Node labels become names; values declared by ``<attributes class="node">``
    become attributes; edge weights become ``weight`` (and ``count`` when whole);
    directed graphs are made undirected. See :func:`read_network_file`.

    Parameters
    ----------
    src : str, path or binary file
    ego : str, optional
        The owner's node, by id or label; without it the network has no owner.
    on_bad_rows : {"report", "error"}

    Returns
    -------
    G : networkx.Graph
    report : ImportReport
        ``rows_read`` = nodes + edges as networkx reads them (a ``mutual`` edge of a
        directed graph counts once per direction).

    Raises
    ------
    UnsupportedFormat, ParseError, NetkitError

    Examples
    --------
    >>> import io
    >>> data = b'''<gexf xmlns="http://gexf.net/1.3" version="1.3">
    ... <graph defaultedgetype="directed"><nodes><node id="0" label="Ada Lovelace"/>
    ... <node id="1" label="Bo Chen"/></nodes><edges><edge source="0" target="1" weight="3"/>
    ... <edge source="1" target="0"/></edges></graph></gexf>'''
    >>> G, report = read_gexf(io.BytesIO(data), ego="ada lovelace")
    >>> G.edges["ego", "name:bo chen"]["weight"], report.counts["reciprocated pairs"]
    (3.0, 1)
    """
    return _gexf_from_source(_load(src), ego=ego, on_bad_rows=on_bad_rows)


def read_edge_list(
    src: Src,
    *,
    ego: object | None = None,
    nodes: Src | None = None,
    directed: bool | None = None,
    on_bad_rows: OnBadRows = "report",
) -> tuple[nx.Graph, ImportReport]:
    """Read an edge-list CSV (with an optional node table) into netkit's schema.

    The header names the two ends: ``source,target``, ``from,to``, ``Source,Target``
    (Gephi's edge table), ``node1,node2``, ``ego,alter`` or ``src,dst``, any case,
    with commas, semicolons or tabs. A ``weight`` column gives weights (``2,5`` is
    read as 2.5 in a table separated by semicolons or tabs); Gephi's ``Type`` column
    (Directed/Undirected) gives each row's direction; other columns are kept as
    edge attributes.

    Parameters
    ----------
    src : str, path or binary file
    ego : str, optional
        The owner's node, by id or label; without it the network has no owner.
    nodes : str, path or binary file, optional
        A node table: a CSV with an ``id`` (or ``Id``) column and attributes such
        as ``label``, ``name``, ``email``, ``company``, ``title``, ``department``,
        ``type``. Numbers and true/false in it are read as numbers and booleans.
    directed : bool, optional
        Whether each row is a tie from its first end to its second. By default
        Gephi's ``Type`` column decides, else rows are read as directed (so ``a,b``
        and ``b,a`` are one reciprocated pair rather than a repeated edge).
    on_bad_rows : {"report", "error"}

    Returns
    -------
    G : networkx.Graph
    report : ImportReport
        ``rows_read`` = node-table rows + edge rows. Rejected (line and reason): a
        row without one of its ends, a weight that is not a number, a node-table
        row without an id (``member`` = the node table's file name). Duplicates: a
        node id listed twice. An edge end missing from the node table becomes a
        person without attributes, listed in ``problems``.

    Raises
    ------
    UnsupportedFormat, EncodingProblem, MissingColumns, ParseError, NetkitError

    Examples
    --------
    >>> import io
    >>> G, report = read_edge_list(io.BytesIO(b"from;to;weight\\nAda;Bo;2,5\\nBo;Ada;1"))
    >>> G.edges["name:ada", "name:bo"]["weight"], G.edges["name:ada", "name:bo"]["reciprocated"]
    (3.5, True)
    """
    return _edge_list_from_source(
        _load(src), ego=ego, nodes=nodes, directed=directed, on_bad_rows=on_bad_rows
    )


def read_network_file(
    src: Src,
    *,
    ego: object | None = None,
    nodes: Src | None = None,
    directed: bool | None = None,
    on_bad_rows: OnBadRows = "report",
) -> tuple[nx.Graph, ImportReport]:
    """Read a network made elsewhere (GraphML, GEXF or an edge-list CSV), sniffing which.

    Each node becomes a ``person`` (an ``organisation`` when its ``type``/``kind``
    says organisation, company or org). A person's id comes from a LinkedIn URL or
    e-mail attribute, else its label or name (``name:<folded>``), else its original
    id; the original id is kept as ``source_id``. Two nodes that would get one id
    are kept apart with ``#2`` (noted). Label/name become ``name``, title/position
    ``position``, company/organization ``company`` with a ``member_of`` edge; other
    plain attributes are kept; lists are ``;``-joined and structured values
    dropped, with a note.

    Each edge between people becomes a ``knows`` link with ``weight`` (a float) and
    ``count`` (the weight when it is a whole number ≥ 1, else 1). Directed inputs
    are made undirected: a pair tied both ways is one edge with
    ``reciprocated=True`` (``report.counts["reciprocated pairs"]``) and both weights
    added. Self-loops, ties between two organisations and parallel edges are
    skipped with a reason; a parallel edge's weight and count are added to the
    first. An edge between a person and an organisation node is a membership.

    With ``ego``, that node becomes the owner ``ego`` and its edges owner ties
    (channel ``network``, with ``weight``); without it the network has no owner.

    Parameters
    ----------
    src : str, path or binary file
    ego : str, optional
        The owner's node, by original id or label (case-insensitive).
    nodes : str, path or binary file, optional
        A node table for an edge list (see :func:`read_edge_list`).
    directed : bool, optional
        For edge lists only (see :func:`read_edge_list`).
    on_bad_rows : {"report", "error"}

    Returns
    -------
    G : networkx.Graph
    report : ImportReport
        ``rows_read`` = nodes + edges read; ``report.format`` says which format.

    Raises
    ------
    UnsupportedFormat
        For a file that is none of the three (or netkit's own GraphML).
    EncodingProblem, MissingColumns, ParseError
    NetkitError
        When ``ego`` names no node (listing close labels) or several.

    Examples
    --------
    >>> import io
    >>> G, report = read_network_file(io.BytesIO(b"source,target\\n1,2\\n2,3\\n3,3"))
    >>> report.format, sorted(G.nodes), report.skipped
    ('edge-list', ['name:1', 'name:2', 'name:3'], {'self-loop: a node tied to itself': 1})
    """
    source = _load(src)
    head = _head(source)
    if sniff_graphml(source, None, head):
        if nodes is not None:
            raise UnsupportedFormat("is GraphML: nodes= is for edge lists only", path=source.name)
        return _graphml_from_source(source, ego=ego, on_bad_rows=on_bad_rows)
    if sniff_gexf(source, None, head):
        if nodes is not None:
            raise UnsupportedFormat("is GEXF: nodes= is for edge lists only", path=source.name)
        return _gexf_from_source(source, ego=ego, on_bad_rows=on_bad_rows)
    if sniff_edge_list(source, None, head):
        return _edge_list_from_source(
            source, ego=ego, nodes=nodes, directed=directed, on_bad_rows=on_bad_rows
        )
    if _GRAPHML_ROOT.search(head[:4096]):
        raise UnsupportedFormat(
            "is a network saved by netkit; open it with netkit.read_graphml (or nk.read)",
            path=source.name,
        )
    raise UnsupportedFormat(
        "is not a network file netkit reads: expected GraphML, GEXF (Gephi) or a CSV edge "
        "list whose header names source,target (or from,to / node1,node2)",
        path=source.name,
    )
