"""The questions a file card may ask before its file can be read: which platform, which column holds what, how
many followers there were before the file starts, and in which year its dates fall."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import streamlit as st

from cmplanner import i18n, import_mappings, importers, weeklog
from cmplanner.import_mappings import Remembered
from cmplanner.importers.aliases import norm
from cmplanner.models import Platform, WeekMetrics
from cmplanner.ui.shell import Ctx, escape

MAPPING_COLUMNS = 4
"""Selectboxes per row in the column-mapping step."""
SPECIAL_TARGETS = frozenset({"date", "post_id", "followers_change"})
YEARS_BACK = 4
"""How many years before this one the year question offers."""


def platform_label(ctx: Ctx, platform: Platform | str) -> str:
    return ctx.t(f"platform.{Platform(platform).value}")


def _target_label(ctx: Ctx, target: str) -> str:
    if not target:
        return ctx.t("import.target.skip")
    return ctx.t(f"import.target.{target}") if target in SPECIAL_TARGETS else ctx.t(f"field.{target}")


def pick_platform(ctx: Ctx, key: str, planned: list[Platform], default: Platform | None) -> Platform | None:
    """Which platform a file is for, when the file does not say."""
    choice: Platform | None = st.selectbox(
        ctx.t("importpage.platform"),
        planned,
        index=planned.index(default) if default in planned else None,
        format_func=lambda p: platform_label(ctx, p),
        placeholder=ctx.t("importpage.platform_placeholder"),
        key=key,
        help=ctx.t("importpage.platform_help"),
    )
    return choice


def mapping_step(ctx: Ctx, key: str, headers: Sequence[str], remembered: Remembered | None) -> dict[str, str]:
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


def baseline_step(
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
        ctx.t("importpage.baseline", platform=platform_label(ctx, platform), day=day_before),
        min_value=0,
        max_value=weeklog.MAX_VALUE,
        value=proposal,
        step=1,
        format="%d",
        key=f"{key}.{platform.value}.{first_day.isoformat()}.{proposal}",
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


def year_step(ctx: Ctx, key: str, name: str, first: str, last: str, today: date) -> int | None:
    """The year a file's last day falls in, for a file whose dates have none and say nothing else about it."""
    st.info(escape(ctx.t("import.need_year", name=name, first=first, last=last)), icon=":material/event:")
    years = [today.year - back for back in range(YEARS_BACK + 1)]
    choice: int | None = st.selectbox(
        ctx.t("importpage.year", last=last),
        years,
        index=None,
        format_func=str,
        placeholder=ctx.t("importpage.year_placeholder"),
        key=key,
        help=ctx.t("importpage.year_help"),
    )
    return choice
