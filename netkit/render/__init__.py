"""Maps and exports of a network: the static map, the interactive map, files for other tools.

matplotlib is imported only when a map is drawn, so ``import netkit.render`` stays light.
"""

from __future__ import annotations

from netkit.render.export import EXPORT_FORMATS, export
from netkit.render.interactive import interactive_map
from netkit.render.layout import cluster_layout
from netkit.render.report import report
from netkit.render.static import static_map

__all__ = [
    "EXPORT_FORMATS",
    "cluster_layout",
    "export",
    "interactive_map",
    "report",
    "static_map",
]
