"""The shapes of IMPORT_FORMATS.md's "Seen in real files", built here as files: weekly figures worked out by hand
(the arithmetic is in the comments), the posts each file yields, and the rows it skips and why.

Calendar: 2025-10-27 is a Monday (2025-W44 = 27 Oct – 2 Nov, W45 starts 3 Nov); 2025-02-17 is a Monday (2025-W08);
2025-08-04 is a Monday (2025-W32); 2021-10-04 is a Monday (2021-W40); 2026-03-23 is a Monday (2026-W13).
"""

from __future__ import annotations

import codecs
from datetime import date, datetime
from typing import Any

import pytest

from cmplanner import i18n
from cmplanner import importers as imp
from cmplanner.models import ContentFormat, Platform
from tests.unit.test_importers import (
    LI_DESCRIPTION,
    LI_POSTS_HEADER,
    YT_HEADER,
    by_week,
    csv_bytes,
    csv_text,
    li_post,
    problem,
    table,
    x_overview_rows,
    xlsx_bytes,
)


def skipped(parsed: imp.Parsed) -> list[tuple[int, str, str, str]]:
    """The skipped-row report: line, column, value and the reason's key (``import.skip.<reason>``)."""
    return [(s.line, s.column, s.value, s.key.removeprefix("import.skip.")) for s in parsed.skipped]


# -- TikTok, newer files ----------------------------------------------------------------------------------------

NEW_OVERVIEW_HEADER = ["Date", "Video views", "Reached audience", "Profile views", "Likes", "Shares", "Comments",
                       "Net growth", "New followers", "Lost followers"]  # fmt: skip
NEW_OVERVIEW = [
    NEW_OVERVIEW_HEADER,
    ["2025/10/27", "100", "80", "5", "10", "1", "2", "3", "4", "1"],
    ["2025/10/28", "200", "150", "6", "20", "2", "-3", "5", "6", "1"],  # 3 comments deleted that day
    ["2025/10/29", "NAN", "NAN", "NAN", "NAN", "NAN", "NAN", "NAN", "NAN", "NAN"],
    ["2025/10/30", "50", "40", "1", "5", "0", "1", "-2", "0", "2"],
    ["2025/10/31", "lots", "30", "1", "2", "0", "0", "1", "1", "0"],  # line 6: not a number
    ["2025/11/01", "10", "10", "0", "1", "0", "0", "0", "0", "0"],
    ["2025/11/02", "40", "30", "2", "4", "1", "1", "1", "1", "0"],
    ["2025/11/03", "70", "60", "3", "7", "1", "-5", "2", "2", "0"],  # more deleted than written this week
]


def test_newer_tiktok_overview_uses_reach_and_net_follower_growth() -> None:
    data = csv_bytes(NEW_OVERVIEW, quote_all=True, encoding="utf-8-sig")
    first = imp.read("Overview.csv", data)
    assert first.detected.shape == "tiktok_overview"
    assert first.needs_baseline  # followers come as net growth per day
    parsed = imp.read("Overview.csv", data, baseline_followers=1000)
    assert skipped(parsed) == [(6, "Video views", "lots", "number")]
    assert by_week(parsed) == {
        # views 100 + 200 + 0 (NAN) + 50 + 10 + 40; reach 80 + 150 + 40 + 10 + 30; likes 10 + 20 + 5 + 1 + 4;
        # comments 2 − 3 + 1 + 0 + 1 (a net change); followers 1000 + 3 + 5 − 2 + 0 + 1 (31 October skipped)
        "2025-W44": {"followers": 1007, "video_views": 400, "reach": 310, "reactions": 40, "comments": 1,
                     "shares": 4},
        # Monday only: −5 comments in the week count 0; followers 1007 + 2
        "2025-W45": {"followers": 1009, "video_views": 70, "reach": 60, "reactions": 7, "comments": 0, "shares": 1},
    }  # fmt: skip
    assert {"import.note.reach_days", "import.note.negative_week"} <= set(parsed.problems)


