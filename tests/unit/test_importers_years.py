"""Days written without a year (TikTok): placed by the file name, the videos' ids, the export date or the user,
the same whatever order the rows come in; asked when nothing settles them, never guessed."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmplanner import importers as imp
from cmplanner.importers import years
from tests.unit.test_importers import TIKTOK_DAYS, csv_bytes, problem, tiktok_overview, zip_bytes

TODAY = date(2026, 6, 1)
CONTENT_HEADER = ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares",
                  "Total views"]  # fmt: skip


def video_id(when: datetime, low: int = 12345) -> str:
    """A TikTok video id: its upper 32 bits are the Unix time it was posted."""
    return str((int(when.replace(tzinfo=UTC).timestamp()) << 32) | low)


def content(videos: list[tuple[datetime, int]], written: dict[int, str] | None = None) -> bytes:
    """A TikTok content export sorted by views, its post times written without a year (``September 25``)."""
    rows = [CONTENT_HEADER]
    for n, (when, views) in enumerate(sorted(videos, key=lambda v: -v[1])):
        day = (written or {}).get(n, f"{when:%B} {when.day}")
        link = f"https://www.tiktok.com/@bakkerij/video/{video_id(when, n)}"
        rows.append(["", f"Video {n}", link, day, "10", "1", "2", str(views)])
    return csv_bytes(rows, quote_all=True, encoding="utf-8-sig")


VIDEOS = [
    (datetime(2025, 12, 30, 18, 0), 500),
    (datetime(2026, 1, 2, 9, 0), 3000),
    (datetime(2025, 12, 24, 12, 0), 800),
    (datetime(2026, 1, 5, 20, 0), 100),
]


def test_the_file_name_settles_the_year() -> None:
    parsed = imp.read("Overview_2025-12-29_2026-01-05.csv", tiktok_overview(), today=TODAY)
    assert parsed.date_range == (date(2025, 12, 29), date(2026, 1, 5))
    assert "import.note.year_inferred" in parsed.problems
    assert parsed.skipped == []


def test_a_day_outside_the_range_in_the_file_name_is_skipped() -> None:
    rows = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    rows += [[day, "10", "1", "1", "0", "0"] for day in ("December 30", "January 2", "March 3")]
    parsed = imp.read("Overview_2025-12-29_2026-01-05.csv", csv_bytes(rows), today=TODAY)
    assert [(s.line, s.value, s.key, dict(s.params)) for s in parsed.skipped] == [
        (4, "March 3", "import.skip.outside_range", {"first": "2025-12-29", "last": "2026-01-05"})
    ]
    assert parsed.date_range == (date(2025, 12, 30), date(2026, 1, 2))


def test_video_ids_settle_each_video_whatever_the_row_order() -> None:
    parsed = imp.read("content.csv", content(VIDEOS), today=TODAY)
    published = sorted(p.published_at.date() for p in parsed.posts)
    assert published == sorted(when.date() for when, _ in VIDEOS)
    assert {row.week: row.posts for row in parsed.rows} == {"2025-W52": 1, "2026-W01": 2, "2026-W02": 1}


def test_a_written_day_the_id_contradicts_is_skipped() -> None:
    parsed = imp.read("content.csv", content(VIDEOS, written={0: "March 3"}), today=TODAY)  # the top video
    [skip] = parsed.skipped
    assert (skip.value, skip.key, dict(skip.params)) == (
        "March 3",
        "import.skip.id_date",
        {"day": "2026-01-02"},
    )
    assert len(parsed.posts) == 3


def test_ids_in_one_table_settle_the_other_tables_of_the_zip() -> None:
    data = zip_bytes({"Content.csv": content(VIDEOS), "Overview.csv": tiktok_overview()}, when=(1980, 1, 1))
    parsed = imp.read("tiktok.zip", data, today=TODAY)  # no member times, no dates in the names
    assert parsed.date_range == (date(2025, 12, 24), date(2026, 1, 5))
    assert {row.week: row.video_views for row in parsed.series} == {"2026-W01": 600, "2026-W02": 50}


def test_nothing_settles_the_year_so_it_is_asked() -> None:
    err = problem("Overview.csv", tiktok_overview(), today=TODAY)
    assert err.key == "import.need_year"
    assert (err.params["first"], err.params["last"]) == ("December 29", "January 5")
    assert "Say in which year its last day falls" in str(err)
    assert "geef aan in welk jaar" in err.message("nl").lower()
    parsed = imp.read("Overview.csv", tiktok_overview(), today=TODAY, year=2026)
    assert parsed.date_range == (date(2025, 12, 29), date(2026, 1, 5))
    assert imp.read("Overview.csv", tiktok_overview(), today=TODAY, year=2025).date_range == (
        date(2024, 12, 29), date(2025, 1, 5)
    )  # fmt: skip


def test_an_export_date_after_today_is_no_clue() -> None:
    assert problem("Overview.csv", tiktok_overview(), today=TODAY, exported_on=date(2027, 1, 1)).key == (
        "import.need_year"
    )  # fmt: skip


def test_name_ranges() -> None:
    assert years.name_range(["account_analytics_content_2025-01-01_2025-01-31.csv"]) == (
        date(2025, 1, 1), date(2025, 1, 31)
    )  # fmt: skip
    assert years.name_range(["Content 2021-10-04_2021-10-17 Channel.zip"]) == (
        date(2021, 10, 4),
        date(2021, 10, 17),
    )
    assert years.name_range(["overview_20250101-20250131.csv"]) == (date(2025, 1, 1), date(2025, 1, 31))
    assert years.name_range(["Overview.csv", "export 2025-01-31.csv"]) is None
    assert years.name_range(["2025-02-01_2025-01-01.csv"]) is None  # backwards: not a range


def test_circular_span_finds_first_and_last_across_new_year() -> None:
    assert years.circular_span([(1, 2), (12, 30), (1, 5), (12, 29)]) == ((12, 29), (1, 5))
    assert years.circular_span([(3, 1), (3, 9), (3, 5)]) == ((3, 1), (3, 9))
    assert years.circular_span([(6, 1)]) == ((6, 1), (6, 1))


def test_id_days() -> None:
    when = datetime(2025, 10, 31, 18, 19, 10)
    assert years.id_days([video_id(when), "abc", "123", None]).tolist() == [
        (when.date() - date(1970, 1, 1)).days, -1, -1, -1
    ]  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.datetimes(datetime(2024, 11, 1), datetime(2026, 5, 1)), st.integers(1, 10**6)),
        min_size=1,
        max_size=25,
        unique_by=lambda v: v[1],
    ),
    st.randoms(use_true_random=False),
)
def test_a_shuffled_content_export_lands_every_video_in_its_year(
    videos: list[tuple[datetime, int]], rng: random.Random
) -> None:
    videos = [(when.replace(microsecond=0), views) for when, views in videos]
    rng.shuffle(videos)
    parsed = imp.read("content.csv", content(videos), today=TODAY)
    assert sorted(p.published_at.date() for p in parsed.posts) == sorted(when.date() for when, _ in videos)
    assert parsed.skipped == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(list(range(len(TIKTOK_DAYS)))), st.dates(date(2026, 1, 5), date(2026, 12, 28)))
def test_a_shuffled_overview_lands_in_the_same_days_before_its_export(
    order: list[int], exported: date
) -> None:
    rows = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    rows += [[TIKTOK_DAYS[i], str(10 + i), "1", "1", "0", "0"] for i in order]
    parsed = imp.read("Overview.csv", csv_bytes(rows), today=TODAY if exported <= TODAY else exported,
                      exported_on=exported)  # fmt: skip
    assert parsed.date_range == (date(2025, 12, 29), date(2026, 1, 5))
    assert sum(row.video_views or 0 for row in parsed.rows) == sum(10 + i for i in range(len(TIKTOK_DAYS)))
