"""The tracker page's panels: the status table, one card per goal with its chart, cadence compliance."""

from __future__ import annotations

from typing import Any, Literal

import orjson
import pandas as pd
import streamlit as st

from cmplanner import charts, i18n, kpis
from cmplanner.pacing import Status
from cmplanner.tracker import Cadence, GoalPace
from cmplanner.ui.shell import Ctx, escape
from cmplanner.ui.widgets import kpi_help, kpi_value

BadgeColor = Literal["green", "blue", "orange", "red", "gray"]
BADGE: dict[Status, tuple[BadgeColor, str]] = {
    Status.REACHED: ("green", ":material/verified:"),
    Status.ON_TRACK: ("blue", ":material/trending_up:"),
    Status.AT_RISK: ("orange", ":material/warning:"),
    Status.BEHIND: ("red", ":material/trending_down:"),
    Status.NO_DATA: ("gray", ":material/hourglass_empty:"),
}
CELL = {"green": "#DFF3E4", "blue": "#DCEBFA", "orange": "#FDEBD3", "red": "#FADBD8", "gray": "#EEF0F1"}


def goal_name(ctx: Ctx, item: GoalPace) -> str:
    return f"{ctx.t('platform.' + item.goal.platform.value)} · {ctx.t('kpi.' + item.goal.kpi)}"


def still_needed(ctx: Ctx, item: GoalPace) -> str:
    """``42 net new per week until the end of the quarter`` and the like."""
    p, kpi = item.pace, kpis.KPIS[item.goal.kpi]
    if p.status == Status.REACHED:
        return ctx.t("pacing.needed.reached")
    if p.still_needed_per_week is None:
        return ctx.t("pacing.needed.none") if p.weeks_remaining == 0 else "–"
    amount = kpi_value(ctx, item.goal.kpi, p.still_needed_per_week)
    mode = "stock" if kpi.kind == "stock" else kpi.kind
    return ctx.t(f"pacing.needed.{mode}", amount=amount)


def needed_amount(ctx: Ctx, item: GoalPace) -> str:
    """The still-needed figure alone, for the table (the cards say it in a sentence)."""
    p = item.pace
    if p.status == Status.REACHED:
        return "✓"
    return (
        kpi_value(ctx, item.goal.kpi, p.still_needed_per_week) if p.still_needed_per_week is not None else "–"
    )


def status_table(ctx: Ctx, items: list[GoalPace]) -> None:
    """All goals of the quarter in one table, the status cell coloured."""
    rows = []
    for item in items:
        p, goal = item.pace, item.goal
        rows.append(
            {
                ctx.t("tracker.col.goal"): goal_name(ctx, item),
                ctx.t("tracker.col.status"): ctx.t(f"status.{p.status.value}"),
                ctx.t("pacing.actual"): kpi_value(ctx, goal.kpi, p.actual),
                ctx.t("pacing.expected"): kpi_value(ctx, goal.kpi, p.expected),
                ctx.t("pacing.forecast"): kpi_value(ctx, goal.kpi, p.forecast),
                ctx.t("pacing.target"): kpi_value(ctx, goal.kpi, goal.target),
                ctx.t("pacing.still_needed"): needed_amount(ctx, item),
            }
        )
    frame = pd.DataFrame(rows)
    colours = {ctx.t(f"status.{s.value}"): CELL[BADGE[s][0]] for s in Status}
    styled = frame.style.map(
        lambda v: f"background-color: {colours.get(v, '')}", subset=[ctx.t("tracker.col.status")]
    )
    st.dataframe(styled, hide_index=True, width="stretch")


def goal_card(ctx: Ctx, item: GoalPace) -> None:
    """One goal: status badge, where we are vs where we should be, the chart, the formula."""
    p, goal = item.pace, item.goal
    colour, icon = BADGE[p.status]
    with st.container(border=True):
        head, badge = st.columns([4, 1], vertical_alignment="center")
        head.markdown(f"**{goal_name(ctx, item)}** · {goal.quarter}")
        with badge:
            st.badge(
                ctx.t(f"status.{p.status.value}"),
                icon=icon,
                color=colour,
                help=ctx.t(f"status.{p.status.value}.help"),
            )
        if goal.note:
            st.caption(escape(goal.note))
        if p.status == Status.NO_DATA:
            st.info(ctx.t("tracker.no_data_goal"), icon=":material/edit_calendar:")
            return
        kind = kpis.KPIS[goal.kpi].kind
        cols = st.columns(4)
        cols[0].metric(ctx.t("pacing.actual"), kpi_value(ctx, goal.kpi, p.actual))
        cols[1].metric(
            ctx.t("pacing.expected"),
            kpi_value(ctx, goal.kpi, p.expected),
            help=ctx.t(f"pacing.expected.help.{kind}"),
        )
        cols[2].metric(
            ctx.t("pacing.forecast"),
            kpi_value(ctx, goal.kpi, p.forecast),
            help=ctx.t(f"pacing.forecast.help.{kind}"),
        )
        cols[3].metric(ctx.t("pacing.target"), kpi_value(ctx, goal.kpi, goal.target))
        st.markdown(f"**{ctx.t('pacing.still_needed')}:** {still_needed(ctx, item)}")
        labels = {
            "actual": ctx.t("pacing.actual"),
            "pace": ctx.t("pacing.expected"),
            "forecast": ctx.t("pacing.forecast"),
            "target": ctx.t("pacing.target"),
            "benchmark": ctx.t("tracker.benchmark"),
            "week": ctx.t("field.week"),
            "value": ctx.t("kpi." + goal.kpi)
            if kpis.KPIS[goal.kpi].unit == "count"
            else ctx.t("kpi.unit." + kpis.KPIS[goal.kpi].unit),
        }
        st.vega_lite_chart(chart_spec(item, labels), width="stretch")
        st.caption(
            ctx.t("pacing.week_of", elapsed=p.weeks_elapsed, total=p.weeks_total)
            + " · "
            + ctx.t("pacing.weeks_logged", logged=p.weeks_logged, total=p.weeks_counted)
            + "  \n"
            + kpi_help(ctx, goal.kpi, goal.platform.value)
        )


@st.cache_data(show_spinner=False, max_entries=512)
def _spec(_item: GoalPace, _labels: dict[str, str], key: bytes) -> dict[str, Any]:
    return charts.goal_chart(_item, _labels).to_dict()


def chart_spec(item: GoalPace, labels: dict[str, str]) -> dict[str, Any]:
    """The goal's Altair chart as a Vega-Lite spec, built once per goal, figures and language (building an
    Altair chart costs ~40 ms, most of a tracker rerun otherwise)."""
    bench = item.benchmark.value if item.benchmark else None
    key = orjson.dumps([item.goal.model_dump(mode="json"), item.pace.series, bench, labels])
    return _spec(item, labels, key)


def cadence_table(ctx: Ctx, items: list[Cadence]) -> None:
    """Posts logged against the cadence planned, per platform."""
    for item in items:
        share = item.share
        text = ctx.t(
            "tracker.cadence_line",
            platform=ctx.t("platform." + item.platform.value),
            logged=i18n.number(item.logged, ctx.lang),
            planned=i18n.number(item.planned, ctx.lang),
            weeks=item.weeks,
        )
        st.progress(
            min(1.0, share or 0.0),
            text=text + (f" · {i18n.percent(share * 100, ctx.lang, 0)}" if share else ""),
        )
