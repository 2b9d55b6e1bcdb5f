"""One platform's figures for one ISO week, as logged by hand or imported."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from cmplanner.models.base import Count, IsoWeek, Row, ShortText
from cmplanner.models.choices import Platform


class WeekMetrics(Row):
    """One platform's figures for one ISO week. ``None`` means not logged."""

    platform: Platform
    week: IsoWeek
    followers: Count = None
    posts: Count = None
    impressions: Count = None
    reach: Count = None
    reactions: Count = None
    comments: Count = None
    shares: Count = None
    saves: Count = None
    clicks: Count = None
    video_views: Count = None
    messages_received: Count = None
    messages_answered: Count = None
    response_time_hours: Annotated[float | None, Field(ge=0)] = None
    mentions: Count = None
    competitor_mentions: Count = None
    source: ShortText = "manual"

    @model_validator(mode="after")
    def _answered(self) -> WeekMetrics:
        if (
            self.messages_answered is not None
            and self.messages_received is not None
            and self.messages_answered > self.messages_received
        ):
            raise PydanticCustomError("answered_gt_received", "more messages answered than received")
        return self


METRIC_FIELDS: tuple[str, ...] = tuple(
    name for name in WeekMetrics.model_fields if name not in {"platform", "week", "source"}
)
