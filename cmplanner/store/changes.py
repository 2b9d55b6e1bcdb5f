"""Which parts of a strategy file each write changed, so an edit based on an older version can be merged or refused.

Every write bumps the file's version and appends to ``_meta.log`` what it touched: ``strategy.<field>`` for a field of
the strategy, ``<table>:<key>`` for a row of another table (``<table>:*`` when a write touched many), ``draft`` for
the walk's draft. An edit based on version v conflicts when it touches something a write after v touched; then it is
refused, otherwise it is applied on top of the current version (merged).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

LOG_SIZE = 200
"""Writes remembered per file; an edit based on an older version than the log reaches is refused."""
MAX_KEYS = 40
"""Rows of one table named one by one in a log entry; beyond that the entry says the whole table."""
BOOKKEEPING = frozenset({"updated_at", "created_at", "id"})
"""Strategy fields that are not the user's content: never a reason for a conflict."""


def strategy_keys(before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> set[str]:
    """The strategy fields that differ (as the file holds them)."""
    before = before or {}
    fields = (set(before) | set(after)) - BOOKKEEPING
    return {f"strategy.{f}" for f in fields if before.get(f) != after.get(f)}


def row_key(table: str, key: tuple[Hashable, ...]) -> str:
    return f"{table}:" + "|".join(str(part) for part in key)


def compact(keys: Iterable[str]) -> list[str]:
    """Keys for the log: a table with many rows touched becomes ``<table>:*``."""
    per_table: dict[str, list[str]] = {}
    for key in sorted(set(keys)):
        per_table.setdefault(key.split(":", 1)[0] if ":" in key else key, []).append(key)
    result: list[str] = []
    for table, found in per_table.items():
        result += [f"{table}:*"] if len(found) > MAX_KEYS and ":" in found[0] else found
    return result


@dataclass(frozen=True)
class Entry:
    version: int
    at: datetime
    keys: tuple[str, ...]


def entries(meta: Mapping[str, Any]) -> list[Entry]:
    found = []
    for item in meta.get("log") or []:
        try:
            found.append(Entry(int(item["v"]), datetime.fromisoformat(item["at"]), tuple(item["keys"])))
        except (KeyError, TypeError, ValueError):
            continue
    return found


def record(meta: dict[str, Any], version: int, at: datetime, keys: Iterable[str]) -> None:
    """Append one write to the log, keeping the newest :data:`LOG_SIZE`."""
    log = list(meta.get("log") or [])
    log.append({"v": version, "at": at.isoformat(), "keys": compact(keys)})
    meta["log"] = log[-LOG_SIZE:]


EVERYTHING = "*"
"""A write that replaced the whole file (a restore): every later edit based on an earlier version conflicts."""


def _matches(mine: str, theirs: str) -> bool:
    if mine == theirs or EVERYTHING in (mine, theirs):
        return True
    return any(a.endswith(":*") and b.startswith(a[:-1]) for a, b in ((mine, theirs), (theirs, mine)))


@dataclass(frozen=True)
class Clash:
    at: datetime
    keys: tuple[str, ...]


def clash(meta: Mapping[str, Any], based_on: int, current: int, mine: Iterable[str]) -> Clash | None:
    """What writes after ``based_on`` touched of ``mine`` (None: nothing, the edit can be merged).

    When the log no longer reaches back to ``based_on``, everything counts as touched.
    """
    mine = set(mine)
    if not mine or based_on >= current:
        return None
    later = [e for e in entries(meta) if e.version > based_on]
    if not later or later[0].version > based_on + 1:  # the log does not reach back: cannot tell, refuse
        last = later[-1].at if later else datetime.now().astimezone()
        return Clash(last, tuple(sorted(mine)))
    hit = [(e, k) for e in later for k in e.keys if any(_matches(m, k) for m in mine)]
    if not hit:
        return None
    return Clash(max(e.at for e, _ in hit), tuple(sorted({k for _, k in hit})))


def areas(keys: Iterable[str]) -> list[str]:
    """The parts of a strategy a user knows (``goals``, ``metrics``, ``walk``, …) for a set of keys, in order."""
    found: list[str] = []
    for key in keys:
        area = key.split(".", 1)[1] if key.startswith("strategy.") else key.split(":", 1)[0]
        area = AREA_OF.get(area, area)
        if area not in found:
            found.append(area)
    return found


AREA_OF: dict[str, str] = {"step": "walk", "status": "walk", "draft": "walk", "checks": "ticks"}
"""Keys whose area has another name than the field or table."""
