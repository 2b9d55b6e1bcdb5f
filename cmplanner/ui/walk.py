"""The strategy walk: step indicator, autosaved draft, inline validation, Back/Next.

Every walk widget has a key ``w.<field>``; its value is written to the strategy's draft on every rerun in which
it changed, so closing the browser mid-walk loses nothing. Validation runs live once the user pressed Next.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from cmplanner import i18n, wizard
from cmplanner.models import Draft as ModelDraft
from cmplanner.models import Strategy
from cmplanner.store import DRAFT, Edit, changes
from cmplanner.ui import state
from cmplanner.ui.shell import Ctx, go

STEPS: tuple[tuple[str, str], ...] = (
    ("audience", "pages/1_audience.py"),
    ("platforms", "pages/2_platforms.py"),
    ("goals", "pages/3_goals.py"),
    ("review", "pages/4_review.py"),
)


def steps(ctx: Ctx, current: str) -> None:
    """The step indicator: done steps ticked, the current one bold."""
    assert ctx.strategy is not None
    index = [name for name, _ in STEPS].index(current)
    parts = []
    for i, (name, _) in enumerate(STEPS):
        label = f"{i + 1}. {ctx.t('page.' + name)}"
        if i == index:
            parts.append(f":primary-background[**{label}**]")
        elif i < ctx.strategy.step or i < index:
            parts.append(f":green[:material/check_circle: {label}]")
        else:
            parts.append(f":gray[{label}]")
    st.markdown(" &nbsp;›&nbsp; ".join(parts))
    st.caption(ctx.t("walk.step_of", n=index + 1, total=len(STEPS)))
    st.session_state[MARKED] = []
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.info(notice, icon=":material/sync:")


NOTICE = "walk.notice"
WALK_KEYS = frozenset(
    f"strategy.{field}"
    for field in ("name", "profile", "personas", "competitors", "platforms", "pillars", "goals")
)
"""What the walk edits: when another page or window changed one of these after the draft's version, the draft is
stale and the walk starts from the stored strategy."""


class Draft:
    """Widget values of the walk, restored from and autosaved to the strategy's draft (``models.Draft``)."""

    def __init__(self, ctx: Ctx) -> None:
        assert ctx.strategy is not None
        self.ctx = ctx
        self.sid = ctx.strategy.id
        cache_key = f"draft.{self.sid}"
        if cache_key not in st.session_state or not state.has_base("walk", self.sid):
            st.session_state[cache_key] = self._load()
        self.saved: dict[str, Any] = st.session_state[cache_key]
        self.keys: list[str] = []

    def _load(self) -> dict[str, Any]:
        """The stored draft, or the stored strategy when there is none or it is stale (and say so)."""
        assert self.ctx.strategy is not None
        snapshot = self.ctx.store.read(self.sid)
        stored = snapshot.one(DRAFT)
        for key in [k for k in st.session_state if str(k).startswith("w.")]:
            del st.session_state[key]
        if stored is not None and stored.values:
            moved = snapshot.changed_since(stored.based_on, WALK_KEYS)
            if moved is None:
                state.set_base("walk", self.sid, max(stored.based_on, 1))
                return dict(stored.values)
            what = ", ".join(self.ctx.t(f"store.area.{a}") for a in changes.areas(moved.keys))
            when = i18n.time_of_day(moved.at, self.ctx.lang)
            st.session_state[NOTICE] = self.ctx.t("walk.stale", what=what, time=when)
        state.set_base("walk", self.sid, snapshot.version)
        return wizard.from_strategy(snapshot.strategy)

    def key(self, name: str, default: Any) -> str:
        """The widget key for ``name``, its value restored from the draft (else ``default``)."""
        key = f"w.{name}"
        if key not in st.session_state:
            st.session_state[key] = self.saved.get(key, default)
        self.keys.append(key)
        return key

    def value(self, name: str, default: Any = None) -> Any:
        key = f"w.{name}"
        return st.session_state.get(key, self.saved.get(key, default))

    def current(self) -> dict[str, Any]:
        """The draft as the widgets hold it right now (before this rerun's save)."""
        merged = dict(self.saved)
        for key, value in st.session_state.items():
            if isinstance(key, str) and key.startswith("w."):
                merged[key] = _plain(value)
        return merged

    def set(self, name: str, value: Any) -> None:
        """Set a value that has no widget (e.g. the list of persona ids)."""
        st.session_state[f"w.{name}"] = value
        self.keys.append(f"w.{name}")

    def forget(self, prefix: str) -> None:
        """Drop values whose name starts with ``prefix`` (a removed persona or goal)."""
        for key in [k for k in (*self.saved, *st.session_state) if str(k).startswith(f"w.{prefix}")]:
            self.saved.pop(key, None)
            st.session_state.pop(key, None)
        self._write(dict(self.saved))

    def save(self) -> None:
        """Write the draft when anything changed since it was last saved."""
        current = dict(self.saved)
        for key in self.keys:
            current[key] = _plain(st.session_state.get(key))
        if current != self.saved:
            self._write(current)

    def _write(self, values: dict[str, Any]) -> None:
        assert self.ctx.strategy is not None
        record = ModelDraft(based_on=state.base("walk", self.ctx.strategy), values=values)
        if state.save(
            self.ctx.store, self.ctx.strategy, "walk", lambda edit: edit.put(DRAFT, [record]), self.ctx.lang
        ):
            self.saved.clear()
            self.saved.update(values)


