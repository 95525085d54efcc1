"""Exports for other tools: GraphML, GEXF for Gephi, and CSV tables for a spreadsheet."""

from __future__ import annotations

import csv
import math
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from netkit.render import _style
from netkit.render._style import people_table

__all__ = ["EXPORT_FORMATS", "export", "neutralise_formula"]

#: The characters that make a spreadsheet read a cell as a formula (OWASP, "CSV
#: Injection": ``=``, ``+``, ``-``, ``@``, tab and carriage return).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

PEOPLE_CSV_COLUMNS = (
    "id",
    "name",
    "company",
    "position",
    "sector",
    "function",
    "seniority",
    "territory",
    "cluster",
    "cluster_label",
    "strength",
    "tie_class",
    "betweenness",
)
TIES_CSV_COLUMNS = (
    "source",
    "source_name",
    "target",
    "target_name",
    "kind",
    "count",
    "weight",
    "last_contact",
)


def export(
    G: nx.Graph,
    path: str | os.PathLike[str],
    *,
    clusters: Any = None,
    ties: Any = None,
    bridges: Any = None,
    seed: int = 0,
) -> Path:
    """Write the network for another tool, chosen by the file's suffix.

    - ``.graphml``: netkit's native file (:func:`netkit.io.write_graphml`) with each
      contact's ``cluster``, ``cluster_label``, ``betweenness`` and, when known,
      ``strength`` and ``tie_class`` added as node attributes (yEd, Cytoscape, Gephi).
    - ``.gexf``: GEXF 1.3 for Gephi: every node and edge attribute typed, each
      contact's cluster, its name, tie strength, tie class and betweenness, the
      cluster's colour as ``viz:color``, and positions from
      :func:`netkit.render.cluster_layout` as ``viz:position``.
    - ``.csv``: two tables safe to open in a spreadsheet: ``<name>.csv``, one row per
      contact (columns ``id``, ``name``, ``company``, ``position``, ``sector``,
      ``function``, ``seniority``, ``territory``, ``cluster``, ``cluster_label``,
      ``strength``, ``tie_class``, ``betweenness``), and ``<name>-ties.csv``, one row
      per observed or declared tie between contacts (``source``, ``source_name``,
      ``target``, ``target_name``, ``kind``, ``count``, ``weight``, ``last_contact``).
      UTF-8 with a byte-order mark so that Excel reads accents; any text cell
      starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
      leading apostrophe so that no spreadsheet runs it as a formula.

    Parameters
    ----------
    G : networkx.Graph
        A netkit network.
    path : str or path
        The file to write (its folder must exist); for CSV, the people table.
    clusters, ties, bridges : DataFrame or Mapping, optional
        The analysers' tables, computed when None (see
        :func:`netkit.render._style.people_table`).
    seed : int
        Seed of the clustering fallback and of the layout.

    Returns
    -------
    pathlib.Path
        The file written (for CSV the people table; the ties table is beside it).

    Raises
    ------
    ValueError
        For a suffix other than ``.graphml``, ``.gexf`` or ``.csv``.
    netkit.SchemaError
        When ``G`` does not follow netkit's schema (GraphML).

    Examples
    --------
    >>> import tempfile
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego", name="Ada")
    >>> G.add_node("li:b", kind="person", name="=1+1"); G.add_edge("ego", "li:b")
    >>> out = export(G, tempfile.mkdtemp() + "/net.csv", clusters={}, ties={}, bridges={})
    >>> out.read_text(encoding="utf-8-sig").splitlines()[1]
    "li:b,'=1+1,,,,,,,-1,Not connected to others,,,0.0"

    Notes
    -----
    GEXF is written line by line (like netkit's GraphML writer), so 30,000 contacts take
    a few seconds plus the layout. Characters XML 1.0 forbids (control characters) are
    replaced by U+FFFD in GEXF, and infinite or NaN numbers are left out of it (readers
    spell them differently).

    References
    ----------
    OWASP Foundation, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection
    """
    path = Path(path)
    suffix = path.suffix.lower()
    writer = _WRITERS.get(suffix)
    if writer is None:
        raise ValueError(
            f"cannot export as {suffix or 'a file without suffix'}: "
            f"use one of {', '.join(EXPORT_FORMATS)}"
        )
    people = people_table(G, clusters=clusters, ties=ties, bridges=bridges, seed=seed)
    return writer(G, path, people, seed)


def neutralise_formula(value: str) -> str:
    """``value`` made inert for a spreadsheet: a leading apostrophe before a formula start.

    Examples
    --------
    >>> neutralise_formula("=HYPERLINK(\\"http://x\\")"), neutralise_formula("Ada")
    ('\\'=HYPERLINK("http://x")', 'Ada')
    """
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


# --------------------------------------------------------------------------------------
# GraphML


