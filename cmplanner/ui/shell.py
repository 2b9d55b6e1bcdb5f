"""The frame every page shares: page config, language, workspace store, active strategy, sidebar navigation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st
from pydantic import BaseModel

from cmplanner import i18n, tracker
from cmplanner.models import Strategy, WeekMetrics
from cmplanner.store import Conflict, DamagedFile, Snapshot, Store, StoreError, Table, default_root
from cmplanner.ui import state

# (name, script, icon): the sidebar menu, grouped into sections. Script names are URLs: keep them stable.
NAVIGATION: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    (
        "plan",
        (
            ("home", "app.py", ":material/home:"),
            ("audience", "pages/1_audience.py", ":material/groups:"),
            ("platforms", "pages/2_platforms.py", ":material/apps:"),
            ("goals", "pages/3_goals.py", ":material/flag:"),
            ("review", "pages/4_review.py", ":material/fact_check:"),
            ("strategy", "pages/5_strategy.py", ":material/description:"),
        ),
    ),
    (
        "do",
        (
            ("checklists", "pages/6_checklists.py", ":material/checklist:"),
            ("calendar", "pages/13_calendar.py", ":material/calendar_month:"),
        ),
    ),
    (
        "track",
        (
            ("log", "pages/7_log.py", ":material/edit_calendar:"),
            ("import", "pages/8_import.py", ":material/upload_file:"),
            ("tracker", "pages/9_tracker.py", ":material/monitoring:"),
            ("review_month", "pages/11_month.py", ":material/rate_review:"),
            ("review_quarter", "pages/12_quarter.py", ":material/event_repeat:"),
            ("competitors", "pages/14_competitors.py", ":material/storefront:"),
        ),
    ),
    ("share", (("reports", "pages/10_reports.py", ":material/picture_as_pdf:"),)),
)
"""The sidebar menu; a page is listed once its script exists."""

ROOT = Path(__file__).resolve().parent.parent.parent
M = TypeVar("M", bound=BaseModel)


@dataclass
class Ctx:
    """What a page gets from ``page()``."""

    name: str
    lang: str
    store: Store
    strategy: Strategy | None
    snapshot: Snapshot | None = None
    """The open strategy's file as this run read it (one version for the whole page)."""

    def rows(self, table: Table[M]) -> list[M]:
        """Rows of one table of the open strategy, as this run read them."""
        assert self.snapshot is not None
        return self.snapshot.rows(table)

    def t(self, key: str, /, **kwargs: Any) -> str:
        return i18n.t(key, self.lang, **kwargs)

    def tn(self, key: str, n: int, /, **kwargs: Any) -> str:
        return i18n.tn(key, self.lang, n, **kwargs)


@st.cache_resource(show_spinner=False)
def _store(root: str) -> Store:
    store = Store(root)
    store.check()
    return store


def cached_weeks(ctx: Ctx) -> list[WeekMetrics]:
    """The open strategy's weekly rows as this run read them, sorted by (week, platform)."""
    assert ctx.snapshot is not None
    return ctx.snapshot.weeks


@st.cache_data(show_spinner=False, max_entries=1000)
def _status_counts(_store: Store, strategy_id: str, stamp: tuple[int, int], day: date) -> dict[str, int]:
    strategy = _store.get(strategy_id)
    counts = tracker.status_counts(strategy, _store.weeks(strategy_id), day)
    return {status.value: n for status, n in counts.items()}


def status_counts(ctx: Ctx, strategy: Strategy, day: date) -> dict[str, int]:
    """How many of a strategy's current-quarter goals are in each status, cached on its file's mtime and size."""
    stat = ctx.store.path(strategy.id).stat()
    return _status_counts(ctx.store, strategy.id, (stat.st_mtime_ns, stat.st_size), day)


def store() -> Store:
    """The one store of this process for the configured data folder."""
    return _store(str(default_root()))


def language() -> str:
    """The UI language: ``?lang=`` in the URL, else the sidebar's choice in this session, else the browser's locale.

    It is kept in the URL (and carried by the sidebar's links), so a reload or a bookmark keeps the language."""
    wanted = st.query_params.get("lang")
    if wanted in i18n.LANGUAGES:
        st.session_state["lang"] = wanted
    elif "lang" not in st.session_state:
        st.session_state["lang"] = i18n.pick_language(st.context.locale)
    lang: str = st.session_state["lang"]
    if wanted != lang:
        st.query_params["lang"] = lang
    return lang


def link_params(strategy_id: str | None = None) -> dict[str, str]:
    """The query parameters every link keeps: the open strategy (``s``) and the language (``lang``)."""
    params = {"lang": str(st.session_state.get("lang") or i18n.DEFAULT)}
    if strategy_id:
        params["s"] = strategy_id
    return params


def active_strategy_id() -> str | None:
    """The strategy being worked on: kept in the URL (``?s=<id>``) so reloads and bookmarks keep it."""
    sid = st.query_params.get("s") or st.session_state.get("strategy_id")
    if sid:
        st.session_state["strategy_id"] = sid
        if st.query_params.get("s") != sid:
            st.query_params["s"] = sid
    return sid


