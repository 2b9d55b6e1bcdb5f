"""Webcare figures for the sample bakery's own weeks: Instagram answered quickly and nearly always, Facebook
slower (often past the 24 hours people expect), so the daily line and the tracker's table show every verdict
over the weeks. Pure: returns the bakery's rows with their messages figures replaced; the caller stores them."""

from __future__ import annotations

from collections.abc import Sequence

from cmplanner import periods
from cmplanner.models import Platform, WeekMetrics


def _figures(platform: Platform, week: str) -> dict[str, float]:
    n = periods.parse_week(week)[1]
    if platform == Platform.INSTAGRAM:
        received = 8 + n % 5
        return {
            "messages_received": received,
            "messages_answered": received - (1 if n % 6 == 0 else 0),
            "response_time_hours": 1.5 + (n % 4) * 0.5,
        }
    received = 3 + n % 3
    return {
        "messages_received": received,
        "messages_answered": received - (1 if n % 3 == 0 else 0),
        "response_time_hours": 14.0 + (n % 5) * 4,
    }


def bakery_webcare(rows: Sequence[WeekMetrics]) -> list[WeekMetrics]:
    """The bakery's weekly rows with messages received and answered and the response time set per platform."""
    return [row.model_copy(update=_figures(row.platform, row.week)) for row in rows]
