"""The reviews a user wrote: listed newest first, found by period, the latest one, saved (a change for
``Store.update``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from cmplanner.models import Kind, Review, now
from cmplanner.store.schema import REVIEWS

if TYPE_CHECKING:
    from cmplanner.store import Edit


def _newest_first(review: Review) -> tuple[date, bool, datetime]:
    return review.end, review.kind == "quarter", review.updated_at


# ------------------------------------------------------------------------------------------------ the records


def newest_first(reviews: Iterable[Review], kind: Kind | None = None) -> list[Review]:
    """Reviews newest period first (a quarter's review before the review of its last month), of one kind if given."""
    return sorted((r for r in reviews if kind is None or r.kind == kind), key=_newest_first, reverse=True)


def find(reviews: Iterable[Review], kind: Kind, period: str) -> Review | None:
    """The review of one month or quarter, if written."""
    return next((r for r in reviews if r.kind == kind and r.period == period), None)


def latest(reviews: Iterable[Review], kind: Kind | None = None) -> Review | None:
    """The most recent non-empty review (latest period; for the same end, the quarter's) or None."""
    return next((r for r in newest_first(reviews, kind) if not r.is_empty), None)


def save(edit: Edit, review: Review) -> Review:
    """Insert or replace the review of ``(kind, period)``; an existing one keeps its id and creation time."""
    existing = edit.get(REVIEWS, review.kind, review.period)
    saved = review.model_copy(
        update={
            "id": existing.id if existing else review.id,
            "created_at": existing.created_at if existing else review.created_at,
            "updated_at": now(),
        }
    )
    edit.put(REVIEWS, [saved])
    return saved
