"""Anonymised sharing (issue 8): no third party's identity survives anonymisation."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

import netkit
from netkit.anonymise import anonymise
from netkit.pipeline import import_network
from netkit.sample import SAMPLE_FILES
from netkit.schema import linkedin_slug

DATA = Path(__file__).resolve().parents[1] / "data"
SALT = "coaching-session-salt"

# Attributes whose values are categories (taxonomy words, places at region level…)
# that may legitimately appear in an anonymised graph or its maps.
_CATEGORY_KEYS = ("sector", "function", "seniority", "region", "country", "channels", "sources")


@pytest.fixture(scope="module")
def network() -> nx.Graph:
    return import_network([DATA / name for name in SAMPLE_FILES]).graph


@pytest.fixture(scope="module")
def anonymous(network: nx.Graph) -> nx.Graph:
    return anonymise(network, salt=SALT)


@pytest.fixture(scope="module")
def sensitive(network: nx.Graph) -> set[str]:
    """Every name, email, phone, LinkedIn URL or slug and organisation name of the input."""
    generic: set[str] = set()
    for _, data in network.nodes(data=True):
        for key in _CATEGORY_KEYS:
            if key in data:
                generic.update(str(data[key]).split(";"))
    generic = {word.casefold() for word in generic}

    found: set[str] = set()

    def add(value: object, minimum: int = 4) -> None:
        text = str(value).strip()
        if len(text) >= minimum and text.casefold() not in generic:
            found.add(text)

    for node, data in network.nodes(data=True):
        if data["kind"] == "organisation":
            add(data.get("name", ""))
            for alias in str(data.get("aliases", "")).split(";"):
                add(alias)
            continue
        for key in ("name", "first_name", "last_name"):
            add(data.get(key, ""))
        for email in str(data.get("emails", "")).split(";"):
            add(email, 1)
        for phone in str(data.get("phones", "")).split(";"):
            add(phone, 1)
        url = data.get("linkedin_url")
        if url:
            add(url, 1)
            add(linkedin_slug(url) or "", 1)
        if str(node).startswith("li:"):
            add(node[3:], 1)
        if str(node).startswith(("mail:", "name:")):
            add(node.split(":", 1)[1])
    return found


def _allowed(H: nx.Graph) -> list[str]:
    """The category values the anonymised graph keeps on purpose ("Friuli-Venezia Giulia")."""
    values = {
        str(data[key])
        for _, data in H.nodes(data=True)
        for key in (*_CATEGORY_KEYS, "territory")
        if key in data
    }
    return sorted((v.casefold() for v in values), key=len, reverse=True)


def _words(text: str, allowed: list[str]) -> str:
    folded = text.casefold()
    for value in allowed:
        folded = folded.replace(value, " ")
    return folded


def _count(value: str, folded: str) -> int:
    """How often ``value`` occurs in ``folded`` as a whole word (not inside a longer word)."""
    value, count, start = value.casefold(), 0, folded.find(value.casefold())
    while start >= 0:
        end = start + len(value)
        before = folded[start - 1] if start else " "
        after = folded[end] if end < len(folded) else " "
        if not (value[0].isalnum() and before.isalnum()) and not (
            value[-1].isalnum() and after.isalnum()
        ):
            count += 1
        start = folded.find(value, start + 1)
    return count


def _leaks(text: str, sensitive: set[str], allowed: list[str], baseline: str = "") -> list[str]:
    """Sensitive values found in ``text`` as whole words, once kept categories are blanked.

    A value is a leak only when it occurs more often than in ``baseline``, the same kind
    of output made without the network's data (an inline script library says
    "Microsoft" or "line" whatever the data).
    """
    folded, base = _words(text, allowed), baseline.casefold()
    return sorted(value for value in sensitive if _count(value, folded) > _count(value, base))


def test_sensitive_set_is_meaningful(network: nx.Graph, sensitive: set[str]) -> None:
    # the check below would prove nothing if the set were empty or missed the sample
    assert len(sensitive) > 1000
    owner = network.nodes[network.graph["ego"]]
    assert owner["name"] in sensitive
    assert any("@" in value for value in sensitive)
    assert any("linkedin.com/in/" in value for value in sensitive)


def test_leak_check_catches_the_original(network: nx.Graph, sensitive: set[str], tmp_path) -> None:
    # the checker itself works: the network before anonymisation leaks nearly everything
    path = netkit.write_graphml(network, tmp_path / "original.graphml")
    leaks = _leaks(path.read_text(encoding="utf-8"), sensitive, _allowed(network))
    assert len(leaks) > 0.9 * len(sensitive)


def test_graphml_holds_no_identity(anonymous: nx.Graph, sensitive: set[str], tmp_path) -> None:
    path = netkit.write_graphml(anonymous, tmp_path / "anon.graphml")
    text = path.read_text(encoding="utf-8")
    assert _leaks(text, sensitive, _allowed(anonymous)) == []
    assert "@" not in text
    assert "linkedin.com" not in text


def test_static_map_holds_no_identity(anonymous: nx.Graph, sensitive: set[str], tmp_path) -> None:
    # matplotlib draws text as glyph paths in SVG (keeping each text in a comment), so
    # the SVG's text and the figure's text artists are both checked
    path = tmp_path / "m.svg"
    ax = netkit.render.static_map(anonymous, path)
    svg = path.read_text(encoding="utf-8")
    assert _leaks(svg, sensitive, _allowed(anonymous)) == []
    # matplotlib may draw text as glyph paths, so also check every text on the figure
    texts = [t.get_text() for t in ax.figure.findobj(lambda a: hasattr(a, "get_text"))]
    assert any(text.startswith("Person ") for text in texts)
    assert _leaks("\n".join(texts), sensitive, _allowed(anonymous)) == []
    ax.figure.clear()


def test_interactive_map_holds_no_identity(
    anonymous: nx.Graph, sensitive: set[str], tmp_path
) -> None:
    path = netkit.render.interactive_map(anonymous, tmp_path / "m.html")
    html = Path(path).read_text(encoding="utf-8")
    assert "Person " in html
    # the page inlines vis-network and its styles: compare with a page made from a
    # network holding no data of the sample, so the library's own words are not leaks
    empty = nx.Graph(netkit_schema=1, ego="ego")
    empty.add_node("ego", kind="ego", name="Owner")
    empty.add_node("anon:000000000000", kind="person", name="Person 000000")
    empty.add_edge("ego", "anon:000000000000", messages_sent=1)
    base = netkit.render.interactive_map(empty, tmp_path / "empty.html")
    baseline = Path(base).read_text(encoding="utf-8")
    assert _leaks(html, sensitive, _allowed(anonymous), baseline) == []
    # the script builds profile links from li: ids only; no more of them than without data
    assert html.count("linkedin.com/in/") == baseline.count("linkedin.com/in/")


def test_report_holds_no_identity(
    network: nx.Graph, anonymous: nx.Graph, sensitive: set[str], tmp_path
) -> None:
    # the whole coaching report: tables, the inline static map, and the embedded
    # interactive map (unescaped from its frame's srcdoc), in both languages
    import html as markup

    from netkit.enrich.taxonomy import FUNCTION_LABELS, SECTOR_LABELS, SENIORITY_LABELS

    # the report names categories in words: "segreteria e servizi generali" is a
    # function, not the insurer Generali
    labels = sorted(
        {
            label.casefold()
            for table in (FUNCTION_LABELS, SECTOR_LABELS, SENIORITY_LABELS)
            for pair in table.values()
            for label in pair
        },
        key=len,
        reverse=True,
    )
    empty = nx.Graph(netkit_schema=1, ego="ego")
    empty.add_node("ego", kind="ego", name="Owner")
    empty.add_node("anon:000000000000", kind="person", name="Person 000000")
    empty.add_edge("ego", "anon:000000000000", messages_sent=1)
    for lang in ("en", "it"):
        path = netkit.render.report(anonymous, tmp_path / f"r-{lang}.html", lang=lang)
        text = markup.unescape(path.read_text(encoding="utf-8"))
        assert "Person " in text and "srcdoc" in path.read_text(encoding="utf-8")
        base = netkit.render.report(empty, tmp_path / f"empty-{lang}.html", lang=lang)
        baseline = markup.unescape(base.read_text(encoding="utf-8"))
        assert _leaks(text, sensitive, _allowed(anonymous) + labels, baseline) == [], lang
    # and the check sees a report that does hold identities: the original's names every
    # contact (in its embedded map) and lists people in its tables
    original = netkit.render.report(network, tmp_path / "original.html")
    text = markup.unescape(original.read_text(encoding="utf-8"))
    assert len(_leaks(text, sensitive, _allowed(network) + labels, baseline)) > 800


def test_identity_attributes_are_gone(anonymous: nx.Graph) -> None:
    dropped = {
        "first_name", "last_name", "emails", "phones", "linkedin_url", "notes", "labels",
        "position", "company", "location", "city", "province", "department", "aliases",
    }  # fmt: skip
    for node, data in anonymous.nodes(data=True):
        assert not dropped & set(data), node
        assert not [key for key in data if key.endswith("_source")], node
        if data["kind"] == "person":
            assert re.fullmatch(r"anon:[0-9a-f]{12}", node)
            assert data["name"] == f"Person {node[5:11]}"
        elif data["kind"] == "organisation":
            assert re.fullmatch(r"anon-org:[0-9a-f]{12}", node)
            assert data["name"] == f"Organisation {node[9:15]}"
    for u, v, data in anonymous.edges(data=True):
        assert not {"note", "invitation_note", "title"} & set(data), (u, v)
        for key in ("connected_on", "first_contact", "last_contact", "invited_on"):
            if key in data:
                assert re.fullmatch(r"\d{4}", data[key]), (u, v, key)
    assert not [key for key in anonymous.graph if key.startswith(("target_", "saved_job_"))]
    assert "followed_organisations" not in anonymous.graph


def test_kept_categories_and_counts(network: nx.Graph) -> None:
    H = anonymise(network, salt=SALT)
    ids = {n: f"anon:{netkit.anonymise.pseudonym(SALT, n)}" for n in network}
    ego = network.graph["ego"]
    assert H.graph["ego"] == "ego"
    assert H.nodes["ego"]["kind"] == "ego"
    assert H.nodes["ego"]["name"] == "Owner"
    people = [n for n, d in network.nodes(data=True) if d["kind"] == "person"]
    for person in people:
        old, new = network.nodes[person], H.nodes[ids[person]]
        for key in ("function", "seniority", "sector", "region", "country"):
            assert new.get(key) == old.get(key), (person, key)
        if "territory" in old:
            assert new.get("territory") == (old.get("region") or old.get("country"))
        if "connected_on" in old:
            assert new["connected_on"] == old["connected_on"][:4]
        old_tie, new_tie = network.edges[ego, person], H.edges["ego", ids[person]]
        for key in ("messages_sent", "messages_received", "meetings", "channels", "sources"):
            assert new_tie.get(key) == old_tie.get(key), (person, key)
    # graph sources keep kinds and counts, not file names
    for entry in H.graph["sources"].split(";"):
        assert re.fullmatch(r"[\w-]+:file:\d+:\d+", entry), entry
    assert "Complete_LinkedInDataExport" not in H.graph["sources"]
    orgs = {n for n, d in H.nodes(data=True) if d["kind"] == "organisation"}
    assert set(H.graph["ego_organisations"].split(";")) <= orgs
    assert H.number_of_nodes() == network.number_of_nodes()
    assert H.number_of_edges() == network.number_of_edges()


def test_same_salt_same_pseudonyms_other_salt_others(network: nx.Graph, anonymous) -> None:
    again = anonymise(network, salt=SALT)
    assert nx.utils.graphs_equal(again, anonymous)
    assert list(again.nodes) == list(anonymous.nodes)
    other = anonymise(network, salt="another salt")
    pseudonymous = {n for n in anonymous if n != "ego"}
    assert not pseudonymous & {n for n in other if n != "ego"}


def test_keep_organisations(network: nx.Graph) -> None:
    H = anonymise(network, salt=SALT, keep_organisations=True)
    netkit.validate_graph(H)
    orgs = {n: d for n, d in network.nodes(data=True) if d["kind"] == "organisation"}
    for org, data in orgs.items():
        assert H.nodes[org]["name"] == data["name"]
        assert H.nodes[org].get("sector") == data.get("sector")
        assert "city" not in H.nodes[org]
    assert H.graph["ego_organisations"] == network.graph["ego_organisations"]
    # people stay pseudonymous
    assert all(n.startswith("anon:") for n, d in H.nodes(data=True) if d["kind"] == "person")


def test_keep_sectors_false(network: nx.Graph) -> None:
    H = anonymise(network, salt=SALT, keep_sectors=False)
    netkit.validate_graph(H)
    assert not [n for n, d in H.nodes(data=True) if "sector" in d]


def test_analysers_run_on_the_anonymised_network(anonymous: nx.Graph) -> None:
    persons = sum(1 for _, d in anonymous.nodes(data=True) if d["kind"] == "person")
    assert len(netkit.analyse.clusters(anonymous)) == persons
    assert len(netkit.analyse.ties(anonymous)) == persons


def test_input_unchanged_and_schema(network: nx.Graph) -> None:
    before = network.copy()
    graph_before = dict(network.graph)
    H = anonymise(network, salt=SALT)
    assert nx.utils.graphs_equal(network, before)
    assert network.graph == graph_before
    assert H is not network
    netkit.validate_graph(H)


def test_graphml_round_trip(anonymous: nx.Graph, tmp_path) -> None:
    path = netkit.write_graphml(anonymous, tmp_path / "anon.graphml")
    back = netkit.read_graphml(path)
    assert nx.utils.graphs_equal(back, anonymous)
    assert dict(back.nodes(data=True)) == dict(anonymous.nodes(data=True))


@pytest.mark.parametrize("salt", ["", None, 42])
def test_salt_is_required(network: nx.Graph, salt: object) -> None:
    with pytest.raises(ValueError, match="salt"):
        anonymise(network, salt=salt)  # type: ignore[arg-type]
