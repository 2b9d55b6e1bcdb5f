"""Webcare figures and verdicts: a platform's (or all platforms') messages over a week or month, against a bar.

See the package docstring for the rules; the sourced figures are read from ``knowledge/webcare.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from cmplanner import kpis, metrics, periods
from cmplanner.models import Goal, Platform, Strategy, WeekMetrics
from cmplanner.pacing import AT_RISK_SHARE, TOLERANCE

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge" / "webcare.json"
RATE, TIME = "response_rate", "response_time"
KPIS: tuple[str, str] = (RATE, TIME)
CHECKLIST_TASK = "day.messages"
"""The daily checklist item whose text :func:`cmplanner.webcare.texts.checklist_text` completes."""
TREND_MONTHS = 3


class Verdict(StrEnum):
    MEETS = "meets"
    CLOSE = "close"
    MISSES = "misses"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Expectation:
    """A sourced figure: ``share`` % of people expect an answer within ``hours`` (or businesses' figures)."""

    id: str
    source: str
    year: int | None
    note: str
    hours: float | None = None
    share: float | None = None
    response_rate: float | None = None


@dataclass(frozen=True)
class Bar:
    """What a KPI is judged against: a goal's target, else a sourced default."""

    kpi: str
    value: float
    goal: Goal | None = None
    source: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Care:
    """Webcare over one period (an ISO week or a month), on one platform or all (``platform`` None)."""

    platform: Platform | None
    period: str
    received: float | None
    answered: float | None
    rate: float | None
    """Percent."""
    hours: float | None
    rate_bar: Bar
    time_bar: Bar

    @property
    def rate_verdict(self) -> Verdict:
        return judge(self.rate, self.rate_bar.value, higher_is_better=True)

    @property
    def time_verdict(self) -> Verdict:
        return judge(self.hours, self.time_bar.value, higher_is_better=False)


@cache
def _knowledge() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(KNOWLEDGE.read_text(encoding="utf-8"))
    return loaded


def _expectation(raw: dict[str, Any]) -> Expectation:
    fields = ("hours", "share", "response_rate")
    return Expectation(
        raw["id"], raw["source"], raw["year"], raw["note"], **{k: raw[k] for k in fields if k in raw}
    )


def expectations() -> list[Expectation]:
    """What people expect, newest source first (undated last)."""
    found = [_expectation(raw) for raw in _knowledge()["expectations"]]
    return sorted(found, key=lambda e: -(e.year or 0))


def businesses() -> list[Expectation]:
    """What businesses actually do, as surveys found it."""
    return [_expectation(raw) for raw in _knowledge()["businesses"]]


def sources() -> dict[str, dict[str, Any]]:
    """Source key → title, URL, year and note."""
    return dict(_knowledge()["sources"])


def default_bar(kpi: str) -> Bar:
    """The sourced bar for ``kpi`` when no goal sets one."""
    raw = _knowledge()["defaults"][kpi]
    if "expectation" in raw:
        found = next(e for e in expectations() if e.id == raw["expectation"])
        return Bar(kpi, float(raw["value"]), source=found.source, year=found.year)
    return Bar(kpi, float(raw["value"]), source=raw["source"])


def goal_bar(strategy: Strategy, platform: Platform | str, quarter: str, kpi: str) -> Bar:
    """The strategy's goal for ``kpi`` on ``platform`` in ``quarter`` as a bar, else the default."""
    goal = next(
        (g for g in strategy.goals if g.kpi == kpi and g.platform == platform and g.quarter == quarter), None
    )
    return Bar(kpi, goal.target, goal=goal) if goal else default_bar(kpi)


def judge(value: float | None, bar: float, higher_is_better: bool) -> Verdict:
    """Meets, close (within ``AT_RISK_SHARE`` of the bar) or misses; no data when there is no value."""
    if value is None:
        return Verdict.NO_DATA
    sign = 1 if higher_is_better else -1
    if sign * (value - bar) >= -TOLERANCE * max(abs(value), abs(bar)):
        return Verdict.MEETS
    if sign * (bar - value) <= AT_RISK_SHARE * abs(bar) * (1 + TOLERANCE):
        return Verdict.CLOSE
    return Verdict.MISSES


def _totals(rows: Sequence[WeekMetrics], platform: Platform, weeks: Sequence[str]) -> metrics.Totals:
    return metrics.aggregate([r for r in rows if r.platform == platform], weeks, None)


def care(strategy: Strategy, rows: Sequence[WeekMetrics], platform: Platform, period: str) -> Care:
    """Webcare on ``platform`` over ``period`` (``2026-W10`` or ``2026-03``), judged against its quarter's bars."""
    weeks = periods.month_weeks(period) if periods.MONTH_RE.match(period) else [period]
    quarter = periods.quarter_of_week(weeks[-1])
    totals = _totals(rows, platform, weeks)
    return Care(
        platform=platform,
        period=period,
        received=totals["messages_received"],
        answered=totals["messages_answered"],
        rate=kpis.value(RATE, totals, platform.value),
        hours=kpis.value(TIME, totals, platform.value),
        rate_bar=goal_bar(strategy, platform, quarter, RATE),
        time_bar=goal_bar(strategy, platform, quarter, TIME),
    )


def _strictest(bars: Sequence[Bar], kpi: str) -> Bar:
    goals = [bar for bar in bars if bar.goal is not None]
    if not goals:
        return default_bar(kpi)
    return max(goals, key=lambda b: b.value) if kpi == RATE else min(goals, key=lambda b: b.value)


def _weighted(pairs: Sequence[tuple[float, float | None]]) -> float | None:
    """The mean of (hours, weight) pairs, weighted when every weight is known and above 0, else plain."""
    if not pairs:
        return None
    weights = [weight for _, weight in pairs if weight]
    if len(weights) == len(pairs):
        return sum(hours * (weight or 0) for hours, weight in pairs) / sum(weights)
    return sum(hours for hours, _ in pairs) / len(pairs)


def combined(parts: Sequence[Care], period: str) -> Care:
    """All platforms together: messages summed, response time weighted by messages answered; judged against
    the strictest goal among the platforms that logged messages, else the defaults."""
    logged = [c for c in parts if c.received is not None or c.answered is not None or c.hours is not None]
    received = [c.received for c in logged if c.received is not None]
    answered = [c.answered for c in logged if c.answered is not None]
    hours = _weighted([(c.hours, c.answered) for c in logged if c.hours is not None])
    totals = {
        "messages_received": float(sum(received)) if received else None,
        "messages_answered": float(sum(answered)) if answered else None,
    }
    return Care(
        platform=None,
        period=period,
        received=totals["messages_received"],
        answered=totals["messages_answered"],
        rate=kpis.value(RATE, totals, ""),
        hours=hours,
        rate_bar=_strictest([c.rate_bar for c in logged], RATE),
        time_bar=_strictest([c.time_bar for c in logged], TIME),
    )


def last_week(strategy: Strategy, rows: Sequence[WeekMetrics], today: date) -> list[Care]:
    """Last complete week's webcare per platform of the plan (in its order)."""
    week = periods.last_complete_week(today)
    return [care(strategy, rows, plan.platform, week) for plan in strategy.platforms]


def monthly_trend(
    strategy: Strategy,
    rows: Sequence[WeekMetrics],
    month: str,
    platform: Platform | None = None,
    count: int = TREND_MONTHS,
) -> list[Care]:
    """Webcare in ``month`` and the ``count - 1`` months before it, oldest first; all platforms if ``platform``
    is None."""
    months = [periods.shift_month(month, offset) for offset in range(1 - count, 1)]
    if platform is not None:
        return [care(strategy, rows, platform, m) for m in months]
    plans = [plan.platform for plan in strategy.platforms]
    return [combined([care(strategy, rows, p, m) for p in plans], m) for m in months]
