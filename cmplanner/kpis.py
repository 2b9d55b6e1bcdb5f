"""The KPI catalogue and benchmarks (DOMAIN.md), read from ``knowledge/kpis.json`` and ``benchmarks.json``.

A KPI's formula is data: ``value = sum(num) / product(sum(factor) for factor in den) * scale``. Its texts are
i18n keys: ``kpi.<id>`` (name), ``kpi.<id>.formula`` (the formula in words), ``kpi.kind.<kind>``,
``kpi.unit.<unit>``; a benchmark's note is an i18n key itself.

``totals`` is one period's aggregate of weekly rows: flow fields summed, ``followers`` = the last logged
value, ``followers_start`` = followers at the start of the period, ``response_time_hours`` = the mean.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

KNOWLEDGE = Path(__file__).parent / "knowledge"
ENGAGEMENTS = "engagements"
DERIVED_FIELDS = {"followers_start": "followers"}
"""Totals keys that are not WeekMetrics fields → the field they are computed from."""

Totals = Mapping[str, float | None]


@dataclass(frozen=True)
class Formula:
    """``sum(num) / product of sum(factor) for each factor in den * scale``; ``-term`` subtracts."""

    num: tuple[str, ...]
    den: tuple[tuple[str, ...], ...] = ()
    scale: float = 1.0


@dataclass(frozen=True)
class Kpi:
    id: str
    kind: Literal["stock", "flow", "rate"]
    unit: Literal["count", "percent", "hours"]
    needs: tuple[str, ...]
    """WeekMetrics fields the KPI needs on some platform (see ``needs_for`` for one platform)."""
    higher_is_better: bool
    source: str
    formula: Formula
    benchmark: str | None = None
    """The method a benchmark must have been computed with to be shown beside this KPI."""


@dataclass(frozen=True)
class Benchmark:
    platform: str
    kpi: str
    value: float
    """In percent."""
    source: str
    year: int
    """The report's year."""
    note: str
    """An i18n key describing the method."""
    data_year: int | None = None
    method: str = ""


def _read(name: str) -> Any:
    return json.loads((KNOWLEDGE / name).read_text(encoding="utf-8"))


@cache
def _engagement_fields() -> dict[str, tuple[str, ...]]:
    raw = _read("kpis.json")["engagement_fields"]
    return {key: tuple(fields) for key, fields in raw.items() if not key.startswith("_")}


def engagement_fields(platform: str) -> tuple[str, ...]:
    """The fields that count as engagements on ``platform``."""
    fields = _engagement_fields()
    return fields.get(str(platform), fields["default"])


def _fields(terms: tuple[str, ...], platform: str | None) -> list[str]:
    """WeekMetrics fields behind formula terms; ``platform=None`` means any platform."""
    result: list[str] = []
    for term in terms:
        name = term.lstrip("-")
        if name == ENGAGEMENTS:
            groups = [engagement_fields(platform)] if platform else list(_engagement_fields().values())
            names = [field for group in groups for field in group]
        else:
            names = [DERIVED_FIELDS.get(name, name)]
        result += [field for field in names if field not in result]
    return result


def _terms(formula: Formula) -> tuple[str, ...]:
    return formula.num + tuple(term for factor in formula.den for term in factor)


def _load() -> dict[str, Kpi]:
    kpis: dict[str, Kpi] = {}
    for raw in _read("kpis.json")["kpis"]:
        formula = Formula(
            num=tuple(raw["num"]),
            den=tuple(tuple(factor) for factor in raw.get("den", [])),
            scale=float(raw.get("scale", 1)),
        )
        kpis[raw["id"]] = Kpi(
            id=raw["id"],
            kind=raw["kind"],
            unit=raw["unit"],
            needs=tuple(dict.fromkeys(_fields(_terms(formula), None))),
            higher_is_better=raw["higher_is_better"],
            source=raw["source"],
            formula=formula,
            benchmark=raw.get("benchmark"),
        )
    return kpis


KPIS: dict[str, Kpi] = _load()
"""Every KPI by id: the plain counts first, then the rates of DOMAIN.md's table."""


def needs_for(kpi_id: str, platform: str) -> tuple[str, ...]:
    """The WeekMetrics fields ``kpi_id`` needs on ``platform`` (e.g. saves only on Instagram)."""
    return tuple(_fields(_terms(KPIS[kpi_id].formula), platform))


def _sum(terms: tuple[str, ...], totals: Totals, platform: str) -> float | None:
    total = 0.0
    for term in terms:
        name = term.lstrip("-")
        part = engagements(totals, platform) if name == ENGAGEMENTS else totals.get(name)
        if part is None:
            return None
        total += -float(part) if term.startswith("-") else float(part)
    return total


def engagements(totals: Totals, platform: str) -> float | None:
    """Reactions + comments + shares (+ saves on Instagram); None when one of them is not logged."""
    return _sum(engagement_fields(platform), totals, platform)


def value(kpi_id: str, totals: Totals, platform: str) -> float | None:
    """The KPI for one period's totals (percent KPIs in percent: 2.5 means 2.5 %).

    None when a needed figure is missing or a denominator is 0.
    """
    formula = KPIS[kpi_id].formula
    result = _sum(formula.num, totals, platform)
    if result is None:
        return None
    for factor in formula.den:
        divisor = _sum(factor, totals, platform)
        if not divisor:
            return None
        result /= divisor
    return result * formula.scale


@cache
def _benchmarks() -> tuple[Benchmark, ...]:
    """All benchmark figures with the method they were computed with (``kpi`` left empty)."""
    return tuple(
        Benchmark(
            platform=raw["platform"],
            kpi="",
            value=raw["value"],
            source=raw["source"],
            year=raw["year"],
            note=raw["note"],
            data_year=raw.get("data_year"),
            method=raw["method"],
        )
        for raw in _read("benchmarks.json")["benchmarks"]
    )


def benchmarks_for(platform: str, kpi_id: str) -> list[Benchmark]:
    """Benchmarks computed the same way as ``kpi_id`` on ``platform``, newest report first."""
    method = KPIS[kpi_id].benchmark
    if method is None:
        return []
    found = [
        replace(b, kpi=kpi_id) for b in _benchmarks() if b.platform == str(platform) and b.method == method
    ]
    return sorted(found, key=lambda b: b.year, reverse=True)


@cache
def sources() -> dict[str, dict[str, str]]:
    """Source key → title, note (and URL) for KPI definitions and benchmark reports."""
    return {**_read("kpis.json")["sources"], **_read("benchmarks.json")["sources"]}