VIDEO_LIST = [
    ["Video title", "Video link", "Post time", "Video views", "Likes", "Comments", "Shares", "Add to Favorites"],
    ["Croissants, fresh", "https://www.tiktok.com/@bakkerij/video/7567000000000000001", "2025/10/31 18:19:10",
     "1,500", "120", "8", "3", "11"],
    ["Sourdough", "https://www.tiktok.com/@bakkerij/video/7567000000000000002", "2025/11/03 07:05:00",
     "900", "60", "4", "2", "5"],
    ["Draft", "https://www.tiktok.com/@bakkerij/video/7567000000000000003", "", "0", "0", "0", "0", "0"],
    ["Cake", "https://www.tiktok.com/@bakkerij/video/7567000000000000004", "2025/10/27 12:00:00",
     "300", "30", "1", "0", "2"],
]  # fmt: skip


def test_tiktok_per_video_list_gives_posts_with_ids_links_and_saves() -> None:
    parsed = imp.read("videos.csv", csv_bytes(VIDEO_LIST))
    assert parsed.detected.shape == "tiktok_content"
    assert skipped(parsed) == [(4, "Post time", "", "no_date")]  # the draft: not published, so not a post yet
    assert by_week(parsed) == {
        # Cake (27 Oct) and Croissants (31 Oct): 300 + 1,500 views, 30 + 120 likes, favourites are saves
        "2025-W44": {
            "posts": 2,
            "video_views": 1800,
            "reactions": 150,
            "comments": 9,
            "shares": 3,
            "saves": 13,
        },
        "2025-W45": {"posts": 1, "video_views": 900, "reactions": 60, "comments": 4, "shares": 2, "saves": 5},
    }
    post = next(p for p in parsed.posts if p.text == "Croissants, fresh")
    assert (post.post_id, post.published_at, post.format, post.saves) == (
        "7567000000000000001", datetime(2025, 10, 31, 18, 19, 10), ContentFormat.SHORT_VIDEO, 11
    )  # fmt: skip
    assert post.permalink == "https://www.tiktok.com/@bakkerij/video/7567000000000000001"
    assert post.platform == Platform.TIKTOK and post.source_file == "videos.csv"


AUDIENCE = [
    ["Date", "New followers", "Total followers", "Reached audience"],
    ["2025/10/27", "4", "1000", "500"],
    ["2025/10/28", "4", "1004", "600"],
    ["2025/10/29", "--", "--", "400"],
    ["2025/10/30", "x", "1010", "300"],  # line 5: not a number
    ["2025/10/31", "2", "1012", "200"],
    ["2025/11/01", "0", "--", "100"],
    ["2025/11/02", "3", "1015", "100"],
    ["2025/11/03", "1", "1016", "50"],
]


def test_tiktok_audience_file_gives_total_followers_and_reach() -> None:
    parsed = imp.read("FollowerHistory.csv", csv_bytes(AUDIENCE))
    assert parsed.detected.shape == "tiktok_audience"
    assert not parsed.needs_baseline  # the totals are there ("--" where TikTok did not know them)
    assert skipped(parsed) == [(5, "New followers", "x", "number")]
    assert by_week(parsed) == {
        # followers: Sunday's total; reach 500 + 600 + 400 + 200 + 100 + 100 (30 October skipped)
        "2025-W44": {"followers": 1015, "reach": 1900},
        "2025-W45": {"followers": 1016, "reach": 50},
    }


# -- X ------------------------------------------------------------------------------------------------------------

X_NEW_HEADER = ["Post id", "Date", "Post text", "Link", "Impressions", "Likes", "Engagements", "Bookmarks", "Share",
                "New follows", "Replies", "Reposts", "Profile visits", "Url clicks"]  # fmt: skip


