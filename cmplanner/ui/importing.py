"""The import page's panels: the upload, one card per file (what it is, platform, column mapping, follower
baseline), the preview of the weeks it will write next to what is stored, and the import itself."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
import streamlit as st

from cmplanner import i18n, import_mappings, importers, weeklog
from cmplanner.import_mappings import Baseline, Outcome, Remember, Remembered
from cmplanner.importers import Detected, ImportProblem, Parsed
from cmplanner.importers.aliases import norm
from cmplanner.importers.reader import KNOWN_EXPORTS
from cmplanner.models import METRIC_FIELDS, Platform, WeekMetrics
from cmplanner.store import StoreError
from cmplanner.ui.shell import Ctx, escape, store_error_text

VERSION = "imp.version"
FLASH = "imp.flash"
MAPPING_COLUMNS = 4
"""Selectboxes per row in the column-mapping step."""
SPECIAL_TARGETS = frozenset({"date", "post_id", "followers_change"})
CHANGED_CELL = "background-color: rgba(255, 189, 69, 0.25)"
NEW_CELL = "background-color: rgba(33, 195, 84, 0.12)"

Failure = tuple[str, dict[str, Any]]
"""An ImportProblem as data (its key and params): what the cached readers return instead of raising."""
WAITING, FAILED = "waiting", "failed"
"""Why a file card gives no rows: it waits for an answer (platform, columns), or it cannot be imported."""


@dataclass
class Ready:
    """A file read into weekly rows, and what to remember for its platform when it is imported."""

    parsed: Parsed
    remember: Remember | None


# -- reading (cached: every widget change reruns the page) -------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def _detect(name: str, data: bytes) -> Detected | Failure:
    try:
        return importers.detect(name, data)
    except ImportProblem as problem:
        return problem.key, problem.params


@st.cache_data(show_spinner=False, max_entries=64)
def _read(
    name: str,
    data: bytes,
    platform: Platform,
    mapping: tuple[tuple[str, str], ...] | None,
    baseline: int | None,
    today: date,
) -> Parsed | Failure:
    try:
        return importers.read(
            name,
            data,
            platform=platform,
            mapping=dict(mapping) if mapping is not None else None,
            baseline_followers=baseline,
            today=today,
        )
    except ImportProblem as problem:
        return problem.key, problem.params


def _problem(ctx: Ctx, result: object) -> str | None:
    """Show a failed read: WAITING for a mapping still incomplete (a warning), else FAILED (an error)."""
    if not isinstance(result, tuple):
        return None
    key, params = result
    message = ImportProblem(key, **params).message(ctx.lang)
    if key.startswith("import.mapping."):
        st.warning(escape(message), icon=":material/rule:")
        return WAITING
    st.error(escape(message), icon=":material/error:")
    return FAILED


# -- the upload ------------------------------------------------------------------------------------------------


def uploader_key() -> str:
    """The uploader's widget key; a new one after an import empties the upload."""
    return f"imp.files.{st.session_state.get(VERSION, 0)}"


def uploader(ctx: Ctx) -> list[Any]:
    """The drop zone for one or more exports."""
    files = st.file_uploader(
        ctx.t("importpage.files"),
        accept_multiple_files=True,
        key=uploader_key(),
        help=ctx.t("importpage.files_help"),
        max_upload_size=importers.MAX_BYTES // (1024 * 1024),
    )
    return list(files or [])


def where_to_find(ctx: Ctx) -> None:
    """Where each platform's export is found, for a first visit."""
    with st.expander(ctx.t("importpage.where"), icon=":material/help:"):
        st.markdown(ctx.t("importpage.where_text"))


# -- one card per file -----------------------------------------------------------------------------------------


def _platform_label(ctx: Ctx, platform: Platform | str) -> str:
    return ctx.t(f"platform.{Platform(platform).value}")


def _target_label(ctx: Ctx, target: str) -> str:
    if not target:
        return ctx.t("import.target.skip")
    return ctx.t(f"import.target.{target}") if target in SPECIAL_TARGETS else ctx.t(f"field.{target}")


