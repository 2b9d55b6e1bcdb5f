"""You against your competitors, on the pages: the Competitors page's side by side (table, chart per metric and the
formulas), the tracker's compact comparison, and the monthly review's section. The figures and their texts come
from ``cmplanner.competitors`` (``compare`` and ``month``), the same on every page and in the report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from cmplanner import charts, i18n, periods
from cmplanner import presentation as shown
from cmplanner.competitors import compare, month
from cmplanner.models import CompetitorWeek, Platform, WeekMetrics
from cmplanner.ui import competitors
from cmplanner.ui.shell import Ctx, escape

PAGE = competitors.PAGE
QUARTER = "cp.quarter"
PLATFORM = "cp.platform"
METRIC = "cp.metric"
BOLD = "font-weight: 700"
CHART_HEIGHT = 340
"""The chart's height on the page in px, legend included (the spec's own height is left to the plot)."""


def _frame(ctx: Ctx, rows: Sequence[compare.Row], platform: Platform | None = None) -> pd.DataFrame:
    """The comparison's rows as text (``compare.row_texts``), with a platform column when ``platform`` is given."""
    headers = compare.headers(ctx.lang)
    records = []
    for row in rows:
        record = dict(zip(headers, compare.row_texts(row, ctx.lang), strict=True))
        if platform is not None:
            record = {ctx.t("field.platform"): shown.platform_name(platform, ctx.lang)} | record
        records.append(record)
    return pd.DataFrame(records)


def _table(ctx: Ctx, frame: pd.DataFrame, own: Sequence[bool]) -> None:
    """A comparison table with your own rows in bold, the figures right-aligned."""
    styled = frame.style.apply(lambda row: [BOLD if own[row.name] else ""] * len(row), axis=1)
    names = (ctx.t("field.platform"), compare.headers(ctx.lang)[0])
    config = {
        column: st.column_config.TextColumn(alignment="right")
        for column in frame.columns
        if column not in names
    } | {names[1]: st.column_config.TextColumn(width="medium")}
    st.dataframe(styled, hide_index=True, width="stretch", column_config=config)


def formulas(ctx: Ctx) -> None:
    """How each figure is computed, next to the figures (DOMAIN.md: a formula beside every figure)."""
    st.caption("  \n".join(compare.formulas(ctx.lang)))


def _quarter(ctx: Ctx, options: list[str]) -> str:
    wanted = st.query_params.get("q")
    if QUARTER not in st.session_state or st.session_state[QUARTER] not in options:
        st.session_state[QUARTER] = wanted if wanted in options else options[0]
    quarter: str = st.selectbox(ctx.t("field.quarter"), options, key=QUARTER)
    return quarter


def side_by_side(
    ctx: Ctx, own_rows: Sequence[WeekMetrics], competitor_rows: Sequence[CompetitorWeek], today: date
) -> None:
    """One platform's comparison over a quarter: the table, the chart of one metric per week, the formulas."""
    strategy = ctx.strategy
    assert strategy is not None
    platforms = compare.compared_platforms(strategy)
    left, middle = st.columns(2)
    with left:
        quarter = _quarter(ctx, compare.quarters(competitor_rows, today))
    platform = middle.selectbox(
        ctx.t("field.platform"),
        platforms,
        key=PLATFORM,
        format_func=lambda p: shown.platform_name(p, ctx.lang),
    )
    rows = compare.comparison(strategy, own_rows, competitor_rows, platform, periods.quarter_weeks(quarter))
    st.caption(ctx.t("cp.compare.intro", quarter=quarter))
    _table(ctx, _frame(ctx, rows), [row.side.own for row in rows])
    if strategy.plan_for(platform) is None:
        st.caption(ctx.t("cp.compare.not_yours", platform=shown.platform_name(platform, ctx.lang)))
    metric = (
        st.segmented_control(
            ctx.t("cp.compare.metric"),
            list(compare.METRICS),
            default="engagement",
            key=METRIC,
            format_func=lambda m: compare.metric_label(m, ctx.lang),
        )
        or "engagement"
    )
    series = compare.series(strategy, own_rows, competitor_rows, platform, quarter)
    chart = charts.comparison_chart(series, metric, compare.chart_labels(metric, ctx.lang), ctx.lang)
    st.vega_lite_chart(chart.to_dict(), width="stretch", height=CHART_HEIGHT)
    formulas(ctx)
    st.caption(ctx.t("cp.compare.own_source"))


def compact(
    ctx: Ctx, own_rows: Sequence[WeekMetrics], competitor_rows: Sequence[CompetitorWeek], quarter: str
) -> None:
    """The tracker's comparison: one row per side and platform over the quarter, and a link to the details."""
    strategy = ctx.strategy
    assert strategy is not None
    weeks = periods.quarter_weeks(quarter)
    frames, own = [], []
    for platform in compare.compared_platforms(strategy):
        rows = compare.comparison(strategy, own_rows, competitor_rows, platform, weeks)
        frames.append(_frame(ctx, rows, platform))
        own += [row.side.own for row in rows]
    st.subheader(ctx.t("cp.tracker.title", quarter=quarter))
    if not any(row.competitor in {c.id for c in strategy.competitors} for row in competitor_rows):
        st.info(ctx.t("cp.tracker.none_logged"), icon=":material/storefront:")
    _table(ctx, pd.concat(frames, ignore_index=True), own)
    st.caption(ctx.t("cp.tracker.formulas"))
    st.page_link(
        PAGE,
        label=ctx.t("cp.tracker.link"),
        icon=":material/storefront:",
        query_params={"s": strategy.id, "view": "compare", "q": quarter},
    )


def month_section(
    ctx: Ctx, own_rows: Sequence[WeekMetrics], competitor_rows: Sequence[CompetitorWeek], month_key: str
) -> None:
    """The monthly review's competitors: who stood out, each platform's table with the month before, the notes."""
    strategy = ctx.strategy
    assert strategy is not None
    section = month.month_section(strategy, own_rows, competitor_rows, month_key)
    year, number = periods.parse_month(periods.shift_month(month_key, -1))
    previous = i18n.day(date(year, number, 1), ctx.lang, "MMMM")
    with st.container(border=True):
        st.subheader(ctx.t("cp.month.title", month=shown.month_label(month_key, ctx.lang)))
        lines = month.highlights(section, ctx.lang)
        if lines:
            st.markdown("\n".join(f"- {escape(line)}" for line in lines))
        else:
            st.caption(ctx.t("cp.month.no_figures"))
        st.caption(ctx.t("cp.month.before", month=previous))
        for item in section.platforms:
            st.markdown(f"**{shown.platform_name(item.platform, ctx.lang)}**")
            frame = _frame(ctx, item.rows)
            before = {row.side.key: row.summary.engagement for row in item.previous}
            frame[shown.capitalised(previous)] = [
                compare.value_text("engagement", before.get(row.side.key), ctx.lang) for row in item.rows
            ]
            _table(ctx, frame, [row.side.own for row in item.rows])
        if section.notes:
            st.markdown(f"**{ctx.t('cp.month.notes')}**")
            st.markdown("\n".join(f"- {escape(month.note_text(note, ctx.lang))}" for note in section.notes))
        formulas(ctx)
        st.page_link(
            PAGE,
            label=ctx.t("cp.tracker.link"),
            icon=":material/storefront:",
            query_params={"s": strategy.id, "view": "compare"},
        )