def test_x_content_with_share_link_and_url_clicks() -> None:
    rows = [
        X_NEW_HEADER,
        ["1891", "Mon Feb 17 2025", "Fresh bread", "https://x.com/bakkerij/status/1891", "1,000", "10", "20", "1",
         "2", "0", "3", "4", "1", "5"],
        ["1892", "Wed Feb 19 2025", "Cake", "https://x.com/bakkerij/status/1892", "500", "5", "9", "0", "1", "1",
         "1", "2", "0", "3"],
        ["", "Thu Feb 20 2025", "(no id)", "", "70", "1", "1", "0", "0", "0", "0", "0", "0", "0"],  # line 4
        ["1893", "Mon Feb 24 2025", "Pie", "https://x.com/bakkerij/status/1893", "200", "2", "3", "1", "0", "0",
         "0", "1", "0", "1"],
    ]  # fmt: skip
    parsed = imp.read("account_analytics_content_2025-02-17_2025-02-28.csv", csv_bytes(rows))
    assert parsed.detected.shape == "x_content"
    assert skipped(parsed) == [(4, "Post id", "", "no_id")]
    assert by_week(parsed) == {
        # shares = Reposts + Share: (4 + 2) + (2 + 1); Url clicks 5 + 3; replies are the comments
        "2025-W08": {"posts": 2, "impressions": 1500, "reactions": 15, "comments": 4, "shares": 9, "saves": 1,
                     "clicks": 8},
        "2025-W09": {"posts": 1, "impressions": 200, "reactions": 2, "comments": 0, "shares": 1, "saves": 1,
                     "clicks": 1},
    }  # fmt: skip
    assert [(p.post_id, p.permalink, p.text) for p in parsed.posts][0] == (
        "1891", "https://x.com/bakkerij/status/1891", "Fresh bread"
    )  # fmt: skip


# -- Meta daily series --------------------------------------------------------------------------------------------


def two_series(first: str = "Facebook reach", second: str = "Instagram reach") -> bytes:
    """Business Suite's UTF-16 tab-separated file with two series one after another, each with its header."""
    lines = ["sep=\t", f'"{first}"', '"Date"\t"Primary"']
    lines += [f'"2025-08-{d:02d}T00:00:00"\t"{v}"' for d, v in ((4, 100), (5, 50), (11, 30))]
    lines += [f'"{second}"', '"Date"\t"Primary"']
    lines += [f'"2025-08-{d:02d}T00:00:00"\t"{v}"' for d, v in ((4, 40), (6, "abc"), (7, 20), (11, 5))]
    return codecs.BOM_UTF16_LE + ("\n".join(lines) + "\n").encode("utf-16-le")


def test_meta_file_with_a_facebook_and_an_instagram_series() -> None:
    data = two_series()
    detected = imp.detect("reach.csv", data)
    assert (detected.platform, detected.platforms, detected.shape) == (
        None, (Platform.FACEBOOK, Platform.INSTAGRAM), "meta_daily"
    )  # fmt: skip
    both = imp.read("reach.csv", data)
    figures = {(row.platform.value, row.week): row.reach for row in both.rows}
    # Facebook 100 + 50 (4, 5 Aug), 30 (11 Aug); Instagram 40 + 20 (the 6th is not a number), 5 (11 Aug)
    assert figures == {("facebook", "2025-W32"): 150, ("facebook", "2025-W33"): 30,
                       ("instagram", "2025-W32"): 60, ("instagram", "2025-W33"): 5}  # fmt: skip
    # line 10: sep, title, header, 3 days, title, header, the 4th, then the 6th
    assert skipped(both) == [(10, "Primary", "abc", "number")]
    only = imp.read("reach.csv", data, platform=Platform.FACEBOOK)
    assert {row.platform for row in only.rows} == {Platform.FACEBOOK}
    assert "import.note.series_left_out" in only.problems
    assert problem("reach.csv", data, platform=Platform.LINKEDIN).key == "import.platform_mismatch"


