"""The report's "next month's plan": a table of the posts planned for the month after the report's date, in the
PDF and the HTML, in the report's language; no section for a strategy that does not use the calendar."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from cmplanner import demo, reports
from cmplanner.models import PlannedPost, Platform, Strategy
from cmplanner.reports.plan import next_month
from cmplanner.store import PLANNED_POSTS, Store

NOVEMBER = date(2026, 11, 22)


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


@pytest.fixture
def bakery(store: Store) -> Strategy:
    return demo.write_demo(store, NOVEMBER)[0]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_plan_lists_next_months_posts_without_the_skipped_one(store: Store, bakery: Strategy) -> None:
    plan = next_month(store.rows(bakery.id, PLANNED_POSTS), NOVEMBER, "en")
    assert plan is not None
    assert plan.title == "Plan for December 2026" and plan.intro == "15 posts are planned for December 2026."
    assert plan.columns == ["Date", "Platforms", "Format", "Post", "Status"]
    first = plan.rows[0]
    assert (first.when, first.platforms, first.format, first.title, first.status) == (
        "Tue 1 Dec 08:30",
        "Instagram, Facebook",
        "Carousel",
        "Kerstbestellingen zijn open",
        "Published",
    )
    assert len(plan.rows) == 15 and "Jaaroverzicht op de website" not in [r.title for r in plan.rows]


def test_a_report_made_early_in_the_month_plans_the_month_it_is_in(store: Store, bakery: Strategy) -> None:
    """Made on 2 December, the report looks back on November: its plan is December's, not January's."""
    plan = next_month(store.rows(bakery.id, PLANNED_POSTS), date(2026, 12, 2), "en")
    assert plan is not None and plan.title == "Plan for December 2026" and len(plan.rows) == 15
    late = next_month(store.rows(bakery.id, PLANNED_POSTS), date(2026, 12, 28), "en")
    assert late is not None and late.title == "Plan for January 2027"


def test_no_section_without_planned_posts_and_a_note_for_an_empty_month() -> None:
    assert next_month([], NOVEMBER, "en") is None
    later = PlannedPost(planned_at=datetime(2027, 3, 1, 9), platforms=[Platform.X], title="Maart")
    plan = next_month([later], NOVEMBER, "nl")
    assert plan is not None and plan.rows == []
    assert plan.empty == "Voor december 2026 staat nog niets gepland."


@pytest.mark.parametrize(
    ("lang", "heading", "row"),
    [
        ("en", "Plan for December 2026", "Tue 1 Dec 08:30"),
        ("nl", "Planning voor december 2026", "di 1 dec 08:30"),
    ],
)
def test_the_pdf_and_the_html_carry_the_plan(
    store: Store, bakery: Strategy, lang: str, heading: str, row: str
) -> None:
    opts = reports.options(lang=lang, today=NOVEMBER)
    pdf, _ = reports.build(store, bakery.id, "pdf", opts)
    text = flat("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert heading in text and row in text and "Kerstavond: ophalen tot 15.00 uur" in text
    html = reports.build(store, bakery.id, "html", opts)[0].decode("utf-8")
    assert f"<h2>{heading}</h2>" in html
    assert len(re.findall(r'<td class="when">', html)) == 15


def test_a_strategy_without_the_calendar_gets_no_plan_section(store: Store) -> None:
    strategy = store.save(demo.consultancy("2026-Q4"))
    html = reports.build(store, strategy.id, "html", reports.options(lang="en", today=NOVEMBER))[0]
    assert b'id="plan"' not in html
