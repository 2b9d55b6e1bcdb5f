"""The plan's hours against the hours available, drawn the same way on the walk and on the checklists."""

from __future__ import annotations

import streamlit as st

from cmplanner.ui.shell import Ctx, escape
from cmplanner.workload import Suggestion, Workload


def fit_message(ctx: Ctx, work: Workload) -> None:
    """Green when the plan fits, a warning with the hours too many when it does not."""
    (st.success if work.fits else st.warning)(work.text(ctx.lang), icon=":material/schedule:")


def suggestion_box(ctx: Ctx, suggestion: Suggestion, apply_key: str | None = None) -> bool:
    """One suggestion in a box, its platform drops and its cadence changes listed apart.

    With ``apply_key`` it has an apply button; returns whether it was pressed.
    """
    with st.container(border=True):
        st.markdown(f"**{suggestion.text(ctx.lang)}**")
        for title, changes in (("workload.drops", suggestion.drops), ("workload.lowers", suggestion.lowers)):
            if changes:
                if suggestion.drops and suggestion.lowers:
                    st.markdown(f"_{ctx.t(title)}_")
                st.markdown("\n".join(f"- {escape(change.text(ctx.lang))}" for change in changes))
        if not suggestion.fits:
            st.caption(ctx.t("workload.not_enough"))
        if apply_key is None:
            return False
        return st.button(ctx.t("cl.apply"), key=apply_key, icon=":material/check:")
