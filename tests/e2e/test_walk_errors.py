"""Next with errors in a real browser: the first marked field is scrolled into view, and the summary counts the
marked fields."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from cmplanner.store import Store
from tests.e2e.conftest import AppServer, open_app

pytestmark = pytest.mark.e2e


def in_view(page: Page, selector_text: str) -> bool:
    """Is the element with this text inside the visible part of the page's scrolling main area?"""
    box = page.get_by_text(selector_text, exact=False).first.bounding_box()
    height = page.viewport_size["height"] if page.viewport_size else 900
    return box is not None and 0 <= box["y"] <= height - box["height"]


def test_next_scrolls_the_first_marked_field_into_view(app_server: AppServer, page: Page) -> None:
    strategy = Store(app_server.data_dir).create("Bloemist Roos")
    open_app(page, app_server, f"/audience?s={strategy.id}")
    main = page.get_by_test_id("stMain")
    business = main.get_by_role("textbox", name="Business name", exact=True)
    business.fill("")
    business.press("Enter")
    next_button = main.get_by_role("button", name="Next")
    next_button.scroll_into_view_if_needed()
    assert not in_view(page, "Business name")  # the first field is above the fold when Next is pressed
    next_button.click()
    expect(main.get_by_text("Business name is required.")).to_be_visible()
    expect(main.get_by_text("Please fix the 4 marked fields to continue.")).to_be_visible()
    expect(main.get_by_text("Business name is required.")).to_be_in_viewport()
