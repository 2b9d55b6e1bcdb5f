"""The strategy as a readable document: the working view with the app's reasoning, or the client view as the
client report shows it."""

import streamlit as st

from cmplanner import i18n
from cmplanner.ui import escape, go, page
from cmplanner.ui.document import client_view, render
from cmplanner.ui.report import download_button
from cmplanner.ui.walk import STEPS

ctx = page("strategy", needs_strategy=True)
strategy = ctx.strategy
assert strategy is not None
st.title(escape(strategy.name))
status = ctx.t(f"status.{strategy.status}")
st.caption(ctx.t("strategy.meta", status=status, updated=i18n.day(strategy.updated_at, ctx.lang)))
if strategy.status == "draft":
    st.info(ctx.t("strategy.draft_hint"), icon=":material/edit_note:")
cols = st.columns(len(STEPS))
for col, (name, script) in zip(cols, STEPS, strict=True):
    if col.button(ctx.t(f"page.{name}"), icon=":material/edit:", key=f"edit.{name}", width="stretch"):
        go(script)
view = st.segmented_control(
    ctx.t("clientview.view"),
    ["working", "client"],
    default="working",
    required=True,
    format_func=lambda v: ctx.t(f"clientview.view.{v}"),
    key="view",
    bind="query-params",
    help=ctx.t("clientview.view_help"),
)
if view == "client":
    client_view(ctx, strategy)
else:
    render(ctx, strategy)

download_button(ctx)
