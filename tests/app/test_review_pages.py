"""Monthly and quarterly review pages: summaries, saving and editing reviews, history, accepting proposed goals."""

from __future__ import annotations

import importlib.machinery
import sys
import types
from datetime import date

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from cmplanner import demo, reviews
from cmplanner.models import Strategy
from cmplanner.store import REVIEWS, Store
from tests.app.helpers import no_exception, open_page, texts

MONTH, QUARTER = "pages/11_month.py", "pages/12_quarter.py"
DAY = "2026-11-22"  # a Sunday: the last complete week is 2026-W46, in November


@pytest.fixture
def bakery(store: Store) -> Strategy:
    strategy, _ = demo.write_demo(store, date(2026, 11, 22))
    return strategy


def shown(at: AppTest) -> str:
    return texts(at).replace("\\", "")


def write(at: AppTest, kind: str, period: str, **values: str) -> AppTest:
    for name, value in values.items():
        at.text_area(key=f"rv.{name}.{kind}.{period}").input(value)
    return at.get("form_submit_button")[0].click().run()


def test_monthly_review_shows_the_month_per_platform(bakery: Strategy) -> None:
    at = open_page(MONTH, bakery.id, today=DAY)
    no_exception(at)
    assert at.title[0].value == "Monthly review"
    assert at.selectbox(key="rv.pick.month").value == "2026-11"
    text = shown(at)
    for part in (
        "Facebook",
        "Instagram",
        "Behind at the end of the month",
        "Facebook · Posts",
        "in October 2026",
    ):
        assert part in text
    # per platform its figures and its goals (static tables: cells wrap, no goal name, KPI or formula pushes a
    # column out of sight in the card); webcare over three months, competitors on Facebook and Instagram
    assert len(at.table) == 4 and len(at.dataframe) == 3
    goals = at.table[1].value
    assert list(goals.index) == ["Facebook · Followers", "Facebook · Posts"]
    assert list(goals.columns)[-1] == "Still needed per week"
    figures = at.table[0].value
    assert figures.index.name == "KPI"
    assert list(figures.columns)[:3] == ["November 2026", "October 2026", "Change"]
    assert list(figures.index)[:3] == ["Followers", "Posts", "Impressions"]  # the goals' KPIs first
    assert len(figures) == 7
    assert list(figures["Change"])[:2] == ["+10 (+1%)", "−3 (−60%)"]
    at = at.toggle(key="rv.all_kpis").set_value(True).run()
    assert len(at.table[0].value) > 7
    assert {b.key for b in at.get("download_button")} >= {"rv.csv", "rv.xlsx", "rv.backup"}


def test_a_review_is_saved_edited_and_kept_in_the_history(bakery: Strategy, store: Store) -> None:
    at = open_page(MONTH, bakery.id, today=DAY)
    at = write(
        at, "month", "2026-11", went_well="Reels **doen** het <b>goed</b>", decisions="Elke maandag plannen"
    )
    no_exception(at)
    assert "Review saved" in shown(at)
    (saved,) = store.rows(bakery.id, REVIEWS)
    assert (saved.period, saved.went_well, saved.decisions) == (
        "2026-11",
        "Reels **doen** het <b>goed</b>",
        "Elke maandag plannen",
    )
    assert "Reels \\*\\*doen\\*\\* het \\<b\\>goed\\</b\\>" in texts(at)  # user text is shown as typed, inert

    at = open_page(MONTH, bakery.id, today=DAY)  # a later visit: the form holds the saved text
    assert at.text_area(key="rv.decisions.month.2026-11").value == "Elke maandag plannen"
    at = write(at, "month", "2026-11", decisions="Elke maandag én donderdag plannen")
    (edited,) = store.rows(bakery.id, REVIEWS)
    assert edited.id == saved.id and edited.decisions == "Elke maandag én donderdag plannen"

    at = open_page(
        MONTH, bakery.id, today="2026-12-09", month="2026-12"
    )  # next month: last month's decisions
    no_exception(at)
    assert "What we decided last month (November 2026)" in shown(at)
    assert "Elke maandag én donderdag plannen" in shown(at)
    assert "Month · November 2026" in [e.label for e in at.expander]


