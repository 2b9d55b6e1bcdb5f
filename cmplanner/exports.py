"""Data out and back: weekly metrics as CSV and XLSX, the whole workspace as a JSON backup, and restore.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula
(CSV injection). User text is therefore written inert: in CSV such a text gets a leading apostrophe (as does a
text that starts with an apostrophe, so reading it back is lossless); in XLSX every text cell is an explicit
string with Excel's quote prefix, so the text stays exactly as typed. Numbers are written as numbers.

Restore (:func:`restore`) reads a backup written by :func:`backup_json` (or ``cmplanner export``): it validates
the whole document first (every strategy, metric row, review and checklist tick must parse), refuses a file
it cannot read with one clear :class:`DataError`, keeps a copy of every strategy file it replaces in
``backups/<id>/before-restore-<time>.json``, and writes all files or none. Strategies in the workspace that
are not in the backup are left as they are.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel, ValidationError

from cmplanner import i18n, periods
from cmplanner import store as store_module
from cmplanner.models import METRIC_FIELDS, Strategy, WeekMetrics
from cmplanner.store import SCHEMA_VERSION, Store, write_atomic

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
_ID = re.compile(r"[0-9a-f]{32}")


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


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


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


# ------------------------------------------------------------------------------------------- backup


def backup_json(store: Store) -> bytes:
    """The whole workspace (``Store.export``) as indented JSON: every strategy file with all its tables."""
    return orjson.dumps(store.export(), option=orjson.OPT_INDENT_2)


@dataclass
class RestoreResult:
    names: list[str] = field(default_factory=list)
    """The strategies restored, in the backup's order."""
    replaced: int = 0
    added: int = 0
    copies: list[Path] = field(default_factory=list)
    """Copies of the files that were replaced."""


def _schema_of(tables: dict) -> int:
    meta = next(iter(tables.get("_meta", {}).values()), None) or {}
    version = meta.get("schema", 1) if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError(f"bad schema version: {version!r}")
    return version


def _check_file(n: int, tables: Any) -> tuple[str, dict]:
    """One strategy file of a backup, migrated and validated: (strategy id, tables)."""
    if not isinstance(tables, dict) or not all(
        isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in tables.values()
    ):
        raise DataError("data.bad_strategy", n=n, name="?", error="not a strategy file")
    try:
        version = _schema_of(tables)
    except ValueError as exc:
        raise DataError("data.bad_strategy", n=n, name="?", error=str(exc)) from None
    if version > SCHEMA_VERSION:
        raise DataError("data.newer", found=version, supported=SCHEMA_VERSION)
    while version < SCHEMA_VERSION:
        tables = store_module.MIGRATIONS[version](tables)
        version += 1
    tables = {**tables, "_meta": {"1": {"schema": SCHEMA_VERSION}}}
    docs = list(tables.get("strategy", {}).values())
    name = str(docs[0].get("name", "?")) if docs else "?"
    from cmplanner.reviews import TABLE as REVIEWS_TABLE  # lazy: keeps the command line quick to start
    from cmplanner.reviews import Review

    if len(docs) != 1:
        raise DataError("data.bad_strategy", n=n, name=name, error="expected one strategy")
    try:
        strategy = Strategy.model_validate(docs[0])
    except ValidationError as exc:
        raise DataError("data.bad_strategy", n=n, name=name, error=_first_error(exc)) from None
    if not _ID.fullmatch(strategy.id):
        raise DataError("data.bad_strategy", n=n, name=name, error=f"bad id {strategy.id!r}")
    models: dict[str, type[BaseModel]] = {"metrics": WeekMetrics, REVIEWS_TABLE: Review}
    for table, model in models.items():
        for doc_id, doc in tables.get(table, {}).items():
            try:
                model.model_validate(doc)
            except ValidationError as exc:
                error = f"{table} {doc_id}: {_first_error(exc)}"
                raise DataError("data.bad_strategy", n=n, name=name, error=error) from None
    for doc_id, doc in tables.get("checks", {}).items():
        if not (
            isinstance(doc.get("task"), str)
            and isinstance(doc.get("period_key"), str)
            and isinstance(doc.get("done"), int)
        ):
            raise DataError(
                "data.bad_strategy", n=n, name=name, error=f"checks {doc_id}: not a checklist tick"
            )
    return strategy.id, tables


