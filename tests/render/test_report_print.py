"""The coaching report on paper: the A4 PDF Chromium prints from it (issue 8).

The report is opened offline in headless Chromium and printed with Playwright's
``page.pdf`` (A4, print media, backgrounds). Before printing, tiny white marker texts are
put into the page (``NKT3R0A`` at the start of every cell of row 0 of table 3, ``NKT3R0B``
at its end, ``NKT3H`` in its first header cell, ``NKTMAPA``/``NKTMAPB`` around the map),
so ``pdftotext`` tells on which page each table starts and ends, whether a row is split
and whether the header is repeated. ``pdftoppm`` then renders the first pages to check
that they are A4 (portrait, the map's page landscape), not blank, and that the map is
really printed in colour.

poppler-utils (``pdftotext``, ``pdftoppm``) is needed: the tests skip without it on a
developer's machine and fail in CI, like the Chromium fixture.
"""

from __future__ import annotations

import colorsys
import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import netkit.sample
from netkit.pipeline import import_network
from netkit.render.report import report

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
LANGS = ("en", "it")

#: The content box of an A4 page with the report's 15 mm margins, in CSS pixels.
MM = 96 / 25.4
CONTENT_WIDTH_PX = round((210 - 2 * 15) * MM)
CONTENT_HEIGHT_PX = round((297 - 2 * 15) * MM)

#: A marker: white 1px text in a zero-width box, so it changes no line and no column.
MARK_JS = r"""
() => {
  const style = "display:inline-block;width:0;height:0;overflow:visible;white-space:nowrap;"
    + "font-size:1px;line-height:1px;color:#fff;";
  const mark = (element, text, first) => {
    const span = document.createElement("span");
    span.textContent = text;
    span.style.cssText = style;
    if (first) element.prepend(span); else element.append(span);
  };
  // What the page shows on screen only: a stand-in for the interactive map's section.
  const screen = document.createElement("section");
  screen.className = "screen-only";
  screen.innerHTML = "<h2>NKTSCREEN</h2><p>NKTSCREEN</p>";
  const map = document.querySelector("section#map");
  (map || document.body).before(screen);
  const printed = (el) => !el.closest(".screen-only");
  const tables = [...document.querySelectorAll("table")].filter(printed);
  tables.forEach((table, i) => {
    const head = table.querySelector("thead th");
    if (head) mark(head, `NKT${i}H`, true);
    [...table.tBodies].flatMap((b) => [...b.rows]).forEach((row, j) => {
      for (const cell of row.cells) {
        mark(cell, `NKT${i}R${j}A`, true);
        mark(cell, `NKT${i}R${j}B`, false);
      }
    });
  });
  const figure = document.querySelector("figure.map");
  if (figure) {
    mark(figure, "NKTMAPA", true);
    mark(figure.querySelector("figcaption") || figure, "NKTMAPB", false);
  }
  const text = (selector) => [...document.querySelectorAll(selector)].filter(printed)
    .map((el) => el.textContent.trim());
  return {
    rows: tables.map((t) => [...t.tBodies].reduce((n, b) => n + b.rows.length, 0)),
    h2: text("h2"),
    h3: text("h3"),
    sections: [...document.querySelectorAll("section[id]")].filter(printed).map((s) => s.id),
    screenOnly: [...document.querySelectorAll(".screen-only h2, .screen-only h3")]
      .map((el) => el.textContent.trim()),
  };
}
"""

HEIGHTS_JS = """
() => [...document.querySelectorAll("table")].filter((t) => !t.closest(".screen-only"))
  .map((t) => t.getBoundingClientRect().height)
"""

TOKEN = re.compile(r"NKT(?:\d+R\d+[AB]|\d+H|MAP[AB]|SCREEN)")


