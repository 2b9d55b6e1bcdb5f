"""Shared fixtures: every test gets its own empty data folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty workspace in a temp folder (``CMPLANNER_DATA``); tests never touch ./data."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CMPLANNER_DATA", str(folder))
    return folder
