"""The interactive map: one offline HTML file, data shown as text, tested in a real browser."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import unicodedata
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from netkit.render.interactive import interactive_map

TEMPLATES = Path(__file__).resolve().parents[2] / "netkit" / "render" / "templates"
DATA_BLOCK = re.compile(
    r'<script type="application/json" id="netkit-data">(.*?)</script>', re.DOTALL
)
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)

# The hostile strings of the issue, and two that would set a flag if they ever ran.
IMG = "<img src=x onerror=alert(1)>"
BREAKOUT = "</script><script>alert(2)</script>"
IMG_FLAG = '<img src=x onerror="window.netkitPwned=1">'
BREAKOUT_FLAG = "</script><script>window.netkitPwned2=1</script>"
ORG = '"><svg onload=alert(3)>Evil & Co'
LABEL = "<b onmouseover=alert(4)>Cluster</b>"
EVIDENCE = "<script>alert(5)</script> met twice"
WHY = "connects <i>A</i> & <u>B</u>\u2028next line"


def page_data(path: Path) -> dict:
    match = DATA_BLOCK.search(path.read_text(encoding="utf-8"))
    assert match is not None
    return json.loads(match.group(1))


def profile(person: dict) -> str | None:
    """The LinkedIn URL the page links to (1 means the one the ``li:`` id spells)."""
    url = person.get("u")
    return f"https://www.linkedin.com/in/{person['id'][3:]}" if url == 1 else url


def about(data: dict, person: dict, key: str) -> str:
    """A person's organisation (o), former organisations (f) or title (t), as text."""
    return data["strings"][person[key]] if key in person else ""


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="session")
def sample_map(tmp_path_factory, sample_network, sample_tables) -> Path:
    path = tmp_path_factory.mktemp("maps") / "sample.html"
    return interactive_map(sample_network, path, **sample_tables)


@pytest.fixture(scope="session")
def hostile(sample_network, sample_tables):
    """The sample network with hostile contacts, organisation, cluster label and notes."""
    G = sample_network.copy()
    hostile_people = {
        "name:hostile-1": {
            "name": IMG,
            "position": BREAKOUT,
            "linkedin_url": "javascript:alert(6)",
        },
        "name:hostile-2": {
            "name": IMG_FLAG,
            "position": BREAKOUT_FLAG,
            "linkedin_url": "https://www.linkedin.com/in/hostile-2",
        },
    }
    G.add_node("org:evil", kind="organisation", name=ORG)
    for person, attributes in hostile_people.items():
        G.add_node(person, kind="person", sources="linkedin", **attributes)
        G.add_edge(G.graph["ego"], person, connected_on="2020-01-01", channels="linkedin")
        G.add_edge(person, "org:evil", kind="member_of", current=True, title=BREAKOUT)
    G.add_edge("name:hostile-1", "name:hostile-2", kind="declared", count=1, note=EVIDENCE)
    clusters = sample_tables["clusters"]
    new = int(clusters["cluster"].max()) + 1
    extra = pd.DataFrame(
        {
            "person": list(hostile_people),
            "cluster": [new, new],
            "cluster_label": [LABEL, LABEL],
            "cluster_label_it": [LABEL, LABEL],
        }
    )
    ties = pd.concat(
        [
            sample_tables["ties"],
            pd.DataFrame(
                {
                    "person": list(hostile_people),
                    "strength": [0.5, 0.4],
                    "tie_class": ["weak", "weak"],
                    "evidence": [EVIDENCE, EVIDENCE],
                }
            ),
        ],
        ignore_index=True,
    )
    bridges = pd.concat(
        [
            sample_tables["bridges"],
            pd.DataFrame({"person": list(hostile_people), "betweenness": [0.2, 0.1], "why": WHY}),
        ],
        ignore_index=True,
    )
    tables = {
        "clusters": pd.concat([clusters, extra], ignore_index=True),
        "ties": ties,
        "bridges": bridges,
    }
    return G, tables


