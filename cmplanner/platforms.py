"""Platform knowledge (seed 004 and DOMAIN.md), read from ``knowledge/*.json``.

Texts live in the i18n catalogs: a task's label is ``task.<id>``, a source's title ``source.<key>``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from cmplanner.models import Platform

KNOWLEDGE = Path(__file__).parent / "knowledge"
Period = Literal["day", "week", "month", "quarter"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "quarter")


@dataclass(frozen=True)
class Task:
    """A recurring task: ``count`` times per ``period``, ``minutes`` each (an assumption)."""

    id: str
    period: Period
    count: int
    minutes: float
    posts: bool = False
    source: str = "seed004"


@dataclass(frozen=True)
class PlatformInfo:
    id: Platform
    name: str
    color: str
    audience_by_age: dict[str, int | None]
    audience_source: str
    audience_all: int
    audience_all_source: str
    nl_users_millions: float | None
    nl_note: str | None
    nl_source: str
    flanders_monthly_pct: int | None
    flanders_source: str
    b2b_fit: int
    formats: tuple[str, ...]
    default_posts_per_week: float
    default_role: str
    posts_source: str
    tasks: tuple[Task, ...]

    @property
    def posting_task(self) -> Task:
        return next(task for task in self.tasks if task.posts)


def _read(name: str) -> Any:
    return json.loads((KNOWLEDGE / name).read_text(encoding="utf-8"))


@cache
def sources() -> dict[str, dict[str, str]]:
    """Source key → title, note and (where known) URL."""
    data: dict[str, dict[str, str]] = _read("sources.json")
    return data


@cache
def platforms() -> dict[Platform, PlatformInfo]:
    """All platforms in seed 004's order."""
    result: dict[Platform, PlatformInfo] = {}
    for raw in _read("platforms.json")["platforms"]:
        tasks = tuple(Task(**task) for task in raw.pop("tasks"))
        raw["formats"] = tuple(raw["formats"])
        info = PlatformInfo(id=Platform(raw.pop("id")), tasks=tasks, **raw)
        result[info.id] = info
    return result


def get(platform: Platform | str) -> PlatformInfo:
    return platforms()[Platform(platform)]


@cache
def period_tasks() -> tuple[Task, ...]:
    """The daily, weekly, monthly and quarterly tasks of seed 004."""
    return tuple(Task(**task) for task in _read("tasks.json")["period_tasks"])


@cache
def prepublish_check() -> tuple[str, ...]:
    """Seed 000's questions before publishing (i18n keys ``check.<id>``)."""
    return tuple(_read("tasks.json")["prepublish_check"])


@cache
def community_manager_cost() -> dict[str, Any]:
    """The seed's reference cost of a community manager, with its source."""
    cost: dict[str, Any] = _read("tasks.json")["community_manager_cost"]
    return cost


PER_WEEK: dict[Period, float] = {"day": 7.0, "week": 1.0, "month": 12 / 52, "quarter": 4 / 52}
"""How often a period comes round in an average week."""


def times_per_week(task: Task, count: float | None = None) -> float:
    """How many times a task is done in an average week (``count`` overrides the task's own count)."""
    return (task.count if count is None else count) * PER_WEEK[task.period]


def hours_per_week(platform: Platform | str, posts_per_week: float | None = None) -> float:
    """Hours a week of a platform's cadence tasks; ``posts_per_week`` replaces the posting task's cadence."""
    minutes = 0.0
    for task in get(platform).tasks:
        if task.posts and posts_per_week is not None:
            minutes += posts_per_week * task.minutes
        else:
            minutes += times_per_week(task) * task.minutes
    return minutes / 60
