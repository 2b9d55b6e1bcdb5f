"""The monthly review's panels: last month's decisions, the overview (goals behind, checklists, weeks logged), and
per platform the month's figures against the month before with its goals' pace."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cmplanner import i18n, kpis
from cmplanner import presentation as shown
from cmplanner.reviews import Figure, GoalMonth, MonthSummary, PlatformMonth
from cmplanner.ui.review import user_text
from cmplanner.ui.shell import Ctx, escape
from cmplanner.ui.tracker import status_table

CORE_KPIS: tuple[str, ...] = (
    "followers",
    "posts",
    "impressions",
    "reach",
    "engagements",
    "engagement_rate_followers",
    "response_rate",
)
"""The figures a monthly review shows besides the KPIs of the platform's goals (a toggle shows them all)."""
ALL_KPIS = "rv.all_kpis"


def change_text(figure: Figure, lang: str) -> str:
    """``+49 (+3.7%)``, ``−0.21 pp``, ``−0.1 h``; an en dash when either month has no value."""
    text = shown.kpi_change(figure.kpi, figure.change, lang)
    pct = figure.change_pct
    if figure.change is not None and pct is not None and kpis.KPIS[figure.kpi].unit == "count":
        text += f" ({shown.signed(pct, i18n.percent(abs(pct), lang, 0))})"
    return text


def shown_figures(item: PlatformMonth, everything: bool) -> list[Figure]:
    """The KPIs of the platform's goals, then the core ones (``CORE_KPIS``); every KPI when ``everything``."""
    if everything:
        return item.figures
    wanted = [*(g.goal.kpi for g in item.goals), *CORE_KPIS]
    by_kpi = {f.kpi: f for f in item.figures}
    return [by_kpi[k] for k in dict.fromkeys(wanted) if k in by_kpi]


def figures_table(ctx: Ctx, summary: MonthSummary, item: PlatformMonth, everything: bool = False) -> None:
    """The platform's KPIs this month against last month, the change coloured by whether it is good news."""
    figures = shown_figures(item, everything)
    if not figures:
        st.caption(ctx.t("rv.no_figures"))
        return
    this, before = (
        shown.month_label(summary.month, ctx.lang),
        shown.month_label(summary.previous_month, ctx.lang),
    )
    frame = pd.DataFrame(
        [
            {
                ctx.t("field.kpi"): shown.kpi_name(f.kpi, ctx.lang),
                this: shown.kpi_value(f.kpi, f.value, ctx.lang),
                before: shown.kpi_value(f.kpi, f.previous, ctx.lang),
                ctx.t("rv.change"): change_text(f, ctx.lang),
                ctx.t("common.formula"): ctx.t(f"kpi.{f.kpi}.formula"),
            }
            for f in figures
        ]
    )
    colours = [shown.GOOD_NEWS if f.better else shown.BAD_NEWS if f.better is False else "" for f in figures]
    styled = frame.set_index(ctx.t("field.kpi")).style.apply(
        lambda _: [f"color: {c}" if c else "" for c in colours], subset=[ctx.t("rv.change")], axis=0
    )
    # a static table: its cells wrap, so no KPI name or formula is cut off at the page's width
    st.table(styled)


def _was(ctx: Ctx, goal: GoalMonth, summary: MonthSummary) -> str:
    if goal.previous_status is None:
        return ""
    return " " + ctx.t(
        "rv.was",
        status=shown.status_name(goal.previous_status, ctx.lang),
        month=shown.month_label(summary.previous_month, ctx.lang),
    )


def decisions_panel(ctx: Ctx, summary: MonthSummary) -> None:
    """What we decided last month: the first thing to check."""
    previous = shown.month_label(summary.previous_month, ctx.lang)
    if summary.last_decisions:
        with st.container(border=True):
            st.markdown(f"**{ctx.t('rv.last_decisions', month=previous)}**")
            st.markdown(user_text(summary.last_decisions))
    else:
        st.caption(ctx.t("rv.no_last_decisions", month=previous))


def overview_panel(ctx: Ctx, summary: MonthSummary) -> None:
    """Goals behind, checklist completion, weeks logged: the five-minute answer."""
    goals = [g for p in summary.platforms for g in p.goals]
    done = summary.checklist_total
    cols = st.columns(3)
    cols[0].metric(ctx.t("rv.goals_behind"), f"{len(summary.behind)} / {len(goals)}")
    cols[1].metric(
        ctx.t("rv.checklist"),
        i18n.percent(done.fraction * 100, ctx.lang, 0) if done.total else "–",
        help=ctx.t("rv.checklist_help"),
    )
    logged = max((p.weeks_logged for p in summary.platforms), default=0)
    cols[2].metric(ctx.t("rv.weeks_logged"), f"{logged} / {len(summary.weeks)}")
    if summary.behind:
        lines = [
            f"- :{shown.STATUS_STYLES[g.pace.status].badge}[**{shown.status_label(g.pace.status, ctx.lang)}**] "
            f"{escape(shown.goal_name(g.goal, ctx.lang))}{_was(ctx, g, summary)}: "
            f"{shown.still_needed(g.item, ctx.lang)}"
            for g in summary.behind
        ]
        st.markdown(f"**{ctx.t('rv.behind_title')}**\n\n" + "\n".join(lines))
    elif goals:
        st.success(ctx.t("rv.none_behind"), icon=":material/verified:")
    progress = summary.checklist
    parts = [
        f"{ctx.t(f'rv.period.{period}')}: {p.done}/{p.total}" for period, p in progress.items() if p.total
    ]
    if parts:
        st.caption(ctx.t("rv.checklist_line") + " " + " · ".join(parts))


def platform_panel(ctx: Ctx, summary: MonthSummary, item: PlatformMonth, everything: bool = False) -> None:
    """One platform: figures vs last month, its goals' pace at the month's end, its tasks done."""
    with st.container(border=True):
        st.subheader(shown.platform_name(item.platform, ctx.lang))
        st.caption(
            ctx.t(
                "rv.weeks_line",
                logged=item.weeks_logged,
                total=len(summary.weeks),
                previous=item.previous_weeks_logged,
                month=shown.month_label(summary.previous_month, ctx.lang),
            )
        )
        figures_table(ctx, summary, item, everything)
        if item.goals:
            st.markdown(f"**{ctx.t('rv.goal_pace', quarter=summary.quarter)}**")
            status_table(ctx, [g.item for g in item.goals], static=True)
        if item.checklist.total:
            st.progress(
                item.checklist.fraction,
                text=ctx.t("rv.platform_tasks", done=item.checklist.done, total=item.checklist.total),
            )
