"""The calendar in a real browser: a new user plans a week of posts by visible labels, marks one ready by answering
seed 000's six questions, and downloads the plan for approval as a PDF."""

from __future__ import annotations

import io

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from cmplanner import demo
from cmplanner.models import PostStatus
from cmplanner.store import PLANNED_POSTS, Store
from tests.e2e.conftest import AppServer, code_loaded, open_app

DAY = "2026-12-03"  # Thursday of ISO week 2026-W49
QUESTIONS = (
    "What is the goal of this post?",
    "How does it fit the strategy?",
    "What does it do for the brand?",
    "Is the source reliable?",
    "Are the facts right?",
    "Spelling and grammar checked?",
)


def add_ideas(page: Page, lines: str, day: str, drop: str | None = None) -> None:
    """Open "Add ideas", type the lines, pick the day (and untick a platform), add them."""
    main = page.get_by_test_id("stMain")
    main.get_by_role("button", name="Add ideas").click()
    popover = page.get_by_test_id("stPopoverBody")
    popover.get_by_label("Ideas, one per line").fill(lines)
    popover.get_by_test_id("stSelectbox").filter(has_text="Day").click()
    page.keyboard.type(day)  # the list is long: typing filters it, as a user would
    page.get_by_role("option", name=day).click()
    if drop:
        popover.get_by_role("button", name=f"Remove {drop}").click()
    popover.get_by_role("button", name="Add the ideas").click()


def test_plan_a_week_mark_one_ready_and_download_the_plan_for_approval(
    app_server: AppServer, page: Page
) -> None:
    store = Store(app_server.data_dir)
    bakery = store.save(demo.bakery("2026-Q4"))  # Facebook 2 and Instagram 3 posts a week; nothing planned
    open_app(page, app_server, f"/calendar?s={bakery.id}&today={DAY}&month=2026-12")
    main = page.get_by_test_id("stMain")
    week = main.locator("p").filter(has_text="Week 50")  # the week's row says what it still needs
    expect(week).to_contain_text("Still needed: Facebook 2, Instagram 3")

    add_ideas(page, "Desembrood van de week\nKerstbrood met amandelspijs", "Monday 7 December")
    expect(week).to_contain_text("Still needed: Instagram 1")
    add_ideas(
        page, "Vraag van de week: stol met of zonder rozijnen?", "Saturday 12 December", drop="Facebook"
    )
    expect(week).to_contain_text("Every platform has its posts")
    assert len(store.rows(bakery.id, PLANNED_POSTS)) == 3

    main.get_by_role("button", name="Vraag van de week").click()
    dialog = page.get_by_role("dialog")
    expect(
        dialog.get_by_role("heading", name="Vraag van de week: stol met of zonder rozijnen?")
    ).to_be_visible()
    dialog.get_by_role("tab", name="Before publishing").click()
    notes = dialog.get_by_label("Answer or reason")
    for number, question in enumerate(QUESTIONS):
        group = dialog.get_by_role("radiogroup", name=question)
        if question == "Is the source reliable?":
            group.get_by_text("Not relevant").click()
            notes.nth(number).fill("Our own question to our followers, no outside source")
        else:
            group.get_by_text("Answered").click()
            notes.nth(number).fill("Checked")
    dialog.get_by_role("button", name="Save and mark ready").click()
    expect(dialog.get_by_text("The post is ready.")).to_be_visible()
    ready = [p for p in store.rows(bakery.id, PLANNED_POSTS) if p.status is PostStatus.READY]
    assert [p.title for p in ready] == ["Vraag van de week: stol met of zonder rozijnen?"]
    assert ready[0].checks["source"].answer == "not_relevant"
    dialog.get_by_label(
        "Close"
    ).click()  # the dialog's own ×: closing it is remembered, a rerun keeps it closed
    expect(page.get_by_role("dialog")).to_have_count(0)

    main.get_by_text("Send or download the plan for December 2026").click()
    button = main.get_by_role("button", name="Plan for approval (PDF)")
    expect(button).to_be_visible()
    code_loaded(page)
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "bakkerij-de-korenschoof-contentplanning-2026-12.pdf"
    path = download.path()
    assert path is not None
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages)
    text = " ".join(text.split())
    assert "Contentplanning december 2026" in text  # in the strategy's language
    for title in ("Desembrood van de week", "Kerstbrood met amandelspijs", "Vraag van de week"):
        assert title in text
