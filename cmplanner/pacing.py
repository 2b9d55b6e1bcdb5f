"""Is a quarterly goal on pace? Pure functions of a goal, the logged weeks and today's date.

A goal counts from its start week (``Goal.start_week``; ``None``: the quarter's first week): a goal set in week
9 of 14 is paced over weeks 9–14, and the weeks before it existed count neither for nor against it.

Notation: N = the goal's weeks: the quarter's weeks (13; 14 or 12 in some years) from the start week on; w = weeks
elapsed: the goal's weeks up to and including the last complete week before ``today`` (all N once the quarter is
over), or up to the last week logged for the KPI if that is later (so data logged ahead of the calendar counts).
"Meets" is direction-aware: ≥ for a KPI where higher is better, ≤ for one where lower is better (response time).

How each kind of KPI is paced (the goal's platform only, its weeks only; positions count weeks from 1 at the
goal's start):

- stock (followers): actual = the latest logged value; expected = baseline + (target − baseline)·w/N;
  forecast = the least-squares line through the last up-to-4 logged weeks (with the baseline at week 0 when
  only one week is logged), continued from the last logged week to week N, never below 0;
  still needed = (target − actual)/(N − w) net growth per week.
- flow (posts, impressions, …): actual = the sum of the weeks logged since the goal's start (a week not logged
  adds nothing); expected = target·w/N; forecast = actual + the mean weekly amount of the last up-to-4
  logged weeks × the weeks after the last logged one; still needed = (target − actual)/(N − w) per week.
- accumulating rate (``ACCUMULATING_RATES``: follower growth): its value since the goal's start grows week by
  week, so it is paced like a stock that starts at 0 (baseline ignored): expected = target·w/N,
  still needed in percentage points per week.
- rate: actual = the rate over all the goal's weeks logged; expected = target; forecast = the rate over the last
  up-to-4 logged weeks (the actual once the quarter is over); still needed = the rate the remaining weeks
  must average, assuming each weighs as much as a logged week: target + (target − actual)·logged/(N − w);
  below 0 that is 0 when higher is better (any rate will do) and ``None`` when lower is better (out of reach).

Still needed is 0 once reached and ``None`` when no week remains or there is no data.

Status, first rule that applies:

1. NO_DATA: no week of the goal gives the KPI for the goal's platform.
2. REACHED: stock, flow and accumulating rate: actual meets the target. Rate: the quarter is over
   (w = N) and the rate over the weeks logged meets the target.
3. ON_TRACK: actual meets expected (the pace line), or the forecast meets the target.
4. AT_RISK: stock/flow: the gap to the pace line is at most ``AT_RISK_SHARE`` of the distance still to go
   (catching up takes at most 1/(1 − 0.1) ≈ 11 % more per week than planned); rate: actual is within
   ``AT_RISK_SHARE`` × target of the target; or, for any kind, the forecast misses the target by at most
   ``AT_RISK_SHARE`` of the goal's span (|target − baseline| for a stock, the target for the others).
5. BEHIND: otherwise.

Once the quarter is over the pace line stands at the target, so a missed goal reads AT_RISK (missed by at
most ``AT_RISK_SHARE`` of its span) or BEHIND.

``Pace`` reports in quarter weeks (``weeks_elapsed`` of ``weeks_total``, a ``series`` entry per quarter week, with
no actual or forecast and the pace line at its starting value before the goal's start) and says where the goal
started (``start_offset``: the quarter's weeks before the start week); ``weeks_counted`` is w.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from cmplanner import kpis, metrics, periods
from cmplanner.models import Goal, WeekMetrics

AT_RISK_SHARE = 0.10
"""AT_RISK margin: share of the distance still to go (pace line) or of the goal's span (forecast)."""
TREND_WEEKS = 4
"""The forecast follows the last this-many logged weeks."""
TOLERANCE = 1e-9
"""Relative tolerance of "meets", so figures exactly on a line are not lost to rounding."""
ACCUMULATING_RATES: frozenset[str] = frozenset(
    kpi.id
    for kpi in kpis.KPIS.values()
    if kpi.kind == "rate" and any(term.lstrip("-") == "followers_start" for term in kpi.formula.num)
)
"""Rates measured from the period's start (follower growth), whose value grows over the quarter."""

