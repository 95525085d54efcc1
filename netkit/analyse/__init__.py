"""Analysers: pure functions from a network to documented tables.

Tie strength and classes (:mod:`~netkit.analyse.ties`), clusters
(:mod:`~netkit.analyse.clusters`), bridges and brokers (:mod:`~netkit.analyse.bridges`),
the shape of the network (:mod:`~netkit.analyse.shape`).
"""

from __future__ import annotations

__all__: list[str] = []
