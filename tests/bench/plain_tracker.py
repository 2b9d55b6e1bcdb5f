"""Baseline for bench_tracker: a plain Streamlit script that reads one strategy's weeks straight into pandas and
draws the same charts (actual, pace line, target) — no store, no models, no pacing engine."""

import os
from pathlib import Path

import altair as alt
import orjson
import pandas as pd
import streamlit as st

path = Path(os.environ["CMPLANNER_DATA"]) / "strategies" / f"{st.query_params['s']}.json"
data = orjson.loads(path.read_bytes())
strategy = next(iter(data["strategy"].values()))
weeks = pd.DataFrame(list(data["metrics"].values()))
quarter = st.query_params["q"]
st.title(strategy["name"])
for goal in strategy["goals"]:
    if goal["quarter"] != quarter:
        continue
    rows = weeks[(weeks["platform"] == goal["platform"])].sort_values("week").tail(14)
    values = rows[goal["kpi"]].cumsum() if goal["kpi"] != "followers" else rows[goal["kpi"]]
    n = len(rows)
    frame = pd.DataFrame(
        {
            "week": list(rows["week"]) * 2,
            "line": ["actual"] * n + ["pace"] * n,
            "value": list(values)
            + [goal["baseline"] + (goal["target"] - goal["baseline"]) * (i + 1) / n for i in range(n)],
        }
    )
    lines = alt.Chart(frame).mark_line(point=True).encode(x="week:N", y="value:Q", color="line:N")
    rule = alt.Chart(pd.DataFrame({"value": [goal["target"]]})).mark_rule().encode(y="value:Q")
    st.altair_chart(alt.layer(lines, rule), width="stretch")
