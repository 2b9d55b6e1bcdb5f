"""A new user in a real browser: create a strategy through the whole walk, by the labels a person reads.

Every test starts its own server on an empty data folder (see conftest.py). Links are found by role and name
(their text also holds the material icon's name); after each action the assertions retry with ``expect``.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from cmplanner import demo
from cmplanner.store import Store
from tests.e2e.conftest import AppServer, open_app, wait_for_app

pytestmark = pytest.mark.e2e


def title(page: Page, text: str) -> None:
    """The page's title (its one level-1 heading) reads ``text``."""
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def type_into(page: Page, label: str, text: str) -> None:
    """Type into a text field and commit it (Enter), as a person would before moving on."""
    field = page.get_by_role("textbox", name=label, exact=True)
    field.fill(text)
    field.press("Enter")
    wait_for_app(page)


def choose(page: Page, label: str, *options: str) -> None:
    """Pick options in a select box or multiselect by its label (the list opens from the keyboard)."""
    box = page.get_by_role("combobox", name=label, exact=True)
    for option in options:
        box.click()
        box.press("ArrowDown")
        page.get_by_role("option", name=option, exact=True).click()
        wait_for_app(page)
    if box.get_attribute("aria-expanded") == "true":
        box.press("Escape")


def tick(page: Page, checkbox: Locator, on: bool) -> None:
    """Tick or untick a checkbox (clicking it, as a person would) and wait for the rerun."""
    if checkbox.is_checked() != on:
        checkbox.click(force=True)  # the input itself is visually hidden behind Streamlit's box
    expect(checkbox).to_be_checked(checked=on)
    wait_for_app(page)


