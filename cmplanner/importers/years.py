"""Years for days written without one (TikTok's ``September 25``, ``8 de marzo``), never guessed from row order.

What settles a year, in this order: a date range in the file name (``..._2025-09-01_2025-09-30.csv``); ids that
encode time (a TikTok video id's upper 32 bits are its Unix time), for the rows that carry one and, as the span
they cover, for the other tables of the upload; the export date (given, or a zip member's time), each day being
placed on the latest date not after it; the year the user gives for the file's last day. When none is known the
upload is ambiguous and :class:`Unsettled` says so; a day none of the clues allows is skipped, never moved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np

_EPOCH = date(1970, 1, 1).toordinal()
_DAY = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
ID_SLACK = 2
"""Days a written date may differ from its id's time (the id is UTC, the date the account's own)."""
RANGE_SLACK = 1
"""Days a date may lie outside the range in the file name (time zones again)."""


class Unsettled(Exception):
    """No clue settles the year of a table's days: the user must say (the year of the last day, or the
    export date)."""

    def __init__(self, first: tuple[int, int], last: tuple[int, int]) -> None:
        super().__init__("no year")
        self.first, self.last = first, last


@dataclass(frozen=True)
class Clues:
    """What an upload says about when its days are."""

    today: date
    """Nothing is after this day (the import date)."""
    exported_on: date | None = None
    """The export date the user gave, or the file's time when read from disk."""
    year: int | None = None
    """The year of the last day of each table without years, as the user gave it."""
    names: tuple[str, ...] = ()
    """The upload's file name and, for a zip, its member's name."""
    anchors: tuple[date, ...] = field(default=())
    """Days the upload's ids settle (TikTok videos), for tables whose rows have no id."""


def name_range(names: Sequence[str]) -> tuple[date, date] | None:
    """The first pair of dates in a file name, in order: ``account_analytics_content_2025-01-01_2025-01-31``."""
    for name in names:
        found = []
        for m in _DAY.finditer(name):
            try:
                found.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                continue
        if len(found) >= 2 and found[0] <= found[1] and (found[1] - found[0]).days <= 800:
            return found[0], found[1]
    return None


def id_days(ids: Sequence[str | None]) -> np.ndarray:
    """For each TikTok video id, its day (days since 1970-01-01, UTC), or -1 when it is not such an id."""
    out = np.full(len(ids), -1, dtype=np.int64)
    low = datetime(2016, 1, 1, tzinfo=UTC).timestamp()
    for i, text in enumerate(ids):
        if text and text.isdigit() and 15 <= len(text) <= 20:
            seconds = int(text) >> 32
            if low <= seconds <= datetime.now(UTC).timestamp() + 86400:
                out[i] = seconds // 86400
    return out


def _candidates(month: int, dom: int, years: range) -> list[date]:
    found = []
    for year in years:
        try:
            found.append(date(year, month, dom))
        except ValueError:  # 29 February
            continue
    return found


def _latest_on_or_before(month: int, dom: int, end: date) -> date | None:
    found = [d for d in _candidates(month, dom, range(end.year - 4, end.year + 1)) if d <= end]
    return max(found, default=None)


