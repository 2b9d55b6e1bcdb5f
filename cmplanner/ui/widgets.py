"""Small shared widgets: reasons with their sources, source captions, KPI formulas with benchmarks."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from cmplanner import i18n, kpis, recommend
from cmplanner.ui.shell import Ctx

EFFECT_ICONS = {
    "plus": ":green[:material/add_circle:]",
    "minus": ":orange[:material/remove_circle:]",
    "info": ":gray[:material/info:]",
}


def source_text(ctx: Ctx, source: str | None) -> str:
    return ctx.t("common.source", source=ctx.t(f"source.{source}")) if source else ""


def reasons(ctx: Ctx, items: Iterable[recommend.Reason]) -> None:
    """A recommendation's reasons, one line each, with the source of every figure."""
    lines = []
    for reason in items:
        text = recommend.render(reason, ctx.lang)
        src = f" — _{source_text(ctx, reason.source)}_" if reason.source else ""
        lines.append(f"- {EFFECT_ICONS.get(reason.effect, '')} {text}{src}")
    st.markdown("\n".join(lines))


def kpi_value(ctx: Ctx, kpi_id: str, value: float | None) -> str:
    """A KPI value in its unit, formatted for the language."""
    kpi = kpis.KPIS[kpi_id]
    if kpi.unit == "percent":
        return i18n.percent(value, ctx.lang, 2)
    if kpi.unit == "hours":
        return ctx.t("common.hours", n=i18n.number(value, ctx.lang, 1))
    small = value is not None and abs(value) < 10 and not float(value).is_integer()
    return i18n.number(value, ctx.lang, 1 if small else 0)


def kpi_help(ctx: Ctx, kpi_id: str, platform: str) -> str:
    """The formula of a KPI and, for rates computed the same way as a benchmark, the benchmark with its source."""
    text = f"{ctx.t('common.formula')}: {ctx.t(f'kpi.{kpi_id}.formula')}"
    for bench in kpis.benchmarks_for(platform, kpi_id)[:2]:
        text += "  \n" + ctx.t(
            "common.benchmark",
            value=i18n.percent(bench.value, ctx.lang, 2 if bench.value < 1 else 1),
            source=ctx.t(f"source.{bench.source}") if i18n.has(f"source.{bench.source}") else bench.source,
            year=bench.year,
        )
    return text
