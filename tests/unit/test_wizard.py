"""The walk's draft → models: messages per widget, nothing broken saved, a strategy round-trips through a draft."""

from __future__ import annotations

from datetime import date

from cmplanner import wizard
from cmplanner.models import Platform

GOOD_AUDIENCE = {
    "w.profile.name": "Bakkerij De Korenschoof",
    "w.profile.sector": "Bakkerij",
    "w.profile.market": "b2c",
    "w.profile.country": "nl",
    "w.profile.language": "nl",
    "w.profile.hours_per_week": 4.0,
    "w.personas": ["p1"],
    "w.persona.p1.name": "Marieke",
    "w.persona.p1.age_bands": ["30-49"],
    "w.persona.p1.locations": "Utrecht, Amersfoort ,",
    "w.persona.p1.interests": "",
    "w.persona.p1.online": ["instagram"],
}


def test_valid_audience_becomes_profile_and_personas() -> None:
    profile, personas, errors = wizard.audience(GOOD_AUDIENCE, "en")
    assert errors == {}
    assert profile is not None and profile.country == "NL"
    assert personas[0].locations == ["Utrecht", "Amersfoort"]
    assert personas[0].interests == []


def test_missing_fields_get_messages_under_their_widgets_in_dutch() -> None:
    draft = {**GOOD_AUDIENCE, "w.profile.name": "  ", "w.persona.p1.age_bands": []}
    profile, personas, errors = wizard.audience(draft, "nl")
    assert profile is None and personas == []
    assert errors["w.profile.name"] == "Bedrijfsnaam is verplicht."
    assert "Leeftijdsgroepen" in errors["w.persona.p1.age_bands"]


def test_no_persona_is_an_error() -> None:
    _, _, errors = wizard.audience({**GOOD_AUDIENCE, "w.personas": []}, "en")
    assert "persona" in errors["w.personas"]


def test_platforms_need_at_least_one_and_keep_seed_order() -> None:
    plans, errors = wizard.chosen_platforms({}, "en")
    assert plans == [] and "w.platforms" in errors
    draft = {
        "w.platforms.youtube.use": True,
        "w.platforms.facebook.use": True,
        "w.platforms.facebook.posts_per_week": 2,
    }
    plans, errors = wizard.chosen_platforms(draft, "en")
    assert errors == {}
    assert [p.platform for p in plans] == [Platform.FACEBOOK, Platform.YOUTUBE]


def test_goal_with_target_equal_to_baseline_is_reported_on_the_target() -> None:
    draft = {
        "w.goals": ["g1"],
        "w.goal.g1.platform": "instagram",
        "w.goal.g1.kpi": "followers",
        "w.goal.g1.quarter": "2026-Q4",
        "w.goal.g1.baseline": 100.0,
        "w.goal.g1.target": 100.0,
    }
    goals, errors = wizard.goals(draft, "en", [Platform.INSTAGRAM])
    assert goals == []
    assert "baseline" in errors["w.goal.g1.target"]


def test_goal_on_a_platform_no_longer_chosen_is_not_dropped_silently() -> None:
    draft = {
        "w.goals": ["g1"],
        "w.goal.g1.platform": "tiktok",
        "w.goal.g1.kpi": "followers",
        "w.goal.g1.quarter": "2026-Q4",
        "w.goal.g1.target": 500.0,
    }
    goals, errors = wizard.goals(draft, "en", [Platform.INSTAGRAM])
    assert goals == [] and "no longer in the plan" in errors["w.goal.g1.platform"]


def test_strategy_round_trips_through_a_draft() -> None:
    from cmplanner.demo import bakery

    strategy = bakery("2026-Q4")
    draft = wizard.from_strategy(strategy)
    profile, personas, errors = wizard.audience(draft, "en")
    plans, p_errors = wizard.chosen_platforms(draft, "en")
    goals, g_errors = wizard.goals(draft, "en", [p.platform for p in plans])
    assert errors == p_errors == g_errors == {}
    assert profile == strategy.profile and personas == strategy.personas
    assert plans == strategy.platforms and goals == strategy.goals


def test_goal_quarters_start_with_the_current_one_and_cross_new_year() -> None:
    assert wizard.goal_quarters(date(2026, 11, 22)) == ["2026-Q4", "2027-Q1", "2027-Q2", "2027-Q3"]


GOAL_DRAFT = {
    "w.goals": ["g1"],
    "w.goal.g1.platform": "instagram",
    "w.goal.g1.kpi": "followers",
    "w.goal.g1.quarter": "2026-Q4",
    "w.goal.g1.baseline": 400,
    "w.goal.g1.target": 600,
}


