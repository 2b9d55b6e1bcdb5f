"""Content pillars in the strategy walk (a section of the platforms step): the draft's values ↔ the records.

Draft keys, like the walk's others (``cmplanner.wizard``): ``w.pillars`` (the pillars' ids, in order) and
``w.pillar.<id>.<field>`` for ``name``, ``covers`` and ``share`` (percent of the posts). A pillar keeps its id from
the strategy, because planned posts point to it; a new one gets a fresh id. The shares may add up to less than
100 % (the rest is free), never to more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from cmplanner import i18n
from cmplanner.models import ContentPillar, Strategy, new_id
from cmplanner.models.strategy import PILLAR_SHARES_MAX

FIELDS = ("name", "covers", "share")
IDS = "w.pillars"


def prefix(pillar_id: str) -> str:
    return f"w.pillar.{pillar_id}."


def from_draft(draft: Mapping[str, Any], lang: str) -> tuple[list[ContentPillar], dict[str, str]]:
    """The pillars of the draft, with messages per widget key (``w.pillars`` for the shares' total)."""
    errors: dict[str, str] = {}
    found: list[ContentPillar] = []
    for pillar_id in list(draft.get(IDS) or []):
        data = {field: draft.get(prefix(pillar_id) + field) for field in FIELDS}
        data = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items() if v is not None}
        try:
            found.append(ContentPillar.model_validate({**data, "id": pillar_id}))
        except ValidationError as exc:
            for field, message in i18n.explain(exc, lang).items():
                errors.setdefault(prefix(pillar_id) + (field.split(".")[0] or "name"), message)
    total = total_share(draft)
    if total > PILLAR_SHARES_MAX + 1e-6:
        errors[IDS] = i18n.t(
            "error.pillar_shares", lang, total=i18n.number(total, lang, 0 if float(total).is_integer() else 1)
        )
    return found, errors


def to_draft(strategy: Strategy) -> dict[str, Any]:
    """The strategy's pillars as draft values (to edit a strategy whose draft is empty)."""
    draft: dict[str, Any] = {IDS: [pillar.id for pillar in strategy.pillars]}
    for pillar in strategy.pillars:
        for field in FIELDS:
            draft[prefix(pillar.id) + field] = getattr(pillar, field)
    return draft


def add(ids: list[str]) -> list[str]:
    """``ids`` with a new pillar's id at the end."""
    return [*ids, new_id()[:8]]


def total_share(draft: Mapping[str, Any]) -> float:
    """The shares of the draft's pillars added up (unfilled ones count 0)."""
    return sum(float(draft.get(prefix(pid) + "share") or 0.0) for pid in draft.get(IDS) or [])
