"""Calendar periods: ISO weeks (``2026-W47``), months (``2026-11``) and quarters (``2026-Q4``).

A week belongs to the month and quarter of its Thursday, as ISO 8601 assigns weeks to years, so every
week lies in exactly one quarter and a quarter has 13 (sometimes 14) weeks.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
QUARTER_RE = re.compile(r"^(\d{4})-Q([1-4])$")
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def week_key(day: date) -> str:
    """The ISO week key of a day: ``2026-W47``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(key: str) -> tuple[int, int]:
    """``2026-W47`` → (2026, 47); raises ValueError for anything else."""
    m = WEEK_RE.match(key)
    if not m:
        raise ValueError(f"not an ISO week: {key!r} (expected e.g. 2026-W47)")
    year, week = int(m.group(1)), int(m.group(2))
    date.fromisocalendar(year, week, 1)  # raises for week 53 in a 52-week year
    return year, week


def week_monday(key: str) -> date:
    """The Monday that starts an ISO week."""
    year, week = parse_week(key)
    return date.fromisocalendar(year, week, 1)


def week_thursday(key: str) -> date:
    return week_monday(key) + timedelta(days=3)


def shift_week(key: str, weeks: int) -> str:
    return week_key(week_monday(key) + timedelta(weeks=weeks))


def last_complete_week(today: date) -> str:
    """The most recent ISO week that has fully ended before ``today``."""
    return week_key(today - timedelta(days=today.isoweekday()))


def quarter_key(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def parse_quarter(key: str) -> tuple[int, int]:
    m = QUARTER_RE.match(key)
    if not m:
        raise ValueError(f"not a quarter: {key!r} (expected e.g. 2026-Q4)")
    return int(m.group(1)), int(m.group(2))


def quarter_of_week(key: str) -> str:
    """The quarter a week belongs to: the quarter of its Thursday."""
    return quarter_key(week_thursday(key))


def month_of_week(key: str) -> str:
    return month_key(week_thursday(key))


def quarter_weeks(quarter: str) -> list[str]:
    """All ISO weeks of a quarter, in order (12 to 14)."""
    year, q = parse_quarter(quarter)
    first_month = 3 * (q - 1) + 1
    day = date(year, first_month, 1)
    # first Thursday on or after the quarter's first day
    day += timedelta(days=(3 - day.weekday()) % 7)
    weeks = []
    while quarter_key(day) == quarter:
        weeks.append(week_key(day))
        day += timedelta(weeks=1)
    return weeks


def current_quarter(today: date) -> str:
    return quarter_of_week(week_key(today))


def shift_quarter(quarter: str, quarters: int) -> str:
    year, q = parse_quarter(quarter)
    index = year * 4 + (q - 1) + quarters
    return f"{index // 4}-Q{index % 4 + 1}"


def month_key(day: date) -> str:
    return f"{day.year}-{day.month:02d}"


def parse_month(key: str) -> tuple[int, int]:
    m = MONTH_RE.match(key)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ValueError(f"not a month: {key!r} (expected e.g. 2026-11)")
    return int(m.group(1)), int(m.group(2))


def shift_month(key: str, months: int) -> str:
    year, month = parse_month(key)
    index = year * 12 + (month - 1) + months
    return f"{index // 12}-{index % 12 + 1:02d}"


def month_weeks(key: str) -> list[str]:
    """ISO weeks whose Thursday falls in the month."""
    year, month = parse_month(key)
    day = date(year, month, 1)
    day += timedelta(days=(3 - day.weekday()) % 7)
    weeks = []
    while day.month == month:
        weeks.append(week_key(day))
        day += timedelta(weeks=1)
    return weeks


def week_span(first: date, last: date) -> list[str]:
    """Every ISO week from the one holding ``first`` to the one holding ``last``, in order."""
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(week_key(monday))
        monday += timedelta(weeks=1)
    return weeks


EARLIEST_YEAR = 2004
"""No platform the app knows had analytics before 2004 (Facebook opened that year): an earlier week is a typo."""
MAX_AHEAD = timedelta(days=366)


def plausible_week(key: str, today: date) -> bool:
    """A week figures can be for: from 2004 on, and not more than a year after ``today``."""
    monday = week_monday(key)
    return monday.year >= EARLIEST_YEAR and monday <= today + MAX_AHEAD
