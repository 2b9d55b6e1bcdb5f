"""A logged figure: a typed or pasted cell read as a number, and the rule that questions a follower jump.

Shared by the weekly log (``weeklog``) and the competitor log (``competitors.log``), so both refuse the same
cells with the same messages and question the same jumps. An empty cell is ``None`` ("not logged"), never 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from cmplanner import periods

R = TypeVar("R")


@dataclass
class Checked(Generic[R]):
    """What a log's check found: the rows to save, the errors to fix, the warnings to confirm. Save ``rows`` only
    when ``ok``."""

    rows: list[R] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Implausible figures (a follower jump, an odd week) still to be confirmed (empty once confirmed)."""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.warnings


MAX_VALUE = 10**12
"""No account has a trillion of anything: a larger number is a paste gone wrong (and JSON tools lose precision
on integers this large)."""

JUMP_MIN_FOLLOWERS = 50
"""A follower change smaller than this is never questioned: a small account can double in a good week."""

JUMP_RISE_PER_WEEK = 0.25
"""A rise of more than a quarter of the previous count per week elapsed is questioned. Steady accounts grow a
few percent a week; a quarter in one week is more often a typo (an extra digit, another account's figure) than
growth. Viral weeks happen, so it is a warning the user can confirm, not an error."""

JUMP_DROP = 0.20
"""A drop of more than a fifth is questioned (not scaled by the weeks elapsed): accounts rarely lose that many,
and a missing digit (1250 → 125) looks exactly like this."""


def number(value: Any, whole: bool) -> tuple[int | float | None, str | None]:
    """A cell as a number: (value, None), or (None, the i18n key of what is wrong). Empty is (None, None).

    The keys (``log.error.*``) take ``platform`` (where the figure belongs), ``field`` and ``value``.
    """
    if value is None:
        return None, None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None, None
        try:
            value = float(text)
        except ValueError:
            return None, "log.error.not_number"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None, "log.error.not_number"
    if isinstance(value, float) and math.isnan(value):
        return None, None
    if value < 0:
        return None, "log.error.negative"
    if value > MAX_VALUE:
        return None, "log.error.too_large"
    if whole:
        return (int(value), None) if float(value).is_integer() else (None, "log.error.not_whole")
    return float(value), None


def shown(value: Any) -> str:
    """A cell as a message quotes it: at most 20 characters."""
    text = str(value).strip()
    return text if len(text) <= 20 else text[:19] + "…"


def is_jump(previous: int, previous_week: str, value: int, week: str) -> bool:
    """Whether followers moving from ``previous`` to ``value`` between the two weeks is implausible."""
    change = value - previous
    if abs(change) < JUMP_MIN_FOLLOWERS:
        return False
    if change > 0:
        weeks = max(1, (periods.week_monday(week) - periods.week_monday(previous_week)).days // 7)
        return change > previous * JUMP_RISE_PER_WEEK * weeks
    return -change > previous * JUMP_DROP


def jump_warning(place: str, previous: tuple[int, str], now: tuple[int, str], lang: str) -> str | None:
    """The question a log asks when followers move implausibly from ``previous`` to ``now`` (each a follower count
    and its ISO week); None when the move is plausible. ``place`` names the row (a platform, or competitor and
    platform)."""
    (before, before_week), (value, week) = previous, now
    if not is_jump(before, before_week, value, week):
        return None
    from cmplanner import i18n

    change = value - before
    return i18n.t(
        "log.warning.jump",
        lang,
        platform=place,
        field=i18n.t("field.followers", lang),
        value=i18n.number(value, lang),
        week=week,
        previous=i18n.number(before, lang),
        previous_week=before_week,
        change=("+" if change > 0 else "") + i18n.number(change, lang),
    )
