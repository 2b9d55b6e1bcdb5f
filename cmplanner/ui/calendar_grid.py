"""The calendar's two views, drawn with native elements: the month grid (a row per ISO week with its open slots,
a column per weekday, a button per post) and the week list (per platform: the week's slot and its posts).

Why native elements and not a calendar component: a grid of columns and buttons needs no extra dependency or
JavaScript bundle, follows the app's theme and language, is testable under AppTest, and a click on a post opens
the same dialog everywhere. A post is drawn as one small button; its editor is built only for the post opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from cmplanner import i18n, periods
from cmplanner.calendar.grid import Day, MonthGrid, PlatformWeek, Week, month_grid, week_list, weeks_slots
from cmplanner.calendar.labels import format_name, post_name, status_name, still_needed
from cmplanner.calendar.slots import Slot
from cmplanner.models import PlannedPost, PostStatus
from cmplanner.store import PLANNED_POSTS
from cmplanner.ui.calendar import Shown, open_post
from cmplanner.ui.shell import Ctx, escape

LOOK: dict[PostStatus, tuple[str, str]] = {
    PostStatus.IDEA: ("lightbulb", "orange"),
    PostStatus.DRAFT: ("edit_note", "blue"),
    PostStatus.READY: ("check_circle", "green"),
    PostStatus.PUBLISHED: ("public", "violet"),
    PostStatus.SKIPPED: ("block", "gray"),
}
"""A status's material icon and colour on the calendar."""
DATE_COLOURS = {
    "holiday": "red",
    "commercial": "orange",
    "social": "violet",
    "international": "blue",
    "own": "green",
}
LABEL_CHARS = 34
"""Characters of a post's name on its button (the whole name is in the tooltip and the dialog)."""


def status_mark(status: PostStatus) -> str:
    icon, colour = LOOK[status]
    return f":{colour}[:material/{icon}:]"


def short_platforms(ctx: Ctx, post: PlannedPost) -> str:
    return " ".join(ctx.t(f"cal.short.{platform.value}") for platform in post.platforms)


def _clip(text: str, size: int = LABEL_CHARS) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def post_label(ctx: Ctx, post: PlannedPost, with_day: bool = False) -> str:
    """``✓ 08:30 IG FB Kerstbestellingen…``: status, time, platforms, name (struck through when skipped)."""
    name = escape(
        fit_cell(_clip(post_name(post, ctx.lang))) if not with_day else _clip(post_name(post, ctx.lang))
    )
    if post.status == PostStatus.SKIPPED:
        name = f"~~{name}~~"
    when = post.planned_at.strftime("%H:%M")
    if with_day:
        when = f"{i18n.day(post.planned_at, ctx.lang, 'EEE d MMM')} {when}"
    return f"{status_mark(post.status)} {when} :gray[{short_platforms(ctx, post)}] {name}"


def post_help(ctx: Ctx, post: PlannedPost) -> str:
    platforms = ", ".join(ctx.t(f"platform.{p.value}") for p in post.platforms)
    name = escape(post_name(post, ctx.lang))
    return (
        f"{name}  \n{status_name(post.status, ctx.lang)} · {format_name(post.format, ctx.lang)} · {platforms}"
    )


def post_button(ctx: Ctx, post: PlannedPost, key: str, with_day: bool = False) -> None:
    assert ctx.snapshot is not None
    st.button(
        post_label(ctx, post, with_day),
        key=key,
        help=post_help(ctx, post),
        type="tertiary",
        wrap=True,
        on_click=open_post,
        args=(post, ctx.snapshot.version),
    )


CELL_WORD = 13
"""Characters of one word that fit a day's cell in the month grid; a longer word is shortened with an ellipsis
(the week view and the dates list give it in full) rather than broken in the middle."""


def fit_cell(name: str) -> str:
    words = [w if len(w) <= CELL_WORD else w[: CELL_WORD - 1] + "…" for w in name.split(" ")]
    return " ".join(words)


def _day(ctx: Ctx, day: Day, today: date) -> None:
    number = str(day.day.day)
    if day.day == today:
        st.markdown(f":primary-background[**{number}**] :primary[{ctx.t('cal.today_short')}]")
    elif day.in_month:
        st.markdown(f"**{number}**")
    else:
        st.markdown(f":gray[{i18n.day(day.day, ctx.lang, 'd MMM')}]")
    for mark in day.dates:
        if mark.named:
            colour = DATE_COLOURS[mark.item.kind]
            st.caption(f":{colour}[{escape(fit_cell(mark.item.name))}]")
    for post in day.posts:
        post_button(ctx, post, f"cal.p.{post.id}")


