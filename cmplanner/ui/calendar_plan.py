"""Planning on the calendar page: several ideas in one action, the month's relevant dates, and the user's own
dates (events, launches, campaign periods), which are part of the strategy."""

from __future__ import annotations

from datetime import date, time, timedelta

import streamlit as st
from pydantic import ValidationError

from cmplanner import i18n, periods
from cmplanner.calendar import edits
from cmplanner.calendar.dates import month_range, strategy_dates
from cmplanner.calendar.problems import CalendarError
from cmplanner.models import OwnDate
from cmplanner.store import PLANNED_POSTS, Edit
from cmplanner.ui import state
from cmplanner.ui.calendar import Shown, save
from cmplanner.ui.calendar_grid import DATE_COLOURS
from cmplanner.ui.calendar_post import platform_options
from cmplanner.ui.shell import Ctx, escape

IDEAS = "cal.ideas"
OWN = "cal.own"
MANY_PLATFORMS = 2
"""Up to this many platforms in the plan, new ideas go out on all of them unless the user unticks one."""


def shown_days(where: Shown) -> list[date]:
    """The days a new idea can be put on: the shown week, or the shown month."""
    if where.view == "week":
        monday = periods.week_monday(where.week)
        return [monday + timedelta(days=i) for i in range(7)]
    first, last = month_range(where.month)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _add_ideas(ctx: Ctx, suffix: str) -> None:
    """The form's callback: the ideas, one per line, saved in one write; the text box is emptied on success."""
    values = st.session_state
    try:
        ideas = edits.ideas_from_lines(
            values[f"{IDEAS}.lines"],
            values[f"{IDEAS}.day.{suffix}"],
            values[f"{IDEAS}.platforms"],
            values[f"{IDEAS}.time"],
        )
    except CalendarError as err:
        state.flash("error", "  \n".join(escape(line) for line in err.messages(ctx.lang)))
        return
    day = i18n.day(ideas[0].planned_at, ctx.lang, "EEEE d MMMM")
    if save(ctx, lambda edit: edit.put(PLANNED_POSTS, ideas), ctx.tn("cal.ideas_added", len(ideas), day=day)):
        values[f"{IDEAS}.lines"] = ""


def add_ideas(ctx: Ctx, where: Shown) -> None:
    """ "Add ideas": one idea per line, on one day and time, for the chosen platforms (a popover in the toolbar)."""
    assert ctx.strategy is not None
    days = shown_days(where)
    default = where.today if where.today in days else days[0]
    suffix = where.week if where.view == "week" else where.month
    options = platform_options(ctx)
    if f"{IDEAS}.platforms" not in st.session_state:
        st.session_state[f"{IDEAS}.platforms"] = options if len(options) <= MANY_PLATFORMS else []
    with st.popover(ctx.t("cal.add"), icon=":material/add:", type="primary", width="stretch"):
        with st.form(IDEAS, border=False):
            st.text_area(
                ctx.t("cal.ideas"),
                key=f"{IDEAS}.lines",
                placeholder=ctx.t("cal.ideas_placeholder"),
                height=120,
            )
            left, right = st.columns([2, 1])
            left.selectbox(
                ctx.t("cal.field.day"),
                days,
                index=days.index(default),
                format_func=lambda d: i18n.day(d, ctx.lang, "EEEE d MMMM"),
                key=f"{IDEAS}.day.{suffix}",
            )
            right.time_input(ctx.t("cal.field.time"), value=time(10, 0), step=900, key=f"{IDEAS}.time")
            st.multiselect(
                ctx.t("field.platforms"),
                options,
                format_func=lambda p: ctx.t(f"platform.{p.value}"),
                key=f"{IDEAS}.platforms",
                placeholder=ctx.t("common.choose"),
            )
            st.form_submit_button(
                ctx.t("cal.add_button"),
                type="primary",
                icon=":material/add:",
                on_click=_add_ideas,
                args=(ctx, suffix),
            )
        st.caption(ctx.t("cal.ideas_help"))