def _plain(value: Any) -> Any:
    """A JSON-able copy of a widget value."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def touched(step: str) -> bool:
    """Has the user tried to leave this step with Next (so errors are shown)?"""
    return bool(st.session_state.get(f"touched.{step}"))


LIVE = "1s"
"""A walk text field is sent (and so saved in the draft) after a second without typing, not only when it is left
(``st.text_input(live=...)``). Streamlit's text areas have no such option: they are sent when left (or on
Ctrl+Enter), and the step says so."""
MARKED = "walk.marked"
"""The fields marked with a message in this run (their count is the count the step's summary gives)."""
SCROLL = "walk.scroll"
"""Set by Next when the step has errors: the run after it scrolls the first marked field into view."""
SCROLL_TO_FIRST = """<div id="walk-first-error"></div>
<script>
setTimeout(() => {
  const anchor = document.getElementById("walk-first-error");
  if (anchor) anchor.scrollIntoView({behavior: "smooth", block: "center"});
}, 120);
</script>"""


def at_limit(ctx: Ctx, key: str, limit: int) -> None:
    """A note under a text field that holds as many characters as it may: the browser cuts a longer paste there
    without a word, so say it."""
    value = st.session_state.get(key)
    if isinstance(value, str) and len(value) >= limit:
        st.markdown(
            f":orange[:material/content_cut: {ctx.t('walkinput.at_limit', max=i18n.number(limit, ctx.lang))}]"
        )


def error(errors: dict[str, str], field: str) -> None:
    """The inline message under a field, if it has one; the first one after Next is scrolled into view."""
    message = errors.get(field)
    if not message:
        return
    marked: list[str] = st.session_state.setdefault(MARKED, [])
    first = not marked
    if field not in marked:
        marked.append(field)
    st.markdown(f":red[:material/error: {message}]")
    if first and st.session_state.pop(SCROLL, False):
        st.html(SCROLL_TO_FIRST, unsafe_allow_javascript=True)


def summary(ctx: Ctx, errors: dict[str, str]) -> None:
    """The box above Back/Next: how many fields are marked (as many as carry a message), and any message that
    belongs to no field on the page, in full."""
    marked = [key for key in st.session_state.get(MARKED, []) if key in errors]
    loose = [message for key, message in errors.items() if key not in marked]
    head = ctx.tn("walkinput.fix_marked", len(marked)) if marked else ""
    items = "\n".join(f"- {message}" for message in dict.fromkeys(loose))
    st.error("\n\n".join(part for part in (head, items) if part), icon=":material/error:")


def nav(ctx: Ctx, step: str, errors: dict[str, str], apply: Callable[[Strategy], None]) -> None:
    """Back / Next. Next marks the step touched; with no errors it lets ``apply`` put the step's validated input
    into the strategy, records the step as done, and saves — one write, refused when another window changed the
    same part of the strategy since this walk was loaded — and moves on."""
    names = [name for name, _ in STEPS]
    index = names.index(step)
    if errors and touched(step):
        summary(ctx, errors)
    back, _, forward = st.columns([1, 2, 1])
    with back:
        target = STEPS[index - 1][1] if index else "app.py"
        if st.button(ctx.t("walk.back"), icon=":material/arrow_back:", key=f"back.{step}", width="stretch"):
            go(target)
    with forward:
        last = index == len(STEPS) - 1
        label = ctx.t("walk.finish") if last else ctx.t("walk.next")
        if st.button(
            label,
            type="primary",
            icon=":material/arrow_forward:",
            icon_position="right",
            key=f"next.{step}",
            width="stretch",
        ):
            st.session_state[f"touched.{step}"] = True
            if errors:
                st.session_state[SCROLL] = True
                st.rerun()
            strategy = ctx.strategy
            assert strategy is not None

            def change(edit: Edit) -> None:
                apply(edit.strategy)
                edit.strategy.step = max(edit.strategy.step, index + 1)

            if state.save(ctx.store, strategy, "walk", change, ctx.lang) is None:
                st.rerun()
            st.session_state.pop(f"touched.{step}", None)
            if last:
                state.flash("success", ctx.t("walk.saved"))
            go("pages/5_strategy.py" if last else STEPS[index + 1][1])
