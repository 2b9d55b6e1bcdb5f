"""Webcare on the pages: the daily "answer private messages" line, last week's table against the bars (goal or
sourced expectation), what people expect with its sources, the goals form, and the monthly review's trend. The
figures, bars and texts come from ``cmplanner.webcare``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from cmplanner import i18n, periods, webcare, wizard
from cmplanner import presentation as shown
from cmplanner.models import Platform, Strategy, WeekMetrics
from cmplanner.pacing import AT_RISK_SHARE
from cmplanner.store import Edit
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, cached_weeks

SCOPE = "webcare"
COLUMNS = ("platform", "answered", "rate", "rate_bar", "hours", "time_bar")
"""The keys of the webcare table's columns, in the order of ``webcare.headers``."""
TASK = webcare.CHECKLIST_TASK
"""The daily "answer private messages" task, under which :func:`checklist_line` goes."""
QUARTER = "wc.quarter"


def checklist_line(ctx: Ctx, day: date) -> None:
    """Under the daily "answer private messages" task: last week's answers against what people expect."""
    strategy = ctx.strategy
    assert strategy is not None
    st.caption(webcare.checklist_text(strategy, cached_weeks(ctx), day, ctx.lang))


def last_week_panel(ctx: Ctx, rows: Sequence[WeekMetrics], day: date) -> None:
    """Last complete week per platform and all together, each figure with its verdict against its bar."""
    strategy = ctx.strategy
    assert strategy is not None
    week = periods.last_complete_week(day)
    parts = webcare.last_week(strategy, rows, day)
    items = [*parts, webcare.combined(parts, week)] if len(parts) > 1 else parts
    st.markdown(f"**{ctx.t('wc.last_week', week=week)}**")
    frame = pd.DataFrame([webcare.row_texts(item, ctx.lang) for item in items], columns=list(COLUMNS))
    labels = webcare.headers(ctx.lang)  # both aims are called "Aim": the columns need keys of their own
    config = {key: st.column_config.TextColumn(label) for key, label in zip(COLUMNS, labels, strict=True)}
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config)
    st.caption(ctx.t("wc.rules", share=i18n.percent(AT_RISK_SHARE * 100, ctx.lang, 0)))


def _cite(expectation: webcare.Expectation, lang: str) -> str:
    return webcare.cite(expectation.source, expectation.year, lang)


def _hours(hours: float | None, lang: str) -> str:
    """``24 h``, ``1.5 h``: a sourced figure as the source gives it (no ``.0``)."""
    if hours is None:
        return "–"
    return i18n.t("common.hours", lang, n=i18n.number(hours, lang, 0 if float(hours).is_integer() else 1))


def expectations_panel(ctx: Ctx) -> None:
    """What people expect and what businesses do, each with its source and year (surveys, not laws)."""
    lines = []
    for item in webcare.expectations():
        hours = _hours(item.hours, ctx.lang)
        if item.share is not None:
            share = i18n.percent(item.share, ctx.lang, 0 if float(item.share).is_integer() else 1)
            lines.append(ctx.t("wc.expect.share", share=share, hours=hours, source=_cite(item, ctx.lang)))
        else:
            lines.append(ctx.t("wc.expect.plain", hours=hours, source=_cite(item, ctx.lang)))
    for item in webcare.businesses():
        if item.hours is not None:
            hours = _hours(item.hours, ctx.lang)
            lines.append(ctx.t("wc.business.hours", hours=hours, source=_cite(item, ctx.lang)))
        elif item.response_rate is not None:
            rate = i18n.percent(item.response_rate, ctx.lang, 1)
            lines.append(ctx.t("wc.business.rate", rate=rate, source=_cite(item, ctx.lang)))
    with st.expander(ctx.t("wc.expect.title"), icon=":material/menu_book:"):
        st.markdown("\n".join(f"- {line}" for line in lines))
        st.caption(ctx.t("wc.expect.note"))


def _target(strategy: Strategy, platform: Platform, quarter: str, kpi: str) -> float | None:
    goal = next(
        (g for g in strategy.goals if g.platform == platform and g.quarter == quarter and g.kpi == kpi), None
    )
    return goal.target if goal else None


_KPIS = {"rate": webcare.RATE, "time": webcare.TIME}


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
    defaults = {name: webcare.bar_text(webcare.default_bar(kpi), ctx.lang) for name, kpi in _KPIS.items()}
    st.caption(ctx.t("wc.goals.help", **defaults))
    quarter = st.selectbox(ctx.t("field.quarter"), wizard.goal_quarters(today), key=QUARTER)
    platforms = [plan.platform for plan in strategy.platforms]
    with st.form(f"wc.goals.{quarter}", border=True):
        for platform in platforms:
            name, rate, hours = st.columns([2, 2, 2], vertical_alignment="bottom")
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


def _month_cell(item: webcare.Care, lang: str) -> str:
    if item.rate is None and item.hours is None:
        return "–"
    return f"{i18n.percent(item.rate, lang, 0)} · {webcare.hours_text(item.hours, lang)}"


def trend_panel(ctx: Ctx, rows: Sequence[WeekMetrics], month: str) -> None:
    """The monthly review's webcare: the month against the two before, all platforms and per platform."""
    strategy = ctx.strategy
    assert strategy is not None
    with st.container(border=True):
        st.subheader(ctx.t("wc.month.title"))
        everything = webcare.monthly_trend(strategy, rows, month)
        st.markdown(webcare.month_text(everything, ctx.lang))
        months = [item.period for item in everything]
        frame = pd.DataFrame(
            [
                {ctx.t("field.platform"): shown.platform_name(plan.platform, ctx.lang)}
                | {
                    shown.month_label(item.period, ctx.lang): _month_cell(item, ctx.lang)
                    for item in webcare.monthly_trend(strategy, rows, month, plan.platform)
                }
                for plan in strategy.platforms
            ],
            columns=[ctx.t("field.platform"), *(shown.month_label(m, ctx.lang) for m in months)],
        )
        st.dataframe(frame, hide_index=True, width="stretch")
        last = everything[-1]
        st.caption(
            ctx.t(
                "wc.month.bars",
                rate=webcare.bar_text(last.rate_bar, ctx.lang),
                time=webcare.bar_text(last.time_bar, ctx.lang),
            )
        )
