"""The per-post side of a post export: each row's post id (found inside a link when the key is one), link, text
and format; a boosted post listed once per audience counted once; the rows made into the columns of ``Posts``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cmplanner.importers import aliases, cells, years
from cmplanner.importers.spec import Shape
from cmplanner.models import POST_METRICS
from cmplanner.models.post import POST_ID_MAX, TEXT_MAX

TEXTS = ("permalink", "text", "format")


@dataclass
class Keys:
    """Each row's post id (``""`` when the key cell is empty); ``column`` None when the file has no key column."""

    column: int | None
    ids: pa.Array
    missing: np.ndarray


def _trimmed(body: cells.Cells, index: int | None) -> pa.Array:
    return pc.utf8_trim_whitespace(body.column(index))


def ids_of(keys: pa.Array) -> pa.Array:
    """The id inside each key that is a link (``.../video/7301…`` → ``7301…``); other keys as they are, the
    longest ones cut to their last 200 characters."""
    out = keys
    if not pc.any(pc.match_substring_regex(keys, r"[/:]")).as_py():
        return _shortened(out)  # no key is a link
    for pattern in aliases.post_id_patterns():
        found = pc.extract_regex(out, pattern)
        hit = found.is_valid()
        out = pc.if_else(hit, pc.struct_field(found, "id"), out)
    return _shortened(out)


def _shortened(ids: pa.Array) -> pa.Array:
    too_long = pc.greater(pc.utf8_length(ids), POST_ID_MAX)
    if pc.any(too_long).as_py():
        return pc.if_else(too_long, pc.utf8_slice_codeunits(ids, -POST_ID_MAX), ids)
    return ids


def keys(shape: Shape, columns: Mapping[str, int], body: cells.Cells) -> Keys:
    column = columns.get(shape.key) if shape.key else None
    if column is None:
        empty = pa.array([""] * len(body), pa.string())
        return Keys(None, empty, np.zeros(len(body), dtype=bool))
    raw = _trimmed(body, column)
    return Keys(column, ids_of(raw), np.asarray(pc.equal(raw, ""), dtype=bool))


def columns(
    shape: Shape, columns: Mapping[str, int], body: cells.Cells, keys: Keys, picked: pa.Array
) -> dict[str, Any]:
    """For the kept rows (``picked``): ``key``, ``id_day``, ``permalink``, ``text``, ``format``, ``variant``."""
    ids = keys.ids.filter(picked)
    size = len(ids)
    out: dict[str, Any] = {"key": ids.to_pandas()}
    out["id_day"] = years.id_days(ids.to_pylist()) if shape.id_time else np.full(size, -1, dtype=np.int64)
    for name in TEXTS:
        concept = next((c for c in shape.texts.get(name, ()) if c in columns), None)
        if concept is None:
            out[name] = np.full(size, None, dtype=object)
            continue
        values = _trimmed(body, columns[concept]).filter(picked)
        if name == "text":
            values = pc.utf8_slice_codeunits(values, 0, TEXT_MAX)
        out[name] = pc.if_else(pc.equal(values, ""), pa.scalar(None, pa.string()), values).to_pandas()
    out["format"] = _formats(out["format"], shape.default_format)
    variant = columns.get(shape.variant) if shape.variant else None
    out["variant"] = _trimmed(body, variant).filter(picked).to_pandas() if variant is not None else ""
    return out


def _formats(types: Any, default: str | None) -> np.ndarray:
    """Post types as the export names them → content formats (the default when it names none of them)."""
    known = aliases.formats()
    codes, uniques = pd.factorize(types if isinstance(types, pd.Series) else np.asarray(types, dtype=object))
    mapped = np.array([known.get(aliases.norm(str(u)), default) for u in uniques] + [default], dtype=object)
    return mapped[codes]


def one_per_post(frame: pd.DataFrame, fields: tuple[str, ...]) -> tuple[pd.DataFrame, int]:
    """One row per post id: the total row of a boosted post listed per audience (or its parts added up when
    there is none), else the file's last row of the post. Returns the rows and how many repeats were dropped."""
    if frame.empty or frame["key"].eq("").all():  # no key column: every row is a post of its own
        return frame, 0
    repeated = frame["key"].duplicated(keep="last")
    if not repeated.any():
        return frame, 0
    if isinstance(frame["variant"].iloc[0], str) and frame["variant"].eq("").all():
        return frame[~repeated].reset_index(drop=True), int(repeated.sum())
    totals = frame["variant"].str.casefold().isin(aliases.total_words())
    parted = frame["variant"].ne("") & ~totals
    by_key = frame["key"]
    has_total = totals.groupby(by_key).transform("any")
    all_parts = parted.groupby(by_key).transform("all") & by_key.groupby(by_key).transform("size").gt(1)
    summed = frame[all_parts & ~has_total]
    if len(summed):
        figures = [f for f in fields if f in POST_METRICS]
        added = summed.groupby("key", sort=False)[figures].sum(min_count=1)
        merged = summed.drop_duplicates("key", keep="last").set_index("key")
        merged[figures] = added
        summed = merged.reset_index()
    plain = frame[~(all_parts & ~has_total) & (totals | ~has_total)]
    repeats = int(plain.duplicated("key", keep="last").sum())
    plain = plain.drop_duplicates("key", keep="last")
    out = pd.concat([plain, summed], ignore_index=True) if len(summed) else plain
    return out.sort_values("line", kind="stable").reset_index(drop=True), repeats


def posts_frame(
    frame: pd.DataFrame, fields: tuple[str, ...], platform: str, source_file: str, exported_on: date
) -> pd.DataFrame:
    """The columns of ``Posts`` for these rows (their days placed): one post per row."""
    seconds = frame["day"].to_numpy(dtype=np.int64) * 86400 + frame["seconds"].to_numpy(dtype=np.int64)
    published = pd.Series(seconds.astype("datetime64[s]"), index=frame.index)
    ids = frame["key"]
    if ids.eq("").all():  # no key column: the time and the text tell posts apart (numbered when both repeat)
        ids = published.dt.strftime("%Y-%m-%dT%H:%M:%S") + " " + frame["text"].fillna("").str.slice(0, 100)
        ids = ids.str.strip()
        repeat = ids.groupby(ids).cumcount()
        ids = ids.where(repeat.eq(0), ids + " #" + (repeat + 1).astype(str))
    size = len(frame)
    columns: dict[str, Any] = {
        "platform": np.full(size, platform, dtype=object),
        "post_id": ids,
        "published_at": published,
        "permalink": frame["permalink"],
        "format": frame["format"],
        "text": frame["text"],
    }
    for name in POST_METRICS:
        columns[name] = frame[name].to_numpy(dtype=float) if name in fields else np.full(size, np.nan)
    columns["source_file"] = np.full(size, source_file[:300], dtype=object)
    columns["exported_on"] = np.full(size, np.datetime64(exported_on, "s"))
    return pd.DataFrame(columns, index=frame.index)
