"""Import page: recognise an export, preview its weeks next to the log, import them all at once; map the columns
of an unknown file once per platform; ask a follower baseline once; refuse what cannot be read; Dutch."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from cmplanner import import_mappings
from cmplanner.demo import bakery
from cmplanner.models import Goal, Platform, PlatformPlan, Strategy, WeekMetrics
from cmplanner.store import IMPORT_MEMORY, Store
from tests.app.helpers import no_exception, open_page, texts

PAGE = "pages/8_import.py"
TODAY = (
    "2026-11-18"  # a Wednesday in 2026-W47: the files below cover 2026-W45 (2–8 Nov) and 2026-W46 (9–15 Nov)
)

INSTAGRAM_HEADER = (
    "Post ID,Account ID,Account username,Account name,Description,Duration (sec),Publish time,Permalink,"
    "Post type,Data comment,Date,Views,Reach,Likes,Shares,Follows,Comments,Saves"
)
# three posts: two in W45, one in W46 (Views, Reach, Likes, Shares, Follows, Comments, Saves)
INSTAGRAM_POSTS = (
    ("11/03/2026 09:00", "100,80,10,1,0,2,5"),
    ("11/05/2026 18:30", "200,150,20,2,0,3,6"),
    ("11/10/2026 07:45", "300,240,30,3,1,4,7"),
)
GENERIC_HEADERS = ("When", "Seen", "Pinned", "Clicked")


def instagram_export(posts: tuple[tuple[str, str], ...] = INSTAGRAM_POSTS) -> bytes:
    """A Meta Business Suite post export of an Instagram account, as the platform writes it."""
    lines = [INSTAGRAM_HEADER]
    for number, (published, figures) in enumerate(posts, 1):
        lines.append(
            f'{number}00,17841,bakkerij,Bakkerij,"Post {number}, vers",0,{published},https://instagram.com/p/{number},'
            f"IG image,,Lifetime,{figures}"
        )
    return ("\n".join(lines) + "\n").encode()


def generic_export(days: range = range(2, 16), seen: int = 40) -> bytes:
    """A file no shape fits: one row per day of November 2026, columns named as nobody else names them."""
    lines = [",".join(GENERIC_HEADERS)]
    lines += [f"2026-11-{day:02d},{seen},2,1" for day in days]
    return ("\n".join(lines) + "\n").encode()


def x_overview() -> bytes:
    """An X account overview: per day 3 new follows and 1 unfollow, 1 post every other day (2–15 Nov 2026)."""
    header = (
        "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,"
        "Profile visits,Create Post,Video views,Media views"
    )
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    lines = [header]
    for day in range(2, 16):
        weekday = names[(day - 2) % 7]
        lines.append(f'"{weekday}, Nov {day}, 2026",100,5,9,0,1,3,1,2,1,4,{day % 2},0,0')
    return ("\n".join(lines) + "\n").encode()


def with_platforms(store: Store, *extra: Platform) -> Strategy:
    """The demo bakery (Facebook, Instagram) with more platforms and a goal on Instagram posts."""
    strategy = bakery("2026-Q4")
    strategy.platforms += [PlatformPlan(platform=p) for p in extra]
    strategy.goals.append(
        Goal(platform=Platform.INSTAGRAM, kpi="posts", quarter="2026-Q4", baseline=0, target=39)
    )
    return store.save(strategy)


def open_import(sid: str, locale: str = "en-GB") -> AppTest:
    return open_page(PAGE, sid, locale, today=TODAY)


def shown(at: AppTest) -> str:
    return texts(at).replace("\\", "")


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    """Drop files on the page's uploader (whatever its current key) and rerun."""
    (uploader,) = at.file_uploader
    uploader.set_value([(name, data, "text/csv") for name, data in files])
    return at.run()


def click_import(at: AppTest) -> AppTest:
    return at.button(key="imp.import").click().run()


def selectbox(at: AppTest, label: str):  # noqa: ANN201 - AppTest's Selectbox
    return next(box for box in at.selectbox if box.label == label)


