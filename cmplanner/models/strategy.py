"""A strategy: the business, its audience, the platforms chosen and the quarterly goals (pydantic v2)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator
from pydantic_core import PydanticCustomError

from cmplanner import periods
from cmplanner.models.base import IsoWeek, Name, Quarter, Record, ShortText, Text, new_id, now
from cmplanner.models.branding import Branding
from cmplanner.models.checklist import ChecklistSettings
from cmplanner.models.choices import AgeBand, ContentFormat, Market, Platform, Role
from cmplanner.models.competitor import Competitor
from cmplanner.models.own_date import OwnDate
from cmplanner.models.pillar import ContentPillar

PILLAR_SHARES_MAX = 100.0


class BusinessProfile(Record):
    name: Name
    sector: Name
    market: Market = Market.B2C
    country: Annotated[str, Field(min_length=2, max_length=2)] = "NL"
    language: Literal["nl", "en"] = "nl"
    hours_per_week: Annotated[float, Field(gt=0, le=80)] = 4.0

    @field_validator("country")
    @classmethod
    def _upper(cls, v: str) -> str:
        return v.upper()


class Persona(Record):
    name: Name
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
    why: Text = ""
    """Why this platform, in the user's words for the client; empty: the recommendation's reasons (``cmplanner.why``)."""

    def planned_posts(self, weeks: int) -> float:
        """The posts this plan puts out in ``weeks`` weeks: what the tracker's cadence and a proposed posts goal
        count against."""
        return self.posts_per_week * weeks


class Goal(Record):
    """A quarterly goal: where a KPI should be at the end of the quarter.

    Rate KPIs are in percent (2.5 means 2.5 %), response time in hours. ``start_week`` is the week pace counts
    from (``None``: the quarter's first week).
    """

    id: str = Field(default_factory=new_id)
    platform: Platform
    kpi: str
    quarter: Quarter
    baseline: Annotated[float, Field(ge=0)] = 0.0
    target: Annotated[float, Field(ge=0)]
    note: Text = ""
    start_week: IsoWeek | None = None

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
        if self.start_week is not None and periods.quarter_of_week(self.start_week) != self.quarter:
            raise PydanticCustomError("start_outside_quarter", "the start week is not in the goal's quarter")
        return self


class Strategy(Record):
    """One client's (or one business's) social media strategy.

    ``version`` is the version of the strategy file it was read from (set by the store, never stored in the
    strategy's own record): an edit says which version it was based on.
    """

    id: str = Field(default_factory=new_id)
    name: Name
    status: Literal["draft", "ready"] = "draft"
    step: Annotated[int, Field(ge=0)] = 0
    profile: BusinessProfile | None = None
    personas: list[Persona] = []
    platforms: list[PlatformPlan] = []
    goals: list[Goal] = []
    pillars: list[ContentPillar] = []
    """Content pillars; their shares add up to at most 100 %."""
    own_dates: list[OwnDate] = []
    competitors: list[Competitor] = []
    checklist: ChecklistSettings = Field(default_factory=ChecklistSettings)
    branding: Branding = Field(default_factory=Branding)
    """How this strategy's client reports look (client, author, logo, accent, language)."""
    created_at: datetime = Field(default_factory=now)
    updated_at: datetime = Field(default_factory=now)
    version: int = Field(default=0, exclude=True)
    _loaded: dict[str, Any] | None = PrivateAttr(default=None)

    def loaded(self) -> dict[str, Any] | None:
        """The strategy as it was read from its file (as the file holds it), to tell what was changed since."""
        return self._loaded

    def mark_loaded(self, stored: dict[str, Any]) -> None:
        self._loaded = stored

    @model_validator(mode="after")
    def _pillar_shares(self) -> Strategy:
        total = sum(pillar.share for pillar in self.pillars)
        if total > PILLAR_SHARES_MAX + 1e-6:
            raise PydanticCustomError(
                "pillar_shares",
                "the pillars' shares add up to {total}%, more than 100%",
                {"total": round(total, 1)},
            )
        return self

    def plan_for(self, platform: Platform | str) -> PlatformPlan | None:
        return next((p for p in self.platforms if p.platform == platform), None)

    def competitor(self, competitor_id: str) -> Competitor | None:
        return next((c for c in self.competitors if c.id == competitor_id), None)

    @model_validator(mode="after")
    def _competitor_names(self) -> Strategy:
        """Competitors are told apart by name in tables and imported sheets, so no name appears twice."""
        seen: set[str] = set()
        for competitor in self.competitors:
            name = " ".join(competitor.name.casefold().split())
            if name in seen:
                raise PydanticCustomError(
                    "competitor_twice", "two competitors are named {name}", {"name": competitor.name}
                )
            seen.add(name)
        return self
