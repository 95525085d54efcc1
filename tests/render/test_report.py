"""The coaching report: sections in both languages, escaping, no remote resources, bytes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import netkit.sample
from netkit.pipeline import import_network
from netkit.render.report import TEXTS, format_date, format_number, report
from tests.render.test_interactive import expected_counts

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_TITLE = "</script><script>alert(2)</script>"
HOSTILE = "li:hostile-contact"

#: The section and sub-section headings every report shows (keys of TEXTS).
HEADINGS = (
    "h_glance",
    "h_sources",
    "h_missing",
    "h_shape",
    "h_map",
    "h_interactive",
    "h_clusters",
    "h_ties",
    "h_maintenance",
    "h_changes",
    "h_bridges",
    "h_explain",
    "h_target",
    "h_gaps",
    "h_ranking",
    "h_approach",
)

REMOTE = (
    re.compile(
        r"""\b(?:src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I
    ),
    re.compile(r"""\bsrcset\s*=\s*["'][^"']*(?:https?:)?//""", re.I),
    re.compile(r"""url\(\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"@import", re.I),
)


@pytest.fixture(scope="module")
def graph():
    return import_network([DATA / f for f in netkit.sample.SAMPLE_FILES]).graph


@pytest.fixture(scope="module")
def reports(graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    return {
        lang: report(graph, folder / f"report-{lang}.html", lang=lang).read_text(encoding="utf-8")
        for lang in ("en", "it")
    }


@pytest.fixture(scope="module")
def hostile(graph, tmp_path_factory):
    """A report of the sample with a contact whose name and title are markup."""
    H = graph.copy()
    H.add_node(
        HOSTILE,
        kind="person",
        sources="linkedin-archive",
        name=HOSTILE_NAME,
        company="Plenitude",
        position=HOSTILE_TITLE,
        connected_on="2024-01-10",
        function="hr",
        seniority="director",
        sector="renewable-energy",
        territory="Milano",
        city="Milano",
        province="MI",
        region="Lombardia",
        country="Italy",
    )
    H.add_edge(
        H.graph["ego"],
        HOSTILE,
        sources="linkedin-archive;mbox",
        channels="linkedin;email",
        connected_on="2024-01-10",
        first_contact="2024-02-01",
        last_contact="2026-10-01",
        messages_sent=12,
        messages_received=11,
    )
    H.add_edge(
        HOSTILE,
        "org:plenitude",
        sources="linkedin-archive",
        kind="member_of",
        current=True,
        title=HOSTILE_TITLE,
    )
    path = tmp_path_factory.mktemp("hostile") / "report.html"
    return report(H, path, lang="en").read_text(encoding="utf-8")


def _outside_svg(text: str) -> str:
    """The report without its static map and embedded map (each checked on its own)."""
    text = re.sub(r"<iframe\b.*?</iframe>", "", text, flags=re.DOTALL)
    return re.sub(r"<svg\b.*?</svg>", "", text, flags=re.DOTALL)


def _embedded(text: str) -> str:
    """The page of the embedded interactive map, unescaped from ``srcdoc``."""
    import html

    frames = re.findall(r'<iframe\b[^>]*\ssrcdoc="([^"]*)"', text)
    assert len(frames) == 1
    return html.unescape(frames[0])


def _headings(text: str) -> list[str]:
    return re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", text)


@pytest.mark.parametrize("lang", ["en", "it"])
def test_every_section_heading(reports, lang):
    import html

    found = {html.unescape(h) for h in _headings(reports[lang])}
    for key in HEADINGS:
        assert TEXTS[lang][key] in found, key
    assert f'<html lang="{lang}">' in reports[lang]


def test_italian_has_no_english_heading(reports):
    import html

    italian = {html.unescape(h) for h in _headings(reports["it"])}
    english = {TEXTS["en"][key] for key in TEXTS["en"] if key.startswith("h_")} | {
        TEXTS["en"]["title"]
    }
    assert not italian & english
    body = html.unescape(_outside_svg(reports["it"]))
    for key in ("h_glance", "h_clusters", "h_bridges", "h_target", "h_approach", "footer"):
        assert TEXTS["en"][key] not in body


def test_texts_complete_in_both_languages():
    assert set(TEXTS["en"]) == set(TEXTS["it"])
    assert all(TEXTS["it"][key].strip() for key in TEXTS["it"])


@pytest.mark.parametrize("lang", ["en", "it"])
def test_no_remote_resources(reports, lang):
    text = reports[lang]
    for pattern in REMOTE:
        assert not pattern.search(text), pattern.pattern
    assert "<script" not in text.lower()
    assert "<svg" in text  # the map is inline


@pytest.mark.parametrize("lang", ["en", "it"])
def test_embedded_map_is_self_contained_and_links_nowhere(reports, lang):
    text = reports[lang]
    page = _embedded(text)
    assert page.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in page
    for pattern in REMOTE:
        assert not pattern.search(page), pattern.pattern
    # the sample has LinkedIn profiles, and the stand-alone map links them; the embedded
    # map's data carries no profile at all
    block = _data_block(page)
    data = json.loads(block)
    assert len(data["people"]) == 815
    assert not any("u" in person for person in data["people"])
    assert "linkedin.com" not in block
    assert 'sandbox="allow-scripts"' in text  # no same origin: it cannot reach the report
    # the report's policy allows exactly the map's two scripts, which the frame inherits
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', text).group(1)
    assert policy.count("'sha256-") == 2 and "unsafe-eval" not in policy
    assert 'class="screen-only"' in text


@pytest.mark.parametrize("lang", ["en", "it"])
def test_print_css(reports, lang):
    text = reports[lang]
    assert "@page { size: A4; margin: 15mm; }" in text
    assert "break-inside: avoid" in text
    assert "break-after: avoid" in text


def test_italian_formats(reports):
    it, en = reports["it"], reports["en"]
    assert "1 novembre 2026" in it  # the sample's data date
    assert "1 November 2026" in en
    assert "5.570" in it and "5,570" in en  # rows of the LinkedIn archive
    assert re.search(r">\d,\d{2}<", it)  # a constraint such as 0,50
    assert not re.search(r">\d\.\d{2}<", it)


def test_hostile_contact_is_escaped(hostile):
    outside = _outside_svg(hostile)
    assert "&lt;img src=x onerror=alert(1)&gt;" in outside
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in outside
    assert "<img" not in outside
    assert "<script" not in hostile.lower()
    assert "alert(1)>" not in hostile and "onerror=alert(1)" not in outside.replace(
        "&lt;img src=x onerror=alert(1)&gt;", ""
    )
    svg = "".join(re.findall(r"<svg\b.*?</svg>", hostile, flags=re.DOTALL))
    assert "<img" not in svg and "<script" not in svg  # text is drawn as outlines


def test_same_bytes_twice(graph, tmp_path):
    one = report(graph, tmp_path / "one.html", lang="it").read_bytes()
    two = report(graph, tmp_path / "two.html", lang="it").read_bytes()
    assert one == two


def test_tables_given_are_reused_to_the_same_bytes(graph, reports, tmp_path):
    from netkit import analyse

    table = analyse.clusters(graph, seed=0)
    tables = {
        "clusters": table,
        "ties": analyse.ties(graph),
        "bridges": analyse.bridges(graph, clusters=table, seed=0),
    }
    given = report(graph, tmp_path / "given.html", lang="it", **tables)
    assert given.read_text(encoding="utf-8") == reports["it"]


def test_target_options(graph, tmp_path):
    text = report(graph, tmp_path / "t.html", sector="renewable energy").read_text("utf-8")
    assert "chosen for this session" in text


def test_unknown_language(graph, tmp_path):
    with pytest.raises(ValueError, match="lang"):
        report(graph, tmp_path / "x.html", lang="fr")


def test_formatting_helpers():
    assert format_number(1234, "it") == "1.234"
    assert format_number(1234, "en") == "1,234"
    assert format_number(0.5213, "it", 2) == "0,52"
    assert format_number(-0.8, "it", 2) == "−0,80"
    assert format_number(float("nan"), "en") == "–"
    assert format_date("2026-11-01", "it") == "1 novembre 2026"
    assert format_date("2026-11-01T10:00:00", "en") == "1 November 2026"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "it"])
def test_opens_offline_in_chromium(chromium_browser, graph, tmp_path, lang):
    from tests.render.browser import open_offline

    path = report(graph, tmp_path / f"report-{lang}.html", lang=lang)
    opened = open_offline(chromium_browser, path, ready="() => document.readyState === 'complete'")
    page = opened.page
    try:
        assert opened.log.blocked == [] and opened.log.console_errors == []
        assert opened.log.page_errors == [] and opened.log.dialogs == []
        for anchor in ("glance", "map", "clusters", "ties", "bridges", "target", "approach"):
            assert page.locator(f"section#{anchor} h2").count() == 1, anchor
        box = page.locator("figure.map svg").bounding_box()
        assert box and box["width"] > 300 and box["height"] > 150
        # the embedded interactive map draws every contact, and search finds a person
        frame = _map_frame(page)
        data = json.loads(_data_block(_embedded(path.read_text(encoding="utf-8"))))
        nodes, edges = expected_counts(data)
        assert frame.evaluate("() => [netkit.drawnCount(), netkit.drawnEdgeCount()]") == [
            nodes,
            edges,
        ]
        box = page.locator("iframe.interactive-map").bounding_box()
        assert box and box["width"] > 600 and box["height"] > 400
        person = next(p for p in data["people"] if p.get("h"))
        frame.locator("#search").fill(person["n"])
        frame.locator("#search").press("Enter")
        assert frame.locator("#panel h2").text_content() == person["n"]
        assert frame.locator("#panel a[href^='http']").count() == 0  # links nowhere
        assert opened.log.blocked == [] and opened.log.console_errors == []
        assert opened.log.page_errors == [] and opened.log.dialogs == []
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        page.context.close()


def _data_block(page: str) -> str:
    found = re.search(r'<script type="application/json" id="netkit-data">(.*?)</script>', page)
    return found.group(1)


def _map_frame(page):
    """The embedded map's frame, once it has drawn.

    Chromium draws a frame of another origin (a sandboxed one is) only once it is on
    screen, as a reader scrolling to it would see it.
    """
    page.locator("iframe.interactive-map").scroll_into_view_if_needed()
    frames = [f for f in page.frames if f.url == "about:srcdoc"]
    assert len(frames) == 1
    frames[0].wait_for_function("() => window.netkitReady === true", timeout=60_000)
    return frames[0]


@pytest.mark.browser
def test_hostile_contact_runs_nothing(chromium_browser, hostile, tmp_path):
    from tests.render.browser import open_offline

    path = tmp_path / "hostile.html"
    path.write_text(hostile, encoding="utf-8")
    opened = open_offline(chromium_browser, path, ready="() => document.readyState === 'complete'")
    try:
        assert HOSTILE_NAME in opened.page.inner_text("body")
        # in the embedded map too the name is text: search it, open it, nothing runs
        frame = _map_frame(opened.page)
        frame.locator("#search").fill("onerror")
        frame.locator("#search").press("Enter")
        assert frame.locator("#panel h2").text_content() == HOSTILE_NAME
        assert frame.evaluate("() => document.querySelectorAll('img').length") == 0
        assert opened.log.dialogs == [] and opened.log.page_errors == []
        assert opened.log.blocked == []
    finally:
        opened.page.context.close()


def _previous(graph):
    """The sample as an earlier import saw it: two people had other jobs, one was not there."""
    old = graph.copy()
    people = sorted(
        n for n, d in graph.nodes(data=True) if d["kind"] == "person" and d.get("position")
    )
    moved, promoted, new = people[0], people[1], people[2]
    old.nodes[moved]["position"] = "Junior Analyst"
    old.nodes[promoted]["position"] = "Assistente di direzione"
    old.remove_node(new)
    return old, moved, promoted


@pytest.mark.parametrize("lang", ["en", "it"])
def test_job_changes_since_the_previous_import(graph, tmp_path, lang):
    import html

    old, moved, promoted = _previous(graph)
    text = report(graph, tmp_path / "r.html", lang=lang, previous=old).read_text("utf-8")
    section = html.unescape(_outside_svg(text)).split(TEXTS[lang]["h_changes"], 1)[1]
    section = section.split("</section>", 1)[0]
    job = "job title" if lang == "en" else "ruolo"
    for person, before in ((moved, "Junior Analyst"), (promoted, "Assistente di direzione")):
        data = graph.nodes[person]
        assert data["name"] in section
        assert f"{job}: {before} → {data['position']}" in section
    added = "1 new contacts, 0 no longer" if lang == "en" else "1 nuovi contatti, 0 non più"
    assert added in section
    assert TEXTS[lang]["changes_hint"] not in section


def test_without_a_previous_import_the_report_says_how(reports):
    import html

    for lang, text in reports.items():
        assert TEXTS[lang]["changes_hint"] in html.unescape(text)


def test_no_change_between_identical_imports(graph, tmp_path):
    text = report(graph, tmp_path / "same.html", previous=graph).read_text("utf-8")
    assert TEXTS["en"]["none_changes"] in text
