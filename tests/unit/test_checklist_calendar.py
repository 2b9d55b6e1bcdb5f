"""The checklists' calendar file, opened the way a calendar app does: recurrences expanded (cmplanner.checklist_calendar)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest
import recurring_ical_events
from hypothesis import example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from cmplanner.checklist_calendar import DayTooFull, to_ics
from cmplanner.checklist_items import ChecklistSettings, CustomTask, TaskOverride, generate
from cmplanner.models import Platform
from cmplanner.workload import plan_hours
from tests.unit.checklist_plans import X_PIN, strategy

SALON = strategy(("instagram", 3), ("facebook", 2), ("pinterest", 1))
MONDAY = date(2026, 11, 30)


def expand(ics: bytes, start: date, weeks: int = 8) -> list[tuple[str, str, datetime, datetime]]:
    """(uid, summary, start, end) of every occurrence in ``weeks`` weeks from ``start``."""
    cal = Calendar.from_ical(ics)
    end = start + timedelta(weeks=weeks)
    return [
        (str(e["UID"]), str(e["SUMMARY"]), e["DTSTART"].dt, e["DTEND"].dt)
        for e in recurring_ical_events.of(cal).between(start, end)
    ]


def overlaps(events: list[tuple[str, str, datetime, datetime]]) -> list[tuple[str, str]]:
    by_day: dict[date, list[tuple[datetime, datetime, str]]] = defaultdict(list)
    for uid, _, begin, end in events:
        by_day[begin.date()].append((begin, end, uid))
    found = []
    for day in by_day.values():
        day.sort()
        found += [(a[2], b[2]) for a, b in zip(day, day[1:], strict=False) if b[0] < a[1]]
    return found


def test_eight_weeks_on_weekdays_without_overlap_from_nine() -> None:
    events = expand(to_ics(generate(SALON), "en", MONDAY, scope="s1"), MONDAY)
    assert events
    assert overlaps(events) == []
    assert {begin.weekday() for _, _, begin, _ in events} <= {0, 1, 2, 3, 4}  # no Saturday or Sunday
    assert min(begin.time() for _, _, begin, _ in events).hour == 9
    # the daily routines every working day: 8 weeks × 5 days
    assert sum(uid == "s1.day.messages.1@cmplanner" for uid, *_ in events) == 40


def test_counted_tasks_are_separate_events_on_their_own_weekdays() -> None:
    events = expand(to_ics(generate(SALON), "en", MONDAY, scope="s1"), MONDAY, weeks=1)
    posts = sorted((begin, summary) for uid, summary, begin, _ in events if ".instagram.post." in uid)
    assert [summary.rsplit(" (", 1)[1] for _, summary in posts] == ["1 of 3)", "2 of 3)", "3 of 3)"]
    assert all(summary.startswith("Instagram: ") for _, summary in posts)
    assert len({begin.date() for begin, _ in posts}) == 3  # spread over the week
    assert all(
        end - begin == timedelta(minutes=30) for uid, _, begin, end in events if ".instagram.post." in uid
    )


def test_each_task_starts_on_its_first_due_day() -> None:
    wednesday = date(2026, 12, 2)
    cal = Calendar.from_ical(to_ics(generate(SALON), "en", wednesday))
    starts = {str(e["UID"]).removesuffix("@cmplanner"): e.decoded("DTSTART") for e in cal.walk("VEVENT")}
    assert starts["day.messages.1"] == datetime(2026, 12, 2, 9, 0)
    assert all(begin.date() >= wednesday for begin in starts.values())
    # monthly: the first working day of the next month (1 December has passed); quarterly: the last working
    # day of the quarter (Thursday 31 December)
    assert starts["month.analyse.1"].date() == date(2027, 1, 1)
    assert starts["quarter.kpis.1"].date() == date(2026, 12, 31)
    # an own task that starts on a Saturday begins the next Monday
    saturday = date(2026, 12, 5)
    cal = Calendar.from_ical(to_ics(generate(SALON), "en", saturday))
    assert min(e.decoded("DTSTART").date() for e in cal.walk("VEVENT")) == date(2026, 12, 7)


def test_a_plan_beyond_a_day_is_refused_not_spilled_into_the_night() -> None:
    with pytest.raises(DayTooFull):
        to_ics(generate(strategy(("youtube", 30), ("tiktok", 21))), "en", MONDAY)


def test_weekends_when_asked() -> None:
    events = expand(to_ics(generate(SALON), "nl", MONDAY, weekends=True), MONDAY, weeks=2)
    assert {begin.weekday() for _, _, begin, _ in events} >= {5, 6}
    assert overlaps(events) == []
    assert sum(uid == "day.messages.1@cmplanner" for uid, *_ in events) == 14


def test_switched_off_tasks_stay_out_and_uids_are_stable() -> None:
    settings_ = ChecklistSettings(
        overrides={"x.repost": TaskOverride(enabled=False)},
        custom=[CustomTask(id="custom.a", label="Nieuwsbrief", period="month")],
    )
    items = generate(X_PIN, settings_)
    first = Calendar.from_ical(to_ics(items, "en", MONDAY, scope="s1")).walk("VEVENT")
    uids = [str(e["UID"]) for e in first]
    assert len(uids) == len(set(uids))
    assert not any(".x.repost." in uid for uid in uids)
    assert "s1.custom.a.1@cmplanner" in uids
    post = next(e for e in first if str(e["UID"]) == "s1.x.post.1@cmplanner")
    assert "What is the goal of this post?" in str(post["DESCRIPTION"])
    again = Calendar.from_ical(to_ics(items, "en", MONDAY, scope="s1")).walk("VEVENT")
    assert [str(e["UID"]) for e in again] == uids


plans = st.lists(
    st.tuples(st.sampled_from([p.value for p in Platform]), st.integers(0, 21)),
    max_size=4,
    unique_by=lambda plan: plan[0],
)


@settings(max_examples=20, deadline=None)
@given(plans=plans, start=st.dates(date(2026, 1, 1), date(2027, 12, 31)), weekends=st.booleans())
@example(
    plans=[("tiktok", 6), ("youtube", 17), ("x", 0)], start=date(2026, 2, 6), weekends=False
)  # ran past 24:00
def test_no_two_events_of_one_day_overlap(plans: list[tuple[str, int]], start: date, weekends: bool) -> None:
    items = generate(strategy(*plans))
    try:
        ics = to_ics(items, "en", start, weekends=weekends)
    except DayTooFull:  # only a plan far beyond a working week (e.g. 16 YouTube videos a week)
        assert plan_hours(strategy(*plans)) > 40
        return
    events = expand(ics, start, weeks=8)
    assert overlaps(events) == []
    if not weekends:
        assert all(begin.weekday() < 5 for _, _, begin, _ in events)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_calendar_name_in_the_language(lang: str) -> None:
    cal = Calendar.from_ical(to_ics(generate(SALON), lang, MONDAY))
    assert ("taken" in str(cal["X-WR-CALNAME"])) == (lang == "nl")
