"""The calendar page under AppTest: an empty strategy, the demo's December, a post moved through every status,
ideas in one action, own dates, a refused save that loses nothing, the week list, Dutch, and the daily task."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from streamlit.testing.v1 import AppTest

from cmplanner import demo, platforms
from cmplanner.calendar import status
from cmplanner.models import PlannedPost, Platform, PostStatus, Strategy
from cmplanner.store import PLANNED_POSTS, Store
from cmplanner.ui.shell import JOINER
from tests.app.helpers import no_exception, open_page, texts

DAY = "2026-12-03"  # a Thursday in ISO week 2026-W49


def calendar(sid: str, locale: str = "en-GB", **params: str) -> AppTest:
    return open_page("pages/13_calendar.py", sid, locale, today=params.pop("today", DAY), **params)


def visible(at: AppTest) -> str:
    """What the user reads: the page's texts with Markdown's escapes of user and message text undone (backslashes,
    and the invisible word joiner that keeps an address from becoming a link)."""
    return re.sub(r"\\(.)", r"\1", texts(at)).replace(JOINER, "")


def week_lines(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**Week ")]


def click(at: AppTest, label: str) -> AppTest:
    return next(b for b in at.button if b.label == label).click().run()


def stored(store: Store, sid: str, post_id: str) -> PlannedPost:
    return next(p for p in store.rows(sid, PLANNED_POSTS) if p.id == post_id)


@pytest.fixture
def empty(store: Store) -> Strategy:
    """The bakery's strategy (Facebook 2 and Instagram 3 posts a week), nothing planned."""
    return store.save(demo.bakery("2026-Q4"))


@pytest.fixture
def bakery(store: Store) -> Strategy:
    """The demo workspace written on 22 November 2026: the bakery has its December planned."""
    return demo.write_demo(store, date(2026, 11, 22))[0]


def test_an_empty_month_shows_every_week_with_what_each_platform_still_needs(empty: Strategy) -> None:
    at = calendar(empty.id, month="2026-12")
    no_exception(at)
    assert at.title[0].value == "Calendar"
    # five ISO weeks hold a day of December 2026 (W49 starts Monday 30 November, W53 ends Sunday 3 January);
    # each asks its cadence: Facebook 2, Instagram 3
    assert week_lines(at) == [
        f"**Week {n}** · :orange[:material/pending: Still needed: Facebook 2, Instagram 3]"
        for n in range(49, 54)
    ]
    assert "Nothing is planned this month yet." in texts(at)
    assert "No content pillars yet" in texts(at)  # the mix points to the platforms step for them
    assert not [b for b in at.button if b.key and b.key.startswith("cal.p.")]


def test_a_strategy_without_platforms_points_to_the_platforms_step(store: Store) -> None:
    strategy = store.create("Nieuw")
    at = calendar(strategy.id)
    no_exception(at)
    assert "Choose your platforms first" in texts(at)
    assert [link.label for link in at.get("page_link") if link.label == "Platforms"]


def test_the_demo_december_shows_its_posts_dates_open_slots_mix_and_coverage(bakery: Strategy) -> None:
    at = calendar(bakery.id, month="2026-12")
    no_exception(at)
    # the demo leaves the third week open on both platforms and Instagram's last (see calendar.demo)
    assert week_lines(at) == [
        "**Week 49** · :green[:material/task_alt: Every platform has its posts]",
        "**Week 50** · :green[:material/task_alt: Every platform has its posts]",
        "**Week 51** · :orange[:material/pending: Still needed: Facebook 1, Instagram 1]",
        "**Week 52** · :green[:material/task_alt: Every platform has its posts]",
        "**Week 53** · :orange[:material/pending: Still needed: Instagram 1]",
    ]
    posts = [b for b in at.button if b.key and b.key.startswith("cal.p.")]
    assert len(posts) == 16  # every planned post of the month, the skipped one struck through
    assert any("~~" in b.label and "Jaaroverzicht" in b.label for b in posts)
    shown = texts(at)
    for name in ("Sinterklaas", "Christmas Eve", "Kerstbestellingen", "Oliebollenkraam voor de deur"):
        assert name in shown
    # 15 posts count in the mix (the skipped one does not): 3 of them "Vers uit de oven", 20% against 40%
    assert "Vers uit de oven: 3 posts, 20% (plan 40%) :orange[· 20 points below the plan]" in shown
    assert "Facebook · Posts: 9 posts" in shown
    assert "Enough posts for the goals of 2026-Q4?" in shown and "Plan more" in shown


