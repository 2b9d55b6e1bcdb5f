"""Weekly log page: log a week, reopen and correct it, refuse bad values, confirm jumps, pick the week, Dutch."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from cmplanner.demo import bakery
from cmplanner.models import Strategy, WeekMetrics
from cmplanner.store import Store
from tests.app.helpers import no_exception, open_page, texts

PAGE = "pages/7_log.py"
WEDNESDAY = "2026-11-18"  # in ISO week 2026-W47, so the last complete week is 2026-W46 (9–15 November)
WEEK = "2026-W46"
# the editor's rows: 0 = Facebook, 1 = Instagram (the bakery's platforms, in its order)


def open_log(sid: str, locale: str = "en-GB", **params: str) -> AppTest:
    return open_page(PAGE, sid, locale, today=WEDNESDAY, **params)


def shown(at: AppTest) -> str:
    """Visible text without the markdown escapes put in front of user-facing values."""
    return texts(at).replace("\\", "")


def edit(at: AppTest, rows: dict[int, dict[str, object]]) -> AppTest:
    """Type into the editor as the browser would report it, then rerun."""
    key = at.data_editor[0].key
    assert key is not None
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def save(at: AppTest) -> AppTest:
    return at.button(key="log.save").click().run()


def editor_values(at: AppTest, column: str) -> list[object]:
    frame = at.data_editor[0].value
    return [None if pd.isna(value) else value for value in frame[column]]


def file_bytes(data_dir: Path, strategy: Strategy) -> bytes:
    return (data_dir / "strategies" / f"{strategy.id}.json").read_bytes()


def test_default_week_is_the_last_complete_week(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_log(strategy.id)
    no_exception(at)
    picker = at.selectbox(key="log.week")
    assert picker.value == WEEK
    assert picker.options[:2] == ["2026-W46 · 9–15 Nov", "2026-W45 · 2–8 Nov"]
    assert at.data_editor[0].key == f"log.editor.{WEEK}.0"
    assert editor_values(at, "platform") == ["Facebook", "Instagram"]


def test_log_a_week_then_reopen_and_correct_it(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = edit(open_log(strategy.id), {0: {"followers": 810, "posts": 2}, 1: {"followers": 1250, "posts": 3}})
    save(at)
    no_exception(at)
    assert "2 platforms saved: 2 new." in shown(at)
    assert [(r.platform, r.week, r.followers, r.posts) for r in store.weeks(strategy.id)] == [
        ("facebook", WEEK, 810, 2),
        ("instagram", WEEK, 1250, 3),
    ]
    assert store.weeks(strategy.id)[0].impressions is None  # empty means not logged, never 0
    # reopen the week: the editor shows what is stored, and the week is marked as logged
    again = open_log(strategy.id)
    assert editor_values(again, "followers") == [810, 1250]
    assert editor_values(again, "posts") == [2, 3]
    assert again.selectbox(key="log.week").options[0] == "2026-W46 · 9–15 Nov ✓"
    assert again.dataframe[-1].value["week"].tolist() == [WEEK, WEEK]  # the recent weeks table
    # correct one value
    save(edit(again, {1: {"posts": 4}}))
    no_exception(again)
    assert "2 platforms saved: 1 changed, 1 unchanged." in shown(again)
    assert [r.posts for r in store.weeks(strategy.id)] == [2, 4]
    assert editor_values(again, "posts") == [2, 4]  # the editor starts again from what is stored
    assert again.data_editor[0].key == f"log.editor.{WEEK}.1"
    assert again.session_state[f"log.editor.{WEEK}.1"]["edited_rows"] == {}


def test_saving_again_without_changes_says_so(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    store.upsert_weeks(strategy.id, [WeekMetrics(platform="facebook", week=WEEK, followers=810)])
    at = save(open_log(strategy.id))
    assert "Nothing changed: these figures were already saved." in shown(at)


def test_nothing_entered_nothing_saved(store: Store, data_dir: Path) -> None:
    strategy = store.save(bakery("2026-Q4"))
    before = file_bytes(data_dir, strategy)
    at = save(open_log(strategy.id))
    assert "Nothing to save: enter at least one figure." in shown(at)
    assert file_bytes(data_dir, strategy) == before


def test_negative_value_is_named_and_nothing_is_stored(store: Store, data_dir: Path) -> None:
    strategy = store.save(bakery("2026-Q4"))
    before = file_bytes(data_dir, strategy)
    at = edit(open_log(strategy.id), {0: {"followers": 810}, 1: {"posts": -3}})
    assert "Instagram, Posts: -3 is negative. Enter 0 or more" in shown(at)  # shown while typing
    save(at)
    no_exception(at)
    assert "Nothing was saved: fix the values listed below first." in shown(at)
    assert len(at.error) == 1  # one red box: the outcome heads the list of what to fix
    assert "Instagram, Posts: -3 is negative" in at.error[0].value.replace("\\", "")
    assert file_bytes(data_dir, strategy) == before
    assert store.weeks(strategy.id) == []
    # fixed: now both rows are saved
    save(edit(at, {0: {"followers": 810}, 1: {"posts": 3}}))
    assert "2 platforms saved: 2 new." in shown(at)


def test_more_answered_than_received_is_refused(store: Store, data_dir: Path) -> None:
    strategy = store.save(bakery("2026-Q4"))
    before = file_bytes(data_dir, strategy)
    at = open_log(strategy.id)
    at.toggle(key="log.all").set_value(True).run()
    assert "messages_answered" in at.data_editor[0].proto.column_order
    save(edit(at, {0: {"messages_received": 2, "messages_answered": 5}}))
    assert "Facebook: 5 messages answered but only 2 received." in shown(at)
    assert file_bytes(data_dir, strategy) == before


def test_show_all_fields_toggles_the_columns_and_keeps_edits(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_log(strategy.id)
    assert list(at.data_editor[0].proto.column_order) == [
        "platform",
        "followers",
        "posts",
        "reactions",
        "comments",
        "shares",
        "saves",
    ]
    edit(at, {0: {"followers": 810}})
    at.toggle(key="log.all").set_value(True).run()
    assert len(at.data_editor[0].proto.column_order) == 16
    save(at)
    assert store.weeks(strategy.id)[0].followers == 810


def test_implausible_follower_jump_needs_confirmation(store: Store, data_dir: Path) -> None:
    strategy = store.save(bakery("2026-Q4"))
    store.upsert_weeks(strategy.id, [WeekMetrics(platform="instagram", week="2026-W45", followers=1250)])
    before = file_bytes(data_dir, strategy)
    at = save(edit(open_log(strategy.id), {1: {"followers": 12500}}))
    no_exception(at)
    jump = "Instagram, Followers at week end: 12,500 in 2026-W46, but 1,250 in 2026-W45 (+11,250)"
    assert jump in shown(at)
    assert "Nothing was saved yet" in shown(at)
    assert file_bytes(data_dir, strategy) == before
    confirm = at.button(key="log.confirm")
    assert confirm.label == "Yes, these figures are right"
    confirm.click().run()
    no_exception(at)
    assert "1 platform saved: 1 new." in shown(at)
    assert [(r.week, r.followers) for r in store.weeks(strategy.id)] == [("2026-W45", 1250), (WEEK, 12500)]
    assert not [b for b in at.button if b.key == "log.confirm"]


def test_week_from_the_url_and_choosing_a_week_puts_it_in_the_url(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    store.upsert_weeks(strategy.id, [WeekMetrics(platform="facebook", week="2026-W40", followers=777)])
    at = open_log(strategy.id, week="2026-W40")
    no_exception(at)
    assert at.selectbox(key="log.week").value == "2026-W40"
    assert editor_values(at, "followers") == [777, None]
    at.selectbox(key="log.week").select("2026-W44").run()
    no_exception(at)
    assert at.query_params["week"] == "2026-W44"
    assert at.data_editor[0].key == "log.editor.2026-W44.0"
    # an older week than the list holds is added to it; nonsense falls back to the default
    assert open_log(strategy.id, week="2025-W10").selectbox(key="log.week").value == "2025-W10"
    assert open_log(strategy.id, week="soon").selectbox(key="log.week").value == WEEK


def test_no_platforms_yet_links_to_the_platforms_step(store: Store) -> None:
    strategy = store.create("Nieuwe klant")
    at = open_log(strategy.id)
    no_exception(at)
    assert "This strategy has no platforms yet" in shown(at)
    links = [link.proto for link in at.get("page_link") if link.proto.page == "platforms"]
    assert sorted(link.label for link in links) == ["Choose platforms", "Platforms"]  # page and sidebar
    assert all(link.query_string == f"lang=en&s={strategy.id}" for link in links)
    assert not at.data_editor


def test_log_page_in_dutch(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_log(strategy.id, locale="nl-NL")
    no_exception(at)
    assert at.title[0].value == "Weeklogboek"
    assert at.selectbox(key="log.week").options[0] == "2026-W46 · 9–15 nov"
    assert at.button(key="log.save").label == "Week opslaan"
    edit(at, {0: {"followers": 810, "posts": -1}})
    assert "Facebook, Posts: -1 is negatief." in shown(at)
    save(edit(at, {0: {"followers": 810, "posts": 1}}))
    assert "1 platform opgeslagen: 1 nieuw." in shown(at)
    assert "De laatste 8 ingevulde weken" in shown(at)
