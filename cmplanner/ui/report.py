"""The report panel: format, language and cover details, and a download button that builds the file only when clicked.

``download_button(ctx)`` goes at the end of the strategy, tracker and review pages; the Reports page shows it next to
a preview. Client, author, report language, accent and logo are the strategy's branding (``Strategy.branding``),
saved as they are changed, so every page's panel and ``cmplanner report`` make the same report.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import streamlit as st

from cmplanner import branding, i18n, reports, tracker
from cmplanner.models import Branding
from cmplanner.reports import charts, content, inputs, style
from cmplanner.store import Edit, Store
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, today

SAVED_FORMAT = "report.format"
"""The last chosen format, for the session (the rest of the settings is the strategy's branding)."""
BRAND_FIELDS = ("lang", "client", "author", "accent")
_warm = threading.Event()


def _warm_up() -> None:
    """Start vl-convert's chart engine in the background once per process, so the first download is quick."""
    if not _warm.is_set():
        _warm.set()
        threading.Thread(target=charts.warm_up, daemon=True).start()


def _brand_values(ctx: Ctx, branding: Branding) -> dict[str, str]:
    """The panel's values as the strategy's branding says (defaults where it says nothing)."""
    return {
        "lang": branding.lang or ctx.lang,
        "client": branding.client,
        "author": branding.author,
        "accent": branding.accent or style.DEFAULT_ACCENT,
    }


def _seed(ctx: Ctx, key: str) -> None:
    """Put the strategy's branding into this panel's widget keys: when it changed (saved on another page or in
    another window) or when a widget forgot its value (Streamlit drops the state of widgets another page lacks)."""
    assert ctx.strategy is not None
    values = _brand_values(ctx, ctx.strategy.branding)
    stamp = repr((ctx.strategy.id, sorted(values.items())))
    changed = st.session_state.get(f"{key}.stamp") != stamp
    for name, value in values.items():
        if changed or f"{key}.{name}" not in st.session_state:
            st.session_state[f"{key}.{name}"] = value
    st.session_state[f"{key}.stamp"] = stamp
    if f"{key}.fmt" not in st.session_state:
        st.session_state[f"{key}.fmt"] = st.session_state.get(SAVED_FORMAT, "pdf")


def _save_branding(ctx: Ctx, update: dict[str, Any]) -> None:
    """Store a change of the branding with the strategy (the Reload message says when another window changed it)."""
    assert ctx.strategy is not None

    def change(edit: Edit) -> None:
        edit.strategy.branding = edit.strategy.branding.model_copy(update=update)

    state.save(ctx.store, ctx.strategy, "reports", change, ctx.lang)


def _field_changed(ctx: Ctx, key: str, name: str) -> None:
    value = st.session_state.get(f"{key}.{name}")
    if name in ("client", "author"):
        value = (value or "").strip()
        if len(reports.inert(value)) > inputs.MAX_NAME:
            return  # the panel shows the message; nothing half-saved
    elif name == "accent":
        value = "" if (value or "").upper() == style.DEFAULT_ACCENT else (value or "").upper()
    _save_branding(ctx, {name: value})


def _format_changed(key: str) -> None:
    st.session_state[SAVED_FORMAT] = st.session_state.get(f"{key}.fmt") or "pdf"


def _uploader_key(key: str) -> str:
    return f"{key}.logo.{st.session_state.get(f'{key}.logo_n', 0)}"


def _logo_uploaded(ctx: Ctx, key: str) -> None:
    """Check and re-encode an uploaded logo and save it; a bad file is explained under the uploader."""
    upload = st.session_state.get(_uploader_key(key))
    if upload is None:
        return
    try:
        logo = branding.logo_from_upload(upload.getvalue(), upload.name)
    except reports.ReportError as err:
        st.session_state[f"{key}.logo_error"] = err.text(ctx.lang)
        return
    st.session_state.pop(f"{key}.logo_error", None)
    _save_branding(ctx, {"logo": logo})
    st.session_state[f"{key}.logo_n"] = st.session_state.get(f"{key}.logo_n", 0) + 1  # an empty uploader


def _logo(ctx: Ctx, key: str) -> None:
    """The saved logo with a Remove button, else the uploader (and what was wrong with the last file)."""
    assert ctx.strategy is not None
    saved = ctx.strategy.branding.logo
    if saved is not None:
        st.caption(ctx.t("report.logo"))
        picture, name, remove = st.columns([1, 3, 2], vertical_alignment="center")
        picture.image(saved.raw(), width=64)
        name.caption(saved.name or ctx.t("branding.logo_saved"))
        remove.button(
            ctx.t("report.logo_remove"),
            key=f"{key}.logo_remove",
            type="tertiary",
            icon=":material/delete:",
            on_click=_save_branding,
            args=(ctx, {"logo": None}),
        )
        return
    st.file_uploader(
        ctx.t("report.logo"),
        type=["png", "jpg", "jpeg"],
        max_upload_size=inputs.MAX_LOGO_BYTES // 1_000_000,  # the limit the uploader states is the app's own
        key=_uploader_key(key),
        on_change=_logo_uploaded,
        args=(ctx, key),
        help=ctx.t("branding.logo_help"),
    )
    problem = st.session_state.get(f"{key}.logo_error")
    if problem:
        st.error(problem, icon=":material/error:")


def _build(store: Store, strategy_id: str, fmt: str, opts: reports.Options) -> bytes:
    data, _ = reports.build(store, strategy_id, fmt, opts)
    return data


def settings(
    ctx: Ctx, quarter: str | None = None, key: str = "report", narrow: bool = False
) -> tuple[str, reports.Options] | None:
    """The panel's inputs (in two columns unless ``narrow``); the format and validated options, or None (with
    the error shown) if invalid. Client, author, language, accent and logo are the strategy's branding: saved
    with it as they are changed, so every page's panel and ``cmplanner report`` use them."""
    strategy = ctx.strategy
    assert strategy is not None
    day = today()
    quarters = tracker.quarters(strategy, day)
    default_quarter = content.report_quarter(strategy, day)
    _seed(ctx, key)
    left, right = (st.container(),) * 2 if narrow else st.columns(2)
    fmt = left.segmented_control(
        ctx.t("report.format"),
        list(reports.FORMATS),
        format_func=lambda f: ctx.t(f"report.format.{f}"),
        key=f"{key}.fmt",
        on_change=_format_changed,
        args=(key,),
    )
    choices = list(i18n.LANGUAGES)
    lang = right.selectbox(
        ctx.t("report.language"),
        choices,
        format_func=i18n.LANGUAGES.__getitem__,
        key=f"{key}.lang",
        on_change=_field_changed,
        args=(ctx, key, "lang"),
    )
    client = left.text_input(
        ctx.t("report.client"),
        key=f"{key}.client",
        max_chars=inputs.MAX_NAME,
        placeholder=strategy.profile.name if strategy.profile else "",
        help=ctx.t("report.client_help"),
        on_change=_field_changed,
        args=(ctx, key, "client"),
    )
    author = right.text_input(
        ctx.t("report.author"),
        key=f"{key}.author",
        max_chars=inputs.MAX_NAME,
        on_change=_field_changed,
        args=(ctx, key, "author"),
    )
    if quarter is None:
        options = sorted(set(quarters) | {default_quarter}, reverse=True)
        quarter = left.selectbox(
            ctx.t("field.quarter"), options, index=options.index(default_quarter), key=f"{key}.quarter"
        )
    accent = right.color_picker(
        ctx.t("report.accent"), key=f"{key}.accent", on_change=_field_changed, args=(ctx, key, "accent")
    )
    _logo(ctx, key)
    st.caption(ctx.t("branding.saved_help"))
    try:
        opts = branding.report_options(
            strategy.branding,
            ctx.lang,
            quarter=quarter,
            today=day,
            client=client,
            author=author,
            accent=accent,
            report_lang=lang,
        )
    except reports.ReportError as err:
        st.error(err.text(ctx.lang), icon=":material/error:")
        return None
    return fmt or "pdf", opts


def download_button(
    ctx: Ctx, quarter: str | None = None, *, key: str = "report", inline: bool = False
) -> reports.Options | None:
    """The report panel (an expander, or a bordered box when ``inline``); returns the valid options, if any.

    ``quarter``: the quarter whose progress the report shows (the tracker passes its own); default: chosen in the panel.
    """
    strategy = ctx.strategy
    assert strategy is not None
    _warm_up()
    box = (
        st.container(border=True)
        if inline
        else st.expander(ctx.t("report.panel"), icon=":material/picture_as_pdf:")
    )
    with box:
        if inline:
            st.markdown(f"**{ctx.t('report.panel')}**")
        st.caption(ctx.t("report.panel_help"))
        chosen = settings(ctx, quarter, key, narrow=inline)
        if chosen is None:
            return None
        fmt, opts = chosen
        st.download_button(
            ctx.t("report.download", format=ctx.t(f"report.format.{fmt}")),
            data=lambda: _build(ctx.store, strategy.id, fmt, opts),
            file_name=f"{content.file_stem(strategy, opts.lang, opts.quarter or '')}.{fmt}",
            mime=reports.FORMATS[fmt],
            on_click="ignore",
            type="primary",
            icon=":material/download:",
            key=f"{key}.download",
        )
    return opts


@st.cache_data(show_spinner=False, max_entries=16)
def _preview(
    _store: Store, strategy_id: str, stamp: tuple[int, int], opts: reports.Options, day: date
) -> str:
    return reports.render(reports.load(_store, strategy_id, opts), "html").decode("utf-8")


def preview(ctx: Ctx, opts: reports.Options) -> None:
    """The HTML report in a frame, rebuilt only when the strategy file or the options change."""
    assert ctx.strategy is not None
    stat = ctx.store.path(ctx.strategy.id).stat()
    with st.spinner():
        document = _preview(ctx.store, ctx.strategy.id, (stat.st_mtime_ns, stat.st_size), opts, today())
    st.iframe(document, height=900)
