"""Reading one upload: tables → recognised shapes → rows (posts and days) → posts and weekly rows (the package's
public functions)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from cmplanner.importers import files, generic, records, shapes, weeks
from cmplanner.importers.finish import Finished, finish
from cmplanner.importers.problems import ImportProblem
from cmplanner.importers.records import Skipped, Stream
from cmplanner.importers.shapes import Match
from cmplanner.importers.spec import Shape
from cmplanner.importers.years import Clues
from cmplanner.models import Platform, WeekMetrics
from cmplanner.posts import Posts

KNOWN_EXPORTS = "Meta Business Suite (Facebook, Instagram), Facebook Page Insights, LinkedIn, X, TikTok Studio, YouTube Studio"
"""Product names, the same in every language: the ``shapes`` param of ``import.unknown``."""
MULTI_PLATFORM = frozenset({Platform.FACEBOOK, Platform.INSTAGRAM})
"""One Meta Business Suite file may hold a Facebook and an Instagram series; no other mix is one export."""

Baselines = int | Mapping[Platform, int] | None
FollowersAt = tuple[str, int] | Mapping[Platform, tuple[str, int]] | None


@dataclass(frozen=True)
class Detected:
    """What a file was recognised as. ``platform`` is None when the file does not say (generic files, Meta
    daily series titled just ``Views``) or holds several (``platforms``: a Meta file with a Facebook and an
    Instagram series); ``shape`` joins several with ``+`` (a zip or workbook)."""

    platform: Platform | None
    shape: str
    file_name: str
    headers: list[str]
    platforms: tuple[Platform, ...] = ()


@dataclass(frozen=True)
class Parsed:
    """A file read, not yet stored.

    ``posts``: one :class:`~cmplanner.models.Post` per post the file lists (column-wise, see ``cmplanner.posts``);
    ``series``: the weekly figures of its daily tables; ``covers``: per platform, the weeks its posts span.
    ``rows``: the file's own weekly rows (its posts' weeks combined with its daily figures by the week rule,
    ``source="import:<shape>"``): what it gives on its own; :func:`cmplanner.importers.plan` combines several
    files with what is stored. ``skipped``: rows that could not be read (line, column, value, why); the rest
    was imported. ``problems``: i18n keys of notes (reach summed over posts, partial weeks, years inferred, …).
    ``needs_baseline``: followers come only as daily changes (for ``baseline_platforms``); read again with a
    baseline to get week-end followers. ``exported_on``: the export date the posts carry.
    """

    detected: Detected
    rows: list[WeekMetrics]
    problems: list[str]
    needs_baseline: bool
    date_range: tuple[date, date] | None
    posts: Posts = field(default_factory=Posts)
    series: list[WeekMetrics] = field(default_factory=list)
    covers: dict[Platform, tuple[str, ...]] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    baseline_platforms: tuple[Platform, ...] = ()
    exported_on: date | None = None

    @property
    def source(self) -> str:
        return f"import:{self.detected.shape}"[:120]


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


def _shape_name(names: list[str]) -> str:
    return "+".join(dict.fromkeys(names))


def _headers(matches: list[Match]) -> list[str]:
    seen: list[str] = []
    for m in matches:
        seen += [h for h in m.headers if h and h not in seen]
    return seen


def _streams(matches: list[Match]) -> list[Stream]:
    return [stream for m in matches for stream in records.parse(m, m.table.name)]


def _platforms(name: str, found_in: list[Shape], chosen: Platform | None) -> tuple[Platform, ...]:
    """The platforms the file is for: the ones it says (one, or Facebook and Instagram from Meta), else the
    chosen one; a chosen platform must be among those it says."""
    fixed = {s.platform for s in found_in if s.platform and s.platform_fixed}
    found = {s.platform for s in found_in if s.platform}
    if (len(fixed) > 1 and not fixed <= MULTI_PLATFORM) or (not fixed and len(found) > 1):
        raise ImportProblem(
            "import.mixed_platforms", name=name, platforms=", ".join(sorted(p.value for p in found))
        )
    if chosen is not None:
        if fixed and chosen not in fixed:
            raise ImportProblem(
                "import.platform_mismatch", name=name, detected=sorted(fixed)[0], chosen=Platform(chosen)
            )
        return (Platform(chosen),)
    order = list(Platform)
    return tuple(sorted(fixed or found, key=order.index))


def unknown(name: str, tables: list[files.Table]) -> ImportProblem:
    headers = generic.columns(tables)
    shown = ", ".join(headers[:40]) + (" …" if len(headers) > 40 else "")
    return ImportProblem("import.unknown", name=name, headers=shown or "–", shapes=KNOWN_EXPORTS)


def detect(name: str, data: bytes) -> Detected:
    """Which platform and shape a file is, by its headers; ``shape="generic"`` when no known shape fits."""
    with _guard(name):
        tables = files.load(name, data)
        matches = _matches(tables)
        if not matches:
            return Detected(None, generic.SHAPE_NAME, name, generic.columns(tables))
        if any(m.shape.refine for m in matches):  # the titles above a Meta series name its platform
            found_in = [s.shape for s in _streams(matches)]
        else:
            found_in = [m.shape for m in matches]
        found = _platforms(name, found_in, None)
        names = [shape.name for shape in found_in]
        single = found[0] if len(found) == 1 else None
        return Detected(single, _shape_name(names), name, _headers(matches), found)


def generic_columns(name: str, data: bytes) -> list[str]:
    """The headers of a file's first table, for the column-mapping step."""
    with _guard(name):
        return generic.columns(files.load(name, data))