@pytest.fixture(scope="session")
def hostile_map(tmp_path_factory, hostile) -> Path:
    G, tables = hostile
    path = tmp_path_factory.mktemp("maps") / "hostile.html"
    return interactive_map(G, path, highlight=["name:hostile-2"], **tables)


@pytest.fixture
def open_page(chromium_browser):
    """Open a map offline; checks after the test that it asked no host for anything."""
    from tests.render.browser import open_offline

    opened = []

    def _open(path: Path, **options):
        page = open_offline(chromium_browser, path, **options)
        opened.append(page)
        return page

    yield _open
    for page in opened:
        assert page.log.blocked == []
        page.page.context.close()


def expected_counts(data: dict) -> tuple[int, int]:
    """Nodes and edges the full (not aggregated) map draws."""
    organisations = {o for _, o, _ in data["membership"]}
    nodes = len(data["people"]) + len(organisations) + (1 if data["owner"] else 0)
    return nodes, len(data["links"]) + len(data["membership"])


def screen_point(page, node: str) -> tuple[float, float]:
    """Where a drawn node is on the page (pixels from the page's top left)."""
    point = page.evaluate(
        "(id) => netkit.network.canvasToDOM(netkit.network.getPosition(id))", node
    )
    box = page.locator("#map").bounding_box()
    return box["x"] + point["x"], box["y"] + point["y"]


def person_ids(page) -> list[str]:
    return page.evaluate(
        "() => netkit.network.body.nodeIndices.filter((id) => id[0] === 'p').sort()"
    )


# --------------------------------------------------------------------------------------
# The file itself, no browser


def test_no_request_to_another_host(sample_map):
    page = sample_map.read_text(encoding="utf-8")
    remote = r"""["']?\s*(?:https?:)?//"""
    assert not re.search(r"\b(?:src|srcset)\s*=\s*" + remote, page, re.IGNORECASE)
    assert not re.search(r"<link\b[^>]*\bhref\s*=\s*" + remote, page, re.IGNORECASE)
    assert not re.search(r"url\(\s*" + remote, page, re.IGNORECASE)
    assert "@import" not in page.lower()
    assert not re.search(r"<(?:link|iframe|object|embed|img|base)\b", page, re.IGNORECASE)
    assert "sourceMappingURL" not in page
    assert len(INLINE_SCRIPT.findall(page)) == 2  # vis-network and ours, nothing external


def test_content_security_policy_allows_only_our_scripts(sample_map):
    page = sample_map.read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in INLINE_SCRIPT.findall(page)
    }
    assert set(directives["script-src"].split()) == hashes
    assert "unsafe" not in directives["script-src"]


def test_data_is_escaped_json(hostile_map):
    page = hostile_map.read_text(encoding="utf-8")
    block = DATA_BLOCK.search(page).group(1)
    assert not set(block) & {"<", ">", "&", "\u2028", "\u2029"}
    assert page.lower().count("</script") == 3
    assert "<img" not in page.lower() and "<svg" not in page.lower()
    data = json.loads(block)
    people = {p["id"]: p for p in data["people"]}
    assert people["name:hostile-1"]["n"] == IMG
    assert about(data, people["name:hostile-1"], "t") == BREAKOUT
    assert people["name:hostile-2"]["ev"] == EVIDENCE
    assert people["name:hostile-2"]["w"] == " ".join(WHY.split())
    assert LABEL in {c["label"] for c in data["clusters"]}
    assert ORG in {o["n"] for o in data["organisations"]}
    assert about(data, people["name:hostile-1"], "o") == ORG


def test_only_linkedin_profiles_become_links(hostile_map, hostile):
    data = page_data(hostile_map)
    people = {p["id"]: p for p in data["people"]}
    assert "u" not in people["name:hostile-1"]  # javascript: is never a link
    assert people["name:hostile-2"]["u"] == "https://www.linkedin.com/in/hostile-2"
    urls = [profile(p) for p in people.values() if "u" in p]
    assert len(urls) > 700
    for url in urls:
        assert re.fullmatch(r"https://www\.linkedin\.com/in/[\w%.~-]+/?", url)
    G, _ = hostile
    for person in people.values():
        if "u" in person:
            assert profile(person) == G.nodes[person["id"]]["linkedin_url"]


