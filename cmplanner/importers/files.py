"""Bytes → tables: CSV text in any of the encodings exports use, XLSX and XLS workbooks, and zip downloads.

Every table is a list of text rows with the line (or sheet row) number of each, so problems can point at
lines; a CSV keeps only its first records as rows and its text for reading the rest column by column. Nothing here knows about platforms. Limits (upload size, zip bombs, rows) are enforced here; every
failure is an :class:`ImportProblem`.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import PurePosixPath
from typing import Any

from cmplanner.importers import text
from cmplanner.importers.problems import ImportProblem

MB = 1024 * 1024
MAX_BYTES = 50 * MB
"""Largest upload (a year of daily posts is well under 5 MB)."""
MAX_UNZIPPED = 200 * MB
"""Largest total size of the tables inside one zip or workbook."""
MAX_RATIO = 100
"""Largest compression ratio of a zip member: CSV compresses ~10:1, a zip bomb by thousands."""
MAX_MEMBERS = 1000
MAX_ROWS = 500_000
"""Most rows in one upload (all its tables together)."""
MAX_COLUMNS = 500

TEXT = {".csv", ".tsv", ".txt"}
XLSX = {".xlsx", ".xlsm"}
XLS = {".xls"}
ZIP = {".zip"}
SUPPORTED = ".csv, .tsv, .txt, .xlsx, .xls, .zip"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "XLS"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"%PDF", "PDF"),
    (b"\x1f\x8b", "GZIP"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7Z"),
)


@dataclass
class Table:
    """One sheet or CSV: text cells, and the line (row) number of each row in its file."""

    name: str
    rows: list[list[str]]
    lines: list[int]
    made: date | None = None
    """When the table was written, if the container says (a zip member's time)."""
    workbook: bool = False
    """From a spreadsheet: a number in a date column may be an Excel day number."""
    decimal: str = "."
    """The decimal mark to assume when no value settles it (``,`` in ``;``-separated files)."""
    source: text.Source | None = None
    """A CSV's whole text: ``rows`` then hold only its first records (the head); the rest is read by column."""


def load(name: str, data: bytes) -> list[Table]:
    """The tables in an upload, refused if too large, not what its extension says, or unreadable."""
    if len(data) > MAX_BYTES:
        raise ImportProblem("import.too_large", name=name, size=_mb(len(data)), limit=_mb(MAX_BYTES))
    if not data:
        raise ImportProblem("import.empty", name=name)
    budget = _Budget(name)
    tables = _load(name, name, data, budget, made=None)
    if not tables:
        raise ImportProblem("import.no_table", name=name)
    return tables


class _Budget:
    """Rows and unzipped bytes left for one upload."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows = MAX_ROWS
        self.bytes = MAX_UNZIPPED

    def take_rows(self, count: int) -> None:
        self.rows -= count
        if self.rows < 0:
            raise ImportProblem("import.too_many_rows", name=self.name, limit=MAX_ROWS)

    def take_bytes(self, count: int) -> None:
        self.bytes -= count
        if self.bytes < 0:
            raise ImportProblem("import.zip_too_large", name=self.name, limit=_mb(MAX_UNZIPPED))


def _mb(size: int) -> str:
    return f"{size / MB:.1f}"


def sniff(data: bytes) -> str:
    """What the bytes are: ZIP, XLS, PNG, PDF, ... or TEXT."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "HTML"
    if head.startswith(b"<?xml"):
        return "XML"
    return "TEXT"


def _load(name: str, label: str, data: bytes, budget: _Budget, made: date | None) -> list[Table]:
    ext = PurePosixPath(name).suffix.lower()
    kind = sniff(data)
    if ext and ext not in TEXT | XLSX | XLS | ZIP:
        raise ImportProblem("import.unsupported_type", name=label, ext=ext, supported=SUPPORTED)
    if kind == "ZIP":
        with _open_zip(label, data) as zf:
            is_workbook = _is_workbook(zf)
            if ext in TEXT or ext in XLS or (ext in ZIP and is_workbook) or (ext in XLSX and not is_workbook):
                raise ImportProblem(
                    "import.mismatch", name=label, ext=ext, found="XLSX" if is_workbook else "ZIP"
                )
            if is_workbook:
                _check_zip(label, zf, budget, only_tables=False)
                return _xlsx(label, data, budget)
            return _zip(label, zf, budget)
    expected = "XLS" if ext in XLS else "XLSX" if ext in XLSX else "ZIP" if ext in ZIP else "TEXT"
    if kind != expected:
        if kind == "TEXT" or expected == "TEXT":
            found = "CSV" if kind == "TEXT" else kind
            raise ImportProblem("import.mismatch", name=label, ext=ext or "?", found=found)
        raise ImportProblem("import.mismatch", name=label, ext=ext, found=kind)
    if kind == "XLS":
        return _xls(label, data, budget)
    table = _text(label, data, budget)
    table.made = made
    return [table] if table.rows else []


# -- zip ------------------------------------------------------------------------------------------------------


def _open_zip(label: str, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise ImportProblem("import.bad_zip", name=label) from None


def _is_workbook(zf: zipfile.ZipFile) -> bool:
    names = set(zf.namelist())
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def _check_zip(label: str, zf: zipfile.ZipFile, budget: _Budget, only_tables: bool) -> list[zipfile.ZipInfo]:
    """The members to read, after the bomb checks: member count, encryption, each ratio, the total size."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ImportProblem("import.zip_too_many", name=label, limit=MAX_MEMBERS)
    chosen = []
    for info in infos:
        if not info.filename:  # a damaged directory entry: zipfile itself cannot tell what it is
            raise ImportProblem("import.bad_zip", name=label)
        if info.is_dir():
            continue
        path = PurePosixPath(info.filename)
        if only_tables and (
            path.suffix.lower() not in TEXT | XLSX | XLS
            or path.name.startswith(".")
            or "__MACOSX" in path.parts
        ):
            continue
        if info.flag_bits & 0x1:
            raise ImportProblem("import.zip_encrypted", name=label, member=info.filename)
        if info.file_size > MAX_UNZIPPED or (
            info.file_size > 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise ImportProblem("import.zip_bomb", name=label, member=info.filename)
        chosen.append(info)
    total = sum(info.file_size for info in chosen)
    if total > budget.bytes:
        raise ImportProblem("import.zip_too_large", name=label, limit=_mb(MAX_UNZIPPED))
    return chosen


def _zip(label: str, zf: zipfile.ZipFile, budget: _Budget) -> list[Table]:
    """The tables of a zip download (TikTok, YouTube), oldest member first; other members are ignored."""
    members = _check_zip(label, zf, budget, only_tables=True)
    members.sort(key=lambda info: info.date_time)  # stable: same time keeps the zip's order
    tables: list[Table] = []
    for info in members:
        raw = _read_member(label, zf, info, budget)
        member = f"{label}/{info.filename}"
        try:
            made: date | None = date(*info.date_time[:3])
        except ValueError:
            made = None
        if made and made.year < 2005:  # 1980-01-01: no time recorded
            made = None
        if not raw:
            continue
        tables += _load(info.filename, member, raw, budget, made)
    if not tables:
        raise ImportProblem("import.zip_no_tables", name=label, supported=".csv, .xlsx, .xls")
    return tables


def _read_member(label: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """A member's bytes, counted as they come (never trusting the sizes the zip declares)."""
    chunks = []
    size = 0
    try:
        with zf.open(info) as f:
            while chunk := f.read(1 << 20):
                size += len(chunk)
                budget.take_bytes(len(chunk))
                if size > info.file_size or size > MAX_RATIO * max(info.compress_size, 1) + 1024:
                    raise ImportProblem("import.zip_bomb", name=label, member=info.filename)
                chunks.append(chunk)
    except ImportProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise ImportProblem("import.bad_zip", name=label) from None
    return b"".join(chunks)


# -- workbooks ------------------------------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A spreadsheet cell as the text a CSV would hold (dates in ISO, 12.0 as 12)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def _sheet(label: str, rows: Any, budget: _Budget) -> Table:
    out: list[list[str]] = []
    lines: list[int] = []
    for number, row in enumerate(rows, start=1):
        cells = [cell_text(v) for v in row[:MAX_COLUMNS]]
        if any(c.strip() for c in cells):
            budget.take_rows(1)
            out.append(cells)
            lines.append(number)
    return Table(label, out, lines, workbook=True)


def _xlsx(label: str, data: bytes, budget: _Budget) -> list[Table]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises whatever its XML and zip layers raise on a damaged file
        raise ImportProblem("import.bad_workbook", name=label) from None
    try:
        tables = []
        for ws in book.worksheets:
            tables.append(_sheet(f"{label} ({ws.title})", ws.iter_rows(values_only=True), budget))
    except ImportProblem:
        raise
    except Exception:
        raise ImportProblem("import.bad_workbook", name=label) from None
    finally:
        book.close()
    return [table for table in tables if table.rows]


def _xls(label: str, data: bytes, budget: _Budget) -> list[Table]:
    """A BIFF workbook (LinkedIn's ``.xls``), read with xlrd."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, logfile=io.StringIO(), on_demand=True)
    except Exception:  # xlrd raises XLRDError, CompDocError, struct errors, assertions on damaged files
        raise ImportProblem("import.bad_workbook", name=label) from None
    tables = []
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.nrows > budget.rows:
                budget.take_rows(sheet.nrows)
            rows = (
                [_xls_cell(book, sheet.cell(r, c)) for c in range(min(sheet.ncols, MAX_COLUMNS))]
                for r in range(sheet.nrows)
            )
            tables.append(_sheet(f"{label} ({sheet.name})", rows, budget))
    except ImportProblem:
        raise
    except Exception:
        raise ImportProblem("import.bad_workbook", name=label) from None
    finally:
        book.release_resources()
    return [table for table in tables if table.rows]


def _xls_cell(book: Any, cell: Any) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(cell.value, book.datemode).isoformat()
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return str(bool(cell.value))
    return cell_text(cell.value)


# -- text -----------------------------------------------------------------------------------------------------


def _text(label: str, data: bytes, budget: _Budget) -> Table:
    """A CSV's first records; the rest stays text until a shape's columns are read (``cells.read``)."""
    decoded, utf8 = text.decoded(label, data)
    if text.looks_binary(decoded):
        raise ImportProblem("import.not_text", name=label)
    unwrapped = text.unwrap(decoded)
    if unwrapped is not decoded:
        utf8 = None
    # lines (at least as many as rows), counted in the bytes when they are the text already: memchr-fast
    newlines = utf8.count(b"\n") if utf8 is not None else unwrapped.count("\n")
    budget.take_rows(newlines or unwrapped.count("\r"))
    rows, lines, source = text.head(label, unwrapped, utf8)
    return Table(label, rows, lines, decimal="," if source.delimiter == ";" else ".", source=source)
