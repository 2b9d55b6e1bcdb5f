"""Settings stick, in a real browser: Dutch survives a reload (it is in the URL), a walk field typed into and not
left is saved after a pause in typing, and the report's branding follows the user from page to page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from cmplanner import demo
from cmplanner.store import Store
from tests.e2e.conftest import AppServer, open_app, wait_for_app

pytestmark = pytest.mark.e2e


def choose(page: Page, box: Locator, option: str) -> None:
    """Pick an option of a select box (the list opens from the keyboard) and wait for the rerun."""
    box.click()
    box.press("ArrowDown")
    page.get_by_role("option", name=option, exact=True).click()
    wait_for_app(page)


def title(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_dutch_is_kept_on_reload_and_typed_text_survives_it_without_leaving_the_field(
    app_server: AppServer, page: Page
) -> None:
    strategy = Store(app_server.data_dir).create("Bloemist Roos")
    open_app(page, app_server, f"/audience?s={strategy.id}")  # an English browser
    title(page, "Business & audience")
    sidebar = page.get_by_test_id("stSidebar")
    choose(page, sidebar.get_by_role("combobox", name="Language"), "Nederlands")
    title(page, "Bedrijf & doelgroep")
    expect(page).to_have_url(re.compile(r"lang=nl"))

    main = page.get_by_test_id("stMain")
    expect(
        main.get_by_text(re.compile("velden worden bewaard zodra je even stopt met typen"))
    ).to_be_visible()
    sector = main.get_by_role("textbox", name="Sector", exact=True)
    sector.click()
    sector.press_sequentially("Bloemenwinkel", delay=40)
    expect(sector).to_be_focused()  # never left: no Enter, no Tab, no click elsewhere
    page.wait_for_timeout(1600)  # a pause in typing: the field is sent after a second
    wait_for_app(page)

    page.reload()
    wait_for_app(page)
    title(page, "Bedrijf & doelgroep")  # still Dutch after F5
    expect(page.get_by_test_id("stSidebar").get_by_role("combobox", name="Taal")).to_have_value("Nederlands")
    expect(main.get_by_role("textbox", name="Sector", exact=True)).to_have_value("Bloemenwinkel")
    # the sidebar's links carry the language too
    link = page.get_by_test_id("stSidebar").get_by_role("link", name="Strategieën", exact=True)
    expect(link).to_have_attribute("href", re.compile(r"lang=nl"))


def test_report_branding_follows_from_the_tracker_to_the_reports_page(
    app_server: AppServer, page: Page
) -> None:
    bakery = next(s for s in demo.write_demo(Store(app_server.data_dir)) if "Korenschoof" in s.name)
    open_app(page, app_server, f"/tracker?s={bakery.id}")
    main = page.get_by_test_id("stMain")
    main.get_by_text("Report for the client").click()
    client = main.get_by_role("textbox", name="Client name")
    client.fill("Familie Jansen")
    client.press("Enter")
    wait_for_app(page)
    choose(page, main.get_by_role("combobox", name="Language of the report"), "Nederlands")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Reports", exact=True).click()
    title(page, "Reports")
    expect(main.get_by_role("textbox", name="Client name")).to_have_value("Familie Jansen")
    expect(main.get_by_role("combobox", name="Language of the report")).to_have_value("Nederlands")
    preview = page.frame_locator("iframe").first
    expect(preview.get_by_text("Familie Jansen").first).to_be_visible()
    expect(preview.get_by_role("heading", name=re.compile("Voortgang in"))).to_be_visible()
