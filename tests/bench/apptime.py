"""Benchmark helpers: timing a page under AppTest (warm it once, then the median of several reruns: what a user
waits after a click), and synthetic weekly figures."""

from __future__ import annotations

import math
import os
import statistics
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from cmplanner import periods
from cmplanner.models import Platform, WeekMetrics

ROOT = Path(__file__).resolve().parents[2]


_WARMED: set[str] = set()
"""Scripts already measured once in this process: the first AppTest of a process runs up to 1.6× slower for all
its reruns (imports and caches warming), which would count against whichever page a bench measures first."""


def rerun_ms(script: str, data: Path, runs: int = 7, entry: str = "app.py", **params: str) -> float:
    """Median rerun time of ``script`` in ms, with CMPLANNER_DATA=data and ``params`` as query parameters (the
    first call in a process measures once unrecorded, so every figure is a warm one)."""
    if not _WARMED:
        _WARMED.add(script)
        _measure(script, data, runs, entry, params)
    return _measure(script, data, runs, entry, params)


def _measure(script: str, data: Path, runs: int, entry: str, params: dict[str, str]) -> float:
    os.environ["CMPLANNER_DATA"] = str(data)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / entry), default_timeout=120)
    for name, value in params.items():
        at.query_params[name] = value
    if script != Path(entry).name:
        at.switch_page(script)
    at.run()
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def synthetic_weeks(
    platforms: Sequence[Platform], today: date, count: int, followers: int, growth: int
) -> list[WeekMetrics]:
    """``count`` weeks up to the last complete one before ``today``, for each platform, with a gentle wobble."""
    week = periods.shift_week(periods.last_complete_week(today), -count + 1)
    rows = []
    for i in range(count):
        for j, platform in enumerate(platforms):
            wobble = 1 + 0.2 * math.sin(i * 0.7 + j)
            rows.append(
                WeekMetrics(
                    platform=platform,
                    week=week,
                    followers=followers + growth * i + j,
                    posts=round(3 * wobble),
                    impressions=int(4500 * wobble),
                    reach=int(3000 * wobble),
                    reactions=int(120 * wobble),
                    comments=int(15 * wobble),
                    shares=int(6 * wobble),
                    saves=int(9 * wobble),
                    clicks=int(50 * wobble),
                )
            )
        week = periods.shift_week(week, 1)
    return rows
