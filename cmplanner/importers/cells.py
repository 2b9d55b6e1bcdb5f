"""The rows under a table's header, read column by column as Arrow string arrays.

A CSV's records are parsed by Arrow's C++ CSV reader (a Meta post export of 100,000 rows in a fraction of a
second, only the columns a shape uses); a workbook's rows are already in memory. Either way every row gets the
line (row) number a user sees: the line of the header plus the record's place under it (a cell spanning lines
counts once, as in a spreadsheet). Rows with more cells than the table has columns are listed, not read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from cmplanner.importers import text
from cmplanner.importers.files import Table
from cmplanner.importers.problems import ImportProblem

BLOCK = 1 << 24
"""Arrow's parse block: larger than any one record (a post description with newlines) can be."""


@dataclass
class Cells:
    """The body of a table: for each column asked for, one text per row (``""`` for a missing cell)."""

    columns: dict[int, pa.Array]
    lines: np.ndarray
    too_wide: list[tuple[int, str]] = field(default_factory=list)
    """Rows left out because they hold more cells than the header has columns: (line, first extra cell)."""

    def __len__(self) -> int:
        return len(self.lines)

    def column(self, index: int | None) -> pa.Array:
        if index is None or index not in self.columns:
            return pa.array([""] * len(self), pa.string())
        return self.columns[index]

    def take(self, rows: np.ndarray) -> Cells:
        """Only these rows (positions or a boolean mask)."""
        picked = np.flatnonzero(rows) if rows.dtype == bool else rows
        indices = pa.array(picked, pa.int64())
        return Cells({i: col.take(indices) for i, col in self.columns.items()}, self.lines[picked])


def read(table: Table, header: int, wanted: Collection[int]) -> Cells:
    """The rows under ``table.rows[header]``, only the columns ``wanted``."""
    wanted = sorted({i for i in wanted if i >= 0})
    if table.source is None:
        return _from_rows(table.rows[header + 1 :], table.lines[header + 1 :], wanted)
    below = table.rows[header + 1 :]
    width = max([len(table.rows[header]), *(len(row) for row in below)])
    base = table.lines[header]
    try:
        return _arrow(table.source.body(base), table.source.delimiter, width, wanted, base)
    except (pa.ArrowException, ValueError):  # a text Arrow will not parse: the standard library's reader will
        body = text.after(table.source.text, base)
        return _python(table.name, body, table.source.delimiter, width, wanted, base)


def _from_rows(rows: list[list[str]], lines: list[int], wanted: list[int]) -> Cells:
    columns = {i: pa.array([row[i] if i < len(row) else "" for row in rows], pa.string()) for i in wanted}
    return Cells(columns, np.asarray(lines, dtype=np.int64))


def _arrow(body: bytes | memoryview, delimiter: str, width: int, wanted: list[int], base: int) -> Cells:
    if not bytes(body[:4096]).strip() and not bytes(body).strip():
        return _from_rows([], [], wanted)
    names = [f"c{i}" for i in range(width)]
    odd: list[tuple[int, str]] = []

    def handler(row: pacsv.InvalidRow) -> str:
        odd.append((row.number or 0, row.text))
        return "skip"

    table = pacsv.read_csv(
        pa.BufferReader(pa.py_buffer(body)),
        read_options=pacsv.ReadOptions(column_names=names, use_threads=False, block_size=BLOCK),
        parse_options=pacsv.ParseOptions(
            delimiter=delimiter,
            newlines_in_values=True,
            ignore_empty_lines=False,
            invalid_row_handler=handler,
        ),
        convert_options=pacsv.ConvertOptions(
            include_columns=[names[i] for i in wanted if i < width],
            column_types=dict.fromkeys(names, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    columns = {
        i: table.column(names[i]).combine_chunks()
        if i < width
        else pa.array([""] * table.num_rows, pa.string())
        for i in wanted
    }
    if any(number <= 0 for number, _ in odd):
        raise ValueError("a row without its number")  # then the record positions are unknown
    skipped = np.array(sorted(number - 1 for number, _ in odd), dtype=np.int64)
    shift = skipped - np.arange(len(skipped))
    positions = np.arange(table.num_rows, dtype=np.int64)
    positions += np.searchsorted(shift, positions, side="right")
    return _with_odd_rows(columns, positions, sorted(odd), delimiter, width, wanted, base)


def _with_odd_rows(
    columns: dict[int, pa.Array],
    positions: np.ndarray,
    odd: list[tuple[int, str]],
    delimiter: str,
    width: int,
    wanted: list[int],
    base: int,
) -> Cells:
    """Put back rows with fewer cells (padded) or with empty extra cells (trimmed); list the really wider ones."""
    too_wide: list[tuple[int, str]] = []
    extra_rows: list[list[str]] = []
    extra_positions: list[int] = []
    for number, raw in odd:
        fields = next(csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter), [])
        beyond = [cell for cell in fields[width:] if cell.strip()]
        if beyond:
            too_wide.append((base + number, beyond[0]))
            continue
        extra_rows.append(fields[:width] + [""] * (width - len(fields)))
        extra_positions.append(number - 1)
    if extra_rows:
        order = np.argsort(
            np.concatenate([positions, np.array(extra_positions, dtype=np.int64)]), kind="stable"
        )
        indices = pa.array(order, pa.int64())
        columns = {
            i: pa.concat_arrays(
                [col, pa.array([row[i] if i < width else "" for row in extra_rows], pa.string())]
            ).take(indices)
            for i, col in columns.items()
        }
        positions = np.concatenate([positions, np.array(extra_positions, dtype=np.int64)])[order]
    return Cells(columns, base + 1 + positions, too_wide)


def _python(label: str, body: str, delimiter: str, width: int, wanted: list[int], base: int) -> Cells:
    """The same as :func:`_arrow`, with the csv module (slower; for texts Arrow refuses)."""
    rows: list[list[str]] = []
    positions: list[int] = []
    too_wide: list[tuple[int, str]] = []
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    try:
        for position, fields in enumerate(reader):
            beyond = [cell for cell in fields[width:] if cell.strip()]
            if beyond:
                too_wide.append((base + 1 + position, beyond[0]))
                continue
            rows.append(fields)
            positions.append(position)
    except csv.Error:
        raise ImportProblem("import.bad_text", name=label, line=base + reader.line_num + 1) from None
    cells = _from_rows(rows, [base + 1 + p for p in positions], wanted)
    cells.too_wide = too_wide
    return cells
