"""The monthly review's "which posts worked": per platform the month's best and weakest imported posts by a KPI the
user picks (formula shown), with date, format, text and link, and what each group has in common."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from cmplanner import i18n
from cmplanner import presentation as shown
from cmplanner.models import PlannedPost, Post
from cmplanner.post_results import (
    DEFAULT_KPI,
    POST_KPIS,
    PlatformPosts,
    Ranked,
    in_month,
    planned_published_measured,
    share_text,
    which_worked,
)
from cmplanner.ui.shell import Ctx, escape

KPI = "rv.post_kpi"
TEXT_CHARS = 110
_LINK = re.compile(r"https?://[^\s()<>\[\]]+")


def post_line(ctx: Ctx, ranked: Ranked, kpi: str) -> str:
    """``**10.0%** · Sat 7 Nov 09:30 · Carousels — Post text… [open](https://…)`` (user text inert)."""
    post = ranked.post
    parts = [f"**{shown.kpi_value(kpi, ranked.value, ctx.lang)}**"]
    parts.append(f"{i18n.day(post.published_at, ctx.lang, 'EEE d MMM')} {post.published_at:%H:%M}")
    if post.format is not None:
        parts.append(ctx.t(f"format.{post.format.value}"))
    text = post.text or ctx.t("posts.untitled")
    text = text if len(text) <= TEXT_CHARS else text[: TEXT_CHARS - 1].rstrip() + "…"
    line = " · ".join(parts) + f" — {escape(text)}"
    if post.permalink and _LINK.fullmatch(post.permalink):
        line += f" [{ctx.t('posts.open')}]({post.permalink})"
    return line


def _group(ctx: Ctx, title: str, items: list[Ranked], kpi: str, what: str) -> None:
    st.markdown(f"**{title}**")
    st.markdown("\n".join(f"- {post_line(ctx, item, kpi)}" for item in items))
    st.caption(ctx.t("posts.shared", what=what) if what else ctx.t("posts.nothing_shared"))


def platform_posts(ctx: Ctx, item: PlatformPosts) -> None:
    with st.container(border=True):
        st.markdown(f"**{shown.platform_name(item.platform, ctx.lang)}**")
        st.caption(ctx.tn("posts.counted", item.posts, ranked=item.ranked))
        if not item.weakest:
            if item.best:
                st.markdown(post_line(ctx, item.best[0], item.kpi))
            st.caption(ctx.t("posts.only_one"))
            return
        best, weakest = st.columns(2, gap="large")
        with best:
            _group(ctx, ctx.t("posts.best"), item.best, item.kpi, share_text(item.best_share, ctx.lang))
        with weakest:
            _group(
                ctx, ctx.t("posts.weakest"), item.weakest, item.kpi, share_text(item.weakest_share, ctx.lang)
            )


def posts_panel(ctx: Ctx, month: str, posts: Sequence[Post], planned: Sequence[PlannedPost] = ()) -> None:
    """The section: the calendar's planned, published and measured posts; a KPI to rank by (engagement rate by
    reach unless chosen), its formula, a card per platform."""
    assert ctx.strategy is not None
    name = shown.month_label(month, ctx.lang)
    st.subheader(ctx.t("posts.title", month=name))
    plan_panel(ctx, month, planned, posts)
    if not in_month(posts, month):
        st.caption(ctx.t("posts.none", month=name))
        return
    st.caption(ctx.t("posts.intro"))
    kpi = st.selectbox(
        ctx.t("posts.kpi"),
        POST_KPIS,
        index=POST_KPIS.index(DEFAULT_KPI),
        key=KPI,
        format_func=lambda k: shown.kpi_name(k, ctx.lang),
    )
    st.caption(shown.formula_text(kpi, ctx.lang))
    platforms = [plan.platform for plan in ctx.strategy.platforms]
    for item in which_worked(posts, month, kpi, platforms):
        platform_posts(ctx, item)


def plan_panel(ctx: Ctx, month: str, planned: Sequence[PlannedPost], imported: Sequence[Post]) -> None:
    """The calendar month in short: per platform posts planned, published and measured (results imported)."""
    assert ctx.strategy is not None
    counts = planned_published_measured(
        [p.platform for p in ctx.strategy.platforms], planned, imported, month
    )
    if not counts:
        return
    st.markdown(f"**{ctx.t('posts.plan_title', month=shown.month_label(month, ctx.lang))}**")
    frame = pd.DataFrame(
        [
            {
                ctx.t("field.platform"): shown.platform_name(c.platform, ctx.lang),
                ctx.t("posts.col.planned"): c.planned,
                ctx.t("posts.col.published"): c.published,
                ctx.t("posts.col.measured"): c.measured,
            }
            for c in counts
        ]
    )
    st.dataframe(frame, hide_index=True, width="content")
    st.caption(ctx.t("posts.plan_help"))
