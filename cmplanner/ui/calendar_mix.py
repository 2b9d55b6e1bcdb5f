"""Is the month balanced and is it enough? The month's posts per content pillar against the plan's shares, per
goal, and whether the posts planned for the rest of the quarter are enough for the goals they drive — in the
tracker's own still-needed figures (``calendar.coverage`` asks ``pacing.pace``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from cmplanner import i18n, periods
from cmplanner import presentation as shown
from cmplanner.calendar.coverage import GoalCoverage, coverage, summary
from cmplanner.calendar.mix import MonthMix, month_mix
from cmplanner.models import PlannedPost
from cmplanner.ui.shell import Ctx, escape

VERDICTS = {
    "reached": ("green", ":material/verified:"),
    "enough": ("green", ":material/task_alt:"),
    "short": ("orange", ":material/warning:"),
    "no_data": ("gray", ":material/hourglass_empty:"),
    "over": ("gray", ":material/event_busy:"),
}
"""A coverage verdict's badge colour and icon."""
OFF_PLAN = 10.0
"""Percentage points off a pillar's share that the page calls out."""


def _pillar_line(ctx: Ctx, name: str, posts: int, share: float | None, planned: float | None) -> str:
    count = ctx.tn("cal.mix.posts", posts)
    if planned is None:
        return ctx.t("cal.mix.no_pillar", posts=count, share=i18n.percent(share, ctx.lang, 0))
    text = ctx.t(
        "cal.mix.line",
        name=escape(name),
        posts=count,
        share=i18n.percent(share, ctx.lang, 0),
        plan=i18n.percent(planned, ctx.lang, 0),
    )
    if share is not None and abs(share - planned) >= OFF_PLAN:
        key = "cal.mix.over" if share > planned else "cal.mix.under"
        text += f" :orange[· {ctx.t(key, points=i18n.number(abs(share - planned), ctx.lang))}]"
    return text


def mix_panel(ctx: Ctx, mix: MonthMix) -> None:
    """The month's pillars against the plan and the posts per goal."""
    st.markdown(f"**{ctx.t('cal.mix', month=shown.month_label(mix.month, ctx.lang))}**")
    assert ctx.strategy is not None
    if not ctx.strategy.pillars:
        st.caption(ctx.t("cal.mix.no_pillars"))
        st.page_link(
            "pages/2_platforms.py",
            label=ctx.t("cal.mix.to_pillars"),
            icon=":material/view_column:",
            query_params={"s": ctx.strategy.id},
        )
    elif not mix.posts:
        st.caption(ctx.t("cal.mix.empty"))
    else:
        for item in mix.pillars:
            st.progress(
                min(1.0, (item.share or 0.0) / 100),
                text=_pillar_line(ctx, item.name, item.posts, item.share, item.planned_share),
            )
    if mix.goals:
        st.markdown(f"**{ctx.t('cal.per_goal')}**")
        lines = [
            f"- {shown.goal_name(g.goal, ctx.lang) if g.goal else ctx.t('cal.no_goal')}: "
            f"{ctx.tn('cal.mix.posts', g.posts)}"
            for g in mix.goals
        ]
        st.markdown("\n".join(lines))


def _coverage_item(ctx: Ctx, item: GoalCoverage) -> None:
    colour, icon = VERDICTS[item.verdict]
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"**{shown.goal_name(item.goal, ctx.lang)}**")
        st.badge(ctx.t(f"cal.verdict.{item.verdict}"), icon=icon, color=colour)  # type: ignore[arg-type]
    st.caption(summary(item, ctx.lang))


def coverage_panel(ctx: Ctx, items: Sequence[GoalCoverage], quarter: str) -> None:
    """Per goal that posts drive: enough planned for the rest of the quarter, or how many more to plan."""
    st.markdown(f"**{ctx.t('cal.coverage', quarter=quarter)}**")
    if not items:
        st.caption(ctx.t("cal.coverage.none"))
        return
    for item in items:
        _coverage_item(ctx, item)
    st.caption(ctx.t("cal.coverage.help"))


def panels(ctx: Ctx, posts: Sequence[PlannedPost], month: str, today: date) -> None:
    """The mix and the coverage side by side."""
    assert ctx.strategy is not None and ctx.snapshot is not None
    quarter = periods.current_quarter(today)
    left, right = st.columns(2, gap="large")
    with left:
        mix_panel(ctx, month_mix(ctx.strategy, posts, month))
    with right:
        coverage_panel(ctx, coverage(ctx.strategy, posts, ctx.snapshot.weeks, quarter, today), quarter)
