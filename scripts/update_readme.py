"""Re-run every ``$ netkit …`` console block of README.md and remake its pictures.

    python scripts/update_readme.py

Commands run in a temporary folder holding a copy of ``data/`` and ``examples/``, in the order the
README shows them; ``tests/test_readme.py`` fails when the README is out of date.

The pictures are the sample's: ``examples/coaching_map.py`` writes the maps into
``examples/output/`` (``network.png``, ``network.html``; ``tests/test_examples.py`` checks they
are today's), and headless Chromium photographs the first screen of the report it writes
(``examples/output/report-first-screen.png``). That step needs Debian's ``chromium`` and the
test extra's Playwright.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from netkit.cli import main as netkit_main

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"(```console\n\$ (netkit [^\n]*)\n)(.*?)(```)", re.DOTALL)


def render(readme: str, workdir: Path) -> str:
    """Return ``readme`` with each console block's output replaced by the real one."""

    def run(match: re.Match[str]) -> str:
        result = CliRunner().invoke(netkit_main, shlex.split(match.group(2))[1:])
        if result.exit_code != 0:
            raise SystemExit(f"`{match.group(2)}` failed:\n{result.output}")
        return match.group(1) + result.stdout + match.group(4)

    for folder in ("data", "examples"):
        shutil.copytree(ROOT / folder, workdir / folder, dirs_exist_ok=True)
    here = Path.cwd()
    try:
        os.chdir(workdir)
        return BLOCK.sub(run, readme)
    finally:
        os.chdir(here)


#: The pictures the README shows, in examples/output/.
OUTPUT = ROOT / "examples" / "output"
KEPT = ("network.png", "network.html")
SCREEN = {"width": 1280, "height": 800}
CHROMIUM = Path(os.environ.get("NETKIT_CHROMIUM", "/usr/bin/chromium"))


def screenshot_report(report: Path, png: Path) -> Path:
    """Photograph the first screen (:data:`SCREEN`) of a report in headless Chromium.

    Every request for anything but the file itself is aborted: the report needs nothing.
    """
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport=SCREEN, device_scale_factor=1)
            page.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(("file:", "data:", "about:"))
                    else route.abort()
                ),
            )
            page.goto(report.resolve().as_uri(), wait_until="load")
            page.screenshot(path=str(png), full_page=False)
        finally:
            browser.close()
    return png


def pictures(output: Path = OUTPUT) -> list[Path]:
    """Run the coaching example into ``output`` and photograph its report."""
    env = {**os.environ, "MPLBACKEND": "Agg"}
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "examples" / "coaching_map.py"),
                str(ROOT / "data"),
                folder,
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        output.mkdir(parents=True, exist_ok=True)
        kept = [Path(shutil.copy2(Path(folder) / name, output / name)) for name in KEPT]
        shot = screenshot_report(Path(folder) / "report.html", output / "report-first-screen.png")
    return [*kept, shot]


def main() -> int:
    path = ROOT / "README.md"
    with tempfile.TemporaryDirectory() as folder:
        new = render(path.read_text(encoding="utf-8"), Path(folder))
    path.write_text(new, encoding="utf-8")
    print(f"updated {path}")
    for picture in pictures():
        print(f"updated {picture.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
