"""Altair charts: a goal's actuals against its pace line and target, the forecast dashed."""

from __future__ import annotations

import altair as alt
import pandas as pd

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


def goal_chart(item: GoalPace, labels: dict[str, str], height: int = 220) -> alt.LayerChart:
    """Actual (solid), pace line (grey), forecast (dashed), target (red rule) and, for engagement rates,
    the benchmark computed the same way (purple rule). ``labels`` translates the line names and axis titles."""
    data = goal_frame(item)
    data["name"] = data["line"].map(labels)
    order = [labels[k] for k in ("actual", "pace", "forecast")]
    color = alt.Color(
        "name:N",
        title=None,
        scale=alt.Scale(domain=order, range=[COLORS["actual"], COLORS["pace"], COLORS["forecast"]]),
        legend=alt.Legend(orient="bottom"),
    )
    dash = alt.StrokeDash(
        "name:N", scale=alt.Scale(domain=order, range=[[1, 0], [2, 2], [6, 4]]), legend=None
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
    rules = [{"name": labels["target"], "value": item.goal.target, "color": COLORS["target"]}]
    if item.benchmark is not None:
        rules.append(
            {"name": labels["benchmark"], "value": item.benchmark.value, "color": COLORS["benchmark"]}
        )
    rule_data = pd.DataFrame(rules)
    rule = (
        alt.Chart(rule_data)
        .mark_rule(strokeWidth=2)
        .encode(y="value:Q", color=alt.Color("color:N", scale=None), tooltip=["name", "value"])
    )
    text = (
        alt.Chart(rule_data)
        .mark_text(align="left", dx=4, dy=-6, fontSize=11)
        .encode(y="value:Q", text="name:N", color=alt.Color("color:N", scale=None), x=alt.value(0))
    )
    return alt.LayerChart(layer=[lines, rule, text]).properties(height=height)
