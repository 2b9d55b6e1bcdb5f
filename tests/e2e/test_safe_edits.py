"""In a real browser: two tabs editing one strategy never overwrite each other, and user text is inert on every page
(a name holding a Markdown image pointing at a local server makes the browser fetch nothing)."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from cmplanner import demo
from cmplanner.models import CustomTask, Review
from cmplanner.reviews import save as save_review
from cmplanner.store import Store
from tests.e2e.conftest import AppServer, free_port, open_app, wait_for_app

pytestmark = pytest.mark.e2e

TODAY = "2026-11-18"
PAGES = (
    "/",
    "/audience",
    "/platforms",
    "/goals",
    "/review",
    "/strategy",
    "/checklists",
    "/log",
    "/import",
    "/tracker",
    "/month",
    "/quarter",
    "/reports",
)


def test_a_second_tab_saving_the_same_goals_sees_the_message_and_the_first_edit_is_kept(
    app_server: AppServer, new_page: Callable[..., Page]
) -> None:
    store = Store(app_server.data_dir)
    bakery = demo.write_demo(store, date(2026, 11, 18))[0]
    goal = bakery.goals[0]
    first, second = new_page(), new_page()
    for tab in (first, second):
        open_app(tab, app_server, f"/goals?s={bakery.id}&today={TODAY}")

    target = first.get_by_role("spinbutton", name="Target").first
    target.fill("2222")
    target.press("Enter")
    wait_for_app(first)
    first.get_by_role("button", name="Next").click()
    expect(first.get_by_role("heading", name="Review")).to_be_visible()
    assert store.get(bakery.id).goals[0].target == 2222

    note = second.get_by_role("textbox", name="Note").first
    note.fill("Typed in the second tab")
    note.press("Enter")
    wait_for_app(second)
    second.get_by_role("button", name="Next").click()
    expect(second.get_by_text(re.compile("This strategy was changed in another window at"))).to_be_visible()
    expect(second.get_by_text(re.compile("Your change was not saved"))).to_be_visible()
    kept = store.get(bakery.id).goals[0]
    assert kept.target == 2222 and kept.note == goal.note  # the first edit kept, nothing overwritten

    second.get_by_role("button", name="Reload").click()
    expect(second.get_by_role("spinbutton", name="Target").first).to_have_value("2222")


class Requests:
    """A local HTTP server that counts every request the browser makes to it."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        seen = self.paths

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the http.server API)
                seen.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def trap() -> Iterator[Requests]:
    requests = Requests()
    yield requests
    requests.close()


def test_user_text_with_a_markdown_image_is_shown_as_text_on_every_page(
    app_server: AppServer, page: Page, trap: Requests
) -> None:
    image = f"![x]({trap.url}/image.png)"
    store = Store(app_server.data_dir)
    bakery = demo.write_demo(store, date(2026, 11, 18))[0]
    strategy = store.get(bakery.id)
    strategy.name = f"Bakkerij {image}"
    strategy.goals = [
        g.model_copy(update={"note": f"Note {image} <img src='{trap.url}/tag.png'>"}) for g in strategy.goals
    ]
    strategy.personas = [p.model_copy(update={"pains": f"Pains {image}"}) for p in strategy.personas]
    task = CustomTask(label=f"Task {image}", period="day")
    strategy.checklist = strategy.checklist.model_copy(update={"custom": [task]})
    store.save(strategy)
    review = Review(kind="month", period="2026-10", decisions=f"Decided {image} [link]({trap.url}/link)")
    store.update(bakery.id, lambda edit: save_review(edit, review))

    for path in PAGES:
        open_app(page, app_server, f"{path}?s={bakery.id}&today={TODAY}")
        expect(page.get_by_text(re.compile(r"Bakkerij !\[x\]")).first).to_be_visible()
    open_app(page, app_server, f"/tracker?s=[click]({trap.url}/param)")
    expect(page.get_by_text(re.compile(r"is not a valid strategy id"))).to_be_visible()
    assert page.locator(f"a[href^='{trap.url}']").count() == 0
    page.wait_for_timeout(500)  # give a late image request time to arrive
    assert trap.paths == []
