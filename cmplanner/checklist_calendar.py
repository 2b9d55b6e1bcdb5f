"""The checklists as a calendar file (iCalendar) that people can put next to their own appointments.

Every enabled task becomes recurring events laid out like a working week:

- a counted task is that many events (three Instagram posts a week are three events, not one block);
- each event lasts the task's minutes, rounded up to ``SLOT`` minutes, and starts on a ``SLOT`` grid;
- daily tasks come first, from ``DAY_START`` (09:00), one after the other, every working day;
- weekly tasks follow them on their own weekday, a task's events spread over the week and each task
  starting on the least busy day;
- monthly tasks take the first, second, … working day of the month and quarterly tasks the last, second
  to last, … working day of the quarter's last month (March, June, September, December: evaluate at the
  end), after the busiest day's weekly tasks;
- working days are Monday to Friday unless ``weekends`` is set (then daily means every day).

So no two events of one day overlap. A plan whose tasks of one day do not fit between 09:00 and midnight
cannot be laid out that way: :func:`schedule` raises :class:`DayTooFull` (the page says which day and by how
much) rather than let events run into the next day. Each event starts on its first due day on or after ``start`` and
repeats with an RRULE; times are floating local time. UIDs are ``<scope>.<task id>.<n>@cmplanner`` (pass
the strategy id as ``scope``), so importing the file again updates the events instead of duplicating them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from cmplanner import i18n
from cmplanner.checklist_items import ChecklistItem, cadence_label, platform_name, prepublish

DAY_START = 9 * 60
"""Minutes after midnight the working day starts."""
SLOT = 5
"""Events start and last a whole number of these minutes."""
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
QUARTER_END_MONTHS = (3, 6, 9, 12)
DAY_END = 24 * 60


class DayTooFull(ValueError):
    """The tasks of one day run past midnight: the plan has to get lighter before it fits a calendar."""

    def __init__(self, minutes: int) -> None:
        super().__init__(f"the tasks of one day need {minutes} minutes from 09:00")
        self.minutes = minutes


@dataclass(frozen=True)
class Slot:
    """One recurring event: a unit of a task, its first start, its length and its recurrence."""

    item: ChecklistItem
    unit: int
    start: datetime
    minutes: int
    rrule: dict[str, Any]


def _length(item: ChecklistItem) -> int:
    return max(SLOT, math.ceil(item.minutes / SLOT) * SLOT)


def _at(day: date, minutes: int) -> datetime:
    return datetime(day.year, day.month, day.day) + timedelta(minutes=minutes)


def _working_days(year: int, month: int, weekends: bool) -> list[date]:
    first = date(year, month, 1)
    days = [first + timedelta(days=i) for i in range(31)]
    return [d for d in days if d.month == month and (weekends or d.weekday() < 5)]


def _month_day(year: int, month: int, position: int, weekends: bool) -> date:
    """The ``position``-th working day of a month (negative: counted from the end)."""
    days = _working_days(year, month, weekends)
    return days[position - 1] if position > 0 else days[position]


def _first_monthly(start: date, position: int, weekends: bool, months: tuple[int, ...] | None) -> date:
    """The first day on or after ``start`` that is the ``position``-th working day of an allowed month."""
    year, month = start.year, start.month
    while True:
        if months is None or month in months:
            day = _month_day(year, month, position, weekends)
            if day >= start:
                return day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _first_weekday(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _by_position(position: int, weekends: bool, interval: int = 1) -> dict[str, Any]:
    rule: dict[str, Any] = {"freq": "monthly"}
    if interval > 1:
        rule["interval"] = interval
    if weekends:
        rule["bymonthday"] = position
    else:
        rule["byday"] = list(WEEKDAYS[:5])
        rule["bysetpos"] = position
    return rule


def schedule(items: Iterable[ChecklistItem], start: date, weekends: bool = False) -> list[Slot]:
    """The events of the module docstring for the enabled tasks, first due on or after ``start``."""
    items = [i for i in items if i.enabled and i.count > 0]
    days = 7 if weekends else 5
    slots: list[Slot] = []

    first_day = start if weekends or start.weekday() < 5 else _first_weekday(start, 0)
    daily_rule: dict[str, Any] = (
        {"freq": "daily"} if weekends else {"freq": "weekly", "byday": list(WEEKDAYS[:5])}
    )
    cursor = DAY_START
    for item in (i for i in items if i.period == "day"):
        for unit in range(item.count):
            slots.append(Slot(item, unit, _at(first_day, cursor), _length(item), daily_rule))
            cursor += _length(item)

    load = [cursor] * days
    for item in (i for i in items if i.period == "week"):
        offset = min(range(days), key=lambda d: (load[d], d))
        chosen = sorted((offset + round(unit * days / item.count)) % days for unit in range(item.count))
        for unit, day in enumerate(chosen):  # numbered in the order of the week
            if load[day] + _length(item) > DAY_END:
                day = min(range(days), key=lambda d: (load[d], d))
            when = _at(_first_weekday(start, day), load[day])
            slots.append(Slot(item, unit, when, _length(item), {"freq": "weekly", "byday": WEEKDAYS[day]}))
            load[day] += _length(item)

    later = max(load)
    limit = 28 if weekends else 20  # working days every month has at least
    monthly = [(i, u) for i in items if i.period == "month" for u in range(i.count)]
    quarterly = [(i, u) for i in items if i.period == "quarter" for u in range(i.count)]
    shared = len(monthly) + len(quarterly) > limit  # positions could meet on one day: one queue for all
    cursors: dict[int, int] = {}
    for n, (item, unit) in enumerate(monthly):
        position = n % limit + 1
        key = 0 if shared else position
        when = _at(_first_monthly(start, position, weekends, None), cursors.get(key, later))
        slots.append(Slot(item, unit, when, _length(item), _by_position(position, weekends)))
        cursors[key] = cursors.get(key, later) + _length(item)
    for n, (item, unit) in enumerate(quarterly):
        position = -(n % limit + 1)
        key = 0 if shared else position
        when = _at(_first_monthly(start, position, weekends, QUARTER_END_MONTHS), cursors.get(key, later))
        slots.append(Slot(item, unit, when, _length(item), _by_position(position, weekends, 3)))
        cursors[key] = cursors.get(key, later) + _length(item)
    # minutes from the day's start (a start past midnight would wrap into the next day, unseen)
    end = max([*load, *cursors.values(), cursor])
    if end > DAY_END:
        raise DayTooFull(end - DAY_START)
    return slots


def _summary(slot: Slot, lang: str) -> str:
    title = replace(slot.item, count=1).title(lang)
    if slot.item.count == 1:
        return title
    return i18n.t("calendar.unit", lang, task=title, n=slot.unit + 1, count=slot.item.count)


def to_ics(
    items: Iterable[ChecklistItem], lang: str, start: date, scope: str = "", weekends: bool = False
) -> bytes:
    """An iCalendar file with the recurring events of :func:`schedule`."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//cmplanner//checklists//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", i18n.t("checklists.calendar_name", lang))
    stamp = datetime.now(UTC).replace(microsecond=0)
    questions = "\n".join(f"- {q}" for q in prepublish(lang))
    for slot in schedule(items, start, weekends):
        item = slot.item
        notes = [cadence_label(item.count, item.period, lang)]
        if item.minutes_assumed:
            notes.append(i18n.t("checklists.assumption", lang))
        if item.posts:
            notes.append(f"{i18n.t('checklists.prepublish', lang)}\n{questions}")
        event = Event()
        event.add("uid", f"{scope + '.' if scope else ''}{item.id}.{slot.unit + 1}@cmplanner")
        event.add("dtstamp", stamp)
        event.add("summary", _summary(slot, lang))
        event.add("description", "\n\n".join(notes))
        event.add("dtstart", slot.start)
        event.add("duration", timedelta(minutes=slot.minutes))
        event.add("rrule", slot.rrule)
        if item.platform:
            event.add("categories", [platform_name(item.platform, lang)])
        cal.add_component(event)
    return cal.to_ical()
