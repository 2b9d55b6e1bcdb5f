"""The importers: every shape and quirk of IMPORT_FORMATS.md, built here as files, checked against weekly totals
computed by hand (the arithmetic is in the comments).

Calendar used below: 2026-03-23 is a Monday (2026-W13 = 23–29 March, W14 = 30 March – 5 April);
2025-01-06 is a Monday (2025-W02); 2025-12-29 is the Monday of 2026-W01; 2025-07-28 starts 2025-W31.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cmplanner import i18n
from cmplanner import importers as imp
from cmplanner.importers import aliases, dates, files, numbers, shapes
from cmplanner.models import METRIC_FIELDS, ContentFormat, Platform, WeekMetrics
from cmplanner.store import Store

# -- building files ---------------------------------------------------------------------------------------------


def csv_text(rows: list[list[Any]], delimiter: str = ",", quote_all: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerows([["" if v is None else str(v) for v in row] for row in rows])
    return out.getvalue()


def csv_bytes(
    rows: list[list[Any]], delimiter: str = ",", quote_all: bool = False, encoding: str = "utf-8"
) -> bytes:
    return csv_text(rows, delimiter, quote_all).encode(encoding)


def table(header: list[str], records: list[dict[str, Any]]) -> list[list[Any]]:
    """Rows under ``header`` from dicts (missing cells empty)."""
    return [header] + [[record.get(h, "") for h in header] for record in records]


def zip_bytes(members: dict[str, bytes], when: tuple[int, int, int] = (2026, 1, 10)) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(*when, 12, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def xlsx_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        ws = book.create_sheet(name)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def figures(row: WeekMetrics) -> dict[str, Any]:
    return {name: getattr(row, name) for name in METRIC_FIELDS if getattr(row, name) is not None}


def by_week(parsed: imp.Parsed) -> dict[str, dict[str, Any]]:
    return {row.week: figures(row) for row in parsed.rows}


def problem(name: str, data: bytes, **kwargs: Any) -> imp.ImportProblem:
    with pytest.raises(imp.ImportProblem) as info:
        imp.read(name, data, **kwargs)
    return info.value


# -- Meta Business Suite ------------------------------------------------------------------------------------------

FB_HEADER = [
    "Post ID", "Page ID", "Page name", "Title", "Description", "Duration (sec)", "Publish time", "Caption type",
    "Permalink", "Is crosspost", "Is share", "Post type", "Languages", "Custom labels", "Funded content status",
    "Data comment", "Date", "Impressions", "Reach", "Reactions, comments and shares", "Reactions", "Comments",
    "Shares", "Total clicks", "Other clicks", "Matched audience targeting consumption (Photo click)", "Link clicks",
    "Views", "reels_plays:count", "Seconds viewed", "Average seconds viewed", "Estimated earnings (USD)",
]  # fmt: skip


def fb_post(post_id: str, when: str, impressions: str, reach: Any, reactions: Any, comments: Any, shares: Any,
            clicks: Any, views: Any) -> dict[str, Any]:  # fmt: skip
    return {
        "Post ID": post_id, "Page ID": "1029", "Page name": "Bakkerij", "Description": "Vers brood, met komma's",
        "Publish time": when, "Permalink": f"https://facebook.com/{post_id}", "Post type": "Photo", "Date": "Lifetime",
        "Impressions": impressions, "Reach": reach, "Reactions": reactions, "Comments": comments, "Shares": shares,
        "Total clicks": clicks, "Views": views,
    }  # fmt: skip


FB_POSTS = table(
    FB_HEADER,
    [
        fb_post("p1", "03/23/2026 09:00", "1,200", 900, 40, 5, 5, 30, 100),
        fb_post("p2", "03/27/2026 06:08", "800", 600, 15, 3, 2, 10, 50),
        fb_post("p3", "03/30/2026 18:30", "500", 450, 10, "-", 1, 7, ""),
        fb_post("p2", "03/27/2026 06:08", "850", 620, 16, 4, 2, 11, 55),  # p2 again, a later row: it wins
    ],
)


def test_facebook_posts_sum_by_publish_week() -> None:
    parsed = imp.read("export.csv", csv_bytes(FB_POSTS))
    assert parsed.detected.platform == Platform.FACEBOOK
    assert parsed.detected.shape == "meta_posts_facebook"
    assert "Reactions, comments and shares" in parsed.detected.headers
    assert parsed.date_range == (date(2026, 3, 23), date(2026, 3, 30))
    assert not parsed.needs_baseline
    assert by_week(parsed) == {
        # p1 + p2 (its later row): 1,200 + 850 impressions; 900 + 620 reach; 40 + 16; 5 + 4; 5 + 2; 30 + 11; 100 + 55
        "2026-W13": {"posts": 2, "impressions": 2050, "reach": 1520, "reactions": 56, "comments": 9, "shares": 7,
                     "clicks": 41, "video_views": 155},
        # p3: "-" comments and an empty Views count as 0
        "2026-W14": {"posts": 1, "impressions": 500, "reach": 450, "reactions": 10, "comments": 0, "shares": 1,
                     "clicks": 7, "video_views": 0},
    }  # fmt: skip
    assert {row.source for row in parsed.rows} == {"import:meta_posts_facebook"}
    assert "import.note.reach_summed" in parsed.problems  # a sum of post reach overstates unique reach
    assert "import.note.duplicates" in parsed.problems


def test_facebook_header_with_unquoted_comma_and_other_case() -> None:
    """``Reactions, Comments and Shares`` written without quotes splits into two cells: joined back."""
    header = ["Post ID", "Page ID", "Publish time", "Reach", "Reactions, Comments and Shares", "Reactions"]
    text = ",".join(header) + "\n1,9,03/24/2026 10:00,70,12,9\n2,9,03/25/2026 10:00,30,4,3\n"
    parsed = imp.read("fb.csv", text.encode())
    assert parsed.detected.shape == "meta_posts_facebook"
    assert by_week(parsed) == {"2026-W13": {"posts": 2, "reach": 100, "reactions": 12}}  # 70 + 30; 9 + 3


def test_facebook_views_and_viewers_after_the_rename() -> None:
    """2024–25 files say Views for impressions and Viewers for reach; reels plays are the video views then."""
    header = ["Post ID", "Page ID", "Publish time", "Date", "Views", "Viewers", "reels_plays:count"]
    rows = [header, ["1", "9", "03/24/2026 10:00", "Lifetime", "900", "700", "40"],
            ["2", "9", "03/31/2026 10:00", "Lifetime", "100", "80", "5"]]  # fmt: skip
    assert by_week(imp.read("fb.csv", csv_bytes(rows))) == {
        "2026-W13": {"posts": 1, "impressions": 900, "reach": 700, "video_views": 40},
        "2026-W14": {"posts": 1, "impressions": 100, "reach": 80, "video_views": 5},
    }


IG_HEADER = [
    "Post ID", "Account ID", "Account username", "Account name", "Description", "Duration (sec)", "Publish time",
    "Permalink", "Post type", "Data comment", "Date", "Views", "Reach", "Likes", "Shares", "Follows", "Comments",
    "Saves",
]  # fmt: skip


def test_instagram_posts() -> None:
    rows = table(
        IG_HEADER,
        [
            {"Post ID": "i1", "Account ID": "7", "Publish time": "03/24/2026 12:00", "Date": "Lifetime", "Views": 300,
             "Reach": 200, "Likes": 30, "Shares": 2, "Follows": 1, "Comments": 4, "Saves": 6},
            {"Post ID": "i2", "Account ID": "7", "Publish time": "03/29/2026 20:45", "Date": "Lifetime", "Views": 700,
             "Reach": 500, "Likes": 70, "Shares": 3, "Follows": 0, "Comments": 6, "Saves": 9},
        ],
    )  # fmt: skip
    parsed = imp.read("ig.csv", csv_bytes(rows))
    assert parsed.detected.platform == Platform.INSTAGRAM
    assert parsed.detected.shape == "meta_posts_instagram"
    # 300 + 700 views (impressions); 200 + 500 reach; 30 + 70 likes; 4 + 6; 2 + 3; 6 + 9 saves; Follows not used
    assert by_week(parsed) == {
        "2026-W13": {"posts": 2, "impressions": 1000, "reach": 700, "reactions": 100, "comments": 10, "shares": 5,
                     "saves": 15}
    }  # fmt: skip


def test_swedish_facebook_export_with_semicolons_and_european_numbers() -> None:
    header = ["Publiceringstid", "Räckvidd", "Reaktioner, kommentarer och delningar", "Gilla-markeringar",
              "Kommentarer", "Delningar"]  # fmt: skip
    rows = [header, ["2026-03-27 06:08", "1.234", "60", "50", "6", "4"],
            ["2026-03-28 10:00", "2 000", "30", "25", "3", "2"]]  # fmt: skip
    parsed = imp.read("inlagg.csv", csv_bytes(rows, delimiter=";", encoding="utf-8-sig"))
    assert parsed.detected.platform == Platform.FACEBOOK
    # 1.234 (thousands dot in a ;-file) + 2 000 = 3,234 reach; 50 + 25 likes; 6 + 3; 4 + 2
    assert by_week(parsed) == {
        "2026-W13": {"posts": 2, "reach": 3234, "reactions": 75, "comments": 9, "shares": 6}
    }


def meta_series(title: str, days: list[tuple[str, int]]) -> bytes:
    """A Meta daily series as Business Suite writes it: UTF-16LE with BOM, ``sep=,``, a title line, all quoted."""
    text = "sep=,\n" + csv_text([[title], ["Date", "Primary"], *[[f"{d}T00:00:00", v] for d, v in days]],
                                quote_all=True)  # fmt: skip
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


FOLLOWS = meta_series(
    "Facebook follows", [("2025-08-01", 20), ("2025-08-03", 5), ("2025-08-06", 7), ("2025-08-18", 3)]
)


def test_meta_follows_series_needs_a_baseline() -> None:
    assert imp.detect("follows.csv", FOLLOWS) == imp.Detected(
        Platform.FACEBOOK, "meta_daily", "follows.csv", ["Date", "Primary"], (Platform.FACEBOOK,)
    )
    first = imp.read("follows.csv", FOLLOWS)
    assert first.needs_baseline
    assert first.rows == []  # nothing but follower changes, and no baseline yet
    assert first.date_range == (date(2025, 8, 1), date(2025, 8, 18))
    parsed = imp.read("follows.csv", FOLLOWS, baseline_followers=1000)
    assert parsed.needs_baseline
    assert by_week(parsed) == {
        "2025-W31": {"followers": 1025},  # 1000 + 20 (Fri 1 Aug) + 5 (Sun 3 Aug)
        "2025-W32": {"followers": 1032},  # + 7 (Wed 6 Aug)
        "2025-W33": {"followers": 1032},  # no follows that week (zero days are left out)
        "2025-W34": {"followers": 1035},  # + 3 (Mon 18 Aug)
    }
    assert "import.note.gross_follows" in parsed.problems


def test_meta_views_series_asks_for_the_platform_and_fills_zero_days() -> None:
    data = meta_series("Views", [("2025-08-01", 100), ("2025-08-02", 50), ("2025-08-11", 30)])
    assert imp.detect("views.csv", data).platform is None
    assert problem("views.csv", data).key == "import.need_platform"
    parsed = imp.read("views.csv", data, platform=Platform.INSTAGRAM)
    assert parsed.detected.platform == Platform.INSTAGRAM
    # 100 + 50 in W31; W32 had no day listed: zero; 30 in W33
    assert by_week(parsed) == {"2025-W31": {"impressions": 150}, "2025-W32": {"impressions": 0},
                               "2025-W33": {"impressions": 30}}  # fmt: skip


def test_meta_series_platform_conflict_and_unsupported_titles() -> None:
    ig = meta_series("Instagram follows", [("2025-08-01", 2)])
    err = problem("ig.csv", ig, platform=Platform.FACEBOOK)
    assert err.key == "import.platform_mismatch"
    assert err.params["detected"] == "instagram"
    err = problem("i.csv", meta_series("Content interactions", [("2025-08-01", 2)]))
    assert err.key == "import.meta_series_unsupported"
    assert "Content interactions" in str(err)
    assert (
        problem("v.csv", meta_series("Facebook visits", [("2025-08-01", 2)])).key
        == "import.meta_series_unsupported"
    )


def test_legacy_page_insights_post_export_with_description_row() -> None:
    header = ["Post ID", "Permalink", "Post Message", "Type", "Countries", "Languages", "Posted", "Audience Targeting",
              "Lifetime Post Total Reach", "Lifetime Post organic reach", "Lifetime Post Paid Reach",
              "Lifetime Post Total Impressions", "Lifetime Engaged Users",
              "Lifetime Talking About This (Post) by action type - like",
              "Lifetime Talking About This (Post) by action type - comment",
              "Lifetime Talking About This (Post) by action type - share"]  # fmt: skip
    descriptions = ["", "", "", "", "", "", "", "", "Lifetime: The number of people who saw your post.",
                    "Lifetime: organic", "Lifetime: paid", "Lifetime: The number of impressions.",
                    "Lifetime: engaged", "Lifetime: likes", "Lifetime: comments", "Lifetime: shares"]  # fmt: skip
    rows = [header, descriptions,
            ["1_1", "", "Hi", "Photo", "", "", "3/23/2026 9:00:00 AM", "", "100", "90", "10", "150", "20", "8", "2", "1"],
            ["1_2", "", "Yo", "Link", "", "", "3/25/2026 1:15:00 PM", "", "200", "200", "0", "260", "30", "12", "0", "3"]]  # fmt: skip
    parsed = imp.read("Facebook Insights Data Export (Post Level).csv", csv_bytes(rows))
    assert parsed.detected.shape == "facebook_insights_posts"
    assert [(p.post_id, p.format, p.text) for p in parsed.posts] == [
        ("1_1", ContentFormat.PHOTO, "Hi"), ("1_2", ContentFormat.LINK, "Yo")
    ]  # fmt: skip
    # reach 100 + 200; impressions 150 + 260; likes 8 + 12; comments 2 + 0; shares 1 + 3
    assert by_week(parsed) == {
        "2026-W13": {
            "posts": 2,
            "reach": 300,
            "impressions": 410,
            "reactions": 20,
            "comments": 2,
            "shares": 4,
        }
    }


def test_legacy_page_insights_page_export() -> None:
    header = ["Date", "Lifetime Total Likes", "Daily New Likes", "Daily Unlikes", "Daily Page Engaged Users",
              "Weekly Page Engaged Users", "Daily Total Reach", "Weekly Total Reach", "Daily Total Impressions"]  # fmt: skip
    rows = [header, ["", "Lifetime: total likes", "Daily: new", "Daily: unlikes", "", "", "Daily: reach", "", "Daily: imp"],
            ["03/28/26", "1000", "3", "0", "5", "40", "50", "300", "80"],
            ["03/29/26", "1003", "3", "0", "5", "40", "40", "300", "70"],
            ["03/30/26", "1004", "1", "0", "5", "40", "30", "300", "60"]]  # fmt: skip
    parsed = imp.read("page.csv", csv_bytes(rows))
    assert parsed.detected.shape == "facebook_insights_page"
    assert by_week(parsed) == {
        # Sunday's total likes; reach 50 + 40; impressions 80 + 70
        "2026-W13": {"followers": 1003, "reach": 90, "impressions": 150},
        "2026-W14": {"followers": 1004, "reach": 30, "impressions": 60},
    }
    assert {"import.note.reach_days", "import.note.partial_weeks"} <= set(parsed.problems)


# -- LinkedIn ---------------------------------------------------------------------------------------------------

LI_POSTS_HEADER = [
    "Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date", "Campaign start date",
    "Campaign end date", "Audience", "Impressions", "Views (excluding off-site video views)", "Off-site views",
    "Clicks", "Click through rate (CTR)", "Likes", "Comments", "Reposts", "Follows", "Engagement rate", "Content Type",
]  # fmt: skip


def li_post(link: str, created: Any, impressions: int, views: Any, clicks: int, likes: int, comments: int,
            reposts: int) -> dict[str, Any]:  # fmt: skip
    return {"Post title": f"Post {link}", "Post link": f"https://linkedin.com/{link}", "Post type": "Organic",
            "Created date": created, "Audience": "All followers", "Impressions": impressions,
            "Views (excluding off-site video views)": views, "Clicks": clicks, "Click through rate (CTR)": 0.03,
            "Likes": likes, "Comments": comments, "Reposts": reposts, "Engagement rate": 0.05}  # fmt: skip


LI_POSTS = [
    li_post("a1", "03/24/2026", 400, 50, 12, 20, 2, 1),
    li_post("a2", "03/26/2026", 600, 0, 18, 30, 3, 2),
    li_post("a3", "03/31/2026", 300, "", 5, 10, 1, 0),
]
LI_DESCRIPTION = ["All posts: the performance of your organic and sponsored posts (description row)"]


def li_metrics_rows() -> list[list[Any]]:
    header = ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)",
              "Unique impressions (organic)", "Clicks (organic)", "Clicks (sponsored)", "Clicks (total)",
              "Reactions (organic)", "Reactions (sponsored)", "Reactions (total)", "Comments (organic)",
              "Comments (sponsored)", "Comments (total)", "Reposts (organic)", "Reposts (sponsored)",
              "Reposts (total)", "Engagement rate (organic)", "Engagement rate (sponsored)", "Engagement rate (total)"]  # fmt: skip
    rows: list[list[Any]] = [["Metrics: daily figures (description row)"], header]
    for n in range(14):  # 23 March – 5 April 2026
        day = datetime(2026, 3, 23 + n) if n < 9 else datetime(2026, 4, n - 8)
        w13 = n < 7
        impressions, clicks, reactions, comments = (100, 5, 4, 1) if w13 else (50, 2, 2, 0)
        reposts = 1 if day.weekday() == 0 else 0
        rows.append([day, impressions - 10, 10, impressions, 60, clicks, 0, clicks, reactions, 0, reactions,
                     comments, 0, comments, reposts, 0, reposts, 0.05, 0, 0.05])  # fmt: skip
    return rows


def test_linkedin_content_workbook_merges_daily_metrics_and_posts() -> None:
    data = xlsx_bytes(
        {"Metrics": li_metrics_rows(), "All posts": [LI_DESCRIPTION, *table(LI_POSTS_HEADER, LI_POSTS)]}
    )
    parsed = imp.read("company_content.xlsx", data)
    assert parsed.detected.platform == Platform.LINKEDIN
    assert parsed.detected.shape == "linkedin_metrics+linkedin_content"
    # the week rule: the daily Metrics give the account-level impressions (7 × 100, 7 × 50); the posts give the
    # post count and the post sums (a1 + a2: 12 + 18 clicks, 20 + 30 likes, 2 + 3 comments, 1 + 2 reposts) and,
    # with nothing daily for them, the video views (50 + 0)
    assert by_week(parsed) == {
        "2026-W13": {"posts": 2, "impressions": 700, "clicks": 30, "reactions": 50, "comments": 5, "shares": 3,
                     "video_views": 50},
        "2026-W14": {"posts": 1, "impressions": 350, "clicks": 5, "reactions": 10, "comments": 1, "shares": 0,
                     "video_views": 0},
    }  # fmt: skip
    # the daily figures travel separately, for combining with what is stored
    assert {row.week: row.impressions for row in parsed.series} == {"2026-W13": 700, "2026-W14": 350}
    assert [(p.post_id, p.impressions, p.format) for p in parsed.posts] == [
        ("https://linkedin.com/a1", 400, None), ("https://linkedin.com/a2", 600, None),
        ("https://linkedin.com/a3", 300, None),
    ]  # fmt: skip


def test_linkedin_all_posts_alone_sums_by_created_date() -> None:
    data = xlsx_bytes({"All posts": [LI_DESCRIPTION, *table(LI_POSTS_HEADER, LI_POSTS)]})
    assert by_week(imp.read("content.xlsx", data)) == {
        # a1 + a2: 400 + 600; 50 + 0; 12 + 18; 20 + 30; 2 + 3; 1 + 2
        "2026-W13": {"posts": 2, "impressions": 1000, "video_views": 50, "clicks": 30, "reactions": 50, "comments": 5,
                     "shares": 3},
        "2026-W14": {"posts": 1, "impressions": 300, "video_views": 0, "clicks": 5, "reactions": 10, "comments": 1,
                     "shares": 0},
    }  # fmt: skip


LI_FOLLOWERS = [
    ["New followers (description row)"],
    ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers", "Total followers"],
    *[[f"03/{23 + i:02d}/2026", 0, n, 0, n] for i, n in enumerate([3, 0, 2, 5, 1, 0, 4])],
    ["03/30/2026", 0, 2, 0, 2],
    ["03/31/2026", 1, 5, 0, 6],
]


def test_linkedin_followers_are_new_followers_per_day() -> None:
    data = xlsx_bytes(
        {"New followers": LI_FOLLOWERS, "Location": [["Location", "Total followers"], ["Utrecht", 40]]}
    )
    assert imp.read("followers.xlsx", data).needs_baseline
    parsed = imp.read("followers.xlsx", data, baseline_followers=500)
    assert parsed.detected.shape == "linkedin_followers"
    # 500 + (3 + 0 + 2 + 5 + 1 + 0 + 4 = 15) = 515; then + 2 + 6 = 523
    assert by_week(parsed) == {"2026-W13": {"followers": 515}, "2026-W14": {"followers": 523}}


# -- X ------------------------------------------------------------------------------------------------------------

X_CONTENT_HEADER = [
    "Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares",
    "New follows", "Replies", "Reposts", "Profile visits", "Detail Expands", "URL Clicks", "Hashtag Clicks",
    "Permalink Clicks",
]  # fmt: skip


def test_x_content_export() -> None:
    def post(pid: str, day: str, impressions: int, likes: int, bookmarks: int, shares: int, replies: int,
             reposts: int, clicks: int) -> dict[str, Any]:  # fmt: skip
        return {"Post id": pid, "Date": day, "Post text": "Hello, world", "Post Link": f"https://x.com/{pid}",
                "Impressions": impressions, "Likes": likes, "Bookmarks": bookmarks, "Shares": shares,
                "Replies": replies, "Reposts": reposts, "URL Clicks": clicks, "Engagements": 1}  # fmt: skip

    rows = table(X_CONTENT_HEADER, [post("1", "Mon, Jan 6, 2025", 1000, 10, 1, 2, 3, 4, 5),
                                    post("2", "Wed, Jan 8, 2025", 500, 5, 0, 1, 1, 2, 3),
                                    post("3", "Mon, Jan 13, 2025", 200, 2, 1, 0, 0, 1, 1)])  # fmt: skip
    parsed = imp.read("account_analytics_content_2025-01-01_2025-01-31.csv", csv_bytes(rows))
    assert parsed.detected.shape == "x_content"
    assert by_week(parsed) == {
        # shares = reposts + shares: (4 + 2) + (2 + 1) = 9; replies are the comments; bookmarks the saves
        "2025-W02": {"posts": 2, "impressions": 1500, "reactions": 15, "comments": 4, "shares": 9, "saves": 1,
                     "clicks": 8},
        "2025-W03": {"posts": 1, "impressions": 200, "reactions": 2, "comments": 0, "shares": 1, "saves": 1,
                     "clicks": 1},
    }  # fmt: skip


X_OVERVIEW_HEADER = [
    "Date", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "New follows", "Unfollows", "Replies",
    "Reposts", "Profile visits", "Create Post", "Video views", "Media views",
]  # fmt: skip


def x_overview_rows() -> list[list[Any]]:
    rows: list[list[Any]] = [X_OVERVIEW_HEADER]
    for day in range(6, 13):  # Mon 6 – Sun 12 January 2025
        label = datetime(2025, 1, day).strftime("%a, %b ") + f"{day}, 2025"
        rows.append([label, 100, 5, 9, 1, 1, 3, 1, 2, 1, 4, 1, 10, 20])
    rows.append(["Mon, Jan 13, 2025", 40, 2, 3, 0, 0, 1, 2, 0, 0, 1, 0, 4, 5])
    return rows


def test_x_overview_daily_series() -> None:
    parsed = imp.read("account_overview_analytics.csv", csv_bytes(x_overview_rows()), baseline_followers=200)
    assert parsed.detected.shape == "x_overview"
    assert parsed.needs_baseline
    assert by_week(parsed) == {
        # 7 days × (100 impressions, 5 likes, 1 bookmark, 1 share + 1 repost, 2 replies, 1 post, 10 video views);
        # followers 200 + 7 × (3 new − 1 unfollow) = 214
        "2025-W02": {"followers": 214, "posts": 7, "impressions": 700, "reactions": 35, "comments": 14, "shares": 14,
                     "saves": 7, "video_views": 70},
        # Monday only: 214 + (1 − 2) = 213
        "2025-W03": {"followers": 213, "posts": 0, "impressions": 40, "reactions": 2, "comments": 0, "shares": 0,
                     "saves": 0, "video_views": 4},
    }  # fmt: skip


def test_x_legacy_tweet_activity_with_floats_and_dashes() -> None:
    header = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "engagement rate",
              "retweets", "replies", "favorites", "user profile clicks", "url clicks", "hashtag clicks",
              "detail expands"]  # fmt: skip
    rows = [header,
            ["6", "https://t/6", "a", "2015-09-30 18:42 +0000", "424.0", "10.0", "0.0235", "1.0", "-", "3.0", "-", "2.0", "-", "-"],
            ["7", "https://t/7", "b", "2015-10-01 09:00 +0000", "100.0", "2.0", "0.02", "-", "1.0", "-", "-", "-", "-", "-"],
            ["8", "https://t/8", "c", "2015-10-05 12:00 +0000", "50.0", "4.0", "0.08", "2.0", "0.0", "1.0", "-", "1.0", "-", "-"]]  # fmt: skip
    parsed = imp.read("tweet_activity_metrics.csv", csv_bytes(rows, quote_all=True))
    assert parsed.detected.shape == "x_tweet_activity"
    assert by_week(parsed) == {
        # 424 + 100; retweets 1 + 0 ("-"); replies 0 + 1; favorites 3 + 0; url clicks 2 + 0
        "2015-W40": {"posts": 2, "impressions": 524, "shares": 1, "comments": 1, "reactions": 3, "clicks": 2},
        "2015-W41": {"posts": 1, "impressions": 50, "shares": 2, "comments": 0, "reactions": 1, "clicks": 1},
    }


# -- TikTok -------------------------------------------------------------------------------------------------------

TIKTOK_DAYS = ["December 29", "December 30", "December 31", "January 1", "January 2", "January 3", "January 4",
               "January 5"]  # fmt: skip


def tiktok_overview() -> bytes:
    rows = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    for i, day in enumerate(TIKTOK_DAYS):
        if i == 0:
            rows.append([day, "undefined", "undefined", "undefined", "undefined", "undefined"])
        else:
            rows.append([day, "50" if i == 7 else "100", "7", "5" if i == 7 else "10", "1", "2"])
    return csv_bytes(rows, quote_all=True, encoding="utf-8-sig")


def tiktok_followers() -> bytes:
    totals = ["undefined", "1000", "1005", "1010", "1012", "1020", "1030", "1031"]
    rows = [["Date", "Followers", "Difference in followers from previous day"]]
    rows += [[day, total, "undefined" if i < 2 else str(int(total) - int(totals[i - 1]))]
             for i, (day, total) in enumerate(zip(TIKTOK_DAYS, totals, strict=True))]  # fmt: skip
    return csv_bytes(rows, quote_all=True, encoding="utf-8-sig")


def test_tiktok_zip_across_new_year() -> None:
    data = zip_bytes(
        {"Overview.csv": tiktok_overview(), "FollowerHistory.csv": tiktok_followers(),
         "FollowerGender.csv": csv_bytes([["Gender", "Distribution"], ["Female", "0.6"]], quote_all=True)},
        when=(2026, 1, 6),
    )  # fmt: skip
    # exported on 6 January 2026 (the zip says so), imported months later: the years come from the export
    parsed = imp.read("tiktok.zip", data, today=date(2026, 6, 1))
    assert parsed.detected.platform == Platform.TIKTOK
    assert parsed.detected.shape == "tiktok_overview+tiktok_follower_history"
    assert parsed.date_range == (date(2025, 12, 29), date(2026, 1, 5))
    assert by_week(parsed) == {
        # Mon 29 Dec 2025 – Sun 4 Jan 2026; day one is "undefined"; followers: Sunday's cumulative total
        "2026-W01": {"followers": 1030, "video_views": 600, "reactions": 60, "comments": 6, "shares": 12},
        "2026-W02": {"followers": 1031, "video_views": 50, "reactions": 5, "comments": 1, "shares": 2},
    }
    assert {"import.note.year_inferred", "import.note.partial_weeks"} <= set(parsed.problems)


def test_tiktok_csv_alone_needs_its_export_date_or_year() -> None:
    """A bare CSV with year-less dates: nothing in it says the year, so it is asked, never guessed from today."""
    err = problem("Overview.csv", tiktok_overview(), today=date(2026, 1, 20))
    assert (err.key, err.params["first"], err.params["last"]) == (
        "import.need_year",
        "December 29",
        "January 5",
    )
    assert "December 29 – January 5" in str(err)
    parsed = imp.read("Overview.csv", tiktok_overview(), exported_on=date(2026, 1, 20))
    assert parsed.date_range == (date(2025, 12, 29), date(2026, 1, 5))
    # exported on 3 January 2026, so 5 January is a year earlier, and the whole file with it
    earlier = imp.read("Overview.csv", tiktok_overview(), exported_on=date(2026, 1, 3))
    assert earlier.date_range == (date(2024, 12, 29), date(2025, 1, 5))
    # the year of the last day, as the user says it
    said = imp.read("Overview.csv", tiktok_overview(), year=2026, today=date(2026, 6, 1))
    assert said.date_range == (date(2025, 12, 29), date(2026, 1, 5))


def test_tiktok_portuguese_overview() -> None:
    header = ["Data", "Visualizações de vídeo", "Visualizações do perfil", "Curtidas", "Comentários",
              "Compartilhamentos"]  # fmt: skip
    rows = [header] + [[f"{d} de setembro", str(v), "1", "2", "0", "1"] for d, v in
                       [(25, 10), (26, 20), (27, 30), (28, 40), (29, 5)]]  # fmt: skip
    parsed = imp.read(
        "Overview.csv", csv_bytes(rows, quote_all=True, encoding="utf-8-sig"), exported_on=date(2025, 10, 1)
    )
    assert parsed.detected.shape == "tiktok_overview"
    # Thu 25 – Sun 28 Sept 2025: 10 + 20 + 30 + 40 views, 4 × 2 likes; Mon 29 Sept starts W40
    assert by_week(parsed) == {
        "2025-W39": {"video_views": 100, "reactions": 8, "comments": 0, "shares": 4},
        "2025-W40": {"video_views": 5, "reactions": 2, "comments": 0, "shares": 1},
    }


def test_tiktok_content_export() -> None:
    header = ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares",
              "Total views"]  # fmt: skip
    rows = [header, ["", "A", "https://tiktok.com/1", "2026-03-24 18:00", "10", "1", "2", "1000"],
            ["", "B", "https://tiktok.com/2", "2026-03-25 18:00", "20", "3", "4", "3000"]]  # fmt: skip
    parsed = imp.read("content.csv", csv_bytes(rows))
    assert parsed.detected.shape == "tiktok_content"
    assert by_week(parsed) == {
        "2026-W13": {"posts": 2, "video_views": 4000, "reactions": 30, "comments": 4, "shares": 6}
    }


# -- YouTube ------------------------------------------------------------------------------------------------------

YT_HEADER = ["Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)", "Subscribers",
             "Average view duration", "Impressions", "Impressions click-through rate (%)"]  # fmt: skip
YT_TABLE = csv_bytes([
    YT_HEADER,
    ["Total", "", "", "", "1000", "50.5", "10", "0:02:00", "20000", "5.0"],
    ["abc", "Bread, the video", "Oct 5, 2021", "300", "600", "30.1", "6", "0:03:00", "12000", "5.0"],
    ["def", "Cake", "Oct 7, 2021", "200", "300", "15.2", "3", "0:03:00", "6000", "5.0"],
    ["ghi", "Pie", "Oct 12, 2021", "100", "100", "5.2", "1", "0:03:00", "2000", "5.0"],
])  # fmt: skip


def test_youtube_table_data_drops_the_total_row() -> None:
    parsed = imp.read("Table data.csv", YT_TABLE)
    assert parsed.detected.shape == "youtube_table"
    # Tue 5 and Thu 7 Oct 2021 are in W40: 600 + 300 views, 12,000 + 6,000 impressions; the Total row is dropped
    assert by_week(parsed) == {
        "2021-W40": {"posts": 2, "video_views": 900, "impressions": 18000},
        "2021-W41": {"posts": 1, "video_views": 100, "impressions": 2000},
    }


def test_youtube_zip_takes_daily_views_from_totals() -> None:
    totals = [["Date", "Views"]] + [[f"2021-10-{d:02d}", 40 if d < 11 else 30] for d in range(4, 18)]
    chart = [["Date", "Content", "Video title", "Video publish time", "Duration", "Views"],
             ["2021-10-05", "abc", "Bread", "Oct 5, 2021", "300", "7"]]  # fmt: skip
    data = zip_bytes(
        {"Table data.csv": YT_TABLE, "Chart data.csv": csv_bytes(chart), "Totals.csv": csv_bytes(totals)}
    )
    parsed = imp.read("Content 2021-10-04_2021-10-17 Channel.zip", data)
    assert parsed.detected.shape == "youtube_table+youtube_chart+youtube_totals"
    # views per day from Totals (7 × 40, 7 × 30) beat the per-video sums; posts and impressions from the table
    assert by_week(parsed) == {
        "2021-W40": {"posts": 2, "video_views": 280, "impressions": 18000},
        "2021-W41": {"posts": 1, "video_views": 210, "impressions": 2000},
    }


def test_youtube_subscriber_totals_are_changes() -> None:
    data = csv_bytes(
        [["Date", "Subscribers"], ["2021-10-04", "3"], ["2021-10-05", "-1"], ["2021-10-11", "2"]]
    )
    parsed = imp.read("Totals.csv", data, baseline_followers=100)
    assert parsed.detected.shape == "youtube_totals"
    # 100 + 3 − 1 = 102; + 2 = 104
    assert by_week(parsed) == {"2021-W40": {"followers": 102}, "2021-W41": {"followers": 104}}


# -- generic files (Pinterest and anything else) -------------------------------------------------------------------

PINTEREST = csv_bytes(
    [["Date", "Impressions", "Engagements", "Pin clicks", "Outbound clicks", "Saves", "Engagement rate"],
     ["23-03-2026", "1.234", "15", "10", "2", "3", "1,2"],
     ["24-03-2026", "766", "6", "5", "1", "0", "0,8"],
     ["30-03-2026", "2.000", "3", "1", "1", "1", "0,2"]],
    delimiter=";",
)  # fmt: skip
PIN_MAPPING = {"Date": "date", "Impressions": "impressions", "Pin clicks": "clicks", "Outbound clicks": "clicks",
               "Saves": "saves", "Engagement rate": ""}  # fmt: skip


def test_unknown_file_lists_its_headers_and_the_known_exports() -> None:
    assert imp.detect("pins.csv", PINTEREST) == imp.Detected(
        None, "generic", "pins.csv",
        ["Date", "Impressions", "Engagements", "Pin clicks", "Outbound clicks", "Saves", "Engagement rate"],
    )  # fmt: skip
    err = problem("pins.csv", PINTEREST)
    assert err.key == "import.unknown"
    assert "Pin clicks" in err.params["headers"]
    assert "TikTok Studio" in err.params["shapes"]
    assert "Pin clicks" in err.message("nl") and "Bekende exports" in err.message("nl")


def test_generic_import_with_a_column_mapping() -> None:
    columns = imp.generic_columns("pins.csv", PINTEREST)
    assert columns[:4] == ["Date", "Impressions", "Engagements", "Pin clicks"]
    assert imp.suggest_mapping(columns) == {"Date": "date", "Impressions": "impressions", "Saves": "saves",
                                            "Outbound clicks": "clicks"}  # fmt: skip
    assert problem("pins.csv", PINTEREST, mapping=PIN_MAPPING).key == "import.need_platform"
    parsed = imp.read("pins.csv", PINTEREST, platform=Platform.PINTEREST, mapping=PIN_MAPPING)
    assert parsed.detected == imp.Detected(
        Platform.PINTEREST, "generic", "pins.csv", parsed.detected.headers, (Platform.PINTEREST,)
    )
    # day-first dates; 1.234 is thousands; two click columns are summed: W13 1,234 + 766, (10 + 2) + (5 + 1)
    assert by_week(parsed) == {
        "2026-W13": {"impressions": 2000, "clicks": 18, "saves": 3},
        "2026-W14": {"impressions": 2000, "clicks": 2, "saves": 1},
    }
    assert {row.source for row in parsed.rows} == {"import:generic"}


def test_generic_posts_weeks_and_followers() -> None:
    posts = csv_bytes([["id", "when", "likes", "followers"], ["a", "2026-W13", "5", "100"], ["b", "2026-03-29", "7", "104"],
                       ["c", "2026-03-30", "1", "110"]])  # fmt: skip
    mapping = {"id": "post_id", "when": "date", "likes": "reactions", "followers": "followers"}
    parsed = imp.read("mine.csv", posts, platform="pinterest", mapping=mapping)
    # the week key reads as its Monday; followers: the last value of the week
    assert by_week(parsed) == {
        "2026-W13": {"posts": 2, "reactions": 12, "followers": 104},
        "2026-W14": {"posts": 1, "reactions": 1, "followers": 110},
    }


MESSAGES = csv_bytes(
    [
        ["Day", "Messages", "Answered", "Response time (h)"],
        ["2026-03-23", "10", "8", "2"],
        ["2026-03-24", "5", "5", "3"],
        ["2026-03-30", "", "", ""],
        ["2026-04-06", "4", "", "1.5"],
    ]
)
MESSAGE_MAPPING = {
    "Day": "date",
    "Messages": "messages_received",
    "Answered": "messages_answered",
    "Response time (h)": "response_time_hours",
}


def test_generic_empty_cells_are_not_logged_and_response_time_is_a_mean() -> None:
    parsed = imp.read("inbox.csv", MESSAGES, platform="facebook", mapping=MESSAGE_MAPPING)
    assert by_week(parsed) == {
        # 10 + 5 received, 8 + 5 answered, mean of 2 and 3 hours
        "2026-W13": {"messages_received": 15, "messages_answered": 13, "response_time_hours": 2.5},
        # W14's row is all empty: not logged, so no row; W15 logs no answered count
        "2026-W15": {"messages_received": 4, "response_time_hours": 1.5},
    }
    stored = [
        WeekMetrics(platform="facebook", week="2026-W15", messages_received=9, messages_answered=6, posts=3)
    ]
    [(w13, new), (w15, changed)] = imp.diff(parsed.rows, stored)
    # received and answered are checked together, so they come together from the file: 4 received, answered
    # not logged (rather than 6 answered of 4); posts, which the file lacks, stay
    assert (new, changed) == ("new", "changed")
    assert (w15.messages_received, w15.messages_answered, w15.posts) == (4, None, 3)


def test_figures_that_do_not_fit_together_are_refused() -> None:
    data = csv_bytes([["Day", "Messages", "Answered"], ["2026-03-23", "2", "5"]])
    err = problem("inbox.csv", data, platform="x", mapping={"Day": "date", "Messages": "messages_received",
                                                            "Answered": "messages_answered"})  # fmt: skip
    assert (err.key, err.params["week"]) == ("import.answered_gt_received", "2026-W13")


@pytest.mark.parametrize(
    ("mapping", "key"),
    [
        ({"Impressions": "impressions"}, "import.mapping.no_date"),
        ({"Date": "date", "Impressions": "date"}, "import.mapping.no_date"),
        ({"Date": "date"}, "import.mapping.no_metric"),
        ({"Date": "date", "Nope": "impressions"}, "import.mapping.missing_column"),
        ({"Date": "date", "Impressions": "engagement"}, "import.mapping.bad_target"),
    ],
)
def test_generic_mapping_problems(mapping: dict[str, str], key: str) -> None:
    assert problem("pins.csv", PINTEREST, platform="pinterest", mapping=mapping).key == key


# -- quirks -------------------------------------------------------------------------------------------------------

PT_ROWS = [["Data", "Visualizações de vídeo", "Visualizações do perfil", "Curtidas", "Comentários",
            "Compartilhamentos"], ["25 de setembro", "1.500", "1", "2", "0", "1"],
           ["26 de setembro", "20", "1", "2", "0", "1"]]  # fmt: skip


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: text.encode("utf-8-sig"),
        lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        lambda text: text.encode("utf-16-le"),  # no BOM
        lambda text: text.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "cp1252"],
)
def test_encodings(encode: Any) -> None:
    parsed = imp.read("Overview.csv", encode(csv_text(PT_ROWS, delimiter=";")), exported_on=date(2025, 10, 1))
    assert by_week(parsed) == {"2025-W39": {"video_views": 1520, "reactions": 4, "comments": 0, "shares": 2}}


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_and_preamble_lines(delimiter: str) -> None:
    body = csv_text(x_overview_rows()[:3], delimiter=delimiter)
    text = f"sep={delimiter}\nAccount overview, January\n" + body
    parsed = imp.read("overview.csv", text.encode())
    assert by_week(parsed)["2025-W02"]["impressions"] == 200


def test_tsv_and_txt_names() -> None:
    data = csv_bytes(x_overview_rows()[:2], delimiter="\t")
    assert imp.read("overview.tsv", data).rows == imp.read("overview.txt", data).rows


@pytest.mark.parametrize(
    ("text", "decimal", "value"),
    [
        ("1250", ".", 1250), ('15,000', ".", 15000), ("1,5", ",", 1.5), ("1,5", ".", 1.5), ("1.234,5", ".", 1234.5),
        ("1,234.5", ",", 1234.5), ("424.0", ".", 424.0), ("424.0", ",", 424.0), ("1.234", ",", 1234),
        ("1.234", ".", 1.234), ("1 234", ".", 1234), ("1\u00a0234", ".", 1234), ("1.234.567", ".", 1234567),
        ("-5", ".", -5), ("\u22125", ".", -5), ("+3", ".", 3), ("0,500", ".", 0.5), ("12%", ".", 12),
        ("-", ".", None), ("undefined", ".", None), ("", ".", None), ("  ", ".", None), ("NaN", ".", None),
    ],
)  # fmt: skip
def test_numbers(text: str, decimal: str, value: float | None) -> None:
    assert numbers.parse(text, decimal) == value


@pytest.mark.parametrize("text", ["abc", "1,2,3", "1.2.3", "inf", "1e5", "12,34,5", "--5", "1.234,5,6", "٣x"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(ValueError):
        numbers.parse(text)


def test_decimal_mark_from_the_values() -> None:
    assert numbers.decimal_mark(["1.234", "2,5"], ".") == ","
    assert numbers.decimal_mark(["15,000", "424.0"], ",") == "."
    assert numbers.decimal_mark(["15,000"], ";") == ";"  # nothing settles it: the default


@pytest.mark.parametrize(
    ("text", "order", "day"),
    [
        ("2025-08-01T00:00:00", "mdy", date(2025, 8, 1)), ("03/27/2026 06:08", "mdy", date(2026, 3, 27)),
        ("03/28/26", "mdy", date(2026, 3, 28)), ("27-03-2026", "dmy", date(2026, 3, 27)),
        ("27.03.2026", "dmy", date(2026, 3, 27)), ("Mon, Jan 6, 2025", "mdy", date(2025, 1, 6)),
        ("Oct 5, 2021", "mdy", date(2021, 10, 5)), ("2015-09-30 18:42 +0000", "mdy", date(2015, 9, 30)),
        ("6 januari 2025", "mdy", date(2025, 1, 6)), ("2026-W13", "mdy", date(2026, 3, 23)),
        ("2025年1月6日", "mdy", date(2025, 1, 6)), ("September 25", "mdy", (9, 25)), ("25 de setembro", "mdy", (9, 25)),
        ("9月25日", "mdy", (9, 25)), ("3/23/2026 9:00:00 AM", "mdy", date(2026, 3, 23)),
        ("mar., 6 ene. 2025", "dmy", date(2025, 1, 6)),
    ],
)  # fmt: skip
def test_dates(text: str, order: dates.Order, day: dates.Day) -> None:
    assert dates.parse_day(text, order) == day


@pytest.mark.parametrize(
    "text", ["Lifetime", "2025-02-30", "13/13/2025", "Jan 2025", "February 30", "tomorrow"]
)
def test_not_dates(text: str) -> None:
    with pytest.raises(ValueError):
        dates.parse_day(text)


def test_date_order_is_settled_by_a_part_above_twelve() -> None:
    assert dates.infer_order(["01/02/2026", "13/02/2026"], "mdy") == "dmy"
    assert dates.infer_order(["01/02/2026", "02/13/2026"], "dmy") == "mdy"
    assert dates.infer_order(["01/02/2026"], "dmy") == "dmy"


def test_years_for_year_less_days() -> None:
    ref = date(2026, 1, 6)
    assert dates.resolve_years([(12, 30), (12, 31), (1, 1)], ref) == [date(2025, 12, 30), date(2025, 12, 31),
                                                                     date(2026, 1, 1)]  # fmt: skip
    # newest first, across New Year
    assert dates.resolve_years([(1, 2), (1, 1), (12, 31)], ref) == [date(2026, 1, 2), date(2026, 1, 1),
                                                                   date(2025, 12, 31)]  # fmt: skip
    # a day after the reference date belongs to the year before
    assert dates.resolve_years([(3, 1)], ref) == [date(2025, 3, 1)]
    # 29 February needs a leap year
    assert dates.resolve_years([(2, 28), (2, 29)], date(2026, 3, 1)) == [date(2024, 2, 28), date(2024, 2, 29)]


# -- bad input ----------------------------------------------------------------------------------------------------


def skipped(parsed: imp.Parsed) -> list[tuple[int, str, str, str]]:
    return [(s.line, s.column, s.value, s.key.removeprefix("import.skip.")) for s in parsed.skipped]


def test_unreadable_rows_are_skipped_and_listed_the_rest_imports() -> None:
    rows = x_overview_rows()[:6]  # Mon 6 – Fri 10 January 2025
    rows[2][1] = "abc"  # line 3, Tuesday
    rows[4][1] = "12x"  # line 5, Thursday
    parsed = imp.read("overview.csv", csv_bytes(rows))
    assert skipped(parsed) == [(3, "Impressions", "abc", "number"), (5, "Impressions", "12x", "number")]
    assert parsed.skipped[0].file == "overview.csv"
    assert i18n.t(parsed.skipped[0].key, "en", **parsed.skipped[0].params) == "not a number"
    # Monday, Wednesday and Friday: 3 × 100 impressions, 3 × 5 likes, 3 posts
    assert by_week(parsed)["2025-W02"] == {"posts": 3, "impressions": 300, "reactions": 15, "comments": 6,
                                           "shares": 6, "saves": 3, "video_views": 30}  # fmt: skip


def test_a_file_where_most_rows_fail_is_refused_with_the_first_reasons() -> None:
    rows = x_overview_rows()[:6]
    rows[2][1] = "abc"  # line 3
    rows[4][1] = "12x"  # line 5
    rows[5][0] = "Jan 32, 2025"  # line 6: three of five rows
    err = problem("overview.csv", csv_bytes(rows))
    assert err.key == "import.bad_rows.number"
    assert err.params | {"name": "overview.csv"} == {
        "name": "overview.csv", "count": 3, "lines": "3, 5, 6", "line": 3, "column": "Impressions", "value": "abc"
    }  # fmt: skip
    assert "3, 5, 6" in str(err) and "abc" in str(err) and "Impressions" in str(err)


def test_unreadable_dates_and_negative_figures_are_skipped() -> None:
    rows = x_overview_rows()[:4]
    rows[3][0] = "Jan 32, 2025"
    rows[1][1] = "-5"  # impressions cannot go below zero
    rows[2][1] = "10000000000000"
    rows.append(["Thu, Jan 9, 2025", 100, 5, 9, 1, 1, 3, 1, 2, 1, 4, 1, 10, 20])
    rows.append(["Fri, Jan 10, 2025", 100, 5, 9, 1, 1, 3, 1, 2, 1, 4, 1, 10, 20])
    rows.append(["Sat, Jan 11, 2025", 100, 5, 9, 1, 1, 3, 1, 2, 1, 4, 1, 10, 20])
    parsed = imp.read("overview.csv", csv_bytes(rows))
    assert skipped(parsed) == [
        (2, "Impressions", "-5", "negative"),
        (3, "Impressions", "10000000000000", "too_large"),
        (4, "Date", "Jan 32, 2025", "date"),
    ]
    assert by_week(parsed)["2025-W02"]["impressions"] == 300  # Thursday to Saturday


def test_line_numbers_count_preamble_lines_and_sheet_rows() -> None:
    text = "sep=,\nTitle\n" + csv_text(x_overview_rows()[:4])
    text = text.replace("100", "x", 1)  # the first data row: line 4
    assert [s.line for s in imp.read("o.csv", text.encode()).skipped] == [4]
    rows = [LI_DESCRIPTION, *table(LI_POSTS_HEADER, LI_POSTS)]
    rows[3][9] = "many"  # sheet row 4
    parsed = imp.read("c.xlsx", xlsx_bytes({"All posts": rows}))
    assert skipped(parsed) == [(4, "Impressions", "many", "number")]
    assert parsed.skipped[0].file == "c.xlsx (All posts)"


def test_a_header_only_export_has_no_rows() -> None:
    parsed = imp.read("content.csv", csv_bytes([X_CONTENT_HEADER]))
    assert parsed.rows == [] and parsed.date_range is None


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


@pytest.mark.parametrize(
    ("name", "data", "key", "found"),
    [
        ("chart.csv", PNG, "import.mismatch", "PNG"),
        ("report.xlsx", b"Date,Views\n2025-01-01,5\n", "import.mismatch", "CSV"),
        ("report.xls", b"Date,Views\n2025-01-01,5\n", "import.mismatch", "CSV"),
        ("report.csv", zip_bytes({"a.csv": b"x"}), "import.mismatch", "ZIP"),
        ("report.zip", xlsx_bytes({"S": [["a"]]}), "import.mismatch", "XLSX"),
        ("report.xlsx", zip_bytes({"a.csv": b"x"}), "import.mismatch", "ZIP"),
        ("report.csv", b"%PDF-1.7\n...", "import.mismatch", "PDF"),
        ("report.xls", b"<html><table><tr><td>1</td></tr></table></html>", "import.mismatch", "HTML"),
    ],
)
def test_files_that_are_not_what_their_extension_says(name: str, data: bytes, key: str, found: str) -> None:
    err = problem(name, data)
    assert (err.key, err.params["found"]) == (key, found)
    assert found in str(err)


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("chart.png", PNG, "import.unsupported_type"),
        ("empty.csv", b"", "import.empty"),
        ("noise.csv", bytes(range(1, 32)) * 40, "import.not_text"),
        ("noise.csv", b"\x81\x8d\x8f\x90\x9d" * 10, "import.not_text"),
        ("odd.csv", codecs.BOM_UTF16_LE + b"a\x00b", "import.not_text"),
        ("broken.zip", b"PK\x03\x04" + b"\x00" * 40, "import.bad_zip"),
        ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 40, "import.bad_zip"),
        ("broken.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "import.bad_workbook"),
        ("images.zip", zip_bytes({"a.png": PNG}), "import.zip_no_tables"),
        ("blank.csv", b"\n\n  \n", "import.no_table"),
    ],
)
def test_refused_files(name: str, data: bytes, key: str) -> None:
    assert problem(name, data).key == key


def test_a_damaged_xlsx_is_refused() -> None:
    data = xlsx_bytes({"S": [["Date", "Views"], ["2025-01-01", 5]]})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, b"<not xml" if info.filename.startswith("xl/worksheets") else src.read(info))
    assert problem("damaged.xlsx", out.getvalue()).key == "import.bad_workbook"


@pytest.mark.parametrize("name", ["export.zip", "content.xlsx"])
def test_a_zip_entry_without_a_name_is_a_damaged_zip(name: str) -> None:
    """Found by the damaged-files property: zipfile itself fails on such an entry (IndexError)."""
    base = xlsx_bytes({"S": [["Date", "Views"], ["2025-01-01", 5]]}) if name.endswith("xlsx") else b""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        if base:
            with zipfile.ZipFile(io.BytesIO(base)) as src:
                for info in src.infolist():
                    dst.writestr(info, src.read(info))
        else:
            dst.writestr("a.csv", b"Date,Views\n2025-01-01,5\n")
        dst.writestr(zipfile.ZipInfo(""), b"?")
    err = problem(name, out.getvalue())
    assert err.key == "import.bad_zip" and "Download the export again" in str(err)


def test_oversized_uploads_are_refused() -> None:
    err = problem("big.csv", b"a" * (imp.MAX_BYTES + 1))
    assert err.key == "import.too_large"
    assert err.params["limit"] == "50.0"


def test_zip_bombs_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = zip_bytes({"Overview.csv": b"0" * (20 * files.MB)})  # compresses about 1000:1
    err = problem("bomb.zip", bomb)
    assert (err.key, err.params["member"]) == ("import.zip_bomb", "Overview.csv")
    monkeypatch.setattr(files, "MAX_UNZIPPED", 1000)
    many = zip_bytes({f"{n}.csv": csv_bytes(x_overview_rows()) for n in range(3)})
    assert problem("many.zip", many).key == "import.zip_too_large"


def test_encrypted_and_crowded_zips_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    locked = bytearray(zip_bytes({"Overview.csv": b"secret"}))
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set "encrypted" in both headers
        start = locked.index(signature)
        locked[start + at] |= 0x1
    assert problem("locked.zip", bytes(locked)).key == "import.zip_encrypted"
    monkeypatch.setattr(files, "MAX_MEMBERS", 2)
    assert (
        problem("crowd.zip", zip_bytes({f"{n}.csv": b"a,b\n1,2\n" for n in range(3)})).key
        == "import.zip_too_many"
    )


def test_too_many_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_ROWS", 5)
    assert problem("o.csv", csv_bytes(x_overview_rows())).key == "import.too_many_rows"
    data = xlsx_bytes({"All posts": [LI_DESCRIPTION, *table(LI_POSTS_HEADER, LI_POSTS * 3)]})
    assert problem("c.xlsx", data).key == "import.too_many_rows"


def test_bad_baseline_and_followers_below_zero() -> None:
    assert problem("f.csv", FOLLOWS, baseline_followers=-1).key == "import.bad_baseline"
    data = csv_bytes([["Date", "Subscribers"], ["2021-10-04", "-30"]])
    err = problem("Totals.csv", data, baseline_followers=10)
    assert (err.key, err.params["week"]) == ("import.baseline_too_low", "2021-W40")


def test_platform_must_match_a_file_that_says_its_platform() -> None:
    err = problem("export.csv", csv_bytes(FB_POSTS), platform=Platform.LINKEDIN)
    assert (err.key, err.params["detected"], err.params["chosen"]) == (
        "import.platform_mismatch",
        "facebook",
        "linkedin",
    )
    # a plain "Date, Views" file could be anyone's: the user may say whose
    data = csv_bytes([["Date", "Views"], ["2021-10-04", "3"]])
    assert imp.read("Totals.csv", data, platform=Platform.PINTEREST).rows[0].platform == Platform.PINTEREST


def test_a_zip_with_two_platforms_is_refused() -> None:
    data = zip_bytes({"fb.csv": csv_bytes(FB_POSTS), "x.csv": csv_bytes(x_overview_rows())})
    assert problem("mixed.zip", data).key == "import.mixed_platforms"


def test_unforeseen_errors_become_an_import_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(files, "load", boom)
    err = problem("x.csv", b"a,b")
    assert (err.key, err.params["error"]) == ("import.failed", "KeyError")
    with pytest.raises(imp.ImportProblem):
        imp.detect("x.csv", b"a,b")
    with pytest.raises(imp.ImportProblem):
        imp.generic_columns("x.csv", b"a,b")


# -- preview and upsert ---------------------------------------------------------------------------------------------


def test_same_file_twice_changes_nothing_and_a_newer_export_replaces(data_dir: Path) -> None:
    store = Store(data_dir)
    sid = store.create("Bakkerij").id
    store.upsert_weeks(sid, [WeekMetrics(platform="facebook", week="2026-W13", followers=800, messages_received=4,
                                         impressions=1)])  # fmt: skip
    first = imp.read("export.csv", csv_bytes(FB_POSTS))
    preview = imp.diff(first.rows, store.weeks(sid))
    assert [(row.week, status) for row, status in preview] == [("2026-W13", "changed"), ("2026-W14", "new")]
    w13 = preview[0][0]
    # what the file has replaces, what it lacks (followers, messages) is kept
    assert (w13.impressions, w13.followers, w13.messages_received, w13.source) == (
        2050, 800, 4, "import:meta_posts_facebook"
    )  # fmt: skip
    done = store.upsert_weeks(sid, [row for row, _ in preview])
    assert (done.new, done.changed, done.unchanged) == (1, 1, 0)

    again = imp.diff(imp.read("export.csv", csv_bytes(FB_POSTS)).rows, store.weeks(sid))
    assert [status for _, status in again] == ["unchanged", "unchanged"]
    done = store.upsert_weeks(sid, [row for row, _ in again])
    assert (done.new, done.changed, done.unchanged) == (0, 0, 2)

    newer = [FB_POSTS[0], fb_post("p3", "03/30/2026 18:30", "900", 800, 20, 2, 1, 9, 10),
             fb_post("p4", "04/06/2026 08:00", "50", 40, 1, 0, 0, 0, 0)]  # fmt: skip
    later = imp.diff(imp.read("export2.csv", csv_bytes(table(FB_HEADER, newer[1:]))).rows, store.weeks(sid))
    assert [(row.week, status) for row, status in later] == [("2026-W14", "changed"), ("2026-W15", "new")]
    assert later[0][0].impressions == 900
    store.upsert_weeks(sid, [row for row, _ in later])
    assert [row.impressions for row in store.weeks(sid)] == [2050, 900, 50]


def test_diff_merges_several_files_for_one_week() -> None:
    views = meta_series("Facebook views", [("2025-08-01", 100)])
    viewers = meta_series("Facebook viewers", [("2025-08-02", 60)])
    new = imp.read("v.csv", views).rows + imp.read("r.csv", viewers).rows
    [(row, status)] = imp.diff(new, [])
    assert (row.week, row.impressions, row.reach, status) == ("2025-W31", 100, 60, "new")


def test_suggested_baseline_is_the_stored_week_before() -> None:
    stored = [WeekMetrics(platform="facebook", week="2025-W30", followers=990)]
    assert imp.suggest_baseline(Platform.FACEBOOK, date(2025, 8, 1), stored) == 990
    assert imp.suggest_baseline(Platform.X, date(2025, 8, 1), stored) is None


# -- data and messages ----------------------------------------------------------------------------------------------


def test_aliases_are_unique_and_say_where_they_were_seen() -> None:
    seen: dict[str, str] = {}
    for concept, entries in aliases.data()["columns"].items():
        for alias, where in entries:
            key = aliases.norm(alias)
            assert key, alias
            assert seen.setdefault(key, concept) == concept, f"{alias!r} is in {seen[key]} and {concept}"
            assert where.strip()


def test_every_concept_a_shape_uses_has_aliases() -> None:
    known = set(aliases.data()["columns"])
    for shape in shapes.known():
        used = {*shape.date, *(shape.allowed or ()), shape.key or "date"}
        for need in shape.required:
            used.update(need if isinstance(need, tuple) else (need,))
        for alternatives in shape.fields.values():
            for alt in alternatives:
                used.update(c.lstrip("-") for c in (alt if isinstance(alt, tuple) else (alt,)))
        assert used <= known, (shape.name, used - known)


def test_every_message_key_exists_in_both_languages() -> None:
    source = "".join(p.read_text(encoding="utf-8") for p in Path(imp.__file__).parent.glob("*.py"))
    keys = set(re.findall(r'"(import\.[a-z_]+(?:\.[a-z_]+)*)"', source))
    reasons = ("number", "date", "negative", "too_large", "no_date", "no_id", "too_wide", "id_date", "outside_range",
               "after_today")  # fmt: skip
    keys |= {f"import.{kind}.{reason}" for reason in reasons for kind in ("bad_rows", "skip")}
    keys |= {f"import.shape.{shape}" for shape in imp.SHAPES}
    keys |= {f"import.target.{target}" for target in ("date", "post_id", "followers_change", "skip")}
    for lang in ("en", "nl"):
        assert sorted(k for k in keys if not i18n.has(k, lang)) == []


def test_describe_names_platform_and_shape() -> None:
    detected = imp.detect("tiktok.zip", zip_bytes({"Overview.csv": tiktok_overview(),
                                                   "FollowerHistory.csv": tiktok_followers()}))  # fmt: skip
    assert imp.describe(detected, "en") == "TikTok · overview, daily figures + follower history"
    assert imp.describe(detected, "nl") == "TikTok · overzicht, dagcijfers + volgersgeschiedenis"
    assert imp.describe(imp.detect("p.csv", PINTEREST), "en") == "your own columns"
