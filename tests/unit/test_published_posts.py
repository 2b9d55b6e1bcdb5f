"""Planned posts meet their results: an import links a published post to its imported record (by platform and
time, or by the permalink pasted in the calendar), the tracker's cadence counts the calendar's published posts,
and the month compares planned, published and measured."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from cmplanner import import_mappings, tracker
from cmplanner import importers as imp
from cmplanner.models import Goal, PlannedPost, Platform, PlatformPlan, PostLink, PostStatus, Strategy
from cmplanner.post_results import planned_published_measured
from cmplanner.store import PLANNED_POSTS, POSTS, Store
from tests.unit.test_importers import FB_HEADER, csv_bytes, fb_post, table

FB = Platform.FACEBOOK


def setup(root: Path, *planned: PlannedPost) -> tuple[Store, str]:
    store = Store(root)
    strategy = Strategy(name="Kapper Kim", platforms=[PlatformPlan(platform=FB, posts_per_week=2)])
    sid = store.save(strategy).id
    store.put(sid, PLANNED_POSTS, planned)
    return store, sid


def export_of(*posts: tuple[str, str]) -> imp.Parsed:
    rows = [fb_post(post_id, when, "100", 80, 10, 1, 0, 0, 0) for post_id, when in posts]
    return imp.read("posts.csv", csv_bytes(table(FB_HEADER, rows)), exported_on=date(2026, 3, 29))


def test_an_import_links_planned_posts_by_time_or_permalink_and_marks_them_published(tmp_path: Path) -> None:
    by_time = PlannedPost(
        id="a", planned_at=datetime(2026, 3, 24, 9), platforms=[FB], status=PostStatus.READY
    )
    pasted = "https://facebook.com/t2/"  # as pasted: a trailing slash more than the export writes
    by_link = PlannedPost(
        id="b",
        planned_at=datetime(2026, 3, 26, 9),
        platforms=[FB],
        status=PostStatus.READY,
        links=[PostLink(platform=FB, permalink=pasted)],
    )
    far = PlannedPost(id="c", planned_at=datetime(2026, 3, 27, 9), platforms=[FB], status=PostStatus.DRAFT)
    store, sid = setup(tmp_path, by_time, by_link, far)
    # t1 went out 40 minutes late; t2 went out a day late but its link was pasted; nothing within 3 h of "c"
    files = [export_of(("t1", "03/24/2026 09:40"), ("t2", "03/27/2026 13:00"))]
    done = store.update(sid, lambda edit: import_mappings.write_files(edit, files)).result
    assert done.linked == 2
    posts = {p.id: p for p in store.rows(sid, PLANNED_POSTS)}
    assert [(p.status, [(link.post_id, link.permalink) for link in p.links]) for p in posts.values()] == [
        (PostStatus.PUBLISHED, [("t1", "https://facebook.com/t1")]),
        (PostStatus.PUBLISHED, [("t2", "https://facebook.com/t2")]),
        (PostStatus.DRAFT, []),
    ]
    counts = planned_published_measured([FB], list(posts.values()), store.rows(sid, POSTS), "2026-03")
    assert [(c.planned, c.published, c.measured) for c in counts] == [(3, 2, 2)]


def test_the_cadence_counts_published_posts_where_no_figures_are_logged() -> None:
    strategy = Strategy(
        name="Kapper Kim",
        platforms=[PlatformPlan(platform=FB, posts_per_week=2)],
        goals=[Goal(platform=FB, kpi="posts", quarter="2026-Q1", target=26)],
    )
    out = [
        PlannedPost(planned_at=datetime(2026, 3, 24, 9), platforms=[FB], status=PostStatus.PUBLISHED),
        PlannedPost(planned_at=datetime(2026, 3, 25, 9), platforms=[FB], status=PostStatus.PUBLISHED),
        PlannedPost(planned_at=datetime(2026, 3, 26, 9), platforms=[FB], status=PostStatus.READY),
    ]
    (before,) = tracker.cadence(strategy, [], "2026-Q1", date(2026, 3, 30))
    (after,) = tracker.cadence(strategy, [], "2026-Q1", date(2026, 3, 30), out)
    assert (before.logged, after.logged) == (0, 2)  # the ready post is not out yet
