"""Webcare goals: a response rate and a response time the user sets for a platform and quarter.

They are ordinary ``response_rate`` / ``response_time`` goals of the KPI catalogue, so the tracker paces them
like any rate and :func:`cmplanner.webcare.status.goal_bar` judges the weeks against them.
"""

from __future__ import annotations

from collections.abc import Sequence

from cmplanner import i18n, kpis, metrics, periods
from cmplanner.models import Goal, Platform, Strategy, WeekMetrics
from cmplanner.webcare.status import KPIS, RATE, TIME

MAX_HOURS = 24 * 14
"""A response-time goal longer than two weeks is a typo."""


def with_goals(
    strategy: Strategy,
    platform: Platform,
    quarter: str,
    rows: Sequence[WeekMetrics],
    rate: float | None,
    hours: float | None,
    lang: str,
) -> tuple[Strategy, list[str]]:
    """The strategy with its webcare goals for ``platform`` in ``quarter`` set (None: no goal for that KPI),
    or the strategy unchanged and what to fix.

    They are ordinary ``response_rate`` / ``response_time`` goals, so the tracker paces them like any rate. The
    baseline is the previous quarter's figure, for reference only (a rate is paced against its target); 0 when
    that quarter logged none or already stood exactly at the target.
    """
    errors = []
    if rate is not None and not 0 < rate <= 100:
        errors.append(i18n.t("webcare.error.rate", lang, value=_shown(rate, lang)))
    if hours is not None and not 0 < hours <= MAX_HOURS:
        errors.append(i18n.t("webcare.error.hours", lang, value=_shown(hours, lang)))
    if errors:
        return strategy, errors
    previous = periods.quarter_weeks(periods.shift_quarter(quarter, -1))
    totals = metrics.aggregate([r for r in rows if r.platform == platform], previous, None)
    kept = [
        g for g in strategy.goals if not (g.kpi in KPIS and g.platform == platform and g.quarter == quarter)
    ]
    added = []
    for kpi, target in ((RATE, rate), (TIME, hours)):
        if target is None:
            continue
        before = kpis.value(kpi, totals, platform.value)
        baseline = round(before, 1) if before is not None and round(before, 1) != target else 0.0
        added.append(Goal(platform=platform, kpi=kpi, quarter=quarter, baseline=baseline, target=target))
    return strategy.model_copy(update={"goals": kept + added}), []


def _shown(value: float, lang: str) -> str:
    return i18n.number(value, lang, 0 if float(value).is_integer() else 1)