def test_a_goal_starts_the_week_it_is_set_or_with_its_quarter() -> None:
    december_1 = date(2026, 12, 1)  # 2026-W49, week 10 of 2026-Q4
    [goal], errors = wizard.goals(GOAL_DRAFT, "en", [Platform.INSTAGRAM], december_1)
    assert errors == {} and goal.start_week == "2026-W49"
    ahead = {**GOAL_DRAFT, "w.goal.g1.quarter": "2027-Q1"}
    [goal], _ = wizard.goals(ahead, "en", [Platform.INSTAGRAM], december_1)
    assert goal.start_week is None  # set before its quarter: counts from the quarter's first week
    # saved a week earlier: the saved start stays when the walk saves again
    [saved], _ = wizard.goals(GOAL_DRAFT, "en", [Platform.INSTAGRAM], date(2026, 11, 24))
    [again], _ = wizard.goals(GOAL_DRAFT, "en", [Platform.INSTAGRAM], december_1, [saved])
    assert saved.start_week == again.start_week == "2026-W48"
    # a strategy edited through its draft keeps its goals' start weeks
    drafted = {**GOAL_DRAFT, "w.goal.g1.start_week": "2026-W45"}
    [kept], _ = wizard.goals(drafted, "en", [Platform.INSTAGRAM], december_1)
    assert kept.start_week == "2026-W45"
    # moved to another quarter: the start follows
    moved = {**drafted, "w.goal.g1.quarter": "2027-Q1"}
    [goal], _ = wizard.goals(moved, "en", [Platform.INSTAGRAM], december_1, [saved])
    assert goal.start_week is None


def test_less_than_a_third_of_the_quarter_left() -> None:
    # 2026-Q4 has 14 weeks; a third is 4⅔
    assert wizard.weeks_left("2026-Q4", date(2026, 12, 1)) is None  # W49: 5 weeks left with this one
    assert wizard.weeks_left("2026-Q4", date(2026, 12, 7)) == (4, 14)  # W50
    assert wizard.weeks_left("2026-Q4", date(2027, 1, 2)) == (1, 14)  # W53
    assert wizard.weeks_left("2027-Q1", date(2026, 12, 7)) is None  # not begun


# --------------------------------------------------------------- ticks that follow recommendations

YOUTUBE, PINTEREST, FACEBOOK, INSTAGRAM = (
    Platform.YOUTUBE,
    Platform.PINTEREST,
    Platform.FACEBOOK,
    Platform.INSTAGRAM,
)


def test_first_visit_records_the_recommendations_and_moves_nothing() -> None:
    updates, changes = wizard.follow_recommendations({}, [YOUTUBE])
    assert updates == {wizard.RECOMMENDED: ["youtube"], wizard.BY_HAND: []} and changes == []
    # a draft that already holds ticks (an older draft, a strategy being edited): those ticks are the user's
    older = {"w.platforms.x.use": True, "w.platforms.facebook.use": False}
    updates, changes = wizard.follow_recommendations(older, [YOUTUBE])
    assert updates[wizard.BY_HAND] == ["facebook", "x"] and changes == []


def test_ticks_by_recommendation_follow_when_the_audience_changes() -> None:
    # persona without "where they are online": YouTube was recommended and pre-ticked
    draft = {
        wizard.RECOMMENDED: ["youtube"],
        wizard.BY_HAND: [],
        "w.platforms.youtube.use": True,
        "w.platforms.pinterest.use": False,
        "w.platforms.facebook.use": False,
        "w.platforms.x.use": False,
    }
    # Instagram and Pinterest added to the persona: Pinterest and Facebook recommended now
    updates, changes = wizard.follow_recommendations(draft, [PINTEREST, FACEBOOK])
    assert updates == {
        wizard.RECOMMENDED: ["facebook", "pinterest"],
        wizard.BY_HAND: [],
        "w.platforms.youtube.use": False,
        "w.platforms.pinterest.use": True,
        "w.platforms.facebook.use": True,
    }
    assert wizard.follow_message(changes, "en") == (
        "Facebook is now recommended and was ticked; Pinterest is now recommended and was ticked; "
        "YouTube is no longer recommended and was unticked."
    )
    assert "wordt nu aanbevolen en is aangevinkt" in wizard.follow_message(changes, "nl")
    # the same recommendations again: nothing moves
    again = {**draft, **updates}
    assert wizard.follow_recommendations(again, [PINTEREST, FACEBOOK])[1] == []


def test_ticks_by_hand_stay() -> None:
    draft = {
        wizard.RECOMMENDED: ["youtube"],
        wizard.BY_HAND: wizard.by_hand({}, "youtube"),  # the user unticked YouTube, then ticked it again
        "w.platforms.youtube.use": True,
        "w.platforms.pinterest.use": False,
    }
    draft[wizard.BY_HAND] = wizard.by_hand(draft, PINTEREST)  # and unticked Pinterest themselves
    assert draft[wizard.BY_HAND] == ["pinterest", "youtube"]
    updates, changes = wizard.follow_recommendations(draft, [PINTEREST])
    assert changes == [] and "w.platforms.youtube.use" not in updates
    # a platform never shown has no tick yet: its default will be the recommendation
    assert "w.platforms.tiktok.use" not in wizard.follow_recommendations(draft, [Platform.TIKTOK])[0]


def test_a_saved_strategys_choice_is_the_users() -> None:
    from cmplanner.models import PlatformPlan, Strategy

    saved = Strategy(name="Kapsalon", platforms=[PlatformPlan(platform=INSTAGRAM)])
    draft = wizard.from_strategy(saved)
    updates, changes = wizard.follow_recommendations({**draft, wizard.RECOMMENDED: ["instagram"]}, [YOUTUBE])
    assert changes == [] and updates[wizard.BY_HAND] == sorted(p.value for p in Platform)
