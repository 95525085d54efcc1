"""Networking targets planted in the sample world, with their best bridges (ground truth).

Each planted target is given twice: as the options a user would type
(``netkit target --sector … --role … --territory …``) and as the world's own facts (which
organisations form the sector, which function, which cities form the territory). The best
bridges follow from the world's planted facts alone, by :data:`BEST_BRIDGE_RULE`; the
ranking of :func:`netkit.analyse.target.target` must find them from the exported files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from netkit.schema import person_id

if TYPE_CHECKING:
    from netkit.sample.world import SamplePerson, World

__all__ = [
    "BEST_BRIDGE_RULE",
    "ONCE_STRONG_MESSAGES",
    "PLANTED_TARGETS",
    "PlantedTarget",
    "target_truth",
]

#: A dormant tie counts as once strong after this many messages (both ways, all channels).
ONCE_STRONG_MESSAGES = 15
#: Above this many qualifying contacts, only those who know another insider are "best".
BEST_BRIDGES_AT_MOST = 10

BEST_BRIDGE_RULE = (
    "A best bridge is a contact who (1) is inside the target on every dimension it names: "
    "a current member of one of its organisations; working at an organisation of its "
    "sector; with its function; living in, or working for an organisation based in, one of "
    "the cities of its area (a city target is taken at the level of its region, a commuting "
    "area) - and (2) has a planted tie that is moderately weak (medium or weak: Rajkumar et "
    "al. 2022) or dormant after at least 15 messages (once strong, worth reviving: Levin, "
    "Walter & Murnighan 2011). When more than ten contacts qualify, the best bridges are "
    "those among them with an observed tie (observed_ties) to another contact inside the "
    "target: brokers within the target (Burt 1992). Latent ties (never in touch) never "
    "qualify. 'candidates' lists every contact passing (1) and (2); 'inside' every contact "
    "passing (1)."
)

# Cities of the sample's vocabulary by Italian region (the territory's area).
_LOMBARDIA = (
    "Bergamo",
    "Brescia",
    "Como",
    "Lecco",
    "Milano",
    "Monza",
    "Pavia",
    "San Donato Milanese",
    "Sesto San Giovanni",
    "Varese",
)
_LAZIO = ("Roma",)
# The world's electricity and gas utilities (its "energy" sector also holds oil and gas).
_UTILITIES = ("a2a", "edison", "enel", "hera", "iren", "sorgenia", "terna")
# The owner's archive: dream companies, saved jobs' companies and the followed companies
# in renewable energy (netkit.sample.archive writes them).
_OWNER_ORGANISATIONS = (
    "enel-green-power",
    "erg",
    "plenitude",
    "renantis",
    "sorgenia",
    "vestas",
    "iberdrola",
    "edp-renewables",
)


@dataclass(frozen=True)
class PlantedTarget:
    """A target a user might bring, in netkit's options and in the world's facts.

    Attributes
    ----------
    key : str
        Stable name (``"renewable-milano-hr"``).
    description : str
        What the target is, in a few words.
    options : dict or None
        Keyword arguments for :func:`netkit.analyse.target.target`; None for the owner's own
        target, read from the archive's job-seeker preferences.
    sector : str or None
        World sector label whose organisations form the target sector.
    sector_organisations : tuple of str
        Organisation keys forming the target sector instead of a label.
    organisations : tuple of str
        Target organisation keys (a contact must currently work at one).
    function : str or None
        World function.
    cities : tuple of str
        Cities forming the target territory's area.
    """

    key: str
    description: str
    options: Mapping[str, Any] | None
    sector: str | None = None
    sector_organisations: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    function: str | None = None
    cities: tuple[str, ...] = ()


#: The planted targets, in the order the tests read them.
PLANTED_TARGETS: tuple[PlantedTarget, ...] = (
    PlantedTarget(
        "renewable-milano-hr",
        "HR roles in renewable energy around Milano",
        {"sector": "renewable energy", "role": "HR", "territory": "Milano"},
        sector="renewable energy",
        function="hr",
        cities=_LOMBARDIA,
    ),
    PlantedTarget(
        "renewable",
        "renewable energy, anywhere, any role",
        {"sector": "energie rinnovabili"},
        sector="renewable energy",
    ),
    PlantedTarget(
        "utilities-roma",
        "electricity and gas utilities in Roma",
        {"sector": "utilities", "territory": "Roma"},
        sector_organisations=_UTILITIES,
        cities=_LAZIO,
    ),
    PlantedTarget(
        "dream-renantis",
        "Renantis, a dream company where the owner has only never-contacted connections",
        {"organisations": ["Renantis"]},
        organisations=("renantis",),
    ),
    PlantedTarget(
        "owner-preferences",
        "the owner's own target: the archive's job-seeker preferences, dream companies, "
        "saved jobs and followed companies in renewable energy",
        None,
        sector="renewable energy",
        organisations=_OWNER_ORGANISATIONS,
        function="hr",
        cities=_LOMBARDIA,
    ),
)


def _messages(interactions: Mapping[str, Any], key: str) -> int:
    entry = interactions.get(key, {})
    return sum(
        int(entry.get(channel, {}).get(direction, 0))
        for channel in ("linkedin", "email")
        for direction in ("messages_sent", "messages_received")
    )


def _inside(world: World, person: SamplePerson, target: PlantedTarget) -> list[str]:
    """The dimensions ``person`` is inside, or [] when one named dimension fails."""
    org = world.organisation(person.organisation) if person.organisation else None
    why: list[str] = []
    if target.organisations:
        if person.organisation not in target.organisations:
            return []
        why.append(f"works at {org.name if org else person.organisation}")
    if target.sector:
        if org is None or org.sector != target.sector:
            return []
        why.append(f"in {target.sector}")
    if target.sector_organisations:
        if person.organisation not in target.sector_organisations:
            return []
        why.append(f"at a target-sector organisation ({person.organisation})")
    if target.function:
        if person.function != target.function:
            return []
        why.append(f"function {target.function}")
    if target.cities:
        if person.city in target.cities:
            why.append(f"lives in {person.city}")
        elif org is not None and org.city in target.cities:
            why.append(f"works for an organisation based in {org.city}")
        else:
            return []
    return why


def target_truth(
    world: World,
    *,
    interactions: Mapping[str, Any],
    observed: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The planted targets of ``world`` and their best bridges, as JSON-ready data.

    Parameters
    ----------
    world : World
        The sample world.
    interactions : mapping
        :func:`netkit.sample.world.interaction_truth` (message counts per person).
    observed : sequence of mapping
        :func:`netkit.sample.world.observed_ties` (person–person evidence in the files).

    Returns
    -------
    dict
        ``rule`` (:data:`BEST_BRIDGE_RULE`) and ``combinations``: one entry per planted
        target with ``key``, ``description``, ``options`` (None: the owner's own target),
        ``facts``, ``inside``, ``candidates`` (person keys), ``best_bridges`` (each with
        ``key``, ``node``, ``name``, ``organisation``, ``tie``, ``why``),
        ``organisations`` (per target organisation: ``key``, ``name``, ``members``,
        ``interacted``) and ``unreached_organisations`` (target organisations whose
        members the owner has never been in touch with).
    """
    knows: dict[str, set[str]] = {}
    for tie in observed:
        knows.setdefault(tie["a"], set()).add(tie["b"])
        knows.setdefault(tie["b"], set()).add(tie["a"])
    combinations = []
    for target in PLANTED_TARGETS:
        inside: dict[str, list[str]] = {}
        for person in world.people:
            why = _inside(world, person, target)
            if why:
                inside[person.key] = why
        candidates: dict[str, str] = {}
        for key in inside:
            person = world.person(key)
            if person.tie in ("medium", "weak"):
                candidates[key] = f"{person.tie} tie"
            elif person.tie == "dormant" and _messages(interactions, key) >= ONCE_STRONG_MESSAGES:
                candidates[key] = (
                    f"dormant tie after {_messages(interactions, key)} messages: once strong"
                )
        best = dict(candidates)
        if len(candidates) > BEST_BRIDGES_AT_MOST:
            best = {}
            for key, tie in candidates.items():
                peers = sorted(knows.get(key, set()) & set(inside))
                if peers:
                    best[key] = f"{tie}; knows {', '.join(peers)} inside the target (observed)"
        organisations = []
        for org_key in target.organisations:
            members = [p for p in world.people if p.organisation == org_key]
            organisations.append(
                {
                    "key": org_key,
                    "name": world.organisation(org_key).name,
                    "members": [p.key for p in members],
                    "interacted": [p.key for p in members if p.tie != "latent"],
                }
            )
        combinations.append(
            {
                "key": target.key,
                "description": target.description,
                "options": dict(target.options) if target.options is not None else None,
                "facts": {
                    "sector": target.sector,
                    "sector_organisations": list(target.sector_organisations),
                    "organisations": list(target.organisations),
                    "function": target.function,
                    "cities": list(target.cities),
                },
                "inside": sorted(inside),
                "candidates": sorted(candidates),
                "best_bridges": [
                    {
                        "key": key,
                        "node": person_id(slug=world.person(key).linkedin_slug),
                        "name": world.person(key).full_name,
                        "organisation": world.person(key).organisation,
                        "tie": world.person(key).tie,
                        "why": "; ".join(inside[key]) + f"; {best[key]}",
                    }
                    for key in sorted(best)
                ],
                "organisations": organisations,
                "unreached_organisations": [
                    o["key"] for o in organisations if o["members"] and not o["interacted"]
                ],
            }
        )
    return {"rule": BEST_BRIDGE_RULE, "combinations": combinations}
