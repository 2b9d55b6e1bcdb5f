"""Platform recommendations: the bakery and the B2B consultancy, the hours budget, and the reasons' texts."""

from __future__ import annotations

import re

import pytest

from cmplanner import i18n, platforms, why
from cmplanner.models import (
    AgeBand,
    BusinessProfile,
    ChecklistSettings,
    ContentFormat,
    Market,
    Persona,
    Platform,
    PlatformPlan,
    Strategy,
    TaskOverride,
)
from cmplanner.recommend import Reason, Recommendation, recommend, render
from cmplanner.workload import platform_hours, routine_hours


def bakery(hours: float = 3.0, country: str = "NL") -> BusinessProfile:
    return BusinessProfile(
        name="Bakkerij Jansen", sector="bakery", market=Market.B2C, country=country, hours_per_week=hours
    )


BAKERY_PERSONAS = [
    Persona(name="Jonge ouder", age_bands=[AgeBand.A30_49], formats=[ContentFormat.PHOTO]),
    Persona(name="Vaste klant", age_bands=[AgeBand.A50_64], formats=[ContentFormat.PHOTO]),
]
CONSULTANCY = BusinessProfile(
    name="Van Dijk Advies", sector="consultancy", market=Market.B2B, country="NL", hours_per_week=4
)
B2B_PERSONAS = [
    Persona(
        name="CFO",
        age_bands=[AgeBand.A30_49, AgeBand.A50_64],
        formats=[ContentFormat.ARTICLE, ContentFormat.TEXT],
    ),
]


def order(recs: list[Recommendation]) -> list[Platform]:
    return [r.platform for r in recs]


def by_platform(recs: list[Recommendation], platform: Platform) -> Recommendation:
    return next(r for r in recs if r.platform == platform)


def keys(rec: Recommendation) -> list[str]:
    return [reason.key.removeprefix("recommend.reason.") for reason in rec.reasons]


def test_bakery_gets_facebook_and_instagram_ahead_of_x_and_tiktok() -> None:
    ranked = order(recommend(bakery(), BAKERY_PERSONAS))
    assert ranked[0] == Platform.FACEBOOK
    for ahead in (Platform.FACEBOOK, Platform.INSTAGRAM):
        for behind in (Platform.X, Platform.TIKTOK):
            assert ranked.index(ahead) < ranked.index(behind)


ROUTINES = routine_hours(Strategy(name="x"))
"""The routines every plan has (about 4.3 hours a week): counted before any platform."""


def test_bakery_plan_fits_in_eight_hours_with_the_routines_and_says_what_it_skipped() -> None:
    recs = recommend(bakery(8.0), BAKERY_PERSONAS)
    chosen = [r for r in recs if r.recommended]
    assert Platform.FACEBOOK in order(chosen)
    assert ROUTINES + sum(r.hours_per_week for r in chosen) <= 8.0
    skipped = [r for r in recs if keys(r)[-1] == "skipped_hours"]
    assert skipped
    for rec in skipped:
        assert not rec.recommended
        text = render(rec.reasons[-1], "nl")
        assert "Niet elk bedrijf hoeft op elk platform aanwezig te zijn" in text
        assert f"{i18n.number(rec.hours_per_week, 'nl', digits=1)} uur per week" in text


def test_left_out_for_hours_is_told_apart_from_a_poor_fit() -> None:
    """The platform page badges the two differently: 'hours used up' vs 'not recommended'."""
    recs = recommend(bakery(6.0), BAKERY_PERSONAS)
    hours = [r for r in recs if r.over_hours]
    assert hours and all(not r.recommended for r in hours)
    assert all(not r.over_hours for r in recs if r.recommended)
    poor = [r for r in recs if not r.recommended and not r.over_hours]
    assert poor and all(keys(r)[-1] == "skipped_fit" for r in poor)


