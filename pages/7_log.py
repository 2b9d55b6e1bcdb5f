"""Weekly log: last week's figures per platform, checked before they are saved; past weeks can be corrected."""

import streamlit as st

from cmplanner import weeklog
from cmplanner.ui import page, today
from cmplanner.ui.log import SHOW_ALL, editor_panel, history_panel, no_platforms, week_picker
from cmplanner.ui.shell import cached_weeks

ctx = page("log", needs_strategy=True, layout="wide")
strategy = ctx.strategy
assert strategy is not None

st.title(ctx.t("page.log"))
st.caption(ctx.t("log.intro"))
if not strategy.platforms:
    no_platforms(ctx)
    st.stop()
stored = cached_weeks(ctx)

left, right = st.columns([2, 1], vertical_alignment="bottom")
with left:
    week = week_picker(ctx, today(), stored)
show_all = right.toggle(ctx.t("log.show_all"), key=SHOW_ALL, help=ctx.t("log.show_all_help"))
fields = weeklog.fields_for(strategy, show_all)
editor_panel(ctx, week, stored, fields, today())
history_panel(ctx, stored, fields)
