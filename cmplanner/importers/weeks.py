"""Daily records → ISO-week figures per platform: flows summed (a response time averaged), followers as the
week-end stock, or as a baseline plus the running sum of daily follower changes. Posts are counted elsewhere
(``cmplanner.posts.weeks_from_posts``); this module also takes the other figures a generic post file maps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from cmplanner import periods
from cmplanner.importers.problems import ImportProblem
from cmplanner.importers.records import NET_FIELDS, Stream
from cmplanner.importers.spec import FOLLOWER_CHANGE
from cmplanner.models import Platform

STOCK = "followers"
MEAN_FIELDS = frozenset({"response_time_hours"})
EPOCH = date(1970, 1, 1)
Figures = dict[str, float]
Key = tuple[Platform, str]


@dataclass
class Weekly:
    """Figures per platform and ISO week (fields not given left out), and what the preview needs to know."""

    weeks: dict[Key, Figures] = field(default_factory=dict)
    needs_baseline: list[Platform] = field(default_factory=list)
    date_range: tuple[date, date] | None = None
    notes: list[str] = field(default_factory=list)


def day_of(value: int) -> date:
    return EPOCH + timedelta(days=int(value))


def week_keys(days: np.ndarray) -> np.ndarray:
    """The ISO week key of each day (days since 1970-01-01), computed once per distinct day."""
    if not len(days):
        return np.array([], dtype=object)
    uniques, inverse = np.unique(days, return_inverse=True)
    keys = np.array([periods.week_key(day_of(d)) for d in uniques], dtype=object)
    return keys[inverse]


def _sunday(week: str) -> date:
    return periods.week_monday(week) + timedelta(days=6)


@dataclass
class _Flows:
    table: pd.DataFrame
    stock: pd.Series
    changes: pd.Series


def _flows(stream: Stream) -> _Flows:
    """One stream's figures per week, its follower stock per week (latest day) and its changes per day."""
    frame = stream.frame
    covered = [f for f in stream.fields if f not in (STOCK, FOLLOWER_CHANGE)]
    sums = [f for f in covered if f not in MEAN_FIELDS]
    means = [f for f in covered if f in MEAN_FIELDS]
    days = frame["day"].to_numpy(dtype=np.int64)
    weeks = week_keys(days)
    zero = stream.shape.empty_is_zero
    grouped = frame.groupby(weeks)
    table = grouped[sums].sum(min_count=0 if zero else 1) if sums else pd.DataFrame(index=np.unique(weeks))
    if means:
        table[means] = grouped[means].mean()
    if len(days) and zero and stream.shape.zero_days_omitted:
        table = table.reindex(periods.week_span(day_of(days.min()), day_of(days.max())))
        table[sums] = table[sums].fillna(0.0)
    stock = pd.Series(dtype=float)
    if STOCK in frame:
        known = frame[frame[STOCK].notna()].assign(week=weeks[frame[STOCK].notna().to_numpy()])
        stock = known.sort_values("day", kind="stable").groupby("week")[STOCK].last()
    changes = pd.Series(dtype=float)
    if FOLLOWER_CHANGE in frame:
        changes = frame.groupby("day")[FOLLOWER_CHANGE].sum(min_count=1).dropna()
    return _Flows(table, stock, changes)


