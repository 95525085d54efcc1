"""Enrichment: function, seniority, sector and territory of every contact, in IT and EN.

Examples
--------
>>> from netkit.enrich import classify_title, classify_organisation, resolve_place
>>> title = classify_title("Resp. Amministrazione e Finanza")
>>> title.function, title.seniority
('finance', 'manager')
>>> classify_organisation("Enel Green Power S.p.A.").sector
'renewable-energy'
>>> resolve_place("Torino Area, Italy").region
'Piemonte'
"""

from __future__ import annotations

from netkit.enrich.annotate import (
    ENRICHED_KEYS,
    annotate_enrichment,
    enrich,
    enrichment_coverage,
)
from netkit.enrich.overrides import (
    OrganisationOverride,
    Overrides,
    PersonOverride,
    load_overrides,
    unmatched_overrides,
)
from netkit.enrich.places import Place, resolve_place
from netkit.enrich.sectors import (
    KnownOrganisation,
    SectorClass,
    classify_organisation,
    known_organisation,
)
from netkit.enrich.target import Target, resolve_target
from netkit.enrich.taxonomy import FUNCTIONS, SECTORS, SENIORITY, seniority_rank
from netkit.enrich.titles import TitleClass, classify_title
from netkit.errors import UnknownTerm

__all__ = [
    "ENRICHED_KEYS",
    "FUNCTIONS",
    "SECTORS",
    "SENIORITY",
    "KnownOrganisation",
    "OrganisationOverride",
    "Overrides",
    "PersonOverride",
    "Place",
    "SectorClass",
    "Target",
    "TitleClass",
    "UnknownTerm",
    "annotate_enrichment",
    "classify_organisation",
    "classify_title",
    "enrich",
    "enrichment_coverage",
    "known_organisation",
    "load_overrides",
    "resolve_place",
    "resolve_target",
    "seniority_rank",
    "unmatched_overrides",
]
