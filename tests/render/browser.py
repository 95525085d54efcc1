"""Drive Debian's headless Chromium with Playwright, every request to another host blocked.

The tests and ``benchmarks/bench_interactive.py`` open netkit's HTML from ``file://`` with
:func:`open_offline`: any request that is not for a local file (or inline ``data:``) is
aborted and recorded, and console errors, uncaught exceptions and dialogs (``alert``) are
recorded too, so a test can assert that a page asked for nothing and ran nothing it should
not. Playwright's own browser downloads are never used: the browser is
:data:`CHROMIUM` (``apt-get install chromium``), or ``NETKIT_CHROMIUM`` when set.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path(os.environ.get("NETKIT_CHROMIUM", "/usr/bin/chromium"))
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@dataclass
class PageLog:
    """What a page did besides drawing: everything a test asserts is empty."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@dataclass
class Opened:
    """A page that has drawn its map, with its log and the seconds it took."""

    page: Any
    log: PageLog
    wall_s: float
    ready_ms: float


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (a Playwright ``Browser``), closed on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=list(ARGS), headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def open_offline(
    browser: Any,
    path: str | os.PathLike[str],
    *,
    width: int = 1400,
    height: int = 900,
    timeout_ms: int = 60_000,
    ready: str = "() => window.netkitReady === true",
) -> Opened:
    """Open a local HTML file in a new context and wait until ``ready`` holds.

    Every request whose URL is not ``file:``, ``data:``, ``blob:`` or ``about:`` is aborted
    and listed in ``log.blocked`` (web sockets too). ``wall_s`` is the time from the start
    of navigation to ``ready``; ``ready_ms`` the page's ``window.netkitReadyAt`` (the
    ``performance.now()`` of its first drawing) when it sets one.
    """
    log = PageLog()
    context = browser.new_context(
        viewport={"width": width, "height": height}, service_workers="block"
    )

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            log.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()

    def request(request: Any) -> None:
        # Requests the route did not see (a worker's, a redirect's) are recorded too.
        if not request.url.startswith(LOCAL_SCHEMES) and request.url not in log.blocked:
            log.blocked.append(request.url)

    def console(message: Any) -> None:
        if message.type == "error":
            log.console_errors.append(message.text)

    page.on("request", request)
    page.on("websocket", lambda socket: log.blocked.append(socket.url))
    page.on("console", console)
    page.on("pageerror", lambda error: log.page_errors.append(str(error)))

    def dialog(d: Any) -> None:
        log.dialogs.append(f"{d.type}: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    start = time.perf_counter()
    page.goto(Path(path).resolve().as_uri(), wait_until="commit", timeout=timeout_ms)
    try:
        page.wait_for_function(ready, timeout=timeout_ms, polling=50)
    except Exception as error:  # say what the page reported, not only "timeout"
        raise AssertionError(f"the page did not get ready: {error}; {log}") from error
    wall = time.perf_counter() - start
    ready_ms = page.evaluate("() => window.netkitReadyAt || NaN")
    return Opened(page=page, log=log, wall_s=wall, ready_ms=float(ready_ms))
