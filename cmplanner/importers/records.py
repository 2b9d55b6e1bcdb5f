"""One recognised table → its rows as columns of values, one row per post or per day, read column by column.

A row that cannot be read (a cell that is no number, no date, a post without an id, more cells than columns)
is skipped and listed with its line, column, value and why; the rest is kept. Totals rows, description rows
under the header, repeated header rows and rows without any figure are left out silently. A Meta daily file
holding several series one after another (each under its own title and header) gives one stream per series.
Years of days written without one are placed later, for the whole upload at once (``years``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cmplanner.importers import aliases, cells, dates, numbers, post_rows
from cmplanner.importers.shapes import Match
from cmplanner.importers.spec import FOLLOWER_CHANGE, Alternative, Shape

NET_FIELDS = frozenset({"reactions", "comments", "shares", "saves", FOLLOWER_CHANGE})
"""Daily figures a platform itself may write below zero: deleted comments, withdrawn likes (net changes)."""
SAMPLE = 2000
GENERIC = "generic"
"""Rows looked at to settle a column's decimal mark and date order."""


@dataclass(frozen=True)
class Skipped:
    """A row that was not imported: where (``file``, ``line``, ``column``), what (``value``) and why
    (``t(key, lang, **params)``)."""

    file: str
    line: int
    column: str
    value: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class Stream:
    """The rows of one table (or one series of it) that could be read.

    ``frame`` columns: ``line``; ``day`` (days since 1970-01-01, -1 until a year-less day is placed); ``month``
    and ``dom`` of a year-less day (else 0); ``seconds`` (time of day); ``when`` (the cell as written); the
    fields (floats, NaN: empty); for post shapes also ``key``, ``id_day``, ``permalink``, ``text``, ``format``,
    ``variant`` (see ``post_rows``).
    """

    shape: Shape
    label: str
    frame: pd.DataFrame
    fields: tuple[str, ...]
    skipped: list[Skipped]
    read: int
    """Rows holding data, the skipped ones included (what "most rows failed" counts)."""
    made: date | None
    duplicates: int = 0
    year_inferred: bool = False

    @property
    def yearless(self) -> bool:
        return bool((self.frame["month"] > 0).any())