def test_same_input_same_bytes(tmp_path, sample_network, sample_tables, sample_map):
    again = interactive_map(sample_network, tmp_path / "again.html", **sample_tables)
    assert again.read_bytes() == sample_map.read_bytes()
    # The analysers run inside give the same tables, hence the same page.
    inside = interactive_map(sample_network, tmp_path / "inside.html")
    assert inside.read_bytes() == sample_map.read_bytes()


def test_input_unchanged(sample_network, sample_tables, tmp_path):
    before = sample_network.copy()
    attributes = copy.deepcopy((dict(sample_network.graph), dict(sample_network.nodes(data=True))))
    tables = {k: v.copy() for k, v in sample_tables.items()}
    interactive_map(sample_network, tmp_path / "m.html", max_nodes=100, **sample_tables)
    assert nx.utils.graphs_equal(before, sample_network)
    assert (dict(sample_network.graph), dict(sample_network.nodes(data=True))) == attributes
    for name, table in tables.items():
        pd.testing.assert_frame_equal(table, sample_tables[name])


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("colour_by", "function"),
        ("size_by", "degree"),
        ("lang", "fr"),
        ("max_nodes", 0),
        ("max_nodes", True),
        ("highlight", ["li:nobody"]),
        ("highlight", ["ego"]),
    ],
)
def test_bad_options(tmp_path, option, value):
    G = nx.Graph(netkit_schema=1, ego="ego")
    G.add_node("ego", kind="ego")
    with pytest.raises(ValueError, match=option.split("_")[0]):
        interactive_map(G, tmp_path / "m.html", **{option: value})


def test_aggregates_above_max_nodes(tmp_path, sample_network, sample_tables):
    quiet = sorted(
        sample_tables["bridges"]
        .query("betweenness == 0")["person"]
        .loc[lambda s: s.isin(sample_tables["ties"].sort_values("strength")["person"][:50])]
    )[0]
    path = interactive_map(
        sample_network, tmp_path / "m.html", max_nodes=150, highlight=[quiet], **sample_tables
    )
    data = page_data(path)
    people, groups = data["people"], data["groups"]
    assert data["aggregated"] is True
    assert sum(g["size"] for g in groups) == len(people)
    assert all(0 <= p["g"] < len(groups) for p in people)
    alone = [p for p in people if p.get("i")]
    assert len(alone) + len(groups) + 1 <= 150
    assert quiet in {p["id"] for p in alone}  # highlighted: always drawn one by one
    between = sample_tables["bridges"].set_index("person")["betweenness"]
    top = between.sort_values(ascending=False).index[:20]
    assert set(top) <= {p["id"] for p in alone}


def karate() -> nx.Graph:
    """Zachary's karate club as a whole network in netkit's schema (no owner)."""
    G = nx.karate_club_graph()
    H = nx.Graph(netkit_schema=1)
    for n in G:
        H.add_node(f"name:member {n}", kind="person", name=f"Member {n}")
    for u, v in G.edges:
        H.add_edge(f"name:member {u}", f"name:member {v}", kind="knows", count=1)
    return H


def test_whole_network_and_tiny_networks(tmp_path):
    G = karate()
    data = page_data(interactive_map(G, tmp_path / "whole.html"))
    assert data["owner"] is None and len(data["people"]) == 34
    assert [t["key"] for t in data["ties"]] == [""]  # no owner, no ties to her
    assert len(data["links"]) == 78
    empty = nx.Graph(netkit_schema=1, ego="ego")
    empty.add_node("ego", kind="ego", name="Ada")
    assert page_data(interactive_map(empty, tmp_path / "empty.html"))["people"] == []


