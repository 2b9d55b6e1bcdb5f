"""AppTest helpers: a fresh cache per test (streamlit#9139), and pages opened on a strategy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st

from cmplanner.store import Store


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store(data_dir)
