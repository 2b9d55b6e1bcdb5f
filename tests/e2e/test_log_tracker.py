"""Log a week in a real browser, then see the tracker move: the status, the "Now" figure and the chart.

The demo bakery is written as of Sunday 22 November 2026, so its weeks are logged up to 2026-W46. On Monday
30 November (``?today=``) its "Facebook · Posts" goal (26 this quarter, 1 a week logged) is behind: 7 posts
against a pace line of 17. Logging 10 posts for 2026-W47 through the weekly log's data editor brings it to 17,
on track, and puts an eighth "Now" point (W47) on the goal's chart.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Locator, Page, expect

from cmplanner import demo
from cmplanner.store import Store
from tests.e2e.conftest import AppServer, open_app, wait_for_app

pytestmark = pytest.mark.e2e

WRITTEN, TODAY, WEEK = date(2026, 11, 22), "2026-11-30", "2026-W47"
GOAL = "Facebook · Posts"
ROW_HEIGHT = 35  # px: the data editor's header and rows (Streamlit's default)
KEY_DELAY = 50  # ms between keystrokes in the data editor (see the test)


def goal_card(page: Page) -> Locator:
    """The bordered card of GOAL: the innermost block holding both its heading and a chart."""
    return (
        page.get_by_test_id("stVerticalBlock")
        .filter(has=page.get_by_text(f"{GOAL} · 2026-Q4", exact=True))
        .filter(has=page.get_by_test_id("stVegaLiteChart"))
        .last
    )


def now_points(card: Locator) -> Locator:
    """The chart's points on the "Now" line: Vega's SVG gives each point a label such as
    ``Week: W46; Posts: 7; name: Now; week: W46; value: 7.00``."""
    return card.locator("[aria-roledescription='point'][aria-label*='; name: Now;']")


def expect_tracker(page: Page, status: str, now: str, logged: int, last_week: str) -> None:
    """The tracker shows GOAL with ``status`` in the table and on the badge, ``now`` as the Now figure,
    ``logged`` of 9 weeks logged and as many Now points on the chart, the last one in ``last_week``."""
    table = page.get_by_test_id("stDataFrame").first  # the status table; its cells mirror the canvas
    row = table.locator("tr", has=page.locator("td", has_text=GOAL))
    expect(row.locator("td").nth(1)).to_have_text(status)
    card = goal_card(page)
    badge = card.locator(".stMarkdownBadge").filter(visible=True)  # with help, Streamlit keeps a hidden copy
    expect(badge).to_have_text(re.compile(rf"\s{status}$"))  # the icon's name, then the status
    expect(card.get_by_test_id("stMetricValue").first).to_have_text(now)  # the first metric is "Now"
    expect(card.get_by_test_id("stCaptionContainer").filter(has_text="weeks logged")).to_contain_text(
        f"Week 9 of 14 · {logged} of 9 weeks logged"
    )
    expect(now_points(card)).to_have_count(logged)
    expect(now_points(card).last).to_have_attribute(
        "aria-label", re.compile(rf"^Week: {last_week}; Posts: {now};")
    )


def test_logging_a_week_moves_the_goal_on_the_tracker(app_server: AppServer, page: Page) -> None:
    bakery = next(s for s in demo.write_demo(Store(app_server.data_dir), WRITTEN) if "Korenschoof" in s.name)
    query = f"s={bakery.id}&today={TODAY}"

    # Before: behind, 7 posts in 7 logged weeks, W46 the last point on the chart.
    open_app(page, app_server, f"/tracker?{query}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tracker")
    expect_tracker(page, "Behind", "7", 7, "W46")

    # The weekly log, deep-linked to the week: one empty row per platform (Facebook first).
    open_app(page, app_server, f"/log?{query}&week={WEEK}")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("combobox", name="Week")).to_have_value(re.compile(rf"^{WEEK} · 16–22 Nov$"))
    editor = main.get_by_test_id("stDataFrame").first
    posts = editor.locator("#glide-cell-2-0")  # the canvas's accessible mirror: column 2 (Posts), row 0
    expect(editor.locator("th").nth(2)).to_have_text("Posts")
    expect(editor.locator("#glide-cell-0-0")).to_have_text("Facebook")
    expect(posts).to_have_text("")

    # As a person does: click Facebook's row, step right to Posts, open the cell (Enter), type, Enter.
    editor.click(position={"x": 20, "y": ROW_HEIGHT * 1.5})  # the grid's first row, below its header
    expect(editor.locator("#glide-cell-0-0")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(posts).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    # Typing straight onto the cell would open the editor with the first key and lose it to the second (1 then
    # 0 gave "0"): type once the cell's editor has focus. And at a person's pace: Glide's number editor takes
    # the typed value one task after the keystroke, so an Enter sent in the same instant commits nothing
    # (8 of 12 runs without a delay; 0 of 25 with 50 ms between keys).
    cell_editor = page.locator("input.gdg-input")  # Glide's overlay editor, portalled outside the grid
    expect(cell_editor).to_be_focused()
    page.keyboard.type("10", delay=KEY_DELAY)  # the delay also follows the last key
    expect(cell_editor).to_have_value("10")
    page.keyboard.press("Enter")
    expect(posts).to_have_text("10")
    wait_for_app(page)
    main.get_by_role("button", name="Save week").click()
    expect(main.get_by_test_id("stAlert")).to_have_text(re.compile(r"1 platform saved: 1 new\.$"))
    saved = [row for row in Store(app_server.data_dir).weeks(bakery.id) if row.week == WEEK]
    assert [(row.platform.value, row.posts, row.followers) for row in saved] == [("facebook", 10, None)]

    # After: on track, 17 posts, 8 of 9 weeks logged, and the chart has its W47 point.
    open_app(page, app_server, f"/tracker?{query}")
    expect_tracker(page, "On track", "17", 8, "W47")
