"""Webcare as text: the daily checklist's line, the tracker's table rows and the monthly review's sentence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from cmplanner import i18n, periods, presentation
from cmplanner.models import Strategy, WeekMetrics
from cmplanner.webcare.status import TIME, Bar, Care, Verdict, combined, last_week


def cite(source: str | None, year: int | None, lang: str) -> str:
    """``Arise, 2017``; a goal or an undated page: the name alone."""
    name = i18n.t(f"webcare.by.{source}", lang)
    return i18n.t("webcare.cite", lang, name=name, year=year) if year else name


def hours_text(hours: float | None, lang: str) -> str:
    return i18n.t("common.hours", lang, n=i18n.number(hours, lang, 1)) if hours is not None else "–"


def bar_text(bar: Bar, lang: str) -> str:
    """``your goal: an answer within 4 h`` or ``people expect an answer within 24 h (Arise, 2017)``."""
    if bar.kpi == TIME:
        value = i18n.t(
            "common.hours", lang, n=i18n.number(bar.value, lang, 0 if bar.value.is_integer() else 1)
        )
    else:
        value = i18n.percent(bar.value, lang, 0 if bar.value.is_integer() else 1)
    if bar.goal is not None:
        return i18n.t(f"webcare.bar.goal.{bar.kpi}", lang, value=value)
    return i18n.t(
        f"webcare.bar.default.{bar.kpi}", lang, value=value, source=cite(bar.source, bar.year, lang)
    )


def figures_text(item: Care, lang: str) -> str:
    """``18 of 20 answered (90%), average 3.5 h``; what is not logged is left out."""
    if item.received is None and item.answered is None:
        text = i18n.t("webcare.text.none", lang)
    elif item.received == 0:
        text = i18n.t("webcare.text.no_messages", lang)
    elif item.answered is None:
        text = i18n.t("webcare.text.received", lang, received=i18n.number(item.received, lang))
    else:
        text = i18n.t(
            "webcare.text.answered",
            lang,
            answered=i18n.number(item.answered, lang),
            received=i18n.number(item.received, lang),
            rate=i18n.percent(item.rate, lang, 0),
        )
    if item.hours is not None:
        text += i18n.t("webcare.text.average", lang, hours=hours_text(item.hours, lang))
    return text


def checklist_text(strategy: Strategy, rows: Sequence[WeekMetrics], today: date, lang: str) -> str:
    """For the daily "answer private messages" item: last week, all platforms together, and the bar.

    ``Last week: 18 of 20 answered (90%), average 3.5 h — people expect an answer within 24 h (Arise, 2017).``
    """
    item = combined(last_week(strategy, rows, today), periods.last_complete_week(today))
    if item.received is None and item.answered is None and item.hours is None:
        return i18n.t("webcare.checklist.none", lang)
    if item.received == 0:
        return i18n.t("webcare.checklist.quiet", lang)
    return i18n.t(
        "webcare.checklist", lang, figures=figures_text(item, lang), bar=bar_text(item.time_bar, lang)
    )


def verdict_label(verdict: Verdict, lang: str) -> str:
    return i18n.t(f"webcare.verdict.{verdict.value}", lang)


def headers(lang: str) -> list[str]:
    """The webcare table's columns (:func:`row_texts`)."""
    keys = ("platform", "answered", "rate", "rate_bar", "hours", "time_bar")
    return [i18n.t(f"webcare.col.{key}", lang) for key in keys]


def row_texts(item: Care, lang: str) -> list[str]:
    """One platform's webcare as the tracker's table shows it, each figure with its verdict against its bar."""
    platform = (
        presentation.platform_name(item.platform, lang) if item.platform else i18n.t("webcare.all", lang)
    )
    answered = (
        i18n.t(
            "webcare.of",
            lang,
            answered=i18n.number(item.answered, lang),
            received=i18n.number(item.received, lang),
        )
        if item.answered is not None and item.received is not None
        else "–"
    )
    return [
        platform,
        answered,
        f"{i18n.percent(item.rate, lang, 0)} · {verdict_label(item.rate_verdict, lang)}",
        bar_text(item.rate_bar, lang),
        f"{hours_text(item.hours, lang)} · {verdict_label(item.time_verdict, lang)}",
        bar_text(item.time_bar, lang),
    ]


def month_text(trend: Sequence[Care], lang: str) -> str:
    """For the monthly review: the last month of ``trend`` in full, then the months before it in short.

    ``March: 45 of 50 answered (90%), average 3.5 h. Before: February 95% (4.0 h), January 100% (5.0 h).``
    """
    *before, last = trend
    text = i18n.t(
        "webcare.month", lang, month=_month_name(last.period, lang), figures=figures_text(last, lang)
    )
    earlier = [
        i18n.t(
            "webcare.month.short",
            lang,
            month=_month_name(c.period, lang),
            rate=i18n.percent(c.rate, lang, 0),
            hours=hours_text(c.hours, lang),
        )
        for c in reversed(before)
        if c.rate is not None or c.hours is not None
    ]
    text += i18n.t("webcare.month.before", lang, months=", ".join(earlier)) if earlier else ""
    return presentation.capitalised(text)


def _month_name(month: str, lang: str) -> str:
    year, number = periods.parse_month(month)
    return i18n.day(date(year, number, 1), lang, "MMMM")
