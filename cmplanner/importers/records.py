"""One recognised table → its rows as dated records (field values per post or per day), all or nothing.

Rows that cannot be read stop the import with their line numbers; totals rows, description rows under the
header and note rows without any figure are skipped.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date
from typing import Any

from cmplanner.importers import aliases, dates, numbers
from cmplanner.importers.problems import ImportProblem
from cmplanner.importers.shapes import Match
from cmplanner.importers.spec import FOLLOWER_CHANGE, Alternative, Shape

SHOWN_LINES = 20
"""How many line numbers a problem lists."""

Values = dict[str, float]


@dataclass
class Stream:
    """The records of one table: ``key → (day, values)``; a repeated key keeps the later row."""

    shape: Shape
    label: str
    records: dict[Hashable, tuple[date, Values]]
    fields: tuple[str, ...]
    duplicates: int = 0
    year_inferred: bool = False


def resolve(shape: Shape, columns: dict[str, int]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Each field's columns as ``(index, sign)``: the first alternative whose columns are all free."""
    used: set[int] = set()
    resolved = []
    for field, alternatives in shape.fields.items():
        for alternative in alternatives:
            parts: tuple[str, ...] = alternative if isinstance(alternative, tuple) else (alternative,)
            cols = [(columns.get(part.lstrip("-")), -1 if part.startswith("-") else 1) for part in parts]
            if all(index is not None and index not in used for index, _ in cols):
                chosen = [(index, sign) for index, sign in cols if index is not None]
                used.update(index for index, _ in chosen)
                resolved.append((field, chosen))
                break
    return resolved


def _first(concepts: tuple[Alternative, ...], columns: dict[str, int]) -> int | None:
    return next((columns[c] for c in concepts if isinstance(c, str) and c in columns), None)


def parse(match: Match, label: str, reference: date) -> Stream:
    """The table's records; ImportProblem listing the lines of every row that cannot be read."""
    shape, table = match.shape, match.table
    fields = resolve(shape, match.columns)
    date_col = _first(shape.date, match.columns)
    key_col = match.columns.get(shape.key) if shape.key else None
    if date_col is None:  # pragma: no cover - every shape requires its date column
        raise ImportProblem("import.no_table", name=label)
    body = list(zip(table.rows[match.header + 1 :], table.lines[match.header + 1 :], strict=True))
    numeric = sorted({index for _, cols in fields for index, _ in cols})
    sample = [row[i] for row, _ in body[:2000] for i in numeric if i < len(row)]
    decimal = numbers.decimal_mark(sample, table.decimal)
    texts = {row[date_col].strip() for row, _ in body if date_col < len(row)}
    order = dates.infer_order(texts, shape.order or dates.default_order(texts))
    # one column added as is (most fields) goes the fast way; sums and differences the general way
    simple = [(field, cols[0][0]) for field, cols in fields if len(cols) == 1 and cols[0][1] == 1]
    summed = [(field, cols) for field, cols in fields if not (len(cols) == 1 and cols[0][1] == 1)]
    reader = _Cells(decimal, match.headers)
    totals = aliases.total_words()
    posts = shape.kind == "posts"
    records: dict[Hashable, tuple[dates.Day, Values]] = {}
    duplicates = 0
    errors = reader.errors
    days: dict[str, dates.Day | None] = {}
    for position, (row, line) in enumerate(body):
        width = len(row)
        text = row[date_col].strip() if date_col < width else ""
        if (row and row[0].strip().casefold() in totals) or text.casefold() in totals:
            continue
        before = len(errors)
        values: Values = {}
        for field, index in simple:
            cell = row[index] if index < width else ""
            if cell.isdecimal() and len(cell) <= 12:  # the common case, fast
                values[field] = int(cell)
            elif cell:
                value = reader.number(cell, line, index)
                if value is not None:
                    if value < 0 and field != FOLLOWER_CHANGE:
                        errors.append((line, reader.header(index), cell, "negative"))
                    values[field] = value
        for field, cols in summed:
            total = reader.total(row, cols, line)
            if total is not None:
                if total < 0 and field != FOLLOWER_CHANGE:
                    errors.append((line, reader.header(cols[0][0]), _cells(row, cols), "negative"))
                values[field] = total
        day = days.get(text, _MISSING)
        if day is _MISSING:  # "03/27/2026 06:08" and "03/27/2026 09:00": one parse per day, not per minute
            part = dates.day_part(text)
            day = days.get(part, _MISSING)
            if day is _MISSING:
                day = days[part] = _parse_day(part, order, table.workbook)
            days[text] = day
        if day is None:
            if not values and (len(errors) == before or position == 0):
                del errors[before:]
                continue  # a description row under the header, or a note without figures or date
            errors.append((line, reader.header(date_col), text, "date"))
        if len(errors) > before:
            continue
        key_text = row[key_col].strip() if key_col is not None and key_col < width else ""
        key: Hashable = (key_text or ("line", line)) if posts else (day, key_text)
        if key in records:
            duplicates += 1
        records[key] = (day, values)
    if errors:
        raise _problem(label, errors)
    placed, inferred = _place_years(records, posts, label, reference)
    return Stream(shape, label, placed, tuple(field for field, _ in fields), duplicates, inferred)


