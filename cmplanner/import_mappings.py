"""What an import remembers per strategy and platform, and the one write that stores an import.

Kept in the strategy file's ``import_mappings`` table (``models.ImportMemory``), one row per platform.
The mapping is the generic import's column mapping (see ``importers.MAPPING_TARGETS``); the baseline is the
follower count the user gave for a file that only has follower changes: followers on the day before ``first_day``.

The import page and ``cmplanner import`` both write through :func:`write` (a change for ``Store.update``): the
merged weekly rows and what is remembered, in one write (all or nothing). No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

import pandas as pd

from cmplanner import importers
from cmplanner.calendar import matching
from cmplanner.importers import ImportProblem, Parsed
from cmplanner.importers.aliases import norm
from cmplanner.importers.preview import Status
from cmplanner.models import Baseline as StoredBaseline
from cmplanner.models import ImportMemory, Platform, Post, Strategy, WeekMetrics
from cmplanner.posts import PostMerge, Posts
from cmplanner.store.schema import IMPORT_MEMORY, METRICS, PLANNED_POSTS, POSTS

if TYPE_CHECKING:
    from cmplanner.store import Edit


@dataclass(frozen=True)
class Baseline:
    """Followers on the day before ``first_day`` (the first day of the file it was given for)."""

    followers: int
    first_day: date


@dataclass
class Remembered:
    """What is remembered for one platform of a strategy."""

    mapping: dict[str, str] | None = None
    baseline: Baseline | None = None


@dataclass
class Remember:
    """Something to remember with an import: a platform's mapping and/or baseline (None leaves it as it is)."""

    platform: Platform
    mapping: Mapping[str, str] | None = None
    baseline: Baseline | None = None


@dataclass
class Counts:
    """Weeks per status, for one platform."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def written(self) -> int:
        return self.new + self.changed


@dataclass
class Outcome:
    """What an import did (or would do): the rows with their status and the counts per platform."""

    plan: list[tuple[WeekMetrics, Status]] = field(default_factory=list)
    per_platform: dict[Platform, Counts] = field(default_factory=dict)
    posts: PostMerge | None = None
    """What the import does to the posts (new, changed, unchanged ones); None when no file lists posts."""
    linked: int = 0
    """Planned posts of the calendar the import linked to their published post (and so marked published)."""

    @property
    def written(self) -> int:
        return sum(counts.written for counts in self.per_platform.values())


def remembered(rows: Sequence[ImportMemory]) -> dict[Platform, Remembered]:
    """What is remembered for a strategy (its ``import_mappings`` rows), per platform."""
    return {
        row.platform: Remembered(
            mapping=dict(row.mapping) if row.mapping is not None else None,
            baseline=Baseline(row.baseline.followers, row.baseline.first_day) if row.baseline else None,
        )
        for row in rows
    }


def save(edit: Edit, items: Sequence[Remember]) -> None:
    """Remember mappings and baselines (what an item leaves None stays as it was)."""
    for item in items:
        if item.mapping is None and item.baseline is None:
            continue
        stored = edit.get(IMPORT_MEMORY, item.platform.value)
        baseline = stored.baseline if stored else None
        if item.baseline is not None:
            baseline = StoredBaseline(followers=item.baseline.followers, first_day=item.baseline.first_day)
        mapping = dict(item.mapping) if item.mapping is not None else (stored.mapping if stored else None)
        edit.put(IMPORT_MEMORY, [ImportMemory(platform=item.platform, mapping=mapping, baseline=baseline)])


def mapping_fits(mapping: Mapping[str, str], headers: Sequence[str]) -> bool:
    """Whether every column a mapping uses is among a file's headers (compared as the importers do)."""
    found = {norm(h) for h in headers}
    return bool(mapping) and all(norm(column) in found for column in mapping)


def platform_for(
    headers: Sequence[str], remembered: Mapping[Platform, Remembered], planned: Sequence[Platform]
) -> Platform | None:
    """The planned platform whose remembered mapping fits a generic file's headers, if exactly one does."""
    fitting = [
        p for p in planned if (r := remembered.get(p)) and r.mapping and mapping_fits(r.mapping, headers)
    ]
    return fitting[0] if len(fitting) == 1 else None


def baseline_for(
    platform: Platform, first_day: date, stored: Sequence[WeekMetrics], remembered: Remembered | None
) -> tuple[int | None, str]:
    """A follower baseline to propose for a file starting on ``first_day``, and where it comes from.

    ``"remembered"``: given before for a file starting that same day; ``"log"``: the followers logged for the
    week before; ``"none"``: nothing known, ask.
    """
    if remembered and remembered.baseline and remembered.baseline.first_day == first_day:
        return remembered.baseline.followers, "remembered"
    logged = importers.suggest_baseline(platform, first_day, stored)
    if logged is not None:
        return logged, "log"
    return None, "none"