def test_vendored_vis_network_is_the_recorded_file():
    recorded = re.search(r"File sha256: `([0-9a-f]{64})`", (TEMPLATES / "VENDORED.md").read_text())
    digest = hashlib.sha256((TEMPLATES / "vis-network.min.js").read_bytes()).hexdigest()
    assert recorded is not None and digest == recorded.group(1)
    head = (TEMPLATES / "vis-network.min.js").read_text(encoding="utf-8")[:1000]
    assert "@license" in head and "Apache 2.0" in head and "MIT" in head


# --------------------------------------------------------------------------------------
# In Chromium, with every request to another host blocked


@pytest.mark.browser
def test_sample_map_draws_every_node_offline(open_page, sample_map):
    opened = open_page(sample_map)
    data = page_data(sample_map)
    nodes, edges = expected_counts(data)
    figures = opened.page.evaluate(
        """() => {
            const net = netkit.network;
            const rect = document.getElementById("map").getBoundingClientRect();
            const positions = net.getPositions();
            const inView = Object.values(positions).filter((p) => {
                const d = net.canvasToDOM(p);
                return d.x >= 0 && d.y >= 0 && d.x <= rect.width && d.y <= rect.height;
            }).length;
            return {drawn: netkit.drawnCount(), dataSet: netkit.nodes.length,
                    edges: netkit.drawnEdgeCount(), inView: inView,
                    canvas: document.querySelectorAll("#map canvas").length};
        }"""
    )
    assert figures == {
        "drawn": nodes,
        "dataSet": nodes,
        "edges": edges,
        "inView": nodes,
        "canvas": 1,
    }
    assert opened.log.console_errors == []
    assert opened.log.page_errors == []
    assert opened.log.dialogs == []
    assert opened.page.locator("#status").text_content() == (
        f"{len(data['people'])} of {len(data['people'])} contacts drawn"
    )


@pytest.mark.browser
def test_search_is_accent_insensitive_and_selects(open_page, sample_map):
    data = page_data(sample_map)
    person = next(p for p in data["people"] if p["n"] != ascii_fold(p["n"]).title())
    typed = ascii_fold(person["n"]).upper()
    assert typed != person["n"].upper()  # the query really lacks the accents
    page = open_page(sample_map).page
    page.locator("#search").fill(typed)
    first = page.locator("#results li").first
    assert first.text_content().startswith(person["n"])
    page.locator("#search").press("Enter")
    index = data["people"].index(person)
    assert page.evaluate("() => netkit.network.getSelectedNodes()") == [f"p{index}"]
    assert page.locator("#panel").is_visible()
    assert page.locator("#panel h2").text_content() == person["n"]
    x, y = screen_point(page, f"p{index}")
    box = page.locator("#map").bounding_box()
    assert box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"]


@pytest.mark.browser
def test_filter_hides_a_cluster(open_page, sample_map, sample_tables):
    data = page_data(sample_map)
    page = open_page(sample_map).page
    before = person_ids(page)
    assert data["clusters"][0]["key"] == 0
    members = set(sample_tables["clusters"].query("cluster == 0")["person"])
    box = page.locator('input[data-attribute="cluster"][data-index="0"]')
    box.uncheck()
    after = person_ids(page)
    assert len(before) - len(after) == len(members)
    assert {data["people"][int(i[1:])]["id"] for i in after}.isdisjoint(members)
    box.check()
    assert person_ids(page) == before


@pytest.mark.browser
def test_click_opens_the_person(open_page, sample_map, sample_tables):
    data = page_data(sample_map)
    page = open_page(sample_map).page
    index, person = next(
        (i, p) for i, p in enumerate(data["people"]) if p.get("w") and p.get("ev") and p.get("u")
    )
    organisation = about(data, person, "o")
    page.evaluate(f"() => netkit.network.focus('p{index}', {{scale: 2.5, animation: false}})")
    page.mouse.click(*screen_point(page, f"p{index}"))
    panel = page.locator("#panel")
    assert panel.locator("h2").text_content() == person["n"]
    text = panel.text_content()
    assert person["ev"] in text and person["w"] in text
    assert organisation and organisation in text
    link = panel.locator("a[href^='https://www.linkedin.com/in/']")
    assert link.get_attribute("href") == profile(person)
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"


