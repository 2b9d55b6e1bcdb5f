"""Planned posts ↔ imported posts: by exact permalink, else platform and nearest time within a window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from cmplanner.calendar.matching import apply_matches, match_published
from cmplanner.models import PlannedPost, Platform, PostLink, PostStatus

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAY = datetime(2026, 12, 5)


@dataclass(frozen=True)
class Imported:
    """A stand-in for the imported posts' model: only what matching reads."""

    platform: str
    post_id: str
    published_at: datetime
    permalink: str | None = None


def at(hour: int, minute: int = 0) -> datetime:
    return DAY.replace(hour=hour, minute=minute)


def planned(pid: str, when: datetime, *platforms: str, **extra: object) -> PlannedPost:
    return PlannedPost.model_validate({"id": pid, "planned_at": when, "platforms": list(platforms), **extra})


def pairs(matches: list) -> set[tuple[str, str, str, str]]:
    return {(m.planned_id, m.platform.value, m.post_id, m.by) for m in matches}


def test_nearest_post_on_the_same_platform_within_the_window() -> None:
    posts = [planned("a", at(10), "instagram", "facebook")]
    imported = [
        Imported("instagram", "ig-far", at(14, 5)),  # 4 hours off: outside the 3-hour window
        Imported("instagram", "ig-near", at(10, 7)),
        Imported("instagram", "ig-later", at(11, 30)),
        Imported("facebook", "fb-1", at(9, 40)),
        Imported("x", "x-1", at(10, 0)),  # not a platform of the post
    ]
    found = match_published(posts, imported)
    assert pairs(found) == {("a", "instagram", "ig-near", "time"), ("a", "facebook", "fb-1", "time")}
    assert sorted(m.minutes_off for m in found) == [7, 20]
    narrow = match_published(posts, imported, window=timedelta(minutes=10))
    assert pairs(narrow) == {("a", "instagram", "ig-near", "time")}


def test_closest_pairs_go_first_and_each_post_is_used_once() -> None:
    posts = [planned("early", at(10), "instagram"), planned("late", at(10, 30), "instagram")]
    imported = [Imported("instagram", "one", at(10, 20)), Imported("instagram", "two", at(10, 35))]
    # "late" ↔ "two" (5 min) first, then "early" ↔ "one" (20 min), though "one" is nearer to "late" as well
    assert pairs(match_published(posts, imported)) == {
        ("late", "instagram", "two", "time"),
        ("early", "instagram", "one", "time"),
    }


def test_imported_times_with_a_zone_become_local_time() -> None:
    posts = [planned("a", at(10), "instagram")]
    utc = [Imported("instagram", "ig", datetime(2026, 12, 5, 9, 5, tzinfo=UTC))]  # 10:05 in Amsterdam (CET)
    (match,) = match_published(posts, utc, tz=AMSTERDAM)
    assert match.published_at == at(10, 5) and match.minutes_off == 5
    assert match_published(posts, utc, window=timedelta(minutes=30), tz=ZoneInfo("America/New_York")) == []


def test_a_pasted_permalink_wins_over_time() -> None:
    link = PostLink(platform="instagram", permalink="https://www.instagram.com/p/Cxyz/")
    posts = [planned("a", at(10), "instagram", links=[link])]
    imported = [
        Imported("instagram", "near", at(10, 1), "https://www.instagram.com/p/other/"),
        Imported("instagram", "pasted", at(18, 0), " https://www.instagram.com/p/Cxyz"),
    ]
    assert pairs(match_published(posts, imported)) == {("a", "instagram", "pasted", "permalink")}


def test_linked_imports_and_skipped_posts_take_no_part() -> None:
    posts = [
        planned(
            "done",
            at(9),
            "instagram",
            links=[PostLink(platform="instagram", post_id="old")],
            status="published",
        ),
        planned("skipped", at(10), "instagram", status="skipped"),
        planned("open", at(12), "instagram"),
    ]
    imported = [Imported("instagram", "old", at(10)), Imported("instagram", "new", at(10, 2))]
    assert pairs(match_published(posts, imported)) == {("open", "instagram", "new", "time")}


def test_apply_links_the_posts_and_publishes_those_linked_everywhere() -> None:
    both = planned("both", at(10), "instagram", "facebook", status="ready")
    half = planned("half", at(15), "instagram", "facebook", status="ready")
    imported = [
        Imported("instagram", "ig-1", at(10, 2), "https://instagram.com/p/1/"),
        Imported("facebook", "fb-1", at(10, 3)),
        Imported("instagram", "ig-2", at(15, 1)),
    ]
    stamp = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
    changed = {p.id: p for p in apply_matches([both, half], match_published([both, half], imported), stamp)}
    assert changed["both"].status is PostStatus.PUBLISHED and changed["both"].updated_at == stamp
    assert [(link.platform, link.post_id, link.permalink) for link in changed["both"].links] == [
        (Platform.INSTAGRAM, "ig-1", "https://instagram.com/p/1/"),
        (Platform.FACEBOOK, "fb-1", ""),
    ]
    assert changed["half"].status is PostStatus.READY and len(changed["half"].links) == 1
    assert apply_matches([both], []) == []


@given(
    st.lists(st.tuples(st.integers(0, 600), st.sampled_from(["instagram", "facebook"])), max_size=8),
    st.lists(st.tuples(st.integers(0, 600), st.sampled_from(["instagram", "facebook"])), max_size=8),
)
def test_each_post_and_each_import_is_used_at_most_once_within_the_window(
    planned_at: list[tuple[int, str]], published_at: list[tuple[int, str]]
) -> None:
    posts = [
        planned(f"p{i}", DAY + timedelta(minutes=m), platform) for i, (m, platform) in enumerate(planned_at)
    ]
    imported = [
        Imported(platform, f"i{i}", DAY + timedelta(minutes=m))
        for i, (m, platform) in enumerate(published_at)
    ]
    found = match_published(posts, imported, window=timedelta(minutes=60))
    assert len({(m.planned_id, m.platform) for m in found}) == len(found)
    assert len({m.post_id for m in found}) == len(found)
    assert all(m.minutes_off <= 60 and m.by == "time" for m in found)
    # nothing left that could still pair up: every unmatched post has no free import of its platform in reach
    used = {m.post_id for m in found}
    done = {m.planned_id for m in found}
    for post in posts:
        if post.id in done:
            continue
        for item in imported:
            if item.post_id not in used and item.platform in post.platforms:
                assert abs(item.published_at - post.planned_at) > timedelta(minutes=60)
