"""What a browser tab keeps between reruns, in one place: messages to show after a rerun, and the version of the
strategy each page's edits are based on — so a save can never silently overwrite another window's change.

A page's unsaved input (the walk's fields, a data editor's edits) was typed over the strategy as it was when the page
was opened. :func:`save` therefore tells the store that version; the store merges the change when another window
changed other things meanwhile, and refuses it when that window changed the same things. The refusal is shown with
a "Reload" button that drops the page's unsaved input and shows what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, TypeVar

import streamlit as st

from cmplanner import i18n
from cmplanner.models import Strategy
from cmplanner.store import Conflict, Edit, Saved, StoreError

T = TypeVar("T")
Kind = Literal["success", "error", "warning", "info"]

FLASH = "state.flash"
CONFLICT = "state.conflict"
LAST_PAGE = "state.page"
LANG = "lang"
ACTIVE = "strategy_id"

SCOPES: dict[str, tuple[str, ...]] = {
    "walk": ("w.", "draft.", "touched."),
    "checklists": ("cl.", "tick."),
    "log": ("log.editor.",),
    "review": ("rv.form.", "rv.proposal"),
    "home": ("name.",),
    "reports": ("report.", "report_page."),
    "calendar": ("cal.",),
    "competitors": ("cp.",),
    "webcare": ("wc.",),
    "strategy": ("why.",),
}
"""Each editing scope and the session keys that hold its unsaved input (dropped by "Reload")."""
WALK_PAGES = frozenset({"audience", "platforms", "goals", "review"})


def _base_key(scope: str, strategy_id: str) -> str:
    return f"state.base.{scope}.{strategy_id}"


def enter(page: str) -> None:
    """Called once per run by ``ui.page``: a page entered from another page starts from what is stored, so the
    versions its edits are based on are forgotten (the walk's pages share one)."""
    previous = st.session_state.get(LAST_PAGE)
    st.session_state[LAST_PAGE] = page
    if previous == page or (previous in WALK_PAGES and page in WALK_PAGES):
        return
    for key in [k for k in st.session_state if str(k).startswith("state.base.")]:
        del st.session_state[key]


def base(scope: str, strategy: Strategy) -> int:
    """The version of the strategy this scope's unsaved input is based on (set the first time it is asked)."""
    key = _base_key(scope, strategy.id)
    if key not in st.session_state:
        st.session_state[key] = strategy.version
    version: int = st.session_state[key]
    return version


def has_base(scope: str, strategy_id: str) -> bool:
    return _base_key(scope, strategy_id) in st.session_state


def set_base(scope: str, strategy_id: str, version: int) -> None:
    st.session_state[_base_key(scope, strategy_id)] = version


def flash(kind: Kind, text: str) -> None:
    """A message to show at the top of the page on the next run (after ``st.rerun`` or a callback)."""
    st.session_state[FLASH] = (kind, text)


def save(
    store: Any, strategy: Strategy, scope: str, change: Callable[[Edit], T], lang: str
) -> Saved[T] | None:
    """Apply ``change`` to the strategy's file, based on the version this scope started from.

    On success the scope moves on to the new version (unless the change was merged with another window's: then
    what this page shows of those is still old). A refusal or a disk problem is flashed; returns None then.
    """
    try:
        saved: Saved[T] = store.update(strategy.id, change, based_on=base(scope, strategy))
    except Conflict as conflict:
        st.session_state[CONFLICT] = (scope, strategy.id, conflict.text(lang))
        return None
    except StoreError as err:
        from cmplanner.ui.shell import store_error_text

        flash("error", store_error_text(err, lang))
        return None
    if not saved.merged:
        set_base(scope, strategy.id, saved.version)
    return saved


def save_strategy(store: Any, strategy: Strategy, scope: str, lang: str) -> bool:
    """Store what a page changed on ``strategy`` (read this run), based on this scope's version."""

    loaded = strategy.loaded()

    def change(edit: Edit) -> None:
        from cmplanner.store import STRATEGY
        from cmplanner.store.changes import strategy_keys

        after = STRATEGY.dump(strategy)
        fields = [k.split(".", 1)[1] for k in strategy_keys(loaded or STRATEGY.dump(edit.strategy), after)]
        edit.apply_fields(strategy, fields)

    return save(store, strategy, scope, change, lang) is not None


def reload(scope: str, strategy_id: str) -> None:
    """Drop a scope's unsaved input and its base: the page shows what is stored."""
    prefixes = SCOPES.get(scope, ())
    for key in [k for k in st.session_state if str(k).startswith(prefixes)]:
        del st.session_state[key]
    st.session_state.pop(_base_key(scope, strategy_id), None)
    st.session_state.pop(CONFLICT, None)


BOXES = {"success": st.success, "error": st.error, "warning": st.warning, "info": st.info}
ICONS = {
    "success": ":material/check_circle:",
    "error": ":material/error:",
    "warning": ":material/warning:",
    "info": ":material/info:",
}


def show_messages(lang: str) -> None:
    """The flashed message and a refused save (with its Reload button), at the top of the page."""
    shown = st.session_state.pop(FLASH, None)
    if shown:
        kind, text = shown
        BOXES[kind](text, icon=ICONS[kind])
    conflict = st.session_state.get(CONFLICT)
    if conflict:
        scope, strategy_id, text = conflict
        st.error(text, icon=":material/sync_problem:")
        st.button(
            i18n.t("store.reload", lang),
            key="state.reload",
            icon=":material/refresh:",
            on_click=reload,
            args=(scope, strategy_id),
        )
