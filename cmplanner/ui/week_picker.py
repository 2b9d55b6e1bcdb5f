"""The week a log edits: ``?week=`` from the URL (a valid week, not after the current one), else the last complete
week; choosing another puts it in the URL, so a reload or a bookmark opens the same week. Shared by the weekly log
and the competitor log."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import streamlit as st

from cmplanner import periods, weeklog
from cmplanner.ui.shell import Ctx


def _wanted(today: date) -> str | None:
    raw = st.query_params.get("week")
    try:
        periods.parse_week(raw or "")
    except ValueError:
        return None
    return raw if raw and raw <= periods.week_key(today) else None


def _to_url(key: str) -> None:
    st.query_params["week"] = st.session_state[key]


def week_picker(ctx: Ctx, today: date, logged: Collection[str], key: str, help_text: str) -> str:
    """The week to log, chosen in a select box under ``key``; weeks in ``logged`` are ticked."""
    options = weeklog.recent_weeks(today)
    week = _wanted(today) or options[0]
    if week not in options:
        options = sorted([*options, week], reverse=True)
    st.session_state[key] = week
    st.selectbox(
        ctx.t("log.week"),
        options,
        key=key,
        format_func=lambda w: weeklog.week_label(w, ctx.lang) + (" ✓" if w in logged else ""),
        on_change=_to_url,
        args=(key,),
        help=help_text,
    )
    return week
