"""The platforms step's content pillars: name, what each covers and its share of the posts, in the walk's draft
(``cmplanner.pillars``), so they are saved with the step like the platforms are."""

from __future__ import annotations

import streamlit as st

from cmplanner import i18n, pillars
from cmplanner.ui import walk
from cmplanner.ui.shell import Ctx


def section(ctx: Ctx, draft: walk.Draft, shown: dict[str, str]) -> None:
    """The pillars with their fields, a remove button each, "Add a pillar", and the shares' total."""
    st.subheader(ctx.t("pillars.title"))
    st.caption(ctx.t("pillars.intro"))
    ids = list(draft.value("pillars") or [])
    draft.set("pillars", ids)
    walk.error(shown, pillars.IDS)
    for pillar_id in ids:
        key = f"pillar.{pillar_id}."
        with st.container(border=True):
            name, share, remove = st.columns([4, 2, 1], vertical_alignment="bottom")
            name.text_input(ctx.t("pillars.name"), key=draft.key(key + "name", ""), max_chars=80)
            share.number_input(
                ctx.t("pillars.share"),
                min_value=0.0,
                max_value=100.0,
                step=5.0,
                format="%.0f",
                key=draft.key(key + "share", 0.0),
            )
            if remove.button(
                "",
                key=f"pillar.remove.{pillar_id}",
                icon=":material/delete:",
                type="tertiary",
                help=ctx.t("pillars.remove"),
            ):
                draft.set("pillars", [p for p in ids if p != pillar_id])
                draft.save()
                draft.forget(key)
                st.rerun()
            with name:
                walk.error(shown, f"w.{key}name")
            st.text_input(
                ctx.t("pillars.covers"),
                key=draft.key(key + "covers", ""),
                max_chars=2000,
                placeholder=ctx.t("pillars.covers_placeholder"),
            )
    left, right = st.columns([1, 2], vertical_alignment="center")
    if left.button(ctx.t("pillars.add"), key="pillar.add", icon=":material/add:"):
        draft.set("pillars", pillars.add(ids))
        draft.save()
        st.rerun()
    if ids:
        total = pillars.total_share(draft.current())
        right.caption(ctx.t("pillars.total", total=i18n.number(total, ctx.lang)))
