"""You against each competitor on one platform, over a quarter or a month: only figures both sides can have.

A public profile shows followers, posts and the likes and comments under them (DOMAIN.md, "Competitors"), so
the comparison holds four figures, each computed the same way for you and for them:

- followers: the last figure logged in the period;
- follower growth: (followers at the end − followers at the start) ÷ followers at the start × 100, the
  ``follower_growth`` KPI; the start is the week before the period, else its first logged week;
- posts per week: posts logged ÷ weeks with posts logged;
- engagement per post by followers: (likes + comments) ÷ posts ÷ followers × 100, over the weeks that log all
  three, divided by the followers at the end (a week: that week's). Your own likes are the logged reactions.
  Shares and saves are left out on both sides, because a competitor's are not public; so this is not the
  ``engagement_rate_followers`` KPI of your goals, which counts them.

Everything here is numbers; :func:`row_texts` and :func:`formulas` give the texts, the same on every page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from cmplanner import i18n, kpis, periods, presentation
from cmplanner.models import CompetitorWeek, Platform, Strategy, WeekMetrics

OWN = "own"
"""The key of your own side (a competitor's side has its id)."""

Metric = Literal["followers", "growth", "posts", "engagement"]
METRICS: tuple[Metric, ...] = ("followers", "growth", "posts", "engagement")
"""What a week's series holds, in the order a page offers them."""
COLUMNS: tuple[str, ...] = ("followers", "growth", "posts_per_week", "engagement")
"""The columns of the compact comparison."""


@dataclass(frozen=True)
class Figures:
    """One side's public figures for one week (None: not logged)."""

    followers: int | None = None
    posts: int | None = None
    likes: int | None = None
    comments: int | None = None


@dataclass(frozen=True)
class Side:
    key: str
    """``OWN`` or the competitor's id."""
    name: str
    own: bool


@dataclass(frozen=True)
class Summary:
    """One side's figures over a period (see the module docstring); None: the weeks logged do not give it."""

    followers: float | None
    followers_start: float | None
    growth: float | None
    posts_per_week: float | None
    engagement: float | None
    weeks_logged: int


@dataclass(frozen=True)
class Row:
    """A line of the compact comparison: a side and its figures over the period."""

    side: Side
    summary: Summary


@dataclass(frozen=True)
class Series:
    """One side's figures per week of a period, for a chart; growth counts from the period's start."""

    side: Side
    weeks: list[str]
    followers: list[float | None]
    growth: list[float | None]
    posts: list[float | None]
    engagement: list[float | None]

    def values(self, metric: Metric) -> list[float | None]:
        return list(getattr(self, metric))


def own_weeks(rows: Sequence[WeekMetrics], platform: Platform | str) -> dict[str, Figures]:
    """Your weekly log on ``platform`` as public figures (reactions are the likes), by week."""
    return {
        row.week: Figures(row.followers, row.posts, row.reactions, row.comments)
        for row in rows
        if row.platform == platform
    }


def competitor_weeks(
    rows: Sequence[CompetitorWeek], competitor: str, platform: Platform | str
) -> dict[str, Figures]:
    """One competitor's logged weeks on ``platform``, by week."""
    return {
        row.week: Figures(row.followers, row.posts, row.likes, row.comments)
        for row in rows
        if row.competitor == competitor and row.platform == platform
    }


def engagement_per_post(
    likes: float | None, comments: float | None, posts: float | None, followers: float | None
) -> float | None:
    """(likes + comments) ÷ posts ÷ followers × 100, in percent; None when a figure is missing or a divisor 0."""
    if likes is None or comments is None or not posts or not followers:
        return None
    return (likes + comments) / posts / followers * 100


def growth(start: float | None, end: float | None) -> float | None:
    """Follower growth in percent, by the ``follower_growth`` KPI's own formula."""
    return kpis.value("follower_growth", {"followers": end, "followers_start": start}, "")


def _start(figures: Mapping[str, Figures], weeks: Sequence[str]) -> float | None:
    before = figures.get(periods.shift_week(weeks[0], -1))
    if before is not None and before.followers is not None:
        return float(before.followers)
    logged = [f for w in weeks if (f := figures.get(w, Figures()).followers) is not None]
    return float(logged[0]) if logged else None


def summarise(figures: Mapping[str, Figures], weeks: Sequence[str]) -> Summary:
    """One side's figures over ``weeks`` (a quarter's or a month's), as the module docstring defines them."""
    logged = [figures[w] for w in weeks if w in figures]
    followers = [f.followers for f in logged if f.followers is not None]
    end = float(followers[-1]) if followers else None
    start = _start(figures, weeks) if weeks else None
    posted = [f.posts for f in logged if f.posts is not None]
    complete = [f for f in logged if f.posts is not None and f.likes is not None and f.comments is not None]
    engagement = engagement_per_post(
        sum(f.likes or 0 for f in complete) if complete else None,
        sum(f.comments or 0 for f in complete) if complete else None,
        sum(f.posts or 0 for f in complete),
        end,
    )
    return Summary(
        followers=end,
        followers_start=start,
        growth=growth(start, end),
        posts_per_week=sum(posted) / len(posted) if posted else None,
        engagement=engagement,
        weeks_logged=len(logged),
    )


def own_name(strategy: Strategy) -> str:
    return strategy.profile.name if strategy.profile else strategy.name


def sides(strategy: Strategy, platform: Platform | str) -> list[Side]:
    """You (when the plan has the platform), then every competitor followed on it, in their order."""
    found = [Side(OWN, own_name(strategy), True)] if strategy.plan_for(platform) else []
    return found + [Side(c.id, c.name, False) for c in strategy.competitors if platform in c.handles]


def compared_platforms(strategy: Strategy) -> list[Platform]:
    """Platforms with a competitor followed: those of your plan first (in its order), then the others."""
    followed = {platform for competitor in strategy.competitors for platform in competitor.handles}
    planned = [plan.platform for plan in strategy.platforms if plan.platform in followed]
    return planned + [platform for platform in Platform if platform in followed and platform not in planned]


def _figures(
    side: Side,
    own_rows: Sequence[WeekMetrics],
    competitor_rows: Sequence[CompetitorWeek],
    platform: Platform | str,
) -> dict[str, Figures]:
    if side.own:
        return own_weeks(own_rows, platform)
    return competitor_weeks(competitor_rows, side.key, platform)


def comparison(
    strategy: Strategy,
    own_rows: Sequence[WeekMetrics],
    competitor_rows: Sequence[CompetitorWeek],
    platform: Platform | str,
    weeks: Sequence[str],
) -> list[Row]:
    """The compact comparison over ``weeks`` (``periods.quarter_weeks(q)`` or ``month_weeks(m)``): you first."""
    return [
        Row(side, summarise(_figures(side, own_rows, competitor_rows, platform), weeks))
        for side in sides(strategy, platform)
    ]


def series(
    strategy: Strategy,
    own_rows: Sequence[WeekMetrics],
    competitor_rows: Sequence[CompetitorWeek],
    platform: Platform | str,
    quarter: str,
) -> list[Series]:
    """Each side's figures per week of ``quarter`` (None: not logged), you first."""
    weeks = periods.quarter_weeks(quarter)
    result = []
    for side in sides(strategy, platform):
        figures = _figures(side, own_rows, competitor_rows, platform)
        start = _start(figures, weeks)
        week_figures = [figures.get(week, Figures()) for week in weeks]
        followers = [None if f.followers is None else float(f.followers) for f in week_figures]
        result.append(
            Series(
                side=side,
                weeks=list(weeks),
                followers=followers,
                growth=[None if f is None else growth(start, f) for f in followers],
                posts=[None if f.posts is None else float(f.posts) for f in week_figures],
                engagement=[
                    engagement_per_post(f.likes, f.comments, f.posts, f.followers) for f in week_figures
                ],
            )
        )
    return result


# -- texts -----------------------------------------------------------------------------------------------------


def _signed_percent(value: float | None, lang: str) -> str:
    """``+5.0%``, ``−2.0%``, ``±0.0%``: a change, signed the way the app signs every change."""
    if value is None:
        return "–"
    return presentation.signed(value, i18n.percent(abs(value), lang, 1))


def value_text(column: str, value: float | None, lang: str) -> str:
    """One figure as the comparison shows it: ``1.422``, ``+2,5%``, ``3,5``, ``0,80%`` (Dutch)."""
    if column == "followers":
        return i18n.number(value, lang)
    if column == "growth":
        return _signed_percent(value, lang)
    if column in ("posts_per_week", "posts"):
        return i18n.number(value, lang, 1)
    return i18n.percent(value, lang, 2)


def headers(lang: str) -> list[str]:
    """The compact comparison's column headers, the name column first."""
    return [i18n.t("competitors.col.name", lang)] + [i18n.t(f"competitors.col.{c}", lang) for c in COLUMNS]


def row_texts(row: Row, lang: str) -> list[str]:
    """A comparison row as text: the name (yours marked), then the figures in ``COLUMNS`` order."""
    name = i18n.t("competitors.you", lang, name=row.side.name) if row.side.own else row.side.name
    summary = row.summary
    values = (summary.followers, summary.growth, summary.posts_per_week, summary.engagement)
    return [name] + [value_text(column, value, lang) for column, value in zip(COLUMNS, values, strict=True)]


def chart_labels(metric: Metric, lang: str) -> dict[str, str]:
    """The axis titles of a comparison chart (``charts.comparison_chart``)."""
    return {"week": i18n.t("field.week", lang), "value": i18n.t(f"competitors.axis.{metric}", lang)}


def metric_label(metric: Metric, lang: str) -> str:
    """A metric's name, for the control that picks the chart."""
    return i18n.t(f"competitors.metric.{metric}", lang)


def formulas(lang: str) -> list[str]:
    """How each figure of the comparison is computed, to show next to it."""
    return [i18n.t(f"competitors.formula.{column}", lang) for column in COLUMNS]


def quarters(competitor_rows: Sequence[CompetitorWeek], today: date) -> list[str]:
    """The quarters a comparison can be shown for: the current one and those with competitor weeks logged,
    newest first."""
    found = {periods.quarter_of_week(row.week) for row in competitor_rows} | {periods.current_quarter(today)}
    return sorted(found, reverse=True)
