"""The sample bakery's December: a believable month that exercises every part of the calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cmplanner import demo
from cmplanner.calendar import demo as calendar_demo
from cmplanner.calendar import matching, mix, slots, status
from cmplanner.models import Platform, PostStatus
from cmplanner.store import PLANNED_POSTS, Store


def december() -> calendar_demo.DemoCalendar:
    return calendar_demo.december(demo.bakery("2026-Q4"), 2026)


def test_december_has_sinterklaas_and_christmas_and_every_status() -> None:
    plan = december()
    days = {post.planned_at.date(): post for post in plan.posts}
    assert "Pakjesavond" in days[date(2026, 12, 5)].title
    assert "Kerstavond" in days[date(2026, 12, 24)].title and "kerst" in days[date(2026, 12, 25)].title
    assert {post.status for post in plan.posts} == set(PostStatus)
    assert all(p.planned_at.month == 12 for p in plan.posts)
    assert sum(p.share for p in plan.strategy.pillars) == 100
    assert [d.title for d in plan.strategy.own_dates] == ["Kerstbestellingen", "Oliebollenkraam voor de deur"]


def test_ready_and_published_posts_answered_every_question() -> None:
    for post in december().posts:
        if post.status in (PostStatus.READY, PostStatus.PUBLISHED):
            assert status.readiness(post) == []


def test_published_posts_are_the_imported_ones() -> None:
    plan = december()
    published = [p for p in plan.posts if p.status is PostStatus.PUBLISHED]
    assert len(published) == 4 and len(plan.imported) == sum(len(p.platforms) for p in published)
    assert matching.match_published(plan.posts, plan.imported) == []  # already linked
    unlinked = [p.model_copy(update={"links": [], "status": PostStatus.READY}) for p in plan.posts]
    found = matching.match_published(unlinked, plan.imported)
    relinked = {p.id: p for p in matching.apply_matches(unlinked, found)}
    assert {pid: p.links for pid, p in relinked.items()} == {p.id: p.links for p in published}
    assert all(p.status is PostStatus.PUBLISHED for p in relinked.values())


def test_the_month_leaves_a_few_slots_open() -> None:
    plan = december()
    weeks = slots.month_slots(plan.strategy, plan.posts, "2026-12")
    facebook = [next(s for s in w.slots if s.platform is Platform.FACEBOOK).open for w in weeks]
    instagram = [next(s for s in w.slots if s.platform is Platform.INSTAGRAM).open for w in weeks]
    # Facebook: 3 posts in W49 and W52 cover W50 and W53 too (extra posts count for the next weeks)
    assert facebook == [0, 0, 1, 0, 0] and instagram == [0, 0, 1, 0, 1]


def test_the_month_mix_follows_the_pillars() -> None:
    found = mix.month_mix(december().strategy, december().posts, "2026-12")
    assert found.posts == 15
    assert [(p.name, p.posts) for p in found.pillars] == [
        ("Vers uit de oven", 3),
        ("Achter de schermen", 4),
        ("Buurt & klanten", 3),
        ("Acties & feestdagen", 5),
    ]


def test_the_demo_plans_the_december_nearest_its_day(data_dir: Path) -> None:
    assert [demo.planned_december(date(2027, m, 1)) for m in (1, 6, 7, 12)] == [2026, 2026, 2027, 2027]
    store = Store(data_dir)
    bakery = demo.write_demo(store, date(2027, 3, 10))[0]
    posts = store.rows(bakery.id, PLANNED_POSTS)
    assert len(posts) == 16 and {p.planned_at.date().replace(day=1) for p in posts} == {date(2026, 12, 1)}
    assert [p.name for p in store.get(bakery.id).pillars][0] == "Vers uit de oven"