@pytest.mark.browser
def test_colour_and_size_switch(open_page, sample_map):
    data = page_data(sample_map)
    page = open_page(sample_map).page
    index = next(i for i, p in enumerate(data["people"]) if p.get("b") and p.get("st"))
    # What vis-network draws with, not only what the page handed it.
    node = f"() => netkit.network.body.nodes['p{index}'].options"
    page.locator("#colour-by").select_option("sector")
    sector = data["sectors"][data["people"][index]["s"]]
    assert page.evaluate(node)["color"]["background"] == sector["colour"]
    assert page.locator("#legend h3").text_content() == "Sector"
    page.locator("#colour-by").select_option("tie_class")
    tie = data["ties"][data["people"][index]["k"]]
    assert page.evaluate(node)["color"]["background"] == tie["colour"]
    by_strength = page.evaluate(node)["size"]
    page.locator("#size-by").select_option("betweenness")
    assert page.evaluate(node)["size"] != by_strength


@pytest.mark.browser
def test_hostile_names_stay_text(open_page, hostile_map):
    opened = open_page(hostile_map)
    page = opened.page
    page.locator("#search").fill("img src")
    results = page.locator("#results li")
    found = results.evaluate_all("(items) => items.map((li) => li.firstChild.textContent)")
    assert sorted(found) == sorted([IMG, IMG_FLAG])
    for name, title in ((IMG, BREAKOUT), (IMG_FLAG, BREAKOUT_FLAG)):
        page.locator("#search").fill(name)
        page.locator("#search").press("Enter")
        panel = page.locator("#panel")
        assert panel.locator("h2").text_content() == name
        assert panel.locator(".subtitle").text_content() == f"{title} · {ORG}"
        assert EVIDENCE in panel.text_content() and LABEL in panel.text_content()
        # A tooltip on hover, as text too.
        index = page.evaluate("(id) => netkit.indexOf(id)", hostile_id(name))
        page.mouse.move(*screen_point(page, f"p{index}"))
        page.wait_for_selector("#tooltip:not([hidden])")
        assert page.locator("#tooltip strong").text_content() == name
    links = page.locator("#panel a")
    assert links.count() == 1 and links.get_attribute("href") == (
        "https://www.linkedin.com/in/hostile-2"
    )
    page.locator("#search").fill(IMG)
    page.locator("#search").press("Enter")
    assert page.locator("#panel a").count() == 0  # javascript: URL dropped
    labels = page.locator('input[data-attribute="cluster"] ~ span.name')
    assert LABEL in labels.all_text_contents()
    page.wait_for_timeout(200)  # let anything that was going to run, run
    assert page.evaluate("() => [window.netkitPwned, window.netkitPwned2]") == [None, None]
    assert page.evaluate("() => document.querySelectorAll('img, svg, b, i, u').length") == 0
    assert page.evaluate("() => document.scripts.length") == 3
    assert opened.log.dialogs == []
    assert opened.log.console_errors == []
    assert opened.log.page_errors == []


def hostile_id(name: str) -> str:
    return "name:hostile-1" if name == IMG else "name:hostile-2"


