"""Write function, seniority, sector and territory, with their sources, on a network."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from netkit.enrich.overrides import Overrides
from netkit.enrich.places import Place, default_place_index
from netkit.enrich.sectors import SectorRules, default_sector_rules
from netkit.enrich.titles import TitleClass, TitleRules, default_title_rules
from netkit.schema import clean_text, organisation_key

__all__ = ["ENRICHED_KEYS", "annotate_enrichment", "enrich", "enrichment_coverage"]

#: Attributes enrichment writes (and removes again before re-enriching).
ENRICHED_KEYS = (
    "function",
    "function_source",
    "seniority",
    "seniority_source",
    "sector",
    "sector_source",
    "territory",
    "territory_source",
    "province",
)
_GEOGRAPHY = ("city", "province", "region", "country")
# Where the organisation has no own geography: its territory came from enrichment.
_DERIVED_TERRITORY = ("organisation", "organisations.csv", "override")

#: A title that names only a level ("Partner", "Associate", "Director") takes its function
#: from the organisation's sector when that sector has one profession.
SECTOR_FUNCTIONS = {
    "legal-services": "legal",
    "accounting-tax": "finance",
    "management-consulting": "consulting",
    "hr-services": "hr",
    "education": "education",
    "research": "research",
    "healthcare": "health",
}


def _clear(data: dict[str, Any]) -> None:
    source = str(data.get("territory_source", ""))
    if source.startswith(_DERIVED_TERRITORY):
        for key in _GEOGRAPHY:
            data.pop(key, None)
    for key in ENRICHED_KEYS:
        data.pop(key, None)


def _place_attrs(data: dict[str, Any], place: Place, source: str, *, raw_city: str = "") -> None:
    values = place.attrs()
    if place.city is None and raw_city:
        values["territory"] = raw_city
        source += f"; city '{raw_city}' is not in the place lists"
    data.update(values)
    data["territory_source"] = source


def _organisation_place(city: str | None, country: str | None) -> Place | None:
    if not city and not country:
        return None
    index = default_place_index()
    text = ", ".join(x for x in (city, country) if x)
    place = index.resolve(text)
    if place is not None and (not city or place.city == city):
        return place
    if city:
        return Place(city=city, country=country, region=None)
    return place


def _own_place(data: dict[str, Any]) -> tuple[Place, str, str] | None:
    index = default_place_index()
    location = clean_text(str(data.get("location", "")))
    if location:
        place = index.resolve(location)
        if place is not None:
            return place, f"location '{location}': {place.how}", ""
    parts = [clean_text(str(data.get(key, ""))) for key in ("city", "region", "country")]
    text = ", ".join(p for p in parts if p)
    if text and text != location:
        place = index.resolve(text)
        if place is not None:
            return place, f"address '{text}': {place.how}", parts[0]
    return None


def _members(G: nx.Graph, org: str) -> tuple[list[str], list[str]]:
    """Current members and all titles held at ``org`` (sorted, for determinism)."""
    current: list[str] = []
    titles: list[str] = []
    for person in G[org]:
        edge = G.edges[org, person]
        if edge.get("kind") != "member_of":
            continue
        if edge.get("current", True):
            current.append(person)
        title = clean_text(str(edge.get("title", "") or G.nodes[person].get("position", "")))
        if title:
            titles.append(title)
    return sorted(current), sorted(titles)


def _annotate_organisations(G: nx.Graph, overrides: Overrides | None, sectors: SectorRules) -> None:
    for org, data in G.nodes(data=True):
        if data.get("kind") != "organisation":
            continue
        _clear(data)
        name = clean_text(str(data.get("name", ""))) or org.partition(":")[2]
        key = organisation_key(name) or org.partition(":")[2]
        override = overrides.organisations.get(key) if overrides else None
        if override is None and overrides:
            override = overrides.organisations.get(org.partition(":")[2])
        found = sectors.classify(name)
        if found.sector is None and override is None:
            _, titles = _members(G, org)
            if titles:
                found = sectors.classify(name, tuple(titles))
        if override is not None and override.sector:
            data["sector"] = override.sector
            data["sector_source"] = override.source
        elif found.sector:
            data["sector"] = found.sector
            data["sector_source"] = found.how
        if override is not None and override.territory:
            if override.place is not None:
                _place_attrs(data, override.place, override.source)
            else:
                data["territory"] = override.territory
                data["territory_source"] = override.source
            continue
        known = found.organisation or (sectors.known(name) or (None, ""))[0]
        if known is not None:
            place = _organisation_place(known.city, known.country)
            if place is not None:
                _place_attrs(data, place, f"organisations.csv: {known.name}")


def _current_organisation(G: nx.Graph, person: str, data: dict[str, Any]) -> str | None:
    current = sorted(
        o
        for o in G[person]
        if G.nodes[o].get("kind") == "organisation"
        and G.edges[person, o].get("kind") == "member_of"
        and G.edges[person, o].get("current", True)
    )
    if not current:
        return None
    company = organisation_key(str(data.get("company", "")))
    for org in current:
        if org.partition(":")[2] == company:
            return org
    with_sector = [o for o in current if "sector" in G.nodes[o]]
    return (with_sector or current)[0]


def _annotate_person(G: nx.Graph, person: str, data: dict[str, Any], titles: TitleRules) -> None:
    before = str(data.get("territory_source", ""))
    before_geography = {key: data.get(key) for key in ("territory", *_GEOGRAPHY)}
    _clear(data)
    org = _current_organisation(G, person, data)
    org_data = G.nodes[org] if org else {}
    title = clean_text(str(data.get("position", "")))
    if not title and org:
        title = clean_text(str(G.edges[person, org].get("title", "")))
    found = titles.classify(title) if title else TitleClass(None, None, "no title")
    if found.function:
        data["function"] = found.function
        data["function_source"] = f"title keyword '{found.function_keyword}'"
    elif found.seniority and org_data.get("sector") in SECTOR_FUNCTIONS:
        data["function"] = SECTOR_FUNCTIONS[org_data["sector"]]
        data["function_source"] = f"title '{title}' at a {org_data['sector']} organisation"
    if found.seniority:
        data["seniority"] = found.seniority
        data["seniority_source"] = (
            f"title keyword '{found.seniority_keyword}'"
            if found.seniority_keyword
            else f"title '{title}' names no level: {found.seniority} by default"
        )
    org_name = str(org_data.get("name", org or ""))
    if org_data.get("sector"):
        data["sector"] = org_data["sector"]
        data["sector_source"] = f"organisation '{org_name}': {org_data['sector_source']}"
    elif found.sector:
        data["sector"] = found.sector
        data["sector_source"] = f"title keyword '{found.sector_keyword}'"
    own = _own_place(data)
    if own is not None:
        place, source, raw_city = own
        _place_attrs(data, place, source, raw_city=raw_city)
        same = all(data.get(key) == value for key, value in before_geography.items())
        if before.startswith("address ") and same:
            data["territory_source"] = before  # normalised earlier: keep what it came from
    elif org_data.get("territory"):
        for key in ("territory", *_GEOGRAPHY):
            if key in org_data:
                data[key] = org_data[key]
        data["territory_source"] = f"organisation '{org_name}' ({org_data['territory_source']})"


def _apply_person_override(data: dict[str, Any], override: Any) -> None:
    for key in ("function", "seniority", "sector"):
        value = getattr(override, key)
        if value:
            data[key] = value
            data[f"{key}_source"] = override.source
    if override.territory:
        if str(data.get("territory_source", "")).startswith(_DERIVED_TERRITORY):
            for key in _GEOGRAPHY:
                data.pop(key, None)
        data.pop("territory", None)
        if override.place is not None:
            _place_attrs(data, override.place, override.source)
        else:
            data["territory"] = override.territory
            data["territory_source"] = override.source


def annotate_enrichment(G: nx.Graph, *, overrides: Overrides | None = None) -> None:
    """Write function, seniority, sector and territory on ``G``'s nodes, in place.

    Parameters
    ----------
    G : networkx.Graph
        A network in netkit's schema. Earlier enrichment is removed first, so running
        this twice gives the same graph.
    overrides : Overrides, optional
        From :func:`netkit.enrich.load_overrides`; they win over every rule.

    Notes
    -----
    Organisation nodes get ``sector`` (from ``organisations.csv``, name keywords or their
    members' titles) and, when ``organisations.csv`` or an override knows it,
    ``territory`` with ``city``/``province``/``region``/``country``. Person nodes get
    ``function`` and ``seniority`` from their ``position`` (else the title on their
    current membership), ``sector`` from their current organisation (else from a title
    that implies one, "Avvocato" → legal-services) and ``territory`` from their own
    ``location`` or ``city``/``region``/``country`` (normalised in place), else their
    organisation's. Every value comes with ``<attr>_source`` saying how it was decided;
    unknown values stay absent. ``province`` is the Italian sigla ("MI").

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(netkit_schema=1)
    >>> G.add_node("org:enel green power", kind="organisation", name="Enel Green Power")
    >>> G.add_node("li:ada", kind="person", position="Responsabile Risorse Umane")
    >>> G.add_edge("li:ada", "org:enel green power", kind="member_of", current=True)
    >>> annotate_enrichment(G)
    >>> ada = G.nodes["li:ada"]
    >>> ada["function"], ada["seniority"], ada["sector"], ada["territory"]
    ('hr', 'manager', 'renewable-energy', 'Roma')
    >>> ada["function_source"]
    "title keyword 'risorse umane'"
    """
    titles = default_title_rules()
    sectors = default_sector_rules()
    _annotate_organisations(G, overrides, sectors)
    people = overrides.person_index(G) if overrides else {}
    for person, data in G.nodes(data=True):
        if data.get("kind") != "person":
            continue
        _annotate_person(G, person, data, titles)
        if person in people:
            _apply_person_override(data, people[person])


def enrich(G: nx.Graph, *, overrides: Overrides | None = None) -> nx.Graph:
    """Return an enriched copy of ``G``; ``G`` itself is left unchanged.

    See :func:`annotate_enrichment` for what is written.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(netkit_schema=1)
    >>> G.add_node("li:bo", kind="person", position="CFO", location="Torino Area, Italy")
    >>> H = enrich(G)
    >>> H.nodes["li:bo"]["function"], H.nodes["li:bo"]["region"], "function" in G.nodes["li:bo"]
    ('finance', 'Piemonte', False)
    """
    H = G.copy()
    annotate_enrichment(H, overrides=overrides)
    return H


def enrichment_coverage(G: nx.Graph, top: int = 10) -> dict[str, Any]:
    """Share of contacts with each enriched value, and what is left to classify.

    Parameters
    ----------
    G : networkx.Graph
        An enriched network.
    top : int, default 10
        How many unclassified titles and organisations to list.

    Returns
    -------
    dict
        ``contacts`` (person nodes), ``with_organisation`` (of them, with a current
        organisation), ``coverage`` (share of contacts with ``function``, ``seniority``,
        ``sector``, ``territory``; plus ``sector_with_organisation``, the share of those
        with an organisation that have a sector), ``counts`` (the same as numbers), and
        ``unclassified_titles`` / ``unclassified_organisations``: lists of
        ``[text, count]``, most common first (ties alphabetical); an organisation's count
        is its current members.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(netkit_schema=1)
    >>> G.add_node("li:a", kind="person", position="Zookeeper", function="other")
    >>> G.add_node("li:b", kind="person", position="Wizard")
    >>> report = enrichment_coverage(G)
    >>> report["coverage"]["function"], report["unclassified_titles"]
    (0.5, [['Wizard', 1]])
    """
    people = [n for n, d in G.nodes(data=True) if d.get("kind") == "person"]
    counts = dict.fromkeys(("function", "seniority", "sector", "territory"), 0)
    employed = employed_with_sector = 0
    titles: Counter[str] = Counter()
    organisations: Counter[str] = Counter()
    for person in people:
        data = G.nodes[person]
        for key in counts:
            counts[key] += key in data
        org = _current_organisation(G, person, data)
        if org is not None:
            employed += 1
            employed_with_sector += "sector" in data
            if "sector" not in G.nodes[org]:
                organisations[str(G.nodes[org].get("name", org))] += 1
        if "function" not in data:
            title = clean_text(str(data.get("position", "")))
            if not title and org is not None:
                title = clean_text(str(G.edges[person, org].get("title", "")))
            if title:
                titles[title] += 1

    def share(n: int, d: int) -> float:
        return n / d if d else 0.0

    def ranked(counter: Counter[str]) -> list[list[Any]]:
        return [[k, v] for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]

    coverage = {key: share(n, len(people)) for key, n in counts.items()}
    coverage["sector_with_organisation"] = share(employed_with_sector, employed)
    return {
        "contacts": len(people),
        "with_organisation": employed,
        "coverage": coverage,
        "counts": {**counts, "sector_with_organisation": employed_with_sector},
        "unclassified_titles": ranked(titles),
        "unclassified_organisations": ranked(organisations),
    }
