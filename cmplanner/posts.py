"""Imported posts as a set: held column-wise, merged by ``(platform, post id)`` with the newest export winning,
and added up into weekly figures.

An export of 100,000 posts must not cost 100,000 pydantic models: :class:`Posts` keeps posts as a pandas
DataFrame (checked column by column when it is made) and builds :class:`~cmplanner.models.Post` records only
when someone asks for them. :func:`merge_posts` and :func:`weeks_from_posts` work on the columns. Pure: no
store, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Literal, overload

import numpy as np
import pandas as pd

from cmplanner import periods
from cmplanner.models import POST_METRICS, ContentFormat, Platform, Post, WeekMetrics
from cmplanner.models.post import POST_ID_MAX, TEXT_MAX

Status = Literal["new", "changed", "unchanged"]
KEY = ["platform", "post_id"]
TEXTS = ("platform", "post_id", "permalink", "format", "text", "source_file")
COLUMNS: tuple[str, ...] = (
    "platform",
    "post_id",
    "published_at",
    "permalink",
    "format",
    "text",
    *POST_METRICS,
    "source_file",
    "exported_on",
)
COMPARED: tuple[str, ...] = ("published_at", "permalink", "format", "text", *POST_METRICS)
"""What makes a stored post "changed": everything but where and when it was exported."""
_PLATFORMS = frozenset(p.value for p in Platform)
_FORMATS = frozenset(f.value for f in ContentFormat)


def empty_frame() -> pd.DataFrame:
    """No posts, in the columns and dtypes of :class:`Posts` (a copy of one made once)."""
    return _empty().copy()


@cache
def _empty() -> pd.DataFrame:
    columns: dict[str, pd.Series] = {name: pd.Series(dtype="str") for name in TEXTS}
    columns |= {name: pd.Series(dtype="datetime64[s]") for name in ("published_at", "exported_on")}
    columns |= {name: pd.Series(dtype="float64") for name in POST_METRICS}
    return pd.DataFrame(columns)[list(COLUMNS)]


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with exactly :data:`COLUMNS` in their dtypes, after a column-wise check of every rule
    :class:`Post` has (ValueError naming the column that breaks one)."""
    frame = frame.reset_index(drop=True)
    out = pd.DataFrame(index=frame.index)
    for name in TEXTS:
        values = frame[name] if name in frame else pd.Series(None, index=frame.index, dtype="str")
        out[name] = values.astype("str").where(values.notna(), None)
        out.loc[out[name].eq(""), name] = None
    for name in ("published_at", "exported_on"):
        out[name] = pd.to_datetime(frame[name]).astype("datetime64[s]")
    for name in POST_METRICS:
        values = frame[name] if name in frame else pd.Series(np.nan, index=frame.index)
        out[name] = pd.to_numeric(values).astype("float64").round()
    _check(out)
    return out[list(COLUMNS)]


def _lengths(values: pd.Series) -> np.ndarray:
    """Each text's length, -1 where there is none."""
    return values.str.len().fillna(-1).to_numpy(dtype=np.int64)


def _check(frame: pd.DataFrame) -> None:
    ids, texts, links = _lengths(frame["post_id"]), _lengths(frame["text"]), _lengths(frame["permalink"])
    formats = pd.unique(frame["format"])
    figures = frame[list(POST_METRICS)].to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        fine_figures = np.isnan(figures) | ((figures >= 0) & (figures <= 10**15))
    checks = {
        "platform": set(pd.unique(frame["platform"])) <= _PLATFORMS,
        "post_id": ((ids >= 1) & (ids <= POST_ID_MAX)).all(),
        "published_at": not frame["published_at"].isna().any(),
        "exported_on": not frame["exported_on"].isna().any(),
        "source_file": (_lengths(frame["source_file"]) >= 1).all(),
        "format": all(f is None or f != f or f in _FORMATS for f in formats),
        "text": (texts <= TEXT_MAX).all(),
        "permalink": (links <= 2000).all(),
        **{name: fine_figures[:, i].all() for i, name in enumerate(POST_METRICS)},
    }
    broken = [name for name, fine in checks.items() if not fine]
    if broken:
        raise ValueError(f"posts break the Post rules in: {', '.join(broken)}")


