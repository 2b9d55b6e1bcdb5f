"""Dates as exports write them: ISO, ``03/27/2026 06:08``, ``12/31/15``, ``Mon, Jan 6, 2025``, ``Oct 5, 2021``,
``2015-09-30 18:42 +0000``, ``2026-W05``, and year-less ``September 25`` / ``25 de setembro`` (TikTok).

A year-less day is returned as ``(month, day)``; :func:`resolve_years` places a file's year-less days in time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Literal

from cmplanner.importers import aliases

Day = date | tuple[int, int]
"""A date, or ``(month, day)`` when the text has no year."""
Order = Literal["mdy", "dmy"]

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[T ,].*)?")
_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE)
_CJK = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日.*")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_HEAD = re.compile(r"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}([/.-])\d{1,2}\2(?:\d{4}|\d{2}))[ T]")
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?::\d+)*")
_EXCEL_EPOCH = date(1899, 12, 30)


def infer_order(texts: Iterable[str], default: Order) -> Order:
    """Whether ``a/b/yyyy`` dates in a column are month-first or day-first: a part above 12 decides."""
    for text in texts:
        m = _NUMERIC.fullmatch(text.strip())
        if m:
            if int(m.group(1)) > 12:
                return "dmy"
            if int(m.group(3)) > 12:
                return "mdy"
    return default


def default_order(texts: Iterable[str]) -> Order:
    """For a column of unknown origin: ``/`` dates are read month-first (US exports), ``-`` and ``.`` day-first."""
    for text in texts:
        m = _NUMERIC.fullmatch(text.strip())
        if m:
            return "mdy" if m.group(2) == "/" else "dmy"
    return "mdy"


def day_part(text: str) -> str:
    """``"03/27/2026 06:08"`` → ``"03/27/2026"``: the part that decides the day, when a time follows a numeric date."""
    m = _HEAD.match(text)
    return m.group(1) if m else text


def parse_day(text: str, order: Order = "mdy", serial: bool = False) -> Day:
    """One cell as a day; ValueError if it is not one. ``serial`` accepts Excel day numbers (workbooks)."""
    s = text.strip()
    m = _ISO.fullmatch(s)
    if m:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC.fullmatch(s)
    if m:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        year += 2000 if year < 100 else 0
        month, day = (a, b) if order == "mdy" else (b, a)
        return date(year, month, day)
    m = _WEEK.fullmatch(s)
    if m:
        return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    m = _CJK.fullmatch(s)
    if m:
        if m.group(1):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _month_day(int(m.group(2)), int(m.group(3)))
    if serial and _SERIAL.fullmatch(s):
        return _EXCEL_EPOCH + timedelta(days=int(float(s)))
    return _named(s)


def _named(text: str) -> Day:
    """``Mon, Jan 6, 2025``, ``6 januari 2025``, ``September 25``, ``25 de setembro``."""
    month = None
    day = year = None
    names = aliases.months()
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            if ":" in token:
                continue
            if len(token) == 4 and year is None:
                year = int(token)
            elif len(token) <= 2 and day is None:
                day = int(token)
        else:
            found = names.get(aliases.norm(token))
            if found is not None:
                month = found  # the last month word: a weekday such as Spanish "mar." comes first
    if month is None or day is None:
        raise ValueError(text)
    if year is None:
        return _month_day(month, day)
    return date(year, month, day)


def _month_day(month: int, day: int) -> tuple[int, int]:
    date(2000, month, day)  # raises for 31 April; 2000 is a leap year, so 29 February passes
    return (month, day)


def resolve_years(days: Sequence[tuple[int, int]], reference: date) -> list[date]:
    """Years for a file's year-less days, in file order (ascending or descending, across New Year too).

    Consecutive rows are assumed to lie less than half a year apart; the latest day is placed on or before
    ``reference`` (the export or import date), as late as possible.
    """
    if not days:
        return []

    def ordinal(md: tuple[int, int]) -> int:
        return date(2000, *md).timetuple().tm_yday

    offsets = [0]
    for previous, current in zip(days, days[1:], strict=False):
        step = ordinal(current) - ordinal(previous)
        offsets.append(offsets[-1] + (1 if step < -183 else -1 if step > 183 else 0))
    top = max(range(len(days)), key=lambda i: (offsets[i], ordinal(days[i])))
    base = reference.year - offsets[top]
    if (days[top][0], days[top][1]) > (reference.month, reference.day):
        base -= 1
    for year in range(base, base - 8, -1):  # 29 February needs a leap year
        try:
            return [
                date(year + offset, month, day) for offset, (month, day) in zip(offsets, days, strict=True)
            ]
        except ValueError:
            continue
    raise ValueError("no year fits these days")
