"""The competitor log: a week's editor rows (one per competitor and platform followed) and the checks before
competitor weeks are saved.

The same rules as the weekly log (``weeklog``), through the same helpers (``figures``): an empty cell is "not
logged", a negative, fractional or non-numeric count is refused with a message naming the competitor, the
platform and the field, and an implausible follower jump is a warning the user confirms. Saving is all or
nothing: save ``Checked.rows`` only when ``Checked.ok``. Rows carry their own week, so one call checks a week
typed in the editor as well as a quarter read from a sheet.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from cmplanner import figures, i18n, periods, presentation, weeklog
from cmplanner.figures import jump_warning, number, shown
from cmplanner.models import COMPETITOR_FIELDS, Competitor, CompetitorWeek, Platform

FIXED: tuple[str, ...] = ("competitor", "name", "platform", "week")
"""Editor columns that say which row is which; an edit never changes them."""

HISTORY_WEEKS = 8
"""Logged weeks shown under the editor for context."""

Key = tuple[str, Platform, str]


Checked = figures.Checked[CompetitorWeek]
"""What ``validate`` found (see ``figures.Checked``)."""


def tracked(competitors: Sequence[Competitor]) -> list[tuple[Competitor, Platform]]:
    """Every (competitor, platform) whose figures are logged: competitors in their order, platforms in the usual one."""
    return [(competitor, platform) for competitor in competitors for platform in competitor.platforms]


def where(name: str, platform: Platform | str, lang: str, week: str | None = None) -> str:
    """``Broodbar on Instagram`` (``Broodbar on Instagram (2026-W10)`` with a week): where a figure belongs."""
    shown_platform = presentation.platform_name(platform, lang)
    if week is None:
        return i18n.t("competitors.where", lang, competitor=name, platform=shown_platform)
    return i18n.t("competitors.where_week", lang, competitor=name, platform=shown_platform, week=week)


def rows_for_week(
    competitors: Sequence[Competitor], stored_rows: Sequence[CompetitorWeek], week: str
) -> list[dict[str, Any]]:
    """One editor row per competitor and platform followed: who, where, the week, and what is stored."""
    stored = {row.key: row for row in stored_rows if row.week == week}
    rows = []
    for competitor, platform in tracked(competitors):
        row = stored.get((competitor.id, platform, week))
        values = {name: getattr(row, name) if row else None for name in COMPETITOR_FIELDS}
        rows.append(
            {
                "competitor": competitor.id,
                "name": competitor.name,
                "platform": platform.value,
                "week": week,
                **values,
                "note": row.note if row else "",
            }
        )
    return rows


def apply_edits(rows: Sequence[Mapping[str, Any]], edits: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The rows with a data editor's ``edited_rows`` applied (as the weekly log does), who and where kept."""
    return weeklog.apply_edits(rows, edits, FIXED)


