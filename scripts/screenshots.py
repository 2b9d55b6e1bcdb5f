"""Full-page screenshots of every page, in English and Dutch, for reviewing the UI (not a test).

Starts the app on a temporary data folder, shoots the empty home page, loads the demo workspace
(``python -m cmplanner.cli demo``) and shoots the home page and every script in ``pages/`` (those that work on a
strategy get ``?s=<the bakery's id>``). Files go to ``<out>/<lang>/<page>.png``; the empty home page is
``home_empty.png``.

Usage: .venv/bin/python scripts/screenshots.py [--out screenshots] [--pages audience,goals] [--langs en,nl]

Exits 1 when a page shows a Streamlit exception (the pages concerned are listed).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from tests.e2e.conftest import VIEWPORT, AppServer, find_chromium, launch, start_server, wait_for_app  # noqa: E402

LOCALES = {"en": "en-US", "nl": "nl-NL"}
MAX_HEIGHT = 12_000  # px: a runaway page should not make a gigantic PNG


def page_scripts() -> dict[str, Path]:
    """``{"audience": pages/1_audience.py, ...}``: the URL name of every page script, in menu order."""
    scripts = [p for p in (ROOT / "pages").glob("*.py") if not p.name.startswith("_")]

    def order(path: Path) -> tuple[int, str]:
        number = re.match(r"^(\d+)_", path.name)
        return (int(number.group(1)) if number else 10**6, path.name)

    return {re.sub(r"^\d+_", "", p.stem): p for p in sorted(scripts, key=order)}


def load_demo(data_dir: Path) -> str:
    """Write the demo workspace with the project's CLI; the bakery's strategy id."""
    env = {**os.environ, "CMPLANNER_DATA": str(data_dir)}
    result = subprocess.run(
        [sys.executable, "-m", "cmplanner.cli", "demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"cmplanner demo failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    for line in result.stdout.splitlines():
        found = re.match(r"wrote (.*) \(([0-9a-f]{32})\)$", line.strip())
        if found and "bakkerij" in found.group(1).lower():
            return found.group(2)
    raise SystemExit(f"no bakery in the demo output:\n{result.stdout}")


def shoot(page: Page, server: AppServer, path: str, out: Path) -> bool:
    """Load ``path``, grow the viewport to the page's height (Streamlit scrolls inside its main area, so a
    "full page" screenshot would only show the window), save the PNG. False when the page shows an exception."""
    page.set_viewport_size(VIEWPORT)  # type: ignore[arg-type]
    page.goto(server.url + path)
    wait_for_app(page)
    page.evaluate("document.fonts.ready")
    height = page.evaluate(
        """() => Math.max(...['stMain', 'stMainBlockContainer', 'stSidebarContent']
               .map(id => document.querySelector(`[data-testid='${id}']`))
               .filter(Boolean).map(el => el.scrollHeight))"""
    )
    page.set_viewport_size(
        {"width": VIEWPORT["width"], "height": min(max(VIEWPORT["height"], height), MAX_HEIGHT)}
    )
    wait_for_app(page)
    page.wait_for_timeout(300)  # let the layout settle after the resize
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out), full_page=True, animations="disabled")
    return page.get_by_test_id("stException").count() == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", default="screenshots", help="folder for <lang>/<page>.png (default: screenshots)"
    )
    parser.add_argument(
        "--pages", default="", help="comma-separated page names, e.g. home,audience,goals (default: all)"
    )
    parser.add_argument("--langs", default="en,nl", help="comma-separated languages (default: en,nl)")
    args = parser.parse_args(argv)

    scripts = page_scripts()
    known = ["home", *scripts]
    wanted = [name.strip() for name in args.pages.split(",") if name.strip()] or known
    unknown = [name for name in wanted if name not in known]
    langs = [lang.strip() for lang in args.langs.split(",") if lang.strip()]
    if unknown or not set(langs) <= LOCALES.keys():
        parser.error(f"pages are {', '.join(known)}; languages are {', '.join(LOCALES)}")
    out = Path(args.out)
    if not out.is_absolute():
        out = Path.cwd() / out

    started = time.monotonic()
    failed: list[str] = []
    written = 0
    with tempfile.TemporaryDirectory(prefix="cmplanner-shots-") as tmp, sync_playwright() as pw:
        executable = find_chromium(pw)
        if executable is None:
            print("no Chromium: set CMPLANNER_CHROMIUM or install /usr/bin/chromium", file=sys.stderr)
            return 2
        server = start_server(Path(tmp) / "data", Path(tmp) / "server.log")
        browser = launch(pw, executable)
        try:
            pages = {}
            for lang in langs:
                context = browser.new_context(viewport=VIEWPORT, locale=LOCALES[lang])  # type: ignore[arg-type]
                context.set_default_timeout(30_000)
                pages[lang] = context.new_page()

            def take(lang: str, name: str, path: str) -> None:
                nonlocal written
                target = out / lang / f"{name}.png"
                ok = shoot(pages[lang], server, path, target)
                written += 1
                print(
                    f"{'ok ' if ok else 'ERR'} {target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target}"
                )
                if not ok:
                    failed.append(f"{lang}/{name}")

            if "home" in wanted:
                for lang in langs:
                    take(lang, "home_empty", "/")
            bakery = load_demo(server.data_dir)
            for name in wanted:
                if name == "home":
                    path = "/"
                else:
                    needs = "needs_strategy=True" in scripts[name].read_text(encoding="utf-8")
                    path = f"/{name}" + (f"?s={bakery}" if needs else "")
                for lang in langs:
                    take(lang, name, path)
        finally:
            browser.close()
            server.stop()
    print(f"{written} screenshots in {out} ({time.monotonic() - started:.1f} s)")
    if failed:
        print(f"pages showing an exception: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
