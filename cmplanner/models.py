"""The records a strategy is made of (pydantic v2), as stored in its TinyDB file.

Field names double as i18n keys (``field.<name>``) so validation messages can name the field in the
user's language; see ``cmplanner.i18n.explain``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from cmplanner import periods
from cmplanner.checklists import ChecklistSettings


def new_id() -> str:
    return uuid.uuid4().hex


def now() -> datetime:
    return datetime.now(UTC)


class Platform(StrEnum):
    """The seven platforms of seed 004 (order = the seed's order)."""

    FACEBOOK = "facebook"
    X = "x"
    LINKEDIN = "linkedin"
    INSTAGRAM = "instagram"
    TIKTOK = "tiktok"
    PINTEREST = "pinterest"
    YOUTUBE = "youtube"


class Market(StrEnum):
    B2C = "b2c"
    B2B = "b2b"
    BOTH = "both"


class AgeBand(StrEnum):
    """Pew Research's age bands, so audience figures can be matched to personas."""

    A18_29 = "18-29"
    A30_49 = "30-49"
    A50_64 = "50-64"
    A65 = "65+"


class ContentFormat(StrEnum):
    PHOTO = "photo"
    SHORT_VIDEO = "short_video"
    LONG_VIDEO = "long_video"
    STORIES = "stories"
    TEXT = "text"
    ARTICLE = "article"
    LIVE = "live"
    CAROUSEL = "carousel"


class Role(StrEnum):
    """What a platform is for in the strategy."""

    AWARENESS = "awareness"
    COMMUNITY = "community"
    WEBCARE = "webcare"
    TRAFFIC = "traffic"
    LEADS = "leads"
    INSPIRATION = "inspiration"
    RECRUITMENT = "recruitment"


Text = Annotated[str, Field(max_length=2000)]
ShortText = Annotated[str, Field(max_length=120)]


class Record(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore", validate_assignment=True)


class BusinessProfile(Record):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    sector: Annotated[str, Field(min_length=1, max_length=80)]
    market: Market = Market.B2C
    country: Annotated[str, Field(min_length=2, max_length=2)] = "NL"
    language: Literal["nl", "en"] = "nl"
    hours_per_week: Annotated[float, Field(gt=0, le=80)] = 4.0

    @field_validator("country")
    @classmethod
    def _upper(cls, v: str) -> str:
        return v.upper()


class Persona(Record):
    name: Annotated[str, Field(min_length=1, max_length=80)]
    age_bands: Annotated[list[AgeBand], Field(min_length=1)]
    locations: list[ShortText] = []
    interests: list[ShortText] = []
    pains: Text = ""
    goals: Text = ""
    online: list[Platform] = []
    formats: list[ContentFormat] = []


class PlatformPlan(Record):
    platform: Platform
    role: Role = Role.AWARENESS
    posts_per_week: Annotated[float, Field(ge=0, le=70)] = 2.0
    note: Text = ""


class Goal(Record):
    """A quarterly goal: where a KPI should be at the end of the quarter.

    Rate KPIs are in percent (2.5 means 2.5 %), response time in hours.
    """

    id: str = Field(default_factory=new_id)
    platform: Platform
    kpi: str
    quarter: str
    baseline: Annotated[float, Field(ge=0)] = 0.0
    target: Annotated[float, Field(ge=0)]
    note: Text = ""

    @field_validator("quarter")
    @classmethod
    def _quarter(cls, v: str) -> str:
        try:
            periods.parse_quarter(v)
        except ValueError:
            raise PydanticCustomError("quarter_format", "expected a quarter such as 2026-Q4") from None
        return v

    @field_validator("kpi")
    @classmethod
    def _kpi(cls, v: str) -> str:
        from cmplanner import kpis

        if v not in kpis.KPIS:
            raise PydanticCustomError("unknown_kpi", "unknown KPI {kpi}", {"kpi": v})
        return v

    @model_validator(mode="after")
    def _moves(self) -> Goal:
        if self.target == self.baseline:
            raise PydanticCustomError("target_equals_baseline", "the target equals the baseline")
        return self


class Strategy(Record):
    """One client's (or one business's) social media strategy."""

    id: str = Field(default_factory=new_id)
    name: Annotated[str, Field(min_length=1, max_length=80)]
    status: Literal["draft", "ready"] = "draft"
    step: Annotated[int, Field(ge=0)] = 0
    profile: BusinessProfile | None = None
    personas: list[Persona] = []
    platforms: list[PlatformPlan] = []
    goals: list[Goal] = []
    checklist: ChecklistSettings = Field(default_factory=ChecklistSettings)
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)

    def plan_for(self, platform: Platform | str) -> PlatformPlan | None:
        return next((p for p in self.platforms if p.platform == platform), None)


Count = Annotated[int | None, Field(ge=0)]


class WeekMetrics(Record):
    """One platform's figures for one ISO week. ``None`` means not logged."""

    platform: Platform
    week: str
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

    @field_validator("week")
    @classmethod
    def _week(cls, v: str) -> str:
        try:
            periods.parse_week(v)
        except ValueError:
            raise PydanticCustomError("week_format", "expected an ISO week such as 2026-W47") from None
        return v

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
