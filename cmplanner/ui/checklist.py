"""The checklist page's panels: tick-off per period, workload with suggestions, tuning, exports."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd
import streamlit as st

from cmplanner import checklist_items, checklists, exports, i18n, workload
from cmplanner.checklist_calendar import DayTooFull, to_ics
from cmplanner.checklist_items import ChecklistItem, CustomTask
from cmplanner.checklist_sheet import checklist_pdf
from cmplanner.checklists import Progress, Ticks
from cmplanner.models import Period
from cmplanner.platforms import PERIODS
from cmplanner.store import StoreError
from cmplanner.ui import competitors as competitors_ui
from cmplanner.ui import state
from cmplanner.ui import webcare as webcare_ui
from cmplanner.ui.calendar_grid import this_week as calendar_this_week
from cmplanner.ui.shell import Ctx, escape, store_error_text
from cmplanner.ui.workload import fit_message, suggestion_box
from cmplanner.workload import Workload

CALENDAR_TASK = "day.calendar"
"""The daily task "update the publication calendar": it links to the calendar and shows this week's open slots."""
TASK_MAX = 120
"""Characters of an own task's label (``CustomTask.label``)."""


def _tick(ctx: Ctx, item: ChecklistItem, period_key: str, widget: str) -> None:
    value = st.session_state[widget]
    done = (item.count if value else 0) if isinstance(value, bool) else int(value or 0)
    assert ctx.strategy is not None
    try:  # a tick says what is done now: a plain read-modify-write, nothing to merge
        ctx.store.update(ctx.strategy.id, lambda edit: checklists.set_tick(edit, item.id, period_key, done))
    except StoreError as err:
        state.flash("error", store_error_text(err, ctx.lang))


def tick_list(
    ctx: Ctx, items: list[ChecklistItem], ticks: Ticks, progress: Mapping[Period, Progress], day: date
) -> None:
    """Today / This week / This month / This quarter, with progress and a tick per task."""
    labels = {
        p: f"{ctx.t(f'checklists.period.{p}')} · {progress[p].done}/{progress[p].total}" for p in PERIODS
    }
    period = (
        st.segmented_control(
            ctx.t("cl.period"),
            list(PERIODS),
            format_func=labels.__getitem__,
            default="day",
            key="cl.period",
            label_visibility="collapsed",
        )
        or "day"
    )
    rows = checklists.items_for(items, period, ticks, day)
    done = progress[period]
    st.progress(done.fraction, text=ctx.t("cl.progress", done=done.done, total=done.total))
    if not rows:
        st.info(
            ctx.t("cl.nothing", period=ctx.t(f"checklists.period.{period}").lower()), icon=":material/info:"
        )
    with st.container(border=True):
        for row in rows:
            item = row.item
            widget = f"tick.{item.id}.{row.period_key}"
            minutes = ctx.t("checklists.minutes_each", minutes=i18n.number(item.minutes, ctx.lang))
            if item.count == 1:
                st.checkbox(
                    f"{escape(item.title(ctx.lang))} :gray[· {minutes}]",
                    value=row.done >= 1,
                    key=widget,
                    on_change=_tick,
                    args=(ctx, item, row.period_key, widget),
                )
                if item.id == CALENDAR_TASK:
                    calendar_this_week(ctx, day)
                if item.id == webcare_ui.TASK:
                    webcare_ui.checklist_line(ctx, day)
                if item.id == competitors_ui.TASK:
                    competitors_ui.checklist_link(ctx)
                continue
            left, right = st.columns([4, 1], vertical_alignment="center")
            strike = "~~" if row.complete else ""
            left.markdown(
                f"{strike}{escape(item.title(ctx.lang))}{strike}  \n:gray[{row.status(ctx.lang)} · {minutes}]"
            )
            right.number_input(
                ctx.t("cl.done_count"),
                min_value=0,
                max_value=item.count,
                step=1,
                value=row.done,
                key=widget,
                on_change=_tick,
                args=(ctx, item, row.period_key, widget),
            )
    if any(row.item.posts for row in rows):
        with st.expander(ctx.t("checklists.prepublish"), icon=":material/rule:"):
            st.markdown("\n".join(f"- {q}" for q in checklist_items.prepublish(ctx.lang)))
            st.caption(ctx.t("common.source", source=ctx.t("source.seed000")))


