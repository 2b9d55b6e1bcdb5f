"""The calendar page's frame: which month, week and view it shows (kept in the URL), the toolbar, its session keys,
and the one way its panels save.

Every change is a function of the store's ``edit``, saved through ``state.save`` based on the version of the
strategy file the page showed when the user acted (a button's callback gets the context of the run that drew it;
a dialog's form, the run that opened it). So a change to a post that another window changed meanwhile is refused
with a message and the user's input stays where it was; changes to other posts are merged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, TypeVar

import streamlit as st
from pydantic import ValidationError

from cmplanner import i18n, periods
from cmplanner import presentation as shown
from cmplanner.calendar.grid import grid_weeks
from cmplanner.calendar.problems import CalendarError
from cmplanner.models import PlannedPost
from cmplanner.store import PLANNED_POSTS, Edit, Saved
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, escape

T = TypeVar("T")
View = Literal["month", "week"]
SCOPE = "calendar"
OPEN = "cal.open"
"""The post whose dialog is open, as it was when opened (or last saved there), and the version of the strategy file
it was read from: ``(post, version)``. Kept here because a dialog opened by a button alone does not survive a rerun;
held as it was so the dialog's input stays what the user typed over, and its saves are based on what they saw."""
VIEW = "cal.view"
NOTICE = "cal.notice"
"""What the open dialog says after its last save (shown at its top on the rerun)."""
MONTH_PARAM, WEEK_PARAM, VIEW_PARAM = "month", "week", "view"


@dataclass(frozen=True)
class Shown:
    """What the page shows this run."""

    month: str
    week: str
    view: View
    today: date


def save(
    ctx: Ctx, change: Callable[[Edit], T], done: str | None = None, based_on: int | None = None
) -> Saved[T] | None:
    """Save ``change`` based on the version this run's page showed (or ``based_on``); ``done`` is flashed on
    success.

    Returns None when the store refused it (another window changed the same thing: the message and a Reload
    button show at the top of the page) or could not write (the message shows too): nothing was saved.
    """
    assert ctx.strategy is not None and ctx.snapshot is not None
    state.set_base(SCOPE, ctx.strategy.id, based_on or ctx.snapshot.version)
    saved = state.save(ctx.store, ctx.strategy, SCOPE, change, ctx.lang)
    if saved is not None:
        state.set_base(SCOPE, ctx.strategy.id, saved.version)
        if done:
            state.flash("success", done)
    return saved


def refusal(ctx: Ctx) -> str | None:
    """The message of a save this run refused (to repeat it inside a dialog), if any."""
    conflict = st.session_state.get(state.CONFLICT)
    return conflict[2] if conflict else None


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value if isinstance(value, str) else None


def _valid(check: Callable[[str], object], value: str | None) -> str | None:
    try:
        check(value or "")
    except ValueError:
        return None
    return value


def shown_period(today: date) -> Shown:
    """The month (``?month=``, else today's), the week (``?week=`` if it is a row of that month, else today's week
    if it is, else the month's first) and the view (``?view=week``, else the month)."""
    month = _valid(periods.parse_month, _param(MONTH_PARAM)) or periods.month_key(today)
    rows = grid_weeks(month)
    wanted = _valid(periods.parse_week, _param(WEEK_PARAM))
    this_week = periods.week_key(today)
    week = wanted if wanted in rows else this_week if this_week in rows else rows[0]
    view: View = "week" if _param(VIEW_PARAM) == "week" else "month"
    return Shown(month, week, view, today)


def _go_month(month: str) -> None:
    st.query_params[MONTH_PARAM] = month
    st.query_params.pop(WEEK_PARAM, None)


def _go_week(week: str) -> None:
    st.query_params[MONTH_PARAM] = periods.month_of_week(week)
    st.query_params[WEEK_PARAM] = week


def _set_view() -> None:
    st.query_params[VIEW_PARAM] = st.session_state[VIEW] or "month"


