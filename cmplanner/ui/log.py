"""The weekly log page's panels: week picker, the editor with its checks and save, the recent weeks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from cmplanner import weeklog
from cmplanner.models import METRIC_FIELDS, WeekMetrics
from cmplanner.store import METRICS
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, escape, link_params
from cmplanner.ui.tables import editor_format, localized
from cmplanner.ui.week_picker import week_picker as pick_week

WEEK = "log.week"
SHOW_ALL = "log.all"
FLASH = "log.flash"
VERSION = "log.version"
DTYPES = dict.fromkeys(METRIC_FIELDS, "Float64")
"""Numeric columns, so the editor converts typed and pasted text to numbers; nullable, so an empty cell stays
empty. Floats even for counts: an integer column would round 12.5 (or a Dutch "1.234") silently, whereas now
``weeklog.validate`` sees it and says it is not a whole number."""
FLASH_BOXES = {"success": st.success, "error": st.error, "warning": st.warning, "info": st.info}


def editor_key(week: str) -> str:
    """The data editor's widget key for a week (its state holds the unsaved edits).

    A save moves to a new key, so the browser drops its copy of the saved edits and the editor shows the store.
    """
    return f"log.editor.{week}.{st.session_state.get(VERSION, 0)}"


def no_platforms(ctx: Ctx) -> None:
    """Empty state: nothing to log before the strategy has platforms."""
    st.info(ctx.t("log.no_platforms"), icon=":material/info:")
    params = link_params(ctx.strategy.id if ctx.strategy else None)
    st.page_link(
        "pages/2_platforms.py", label=ctx.t("log.to_platforms"), icon=":material/apps:", query_params=params
    )


def week_picker(ctx: Ctx, today: date, stored: Sequence[WeekMetrics]) -> str:
    """The week to log (see ``ui.week_picker``); logged weeks are ticked."""
    return pick_week(ctx, today, {row.week for row in stored}, WEEK, ctx.t("log.week_help"))


def _columns(ctx: Ctx) -> dict[str, Any]:
    config = {"platform": st.column_config.TextColumn(ctx.t("field.platform"), disabled=True)}
    for metric in METRIC_FIELDS:
        config[metric] = st.column_config.NumberColumn(
            ctx.t(f"field.{metric}"),
            format=editor_format(ctx.lang),
            help={
                "followers": ctx.t("log.followers_help"),
                "response_time_hours": ctx.t("log.response_time_help"),
            }.get(metric),
        )
    return config


def _frame(ctx: Ctx, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["platform", *METRIC_FIELDS]).astype(DTYPES)
    frame["platform"] = [ctx.t(f"platform.{row['platform']}") for row in rows]
    return frame


def _flash(kind: str, text: str) -> None:
    st.session_state[FLASH] = (kind, text)


def _save(ctx: Ctx, week: str, confirmed: bool, today: date) -> None:
    """Save button callback: check the edits again and upsert them all, or nothing; the outcome is flashed."""
    strategy = ctx.strategy
    assert strategy is not None
    key = editor_key(week)
    stored = ctx.store.weeks(strategy.id)
    base = weeklog.rows_for_week(strategy, stored, week, METRIC_FIELDS)
    edited = weeklog.apply_edits(base, st.session_state.get(key))
    result = weeklog.validate(strategy, week, edited, stored, ctx.lang, confirmed, today)
    if result.errors:
        return _flash("error", ctx.t("log.not_saved.errors"))
    if result.warnings:
        return _flash("warning", ctx.t("log.not_saved.confirm"))
    if not result.rows:
        return _flash("info", ctx.t("log.nothing"))
    saved = state.save(ctx.store, strategy, "log", lambda edit: edit.put(METRICS, result.rows), ctx.lang)
    if saved is None:
        return None
    _flash("success", weeklog.saved_text(saved.result, ctx.lang))
    del st.session_state[key]
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1


def _bullets(header: str, lines: Sequence[str]) -> str:
    return header + "\n\n" + "\n".join(f"- {escape(line)}" for line in lines)


def editor_panel(
    ctx: Ctx, week: str, stored: Sequence[WeekMetrics], fields: Sequence[str], today: date
) -> None:
    """One editable row per platform for the week, the live checks, and the save (and confirm) buttons."""
    strategy = ctx.strategy
    assert strategy is not None
    key = editor_key(week)
    base = weeklog.rows_for_week(strategy, stored, week, METRIC_FIELDS)
    st.data_editor(
        _frame(ctx, base),
        key=key,
        hide_index=True,
        num_rows="fixed",
        width="stretch",
        placeholder="–",
        column_order=["platform", *fields],  # hidden fields keep their stored values
        column_config=_columns(ctx),
    )
    check = weeklog.validate(
        strategy, week, weeklog.apply_edits(base, st.session_state.get(key)), stored, ctx.lang, today=today
    )
    flash = st.session_state.pop(FLASH, None)
    # a refused save and the live check it repeats are one message: the outcome heads the list, in one box
    error_head = flash[1] if flash and flash[0] == "error" and check.errors else ctx.t("log.fix")
    warning_head = flash[1] if flash and flash[0] == "warning" and check.warnings else ctx.t("log.check")
    if flash and flash[1] not in (error_head, warning_head):
        FLASH_BOXES[flash[0]](flash[1])
    if check.errors:
        st.error(_bullets(error_head, check.errors), icon=":material/error:")
    if check.warnings:
        st.warning(_bullets(warning_head, check.warnings), icon=":material/warning:")
        st.button(
            ctx.t("log.confirm"),
            key="log.confirm",
            on_click=_save,
            args=(ctx, week, True, today),
            icon=":material/check:",
        )
    st.button(
        ctx.t("log.save"),
        key="log.save",
        type="primary",
        on_click=_save,
        args=(ctx, week, False, today),
        icon=":material/save:",
    )


def history_panel(ctx: Ctx, stored: Sequence[WeekMetrics], fields: Sequence[str]) -> None:
    """The last logged weeks, compact, for context."""
    st.subheader(ctx.t("log.history", n=weeklog.HISTORY_WEEKS))
    rows = weeklog.history(stored)
    if not rows:
        st.caption(ctx.t("log.history_empty"))
        return
    frame = pd.DataFrame(
        [
            {"week": row.week, "platform": ctx.t(f"platform.{row.platform.value}")}
            | {metric: getattr(row, metric) for metric in fields}
            for row in rows
        ],
        columns=["week", "platform", *fields],
    ).astype({metric: DTYPES[metric] for metric in fields})
    config = {
        "week": st.column_config.TextColumn(ctx.t("field.week")),
        "platform": st.column_config.TextColumn(ctx.t("field.platform")),
    } | {metric: st.column_config.NumberColumn(ctx.t(f"field.{metric}")) for metric in fields}
    st.dataframe(
        localized(frame, ctx.lang, fields),
        hide_index=True,
        width="stretch",
        column_config=config,
        placeholder="–",
    )