def over_notice(ctx: Ctx, work: Workload) -> None:
    """On the To do tab: a warning when the plan does not fit, pointing at the tab with the changes."""
    if not work.fits:
        st.warning(
            ctx.t(
                "workload.todo_over",
                hours=i18n.number(work.hours, ctx.lang, 1),
                available=i18n.number(work.available, ctx.lang, 1),
                tab=ctx.t("cl.tab.tune"),
            ),
            icon=":material/schedule:",
        )


def workload_panel(ctx: Ctx, work: Workload) -> None:
    """Hours a week of the plan against the hours available, with changes that would make it fit."""
    strategy = ctx.strategy
    assert strategy is not None
    st.subheader(ctx.t("cl.workload"))
    left, right = st.columns(2)
    left.metric(ctx.t("cl.plan_hours"), ctx.t("common.hours", n=i18n.number(work.hours, ctx.lang, 1)))
    right.metric(
        ctx.t("cl.available_hours"),
        ctx.t("common.hours", n=i18n.number(work.available, ctx.lang, 1)),
        delta=None if work.fits else "-" + ctx.t("common.hours", n=i18n.number(work.over, ctx.lang, 1)),
    )
    fit_message(ctx, work)
    st.caption(ctx.t("checklists.assumption"))
    for number, suggestion in enumerate(work.suggestions):
        if suggestion_box(ctx, suggestion, apply_key=f"apply.{number}"):
            strategy.checklist = workload.apply(strategy.checklist, suggestion.changes)
            if state.save_strategy(ctx.store, strategy, "checklists", ctx.lang):
                state.flash("success", ctx.t("cl.applied"))
            st.rerun()
    st.info(workload.cost_text(work.hours, ctx.lang), icon=":material/euro:")


def _table(ctx: Ctx, items: list[ChecklistItem]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": item.id,
                "enabled": item.enabled,
                "task": item.text(ctx.lang),
                "platform": checklist_items.platform_name(item.platform, ctx.lang) if item.platform else "",
                "period": item.period,
                "count": item.count,
                "minutes": item.minutes,
            }
            for item in items
        ]
    ).set_index("id")