def test_quarterly_review_accepts_edited_proposals_in_one_step(bakery: Strategy, store: Store) -> None:
    at = open_page(QUARTER, bakery.id, today=DAY)
    no_exception(at)
    assert at.selectbox(key="rv.pick.q").value == "2026-Q4"
    text = shown(at)
    assert "still running (week 7 of 14)" in text and "Proposed goals for 2027-Q1" in text
    results = at.table[0].value  # a static table, so no column is cut off
    assert list(results["Reached"]) == ["no", "yes", "no", "no"]  # Facebook followers reached 840
    editor = at.data_editor[0]
    assert len(editor.value) == len(bakery.goals)
    at.session_state[editor.key] = {  # raise Instagram's followers target, drop the Facebook posts goal
        "edited_rows": {0: {"target": 2000}, 2: {"keep": False}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at = at.button(key="rv.accept").click().run()
    no_exception(at)
    assert "3 goals for 2027-Q1 are now in the strategy" in shown(at)
    new = [g for g in store.get(bakery.id).goals if g.quarter == "2027-Q1"]
    assert [(g.platform.value, g.kpi) for g in new] == [
        ("instagram", "followers"),
        ("facebook", "followers"),
        ("instagram", "engagement_rate_followers"),
    ]
    assert new[0].target == 2000


def test_quarterly_review_refuses_an_invalid_edit(bakery: Strategy, store: Store) -> None:
    at = open_page(QUARTER, bakery.id, today=DAY)
    editor = at.data_editor[0]
    baseline = float(editor.value["baseline"][0])
    at.session_state[editor.key] = {
        "edited_rows": {0: {"target": baseline}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at = at.button(key="rv.accept").click().run()
    assert "Nothing was accepted" in shown(at) and "target equals the baseline" in shown(at)
    assert not [g for g in store.get(bakery.id).goals if g.quarter == "2027-Q1"]


def test_quarter_notes_are_saved(bakery: Strategy, store: Store) -> None:
    at = open_page(QUARTER, bakery.id, today=DAY, q="2026-Q4")
    at = write(
        at, "quarter", "2026-Q4", notes='=HYPERLINK("x") Pinterest laten vallen', went_badly="Te weinig posts"
    )
    no_exception(at)
    latest = reviews.latest(store.rows(bakery.id, REVIEWS))
    assert latest is not None and latest.kind == "quarter" and latest.notes.startswith("=HYPERLINK")
    assert "Quarter · 2026-Q4" in [e.label for e in at.expander]


def test_review_pages_in_dutch(bakery: Strategy) -> None:
    at = open_page(MONTH, bakery.id, locale="nl-NL", today=DAY)
    no_exception(at)
    assert at.title[0].value == "Maandevaluatie"
    assert "Achter aan het einde van de maand" in shown(at) and "november 2026" in shown(at)
    at = open_page(QUARTER, bakery.id, locale="nl-NL", today=DAY)
    no_exception(at)
    assert at.title[0].value == "Kwartaalevaluatie" and "Voorgestelde doelen voor 2027-Q1" in shown(at)


def test_the_report_button_is_drawn_once_the_reports_module_exists(
    bakery: Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = types.ModuleType("cmplanner.ui.report")
    module.__spec__ = importlib.machinery.ModuleSpec("cmplanner.ui.report", None)
    module.download_button = lambda ctx: st.button(f"Report for {ctx.strategy.name}", key="report")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "cmplanner.ui.report", module)
    for page in (MONTH, QUARTER):
        at = open_page(page, bakery.id, today=DAY)
        no_exception(at)
        assert at.button(key="report").label == "Report for Bakkerij De Korenschoof"


def test_a_strategy_without_goals_or_figures(store: Store) -> None:
    strategy = store.create("Nieuw")
    at = open_page(MONTH, strategy.id, today=DAY)
    no_exception(at)
    assert "no platforms yet" in shown(at)
    at = open_page(QUARTER, strategy.id, today=DAY)
    no_exception(at)
    assert "no goals yet" in shown(at)
