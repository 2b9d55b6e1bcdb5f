"""The report's competitor section as view data: per platform a table (you against each competitor over the
quarter), a chart of engagement per post per week, and the formulas, notes and what to watch.

Plain text and a Vega-Lite spec, like the report's own model (``reports/content.py``): the PDF and the HTML
renderers both draw it. Competitor names, notes and "what to watch" are user text: pass the report's cleaning
function (``clean``) so they are made as inert as the rest of the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from cmplanner import charts, i18n, periods, presentation
from cmplanner.competitors import compare, month
from cmplanner.models import CompetitorWeek, Platform, Strategy, WeekMetrics

CHART_METRIC: compare.Metric = "engagement"
"""The one figure both sides can have, so the one the report charts."""


@dataclass(frozen=True)
class PlatformTable:
    platform: Platform
    title: str
    headers: list[str]
    rows: list[list[str]]
    own_row: int | None
    """The index of your own row (to set it apart), None when your plan has no such platform."""
    chart_title: str
    chart: dict[str, Any]
    """Vega-Lite spec with its number locale; size it with ``properties``, style it with ``configure_*``."""


@dataclass(frozen=True)
class CompetitorSection:
    title: str
    intro: str
    platforms: list[PlatformTable]
    formulas: list[str]
    watch: list[str]
    """Per competitor with a note on what to watch: ``Van der Linden: their Saturday offers``."""
    notes: list[str]
    """What competitors' weeks of the quarter stood out for."""


def _table(
    strategy: Strategy,
    own_rows: Sequence[WeekMetrics],
    competitor_rows: Sequence[CompetitorWeek],
    platform: Platform,
    quarter: str,
    lang: str,
    clean: Callable[[str], str],
) -> PlatformTable:
    rows = compare.comparison(strategy, own_rows, competitor_rows, platform, periods.quarter_weeks(quarter))
    texts = [compare.row_texts(row, lang) for row in rows]
    series = [
        replace(item, side=replace(item.side, name=clean(item.side.name)))
        for item in compare.series(strategy, own_rows, competitor_rows, platform, quarter)
    ]
    chart = charts.comparison_chart(series, CHART_METRIC, compare.chart_labels(CHART_METRIC, lang), lang)
    name = presentation.platform_name(platform, lang)
    return PlatformTable(
        platform=platform,
        title=name,
        headers=compare.headers(lang),
        rows=[[clean(text[0]), *text[1:]] for text in texts],
        own_row=next((i for i, row in enumerate(rows) if row.side.own), None),
        chart_title=i18n.t("competitors.report.chart", lang, platform=name),
        chart=chart.to_dict(),
    )


def report_section(
    strategy: Strategy,
    own_rows: Sequence[WeekMetrics],
    competitor_rows: Sequence[CompetitorWeek],
    quarter: str,
    lang: str,
    clean: Callable[[str], str] | None = None,
) -> CompetitorSection | None:
    """The competitor section for ``quarter``; None when the strategy follows no competitor on any platform."""
    clean = clean or (lambda text: text)
    platforms = compare.compared_platforms(strategy)
    if not platforms:
        return None
    weeks = periods.quarter_weeks(quarter)
    return CompetitorSection(
        title=i18n.t("competitors.report.title", lang),
        intro=i18n.t("competitors.report.intro", lang, quarter=quarter),
        platforms=[
            _table(strategy, own_rows, competitor_rows, platform, quarter, lang, clean)
            for platform in platforms
        ],
        formulas=compare.formulas(lang),
        watch=[
            i18n.t("competitors.report.watch", lang, name=clean(c.name), watch=clean(c.watch))
            for c in strategy.competitors
            if c.watch
        ],
        notes=[clean(month.note_text(note, lang)) for note in month.notes(strategy, competitor_rows, weeks)],
    )
