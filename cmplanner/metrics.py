"""The KPI engine: weekly metric rows → KPI values per week, month or quarter.

A period's *totals* aggregate one platform's weekly rows: counts are summed, ``followers`` is the last value
logged in the period, ``followers_start`` the followers at the start of the period (the previous week's value,
else the first logged), ``response_time_hours`` the mean over the weeks logged. A field that no week of the
period logged is ``None``. ``kpis.value`` turns totals into a KPI value (percent KPIs in percent).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from cmplanner import kpis, periods
from cmplanner.models import METRIC_FIELDS, Platform, WeekMetrics

Period = Literal["week", "month", "quarter"]
Totals = dict[str, float | None]

STOCK_FIELD = "followers"
MEAN_FIELDS: tuple[str, ...] = ("response_time_hours",)
SUM_FIELDS: tuple[str, ...] = tuple(f for f in METRIC_FIELDS if f != STOCK_FIELD and f not in MEAN_FIELDS)
START_FIELD = "followers_start"

_PERIOD_OF: dict[str, Callable[[str], str]] = {
    "week": lambda week: week,
    "month": periods.month_of_week,
    "quarter": periods.quarter_of_week,
}
_FIRST_WEEK: dict[str, Callable[[str], str]] = {
    "week": lambda week: week,
    "month": lambda month: periods.month_weeks(month)[0],
    "quarter": lambda quarter: periods.quarter_weeks(quarter)[0],
}


def by_week(rows: Sequence[WeekMetrics], platform: Platform | str | None = None) -> dict[str, WeekMetrics]:
    """Rows keyed by ISO week, optionally for one platform only (a later row for the same week wins)."""
    return {r.week: r for r in rows if platform is None or r.platform == platform}


def aggregate(rows: Sequence[WeekMetrics], weeks: Sequence[str], previous: WeekMetrics | None) -> Totals:
    """The totals of one platform's ``rows`` over ``weeks``; ``previous`` is the row of the week before them.

    Rows outside ``weeks`` are ignored; pass one platform's rows only.
    """
    own = by_week(rows)
    logged = [own[w] for w in sorted(set(weeks) & own.keys())]
    totals: Totals = {}
    for field in SUM_FIELDS:
        values = [v for r in logged if (v := getattr(r, field)) is not None]
        totals[field] = float(sum(values)) if values else None
    for field in MEAN_FIELDS:
        values = [v for r in logged if (v := getattr(r, field)) is not None]
        totals[field] = sum(values) / len(values) if values else None
    followers = [float(r.followers) for r in logged if r.followers is not None]
    totals[STOCK_FIELD] = followers[-1] if followers else None
    if previous is not None and previous.followers is not None:
        totals[START_FIELD] = float(previous.followers)
    else:
        totals[START_FIELD] = followers[0] if followers else None
    return totals


def kpi_series(
    rows: Sequence[WeekMetrics], platform: Platform | str, kpi_id: str, weeks: Sequence[str]
) -> list[float | None]:
    """One KPI per week: a stock's value at week end, a flow's weekly amount, a rate over that week.

    ``None`` for a week that is not logged or whose figures do not give the KPI.
    """
    own = by_week(rows, platform)
    series: list[float | None] = []
    for week in weeks:
        row = own.get(week)
        if row is None:
            series.append(None)
            continue
        totals = aggregate([row], [week], own.get(periods.shift_week(week, -1)))
        series.append(kpis.value(kpi_id, totals, str(platform)))
    return series


def frame(rows: Sequence[WeekMetrics], platform: Platform | str) -> pd.DataFrame:
    """One platform's rows as a float DataFrame indexed by week (sorted), one column per metric field."""
    own = by_week(rows, platform)
    weeks = sorted(own)
    data = {
        field: np.array([np.nan if (v := getattr(own[w], field)) is None else v for w in weeks], dtype=float)
        for field in METRIC_FIELDS
    }
    return pd.DataFrame(data, index=pd.Index(weeks, name="week", dtype=object))


def period_totals(rows: Sequence[WeekMetrics], platform: Platform | str, period: Period) -> pd.DataFrame:
    """The totals of every period with at least one logged row, one row per period key (NaN = not logged)."""
    weekly = frame(rows, platform)
    columns = [*SUM_FIELDS, *MEAN_FIELDS, STOCK_FIELD, START_FIELD]
    if weekly.empty:
        return pd.DataFrame(columns=columns, index=pd.Index([], name="period", dtype=object), dtype=float)
    period_of = _PERIOD_OF[period]
    keys = np.array([period_of(w) for w in weekly.index], dtype=object)
    grouped = weekly.groupby(keys, sort=True)
    totals = grouped[list(SUM_FIELDS)].sum(min_count=1)
    for field in MEAN_FIELDS:
        totals[field] = grouped[field].mean()
    totals[STOCK_FIELD] = grouped[STOCK_FIELD].last()
    first_week = _FIRST_WEEK[period]
    before = [periods.shift_week(first_week(key), -1) for key in totals.index]
    previous = weekly[STOCK_FIELD].reindex(before).to_numpy()
    totals[START_FIELD] = np.where(np.isnan(previous), grouped[STOCK_FIELD].first().to_numpy(), previous)
    totals.index = pd.Index(totals.index, name="period", dtype=object)
    return totals[columns]


def kpi_table(rows: Sequence[WeekMetrics], platform: Platform | str, period: Period = "week") -> pd.DataFrame:
    """One row per period key (with at least one logged week), one float column per KPI that the data gives.

    Columns follow ``kpis.KPIS`` order; a KPI with no value in any period is left out; NaN = no value.
    """
    totals = period_totals(rows, platform, period)
    records: list[Mapping[str, float | None]] = [
        {k: None if math.isnan(v) else v for k, v in rec.items()} for rec in totals.to_dict("records")
    ]
    columns = {kpi_id: [kpis.value(kpi_id, rec, str(platform)) for rec in records] for kpi_id in kpis.KPIS}
    table = pd.DataFrame(columns, index=totals.index, dtype=float)
    return table.dropna(axis=1, how="all")
