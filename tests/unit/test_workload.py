"""The plan's hours and the changes that make it fit (cmplanner.workload)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmplanner import platforms as kb
from cmplanner import wizard
from cmplanner import workload as wl
from cmplanner.checklist_items import ChecklistSettings, CustomTask, TaskOverride, generate
from cmplanner.models import AgeBand, BusinessProfile, Persona, Platform, PlatformPlan, Strategy
from tests.unit.checklist_plans import X_PIN, strategy

ROUTINES_MIN = 23 * 7 + 55 + 105 * 12 / 52 + 240 * 4 / 52
"""Seed 004's routines: 23 min a day, 55 a week, 105 a month, 240 a quarter (minutes are the assumptions)."""
INSTAGRAM_MIN = 3 * 30 + 15 + 60 * 12 / 52 + 5 * 7 + 5 * 7
"""Instagram at 3 posts a week: posts, statistics, the monthly content plan, interact and reply daily."""


def test_plan_hours_of_a_salon_on_instagram_counts_routines_and_platform_tasks() -> None:
    salon = strategy(("instagram", 3), hours=4.0)
    assert wl.plan_hours(salon) == pytest.approx((ROUTINES_MIN + INSTAGRAM_MIN) / 60)  # 7.5 h, not 3.1
    assert wl.routine_hours(salon) == pytest.approx(ROUTINES_MIN / 60)
    assert wl.platform_hours(salon, "instagram") == pytest.approx(INSTAGRAM_MIN / 60)
    w = wl.workload(salon)
    assert w.hours == wl.plan_hours(salon) and not w.fits
    assert w.text("en") == (
        "The plan takes 7.5 hours a week (3.1 for the platforms, 4.3 for the daily, weekly and monthly "
        "routines) but you have 4.0: 3.5 hours too many."
    )
    assert w.text("nl").startswith("Het plan kost 7,5 uur per week (3,1 voor de platformen, 4,3 voor")


def test_platform_hours_follow_the_cadence_and_the_tuning() -> None:
    salon = strategy(("instagram", 3))
    # 2 more posts a week at 30 min each
    assert wl.platform_hours(salon, "instagram", 5) - wl.platform_hours(salon, "instagram") == pytest.approx(
        1
    )
    # a platform not chosen: its default cadence (Pinterest: 1 board a week)
    assert wl.platform_hours(salon, Platform.PINTEREST) == pytest.approx((45 + 5 * 2 + 45 * 12 / 52) / 60)
    tuned = salon.model_copy(
        update={"checklist": ChecklistSettings(overrides={"instagram.reply": TaskOverride(minutes=15)})}
    )
    assert wl.platform_hours(tuned, "instagram") - wl.platform_hours(salon, "instagram") == pytest.approx(
        10 * 7 / 60
    )
    assert wl.plan_hours(tuned) == pytest.approx(
        wl.routine_hours(tuned) + wl.platform_hours(tuned, "instagram")
    )


def test_workload_hours_per_platform_and_period() -> None:
    w = wl.workload(strategy(("x", 21), ("pinterest", 1), hours=80))
    assert w.fits and w.over == 0 and w.suggestions == ()
    # X: 3 posts × 10 min × 7 + 2 reposts × 2 min × 7 + 10 follows × 1 min = 248 min a week
    assert w.by_platform["x"] == pytest.approx(248 / 60)
    assert w.routines == pytest.approx(ROUTINES_MIN / 60)
    assert w.hours == pytest.approx(sum(w.by_platform.values()))
    assert w.hours == pytest.approx(sum(w.by_period.values()))
    assert "fits" in w.text("en") and "past" in w.text("nl")


def settings_after(suggestion: wl.Suggestion) -> ChecklistSettings:
    return wl.apply(ChecklistSettings(), suggestion.changes)


@pytest.mark.parametrize("available", [2.0, 4.0, 6.0, 8.0, 9.0])
def test_suggestions_really_make_it_fit_and_hold_one_kind_of_change(available: float) -> None:
    plan = X_PIN.model_copy(
        update={"profile": X_PIN.profile.model_copy(update={"hours_per_week": available})}
    )  # type: ignore[union-attr]
    w = wl.workload(plan)
    assert not w.fits and w.over == pytest.approx(w.hours - available)
    kinds = [s.kind for s in w.suggestions]
    assert kinds[:2] == ["fewer_platforms", "lower_cadences"]
    for suggestion in w.suggestions:
        if suggestion.kind == "fewer_platforms":
            assert suggestion.changes == suggestion.drops  # only platforms in the "fewer platforms" box
        if suggestion.kind == "lower_cadences":
            assert suggestion.changes == suggestion.lowers
        assert suggestion.hours_saved == pytest.approx(sum(c.hours_saved for c in suggestion.changes))
        assert all(c.hours_saved > 0 for c in suggestion.changes)
        after = wl.workload(plan.model_copy(update={"checklist": settings_after(suggestion)}))
        assert after.hours == pytest.approx(w.hours - suggestion.hours_saved)
        assert after.fits == suggestion.fits
        for change in suggestion.changes:
            assert change.text("en") and change.text("nl")
    # the combination is offered only when neither kind fits on its own
    assert ("both" in kinds) == (not any(s.fits for s in w.suggestions[:2]))
    # answering messages is never cut
    assert all("day.messages" not in c.task_ids for s in w.suggestions for c in s.changes)