class Posts(Sequence[Post]):
    """Posts held as columns; indexing or iterating gives :class:`Post` records (made once, on first use).

    ``frame`` has one row per post and the columns :data:`COLUMNS`: texts (None when absent), ``published_at``
    and ``exported_on`` as datetimes, the figures as floats (NaN: not in the export).
    """

    def __init__(self, frame: pd.DataFrame | None = None, *, checked: bool = False) -> None:
        """``checked``: the frame already has the columns and passed the checks (made by this module)."""
        if frame is None:
            frame = empty_frame()
        elif not checked:
            frame = normalise(frame)
        self.frame: pd.DataFrame = frame
        self.distinct = False
        """Known to hold each (platform, post id) once, so a merge need not look for repeats."""
        self._records: list[Post] | None = None
        self._weeks: WeekTable | None = None

    @classmethod
    def checked(cls, frame: pd.DataFrame, distinct: bool = False) -> Posts:
        """Posts from a frame already in :data:`COLUMNS` and their dtypes (as an importer builds it), after the
        column-wise check of the :class:`Post` rules (ValueError when one is broken). ``distinct``: no post
        appears twice (the maker knows)."""
        frame = frame[list(COLUMNS)].reset_index(drop=True)
        _check(frame)
        made = cls(frame, checked=True)
        made.distinct = distinct
        return made

    @classmethod
    def of(cls, posts: Iterable[Post]) -> Posts:
        """Posts from records (a stored table): one column at a time, no per-post validation."""
        posts = list(posts)
        if not posts:
            return cls()
        columns: dict[str, Any] = {name: [getattr(p, name) for p in posts] for name in COLUMNS}
        columns["platform"] = [p.platform.value for p in posts]
        columns["format"] = [p.format.value if p.format else None for p in posts]
        columns["exported_on"] = [datetime.combine(p.exported_on, datetime.min.time()) for p in posts]
        made = cls(pd.DataFrame(columns))
        made._records = posts
        return made

    def __len__(self) -> int:
        return len(self.frame)

    @overload
    def __getitem__(self, index: int) -> Post: ...

    @overload
    def __getitem__(self, index: slice) -> list[Post]: ...

    def __getitem__(self, index: int | slice) -> Post | list[Post]:
        return self.records()[index]

    def __iter__(self) -> Iterator[Post]:
        return iter(self.records())

    def __getstate__(self) -> dict[str, Any]:
        return {"frame": self.frame, "distinct": self.distinct}  # records and weeks are rebuilt on demand

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.frame, self.distinct = state["frame"], state.get("distinct", False)
        self._records, self._weeks = None, None

    def records(self) -> list[Post]:
        """Every post as a :class:`Post`. The columns were checked against the model's rules when the set was
        made, so the records are constructed without validating each one again."""
        if self._records is None:
            self._records = [Post.model_construct(**values) for values in self.dicts()]
        return self._records

    def dicts(self) -> list[dict[str, Any]]:
        """Every post as the field values of a :class:`Post` (enums, datetimes, ints and None)."""
        frame = self.frame
        columns: dict[str, list[Any]] = {}
        for name in TEXTS:
            columns[name] = [None if v is None or v != v else v for v in frame[name].tolist()]
        columns["platform"] = [Platform(v) for v in columns["platform"]]
        columns["format"] = [ContentFormat(v) if v else None for v in columns["format"]]
        columns["published_at"] = [ts.to_pydatetime() for ts in frame["published_at"]]
        columns["exported_on"] = [ts.date() for ts in frame["exported_on"]]
        for name in POST_METRICS:
            columns[name] = [None if v != v else int(v) for v in frame[name].tolist()]
        return [
            dict(zip(COLUMNS, values, strict=True))
            for values in zip(*(columns[c] for c in COLUMNS), strict=True)
        ]


def as_posts(posts: Sequence[Post] | Posts) -> Posts:
    return posts if isinstance(posts, Posts) else Posts.of(posts)


