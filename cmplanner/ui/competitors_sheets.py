"""The Competitors page's sheets: a block pasted from a spreadsheet, or a CSV/XLSX upload with a column mapping.

Both are read by ``cmplanner.competitors.sheets`` into the log's rows and checked by the log's own rules before
anything is saved; the page shows what was read, the problems, and a save (and confirm) button. Saving is all or
nothing, and checks again against what is stored at that moment.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from cmplanner import i18n, weeklog
from cmplanner.competitors import log, sheets
from cmplanner.models import COMPETITOR_FIELDS, CompetitorWeek, Platform
from cmplanner.store import COMPETITOR_WEEKS
from cmplanner.ui.competitors_log import bullets, checks, flash, store_rows
from cmplanner.ui.shell import Ctx, escape

PASTE = "cp.paste.text"
PASTE_WEEK = "cp.paste.week"
PASTE_PLATFORM = "cp.paste.platform"
UPLOAD_VERSION = "cp.upload.version"
UPLOAD_WEEK = "cp.upload.week"
UPLOAD_PLATFORM = "cp.upload.platform"
SKIP = "skip"
FROM_SHEET = "sheet"
MAP_COLUMNS = 4


def target_label(ctx: Ctx, target: str) -> str:
    """What a column can hold, short enough for a mapping choice."""
    if target == SKIP:
        return ctx.t("cp.map.skip")
    return ctx.t("competitors.col.followers" if target == "followers" else f"field.{target}")


def _upload_key() -> str:
    return f"cp.upload.file.{st.session_state.get(UPLOAD_VERSION, 0)}"


def _given(ctx: Ctx, today: date, week_key: str, platform_key: str) -> tuple[str, Platform | None]:
    """The week and platform for rows that do not say (a sheet without such a column)."""
    strategy = ctx.strategy
    assert strategy is not None
    weeks = weeklog.recent_weeks(today)
    followed = [p for p in Platform if any(p in c.handles for c in strategy.competitors)]
    left, right = st.columns(2)
    week = left.selectbox(
        ctx.t("cp.sheet.week"),
        weeks,
        key=week_key,
        format_func=lambda w: weeklog.week_label(w, ctx.lang),
        help=ctx.t("cp.sheet.week_help"),
    )
    platform = right.selectbox(
        ctx.t("cp.sheet.platform"),
        [FROM_SHEET, *(p.value for p in followed)],
        key=platform_key,
        format_func=lambda p: (
            ctx.t("cp.sheet.platform_from_sheet") if p == FROM_SHEET else ctx.t(f"platform.{p}")
        ),
        help=ctx.t("cp.sheet.platform_help"),
    )
    return week, _platform(platform)


def _platform(value: str | None) -> Platform | None:
    """The platform chosen for rows without one; None: the sheet says (or the competitor's only platform)."""
    return None if not value or value == FROM_SHEET else Platform(value)


def _cell(value: Any, lang: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return i18n.number(value, lang, 0 if float(value).is_integer() else 2)
    return str(value)


def preview(ctx: Ctx, rows: Sequence[dict[str, Any]]) -> None:
    """The rows as read, before they are saved (values as text: a cell that is no number is shown as it is)."""
    columns = ["name", "platform", "week", *COMPETITOR_FIELDS, "note"]
    frame = pd.DataFrame(
        [
            {
                "name": row.get("name", ""),
                "platform": ctx.t(f"platform.{row['platform']}"),
                "week": row.get("week", ""),
            }
            | {name: _cell(row.get(name), ctx.lang) for name in (*COMPETITOR_FIELDS, "note")}
            for row in rows
        ],
        columns=columns,
    )
    labels = {
        "name": "field.competitor",
        "platform": "field.platform",
        "week": "field.week",
        "note": "field.note",
    }
    config = {name: st.column_config.TextColumn(ctx.t(labels.get(name, f"field.{name}"))) for name in columns}
    st.caption(ctx.tn("cp.sheet.read", len(rows)))
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config)


def _check(
    ctx: Ctx, sheet: sheets.Sheet, stored: Sequence[CompetitorWeek], confirmed: bool, source: str
) -> Any:
    strategy = ctx.strategy
    assert strategy is not None
    return log.validate(strategy.competitors, sheet.rows, stored, ctx.lang, confirmed, source=source)


def _outcome(ctx: Ctx, sheet: sheets.Sheet, stored: Sequence[CompetitorWeek], prefix: str, save: Any) -> None:
    """What was read (``prefix``: ``paste`` or ``upload``), what is wrong with it, and the buttons to save it."""
    if sheet.errors:
        st.error(bullets(ctx.t(f"cp.{prefix}.fix"), sheet.errors), icon=":material/error:")
        return
    if not sheet.rows:
        st.info(ctx.t("cp.sheet.no_rows"), icon=":material/info:")
        return
    preview(ctx, sheet.rows)
    result = _check(ctx, sheet, stored, False, prefix)
    checks(ctx, result, f"cp.{prefix}.confirm", save, (ctx, True))
    st.button(
        ctx.tn("cp.sheet.save", len(sheet.rows)),
        key=f"cp.{prefix}.save",
        type="primary",
        on_click=save,
        args=(ctx, False),
        icon=":material/save:",
        disabled=bool(result.errors),
    )


# -- paste -------------------------------------------------------------------------------------------------------


def _read_paste(ctx: Ctx) -> sheets.Sheet:
    strategy = ctx.strategy
    assert strategy is not None
    return sheets.read_paste(
        str(st.session_state.get(PASTE) or ""),
        strategy.competitors,
        ctx.lang,
        platform=_platform(st.session_state.get(PASTE_PLATFORM)),
        week=st.session_state.get(PASTE_WEEK),
    )


def _save_paste(ctx: Ctx, confirmed: bool) -> None:
    """Save button callback: read the block again, check it against what is stored now, save all or nothing."""
    strategy = ctx.strategy
    assert strategy is not None
    sheet = _read_paste(ctx)
    if sheet.errors:
        return flash("error", ctx.t("log.not_saved.errors"))
    stored = ctx.store.rows(strategy.id, COMPETITOR_WEEKS)
    if store_rows(ctx, _check(ctx, sheet, stored, confirmed, "paste")):
        st.session_state[PASTE] = ""


def paste_panel(ctx: Ctx, today: date, stored: Sequence[CompetitorWeek]) -> None:
    """A text box for a block copied from a spreadsheet, what it reads as, and the save button."""
    st.markdown(f"**{ctx.t('cp.paste.title')}**")
    st.caption(ctx.t("cp.paste.help"))
    st.text_area(ctx.t("cp.paste.label"), key=PASTE, height=140, placeholder=ctx.t("cp.paste.placeholder"))
    _given(ctx, today, PASTE_WEEK, PASTE_PLATFORM)
    if str(st.session_state.get(PASTE) or "").strip():
        _outcome(ctx, _read_paste(ctx), stored, "paste", _save_paste)


# -- upload ------------------------------------------------------------------------------------------------------


def _mapping(ctx: Ctx, file_id: str, headers: Sequence[str]) -> dict[str, str]:
    """One choice per column of the sheet: what it holds (first guess from its header), or skip it."""
    suggested = sheets.suggest_mapping(headers)
    options = [SKIP, *sheets.TARGETS]
    mapping: dict[str, str] = {}
    columns = st.columns(MAP_COLUMNS)
    for index, header in enumerate(headers):
        with columns[index % MAP_COLUMNS]:
            mapping[header] = st.selectbox(
                escape(header),
                options,
                index=options.index(suggested.get(header, SKIP)),
                key=f"cp.map.{file_id}.{index}",
                format_func=lambda t: target_label(ctx, t),
            )
    return mapping


def _read_upload(ctx: Ctx, upload: Any, mapping: dict[str, str]) -> sheets.Sheet:
    strategy = ctx.strategy
    assert strategy is not None
    return sheets.read(
        upload.name,
        upload.getvalue(),
        mapping,
        strategy.competitors,
        ctx.lang,
        platform=_platform(st.session_state.get(UPLOAD_PLATFORM)),
        week=st.session_state.get(UPLOAD_WEEK),
    )


def _chosen_mapping(upload: Any, headers: Sequence[str]) -> dict[str, str]:
    """The mapping as the selectboxes hold it (in a callback, before the page draws them again)."""
    suggested = sheets.suggest_mapping(headers)
    return {
        header: st.session_state.get(f"cp.map.{upload.file_id}.{index}", suggested.get(header, SKIP))
        for index, header in enumerate(headers)
    }


def _save_upload(ctx: Ctx, confirmed: bool) -> None:
    """Save button callback: read the file again with the mapping, check, save all or nothing."""
    strategy = ctx.strategy
    assert strategy is not None
    upload = st.session_state.get(_upload_key())
    if upload is None:
        return None
    headers, _ = sheets.columns(upload.name, upload.getvalue(), ctx.lang)
    sheet = _read_upload(ctx, upload, _chosen_mapping(upload, headers))
    if sheet.errors:
        return flash("error", ctx.t("log.not_saved.errors"))
    stored = ctx.store.rows(strategy.id, COMPETITOR_WEEKS)
    if store_rows(ctx, _check(ctx, sheet, stored, confirmed, "upload")):
        st.session_state[UPLOAD_VERSION] = st.session_state.get(UPLOAD_VERSION, 0) + 1
    return None


def upload_panel(ctx: Ctx, today: date, stored: Sequence[CompetitorWeek]) -> None:
    """A CSV/XLSX upload, the column mapping, what the sheet reads as, and the save button."""
    st.markdown(f"**{ctx.t('cp.upload.title')}**")
    st.caption(ctx.t("cp.upload.help"))
    upload = st.file_uploader(
        ctx.t("cp.upload.label"), type=["csv", "tsv", "txt", "xlsx", "xls"], key=_upload_key()
    )
    if upload is None:
        return
    headers, problem = sheets.columns(upload.name, upload.getvalue(), ctx.lang)
    if problem:
        st.error(escape(problem), icon=":material/error:")
        return
    st.markdown(f"**{ctx.t('cp.map.title')}**")
    st.caption(ctx.t("cp.map.help"))
    mapping = _mapping(ctx, upload.file_id, headers)
    _given(ctx, today, UPLOAD_WEEK, UPLOAD_PLATFORM)
    _outcome(ctx, _read_upload(ctx, upload, mapping), stored, "upload", _save_upload)
