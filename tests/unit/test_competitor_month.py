"""The monthly review's competitor section: the month side by side, its notes, and who stood out."""

from __future__ import annotations

import pytest

from cmplanner.competitors import month
from cmplanner.demo import bakery
from cmplanner.models import Competitor, CompetitorWeek, Platform, Strategy, WeekMetrics

# February 2026 = the ISO weeks whose Thursday is in February: 2026-W06 … 2026-W09; January ends with 2026-W05


@pytest.fixture
def strategy() -> Strategy:
    shop = bakery("2026-Q1")
    shop.competitors = [
        Competitor(id="lin", name="Van der Linden", handles={"instagram": "@vdl", "facebook": "vdl"}),
        Competitor(id="bb", name="Broodbar", handles={"instagram": "@broodbar"}),
    ]
    return shop


OWN = [
    WeekMetrics(platform="instagram", week="2026-W05", followers=1000),
    WeekMetrics(platform="instagram", week="2026-W06", followers=1010, posts=2, reactions=18, comments=2),
    WeekMetrics(platform="instagram", week="2026-W09", followers=1050, posts=3, reactions=27, comments=3),
    WeekMetrics(platform="facebook", week="2026-W06", followers=500),
    WeekMetrics(platform="facebook", week="2026-W09", followers=520),
]
THEIRS = [
    CompetitorWeek(competitor="bb", platform="instagram", week="2026-W05", followers=800),
    CompetitorWeek(competitor="bb", platform="instagram", week="2026-W08", note="Spaarkaart gelanceerd"),
    CompetitorWeek(
        competitor="bb", platform="instagram", week="2026-W09", followers=880, posts=4, likes=60, comments=4
    ),
    CompetitorWeek(competitor="lin", platform="instagram", week="2026-W06", followers=2000),
    CompetitorWeek(competitor="lin", platform="instagram", week="2026-W09", followers=2010),
    CompetitorWeek(competitor="lin", platform="facebook", week="2026-W06", followers=1500),
    CompetitorWeek(competitor="lin", platform="facebook", week="2026-W09", followers=1503),
    CompetitorWeek(competitor="lin", platform="facebook", week="2026-W02", note="Nieuwe winkel"),  # January
]


def test_the_month_and_the_month_before_side_by_side(strategy: Strategy) -> None:
    section = month.month_section(strategy, OWN, THEIRS, "2026-02")
    assert [item.platform for item in section.platforms] == [Platform.FACEBOOK, Platform.INSTAGRAM]
    instagram = section.platforms[1]
    you, lin, bb = instagram.rows
    # you: 1,000 (2026-W05) → 1,050 = +5 %; (18 + 2 + 27 + 3) ÷ 5 posts ÷ 1,050 × 100 = 0.952 %
    assert you.summary.growth == pytest.approx(5.0)
    assert you.summary.engagement == pytest.approx(50 / 5 / 1050 * 100)
    # Broodbar: 800 → 880 = +10 %; 64 ÷ 4 ÷ 880 × 100 = 1.818 %; Van der Linden starts at its first week: +0.5 %
    assert bb.summary.growth == pytest.approx(10.0) and lin.summary.growth == pytest.approx(0.5)
    # January: only 2026-W05 for you and Broodbar, so no growth yet
    assert [row.summary.followers for row in instagram.previous] == [1000, None, 800]


def test_the_notes_of_the_month(strategy: Strategy) -> None:
    section = month.month_section(strategy, OWN, THEIRS, "2026-02")
    assert section.notes == [
        month.MonthNote("Broodbar", Platform.INSTAGRAM, "2026-W08", "Spaarkaart gelanceerd")
    ]
    assert month.note_text(section.notes[0], "nl") == "Broodbar (Instagram, 2026-W08): Spaarkaart gelanceerd"


def test_who_stood_out(strategy: Strategy) -> None:
    section = month.month_section(strategy, OWN, THEIRS, "2026-02")
    assert month.highlights(section, "en") == [
        # Facebook: you 500 → 520 = +4 %, Van der Linden 1,500 → 1,503 = +0.2 %
        "Facebook: you grew fastest (+4.0%); next: Van der Linden (+0.2%).",
        "Instagram: Broodbar grew fastest (+10.0%); you: +5.0%.",
        "Instagram: Broodbar had the most engagement per post (1.82%); you: 0.95%.",
    ]
    assert (
        month.highlights(section, "nl")[1] == "Instagram: Broodbar groeide het snelst (+10,0%); jij: +5,0%."
    )
