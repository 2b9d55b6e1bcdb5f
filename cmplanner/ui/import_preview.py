"""The import page's preview and import: the weeks the files will write next to what is stored (by the week
rule, see ``importers.planning``), the posts they bring (new, changed, unchanged), the rows no file could read,
and the one Import button; then what the import did."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from cmplanner import i18n, import_mappings, periods, weeklog
from cmplanner.import_mappings import Outcome
from cmplanner.importers.planning import ACCOUNT_FIELDS
from cmplanner.models import METRIC_FIELDS, Platform, WeekMetrics
from cmplanner.posts import weeks_from_posts
from cmplanner.store import POSTS, StoreError
from cmplanner.ui.import_questions import platform_label
from cmplanner.ui.shell import Ctx, escape, store_error_text, today

if TYPE_CHECKING:
    from cmplanner.ui.importing import Ready

VERSION = "imp.version"
FLASH = "imp.flash"
CHANGED_CELL = "background-color: rgba(255, 189, 69, 0.25)"
NEW_CELL = "background-color: rgba(33, 195, 84, 0.12)"


def _cell(ctx: Ctx, value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return i18n.number(value, ctx.lang, 1)
    return i18n.number(value, ctx.lang)


def _fields(rows: Sequence[WeekMetrics]) -> list[str]:
    """The figures the files carry, in the weekly log's order."""
    return [name for name in METRIC_FIELDS if any(getattr(row, name) is not None for row in rows)]


def preview_frame(
    ctx: Ctx, outcome: Outcome, stored: Sequence[WeekMetrics], fields: Sequence[str]
) -> pd.DataFrame:
    """One line per week and platform: its status, then each figure (``old → new`` where it changes). Where the
    week keeps an account-level figure from a daily series or a hand entry while its posts add up to another, the
    posts' sum follows in brackets: both are shown, and the week rule says which one counts."""
    before = {(row.platform, row.week): row for row in stored}
    from_posts = (
        {(row.platform, row.week): row for row in weeks_from_posts(outcome.posts.posts)}
        if outcome.posts
        else {}
    )
    order = list(Platform)
    lines = []
    for row, status in sorted(outcome.plan, key=lambda item: (order.index(item[0].platform), item[0].week)):
        old = before.get((row.platform, row.week))
        line = {
            "status": ctx.t(f"importpage.status.{status}"),
            "platform": platform_label(ctx, row.platform),
            "week": weeklog.week_label(row.week, ctx.lang),
        }
        for name in fields:
            new_value, old_value = getattr(row, name), getattr(old, name) if old else None
            if status == "changed" and new_value != old_value:
                line[name] = f"{_cell(ctx, old_value)} → {_cell(ctx, new_value)}"
            else:
                line[name] = _cell(ctx, new_value)
            summed = getattr(from_posts.get((row.platform, row.week)), name, None)
            if (
                name in ACCOUNT_FIELDS
                and summed is not None
                and new_value is not None
                and summed != new_value
            ):
                line[name] += " " + ctx.t("importpage.posts_sum", value=_cell(ctx, summed))
        lines.append(line)
    return pd.DataFrame(lines, columns=["status", "platform", "week", *fields])


def skipped_frame(ctx: Ctx, ready: Sequence[Ready]) -> pd.DataFrame:
    """Every row the files left out: file, line, column, value and why."""
    lines = [
        {
            "file": item.file,
            "line": item.line,
            "column": item.column or "–",
            "value": item.value or "–",
            "why": ctx.t(item.key, **item.params),
        }
        for card in ready
        for item in card.parsed.skipped
    ]
    return pd.DataFrame(lines, columns=["file", "line", "column", "value", "why"])


def _style(frame: pd.DataFrame, new_label: str) -> Any:
    """Changed cells and new rows tinted, so the eye finds what the import does."""

    def row_style(line: pd.Series) -> list[str]:
        if line["status"] == new_label:
            return [NEW_CELL] * len(line)
        return [CHANGED_CELL if isinstance(v, str) and "→" in v else "" for v in line]

    return frame.style.apply(row_style, axis=1)


def counts_text(ctx: Ctx, outcome: Outcome, unchanged: bool = True) -> list[str]:
    """``Instagram: 6 weeks (3 new, 2 changed, 1 unchanged) · 14 posts (12 new, 2 changed)``, one line per
    platform (written weeks and posts only if not ``unchanged``)."""
    posts = outcome.posts.counts() if outcome.posts else {}
    lines = []
    for platform in Platform:
        counts = outcome.per_platform.get(platform)
        week_kinds = [("new", counts.new), ("changed", counts.changed)] if counts else []
        post_kinds = [(k, posts[platform][k]) for k in ("new", "changed")] if platform in posts else []
        if unchanged:
            week_kinds += [("unchanged", counts.unchanged)] if counts else []
            post_kinds += [("unchanged", posts[platform]["unchanged"])] if platform in posts else []
        parts = []
        for key, kinds in (("importpage.week_counts", week_kinds), ("importpage.post_counts", post_kinds)):
            details = [ctx.t(f"log.count.{kind}", n=n) for kind, n in kinds if n]
            if details:
                parts.append(ctx.tn(key, sum(n for _, n in kinds), details=", ".join(details)))
        if parts:
            lines.append(f"{platform_label(ctx, platform)}: " + " · ".join(parts))
    if outcome.linked:
        lines.append(ctx.tn("importpage.linked", outcome.linked))
    return lines


def _flash(kind: str, text: str) -> None:
    st.session_state[FLASH] = (kind, text)


