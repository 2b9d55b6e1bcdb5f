"""Competitor figures from a spreadsheet: a pasted block or a CSV with a column mapping, then the log's checks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cmplanner.competitors import log, sheets
from cmplanner.models import Competitor, CompetitorWeek, Platform


@pytest.fixture
def rivals() -> list[Competitor]:
    return [
        Competitor(
            id="lin",
            name="Bakkerij Van der Linden",
            website="vanderlinden.nl",
            handles={"instagram": "@vdlinden", "facebook": "vdl"},
        ),
        Competitor(id="bb", name="Broodbar", handles={"instagram": "@broodbar"}),
    ]


def test_headers_are_recognised_in_english_dutch_and_the_importers_words() -> None:
    assert sheets.suggest_mapping(
        [
            "Concurrent",
            "Netwerk",
            "Datum",
            "Volgers",
            "Aantal posts",
            "Vind-ik-leuks",
            "Reacties",
            "Notitie",
            "Extra",
        ]
    ) == {
        "Concurrent": "competitor",
        "Netwerk": "platform",
        "Datum": "week",
        "Volgers": "followers",
        "Aantal posts": "posts",
        "Vind-ik-leuks": "likes",
        "Reacties": "comments",
        "Notitie": "note",
    }
    # "Takipçiler" is only in the importers' aliases (Turkish TikTok followers)
    assert sheets.suggest_mapping(["Name", "Takipçiler", "Total likes"]) == {
        "Name": "competitor",
        "Takipçiler": "followers",
        "Total likes": "likes",
    }


def test_platforms_and_competitors_are_found_by_any_of_their_names(rivals: list[Competitor]) -> None:
    assert [sheets.platform_of(t) for t in ("IG", "insta", "X (Twitter)", "twitter", "Facebook ")] == [
        Platform.INSTAGRAM,
        Platform.INSTAGRAM,
        Platform.X,
        Platform.X,
        Platform.FACEBOOK,
    ]
    assert sheets.platform_of("Myspace") is None
    assert sheets.competitor_of("bakkerij van der linden", rivals) is rivals[0]
    assert sheets.competitor_of("@broodbar", rivals) is rivals[1]
    assert sheets.competitor_of("VanderLinden.nl", rivals) is rivals[0]
    assert sheets.competitor_of("Bakker Bart", rivals) is None


def test_a_pasted_block_with_headers_becomes_rows_for_the_log(rivals: list[Competitor]) -> None:
    text = (
        "Concurrent\tPlatform\tWeek\tVolgers\tPosts\tLikes\tReacties\tNotitie\n"
        "Bakkerij Van der Linden\tInstagram\t2026-W10\t1.422\t4\t90\t10\tSpaarkaart gelanceerd\n"
        "Broodbar\tIG\t2026-W10\t800\t2\t-\t\t\n"
    )
    sheet = sheets.read_paste(text, rivals, "nl")
    assert sheet.errors == []
    assert sheet.rows == [
        {
            "competitor": "lin",
            "name": "Bakkerij Van der Linden",
            "platform": "instagram",
            "week": "2026-W10",
            "followers": 1422,  # "1.422" read as the importers read it
            "posts": 4,
            "likes": 90,
            "comments": 10,
            "note": "Spaarkaart gelanceerd",
        },
        # "-" is a placeholder and empty cells give nothing: they never erase a logged figure
        {
            "competitor": "bb",
            "name": "Broodbar",
            "platform": "instagram",
            "week": "2026-W10",
            "followers": 800,
            "posts": 2,
        },
    ]
    checked = log.validate(rivals, sheet.rows, [], "nl", source="paste")
    assert checked.ok
    assert checked.rows[1] == CompetitorWeek(
        competitor="bb", platform="instagram", week="2026-W10", followers=800, posts=2, source="paste"
    )


def test_a_pasted_block_without_headers_follows_the_editor_order(rivals: list[Competitor]) -> None:
    text = "Broodbar\tInstagram\t800\t2\t30\t4\n"
    sheet = sheets.read_paste(text, rivals, "en", week="2026-W11")
    assert sheet.errors == []
    assert sheet.rows == [
        {
            "competitor": "bb",
            "name": "Broodbar",
            "platform": "instagram",
            "week": "2026-W11",
            "followers": 800,
            "posts": 2,
            "likes": 30,
            "comments": 4,
        }
    ]
    assert sheets.read_paste(text, rivals, "en").errors == [
        "The pasted block has no header row. Copy the headers along (e.g. Competitor, Platform, Week, Followers), "
        "or choose the week the figures are for."
    ]
    assert sheets.read_paste("  \n", rivals, "en").errors == ["Nothing was pasted."]


def test_a_csv_with_a_mapping_reads_dates_as_their_iso_week(rivals: list[Competitor]) -> None:
    data = (
        b"Who;Where;Day;Fans;Count;Hearts;Replies\n"
        b"Broodbar;Instagram;02-03-2026;700;3;45;5\n"  # Monday 2 March 2026 → 2026-W10
        b"Broodbar;Instagram;13-03-2026;1.250;2;30;2\n"  # day first (13 > 12) → 2026-W11; 1.250 in a ;-file
    )
    mapping = {
        "Who": "competitor",
        "Where": "platform",
        "Day": "week",
        "Fans": "followers",
        "Count": "posts",
        "Hearts": "likes",
        "Replies": "comments",
    }
    sheet = sheets.read("rivals.csv", data, mapping, rivals, "en")
    assert sheet.errors == []
    assert [(r["week"], r["followers"], r["posts"]) for r in sheet.rows] == [
        ("2026-W10", 700, 3),
        ("2026-W11", 1250, 2),
    ]
    # 700 → 1,250 in a week is +79 %: the log asks to confirm it, naming the week
    checked = log.validate(rivals, sheet.rows, [], "en", source="import:sheet")
    assert checked.warnings and checked.warnings[0].startswith(
        "Broodbar on Instagram (2026-W11), Followers at week end"
    )


def test_a_competitor_on_one_platform_needs_no_platform_column(rivals: list[Competitor]) -> None:
    data = b"Competitor,Week,Followers\nBroodbar,2026-W10,800\nBakkerij Van der Linden,2026-W10,1400\n"
    mapping = {"Competitor": "competitor", "Week": "week", "Followers": "followers"}
    sheet = sheets.read("x.csv", data, mapping, rivals, "en")
    assert [r["platform"] for r in sheet.rows] == ["instagram"]
    assert sheet.errors == [
        "Line 3: which platform? Add a platform column, or choose the platform the sheet is for."
    ]
    fixed = sheets.read("x.csv", data, mapping, rivals, "en", platform=Platform.INSTAGRAM)
    assert fixed.errors == [] and len(fixed.rows) == 2


def test_unreadable_rows_are_named_by_line(rivals: list[Competitor]) -> None:
    data = (
        b"Competitor,Platform,Week,Posts\n"
        b"Bakker Bart,Instagram,2026-W10,1\n"
        b"Broodbar,Myspace,2026-W10,1\n"
        b"Broodbar,Instagram,March,1\n"
        b"Broodbar,Instagram,2026-W10,3x\n"
    )
    sheet = sheets.read(
        "x.csv", data, sheets.suggest_mapping(["Competitor", "Platform", "Week", "Posts"]), rivals, "en"
    )
    assert sheet.errors == [
        "Line 2: “Bakker Bart” is not one of this strategy's competitors (Bakkerij Van der Linden, Broodbar). "
        "Add it first, or correct the name.",
        "Line 3: “Myspace” is not a platform. Use Facebook, X, LinkedIn, Instagram, TikTok, Pinterest or YouTube.",
        "Line 4: “March” is not a week or a date. Use an ISO week such as 2026-W47, or a date with its year.",
    ]
    # "3x" is left for the log's checks, which name competitor, platform and field
    assert sheet.rows[0]["posts"] == "3x"
    assert log.validate(rivals, sheet.rows, [], "en").errors == [
        "Broodbar on Instagram, Posts: “3x” is not a number. Enter digits only, e.g. 1250."
    ]


def test_a_bad_mapping_says_what_to_fix(rivals: list[Competitor]) -> None:
    data = b"Competitor,Week,Followers\nBroodbar,2026-W10,800\n"
    read = lambda mapping: sheets.read("x.csv", data, mapping, rivals, "en").errors  # noqa: E731
    assert read({"Competitor": "competitor", "Followers": "followers"}) == ["Say which column holds Week."]
    assert read({"Competitor": "competitor", "Week": "week"}) == [
        "Say which columns hold figures (followers, posts, likes, comments) or a note."
    ]
    assert read({"Competitor": "competitor", "Week": "week", "Volgers": "followers"}) == [
        "The sheet has no column “Volgers”. Its columns are: Competitor, Week, Followers."
    ]
    assert read({"Competitor": "competitor", "Week": "followers", "Followers": "followers"}) == [
        "Two columns are set to Followers at week end: choose one."
    ]
    assert read({"Competitor": "competitor", "Week": "week", "Followers": "fans"}) == [
        "Column “Followers”: “fans” is not something a competitor sheet can hold."
    ]
    assert read({"Competitor": "competitor", "Week": "week", "Followers": "skip"}) == [
        "Say which columns hold figures (followers, posts, likes, comments) or a note."
    ]


def test_a_file_that_is_no_sheet_gets_the_importers_message(rivals: list[Competitor]) -> None:
    assert sheets.read("x.csv", b"", {}, rivals, "en").errors == ["“x.csv” is empty."]
    assert sheets.columns("x.csv", b"Competitor;Week;Volgers\nA;2026-W10;1\n", "en") == (
        ["Competitor", "Week", "Volgers"],
        None,
    )


@pytest.mark.parametrize(
    ("cells", "read"),
    [
        (["1.422", "800"], [1422, 800]),  # Dutch thousands
        (["1,422", "800"], [1422, 800]),  # English thousands
        (["1.234.567", "1,5"], [1234567, 1.5]),  # "1,5" settles the mark; the log refuses 1.5 as a count
        (["n/a", "-"], [None, None]),  # placeholders are "not logged"
    ],
)
def test_counts_are_read_as_spreadsheets_write_them(
    rivals: list[Competitor], cells: list[str], read: list[float | None]
) -> None:
    text = "Competitor\tWeek\tFollowers\n" + "".join(
        f"Broodbar\t2026-W{10 + i}\t{c}\n" for i, c in enumerate(cells)
    )
    rows = sheets.read_paste(text, rivals, "en").rows
    assert [row.get("followers") for row in rows] == read


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([".", ",", " ", ""]))
@settings(max_examples=60, deadline=None)
def test_a_count_reads_back_whatever_thousands_separator_the_sheet_uses(count: int, separator: str) -> None:
    rival = Competitor(id="bb", name="Broodbar", handles={"instagram": "@broodbar"})
    written = f"{count:,}".replace(",", separator)
    sheet = sheets.read_paste(f"Competitor\tWeek\tFollowers\nBroodbar\t2026-W10\t{written}\n", [rival], "en")
    assert sheet.errors == [] and sheet.rows[0]["followers"] == count
