"""One post, opened in a dialog: its status moves, its content, copy / move / delete, and what it became once
published. Only the opened post gets an editor, so a month of 120 posts costs one form, not 120.

The dialog stays open while ``cal.open`` holds the post's id (closing it clears that): a dialog opened by a button
alone would close on the next rerun. Its widgets are keyed by the post's last change, so after any save (here or in
another window) they show what is stored, while a refused save keeps what the user typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import streamlit as st
from pydantic import ValidationError

from cmplanner import i18n
from cmplanner import presentation as shown
from cmplanner.calendar import edits, status
from cmplanner.calendar.labels import format_name, post_name, status_name
from cmplanner.calendar.problems import CalendarError
from cmplanner.models import ContentFormat, PlannedPost, Platform, PostLink, PostStatus
from cmplanner.post_results import DEFAULT_KPI, post_value
from cmplanner.store import PLANNED_POSTS, POSTS
from cmplanner.ui import calendar_checks, state
from cmplanner.ui.calendar import (
    NOTICE,
    close_post,
    dialog_save,
    opened,
    saved_in_dialog,
    show_problems,
    stamp,
)
from cmplanner.ui.calendar_grid import LOOK
from cmplanner.ui.shell import Ctx, escape

CONFIRM = "cal.confirm_delete"


def _moves(ctx: Ctx, post: PlannedPost) -> None:
    """The current status and a button per status the post may move to."""
    icon, colour = LOOK[post.status]
    with st.container(horizontal=True, vertical_alignment="center"):
        st.badge(status_name(post.status, ctx.lang), icon=f":material/{icon}:", color=colour)  # type: ignore[arg-type]
        st.caption(ctx.t("cal.move_to"), width="content")
        for target in status.allowed(post):
            t_icon, _ = LOOK[target]
            if st.button(
                status_name(target, ctx.lang),
                key=f"cal.move.{target.value}.{stamp(post)}",
                icon=f":material/{t_icon}:",
                type="primary" if target == PostStatus.READY else "secondary",
            ):
                try:
                    moved = status.move(post, target)
                except CalendarError as err:
                    show_problems(ctx, err)
                    return
                saved_in_dialog(ctx, moved, ctx.t("cal.moved", status=status_name(target, ctx.lang)))


def _goal_options(ctx: Ctx, post: PlannedPost) -> dict[str | None, str]:
    assert ctx.strategy is not None
    options: dict[str | None, str] = {None: ctx.t("cal.no_goal")}
    for goal in sorted(ctx.strategy.goals, key=lambda g: g.quarter, reverse=True):
        options[goal.id] = f"{shown.goal_name(goal, ctx.lang)} · {goal.quarter}"
    if post.goal_id and post.goal_id not in options:
        options[post.goal_id] = ctx.t("cal.gone")
    return options


def _pillar_options(ctx: Ctx, post: PlannedPost) -> dict[str | None, str]:
    assert ctx.strategy is not None
    options: dict[str | None, str] = {None: ctx.t("cal.no_pillar")}
    options.update({pillar.id: pillar.name for pillar in ctx.strategy.pillars})
    if post.pillar_id and post.pillar_id not in options:
        options[post.pillar_id] = ctx.t("cal.gone")
    return options


def platform_options(ctx: Ctx, post: PlannedPost | None = None) -> list[Platform]:
    """The plan's platforms, then any other the post is on."""
    assert ctx.strategy is not None
    found = [plan.platform for plan in ctx.strategy.platforms]
    return found + [p for p in (post.platforms if post else []) if p not in found]


