"""The records a strategy file is made of (pydantic v2), one module per concept, all importable from here."""

from cmplanner.models.base import (
    Count,
    IsoWeek,
    Month,
    Name,
    Quarter,
    Record,
    Row,
    ShortText,
    Text,
    new_id,
    now,
)
from cmplanner.models.branding import LOGO_MAX_STORED, Branding, BrandLogo
from cmplanner.models.checklist import PERIODS, ChecklistSettings, CustomTask, Period, TaskOverride, Tick
from cmplanner.models.choices import AgeBand, ContentFormat, Market, Platform, Role
from cmplanner.models.competitor import COMPETITOR_FIELDS, Competitor, CompetitorWeek
from cmplanner.models.draft import Draft
from cmplanner.models.imports import Baseline, ImportMemory
from cmplanner.models.metrics import METRIC_FIELDS, WeekMetrics
from cmplanner.models.own_date import OwnDate
from cmplanner.models.pillar import ContentPillar
from cmplanner.models.planned_post import CheckAnswer, PlannedPost, PostLink, PostStatus
from cmplanner.models.post import POST_METRICS, Post
from cmplanner.models.review import Kind, Review, period_end
from cmplanner.models.strategy import BusinessProfile, Goal, Persona, PlatformPlan, Strategy

__all__ = [
    "COMPETITOR_FIELDS",
    "LOGO_MAX_STORED",
    "METRIC_FIELDS",
    "PERIODS",
    "POST_METRICS",
    "AgeBand",
    "Baseline",
    "BrandLogo",
    "Branding",
    "BusinessProfile",
    "CheckAnswer",
    "ChecklistSettings",
    "Competitor",
    "CompetitorWeek",
    "ContentFormat",
    "ContentPillar",
    "Count",
    "CustomTask",
    "Draft",
    "Goal",
    "ImportMemory",
    "IsoWeek",
    "Kind",
    "Market",
    "Month",
    "Name",
    "OwnDate",
    "Period",
    "Persona",
    "Post",
    "Platform",
    "PlannedPost",
    "PlatformPlan",
    "PostLink",
    "PostStatus",
    "Quarter",
    "Record",
    "Review",
    "Role",
    "Row",
    "ShortText",
    "Strategy",
    "TaskOverride",
    "Text",
    "Tick",
    "WeekMetrics",
    "new_id",
    "now",
    "period_end",
]
