"""Checklists: what to do today, this week, this month and this quarter; tuning, workload and exports."""

import streamlit as st
from pydantic import ValidationError

from cmplanner import checklists, i18n, recommend, workload
from cmplanner.checklist_items import generate
from cmplanner.store import TICKS
from cmplanner.ui import page, today
from cmplanner.ui.checklist import export_panel, over_notice, tick_list, tune_panel, workload_panel

ctx = page("checklists", needs_strategy=True)
strategy = ctx.strategy
assert strategy is not None
day = today()
items = generate(strategy)
work = workload.workload(strategy, protect=recommend.recommended(strategy))
ticks = checklists.ticks(ctx.rows(TICKS), day)
progress = checklists.progress(items, ticks, day)

st.title(ctx.t("page.checklists"))
st.caption(ctx.t("cl.today_is", date=i18n.day(day, ctx.lang, "full")))

todo, tune, export = st.tabs([ctx.t("cl.tab.todo"), ctx.t("cl.tab.tune"), ctx.t("cl.tab.export")])
with todo:
    over_notice(ctx, work)
    tick_list(ctx, items, ticks, progress, day)
with tune:
    workload_panel(ctx, work)
    try:
        tune_panel(ctx, items)
    except ValidationError as exc:
        st.error(
            ctx.t("cl.invalid", details="; ".join(i18n.explain(exc, ctx.lang).values())),
            icon=":material/error:",
        )
with export:
    export_panel(ctx, items, day)
