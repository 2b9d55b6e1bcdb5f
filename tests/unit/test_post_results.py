"""Which posts worked: a month's best and weakest posts by a KPI, hand-computed, and what each group shares."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cmplanner.models import ContentFormat, Platform, Post
from cmplanner.post_results import DEFAULT_KPI, in_month, post_value, shared, which_worked

IG, FB = Platform.INSTAGRAM, Platform.FACEBOOK


def post(
    post_id: str,
    when: str,
    reach: int | None,
    likes: int,
    comments: int = 0,
    shares: int = 0,
    saves: int = 0,
    **extra,
) -> Post:
    return Post(
        platform=extra.pop("platform", IG),
        post_id=post_id,
        published_at=datetime.fromisoformat(when),
        reach=reach,
        reactions=likes,
        comments=comments,
        shares=shares,
        saves=saves,
        source_file="posts.csv",
        exported_on=date(2026, 12, 1),
        **extra,
    )


def test_a_posts_kpi_is_the_catalogue_formula_over_its_own_figures() -> None:
    carousel = post("a", "2026-11-03 09:00", reach=400, likes=30, comments=6, shares=2, saves=2)
    assert post_value(carousel, "engagement_rate_reach") == pytest.approx(10.0)  # (30+6+2+2)/400 × 100
    assert post_value(carousel, "engagements") == 40
    facebook = post("b", "2026-11-03 09:00", reach=200, likes=10, comments=2, shares=2, saves=9, platform=FB)
    assert post_value(facebook, "engagement_rate_reach") == pytest.approx(
        7.0
    )  # saves do not count on Facebook
    assert post_value(post("c", "2026-11-03 09:00", reach=None, likes=5), "engagement_rate_reach") is None
    assert post_value(post("d", "2026-11-03 09:00", reach=0, likes=5), "engagement_rate_reach") is None


def november() -> list[Post]:
    """Seven Instagram posts in November's weeks (W45–W48: 2–29 Nov 2026) and one in W49 (December)."""
    c, p = ContentFormat.CAROUSEL, ContentFormat.PHOTO
    return [
        post("sat1", "2026-11-07 09:30", 400, 40, format=c),  # 10 %
        post("sat2", "2026-11-14 10:00", 500, 45, format=c),  # 9 %
        post("sat3", "2026-11-21 08:15", 300, 24, format=c),  # 8 %
        post("mid", "2026-11-11 13:00", 500, 25, format=p),  # 5 %
        post("tue1", "2026-11-03 20:00", 600, 12, format=p),  # 2 %
        post("tue2", "2026-11-10 21:30", 500, 5, format=p),  # 1 %
        post("noreach", "2026-11-24 19:00", None, 50, format=p),  # cannot be ranked
        post("dec", "2026-12-01 09:00", 100, 90, format=c),  # W49 belongs to December
    ]


def test_the_best_and_weakest_of_the_month_and_what_they_share() -> None:
    (instagram,) = which_worked(november(), "2026-11", DEFAULT_KPI, [IG, FB])
    assert (instagram.posts, instagram.ranked) == (7, 6)
    assert [(r.post.post_id, round(r.value, 1)) for r in instagram.best] == [
        ("sat1", 10.0),
        ("sat2", 9.0),
        ("sat3", 8.0),
    ]
    assert [(r.post.post_id, round(r.value, 1)) for r in instagram.weakest] == [
        ("tue2", 1.0),
        ("tue1", 2.0),
        ("mid", 5.0),
    ]
    best, weakest = instagram.best_share, instagram.weakest_share
    assert (best.format, best.weekday, best.time) == ("carousel", 5, "morning")
    assert (weakest.format, weakest.weekday, weakest.time) == (
        "photo",
        1,
        "evening",
    )  # 2 of 3 on Tuesday evening


def test_a_month_with_few_posts_never_puts_one_post_in_both_groups() -> None:
    two = [post("a", "2026-11-03 09:00", 100, 5), post("b", "2026-11-04 09:00", 100, 9)]
    (only,) = which_worked(two, "2026-11")
    assert [r.post.post_id for r in only.best] == ["b"] and [r.post.post_id for r in only.weakest] == ["a"]
    (single,) = which_worked(two[:1], "2026-11")
    assert [r.post.post_id for r in single.best] == ["a"] and single.weakest == []
    assert which_worked(two, "2026-10") == []


def test_months_follow_the_iso_weeks_and_unknown_kpis_are_refused() -> None:
    assert {p.post_id for p in in_month(november(), "2026-12")} == {"dec"}
    with pytest.raises(ValueError):
        which_worked(november(), "2026-11", "followers")
    assert not shared([]).anything