def resolve(shape: Shape, columns: Mapping[str, int]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each field's columns as ``(index, sign)``: the first alternative whose columns are all free."""
    used: set[int] = set()
    resolved = []
    for name, alternatives in shape.fields.items():
        for alternative in alternatives:
            parts: tuple[str, ...] = alternative if isinstance(alternative, tuple) else (alternative,)
            cols = [(columns.get(part.lstrip("-")), -1 if part.startswith("-") else 1) for part in parts]
            if all(index is not None and index not in used for index, _ in cols):
                chosen = [(index, sign) for index, sign in cols if index is not None]
                used.update(index for index, _ in chosen)
                resolved.append((name, chosen))
                break
    return resolved


def first(concepts: tuple[Alternative, ...], columns: Mapping[str, int]) -> int | None:
    return next((columns[c] for c in concepts if isinstance(c, str) and c in columns), None)


def parse(match: Match, label: str) -> list[Stream]:
    """The table's streams: one, or one per series of a Meta daily file."""
    shape, table = match.shape, match.table
    date_col = first(shape.date, match.columns)
    if date_col is None:  # pragma: no cover - every shape requires its date column
        return []
    if shape.refine is None:
        body = cells.read(table, match.header, _wanted(shape, match.columns, date_col))
        return [_stream(shape, match, body, label, date_col)]
    body = cells.read(table, match.header, {0, *match.columns.values()})
    return [
        _stream(shape.refine(shape, title, label), match, body.take(rows), label, date_col)
        for title, rows in _series(match, body, date_col)
    ]


def _wanted(shape: Shape, columns: Mapping[str, int], date_col: int) -> set[int]:
    """The columns a shape reads: the first (totals rows), the date, the fields, the key and a post's texts."""
    wanted = {0, date_col, *(i for _, cols in resolve(shape, columns) for i, _ in cols)}
    for concept in (shape.key, shape.variant):
        if concept and concept in columns:
            wanted.add(columns[concept])
    for options in shape.texts.values():
        wanted.update(next(([columns[c]] for c in options if c in columns), []))
    return wanted


def _series(match: Match, body: cells.Cells, date_col: int) -> list[tuple[str, np.ndarray]]:
    """A daily file's series: the title above each header and the rows under it (up to the next title)."""
    table = match.table
    title = next((c.strip() for row in reversed(table.rows[: match.header]) for c in row if c.strip()), "")
    texts = [t.strip() for t in body.column(date_col).to_pylist()]
    header = aliases.norm(match.headers[date_col])
    found: list[tuple[str, np.ndarray]] = []
    start = 0
    for at, text in enumerate(texts):
        if text and aliases.norm(text) == header:
            before = max((i for i in range(start, at) if texts[i]), default=None)
            end = before if before is not None else at
            found.append((title, np.arange(start, end)))
            title = texts[before] if before is not None else ""
            start = at + 1
    found.append((title, np.arange(start, len(texts))))
    return [(name, rows) for name, rows in found if len(rows) or name]


def _decimal(body: cells.Cells, indices: list[int], default: str) -> str:
    """The decimal mark of the first rows' numbers (plain whole numbers, which settle nothing, left out)."""
    sample = []
    for i in indices:
        head = pc.unique(body.column(i).slice(0, SAMPLE))
        sample += pc.filter(head, pc.invert(pc.ascii_is_decimal(head))).slice(0, SAMPLE // 4).to_pylist()
    return numbers.decimal_mark(sample, default)


Checks = list[tuple[int, np.ndarray, str]]
"""(column, rows, reason): the rows a column makes unreadable, looked at from left to right."""


def _stream(shape: Shape, match: Match, body: cells.Cells, label: str, date_col: int) -> Stream:
    """The rows of one table (or series): values, days, the rows left out silently and those skipped."""
    fields = resolve(shape, match.columns)
    date_texts = pc.utf8_trim_whitespace(body.column(date_col))
    sample = set(date_texts.slice(0, SAMPLE).to_pylist())
    order = dates.infer_order(sample, shape.order or dates.default_order(sample))
    when = dates.parse_array(date_texts, order, match.table.workbook, times=shape.kind == "posts")
    values, checks = _values(shape, fields, body, match.table.decimal)
    silent = _silent(values, checks, when, body, date_texts, match.headers[date_col])
    keys = post_rows.keys(shape, match.columns, body) if shape.kind == "posts" else None
    checks += [(date_col, when.bad, "date"), (date_col, when.empty & ~silent, "no_date")]
    if keys is not None and keys.column is not None:
        checks.append((keys.column, keys.missing, "no_id"))
    skipped, failed = _skipped(checks, silent, body, match.headers, label)
    skipped += [Skipped(label, line, "", value, "import.skip.too_wide") for line, value in body.too_wide]
    keep = ~silent & ~failed
    picked = pa.array(keep)
    columns: dict[str, Any] = {
        "line": body.lines[keep],
        "day": when.day[keep],
        "month": when.month[keep],
        "dom": when.dom[keep],
        "seconds": when.seconds[keep],
    }
    for name, _ in fields:
        column = values[name][keep]
        columns[name] = np.nan_to_num(column, nan=0.0) if shape.empty_is_zero else column
    if when.month[keep].any():
        columns["when"] = date_texts.filter(picked).to_pandas()
    if keys is not None:
        columns |= post_rows.columns(shape, match.columns, body, keys, picked)
    elif shape.key and shape.key in match.columns:
        key_cells = pc.utf8_trim_whitespace(body.column(match.columns[shape.key]))
        columns["key"] = key_cells.filter(picked).to_pandas()
    read = int((~silent).sum()) + len(body.too_wide)
    names = tuple(name for name, _ in fields)
    return Stream(shape, label, pd.DataFrame(columns), names, skipped, read, match.table.made)


def _values(
    shape: Shape, fields: list[tuple[str, list[tuple[int, int]]]], body: cells.Cells, default_mark: str
) -> tuple[dict[str, np.ndarray], Checks]:
    """Each field's value per row (its columns added up, NaN when all are empty), and the cells that make a row
    unreadable: no number, too large, or below zero where the figure cannot be (a daily net change can)."""
    used = sorted({i for _, cols in fields for i, _ in cols})
    mark = _decimal(body, used, default_mark)
    parsed = {i: numbers.parse_array(body.column(i), mark) for i in used}
    values: dict[str, np.ndarray] = {}
    checks: Checks = []
    for name, cols in fields:
        total = np.full(len(body), np.nan)
        for i, sign in cols:
            part = sign * parsed[i].values
            total = np.where(np.isnan(total), part, np.where(np.isnan(part), total, total + part))
            checks += [(i, parsed[i].bad, "number"), (i, parsed[i].large, "too_large")]
        net = name == FOLLOWER_CHANGE or (
            name in NET_FIELDS and shape.kind == "days" and shape.name != GENERIC
        )
        if not net:
            with np.errstate(invalid="ignore"):
                checks.append((cols[0][0], total < 0, "negative"))
        values[name] = total
    return values, checks


def _silent(
    values: dict[str, np.ndarray],
    checks: Checks,
    when: dates.Column,
    body: cells.Cells,
    date_texts: pa.Array,
    date_header: str,
) -> np.ndarray:
    """Rows left out without a word: totals rows, repeated headers, rows with neither day nor figure, and a
    description row right under the header."""
    size = len(body)
    any_bad = np.zeros(size, dtype=bool)
    for _, rows, _ in checks:
        any_bad |= rows
    any_value = np.zeros(size, dtype=bool)
    for total in values.values():
        any_value |= ~np.isnan(total)
    words = pa.array(sorted(aliases.total_words()), pa.string())
    firsts = pc.utf8_lower(pc.utf8_trim_whitespace(body.column(0)))
    totals = np.asarray(pc.is_in(firsts, value_set=words), dtype=bool) | np.asarray(
        pc.is_in(pc.utf8_lower(date_texts), value_set=words), dtype=bool
    )
    silent = totals | _header_rows(date_texts, date_header) | (when.empty & ~any_value & ~any_bad)
    if size:
        silent[0] |= bool(when.empty[0] or when.bad[0])
    return silent


def _header_rows(texts: pa.Array, header: str) -> np.ndarray:
    """Rows that repeat the header (two exports pasted together): their date cell is the header's text."""
    wanted = header.strip().casefold()
    if not wanted:
        return np.zeros(len(texts), dtype=bool)
    return np.asarray(pc.equal(pc.utf8_lower(texts), wanted), dtype=bool)


def _skipped(
    checks: list[tuple[int, np.ndarray, str]],
    silent: np.ndarray,
    body: cells.Cells,
    headers: list[str],
    label: str,
) -> tuple[list[Skipped], np.ndarray]:
    """One entry per row that cannot be read: its leftmost problem."""
    failed = np.zeros(len(silent), dtype=bool)
    found: list[tuple[int, int, str]] = []  # (row, column, reason)
    for column, rows, reason in sorted(checks, key=lambda check: check[0]):
        hits = np.flatnonzero(rows & ~silent & ~failed)
        failed[hits] = True
        found += [(int(row), column, reason) for row in hits]
    found.sort()
    out = []
    for row, column, reason in found:
        value = str(body.column(column)[row].as_py() or "").strip()
        shown = value if len(value) <= 40 else value[:39] + "…"
        name = headers[column] if column < len(headers) and headers[column] else f"#{column + 1}"
        out.append(Skipped(label, int(body.lines[row]), name, shown, f"import.skip.{reason}"))
    return out, failed