def _graphml(G: nx.Graph, path: Path, people: Any, seed: int) -> Path:
    from netkit.io import write_graphml

    H = G.copy()
    for row in people.itertuples(index=False):
        data = H.nodes[row.person]
        data["cluster"] = int(row.cluster)
        data["cluster_label"] = str(row.cluster_label)
        data["betweenness"] = float(row.betweenness)
        if not math.isnan(row.strength):
            data["strength"] = float(row.strength)
        if row.tie_class != "unknown":
            data["tie_class"] = str(row.tie_class)
    return write_graphml(H, path)


# --------------------------------------------------------------------------------------
# GEXF 1.3

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_WHITESPACE = re.compile(r"[\t\n\r ]+")


def _xml(value: object) -> str:
    """An XML attribute value: escaped, with characters XML 1.0 forbids replaced."""
    text = _NOT_XML.sub("\ufffd", str(value)).translate(_XML_ESCAPES)
    # tabs and line breaks in attributes would be normalised to spaces by parsers
    return text.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")


def _token(value: object) -> str:
    """A value for an ``xsd:token`` attribute (GEXF labels): single spaces, no line breaks."""
    return _WHITESPACE.sub(" ", _NOT_XML.sub("\ufffd", str(value))).strip()


def _gexf_ids(items: list[object]) -> dict[object, str]:
    """Each item's GEXF id, escaped, with distinct items keeping distinct ids.

    Characters XML 1.0 forbids become U+FFFD, so two ids that differ only in such
    characters would meet (and an edge would land on the wrong node): the second of
    them gets ``#2`` (``#3``…), as an import keeps two people apart. Ids without such
    characters are written as they are.
    """
    ids = {item: str(item) for item in items if not _NOT_XML.search(str(item))}
    taken = set(ids.values())
    for item in items:
        if item in ids:
            continue
        base = candidate = _NOT_XML.sub("\ufffd", str(item))
        number = 1
        while candidate in taken:
            number += 1
            candidate = f"{base}#{number}"
        ids[item] = candidate
        taken.add(candidate)
    return {item: _xml(text) for item, text in ids.items()}