def preview(at: AppTest) -> list[dict[str, str]]:
    """The preview table's rows (the dataframe of weeks)."""
    table = next(frame for frame in reversed(at.dataframe) if "week" in frame.value.columns)
    return table.value.to_dict("records")


def skipped_rows(at: AppTest) -> list[dict[str, object]]:
    """The list of rows not imported, if the page shows one."""
    tables = [frame for frame in at.dataframe if "why" in frame.value.columns]
    return tables[0].value.to_dict("records") if tables else []


def file_bytes(data_dir: Path, strategy: Strategy) -> bytes:
    return (data_dir / "strategies" / f"{strategy.id}.json").read_bytes()


def test_an_instagram_export_is_recognised_previewed_and_imported(store: Store) -> None:
    strategy = with_platforms(store)
    store.upsert_weeks(
        strategy.id, [WeekMetrics(platform="instagram", week="2026-W46", followers=1250, posts=2)]
    )
    at = open_import(strategy.id)
    no_exception(at)
    assert at.title[0].value == "Import"
    upload(at, ("Nov-18-2026.csv", instagram_export()))
    no_exception(at)
    assert "Nov-18-2026.csv** · Instagram · Meta Business Suite, posts" in shown(at)
    assert "2 weeks of figures · 3 Nov 2026 – 10 Nov 2026" in shown(at)
    assert "Reach is the sum of each post's reach" in shown(at)
    rows = preview(at)
    assert [(r["status"], r["week"], r["posts"], r["impressions"], r["saves"]) for r in rows] == [
        ("new", "2026-W45 · 2–8 Nov", "2", "300", "11"),
        ("changed", "2026-W46 · 9–15 Nov", "2 → 1", "– → 300", "– → 7"),
    ]
    assert (
        "followers" not in rows[0]
    )  # the file has no followers: the column is not shown, the logged value stays
    assert "Instagram: 2 weeks (1 new, 1 changed)" in shown(at)

    click_import(at)
    no_exception(at)
    assert "Imported: 2 weeks written." in shown(at)
    assert "Instagram: 2 weeks (1 new, 1 changed)" in shown(at)
    assert not at.file_uploader[0].value  # the upload is emptied for the next files
    weeks = {row.week: row for row in store.weeks(strategy.id)}
    assert (weeks["2026-W45"].posts, weeks["2026-W45"].impressions, weeks["2026-W45"].reach) == (2, 300, 230)
    assert (weeks["2026-W45"].reactions, weeks["2026-W45"].comments, weeks["2026-W45"].shares) == (30, 5, 3)
    assert (weeks["2026-W46"].posts, weeks["2026-W46"].saves, weeks["2026-W46"].followers) == (1, 7, 1250)
    assert weeks["2026-W46"].source == "import:meta_posts_instagram"
    links = {link.proto.page for link in at.get("page_link") if link.proto.label in ("Weekly log", "Tracker")}
    assert {"log", "tracker"} <= links

    log = open_page("pages/7_log.py", strategy.id, today=TODAY)
    no_exception(log)
    history = log.dataframe[-1].value
    assert history["week"].tolist() == ["2026-W46", "2026-W45"]
    assert history["posts"].tolist() == [1, 2]
    tracker = open_page("pages/9_tracker.py", strategy.id, today=TODAY)
    no_exception(tracker)
    table = tracker.dataframe[0].value
    goal = table[table["Goal"] == "Instagram · Posts"].iloc[0]
    assert goal["Now"] == "3"  # 2 posts in W45 + 1 in W46


def test_the_same_file_twice_changes_nothing(store: Store, data_dir: Path) -> None:
    strategy = with_platforms(store)
    at = click_import(upload(open_import(strategy.id), ("posts.csv", instagram_export())))
    assert "Imported: 2 weeks written." in shown(at)
    before = file_bytes(data_dir, strategy)
    upload(at, ("posts.csv", instagram_export()))
    no_exception(at)
    assert [r["status"] for r in preview(at)] == ["unchanged", "unchanged"]
    assert "Nothing would change" in shown(at)
    click_import(at)
    no_exception(at)
    assert "Nothing changed: these weeks were already logged with the same figures." in shown(at)
    assert file_bytes(data_dir, strategy) == before


