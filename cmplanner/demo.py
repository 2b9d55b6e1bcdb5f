"""A sample workspace: a Dutch bakery (B2C) and a B2B consultancy, with goals for the current quarter and weeks of
metrics that put the goals in different states, the bakery's planned December (content pillars, own dates,
Sinterklaas and Christmas, a few posts already out), its two competitors with their weekly figures and its webcare
figures, so a first run has something to look at."""

from __future__ import annotations

import math
from datetime import date
from functools import partial

from cmplanner import demo_checks, demo_posts, periods
from cmplanner.calendar import demo as calendar_demo
from cmplanner.competitors import demo as competitor_demo
from cmplanner.models import (
    AgeBand,
    BusinessProfile,
    CompetitorWeek,
    ContentFormat,
    Goal,
    Market,
    Persona,
    PlannedPost,
    Platform,
    PlatformPlan,
    Post,
    Role,
    Strategy,
    Tick,
    WeekMetrics,
)
from cmplanner.store import COMPETITOR_WEEKS, PLANNED_POSTS, POSTS, TICKS, Edit, Store
from cmplanner.webcare import demo as webcare_demo


def bakery(quarter: str) -> Strategy:
    return Strategy(
        name="Bakkerij De Korenschoof",
        status="ready",
        step=4,
        profile=BusinessProfile(
            name="Bakkerij De Korenschoof",
            sector="Bakkerij",
            market=Market.B2C,
            country="NL",
            language="nl",
            hours_per_week=6,
        ),
        personas=[
            Persona(
                name="Buurtbewoner Marieke",
                age_bands=[AgeBand.A30_49, AgeBand.A50_64],
                locations=["Utrecht"],
                interests=["vers brood", "lokaal", "koken"],
                pains="Weinig tijd op zaterdagochtend",
                goals="Vers brood zonder rij",
                online=[Platform.FACEBOOK, Platform.INSTAGRAM],
                formats=[ContentFormat.PHOTO, ContentFormat.STORIES],
            ),
            Persona(
                name="Student Daan",
                age_bands=[AgeBand.A18_29],
                locations=["Utrecht"],
                interests=["koffie", "lunch"],
                pains="Krap budget",
                goals="Goedkope, goede lunch",
                online=[Platform.INSTAGRAM, Platform.TIKTOK],
                formats=[ContentFormat.SHORT_VIDEO],
            ),
        ],
        platforms=[
            PlatformPlan(platform=Platform.FACEBOOK, role=Role.COMMUNITY, posts_per_week=2),
            PlatformPlan(platform=Platform.INSTAGRAM, role=Role.INSPIRATION, posts_per_week=3),
        ],
        goals=[
            Goal(
                platform=Platform.INSTAGRAM,
                kpi="followers",
                quarter=quarter,
                baseline=1200,
                target=1500,
                note="Meer buurtbewoners bereiken",
            ),
            Goal(platform=Platform.FACEBOOK, kpi="followers", quarter=quarter, baseline=800, target=840),
            Goal(
                platform=Platform.FACEBOOK,
                kpi="posts",
                quarter=quarter,
                baseline=0,
                target=26,
                note="Minstens 2 posts per week",
            ),
            Goal(
                platform=Platform.INSTAGRAM,
                kpi="engagement_rate_followers",
                quarter=quarter,
                baseline=0.8,
                target=1.0,
            ),
        ],
    )


def consultancy(quarter: str) -> Strategy:
    return Strategy(
        name="Van Dijk Advies",
        status="ready",
        step=4,
        profile=BusinessProfile(
            name="Van Dijk Advies",
            sector="HR consultancy",
            market=Market.B2B,
            country="NL",
            language="en",
            hours_per_week=6,
        ),
        personas=[
            Persona(
                name="HR director Sandra",
                age_bands=[AgeBand.A30_49, AgeBand.A50_64],
                locations=["Randstad"],
                interests=["leadership", "hybrid work"],
                pains="Hard to hire and keep staff",
                goals="A team that stays",
                online=[Platform.LINKEDIN],
                formats=[ContentFormat.ARTICLE, ContentFormat.TEXT],
            ),
        ],
        platforms=[
            PlatformPlan(platform=Platform.LINKEDIN, role=Role.LEADS, posts_per_week=2),
            PlatformPlan(platform=Platform.YOUTUBE, role=Role.AWARENESS, posts_per_week=1),
        ],
        goals=[
            Goal(platform=Platform.LINKEDIN, kpi="followers", quarter=quarter, baseline=400, target=600),
            Goal(platform=Platform.LINKEDIN, kpi="impressions", quarter=quarter, baseline=0, target=20000),
            Goal(platform=Platform.YOUTUBE, kpi="followers", quarter=quarter, baseline=150, target=200),
            Goal(
                platform=Platform.YOUTUBE,
                kpi="video_views",
                quarter=quarter,
                baseline=0,
                target=3000,
                note="Views are not logged yet",
            ),
        ],
    )


