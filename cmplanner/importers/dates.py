"""Dates as exports write them: ISO, ``03/27/2026 06:08``, ``12/31/15``, ``Mon, Jan 6, 2025``, ``Oct 5, 2021``,
``2015-09-30 18:42 +0000``, ``2026-W05``, and year-less ``September 25`` / ``25 de setembro`` (TikTok).

A year-less day is returned as ``(month, day)``; :func:`resolve_years` places a file's year-less days in time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

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


_HEAD_RE2 = (
    r"^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})"
    r"|\d{1,2}-\d{1,2}-(?:\d{4}|\d{2}))[ T,].*$"
)
_TIME_RE2 = r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?:[.,]\d+)?\s*(?P<p>[AaPp])?"
_EPOCH = date(1970, 1, 1).toordinal()
EARLIEST, LATEST = date(1900, 1, 1), date(2200, 1, 1)
"""Days outside these are read as broken cells (an ISO week needs a four-digit year, and no export goes back
further)."""


@dataclass
class Column:
    """A column of cells as days: ``day`` (days since 1970-01-01, or -1 when the cell holds no full date),
    ``month``/``dom`` for a day without a year (else 0), ``seconds`` the time of day written with it (0 when
    none), ``empty`` cells, and ``bad`` cells that are no day."""

    day: np.ndarray
    month: np.ndarray
    dom: np.ndarray
    seconds: np.ndarray
    empty: np.ndarray
    bad: np.ndarray


def parse_array(cells: pa.Array, order: Order, serial: bool = False, times: bool = False) -> Column:
    """:func:`parse_day` for a whole column, once per distinct day (``03/27/2026 06:08`` and ``03/27/2026 09:00``
    are one parse); ``times`` also reads the time of day of every cell (Arrow's regex kernel)."""
    texts = pc.utf8_trim_whitespace(cells)
    fast = _formatted(texts, order, serial)
    if fast is not None:
        return fast
    parts = pc.replace_substring_regex(texts, _HEAD_RE2, r"\1")
    coded = pc.dictionary_encode(parts)
    found: list[Day | None | type[ValueError]] = []
    for text in coded.dictionary.to_pylist():
        read: Day | None | type[ValueError]
        try:
            read = parse_day(text, order, serial) if text else None
        except ValueError:
            read = ValueError
        if isinstance(read, date) and not EARLIEST <= read < LATEST:
            read = ValueError  # year 1 or 9999: a broken cell, no day an export can hold
        found.append(read)
    picked = coded.indices.to_numpy(zero_copy_only=False)
    day = np.array([d.toordinal() - _EPOCH if isinstance(d, date) else -1 for d in found], dtype=np.int64)
    month = np.array([d[0] if isinstance(d, tuple) else 0 for d in found], dtype=np.int64)
    dom = np.array([d[1] if isinstance(d, tuple) else 0 for d in found], dtype=np.int64)
    bad = np.array([d is ValueError for d in found], dtype=bool)
    empty = np.array([d is None for d in found], dtype=bool)
    seconds = np.zeros(len(texts), dtype=np.int64)
    if times and len(texts):
        seconds = _seconds(texts)
    return Column(day[picked], month[picked], dom[picked], seconds, empty[picked], bad[picked])


_FORMATS = {
    "mdy": ("%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y"),
    "dmy": ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d.%m.%Y %H:%M"),
    "iso": ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S",
            "%Y/%m/%d"),
}  # fmt: skip
FAST_SAMPLE = 50
_PLAUSIBLE = (
    (date(1990, 1, 1).toordinal() - _EPOCH) * 86400,
    (date(2101, 1, 1).toordinal() - _EPOCH) * 86400,
)
"""Seconds since 1970 of the days a fast-read date may fall on; anything else is read the general way."""


def _formatted(texts: pa.Array, order: Order, serial: bool) -> Column | None:
    """The whole column in one format, parsed by Arrow, when a sample shows that format reads each cell as
    :func:`parse_day` does; None otherwise (then every distinct day is parsed on its own)."""
    if serial or not len(texts):
        return None
    empty = np.asarray(pc.equal(texts, ""), dtype=bool)
    sample = pc.filter(texts, pa.array(~empty)).slice(0, FAST_SAMPLE)
    if not len(sample):
        return None
    for fmt in (*_FORMATS[order], *_FORMATS["iso"]):
        found = pc.strptime(sample, format=fmt, unit="s", error_is_null=True)
        if found.null_count or not _agrees(sample.to_pylist(), found, order):
            continue
        moments = pc.strptime(texts, format=fmt, unit="s", error_is_null=True)
        seconds = pc.fill_null(pc.cast(moments, pa.int64()), 0).to_numpy(zero_copy_only=False)
        read = (
            np.asarray(moments.is_valid(), dtype=bool)
            & (seconds >= _PLAUSIBLE[0])
            & (seconds < _PLAUSIBLE[1])
        )
        if not (read | empty).all():
            return None  # some cells in another form: the general way reads them all
        day = np.where(read, seconds // 86400, -1)
        zero = np.zeros(len(texts), dtype=np.int64)
        return Column(day, zero, zero, np.where(read, seconds % 86400, 0), empty, zero.astype(bool))
    return None


def _agrees(texts: list[str], found: pa.Array, order: Order) -> bool:
    """Whether Arrow's reading of these cells gives the days :func:`parse_day` gives (and plausible years)."""
    seconds = pc.cast(found, pa.int64()).to_pylist()
    for text, moment in zip(texts, seconds, strict=True):
        if moment is None or not _PLAUSIBLE[0] <= moment < _PLAUSIBLE[1]:
            return False
        try:
            if parse_day(day_part(text), order) != date.fromordinal(moment // 86400 + _EPOCH):
                return False
        except ValueError:
            return False
    return True


def _seconds(texts: pa.Array) -> np.ndarray:
    found = pc.extract_regex(texts, _TIME_RE2)
    valid = np.asarray(found.is_valid(), dtype=bool)

    def part(name: str) -> np.ndarray:
        values = pc.fill_null(pc.struct_field(found, name), "0")
        values = pc.if_else(pc.equal(values, ""), "0", values)
        return pc.cast(values, pa.int64()).to_numpy(zero_copy_only=False)

    hours, minutes, secs = part("h"), part("m"), part("s")
    marker = pc.fill_null(pc.utf8_lower(pc.struct_field(found, "p")), "").to_numpy(zero_copy_only=False)
    hours = np.where(
        (marker == "p") & (hours < 12), hours + 12, np.where((marker == "a") & (hours == 12), 0, hours)
    )
    fine = valid & (hours < 24) & (minutes < 60) & (secs < 60)
    return np.where(fine, hours * 3600 + minutes * 60 + secs, 0)