@dataclass
class Printed:
    """A report printed to PDF, with what the page said about itself before printing."""

    lang: str
    pdf: Path
    pages: list[str]
    rows: list[int]
    heights: list[float]
    h2: list[str]
    h3: list[str]
    sections: list[str]
    screen_only: list[str]
    log: object
    where: dict[str, set[int]] = field(default_factory=dict)

    def pages_of(self, token: str) -> set[int]:
        return self.where.get(token, set())

    def table_span(self, i: int) -> tuple[int, int]:
        """First and last page (1-based) of table ``i``."""
        start = self.pages_of(f"NKT{i}R0A")
        end = self.pages_of(f"NKT{i}R{self.rows[i] - 1}B")
        assert start and end, f"{self.lang}: table {i} markers not found in the PDF"
        return min(start), max(end)


def _normal(text: str) -> str:
    """NFKC (ligatures such as "ﬁ" become "fi"), one space between words."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _run(*args: str | os.PathLike[str]) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def poppler():
    """pdftotext and pdftoppm: skip on a developer's machine without them, fail in CI."""
    missing = [tool for tool in ("pdftotext", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} missing (apt-get install -y poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the print tests: {message}")
        pytest.skip(message)


@pytest.fixture(scope="module")
def graph():
    return import_network([DATA / f for f in netkit.sample.SAMPLE_FILES]).graph


@pytest.fixture(scope="module", params=LANGS)
def printed(request, poppler, chromium_browser, graph, tmp_path_factory) -> Printed:
    from tests.render.browser import open_offline

    lang = request.param
    folder = tmp_path_factory.mktemp(f"print-{lang}")
    path = report(graph, folder / f"report-{lang}.html", lang=lang)
    opened = open_offline(chromium_browser, path, ready="() => document.readyState === 'complete'")
    page = opened.page
    try:
        found = page.evaluate(MARK_JS)
        # Lay the page out as on paper to measure the tables: the width of A4's content box.
        page.set_viewport_size({"width": CONTENT_WIDTH_PX, "height": CONTENT_HEIGHT_PX})
        page.emulate_media(media="print")
        heights = page.evaluate(HEIGHTS_JS)
        pdf = folder / f"report-{lang}.pdf"
        pdf.write_bytes(page.pdf(format="A4", prefer_css_page_size=True, print_background=True))
    finally:
        page.context.close()
    pages = _run("pdftotext", "-layout", pdf, "-").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page, the last one too, with a form feed
    result = Printed(
        lang=lang,
        pdf=pdf,
        pages=pages,
        rows=found["rows"],
        heights=heights,
        h2=found["h2"],
        h3=found["h3"],
        sections=found["sections"],
        screen_only=found["screenOnly"],
        log=opened.log,
    )
    for number, text in enumerate(pages, start=1):
        for token in TOKEN.findall(text):
            result.where.setdefault(token, set()).add(number)
    return result


def test_prints_offline_on_a4(printed):
    log = printed.log
    assert log.blocked == [] and log.console_errors == [] and log.page_errors == []
    assert log.dialogs == []
    info = _run("pdfinfo", printed.pdf) if shutil.which("pdfinfo") else ""
    if info:
        assert re.search(r"Page size:\s+59[45](?:\.\d+)? x 84[12](?:\.\d+)? pts", info), info
    assert 3 <= len(printed.pages) <= 30
    spans = [printed.table_span(i) for i in range(len(printed.rows))]
    print(f"{printed.lang}: {len(printed.pages)} pages; tables {spans}; heights {printed.heights}")


def test_tables_on_first_three_pages_are_not_cut(printed):
    """Issue 8's criterion: no table cut across pages in the first three pages."""
    early = []
    for i in range(len(printed.rows)):
        start, end = printed.table_span(i)
        if start <= 3:
            early.append(i)
            assert start == end, f"{printed.lang}: table {i} runs from page {start} to {end}"
    assert early, "no table starts on the first three pages"


def test_tables_that_fit_a_page_are_not_cut(printed):
    """Anywhere in the report, a table shorter than a page is printed on one page."""
    assert len(printed.heights) == len(printed.rows) >= 5
    for i, height in enumerate(printed.heights):
        start, end = printed.table_span(i)
        if height < 0.95 * CONTENT_HEIGHT_PX:
            assert start == end, (
                f"{printed.lang}: table {i} ({height:.0f}px of {CONTENT_HEIGHT_PX}px a page) "
                f"runs from page {start} to {end}"
            )


def test_rows_are_never_split_and_headers_repeat(printed):
    """Every row on one page; a table taller than a page repeats its header on each page."""
    for i, rows in enumerate(printed.rows):
        for j in range(rows):
            pages = printed.pages_of(f"NKT{i}R{j}A") | printed.pages_of(f"NKT{i}R{j}B")
            assert len(pages) == 1, f"{printed.lang}: table {i} row {j} on pages {pages}"
        start, end = printed.table_span(i)
        for number in range(start, end + 1):
            assert number in printed.pages_of(f"NKT{i}H"), (
                f"{printed.lang}: table {i} has no header on page {number}"
            )


def test_every_section_heading_printed(printed):
    text = _normal(" ".join(printed.pages))
    assert {"glance", "map", "clusters", "ties", "bridges", "target", "approach"} <= set(
        printed.sections
    )
    assert len(printed.h2) >= 7
    for heading in printed.h2 + printed.h3:
        assert _normal(heading) in text, f"{printed.lang}: {heading!r} is not printed"


def test_screen_only_is_not_printed(printed):
    text = " ".join(printed.pages)
    assert "NKTSCREEN" in printed.screen_only
    for heading in printed.screen_only:
        assert _normal(heading) not in _normal(text), f"{heading!r} is printed"


def test_no_heading_ends_a_page(printed):
    """A heading is never the last line of a page, cut off from what it introduces."""
    headings = {_normal(h) for h in printed.h2 + printed.h3}
    for number, text in enumerate(printed.pages, start=1):
        lines = [_normal(TOKEN.sub("", line)) for line in text.splitlines()]
        lines = [line for line in lines if line]
        assert lines, f"{printed.lang}: page {number} is empty"
        last = lines[-1]
        last_two = " ".join(lines[-2:])  # a heading wrapped on two lines
        assert last not in headings and last_two not in headings, (
            f"{printed.lang}: page {number} ends with the heading {last!r}"
        )


def _hue_bins(image) -> tuple[int, int, int]:
    """(pixels with ink, coloured pixels, hues among 12 with at least 40 coloured pixels)."""
    ink = coloured = 0
    bins = [0] * 12
    data = image.convert("RGB").tobytes()
    for r, g, b in zip(data[0::3], data[1::3], data[2::3], strict=True):
        if min(r, g, b) < 230:
            ink += 1
        if max(r, g, b) - min(r, g, b) > 40:
            coloured += 1
            hue = colorsys.rgb_to_hsv(r / 255, g / 255, b / 255)[0]
            bins[int(hue * 12) % 12] += 1
    return ink, coloured, sum(1 for n in bins if n >= 40)


def test_first_pages_are_a4_and_the_map_is_printed(printed, tmp_path):
    from PIL import Image

    assert printed.pages_of("NKTMAPA") == printed.pages_of("NKTMAPB"), "the map is cut"
    (map_page,) = printed.pages_of("NKTMAPA")
    wanted = sorted({1, 2, 3, map_page})
    images = {}
    for number in wanted:
        prefix = tmp_path / f"page-{number}"
        _run("pdftoppm", "-r", "50", "-png", "-f", number, "-l", number, printed.pdf, prefix)
        (png,) = tmp_path.glob(f"page-{number}-*.png")
        images[number] = Image.open(png)
    for number, image in images.items():
        width, height = image.size
        if number == map_page:  # the map has an A4 landscape page of its own
            width, height = height, width
        assert abs(height / width - 2**0.5) < 0.01, f"page {number} is {width}x{height}"
        assert 400 <= width <= 425  # A4 at 50 dpi: 413 x 585
        ink, _, _ = _hue_bins(image)
        assert ink > 0.01 * width * height, f"{printed.lang}: page {number} is blank"
    _, coloured, hues = _hue_bins(images[map_page])
    # Text pages have one hue (the accent blue of the headings); the map has many colours.
    assert coloured > 1000 and hues >= 4, (
        f"{printed.lang}: the map page {map_page} has {coloured} coloured pixels in {hues} hues"
    )
