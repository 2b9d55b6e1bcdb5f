"""Pages never overwrite another window's change, survive damaged data next to good data, and say a disk fault in one
line: the user-visible side of the store's versioned edits."""

from __future__ import annotations

import errno
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from cmplanner import demo
from cmplanner.models import Strategy
from cmplanner.store import Store, files
from tests.app.helpers import no_exception, open_page, texts
from tests.app.test_log_page import edit, save
from tests.unit.test_store_edits import broken_workspace

DAY = "2026-11-18"


@pytest.fixture
def bakery(store: Store) -> Strategy:
    return demo.write_demo(store, date(2026, 11, 18))[0]


def click(at: AppTest, label: str) -> AppTest:
    return next(b for b in at.button if b.label == label).click().run()


def go(at: AppTest, script: str) -> AppTest:
    at.switch_page(script)
    at.run()
    at._page_hash = ""
    return at


def test_goals_accepted_in_the_quarterly_review_survive_a_walk_through_goals(
    bakery: Strategy, store: Store
) -> None:
    at = open_page("pages/3_goals.py", bakery.id, today=DAY)
    at.text_input(key=f"w.goal.{bakery.goals[0].id}.note").input("Typed, not saved").run()
    assert len(store.draft(bakery.id).values["w.goals"]) == 4  # the walk's draft holds the 4 goals
    at = go(at, "pages/12_quarter.py")
    at = at.button(key="rv.accept").click().run()
    no_exception(at)
    assert len(store.get(bakery.id).goals) == 8  # 4 accepted for next quarter

    at = go(at, "pages/3_goals.py")  # back in the walk: it starts from the stored strategy and says so
    no_exception(at)
    assert "The strategy was changed after this walk was last saved (the goals" in texts(at)
    at = click(at, "Next")
    no_exception(at)
    at = click(at, "Save strategy")
    no_exception(at)
    assert len(store.get(bakery.id).goals) == 8


def test_a_second_window_saving_the_same_goals_is_refused_and_the_first_edit_kept(
    bakery: Strategy, store: Store
) -> None:
    first = open_page("pages/3_goals.py", bakery.id, today=DAY)
    second = open_page("pages/3_goals.py", bakery.id, today=DAY)
    goal = bakery.goals[0].id
    first.number_input(key=f"w.goal.{goal}.target").set_value(2222).run()
    first = click(first, "Next")
    no_exception(first)
    assert store.get(bakery.id).goals[0].target == 2222

    second.text_input(key=f"w.goal.{goal}.note").input("Mijn notitie").run()
    second = click(second, "Next")
    no_exception(second)
    shown = texts(second)
    assert "This strategy was changed in another window at" in shown and "Your change was not saved" in shown
    assert store.get(bakery.id).goals[0].target == 2222  # the first window's edit is kept
    second = click(second, "Reload")
    assert second.number_input(key=f"w.goal.{goal}.target").value == 2222


def test_damaged_strategies_are_listed_with_their_problem_and_the_others_work(store: Store) -> None:
    ids = broken_workspace(store)
    at = open_page("app.py")
    no_exception(at)
    shown = texts(at).replace("\\", "")  # user text is escaped for Markdown
    for name in ("Alpha", "Bravo", "Charlie"):
        assert f"#### {name}" in shown
    assert "followers: Input should be greater than or equal to 0" in shown
    assert "not a record but int" in shown and "data version 0" in shown
    tracker = open_page("pages/9_tracker.py", ids["Alpha"], today=DAY)
    no_exception(tracker)
    assert "Kapper" not in [e.value for e in tracker.error]
    assert tracker.title[0].value == "Tracker"
    broken = open_page("pages/9_tracker.py", ids["Minus"], today=DAY)
    no_exception(broken)
    assert "is damaged" in " ".join(e.value for e in broken.error)


def test_a_full_disk_while_saving_the_weekly_log_is_a_message_not_an_exception(
    bakery: Strategy, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store.path(bakery.id).read_bytes()
    at = edit(open_page("pages/7_log.py", bakery.id, today=DAY), {0: {"posts": 5}})

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    at = save(at)
    no_exception(at)
    assert "Nothing was saved: the disk that holds" in texts(at)
    assert store.path(bakery.id).read_bytes() == before
