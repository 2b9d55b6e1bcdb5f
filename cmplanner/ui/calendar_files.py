"""The month out of the app: the plan "for approval" for a client without an account (PDF, or one HTML file to
send or put online), the posts for a calendar app (.ics), a plain CSV, and Hootsuite's bulk-scheduling files.

Files are built only when their button is clicked (``data=`` a callable), except Hootsuite's: what its rules
change or leave out is shown before the download, so those are built with the panel (cheap: a CSV per platform).
The approval's client, author and accent colour start from the strategy's branding (the report panel's).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import partial
from typing import Any

import streamlit as st

from cmplanner import i18n, reports
from cmplanner import presentation as shown
from cmplanner.calendar.files import FORMATS, NO_META, file_name, month_files
from cmplanner.calendar.labels import language
from cmplanner.models import PlannedPost, Strategy
from cmplanner.reports import inputs, style
from cmplanner.ui.shell import Ctx, escape

KEY = "cal.files"


def _seed(ctx: Ctx) -> None:
    """The approval's client, author and accent start from the strategy's branding (the report panel's, saved with
    the strategy); its language is the plan's."""
    assert ctx.strategy is not None
    brand = ctx.strategy.branding
    defaults = {
        "lang": language(ctx.strategy),
        "client": brand.client,
        "author": brand.author,
        "accent": brand.accent or style.DEFAULT_ACCENT,
        "order": "dmy",
    }
    for name, value in defaults.items():
        st.session_state.setdefault(f"{KEY}.{name}", value)


def _one(
    strategy: Strategy, posts: Sequence[PlannedPost], month: str, fmt: str, settings: dict[str, Any]
) -> bytes:
    """One file, built when its button is clicked (outside the page's run: everything it needs is passed in)."""
    return month_files(strategy, posts, month, fmt, **settings).files[0].data


def _settings(today: date) -> dict[str, Any]:
    """The approval's settings as chosen in the panel now."""
    values = st.session_state
    names = ("lang", "accent", "client", "author")
    return {name: values[f"{KEY}.{name}"] for name in names} | {"today": today}


def _approval(ctx: Ctx, posts: Sequence[PlannedPost], month: str, today: date) -> None:
    strategy = ctx.strategy
    assert strategy is not None
    st.markdown(f"**{ctx.t('cal.files.approval')}**")
    st.caption(ctx.t("cal.files.approval_help"))
    left, right = st.columns(2)
    choices = list(i18n.LANGUAGES)
    left.selectbox(
        ctx.t("cal.files.language"), choices, format_func=i18n.LANGUAGES.__getitem__, key=f"{KEY}.lang"
    )
    right.color_picker(ctx.t("report.accent"), key=f"{KEY}.accent")
    left.text_input(ctx.t("report.client"), key=f"{KEY}.client", max_chars=inputs.MAX_NAME)
    right.text_input(ctx.t("report.author"), key=f"{KEY}.author", max_chars=inputs.MAX_NAME)
    try:
        inputs.check_accent(st.session_state[f"{KEY}.accent"])
    except reports.ReportError as err:
        st.error(err.text(ctx.lang), icon=":material/error:")
        return
    _buttons(ctx, strategy, posts, month, today, {"pdf": "picture_as_pdf", "html": "html"}, primary="pdf")


def _data(ctx: Ctx, posts: Sequence[PlannedPost], month: str, today: date) -> None:
    strategy = ctx.strategy
    assert strategy is not None
    st.markdown(f"**{ctx.t('cal.files.data')}**")
    st.caption(ctx.t("cal.files.data_help"))
    _buttons(ctx, strategy, posts, month, today, {"ics": "calendar_month", "csv": "table"})


def _hootsuite(ctx: Ctx, posts: Sequence[PlannedPost], month: str, now: datetime) -> None:
    assert ctx.strategy is not None
    st.markdown(f"**{ctx.t('cal.files.hootsuite')}**")
    st.caption(ctx.t("cal.files.hootsuite_help"))
    order = st.segmented_control(
        ctx.t("cal.files.date_order"),
        ["dmy", "mdy"],
        format_func=lambda o: ctx.t(f"cal.files.order.{o}"),
        key=f"{KEY}.order",
    )
    found = month_files(
        ctx.strategy, posts, month, "hootsuite", now=now, date_order="mdy" if order == "mdy" else "dmy"
    )
    for problem in found.problems:
        st.caption(f":orange[:material/warning:] {escape(problem.text(ctx.lang))}")
    with st.container(horizontal=True):
        for number, item in enumerate(found.files):
            st.download_button(
                ctx.t("cal.files.hootsuite_file", name=item.name),
                data=item.data,
                file_name=item.name,
                mime=item.mime,
                on_click="ignore",
                icon=":material/upload_file:",
                key=f"{KEY}.hootsuite.{number}",
            )
    st.caption(ctx.t(NO_META))


def files_panel(ctx: Ctx, posts: Sequence[PlannedPost], month: str, today: date) -> None:
    """The month's files, in an expander below the calendar."""
    _seed(ctx)
    title = ctx.t("cal.files.title", month=shown.month_label(month, ctx.lang))
    with st.expander(title, icon=":material/ios_share:"):
        _approval(ctx, posts, month, today)
        st.divider()
        _data(ctx, posts, month, today)
        st.divider()
        _hootsuite(ctx, posts, month, datetime.combine(today, datetime.now().time()))


def _buttons(
    ctx: Ctx,
    strategy: Strategy,
    posts: Sequence[PlannedPost],
    month: str,
    today: date,
    icons: dict[str, str],
    primary: str | None = None,
) -> None:
    """One download button per format (``icons``: format → its icon), side by side; each file is built on click."""
    with st.container(horizontal=True):
        for fmt, icon in icons.items():
            st.download_button(
                ctx.t(f"cal.files.{fmt}"),
                data=partial(_one, strategy, posts, month, fmt, _settings(today)),
                file_name=file_name(strategy, month, fmt, st.session_state[f"{KEY}.lang"]),
                mime=FORMATS[fmt],
                on_click="ignore",
                type="primary" if fmt == primary else "secondary",
                icon=f":material/{icon}:",
                key=f"{KEY}.{fmt}",
            )
