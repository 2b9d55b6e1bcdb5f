"""Altair charts: a goal's actuals against its pace line and target, the forecast dashed; you against your
competitors, one line each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd
from babel.numbers import get_decimal_symbol, get_group_symbol

from cmplanner import i18n
from cmplanner.competitors import compare
from cmplanner.tracker import GoalPace

COLORS = {
    "actual": "#2E6F6B",
    "pace": "#9AA5A8",
    "forecast": "#7FB8B2",
    "target": "#C0504D",
    "benchmark": "#8E6FBF",
}


def goal_frame(item: GoalPace) -> pd.DataFrame:
    """Long-form data of a goal's chart: one row per week and line (actual, pace, forecast)."""
    records = []
    for week, actual, expected, forecast in item.pace.series:
        label = week.split("-")[1]
        records.append({"week": label, "line": "pace", "value": expected})
        if actual is not None:
            records.append({"week": label, "line": "actual", "value": actual})
        if forecast is not None:
            records.append({"week": label, "line": "forecast", "value": forecast})
    return pd.DataFrame.from_records(records, columns=["week", "line", "value"])


def goal_chart(item: GoalPace, labels: dict[str, str], height: int = 220, lang: str = "en") -> alt.LayerChart:
    """Actual (solid), pace line (grey), forecast (dashed), target (red rule) and, for engagement rates,
    the benchmark computed the same way (purple rule). ``labels`` translates the line names and axis titles.

    The target and benchmark are named in the legend, not written on the plot, where a label would sit on the
    lines. The chart carries its number locale (``1.422`` and ``0,8`` in Dutch) in its config: style it further
    with ``configure_*`` methods, or pass ``locale`` again to ``configure()``.
    """
    data = goal_frame(item)
    data["name"] = data["line"].map(labels)
    lines_order = [labels[k] for k in ("actual", "pace", "forecast")]
    rules: list[dict[str, str | float]] = [{"name": labels["target"], "value": item.goal.target}]
    if item.benchmark is not None:
        rules.append({"name": labels["benchmark"], "value": item.benchmark.value})
    order = lines_order + [str(rule["name"]) for rule in rules]
    palette = [COLORS[k] for k in ("actual", "pace", "forecast", "target", "benchmark")][: len(order)]
    color = alt.Color(
        "name:N",
        title=None,
        scale=alt.Scale(domain=order, range=palette),
        legend=alt.Legend(orient="bottom", symbolType="stroke", symbolStrokeWidth=3),
    )
    dash = alt.StrokeDash(
        "name:N", scale=alt.Scale(domain=lines_order, range=[[1, 0], [2, 2], [6, 4]]), legend=None
    )
    x = alt.X("week:N", title=labels["week"], sort=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y("value:Q", title=labels["value"], scale=alt.Scale(zero=False))
    lines = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=30))
        .encode(
            x=x,
            y=y,
            color=color,
            strokeDash=dash,
            tooltip=["week", "name", alt.Tooltip("value:Q", format=",.2f")],
        )
    )
    rule = (
        alt.Chart(pd.DataFrame(rules))
        .mark_rule(strokeWidth=2)
        .encode(y="value:Q", color=color, tooltip=["name", alt.Tooltip("value:Q", format=",.2f")])
    )
    chart = alt.LayerChart(layer=[lines, rule]).properties(height=height)
    return chart.configure(locale=alt.Locale(number=number_locale(lang)))


# -- you against your competitors ------------------------------------------------------------------------------

COMPETITOR_COLORS: tuple[str, ...] = ("#C98A2B", "#8E6FBF", "#5B7DB1", "#B5525C", "#6E8B3D", "#9AA5A8")
"""Competitors' lines, in their order; your own line is ``COLORS["actual"]`` and drawn thicker."""

AXIS_FORMATS: dict[str, str] = {"followers": ",.0f", "growth": ",.1f", "posts": ",.0f", "engagement": ",.2f"}
"""d3 number formats per comparison metric; the chart's locale decides the marks (``1.422``, ``0,80`` in Dutch)."""


def number_locale(lang: str) -> dict[str, Any]:
    """Vega's number locale (a d3-format definition) for the UI language, from Babel's own symbols."""
    locale = i18n.LOCALES[lang]
    return {
        "decimal": get_decimal_symbol(locale),
        "thousands": get_group_symbol(locale),
        "grouping": [3],
        "currency": ["", ""],
    }


def comparison_frame(series: Sequence[compare.Series], metric: compare.Metric) -> pd.DataFrame:
    """Long-form data of a comparison chart: one row per side and logged week (weeks as ``W05``)."""
    records = [
        {"week": week.split("-")[1], "name": item.side.name, "own": item.side.own, "value": value}
        for item in series
        for week, value in zip(item.weeks, item.values(metric), strict=True)
        if value is not None
    ]
    return pd.DataFrame.from_records(records, columns=["week", "name", "own", "value"])


def comparison_chart(
    series: Sequence[compare.Series],
    metric: compare.Metric,
    labels: dict[str, str],
    lang: str,
    height: int = 260,
) -> alt.Chart:
    """One line per side over the quarter's weeks (yours thicker, in the app's colour), numbers in ``lang``.

    ``labels`` holds the axis titles (``week``, ``value``; see ``competitors.compare.chart_labels``). The chart
    carries its number locale in its config (Vega-Lite ``config.locale``), so Streamlit and vl-convert both
    draw Dutch axes as ``1.422`` and ``0,80``; style it further with ``configure_*`` methods, not ``configure()``,
    which replaces the config.
    """
    data = comparison_frame(series, metric)
    names = [item.side.name for item in series]
    colours = []
    others = iter(COMPETITOR_COLORS * (len(series) // len(COMPETITOR_COLORS) + 1))
    for item in series:
        colours.append(COLORS["actual"] if item.side.own else next(others))
    weeks = [week.split("-")[1] for week in (series[0].weeks if series else [])]
    number_format = AXIS_FORMATS[metric]
    chart = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=30))
        .encode(
            x=alt.X(
                "week:N",
                title=labels["week"],
                sort=weeks,
                scale=alt.Scale(domain=weeks),
                axis=alt.Axis(labelAngle=0),
            ),
            y=alt.Y(
                "value:Q",
                title=labels["value"],
                scale=alt.Scale(zero=metric != "followers"),
                axis=alt.Axis(format=number_format),
            ),
            color=alt.Color(
                "name:N",
                title=None,
                scale=alt.Scale(domain=names, range=colours),
                legend=alt.Legend(orient="bottom"),
            ),
            strokeWidth=alt.StrokeWidth(
                "own:N", scale=alt.Scale(domain=[True, False], range=[3, 1.5]), legend=None
            ),
            tooltip=["week:N", "name:N", alt.Tooltip("value:Q", format=number_format)],
        )
        .properties(height=height)
    )
    return chart.configure(locale=alt.Locale(number=number_locale(lang)))