def _span(first: date, last: date, lang: str) -> str:
    if first == last:
        return i18n.day(first, lang, "EEE d MMM")
    return f"{i18n.day(first, lang, 'd MMM')} – {i18n.day(last, lang, 'd MMM')}"


def dates_panel(ctx: Ctx, month: str) -> None:
    """The month's public holidays, special days and own dates, one line each with its kind."""
    assert ctx.strategy is not None
    first, last = month_range(month)
    items = strategy_dates(ctx.strategy, first, last, ctx.lang)
    st.markdown(f"**{ctx.t('cal.dates')}**")
    if not items:
        st.caption(ctx.t("calendar.approval.no_dates"))
    lines = [
        f"- :{DATE_COLOURS[item.kind]}[**{_span(item.day, item.last, ctx.lang)}**] {escape(item.name)} "
        f":gray[· {ctx.t(f'calendar.kind.{item.kind}')}]"
        for item in items
    ]
    st.markdown("\n".join(lines))
    country = ctx.strategy.profile.country if ctx.strategy.profile else "NL"
    st.caption(ctx.t("cal.dates_source", country=country))


def _add_own(ctx: Ctx) -> None:
    values = st.session_state
    end = values.get(f"{OWN}.end")
    try:
        item = OwnDate(
            title=values[f"{OWN}.title"].strip(),
            start=values[f"{OWN}.start"],
            end=end if end and end != values[f"{OWN}.start"] else None,
            note=values[f"{OWN}.note"].strip(),
        )
    except ValidationError as err:
        state.flash("error", "  \n".join(escape(m) for m in i18n.explain(err, ctx.lang).values()))
        return

    def change(edit: Edit) -> None:
        edit.strategy.own_dates = sorted([*edit.strategy.own_dates, item], key=lambda d: d.start)

    if save(ctx, change, ctx.t("cal.own_added", name=escape(item.title))):
        for name in ("title", "note"):
            values[f"{OWN}.{name}"] = ""


def _remove_own(ctx: Ctx, own_id: str) -> None:
    def change(edit: Edit) -> None:
        edit.strategy.own_dates = [d for d in edit.strategy.own_dates if d.id != own_id]

    save(ctx, change, ctx.t("cal.own_removed"))


def own_dates_panel(ctx: Ctx, month: str) -> None:
    """The user's own dates (all of them, those of the month first) with a remove button, and a form to add one."""
    assert ctx.strategy is not None
    first, last = month_range(month)
    st.markdown(f"**{ctx.t('cal.own')}**")
    own = ctx.strategy.own_dates
    if not own:
        st.caption(ctx.t("cal.own_none"))
    for item in own:
        text, remove = st.columns([5, 1], vertical_alignment="center")
        muted = not (item.start <= last and item.last >= first)
        line = f"**{_span(item.start, item.last, ctx.lang)}** {escape(item.title)}"
        text.markdown(f":gray[{line}]" if muted else line)
        remove.button(
            "",
            key=f"{OWN}.remove.{item.id}",
            icon=":material/delete:",
            type="tertiary",
            help=ctx.t("cal.own_remove"),
            on_click=_remove_own,
            args=(ctx, item.id),
        )
    with st.expander(ctx.t("cal.own_add"), icon=":material/add:"), st.form(OWN, border=False):
        st.text_input(ctx.t("cal.own_title"), key=f"{OWN}.title", max_chars=80)
        left, right = st.columns(2)
        left.date_input(ctx.t("field.start"), value=first, key=f"{OWN}.start", format="DD-MM-YYYY")
        right.date_input(
            ctx.t("cal.own_end"),
            value=None,
            key=f"{OWN}.end",
            format="DD-MM-YYYY",
            help=ctx.t("cal.own_end_help"),
        )
        st.text_input(ctx.t("cal.own_note"), key=f"{OWN}.note", max_chars=2000)
        st.form_submit_button(
            ctx.t("cal.own_add_button"), icon=":material/add:", on_click=_add_own, args=(ctx,)
        )