@pytest.mark.browser
def test_grouped_clusters_expand_on_click(open_page, tmp_path, sample_network, sample_tables):
    path = interactive_map(sample_network, tmp_path / "m.html", max_nodes=150, **sample_tables)
    data = page_data(path)
    opened = open_page(path)
    page = opened.page
    alone = [i for i, p in enumerate(data["people"]) if p.get("i")]
    organisations = {o for i, o, _ in data["membership"] if data["people"][i].get("i")}
    groups = len(data["groups"])  # every group keeps members that are not drawn alone
    drawn = page.evaluate("() => netkit.drawnCount()")
    assert drawn == len(alone) + groups + len(organisations) + 1
    note = page.locator("#grouped").text_content()
    assert f"{len(alone)} drawn one by one" in note and f"into {groups} circles" in note
    # Click the circle of the contacts linked to no one (above the map, nothing over it).
    g = next(g for g, group in enumerate(data["groups"]) if group["key"] == -1)
    hidden = sum(1 for p in data["people"] if p["g"] == g and not p.get("i"))
    page.evaluate(f"() => netkit.network.focus('g{g}', {{animation: false}})")
    page.mouse.click(*screen_point(page, f"g{g}"))
    assert len(person_ids(page)) == len(alone) + hidden
    assert page.locator("#panel h2").text_content() == data["groups"][g]["label"]
    page.locator("#panel button.action").click()
    assert len(person_ids(page)) == len(alone)
    assert opened.log.console_errors == [] and opened.log.page_errors == []


@pytest.mark.browser
def test_italian_page(open_page, tmp_path, sample_network, sample_tables):
    path = interactive_map(sample_network, tmp_path / "it.html", lang="it", **sample_tables)
    opened = open_page(path)
    page = opened.page
    assert page.evaluate("() => document.documentElement.lang") == "it"
    assert page.locator("#search").get_attribute("placeholder") == "Cerca una persona"
    assert page.locator("#heading").text_content().startswith("Mappa della rete di ")
    page.locator("details summary", has_text="Settore").click()
    sectors = page.locator('input[data-attribute="sector"] ~ span.name').all_text_contents()
    assert "energie rinnovabili" in sectors
    assert opened.log.console_errors == [] and opened.log.page_errors == []


@pytest.mark.browser
def test_small_networks_load(open_page, tmp_path):
    empty = nx.Graph(netkit_schema=1, ego="ego")
    empty.add_node("ego", kind="ego", name="Ada")
    one = empty.copy()
    one.add_node("li:bo", kind="person", name="Bo")
    one.add_edge("ego", "li:bo", connected_on="2024-01-01")
    # Under 300 nodes vis-network's physics tidies the map: karate runs it.
    for name, G, drawn in (("empty", empty, 1), ("one", one, 2), ("karate", karate(), 34)):
        path = interactive_map(G, tmp_path / f"{name}.html")
        assert page_data(path)["physics"] is True
        opened = open_page(path)
        assert opened.page.evaluate("() => netkit.drawnCount()") == drawn
        assert opened.log.console_errors == [] and opened.log.page_errors == []


@pytest.mark.browser
def test_the_helper_blocks_and_records_requests(chromium_browser, tmp_path):
    """The offline checks above mean something: a page asking the network is caught."""
    from tests.render.browser import open_offline

    page = tmp_path / "leaky.html"
    page.write_text(
        '<img src="https://example.com/pixel.png">'
        '<link rel="stylesheet" href="http://example.com/style.css">'
        "<script>fetch('https://example.com/api').catch(() => {});"
        "window.netkitReady = true;</script>",
        encoding="utf-8",
    )
    opened = open_offline(chromium_browser, page)
    opened.page.wait_for_timeout(300)
    assert set(opened.log.blocked) >= {
        "https://example.com/pixel.png",
        "http://example.com/style.css",
        "https://example.com/api",
    }
    opened.page.context.close()


@pytest.mark.browser
def test_narrow_window_keeps_the_map_wide(open_page, sample_map):
    """On a phone (or in a narrow frame) the controls go above the map, not beside it."""
    opened = open_page(sample_map, width=360, height=740)
    page = opened.page
    box = page.locator("#map").bounding_box()
    assert box["width"] >= 350 and box["height"] >= 300
    controls = page.locator("#controls").bounding_box()
    assert controls["y"] + controls["height"] <= box["y"] + 1  # above, not beside
    data = page_data(sample_map)
    assert page.evaluate("() => netkit.drawnCount()") == expected_counts(data)[0]
    assert opened.log.console_errors == [] and opened.log.page_errors == []
