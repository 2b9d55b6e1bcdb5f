"""The Competitors page's frame: which part of it is shown (the weekly log, sheets, the comparison, webcare; one
at a time, so only what is looked at is computed), and what it says when there is nothing to show yet."""

from __future__ import annotations

import streamlit as st

from cmplanner.ui.shell import Ctx

PAGE = "pages/14_competitors.py"
TASK = "day.competitors"
"""The daily task "keep an eye on competitors", under which :func:`checklist_link` goes."""
VIEW = "cp.view"
VIEWS: tuple[str, ...] = ("log", "sheets", "compare", "webcare")
NEEDS_COMPETITORS = frozenset({"log", "sheets", "compare"})
ICONS = {
    "log": ":material/edit_calendar:",
    "sheets": ":material/table_view:",
    "compare": ":material/compare_arrows:",
    "webcare": ":material/forum:",
}


def _view_to_url() -> None:
    st.query_params["view"] = st.session_state.get(VIEW) or VIEWS[0]


def view_picker(ctx: Ctx) -> str:
    """The part of the page to show: ``?view=`` from the URL (a link from the tracker), else the weekly log."""
    wanted = st.query_params.get("view")
    if VIEW not in st.session_state:
        st.session_state[VIEW] = wanted if wanted in VIEWS else VIEWS[0]
    view = st.segmented_control(
        ctx.t("cp.view"),
        list(VIEWS),
        key=VIEW,
        format_func=lambda v: f"{ICONS[v]} {ctx.t(f'cp.view.{v}')}",
        on_change=_view_to_url,
        label_visibility="collapsed",
    )
    return view or VIEWS[0]


def no_competitors(ctx: Ctx) -> None:
    """Empty state: competitors are added in the walk's first step."""
    assert ctx.strategy is not None
    st.info(ctx.t("cp.none"), icon=":material/storefront:")
    st.page_link(
        "pages/1_audience.py",
        label=ctx.t("cp.to_audience"),
        icon=":material/groups:",
        query_params={"s": ctx.strategy.id},
    )


def no_platforms(ctx: Ctx) -> None:
    """Empty state of the webcare part: messages are logged per platform of the plan."""
    assert ctx.strategy is not None
    st.info(ctx.t("wc.no_platforms"), icon=":material/info:")
    st.page_link(
        "pages/2_platforms.py",
        label=ctx.t("log.to_platforms"),
        icon=":material/apps:",
        query_params={"s": ctx.strategy.id},
    )


def checklist_link(ctx: Ctx) -> None:
    """Under the daily competitor task: straight to the log (or to the walk, where competitors are added)."""
    assert ctx.strategy is not None
    if ctx.strategy.competitors:
        st.page_link(
            PAGE,
            label=ctx.t("cp.checklist.log"),
            icon=":material/storefront:",
            query_params={"s": ctx.strategy.id},
        )
    else:
        st.page_link(
            "pages/1_audience.py",
            label=ctx.t("cp.to_audience"),
            icon=":material/storefront:",
            query_params={"s": ctx.strategy.id},
        )
