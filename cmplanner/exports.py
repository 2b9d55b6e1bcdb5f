"""Data out: weekly metrics as CSV and XLSX, written so no spreadsheet runs them as formulas.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula
(CSV injection). User text is therefore written inert: in CSV such a text gets a leading apostrophe (as does a
text that starts with an apostrophe, so reading it back is lossless); in XLSX every text cell is an explicit
string with Excel's quote prefix, so the text stays exactly as typed. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from cmplanner import periods
from cmplanner.models import METRIC_FIELDS, Strategy, WeekMetrics

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
COLUMNS: tuple[str, ...] = (
    "strategy",
    "platform",
    "week",
    "week_start",
    "month",
    "quarter",
    *METRIC_FIELDS,
    "source",
)
"""One row per platform and week; ``week_start``, ``month`` and ``quarter`` are derived from ``week``."""


# ------------------------------------------------------------------------------------------- metrics out


def slug(text: str) -> str:
    """A file-name stem from a name: ``Bakkerij Dé Korenschoof`` → ``bakkerij-de-korenschoof``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "strategy"


def escape_text(text: str) -> str:
    """A text a spreadsheet shows as text: a leading apostrophe when it would start a formula (or starts with one)."""
    return QUOTE + text if text.startswith((*FORMULA_START, QUOTE)) else text


def metrics_records(strategy: Strategy, rows: Sequence[WeekMetrics]) -> list[dict[str, Any]]:
    """One dict per platform and week (sorted by week, then platform), keys ``COLUMNS``; ``None`` = not logged."""
    records = []
    for row in sorted(rows, key=lambda r: (r.week, r.platform.value)):
        data = row.model_dump(mode="json")
        records.append(
            {
                "strategy": strategy.name,
                "platform": row.platform.value,
                "week": row.week,
                "week_start": periods.week_monday(row.week),
                "month": periods.month_of_week(row.week),
                "quarter": periods.quarter_of_week(row.week),
                **{name: data[name] for name in METRIC_FIELDS},
                "source": row.source,
            }
        )
    return records


def metrics_csv(strategy: Strategy, rows: Sequence[WeekMetrics]) -> bytes:
    """The metrics as CSV (UTF-8 with BOM so spreadsheets pick the encoding, comma-separated, header row)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in metrics_records(strategy, rows):
        writer.writerow([_csv_cell(record[name]) for name in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_text(value)
    return str(value)


def metrics_xlsx(strategy: Strategy, rows: Sequence[WeekMetrics]) -> bytes:
    """The metrics as an Excel workbook: one sheet, a bold frozen header, numbers as numbers, text inert."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "metrics"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r, record in enumerate(metrics_records(strategy, rows), start=2):
        for c, name in enumerate(COLUMNS, start=1):
            value = record[name]
            if value is None:
                continue
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever it starts with
                cell.quotePrefix = True
            elif name == "week_start":
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    for c, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = max(10, len(name) + 2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