def test_small_gap_takes_the_smallest_change_that_closes_it() -> None:
    hours = wl.plan_hours(X_PIN) - 0.5
    plan = X_PIN.model_copy(update={"profile": X_PIN.profile.model_copy(update={"hours_per_week": hours})})  # type: ignore[union-attr]
    w = wl.workload(plan)
    fewer = next(s for s in w.suggestions if s.kind == "fewer_platforms")
    assert [c.platform for c in fewer.changes] == ["pinterest"]  # 1.1 h closes 0.5 h; X would be overkill
    assert fewer.changes[0].text("en") == "Drop Pinterest: saves 1.1 hours a week"
    lower = next(s for s in w.suggestions if s.kind == "lower_cadences")
    assert len(lower.changes) == 1 and lower.fits
    # a recommended (protected) platform is kept when another one can go
    kept = wl.workload(plan, protect={"pinterest"})
    assert next(s for s in kept.suggestions if s.kind == "fewer_platforms").platforms == ("x",)


def test_lower_cadence_halves_and_stops_at_once_a_month() -> None:
    assert wl.lower_cadence(3, "day") == (10, "week")
    assert wl.lower_cadence(2, "day") == (1, "day")
    assert wl.lower_cadence(1, "day") == (3, "week")
    assert wl.lower_cadence(1, "week") == (2, "month")
    assert wl.lower_cadence(2, "month") == (1, "month")
    assert wl.lower_cadence(1, "month") is None
    assert wl.lower_cadence(1, "quarter") is None


def test_outsourced_cost_uses_the_seed_reference() -> None:
    ref = kb.community_manager_cost()
    eur, source = wl.outsourced_cost(ref["hours_per_month"] * 12 / 52)
    assert eur == pytest.approx(2000) and source == "cidj"
    assert wl.outsourced_cost(0) == (0, "cidj")
    assert "cidj.com" in wl.cost_text(5, "en") and "€2,000" in wl.cost_text(5, "en")
    assert "€ 2.000 bruto" in wl.cost_text(5, "nl")


# ------------------------------------------------------------------------------- one figure everywhere

platform_plans = st.lists(
    st.tuples(st.sampled_from(list(Platform)), st.floats(0, 21).map(lambda n: round(n))),
    max_size=4,
    unique_by=lambda plan: plan[0],
)
overrides = st.dictionaries(
    st.sampled_from(["day.messages", "week.strategy", "month.analyse", "instagram.post", "x.follow"]),
    st.builds(
        TaskOverride,
        enabled=st.none() | st.booleans(),
        count=st.none() | st.integers(1, 5),
        period=st.none() | st.sampled_from(["day", "week", "month", "quarter"]),
        minutes=st.none() | st.integers(0, 90).map(float),
    ),
    max_size=3,
)
own = st.lists(
    st.builds(
        CustomTask,
        label=st.just("Eigen taak"),
        period=st.sampled_from(["day", "week", "month"]),
        count=st.integers(1, 3),
        minutes=st.integers(0, 60).map(float),
        platform=st.none() | st.sampled_from([p.value for p in Platform]),
    ),
    max_size=2,
)


@settings(max_examples=60, deadline=None)
@given(plans=platform_plans, tuning=overrides, custom=own, hours=st.integers(1, 40))
def test_walk_document_checklists_and_report_read_the_same_hours(
    plans: list[tuple[Platform, float]], tuning: dict[str, TaskOverride], custom: list[CustomTask], hours: int
) -> None:
    plan = Strategy(
        name="Kapsalon",
        profile=BusinessProfile(name="Kapsalon", sector="hair", hours_per_week=hours),
        personas=[Persona(name="Klant", age_bands=[AgeBand.A30_49])],
        platforms=[PlatformPlan(platform=p, posts_per_week=n) for p, n in plans],
        checklist=ChecklistSettings(overrides=tuning, custom=custom),
    )
    report = wl.plan_hours(plan)  # what the report reads
    walk = wl.workload(
        wizard.plan_from_draft(plan, wizard.from_strategy(plan), "en")
    )  # the walk, from its draft
    document = wl.workload(plan)  # the strategy document and the review
    checklist_page = wl.total_hours(generate(plan))  # the checklists' items, as ticked and tuned
    assert walk.hours == document.hours == checklist_page == report
    assert walk.text("nl") == document.text("nl")
    # the platforms' shares add up to the plan
    assert wl.routine_hours(plan) + sum(wl.platform_hours(plan, p) for p, _ in plans) == pytest.approx(report)
