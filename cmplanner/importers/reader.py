"""Reading one upload: tables → recognised shapes → records → weekly rows (the package's public functions)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError

from cmplanner.importers import files, generic, records, shapes, weeks
from cmplanner.importers.problems import ImportProblem
from cmplanner.importers.shapes import Match
from cmplanner.models import Platform, WeekMetrics

KNOWN_EXPORTS = "Meta Business Suite (Facebook, Instagram), Facebook Page Insights, LinkedIn, X, TikTok Studio, YouTube Studio"
"""Product names, the same in every language: the ``shapes`` param of ``import.unknown``."""


@dataclass(frozen=True)
class Detected:
    """What a file was recognised as. ``platform`` is None when the file does not say (generic files,
    Meta daily series titled just ``Views``); ``shape`` joins several with ``+`` (a zip or workbook)."""

    platform: Platform | None
    shape: str
    file_name: str
    headers: list[str]


@dataclass(frozen=True)
class Parsed:
    """A file read into weekly rows, not yet stored.

    ``rows``: one per ISO week, ``source="import:<shape>"``; fields the file does not give are None, so write
    the rows :func:`diff` returns (merged onto what is stored), not these. ``problems``: i18n keys (``import.note.*``)
    of notes that did not stop the import (reach summed over posts, partial weeks, years inferred, ...);
    unreadable rows never get here, they raise ImportProblem. ``needs_baseline``: the file gives followers only as
    daily changes; read again with ``baseline_followers`` (followers on the day before ``date_range[0]``) to get
    the week-end followers (until then they are None, and rows with nothing else are left out).
    """

    detected: Detected
    rows: list[WeekMetrics]
    problems: list[str]
    needs_baseline: bool
    date_range: tuple[date, date] | None


@contextmanager
def _guard(name: str) -> Iterator[None]:
    """Every failure an ImportProblem: one this package did not foresee becomes ``import.failed``."""
    try:
        yield
    except ImportProblem:
        raise
    except Exception as exc:  # the promise to the page and the CLI: never a traceback
        raise ImportProblem("import.failed", name=name, error=type(exc).__name__) from exc


def _matches(tables: list[files.Table]) -> list[Match]:
    found = [shapes.match(table) for table in tables]
    return [m for m in found if m is not None]


def _refined(matches: list[Match]) -> list[Match]:
    out = []
    for m in matches:
        if m.shape.refine is not None:
            m = Match(
                m.table,
                m.shape.refine(m.shape, m.table, m.header, m.table.name),
                m.header,
                m.columns,
                m.headers,
            )
        out.append(m)
    return out


def _shape_name(matches: list[Match]) -> str:
    names: list[str] = []
    for m in matches:
        if m.shape.name not in names:
            names.append(m.shape.name)
    return "+".join(names)


def _headers(matches: list[Match]) -> list[str]:
    seen: list[str] = []
    for m in matches:
        seen += [h for h in m.headers if h and h not in seen]
    return seen


def _platform(name: str, matches: list[Match], chosen: Platform | None) -> Platform | None:
    fixed = {m.shape.platform for m in matches if m.shape.platform and m.shape.platform_fixed}
    found = {m.shape.platform for m in matches if m.shape.platform}
    if len(fixed) > 1 or (not fixed and len(found) > 1):
        raise ImportProblem(
            "import.mixed_platforms", name=name, platforms=", ".join(sorted(p.value for p in found))
        )
    if chosen is not None:
        if fixed and chosen not in fixed:
            raise ImportProblem(
                "import.platform_mismatch",
                name=name,
                detected=next(iter(fixed)),
                chosen=Platform(chosen),
            )
        return Platform(chosen)
    return next(iter(fixed or found), None)


def _row(name: str, platform: Platform, week: str, source: str, figures: dict[str, float]) -> WeekMetrics:
    try:
        return WeekMetrics(platform=platform, week=week, source=source, **figures)
    except ValidationError as exc:
        error = exc.errors()[0]
        if error["type"] == "answered_gt_received":
            raise ImportProblem("import.answered_gt_received", name=name, week=week) from None
        field = ".".join(str(part) for part in error["loc"])
        raise ImportProblem("import.invalid_week", name=name, week=week, field=field) from None


def unknown(name: str, tables: list[files.Table]) -> ImportProblem:
    headers = generic.columns(tables)
    shown = ", ".join(headers[:40]) + (" …" if len(headers) > 40 else "")
    return ImportProblem("import.unknown", name=name, headers=shown or "–", shapes=KNOWN_EXPORTS)


def detect(name: str, data: bytes) -> Detected:
    """Which platform and shape a file is, by its headers; ``shape="generic"`` when no known shape fits."""
    with _guard(name):
        tables = files.load(name, data)
        matches = _refined(_matches(tables))
        if not matches:
            return Detected(None, generic.SHAPE_NAME, name, generic.columns(tables))
        return Detected(_platform(name, matches, None), _shape_name(matches), name, _headers(matches))


def generic_columns(name: str, data: bytes) -> list[str]:
    """The headers of a file's first table, for the column-mapping step."""
    with _guard(name):
        return generic.columns(files.load(name, data))


def read(
    name: str,
    data: bytes,
    *,
    platform: Platform | None = None,
    mapping: Mapping[str, str] | None = None,
    baseline_followers: int | None = None,
    today: date | None = None,
) -> Parsed:
    """Read an upload into weekly rows, all or nothing.

    ``platform``: needed when the file does not say (generic files, some Meta daily series); for a file whose
    platform is certain it must agree. ``mapping`` (``{column header: target}``, see ``generic.TARGETS``) is used
    only for files no known shape fits. ``baseline_followers``: followers on the day before the file's first
    day, for files that only have follower changes. ``today``: the import date (year-less dates are placed
    on or before the export date, else this).
    """
    with _guard(name):
        if baseline_followers is not None and (
            isinstance(baseline_followers, bool) or baseline_followers < 0
        ):
            raise ImportProblem("import.bad_baseline", value=baseline_followers)
        today = today or date.today()
        tables = files.load(name, data)
        matches = _refined(_matches(tables))
        if not matches:
            if not mapping:
                raise unknown(name, tables)
            if platform is None:
                raise ImportProblem("import.need_platform", name=name)
            matches = [generic.match(tables, mapping, Platform(platform), name)]
        chosen = _platform(name, matches, platform)
        if chosen is None:
            raise ImportProblem("import.need_platform", name=name)
        streams = []
        for m in matches:
            made = m.table.made if m.table.made and m.table.made <= today else None
            streams.append(records.parse(m, m.table.name, made or today))
        weekly = weeks.combine(streams, baseline_followers)
        shape = _shape_name(matches)
        source = f"import:{shape}"[:120]
        rows = []
        for week in sorted(weekly.weeks):
            figures = {
                k: v if k == "response_time_hours" else round(v) for k, v in weekly.weeks[week].items()
            }
            if any(v is not None for v in figures.values()):
                rows.append(_row(name, chosen, week, source, figures))
        detected = Detected(chosen, shape, name, _headers(matches))
        return Parsed(detected, rows, weekly.notes, weekly.needs_baseline, weekly.date_range)
