"""Publication calendar: the month or the week of planned posts per platform, open slots from the cadence, relevant
dates, the month's mix, whether the posts are enough for the goals, and the month's files."""

import streamlit as st

from cmplanner.store import PLANNED_POSTS
from cmplanner.ui import page, today
from cmplanner.ui.calendar import shown_period, toolbar
from cmplanner.ui.calendar_files import files_panel
from cmplanner.ui.calendar_grid import month_view, no_platforms, week_view
from cmplanner.ui.calendar_mix import panels
from cmplanner.ui.calendar_plan import add_ideas, dates_panel, own_dates_panel
from cmplanner.ui.calendar_post import post_dialog

ctx = page("calendar", needs_strategy=True, layout="wide")
assert ctx.strategy is not None
st.title(ctx.t("page.calendar"))
if not ctx.strategy.platforms:
    no_platforms(ctx)
    st.stop()

where = shown_period(today())
posts = ctx.rows(PLANNED_POSTS)
bar, add = st.columns([3, 1], vertical_alignment="center")
with bar:
    toolbar(ctx, where)
with add:
    add_ideas(ctx, where)

if where.view == "month":
    month_view(ctx, posts, where)
else:
    week_view(ctx, posts, where)
post_dialog(ctx, posts)

st.divider()
panels(ctx, posts, where.month, where.today)
left, right = st.columns(2, gap="large")
with left:
    dates_panel(ctx, where.month)
with right:
    own_dates_panel(ctx, where.month)
files_panel(ctx, posts, where.month, where.today)
