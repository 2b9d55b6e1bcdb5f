"""The webcare goals form: per platform of the plan a response-rate goal (%) and a response-time goal (hours) for
a quarter, set through ``webcare.with_goals`` (ordinary goals, so the tracker paces them) and saved all at once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from cmplanner import i18n, webcare, wizard
from cmplanner import presentation as shown
from cmplanner.models import Platform, Strategy, WeekMetrics
from cmplanner.store import Edit
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx

SCOPE = "webcare"
QUARTER = "wc.quarter"


def _target(strategy: Strategy, platform: Platform, quarter: str, kpi: str) -> float | None:
    goal = next(
        (g for g in strategy.goals if g.platform == platform and g.quarter == quarter and g.kpi == kpi), None
    )
    return goal.target if goal else None


def _key(kind: str, quarter: str, platform: Platform) -> str:
    return f"wc.{kind}.{quarter}.{platform.value}"


def set_goals(
    strategy: Strategy,
    rows: Sequence[WeekMetrics],
    quarter: str,
    wanted: dict[Platform, tuple[float | None, float | None]],
    lang: str,
) -> tuple[Strategy, list[str]]:
    """The strategy with every platform's webcare goals set (``webcare.with_goals``), or the errors of all of
    them, each naming its platform; nothing is changed when any is wrong."""
    errors: list[str] = []
    for platform, (rate, hours) in wanted.items():
        strategy, found = webcare.with_goals(strategy, platform, quarter, rows, rate, hours, lang)
        name = shown.platform_name(platform, lang)
        errors += [i18n.t("wc.goals.error", lang, platform=name, message=message) for message in found]
    return strategy, errors


def goals_form(ctx: Ctx, rows: Sequence[WeekMetrics], today: date) -> None:
    """Per platform of the plan: a response-rate goal (%) and a response-time goal (hours) for a quarter."""
    strategy = ctx.strategy
    assert strategy is not None
    st.markdown(f"**{ctx.t('wc.goals.title')}**")
    st.caption(ctx.t("wc.goals.help"))
    quarter = st.selectbox(ctx.t("field.quarter"), wizard.goal_quarters(today), key=QUARTER)
    platforms = [plan.platform for plan in strategy.platforms]
    with st.form(f"wc.goals.{quarter}", border=True):
        for platform in platforms:
            name, rate, hours = st.columns([1, 2, 2], vertical_alignment="bottom")
            name.markdown(f"**{shown.platform_name(platform, ctx.lang)}**")
            rate.number_input(
                ctx.t("wc.goals.rate"),
                value=_target(strategy, platform, quarter, webcare.RATE),
                step=5.0,
                format="%.0f",
                key=_key("rate", quarter, platform),
                placeholder=ctx.t("wc.goals.none"),
            )
            hours.number_input(
                ctx.t("wc.goals.hours"),
                value=_target(strategy, platform, quarter, webcare.TIME),
                step=1.0,
                format="%.1f",
                key=_key("hours", quarter, platform),
                placeholder=ctx.t("wc.goals.none"),
            )
        submitted = st.form_submit_button(ctx.t("wc.goals.save"), type="primary", icon=":material/save:")
    if not submitted:
        return
    wanted = {
        platform: (
            st.session_state.get(_key("rate", quarter, platform)),
            st.session_state.get(_key("hours", quarter, platform)),
        )
        for platform in platforms
    }
    _, errors = set_goals(strategy, rows, quarter, wanted, ctx.lang)
    if errors:
        st.error(
            ctx.t("wc.goals.fix") + "\n\n" + "\n".join(f"- {e}" for e in errors), icon=":material/error:"
        )
        return

    def change(edit: Edit) -> None:
        edit.strategy.goals = set_goals(edit.strategy, rows, quarter, wanted, ctx.lang)[0].goals

    if state.save(ctx.store, strategy, SCOPE, change, ctx.lang) is not None:
        state.flash("success", ctx.t("wc.goals.saved", quarter=quarter))
    st.rerun()
