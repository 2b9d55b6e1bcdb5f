"""The tracker page's panels: the status table, one card per goal with its chart, cadence compliance."""

from __future__ import annotations

from typing import Any

import orjson
import pandas as pd
import streamlit as st

from cmplanner import charts, kpis
from cmplanner import presentation as shown
from cmplanner.pacing import Status
from cmplanner.tracker import Cadence, GoalPace
from cmplanner.ui.shell import Ctx, escape
from cmplanner.ui.widgets import kpi_help


def status_cell(status: Status) -> str:
    """The CSS of a status cell: the status's colours (as in the report)."""
    style = shown.STATUS_STYLES[status]
    return f"background-color: {style.background}; color: {style.text}"


def status_table(ctx: Ctx, items: list[GoalPace], static: bool = False) -> None:
    """All goals of the quarter in one table, the status cell coloured.

    ``static`` shows a table whose cells wrap, for a narrow place (a card) where long goal names would push the last
    column out of sight in an interactive table.
    """
    rows = []
    for item in items:
        p, kpi = item.pace, item.goal.kpi
        rows.append(
            {
                ctx.t("tracker.col.goal"): shown.goal_name(item.goal, ctx.lang),
                ctx.t("tracker.col.status"): shown.status_label(p.status, ctx.lang),
                ctx.t("pacing.actual"): shown.kpi_value(kpi, p.actual, ctx.lang),
                ctx.t("pacing.expected"): shown.kpi_value(kpi, p.expected, ctx.lang),
                ctx.t("pacing.forecast"): shown.kpi_value(kpi, p.forecast, ctx.lang),
                ctx.t("pacing.target"): shown.kpi_value(kpi, item.goal.target, ctx.lang),
                ctx.t("pacing.still_needed"): shown.needed_amount(item, ctx.lang),
            }
        )
    frame = pd.DataFrame(rows)
    cells = {shown.status_label(s, ctx.lang): status_cell(s) for s in Status}
    if static:
        frame = frame.set_index(ctx.t("tracker.col.goal"))
    styled = frame.style.map(lambda v: cells.get(v, ""), subset=[ctx.t("tracker.col.status")])
    if static:
        st.table(styled)
    else:
        st.dataframe(styled, hide_index=True, width="stretch")


def goal_card(ctx: Ctx, item: GoalPace) -> None:
    """One goal: status badge, where we are vs where we should be, the chart, the formula."""
    p, goal = item.pace, item.goal
    style = shown.STATUS_STYLES[p.status]
    with st.container(border=True):
        head, badge = st.columns([4, 1], vertical_alignment="center")
        head.markdown(f"**{shown.goal_name(item.goal, ctx.lang)}** · {goal.quarter}")
        with badge:
            st.badge(
                shown.status_label(p.status, ctx.lang),
                icon=style.icon,
                color=style.badge,
                help=ctx.t(f"status.{p.status.value}.help"),
            )
        if goal.note:
            st.caption(escape(goal.note))
        if p.status == Status.NO_DATA:
            st.info(ctx.t("tracker.no_data_goal"), icon=":material/edit_calendar:")
            return
        kind = kpis.KPIS[goal.kpi].kind
        cols = st.columns(4)
        cols[0].metric(ctx.t("pacing.actual"), shown.kpi_value(goal.kpi, p.actual, ctx.lang))
        cols[1].metric(
            ctx.t("pacing.expected"),
            shown.kpi_value(goal.kpi, p.expected, ctx.lang),
            help=ctx.t(f"pacing.expected.help.{kind}"),
        )
        cols[2].metric(
            ctx.t("pacing.forecast"),
            shown.kpi_value(goal.kpi, p.forecast, ctx.lang),
            help=ctx.t(f"pacing.forecast.help.{kind}"),
        )
        cols[3].metric(ctx.t("pacing.target"), shown.kpi_value(goal.kpi, goal.target, ctx.lang))
        st.markdown(f"**{ctx.t('pacing.still_needed')}:** {shown.still_needed(item, ctx.lang)}")
        labels = shown.chart_labels(goal.kpi, ctx.lang)
        st.vega_lite_chart(chart_spec(item, labels, ctx.lang), width="stretch")
        st.caption(f"{shown.weeks_caption(p, ctx.lang)}  \n{kpi_help(ctx, goal.kpi, goal.platform.value)}")


@st.cache_data(show_spinner=False, max_entries=512)
def _spec(_item: GoalPace, _labels: dict[str, str], lang: str, key: bytes) -> dict[str, Any]:
    return charts.goal_chart(_item, _labels, lang=lang).to_dict()


def chart_spec(item: GoalPace, labels: dict[str, str], lang: str) -> dict[str, Any]:
    """The goal's Altair chart as a Vega-Lite spec (its axes in ``lang``'s numbers), built once per goal, figures
    and language (building an Altair chart costs ~40 ms, most of a tracker rerun otherwise)."""
    bench = item.benchmark.value if item.benchmark else None
    key = orjson.dumps([item.goal.model_dump(mode="json"), item.pace.series, bench, labels])
    return _spec(item, labels, lang, key)


def cadence_table(ctx: Ctx, items: list[Cadence]) -> None:
    """Posts logged against the cadence planned, per platform."""
    for item in items:
        st.progress(min(1.0, item.share or 0.0), text=shown.cadence_line(item, ctx.lang))
