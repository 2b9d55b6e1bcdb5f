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
with st.container(horizontal=True):  # buttons as wide as their labels: none is cut off
    for name, script in STEPS:
        if st.button(ctx.t(f"page.{name}"), icon=":material/edit:", key=f"edit.{name}"):
            go(script)


def keep_view() -> None:
    """The chosen view goes into the URL (``?view=client``), so a reload or a bookmark keeps it."""
    st.query_params["view"] = st.session_state["strategy.view"]


VIEWS = ["working", "client"]
if "strategy.view" not in st.session_state:
    wanted = st.query_params.get("view")
    st.session_state["strategy.view"] = wanted if wanted in VIEWS else "working"
view = st.segmented_control(
    ctx.t("clientview.view"),
    VIEWS,
    required=True,
    format_func=lambda v: ctx.t(f"clientview.view.{v}"),
    key="strategy.view",
    on_change=keep_view,
    help=ctx.t("clientview.view_help"),
)
if view == "client":
    client_view(ctx, strategy)
else:
    render(ctx, strategy)

download_button(ctx)