def toolbar(ctx: Ctx, where: Shown) -> None:
    """Previous / the month or week / next, back to today, and the month / week switch."""
    st.session_state[VIEW] = where.view
    go: Callable[[str], None]
    if where.view == "month":
        title = shown.capitalised(shown.month_label(where.month, ctx.lang))
        kind, go = "month", _go_month
        before, after = periods.shift_month(where.month, -1), periods.shift_month(where.month, 1)
    else:
        title = week_title(ctx, where.week)
        kind, go = "week", _go_week
        before, after = periods.shift_week(where.week, -1), periods.shift_week(where.week, 1)
    nav, switch = st.columns([3, 1], vertical_alignment="center")
    with nav, st.container(horizontal=True, vertical_alignment="center"):
        st.button(
            "",
            key="cal.prev",
            icon=":material/chevron_left:",
            help=ctx.t(f"cal.prev_{kind}"),
            on_click=go,
            args=(before,),
        )
        st.markdown(f"##### {title}", width="content")
        st.button(
            "",
            key="cal.next",
            icon=":material/chevron_right:",
            help=ctx.t(f"cal.next_{kind}"),
            on_click=go,
            args=(after,),
        )
        st.button(
            ctx.t("cal.today"), key="cal.today", on_click=_go_week, args=(periods.week_key(where.today),)
        )
    switch.segmented_control(
        ctx.t("cal.view"),
        ["month", "week"],
        format_func=lambda v: ctx.t(f"cal.view.{v}"),
        key=VIEW,
        on_change=_set_view,
        label_visibility="collapsed",
    )


def week_title(ctx: Ctx, week: str) -> str:
    """``Week 49 · 30 Nov – 6 Dec``."""
    monday = periods.week_monday(week)
    last = monday + timedelta(days=6)
    return ctx.t(
        "cal.week_title",
        n=periods.parse_week(week)[1],
        first=i18n.day(monday, ctx.lang, "d MMM"),
        last=i18n.day(last, ctx.lang, "d MMM"),
    )


def open_post(post: PlannedPost, version: int) -> None:
    """Open ``post`` (as read from ``version``) in its dialog."""
    st.session_state[OPEN] = (post, version)


def opened() -> tuple[PlannedPost, int] | None:
    held: tuple[PlannedPost, int] | None = st.session_state.get(OPEN)
    return held


def close_post() -> None:
    st.session_state.pop(OPEN, None)


def stamp(post: PlannedPost) -> str:
    """The post's id and last change, for the keys of its dialog's widgets: after a save they show what is
    stored; a refused save keeps what the user typed."""
    return f"{post.id}.{post.updated_at:%Y%m%d%H%M%S%f}"


def dialog_save(ctx: Ctx, change: Callable[[Edit], T]) -> Saved[T] | None:
    """Save a change made in the dialog, based on the version its post was read from; a refusal is shown in the
    dialog (the input stays)."""
    held = opened()
    saved = save(ctx, change, based_on=held[1] if held else None)
    if saved is None:
        st.error(refusal(ctx) or ctx.t("cal.not_saved"), icon=":material/sync_problem:")
    return saved


def saved_in_dialog(ctx: Ctx, post: PlannedPost, text: str) -> None:
    """Store ``post`` and rerun the whole page: the dialog stays open on the stored post and says ``text``. On a
    refusal the dialog shows why and keeps the input."""
    saved = dialog_save(ctx, lambda edit: edit.put(PLANNED_POSTS, [post]))
    if saved is None:
        return
    st.session_state[OPEN] = (post, saved.version)
    st.session_state[NOTICE] = text
    st.rerun()


def show_problems(ctx: Ctx, error: CalendarError | ValidationError) -> None:
    if isinstance(error, CalendarError):
        lines = error.messages(ctx.lang)
    else:
        lines = list(i18n.explain(error, ctx.lang).values())
    st.error("  \n".join(escape(line) for line in lines), icon=":material/error:")
