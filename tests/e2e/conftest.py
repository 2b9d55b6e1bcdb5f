"""Browser fixtures: a real Chromium (Playwright's sync API) against the app served on a free localhost port.

Modelled on Streamlit's own ``e2e_playwright/conftest.py``: the server runs as a subprocess whose output goes to a
file (a full pipe deadlocks it), readiness is ``/_stcore/health`` answering ``ok``, and a page has finished a run
when ``stApp`` is connected, its script is not running and no skeleton is left.

Every test gets its own server on an EMPTY data folder (``CMPLANNER_DATA``), so tests cannot see each other's
strategies. ``scripts/screenshots.py`` reuses ``find_chromium``, ``launch``, ``start_server`` and ``wait_for_app``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_FLAGS = [
    "--server.headless=true",
    "--server.fileWatcherType=none",
    "--global.developmentMode=false",
    "--browser.gatherUsageStats=false",
]
VIEWPORT = {"width": 1280, "height": 900}
DEFAULT_LOCALE = "en-US"
START_TIMEOUT = 30.0  # seconds for /_stcore/health to answer
RUN_TIMEOUT = 25_000  # ms for a script run to finish (as Streamlit's suite)


# -- plain helpers (also used by scripts/screenshots.py) --------------------------------------------------


def find_chromium(playwright: Playwright | None = None) -> str | None:
    """``$CMPLANNER_CHROMIUM``, else Debian's ``/usr/bin/chromium``, else Playwright's own download if present."""
    env = os.environ.get("CMPLANNER_CHROMIUM")
    if env:
        return env if Path(env).is_file() else None
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    if playwright is not None:
        with contextlib.suppress(Exception):
            own = playwright.chromium.executable_path
            if own and Path(own).is_file():
                return own
    return None


def launch(playwright: Playwright, executable: str) -> Browser:
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class AppServer:
    """A running ``streamlit run app.py``: its ``url``, its ``data_dir`` and its ``log`` file."""

    url: str
    data_dir: Path
    log: Path
    process: subprocess.Popen[bytes] = field(repr=False)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def stop(self) -> None:
        """Terminate the whole process group (streamlit may have children), then kill what is left."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)


def start_server(data_dir: Path, log: Path, timeout: float = START_TIMEOUT) -> AppServer:
    """Start the app on a free 127.0.0.1 port with ``CMPLANNER_DATA=data_dir``; wait until it is healthy.

    Raises ``RuntimeError`` with the server log when it exits or does not answer in time.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        *SERVER_FLAGS,
    ]
    env = {**os.environ, "CMPLANNER_DATA": str(data_dir), "PYTHONUNBUFFERED": "1"}
    with open(log, "wb") as out:  # the child keeps its own handle
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = AppServer(url=f"http://127.0.0.1:{port}", data_dir=data_dir, log=log, process=process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the app server exited with {process.returncode}; its log:\n{server.output()}"
            )
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=1) as response,
        ):
            if response.read() == b"ok":
                return server
        time.sleep(0.1)
    server.stop()
    raise RuntimeError(
        f"the app server did not answer /_stcore/health within {timeout:.0f} s; its log:\n{server.output()}"
    )


def wait_for_app(page: Page, timeout: int = RUN_TIMEOUT) -> None:
    """Wait until the app is connected, its script has finished and every element has rendered.

    After a click, "notRunning" can still be the state from before the rerun: assert with ``expect(...)``,
    which retries, rather than trusting this alone.
    """
    page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(
        state="attached", timeout=timeout
    )
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(
        state="attached", timeout=timeout
    )
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout)


def code_loaded(page: Page, timeout: int = 10_000) -> None:
    """Wait until no request has been open for half a second: the widgets' code is loaded on demand, and a click
    on a download button whose code still loads can be lost (seen about one run in eight). A page that keeps a
    request open (the report preview's frame) just waits ``timeout``."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_load_state("networkidle", timeout=timeout)


def open_app(page: Page, server: AppServer, path: str = "/") -> Page:
    """Load ``path`` (e.g. ``/goals?s=<id>``) in ``page`` and wait for the first run."""
    response = page.goto(server.url + path)
    assert response is not None and response.ok, (
        f"GET {path}: {response.status if response else 'no response'}"
    )
    wait_for_app(page)
    return page


# -- pytest wiring ----------------------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "locale(name): the browser locale of the `page` fixture, e.g. nl-NL")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything under tests/e2e is an e2e test (``-m 'not e2e'`` leaves the browser out)."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def chromium_path(playwright: Playwright) -> str:
    """The browser binary; none at all skips the e2e tests loudly, or fails them under CI (``CI=true``)."""
    path = find_chromium(playwright)
    if path:
        return path
    configured = os.environ.get("CMPLANNER_CHROMIUM")
    reason = (
        f"NO CHROMIUM FOR THE E2E TESTS: CMPLANNER_CHROMIUM={configured} is not a file"
        if configured
        else "NO CHROMIUM FOR THE E2E TESTS: set CMPLANNER_CHROMIUM, `apt-get install -y chromium` "
        "(/usr/bin/chromium) or `python -m playwright install chromium`"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(playwright: Playwright, chromium_path: str) -> Iterator[Browser]:
    browser = launch(playwright, chromium_path)
    yield browser
    browser.close()


@pytest.fixture
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The app on a free port with an empty data folder of its own; the log is printed if the test fails."""
    folder = tmp_path_factory.mktemp("e2e")
    try:
        server = start_server(folder / "data", folder / "server.log")
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """A factory: ``new_page(locale="nl-NL")`` opens a fresh context (1280×900) and a page in it."""
    contexts = []

    def make(locale: str = DEFAULT_LOCALE) -> Page:
        context = browser.new_context(viewport=VIEWPORT, locale=locale)  # type: ignore[arg-type]
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page], request: pytest.FixtureRequest) -> Page:
    """A page in a fresh context; its locale from ``@pytest.mark.locale("nl-NL")``, else en-US."""
    marker = request.node.get_closest_marker("locale")
    return new_page(marker.args[0] if marker else DEFAULT_LOCALE)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """On a failure, attach the server log and a full-page screenshot (its path) to the report."""
    report = yield
    if report.when != "call" or not report.failed:
        return report
    funcargs = getattr(item, "funcargs", {})
    server = funcargs.get("app_server")
    if isinstance(server, AppServer):
        report.sections.append(("app server log", server.output()[-20_000:]))
        page = funcargs.get("page")
        if page is not None:
            shot = server.log.with_name("failure.png")
            with contextlib.suppress(Exception):
                page.screenshot(path=str(shot), full_page=True)
                report.sections.append(("screenshot", str(shot)))
    return report
