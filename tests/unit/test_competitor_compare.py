"""You against your competitors: the four public figures, hand-computed, and how they read in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from cmplanner import periods
from cmplanner.competitors import compare
from cmplanner.demo import bakery
from cmplanner.models import Competitor, CompetitorWeek, Platform, Strategy, WeekMetrics

QUARTER = "2026-Q1"  # 2026-W01 (29 Dec 2025 – 4 Jan 2026) … 2026-W13


@pytest.fixture
def strategy() -> Strategy:
    """The demo bakery (Facebook, Instagram) with two competitors."""
    shop = bakery(QUARTER)
    shop.competitors = [
        Competitor(id="lin", name="Van der Linden", handles={"instagram": "@vdl", "facebook": "vdl"}),
        Competitor(id="bb", name="Broodbar", handles={"instagram": "@broodbar", "tiktok": "@broodbar"}),
    ]
    return shop


def own(week: str, **values: Any) -> WeekMetrics:
    return WeekMetrics(platform="instagram", week=week, **values)


def theirs(week: str, **values: Any) -> CompetitorWeek:
    return CompetitorWeek(competitor="bb", platform="instagram", week=week, **values)


OWN_ROWS = [
    own("2025-W52", followers=1200),  # the week before the quarter: the start
    own("2026-W01", followers=1230, posts=3, reactions=30, comments=6, shares=50),  # shares never count
    own("2026-W02", followers=1260, posts=2, reactions=20, comments=4),
    WeekMetrics(platform="facebook", week="2026-W02", followers=99, posts=9, reactions=9, comments=9),
]
BB_ROWS = [
    theirs("2026-W01", followers=800, posts=4, likes=60, comments=4),
    theirs("2026-W02", followers=840, posts=6, likes=90, comments=6),
    theirs("2026-W03", followers=850),  # followers only: no posts that week were logged
]


def test_engagement_per_post_by_followers() -> None:
    # (90 + 10) ÷ 5 posts ÷ 2,500 followers × 100 = 0.8 %
    assert compare.engagement_per_post(90, 10, 5, 2500) == pytest.approx(0.8)
    assert compare.engagement_per_post(90, None, 5, 2500) is None
    assert compare.engagement_per_post(90, 10, 0, 2500) is None
    assert compare.engagement_per_post(90, 10, 5, 0) is None


def test_who_is_compared_on_which_platform(strategy: Strategy) -> None:
    assert [s.name for s in compare.sides(strategy, Platform.INSTAGRAM)] == [
        "Bakkerij De Korenschoof",
        "Van der Linden",
        "Broodbar",
    ]
    assert [s.key for s in compare.sides(strategy, Platform.TIKTOK)] == ["bb"]  # you are not on TikTok
    # your plan's platforms first (Facebook, Instagram), then where only competitors are
    assert compare.compared_platforms(strategy) == [Platform.FACEBOOK, Platform.INSTAGRAM, Platform.TIKTOK]


def test_the_quarter_side_by_side(strategy: Strategy) -> None:
    weeks = periods.quarter_weeks(QUARTER)
    you, lin, bb = compare.comparison(strategy, OWN_ROWS, BB_ROWS, Platform.INSTAGRAM, weeks)
    # you: 1,200 → 1,260 = +5 %; (3 + 2) posts in 2 weeks; (30 + 6 + 20 + 4) ÷ 5 ÷ 1,260 × 100 = 0.952 %
    assert you.side.own and you.summary.followers == 1260 and you.summary.followers_start == 1200
    assert you.summary.growth == pytest.approx(5.0)
    assert you.summary.posts_per_week == pytest.approx(2.5)
    assert you.summary.engagement == pytest.approx(60 / 5 / 1260 * 100)
    # Broodbar: no week before the quarter, so it starts at its first week: 800 → 850 = +6.25 %;
    # (4 + 6) posts in 2 weeks; (60 + 4 + 90 + 6) ÷ 10 ÷ 850 × 100 = 1.882 %
    assert bb.summary.growth == pytest.approx(6.25)
    assert bb.summary.posts_per_week == pytest.approx(5.0)
    assert bb.summary.engagement == pytest.approx(160 / 10 / 850 * 100)
    assert bb.summary.weeks_logged == 3
    # nothing logged for Van der Linden yet
    assert lin.summary == compare.Summary(None, None, None, None, None, 0)


def test_the_quarter_as_weekly_series(strategy: Strategy) -> None:
    you, _lin, bb = compare.series(strategy, OWN_ROWS, BB_ROWS, Platform.INSTAGRAM, QUARTER)
    assert len(bb.weeks) == 13 and bb.weeks[0] == "2026-W01"
    assert bb.values("followers")[:4] == [800, 840, 850, None]
    assert bb.values("growth")[:3] == pytest.approx([0.0, 5.0, 6.25])
    assert bb.values("posts")[:3] == [4, 6, None]
    # a week's engagement uses that week's followers: 64 ÷ 4 ÷ 800 × 100 = 2.0; 96 ÷ 6 ÷ 840 × 100 = 1.905
    assert bb.values("engagement")[:3] == pytest.approx([2.0, 96 / 6 / 840 * 100, None])
    assert you.values("growth")[:2] == pytest.approx([2.5, 5.0])


def test_a_month_uses_the_same_figures_over_its_weeks(strategy: Strategy) -> None:
    # January 2026: weeks whose Thursday is in January = W01 … W05; the start is the week before (2025-W52)
    you = compare.comparison(strategy, OWN_ROWS, BB_ROWS, Platform.INSTAGRAM, periods.month_weeks("2026-01"))[
        0
    ]
    assert you.summary.growth == pytest.approx(5.0)


def test_the_comparison_reads_in_dutch_and_english(strategy: Strategy) -> None:
    weeks = periods.quarter_weeks(QUARTER)
    you, lin, bb = compare.comparison(strategy, OWN_ROWS, BB_ROWS, Platform.INSTAGRAM, weeks)
    assert compare.headers("nl") == [
        "Account",
        "Volgers",
        "Groei volgers",
        "Posts per week",
        "Engagement per post",
    ]
    assert compare.row_texts(you, "nl") == ["Bakkerij De Korenschoof (jij)", "1.260", "+5,0%", "2,5", "0,95%"]
    # 6.25 % shows as 6.2 %: i18n.percent rounds half to even, as everywhere in the app
    assert compare.row_texts(bb, "en") == ["Broodbar", "850", "+6.2%", "5.0", "1.88%"]
    assert compare.row_texts(lin, "en") == ["Van der Linden", "–", "–", "–", "–"]
    # a change is signed as everywhere in the app: a minus sign, and ± when it rounds to zero
    assert compare.value_text("growth", -2.0, "nl") == "−2,0%"
    assert compare.value_text("growth", 0.01, "en") == "±0.0%"
    formula = compare.formulas("en")[3]
    assert formula.startswith(
        "Engagement per post by followers = (likes + comments) ÷ posts ÷ followers × 100."
    )
