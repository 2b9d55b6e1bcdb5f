"""Monthly review: the month's figures against last month, the goals' pace, what fell behind, the checklists done,
last month's decisions; what went well, what did not and what we decide now; past reviews; data downloads."""

import streamlit as st

from cmplanner import checklists, reviews
from cmplanner.presentation import month_label
from cmplanner.store import COMPETITOR_WEEKS, PLANNED_POSTS, POSTS, REVIEWS, TICKS
from cmplanner.ui import page, today
from cmplanner.ui.competitors_compare import month_section
from cmplanner.ui.review import data_panel, history_panel, month_picker, report_button, review_form
from cmplanner.ui.review_month import ALL_KPIS, decisions_panel, overview_panel, platform_panel
from cmplanner.ui.review_posts import posts_panel
from cmplanner.ui.shell import cached_weeks
from cmplanner.ui.webcare import trend_panel

ctx = page("review_month", needs_strategy=True, layout="wide")
strategy = ctx.strategy
assert strategy is not None
day = today()
st.title(ctx.t("page.review_month"))
st.caption(ctx.t("rv.month_intro"))

rows = cached_weeks(ctx)
month = month_picker(ctx, reviews.months(strategy, rows, day), reviews.default_month(day))
summary = reviews.monthly_summary(
    strategy,
    rows,
    month,
    day,
    ticks=checklists.ticks(ctx.rows(TICKS)),
    reviews=ctx.rows(REVIEWS),
)
report_button(ctx)

decisions_panel(ctx, summary)
st.subheader(ctx.t("rv.overview", month=month_label(month, ctx.lang)))
overview_panel(ctx, summary)
everything = st.toggle(ctx.t("rv.all_kpis"), key=ALL_KPIS, help=ctx.t("rv.all_kpis_help"))
for item in summary.platforms:
    platform_panel(ctx, summary, item, everything)
if not summary.platforms:
    st.info(ctx.t("rv.no_platforms"), icon=":material/info:")
else:
    trend_panel(ctx, rows, month)
posts_panel(ctx, month, ctx.rows(POSTS), ctx.rows(PLANNED_POSTS))
if strategy.competitors:
    month_section(ctx, rows, ctx.rows(COMPETITOR_WEEKS), month)

review_form(ctx, "month", month, summary.review)
history_panel(ctx, reviews.newest_first(ctx.rows(REVIEWS)))
data_panel(ctx, rows)