def test_b2b_consultancy_gets_linkedin_first_with_the_education_figure() -> None:
    recs = recommend(CONSULTANCY, B2B_PERSONAS)
    linkedin = recs[0]
    assert linkedin.platform == Platform.LINKEDIN
    assert linkedin.recommended
    evidence = next(r for r in linkedin.reasons if r.source == "pew2021edu")
    assert evidence.effect == "plus"
    assert "51%" in render(evidence, "en") and "10%" in render(evidence, "en")


def test_linkedin_counts_against_a_consumer_business() -> None:
    recs = recommend(bakery(), BAKERY_PERSONAS)
    assert "b2c_business" in keys(by_platform(recs, Platform.LINKEDIN))
    b2b = recommend(CONSULTANCY, BAKERY_PERSONAS)
    assert by_platform(b2b, Platform.LINKEDIN).score > by_platform(recs, Platform.LINKEDIN).score


@pytest.mark.parametrize("hours", [1.6, 2.0, 3.0, 4.0, 6.0, 10.0, 20.0])
@pytest.mark.parametrize("market", list(Market))
def test_recommended_hours_fit_the_budget(hours: float, market: Market) -> None:
    profile = BusinessProfile(name="Shop", sector="retail", market=market, hours_per_week=hours)
    recs = recommend(profile, BAKERY_PERSONAS + B2B_PERSONAS)
    chosen = [r for r in recs if r.recommended]
    assert chosen
    if keys(chosen[0])[-1] == "over_budget":  # not even the routines and the best platform fit
        assert len(chosen) == 1 and ROUTINES + chosen[0].hours_per_week > hours
        return
    assert ROUTINES + sum(r.hours_per_week for r in chosen) <= hours
    for rec in recs:
        assert keys(rec)[-1] in ({"fits"} if rec.recommended else {"skipped_hours", "skipped_fit"})


def test_more_hours_allow_more_platforms() -> None:
    few = [r for r in recommend(bakery(3), BAKERY_PERSONAS) if r.recommended]
    many = [r for r in recommend(bakery(20), BAKERY_PERSONAS) if r.recommended]
    assert len(many) > len(few)
    assert Platform.INSTAGRAM in order(many)


def test_too_few_hours_still_recommends_the_best_platform_and_says_so() -> None:
    recs = recommend(bakery(hours=1.0), BAKERY_PERSONAS)
    chosen = [r for r in recs if r.recommended]
    assert order(chosen) == [recs[0].platform]
    assert keys(recs[0])[-1] == "over_budget"
    hours = i18n.number(recs[0].hours_per_week, "nl", digits=1)
    total = i18n.number(round(ROUTINES + recs[0].hours_per_week, 1), "nl", digits=1)
    text = render(recs[0].reasons[-1], "nl")
    assert f"ongeveer {total} uur per week ({hours} voor Facebook, 4,3 voor de routines" in text
    assert "meer dan de 1 uur" in text


def test_recommendations_read_the_plans_hours_with_the_users_tuning() -> None:
    salon = BusinessProfile(name="Kapsalon", sector="hair", hours_per_week=4)
    slower = ChecklistSettings(overrides={"instagram.interact": TaskOverride(period="week", count=2)})
    plain = by_platform(recommend(salon, BAKERY_PERSONAS), Platform.INSTAGRAM)
    tuned = by_platform(recommend(salon, BAKERY_PERSONAS, checklist=slower), Platform.INSTAGRAM)
    # 5 min a day → 2 × 5 min a week saves 25 min
    assert plain.hours_per_week - tuned.hours_per_week == pytest.approx(25 / 60)
    plan = Strategy(
        name="Kapsalon",
        profile=salon,
        platforms=[PlatformPlan(platform=Platform.INSTAGRAM, posts_per_week=3)],
    )
    assert plain.hours_per_week == pytest.approx(platform_hours(plan, Platform.INSTAGRAM))


