"""What both review pages share: the month and quarter pickers, the review form and the history of reviews, the
data downloads, and the spot for a report button. The panels of each page are in ``review_month`` and
``review_quarter``."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from datetime import date

import streamlit as st
from pydantic import ValidationError

from cmplanner import exports, i18n, reviews
from cmplanner import presentation as shown
from cmplanner.models import Kind, Review, WeekMetrics
from cmplanner.store import backup as workspace_backup
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, escape

FIELDS: dict[Kind, tuple[str, ...]] = {
    "month": ("went_well", "went_badly", "decisions"),
    "quarter": ("went_well", "went_badly", "decisions", "notes"),
}


def report_button(ctx: Ctx) -> None:
    """The report download button, once the reports module exists (``cmplanner.ui.report.download_button``)."""
    if importlib.util.find_spec("cmplanner.ui.report") is None:
        return
    button = getattr(importlib.import_module("cmplanner.ui.report"), "download_button", None)
    if button is not None:
        button(ctx)


def user_text(text: str) -> str:
    """User text for st.markdown: inert, with its line breaks kept."""
    return escape(text).replace("\n", "  \n")


def period_label(ctx: Ctx, kind: Kind, period: str) -> str:
    """A review's period as a title says it: ``November 2026`` or ``2026-Q4``."""
    return shown.month_label(period, ctx.lang) if kind == "month" else period


def _picker(label: str, options: list[str], default: str, param: str, fmt: Callable[[str], str] = str) -> str:
    """A selectbox that starts on ``?<param>=`` (else ``default``) and keeps the choice in the URL."""
    wanted = st.query_params.get(param)
    key = f"rv.pick.{param}"
    if st.session_state.get(key) not in options:
        st.session_state[key] = wanted if wanted in options else default if default in options else options[0]
    choice: str = st.selectbox(label, options, key=key, format_func=fmt)
    if st.query_params.get(param) != choice:
        st.query_params[param] = choice
    return choice


def month_picker(ctx: Ctx, options: list[str], default: str) -> str:
    return _picker(ctx.t("rv.month"), options, default, "month", lambda m: shown.month_label(m, ctx.lang))


def quarter_picker(ctx: Ctx, options: list[str], default: str) -> str:
    return _picker(ctx.t("field.quarter"), options, default, "q")


def review_form(ctx: Ctx, kind: Kind, period: str, existing: Review | None) -> None:
    """What went well, what did not, decisions (and for a quarter, notes on the revised strategy); saved with
    the strategy (the page then shows it from the store)."""
    assert ctx.strategy is not None
    st.subheader(ctx.t(f"rv.form.{kind}", period=period_label(ctx, kind, period)))
    if existing is not None:
        st.caption(ctx.t("rv.saved_on", date=i18n.day(existing.updated_at, ctx.lang)))
    with st.form(key=f"rv.form.{kind}.{period}", border=True):
        values = {
            name: st.text_area(
                ctx.t(f"rv.field.{name}.{kind}") if name == "notes" else ctx.t(f"rv.field.{name}"),
                value=getattr(existing, name) if existing else "",
                key=f"rv.{name}.{kind}.{period}",
                placeholder=ctx.t(f"rv.placeholder.{name}"),
                max_chars=5000,
                height=110,
            )
            for name in FIELDS[kind]
        }
        submitted = st.form_submit_button(ctx.t("rv.save"), type="primary", icon=":material/save:")
    if not submitted:
        return
    try:
        review = Review(kind=kind, period=period, **values)
    except ValidationError as exc:
        st.error("; ".join(i18n.explain(exc, ctx.lang).values()), icon=":material/error:")
        return
    if state.save(ctx.store, ctx.strategy, "review", lambda edit: reviews.save(edit, review), ctx.lang):
        state.flash("success", ctx.t("rv.saved"))
    st.rerun()


def history_panel(ctx: Ctx, saved: Sequence[Review]) -> None:
    """Past reviews, newest first, each with what was written."""
    st.subheader(ctx.t("rv.history"))
    shown = [r for r in saved if not r.is_empty]
    if not shown:
        st.caption(ctx.t("rv.history_empty"))
        return
    for review in shown:
        title = ctx.t(f"rv.history.{review.kind}", period=period_label(ctx, review.kind, review.period))
        with st.expander(title, icon=":material/history:"):
            for name in FIELDS[review.kind]:
                text = getattr(review, name)
                if text:
                    label = (
                        ctx.t(f"rv.field.{name}.{review.kind}")
                        if name == "notes"
                        else ctx.t(f"rv.field.{name}")
                    )
                    st.markdown(f"**{label}**  \n{user_text(text)}")
            st.caption(ctx.t("rv.saved_on", date=i18n.day(review.updated_at, ctx.lang)))


def data_panel(ctx: Ctx, rows: Sequence[WeekMetrics]) -> None:
    """Metrics as CSV and Excel, the whole workspace as a JSON backup; each file built when clicked."""
    strategy = ctx.strategy
    assert strategy is not None
    st.subheader(ctx.t("rv.data"))
    st.caption(ctx.t("rv.data_help"))
    name = exports.slug(strategy.name)
    cols = st.columns(3)
    cols[0].download_button(
        ctx.t("rv.csv"),
        data=lambda: exports.metrics_csv(strategy, rows),
        file_name=f"{name}-metrics.csv",
        mime="text/csv",
        icon=":material/table:",
        key="rv.csv",
    )
    cols[1].download_button(
        ctx.t("rv.xlsx"),
        data=lambda: exports.metrics_xlsx(strategy, rows),
        file_name=f"{name}-metrics.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/grid_on:",
        key="rv.xlsx",
    )
    cols[2].download_button(
        ctx.t("rv.backup"),
        data=lambda: workspace_backup.export(ctx.store).payload(),
        file_name=f"cmplanner-backup-{date.today().isoformat()}.json",
        mime="application/json",
        icon=":material/backup:",
        key="rv.backup",
    )
