"""The audience step's competitors: who else competes for the audience's attention, their website, their account
per platform and what to watch, in the walk's draft (``cmplanner.competitors.walk``), so they are saved with the
step like the personas are. Their weekly figures are logged on the Competitors page."""

from __future__ import annotations

import streamlit as st

from cmplanner.competitors import walk as competitor_walk
from cmplanner.models import Platform
from cmplanner.ui import walk
from cmplanner.ui.shell import Ctx

HANDLES_PER_ROW = 3


def _competitor(
    ctx: Ctx, draft: walk.Draft, competitor_id: str, ids: list[str], shown: dict[str, str]
) -> None:
    key = f"competitor.{competitor_id}."
    with st.container(border=True):
        name, website, remove = st.columns([3, 3, 1], vertical_alignment="bottom")
        name.text_input(
            ctx.t("field.competitor.name"),
            key=draft.key(key + "name", ""),
            max_chars=80,
            placeholder=ctx.t("cp.walk.name_placeholder"),
        )
        website.text_input(
            ctx.t("field.website"),
            key=draft.key(key + "website", ""),
            max_chars=120,
            placeholder=ctx.t("cp.walk.website_placeholder"),
        )
        if remove.button(
            "",
            key=f"competitor.remove.{competitor_id}",
            icon=":material/delete:",
            type="tertiary",
            help=ctx.t("cp.walk.remove"),
        ):
            draft.set("competitors", [c for c in ids if c != competitor_id])
            draft.save()
            draft.forget(key)
            st.rerun()
        with name:
            walk.error(shown, f"w.{key}name")
        with website:
            walk.error(shown, f"w.{key}website")
        st.multiselect(
            ctx.t("cp.walk.platforms"),
            [p.value for p in Platform],
            key=draft.key(key + "platforms", []),
            format_func=lambda p: ctx.t(f"platform.{p}"),
            placeholder=ctx.t("common.choose"),
            help=ctx.t("cp.walk.platforms_help"),
        )
        platforms = competitor_walk.followed(draft.current(), competitor_id)
        for start in range(0, len(platforms), HANDLES_PER_ROW):
            row = platforms[start : start + HANDLES_PER_ROW]
            for column, platform in zip(st.columns(HANDLES_PER_ROW), row, strict=False):
                with column:
                    st.text_input(
                        ctx.t("cp.walk.handle", platform=ctx.t(f"platform.{platform.value}")),
                        key=draft.key(f"{key}handle.{platform.value}", ""),
                        max_chars=120,
                        placeholder=ctx.t("cp.walk.handle_placeholder"),
                    )
                    walk.error(shown, f"w.{key}handle.{platform.value}")
        st.text_input(
            ctx.t("field.watch"),
            key=draft.key(key + "watch", ""),
            max_chars=2000,
            placeholder=ctx.t("cp.walk.watch_placeholder"),
        )


def section(ctx: Ctx, draft: walk.Draft, shown: dict[str, str]) -> None:
    """The competitors with their fields, a remove button each, and "Add a competitor"."""
    st.subheader(ctx.t("cp.walk.title"))
    st.caption(ctx.t("cp.walk.intro"))
    ids = list(draft.value("competitors") or [])
    draft.set("competitors", ids)
    for competitor_id in ids:
        _competitor(ctx, draft, competitor_id, ids, shown)
    if st.button(ctx.t("cp.walk.add"), key="competitor.add", icon=":material/add_business:"):
        draft.set("competitors", competitor_walk.add(ids))
        draft.save()
        st.rerun()