def check_backup(data: bytes) -> list[tuple[str, dict]]:
    """Validate a whole backup before anything is written: its strategy files as (id, tables).

    Raises :class:`DataError` for a file that is empty, not JSON, not a cmplanner backup, of a newer schema,
    without strategies, with a strategy that does not parse, or with one strategy twice.
    """
    if not data.strip():
        raise DataError("data.empty")
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise DataError("data.not_json", error=str(exc)) from None
    if not isinstance(document, dict) or not isinstance(document.get("strategies"), list):
        raise DataError("data.not_backup")
    version = document.get("schema", 1)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise DataError("data.newer", found=version, supported=SCHEMA_VERSION)
    if not document["strategies"]:
        raise DataError("data.no_strategies")
    files = [_check_file(n, tables) for n, tables in enumerate(document["strategies"], start=1)]
    ids = [sid for sid, _ in files]
    twice = sorted({sid for sid in ids if ids.count(sid) > 1})
    if twice:
        raise DataError("data.duplicate", strategy_id=twice[0])
    return files


def restore(store: Store, data: bytes) -> RestoreResult:
    """Bring back the strategies of a backup, all or nothing (see the module docstring)."""
    files = check_backup(data)
    result = RestoreResult()
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    with ExitStack() as stack:
        # the store's own locks: other threads and processes wait until every file is written
        stack.enter_context(store._lock)
        for sid in sorted(sid for sid, _ in files):
            stack.enter_context(store._file_lock(store.path(sid)))
        old = {sid: _read_bytes(store.path(sid)) for sid, _ in files}
        for sid, raw in old.items():
            if raw is not None:
                folder = store.backups / sid
                folder.mkdir(parents=True, exist_ok=True)
                copy = folder / f"before-restore-{stamp}.json"
                write_atomic(copy, raw)
                result.copies.append(copy)
        written: list[str] = []
        try:
            for sid, tables in files:
                write_atomic(store.path(sid), orjson.dumps(tables))
                written.append(sid)
        except BaseException:
            for sid in written:  # put back what was there
                raw = old[sid]
                if raw is None:
                    store.path(sid).unlink(missing_ok=True)
                else:
                    write_atomic(store.path(sid), raw)
            raise
    for sid, tables in files:
        result.names.append(str(next(iter(tables["strategy"].values()))["name"]))
        if old[sid] is None:
            result.added += 1
        else:
            result.replaced += 1
    return result


# ------------------------------------------------------------------------------------------- command line


def find_strategy(store: Store, ref: str) -> Strategy:
    """A strategy by id or exact name; DataError when there is none or the name is not unique."""
    if _ID.fullmatch(ref) and store.path(ref).exists():
        return store.get(ref)
    found = [s for s in store.list()[0] if s.name == ref]
    if not found:
        raise DataError("data.no_such_strategy", ref=ref)
    if len(found) > 1:
        raise DataError("data.ambiguous", ref=ref, n=len(found))
    return found[0]


def _write(out: str, payload: bytes) -> Path:
    path = Path(out)
    if not path.parent.is_dir():
        raise DataError("data.no_folder", path=str(path.parent))
    write_atomic(path, payload)
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    store = Store(store_module.default_root())
    payload = backup_json(store)
    path = _write(args.out, payload)
    print(f"backed up {len(orjson.loads(payload)['strategies'])} strategies to {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError("data.cannot_read", path=str(path), error=exc.strerror or str(exc)) from None
    result = restore(Store(store_module.default_root()), data)
    print(
        f"restored {len(result.names)} strategies ({result.replaced} replaced, {result.added} added)"
        + (f"; copies of the replaced files are in {result.copies[0].parent.parent}" if result.copies else "")
    )
    return 0


def cmd_metrics(args: argparse.Namespace) -> int:
    store = Store(store_module.default_root())
    strategy = find_strategy(store, args.strategy)
    rows = store.weeks(strategy.id)
    payload = metrics_csv(strategy, rows) if args.format == "csv" else metrics_xlsx(strategy, rows)
    path = _write(args.out, payload)
    print(f"wrote {len(rows)} weeks of {strategy.name} to {path}")
    return 0


def add_commands(sub: Any) -> None:
    """Register ``backup``, ``restore`` and ``metrics`` on the ``cmplanner`` command's subparsers."""
    backup = sub.add_parser("backup", help="the whole workspace as one JSON backup file")
    backup.add_argument("--out", required=True, help="file to write")
    backup.set_defaults(func=cmd_backup)
    restore_ = sub.add_parser("restore", help="bring back the strategies of a backup (validated first)")
    restore_.add_argument("file", help="a backup written by `cmplanner backup`")
    restore_.set_defaults(func=cmd_restore)
    metrics = sub.add_parser("metrics", help="a strategy's weekly metrics as CSV or XLSX")
    metrics.add_argument("strategy", help="strategy id or exact name")
    metrics.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    metrics.add_argument("--out", required=True, help="file to write")
    metrics.set_defaults(func=cmd_metrics)
