"""How figures and their labels read, in one place for the pages and the reports: goal names, KPI values,
the still-needed amount, status labels and colours, chart labels, cadence texts.

A figure that is shown on a page and in a report is formatted here once, so both say the same thing
(``tests/unit/test_presentation.py`` compares the tracker's texts with the report's). Everything takes the
language and returns plain text; nothing here knows about Streamlit, Markdown or HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from cmplanner import i18n, kpis, periods
from cmplanner.models import Goal, Platform
from cmplanner.pacing import Pace, Status
from cmplanner.tracker import Cadence, GoalPace

BadgeColor = Literal["green", "blue", "orange", "red", "gray"]


@dataclass(frozen=True)
class StatusStyle:
    """How a status looks: a Streamlit badge colour and icon on the pages; print-safe background and text
    colours (also the pages' table cells) in the reports."""

    badge: BadgeColor
    icon: str
    background: str
    text: str


STATUS_STYLES: dict[Status, StatusStyle] = {
    Status.REACHED: StatusStyle("green", ":material/verified:", "#DFF3E4", "#1E6B34"),
    Status.ON_TRACK: StatusStyle("blue", ":material/trending_up:", "#DCEBFA", "#1F5592"),
    Status.AT_RISK: StatusStyle("orange", ":material/warning:", "#FDEBD3", "#8A5300"),
    Status.BEHIND: StatusStyle("red", ":material/trending_down:", "#FADBD8", "#9C2F2A"),
    Status.NO_DATA: StatusStyle("gray", ":material/hourglass_empty:", "#EEF0F1", "#56656A"),
}
GOOD_NEWS, BAD_NEWS = "#1E7B34", "#B42318"
"""Text colours of a change that is good or bad news (a month's figures against the month before)."""


def capitalised(text: str) -> str:
    """The text with its first letter in upper case (the rest as it is)."""
    return text[:1].upper() + text[1:]


# -- names ----------------------------------------------------------------------------------------------------


def platform_name(platform: Platform | str, lang: str) -> str:
    return i18n.t(f"platform.{Platform(platform).value}", lang)


def country_name(code: str, lang: str) -> str:
    """``Netherlands`` / ``Nederland`` for ``NL`` (Babel's names); the code itself when Babel has none."""
    from babel import Locale

    return str(Locale.parse(i18n.LOCALES[lang]).territories.get(code.upper(), code))


def kpi_name(kpi_id: str, lang: str) -> str:
    return i18n.t(f"kpi.{kpi_id}", lang)


def goal_name(goal: Goal, lang: str) -> str:
    """``Instagram · Followers``: a goal named by its platform and KPI."""
    return f"{platform_name(goal.platform, lang)} · {kpi_name(goal.kpi, lang)}"


def unit_name(kpi_id: str, lang: str) -> str:
    """The unit a KPI's values are in (``%``, ``hours``); empty for a count."""
    unit = kpis.KPIS[kpi_id].unit
    return "" if unit == "count" else i18n.t(f"kpi.unit.{unit}", lang)


def kpi_kind(kpi_id: str, lang: str) -> str:
    """``Level``, ``Total`` or ``Rate``: the kind of a KPI in one word (the catalog explains it in brackets)."""
    return capitalised(i18n.t(f"kpi.kind.{kpis.KPIS[kpi_id].kind}", lang).split(" (")[0])


def formula_text(kpi_id: str, lang: str) -> str:
    """``Formula: followers at the end of the period``."""
    return f"{i18n.t('common.formula', lang)}: {i18n.t(f'kpi.{kpi_id}.formula', lang)}"


def source_name(source: str, lang: str) -> str:
    """A source's title from the catalog (``source.<key>``), else the key itself."""
    return i18n.t(f"source.{source}", lang) if i18n.has(f"source.{source}") else source


def source_text(source: str | None, lang: str) -> str:
    """``Source: …`` for a figure's source; empty without one."""
    return i18n.t("common.source", lang, source=source_name(source, lang)) if source else ""


def benchmark_value(bench: kpis.Benchmark, lang: str) -> str:
    """A benchmark (in percent) with two decimals below 1 %, else one."""
    return i18n.percent(bench.value, lang, 2 if bench.value < 1 else 1)


def month_label(month: str, lang: str) -> str:
    """``November 2026`` / ``november 2026`` for ``2026-11``."""
    year, m = periods.parse_month(month)
    return i18n.day(date(year, m, 1), lang, "LLLL y")


# -- values ---------------------------------------------------------------------------------------------------


def plain_number(value: float, lang: str) -> str:
    """A number with one decimal only when it has a fraction: ``3`` and ``2.5``."""
    return i18n.number(value, lang, 1 if value % 1 else 0)


def kpi_value(kpi_id: str, value: float | None, lang: str) -> str:
    """A KPI value in its unit, formatted for the language; an en dash for no value."""
    kpi = kpis.KPIS[kpi_id]
    if value is None:
        return "–"
    if kpi.unit == "percent":
        return i18n.percent(value, lang, 2)
    if kpi.unit == "hours":
        return i18n.t("common.hours", lang, n=i18n.number(value, lang, 1))
    small = abs(value) < 10 and not float(value).is_integer()
    return i18n.number(value, lang, 1 if small else 0)


def signed(value: float, text: str) -> str:
    """``text`` (an absolute value, formatted) with the sign of ``value``; ± when it rounds to zero."""
    if not any(c in "123456789" for c in text):
        return "±" + text
    return ("+" if value > 0 else "−") + text


def kpi_change(kpi_id: str, change: float | None, lang: str) -> str:
    """A change of a KPI value: ``+49``, ``−0.21 pp`` (a rate changes by percentage points), ``±0``."""
    if change is None:
        return "–"
    if kpis.KPIS[kpi_id].unit == "percent":
        return signed(change, i18n.t("rv.pp", lang, n=i18n.number(abs(change), lang, 2)))
    return signed(change, kpi_value(kpi_id, abs(change), lang))


def posts_per_week(n: float, lang: str) -> str:
    """``1 post a week`` / ``3 posts a week``: a platform's planned cadence."""
    return i18n.t(f"doc.cadence.{'one' if n == 1 else 'other'}", lang, n=plain_number(n, lang))


# -- pace and status ------------------------------------------------------------------------------------------


def status_name(status: Status, lang: str) -> str:
    """``on track``: the status inside a sentence."""
    return i18n.t(f"status.{status.value}", lang)


def status_label(status: Status, lang: str) -> str:
    """``On track``: the status on its own (a badge, a chip, a table cell)."""
    return capitalised(status_name(status, lang))


def status_count(status: Status, n: int, lang: str) -> str:
    """``3 on track``: how many goals have a status."""
    return f"{n} {status_name(status, lang)}"


def still_needed(item: GoalPace, lang: str) -> str:
    """``42 net new per week until the end of the quarter`` and the like; an en dash when nothing can be said."""
    p = item.pace
    if p.status == Status.REACHED:
        return i18n.t("pacing.needed.reached", lang)
    if p.still_needed_per_week is None:
        return i18n.t("pacing.needed.none", lang) if p.weeks_remaining == 0 and p.actual is not None else "–"
    amount = kpi_value(item.goal.kpi, p.still_needed_per_week, lang)
    return i18n.t(f"pacing.needed.{kpis.KPIS[item.goal.kpi].kind}", lang, amount=amount)


def needed_amount(item: GoalPace, lang: str) -> str:
    """The still-needed figure alone, for a table (the goal's card says it in a sentence)."""
    p = item.pace
    if p.status == Status.REACHED:
        return i18n.t("presentation.needed_none", lang)
    return "–" if p.still_needed_per_week is None else kpi_value(item.goal.kpi, p.still_needed_per_week, lang)


def weeks_caption(pace: Pace, lang: str) -> str:
    """``Week 7 of 14 · 7 of 7 weeks logged`` (weeks logged out of those counted since the goal's start)."""
    return (
        i18n.t("pacing.week_of", lang, elapsed=pace.weeks_elapsed, total=pace.weeks_total)
        + " · "
        + i18n.t("pacing.weeks_logged", lang, logged=pace.weeks_logged, total=pace.weeks_counted)
    )


def chart_labels(kpi_id: str, lang: str) -> dict[str, str]:
    """The line names and axis titles of a goal's chart (``charts.goal_chart``)."""
    return {
        "actual": i18n.t("pacing.actual", lang),
        "pace": i18n.t("pacing.expected", lang),
        "forecast": i18n.t("pacing.forecast", lang),
        "target": i18n.t("pacing.target", lang),
        "benchmark": i18n.t("tracker.benchmark", lang),
        "week": i18n.t("field.week", lang),
        "value": unit_name(kpi_id, lang) or kpi_name(kpi_id, lang),
    }


# -- cadence --------------------------------------------------------------------------------------------------


def cadence_share(item: Cadence, lang: str) -> str:
    """`` · 50%``: the share of the planned posts logged, to append; empty when nothing was planned."""
    return f" · {i18n.percent(item.share * 100, lang, 0)}" if item.share is not None else ""


def cadence_line(item: Cadence, lang: str) -> str:
    """``Facebook: 7 of 14 planned posts in 7 weeks · 50%``."""
    return i18n.t(
        "tracker.cadence_line",
        lang,
        platform=platform_name(item.platform, lang),
        logged=i18n.number(item.logged, lang),
        planned=i18n.number(item.planned, lang),
        weeks=item.weeks,
    ) + cadence_share(item, lang)


def cadence_cell(item: Cadence, lang: str) -> str:
    """``7 of 14 · 50%``: the same figures beside the platform's name."""
    return i18n.t(
        "report.cadence_cell",
        lang,
        logged=i18n.number(item.logged, lang),
        planned=i18n.number(item.planned, lang),
    ) + cadence_share(item, lang)