def concat(parts: Iterable[Posts]) -> Posts:
    """Several sets of posts in order (later ones win when :func:`merge_posts` meets a post twice)."""
    sets = [p for p in parts if len(p)]
    if len(sets) <= 1:
        return sets[0] if sets else Posts()
    return Posts(pd.concat([p.frame for p in sets], ignore_index=True), checked=True)


# -- merging ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostMerge:
    """What importing posts does to the posts already known.

    ``posts``: every post known afterwards (stored ones the import does not touch, and the winners);
    ``written``: the new and changed posts, which are what an upsert must write; ``status``: the columns
    ``platform``, ``post_id``, ``status`` for every post the import brought.
    """

    posts: Posts
    written: Posts
    status: pd.DataFrame

    def counts(self) -> dict[Platform, dict[Status, int]]:
        """``{platform: {"new": n, "changed": n, "unchanged": n}}`` for the platforms the import brought posts for,
        in the platforms' usual order."""
        table = self.status.groupby(["platform", "status"]).size()
        result: dict[Platform, dict[Status, int]] = {}
        for platform in Platform:
            if platform.value in table.index.get_level_values(0):
                row = table.loc[platform.value]
                result[platform] = {s: int(row.get(s, 0)) for s in ("new", "changed", "unchanged")}
        return result

    def status_of(self, platform: Platform, post_id: str) -> Status | None:
        hit = self.status[(self.status["platform"] == platform.value) & (self.status["post_id"] == post_id)]
        return None if hit.empty else hit["status"].iloc[-1]


def _same(left: pd.Series, right: pd.Series) -> pd.Series:
    return (left == right).fillna(False).astype(bool) | (left.isna() & right.isna())


def merge_posts(stored: Sequence[Post] | Posts, incoming: Sequence[Post] | Posts) -> PostMerge:
    """Upsert ``incoming`` onto ``stored`` by ``(platform, post_id)``: the newest export wins (the later
    ``exported_on``; on the same day the later one, stored before incoming and files in the order given).

    A post is ``new`` when nothing is stored for it, ``unchanged`` when the winning version has the stored
    version's figures, time, link, format and text (the stored one is kept then, so a repeated import writes
    nothing), else ``changed``. An older export than the stored one never rolls a post back: it is unchanged.
    """
    arriving = as_posts(incoming)
    old, new = as_posts(stored).frame, arriving.frame
    if old.empty:  # the first import: every post is new (the latest export of each, if one comes twice)
        made = arriving
        if not arriving.distinct and new.duplicated(KEY).any():
            order = new.assign(_order=np.arange(len(new))).sort_values(
                ["exported_on", "_order"], kind="stable"
            )
            made = Posts(
                order.drop_duplicates(KEY, keep="last")[list(COLUMNS)].reset_index(drop=True), checked=True
            )
        table = pd.DataFrame(
            {"platform": made.frame["platform"], "post_id": made.frame["post_id"], "status": "new"}
        )
        return PostMerge(made, made, table)
    both = pd.concat([old, new], ignore_index=True)
    both["_order"] = np.arange(len(both))
    winners = both.sort_values(["exported_on", "_order"], kind="stable").drop_duplicates(KEY, keep="last")
    brought = winners.merge(new[KEY].drop_duplicates(), on=KEY)
    paired = brought.merge(old, on=KEY, how="left", suffixes=("", "_stored"), indicator=True)
    fresh = paired["_merge"].eq("left_only").to_numpy()
    same = np.ones(len(paired), dtype=bool)
    for name in COMPARED:
        same &= _same(paired[name], paired[f"{name}_stored"]).to_numpy()
    status = np.where(fresh, "new", np.where(same, "unchanged", "changed"))
    table = pd.DataFrame({"platform": paired["platform"], "post_id": paired["post_id"], "status": status})
    written = brought[status != "unchanged"][list(COLUMNS)]
    kept = old.merge(written[KEY], on=KEY, how="left", indicator=True)
    kept = kept[kept["_merge"].eq("left_only")][list(COLUMNS)]
    every = pd.concat([kept, written], ignore_index=True) if len(written) else kept
    every = every.reset_index(drop=True)
    return PostMerge(Posts(every, checked=True), Posts(written.reset_index(drop=True), checked=True), table)


