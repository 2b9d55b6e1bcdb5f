"""Posts as records: merged by (platform, post id) with the newest export winning, added up into weeks from all
posts known, and each week combined with its daily and hand-entered figures by the week rule.

Calendar: 2026-03-23 is a Monday (2026-W13 = 23–29 March, W14 = 30 March – 5 April).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd
import pytest

from cmplanner import importers as imp
from cmplanner.importers import planning as rules
from cmplanner.models import ContentFormat, Platform, Post, WeekMetrics
from cmplanner.posts import Posts, merge_posts, weeks_from_posts
from tests.unit.test_importers import FB_HEADER, csv_bytes, fb_post, table


def post(post_id: str, when: str, exported: str = "2026-03-29", **figures: Any) -> Post:
    return Post(
        platform=figures.pop("platform", Platform.FACEBOOK),
        post_id=post_id,
        published_at=datetime.fromisoformat(when),
        source_file="posts.csv",
        exported_on=date.fromisoformat(exported),
        **figures,
    )


def test_posts_keep_their_records_and_check_the_rules() -> None:
    made = [post("a", "2026-03-24 09:00", impressions=10, format=ContentFormat.PHOTO, text="Brood"),
            post("b", "2026-03-25 10:30", reach=5)]  # fmt: skip
    posts = Posts.of(made)
    assert len(posts) == 2 and posts.frame["impressions"].tolist()[0] == 10
    rebuilt = Posts(posts.frame.copy())
    assert rebuilt.records() == made  # the same records back, built without validating each again
    broken = posts.frame.copy()
    broken.loc[0, "post_id"] = ""
    with pytest.raises(ValueError, match="post_id"):
        Posts.checked(broken)
    broken = posts.frame.copy()
    broken.loc[1, "reach"] = -3
    with pytest.raises(ValueError, match="reach"):
        Posts(broken)


def test_the_newest_export_wins_and_an_older_one_never_rolls_back() -> None:
    stored = [post("a", "2026-03-24 09:00", "2026-03-29", impressions=100),
              post("b", "2026-03-25 09:00", "2026-03-29", impressions=100)]  # fmt: skip
    incoming = [
        post("a", "2026-03-24 09:00", "2026-04-05", impressions=150),  # grown: changed
        post("b", "2026-03-25 09:00", "2026-04-05", impressions=100),  # the same figures: unchanged
        post("c", "2026-03-31 09:00", "2026-04-05", impressions=7),  # new
    ]
    merged = merge_posts(stored, incoming)
    assert merged.counts() == {Platform.FACEBOOK: {"new": 1, "changed": 1, "unchanged": 1}}
    assert sorted((p.post_id, p.impressions, p.exported_on.day) for p in merged.posts) == [
        ("a", 150, 5), ("b", 100, 29), ("c", 7, 5)  # b keeps its stored record: nothing to write
    ]  # fmt: skip
    assert sorted(p.post_id for p in merged.written) == ["a", "c"]
    assert merged.status_of(Platform.FACEBOOK, "b") == "unchanged"

    older = merge_posts(merged.posts, [post("a", "2026-03-24 09:00", "2026-03-30", impressions=120)])
    assert older.counts()[Platform.FACEBOOK] == {"new": 0, "changed": 0, "unchanged": 1}
    assert len(older.written) == 0
    # the same export day: the file given later wins
    twice = merge_posts(
        [], [post("d", "2026-03-26 09:00", impressions=1), post("d", "2026-03-26 09:00", impressions=2)]
    )
    assert [(p.post_id, p.impressions) for p in twice.posts] == [("d", 2)]


def test_posts_of_two_platforms_are_apart() -> None:
    merged = merge_posts(
        [post("a", "2026-03-24 09:00")], [post("a", "2026-03-24 09:00", platform=Platform.INSTAGRAM)]
    )
    assert merged.counts() == {Platform.INSTAGRAM: {"new": 1, "changed": 0, "unchanged": 0}}
    assert len(merged.posts) == 2


def figures(row: WeekMetrics) -> dict[str, Any]:
    return {k: v for k, v in row.model_dump().items() if v is not None and k not in ("platform", "source")}


def test_weeks_from_posts() -> None:
    posts = [
        post("a", "2026-03-23 09:00", impressions=100, reactions=5),
        post("b", "2026-03-29 23:59", impressions=50),  # Sunday: still W13
        post("c", "2026-04-06 08:00", impressions=10, reactions=1),  # W15; W14 has no posts
    ]
    assert [figures(r) for r in weeks_from_posts(posts)] == [
        {"week": "2026-W13", "posts": 2, "impressions": 150, "reactions": 5},
        {"week": "2026-W14", "posts": 0, "impressions": 0, "reactions": 0},
        {"week": "2026-W15", "posts": 1, "impressions": 10, "reactions": 1},
    ]
    asked = weeks_from_posts(posts, {Platform.FACEBOOK: ["2026-W14", "2026-W13"], Platform.X: ["2026-W13"]})
    assert [(r.platform.value, r.week, r.posts) for r in asked] == [
        ("facebook", "2026-W13", 2), ("facebook", "2026-W14", 0), ("x", "2026-W13", 0)
    ]  # fmt: skip


def week(**values: Any) -> WeekMetrics:
    return WeekMetrics(platform=Platform.FACEBOOK, week="2026-W13", **values)


def test_the_week_rule() -> None:
    derived = week(
        posts=12,
        reactions=300,
        comments=40,
        reach=5000,
        impressions=9000,
        source="import:meta_posts_facebook",
    )
    typed = week(posts=10, reactions=250, reach=1800, followers=950, messages_received=7, source="manual")
    row = imp.combine_week(derived, typed)
    assert row is not None
    # posts and post sums from the posts; reach and followers as typed; impressions, which nothing else gives,
    # from the posts; messages untouched; the source stays "manual", so the typed reach is kept next time too
    assert figures(row) == {"week": "2026-W13", "posts": 12, "reactions": 300, "comments": 40, "reach": 1800,
                            "impressions": 9000, "followers": 950, "messages_received": 7}  # fmt: skip
    assert row.source == "manual"
    # a typed figure known to come from earlier posts gives way
    row = imp.combine_week(derived, typed, follows_posts={"reach"})
    assert row is not None and (row.reach, row.source) == (5000, "import:meta_posts_facebook")
    assert imp.combine_week(None, typed) == typed and imp.combine_week(derived, None) == derived


def fb_export(posts: list[dict[str, Any]]) -> bytes:
    return csv_bytes(table(FB_HEADER, posts))


MONDAY = [fb_post("m1", "03/23/2026 08:00", "100", 80, 10, 1, 0, 0, 0), fb_post("m2", "03/23/2026 12:00", "100", 80, 10, 1, 0, 0, 0)]  # fmt: skip
LATER = [fb_post(f"t{n}", f"03/{24 + n % 6}/2026 09:00", "100", 80, 10, 1, 0, 0, 0) for n in range(10)]


def test_an_export_starting_on_a_tuesday_adds_to_the_week_instead_of_replacing_it() -> None:
    first = imp.read("march.csv", fb_export(MONDAY + LATER), exported_on=date(2026, 3, 29))
    done = imp.plan([first], [])
    assert [(r.week, r.posts, r.reactions, s) for r, s in done.weeks] == [("2026-W13", 12, 120, "new")]
    stored_weeks, stored_posts = [r for r, _ in done.weeks], done.posts.posts

    # a week later: an export from Tuesday on, the ten posts grown (15 reactions each) and three new ones in W14
    grown = [fb_post(f"t{n}", f"03/{24 + n % 6}/2026 09:00", "150", 90, 15, 1, 0, 0, 0) for n in range(10)]
    new = [fb_post(f"w{n}", "03/31/2026 09:00", "60", 50, 4, 0, 0, 0, 0) for n in range(3)]
    second = imp.read("april.csv", fb_export(grown + new), exported_on=date(2026, 4, 5))
    assert {r.week: r.posts for r in second.rows} == {"2026-W13": 10, "2026-W14": 3}  # the file alone
    later = imp.plan([second], stored_weeks, stored_posts)
    assert [(r.week, r.posts, r.reactions, r.impressions, s) for r, s in later.weeks] == [
        ("2026-W13", 12, 2 * 10 + 10 * 15, 2 * 100 + 10 * 150, "changed"),  # Monday's two posts still count
        ("2026-W14", 3, 12, 180, "new"),
    ]
    assert later.posts.counts() == {Platform.FACEBOOK: {"new": 3, "changed": 10, "unchanged": 0}}

    again = imp.plan([second], [r for r, _ in later.weeks], later.posts.posts)
    assert {s for _, s in again.weeks} == {"unchanged"}
    assert again.posts.counts()[Platform.FACEBOOK] == {"new": 0, "changed": 0, "unchanged": 13}


def test_a_typed_reach_stays_and_reach_from_earlier_posts_follows_the_posts() -> None:
    first = imp.read("march.csv", fb_export(MONDAY), exported_on=date(2026, 3, 29))
    done = imp.plan([first], [])
    [(w13, _)] = done.weeks
    assert w13.reach == 160
    grown = [fb_post("m1", "03/23/2026 08:00", "100", 95, 10, 1, 0, 0, 0), MONDAY[1]]
    second = imp.read("march2.csv", fb_export(grown), exported_on=date(2026, 4, 1))
    # stored reach 160 is what the stored posts add up to: it follows them (80 → 95)
    [(row, status)] = imp.plan([second], [w13], done.posts.posts).weeks
    assert (row.reach, status) == (175, "changed")
    # typed by hand (say from the platform's own weekly reach, 130): it stays, and so does its source
    typed = w13.model_copy(update={"reach": 130, "source": "manual"})
    [(row, status)] = imp.plan([second], [typed], done.posts.posts).weeks
    assert (row.reach, row.source, status) == (130, "manual", "unchanged")


def test_weeks_written_by_a_post_export_before_posts_were_kept_follow_the_posts() -> None:
    legacy = week(posts=2, reach=160, impressions=200, reactions=20, source="import:meta_posts_facebook")
    assert rules.written_by_posts(legacy)
    assert not rules.written_by_posts(week(source="import:meta_daily")) and not rules.written_by_posts(week())
    grown = imp.read("m.csv", fb_export([fb_post("m1", "03/23/2026 08:00", "300", 200, 30, 1, 0, 0, 0)]))
    [(row, status)] = imp.plan([grown], [legacy]).weeks
    assert (row.posts, row.reach, row.impressions, status) == (1, 200, 300, "changed")


def test_a_daily_series_in_the_upload_wins_for_account_figures() -> None:
    rows = [["Date", "Lifetime Total Likes", "Daily Total Reach", "Daily Total Impressions"]]
    rows += [[f"03/{d}/26", "1000", "50", "70"] for d in range(23, 30)]
    page = imp.read("page.csv", csv_bytes(rows))
    posts = imp.read("posts.csv", fb_export(MONDAY))
    [(row, _)] = imp.plan([posts, page], []).weeks
    # reach and impressions per day (7 × 50, 7 × 70) beat the post sums (160, 200); followers from the page file
    assert (row.posts, row.reach, row.impressions, row.reactions, row.followers) == (2, 350, 490, 20, 1000)


def test_posts_frame_round_trip_keeps_missing_figures_missing() -> None:
    made = Posts.of([post("a", "2026-03-24 09:00", comments=0)])
    assert made[0].comments == 0 and made[0].reach is None
    assert pd.isna(made.frame.loc[0, "reach"])
