"""Competitors & webcare: competitors' public figures logged weekly (typed, pasted or from a sheet), you side by
side with them over a quarter, and how fast messages are answered against what people expect."""

import streamlit as st

from cmplanner.store import COMPETITOR_WEEKS
from cmplanner.ui import competitors_compare as compare
from cmplanner.ui import competitors_log as log
from cmplanner.ui import competitors_sheets as sheets
from cmplanner.ui import page, today, webcare, webcare_goals
from cmplanner.ui.competitors import NEEDS_COMPETITORS, no_competitors, no_platforms, view_picker
from cmplanner.ui.shell import cached_weeks

ctx = page("competitors", needs_strategy=True, layout="wide")
strategy = ctx.strategy
assert strategy is not None
day = today()
st.title(ctx.t("page.competitors"))
st.caption(ctx.t("cp.intro"))

view = view_picker(ctx)
log.show_flash()
stored = ctx.rows(COMPETITOR_WEEKS)
if view in NEEDS_COMPETITORS and not strategy.competitors:
    no_competitors(ctx)
elif view == "log":
    st.caption(ctx.t("cp.log.intro"))
    week = log.week_picker(ctx, day, stored)
    log.editor_panel(ctx, week, stored)
    log.history_panel(ctx, stored)
elif view == "sheets":
    sheets.paste_panel(ctx, day, stored)
    st.divider()
    sheets.upload_panel(ctx, day, stored)
elif view == "compare":
    compare.side_by_side(ctx, cached_weeks(ctx), stored, day)
elif not strategy.platforms:
    no_platforms(ctx)
else:
    rows = cached_weeks(ctx)
    webcare.last_week_panel(ctx, rows, day)
    webcare.expectations_panel(ctx)
    webcare_goals.goals_form(ctx, rows, day)