def _pick_platform(ctx: Ctx, key: str, planned: list[Platform], default: Platform | None) -> Platform | None:
    """Which platform a file is for, when the file does not say."""
    choice: Platform | None = st.selectbox(
        ctx.t("importpage.platform"),
        planned,
        index=planned.index(default) if default in planned else None,
        format_func=lambda p: _platform_label(ctx, p),
        placeholder=ctx.t("importpage.platform_placeholder"),
        key=key,
        help=ctx.t("importpage.platform_help"),
    )
    return choice


def _mapping_step(
    ctx: Ctx, key: str, headers: Sequence[str], remembered: Remembered | None
) -> dict[str, str]:
    """One selectbox per column of a file no known shape fits: what the column holds. Starts from the mapping
    remembered for the platform when it fits the file, else from a guess by the column names."""
    known = remembered.mapping if remembered and remembered.mapping else None
    reuse = known is not None and import_mappings.mapping_fits(known, headers)
    start = known if reuse and known else importers.suggest_mapping(list(headers))
    by_norm = {norm(column): target for column, target in start.items()}
    options = ["", *importers.MAPPING_TARGETS]
    mapping: dict[str, str] = {}
    with st.expander(ctx.t("importpage.mapping"), expanded=not reuse, icon=":material/table_view:"):
        st.caption(ctx.t("importpage.mapping_remembered" if reuse else "importpage.mapping_help"))
        for first in range(0, len(headers), MAPPING_COLUMNS):
            row = list(enumerate(headers[first : first + MAPPING_COLUMNS], first))
            for cell, (index, header) in zip(st.columns(MAPPING_COLUMNS), row, strict=False):
                default = by_norm.get(norm(header), "")
                target = cell.selectbox(
                    header,
                    options,
                    index=options.index(default) if default in options else 0,
                    format_func=lambda t: _target_label(ctx, t),
                    key=f"{key}.{index}",
                )
                if target:
                    mapping[header] = target
    return mapping


def _baseline_step(
    ctx: Ctx,
    key: str,
    platform: Platform,
    first_day: date,
    stored: Sequence[WeekMetrics],
    remembered: Remembered | None,
) -> int | None:
    """The follower count on the day before the file starts, proposed from what is known."""
    proposal, source = import_mappings.baseline_for(platform, first_day, stored, remembered)
    day_before = i18n.day(first_day - timedelta(days=1), ctx.lang, "d MMMM yyyy")
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    value = left.number_input(
        ctx.t("importpage.baseline", platform=_platform_label(ctx, platform), day=day_before),
        min_value=0,
        max_value=weeklog.MAX_VALUE,
        value=proposal,
        step=1,
        format="%d",
        key=f"{key}.{first_day.isoformat()}.{proposal}",
        placeholder=ctx.t("importpage.baseline_placeholder"),
        help=ctx.t("importpage.baseline_help"),
    )
    note = {
        "remembered": ctx.t("importpage.baseline_remembered"),
        "log": ctx.t("importpage.baseline_from_log"),
        "none": ctx.t("importpage.baseline_none"),
    }[source]
    right.caption(note)
    return None if value is None else int(value)


def _summary(ctx: Ctx, parsed: Parsed) -> None:
    """``12 weeks · 2 Mar 2026 – 24 May 2026`` and the notes that come with the file."""
    weeks = len(parsed.rows)
    text = ctx.tn("importpage.weeks", weeks)
    if parsed.date_range:
        first, last = parsed.date_range
        text += f" · {i18n.day(first, ctx.lang)} – {i18n.day(last, ctx.lang)}"
    st.markdown(f":material/check_circle: {text}")
    for note in parsed.problems:
        st.caption(f":material/info: {ctx.t(note)}")