def _gexf_type(values: list[object]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _finite(record: dict[str, object]) -> dict[str, object]:
    """The record without infinite or NaN numbers: GEXF readers disagree on how to spell
    them (XML Schema's ``INF`` reads as NaN in Gephi Lite's parser, Java's ``Infinity``
    is not valid XML Schema), so such a value is left out, as a missing one is."""
    return {
        key: value
        for key, value in record.items()
        if not (isinstance(value, float) and not math.isfinite(value))
    }


def _gexf_value(value: object, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        number = float(value)  # type: ignore[arg-type]
        return (
            repr(number)
            if math.isfinite(number)
            else ("NaN" if math.isnan(number) else ("INF" if number > 0 else "-INF"))
        )
    return _xml(value)


def _declare(records: list[dict[str, object]]) -> dict[str, str]:
    """Attribute name -> GEXF type over all records, in sorted name order."""
    seen: dict[str, list[object]] = {}
    for record in records:
        for key, value in record.items():
            seen.setdefault(key, []).append(value)
    return {key: _gexf_type(values) for key, values in sorted(seen.items())}


def _gexf_lines(G: nx.Graph, people: Any, seed: int) -> Iterator[str]:
    from netkit.analyse import _views
    from netkit.render.layout import cluster_layout

    pos = cluster_layout(G, people, seed=seed)
    colours = _style.cluster_colours(people["cluster"].tolist())
    rows = {row.person: row for row in people.itertuples(index=False)}
    nodes = sorted(G.nodes, key=str)

    node_records: list[dict[str, object]] = []
    for node in nodes:
        record = {k: v for k, v in G.nodes[node].items() if k != "label"}
        row = rows.get(node)
        if row is not None:
            record["cluster"] = int(row.cluster)
            record["cluster_label"] = str(row.cluster_label)
            record["betweenness"] = float(row.betweenness)
            if not math.isnan(row.strength):
                record["strength"] = float(row.strength)
            if row.tie_class != "unknown":
                record["tie_class"] = str(row.tie_class)
        node_records.append(record)
    node_records = [_finite(record) for record in node_records]
    node_types = _declare(node_records)
    if "cluster" in node_types:
        node_types["cluster"] = "integer"

    P = _views.people_graph(G)
    ego = G.graph.get("ego")
    edges = sorted((tuple(sorted((str(u), str(v)))) for u, v in G.edges()), key=lambda e: e)
    edge_records: list[dict[str, object]] = []
    for u, v in edges:
        record = dict(G.edges[u, v])
        if ego in (u, v):
            record["relation"] = "owner"
        elif record.get("kind") == "member_of":
            record["relation"] = "member_of"
        else:
            record["relation"] = "tie"
        record.pop("weight", None)  # written as the edge's own weight
        edge_records.append(record)
    edge_records = [_finite(record) for record in edge_records]
    edge_types = _declare(edge_records)
    node_ids = _gexf_ids(nodes)
    attribute_ids = {"node": _gexf_ids(list(node_types)), "edge": _gexf_ids(list(edge_types))}

    day = _views.data_date(G)
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{GEXF_NS} {GEXF_NS}/gexf.xsd" version="1.3">\n'
    )
    yield f'  <meta lastmodifieddate="{day.isoformat()}">\n' if day else "  <meta>\n"
    yield "    <creator>netkit</creator>\n"
    yield "    <description>A professional network exported by netkit</description>\n"
    yield "  </meta>\n"
    yield '  <graph defaultedgetype="undirected" mode="static">\n'
    for kind, types in (("node", node_types), ("edge", edge_types)):
        yield f'    <attributes class="{kind}" mode="static">\n'
        for key, gexf_type in types.items():
            name = attribute_ids[kind][key]
            yield f'      <attribute id="{name}" title="{name}" type="{gexf_type}"/>\n'
        yield "    </attributes>\n"

    yield f'    <nodes count="{len(nodes)}">\n'
    for node, record in zip(nodes, node_records, strict=True):
        data = G.nodes[node]
        label = _token(data.get("name", node)) or _token(node) or "?"
        yield f'      <node id="{node_ids[node]}" label="{_xml(label)}">\n'
        if record:
            yield "        <attvalues>\n"
            for key in sorted(record):
                value = _gexf_value(record[key], node_types[key])
                yield f'          <attvalue for="{attribute_ids["node"][key]}" value="{value}"/>\n'
            yield "        </attvalues>\n"
        kind = data.get("kind")
        row = rows.get(node)
        if kind == "ego":
            colour, size = _style.OWNER_COLOUR, 20.0
        elif kind == "organisation":
            colour, size = _style.ORGANISATION_COLOUR, 6.0
        else:
            colour = colours[int(row.cluster)] if row is not None else _style.NOT_CONNECTED_COLOUR
            strength = row.strength if row is not None else math.nan
            size = 4.0 + (0.0 if math.isnan(strength) else 12.0 * float(strength))
        r, g, b = _style.hex_to_rgb(colour)
        yield f'        <viz:color r="{r}" g="{g}" b="{b}" a="1.0"/>\n'
        if node in pos:
            x, y = pos[node]
            yield f'        <viz:position x="{x * 10:.3f}" y="{y * 10:.3f}" z="0.0"/>\n'
        yield f'        <viz:size value="{size:.2f}"/>\n'
        yield "      </node>\n"
    yield "    </nodes>\n"

    yield f'    <edges count="{len(edges)}">\n'
    for number, ((u, v), record) in enumerate(zip(edges, edge_records, strict=True)):
        if P.has_edge(u, v):
            weight = float(P.edges[u, v]["weight"])
        else:
            weight = _positive(G.edges[u, v].get("weight"), 1.0)
        yield (
            f'      <edge id="{number}" source="{node_ids[u]}" target="{node_ids[v]}" '
            f'weight="{weight!r}">\n'
        )
        yield "        <attvalues>\n"
        for key in sorted(record):
            value = _gexf_value(record[key], edge_types[key])
            yield f'          <attvalue for="{attribute_ids["edge"][key]}" value="{value}"/>\n'
        yield "        </attvalues>\n"
        yield "      </edge>\n"
    yield "    </edges>\n"
    yield "  </graph>\n"
    yield "</gexf>\n"


def _positive(value: object, default: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) and number > 0 else default


def _gexf(G: nx.Graph, path: Path, people: Any, seed: int) -> Path:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(_gexf_lines(G, people, seed))
    return path


# --------------------------------------------------------------------------------------
# CSV


def _cell(value: object) -> object:
    """A CSV cell: numbers as numbers, text made formula-safe, unknown empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    return neutralise_formula(str(value))


def _csv(G: nx.Graph, path: Path, people: Any, seed: int) -> Path:
    from netkit.analyse import _views

    ties_path = path.with_name(f"{path.stem}-ties{path.suffix}")
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(PEOPLE_CSV_COLUMNS)
        for row in people.itertuples(index=False):
            data = G.nodes[row.person]
            out.writerow(
                _cell(value)
                for value in (
                    row.person,
                    row.name,
                    data.get("company"),
                    data.get("position"),
                    data.get("sector"),
                    data.get("function"),
                    data.get("seniority"),
                    data.get("territory"),
                    int(row.cluster),
                    row.cluster_label,
                    float(row.strength),
                    "" if row.tie_class == "unknown" else row.tie_class,
                    float(row.betweenness),
                )
            )
    P = _views.people_graph(G)
    names = dict(zip(people["person"], people["name"], strict=True))
    with ties_path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(TIES_CSV_COLUMNS)
        for u, v in sorted(tuple(sorted(edge)) for edge in P.edges()):
            data = G.edges[u, v]
            out.writerow(
                _cell(value)
                for value in (
                    u,
                    names.get(u, u),
                    v,
                    names.get(v, v),
                    data.get("kind"),
                    data.get("count"),
                    float(P.edges[u, v]["weight"]),
                    data.get("last_contact"),
                )
            )
    return path


_WRITERS: dict[str, Callable[[nx.Graph, Path, Any, int], Path]] = {
    ".graphml": _graphml,
    ".gexf": _gexf,
    ".csv": _csv,
}
#: File suffixes :func:`export` writes.
EXPORT_FORMATS = tuple(_WRITERS)
