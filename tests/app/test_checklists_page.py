"""Checklist page: ticks saved per period, counted tasks, tuning, workload suggestions, exports."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from cmplanner import checklists, i18n, recommend, workload
from cmplanner.demo import bakery
from cmplanner.store import TICKS, Store
from tests.app.helpers import no_exception, open_page, texts

# ISO week 2026-W47 runs from Monday 16 to Sunday 22 November 2026
MONDAY = "2026-11-16"
TUESDAY = "2026-11-17"


def open_on(day: str, sid: str, locale: str = "en-GB") -> AppTest:
    return open_page("pages/6_checklists.py", sid, locale, today=day)


def test_daily_tick_is_fresh_tomorrow_weekly_tick_stays(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_on(MONDAY, strategy.id)
    no_exception(at)
    daily = next(c for c in at.checkbox if "Update the publication calendar" in c.label)
    daily.check().run()
    assert checklists.ticks(store.rows(strategy.id, TICKS), date(2026, 11, 16))[("day.calendar", MONDAY)] == 1
    # the weekly list: tick "Review the overall strategy"
    at.segmented_control(key="cl.period").set_value("week").run()
    weekly = next(c for c in at.checkbox if "Review the overall strategy" in c.label)
    weekly.check().run()
    # reload the same day: both still ticked
    again = open_on(MONDAY, strategy.id)
    assert next(c for c in again.checkbox if "publication calendar" in c.label).value is True
    # tomorrow: the daily one is fresh, the weekly one is still done
    tomorrow = open_on(TUESDAY, strategy.id)
    assert next(c for c in tomorrow.checkbox if "publication calendar" in c.label).value is False
    tomorrow.segmented_control(key="cl.period").set_value("week").run()
    assert next(c for c in tomorrow.checkbox if "Review the overall strategy" in c.label).value is True


def test_counted_task_shows_how_many_are_done(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_on(MONDAY, strategy.id)
    at.segmented_control(key="cl.period").set_value("week").run()
    posts = next(n for n in at.number_input if n.key and n.key.startswith("tick.instagram.post."))
    posts.set_value(2).run()
    no_exception(at)
    assert "3×" in texts(at) and "2 of 3 done" in texts(at)


def test_plan_over_budget_says_by_how_much_and_applying_a_suggestion_makes_it_fit(store: Store) -> None:
    strategy = bakery("2026-Q4")
    assert strategy.profile is not None
    strategy.profile.hours_per_week = 3
    store.save(strategy)
    at = open_on(MONDAY, strategy.id)
    shown = texts(at)
    work = workload.workload(strategy, protect=recommend.recommended(strategy))
    assert work.text("en") in shown and "hours too many" in shown
    assert "€2,000 gross a month" in shown and "cidj.com" in shown
    fitting = next(i for i, s in enumerate(work.suggestions) if s.fits)
    at.button(key=f"apply.{fitting}").click().run()
    no_exception(at)
    assert workload.workload(store.get(strategy.id)).fits


def test_to_do_tab_warns_when_the_plan_does_not_fit(store: Store) -> None:
    strategy = bakery("2026-Q4")
    assert strategy.profile is not None
    strategy.profile.hours_per_week = 3
    store.save(strategy)
    at = open_on(MONDAY, strategy.id)
    hours = i18n.number(workload.plan_hours(strategy), "en", 1)
    todo = at.tabs[0]
    assert any(f"Your plan takes {hours} hours a week but you have 3.0" in w.value for w in todo.warning)
    assert any("Tune & workload" in w.value for w in todo.warning)
    # a plan that fits: no warning on the To do tab
    strategy.profile.hours_per_week = 20
    store.save(strategy)
    assert not open_on(MONDAY, strategy.id).tabs[0].warning


def test_switching_a_task_off_in_the_table_removes_it_from_today(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_on(MONDAY, strategy.id)
    rows = list(checklists.generate(strategy))
    index = next(i for i, item in enumerate(rows) if item.id == "day.competitors")
    at.session_state["cl.editor"] = {
        "edited_rows": {index: {"enabled": False}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    next(b for b in at.button if b.label == "Save changes").click().run()
    no_exception(at)
    assert store.get(strategy.id).checklist.overrides["day.competitors"].enabled is False
    assert not any("competitors" in c.label for c in open_on(MONDAY, strategy.id).checkbox)


def test_own_task_is_added_and_listed(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_on(MONDAY, strategy.id)
    at.text_input(key="cl.add.label").input("Photograph the morning bread")
    next(b for b in at.button if b.label == "Add task").click().run()
    no_exception(at)
    assert [t.label for t in store.get(strategy.id).checklist.custom] == ["Photograph the morning bread"]


def test_checklists_in_dutch(store: Store) -> None:
    strategy = store.save(bakery("2026-Q4"))
    at = open_on(MONDAY, strategy.id, locale="nl-NL")
    assert at.title[0].value == "Checklists"
    assert any("De publicatiekalender bijwerken" in c.label for c in at.checkbox)
