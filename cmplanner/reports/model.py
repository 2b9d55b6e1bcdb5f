"""What a report shows, as plain text in one language: the view model that both renderers (``pdf`` and ``html``)
lay out. ``content.build`` fills it from the records; every user text in it has gone through ``inputs.inert``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cmplanner.competitors.section import CompetitorSection
from cmplanner.pacing import Status
from cmplanner.reports.inputs import Logo


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class PersonaView:
    name: str
    ages: str
    facts: list[Fact]


@dataclass(frozen=True)
class ReasonView:
    text: str
    source: str
    effect: str
    """plus, minus or info"""


@dataclass(frozen=True)
class PlatformView:
    name: str
    role: str
    cadence: str
    reasons: list[ReasonView]


@dataclass(frozen=True)
class GoalView:
    goal: str
    quarter: str
    baseline: str
    target: str
    kind: str
    note: str


@dataclass(frozen=True)
class KpiView:
    name: str
    formula: str
    benchmarks: list[str]


@dataclass(frozen=True)
class ProgressView:
    goal: str
    note: str
    status: Status
    status_label: str
    actual: str
    expected: str
    forecast: str
    target: str
    needed: str
    """The still-needed figure alone, for the table."""
    needed_text: str
    """The same in a sentence, for the goal's block."""
    caption: str
    chart: dict[str, Any] | None = field(default=None, repr=False)
    """Vega-Lite spec; None when no week gives the KPI yet."""


@dataclass(frozen=True)
class CadenceView:
    platform: str
    text: str
    share: float | None


@dataclass(frozen=True)
class ReviewView:
    title: str
    meta: str
    parts: list[Fact]


@dataclass(frozen=True)
class PostLine:
    """One post in "which posts worked": its KPI value, when, its format and its first words (inert), its link."""

    value: str
    when: str
    format: str
    text: str
    link: str


@dataclass(frozen=True)
class PostGroupView:
    """One platform's best and weakest posts of the month and what each group has in common."""

    platform: str
    counted: str
    best: list[PostLine]
    weakest: list[PostLine]
    best_share: str
    weakest_share: str


@dataclass(frozen=True)
class PostsView:
    """Which posts worked in the last complete month (``reports.posts``)."""

    title: str
    intro: str
    formula: str
    best: str
    weakest: str
    platforms: list[PostGroupView]


@dataclass(frozen=True)
class PlanRow:
    """One planned post in the report's table of next month's plan."""

    when: str
    platforms: str
    format: str
    title: str
    status: str


@dataclass(frozen=True)
class PlanView:
    """Next month's planned posts (``reports.plan``)."""

    title: str
    intro: str
    columns: list[str]
    """Date, platforms, format, post, status."""
    rows: list[PlanRow]
    empty: str


@dataclass(frozen=True)
class Report:
    """Everything a report shows, in ``lang``; all text plain and inert (see the module docstring)."""

    lang: str
    accent: str
    """The chosen colour, darkened if needed so text in it reads on white."""
    on_accent: str
    """Black or white: the text colour on an accent background."""
    logo: Logo | None
    name: str
    client: str
    author: str
    kicker: str
    subtitle: str
    cover: list[Fact]
    date: str
    summary: str
    counts: list[tuple[Status, str]]
    labels: dict[str, str]
    business: list[Fact]
    personas: list[PersonaView]
    platforms: list[PlatformView]
    skipped: str
    goals: list[GoalView]
    kpis: list[KpiView]
    quarter: str
    progress: list[ProgressView]
    progress_note: str
    cadence: list[CadenceView]
    review: ReviewView | None
    footer: str
    file_stem: str
    plan: PlanView | None = None
    """Next month's plan; None when the strategy plans no posts in the calendar."""
    competitors: CompetitorSection | None = None
    """You against your competitors in the quarter; None when the strategy follows none."""
    posts: PostsView | None = None
    """Which posts worked in the last complete month; None when no imported post is in it."""
    time: str = ""
    """The plan's hours a week against the hours available (``workload.Workload.text``)."""

    def filename(self, ext: str) -> str:
        return f"{self.file_stem}.{ext}"
