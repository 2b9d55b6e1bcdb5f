"""Data out and back: weekly metrics as CSV and XLSX, written so no spreadsheet runs them as formulas.

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

from pydantic import ValidationError

from cmplanner import i18n, periods
from cmplanner.models import METRIC_FIELDS, Strategy, WeekMetrics

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
TEXT_COLUMNS = ("strategy", "source")
"""User text columns: escaped on the way out, unescaped on the way back."""
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


class DataError(ValueError):
    """A file or argument we cannot use: an i18n key (``data.*``) and its params; ``str()`` is the English line."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str) -> str:
        return i18n.t(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.text("en")


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}" if where else err["msg"]


# ------------------------------------------------------------------------------------------- metrics out


def slug(text: str) -> str:
    """A file-name stem from a name: ``Bakkerij Dé Korenschoof`` → ``bakkerij-de-korenschoof``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "strategy"


def escape_text(text: str) -> str:
    """A text a spreadsheet shows as text: a leading apostrophe when it would start a formula (or starts with one)."""
    return QUOTE + text if text.startswith((*FORMULA_START, QUOTE)) else text


def unescape_text(text: str) -> str:
    """The text :func:`escape_text` was given."""
    if text.startswith(QUOTE) and text[1:].startswith((*FORMULA_START, QUOTE)):
        return text[1:]
    return text


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


# ------------------------------------------------------------------------------------------- metrics back


def _week_rows(records: list[dict[str, Any]]) -> list[WeekMetrics]:
    rows = []
    for line, record in enumerate(records, start=2):
        data = {name: record.get(name) for name in ("platform", "week", *METRIC_FIELDS, "source")}
        data = {k: v for k, v in data.items() if v not in (None, "")}
        source = data.get("source")
        if isinstance(source, str):
            data["source"] = unescape_text(source)
        try:
            rows.append(WeekMetrics.model_validate(data))
        except ValidationError as exc:
            raise DataError("data.bad_row", line=line, error=_first_error(exc)) from None
    return rows


def read_metrics_csv(data: bytes) -> list[WeekMetrics]:
    """The rows of a :func:`metrics_csv` file (derived and unknown columns are ignored)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError("data.not_utf8") from None
    return _week_rows(list(csv.DictReader(io.StringIO(text))))


def read_metrics_xlsx(data: bytes) -> list[WeekMetrics]:
    """The rows of a :func:`metrics_xlsx` file (first sheet; derived and unknown columns are ignored)."""
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise DataError("data.not_xlsx", error=str(exc) or type(exc).__name__) from None
    lines = list(sheet.iter_rows(values_only=True))
    if not lines:
        return []
    header = [str(h) if h is not None else "" for h in lines[0]]
    return _week_rows([dict(zip(header, line, strict=False)) for line in lines[1:]])
