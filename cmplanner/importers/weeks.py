"""Records → ISO-week figures: posts counted and flows summed by publish week (or day), followers as the
week-end stock, or as a baseline plus the running sum of daily follower changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from cmplanner import periods
from cmplanner.importers.problems import ImportProblem
from cmplanner.importers.records import Stream
from cmplanner.importers.spec import FOLLOWER_CHANGE

STOCK = "followers"
MEAN_FIELDS = frozenset({"response_time_hours"})
Figures = dict[str, float]


@dataclass
class Weekly:
    """Figures per ISO week (``None`` fields left out), plus what the preview needs to know."""

    weeks: dict[str, Figures] = field(default_factory=dict)
    needs_baseline: bool = False
    date_range: tuple[date, date] | None = None
    notes: list[str] = field(default_factory=list)


def week_span(first: date, last: date) -> list[str]:
    """Every ISO week from the one holding ``first`` to the one holding ``last``."""
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(periods.week_key(monday))
        monday += timedelta(weeks=1)
    return weeks


def _sunday(week: str) -> date:
    return periods.week_monday(week) + timedelta(days=6)


def _flows(stream: Stream) -> tuple[dict[str, Figures], dict[str, tuple[date, float]], dict[date, float]]:
    """One stream's summed flows per week, its follower stock per week (latest day) and its changes per day."""
    flows: dict[str, Figures] = {}
    stock: dict[str, tuple[date, float]] = {}
    changes: dict[date, float] = {}
    counted: dict[str, dict[str, int]] = {}
    covered = [f for f in stream.fields if f not in (STOCK, FOLLOWER_CHANGE)]
    posts = stream.shape.kind == "posts"
    zero = stream.shape.empty_is_zero
    week_of: dict[date, str] = {}
    for day, values in stream.records.values():
        week = week_of.get(day) or week_of.setdefault(day, periods.week_key(day))
        figures = flows.get(week)
        if figures is None:
            figures = flows[week] = dict.fromkeys(covered, 0.0) if zero else {}
        if posts:
            figures["posts"] = figures.get("posts", 0.0) + 1
        for name, value in values.items():
            if name == STOCK:
                if week not in stock or stock[week][0] <= day:
                    stock[week] = (day, value)
            elif name == FOLLOWER_CHANGE:
                changes[day] = changes.get(day, 0.0) + value
            else:
                if name in MEAN_FIELDS:
                    counts = counted.setdefault(week, {})
                    counts[name] = counts.get(name, 0) + 1
                figures[name] = figures.get(name, 0.0) + value
    for week, counts in counted.items():
        for name, n in counts.items():
            flows[week][name] /= n
    for name in MEAN_FIELDS & set(covered):  # a mean of no values is no value
        for week, figures in flows.items():
            if name not in counted.get(week, {}):
                figures.pop(name, None)
    days = [day for day, _ in stream.records.values()]
    if days and zero and (posts or stream.shape.zero_days_omitted):
        empty = dict.fromkeys([f for f in covered if f not in MEAN_FIELDS], 0.0)
        if posts:
            empty["posts"] = 0.0
        for week in week_span(min(days), max(days)):
            flows.setdefault(week, dict(empty))
    return flows, stock, changes


def combine(streams: Sequence[Stream], baseline: int | None) -> Weekly:
    """The weekly figures of one upload's streams; where two give the same field, the higher priority wins."""
    result = Weekly()
    stock: dict[str, tuple[date, float]] = {}
    changes: dict[date, float] = {}
    all_days: list[date] = []
    for stream in sorted(streams, key=lambda s: s.shape.priority):
        flows, stream_stock, stream_changes = _flows(stream)
        for week, figures in flows.items():
            result.weeks.setdefault(week, {}).update(figures)
        stock.update(stream_stock)
        changes.update(stream_changes)
        days = [day for day, _ in stream.records.values()]
        all_days += [min(days), max(days)] if days else []
        _notes(result.notes, stream, days)
    if all_days:
        result.date_range = (min(all_days), max(all_days))
    if stock:
        for week, (_, value) in stock.items():
            result.weeks.setdefault(week, {})[STOCK] = value
    elif changes:
        result.needs_baseline = True
        if baseline is not None:
            _cumulate(result, changes, baseline)
    return result


def _cumulate(result: Weekly, changes: dict[date, float], baseline: int) -> None:
    """Followers at each week's end: the baseline plus every change up to that Sunday."""
    ordered = sorted(changes.items())
    running, i = float(baseline), 0
    for week in week_span(ordered[0][0], ordered[-1][0]):
        sunday = _sunday(week)
        while i < len(ordered) and ordered[i][0] <= sunday:
            running += ordered[i][1]
            i += 1
        if running < 0:
            raise ImportProblem(
                "import.baseline_too_low", baseline=baseline, week=week, change=round(running - baseline)
            )
        result.weeks.setdefault(week, {})[STOCK] = running


def _notes(notes: list[str], stream: Stream, days: list[date]) -> None:
    found = list(stream.shape.notes)
    if stream.duplicates:
        found.append("import.note.duplicates")
    if stream.year_inferred:
        found.append("import.note.year_inferred")
    if days and stream.shape.kind == "days" and (min(days).weekday() != 0 or max(days).weekday() != 6):
        found.append("import.note.partial_weeks")
    if stream.shape.kind == "posts" and "reach" not in stream.fields and "import.note.reach_summed" in found:
        found.remove("import.note.reach_summed")
    if "reach" not in stream.fields and "import.note.reach_days" in found:
        found.remove("import.note.reach_days")
    notes += [note for note in found if note not in notes]
