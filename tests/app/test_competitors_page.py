"""Competitors & webcare page: log a competitor week, correct a past one, refuse what the weekly log refuses, confirm
jumps, paste from a spreadsheet, upload a CSV with a column mapping; the tracker's and the monthly review's
comparison for the demo; the competitors in the walk; webcare goals and the daily messages line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from cmplanner import demo
from cmplanner.demo import bakery
from cmplanner.models import Competitor, CompetitorWeek, Platform, Strategy
from cmplanner.store import COMPETITOR_WEEKS, Edit, Store
from tests.app.helpers import no_exception, open_page, texts

PAGE = "pages/14_competitors.py"
WEDNESDAY = "2026-11-18"  # in ISO week 2026-W47: the last complete week is 2026-W46 (9–15 November)
WEEK, EARLIER = "2026-W46", "2026-W45"
VDL = Competitor(
    id="vdl",
    name="Bakkerij Van der Linden",
    handles={Platform.FACEBOOK: "Bakkerij Van der Linden", Platform.INSTAGRAM: "@bakkerijvanderlinden"},
    watch="Zaterdagacties",
)
BB = Competitor(id="bb", name="Broodbar Utrecht", handles={Platform.INSTAGRAM: "@broodbarutrecht"})
# the editor's rows: 0 = Van der Linden on Facebook, 1 = Van der Linden on Instagram, 2 = Broodbar on Instagram


@pytest.fixture
def strategy(store: Store) -> Strategy:
    saved = store.save(bakery("2026-Q4"))

    def change(edit: Edit) -> None:
        edit.strategy.competitors = [VDL, BB]

    store.update(saved.id, change)
    return store.get(saved.id)


def open_cp(sid: str, locale: str = "en-GB", **params: str) -> AppTest:
    return open_page(PAGE, sid, locale, today=WEDNESDAY, **params)


def shown(at: AppTest) -> str:
    """Visible text without the markdown escapes put in front of user-facing values."""
    return texts(at).replace("\\", "")


def edit(at: AppTest, rows: dict[int, dict[str, object]]) -> AppTest:
    key = at.data_editor[0].key
    assert key is not None
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def save(at: AppTest) -> AppTest:
    return at.button(key="cp.save").click().run()


def column(at: AppTest, name: str) -> list[object]:
    frame = at.data_editor[0].value
    return [None if pd.isna(value) else value for value in frame[name]]


def stored(store: Store, strategy: Strategy) -> list[tuple[str, str, str, int | None, int | None]]:
    rows = store.rows(strategy.id, COMPETITOR_WEEKS)
    return sorted((r.week, r.competitor, r.platform.value, r.followers, r.posts) for r in rows)


def file_bytes(data_dir: Path, strategy: Strategy) -> bytes:
    return (data_dir / "strategies" / f"{strategy.id}.json").read_bytes()


def view(at: AppTest, name: str) -> AppTest:
    return at.segmented_control(key="cp.view").set_value(name).run()


# -- the weekly log ------------------------------------------------------------------------------------------


def test_log_a_week_then_correct_a_past_week(store: Store, strategy: Strategy) -> None:
    at = open_cp(strategy.id, week=EARLIER)
    no_exception(at)
    assert column(at, "name") == ["Bakkerij Van der Linden"] * 2 + ["Broodbar Utrecht"]
    assert column(at, "platform") == ["Facebook", "Instagram", "Instagram"]
    edit(at, {0: {"followers": 1450, "posts": 3}, 1: {"followers": 2100, "posts": 4}, 2: {"followers": 850}})
    save(at)
    no_exception(at)
    assert "3 competitor weeks saved: 3 new." in shown(at)
    # the next week, picked from the list
    at.selectbox(key="cp.week").select(WEEK).run()
    save(edit(at, {2: {"followers": 880, "posts": 6, "likes": 120, "comments": 14, "note": "Spaarkaart"}}))
    assert "1 competitor week saved: 1 new." in shown(at)
    # back to the earlier week: the editor shows what is stored, the week is ticked, and it can be corrected
    at.selectbox(key="cp.week").select(EARLIER).run()
    assert column(at, "followers") == [1450, 2100, 850]
    assert at.selectbox(key="cp.week").options[1] == "2026-W45 · 2–8 Nov ✓"
    save(edit(at, {0: {"posts": 2}}))
    no_exception(at)
    assert "3 competitor weeks saved: 1 changed, 2 unchanged." in shown(at)
    assert stored(store, strategy) == [
        (EARLIER, "bb", "instagram", 850, None),
        (EARLIER, "vdl", "facebook", 1450, 2),
        (EARLIER, "vdl", "instagram", 2100, 4),
        (WEEK, "bb", "instagram", 880, 6),
    ]
    note = store.rows(strategy.id, COMPETITOR_WEEKS)
    assert [(r.week, r.likes, r.comments, r.note) for r in note if r.week == WEEK] == [
        (WEEK, 120, 14, "Spaarkaart")
    ]
    assert column(at, "posts") == [2, 4, None]  # the editor starts again from what is stored
    assert at.dataframe[-1].value["week"].tolist() == [WEEK, EARLIER, EARLIER, EARLIER]  # the recent weeks


@pytest.mark.parametrize(
    ("row", "values", "message"),
    [
        (
            0,
            {"followers": -5},
            "Bakkerij Van der Linden on Facebook, Followers at week end: -5 is negative. Enter 0 or more",
        ),
        (2, {"posts": "veel"}, "Broodbar Utrecht on Instagram, Posts: “veel” is not a number."),
        (1, {"likes": 12.5}, "Bakkerij Van der Linden on Instagram, Likes: 12.5 is not a whole number."),
    ],
)
def test_bad_values_are_named_like_the_weekly_log_and_nothing_is_stored(
    store: Store, strategy: Strategy, data_dir: Path, row: int, values: dict[str, object], message: str
) -> None:
    before = file_bytes(data_dir, strategy)
    at = edit(open_cp(strategy.id), {row: values, (row + 1) % 3: {"followers": 900}})
    assert message in shown(at)  # shown while typing
    save(at)
    no_exception(at)
    assert "Nothing was saved: fix the values listed below first." in shown(at)
    assert file_bytes(data_dir, strategy) == before


def test_an_implausible_jump_needs_confirmation(store: Store, strategy: Strategy, data_dir: Path) -> None:
    week = CompetitorWeek(competitor="bb", platform="instagram", week=EARLIER, followers=850)
    store.update(strategy.id, lambda e: e.put(COMPETITOR_WEEKS, [week]))
    before = file_bytes(data_dir, strategy)
    at = save(edit(open_cp(strategy.id), {2: {"followers": 8500}}))
    no_exception(at)
    jump = "Broodbar Utrecht on Instagram, Followers at week end: 8,500 in 2026-W46, but 850 in 2026-W45 (+7,650)"
    assert jump in shown(at)
    assert "Nothing was saved yet" in shown(at)
    assert file_bytes(data_dir, strategy) == before
    at.button(key="cp.confirm").click().run()
    no_exception(at)
    assert "1 competitor week saved: 1 new." in shown(at)
    assert stored(store, strategy) == [
        (EARLIER, "bb", "instagram", 850, None),
        (WEEK, "bb", "instagram", 8500, None),
    ]


# -- sheets --------------------------------------------------------------------------------------------------


def paste(at: AppTest, text: str) -> AppTest:
    return at.text_area(key="cp.paste.text").input(text).run()


def test_paste_from_a_spreadsheet_with_headers(store: Store, strategy: Strategy) -> None:
    at = view(open_cp(strategy.id), "sheets")
    block = (
        "Competitor\tPlatform\tWeek\tFollowers\tPosts\tLikes\tComments\n"
        "Broodbar Utrecht\tInstagram\t2026-W45\t850\t6\t120\t14\n"
        "@bakkerijvanderlinden\tIG\t2026-W45\t2.100\t4\t45\t5\n"
    )
    paste(at, block)
    no_exception(at)
    assert "2 rows read. Check them, then save." in shown(at)
    at.button(key="cp.paste.save").click().run()
    no_exception(at)
    assert "2 competitor weeks saved: 2 new." in shown(at)
    assert stored(store, strategy) == [
        (EARLIER, "bb", "instagram", 850, 6),
        (EARLIER, "vdl", "instagram", 2100, 4),
    ]
    assert at.text_area(key="cp.paste.text").value == ""  # emptied for the next block


def test_paste_without_headers_takes_the_chosen_week_and_names_unknown_competitors(
    store: Store, strategy: Strategy, data_dir: Path
) -> None:
    at = view(open_cp(strategy.id), "sheets")
    before = file_bytes(data_dir, strategy)
    paste(at, "Broodbar Utrecht\tInstagram\t900\t5\t100\t10\nBakker Jansen\tInstagram\t300\t2\t10\t1\n")
    message = (
        "Line 2: “Bakker Jansen” is not one of this strategy's competitors "
        "(Bakkerij Van der Linden, Broodbar Utrecht). Add it first, or correct the name."
    )
    assert message in shown(at)
    assert not [b for b in at.button if b.key == "cp.paste.save"]
    assert file_bytes(data_dir, strategy) == before
    paste(at, "Broodbar Utrecht\tInstagram\t900\t5\t100\t10\n")
    at.button(key="cp.paste.save").click().run()
    assert stored(store, strategy) == [
        (WEEK, "bb", "instagram", 900, 5)
    ]  # the week chosen: the last complete one


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    (uploader,) = at.file_uploader
    uploader.set_value((name, data, "text/csv"))
    return at.run()


def mapping_box(at: AppTest, header: str):  # noqa: ANN201 - AppTest's Selectbox
    return next(box for box in at.selectbox if box.label == header)


SHEET = (
    b"Rivaal;Kanaal;Datum;Fans;Aantal posts;Hartjes;Reacties;Opmerking\n"
    b"Broodbar Utrecht;Instagram;2026-11-09;850;6;120;14;Nieuwe reel\n"
    b"Bakkerij Van der Linden;Facebook;2026-11-10;1450;3;40;2;\n"
)


def test_csv_upload_with_a_column_mapping(store: Store, strategy: Strategy) -> None:
    at = upload(view(open_cp(strategy.id), "sheets"), "concurrenten.csv", SHEET)
    no_exception(at)
    # the headers are recognised except "Rivaal", which the user has to point out
    assert mapping_box(at, "Kanaal").value == "platform"
    assert mapping_box(at, "Hartjes").value == "likes"
    assert mapping_box(at, "Rivaal").value == "skip"
    assert "Say which column holds Competitor." in shown(at)
    mapping_box(at, "Rivaal").set_value("competitor").run()
    no_exception(at)
    assert "2 rows read. Check them, then save." in shown(at)
    at.button(key="cp.upload.save").click().run()
    no_exception(at)
    assert "2 competitor weeks saved: 2 new." in shown(at)
    assert stored(store, strategy) == [(WEEK, "bb", "instagram", 850, 6), (WEEK, "vdl", "facebook", 1450, 3)]
    notes = [r.note for r in store.rows(strategy.id, COMPETITOR_WEEKS)]
    assert sorted(notes) == ["", "Nieuwe reel"]
    assert not at.file_uploader[0].value  # the upload is emptied for the next file


def test_a_mapping_with_one_target_twice_is_refused(store: Store, strategy: Strategy, data_dir: Path) -> None:
    before = file_bytes(data_dir, strategy)
    at = upload(view(open_cp(strategy.id), "sheets"), "concurrenten.csv", SHEET)
    mapping_box(at, "Rivaal").set_value("competitor").run()
    mapping_box(at, "Aantal posts").set_value("followers").run()
    assert "Two columns are set to Followers at week end: choose one." in shown(at)
    assert not [b for b in at.button if b.key == "cp.upload.save"]
    assert file_bytes(data_dir, strategy) == before


# -- side by side, tracker, monthly review (the demo) -------------------------------------------------------


@pytest.fixture
def demo_bakery(store: Store) -> Strategy:
    return demo.write_demo(store, date.fromisoformat(WEDNESDAY))[0]


def table(at: AppTest, index: int) -> list[dict[str, str]]:
    return at.dataframe[index].value.to_dict("records")


def test_side_by_side_shows_the_quarter_with_formulas(demo_bakery: Strategy) -> None:
    at = open_cp(demo_bakery.id, view="compare")
    no_exception(at)
    assert at.selectbox(key="cp.platform").value == "facebook"  # the plan's first platform with competitors
    assert [row["Account"] for row in table(at, 0)] == [
        "Bakkerij De Korenschoof (you)",
        "Bakkerij Van der Linden",
    ]
    at.selectbox(key="cp.platform").set_value(Platform.INSTAGRAM).run()
    rows = table(at, 0)
    assert [row["Account"] for row in rows] == [
        "Bakkerij De Korenschoof (you)",
        "Bakkerij Van der Linden",
        "Broodbar Utrecht",
    ]
    # Broodbar in the demo: 850 × 1.025^n followers, n = weeks since 2026-W26; 2026-W46 (the last logged) is 20
    # weeks on and 2026-W39 (the week before the quarter) 13: round(850 × 1.025^20) = 1,393 and
    # round(850 × 1.025^13) = 1,172, so the quarter's growth is (1,393 − 1,172) ÷ 1,172 = +18.9%
    assert rows[2]["Followers"] == "1,393" and rows[2]["Follower growth"] == "+18.9%"
    assert "Engagement per post by followers = (likes + comments) ÷ posts ÷ followers × 100." in shown(at)
    assert len(at.get("vega_lite_chart")) == 1


def test_the_tracker_shows_the_comparison_for_the_demo(demo_bakery: Strategy) -> None:
    at = open_page("pages/9_tracker.py", demo_bakery.id, today=WEDNESDAY)
    no_exception(at)
    assert "Competitors in 2026-Q4" in shown(at)
    rows = table(at, -1)
    assert [(row["Platform"], row["Account"]) for row in rows] == [
        ("Facebook", "Bakkerij De Korenschoof (you)"),
        ("Facebook", "Bakkerij Van der Linden"),
        ("Instagram", "Bakkerij De Korenschoof (you)"),
        ("Instagram", "Bakkerij Van der Linden"),
        ("Instagram", "Broodbar Utrecht"),
    ]
    assert rows[-1]["Followers"] == "1,393"  # as on the Competitors page
    (link,) = [link.proto for link in at.get("page_link") if link.proto.label == "Compare in detail"]
    assert link.page == "competitors"
    assert link.query_string == f"s={demo_bakery.id}&view=compare&q=2026-Q4"


def test_no_comparison_on_the_tracker_without_competitors(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_page("pages/9_tracker.py", strategy.id, today=WEDNESDAY)
    no_exception(at)
    assert "Competitors in" not in shown(at)


def test_the_monthly_review_shows_competitors_and_the_webcare_trend(demo_bakery: Strategy) -> None:
    at = open_page("pages/11_month.py", demo_bakery.id, today=WEDNESDAY)
    no_exception(at)
    text = shown(at)
    assert "Competitors in November 2026" in text
    # Broodbar grows 2.5% a week, Van der Linden 0.6%: Broodbar grew fastest on Instagram
    assert "Instagram: Broodbar Utrecht grew fastest" in text
    # the demo's note of the quarter's sixth week (2026-W45) is in November
    assert (
        "Bakkerij Van der Linden (Instagram, 2026-W45): Actie: gratis koffie bij elk brood op zaterdag"
        in text
    )
    assert "Webcare" in text and "November: " in text and "Before: October" in text


# -- webcare ---------------------------------------------------------------------------------------------------


def test_the_daily_tasks_show_last_weeks_answers_and_lead_to_the_log(demo_bakery: Strategy) -> None:
    at = open_page("pages/6_checklists.py", demo_bakery.id, today=WEDNESDAY)
    no_exception(at)
    # 2026-W46 in the demo: Instagram 9 received, 9 answered, 2.5 h; Facebook 4, 4, 18 h
    # → 13 of 13 (100%), (2.5 × 9 + 18 × 4) ÷ 13 = 7.3 h on average
    line = "Last week: 13 of 13 answered (100%), average 7.3 h — people expect an answer within 24 h (Arise, 2017)."
    assert line in shown(at)
    # and the daily competitor task leads to their log
    links = [link.proto for link in at.get("page_link") if link.proto.label == "Log their figures"]
    assert [(link.page, link.query_string) for link in links] == [("competitors", f"s={demo_bakery.id}")]


def goal_input(at: AppTest, kind: str, platform: str):  # noqa: ANN201 - AppTest's NumberInput
    return at.number_input(key=f"wc.{kind}.2026-Q4.{platform}")


def submit_goals(at: AppTest) -> AppTest:
    return next(b for b in at.button if b.label == "Save webcare goals").click().run()


def test_webcare_goals_are_set_per_platform(store: Store, strategy: Strategy, data_dir: Path) -> None:
    at = open_cp(strategy.id, view="webcare")
    no_exception(at)
    before = file_bytes(data_dir, strategy)
    goal_input(at, "rate", "instagram").set_value(150.0)
    submit_goals(at)
    assert "Instagram: Response rate goal: 150% is not a share of the messages." in shown(at)
    assert file_bytes(data_dir, strategy) == before
    goal_input(at, "rate", "instagram").set_value(95.0)
    goal_input(at, "hours", "instagram").set_value(4.0)
    submit_goals(at)
    no_exception(at)
    assert "Webcare goals for 2026-Q4 saved." in shown(at)
    goals = [
        (g.platform.value, g.kpi, g.target) for g in store.get(strategy.id).goals if g.kpi.startswith("resp")
    ]
    assert goals == [("instagram", "response_rate", 95.0), ("instagram", "response_time", 4.0)]
    # the table of last week is judged against the new goals, which are listed in full under it
    instagram = table(at, 0)[1]
    assert (instagram["rate_bar"], instagram["time_bar"]) == ("95% (your goal)", "within 4 h (your goal)")
    assert "- Instagram: your goal: 95% answered" in shown(at)


# -- the walk, empty states, Dutch -----------------------------------------------------------------------------


def test_competitors_are_added_in_the_walk_and_saved_with_next(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_page("pages/1_audience.py", strategy.id)
    at.button(key="competitor.add").click().run()
    at.button(key="competitor.add").click().run()
    first, second = at.session_state["w.competitors"]
    at.text_input(key=f"w.competitor.{first}.name").input("Broodbar Utrecht").run()
    at.multiselect(key=f"w.competitor.{first}.platforms").select("instagram").run()
    at.text_input(key=f"w.competitor.{first}.handle.instagram").input("@broodbarutrecht").run()
    at.text_input(key=f"w.competitor.{second}.name").input("broodbar  utrecht").run()
    at.button(key="next.audience").click().run()
    no_exception(at)
    assert "Two competitors are named “broodbar  utrecht”: give each a name of its own." in shown(at)
    assert store.get(strategy.id).competitors == []
    at.text_input(key=f"w.competitor.{second}.name").input("Bakkerij Van der Linden").run()
    at.button(key="next.audience").click().run()
    no_exception(at)
    saved = store.get(strategy.id).competitors
    assert [(c.id, c.name, dict(c.handles)) for c in saved] == [
        (first, "Broodbar Utrecht", {Platform.INSTAGRAM: "@broodbarutrecht"}),
        (second, "Bakkerij Van der Linden", {}),
    ]


def test_without_competitors_the_page_points_to_the_walk(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_cp(strategy.id)
    no_exception(at)
    assert "This strategy follows no competitors yet." in shown(at)
    assert [link.proto.page for link in at.get("page_link") if link.proto.label == "Add competitors"] == [
        "audience"
    ]
    assert not at.data_editor


def test_the_page_in_dutch(strategy: Strategy) -> None:
    at = open_cp(strategy.id, locale="nl-NL")
    no_exception(at)
    assert at.title[0].value == "Concurrenten & webcare"
    columns = json.loads(at.data_editor[0].proto.columns)
    labels = [config["label"] for name, config in columns.items() if name != "_index"]
    assert labels == [
        "Concurrent",
        "Platform",
        "Notitie",
        "Volgers aan het einde van de week",
        "Posts",
        "Likes",
        "Reacties",
    ]
    at = edit(at, {2: {"followers": -1}})
    assert "Broodbar Utrecht op Instagram, Volgers aan het einde van de week: -1 is negatief." in shown(at)
