"""A strategy shown as a readable document: business, audience, platforms and why, goals and KPIs."""

from __future__ import annotations

import streamlit as st

from cmplanner import i18n, recommend, workload
from cmplanner import presentation as shown
from cmplanner.models import Strategy
from cmplanner.ui.shell import Ctx, escape
from cmplanner.ui.widgets import kpi_help, reasons
from cmplanner.ui.workload import fit_message


def render(ctx: Ctx, strategy: Strategy) -> None:
    profile = strategy.profile
    if profile is None:
        st.info(ctx.t("doc.no_profile"), icon=":material/info:")
        return
    st.header(ctx.t("doc.business"))
    facts = [
        (ctx.t("field.name"), escape(profile.name)),
        (ctx.t("field.sector"), escape(profile.sector)),
        (ctx.t("field.market"), ctx.t(f"market.{profile.market.value}")),
        (ctx.t("field.country"), profile.country),
        (ctx.t("field.hours_per_week"), shown.plain_number(profile.hours_per_week, ctx.lang)),
    ]
    st.markdown("\n".join(f"- **{label}:** {value}" for label, value in facts))

    st.header(ctx.t("doc.audience"))
    for persona in strategy.personas:
        with st.container(border=True):
            st.markdown(f"**{escape(persona.name)}** · {', '.join(a.value for a in persona.age_bands)}")
            rows = [
                (ctx.t("field.locations"), ", ".join(persona.locations)),
                (ctx.t("field.interests"), ", ".join(persona.interests)),
                (ctx.t("field.pains"), persona.pains),
                (ctx.t("field.goals"), persona.goals),
                (ctx.t("field.online"), ", ".join(ctx.t(f"platform.{p.value}") for p in persona.online)),
                (ctx.t("field.formats"), ", ".join(ctx.t(f"format.{f.value}") for f in persona.formats)),
            ]
            st.markdown("\n".join(f"- **{label}:** {escape(value)}" for label, value in rows if value))

    st.header(ctx.t("doc.platforms"))
    ranking = {
        rec.platform: rec
        for rec in recommend.recommend(profile, strategy.personas, checklist=strategy.checklist)
    }
    for plan in strategy.platforms:
        with st.container(border=True):
            st.markdown(
                f"**{shown.platform_name(plan.platform, ctx.lang)}** · {ctx.t('role.' + plan.role.value)} · "
                + shown.posts_per_week(plan.posts_per_week, ctx.lang)
            )
            if plan.platform in ranking:
                reasons(ctx, ranking[plan.platform].reasons)
    skipped = [p for p in ranking if strategy.plan_for(p) is None]
    if skipped:
        st.caption(ctx.t("doc.skipped", names=", ".join(ctx.t(f"platform.{p.value}") for p in skipped)))

    if strategy.pillars:
        st.subheader(ctx.t("pillars.title"))
        lines = [
            f"- **{escape(p.name)}** · {i18n.percent(p.share, ctx.lang, 0)}"
            + (f" — {escape(p.covers)}" if p.covers else "")
            for p in strategy.pillars
        ]
        st.markdown("\n".join(lines))

    st.header(ctx.t("workload.doc_hours"))
    fit_message(ctx, workload.workload(strategy))
    st.caption(ctx.t("checklists.assumption"))

    st.header(ctx.t("doc.goals"))
    if not strategy.goals:
        st.info(ctx.t("goals.empty"), icon=":material/flag:")
    for goal in strategy.goals:
        with st.container(border=True):
            st.markdown(
                f"**{shown.goal_name(goal, ctx.lang)}** · {goal.quarter}  \n"
                + ctx.t(
                    "doc.goal_line",
                    baseline=shown.kpi_value(goal.kpi, goal.baseline, ctx.lang),
                    target=shown.kpi_value(goal.kpi, goal.target, ctx.lang),
                    kind=shown.kpi_kind(goal.kpi, ctx.lang).lower(),
                )
            )
            if goal.note:
                st.markdown(f"_{escape(goal.note)}_")
            st.caption(kpi_help(ctx, goal.kpi, goal.platform.value))