def _platform_and_mapping(
    ctx: Ctx,
    key: str,
    detected: Detected,
    planned: list[Platform],
    remembered: Mapping[Platform, Remembered],
    guess: Platform | None,
) -> tuple[Platform, dict[str, str] | None] | str:
    """The file's platform (asked when the file does not say) and, for a file no shape fits, its column mapping
    (``guess``: the platform whose remembered mapping fits the file)."""
    if detected.shape != "generic":
        platform = detected.platform or _pick_platform(ctx, f"{key}.platform", planned, None)
        return (platform, None) if platform else WAITING
    if not detected.headers:
        st.error(escape(ctx.t("import.no_table", name=detected.file_name)), icon=":material/error:")
        return FAILED
    if guess is None:
        shown = ", ".join(detected.headers[:40]) + (" …" if len(detected.headers) > 40 else "")
        st.info(
            escape(ctx.t("import.unknown", name=detected.file_name, headers=shown, shapes=KNOWN_EXPORTS)),
            icon=":material/help:",
        )
    platform = _pick_platform(ctx, f"{key}.platform", planned, guess)
    if platform is None:
        return WAITING
    mapping = _mapping_step(ctx, f"{key}.map.{platform.value}", detected.headers, remembered.get(platform))
    return (platform, mapping) if mapping else WAITING


def _not_planned(ctx: Ctx, name: str, platform: Platform) -> str:
    assert ctx.strategy is not None
    text = ctx.t("importpage.not_planned", name=name, platform=_platform_label(ctx, platform))
    st.error(escape(text), icon=":material/error:")
    st.page_link(
        "pages/2_platforms.py",
        label=ctx.t("log.to_platforms"),
        icon=":material/apps:",
        query_params={"s": ctx.strategy.id},
    )
    return FAILED


def file_card(
    ctx: Ctx,
    upload: Any,
    stored: Sequence[WeekMetrics],
    remembered: Mapping[Platform, Remembered],
    today: date,
) -> Ready | str:
    """One uploaded file: what it was recognised as, the questions it needs answered, what it gives.

    Returns the file read into weekly rows, else WAITING or FAILED; the card says why.
    """
    assert ctx.strategy is not None
    name, data, key = upload.name, upload.getvalue(), f"imp.{upload.file_id}"
    planned = [plan.platform for plan in ctx.strategy.platforms]
    with st.container(border=True):
        with st.spinner(ctx.t("importpage.reading", name=escape(name))):
            detected = _detect(name, data)
        if isinstance(detected, tuple):
            st.markdown(f":material/description: **{escape(name)}**")
            return _problem(ctx, detected) or FAILED
        guess = None
        if detected.shape != "generic":
            label = importers.describe(detected, ctx.lang)
        elif guess := import_mappings.platform_for(detected.headers, remembered, planned):
            label = f"{_platform_label(ctx, guess)} · {ctx.t('import.shape.generic')}"
        else:
            label = ctx.t("importpage.not_recognised")
        st.markdown(f":material/description: **{escape(name)}** · {escape(label)}")
        answer = _platform_and_mapping(ctx, key, detected, planned, remembered, guess)
        if isinstance(answer, str):
            return answer
        platform, mapping = answer
        if platform not in planned:
            return _not_planned(ctx, name, platform)
        frozen = tuple(sorted(mapping.items())) if mapping is not None else None
        with st.spinner(ctx.t("importpage.reading", name=escape(name))):
            parsed = _read(name, data, platform, frozen, None, today)
        if isinstance(parsed, tuple):
            return _problem(ctx, parsed) or FAILED
        baseline: Baseline | None = None
        if parsed.needs_baseline and parsed.date_range:
            first_day = parsed.date_range[0]
            followers = _baseline_step(
                ctx, f"{key}.baseline", platform, first_day, stored, remembered.get(platform)
            )
            if followers is not None:
                with st.spinner(ctx.t("importpage.reading", name=escape(name))):
                    again = _read(name, data, platform, frozen, followers, today)
                if isinstance(again, tuple):
                    return _problem(ctx, again) or FAILED
                parsed, baseline = again, Baseline(followers, first_day)
        _summary(ctx, parsed)
        if not parsed.rows:
            st.warning(ctx.t("importpage.no_rows"), icon=":material/warning:")
            return FAILED
        remember = Remember(platform, mapping, baseline) if mapping or baseline else None
        return Ready(parsed, remember)


