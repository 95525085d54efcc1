"""Analysers: pure functions from a network to documented tables.

Tie strength and classes (:func:`ties`, :func:`maintenance`), what changed between
two imports (:func:`diff`), clusters (:func:`clusters`, :func:`cluster_summary`),
bridges and brokers (:func:`bridges`), the shape of the network (:func:`shape`) and
the ranking of bridge contacts toward a target (:func:`target`).

Examples
--------
>>> import netkit as nk
>>> G = nk.pipeline.import_network(["data/Connections.csv"]).graph  # doctest: +SKIP
>>> nk.analyse.target(G, sector="renewable energy").ranking.head()  # doctest: +SKIP
"""

from __future__ import annotations

from netkit.analyse.bridges import bridges
from netkit.analyse.clusters import cluster_summary, clusters
from netkit.analyse.diff import diff
from netkit.analyse.shape import shape
from netkit.analyse.target import target
from netkit.analyse.ties import maintenance, ties

__all__ = [
    "bridges",
    "cluster_summary",
    "clusters",
    "diff",
    "maintenance",
    "shape",
    "target",
    "ties",
]
