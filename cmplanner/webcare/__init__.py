"""Webcare: how many messages were answered and how fast, against what people expect or the strategy's own goal.

Seed 000 and 004: not answering a message on social media is like not picking up the phone. The weekly log
holds messages received and answered and the average response time; this package judges them:

- a *bar* per KPI: the strategy's goal for the platform and quarter (a ``response_rate`` or ``response_time``
  goal, the KPIs of the catalogue), else the sourced default in ``knowledge/webcare.json`` (every message
  answered; an answer within 24 hours, what 79.2 % of people expect: Arise 2017);
- a *verdict*: meets the bar; close (within ``pacing.AT_RISK_SHARE`` of it, the tracker's own "at risk"
  margin for rates: 90 % answered against 100 %, or 26.4 h against 24 h); misses; or no data.

Figures come from ``metrics.aggregate`` and ``kpis.value`` (one figure, one function): response rate =
answered ÷ received × 100 over the period, response time = the mean of the weeks' averages. For all platforms
together, messages are summed and the response time is the platforms' average weighted by messages answered.

Modules: ``status`` (figures, bars, verdicts), ``goals`` (setting the webcare goals), ``texts`` (the daily
checklist line, the tracker's rows, the monthly review's sentence).
"""

from cmplanner.webcare.goals import with_goals
from cmplanner.webcare.status import (
    CHECKLIST_TASK,
    KPIS,
    RATE,
    TIME,
    Bar,
    Care,
    Expectation,
    Verdict,
    businesses,
    care,
    combined,
    default_bar,
    expectations,
    goal_bar,
    judge,
    last_week,
    monthly_trend,
    sources,
)
from cmplanner.webcare.texts import (
    bar_text,
    checklist_text,
    cite,
    figures_text,
    headers,
    hours_text,
    month_text,
    row_texts,
    verdict_label,
)

__all__ = [
    "CHECKLIST_TASK",
    "KPIS",
    "RATE",
    "TIME",
    "Bar",
    "Care",
    "Expectation",
    "Verdict",
    "bar_text",
    "businesses",
    "care",
    "checklist_text",
    "cite",
    "combined",
    "default_bar",
    "expectations",
    "figures_text",
    "goal_bar",
    "headers",
    "hours_text",
    "judge",
    "last_week",
    "month_text",
    "monthly_trend",
    "row_texts",
    "sources",
    "verdict_label",
    "with_goals",
]