def read_unattended(
    name: str,
    data: bytes,
    strategy: Strategy,
    stored: Sequence[WeekMetrics],
    remembered: Mapping[Platform, Remembered],
    platform: Platform | None = None,
    today: date | None = None,
    *,
    exported_on: date | None = None,
    year: int | None = None,
    followers_at: Mapping[Platform | None, tuple[str, int]] | None = None,
) -> tuple[Parsed, list[str]]:
    """Read a file with nobody to ask (the CLI): the remembered mapping and the proposed follower baseline, or
    the followers given at a week's end (``followers_at``, per platform; the None key for any platform).
    ``exported_on`` and ``year`` place dates written without a year (see ``importers.read``).

    Returns the rows and English notes; ImportProblem when the file cannot be read, ValueError when it is not
    for one of the strategy's platforms.
    """
    planned = [plan.platform for plan in strategy.platforms]
    detected = importers.detect(name, data)
    platform = platform or detected.platform
    mapping = None
    if detected.shape == "generic":
        platform = platform or platform_for(detected.headers, remembered, planned)
        known = remembered.get(platform) if platform else None
        if not (known and known.mapping and mapping_fits(known.mapping, detected.headers)):
            try:
                importers.read(name, data, platform=platform)  # raises import.unknown, listing the headers
            except ImportProblem as problem:
                raise ValueError(
                    f"{problem} Do that once on the import page; this command then reuses it."
                ) from None
        mapping = known.mapping if known else None
    several = [p for p in detected.platforms if p in planned] if len(detected.platforms) > 1 else []
    if platform is None and len(several) == 1:  # a Meta file with two series: the one the strategy has
        platform = several[0]
    elif platform is None and len(detected.platforms) > 1 and not several:
        platform = detected.platforms[0]
    if platform is not None and platform not in planned:
        raise ValueError(
            f"{name}: {platform.value} is not one of the platforms of the strategy {strategy.name!r}"
        )
    read = partial(
        importers.read, name, data, mapping=mapping, today=today, exported_on=exported_on, year=year
    )
    parsed = read(platform=platform)
    notes = []
    platform = parsed.detected.platform
    given = (followers_at or {}).get(platform) or (followers_at or {}).get(None)
    if parsed.needs_baseline and platform and given:
        parsed = read(platform=platform, followers_at=given)
        notes.append(f"followers counted from {given[1]} at the end of {given[0]}")
    elif parsed.needs_baseline and parsed.date_range and platform:
        followers, source = baseline_for(platform, parsed.date_range[0], stored, remembered.get(platform))
        if followers is None:
            notes.append(
                "followers left empty: the file has only daily changes; give the count once on the import page"
            )
        else:
            parsed = read(platform=platform, baseline_followers=followers)
            notes.append(
                f"followers counted from {followers} ({'remembered' if source == 'remembered' else 'the weekly log'})"
            )
    return parsed, notes


def outcome(plan: list[tuple[WeekMetrics, Status]], posts: PostMerge | None = None) -> Outcome:
    """Counts per platform (in the platforms' usual order) for a plan from ``importers.diff`` or ``importers.plan``."""
    result = Outcome(plan=plan, posts=posts)
    for platform in Platform:
        statuses = [status for row, status in plan if row.platform == platform]
        if statuses:
            result.per_platform[platform] = Counts(
                statuses.count("new"), statuses.count("changed"), statuses.count("unchanged")
            )
    return result


def planned(stored: Sequence[WeekMetrics], files: Sequence[Parsed], posts: Sequence[Post] = ()) -> Outcome:
    """What importing ``files`` over the ``stored`` weeks and ``posts`` would do (nothing is written): the posts
    merged, the weeks by the week rule (``importers.plan``)."""
    done = importers.plan(files, stored, posts)
    return outcome(done.weeks, done.posts if any(len(parsed.posts) for parsed in files) else None)


def write_files(edit: Edit, files: Sequence[Parsed], remember: Sequence[Remember] = ()) -> Outcome:
    """Import ``files`` in one change: the plan made inside it (posts merged with the stored ones, weeks by the
    week rule onto the stored weeks), the new and changed posts, the weeks and what to remember written, all or
    nothing."""
    done = planned(edit.rows(METRICS), files, edit.rows(POSTS))
    if done.posts is not None and len(done.posts.written):
        edit.put(POSTS, done.posts.written.records())
        done.linked = link_published(edit, done.posts.posts)
    edit.put(METRICS, [row for row, _ in done.plan])
    save(edit, remember)
    return done


def link_published(edit: Edit, known: Posts) -> int:
    """Link the calendar's planned posts to the imported posts they became (``calendar.matching``: by permalink,
    else platform and time); a post linked on each of its platforms is published. Returns how many changed."""
    planned_posts = edit.rows(PLANNED_POSTS)
    if not planned_posts or not len(known):
        return 0
    times = pd.Series([post.planned_at for post in planned_posts])
    start, end = times.min() - matching.WINDOW, times.max() + matching.WINDOW
    pasted = {
        link.permalink.strip().rstrip("/")
        for post in planned_posts
        for link in post.links
        if link.permalink and not link.post_id
    }
    frame = known.frame
    wanted = frame["published_at"].between(start, end)  # by time: only posts near a planned one can match
    wanted |= frame["permalink"].fillna("").str.strip().str.rstrip("/").isin(pasted)  # by link: any time
    candidates = Posts.checked(frame[wanted]) if wanted.any() else Posts()
    changed = matching.apply_matches(planned_posts, matching.match_published(planned_posts, list(candidates)))
    edit.put(PLANNED_POSTS, changed)
    return len(changed)


def preview(stored: Sequence[WeekMetrics], rows: Sequence[WeekMetrics]) -> Outcome:
    """What writing ``rows`` over the ``stored`` weeks would do (nothing is written)."""
    return outcome(importers.diff(rows, stored))


def write(edit: Edit, rows: Sequence[WeekMetrics], remember: Sequence[Remember] = ()) -> Outcome:
    """Merge ``rows`` onto the stored weeks and store them, with what to remember: one change, all or nothing.

    The plan is made inside the change (under the strategy's lock), so it is exactly what is written even if the
    file changed since the preview.
    """
    done = outcome(importers.diff(rows, edit.rows(METRICS)))
    edit.put(METRICS, [row for row, _ in done.plan])
    save(edit, remember)
    return done
