"""The weekly log's logic: fields per strategy, editor rows, checks before saving, week options and labels."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from cmplanner import figures, i18n, weeklog
from cmplanner.demo import bakery
from cmplanner.models import METRIC_FIELDS, Strategy, WeekMetrics
from cmplanner.store import UpsertResult

WEEK = "2026-W46"


@pytest.fixture
def strategy() -> Strategy:
    """The demo bakery: Facebook and Instagram, goals on followers, posts and engagement rate."""
    return bakery("2026-Q4")


def row(platform: str, week: str = WEEK, **values: Any) -> WeekMetrics:
    return WeekMetrics(platform=platform, week=week, **values)


def edited(platform: str, **values: object) -> dict[str, object]:
    return {"platform": platform, **values}


# -- which fields ------------------------------------------------------------------------------------------------


def test_fields_are_followers_posts_and_what_the_goals_need(strategy: Strategy) -> None:
    # engagement rate by followers on Instagram needs the engagements, saves included
    assert weeklog.fields_for(strategy, show_all=False) == [
        "followers",
        "posts",
        "reactions",
        "comments",
        "shares",
        "saves",
    ]


def test_without_goals_followers_and_posts_only(strategy: Strategy) -> None:
    strategy.goals = []
    assert weeklog.fields_for(strategy, show_all=False) == ["followers", "posts"]


def test_show_all_gives_every_metric_field_in_model_order(strategy: Strategy) -> None:
    assert weeklog.fields_for(strategy, show_all=True) == list(METRIC_FIELDS)
    assert len(METRIC_FIELDS) == 15


def test_every_metric_field_has_a_label_in_both_languages() -> None:
    for lang in i18n.LANGUAGES:
        assert [f for f in METRIC_FIELDS if not i18n.has(f"field.{f}", lang)] == []
    assert i18n.t("field.followers", "nl") == "Volgers aan het einde van de week"


# -- editor rows -------------------------------------------------------------------------------------------------


def test_rows_for_week_show_what_is_stored_for_that_week_only(strategy: Strategy) -> None:
    stored = [
        row("instagram", followers=1250, posts=3),
        row("instagram", "2026-W45", followers=1200, posts=2),
        row("linkedin", followers=99),  # not a platform of this strategy
    ]
    rows = weeklog.rows_for_week(strategy, stored, WEEK, ["followers", "posts"])
    assert rows == [
        {"platform": "facebook", "followers": None, "posts": None},
        {"platform": "instagram", "followers": 1250, "posts": 3},
    ]


def test_apply_edits_puts_raw_values_on_their_rows() -> None:
    rows: list[dict[str, Any]] = [
        {"platform": "facebook", "followers": None},
        {"platform": "instagram", "followers": 5},
    ]
    edits = {
        "edited_rows": {"1": {"followers": "12", "platform": "x"}, 7: {"followers": 1}},
        "added_rows": [],
    }
    assert weeklog.apply_edits(rows, edits) == [
        {"platform": "facebook", "followers": None},
        {"platform": "instagram", "followers": "12"},
    ]
    assert rows[1]["followers"] == 5  # the input is left alone
    assert weeklog.apply_edits(rows, None) == rows


# -- validate ----------------------------------------------------------------------------------------------------


def test_valid_rows_become_week_metrics_and_empty_rows_are_skipped(strategy: Strategy) -> None:
    result = weeklog.validate(
        strategy,
        WEEK,
        [edited("facebook", followers=810.0, posts=2), edited("instagram", followers=None, posts=None)],
        [],
        "en",
    )
    assert result.ok
    assert [(r.platform, r.followers, r.posts, r.impressions, r.source) for r in result.rows] == [
        ("facebook", 810, 2, None, "manual")
    ]


def test_numbers_typed_as_text_are_read(strategy: Strategy) -> None:
    result = weeklog.validate(
        strategy, WEEK, [edited("facebook", followers=" 810 ", response_time_hours="2.5")], [], "en"
    )
    assert result.ok
    assert (result.rows[0].followers, result.rows[0].response_time_hours) == (810, 2.5)


def test_fields_not_shown_keep_their_stored_value(strategy: Strategy) -> None:
    stored = [row("instagram", followers=1200, impressions=5000, source="import")]
    result = weeklog.validate(strategy, WEEK, [edited("instagram", followers=1210)], stored, "en")
    assert result.ok
    assert (result.rows[0].followers, result.rows[0].impressions) == (1210, 5000)


def test_an_unchanged_row_is_returned_as_stored(strategy: Strategy) -> None:
    stored = [row("instagram", followers=1200, source="import")]
    result = weeklog.validate(strategy, WEEK, [edited("instagram", followers=1200, posts=None)], stored, "en")
    assert result.rows == stored


def test_clearing_a_stored_value_stores_not_logged(strategy: Strategy) -> None:
    stored = [row("instagram", followers=1200, posts=3)]
    result = weeklog.validate(strategy, WEEK, [edited("instagram", posts=None)], stored, "en")
    assert result.ok
    assert (result.rows[0].followers, result.rows[0].posts) == (1200, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (-5, "Facebook, Followers at week end: -5 is negative. Enter 0 or more"),
        ("abc", "Facebook, Followers at week end: “abc” is not a number."),
        (12.5, "Facebook, Followers at week end: 12.5 is not a whole number."),
        (10**13, "Facebook, Followers at week end: 10000000000000 is too large."),
        (True, "is not a number"),
    ],
)
def test_bad_cells_are_named_by_platform_and_field(strategy: Strategy, value: object, expected: str) -> None:
    result = weeklog.validate(
        strategy, WEEK, [edited("facebook", followers=value), edited("instagram", posts=3)], [], "en"
    )
    assert not result.ok
    (message,) = result.errors
    assert expected in message
    assert [r.platform for r in result.rows] == ["instagram"]  # the caller saves nothing: result is not ok


def test_decimals_are_fine_for_response_time_not_for_counts(strategy: Strategy) -> None:
    result = weeklog.validate(
        strategy, WEEK, [edited("facebook", response_time_hours=1.5, posts=1.0)], [], "en"
    )
    assert result.ok
    assert (result.rows[0].response_time_hours, result.rows[0].posts) == (1.5, 1)


def test_more_answered_than_received_is_an_error_naming_the_platform(strategy: Strategy) -> None:
    result = weeklog.validate(
        strategy, WEEK, [edited("instagram", messages_received=3, messages_answered=5)], [], "en"
    )
    assert result.errors == [
        "Instagram: 5 messages answered but only 3 received. Answered cannot be more than received: "
        "check both numbers."
    ]


def test_answered_is_checked_against_the_stored_received(strategy: Strategy) -> None:
    stored = [row("instagram", messages_received=3)]
    result = weeklog.validate(strategy, WEEK, [edited("instagram", messages_answered=4)], stored, "en")
    assert len(result.errors) == 1


def test_errors_in_dutch(strategy: Strategy) -> None:
    result = weeklog.validate(strategy, WEEK, [edited("facebook", posts=-1)], [], "nl")
    assert result.errors == ["Facebook, Posts: -1 is negatief. Vul 0 of meer in, of laat de cel leeg."]


def test_a_platform_outside_the_strategy_is_refused(strategy: Strategy) -> None:
    result = weeklog.validate(strategy, WEEK, [edited("tiktok", followers=5)], [], "en")
    assert result.errors == ["TikTok is not one of this strategy's platforms."]


# -- implausible jumps -------------------------------------------------------------------------------------------


def test_implausible_follower_jump_is_a_warning_until_confirmed(strategy: Strategy) -> None:
    stored = [row("instagram", "2026-W45", followers=1250)]
    rows = [edited("instagram", followers=9000)]
    result = weeklog.validate(strategy, WEEK, rows, stored, "en")
    assert result.errors == [] and not result.ok
    (warning,) = result.warnings
    assert "Instagram, Followers at week end: 9,000 in 2026-W46, but 1,250 in 2026-W45 (+7,750)" in warning
    confirmed = weeklog.validate(strategy, WEEK, rows, stored, "en", confirmed=True)
    assert confirmed.ok and confirmed.rows[0].followers == 9000


def test_a_drop_is_compared_with_the_latest_earlier_week(strategy: Strategy) -> None:
    stored = [row("instagram", "2026-W40", followers=500), row("instagram", "2026-W45", followers=1250)]
    result = weeklog.validate(strategy, WEEK, [edited("instagram", followers=125)], stored, "en")
    assert "1,250 in 2026-W45 (-1,125)" in result.warnings[0]


def test_a_stored_jump_is_not_questioned_again_when_other_figures_change(strategy: Strategy) -> None:
    stored = [row("instagram", "2026-W45", followers=1250), row("instagram", followers=9000)]
    result = weeklog.validate(strategy, WEEK, [edited("instagram", followers=9000, posts=4)], stored, "en")
    assert result.ok


@pytest.mark.parametrize(
    ("previous", "previous_week", "value", "jump"),
    [
        (1000, "2026-W45", 1250, False),  # +25 %: the limit itself
        (1000, "2026-W45", 1251, True),
        (1000, "2026-W42", 1900, False),  # 4 weeks since the last figure: up to +100 %
        (1000, "2026-W42", 2001, True),
        (100, "2026-W45", 149, False),  # small accounts: under 50 followers is never questioned
        (0, "2026-W45", 50, True),
        (1000, "2026-W45", 800, False),  # −20 %: the limit itself
        (1000, "2026-W45", 799, True),
        (1000, "2026-W30", 799, True),  # drops are not scaled by the gap
    ],
)
def test_jump_thresholds(previous: int, previous_week: str, value: int, jump: bool) -> None:
    assert figures.is_jump(previous, previous_week, value, WEEK) is jump


# -- saving, weeks, history --------------------------------------------------------------------------------------


def test_saved_text() -> None:
    assert weeklog.saved_text(UpsertResult(new=1, changed=1), "en") == "2 platforms saved: 1 new, 1 changed."
    assert weeklog.saved_text(UpsertResult(changed=1, unchanged=1), "nl") == (
        "2 platforms opgeslagen: 1 gewijzigd, 1 ongewijzigd."
    )
    assert weeklog.saved_text(UpsertResult(new=1), "en") == "1 platform saved: 1 new."
    assert weeklog.saved_text(UpsertResult(unchanged=2), "en").startswith("Nothing changed")


@pytest.mark.parametrize(
    ("today", "first"),
    [
        (date(2026, 11, 18), "2026-W46"),  # a Wednesday
        (date(2026, 11, 22), "2026-W46"),  # Sunday: the week has not ended yet
        (date(2026, 11, 23), "2026-W47"),  # Monday
        (date(2027, 1, 6), "2026-W53"),  # 2026 has 53 ISO weeks
    ],
)
def test_recent_weeks_start_at_the_last_complete_week(today: date, first: str) -> None:
    weeks = weeklog.recent_weeks(today)
    assert weeks[0] == first and len(weeks) == 26 and len(set(weeks)) == 26
    assert weeks == sorted(weeks, reverse=True)
    assert weeklog.recent_weeks(today, n=3)[2] == weeks[2]


def test_week_labels() -> None:
    assert weeklog.week_label("2026-W46", "en") == "2026-W46 · 9–15 Nov"
    assert weeklog.week_label("2026-W49", "en") == "2026-W49 · 30 Nov – 6 Dec"
    assert weeklog.week_label("2026-W53", "en") == "2026-W53 · 28 Dec – 3 Jan"
    assert weeklog.week_label("2026-W46", "nl").startswith("2026-W46 · 9–15 nov")


def test_history_is_the_last_eight_logged_weeks_newest_first() -> None:
    weeks = [f"2026-W{n}" for n in range(30, 41)]
    stored = [row(p, w, followers=1) for w in weeks for p in ("instagram", "facebook")]
    rows = weeklog.history(stored)
    assert [(r.week, r.platform) for r in rows[:3]] == [
        ("2026-W40", "facebook"),
        ("2026-W40", "instagram"),
        ("2026-W39", "facebook"),
    ]
    assert len(rows) == 16 and rows[-1].week == "2026-W33"
    assert weeklog.history([]) == []
