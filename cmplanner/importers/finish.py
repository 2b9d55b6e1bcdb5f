"""An upload's streams made final: only the chosen platforms' series, years placed for days written without one,
one row per post (or per day), the unreadable rows counted (most of them failing refuses the file), and the
posts and weekly rows built.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from pydantic import ValidationError

from cmplanner import periods
from cmplanner.importers import post_rows, weeks, years
from cmplanner.importers.problems import ImportProblem
from cmplanner.importers.records import Skipped, Stream
from cmplanner.importers.years import Clues
from cmplanner.models import METRIC_FIELDS, POST_METRICS, Platform, WeekMetrics
from cmplanner.posts import Posts

if TYPE_CHECKING:
    from cmplanner.importers.reader import Detected, Parsed

SHOWN_LINES = 20
"""How many line numbers a refusal lists."""


@dataclass
class Finished:
    """The streams of an upload, ready: post rows become ``posts``; ``daily`` (with their platforms) become
    weekly figures."""

    name: str
    streams: list[Stream]
    posts: Posts
    covers: dict[Platform, tuple[str, ...]]
    daily: list[tuple[Stream, Platform]]
    skipped: list[Skipped]
    notes: list[str] = field(default_factory=list)
    exported_on: date | None = None

    def parsed(self, detected: Detected, weekly: weeks.Weekly) -> Parsed:
        from cmplanner.importers.planning import file_rows
        from cmplanner.importers.reader import Parsed

        source = f"import:{detected.shape}"[:120]
        made = [
            _row(self.name, platform, week, source, figures)
            for (platform, week), figures in weekly.weeks.items()
        ]
        series = [row for row in made if row is not None]
        rows = file_rows(self.posts, self.covers, series, source)
        notes = [*self.notes, *(n for n in weekly.notes if n not in self.notes)]
        return Parsed(
            detected,
            rows,
            notes,
            bool(weekly.needs_baseline),
            _range(self.posts, weekly.date_range),
            self.posts,
            series,
            self.covers,
            self.skipped,
            tuple(weekly.needs_baseline),
            self.exported_on,
        )


def _row(
    name: str, platform: Platform, week: str, source: str, figures: dict[str, float]
) -> WeekMetrics | None:
    values = {
        k: (v if k == "response_time_hours" else round(v)) for k, v in figures.items() if k in METRIC_FIELDS
    }
    if not any(v is not None for v in values.values()):
        return None
    try:
        return WeekMetrics(platform=platform, week=week, source=source, **values)
    except ValidationError as exc:
        error = exc.errors()[0]
        if error["type"] == "answered_gt_received":
            raise ImportProblem("import.answered_gt_received", name=name, week=week) from None
        where = ".".join(str(part) for part in error["loc"])
        raise ImportProblem("import.invalid_week", name=name, week=week, field=where) from None


def _range(posts: Posts, daily: tuple[date, date] | None) -> tuple[date, date] | None:
    days = list(daily or ())
    if len(posts):
        published = posts.frame["published_at"]
        days += [published.min().date(), published.max().date()]
    return (min(days), max(days)) if days else None


def finish(name: str, streams: Sequence[Stream], chosen: Sequence[Platform], clues: Clues) -> Finished:
    """See the module. ImportProblem ``import.need_year`` when a file's dates have no year and nothing settles
    it, ``import.bad_rows.*`` when most rows cannot be read."""
    kept, notes = _platform_streams(streams, chosen)
    _place_years(name, kept, clues)
    skipped = [s for stream, _ in kept for s in stream.skipped]
    _refuse_most(name, kept, skipped)
    posts_parts, daily = [], []
    covers: dict[Platform, set[str]] = {}
    exported = clues.exported_on
    for stream, platform in kept:
        made = exported or stream.made or clues.today
        if stream.shape.kind == "posts":
            frame, repeats = post_rows.one_per_post(stream.frame, stream.fields)
            stream.duplicates += repeats
            stream.frame = frame
            posts_parts.append(
                post_rows.posts_frame(frame, stream.fields, platform.value, stream.label, made)
            )
            if len(frame):
                span = periods.week_span(weeks.day_of(frame["day"].min()), weeks.day_of(frame["day"].max()))
                covers.setdefault(platform, set()).update(span)
            other = tuple(f for f in stream.fields if f not in POST_METRICS)
            if other:
                daily.append(
                    (replace(stream, fields=other, shape=replace(stream.shape, kind="days")), platform)
                )
        else:
            _one_per_day(stream)
            daily.append((stream, platform))
        weeks.notes(notes, stream)
    frames = [p for p in posts_parts if len(p)]
    posts = (
        Posts.checked(pd.concat(frames, ignore_index=True), distinct=len(frames) == 1) if frames else Posts()
    )
    ordered = {p: tuple(sorted(w, key=periods.parse_week)) for p, w in covers.items()}
    first_made = next((stream.made for stream, _ in kept if stream.made), None)
    return Finished(
        name,
        [s for s, _ in kept],
        posts,
        ordered,
        daily,
        skipped,
        notes,
        exported or first_made or clues.today,
    )


def _platform_streams(
    streams: Sequence[Stream], chosen: Sequence[Platform]
) -> tuple[list[tuple[Stream, Platform]], list[str]]:
    """Each stream with its platform; a series of another platform than the chosen one is left out (noted)."""
    kept, notes = [], []
    for stream in streams:
        platform = (
            stream.shape.platform if stream.shape.platform_fixed and stream.shape.platform else chosen[0]
        )
        if platform in chosen:
            kept.append((stream, platform))
        elif "import.note.series_left_out" not in notes:
            notes.append("import.note.series_left_out")
    return kept, notes


def _place_years(name: str, kept: list[tuple[Stream, Platform]], clues: Clues) -> None:
    """Days for the rows written without a year; rows no clue allows are skipped."""
    anchors: list[date] = []
    for stream, _ in kept:
        if "id_day" in stream.frame:
            anchors += [weeks.day_of(d) for d in np.unique(stream.frame["id_day"]) if d >= 0]
    clues = replace(clues, anchors=tuple(anchors))
    for stream, _ in kept:
        frame = stream.frame
        if not stream.yearless:
            continue
        ids = frame["id_day"].to_numpy() if "id_day" in frame else np.full(len(frame), -1)
        try:
            placed = years.place(
                frame["month"].to_numpy(),
                frame["dom"].to_numpy(),
                ids,
                clues,
                stream.made,
                stream.label.split("/"),
            )
        except years.Unsettled as unsettled:
            raise ImportProblem("import.need_year", name=name, first=_text(frame, unsettled.first),
                                last=_text(frame, unsettled.last)) from None  # fmt: skip
        yearless = frame["month"].to_numpy() > 0
        day = np.where(yearless, placed.day, frame["day"].to_numpy())
        for row, (key, params) in sorted(placed.reason.items()):
            stream.skipped.append(
                Skipped(
                    stream.label, int(frame["line"].iloc[row]), "", str(frame["when"].iloc[row]), key, params
                )
            )
        stream.frame = frame.assign(day=day)[day >= 0].reset_index(drop=True)
        stream.year_inferred = True


def _text(frame: object, pair: tuple[int, int]) -> str:
    rows = frame[(frame["month"] == pair[0]) & (frame["dom"] == pair[1])]  # type: ignore[index]
    return str(rows["when"].iloc[0]) if len(rows) else f"{pair[1]}/{pair[0]}"


def _one_per_day(stream: Stream) -> None:
    """A repeated day (or day and key) keeps the later row."""
    subset = ["day", "key"] if "key" in stream.frame else ["day"]
    repeated = stream.frame.duplicated(subset, keep="last")
    stream.duplicates += int(repeated.sum())
    stream.frame = stream.frame[~repeated].reset_index(drop=True)


def _refuse_most(name: str, kept: list[tuple[Stream, Platform]], skipped: list[Skipped]) -> None:
    """A file most of whose data rows cannot be read is refused, naming the first reasons."""
    read = sum(stream.read for stream, _ in kept)
    if not skipped or len(skipped) * 2 <= read:
        return
    ordered = sorted(skipped, key=lambda s: (s.file, s.line))
    lines = sorted({s.line for s in ordered})
    shown = ", ".join(str(n) for n in lines[:SHOWN_LINES]) + (" …" if len(lines) > SHOWN_LINES else "")
    first = ordered[0]
    reason = first.key.removeprefix("import.skip.")
    raise ImportProblem(
        f"import.bad_rows.{reason}",
        name=first.file,
        count=len(lines),
        lines=shown,
        line=first.line,
        column=first.column,
        value=first.value,
        **{
            k: v
            for k, v in first.params.items()
            if k not in ("name", "count", "lines", "line", "column", "value")
        },
    )
