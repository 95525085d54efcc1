"""The import pipeline the CLI and notebooks share: read, merge, enrich."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from netkit.identity import MergeReport
from netkit.io import ImportReport, read_all
from netkit.io._text import Src

__all__ = ["ImportResult", "import_network"]


@dataclass
class ImportResult:
    """A network ready for analysis, with everything the import has to say about it."""

    graph: nx.Graph
    reports: list[ImportReport]
    identity: MergeReport | None = None
    override_reports: list[ImportReport] = field(default_factory=list)
    unmatched_overrides: list[Any] = field(default_factory=list)

    def summary(self, *, limit: int = 20) -> list[str]:
        """All the import's messages, as lines of text."""
        lines = [line for report in self.reports for line in report.summary(limit=limit)]
        if self.identity is not None:
            lines += self.identity.summary(limit=limit)
        for report in self.override_reports:
            lines += report.summary(limit=limit)
        if self.unmatched_overrides:
            lines.append(f"  overrides that match nothing ({len(self.unmatched_overrides)}):")
            lines += [f"    {issue}" for issue in self.unmatched_overrides[:limit]]
        return lines


def import_network(
    sources: Sequence[Src],
    *,
    enrich: bool = True,
    organisations: Src | None = None,
    people: Src | None = None,
    **options: Any,
) -> ImportResult:
    """Read exports (or saved networks), merge them into one network and enrich it.

    Parameters
    ----------
    sources : sequence of paths or binary files
        Any formats netkit reads, sniffed from content.
    enrich : bool
        Classify function, seniority, sector and territory (see :mod:`netkit.enrich`).
    organisations, people : path, optional
        Override files for the enrichment (see :func:`netkit.enrich.load_overrides`).
    **options
        Passed to the readers (``on_bad_rows=``, ``owner_emails=``, ``ego=``…).

    Returns
    -------
    ImportResult

    Examples
    --------
    >>> import io
    >>> data = b"First Name,Last Name,Company,Position\\nAda,L,Enel Green Power,HR Director"
    >>> result = import_network([io.BytesIO(data)])
    >>> node = result.graph.nodes["name:ada l"]
    >>> node["function"], node["seniority"], node["sector"]
    ('hr', 'director', 'renewable-energy')
    """
    G, reports, identity = read_all(list(sources), **options)
    result = ImportResult(G, reports, identity)
    if enrich or organisations or people:
        from netkit.enrich import annotate_enrichment, load_overrides, unmatched_overrides

        overrides = None
        if organisations or people:
            overrides = load_overrides(organisations, people)
            result.override_reports = list(overrides.reports)
            result.unmatched_overrides = unmatched_overrides(G, overrides)
        annotate_enrichment(G, overrides=overrides)
    return result