def test_missing_age_band_falls_back_to_all_adults_and_says_so() -> None:
    tiktok = by_platform(recommend(bakery(country="US"), BAKERY_PERSONAS), Platform.TIKTOK)
    fallback = [r for r in tiktok.reasons if r.key == "recommend.reason.age_fallback"]
    assert [r.params["band"] for r in fallback] == ["30-49", "50-64"]
    info = platforms.get(Platform.TIKTOK)
    assert {(r.params["pct"], r.source) for r in fallback} == {(info.audience_all, info.audience_all_source)}


def test_age_reasons_carry_the_pew_figure_and_its_source() -> None:
    known = platforms.sources()
    for rec in recommend(bakery(country="US"), BAKERY_PERSONAS):
        age = [r for r in rec.reasons if r.key.startswith("recommend.reason.age_")]
        assert len(age) == 2, rec.platform
        for reason in age:
            assert reason.source in known
    facebook = by_platform(recommend(bakery(country="US"), BAKERY_PERSONAS), Platform.FACEBOOK)
    assert facebook.reasons[0].params == {"platform": "Facebook", "pct": 77, "band": "30-49"}
    assert facebook.reasons[0].source == "pew2021"


SALON = BusinessProfile(
    name="Kapsalon Knip", sector="hair salon", market=Market.B2C, country="NL", hours_per_week=4
)
PARENT = [Persona(name="Drukke ouder", age_bands=[AgeBand.A30_49])]


def test_a_dutch_salon_is_argued_with_dutch_figures_first() -> None:
    recs = {r.platform: r for r in recommend(SALON, PARENT)}
    instagram = next(
        r for r in recs[Platform.INSTAGRAM].reasons if r.key.endswith(("all_nl", "age_nl_daily"))
    )
    # no Dutch figure for 30-49: the share of Dutch social media users (8.2 of 14.4 million, Newcom 2025)
    assert (instagram.params["pct"], instagram.source) == (57, "newcom2025share")
    assert render(instagram, "en") == (
        "In the Netherlands 57% of social media users aged 15 and over use Instagram "
        "(no Dutch figure for this age group)."
    )
    assert "Nederland" in render(instagram, "nl")
    # where a Dutch figure exists, no US figure is used for it
    for platform in (Platform.FACEBOOK, Platform.INSTAGRAM, Platform.YOUTUBE, Platform.LINKEDIN, Platform.X):
        assert not {"pew2021", "pew2024"} & {r.source for r in recs[platform].reasons}, platform
    # Pinterest has none: the US figure stands in, and the text says it is American
    pinterest = next(r for r in recs[Platform.PINTEREST].reasons if r.source == "pew2021")
    assert pinterest.key == "recommend.reason.age_us_fallback"
    assert "US adults aged 30-49" in render(pinterest, "en") and "Amerikaanse" in render(pinterest, "nl")


def test_a_dutch_age_figure_comes_before_the_all_ages_one() -> None:
    young = [Persona(name="Student", age_bands=[AgeBand.A18_29])]
    facebook = by_platform(recommend(SALON, young), Platform.FACEBOOK)
    figure = next(r for r in facebook.reasons if r.source == "newcom2024age")
    assert figure.params == {"platform": "Facebook", "pct": 37, "group": "20-29"}
    assert render(figure, "nl") == "In Nederland gebruikt 37% van de mensen van 20-29 jaar elke dag Facebook."


def test_flemish_figures_by_age_then_for_everyone() -> None:
    flemish = SALON.model_copy(update={"country": "BE"})
    tiktok = by_platform(recommend(flemish, PARENT), Platform.TIKTOK)
    figure = next(r for r in tiktok.reasons if r.source == "digimeter2023age")
    assert render(figure, "en") == "In Flanders 12% of people aged 35-44 use TikTok every month."
    assert figure.effect == "minus"
    facebook = by_platform(recommend(flemish, PARENT), Platform.FACEBOOK)
    assert "In Flanders 69%" in render(next(r for r in facebook.reasons if r.source == "digimeter2023"), "en")