def test_a_newer_export_replaces_the_figures_it_carries(store: Store) -> None:
    strategy = with_platforms(store)
    click_import(upload(open_import(strategy.id), ("posts.csv", instagram_export())))
    grown = tuple((day, figures.replace("300,240", "900,700")) for day, figures in INSTAGRAM_POSTS)
    at = upload(open_import(strategy.id), ("posts-later.csv", instagram_export(grown)))
    rows = preview(at)
    assert [(r["status"], r["impressions"], r["reach"]) for r in rows] == [
        ("unchanged", "300", "230"),
        ("changed", "300 → 900", "240 → 700"),
    ]
    click_import(at)
    assert "Imported: 1 week written." in shown(at)
    assert [row.impressions for row in store.weeks(strategy.id)] == [300, 900]


def test_an_unknown_file_lists_its_headers_and_its_column_mapping_is_remembered(store: Store) -> None:
    strategy = with_platforms(store, Platform.PINTEREST)
    at = upload(open_import(strategy.id), ("pins.csv", generic_export()))
    no_exception(at)
    assert "pins.csv** · not a known export" in shown(at)
    assert "Headers found: When, Seen, Pinned, Clicked." in shown(at)
    assert "Known exports: Meta Business Suite" in shown(at)
    # nothing to import before the platform is chosen
    assert not [b for b in at.button if b.key == "imp.import"]
    assert "Waiting for your answers above: “pins.csv”." in shown(at)

    selectbox(at, "Platform").select(Platform.PINTEREST).run()
    assert selectbox(at, "When").value == ""  # no alias fits these names: nothing is guessed
    selectbox(at, "Seen").select("impressions").run()
    assert "choose exactly one column that holds the date" in shown(at)
    for label, target in (("When", "date"), ("Pinned", "saves"), ("Clicked", "clicks")):
        selectbox(at, label).select(target).run()
    no_exception(at)
    rows = preview(at)
    assert [(r["platform"], r["status"], r["impressions"], r["saves"], r["clicks"]) for r in rows] == [
        ("Pinterest", "new", "280", "14", "7"),
        ("Pinterest", "new", "280", "14", "7"),
    ]
    click_import(at)
    assert "Pinterest: 2 weeks (2 new)" in shown(at)
    assert [(r.platform, r.week, r.impressions) for r in store.weeks(strategy.id)] == [
        ("pinterest", "2026-W45", 280),
        ("pinterest", "2026-W46", 280),
    ]
    remembered = import_mappings.remembered(store.rows(strategy.id, IMPORT_MEMORY))[Platform.PINTEREST]
    assert remembered.mapping == {
        "When": "date",
        "Seen": "impressions",
        "Pinned": "saves",
        "Clicked": "clicks",
    }

    # the next file with these columns: platform and mapping come back by themselves
    again = upload(open_import(strategy.id), ("pins-later.csv", generic_export(seen=50)))
    no_exception(again)
    assert selectbox(again, "Platform").value == Platform.PINTEREST
    assert selectbox(again, "Seen").value == "impressions"
    assert "as you chose them last time" in shown(again)
    assert "pins-later.csv** · Pinterest · your own columns" in shown(again)
    assert "Headers found" not in shown(again)
    assert [r["impressions"] for r in preview(again)] == ["280 → 350", "280 → 350"]


def test_a_follower_baseline_is_asked_once(store: Store) -> None:
    strategy = with_platforms(store, Platform.X)
    at = upload(open_import(strategy.id), ("account_overview_analytics.csv", x_overview()))
    no_exception(at)
    assert "X (Twitter) · account overview, daily figures" in shown(at)
    baseline = at.number_input[0]
    assert baseline.label == "X (Twitter) followers on 1 November 2026"
    assert baseline.value is None
    assert "followers" not in preview(at)[0]  # without a starting count there are no follower figures
    baseline.set_value(500).run()
    no_exception(at)
    rows = preview(at)
    assert [(r["week"], r["followers"], r["posts"]) for r in rows] == [
        ("2026-W45 · 2–8 Nov", "514", "3"),
        ("2026-W46 · 9–15 Nov", "528", "4"),
    ]
    click_import(at)
    assert [(r.week, r.followers) for r in store.weeks(strategy.id)] == [("2026-W45", 514), ("2026-W46", 528)]

    again = upload(open_import(strategy.id), ("account_overview_analytics.csv", x_overview()))
    assert again.number_input[0].value == 500  # remembered for a file starting on the same day
    assert "The number you gave last time" in shown(again)
    click_import(again)
    assert "Nothing changed" in shown(again)