def test_new_user_walks_through_a_whole_strategy(app_server: AppServer, page: Page) -> None:
    main = page.get_by_test_id("stMain")

    # Home, first run: the empty state.
    open_app(page, app_server)
    title(page, "Welcome to cmplanner")
    expect(main.get_by_role("button", name="Load the demo workspace")).to_be_visible()
    main.get_by_role("textbox", name="Name of the business or client").fill("Bakery Browser")
    main.get_by_role("button", name="Create strategy").click()

    # Step 1: business & audience. The business name is prefilled from the strategy's name.
    title(page, "Business & audience")
    expect(main.get_by_text("Step 1 of 4")).to_be_visible()
    expect(main.get_by_role("textbox", name="Business name")).to_have_value("Bakery Browser")
    type_into(page, "Persona name", "Neighbour Marieke")
    choose(page, "Age groups", "30-49", "50-64")

    # Next with the sector still empty: an inline message, and the step does not advance.
    main.get_by_role("button", name="Next").click()
    expect(main.get_by_text("Sector is required.")).to_be_visible()
    expect(main.get_by_text("Please fix the marked field to continue.")).to_be_visible()
    title(page, "Business & audience")
    expect(page).to_have_url(re.compile(r"/audience\?(lang=en&)?s=[0-9a-f]{32}(&lang=en)?$"))

    type_into(page, "Sector", "Bakery")
    expect(main.get_by_text("Sector is required.")).to_have_count(0)  # validation is live once touched
    type_into(page, "Where they live", "Utrecht")
    choose(page, "Where they are online", "Facebook", "Instagram")
    main.get_by_role("button", name="Next").click()

    # Step 2: platforms, ranked, each with its reasons and their sources.
    title(page, "Platforms")
    expect(main.get_by_text("Step 2 of 4")).to_be_visible()
    expect(
        main.get_by_text(re.compile(r"Recommended$")).first
    ).to_be_visible()  # the badge (icon name + text)
    expect(main.get_by_text(re.compile(r"Not recommended$")).first).to_be_visible()
    expect(
        main.get_by_text(
            re.compile(r"In the Netherlands \d+% of social media users aged 15 and over use Facebook")
        ).first
    ).to_be_visible()
    expect(main.get_by_text(re.compile(r"^Source: ")).first).to_be_visible()
    # Not exact: the checkbox's accessible name carries the label's markdown (**Facebook**).
    facebook = main.get_by_role("checkbox", name="Facebook")
    instagram = main.get_by_role("checkbox", name="Instagram")
    tick(page, facebook, True)  # recommended for this persona
    tick(page, instagram, True)  # not recommended: tick it anyway …
    expect(main.get_by_role("spinbutton", name="Posts per week")).to_have_count(2)
    tick(page, instagram, False)  # … and change our mind
    expect(main.get_by_role("spinbutton", name="Posts per week")).to_have_count(1)
    # the plan's hours as the checklists will count them: the platforms and the routines
    expect(
        main.get_by_text(re.compile(r"The plan takes [\d.]+ hours a week \([\d.]+ for the platforms"))
    ).to_be_visible()
    main.get_by_role("button", name="Next").click()

    # Step 3: goals and KPIs.
    title(page, "Goals & KPIs")
    expect(main.get_by_text("No goals yet.", exact=False)).to_be_visible()
    main.get_by_role("button", name="Add a goal").click()
    expect(main.get_by_text("Goal 1", exact=True)).to_be_visible()
    wait_for_app(page)
    choose(page, "Platform", "Facebook")
    choose(page, "KPI", "Followers")
    baseline = main.get_by_role("spinbutton", name="Baseline")
    baseline.fill("1200")
    baseline.press("Enter")
    wait_for_app(page)
    target = main.get_by_role("spinbutton", name="Target")
    target.fill("1500")
    target.press("Enter")
    wait_for_app(page)
    main.get_by_role("button", name="Next").click()

    # Step 4: review, then save.
    title(page, "Review")
    expect(main.get_by_text("This is your strategy. Read it once more, then save it.")).to_be_visible()
    expect(main.get_by_text("From 1,200 to 1,500", exact=False)).to_be_visible()
    main.get_by_role("button", name="Save strategy").click()

    # The strategy document, with the confirmation.
    title(page, "Bakery Browser")
    expect(main.get_by_text("Strategy saved.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/strategy\?(lang=en&)?s=[0-9a-f]{32}(&lang=en)?$"))
    expect(main.get_by_text(re.compile(r"^Ready · last changed"))).to_be_visible()
    expect(main.get_by_role("heading", name="Goals and KPIs")).to_be_visible()

    # A reload keeps it; the overview lists it with its goals.
    page.reload()
    wait_for_app(page)
    title(page, "Bakery Browser")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Strategies", exact=True).click()
    title(page, "Strategies")
    expect(main.get_by_text("1 strategy in this workspace")).to_be_visible()
    expect(main.get_by_role("heading", name="Bakery Browser")).to_be_visible()
    # The card's summary line, plural and all, as the home page writes it.
    expect(main.get_by_text(re.compile(r"^Ready · Bakery · 1 platform · 1 goal · changed "))).to_be_visible()
    expect(main.get_by_role("button", name="Open")).to_be_visible()


@pytest.mark.locale("nl-NL")
def test_dutch_browser_gets_the_dutch_home_page(app_server: AppServer, page: Page) -> None:
    open_app(page, app_server)
    title(page, "Welkom bij cmplanner")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("button", name="Strategie maken")).to_be_visible()
    expect(main.get_by_role("textbox", name="Naam van het bedrijf of de klant")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("link", name="Strategieën", exact=True)).to_be_visible()
    expect(sidebar.get_by_role("combobox", name="Taal")).to_have_value("Nederlands")


def test_deep_link_renders_the_page_with_the_custom_sidebar(app_server: AppServer, page: Page) -> None:
    bakery = next(s for s in demo.write_demo(Store(app_server.data_dir)) if "Korenschoof" in s.name)

    open_app(page, app_server, f"/goals?s={bakery.id}")  # the first visit after the server started
    title(page, "Goals & KPIs")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_text("Goal 1", exact=True)).to_be_visible()
    expect(main.get_by_text("Step 3 of 4")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Bakkerij De Korenschoof")).to_be_visible()  # the active strategy
    for label in ("Strategies", "Business & audience", "Platforms", "Goals & KPIs", "Review", "Strategy"):
        expect(sidebar.get_by_role("link", name=label, exact=True)).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)  # not Streamlit's generated menu
    expect(page).to_have_url(re.compile(rf"/goals\?s={bakery.id}&lang=en$"))