# -- weekly figures -----------------------------------------------------------------------------------------------


def week_keys(days: pd.Series) -> np.ndarray:
    """The ISO week key (``2026-W13``) of each datetime, computed once per distinct day."""
    if days.empty:
        return np.array([], dtype=object)
    codes, uniques = pd.factorize(days.to_numpy().astype("datetime64[D]"))
    keys = np.array([periods.week_key(day.item()) for day in uniques], dtype=object)
    return keys[codes]


def group_sums(codes: np.ndarray, size: int, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per group (``codes`` 0..size-1): the sum of the values that are not NaN, and how many there are."""
    known = ~np.isnan(values)
    sums = np.bincount(codes, weights=np.where(known, values, 0.0), minlength=size)
    return sums, np.bincount(codes, weights=known, minlength=size)


@dataclass(frozen=True)
class WeekTable:
    """Posts added up per (platform value, ISO week): the post count and, per figure, the sum and how many
    posts gave it."""

    index: dict[tuple[str, str], int]
    counts: np.ndarray
    sums: dict[str, tuple[np.ndarray, np.ndarray]]


def week_table(posts: Posts) -> WeekTable:
    """The posts per platform and ISO week of publication (computed once per set of posts)."""
    if posts._weeks is not None:
        return posts._weeks
    frame = posts.frame
    platform_codes, platform_names = pd.factorize(frame["platform"].to_numpy(dtype=object))
    week_codes, week_names = pd.factorize(week_keys(frame["published_at"]))
    width = max(len(week_names), 1)
    codes, pairs = pd.factorize(platform_codes.astype(np.int64) * width + week_codes)
    index = {(str(platform_names[p // width]), str(week_names[p % width])): i for i, p in enumerate(pairs)}
    size = len(index)
    table = WeekTable(
        index,
        np.bincount(codes, minlength=size),
        {name: group_sums(codes, size, frame[name].to_numpy(dtype=float)) for name in POST_METRICS},
    )
    posts._weeks = table
    return table


def weeks_from_posts(
    posts: Sequence[Post] | Posts,
    weeks: Mapping[Platform, Collection[str]] | None = None,
    *,
    source: str = "import:posts",
) -> list[WeekMetrics]:
    """Weekly figures from posts: per platform and ISO week of publication, ``posts`` = how many, and each
    figure the sum of the posts' latest lifetime values (None where no post of the week has it).

    ``weeks``: the weeks to give per platform (a week without posts gives 0 posts and 0 for every figure the
    platform's posts carry); by default every week from each platform's first to its last post.
    Reach is then a sum of post reach, which overstates unique reach.
    """
    made = as_posts(posts)
    if not len(made) and not weeks:
        return []
    table = week_table(made)
    result: list[WeekMetrics] = []
    for platform in Platform:
        mine = [i for (p, _), i in table.index.items() if p == platform.value]
        kept = [name for name in POST_METRICS if any(table.sums[name][1][i] for i in mine)]
        own = sorted(w for p, w in table.index if p == platform.value)
        wanted = sorted(set(weeks.get(platform, ()))) if weeks is not None else own
        if weeks is None and own:
            wanted = _span(periods.week_monday(own[0]), periods.week_monday(own[-1]))
        for week in wanted:
            at = table.index.get((platform.value, week))
            figures: dict[str, Any] = dict.fromkeys(kept, 0)
            if at is not None:
                figures = {n: round(s[at]) if k[at] else None for n, (s, k) in table.sums.items()}
            figures["posts"] = int(table.counts[at]) if at is not None else 0
            result.append(WeekMetrics(platform=platform, week=week, source=source, **figures))
    return result


def _span(first: date, last: date) -> list[str]:
    keys = []
    monday = first
    while monday <= last:
        keys.append(periods.week_key(monday))
        monday = date.fromordinal(monday.toordinal() + 7)
    return keys