def _content(ctx: Ctx, post: PlannedPost) -> None:
    """The post's fields in one form: saved together, validated by the record."""
    key = f"cal.f.{stamp(post)}"
    goals, pillars = _goal_options(ctx, post), _pillar_options(ctx, post)
    with st.form(key, border=False):
        left, mid, right = st.columns(3)
        day = left.date_input(ctx.t("cal.field.day"), value=post.planned_at.date(), format="DD-MM-YYYY")
        at = mid.time_input(ctx.t("cal.field.time"), value=post.planned_at.time(), step=300)
        fmt = right.selectbox(
            ctx.t("calendar.field.format"),
            list(ContentFormat),
            index=list(ContentFormat).index(post.format),
            format_func=lambda f: format_name(f, ctx.lang),
        )
        platforms = st.multiselect(
            ctx.t("field.platforms"),
            platform_options(ctx, post),
            default=post.platforms,
            format_func=lambda p: ctx.t(f"platform.{p.value}"),
            placeholder=ctx.t("common.choose"),
        )
        left, right = st.columns(2)
        pillar = left.selectbox(
            ctx.t("field.pillar_id"),
            list(pillars),
            index=list(pillars).index(post.pillar_id),
            format_func=pillars.__getitem__,
        )
        goal = right.selectbox(
            ctx.t("field.goal_id"),
            list(goals),
            index=list(goals).index(post.goal_id),
            format_func=goals.__getitem__,
        )
        title = st.text_input(ctx.t("field.title"), value=post.title, max_chars=120)
        text = st.text_area(ctx.t("field.text"), value=post.text, max_chars=5000, height=140)
        link = st.text_input(ctx.t("field.link"), value=post.link, placeholder="https://", max_chars=2000)
        visual = st.text_input(ctx.t("field.visual"), value=post.visual, help=ctx.t("cal.visual_help"))
        if st.form_submit_button(ctx.t("cal.save_post"), type="primary", icon=":material/save:"):
            changes: dict[str, Any] = {
                "planned_at": datetime.combine(day, at),
                "platforms": platforms,
                "format": fmt,
                "pillar_id": pillar,
                "goal_id": goal,
                "title": title.strip(),
                "text": text.strip(),
                "link": link.strip(),
                "visual": visual.strip(),
            }
            try:
                changed = status.updated(post, **changes)
            except ValidationError as err:
                show_problems(ctx, err)
                return
            saved_in_dialog(ctx, changed, ctx.t("cal.saved"))


def _copy_move(ctx: Ctx, post: PlannedPost) -> None:
    """Move to another day, copy to other platforms, delete: one action each."""
    key = stamp(post)
    left, right = st.columns(2)
    with left, st.container(border=True):
        st.markdown(f"**{ctx.t('cal.move_day')}**")
        day = st.date_input(
            ctx.t("cal.field.new_day"),
            value=post.planned_at.date(),
            format="DD-MM-YYYY",
            key=f"cal.day.{key}",
        )
        if st.button(ctx.t("cal.move_button"), key=f"cal.move_day.{key}", icon=":material/event:"):
            moved = edits.move_to_day(post, day)
            saved_in_dialog(ctx, moved, ctx.t("cal.moved_day", day=i18n.day(day, ctx.lang, "EEEE d MMMM")))
    with right, st.container(border=True):
        st.markdown(f"**{ctx.t('cal.copy')}**")
        others = [p for p in platform_options(ctx) if p not in post.platforms] or platform_options(ctx)
        targets = st.multiselect(
            ctx.t("cal.copy_to"),
            others,
            format_func=lambda p: ctx.t(f"platform.{p.value}"),
            key=f"cal.copy.{key}",
            placeholder=ctx.t("common.choose"),
        )
        if st.button(ctx.t("cal.copy_button"), key=f"cal.copy_go.{key}", icon=":material/content_copy:"):
            try:
                copy = edits.duplicate(post, targets)
            except CalendarError as err:
                show_problems(ctx, err)
            else:
                names = ", ".join(ctx.t(f"platform.{p.value}") for p in copy.platforms)
                if dialog_save(ctx, lambda edit: edit.put(PLANNED_POSTS, [copy])) is not None:
                    st.session_state[NOTICE] = ctx.t("cal.copied", platforms=names)
                    st.rerun()
    _delete(ctx, post)


def _delete(ctx: Ctx, post: PlannedPost) -> None:
    if st.session_state.get(CONFIRM) != post.id:
        if st.button(
            ctx.t("cal.delete"), key=f"cal.delete.{post.id}", icon=":material/delete:", type="tertiary"
        ):
            st.session_state[CONFIRM] = post.id
            st.rerun()
        return
    st.warning(ctx.t("cal.delete_confirm"), icon=":material/warning:")
    yes, no = st.columns(2)
    if yes.button(ctx.t("cal.delete_yes"), key=f"cal.delete_yes.{post.id}", type="primary"):
        if dialog_save(ctx, lambda edit: edit.remove(PLANNED_POSTS, [(post.id,)])) is None:
            return
        st.session_state.pop(CONFIRM, None)
        close_post()
        state.flash("success", ctx.t("cal.deleted", name=escape(post_name(post, ctx.lang))))
        st.rerun()
    if no.button(ctx.t("cal.delete_no"), key=f"cal.delete_no.{post.id}"):
        st.session_state.pop(CONFIRM, None)
        st.rerun()


