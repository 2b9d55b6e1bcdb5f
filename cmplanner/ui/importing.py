"""The import page's upload and its file cards: one card per file says what it was recognised as, asks what the
file does not say (platform, columns, follower baseline, year: see ``import_questions``) and reads it. The
preview of what the import does and the import itself are in ``import_preview``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import streamlit as st

from cmplanner import i18n, import_mappings, importers
from cmplanner.import_mappings import Baseline, Remember, Remembered
from cmplanner.importers import Detected, ImportProblem, Parsed
from cmplanner.importers.reader import KNOWN_EXPORTS
from cmplanner.models import Platform, WeekMetrics
from cmplanner.ui import import_questions as ask
from cmplanner.ui.import_preview import VERSION
from cmplanner.ui.shell import Ctx, escape

Failure = tuple[str, dict[str, Any]]
"""An ImportProblem as data (its key and params): what the cached readers return instead of raising."""
WAITING, FAILED = "waiting", "failed"
"""Why a file card gives no rows: it waits for an answer (platform, columns, year), or it cannot be imported."""
NEED_YEAR = "import.need_year"


@dataclass
class Ready:
    """A file read into posts and weekly rows, and what to remember for its platforms when it is imported."""

    parsed: Parsed
    remember: list[Remember] = field(default_factory=list)


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
    platform: Platform | None,
    mapping: tuple[tuple[str, str], ...] | None,
    baselines: tuple[tuple[Platform, int], ...],
    today: date,
    year: int | None = None,
) -> Parsed | Failure:
    try:
        return importers.read(
            name,
            data,
            platform=platform,
            mapping=dict(mapping) if mapping is not None else None,
            baseline_followers=dict(baselines) or None,
            today=today,
            year=year,
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


def _summary(ctx: Ctx, parsed: Parsed) -> None:
    """``12 weeks · 2 Mar 2026 – 24 May 2026 · 40 posts``, the rows left out, and the notes with the file."""
    text = ctx.tn("importpage.weeks", len(parsed.rows))
    if parsed.date_range:
        first, last = parsed.date_range
        text += f" · {i18n.day(first, ctx.lang)} – {i18n.day(last, ctx.lang)}"
    if len(parsed.posts):
        text += " · " + ctx.tn("importpage.posts_in_file", len(parsed.posts))
    st.markdown(f":material/check_circle: {text}")
    if parsed.skipped:
        st.caption(f":material/playlist_remove: {ctx.tn('importpage.file_skipped', len(parsed.skipped))}")
    for note in parsed.problems:
        st.caption(f":material/info: {ctx.t(note)}")


def _platform_and_mapping(
    ctx: Ctx,
    key: str,
    detected: Detected,
    planned: list[Platform],
    remembered: Mapping[Platform, Remembered],
    guess: Platform | None,
) -> tuple[Platform | None, dict[str, str] | None] | str:
    """The file's platform (asked when the file does not say; None for a Meta file holding two platforms' series,
    both of them planned) and, for a file no shape fits, its column mapping (``guess``: the platform whose
    remembered mapping fits the file)."""
    if detected.shape != "generic":
        if len(detected.platforms) > 1:
            mine = [p for p in detected.platforms if p in planned]
            return (mine[0] if len(mine) == 1 else None if mine else detected.platforms[0]), None
        platform = detected.platform or ask.pick_platform(ctx, f"{key}.platform", planned, None)
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
    platform = ask.pick_platform(ctx, f"{key}.platform", planned, guess)
    if platform is None:
        return WAITING
    mapping = ask.mapping_step(ctx, f"{key}.map.{platform.value}", detected.headers, remembered.get(platform))
    return (platform, mapping) if mapping else WAITING


def _not_planned(ctx: Ctx, name: str, platform: Platform) -> str:
    assert ctx.strategy is not None
    text = ctx.t("importpage.not_planned", name=name, platform=ask.platform_label(ctx, platform))
    st.error(escape(text), icon=":material/error:")
    st.page_link(
        "pages/2_platforms.py",
        label=ctx.t("log.to_platforms"),
        icon=":material/apps:",
        query_params={"s": ctx.strategy.id},
    )
    return FAILED


def _label(ctx: Ctx, detected: Detected, guess: Platform | None) -> str:
    if detected.shape != "generic":
        return importers.describe(detected, ctx.lang)
    if guess:
        return f"{ask.platform_label(ctx, guess)} · {ctx.t('import.shape.generic')}"
    return ctx.t("importpage.not_recognised")


def file_card(
    ctx: Ctx,
    upload: Any,
    stored: Sequence[WeekMetrics],
    remembered: Mapping[Platform, Remembered],
    today: date,
) -> Ready | str:
    """One uploaded file: what it was recognised as, the questions it needs answered, what it gives.

    Returns the file read into posts and weekly rows, else WAITING or FAILED; the card says why.
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
        if detected.shape == "generic":
            guess = import_mappings.platform_for(detected.headers, remembered, planned)
        st.markdown(f":material/description: **{escape(name)}** · {escape(_label(ctx, detected, guess))}")
        answer = _platform_and_mapping(ctx, key, detected, planned, remembered, guess)
        if isinstance(answer, str):
            return answer
        platform, mapping = answer
        if platform is not None and platform not in planned:
            return _not_planned(ctx, name, platform)
        return _read_card(ctx, key, name, data, platform, mapping, stored, remembered, today)


def _read_card(
    ctx: Ctx,
    key: str,
    name: str,
    data: bytes,
    platform: Platform | None,
    mapping: dict[str, str] | None,
    stored: Sequence[WeekMetrics],
    remembered: Mapping[Platform, Remembered],
    today: date,
) -> Ready | str:
    """Read the file with the answers so far: ask its year and follower baselines when it needs them."""
    frozen = tuple(sorted(mapping.items())) if mapping is not None else None
    with st.spinner(ctx.t("importpage.reading", name=escape(name))):
        parsed = _read(name, data, platform, frozen, (), today)
    year = None
    if isinstance(parsed, tuple) and parsed[0] == NEED_YEAR:
        params = parsed[1]
        year = ask.year_step(ctx, f"{key}.year", name, params["first"], params["last"], today)
        if year is None:
            return WAITING
        parsed = _read(name, data, platform, frozen, (), today, year)
    if isinstance(parsed, tuple):
        return _problem(ctx, parsed) or FAILED
    remember: list[Remember] = []
    if parsed.needs_baseline and parsed.date_range:
        first_day = parsed.date_range[0]
        given = {}
        for needing in parsed.baseline_platforms:
            followers = ask.baseline_step(
                ctx, f"{key}.baseline", needing, first_day, stored, remembered.get(needing)
            )
            if followers is not None:
                given[needing] = followers
        if given:
            with st.spinner(ctx.t("importpage.reading", name=escape(name))):
                again = _read(name, data, platform, frozen, tuple(sorted(given.items())), today, year)
            if isinstance(again, tuple):
                return _problem(ctx, again) or FAILED
            parsed = again
            remember = [Remember(p, None, Baseline(n, first_day)) for p, n in given.items()]
    if mapping and platform is not None:
        known = next((r for r in remember if r.platform == platform), None)
        remember = [r for r in remember if r is not known]
        remember.append(Remember(platform, mapping, known.baseline if known else None))
    _summary(ctx, parsed)
    if not parsed.rows:
        st.warning(ctx.t("importpage.no_rows"), icon=":material/warning:")
        return FAILED
    return Ready(parsed, remember)
