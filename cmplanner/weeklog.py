"""The weekly log: which figures to ask for, the editor's rows for a week, and the checks before anything is saved.

Pure logic (no Streamlit); ``cmplanner/ui/log.py`` shows what these functions return. An empty cell is ``None``
("not logged"), never 0. Saving is all or nothing: ``validate`` returns errors (which block) and warnings
(implausible follower jumps, which the user can confirm, since viral weeks happen).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from pydantic import ValidationError

from cmplanner import i18n, kpis, periods
from cmplanner.figures import MAX_VALUE as MAX_VALUE
from cmplanner.figures import Checked, jump_warning, number, shown
from cmplanner.models import METRIC_FIELDS, Platform, Strategy, WeekMetrics
from cmplanner.store import UpsertResult

ALWAYS: tuple[str, ...] = ("followers", "posts")
"""Fields asked for on every platform, whatever the goals: the two figures every pace needs."""

DECIMAL_FIELDS: frozenset[str] = frozenset({"response_time_hours"})
"""Fields that may have decimals; every other metric is a count."""

HISTORY_WEEKS = 8
"""Logged weeks shown under the editor for context."""


Result = Checked[WeekMetrics]
"""What ``validate`` found (see ``figures.Checked``)."""


def fields_for(strategy: Strategy, show_all: bool) -> list[str]:
    """The metric fields to show: followers, posts and what the strategy's goals need; every field if ``show_all``."""
    if show_all:
        return list(METRIC_FIELDS)
    needed = set(ALWAYS)
    for goal in strategy.goals:
        needed.update(kpis.needs_for(goal.kpi, goal.platform.value))
    return [name for name in METRIC_FIELDS if name in needed]


def rows_for_week(
    strategy: Strategy, stored_rows: Sequence[WeekMetrics], week: str, fields: Sequence[str]
) -> list[dict[str, Any]]:
    """One row per platform of the strategy (in its order): ``platform`` and the stored value of each field."""
    stored = {row.platform: row for row in stored_rows if row.week == week}
    rows = []
    for plan in strategy.platforms:
        row = stored.get(plan.platform)
        rows.append(
            {"platform": plan.platform.value, **{f: getattr(row, f) if row else None for f in fields}}
        )
    return rows


def apply_edits(
    rows: Sequence[Mapping[str, Any]], edits: Mapping[str, Any] | None, fixed: Collection[str] = ("platform",)
) -> list[dict[str, Any]]:
    """The rows with a data editor's ``edited_rows`` (position → {column: raw value}) applied, values as typed.

    Columns in ``fixed`` say which row is which and are never changed by an edit.
    """
    result = [dict(row) for row in rows]
    for index, changes in ((edits or {}).get("edited_rows") or {}).items():
        position = int(index)
        if 0 <= position < len(result):
            result[position].update({k: v for k, v in changes.items() if k not in fixed})
    return result


def previous_followers(stored_rows: Sequence[WeekMetrics], platform: str, week: str) -> WeekMetrics | None:
    """The latest stored row before ``week`` on ``platform`` that has followers."""
    earlier = [
        row
        for row in stored_rows
        if row.platform == platform and row.week < week and row.followers is not None
    ]
    return max(earlier, key=lambda row: row.week, default=None)


def _values(
    edited: Mapping[str, Any], old: dict[str, Any], platform: str, lang: str
) -> tuple[dict, list[str]]:
    """The row's metric values (``old`` where the row carries no field) and what is wrong with its cells."""
    values = dict(old)
    errors = []
    for metric in METRIC_FIELDS:
        if metric not in edited:
            continue
        value, error = number(edited[metric], whole=metric not in DECIMAL_FIELDS)
        if error:
            label = i18n.t(f"field.{metric}", lang)
            errors.append(i18n.t(error, lang, platform=platform, field=label, value=shown(edited[metric])))
        else:
            values[metric] = value
    answered, received = values["messages_answered"], values["messages_received"]
    if not errors and answered is not None and received is not None and answered > received:
        errors.append(
            i18n.t(
                "log.error.answered",
                lang,
                platform=platform,
                answered=i18n.number(answered, lang),
                received=i18n.number(received, lang),
            )
        )
    return values, errors


