"""Strategies shared by the checklist tests."""

from __future__ import annotations

from cmplanner.checklist_items import ChecklistItem
from cmplanner.models import BusinessProfile, Platform, PlatformPlan, Strategy


def strategy(*plans: tuple[str, float], hours: float = 4.0) -> Strategy:
    return Strategy(
        name="Bakkerij",
        profile=BusinessProfile(name="Bakkerij", sector="food", hours_per_week=hours),
        platforms=[PlatformPlan(platform=Platform(p), posts_per_week=n) for p, n in plans],
    )


X_PIN = strategy(("x", 21), ("pinterest", 1))


def by_id(items: list[ChecklistItem]) -> dict[str, ChecklistItem]:
    return {item.id: item for item in items}
