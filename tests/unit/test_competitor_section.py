"""The report's competitor section and the sample bakery's competitors and webcare."""

from __future__ import annotations

from datetime import date

import pytest

from cmplanner import periods, webcare
from cmplanner.competitors import compare, demo, log, section
from cmplanner.demo import bakery, weeks_for
from cmplanner.models import Competitor, CompetitorWeek, Platform, Strategy, WeekMetrics
from cmplanner.webcare.demo import bakery_webcare

TODAY = date(2026, 3, 11)  # 2026-Q1; the last complete week is 2026-W10
QUARTER = "2026-Q1"


@pytest.fixture
def strategy() -> Strategy:
    shop = bakery(QUARTER)
    shop.competitors = [
        Competitor(id="bb", name="=Broodbar", handles={"instagram": "@broodbar"}, watch="Their reels"),
        Competitor(id="lin", name="Van der Linden", handles={"facebook": "vdl"}),
    ]
    return shop


def test_the_report_section_holds_tables_charts_formulas_and_notes(strategy: Strategy) -> None:
    own = [
        WeekMetrics(
            platform="instagram", week="2026-W01", followers=1250, posts=5, reactions=90, comments=10
        ),
        WeekMetrics(platform="instagram", week="2026-W02", followers=1300, posts=4, reactions=72, comments=8),
    ]
    theirs = [
        CompetitorWeek(
            competitor="bb",
            platform="instagram",
            week="2026-W01",
            followers=2500,
            posts=5,
            likes=90,
            comments=10,
            note="Loyalty card",
        ),
    ]
    built = section.report_section(strategy, own, theirs, QUARTER, "nl", clean=lambda text: text.lstrip("="))
    assert built is not None
    assert built.title == "Concurrenten"
    assert [table.title for table in built.platforms] == ["Facebook", "Instagram"]
    instagram = built.platforms[1]
    assert instagram.headers == [
        "Account",
        "Volgers",
        "Groei volgers",
        "Posts per week",
        "Engagement per post",
    ]
    # you: 1,250 → 1,300 = +4 %; 9 posts in 2 weeks; (90 + 10 + 72 + 8) ÷ 9 ÷ 1,300 × 100 = 1.54 %
    # Broodbar: (90 + 10) ÷ 5 ÷ 2,500 × 100 = 0.80 %; its name cleaned by the report's own function
    assert instagram.rows == [
        ["Bakkerij De Korenschoof (jij)", "1.300", "+4,0%", "4,5", "1,54%"],
        ["Broodbar", "2.500", "±0,0%", "5,0", "0,80%"],
    ]
    assert instagram.own_row == 0
    assert instagram.chart_title == "Instagram: engagement per post t.o.v. volgers, per week"
    assert instagram.chart["config"]["locale"]["number"]["decimal"] == ","
    values = next(iter(instagram.chart["datasets"].values()))
    assert {row["name"] for row in values} == {"Bakkerij De Korenschoof", "Broodbar"}
    assert built.platforms[0].rows[1][0] == "Van der Linden" and built.platforms[0].rows[1][1] == "–"
    assert built.formulas[3].startswith(
        "Engagement per post t.o.v. volgers = (likes + reacties) ÷ posts ÷ volgers"
    )
    assert built.watch == ["Broodbar: Their reels"]
    assert built.notes == ["Broodbar (Instagram, 2026-W01): Loyalty card"]


def test_no_section_without_competitors() -> None:
    assert section.report_section(bakery(QUARTER), [], [], QUARTER, "en") is None


def test_the_demo_competitors_pass_the_log_checks_and_make_a_comparison() -> None:
    rivals, weeks = demo.for_bakery(TODAY)
    assert [r.name for r in rivals] == ["Bakkerij Van der Linden", "Broodbar Utrecht"]
    # 13 weeks before the quarter + its 10 complete weeks, per competitor and platform (3 pairs)
    assert len(weeks) == 3 * 23
    rows = [{**row.model_dump(exclude={"source"}), "platform": row.platform.value} for row in weeks]
    checked = log.validate(rivals, rows, [], "en", source="demo")
    assert checked.errors == [] and checked.warnings == []  # no implausible jumps in the sample
    shop = bakery(QUARTER)
    shop.competitors = rivals
    own = weeks_for("bakery", shop, TODAY)
    you, linden, broodbar = compare.comparison(
        shop, own, weeks, Platform.INSTAGRAM, periods.quarter_weeks(QUARTER)
    )
    assert broodbar.summary.growth is not None and linden.summary.growth is not None and you.summary.growth
    assert broodbar.summary.growth > you.summary.growth > linden.summary.growth  # something to talk about
    assert sum(1 for w in weeks if w.note) == 3


def test_the_demo_webcare_shows_every_verdict_over_the_quarter() -> None:
    shop = bakery(QUARTER)
    rows = bakery_webcare(weeks_for("bakery", shop, TODAY))
    assert all(r.messages_answered <= r.messages_received for r in rows if r.messages_received is not None)
    facebook, instagram = webcare.last_week(shop, rows, TODAY)
    assert instagram.time_verdict is webcare.Verdict.MEETS
    # 2026-W10: Facebook answers in 14 + (10 mod 5) × 4 = 14 h; 3 + (10 mod 3) = 4 received, all answered
    assert (facebook.hours, facebook.received, facebook.answered) == (14.0, 4, 4)
    # over the quarter Facebook takes 14, 18, 22, 26 or 30 hours: within a day, close to it, and past it
    weeks = periods.quarter_weeks(QUARTER)[:10]
    verdicts = {webcare.care(shop, rows, Platform.FACEBOOK, week).time_verdict for week in weeks}
    assert verdicts == {webcare.Verdict.MEETS, webcare.Verdict.CLOSE, webcare.Verdict.MISSES}
