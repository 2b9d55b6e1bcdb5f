"""The calendar's records: a planned post, content pillars and own dates; what they accept and how they refuse."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from cmplanner import i18n, recommend
from cmplanner.models import (
    BusinessProfile,
    CheckAnswer,
    ContentFormat,
    ContentPillar,
    OwnDate,
    Persona,
    PlannedPost,
    Platform,
    PostLink,
    PostStatus,
    Strategy,
)

AT = datetime(2026, 12, 5, 10, 0)


def explain(info: pytest.ExceptionInfo[ValidationError], lang: str = "en") -> dict[str, str]:
    return i18n.explain(info.value, lang)


def test_a_post_on_three_platforms_is_one_record_with_its_platforms_once() -> None:
    post = PlannedPost(planned_at=AT, platforms=["instagram", "facebook", "instagram", "linkedin"])
    assert post.platforms == [Platform.INSTAGRAM, Platform.FACEBOOK, Platform.LINKEDIN]
    assert post.status is PostStatus.IDEA and post.format is ContentFormat.PHOTO
    again = PlannedPost.model_validate_json(post.model_dump_json())
    assert again == post


def test_planned_time_is_local_and_to_the_minute() -> None:
    post = PlannedPost(planned_at=datetime(2026, 12, 5, 10, 0, 42, 5), platforms=["x"])
    assert post.planned_at == AT.replace(second=0)
    with pytest.raises(ValidationError) as info:
        PlannedPost(planned_at=datetime(2026, 12, 5, 10, 0, tzinfo=UTC), platforms=["x"])
    assert explain(info)["planned_at"] == "Date and time: give the local date and time, without a time zone."
    assert explain(info, "nl")["planned_at"].startswith("Datum en tijd: geef de lokale datum en tijd")


def test_a_post_needs_a_platform_and_a_web_link() -> None:
    with pytest.raises(ValidationError) as info:
        PlannedPost(planned_at=AT, platforms=[], link="www.bakkerij.nl")
    found = explain(info)
    assert "Platforms" in found["platforms"]
    assert found["link"] == "Link: give a web address that starts with https://."


def test_links_only_for_the_posts_platforms_and_once_each() -> None:
    link = PostLink(platform="instagram", post_id="123")
    post = PlannedPost(planned_at=AT, platforms=["instagram", "facebook"], links=[link])
    assert post.link_for("instagram") == link and post.link_for("facebook") is None
    for links in ([PostLink(platform="x", post_id="1")], [link, PostLink(platform="instagram", post_id="9")]):
        with pytest.raises(ValidationError) as info:
            PlannedPost(planned_at=AT, platforms=["instagram", "facebook"], links=links)
        assert "at most once" in next(iter(explain(info).values()))
    with pytest.raises(ValidationError) as info:
        PostLink(platform="x")
    assert (
        next(iter(explain(info, "nl").values()))
        == "Een gepubliceerde post heeft zijn post-id of permalink nodig."
    )


def test_not_relevant_needs_a_reason() -> None:
    assert CheckAnswer(answer="not_relevant", note="eigen foto").note == "eigen foto"
    with pytest.raises(ValidationError) as info:
        CheckAnswer(answer="not_relevant", note="  ")
    assert next(iter(explain(info).values())) == "Say why the question is not relevant."


def test_label_is_the_title_else_the_first_line_of_the_text() -> None:
    assert PlannedPost(planned_at=AT, platforms=["x"], title="Stol", text="Tekst").label == "Stol"
    assert PlannedPost(planned_at=AT, platforms=["x"], text="\n Eerste regel\nTweede").label == "Eerste regel"
    assert PlannedPost(planned_at=AT, platforms=["x"]).label == ""


def test_strategy_pillars_and_own_dates() -> None:
    old = Strategy.model_validate({"name": "Bakkerij"})  # a strategy stored before the calendar existed
    assert old.pillars == [] and old.own_dates == []
    pillars = [ContentPillar(name="Vers", share=60), ContentPillar(name="Team", share=40)]
    strategy = Strategy(
        name="Bakkerij", pillars=pillars, own_dates=[OwnDate(title="Open dag", start=date(2026, 5, 9))]
    )
    assert Strategy.model_validate_json(strategy.model_dump_json()) == strategy
    with pytest.raises(ValidationError) as info:
        Strategy(name="Bakkerij", pillars=[*pillars, ContentPillar(name="Acties", share=15)])
    assert next(iter(explain(info).values())) == (
        "The pillars' shares add up to 115%: bring them down to 100% at most."
    )
    assert "115%" in next(iter(explain(info, "nl").values()))


def test_own_date_period_ends_after_it_starts() -> None:
    period = OwnDate(title="Kerstbestellingen", start=date(2026, 12, 1), end=date(2026, 12, 20))
    assert period.last == date(2026, 12, 20)
    assert OwnDate(title="Open dag", start=date(2026, 5, 9)).last == date(2026, 5, 9)
    with pytest.raises(ValidationError) as info:
        OwnDate(title="Actie", start=date(2026, 12, 20), end=date(2026, 12, 1))
    assert next(iter(explain(info, "nl").values())) == "Het einde ligt voor het begin: controleer beide data."


def test_link_posts_are_a_format_the_link_platforms_carry() -> None:
    """A persona that likes link posts counts for the platforms that show link previews, not against all."""
    profile = BusinessProfile(name="Webshop", sector="Retail")
    persona = Persona(name="Lezer", age_bands=["30-49"], formats=[ContentFormat.LINK])
    ranked = {item.platform: item for item in recommend.recommend(profile, [persona])}
    assert any(r.key == "recommend.reason.formats_all" for r in ranked[Platform.FACEBOOK].reasons)
    assert any(r.key == "recommend.reason.formats_none" for r in ranked[Platform.TIKTOK].reasons)
    assert i18n.t("format.link", "nl") == "Linkposts"