def _per_platform(value: object, platforms: tuple[Platform, ...]) -> dict[Platform, object]:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return {Platform(k): v for k, v in value.items()}
    return dict.fromkeys(platforms, value)


def read(
    name: str,
    data: bytes,
    *,
    platform: Platform | None = None,
    mapping: Mapping[str, str] | None = None,
    baseline_followers: Baselines = None,
    followers_at: FollowersAt = None,
    today: date | None = None,
    exported_on: date | None = None,
    year: int | None = None,
) -> Parsed:
    """Read an upload into posts and weekly rows; rows that cannot be read are skipped and listed, but a file
    where most rows cannot be read is refused (ImportProblem ``import.bad_rows.*``).

    ``platform``: needed when the file does not say (generic files, some Meta daily series); for a file whose
    platform is certain it must agree (a Meta file with two series keeps only the chosen platform's).
    ``mapping`` (``{column header: target}``, see ``generic.TARGETS``) is used only for files no known shape fits.
    ``baseline_followers``: followers on the day before the file's first day (or per platform), for files that
    only have follower changes; ``followers_at``: instead, ``(ISO week, followers at its end)``.
    ``today``: the import date; nothing is placed after it. ``exported_on``: the export date (the file's time on
    disk, or as the user says), and ``year``: the year of the last day of a file whose dates have none; without
    them, such a file is placed by its name, its ids or its zip's times, else ImportProblem ``import.need_year``.
    """
    with _guard(name):
        if isinstance(baseline_followers, int) and (
            isinstance(baseline_followers, bool) or baseline_followers < 0
        ):
            raise ImportProblem("import.bad_baseline", value=baseline_followers)
        today = today or date.today()
        tables = files.load(name, data)
        matches = _matches(tables)
        if not matches:
            if not mapping:
                raise unknown(name, tables)
            if platform is None:
                raise ImportProblem("import.need_platform", name=name)
            matches = [generic.match(tables, mapping, Platform(platform), name)]
        streams = _streams(matches)
        chosen = _platforms(name, [s.shape for s in streams], platform)
        if not chosen:
            raise ImportProblem("import.need_platform", name=name)
        clues = Clues(today, exported_on if exported_on and exported_on <= today else None, year, (name,))
        done: Finished = finish(name, streams, chosen, clues)
        daily = weeks.combine(
            done.daily,
            _per_platform(baseline_followers, chosen),  # type: ignore[arg-type]
            _per_platform(followers_at, chosen),  # type: ignore[arg-type]
        )
        return done.parsed(
            Detected(
                chosen[0] if len(chosen) == 1 else None,
                _shape_name([s.shape.name for s in done.streams] or [m.shape.name for m in matches]),
                name,
                _headers(matches),
                chosen,
            ),
            daily,
        )