def test_a_series_titled_only_reach_asks_for_its_platform() -> None:
    lines = [
        "sep=,",
        '"Reach"',
        '"Date","Primary"',
        '"2025-08-04T00:00:00","70"',
        '"2025-08-05T00:00:00","30"',
    ]
    data = codecs.BOM_UTF16_LE + ("\n".join(lines) + "\n").encode("utf-16-le")
    assert imp.detect("reach.csv", data).platform is None
    assert problem("reach.csv", data).key == "import.need_platform"
    parsed = imp.read("reach.csv", data, platform=Platform.INSTAGRAM)
    assert by_week(parsed) == {"2025-W32": {"reach": 100}}
    assert skipped(parsed) == []


def test_a_meta_series_resaved_with_semicolons_in_utf8() -> None:
    text = "Facebook reach\nDate;Primary\n2025-08-04T00:00:00;1.200\n2025-08-05T00:00:00;800\n"
    parsed = imp.read("reach.csv", text.encode("utf-8"))
    assert parsed.detected.platform == Platform.FACEBOOK
    assert by_week(parsed) == {"2025-W32": {"reach": 2000}}  # 1.200 is a thousand two hundred in a ;-file


def test_rows_wrapped_in_one_pair_of_quotes() -> None:
    plain = csv_text(x_overview_rows()[:4])
    wrapped = "".join('"' + line.replace('"', '""') + '"\n' for line in plain.splitlines())
    parsed = imp.read("overview.csv", wrapped.encode())
    assert parsed.detected.shape == "x_overview"
    assert by_week(parsed) == by_week(imp.read("overview.csv", plain.encode()))
    assert by_week(parsed)["2025-W02"]["impressions"] == 300
    assert skipped(parsed) == []


# -- YouTube, Meta posts, LinkedIn ----------------------------------------------------------------------------------


def test_youtube_table_with_unpublished_videos() -> None:
    rows = [
        YT_HEADER,
        ["Total", "", "", "", "1300", "60", "10", "0:02:00", "21000", "5.0"],
        ["abc", "Bread", "Oct 5, 2021", "300", "600", "30.1", "6", "0:03:00", "12000", "5.0"],
        ["zzz", "Coming soon", "", "0", "400", "0", "0", "0:00:00", "1000", "0"],  # line 4: not published
        ["def", "Cake", "Oct 7, 2021", "200", "300", "15.2", "3", "0:03:00", "6000", "5.0"],
    ]
    parsed = imp.read("Table data.csv", csv_bytes(rows))
    assert skipped(parsed) == [(4, "Video publish time", "", "no_date")]
    assert by_week(parsed) == {"2021-W40": {"posts": 2, "video_views": 900, "impressions": 18000}}
    assert [(p.post_id, p.text) for p in parsed.posts] == [("abc", "Bread"), ("def", "Cake")]
    assert i18n.t("import.skip.no_date", "nl").startswith("geen datum")


def test_meta_posts_with_views_twice_and_id_less_filler_rows() -> None:
    header = ["Post ID", "Page ID", "Page name", "Description", "Publish time", "Permalink", "Post type", "Date",
              "Views", "IMPRESSION:UNIQUE_USERS", "Reactions", "Comments", "Shares", "Views", "reels_plays:count"]  # fmt: skip
    rows = [
        header,
        ["1", "9", "Bakkerij", "Croissants", "03/24/2026 10:00", "https://fb.com/1", "Photo", "Lifetime", "900",
         "700", "40", "5", "2", "111", "0"],
        ["", "9", "Bakkerij", "", "03/25/2026 10:00", "", "", "Lifetime", "50", "20", "1", "0", "0", "7", "0"],
        ["2", "9", "Bakkerij", "Reel", "03/26/2026 18:00", "https://fb.com/2", "Reel", "Lifetime", "1,100", "800",
         "60", "9", "4", "222", "350"],
    ]  # fmt: skip
    parsed = imp.read("posts.csv", csv_bytes(rows))
    assert parsed.detected.shape == "meta_posts_facebook"
    assert skipped(parsed) == [(3, "Post ID", "", "no_id")]
    # the first Views column is the impressions, the second is not counted again; reels plays are the video views;
    # IMPRESSION:UNIQUE_USERS is the reach (summed over posts)
    assert by_week(parsed) == {
        "2026-W13": {"posts": 2, "impressions": 2000, "reach": 1500, "reactions": 100, "comments": 14,
                     "shares": 6, "video_views": 350}
    }  # fmt: skip
    assert [(p.post_id, p.format) for p in parsed.posts] == [
        ("1", ContentFormat.PHOTO),
        ("2", ContentFormat.SHORT_VIDEO),
    ]