Mode = Literal["stock", "flow", "rate"]


class Status(StrEnum):
    REACHED = "reached"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BEHIND = "behind"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Pace:
    """A goal's pace; see the module docstring for the definitions."""

    goal_id: str
    weeks: list[str]
    weeks_elapsed: int
    weeks_total: int
    actual: float | None
    expected: float
    forecast: float | None
    still_needed_per_week: float | None
    status: Status
    series: list[tuple[str, float | None, float, float | None]]
    """Per quarter week: (week, actual so far or None, pace line, forecast or None)."""
    weeks_logged: int = 0
    """The goal's weeks that give the KPI."""
    start_offset: int = 0
    """The quarter's weeks before the goal's start week (0: the goal counts from the quarter's first week)."""

    @property
    def weeks_counted(self) -> int:
        """The goal's weeks elapsed (w): the quarter's weeks elapsed from its start week on."""
        return max(0, self.weeks_elapsed - self.start_offset)

    @property
    def weeks_remaining(self) -> int:
        return self.weeks_total - max(self.weeks_elapsed, self.start_offset)


def start_offset(goal: Goal) -> int:
    """The quarter's weeks before the goal's start week (0 when it has none or it is not in the quarter)."""
    weeks = periods.quarter_weeks(goal.quarter)
    return weeks.index(goal.start_week) if goal.start_week in weeks else 0


def default_start_week(quarter: str, today: date) -> str | None:
    """The start of a goal set on ``today``: that week when it is in ``quarter``, else ``None`` (the quarter's
    first week: a goal set before its quarter counts from the start; one set after it is history)."""
    week = periods.week_key(today)
    return week if periods.quarter_of_week(week) == quarter else None


def weeks_elapsed(quarter: str, today: date) -> int:
    """The quarter's weeks up to and including the last complete week before ``today``."""
    done = periods.last_complete_week(today)
    return sum(1 for week in periods.quarter_weeks(quarter) if week <= done)


def _meets(value: float, bar: float, sign: int) -> bool:
    return sign * (value - bar) >= -TOLERANCE * max(abs(value), abs(bar))


def _slope(points: Sequence[tuple[int, float]]) -> float:
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return num / den


def _status(
    mode: Mode,
    sign: int,
    actual: float | None,
    expected: float,
    forecast: float | None,
    target: float,
    span: float,
    quarter_over: bool,
) -> Status:
    """The status rules of the module docstring."""
    if actual is None:
        return Status.NO_DATA
    if _meets(actual, target, sign) and (mode != "rate" or quarter_over):
        return Status.REACHED
    if _meets(actual, expected, sign) or (forecast is not None and _meets(forecast, target, sign)):
        return Status.ON_TRACK
    if mode == "rate":
        near_line = sign * (target - actual) <= AT_RISK_SHARE * abs(target)
    else:
        near_line = sign * (expected - actual) <= AT_RISK_SHARE * sign * (target - actual)
    near_forecast = forecast is not None and sign * (target - forecast) <= AT_RISK_SHARE * span
    return Status.AT_RISK if near_line or near_forecast else Status.BEHIND


def _still_needed(
    mode: Mode, sign: int, status: Status, actual: float | None, target: float, logged: int, remaining: int
) -> float | None:
    """The weekly amount (a rate: the average rate) the remaining weeks need to reach the target."""
    if status is Status.REACHED:
        return 0.0
    if actual is None or remaining == 0:
        return None
    if mode != "rate":
        return (target - actual) / remaining
    needed = target + (target - actual) * logged / remaining
    if needed < 0:  # higher is better: any rate will do; lower is better: out of reach
        return 0.0 if sign > 0 else None
    return needed