def open_dialog(at: AppTest, post_id: str) -> AppTest:
    return at.button(key=f"cal.p.{post_id}").click().run()


def answer_all(at: AppTest, note: str = "Meer buurtbewoners") -> AppTest:
    """Answer every question; the source question is marked not relevant, with the reason."""
    for question in platforms.prepublish_check():
        radio = next(r for r in at.radio if r.key and r.key.endswith(f".{question}"))
        field = next(t for t in at.text_input if t.key and t.key.endswith(f".{question}.note"))
        if question == "source":
            radio.set_value("not_relevant")
            field.input("Own photos, no outside source")
        else:
            radio.set_value("yes")
            field.input(note)
    return at


def test_a_post_moves_through_every_status(empty: Strategy, store: Store) -> None:
    idea = PlannedPost(
        planned_at=datetime(2026, 12, 8, 9, 0), platforms=[Platform.INSTAGRAM], title="Desembrood van de week"
    )
    store.update(empty.id, lambda edit: edit.put(PLANNED_POSTS, [idea]))
    at = open_dialog(calendar(empty.id), idea.id)
    no_exception(at)
    assert "Desembrood van de week" in texts(at)

    at = click(at, "Draft")
    assert stored(store, empty.id, idea.id).status is PostStatus.DRAFT
    assert "Moved to Draft." in texts(at)
    # ready before the questions are answered: refused, with what is missing, nothing saved
    at = click(at, "Ready")
    no_exception(at)
    assert "Answer “What is the goal of this post?”, or mark it not relevant and say why." in visible(at)
    assert stored(store, empty.id, idea.id).status is PostStatus.DRAFT
    # a question marked not relevant without a reason is refused too
    radio = next(r for r in at.radio if r.key and r.key.endswith(".source"))
    radio.set_value("not_relevant")
    at = next(b for b in at.button if b.label == "Save and mark ready").click().run()
    assert "Say why “Is the source reliable?” is not relevant for this post." in visible(at)
    assert stored(store, empty.id, idea.id).status is PostStatus.DRAFT

    at = answer_all(at)
    at = next(b for b in at.button if b.label == "Save and mark ready").click().run()
    no_exception(at)
    post = stored(store, empty.id, idea.id)
    assert post.status is PostStatus.READY and status.missing_checks(post) == []
    assert post.checks["source"].answer == "not_relevant"
    assert post.checks["source"].note == "Own photos, no outside source"
    assert "The post is ready." in texts(at)

    at = click(at, "Published")
    assert stored(store, empty.id, idea.id).status is PostStatus.PUBLISHED
    at = click(at, "Ready")  # a published mark set by mistake goes back
    at = click(at, "Skipped")
    assert stored(store, empty.id, idea.id).status is PostStatus.SKIPPED
    at = click(at, "Idea")
    no_exception(at)
    assert stored(store, empty.id, idea.id).status is PostStatus.IDEA
    at = click(at, "Back to the calendar")
    assert not [b for b in at.button if b.label == "Save the post"]


