"""The competitor log: editor rows per competitor and platform, and the weekly log's checks applied to them."""

from __future__ import annotations

from typing import Any

import pytest

from cmplanner.competitors import log
from cmplanner.models import Competitor, CompetitorWeek, Platform

WEEK = "2026-W10"


@pytest.fixture
def rivals() -> list[Competitor]:
    return [
        Competitor(id="lin", name="Van der Linden", handles={"instagram": "@vdl", "facebook": "vdl"}),
        Competitor(id="bb", name="Broodbar", handles={"instagram": "@broodbar"}),
    ]


def week(competitor: str, platform: str, week: str = WEEK, **values: Any) -> CompetitorWeek:
    return CompetitorWeek(competitor=competitor, platform=platform, week=week, **values)


def edited(competitor: str, platform: str, week: str = WEEK, **values: Any) -> dict[str, Any]:
    return {"competitor": competitor, "platform": platform, "week": week, **values}


def test_one_editor_row_per_competitor_and_platform_followed(rivals: list[Competitor]) -> None:
    stored = [
        week("lin", "instagram", followers=1422, posts=4, note="Loyalty card"),
        week("bb", "instagram", "2026-W09"),
    ]
    rows = log.rows_for_week(rivals, stored, WEEK)
    assert [(r["name"], r["platform"]) for r in rows] == [
        ("Van der Linden", "facebook"),
        ("Van der Linden", "instagram"),
        ("Broodbar", "instagram"),
    ]
    assert rows[1] == {
        "competitor": "lin",
        "name": "Van der Linden",
        "platform": "instagram",
        "week": WEEK,
        "followers": 1422,
        "posts": 4,
        "likes": None,
        "comments": None,
        "note": "Loyalty card",
    }
    assert rows[2]["followers"] is None  # the stored row is of another week


def test_edits_change_figures_but_never_who_where_or_when(rivals: list[Competitor]) -> None:
    rows = log.rows_for_week(rivals, [], WEEK)
    changed = log.apply_edits(
        rows, {"edited_rows": {"2": {"followers": 800, "competitor": "lin", "week": "x"}}}
    )
    assert changed[2]["followers"] == 800
    assert (changed[2]["competitor"], changed[2]["week"]) == ("bb", WEEK)


def test_valid_rows_become_competitor_weeks_and_empty_rows_are_skipped(rivals: list[Competitor]) -> None:
    checked = log.validate(
        rivals,
        [
            edited(
                "lin", "instagram", followers="1422", posts=4.0, likes=90, comments=10, note="  Loyalty card "
            ),
            edited("lin", "facebook", followers=None, posts="", note=None),
        ],
        [],
        "en",
    )
    assert checked.ok
    assert checked.rows == [
        week("lin", "instagram", followers=1422, posts=4, likes=90, comments=10, note="Loyalty card")
    ]


def test_an_unchanged_row_is_returned_as_stored(rivals: list[Competitor]) -> None:
    stored = week("bb", "instagram", followers=700, source="import:sheet")
    checked = log.validate(
        rivals, [edited("bb", "instagram", followers=700.0, posts=None, note="")], [stored], "en"
    )
    assert checked.rows == [stored] and checked.rows[0].source == "import:sheet"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"likes": -3},
            "Broodbar on Instagram, Likes: -3 is negative. Enter 0 or more, or leave the cell empty.",
        ),
        (
            {"followers": "veel"},
            "Broodbar on Instagram, Followers at week end: “veel” is not a number. Enter digits only, e.g. 1250.",
        ),
        (
            {"posts": 2.5},
            "Broodbar on Instagram, Posts: 2.5 is not a whole number. "
            "Enter a count without decimals or separators, e.g. 1250.",
        ),
    ],
)
def test_bad_cells_are_refused_naming_competitor_platform_and_field(
    rivals: list[Competitor], values: dict[str, Any], message: str
) -> None:
    checked = log.validate(rivals, [edited("bb", "instagram", **values)], [], "en")
    assert checked.errors == [message] and checked.rows == []


def test_dutch_messages_name_the_competitor_too(rivals: list[Competitor]) -> None:
    checked = log.validate(rivals, [edited("bb", "instagram", comments=-1)], [], "nl")
    assert checked.errors == [
        "Broodbar op Instagram, Reacties: -1 is negatief. Vul 0 of meer in, of laat de cel leeg."
    ]