def test_linkedin_boosted_posts_listed_per_audience_count_once() -> None:
    def boosted(link: str, kind: str, impressions: int, clicks: int, likes: int) -> dict[str, Any]:
        return li_post(link, "03/24/2026", impressions, 0, clicks, likes, 1, 0) | {"Post type": kind}

    posts = [
        boosted("b1", "Organic", 400, 10, 20),
        boosted("b1", "Sponsored", 600, 30, 10),
        boosted("b1", "Total", 1000, 40, 30),
        boosted("b2", "Organic", 100, 1, 2),  # no total row: its parts are added up
        boosted("b2", "Sponsored", 50, 1, 1),
        li_post("b3", "03/26/2026", 70, 0, 2, 3, 0, 0) | {"Post type": "Organic"},
    ]
    parsed = imp.read(
        "content.xlsx", xlsx_bytes({"All posts": [LI_DESCRIPTION, *table(LI_POSTS_HEADER, posts)]})
    )
    assert skipped(parsed) == []
    # b1 once, by its Total row (1,000; 40 clicks; 30 likes; 1 comment); b2 = 100 + 50 impressions, 1 + 1 clicks,
    # 2 + 1 likes, 1 + 1 comments; b3 70, 2, 3, 0
    assert by_week(parsed) == {
        "2026-W13": {"posts": 3, "impressions": 1220, "video_views": 0, "clicks": 44, "reactions": 36,
                     "comments": 3, "shares": 0}
    }  # fmt: skip
    assert sorted((p.post_id, p.impressions) for p in parsed.posts) == [
        ("https://linkedin.com/b1", 1000), ("https://linkedin.com/b2", 150), ("https://linkedin.com/b3", 70)
    ]  # fmt: skip
    assert "import.note.duplicates" not in parsed.problems  # one post per audience is not a repeat


def test_legacy_x_file_saying_likes() -> None:
    header = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "retweets",
              "replies", "likes", "url clicks"]  # fmt: skip
    rows = [
        header,
        ["6", "https://t/6", "a", "2015-09-30 18:42 +0000", "424.0", "10.0", "1.0", "-", "3.0", "2.0"],
    ]
    parsed = imp.read("tweets.csv", csv_bytes(rows, quote_all=True))
    assert by_week(parsed) == {
        "2015-W40": {"posts": 1, "impressions": 424, "shares": 1, "comments": 0, "reactions": 3, "clicks": 2}
    }
    assert parsed.posts[0].published_at == datetime(2015, 9, 30, 18, 42)


@pytest.mark.parametrize(
    ("day", "expected"), [("8 de marzo", date(2025, 3, 8)), ("25 de setembro", date(2024, 9, 25))]
)
def test_spanish_and_portuguese_tiktok_days(day: str, expected: date) -> None:
    header = ["Fecha", "Reproducciones de video", "Visualizaciones del perfil", "Me gusta", "Comentarios",
              "Veces compartido"]  # fmt: skip
    data = csv_bytes([header, [day, "10", "1", "2", "0", "1"]], quote_all=True, encoding="utf-8-sig")
    parsed = imp.read("Overview.csv", data, exported_on=date(2025, 6, 30))
    assert parsed.date_range == (expected, expected)
