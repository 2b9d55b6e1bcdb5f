"""Small shared widgets: reasons with their sources, source captions, KPI formulas with benchmarks."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from cmplanner import kpis, recommend
from cmplanner import presentation as shown
from cmplanner.ui.shell import Ctx

EFFECT_ICONS = {
    "plus": ":green[:material/add_circle:]",
    "minus": ":orange[:material/remove_circle:]",
    "info": ":gray[:material/info:]",
}


def reasons(ctx: Ctx, items: Iterable[recommend.Reason]) -> None:
    """A recommendation's reasons, one line each, with the source of every figure."""
    lines = []
    for reason in items:
        text = recommend.render(reason, ctx.lang)
        src = f" — _{shown.source_text(reason.source, ctx.lang)}_" if reason.source else ""
        lines.append(f"- {EFFECT_ICONS.get(reason.effect, '')} {text}{src}")
    st.markdown("\n".join(lines))


def kpi_help(ctx: Ctx, kpi_id: str, platform: str) -> str:
    """The formula of a KPI and, for rates computed the same way as a benchmark, the benchmark with its source."""
    text = shown.formula_text(kpi_id, ctx.lang)
    for bench in kpis.benchmarks_for(platform, kpi_id)[:2]:
        text += "  \n" + ctx.t(
            "common.benchmark",
            value=shown.benchmark_value(bench, ctx.lang),
            source=shown.source_name(bench.source, ctx.lang),
            year=bench.year,
        )
    return text