def test_editing_copying_moving_and_deleting_a_post(empty: Strategy, store: Store) -> None:
    post = PlannedPost(planned_at=datetime(2026, 12, 8, 9, 0), platforms=[Platform.INSTAGRAM], title="Oud")
    store.update(empty.id, lambda edit: edit.put(PLANNED_POSTS, [post]))
    at = open_dialog(calendar(empty.id), post.id)
    title = next(t for t in at.text_input if t.label == "Title")
    title.input("Kerststol in de maak")
    next(t for t in at.text_area if t.label == "Text").input("Spijs erin, vouwen, rijzen.")
    at = next(b for b in at.button if b.label == "Save the post").click().run()
    no_exception(at)
    saved = stored(store, empty.id, post.id)
    assert (saved.title, saved.text) == ("Kerststol in de maak", "Spijs erin, vouwen, rijzen.")
    # a link that is not a web address is refused with the field named, nothing saved
    next(t for t in at.text_input if t.label == "Link").input("korenschoof.nl/kerst")
    at = next(b for b in at.button if b.label == "Save the post").click().run()
    assert "Link: give a web address that starts with https://." in visible(at)
    assert stored(store, empty.id, post.id).link == ""

    next(
        m for m in at.multiselect if m.label == "Platforms" and m.key and m.key.startswith("cal.copy.")
    ).select(Platform.FACEBOOK)
    at = click(at, "Copy")
    no_exception(at)
    rows = store.rows(empty.id, PLANNED_POSTS)
    copy = next(p for p in rows if p.id != post.id)
    assert copy.platforms == [Platform.FACEBOOK] and copy.title == "Kerststol in de maak"

    next(d for d in at.date_input if d.label == "New day").set_value(date(2026, 12, 10))
    at = click(at, "Move")
    assert stored(store, empty.id, post.id).planned_at == datetime(2026, 12, 10, 9, 0)

    at = click(at, "Delete this post")
    at = click(at, "Yes, delete")
    no_exception(at)
    assert [p.id for p in store.rows(empty.id, PLANNED_POSTS)] == [copy.id]
    assert "“Kerststol in de maak” deleted." in texts(at)


def test_several_ideas_in_one_action(empty: Strategy, store: Store) -> None:
    at = calendar(empty.id, month="2026-12")
    at.text_area(key="cal.ideas.lines").input(
        "- Speculaas uit de vorm\n\n2. Sint op bezoek\nKerstbestellingen open"
    )
    at.selectbox(key="cal.ideas.day.2026-12").set_value(date(2026, 12, 2))
    at = at.button(key="FormSubmitter:cal.ideas-Add the ideas").click().run()
    no_exception(at)
    ideas = sorted(store.rows(empty.id, PLANNED_POSTS), key=lambda p: p.title)
    assert [p.title for p in ideas] == ["Kerstbestellingen open", "Sint op bezoek", "Speculaas uit de vorm"]
    # the bakery has two platforms: new ideas go out on both, at 10:00 on the chosen day, as ideas
    assert {(p.planned_at, tuple(p.platforms), p.status) for p in ideas} == {
        (datetime(2026, 12, 2, 10, 0), (Platform.FACEBOOK, Platform.INSTAGRAM), PostStatus.IDEA)
    }
    assert "3 ideas added on Wednesday 2 December." in texts(at)
    # three ideas on both platforms fill W49: Facebook needs 2, Instagram 3
    assert week_lines(at)[0] == "**Week 49** · :green[:material/task_alt: Every platform has its posts]"
    assert at.text_area(key="cal.ideas.lines").value == ""


def test_an_idea_form_without_ideas_says_what_to_do(empty: Strategy, store: Store) -> None:
    at = calendar(empty.id, month="2026-12")
    at = at.button(key="FormSubmitter:cal.ideas-Add the ideas").click().run()
    assert "Type at least one idea, one per line." in visible(at)
    assert store.rows(empty.id, PLANNED_POSTS) == []