# -- the preview and the import -------------------------------------------------------------------------------


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
    """One line per week and platform: its status, then each figure (``old → new`` where it changes)."""
    before = {(row.platform, row.week): row for row in stored}
    order = list(Platform)
    lines = []
    for row, status in sorted(outcome.plan, key=lambda item: (order.index(item[0].platform), item[0].week)):
        old = before.get((row.platform, row.week))
        line = {
            "status": ctx.t(f"importpage.status.{status}"),
            "platform": _platform_label(ctx, row.platform),
            "week": weeklog.week_label(row.week, ctx.lang),
        }
        for name in fields:
            new_value, old_value = getattr(row, name), getattr(old, name) if old else None
            if status == "changed" and new_value != old_value:
                line[name] = f"{_cell(ctx, old_value)} → {_cell(ctx, new_value)}"
            else:
                line[name] = _cell(ctx, new_value)
        lines.append(line)
    return pd.DataFrame(lines, columns=["status", "platform", "week", *fields])


def _style(frame: pd.DataFrame, new_label: str) -> Any:
    """Changed cells and new rows tinted, so the eye finds what the import does."""

    def row_style(line: pd.Series) -> list[str]:
        if line["status"] == new_label:
            return [NEW_CELL] * len(line)
        return [CHANGED_CELL if isinstance(v, str) and "→" in v else "" for v in line]

    return frame.style.apply(row_style, axis=1)


def counts_text(ctx: Ctx, outcome: Outcome, unchanged: bool = True) -> list[str]:
    """``Instagram: 6 weeks (3 new, 2 changed, 1 unchanged)``, one line per platform (written weeks only if not
    ``unchanged``)."""
    lines = []
    for platform, counts in outcome.per_platform.items():
        kinds = [("new", counts.new), ("changed", counts.changed)]
        if unchanged:
            kinds.append(("unchanged", counts.unchanged))
        parts = [ctx.t(f"log.count.{kind}", n=n) for kind, n in kinds if n]
        if parts:
            total = sum(n for _, n in kinds)
            lines.append(
                ctx.tn(
                    "importpage.platform_counts",
                    total,
                    platform=_platform_label(ctx, platform),
                    details=", ".join(parts),
                )
            )
    return lines


def _flash(kind: str, text: str) -> None:
    st.session_state[FLASH] = (kind, text)


def _import(ctx: Ctx, ready: Sequence[Ready]) -> None:
    """Import button callback: write every file's weeks (merged onto the store) and what to remember, or nothing."""
    strategy = ctx.strategy
    assert strategy is not None
    rows = [row for item in ready for row in item.parsed.rows]
    remember = [item.remember for item in ready if item.remember]
    try:  # the rows are merged inside the write, onto what is stored then: nothing to refuse
        done = ctx.store.update(strategy.id, lambda edit: import_mappings.write(edit, rows, remember)).result
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


def preview_panel(
    ctx: Ctx,
    ready: Sequence[Ready],
    stored: Sequence[WeekMetrics],
    waiting: Sequence[str],
    failed: Sequence[str],
) -> None:
    """What the import will write next to what is stored, and the one Import button."""
    st.subheader(ctx.t("importpage.preview"))
    if failed:
        st.warning(escape(ctx.t("importpage.left_out", names=_names(failed))), icon=":material/warning:")
    if waiting:
        st.info(escape(ctx.t("importpage.waiting", names=_names(waiting))), icon=":material/pending:")
    if not ready:
        st.caption(ctx.t("importpage.nothing_ready"))
        return
    rows = [row for item in ready for row in item.parsed.rows]
    outcome = import_mappings.outcome(importers.diff(rows, stored))
    fields = _fields(rows)
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
    if not outcome.written:
        st.info(ctx.t("importpage.all_stored"), icon=":material/info:")
    st.button(
        ctx.t("importpage.import"),
        key="imp.import",
        type="primary",
        icon=":material/upload:",
        on_click=_import,
        args=(ctx, list(ready)),
    )
