"""Competitors in the strategy walk (a section of the audience step): the draft's values ↔ the records.

Draft keys, like the walk's others (``cmplanner.wizard``): ``w.competitors`` (the competitors' ids, in order) and
``w.competitor.<id>.<field>`` for ``name``, ``website``, ``watch``, ``platforms`` (the platforms followed) and
``handle.<platform>`` (the account there). A competitor keeps its id from the strategy, because its logged weeks
point to it; a new one gets a fresh id. An account may be left empty: the platform is still followed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from cmplanner import i18n
from cmplanner.models import Competitor, Platform, Strategy, new_id

FIELDS = ("name", "website", "watch")
IDS = "w.competitors"


def prefix(competitor_id: str) -> str:
    return f"w.competitor.{competitor_id}."


def followed(draft: Mapping[str, Any], competitor_id: str) -> list[Platform]:
    """The platforms ticked for a competitor, in the usual platform order (unknown values left out)."""
    ticked = {str(value) for value in draft.get(prefix(competitor_id) + "platforms") or []}
    return [platform for platform in Platform if platform.value in ticked]


def _data(draft: Mapping[str, Any], competitor_id: str) -> dict[str, Any]:
    key = prefix(competitor_id)
    data: dict[str, Any] = {field: str(draft.get(key + field) or "").strip() for field in FIELDS}
    data["handles"] = {
        platform.value: str(draft.get(f"{key}handle.{platform.value}") or "").strip()
        for platform in followed(draft, competitor_id)
    }
    return {**data, "id": competitor_id}


def _widget(competitor_id: str, field: str) -> str:
    """The draft key a message belongs to: ``handles.instagram`` → ``…handle.instagram``."""
    parts = field.split(".")
    if parts[0] == "handles" and len(parts) > 1:
        return f"{prefix(competitor_id)}handle.{parts[1]}"
    return prefix(competitor_id) + (parts[0] or "name")


def from_draft(draft: Mapping[str, Any], lang: str) -> tuple[list[Competitor], dict[str, str]]:
    """The competitors of the draft, with messages per widget key; a name given twice is named at the second."""
    errors: dict[str, str] = {}
    found: list[Competitor] = []
    seen: set[str] = set()
    for competitor_id in list(draft.get(IDS) or []):
        try:
            competitor = Competitor.model_validate(_data(draft, competitor_id))
        except ValidationError as exc:
            for field, message in i18n.explain(exc, lang).items():
                if field.startswith("handles."):
                    platform = i18n.t(f"platform.{field.split('.')[1]}", lang)
                    message = i18n.t("error.string_too_long", lang, field=platform, max_length=120)
                errors.setdefault(_widget(competitor_id, field), message)
            continue
        name = " ".join(competitor.name.casefold().split())
        if name in seen:
            errors[prefix(competitor_id) + "name"] = i18n.t(
                "error.competitor_twice", lang, name=competitor.name
            )
            continue
        seen.add(name)
        found.append(competitor)
    return found, errors


def to_draft(strategy: Strategy) -> dict[str, Any]:
    """The strategy's competitors as draft values (to edit a strategy whose draft is empty)."""
    draft: dict[str, Any] = {IDS: [competitor.id for competitor in strategy.competitors]}
    for competitor in strategy.competitors:
        key = prefix(competitor.id)
        for field in FIELDS:
            draft[key + field] = getattr(competitor, field)
        draft[key + "platforms"] = [platform.value for platform in competitor.platforms]
        for platform, handle in competitor.handles.items():
            draft[f"{key}handle.{platform.value}"] = handle
    return draft


def add(ids: list[str]) -> list[str]:
    """``ids`` with a new competitor's id at the end."""
    return [*ids, new_id()]
