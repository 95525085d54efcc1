"""Fixtures of the map tests: the sample network, its analyses, and a headless Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "browser: drives Debian's headless Chromium with Playwright (skipped when "
        "/usr/bin/chromium is missing, except in CI, where that fails)",
    )


@pytest.fixture(scope="session")
def chromium_browser():
    """A headless Chromium for the whole session.

    Skips when the browser is missing on a developer's machine; fails in CI (the ``CI``
    environment variable set), where a missing browser means a broken setup.
    """
    from tests.render.browser import CHROMIUM, chromium

    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {message}")
        pytest.skip(message)
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def sample_network():
    """The sample world imported from every sample file (do not modify it)."""
    import netkit.sample
    from netkit.pipeline import import_network

    return import_network([DATA / name for name in netkit.sample.SAMPLE_FILES]).graph


@pytest.fixture(scope="session")
def sample_tables(sample_network):
    """The clusters, ties and bridges tables of the sample network, computed once."""
    from netkit.analyse.bridges import bridges
    from netkit.analyse.clusters import clusters
    from netkit.analyse.ties import ties

    table = clusters(sample_network, seed=0)
    return {
        "clusters": table,
        "ties": ties(sample_network),
        "bridges": bridges(sample_network, clusters=table, seed=0),
    }
