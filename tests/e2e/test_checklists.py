"""Checklists in a real browser: ticks survive a reload; tomorrow's daily list is fresh, the weekly one not."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import Page, expect

from cmplanner import demo
from cmplanner.store import Store
from tests.e2e.conftest import AppServer, open_app

MONDAY, TUESDAY = "2026-11-16", "2026-11-17"  # both in ISO week 2026-W47


def task(page: Page, text: str):  # noqa: ANN201 - a Playwright locator
    return page.get_by_test_id("stMain").get_by_role("checkbox", name=text)


def tick(page: Page, text: str) -> None:
    box = task(page, text)
    box.check(force=True)  # Streamlit styles the real input; force reaches it
    expect(box).to_be_checked()
    page.wait_for_timeout(500)  # let the rerun write the tick


def test_ticks_survive_a_reload_and_tomorrow_starts_a_fresh_day(app_server: AppServer, page: Page) -> None:
    written = demo.write_demo(
        Store(app_server.data_dir), date.fromisoformat(MONDAY)
    )  # its history ends before Monday
    bakery = next(s for s in written if "Korenschoof" in s.name)
    open_app(page, app_server, f"/checklists?s={bakery.id}&today={MONDAY}")
    expect(page.get_by_role("heading", name="Checklists")).to_be_visible()
    tick(page, "Update the publication calendar")
    page.get_by_test_id("stMain").get_by_text("This week", exact=False).first.click()
    tick(page, "Review the overall strategy")

    page.reload()
    open_app(page, app_server, f"/checklists?s={bakery.id}&today={MONDAY}")
    expect(task(page, "Update the publication calendar")).to_be_checked()

    open_app(page, app_server, f"/checklists?s={bakery.id}&today={TUESDAY}")
    expect(task(page, "Update the publication calendar")).not_to_be_checked()
    page.get_by_test_id("stMain").get_by_text("This week", exact=False).first.click()
    expect(task(page, "Review the overall strategy")).to_be_checked()