def tune_panel(ctx: Ctx, items: list[ChecklistItem]) -> None:
    """Switch tasks off, change counts, cadences and durations; add own tasks."""
    strategy = ctx.strategy
    assert strategy is not None
    st.subheader(ctx.t("cl.tune"))
    st.caption(ctx.t("cl.tune_help"))
    periods = list(PERIODS)
    table = _table(ctx, items)
    edited = st.data_editor(
        table,
        key="cl.editor",
        hide_index=True,
        width="stretch",
        disabled=["task", "platform"],
        column_config={  # widths that fit the page's 704 px, so no column is cut off
            "enabled": st.column_config.CheckboxColumn(ctx.t("cl.col.enabled"), width=64),
            "task": st.column_config.TextColumn(ctx.t("cl.col.task"), width=248),
            "platform": st.column_config.TextColumn(ctx.t("field.platform"), width=92),
            "period": st.column_config.SelectboxColumn(
                ctx.t("cl.col.period"),
                options=periods,
                required=True,
                width=110,
                format_func=lambda p: ctx.t(f"cl.every.{p}"),
            ),
            "count": st.column_config.NumberColumn(
                ctx.t("cl.col.count_short"),
                min_value=1,
                max_value=1000,
                step=1,
                width=90,
                help=ctx.t("cl.col.count")
                + ". "
                + ctx.t("walkinput.range", low=1, high=i18n.number(1000, ctx.lang)),
            ),
            "minutes": st.column_config.NumberColumn(
                ctx.t("cl.col.minutes_short"),
                min_value=0,
                max_value=480,
                step=1,
                width=90,
                help=ctx.t("cl.col.minutes")
                + ". "
                + ctx.t("checklists.assumption")
                + " "
                + ctx.t("walkinput.range", low=0, high=480),
            ),
        },
    )
    if st.button(ctx.t("cl.save"), type="primary", icon=":material/save:"):
        rows = [{"id": task_id, **values} for task_id, values in edited.to_dict("index").items()]
        strategy.checklist = checklist_items.tune(strategy, rows)
        if state.save_strategy(ctx.store, strategy, "checklists", ctx.lang):
            state.flash("success", ctx.t("cl.saved"))
            st.session_state.pop("cl.editor", None)
        st.rerun()

    with st.form("cl.add", clear_on_submit=True):
        st.markdown(f"**{ctx.t('cl.add')}**")
        label = st.text_input(
            ctx.t("cl.col.task"),
            key="cl.add.label",
            max_chars=TASK_MAX,
            help=ctx.t("walkinput.max_chars", max=TASK_MAX),
        )
        cols = st.columns(4)
        period = cols[0].selectbox(
            ctx.t("cl.col.period"), periods, index=1, format_func=lambda p: ctx.t(f"cl.every.{p}")
        )
        count = cols[1].number_input(
            ctx.t("cl.col.count"),
            min_value=1,
            max_value=1000,
            value=1,
            help=ctx.t("walkinput.range", low=1, high=i18n.number(1000, ctx.lang)),
        )
        minutes = cols[2].number_input(
            ctx.t("cl.col.minutes"),
            min_value=0,
            max_value=480,
            value=15,
            help=ctx.t("walkinput.range", low=0, high=480),
        )
        options: list[str | None] = [None, *(p.platform.value for p in strategy.platforms)]
        platform = cols[3].selectbox(
            ctx.t("field.platform"),
            options,
            format_func=lambda p: ctx.t("checklists.general") if p is None else ctx.t(f"platform.{p}"),
        )
        if st.form_submit_button(ctx.t("cl.add_button"), icon=":material/add:"):
            if not label.strip():
                st.error(ctx.t("cl.label_required"), icon=":material/error:")
            else:
                task = CustomTask(label=label, period=period, count=count, minutes=minutes, platform=platform)
                strategy.checklist = strategy.checklist.model_copy(
                    update={"custom": [*strategy.checklist.custom, task]}
                )
                state.save_strategy(ctx.store, strategy, "checklists", ctx.lang)
                st.rerun()
    own = strategy.checklist.custom
    if own:
        remove = st.multiselect(
            ctx.t("cl.remove_own"),
            [t.id for t in own],
            format_func={t.id: t.label for t in own}.__getitem__,
            placeholder=ctx.t("common.choose"),
        )
        if remove and st.button(ctx.t("cl.remove_button"), icon=":material/delete:"):
            strategy.checklist = strategy.checklist.model_copy(
                update={"custom": [t for t in own if t.id not in remove]}
            )
            state.save_strategy(ctx.store, strategy, "checklists", ctx.lang)
            st.rerun()


def export_panel(ctx: Ctx, items: list[ChecklistItem], day: date) -> None:
    """The recurring tasks as an iCalendar file and as a printable PDF page."""
    strategy = ctx.strategy
    assert strategy is not None
    st.subheader(ctx.t("cl.export"))
    st.write(ctx.t("cl.export_help"))
    weekends = st.checkbox(
        ctx.t("calendar.weekends"), key="cl.weekends", help=ctx.t("calendar.weekends_help")
    )
    slug = exports.slug(strategy.name)
    left, right = st.columns(2)
    try:
        ics = to_ics(items, ctx.lang, day, scope=strategy.id, weekends=weekends)
    except DayTooFull as full:
        hours = i18n.number(full.minutes / 60, ctx.lang, 1)
        left.warning(ctx.t("calendar.too_full", hours=hours), icon=":material/event_busy:")
    else:
        left.download_button(
            ctx.t("cl.ics"),
            data=ics,
            file_name=f"{slug}-checklists.ics",
            mime="text/calendar",
            icon=":material/calendar_month:",
        )
    right.download_button(
        ctx.t("calendar.pdf"),
        data=lambda: checklist_pdf(strategy, ctx.lang),
        file_name=f"{slug}-checklists.pdf",
        mime="application/pdf",
        icon=":material/print:",
    )
