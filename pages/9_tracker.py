"""Tracker: per quarterly goal, where we are, where we should be by now, where we will land, what is still needed."""

import streamlit as st

from cmplanner import pacing, tracker
from cmplanner.store import COMPETITOR_WEEKS, PLANNED_POSTS
from cmplanner.ui import page, today
from cmplanner.ui.competitors_compare import compact
from cmplanner.ui.report import download_button
from cmplanner.ui.shell import cached_weeks
from cmplanner.ui.tracker import cadence_table, goal_card, status_table

ctx = page("tracker", needs_strategy=True, layout="wide")
strategy = ctx.strategy
assert strategy is not None
day = today()
st.title(ctx.t("page.tracker"))

if not strategy.goals:
    st.info(ctx.t("tracker.no_goals"), icon=":material/flag:")
    st.page_link("pages/3_goals.py", label=ctx.t("page.goals"), icon=":material/flag:")
    st.stop()

options = tracker.quarters(strategy, day)
wanted = st.query_params.get("q")
quarter = st.selectbox(
    ctx.t("field.quarter"), options, index=options.index(wanted) if wanted in options else 0, key="q"
)
rows = cached_weeks(ctx)
items = tracker.goal_paces(strategy, rows, quarter, day)
if not items:
    st.info(ctx.t("tracker.no_goals_quarter", quarter=quarter), icon=":material/flag:")
    st.page_link("pages/3_goals.py", label=ctx.t("page.goals"), icon=":material/flag:")
    st.stop()
if all(item.pace.status == pacing.Status.NO_DATA for item in items):
    st.info(ctx.t("tracker.no_data"), icon=":material/edit_calendar:")
    st.page_link("pages/7_log.py", label=ctx.t("page.log"), icon=":material/edit_calendar:")

st.subheader(ctx.t("tracker.overview", quarter=quarter))
status_table(ctx, items)
st.subheader(ctx.t("tracker.goals"))
for item in items:
    goal_card(ctx, item)
st.subheader(ctx.t("tracker.cadence"))
st.caption(ctx.t("tracker.cadence_help"))
cadence_table(ctx, tracker.cadence(strategy, rows, quarter, day, ctx.rows(PLANNED_POSTS)))
if strategy.competitors:
    compact(ctx, rows, ctx.rows(COMPETITOR_WEEKS), quarter)

download_button(ctx, quarter)
