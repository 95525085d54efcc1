"""The coaching report: sections in both languages, escaping, no remote resources, bytes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import netkit.sample
from netkit.pipeline import import_network
from netkit.render.report import TEXTS, format_date, format_number, report

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
    "h_clusters",
    "h_ties",
    "h_maintenance",
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
    return re.sub(r"<svg\b.*?</svg>", "", text, flags=re.DOTALL)


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
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
    finally:
        page.context.close()


@pytest.mark.browser
def test_hostile_contact_runs_nothing(chromium_browser, hostile, tmp_path):
    from tests.render.browser import open_offline

    path = tmp_path / "hostile.html"
    path.write_text(hostile, encoding="utf-8")
    opened = open_offline(chromium_browser, path, ready="() => document.readyState === 'complete'")
    try:
        assert opened.log.dialogs == [] and opened.log.page_errors == []
        assert opened.log.blocked == []
        assert HOSTILE_NAME in opened.page.inner_text("body")
    finally:
        opened.page.context.close()
