"""The Competitors page's weekly log: the week picker, one editable row per competitor and platform with the live
checks and the save (and confirm) buttons, and the recent weeks. The same rules and messages as the weekly log
(``cmplanner.competitors.log``); a saved week is corrected by picking it again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from cmplanner.competitors import log
from cmplanner.models import COMPETITOR_FIELDS, CompetitorWeek
from cmplanner.store import COMPETITOR_WEEKS
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, escape
from cmplanner.ui.week_picker import week_picker as pick_week

SCOPE = "competitors"
WEEK = "cp.week"
FLASH = "cp.flash"
VERSION = "cp.version"
DTYPES = dict.fromkeys(COMPETITOR_FIELDS, "Float64")
"""Nullable floats, as in the weekly log: an empty cell stays empty and 12.5 reaches the checks (not rounded)."""
BOXES = {"success": st.success, "error": st.error, "warning": st.warning, "info": st.info}
ICONS = state.ICONS


def editor_key(week: str) -> str:
    """The editor's widget key for a week; a save moves to a new key, so the editor shows what is stored."""
    return f"cp.editor.{week}.{st.session_state.get(VERSION, 0)}"


def flash(kind: str, text: str) -> None:
    """A message for the panel that saved, shown on the next run."""
    st.session_state[FLASH] = (kind, text)


def show_flash() -> None:
    """The message of the last save on this page (drawn at the top of the panel the user is in)."""
    shown = st.session_state.pop(FLASH, None)
    if shown:
        BOXES[shown[0]](shown[1], icon=ICONS[shown[0]])


def bullets(header: str, lines: Sequence[str]) -> str:
    """A message with its lines as a Markdown list (the lines may hold competitor names: escaped)."""
    return header + "\n\n" + "\n".join(f"- {escape(line)}" for line in lines)


def checks(ctx: Ctx, result: log.Checked, confirm_key: str, on_confirm: Any, args: tuple) -> None:
    """The errors and the warnings of a check, with the confirm button when only warnings are left."""
    if result.errors:
        st.error(bullets(ctx.t("log.fix"), result.errors), icon=":material/error:")
    if result.warnings:
        st.warning(bullets(ctx.t("log.check"), result.warnings), icon=":material/warning:")
        if not result.errors:
            st.button(
                ctx.t("log.confirm"), key=confirm_key, on_click=on_confirm, args=args, icon=":material/check:"
            )


def store_rows(ctx: Ctx, result: log.Checked) -> bool:
    """Save checked rows (all or nothing) and flash what was saved; False when the store refused."""
    strategy = ctx.strategy
    assert strategy is not None
    if result.errors:
        flash("error", ctx.t("log.not_saved.errors"))
        return False
    if result.warnings:
        flash("warning", ctx.t("log.not_saved.confirm"))
        return False
    if not result.rows:
        flash("info", ctx.t("log.nothing"))
        return False
    saved = state.save(
        ctx.store, strategy, SCOPE, lambda edit: edit.put(COMPETITOR_WEEKS, result.rows), ctx.lang
    )
    if saved is None:
        return False
    done = saved.result
    flash("success", log.saved_text(done.new, done.changed, done.unchanged, ctx.lang))
    return True


def week_picker(ctx: Ctx, today: date, stored: Sequence[CompetitorWeek]) -> str:
    """The week to log (see ``ui.week_picker``); logged weeks are ticked."""
    return pick_week(ctx, today, {row.week for row in stored}, WEEK, ctx.t("cp.week_help"))


def _columns(ctx: Ctx) -> dict[str, Any]:
    config: dict[str, Any] = {
        "name": st.column_config.TextColumn(ctx.t("field.competitor"), disabled=True),
        "platform": st.column_config.TextColumn(ctx.t("field.platform"), disabled=True),
        "note": st.column_config.TextColumn(
            ctx.t("field.note"), max_chars=280, help=ctx.t("cp.note_help"), width="large"
        ),
    }
    helps = {"followers": ctx.t("log.followers_help"), "likes": ctx.t("cp.likes_help")}
    for name in COMPETITOR_FIELDS:
        config[name] = st.column_config.NumberColumn(ctx.t(f"field.{name}"), help=helps.get(name))
    return config


def _frame(ctx: Ctx, rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["name", "platform", *COMPETITOR_FIELDS, "note"]).astype(DTYPES)
    frame["platform"] = [ctx.t(f"platform.{row['platform']}") for row in rows]
    return frame


def _save(ctx: Ctx, week: str, confirmed: bool) -> None:
    """Save button callback: check the week's edits against what is stored now and save them all, or nothing."""
    strategy = ctx.strategy
    assert strategy is not None
    key = editor_key(week)
    stored = ctx.store.rows(strategy.id, COMPETITOR_WEEKS)
    base = log.rows_for_week(strategy.competitors, stored, week)
    edited = log.apply_edits(base, st.session_state.get(key))
    result = log.validate(strategy.competitors, edited, stored, ctx.lang, confirmed)
    if store_rows(ctx, result):
        del st.session_state[key]
        st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1


def editor_panel(ctx: Ctx, week: str, stored: Sequence[CompetitorWeek]) -> None:
    """One editable row per competitor and platform followed for the week, the live checks, save and confirm."""
    strategy = ctx.strategy
    assert strategy is not None
    key = editor_key(week)
    base = log.rows_for_week(strategy.competitors, stored, week)
    st.data_editor(
        _frame(ctx, base),
        key=key,
        hide_index=True,
        num_rows="fixed",
        width="stretch",
        placeholder="–",
        column_config=_columns(ctx),
    )
    result = log.validate(
        strategy.competitors, log.apply_edits(base, st.session_state.get(key)), stored, ctx.lang
    )
    checks(ctx, result, "cp.confirm", _save, (ctx, week, True))
    st.button(
        ctx.t("cp.save"),
        key="cp.save",
        type="primary",
        on_click=_save,
        args=(ctx, week, False),
        icon=":material/save:",
    )


def history_panel(ctx: Ctx, stored: Sequence[CompetitorWeek]) -> None:
    """The last logged weeks of every competitor, compact, for context."""
    strategy = ctx.strategy
    assert strategy is not None
    st.subheader(ctx.t("log.history", n=log.HISTORY_WEEKS))
    rows = log.history(strategy.competitors, stored)
    if not rows:
        st.caption(ctx.t("cp.history_empty"))
        return
    names = {competitor.id: competitor.name for competitor in strategy.competitors}
    frame = pd.DataFrame(
        [
            {
                "week": row.week,
                "name": names[row.competitor],
                "platform": ctx.t(f"platform.{row.platform.value}"),
            }
            | {name: getattr(row, name) for name in COMPETITOR_FIELDS}
            | {"note": row.note}
            for row in rows
        ],
        columns=["week", "name", "platform", *COMPETITOR_FIELDS, "note"],
    ).astype(DTYPES)
    config = {
        "week": st.column_config.TextColumn(ctx.t("field.week")),
        "name": st.column_config.TextColumn(ctx.t("field.competitor")),
        "platform": st.column_config.TextColumn(ctx.t("field.platform")),
        "note": st.column_config.TextColumn(ctx.t("field.note"), width="large"),
    } | {
        name: st.column_config.NumberColumn(ctx.t(f"field.{name}"), format="localized")
        for name in COMPETITOR_FIELDS
    }
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, placeholder="–")
