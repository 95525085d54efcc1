"""The netkit graph schema: stable ids, name normalisation and ``validate_graph``."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import networkx as nx

from netkit.errors import SchemaError

__all__ = [
    "EDGE_KINDS",
    "NODE_KINDS",
    "NON_ORGANISATIONS",
    "SCHEMA_VERSION",
    "clean_text",
    "fold",
    "linkedin_slug",
    "organisation_id",
    "organisation_key",
    "person_id",
    "validate_graph",
]

SCHEMA_VERSION = 1
NODE_KINDS = ("ego", "person", "organisation")
#: Evidence kinds a person–person edge may carry (``kind`` is a ``;``-joined subset).
EDGE_KINDS = ("member_of", "message", "email", "meeting", "declared", "knows")

# Legal-form words dropped from the end of organisation names (after dots and
# apostrophes are removed, so "S.p.A." is "spa" and "N.V." is "nv").
_LEGAL_SUFFIXES = frozenset(
    (
        "spa srl srls snc sas sapa scarl scrl scpa coop onlus unipersonale socio unico "
        "inc incorporated corp corporation co ltd limited llc llp lp plc pty pte "
        "gmbh ag kg kgaa ohg ug mbh se sa sarl sasu nv bv bvba ab as asa oy oyj aps sl slu"
    ).split()
)
_LEGAL_PHRASES = (
    ("societa", "per", "azioni"),
    ("societa", "a", "responsabilita", "limitata"),
    ("a", "socio", "unico"),
    ("socio", "unico"),
    ("s", "p", "a"),
    ("s", "r", "l"),
)
_CONNECTORS = frozenset({"&", "and", "e", "und", "et", "y", "-"})

#: Company cells that name no organisation (normalised form): people write these
#: instead of an employer, and they must not become a giant fake organisation.
NON_ORGANISATIONS = frozenset(
    [
        *("self employed", "selfemployed", "self-employed", "freelance", "freelancer"),
        *("libero professionista", "libera professionista", "lavoratore autonomo"),
        *("lavoratrice autonoma", "autonomo", "autonoma", "independent", "indipendente"),
        *("retired", "pensionato", "pensionata", "in pensione", "unemployed", "disoccupato"),
        *("disoccupata", "in cerca di occupazione", "open to work", "student", "studente"),
        *("studentessa", "none", "n/a", "na", "nessuna", "nessuno", "confidential"),
        *("riservato", "stealth", "-", "--", "."),
    ]
)

#: Letters without a Unicode decomposition that people type without their mark.
_UNDECOMPOSABLE = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i"}
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\r]")


def clean_text(value: str | None) -> str:
    """Return ``value`` on one line: control characters dropped, white space folded.

    Parameters
    ----------
    value : str or None
        A cell as read from an export.

    Returns
    -------
    str
        The cleaned text; ``""`` for ``None`` or blank input.

    Examples
    --------
    >>> clean_text("  Head of\\nPeople\\t ")
    'Head of People'
    """
    if not value:
        return ""
    value = " ".join(value.split())
    return value if value.isprintable() else _CONTROL.sub("", value).strip()


def fold(text: str) -> str:
    """Casefold ``text`` and strip its accents, for matching names.

    Examples
    --------
    >>> fold("Nicolò  GARCÍA"), fold("Søren Łukasz")
    ('nicolo garcia', 'soren lukasz')
    """
    text = clean_text(text).casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


@lru_cache(maxsize=65536)
def organisation_key(name: str) -> str:
    """Normalise an organisation name so that spellings of one company agree.

    Casefolds, strips accents, drops dots and apostrophes, turns other punctuation
    into spaces and removes legal-form suffixes (S.p.A., S.r.l., Inc., Ltd, GmbH…).
    Returns ``""`` when nothing is left or the cell names no organisation
    ("Self-employed", "Libero professionista"…).

    Examples
    --------
    >>> organisation_key("Enel S.p.A.") == organisation_key("ENEL SpA") == "enel"
    True
    >>> organisation_key("Northwind Analytics, Inc.")
    'northwind analytics'
    >>> organisation_key("Self-employed")
    ''
    """
    text = fold(name)
    if not text or text in NON_ORGANISATIONS:
        return ""
    text = re.sub(r"[.'’`´]", "", text)
    text = re.sub(r"\b(\w)/(\w)\b", r"\1\2", text)  # A/S, S/A
    text = re.sub(r"[^\w&]+", " ", text)
    tokens = text.split()
    if " ".join(tokens) in NON_ORGANISATIONS:
        return ""
    while len(tokens) > 1:
        for phrase in _LEGAL_PHRASES:
            n = len(phrase)
            if len(tokens) > n and tuple(tokens[-n:]) == phrase:
                del tokens[-n:]
                break
        else:
            if tokens[-1] in _LEGAL_SUFFIXES or tokens[-1] in _CONNECTORS:
                tokens.pop()
                continue
            break
    return " ".join(tokens)


def organisation_id(name: str) -> str | None:
    """Return the stable node id ``org:<normalised name>``, or None for no organisation.

    Examples
    --------
    >>> organisation_id("Pirelli & C. S.p.A.")
    'org:pirelli & c'
    """
    key = organisation_key(name)
    return f"org:{key}" if key else None


_SLUG = re.compile(r"^/(?:in|pub)/([^/?#]+)", re.IGNORECASE)
_PLAIN_PROFILE = re.compile(r"^https://www\.linkedin\.com/in/([a-z0-9-]+)/?$")


def linkedin_slug(url: str) -> str | None:
    """Return the lower-cased profile slug of a LinkedIn URL, or None if it is not one.

    Accepts the forms exports contain: with or without scheme, any country
    subdomain, a trailing slash, a query string, percent-encoded letters.

    Examples
    --------
    >>> linkedin_slug("https://www.linkedin.com/in/Giulia-De-Luca-3a41b2/")
    'giulia-de-luca-3a41b2'
    >>> linkedin_slug("www.linkedin.com/in/nicol%C3%B2-rossi")
    'nicolò-rossi'
    >>> linkedin_slug("https://example.com/in/x") is None
    True
    """
    url = clean_text(url)
    if not url:
        return None
    plain = _PLAIN_PROFILE.match(url)  # the form exports write, without the general parse
    if plain:
        return plain.group(1)
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    host = (parts.hostname or "").casefold()
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        return None
    match = _SLUG.match(parts.path)
    if not match:
        return None
    slug = unquote(match.group(1)).strip().casefold()
    return slug or None


def person_id(*, slug: str | None = None, email: str | None = None, name: str | None = None) -> str:
    """Return a contact's stable id: ``li:<slug>``, else ``mail:<email>``, else ``name:<name>``.

    Examples
    --------
    >>> person_id(slug="mario-rossi-1", name="Mario Rossi")
    'li:mario-rossi-1'
    >>> person_id(email="Mario.Rossi@Example.com")
    'mail:mario.rossi@example.com'
    >>> person_id(name="Nicolò D'Angelo")
    "name:nicolo d'angelo"
    """
    if slug:
        return f"li:{slug}"
    if email:
        return f"mail:{clean_text(email).casefold()}"
    key = fold(name or "")
    if not key:
        raise ValueError("a person id needs a LinkedIn slug, an email or a name")
    return f"name:{key}"


def _check_value(where: str, key: object, value: object) -> None:
    if not isinstance(key, str) or not key:
        raise SchemaError(f"{where}: attribute name {key!r} is not a non-empty string")
    if isinstance(value, bool | int):
        return
    if isinstance(value, float):
        if math.isnan(value):
            raise SchemaError(f"{where}: attribute {key!r} is NaN; leave an unknown value out")
        return
    if isinstance(value, str):
        if not value:
            raise SchemaError(f"{where}: attribute {key!r} is an empty string; leave it out")
        if _XML_ILLEGAL.search(value):
            raise SchemaError(f"{where}: attribute {key!r} holds a control character")
        return
    raise SchemaError(
        f"{where}: attribute {key!r} is a {type(value).__name__}; "
        "values must be str, int, float or bool (lists joined with ';')"
    )


def validate_graph(G: nx.Graph) -> None:
    """Check that ``G`` follows netkit's graph schema.

    Parameters
    ----------
    G : networkx.Graph
        A network as built by netkit's readers.

    Raises
    ------
    SchemaError
        Naming the first offending graph attribute, node or edge.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(netkit_schema=1, ego="ego")
    >>> G.add_node("ego", kind="ego")
    >>> G.add_node("li:ada", kind="person", name="Ada")
    >>> G.add_edge("ego", "li:ada", connected_on="2021-03-12")
    >>> validate_graph(G)
    """
    if not isinstance(G, nx.Graph) or G.is_directed() or G.is_multigraph():
        raise SchemaError("a netkit network is an undirected networkx.Graph")
    version = G.graph.get("netkit_schema")
    if version != SCHEMA_VERSION or isinstance(version, bool):
        raise SchemaError(
            f"graph attribute 'netkit_schema' is {version!r}, expected {SCHEMA_VERSION}"
        )
    for key, value in G.graph.items():
        _check_value("graph", key, value)
    ego = G.graph.get("ego")
    if ego is not None and G.nodes.get(ego, {}).get("kind") != "ego":
        raise SchemaError(f"graph names ego {ego!r}, but no node {ego!r} of kind 'ego' exists")
    kinds: dict[str, str] = {}
    for node, data in G.nodes(data=True):
        where = f"node {node!r}"
        if not isinstance(node, str) or not node:
            raise SchemaError(f"{where}: node ids must be non-empty strings")
        kind = data.get("kind")
        if kind not in NODE_KINDS:
            raise SchemaError(f"{where}: kind is {kind!r}, expected one of {', '.join(NODE_KINDS)}")
        if kind == "ego" and node != ego:
            raise SchemaError(f"{where}: an ego node that the graph attribute 'ego' does not name")
        kinds[node] = kind
        for key, value in data.items():
            _check_value(where, key, value)
    for u, v, data in G.edges(data=True):
        where = f"edge {u!r}–{v!r}"
        if u == v:
            raise SchemaError(f"{where}: self-loops are not part of the schema")
        for key, value in data.items():
            _check_value(where, key, value)
        pair = sorted((kinds[u], kinds[v]))
        if "organisation" in pair:
            if pair == ["organisation", "organisation"]:
                raise SchemaError(f"{where}: organisations link only to people")
            if data.get("kind") != "member_of":
                raise SchemaError(f"{where}: a membership edge needs kind='member_of'")
            if not isinstance(data.get("current", True), bool):
                raise SchemaError(f"{where}: 'current' must be a bool")
        elif pair == ["person", "person"] and "kind" not in data:
            raise SchemaError(f"{where}: a person–person edge needs the kind of its evidence")