def _note(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _values(edited: Mapping[str, Any], old: dict[str, Any], place: str, lang: str) -> tuple[dict, list[str]]:
    """The row's values (``old`` where the row carries no field) and what is wrong with its cells."""
    values = dict(old)
    errors = []
    for name in COMPETITOR_FIELDS:
        if name not in edited:
            continue
        value, error = number(edited[name], whole=True)
        if error:
            label = i18n.t(f"field.{name}", lang)
            errors.append(i18n.t(error, lang, platform=place, field=label, value=shown(edited[name])))
        else:
            values[name] = value
    if "note" in edited:
        values["note"] = _note(edited["note"])
    return values, errors


def _identify(
    edited: Mapping[str, Any], competitors: Mapping[str, Competitor], lang: str, dated: bool
) -> tuple[Key, str] | str:
    """The row's key and where it belongs, or what is wrong with who, where or when."""
    competitor = competitors.get(str(edited.get("competitor") or ""))
    if competitor is None:
        shown_name = edited.get("name") or edited.get("competitor") or "–"
        return i18n.t("competitors.error.unknown", lang, competitor=shown(shown_name))
    try:
        platform = Platform(str(edited.get("platform") or ""))
    except ValueError:
        return i18n.t(
            "competitors.error.platform",
            lang,
            competitor=competitor.name,
            value=shown(edited.get("platform")),
        )
    place = where(competitor.name, platform, lang)
    if platform not in competitor.handles:
        return i18n.t("competitors.error.not_followed", lang, where=place)
    week = str(edited.get("week") or "").strip()
    try:
        periods.parse_week(week)
    except ValueError:
        return i18n.t("competitors.error.week", lang, where=place, value=shown(week or "–"))
    return (competitor.id, platform, week), where(competitor.name, platform, lang, week if dated else None)


def previous_followers(
    rows: Sequence[CompetitorWeek], competitor: str, platform: Platform | str, week: str
) -> CompetitorWeek | None:
    """The latest row before ``week`` of this competitor on ``platform`` that has followers."""
    earlier = [
        row
        for row in rows
        if row.competitor == competitor
        and row.platform == platform
        and row.week < week
        and row.followers is not None
    ]
    return max(earlier, key=lambda row: row.week, default=None)


def _jump(row: CompetitorWeek, rows: Sequence[CompetitorWeek], place: str, lang: str) -> str | None:
    """A warning when the row's followers jump implausibly from the previous week logged before it."""
    previous = previous_followers(rows, row.competitor, row.platform, row.week)
    if previous is None or previous.followers is None or row.followers is None:
        return None
    return jump_warning(place, (previous.followers, previous.week), (row.followers, row.week), lang)


def validate(
    competitors: Sequence[Competitor],
    edited_rows: Sequence[Mapping[str, Any]],
    stored_rows: Sequence[CompetitorWeek],
    lang: str,
    confirmed: bool = False,
    source: str = "manual",
) -> Checked:
    """Check edited rows (``competitor`` id, ``platform``, ``week`` + raw cell values) and turn them into rows.

    Fields a row does not carry keep their stored value. A row that is empty and was never stored is skipped;
    a row equal to what is stored is returned as stored. A (competitor, platform, week) given twice is refused.
    Messages name the competitor, the platform and the field, and the week when the rows span several.
    Follower jumps are judged against the previous week logged (stored, or among these rows: a sheet with a
    quarter is checked week by week) and left out once ``confirmed``. ``source`` marks new and changed rows.
    """
    result = Checked()
    by_id = {competitor.id: competitor for competitor in competitors}
    stored = {row.key: row for row in stored_rows}
    seen: set[Key] = set()
    moved: list[tuple[CompetitorWeek, str]] = []
    dated = len({str(edited.get("week") or "").strip() for edited in edited_rows}) > 1
    for edited in edited_rows:
        found = _identify(edited, by_id, lang, dated)
        if isinstance(found, str):
            result.errors.append(found)
            continue
        key, place = found
        if key in seen:
            result.errors.append(i18n.t("competitors.error.twice", lang, where=place, week=key[2]))
            continue
        seen.add(key)
        before = stored.get(key)
        old: dict[str, Any] = {name: getattr(before, name) if before else None for name in COMPETITOR_FIELDS}
        old["note"] = before.note if before else ""
        values, errors = _values(edited, old, place, lang)
        if errors:
            result.errors += errors
        elif before is not None and values == old:
            result.rows.append(before)
        elif (
            before is not None
            or any(values[name] is not None for name in COMPETITOR_FIELDS)
            or values["note"]
        ):
            try:
                row = CompetitorWeek(competitor=key[0], platform=key[1], week=key[2], source=source, **values)
            except ValidationError as exc:
                messages = i18n.explain(exc, lang).values()
                result.errors += [i18n.t("log.error.row", lang, platform=place, message=m) for m in messages]
                continue
            result.rows.append(row)
            if row.followers != (before.followers if before else None):
                moved.append((row, place))
    if not confirmed:
        new = {row.key: row for row in result.rows}
        everything = [row for row in stored_rows if row.key not in new] + list(new.values())
        result.warnings = [w for row, place in moved if (w := _jump(row, everything, place, lang))]
    return result


def saved_text(new: int, changed: int, unchanged: int, lang: str) -> str:
    """What a save did: ``3 competitor weeks saved: 2 new, 1 changed.``"""
    if not new and not changed:
        return i18n.t("log.saved.none", lang)
    parts = [
        i18n.t(f"log.count.{kind}", lang, n=count)
        for kind, count in (("new", new), ("changed", changed), ("unchanged", unchanged))
        if count
    ]
    return i18n.tn("competitors.saved", lang, new + changed + unchanged, details=", ".join(parts))


def history(
    competitors: Sequence[Competitor], stored_rows: Sequence[CompetitorWeek], n: int = HISTORY_WEEKS
) -> list[CompetitorWeek]:
    """The rows of the last ``n`` logged weeks, newest week first, then competitors and platforms in their order.

    Rows of a competitor no longer in the strategy are left out (they stay stored).
    """
    order = {competitor.id: index for index, competitor in enumerate(competitors)}
    platforms = list(Platform)
    rows = [row for row in stored_rows if row.competitor in order]
    weeks = sorted({row.week for row in rows}, reverse=True)[:n]
    rows = [row for row in rows if row.week in weeks]
    rows.sort(key=lambda row: (order[row.competitor], platforms.index(row.platform)))
    rows.sort(key=lambda row: row.week, reverse=True)
    return rows