def test_young_personas_lift_instagram_and_tiktok() -> None:
    young = [Persona(name="Student", age_bands=[AgeBand.A18_29], formats=[ContentFormat.SHORT_VIDEO])]
    ranked = order(recommend(bakery(hours=10), young))
    assert ranked.index(Platform.TIKTOK) < ranked.index(Platform.LINKEDIN)
    assert ranked.index(Platform.INSTAGRAM) < ranked.index(Platform.PINTEREST)


def test_where_personas_are_online_moves_a_platform_up() -> None:
    plain = recommend(bakery(), BAKERY_PERSONAS)
    online = [p.model_copy(update={"online": [Platform.PINTEREST]}) for p in BAKERY_PERSONAS]
    lifted = recommend(bakery(), online)
    assert by_platform(lifted, Platform.PINTEREST).score > by_platform(plain, Platform.PINTEREST).score
    assert "online_yes" in keys(by_platform(lifted, Platform.PINTEREST))
    assert "online_no" in keys(by_platform(lifted, Platform.FACEBOOK))


def test_local_reach_figures_for_the_netherlands_and_flanders_only() -> None:
    nl = by_platform(recommend(bakery(country="NL"), BAKERY_PERSONAS), Platform.INSTAGRAM)
    nl_reason = next(r for r in nl.reasons if r.source == "newcom2025")
    assert nl_reason.effect == "info"
    assert "8,2 miljoen" in render(nl_reason, "nl")
    be = by_platform(recommend(bakery(country="BE"), BAKERY_PERSONAS), Platform.INSTAGRAM)
    assert "In Flanders 49%" in render(next(r for r in be.reasons if r.source == "digimeter2023"), "en")
    us = by_platform(recommend(bakery(country="US"), BAKERY_PERSONAS), Platform.INSTAGRAM)
    assert not {"newcom2025", "digimeter2023"} & {r.source for r in us.reasons}


def test_top_limits_the_list() -> None:
    assert (
        order(recommend(CONSULTANCY, B2B_PERSONAS, top=2)) == order(recommend(CONSULTANCY, B2B_PERSONAS))[:2]
    )


SCENARIOS = [
    (bakery(), BAKERY_PERSONAS),
    (bakery(country="US"), BAKERY_PERSONAS),
    (bakery(), [Persona(name="Student", age_bands=[AgeBand.A18_29])]),
    (bakery(hours=1.0, country="BE"), BAKERY_PERSONAS),
    (CONSULTANCY, B2B_PERSONAS),
    (CONSULTANCY.model_copy(update={"market": Market.BOTH, "country": "US"}), []),
    (bakery(hours=8), [p.model_copy(update={"online": [Platform.INSTAGRAM]}) for p in BAKERY_PERSONAS]),
    (
        bakery(),
        [Persona(name="Mix", age_bands=[AgeBand.A65], formats=[ContentFormat.PHOTO, ContentFormat.LIVE])],
    ),
]


def every_reason(profile: BusinessProfile, personas: list[Persona]) -> list[Reason]:
    """The recommendation's reasons, and how each platform's read in the working view if it were chosen."""
    return [r for rec in recommend(profile, personas) for r in (*rec.reasons, *why.for_working(rec.reasons))]


def test_scenarios_cover_every_reason_text() -> None:
    produced = {r.key for profile, personas in SCENARIOS for r in every_reason(profile, personas)}
    in_catalog = {key for key in i18n.catalog("en") if key.startswith("recommend.reason.")}
    assert produced == in_catalog
    assert in_catalog == {key for key in i18n.catalog("nl") if key.startswith("recommend.reason.")}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_reason_renders_as_a_whole_sentence(lang: str) -> None:
    for profile, personas in SCENARIOS:
        for reason in every_reason(profile, personas):
            for text in (render(reason, lang), i18n.t(reason.key, lang, **reason.params)):
                assert not re.search(r"[{}]", text), text
                assert text != reason.key
                assert text.endswith("."), text
                assert text[0].isupper() or text[0].isdigit(), text
            if lang == "nl":
                assert render(reason, "nl") != render(reason, "en"), reason.key