def linked_posts(ctx: Ctx, post: PlannedPost) -> None:
    """What the post became on each platform: its results once an export brought it in (the import links a
    published post to its imported record by permalink, or platform and time), and the permalink to paste."""
    key = stamp(post)
    results(ctx, post)
    st.caption(ctx.t("cal.links_help"))
    with st.form(f"cal.links.{key}", border=False):
        values = {}
        for platform in post.platforms:
            link = post.link_for(platform)
            values[platform] = st.text_input(
                ctx.t("cal.permalink", platform=ctx.t(f"platform.{platform.value}")),
                value=link.permalink if link else "",
                placeholder="https://",
                max_chars=2000,
            )
            if link and link.post_id:
                st.caption(ctx.t("cal.imported_id", id=escape(link.post_id)))
        if st.form_submit_button(ctx.t("cal.save_links"), icon=":material/link:"):
            try:
                links = []
                for platform, url in values.items():
                    old = post.link_for(platform)
                    post_id = old.post_id if old else ""
                    if url.strip() or post_id:
                        links.append(PostLink(platform=platform, post_id=post_id, permalink=url.strip()))
                changed = status.updated(post, links=links)
            except ValidationError as err:
                show_problems(ctx, err)
                return
            saved_in_dialog(ctx, changed, ctx.t("cal.links_saved"))


def results(ctx: Ctx, post: PlannedPost) -> None:
    """The linked imported posts' lifetime figures, per platform (engagement rate by reach first)."""
    imported = {(p.platform, p.post_id): p for p in ctx.rows(POSTS)}
    for link in post.links:
        found = imported.get((link.platform, link.post_id)) if link.post_id else None
        if found is None:
            continue
        rate = post_value(found, DEFAULT_KPI)
        figures = [f"{shown.kpi_name(DEFAULT_KPI, ctx.lang)}: {shown.kpi_value(DEFAULT_KPI, rate, ctx.lang)}"]
        figures += [
            f"{ctx.t(f'field.{name}')}: {i18n.number(getattr(found, name), ctx.lang)}"
            for name in ("reach", "impressions", "reactions", "comments", "shares", "saves")
            if getattr(found, name) is not None
        ]
        st.markdown(
            f"**{ctx.t('cal.results', platform=ctx.t(f'platform.{link.platform.value}'))}** "
            f":gray[{ctx.t('cal.results_asof', date=i18n.day(found.exported_on, ctx.lang))}]  \n"
            + " · ".join(figures)
        )


def _dialog(ctx: Ctx, post: PlannedPost, changed_elsewhere: bool) -> None:
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    if changed_elsewhere:
        st.warning(ctx.t("cal.changed_elsewhere"), icon=":material/sync_problem:")
    st.markdown(f"### {escape(post_name(post, ctx.lang))}")
    platforms = ", ".join(ctx.t(f"platform.{p.value}") for p in post.platforms)
    when = f"{i18n.day(post.planned_at, ctx.lang, 'EEEE d MMMM y')} · {post.planned_at:%H:%M}"
    st.caption(f"{when} · {platforms} · {format_name(post.format, ctx.lang)}")
    _moves(ctx, post)
    content, checks, more, published = st.tabs(
        [ctx.t("cal.tab.content"), ctx.t("cal.tab.checks"), ctx.t("cal.tab.more"), ctx.t("cal.tab.published")]
    )
    with content:
        _content(ctx, post)
    with checks:
        calendar_checks.questions(ctx, post)
    with more:
        _copy_move(ctx, post)
    with published:
        linked_posts(ctx, post)
    if st.button(ctx.t("cal.close"), key="cal.close", icon=":material/close:"):
        close_post()
        st.rerun()


def post_dialog(ctx: Ctx, posts: Sequence[PlannedPost]) -> None:
    """The opened post's dialog, as the post was when opened; a post deleted meanwhile closes it with a note."""
    held = opened()
    if held is None:
        return
    post = held[0]
    now = next((p for p in posts if p.id == post.id), None)
    if now is None:
        close_post()
        st.info(ctx.t("cal.post_gone"), icon=":material/info:")
        return
    st.dialog(ctx.t("cal.dialog"), width="large", on_dismiss=close_post)(_dialog)(ctx, post, now != post)