def _jump(row: WeekMetrics, stored_rows: Sequence[WeekMetrics], lang: str) -> str | None:
    """A warning when the row's followers jump implausibly from the previous stored week."""
    previous = previous_followers(stored_rows, row.platform, row.week)
    if previous is None or previous.followers is None or row.followers is None:
        return None
    return jump_warning(
        i18n.t(f"platform.{row.platform.value}", lang),
        (previous.followers, previous.week),
        (row.followers, row.week),
        lang,
    )


def validate(
    strategy: Strategy,
    week: str,
    edited_rows: Sequence[Mapping[str, Any]],
    stored_rows: Sequence[WeekMetrics],
    lang: str,
    confirmed: bool = False,
    today: date | None = None,
) -> Result:
    """Check one week's edited rows (``platform`` + raw cell values) and turn them into WeekMetrics.

    Fields a row does not carry keep their stored value. A row that is empty and was never stored is skipped;
    a row equal to what is stored is returned as stored. Errors name the platform, the field and what to fix;
    warnings (implausible follower jumps, checked only where followers changed; a week before 2004 or more than a
    year after ``today``) are left out once ``confirmed``. ``strategy`` is the strategy the rows belong to; rows of
    platforms it does not plan are refused.
    """
    result = Result()
    if today is not None and not confirmed and not periods.plausible_week(week, today):
        result.warnings.append(i18n.t("log.warn.odd_week", lang, week=week_label(week, lang)))
    planned = {plan.platform.value for plan in strategy.platforms}
    stored = {row.platform.value: row for row in stored_rows if row.week == week}
    for edited in edited_rows:
        platform = str(edited["platform"])
        name = i18n.t(f"platform.{platform}", lang)
        if platform not in planned:
            result.errors.append(i18n.t("log.error.not_planned", lang, platform=name))
            continue
        before = stored.get(platform)
        old = {metric: getattr(before, metric) if before else None for metric in METRIC_FIELDS}
        values, errors = _values(edited, old, name, lang)
        if errors:
            result.errors += errors
        elif before is not None and values == old:
            result.rows.append(before)
        elif before is not None or any(v is not None for v in values.values()):
            try:
                row = WeekMetrics(platform=platform, week=week, source="manual", **values)
            except ValidationError as exc:
                messages = i18n.explain(exc, lang).values()
                result.errors += [i18n.t("log.error.row", lang, platform=name, message=m) for m in messages]
                continue
            result.rows.append(row)
            moved = row.followers != (before.followers if before else None)
            warning = _jump(row, stored_rows, lang) if moved and not confirmed else None
            if warning:
                result.warnings.append(warning)
    return result


def saved_text(done: UpsertResult, lang: str) -> str:
    """What a save did: ``2 platforms saved: 1 new, 1 changed.``"""
    if not done.new and not done.changed:
        return i18n.t("log.saved.none", lang)
    parts = [
        i18n.t(f"log.count.{kind}", lang, n=count)
        for kind, count in (("new", done.new), ("changed", done.changed), ("unchanged", done.unchanged))
        if count
    ]
    total = done.new + done.changed + done.unchanged
    key = "log.saved.one" if total == 1 else "log.saved.many"
    return i18n.t(key, lang, n=total, details=", ".join(parts))


def recent_weeks(today: date, n: int = 26) -> list[str]:
    """The last ``n`` complete ISO weeks before ``today``, newest first."""
    last = periods.last_complete_week(today)
    return [periods.shift_week(last, -i) for i in range(n)]


def week_label(week: str, lang: str) -> str:
    """``2026-W46 · 9–15 Nov``; a week across two months: ``2026-W49 · 30 Nov – 6 Dec``."""
    monday = periods.week_monday(week)
    sunday = monday + timedelta(days=6)
    end = i18n.day(sunday, lang, "d MMM")
    if monday.month == sunday.month:
        return f"{week} · {monday.day}–{end}"
    return f"{week} · {i18n.day(monday, lang, 'd MMM')} – {end}"


def history(stored_rows: Sequence[WeekMetrics], n: int = HISTORY_WEEKS) -> list[WeekMetrics]:
    """The rows of the last ``n`` logged weeks, newest week first, platforms in their usual order."""
    weeks = sorted({row.week for row in stored_rows}, reverse=True)[:n]
    order = list(Platform)
    rows = [row for row in stored_rows if row.week in weeks]
    rows.sort(key=lambda row: order.index(row.platform))
    rows.sort(key=lambda row: row.week, reverse=True)
    return rows
