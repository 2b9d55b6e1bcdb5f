"""The monthly review's competitor section: you against each competitor in the month and the month before,
the notes logged for the month's weeks, and who stood out (seed 004: analyse every month what worked)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cmplanner import i18n, periods, presentation
from cmplanner.competitors import compare
from cmplanner.models import CompetitorWeek, Platform, Strategy, WeekMetrics


@dataclass(frozen=True)
class MonthPlatform:
    """One platform's comparison in the month, and the same sides in the month before (for the change)."""

    platform: Platform
    rows: list[compare.Row]
    previous: list[compare.Row]


@dataclass(frozen=True)
class MonthNote:
    """What a competitor's week stood out for (``launched a loyalty card``)."""

    name: str
    platform: Platform
    week: str
    text: str


@dataclass(frozen=True)
class MonthSection:
    month: str
    platforms: list[MonthPlatform]
    notes: list[MonthNote]


def notes(
    strategy: Strategy, competitor_rows: Sequence[CompetitorWeek], weeks: Sequence[str]
) -> list[MonthNote]:
    """The notes of competitors' weeks among ``weeks``, by week, then in competitor order."""
    order = {competitor.id: index for index, competitor in enumerate(strategy.competitors)}
    names = {competitor.id: competitor.name for competitor in strategy.competitors}
    found = [row for row in competitor_rows if row.note and row.week in weeks and row.competitor in order]
    found.sort(key=lambda row: (row.week, order[row.competitor], list(Platform).index(row.platform)))
    return [MonthNote(names[row.competitor], row.platform, row.week, row.note) for row in found]


def month_section(
    strategy: Strategy, own_rows: Sequence[WeekMetrics], competitor_rows: Sequence[CompetitorWeek], month: str
) -> MonthSection:
    """Every compared platform in ``month`` and the month before, and the month's notes."""
    weeks = periods.month_weeks(month)
    before = periods.month_weeks(periods.shift_month(month, -1))
    platforms = [
        MonthPlatform(
            platform,
            compare.comparison(strategy, own_rows, competitor_rows, platform, weeks),
            compare.comparison(strategy, own_rows, competitor_rows, platform, before),
        )
        for platform in compare.compared_platforms(strategy)
    ]
    return MonthSection(month, platforms, notes(strategy, competitor_rows, weeks))


def _leader(
    rows: Sequence[compare.Row], value: Callable[[compare.Summary], float | None]
) -> tuple[compare.Row, compare.Row | None] | None:
    """The side with the highest value and the best other side to name next to it; None when fewer than two
    sides have a value."""
    ranked = sorted(
        (row for row in rows if value(row.summary) is not None), key=lambda r: -(value(r.summary) or 0)
    )
    if len(ranked) < 2:
        return None
    top = ranked[0]
    own = next((row for row in rows if row.side.own), None)
    other = ranked[1] if top.side.own else own
    return top, other


def highlights(section: MonthSection, lang: str) -> list[str]:
    """Per platform, who grew fastest and who had the most engagement per post, with you beside them."""
    measures: list[tuple[str, str, Callable[[compare.Summary], float | None]]] = [
        ("growth", "growth", lambda s: s.growth),
        ("engagement", "engagement", lambda s: s.engagement),
    ]
    lines = []
    for item in section.platforms:
        platform = presentation.platform_name(item.platform, lang)
        for key, column, value in measures:
            found = _leader(item.rows, value)
            if found is None:
                continue
            top, other = found
            shown = compare.value_text(column, value(top.summary), lang)
            if top.side.own and other is not None:
                other_value = compare.value_text(column, value(other.summary), lang)
                lines.append(
                    i18n.t(
                        f"competitors.month.{key}.you",
                        lang,
                        platform=platform,
                        value=shown,
                        name=other.side.name,
                        other=other_value,
                    )
                )
            elif not top.side.own:
                own_value = compare.value_text(column, value(other.summary), lang) if other else "–"
                lines.append(
                    i18n.t(
                        f"competitors.month.{key}.them",
                        lang,
                        platform=platform,
                        value=shown,
                        name=top.side.name,
                        own=own_value,
                    )
                )
    return lines


def note_text(note: MonthNote, lang: str) -> str:
    """``Broodbar (Instagram, 2026-W10): launched a loyalty card``."""
    platform = presentation.platform_name(note.platform, lang)
    return i18n.t("competitors.note", lang, name=note.name, platform=platform, week=note.week, text=note.text)
