"""Shared fixtures: every test gets its own empty data folder."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from cmplanner.models import new_id
from cmplanner.store import Store


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty workspace in a temp folder (``CMPLANNER_DATA``); tests never touch ./data."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CMPLANNER_DATA", str(folder))
    return folder


def same_name_copy(store: Store, strategy_id: str) -> str:
    """A second strategy with the same name, as restoring another workspace's backup can bring in (the app and
    the store refuse to make one); returns its id."""
    data = orjson.loads(store.path(strategy_id).read_bytes())
    new = new_id()
    data["strategy"]["1"]["id"] = new
    store.path(new).write_bytes(orjson.dumps(data))
    return new
