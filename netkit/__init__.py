"""netkit: turn your contact exports into a map of your professional network.

Examples
--------
>>> import netkit as nk
>>> G, report = nk.read("data/Connections.csv")  # doctest: +SKIP
>>> nk.write_graphml(G, "network.graphml")  # doctest: +SKIP
"""

from __future__ import annotations

from netkit.errors import (
    EncodingProblem,
    MissingColumns,
    NetkitError,
    ParseError,
    SchemaError,
    UnsupportedFormat,
)
from netkit.identity import MergeReport, merge, merge_with_report
from netkit.io import (
    ImportReport,
    RowIssue,
    read,
    read_all,
    read_graphml,
    read_linkedin,
    write_graphml,
)
from netkit.schema import validate_graph
from netkit.summary import NetworkSummary, summarise

__version__ = "0.1.0"

#: Sub-packages loaded on first use, so ``import netkit`` stays light.
_LAZY = ("analyse", "enrich", "pipeline", "render", "sample")


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return importlib.import_module(f"netkit.{name}")
    raise AttributeError(f"module 'netkit' has no attribute {name!r}")


__all__ = [
    "EncodingProblem",
    "ImportReport",
    "MergeReport",
    "MissingColumns",
    "NetkitError",
    "NetworkSummary",
    "ParseError",
    "RowIssue",
    "SchemaError",
    "UnsupportedFormat",
    "__version__",
    "merge",
    "merge_with_report",
    "read",
    "read_all",
    "read_graphml",
    "read_linkedin",
    "summarise",
    "validate_graph",
    "write_graphml",
]