def combine(
    streams: Sequence[tuple[Stream, Platform]],
    baselines: Mapping[Platform, int],
    followers_at: Mapping[Platform, tuple[str, int]],
) -> Weekly:
    """The weekly figures of an upload's daily streams; where two give the same field, the higher priority wins
    (the later one among equals). A week whose net change comes out below zero is 0, with a note."""
    result = Weekly()
    stock: dict[Key, float] = {}
    changes: dict[Platform, pd.Series] = {}
    all_days: list[int] = []
    for stream, platform in sorted(streams, key=lambda item: item[0].shape.priority):
        flows = _flows(stream)
        for week, row in flows.table.iterrows():
            figures = {k: float(v) for k, v in row.items() if v == v}
            result.weeks.setdefault((platform, str(week)), {}).update(figures)
        stock.update({(platform, str(w)): float(v) for w, v in flows.stock.items()})
        if len(flows.changes):
            changes[platform] = flows.changes.add(changes.get(platform, pd.Series(dtype=float)), fill_value=0)
        days = stream.frame["day"].to_numpy()
        all_days += [int(days.min()), int(days.max())] if len(days) else []
        notes(result.notes, stream)
    if all_days:
        result.date_range = (day_of(min(all_days)), day_of(max(all_days)))
    _clamp(result)
    for (platform, week), value in stock.items():
        result.weeks.setdefault((platform, week), {})[STOCK] = value
    for platform, daily in changes.items():
        if any(p == platform for p, _ in stock):
            continue
        result.needs_baseline.append(platform)
        baseline = _baseline(platform, daily, baselines, followers_at)
        if baseline is not None:
            _cumulate(result, platform, daily, baseline)
    return result


def _clamp(result: Weekly) -> None:
    for figures in result.weeks.values():
        for name in NET_FIELDS & figures.keys():
            if figures[name] < 0:
                figures[name] = 0.0
                if "import.note.negative_week" not in result.notes:
                    result.notes.append("import.note.negative_week")


def _baseline(
    platform: Platform,
    daily: pd.Series,
    baselines: Mapping[Platform, int],
    followers_at: Mapping[Platform, tuple[str, int]],
) -> int | None:
    """Followers on the day before the first change: given, or worked back from the count at a week's end."""
    if platform in baselines:
        return baselines[platform]
    if platform not in followers_at:
        return None
    week, count = followers_at[platform]
    first, last = day_of(daily.index.min()), day_of(daily.index.max())
    try:
        sunday = _sunday(week)
    except ValueError:
        raise ImportProblem("import.bad_week", week=week) from None
    if sunday < first - timedelta(days=7) or periods.week_monday(week) > last:
        raise ImportProblem(
            "import.followers_at_outside",
            week=week,
            first=periods.week_key(first),
            last=periods.week_key(last),
        )
    gained = float(daily[daily.index <= (sunday - EPOCH).days].sum())
    return round(count - gained)


def _cumulate(result: Weekly, platform: Platform, daily: pd.Series, baseline: int) -> None:
    """Followers at each week's end: the baseline plus every change up to that Sunday."""
    if baseline < 0:
        raise ImportProblem("import.bad_baseline", value=baseline)
    ordered = [(day_of(d), float(v)) for d, v in daily.sort_index().items()]
    running, i = float(baseline), 0
    for week in periods.week_span(ordered[0][0], ordered[-1][0]):
        sunday = _sunday(week)
        while i < len(ordered) and ordered[i][0] <= sunday:
            running += ordered[i][1]
            i += 1
        if running < 0:
            raise ImportProblem(
                "import.baseline_too_low", baseline=baseline, week=week, change=round(running - baseline)
            )
        result.weeks.setdefault((platform, week), {})[STOCK] = running


def notes(found: list[str], stream: Stream) -> None:
    """The notes that come with a stream (its shape's, repeats, inferred years, partial weeks)."""
    keys = list(stream.shape.notes)
    if stream.duplicates:
        keys.append("import.note.duplicates")
    if stream.year_inferred:
        keys.append("import.note.year_inferred")
    days = stream.frame["day"].to_numpy()
    if len(days) and stream.shape.kind == "days":
        first, last = day_of(days.min()), day_of(days.max())
        if first.weekday() != 0 or last.weekday() != 6:
            keys.append("import.note.partial_weeks")
    for note in ("import.note.reach_summed", "import.note.reach_days"):
        if "reach" not in stream.fields and note in keys:
            keys.remove(note)
    found += [note for note in keys if note not in found]
