"""Reviews: monthly and quarterly summaries on hand-computed data, proposals by the rule, accepting, storage."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from cmplanner import checklists, reviews
from cmplanner.checklists import ChecklistItem, Progress
from cmplanner.models import Goal, Platform, PlatformPlan, Review, Strategy, WeekMetrics
from cmplanner.pacing import Status
from cmplanner.store import REVIEWS, TICKS, Store

IG, FB = Platform.INSTAGRAM, Platform.FACEBOOK
# 2026-Q4 has 14 ISO weeks, W40..W53; October = W40..W44 (5 weeks), November = W45..W48 (4), December = W49..W53
OCTOBER = [f"2026-W{n}" for n in range(40, 45)]
NOVEMBER = [f"2026-W{n}" for n in range(45, 49)]
# 2026-Q3 has 13 ISO weeks, W27..W39
Q3 = [f"2026-W{n}" for n in range(27, 40)]


def week(w: str, followers: int, posts: int = 2, received: int = 10, answered: int = 9) -> WeekMetrics:
    return WeekMetrics(
        platform=IG,
        week=w,
        followers=followers,
        posts=posts,
        messages_received=received,
        messages_answered=answered,
    )


def q4_strategy() -> Strategy:
    return Strategy(
        name="Kapper Kim",
        platforms=[PlatformPlan(platform=IG, posts_per_week=3)],
        goals=[
            Goal(platform=IG, kpi="followers", quarter="2026-Q4", baseline=100, target=240),
            Goal(platform=IG, kpi="posts", quarter="2026-Q4", baseline=0, target=42),
            Goal(platform=IG, kpi="response_rate", quarter="2026-Q4", baseline=80, target=95),
        ],
    )


def q4_rows() -> list[WeekMetrics]:
    """+10 followers a week from 100; 3 posts a week in October, 1 in November; 9 of 10 messages answered."""
    rows = [week(w, 100 + 10 * i, posts=3) for i, w in enumerate(OCTOBER, start=1)]
    rows += [week(w, 150 + 10 * i, posts=1) for i, w in enumerate(NOVEMBER, start=1)]
    return rows + [week("2026-W49", 500, posts=9)]  # December: must not change November's review


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)


# ---------------------------------------------------------------------------------------------- the month


def test_month_figures_against_the_previous_month() -> None:
    summary = reviews.monthly_summary(q4_strategy(), q4_rows(), "2026-11", date(2026, 12, 20))
    assert summary.weeks == NOVEMBER and summary.previous_month == "2026-10" and summary.quarter == "2026-Q4"
    (ig,) = summary.platforms
    assert (ig.weeks_logged, ig.previous_weeks_logged) == (4, 5)
    figures = {f.kpi: f for f in ig.figures}
    followers = figures["followers"]  # the last value of each month
    assert (followers.value, followers.previous, followers.change) == (190, 150, 40)
    assert followers.change_pct == pytest.approx(40 / 150 * 100) and followers.better is True
    posts = figures["posts"]  # 4 × 1 against 5 × 3
    assert (posts.value, posts.previous, posts.change, posts.better) == (4, 15, -11, False)
    assert figures["response_rate"].value == pytest.approx(90) and figures["response_rate"].change == 0
    assert figures["response_rate"].better is None


def test_goals_are_paced_at_the_end_of_the_month_and_the_ones_behind_listed() -> None:
    summary = reviews.monthly_summary(q4_strategy(), q4_rows(), "2026-11", date(2026, 12, 20))
    assert summary.as_of == date(2026, 11, 30)  # the Monday after W48; December's 500 followers do not count
    goals = {g.goal.kpi: g for g in summary.platforms[0].goals}
    # followers: 190 after 9 of 14 weeks, pace line 100 + 140 × 9/14 = 190
    assert goals["followers"].pace.actual == 190 and goals["followers"].pace.status == Status.ON_TRACK
    # posts: 15 after October (pace line 15: on track), 19 after November (pace line 27, trend 24 of 42: behind)
    assert goals["posts"].previous_status == Status.ON_TRACK
    assert goals["posts"].pace.status == Status.BEHIND and goals["posts"].fell_behind
    # response rate 90 % against 95 %: within 10 % of the target, at risk in both months
    assert goals["response_rate"].pace.status == Status.AT_RISK and not goals["response_rate"].fell_behind
    assert [g.goal.kpi for g in summary.behind] == ["posts", "response_rate"]


def test_the_first_month_of_a_quarter_has_no_previous_status() -> None:
    summary = reviews.monthly_summary(q4_strategy(), q4_rows(), "2026-10", date(2026, 12, 20))
    assert all(g.previous_status is None for g in summary.platforms[0].goals)
    assert all(f.previous is None for f in summary.platforms[0].figures)


def test_last_months_decisions_and_this_months_review() -> None:
    saved = [
        Review(kind="month", period="2026-10", decisions="More reels"),
        Review(kind="month", period="2026-11", went_well="Reels"),
        Review(kind="quarter", period="2026-Q3", decisions="Not this one"),
    ]
    summary = reviews.monthly_summary(q4_strategy(), q4_rows(), "2026-11", date(2026, 12, 1), reviews=saved)
    assert summary.last_decisions == "More reels"
    assert summary.review is not None and summary.review.went_well == "Reels"
    assert reviews.monthly_summary(q4_strategy(), [], "2026-12", date(2026, 12, 1)).last_decisions == ""


def item(task: str, period: checklists.Period, count: int, platform: str | None = None) -> ChecklistItem:
    return ChecklistItem(id=task, period=period, count=count, minutes=5, platform=platform)


def test_checklist_completion_counts_the_months_periods_up_to_today() -> None:
    items = [
        item("d", "day", 1),
        item("w", "week", 2, "instagram"),
        item("m", "month", 1),
        item("q", "quarter", 1),
    ]
    ticks = {
        ("d", "2026-11-01"): 1,
        ("d", "2026-11-02"): 1,
        ("d", "2026-11-03"): 1,
        ("d", "2026-10-31"): 1,  # another month
        ("w", "2026-W45"): 2,
        ("w", "2026-W46"): 1,
        ("w", "2026-W44"): 2,  # October's week
        ("m", "2026-11"): 1,
        ("q", "2026-Q4"): 1,  # quarterly tasks are not part of a month
    }
    # 10 November: days 1..10 are due, weeks W45 (from 2 Nov) and W46 (from 9 Nov), and the month
    got = reviews.month_checklist(items, ticks, "2026-11", date(2026, 11, 10))
    assert got == {"day": Progress(3, 10), "week": Progress(3, 4), "month": Progress(1, 1)}
    assert reviews.month_checklist(items, ticks, "2026-11", date(2026, 11, 10), "instagram")[
        "week"
    ] == Progress(3, 4)
    assert reviews.month_checklist(items, ticks, "2026-11", date(2026, 11, 10), "instagram")[
        "day"
    ] == Progress(0, 0)
    whole = reviews.month_checklist(items, ticks, "2026-11", date(2027, 1, 5))
    assert whole["day"] == Progress(3, 30) and whole["week"] == Progress(3, 8)


def test_checklist_completion_counts_from_the_plans_start() -> None:
    items = [item("d", "day", 1), item("w", "week", 2), item("m", "month", 1)]
    ticks = {("d", "2026-11-24"): 1, ("w", "2026-W48"): 2}
    # the plan started on Monday 23 November (2026-W48): 23..30 November are due, one week, the month
    got = reviews.month_checklist(items, ticks, "2026-11", date(2026, 12, 1), since=date(2026, 11, 23))
    assert got == {"day": Progress(1, 8), "week": Progress(2, 2), "month": Progress(0, 1)}
    # started after the month: nothing of it is due
    later = reviews.month_checklist(items, ticks, "2026-11", date(2026, 12, 9), since=date(2026, 12, 7))
    assert later == {"day": Progress(0, 0), "week": Progress(0, 0), "month": Progress(0, 0)}


def test_month_summary_counts_the_checklist_from_the_goals_start() -> None:
    late = q4_strategy()
    late.goals = [g.model_copy(update={"start_week": "2026-W48"}) for g in late.goals]
    summary = reviews.monthly_summary(late, [], "2026-11", date(2026, 12, 1))
    daily = sum(i.count for i in checklists.generate(late) if i.enabled and i.period == "day")
    assert summary.checklist["day"].total == daily * 8  # 23..30 November


def test_month_summary_reads_ticks_from_the_strategy_file(store: Store) -> None:
    strategy = store.save(q4_strategy())
    monthly = next(i for i in checklists.generate(strategy) if i.period == "month" and i.enabled)
    store.update(strategy.id, lambda edit: checklists.set_tick(edit, monthly.id, "2026-11", monthly.count))
    ticks = checklists.ticks(store.rows(strategy.id, TICKS))
    summary = reviews.monthly_summary(strategy, [], "2026-11", date(2026, 12, 1), ticks=ticks)
    assert summary.checklist["month"].done == monthly.count
    assert summary.checklist_total.done == monthly.count


def test_months_to_review_and_the_default() -> None:
    assert reviews.months(q4_strategy(), q4_rows(), date(2026, 12, 2)) == ["2026-12", "2026-11", "2026-10"]
    assert reviews.default_month(date(2026, 12, 2)) == "2026-11"  # the last complete week is W48
    assert reviews.default_quarter(date(2027, 1, 6)) == "2026-Q4"


# ---------------------------------------------------------------------------------------------- the quarter


def q3_strategy() -> Strategy:
    return Strategy(
        name="Kapper Kim",
        platforms=[PlatformPlan(platform=IG), PlatformPlan(platform=FB)],
        goals=[
            Goal(platform=IG, kpi="followers", quarter="2026-Q3", baseline=100, target=200, note="Buurt"),
            Goal(platform=IG, kpi="posts", quarter="2026-Q3", baseline=0, target=39),
            Goal(platform=IG, kpi="response_rate", quarter="2026-Q3", baseline=80, target=95),
            Goal(platform=FB, kpi="followers", quarter="2026-Q3", baseline=50, target=80),
        ],
    )


def q3_rows() -> list[WeekMetrics]:
    """13 weeks: followers 110..230, 2 posts a week, 90 % of messages answered; nothing on Facebook."""
    return [week(w, 100 + 10 * i) for i, w in enumerate(Q3, start=1)]


def test_quarter_results_reached_or_not_and_by_how_much() -> None:
    summary = reviews.quarterly_summary(q3_strategy(), q3_rows(), "2026-Q3", date(2026, 10, 5))
    assert summary.over and summary.next_quarter == "2026-Q4" and summary.weeks_total == 13
    followers, posts, response, facebook = summary.goals
    assert (followers.reached, followers.difference, followers.attained) == (True, 30, 130)
    assert (posts.reached, posts.difference) == (False, -13)
    assert posts.attained == pytest.approx(26 / 39 * 100)
    assert response.reached is False and response.difference == pytest.approx(-5)
    assert response.attained == pytest.approx(90 / 95 * 100)
    assert (facebook.reached, facebook.difference, facebook.attained) == (None, None, None)
    assert [g.goal.kpi for g in summary.reached] == ["followers"] and len(summary.missed) == 2


def test_a_running_quarter_is_not_over() -> None:
    summary = reviews.quarterly_summary(q3_strategy(), q3_rows()[:6], "2026-Q3", date(2026, 8, 12))
    assert not summary.over and summary.weeks_elapsed == 6


def test_proposals_follow_the_rule() -> None:
    followers, posts, response, facebook = reviews.propose_goals(q3_strategy(), q3_rows(), "2026-Q3")
    assert all(g.quarter == "2026-Q4" for g in (followers, posts, response, facebook))
    # stock: from 230, +10 a week achieved, × 14 weeks × 1.1 = +154
    assert (followers.platform, followers.baseline, followers.target, followers.note) == (
        IG,
        230,
        384,
        "Buurt",
    )
    # posts: the plan's 2 a week × 14 weeks, what the checklists and the calendar plan (not the trend)
    assert (posts.baseline, posts.target) == (0, 28)
    # flow without a plan for the platform: 2 a week achieved × 14 × 1.1 = 30.8
    unplanned = q3_strategy().model_copy(update={"platforms": []})
    assert reviews.propose_goals(unplanned, q3_rows(), "2026-Q3")[1].target == 31
    # rate: 90 % achieved, + 10 % = 99 %
    assert (response.baseline, response.target) == (90, 99)
    # no data: carried over unchanged
    assert (facebook.baseline, facebook.target) == (50, 80)


def test_proposals_from_a_partial_quarter_use_the_weekly_trend() -> None:
    followers, posts, *_ = reviews.propose_goals(q3_strategy(), q3_rows()[:6], "2026-Q3")
    assert (followers.baseline, followers.target) == (160, 314)  # +10 a week over 6 weeks
    assert posts.target == 28  # the plan's cadence, however few weeks were logged


def test_a_posts_proposal_follows_the_plan_over_the_weeks_it_runs() -> None:
    strategy = q3_strategy()
    strategy.platforms[0].posts_per_week = 3
    before = reviews.propose_goals(strategy, q3_rows(), "2026-Q3", today=date(2026, 9, 28))
    assert before[1].target == 3 * 14  # all of 2026-Q4
    during = reviews.propose_goals(strategy, q3_rows(), "2026-Q3", today=date(2026, 10, 14))
    assert during[1].start_week == "2026-W42" and during[1].target == 3 * 12  # W42..W53


def test_no_growth_tries_the_planned_growth_again_and_rates_stay_within_bounds() -> None:
    strategy = Strategy(
        name="Flat",
        goals=[
            Goal(platform=IG, kpi="followers", quarter="2026-Q3", baseline=100, target=230),
            Goal(platform=IG, kpi="response_rate", quarter="2026-Q3", baseline=80, target=95),
            Goal(platform=IG, kpi="response_time", quarter="2026-Q3", baseline=8, target=4),
        ],
    )
    rows = [
        WeekMetrics(
            platform=IG,
            week=w,
            followers=90,
            messages_received=10,
            messages_answered=10,
            response_time_hours=5,
        )
        for w in Q3
    ]
    followers, response, time_ = reviews.propose_goals(strategy, rows, "2026-Q3")
    assert (followers.baseline, followers.target) == (90, 244)  # 90 + 130/13 × 14 × 1.1
    assert (response.baseline, response.target) == (80, 95)  # 100 % cannot grow: carried over
    assert (time_.baseline, time_.target) == (5, 4.5)  # lower is better: 10 % faster


def test_proposals_start_with_their_quarter_or_the_week_they_are_made() -> None:
    before = reviews.propose_goals(q4_strategy(), q4_rows(), "2026-Q4", today=date(2026, 12, 28))
    assert before and all(g.quarter == "2027-Q1" and g.start_week is None for g in before)
    during = reviews.propose_goals(q4_strategy(), q4_rows(), "2026-Q4", today=date(2027, 1, 13))
    assert during and all(g.start_week == "2027-W02" for g in during)


def test_accepting_puts_the_goals_into_the_strategy_in_one_step(store: Store) -> None:
    strategy = store.save(q3_strategy())
    proposals = reviews.propose_goals(strategy, q3_rows(), "2026-Q3")
    store.update(strategy.id, lambda edit: reviews.accept_goals(edit, proposals))
    saved = store.get(strategy.id)
    again = store.get(strategy.id)
    assert again.goals == saved.goals
    q4 = [g for g in again.goals if g.quarter == "2026-Q4"]
    assert [(g.kpi, g.target) for g in q4] == [(p.kpi, p.target) for p in proposals]
    assert len(again.goals) == 8  # this quarter's goals stay
    # accepting an edited goal again replaces it (same id), it does not add one
    edited = proposals[0].model_copy(update={"target": 400.0})
    store.update(strategy.id, lambda edit: reviews.accept_goals(edit, [edited]))
    goals = [g for g in store.get(strategy.id).goals if g.quarter == "2026-Q4" and g.kpi == "followers"]
    ig = [g for g in goals if g.platform == IG]
    assert len(ig) == 1 and ig[0].target == 400 and ig[0].id == q4[0].id


# ---------------------------------------------------------------------------------------------- storage


def save_review(store: Store, strategy_id: str, review: Review) -> Review:
    saved: Review = store.update(strategy_id, lambda edit: reviews.save(edit, review)).result
    return saved


def test_reviews_are_saved_edited_and_listed_newest_first(store: Store) -> None:
    strategy = store.create("Kapper Kim")
    first = save_review(store, strategy.id, Review(kind="month", period="2026-11", went_well="Reels"))
    edited = save_review(
        store, strategy.id, Review(kind="month", period="2026-11", went_well="Reels!", decisions="More")
    )
    assert edited.id == first.id and edited.created_at == first.created_at
    assert edited.updated_at >= first.updated_at
    save_review(store, strategy.id, Review(kind="month", period="2026-12", went_badly="Holidays"))
    save_review(store, strategy.id, Review(kind="quarter", period="2026-Q4", notes="Drop Pinterest"))
    save_review(store, strategy.id, Review(kind="month", period="2027-01"))  # empty
    saved = reviews.newest_first(store.rows(strategy.id, REVIEWS))
    assert [(r.kind, r.period) for r in saved] == [
        ("month", "2027-01"),
        ("quarter", "2026-Q4"),
        ("month", "2026-12"),
        ("month", "2026-11"),
    ]
    assert saved[-1].went_well == "Reels!" and saved[-1].decisions == "More"
    assert reviews.find(saved, "quarter", "2026-Q4").notes == "Drop Pinterest"  # type: ignore[union-attr]
    latest = reviews.latest(saved)  # the empty January review does not count
    assert latest is not None and latest.period == "2026-Q4"
    assert reviews.latest(saved, "month").period == "2026-12"  # type: ignore[union-attr]
    assert reviews.latest(store.rows(store.create("Empty").id, REVIEWS)) is None


def test_a_review_needs_a_period_of_its_kind() -> None:
    with pytest.raises(ValidationError):
        Review(kind="month", period="2026-Q4")
    with pytest.raises(ValidationError):
        Review(kind="quarter", period="2026-11")
    assert Review(kind="quarter", period="2026-Q4").end == date(2026, 12, 31)
