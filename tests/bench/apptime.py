"""Timing a page under AppTest: warm it once, then the median of several reruns (what a user waits after a click)."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def rerun_ms(script: str, data: Path, runs: int = 7, entry: str = "app.py", **params: str) -> float:
    """Median rerun time of ``script`` in ms, with CMPLANNER_DATA=data and ``params`` as query parameters."""
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