def test_a_save_over_another_windows_change_is_refused_and_both_are_kept(
    empty: Strategy, store: Store
) -> None:
    post = PlannedPost(planned_at=datetime(2026, 12, 8, 9, 0), platforms=[Platform.INSTAGRAM], title="Eerste")
    store.update(empty.id, lambda edit: edit.put(PLANNED_POSTS, [post]))
    at = open_dialog(calendar(empty.id), post.id)
    # another window renames the same post meanwhile
    other = status.updated(post, title="Uit het andere venster")
    store.update(empty.id, lambda edit: edit.put(PLANNED_POSTS, [other]))
    next(t for t in at.text_area if t.label == "Text").input("Mijn tekst")
    at = next(b for b in at.button if b.label == "Save the post").click().run()
    no_exception(at)
    assert "This post was changed in another window after you opened it" in visible(at)
    assert "(the publication calendar). Your change was not saved" in visible(at)
    assert stored(store, empty.id, post.id).title == "Uit het andere venster"  # not overwritten
    assert next(t for t in at.text_area if t.label == "Text").value == "Mijn tekst"  # the typing is kept
    # a change to another post in between is merged, not refused
    other_post = PlannedPost(planned_at=datetime(2026, 12, 9, 9, 0), platforms=[Platform.FACEBOOK], title="B")
    at = calendar(empty.id)
    at = open_dialog(at, post.id)
    store.update(empty.id, lambda edit: edit.put(PLANNED_POSTS, [other_post]))
    at = click(at, "Draft")
    assert stored(store, empty.id, post.id).status is PostStatus.DRAFT
    assert {p.id for p in store.rows(empty.id, PLANNED_POSTS)} == {post.id, other_post.id}


def test_own_dates_are_added_shown_and_removed(empty: Strategy, store: Store) -> None:
    at = calendar(empty.id, month="2026-12")
    at.text_input(key="cal.own.title").input("Kerstmarkt op het plein")
    at.date_input(key="cal.own.start").set_value(date(2026, 12, 12))
    at.date_input(key="cal.own.end").set_value(date(2026, 12, 13))
    at = at.button(key="FormSubmitter:cal.own-Add the date").click().run()
    no_exception(at)
    own = store.get(empty.id).own_dates
    assert [(d.title, d.start, d.end) for d in own] == [
        ("Kerstmarkt op het plein", date(2026, 12, 12), date(2026, 12, 13))
    ]
    assert "**12 Dec – 13 Dec** Kerstmarkt op het plein" in texts(at)
    assert ":green[Kerstmarkt op het plein]" in texts(at)  # on the calendar, on its first day
    at = at.button(key=f"cal.own.remove.{own[0].id}").click().run()
    assert store.get(empty.id).own_dates == []


def test_the_week_list_says_per_platform_how_many_posts_are_still_needed(bakery: Strategy) -> None:
    at = calendar(bakery.id, month="2026-12", view="week", week="2026-W51")
    no_exception(at)
    shown = texts(at)
    assert "Week 51 · 14 Dec – 20 Dec" in shown
    # W51: Facebook has 1 of 2, Instagram 2 of 3
    assert texts(at).count(":orange-badge[:material/pending: 1 more post needed]") == 2
    assert "1 planned, 2 needed this week." in shown and "2 planned, 3 needed this week." in shown


def test_the_page_speaks_dutch(bakery: Strategy) -> None:
    at = calendar(bakery.id, "nl-NL", month="2026-12")
    no_exception(at)
    shown = texts(at)
    assert at.title[0].value == "Kalender"
    assert "Nog nodig: Facebook 1, Instagram 1" in shown
    assert "Contentmix in december 2026" in shown and "Eerste kerstdag" in shown


def test_the_daily_calendar_task_links_to_the_calendar_and_says_what_this_week_needs(
    bakery: Strategy,
) -> None:
    at = open_page("pages/6_checklists.py", bakery.id, today="2026-12-15")
    no_exception(at)
    assert [link for link in at.get("page_link") if link.label == "Open the calendar"]
    assert ":orange[Still needed: Facebook 1, Instagram 1]" in texts(at)
