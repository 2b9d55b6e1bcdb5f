"""Webcare on the pages: the daily "answer private messages" line, last week's table against the aims (a goal or
a sourced expectation), what people expect with its sources, and the monthly review's trend. The figures, aims
and texts come from ``cmplanner.webcare``; the goals form is ``webcare_goals``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from cmplanner import i18n, periods, webcare
from cmplanner import presentation as shown
from cmplanner.models import WeekMetrics
from cmplanner.pacing import AT_RISK_SHARE
from cmplanner.ui.shell import Ctx, cached_weeks

COLUMNS = ("platform", "answered", "rate", "rate_bar", "hours", "time_bar")
"""The keys of the webcare table's columns, in the order of ``webcare.headers``."""
TASK = webcare.CHECKLIST_TASK
"""The daily "answer private messages" task, under which :func:`checklist_line` goes."""


def checklist_line(ctx: Ctx, day: date) -> None:
    """Under the daily "answer private messages" task: last week's answers against what people expect."""
    strategy = ctx.strategy
    assert strategy is not None
    st.caption(webcare.checklist_text(strategy, cached_weeks(ctx), day, ctx.lang))


def _aim(bar: webcare.Bar, lang: str) -> str:
    """A bar in a table cell: ``100%``, ``within 24 h``, ``95% (your goal)``; the full text is under the table."""
    digits = 0 if float(bar.value).is_integer() else 1
    if bar.kpi == webcare.RATE:
        value = i18n.percent(bar.value, lang, digits)
    else:
        value = i18n.t(
            "wc.aim.within", lang, hours=i18n.t("common.hours", lang, n=i18n.number(bar.value, lang, digits))
        )
    return i18n.t("wc.aim.goal", lang, value=value) if bar.goal is not None else value


def aims(items: Sequence[webcare.Care], lang: str) -> list[str]:
    """The bars of the platforms' figures in full, each once (a goal names its platform)."""
    lines: list[str] = []
    for item in items:
        for bar in (item.rate_bar, item.time_bar):
            text = webcare.bar_text(bar, lang)
            if bar.goal is not None and item.platform is not None:
                text = f"{shown.platform_name(item.platform, lang)}: {text}"
            lines.append(shown.capitalised(text))
    return list(dict.fromkeys(lines))


def last_week_panel(ctx: Ctx, rows: Sequence[WeekMetrics], day: date) -> None:
    """Last complete week per platform and all together, each figure with its verdict against its aim."""
    strategy = ctx.strategy
    assert strategy is not None
    week = periods.last_complete_week(day)
    parts = webcare.last_week(strategy, rows, day)
    items = [*parts, webcare.combined(parts, week)] if len(parts) > 1 else parts
    st.markdown(f"**{ctx.t('wc.last_week', week=week)}**")
    records = []
    for item in items:
        platform, answered, rate, _, hours, _ = webcare.row_texts(item, ctx.lang)
        aim_rate, aim_time = _aim(item.rate_bar, ctx.lang), _aim(item.time_bar, ctx.lang)
        records.append((platform, answered, rate, aim_rate, hours, aim_time))
    frame = pd.DataFrame(records, columns=list(COLUMNS))
    labels = webcare.headers(ctx.lang)  # both aims are called "Aim": the columns need keys of their own
    config = {key: st.column_config.TextColumn(label) for key, label in zip(COLUMNS, labels, strict=True)}
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config)
    lines = "\n".join(f"- {line}" for line in aims(parts, ctx.lang))
    st.markdown(f"**{ctx.t('wc.aims')}**\n\n{lines}")
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
        per_platform = [
            webcare.monthly_trend(strategy, rows, month, plan.platform) for plan in strategy.platforms
        ]
        frame = pd.DataFrame(
            [
                {ctx.t("field.platform"): shown.platform_name(trend[-1].platform or "", ctx.lang)}
                | {shown.month_label(item.period, ctx.lang): _month_cell(item, ctx.lang) for item in trend}
                for trend in per_platform
            ],
            columns=[ctx.t("field.platform"), *(shown.month_label(m, ctx.lang) for m in months)],
        )
        st.dataframe(frame, hide_index=True, width="stretch")
        latest = [trend[-1] for trend in per_platform]
        st.caption("  \n".join([f"{ctx.t('wc.aims')}:", *aims(latest, ctx.lang)]))
