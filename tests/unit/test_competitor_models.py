"""Competitor records: what a strategy keeps about its competitors and what a competitor week accepts."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from cmplanner import i18n
from cmplanner.models import COMPETITOR_FIELDS, Competitor, CompetitorWeek, Platform, Strategy


def test_a_competitor_is_followed_on_the_platforms_it_has_accounts_on() -> None:
    rival = Competitor(
        name=" Bakkerij Van der Linden ",
        website="www.vanderlinden.nl",
        handles={"instagram": "@vanderlinden", "facebook": "facebook.com/vanderlinden"},
        watch="Their Saturday offers",
    )
    assert rival.name == "Bakkerij Van der Linden" and len(rival.id) == 32
    assert rival.platforms == [Platform.FACEBOOK, Platform.INSTAGRAM]  # the usual platform order


def test_a_competitor_needs_a_name_and_a_website_without_spaces() -> None:
    with pytest.raises(ValidationError) as info:
        Competitor(name="", website="www.van der linden.nl")
    found = i18n.explain(info.value, "nl")
    assert found["name"] == "Naam van de concurrent is verplicht."
    assert found["website"] == "Website: een webadres bevat geen spaties, bijv. www.bakkerij.nl."


def test_competitors_are_part_of_the_strategy_and_survive_a_round_trip() -> None:
    strategy = Strategy(name="Bakkerij", competitors=[Competitor(name="Broodbar", handles={"tiktok": "@bb"})])
    again = Strategy.model_validate_json(strategy.model_dump_json())
    assert again.competitors == strategy.competitors
    assert again.competitor(strategy.competitors[0].id) == strategy.competitors[0]
    assert again.competitor("nope") is None
    assert Strategy(name="Old file").competitors == []  # strategies written before competitors existed


def test_two_competitors_cannot_share_a_name_whatever_the_case_or_spacing() -> None:
    with pytest.raises(ValidationError) as info:
        Strategy(
            name="B", competitors=[Competitor(name="Broodbar Utrecht"), Competitor(name="broodbar  utrecht")]
        )
    assert list(i18n.explain(info.value, "en").values()) == [
        "Two competitors are named “broodbar  utrecht”: give each a name of its own."
    ]


def test_a_competitor_week_holds_what_a_public_profile_shows() -> None:
    week = CompetitorWeek(
        competitor="c1", platform="instagram", week="2026-W10", followers=1422, posts=4, note="Loyalty card"
    )
    assert week.key == ("c1", Platform.INSTAGRAM, "2026-W10")
    assert (week.likes, week.comments, week.source) == (None, None, "manual")
    assert COMPETITOR_FIELDS == ("followers", "posts", "likes", "comments")
    with pytest.raises(ValidationError):
        week.followers = 5  # type: ignore[misc]  # rows are frozen


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"week": "2026-10"}, "week", "Week: use an ISO week such as 2026-W47."),
        ({"likes": -1}, "likes", "Likes cannot be negative (at least 0)."),
        ({"note": "x" * 281}, "note", "Note is too long (at most 280 characters)."),
    ],
)
def test_a_competitor_week_refuses_bad_values_with_a_readable_message(
    values: dict[str, object], field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as info:
        CompetitorWeek(**{"competitor": "c1", "platform": "instagram", "week": "2026-W10", **values})
    assert i18n.explain(info.value, "en")[field] == message
