"""The records: what is accepted, what is refused with which readable message, and how they round-trip as JSON."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cmplanner import i18n
from cmplanner.models import BusinessProfile, Goal, Persona, Platform, Strategy, WeekMetrics


def messages(exc: pytest.ExceptionInfo[ValidationError], lang: str = "en") -> dict[str, str]:
    return i18n.explain(exc.value, lang)


def test_business_profile_normalises_and_bounds() -> None:
    profile = BusinessProfile(name="  Bakkerij  ", sector="Bakkerij", country="nl", hours_per_week=4)
    assert profile.name == "Bakkerij" and profile.country == "NL"
    with pytest.raises(ValidationError) as info:
        BusinessProfile(name="X", sector="Y", hours_per_week=0)
    assert messages(info)["hours_per_week"] == "Hours per week must be more than 0."


def test_persona_needs_a_name_and_an_age_group() -> None:
    with pytest.raises(ValidationError) as info:
        Persona(name="", age_bands=[])
    found = messages(info, "nl")
    assert found["name"] == "Naam van de persona is verplicht."
    assert "Leeftijdsgroepen" in found["age_bands"]


def test_goal_checks_quarter_kpi_and_that_it_moves() -> None:
    goal = Goal(platform="instagram", kpi="followers", quarter="2026-Q4", baseline=100, target=150)
    assert goal.platform is Platform.INSTAGRAM and len(goal.id) == 32
    with pytest.raises(ValidationError) as info:
        Goal(platform="instagram", kpi="followers", quarter="Q4 2026", target=10)
    assert "2026-Q4" in messages(info)["quarter"]
    with pytest.raises(ValidationError) as info:
        Goal(platform="instagram", kpi="likes_per_minute", quarter="2026-Q4", target=10)
    assert "not in the catalogue" in messages(info)["kpi"]
    with pytest.raises(ValidationError):
        Goal(platform="myspace", kpi="followers", quarter="2026-Q4", target=10)


def test_week_metrics_refuse_negative_counts_bad_weeks_and_more_answers_than_messages() -> None:
    with pytest.raises(ValidationError) as info:
        WeekMetrics(platform="facebook", week="2026-W47", posts=-1)
    assert "cannot be negative" in messages(info)["posts"]
    with pytest.raises(ValidationError):
        WeekMetrics(platform="facebook", week="2026-W54")
    with pytest.raises(ValidationError) as info:
        WeekMetrics(platform="facebook", week="2026-W47", messages_received=2, messages_answered=3)
    assert "More messages answered than received" in next(iter(messages(info).values()))


def test_unlogged_figures_stay_none_not_zero() -> None:
    row = WeekMetrics(platform="x", week="2026-W47", followers=10)
    assert row.posts is None and row.impressions is None


def test_strategy_round_trips_through_json_with_its_checklist_settings() -> None:
    from cmplanner.demo import bakery

    strategy = bakery("2026-Q4")
    again = Strategy.model_validate_json(strategy.model_dump_json())
    assert again == strategy
    assert again.checklist.overrides == {}
    assert again.plan_for("instagram") is not None and again.plan_for("tiktok") is None