def _import(ctx: Ctx, ready: Sequence[Ready]) -> None:
    """Import button callback: write every file's weeks (by the week rule, onto the store) and what to remember,
    or nothing."""
    strategy = ctx.strategy
    assert strategy is not None
    remember = [item for card in ready for item in card.remember]
    files = [card.parsed for card in ready]
    try:  # planned inside the write, onto what is stored then: nothing to refuse
        done = ctx.store.update(
            strategy.id, lambda edit: import_mappings.write_files(edit, files, remember)
        ).result
    except StoreError as exc:
        return _flash("error", store_error_text(exc, ctx.lang))
    if not done.written:
        _flash("info", ctx.t("importpage.nothing_changed"))
    else:
        lines = counts_text(ctx, done, unchanged=False)
        header = ctx.tn("importpage.written", done.written)
        _flash("success", header + "\n\n" + "\n".join(f"- {line}" for line in lines))
    st.session_state[VERSION] = st.session_state.get(VERSION, 0) + 1  # an empty upload for the next files


def flash(ctx: Ctx) -> None:
    """What the last import did, with the ways to see its weeks."""
    shown = st.session_state.pop(FLASH, None)
    if not shown:
        return
    kind, text = shown
    icon = {"success": ":material/check_circle:", "info": ":material/info:", "error": ":material/error:"}[
        kind
    ]
    {"success": st.success, "info": st.info, "error": st.error}[kind](text, icon=icon)
    if kind != "error" and ctx.strategy is not None:
        params = {"s": ctx.strategy.id}
        left, right, _ = st.columns([1, 1, 3])
        with left:
            st.page_link(
                "pages/7_log.py",
                label=ctx.t("page.log"),
                icon=":material/edit_calendar:",
                query_params=params,
            )
        with right:
            st.page_link(
                "pages/9_tracker.py",
                label=ctx.t("page.tracker"),
                icon=":material/monitoring:",
                query_params=params,
            )


def _names(names: Sequence[str]) -> str:
    return ", ".join(f"“{name}”" for name in names)


def _skipped_table(ctx: Ctx, ready: Sequence[Ready]) -> None:
    frame = skipped_frame(ctx, ready)
    if frame.empty:
        return
    st.markdown(f"**{ctx.tn('importpage.skipped', len(frame))}**")
    st.caption(ctx.t("importpage.skipped_help"))
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=min(38 + 35 * len(frame), 320),
        column_config={
            "file": st.column_config.TextColumn(ctx.t("importpage.col.file")),
            "line": st.column_config.NumberColumn(ctx.t("importpage.col.line"), format="%d"),
            "column": st.column_config.TextColumn(ctx.t("importpage.col.column")),
            "value": st.column_config.TextColumn(ctx.t("importpage.col.value")),
            "why": st.column_config.TextColumn(ctx.t("importpage.col.why")),
        },
    )


def preview_panel(
    ctx: Ctx,
    ready: Sequence[Ready],
    stored: Sequence[WeekMetrics],
    waiting: Sequence[str],
    failed: Sequence[str],
) -> None:
    """What the import will write next to what is stored, the rows left out, and the one Import button."""
    assert ctx.strategy is not None
    st.subheader(ctx.t("importpage.preview"))
    if failed:
        st.warning(escape(ctx.t("importpage.left_out", names=_names(failed))), icon=":material/warning:")
    if waiting:
        st.info(escape(ctx.t("importpage.waiting", names=_names(waiting))), icon=":material/pending:")
    if not ready:
        st.caption(ctx.t("importpage.nothing_ready"))
        return
    files = [card.parsed for card in ready]
    outcome = import_mappings.planned(stored, files, ctx.rows(POSTS))
    fields = _fields([row for parsed in files for row in parsed.rows])  # what the files carry
    st.markdown("\n".join(f"- {escape(line)}" for line in counts_text(ctx, outcome)))
    frame = preview_frame(ctx, outcome, stored, fields)
    config: dict[str, Any] = {
        "status": st.column_config.TextColumn(ctx.t("importpage.col.status"), pinned=True),
        "platform": st.column_config.TextColumn(ctx.t("field.platform"), pinned=True),
        "week": st.column_config.TextColumn(ctx.t("field.week"), pinned=True),
    } | {
        name: st.column_config.TextColumn(
            ctx.t("kpi.followers" if name == "followers" else f"field.{name}"),
            help=ctx.t(f"field.{name}"),
            alignment="right",
        )
        for name in fields
    }
    st.dataframe(
        _style(frame, ctx.t("importpage.status.new")),
        hide_index=True,
        width="stretch",
        column_config=config,
        height=min(38 + 35 * len(frame), 460),
    )
    st.caption(ctx.t("importpage.preview_help"))
    _skipped_table(ctx, ready)
    if not outcome.written:
        st.info(ctx.t("importpage.all_stored"), icon=":material/info:")
    st.button(
        ctx.t("importpage.import"),
        key="imp.import",
        type="primary",
        icon=":material/upload:",
        on_click=_import,
        args=(ctx, list(ready)),
        disabled=not _odd_weeks_confirmed(ctx, outcome),
    )


def _odd_weeks_confirmed(ctx: Ctx, outcome: Outcome) -> bool:
    """Weeks before 2004 or more than a year ahead are named and must be confirmed before the import."""
    odd = sorted(
        {(row.week, row.platform) for row, _ in outcome.plan if not periods.plausible_week(row.week, today())}
    )
    if not odd:
        return True
    names = ", ".join(f"{ctx.t('platform.' + platform.value)} {week}" for week, platform in odd[:8])
    more = len(odd) - 8
    st.warning(
        ctx.tn(
            "importweeks.odd",
            len(odd),
            weeks=escape(names) + (ctx.t("importweeks.more", n=more) if more > 0 else ""),
        ),
        icon=":material/event_busy:",
    )
    return st.checkbox(ctx.t("importweeks.confirm"), key="imp.odd_ok")