def test_who_where_and_when_must_be_known(rivals: list[Competitor]) -> None:
    checked = log.validate(
        rivals,
        [
            {"competitor": "gone", "name": "Bakker Bart", "platform": "instagram", "week": WEEK, "posts": 1},
            edited("bb", "myspace", posts=1),
            edited("bb", "tiktok", posts=1),
            edited("bb", "instagram", "week 10", posts=1),
        ],
        [],
        "en",
    )
    assert checked.errors == [
        "“Bakker Bart” is not one of this strategy's competitors: add it first, or check the name.",
        "Broodbar: “myspace” is not a platform. Use Facebook, X, LinkedIn, Instagram, TikTok, Pinterest or YouTube.",
        "Broodbar on TikTok: this competitor has no account on this platform yet. "
        "Add the account to the competitor first.",
        "Broodbar on Instagram: “week 10” is not a week. Use an ISO week such as 2026-W47, or a date.",
    ]


def test_the_same_competitor_platform_and_week_twice_is_refused(rivals: list[Competitor]) -> None:
    checked = log.validate(
        rivals, [edited("bb", "instagram", posts=1), edited("bb", "instagram", posts=2)], [], "en"
    )
    assert checked.errors == [
        "Broodbar on Instagram, 2026-W10: given twice. Keep one row per competitor, platform and week."
    ]


def test_a_follower_jump_needs_confirming_like_in_the_weekly_log(rivals: list[Competitor]) -> None:
    stored = [week("bb", "instagram", "2026-W09", followers=700)]
    jump = [edited("bb", "instagram", followers=7000)]
    checked = log.validate(rivals, jump, stored, "en")
    assert not checked.ok and checked.errors == []
    assert checked.warnings == [
        "Broodbar on Instagram, Followers at week end: 7,000 in 2026-W10, but 700 in 2026-W09 (+6,300). "
        "Is that right? Viral weeks happen: if it is, confirm it; otherwise correct the figure."
    ]
    confirmed = log.validate(rivals, jump, stored, "en", confirmed=True)
    assert confirmed.ok and confirmed.rows[0].followers == 7000
    # 700 → 760 in a week is +8.6 %: not questioned
    assert log.validate(rivals, [edited("bb", "instagram", followers=760)], stored, "en").ok


def test_a_sheet_of_several_weeks_is_checked_week_by_week(rivals: list[Competitor]) -> None:
    rows = [
        edited("bb", "instagram", "2026-W09", followers=700),
        edited("bb", "instagram", "2026-W10", followers=710),
        edited("bb", "instagram", "2026-W11", followers=71),  # a digit lost: −89 %
    ]
    checked = log.validate(rivals, rows, [], "en", source="import:sheet")
    # rows of several weeks: the messages name the week too
    assert [w.split(":")[0] for w in checked.warnings] == [
        "Broodbar on Instagram (2026-W11), Followers at week end"
    ]
    assert "71 in 2026-W11, but 710 in 2026-W10" in checked.warnings[0]
    assert {row.source for row in checked.rows} == {"import:sheet"}


def test_saved_text_counts_competitor_weeks() -> None:
    assert log.saved_text(2, 1, 0, "en") == "3 competitor weeks saved: 2 new, 1 changed."
    assert log.saved_text(1, 0, 0, "nl") == "1 concurrentenweek opgeslagen: 1 nieuw."
    assert log.saved_text(0, 0, 4, "en") == "Nothing changed: these figures were already saved."


def test_history_is_newest_week_first_in_competitor_order(rivals: list[Competitor]) -> None:
    stored = [
        week("bb", "instagram", "2026-W09"),
        week("lin", "instagram", "2026-W10"),
        week("bb", "instagram", "2026-W10"),
        week("lin", "facebook", "2026-W10"),
        week("gone", "facebook", "2026-W11"),
    ]
    shown = [(r.week, r.competitor, r.platform) for r in log.history(rivals, stored, n=2)]
    assert shown == [
        ("2026-W10", "lin", Platform.FACEBOOK),
        ("2026-W10", "lin", Platform.INSTAGRAM),
        ("2026-W10", "bb", Platform.INSTAGRAM),
        ("2026-W09", "bb", Platform.INSTAGRAM),
    ]


def test_a_bad_cell_in_a_sheet_of_several_weeks_names_its_week(rivals: list[Competitor]) -> None:
    rows = [edited("bb", "instagram", "2026-W09", posts=3), edited("bb", "instagram", "2026-W10", posts="3x")]
    assert log.validate(rivals, rows, [], "nl").errors == [
        "Broodbar op Instagram (2026-W10), Posts: “3x” is geen getal. Vul alleen cijfers in, bijv. 1250."
    ]