class _Cells:
    """Reads number cells the slow way, collecting ``(line, column, value, reason)`` for cells that fail."""

    def __init__(self, decimal: str, headers: list[str]) -> None:
        self.decimal = decimal
        self.headers = headers
        self.errors: list[tuple[int, str, str, str]] = []

    def header(self, index: int) -> str:
        return self.headers[index] if index < len(self.headers) and self.headers[index] else f"#{index + 1}"

    def number(self, cell: str, line: int, index: int) -> float | None:
        try:
            value = numbers.parse(cell, self.decimal)
        except ValueError:
            self.errors.append((line, self.header(index), cell, "number"))
            return None
        if value is not None and abs(value) > numbers.MAX_VALUE:
            self.errors.append((line, self.header(index), cell, "too_large"))
            return None
        return value

    def total(self, row: list[str], cols: list[tuple[int, int]], line: int) -> float | None:
        total: float | None = None
        for index, sign in cols:
            cell = row[index] if index < len(row) else ""
            value = self.number(cell, line, index) if cell else None
            if value is not None:
                total = sign * value if total is None else total + sign * value
        return total


def _place_years(
    records: dict[Hashable, tuple[dates.Day, Values]], posts: bool, label: str, reference: date
) -> tuple[dict[Hashable, tuple[date, Values]], bool]:
    """Records with year-less days (``September 25``) given their years, from the file's order and the export
    date; and whether any needed one."""
    yearless = [day for day, _ in records.values() if isinstance(day, tuple)]
    if not yearless:
        return records, False  # type: ignore[return-value]  # every day is a date
    try:
        placed = dict(zip(yearless, dates.resolve_years(yearless, reference), strict=True))
    except ValueError:
        raise ImportProblem("import.no_year", name=label) from None
    out: dict[Hashable, tuple[date, Values]] = {}
    for key, (day, values) in records.items():
        if isinstance(day, tuple):
            real = placed[day]
            out[key if posts else (real, key[1])] = (real, values)  # type: ignore[index]
        else:
            out[key] = (day, values)
    return out, True


_MISSING: Any = object()


def _parse_day(text: str, order: dates.Order, serial: bool) -> dates.Day | None:
    try:
        return dates.parse_day(text, order, serial) if text else None
    except ValueError:
        return None


def _cells(row: list[str], cols: list[tuple[int, int]]) -> str:
    return " ".join(row[index].strip() for index, _ in cols if index < len(row))


def _problem(label: str, errors: list[tuple[int, str, str, str]]) -> ImportProblem:
    """One problem for all unreadable rows: their line numbers, and the first one's column and value."""
    lines = sorted({error[0] for error in errors})
    shown = ", ".join(str(n) for n in lines[:SHOWN_LINES]) + (" …" if len(lines) > SHOWN_LINES else "")
    line, column, value, reason = errors[0]
    value = value if len(value) <= 40 else value[:39] + "…"
    return ImportProblem(
        f"import.bad_rows.{reason}",
        name=label,
        count=len(lines),
        lines=shown,
        line=line,
        column=column,
        value=value,
    )