# How each platform's followers move against its followers goal (1 = exactly on the pace line), and its weekly
# posts, impressions and engagement per post. Chosen so the tracker shows every status on any day of a quarter:
# reached (Facebook), on track (Instagram), at risk (LinkedIn), behind (YouTube; the bakery's Facebook posts).
BEHAVIOUR: dict[tuple[str, Platform], dict[str, float]] = {
    ("bakery", Platform.INSTAGRAM): {"pace": 1.15, "posts": 3, "impressions": 2600, "engagement": 14},
    ("bakery", Platform.FACEBOOK): {"pace": 20.0, "posts": 1, "impressions": 900, "engagement": 2},
    ("consultancy", Platform.LINKEDIN): {"pace": 0.95, "posts": 2, "impressions": 1600, "engagement": 9},
    ("consultancy", Platform.YOUTUBE): {"pace": 0.4, "posts": 1, "impressions": 300, "engagement": 3},
}


def _followers(strategy: Strategy, platform: Platform, pace: float, position: int, weeks: int) -> int:
    """Followers at the end of the quarter's week ``position`` (1-based; ≤ 0 is last quarter), ``pace`` × the pace line."""
    goal = next(g for g in strategy.goals if g.platform == platform and g.kpi == "followers")
    per_week = (goal.target - goal.baseline) / weeks
    if position <= 0:  # last quarter: slow growth up to the baseline
        return max(0, round(goal.baseline + per_week * 0.5 * position))
    return min(round(goal.baseline + per_week * pace * position), round(goal.target + 5 * position))


def weeks_for(kind: str, strategy: Strategy, today: date, history: int = 13) -> list[WeekMetrics]:
    """The current quarter's complete weeks plus ``history`` weeks before it, with a gentle wobble."""
    quarter_weeks = periods.quarter_weeks(periods.current_quarter(today))
    last = periods.week_monday(periods.last_complete_week(today))
    rows: list[WeekMetrics] = []
    for plan in strategy.platforms:
        shape = BEHAVIOUR[(kind, plan.platform)]
        week = periods.shift_week(quarter_weeks[0], -history)
        position = 1 - history
        while periods.week_monday(week) <= last:
            wobble = 1 + 0.15 * math.sin(position * 1.7)
            posts = max(0, round(shape["posts"] * (wobble if position % 3 else 1)))
            engagement = shape["engagement"] * posts * wobble
            impressions = int(shape["impressions"] * wobble)
            rows.append(
                WeekMetrics(
                    platform=plan.platform,
                    week=week,
                    followers=_followers(
                        strategy, plan.platform, shape["pace"], position, len(quarter_weeks)
                    ),
                    posts=posts,
                    impressions=impressions,
                    reach=int(impressions * 0.7),
                    reactions=int(engagement * 0.8),
                    comments=int(engagement * 0.15),
                    shares=int(engagement * 0.05),
                    saves=int(engagement * 0.1) if plan.platform == Platform.INSTAGRAM else None,
                    clicks=int(impressions * 0.01),
                    messages_received=3 + position % 3,
                    messages_answered=3 + position % 3 - (1 if position % 4 == 0 else 0),
                    response_time_hours=round(2 + wobble, 1),
                    source="demo",
                )
            )
            week, position = periods.shift_week(week, 1), position + 1
    return rows


def planned_december(today: date) -> int:
    """The year of the December nearest ``today`` (this year's from July on, else last year's): the month the
    bakery's calendar is planned for, so it is close to whenever the demo is written."""
    return today.year if today.month >= 7 else today.year - 1


def _add_rows(
    edit: Edit,
    *,
    planned: list[PlannedPost],
    rivals: list[CompetitorWeek],
    posts: list[Post],
    ticks: list[Tick],
) -> None:
    """A sample strategy's planned posts, competitors' weeks, imported posts and checklist history, in one write."""
    edit.put(PLANNED_POSTS, planned)
    edit.put(COMPETITOR_WEEKS, rivals)
    edit.put(POSTS, posts)
    edit.put(TICKS, ticks)


def write_demo(store: Store, today: date | None = None) -> list[Strategy]:
    """Add the two sample strategies (with metrics; the bakery with a planned December, webcare figures and two
    competitors with their weeks), a checklist history for both, and return them."""
    today = today or date.today()
    quarter = periods.current_quarter(today)
    written = []
    december = calendar_demo.december(bakery(quarter), planned_december(today))
    rivals, rival_weeks = competitor_demo.for_bakery(today)
    for kind, strategy in (("bakery", december.strategy), ("consultancy", consultancy(quarter))):
        if kind == "bakery":
            strategy.competitors = rivals
        stored = store.add(strategy)
        weeks = weeks_for(kind, stored, today)
        store.upsert_weeks(stored.id, webcare_demo.bakery_webcare(weeks) if kind == "bakery" else weeks)
        ticked = demo_checks.ticks(stored, today, rate=0.85 if kind == "bakery" else 0.6)
        planned: list[PlannedPost] = []
        rival_rows: list[CompetitorWeek] = []
        posts: list[Post] = []
        if kind == "bakery":
            out = demo_posts.published(december.imported, today)
            planned, rival_rows, posts = (
                december.posts,
                rival_weeks,
                [*demo_posts.logged_posts(weeks, today, out), *out],
            )
        store.update(
            stored.id, partial(_add_rows, planned=planned, rivals=rival_rows, posts=posts, ticks=ticked)
        )
        written.append(stored)
    return written