def circular_span(pairs: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The first and last day of a set of year-less days, wherever they lie in the file: the calendar's largest
    gap between them is taken as the gap between the end and the start (across New Year too). None when the days
    fill the year so evenly that no single largest gap exists."""
    ordered = sorted(set(pairs), key=_yday)
    if len(ordered) == 1:
        return ordered[0], ordered[0]
    days = [_yday(p) for p in ordered]
    gaps = [(days[(i + 1) % len(days)] - days[i]) % 366 for i in range(len(days))]
    widest = max(gaps)
    if gaps.count(widest) > 1:
        return None
    end = gaps.index(widest)
    return ordered[(end + 1) % len(ordered)], ordered[end]


def _yday(pair: tuple[int, int]) -> int:
    return date(2000, *pair).timetuple().tm_yday


@dataclass
class Placement:
    """Each row's day (days since 1970-01-01; -1: could not be placed) and, per unplaced row, why."""

    day: np.ndarray
    reason: dict[int, tuple[str, dict[str, str]]]
    how: str
    """Which clue settled it: ``name``, ``ids``, ``anchors``, ``export``, ``year``."""


def place(
    month: np.ndarray,
    dom: np.ndarray,
    ids: np.ndarray,
    clues: Clues,
    made: date | None,
    names: Sequence[str],
) -> Placement:
    """Days for the rows of one table that have a month and day but no year (``month > 0``).

    ``ids``: each row's day from its id (-1: none); ``made``: the table's own export time (a zip member);
    ``names``: the table's file names. Raises :class:`Unsettled` when nothing settles the rows without ids.
    """
    out = np.full(len(month), -1, dtype=np.int64)
    reason: dict[int, tuple[str, dict[str, str]]] = {}
    rows = np.flatnonzero(month > 0)
    by_id = rows[ids[rows] >= 0]
    for i in by_id:
        when = date.fromordinal(int(ids[i]) + _EPOCH)
        near = [d for d in _candidates(int(month[i]), int(dom[i]), range(when.year - 1, when.year + 2))]
        best = min(near, key=lambda d: abs((d - when).days), default=None)
        if best is not None and abs((best - when).days) <= ID_SLACK:
            out[i] = best.toordinal() - _EPOCH
        else:
            reason[int(i)] = ("import.skip.id_date", {"day": when.isoformat()})
    rest = rows[ids[rows] < 0]
    how = "ids"
    if len(rest):
        pairs = sorted({(int(month[i]), int(dom[i])) for i in rest})
        rule, table = _rule(pairs, clues, made, names)
        how = rule
        for i in rest:
            placed, why = table[(int(month[i]), int(dom[i]))]
            if placed is None:
                reason[int(i)] = why
            elif placed > clues.today:
                reason[int(i)] = ("import.skip.after_today", {"day": placed.isoformat()})
            else:
                out[i] = placed.toordinal() - _EPOCH
    return Placement(out, reason, how)


Table = dict[tuple[int, int], tuple[date | None, tuple[str, dict[str, str]]]]


def _rule(
    pairs: list[tuple[int, int]], clues: Clues, made: date | None, names: Sequence[str]
) -> tuple[str, Table]:
    """Which clue places these days, and where it places each."""
    none: tuple[str, dict[str, str]] = ("", {})
    span = name_range([*names, *clues.names])
    if span:
        start, end = span[0] - timedelta(days=RANGE_SLACK), span[1] + timedelta(days=RANGE_SLACK)
        table: Table = {}
        for pair in pairs:
            inside = [d for d in _candidates(*pair, range(start.year, end.year + 1)) if start <= d <= end]
            why = ("import.skip.outside_range", {"first": span[0].isoformat(), "last": span[1].isoformat()})
            table[pair] = (inside[0], none) if inside else (None, why)
        return "name", table
    if clues.anchors:
        low, high = min(clues.anchors), max(clues.anchors)
        table = {}
        for pair in pairs:
            options = _candidates(*pair, range(low.year - 1, high.year + 2))
            table[pair] = (min(options, key=lambda d: _distance(d, low, high)), none)
        return "anchors", table
    export = _export_day(pairs, clues, made)
    if export is None:
        raise Unsettled(*(circular_span(pairs) or (pairs[0], pairs[-1])))
    bounds = circular_span(pairs)
    end = export
    if bounds is not None:  # the file's last day on or before the export, the rest in the year up to it
        end = _latest_on_or_before(*bounds[1], export) or export
    table = {pair: (_latest_on_or_before(*pair, end), none) for pair in pairs}
    return ("year" if clues.year is not None and clues.exported_on is None else "export"), table


def _export_day(pairs: list[tuple[int, int]], clues: Clues, made: date | None) -> date | None:
    """The day no row can be after: the export date given, a zip member's time, or the last day in the year given."""
    for known in (clues.exported_on, made):
        if known is not None and known <= clues.today:
            return known
    if clues.year is None:
        return None
    bounds = circular_span(pairs)
    if bounds is None:
        return None
    last = bounds[1]
    try:
        return date(clues.year, *last)
    except ValueError:  # 29 February in a year without one
        return date(clues.year, 2, 28)


def _distance(day: date, low: date, high: date) -> int:
    if day < low:
        return (low - day).days
    return max((day - high).days, 0)