def test_files_that_cannot_be_imported_say_why_and_the_others_still_import(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))  # Facebook and Instagram, no X
    at = upload(
        open_import(strategy.id),
        ("chart.csv", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("x.csv", x_overview()),
        ("broken.csv", instagram_export((("11/03/2026 09:00", "many,80,10,1,0,2,5"),))),
        ("instagram.csv", instagram_export()),
    )
    no_exception(at)
    text = shown(at)
    assert "“chart.csv” has the extension .csv, but its contents are of type PNG" in text
    assert (
        "“x.csv” holds X (Twitter) figures, but X (Twitter) is not one of this strategy's platforms" in text
    )
    assert "“broken.csv”: nothing was imported, 1 line(s) could not be read: 2." in text
    assert "Line 2: “many” in column “Views” is not a number." in text
    assert "Not imported: “chart.csv”, “x.csv”, “broken.csv”" in text
    assert [r["platform"] for r in preview(at)] == ["Instagram", "Instagram"]
    click_import(at)
    assert "Imported: 2 weeks written." in shown(at)
    assert {row.platform for row in store.weeks(strategy.id)} == {Platform.INSTAGRAM}


def test_nothing_ready_nothing_to_click(store: Store, data_dir: Path) -> None:
    strategy = store.save(bakery("2026-Q4"))
    before = file_bytes(data_dir, strategy)
    at = upload(open_import(strategy.id), ("notes.txt", b"just some words\nno table here\n"))
    no_exception(at)
    assert "No file is ready to import yet" in shown(at)
    assert "Headers found: just some words." in shown(at)
    assert not [b for b in at.button if b.key == "imp.import"]
    assert file_bytes(data_dir, strategy) == before


def test_import_page_in_dutch(store: Store) -> None:
    strategy = with_platforms(store)
    at = open_import(strategy.id, locale="nl-NL")
    no_exception(at)
    assert at.title[0].value == "Importeren"
    assert at.file_uploader[0].label == "Exportbestanden"
    upload(at, ("posts.csv", instagram_export()))
    assert "2 weken met cijfers" in shown(at)
    assert [r["status"] for r in preview(at)] == ["nieuw", "nieuw"]
    assert at.button(key="imp.import").label == "Importeren"
    click_import(at)
    assert "Geïmporteerd: 2 weken opgeslagen." in shown(at)
    assert "Instagram: 2 weken (2 nieuw)" in shown(at)


def test_rows_that_cannot_be_read_are_listed_and_the_rest_imports(store: Store) -> None:
    strategy = with_platforms(store)
    posts = (*INSTAGRAM_POSTS, ("11/11/2026 10:00", "many,80,10,1,0,2,5"))  # line 5: Views is no number
    at = upload(open_import(strategy.id), ("posts.csv", instagram_export(posts)))
    no_exception(at)
    assert "2 weeks of figures · 3 Nov 2026 – 10 Nov 2026 · 3 posts" in shown(at)
    assert "1 row could not be read and is left out" in shown(at)
    assert "1 row not imported" in shown(at)
    assert skipped_rows(at) == [
        {"file": "posts.csv", "line": 5, "column": "Views", "value": "many", "why": "not a number"}
    ]
    assert [(r["week"], r["posts"]) for r in preview(at)] == [
        ("2026-W45 · 2–8 Nov", "2"),
        ("2026-W46 · 9–15 Nov", "1"),
    ]
    assert "Instagram: 2 weeks (2 new) · 3 posts (3 new)" in shown(at)
    click_import(at)
    no_exception(at)
    assert "Instagram: 2 weeks (2 new) · 3 posts (3 new)" in shown(at)
    assert [(r.week, r.posts, r.impressions) for r in store.weeks(strategy.id)] == [
        ("2026-W45", 2, 300),
        ("2026-W46", 1, 300),
    ]

    dutch = upload(open_import(strategy.id, locale="nl-NL"), ("posts.csv", instagram_export(posts)))
    assert skipped_rows(dutch)[0]["why"] == "geen getal"
    assert "1 rij niet geïmporteerd" in shown(dutch)


def tiktok_overview() -> bytes:
    """TikTok's overview of 29 December – 5 January: days written without a year, nothing else saying it."""
    days = ["December 29", "December 30", "December 31", "January 1", "January 2", "January 3", "January 4",
            "January 5"]  # fmt: skip
    lines = ['"Date","Video Views","Profile Views","Likes","Comments","Shares"']
    lines += [f'"{day}","100","7","10","1","2"' for day in days]
    return ("\n".join(lines) + "\n").encode()


def test_a_file_without_years_asks_which_year(store: Store) -> None:
    strategy = with_platforms(store, Platform.TIKTOK)
    at = upload(open_import(strategy.id), ("Overview.csv", tiktok_overview()))
    no_exception(at)
    assert "“Overview.csv”: its dates have no year (December 29 – January 5)" in shown(at)
    assert "Waiting for your answers above: “Overview.csv”." in shown(at)
    assert not [b for b in at.button if b.key == "imp.import"]
    question = selectbox(at, "In which year does January 5 fall?")
    assert question.value is None and question.options[:2] == ["2026", "2025"]
    question.select(2026).run()
    no_exception(at)
    # Mon 29 December 2025 – Sun 4 January 2026 (7 days), Mon 5 January 2026
    assert [(r["week"], r["video_views"]) for r in preview(at)] == [
        ("2026-W01 · 29 Dec – 4 Jan", "700"),
        ("2026-W02 · 5–11 Jan", "100"),
    ]
    click_import(at)
    assert [(r.platform, r.week, r.video_views) for r in store.weeks(strategy.id)] == [
        ("tiktok", "2026-W01", 700),
        ("tiktok", "2026-W02", 100),
    ]

    dutch = upload(open_import(strategy.id, locale="nl-NL"), ("Overview.csv", tiktok_overview()))
    assert selectbox(dutch, "In welk jaar valt January 5?").value is None


def test_weeks_before_2004_are_questioned_before_anything_is_imported(store: Store) -> None:
    strategy = with_platforms(store)
    old = instagram_export(
        (("03/27/2001 09:00", "100,80,10,1,0,2,5"), ("11/03/2026 09:00", "100,80,10,1,0,2,5"))
    )
    at = upload(open_import(strategy.id), ("typo.csv", old))
    no_exception(at)
    # a post export counts every week between its first and last post: a typo spans 25 years
    assert "weeks are before 2004 or more than a year ahead: Instagram 2001-W13, Instagram 2001-W14" in shown(
        at
    )
    assert at.button(key="imp.import").disabled
    assert store.weeks(strategy.id) == []
    at.checkbox(key="imp.odd_ok").check().run()
    assert not at.button(key="imp.import").disabled
    click_import(at)
    no_exception(at)
    assert {"2001-W13", "2026-W45"} <= {row.week for row in store.weeks(strategy.id)}


def test_a_week_with_a_typed_reach_and_posts_shows_both_and_keeps_the_typed_one(store: Store) -> None:
    strategy = with_platforms(store)
    store.upsert_weeks(strategy.id, [WeekMetrics(platform="instagram", week="2026-W45", reach=5000)])
    at = upload(open_import(strategy.id), ("Nov-18-2026.csv", instagram_export()))
    no_exception(at)
    week = next(r for r in preview(at) if r["week"].startswith("2026-W45"))
    assert week["reach"] == "5,000 (posts: 230)"  # typed reach counts; the posts' sum is shown beside it
    click_import(at)
    assert next(r for r in store.weeks(strategy.id) if r.week == "2026-W45").reach == 5000
