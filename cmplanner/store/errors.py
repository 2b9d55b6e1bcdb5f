"""What the store tells the user: a problem with an i18n key and its parameters, never a traceback."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cmplanner.problems import Problem


class StoreError(Problem):
    """A storage problem to show the user: an i18n key (``store.*``, ``data.*``), its params, and the file or folder
    concerned. ``params`` always holds ``path`` (as text)."""

    def __init__(self, key: str, path: Path | None = None, **params: Any) -> None:
        super().__init__(key, path=str(path) if path else "", **params)
        self.path = path


class Conflict(StoreError):
    """An edit based on an older version that touches what another window changed since: refused, nothing saved."""

    def __init__(self, path: Path, at: datetime, fields: Sequence[str]) -> None:
        super().__init__("store.conflict", path)
        self.at = at
        self.fields = list(fields)
        """What the other window changed, as areas (``goals``, ``platforms``, ``metrics``, …)."""

    def text(self, lang: str) -> str:
        from cmplanner import i18n

        what = ", ".join(i18n.t(f"store.area.{name}", lang) for name in self.fields)
        when = i18n.time_of_day(self.at, lang)
        return i18n.t("store.conflict", lang, time=when, what=what)


@dataclass(frozen=True)
class DamagedFile:
    """A strategy file that does not load, left exactly as it is: where, and why."""

    path: Path
    error: str
    """The reason, naming the table and record when one record is at fault."""
    backup: Path | None = None
    """The newest backup of that strategy, if any."""
    name: str | None = None
    """The strategy's name when the file still says it."""

    @property
    def strategy_id(self) -> str:
        return self.path.stem
