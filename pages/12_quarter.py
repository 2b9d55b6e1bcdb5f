"""Quarterly review: per goal reached or not and by how much; next quarter's goals proposed from the achieved
trend, edited and accepted into the strategy in one step; notes on the revised strategy."""

import streamlit as st

from cmplanner import reviews, tracker
from cmplanner.store import REVIEWS
from cmplanner.ui import page, today
from cmplanner.ui.review import history_panel, quarter_picker, report_button, review_form
from cmplanner.ui.review_quarter import proposals_panel, results_panel
from cmplanner.ui.shell import cached_weeks

ctx = page("review_quarter", needs_strategy=True, layout="wide")
strategy = ctx.strategy
assert strategy is not None
day = today()
st.title(ctx.t("page.review_quarter"))
st.caption(ctx.t("rv.quarter_intro"))

if not strategy.goals:
    st.info(ctx.t("tracker.no_goals"), icon=":material/flag:")
    st.page_link("pages/3_goals.py", label=ctx.t("page.goals"), icon=":material/flag:")
    st.stop()

quarter = quarter_picker(ctx, tracker.quarters(strategy, day), reviews.default_quarter(day))
rows = cached_weeks(ctx)
saved = reviews.newest_first(ctx.rows(REVIEWS))
summary = reviews.quarterly_summary(strategy, rows, quarter, day, reviews=saved)
report_button(ctx)

st.subheader(ctx.t("rv.results", quarter=quarter))
if summary.goals:
    results_panel(ctx, summary)
    proposals_panel(ctx, strategy, rows, summary)
else:
    st.info(ctx.t("tracker.no_goals_quarter", quarter=quarter), icon=":material/flag:")

review_form(ctx, "quarter", quarter, summary.review)
history_panel(ctx, reviews.newest_first(ctx.rows(REVIEWS), "quarter"))