def today() -> date:
    """Today's date; ``?today=YYYY-MM-DD`` in the URL sets another day (to look ahead, and for tests)."""
    raw = st.query_params.get("today")
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    return date.today()


def set_active(strategy_id: str | None) -> None:
    st.session_state["strategy_id"] = strategy_id
    if strategy_id:
        st.query_params["s"] = strategy_id
    else:
        st.query_params.pop("s", None)


def go(script: str, strategy_id: str | None = None) -> None:
    """Switch page, keeping the active strategy in the URL."""
    sid = strategy_id or st.session_state.get("strategy_id")
    st.switch_page(script, query_params=link_params(sid))


def page(name: str, *, needs_strategy: bool = False, layout: str = "centered") -> Ctx:
    """Start a page: config, sidebar, and the context it needs. Stops the page when a strategy is needed but none is open."""
    lang = language()
    st.set_page_config(
        page_title=f"{i18n.t('page.' + name, lang)} · cmplanner",
        page_icon="📈",
        layout=layout,  # type: ignore[arg-type]
    )
    ws = store()
    strategy = None
    snapshot = None
    sid = active_strategy_id()
    error: StoreError | None = None
    if sid:
        try:
            snapshot = ws.read(sid)
            strategy = snapshot.strategy
        except StoreError as exc:
            error = exc
            set_active(None)
    ctx = Ctx(name=name, lang=lang, store=ws, strategy=strategy, snapshot=snapshot)
    state.enter(name)
    _sidebar(ctx)
    if error is not None:
        st.error(store_error_text(error, lang), icon=":material/error:")
    state.show_messages(lang)
    if needs_strategy and ctx.strategy is None:
        st.info(ctx.t("shell.no_strategy"), icon=":material/info:")
        st.page_link(
            "app.py", label=ctx.t("shell.to_home"), icon=":material/home:", query_params=link_params()
        )
        st.stop()
    return ctx


def store_error_text(error: StoreError, lang: str) -> str:
    """A store problem for Markdown (its file paths, names and ids inert)."""
    if isinstance(error, Conflict):
        return error.text(lang)
    return md(error.key, lang, **error.params)


def damaged_text(damaged: DamagedFile, lang: str) -> str:
    backup = str(damaged.backup) if damaged.backup else i18n.t("shell.no_backup", lang)
    name = damaged.name or damaged.strategy_id
    return md("shell.damaged", lang, name=name, path=str(damaged.path), backup=backup, error=damaged.error)


def _sidebar(ctx: Ctx) -> None:
    with st.sidebar:
        st.markdown(f"### :material/insights: cmplanner\n{ctx.t('app.tagline')}")
        if ctx.strategy is not None:
            with st.container(border=True):
                st.caption(ctx.t("shell.active"))
                st.markdown(f"**{escape(ctx.strategy.name)}**")
        for section, items in NAVIGATION if ctx.strategy else NAVIGATION[:1]:
            present = [
                item for item in items if (ROOT / item[1]).exists() and (ctx.strategy or item[0] == "home")
            ]
            if present:
                st.caption(ctx.t(f"nav.{section}").upper())
            for name, script, icon in present:
                params = link_params(ctx.strategy.id if ctx.strategy else None)
                st.page_link(script, label=ctx.t(f"page.{name}"), icon=icon, query_params=params)
        st.divider()
        choices = list(i18n.LANGUAGES)
        st.selectbox(
            ctx.t("shell.language"),
            choices,
            index=choices.index(ctx.lang),
            format_func=i18n.LANGUAGES.__getitem__,
            key="lang_select",
            on_change=_set_language,
        )


def _set_language() -> None:
    st.session_state["lang"] = st.session_state["lang_select"]
    st.query_params["lang"] = st.session_state["lang"]


MARKDOWN = "\\`*_{}[]()#+-.!|<>~$:="
"""Characters that start Markdown, HTML, LaTeX, or Streamlit's :icon: and :color[] directives: each is escaped with a
backslash in user text."""
JOINER = "\u2060"
"""An invisible word joiner: put into ``://``, ``www.`` and ``@`` so the Markdown renderer's autolinking (which
works on the text after escapes are resolved) finds no URL or e-mail address to turn into a link."""
_AUTOLINK = re.compile(r"(?i)://|\bwww\.|@")


def escape(text: str) -> str:
    """User text for anything Streamlit renders as Markdown (markdown, captions, alerts, titles, widget labels):
    shown exactly as typed, with no Markdown, HTML, image, link or directive effect."""
    text = _AUTOLINK.sub(lambda m: m.group(0)[0] + JOINER + m.group(0)[1:], text)
    for char in MARKDOWN:
        text = text.replace(char, "\\" + char)
    return text


def md(key: str, lang: str, /, **params: object) -> str:
    """A catalog text for Markdown, its parameters (which may hold user text, file names, URL parameters) inert."""
    return i18n.t(key, lang, **{name: escape(str(value)) for name, value in params.items()})