def week_header(ctx: Ctx, week: Week) -> str:
    """``Week 49`` and what it still needs, coloured: orange when slots are open, green when full."""
    number = ctx.t("cal.week_n", n=int(week.week.split("-W")[1]))
    text = still_needed(week.slots, ctx.lang)
    colour = "orange" if week.open else "green"
    icon = "pending" if week.open else "task_alt"
    return f"**{number}** · :{colour}[:material/{icon}: {text}]"


def month_view(ctx: Ctx, posts: Sequence[PlannedPost], where: Shown) -> MonthGrid:
    """The month grid; returns it (the page uses its dates and weeks elsewhere)."""
    assert ctx.strategy is not None
    grid = month_grid(ctx.strategy, posts, where.month, ctx.lang)
    heads = st.columns(7, gap="small")
    for col, day in zip(heads, grid.weeks[0].days, strict=True):
        col.caption(f"**{i18n.day(day.day, ctx.lang, 'EEEE').capitalize()}**")
    for week in grid.weeks:
        with st.container(border=True, gap="small"):
            st.markdown(week_header(ctx, week))
            for col, day in zip(st.columns(7, gap="small"), week.days, strict=True):
                with col:
                    _day(ctx, day, where.today)
    if not any(day.posts for week in grid.weeks for day in week.days if day.in_month):
        st.info(ctx.t("cal.empty_month"), icon=":material/lightbulb:")
    return grid


def _slot_line(ctx: Ctx, slot: Slot | None) -> str:
    if slot is None:
        return ctx.t("cal.slot.not_in_plan")
    if slot.quota == 0:
        return ctx.t("cal.slot.none_this_week", per_week=i18n.number(slot.per_week, ctx.lang, 1))
    text = ctx.t("cal.slot.planned", planned=slot.planned, quota=slot.quota)
    if slot.carried:
        text += " " + ctx.tn("cal.slot.carried", slot.carried)
    return text


def _platform_week(ctx: Ctx, item: PlatformWeek) -> None:
    name = ctx.t(f"platform.{item.platform.value}")
    slot = item.slot
    with st.container(border=True):
        head, badge = st.columns([3, 2], vertical_alignment="center")
        head.markdown(f"**{name}**")
        with badge, st.container(horizontal=True, horizontal_alignment="right"):
            if slot is not None and slot.open:
                st.badge(ctx.tn("cal.still_needed", slot.open), icon=":material/pending:", color="orange")
            elif slot is not None:
                st.badge(ctx.t("cal.week_full"), icon=":material/task_alt:", color="green")
        st.caption(_slot_line(ctx, slot))
        if not item.posts:
            st.caption(ctx.t("cal.nothing_planned"))
        for post in item.posts:
            post_button(ctx, post, f"cal.w.{item.platform.value}.{post.id}", with_day=True)


def week_view(ctx: Ctx, posts: Sequence[PlannedPost], where: Shown) -> None:
    """The week per platform, two platforms a row: what is planned and how many posts each still needs."""
    assert ctx.strategy is not None
    items = week_list(ctx.strategy, posts, where.week)
    for start in range(0, len(items), 2):
        cols = st.columns(2)
        for col, item in zip(cols, items[start : start + 2], strict=False):
            with col:
                _platform_week(ctx, item)


def no_platforms(ctx: Ctx) -> None:
    """Empty state: the calendar plans posts per platform, so the strategy needs its platforms first."""
    assert ctx.strategy is not None
    st.info(ctx.t("cal.no_platforms"), icon=":material/info:")
    st.page_link(
        "pages/2_platforms.py",
        label=ctx.t("page.platforms"),
        icon=":material/apps:",
        query_params={"s": ctx.strategy.id},
    )


def this_week(ctx: Ctx, today: date) -> None:
    """Under the daily "update the publication calendar" task: a link to the calendar on this week and what the
    week still needs per platform."""
    assert ctx.strategy is not None and ctx.snapshot is not None
    week = periods.week_key(today)
    found = weeks_slots(ctx.strategy, ctx.rows(PLANNED_POSTS), [week])[week]
    colour = "orange" if found.open else "green"
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.page_link(
            "pages/13_calendar.py",
            label=ctx.t("cal.open_calendar"),
            icon=":material/calendar_month:",
            query_params={
                "s": ctx.strategy.id,
                "view": "week",
                "week": week,
                "month": periods.month_of_week(week),
            },
        )
        st.caption(f"{ctx.t('cal.this_week')} · :{colour}[{still_needed(found, ctx.lang)}]")
