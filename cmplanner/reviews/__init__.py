"""Monthly and quarterly reviews (seed 004): every month analyse what worked and change course; every quarter
evaluate the KPIs and revise the strategy for the next quarter.

A :class:`Review` is what the user writes (what went well, what did not, decisions, notes), one per kind and
period (``month`` / ``2026-11``, ``quarter`` / ``2026-Q4``), stored in the strategy file's ``reviews`` table.
The summaries are pure functions of a strategy, its weekly rows, the checklist ticks and the reviews:

- :func:`monthly_summary`: per platform the month's KPIs against the previous month, each goal's pace at the
  month's end (goals of the month's quarter), the goals behind; checklist completion in the month (counted from
  the plan's start, ``tracker.plan_start``); last month's decisions.
- :func:`quarterly_summary`: per goal reached or not and by how much.
- :func:`propose_goals`: next quarter's goals from the achieved trend; :func:`accept_goals` puts them into
  the strategy in one write.

For a report: :func:`latest` gives a strategy's most recent review. Changes (:func:`save`, :func:`accept_goals`)
are functions of the store's ``Edit``, applied with ``Store.update``.
"""

from cmplanner.reviews.month import (
    BEHIND,
    Figure,
    GoalMonth,
    MonthSummary,
    PlatformMonth,
    default_month,
    default_quarter,
    month_checklist,
    month_cutoff,
    monthly_summary,
    months,
)
from cmplanner.reviews.quarter import (
    UPLIFT,
    GoalResult,
    QuarterSummary,
    accept_goals,
    goal_result,
    propose_goal,
    propose_goals,
    quarterly_summary,
)
from cmplanner.reviews.records import find, latest, newest_first, save

__all__ = [
    "BEHIND",
    "UPLIFT",
    "Figure",
    "GoalMonth",
    "GoalResult",
    "MonthSummary",
    "PlatformMonth",
    "QuarterSummary",
    "accept_goals",
    "default_month",
    "default_quarter",
    "find",
    "goal_result",
    "latest",
    "month_checklist",
    "month_cutoff",
    "monthly_summary",
    "months",
    "newest_first",
    "propose_goal",
    "propose_goals",
    "quarterly_summary",
    "save",
]
