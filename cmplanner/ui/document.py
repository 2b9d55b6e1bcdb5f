"""A strategy shown as a readable document: business, audience, platforms and why, goals and KPIs.

Two views: the working view (:func:`render`) keeps the app's reasoning (every reason with its source, the hours
estimates and what they assume); the client view (:func:`client_view`) shows the plan as decided, as the client
report does.
"""

from __future__ import annotations

import streamlit as st

from cmplanner import i18n, recommend, why, workload
from cmplanner import presentation as shown
from cmplanner.models import Platform, Strategy
from cmplanner.reports import strategy_views
from cmplanner.reports.model import Fact
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, escape
from cmplanner.ui.widgets import kpi_help, reasons
from cmplanner.ui.workload import fit_message

TEXT_MAX = 2000
"""Characters of a "why" (``models.Text``)."""


def render(ctx: Ctx, strategy: Strategy) -> None:
    """The working view: everything the walk decided, with the reasons and the assumptions behind it."""
    profile = strategy.profile
    if profile is None:
        st.info(ctx.t("doc.no_profile"), icon=":material/info:")
        return
    st.header(ctx.t("doc.business"))
    facts = [
        (ctx.t("field.name"), escape(profile.name)),
        (ctx.t("field.sector"), escape(profile.sector)),
        (ctx.t("report.label.market"), ctx.t(f"market.{profile.market.value}")),
        (ctx.t("field.country"), shown.country_name(profile.country, ctx.lang)),
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
                reasons(ctx, why.for_working(ranking[plan.platform].reasons))
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


def _save_why(ctx: Ctx, platform: Platform, suggestion: str) -> None:
    """Store the text of a platform's "why" box (the suggestion itself is stored as empty: it keeps following the
    recommendation)."""
    assert ctx.strategy is not None
    text = st.session_state.get(f"why.{platform.value}") or ""
    if state.save(
        ctx.store,
        ctx.strategy,
        "strategy",
        lambda edit: why.set_why(edit, platform, text, suggestion),
        ctx.lang,
    ):
        state.flash(
            "success", ctx.t("clientview.why_saved", platform=shown.platform_name(platform, ctx.lang))
        )


def _facts(facts: list[Fact]) -> str:
    return "\n".join(f"- **{fact.label}:** {escape(fact.value)}" for fact in facts)


def client_view(ctx: Ctx, strategy: Strategy) -> None:
    """The strategy as the client report shows it (:mod:`cmplanner.reports.strategy_views`): decisions without
    the app's reasoning, and per chosen platform a "why" the user can edit, pre-filled from the recommendation."""
    if strategy.profile is None:
        st.info(ctx.t("doc.no_profile"), icon=":material/info:")
        return
    st.caption(ctx.t("clientview.intro"))
    st.header(ctx.t("doc.business"))
    st.markdown(_facts(strategy_views.business(strategy, ctx.lang)))
    st.header(ctx.t("doc.audience"))
    for persona in strategy_views.personas(strategy, ctx.lang):
        with st.container(border=True):
            st.markdown(f"**{escape(persona.name)}** · {persona.ages}\n\n{_facts(persona.facts)}")
    st.header(ctx.t("doc.platforms"))
    views, skipped = strategy_views.platforms(strategy, ctx.lang)
    for plan, view in zip(strategy.platforms, views, strict=True):
        suggestion = why.prefill(why.suggested(strategy, plan.platform, ctx.lang), ctx.lang)
        key = f"why.{plan.platform.value}"
        if key not in st.session_state:
            st.session_state[key] = plan.why or suggestion
        with st.container(border=True):
            st.markdown(f"**{view.name}** · {view.role} · {view.cadence}")
            st.text_area(
                ctx.t("clientview.why", platform=view.name),
                key=key,
                height=200,
                max_chars=TEXT_MAX,
                on_change=_save_why,
                args=(ctx, plan.platform, suggestion),
                help=ctx.t("clientview.why_help", max=i18n.number(TEXT_MAX, ctx.lang)),
            )
    if skipped:
        st.caption(skipped)
    st.header(ctx.t("workload.doc_hours"))
    st.markdown(strategy_views.time(strategy, ctx.lang))
    st.header(ctx.t("doc.goals"))
    goals, _ = strategy_views.goals(strategy, ctx.lang)
    if not goals:
        st.info(ctx.t("goals.empty"), icon=":material/flag:")
    for goal in goals:
        line = ctx.t("doc.goal_line", baseline=goal.baseline, target=goal.target, kind=goal.kind.lower())
        note = f"  \n_{escape(goal.note)}_" if goal.note else ""
        st.markdown(f"**{goal.goal}** · {goal.quarter}  \n{line}{note}")
