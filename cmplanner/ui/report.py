"""The report panel: format, language and cover details, and a download button that builds the file only when clicked.

``download_button(ctx)`` goes at the end of the strategy, tracker and review pages; the Reports page shows it next to
a preview. The settings (client, author, accent, logo, ...) are kept for the session, so they follow the user from
page to page.
"""

from __future__ import annotations

import threading
from datetime import date

import streamlit as st

from cmplanner import i18n, reports, tracker
from cmplanner.reports import charts, content, inputs, style
from cmplanner.store import Store
from cmplanner.ui.shell import Ctx, today

SAVED = "report.settings"
_warm = threading.Event()


def _warm_up() -> None:
    """Start vl-convert's chart engine in the background once per process, so the first download is quick."""
    if not _warm.is_set():
        _warm.set()
        threading.Thread(target=charts.warm_up, daemon=True).start()


def _seed(key: str, defaults: dict[str, object]) -> dict:
    """Put the session's saved settings into this panel's widget keys (widgets forget them on another page)."""
    saved: dict = st.session_state.setdefault(SAVED, {})
    for name, default in defaults.items():
        widget = f"{key}.{name}"
        if widget not in st.session_state:
            st.session_state[widget] = saved.get(name, default)
    return saved


def _build(store: Store, strategy_id: str, fmt: str, opts: reports.Options) -> bytes:
    data, _ = reports.build(store, strategy_id, fmt, opts)
    return data


def settings(
    ctx: Ctx, quarter: str | None = None, key: str = "report", narrow: bool = False
) -> tuple[str, reports.Options] | None:
    """The panel's inputs (in two columns unless ``narrow``); the format and validated options, or None (with
    the error shown) if invalid."""
    strategy = ctx.strategy
    assert strategy is not None
    day = today()
    quarters = tracker.quarters(strategy, day)
    default_quarter = content.report_quarter(strategy, day)
    saved = _seed(
        key,
        {"fmt": "pdf", "lang": ctx.lang, "client": "", "author": "", "accent": style.DEFAULT_ACCENT},
    )
    left, right = (st.container(),) * 2 if narrow else st.columns(2)
    fmt = left.segmented_control(
        ctx.t("report.format"),
        list(reports.FORMATS),
        format_func=lambda f: ctx.t(f"report.format.{f}"),
        key=f"{key}.fmt",
    )
    choices = list(i18n.LANGUAGES)
    lang = right.selectbox(
        ctx.t("report.language"), choices, format_func=i18n.LANGUAGES.__getitem__, key=f"{key}.lang"
    )
    client = left.text_input(
        ctx.t("report.client"),
        key=f"{key}.client",
        max_chars=inputs.MAX_NAME,
        placeholder=strategy.profile.name if strategy.profile else "",
        help=ctx.t("report.client_help"),
    )
    author = right.text_input(ctx.t("report.author"), key=f"{key}.author", max_chars=inputs.MAX_NAME)
    if quarter is None:
        options = sorted(set(quarters) | {default_quarter}, reverse=True)
        quarter = left.selectbox(
            ctx.t("field.quarter"), options, index=options.index(default_quarter), key=f"{key}.quarter"
        )
    accent = right.color_picker(ctx.t("report.accent"), key=f"{key}.accent")
    upload = st.file_uploader(ctx.t("report.logo"), type=["png", "jpg", "jpeg"], key=f"{key}.logo")
    if upload is not None:
        saved["logo"] = (upload.name, upload.getvalue())
    logo = saved.get("logo")
    if logo and upload is None:
        name, remove = st.columns([3, 1], vertical_alignment="center")
        name.caption(f":material/image: {logo[0]}")
        if remove.button(ctx.t("report.logo_remove"), key=f"{key}.logo_remove", type="tertiary"):
            saved.pop("logo", None)
            logo = None
    saved.update(fmt=fmt or "pdf", lang=lang, client=client, author=author, accent=accent)
    try:
        opts = reports.options(
            lang=lang or ctx.lang,
            client=client,
            author=author,
            logo=logo[1] if logo else None,
            accent=accent,
            quarter=quarter,
            today=day,
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
