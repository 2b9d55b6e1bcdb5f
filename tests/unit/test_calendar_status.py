"""Status moves of a planned post and seed 000's questions before "ready"; one-action edits."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from cmplanner import platforms
from cmplanner.calendar import edits, status
from cmplanner.calendar.labels import status_name
from cmplanner.calendar.problems import CalendarError
from cmplanner.models import CheckAnswer, PlannedPost, Platform, PostLink, PostStatus

AT = datetime(2026, 12, 5, 10, 0)
LATER = datetime(2026, 12, 1, 12, 0)
QUESTIONS = platforms.prepublish_check()


def post(**changes: object) -> PlannedPost:
    return PlannedPost.model_validate({"planned_at": AT, "platforms": ["instagram", "facebook"], **changes})


def answered(**changes: object) -> PlannedPost:
    return post(checks={q: CheckAnswer() for q in QUESTIONS}, **changes)


def test_the_road_and_its_turns() -> None:
    draft = status.move(post(), "draft", LATER)
    assert draft.status is PostStatus.DRAFT and draft.updated_at == LATER
    assert status.move(draft, "skipped").status is PostStatus.SKIPPED
    assert status.move(status.move(draft, "skipped"), "idea").status is PostStatus.IDEA
    ready = status.move(answered(status="draft"), "ready")
    assert status.move(ready, "published").status is PostStatus.PUBLISHED
    assert (
        status.move(status.move(ready, "published"), "ready").status is PostStatus.READY
    )  # undo a mistaken mark
    assert status.move(draft, "draft") is draft


@pytest.mark.parametrize(
    ("start", "to"),
    [
        ("idea", "published"),
        ("draft", "published"),
        ("published", "skipped"),
        ("published", "idea"),
        ("skipped", "ready"),
    ],
)
def test_moves_that_are_refused(start: str, to: str) -> None:
    with pytest.raises(CalendarError) as info:
        status.move(answered(status=start), to)
    assert info.value.messages("en") == [
        f"A post cannot go from {status_name(start, 'en')} to {status_name(to, 'en')}."
    ]


def test_a_refused_move_reads_in_dutch() -> None:
    with pytest.raises(CalendarError) as info:
        status.move(post(), "published")
    assert info.value.messages("nl") == ["Een post kan niet van Idee naar Gepubliceerd."]


def test_ready_needs_every_question_answered_one_message_each() -> None:
    half = post(status="draft", checks={"goal": CheckAnswer(note="Bereik"), "facts": CheckAnswer()})
    assert status.missing_checks(half) == ["strategy_fit", "brand", "source", "spelling"]
    with pytest.raises(CalendarError) as info:
        status.move(half, "ready")
    assert info.value.messages("en") == [
        "Answer “How does it fit the strategy?”, or mark it not relevant and say why.",
        "Answer “What does it do for the brand?”, or mark it not relevant and say why.",
        "Answer “Is the source reliable?”, or mark it not relevant and say why.",
        "Answer “Spelling and grammar checked?”, or mark it not relevant and say why.",
    ]
    assert info.value.messages("nl")[2] == (
        "Beantwoord “Is de bron betrouwbaar?”, of markeer de vraag als niet van toepassing en zeg waarom."
    )


def test_not_relevant_with_a_reason_counts_as_answered() -> None:
    current = post(status="draft")
    for question in QUESTIONS:
        if question == "source":
            current = status.answer(current, question, "not_relevant", "Eigen foto's, geen bron", LATER)
        else:
            current = status.answer(current, question)
    assert status.readiness(current) == []
    assert status.move(current, "ready").status is PostStatus.READY
    with pytest.raises(CalendarError) as info:
        status.answer(current, "source", "not_relevant", "")
    assert info.value.messages("en") == ["Say why “Is the source reliable?” is not relevant for this post."]
    with pytest.raises(CalendarError):
        status.answer(current, "mood")


def test_taking_an_answer_back_makes_a_ready_post_a_draft_again() -> None:
    ready = status.move(answered(status="draft"), "ready")
    back = status.unanswer(ready, "facts", LATER)
    assert back.status is PostStatus.DRAFT and "facts" not in back.checks
    assert status.unanswer(back, "facts") is back


def test_nothing_changes_in_place() -> None:
    original = post()
    status.move(original, "draft")
    status.answer(original, "goal")
    assert original.status is PostStatus.IDEA and original.checks == {}


# ---------------------------------------------------------------- one-action edits


def test_duplicate_to_other_platforms_is_one_new_record() -> None:
    source = answered(
        status="published",
        title="Stol",
        links=[PostLink(platform="instagram", post_id="1")],
        pillar_id="p1",
    )
    copy = edits.duplicate(source, ["linkedin", "x", "linkedin"], LATER)
    assert copy.id != source.id and copy.platforms == [Platform.LINKEDIN, Platform.X]
    assert (copy.title, copy.pillar_id, copy.checks) == (source.title, "p1", source.checks)
    assert copy.links == [] and copy.status is PostStatus.DRAFT
    assert copy.created_at == copy.updated_at == LATER
    assert edits.duplicate(post(status="ready"), ["x"]).status is PostStatus.READY
    with pytest.raises(CalendarError) as info:
        edits.duplicate(source, [])
    assert info.value.messages("nl") == ["Kies minstens één platform."]


def test_add_platforms_keeps_one_record() -> None:
    original = post()
    wider = edits.add_platforms(original, ["linkedin", "instagram"], LATER)
    assert wider.id == original.id and wider.updated_at == LATER
    assert wider.platforms == [Platform.INSTAGRAM, Platform.FACEBOOK, Platform.LINKEDIN]


def test_move_to_another_day_keeps_the_time() -> None:
    moved = edits.move_to_day(post(), date(2026, 12, 24), LATER)
    assert moved.planned_at == datetime(2026, 12, 24, 10, 0) and moved.updated_at == LATER


def test_ideas_from_lines() -> None:
    text = "- Speculaas bakken\n\n  2. Klant van de week \n• " + "lang " * 40 + "\nOliebollen"
    ideas = edits.ideas_from_lines(text, date(2026, 12, 8), ["instagram"], time(9, 30), LATER)
    assert [idea.title[:20] for idea in ideas] == [
        "Speculaas bakken",
        "Klant van de week",
        "lang lang lang lang ",
        "Oliebollen",
    ]
    assert all(i.status is PostStatus.IDEA and i.planned_at == datetime(2026, 12, 8, 9, 30) for i in ideas)
    long = ideas[2]
    assert len(long.title) == 120 and long.title.endswith("…") and long.text == ("lang " * 40).strip()
    assert len({i.id for i in ideas}) == 4


def test_ideas_from_lines_refuses_nothing_or_too_much() -> None:
    with pytest.raises(CalendarError) as info:
        edits.ideas_from_lines(" \n - \n", date(2026, 12, 8), [])
    assert info.value.messages("en") == [
        "Choose at least one platform.",
        "Type at least one idea, one per line.",
    ]
    with pytest.raises(CalendarError) as info:
        edits.ideas_from_lines("idee\n" * 201, date(2026, 12, 8), ["x"])
    assert info.value.messages("en") == ["That is 201 lines; add at most 200 ideas at a time."]