def pace(goal: Goal, rows: Sequence[WeekMetrics], today: date) -> Pace:
    """Where ``goal`` stands on ``today``, from the weekly ``rows`` (any platforms; the goal's is used)."""
    kpi = kpis.KPIS[goal.kpi]
    sign = 1 if kpi.higher_is_better else -1
    quarter_weeks = periods.quarter_weeks(goal.quarter)
    offset = start_offset(goal)
    weeks = quarter_weeks[offset:]  # the goal's weeks: positions 1..N from its start
    n = len(weeks)
    mode: Mode = "stock" if goal.kpi in ACCUMULATING_RATES else kpi.kind
    origin = goal.baseline if kpi.kind == "stock" else 0.0
    target = goal.target

    own = metrics.by_week(rows, goal.platform)
    goal_rows = [own[w] for w in weeks if w in own]
    previous = own.get(periods.shift_week(weeks[0], -1))
    with_previous = [*goal_rows, previous] if previous else goal_rows
    weekly = metrics.kpi_series(with_previous, goal.platform, goal.kpi, weeks)
    logged = [i for i, v in enumerate(weekly, start=1) if v is not None]  # positions 1..N

    elapsed = max(0, weeks_elapsed(goal.quarter, today) - offset)
    if logged:
        elapsed = max(elapsed, logged[-1])
    quarter_over = elapsed == n

    # the KPI "so far" at each logged position
    running: dict[int, float] = {}
    total = 0.0
    for i in logged:
        if mode == "flow":
            total += weekly[i - 1] or 0.0
            running[i] = total
        elif kpi.kind == "stock":
            running[i] = weekly[i - 1] or 0.0
        else:
            value = kpis.value(goal.kpi, metrics.aggregate(goal_rows, weeks[:i], previous), goal.platform)
            if value is not None:
                running[i] = value
    logged = [i for i in logged if i in running]
    actual = running[logged[-1]] if logged else None

    def line(i: int) -> float:
        return target if mode == "rate" else origin + (target - origin) * i / n

    expected = line(elapsed)

    # forecast: a function of the position, valid from the last logged week on
    forecast_at: dict[int, float] = {}
    if logged and actual is not None:
        last = logged[-1]
        recent = logged[-TREND_WEEKS:]
        if mode == "flow":
            mean = sum(weekly[i - 1] or 0.0 for i in recent) / len(recent)
            forecast_at = {i: actual + mean * (i - last) for i in range(last, n + 1)}
        elif mode == "stock":
            points = [(i, running[i]) for i in recent]
            if len(points) == 1:
                points.insert(0, (0, origin))
            slope = _slope(points)
            floor = 0.0 if kpi.kind == "stock" else float("-inf")
            forecast_at = {i: max(floor, actual + slope * (i - last)) for i in range(last, n + 1)}
        else:
            if quarter_over:
                level: float | None = actual
            else:
                recent_weeks = [weeks[i - 1] for i in recent]
                before = own.get(periods.shift_week(recent_weeks[0], -1))
                level = kpis.value(
                    goal.kpi, metrics.aggregate(goal_rows, recent_weeks, before), goal.platform
                )
            if level is not None:
                forecast_at = dict.fromkeys(range(last, n + 1), level)
    forecast = forecast_at.get(n)

    status = _status(mode, sign, actual, expected, forecast, target, abs(target - origin), quarter_over)
    needed = _still_needed(mode, sign, status, actual, target, len(logged), n - elapsed)

    before_start = [(week, None, line(0), None) for week in quarter_weeks[:offset]]
    series = [(week, running.get(i), line(i), forecast_at.get(i)) for i, week in enumerate(weeks, start=1)]
    return Pace(
        goal_id=goal.id,
        weeks=quarter_weeks,
        weeks_elapsed=offset + elapsed if elapsed else weeks_elapsed(goal.quarter, today),
        weeks_total=len(quarter_weeks),
        actual=actual,
        expected=expected,
        forecast=forecast,
        still_needed_per_week=needed,
        status=status,
        series=[*before_start, *series],
        weeks_logged=len(logged),
        start_offset=offset,
    )
