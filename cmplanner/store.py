"""Strategy files: TinyDB made safe for many threads and processes (DESIGN.md, "Storage: TinyDB made safe").

One JSON file per strategy, ``<root>/strategies/<id>.json``, holding TinyDB tables: ``_meta`` (schema version),
``strategy`` (one doc), ``draft`` (one doc), ``metrics`` (one doc per platform and ISO week), plus whatever later
features add through :meth:`Store.transaction`.

Every change is one unit of work under a thread lock and a file lock: the file is read once, changed in memory
through a fresh TinyDB, and written once, atomically (temp file, fsync, ``os.replace``), so neither a reader nor
a crash ever sees half a file. Reads need no lock for the same reason.
"""

from __future__ import annotations

import builtins
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, cast

import filelock
import orjson
from pydantic import TypeAdapter, ValidationError
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from cmplanner.models import Strategy, WeekMetrics, new_id, now

SCHEMA_VERSION: int = 1
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}
"""``MIGRATIONS[n]`` turns a whole file dict (all tables) of schema ``n`` into schema ``n + 1``."""

KEEP_BACKUPS = 14
LOCK_TIMEOUT = 30.0  # seconds to wait for another process before giving up with ``store.locked``

_WEEK_LIST = TypeAdapter(list[WeekMetrics])  # one call validates all rows: ~30% faster than a loop
_ID = re.compile(r"[0-9a-f]{32}")
# daily and pre-migration backups, pruned to KEEP_BACKUPS; deleted-*.json copies are kept
_DATED = re.compile(r"\d{4}-\d{2}-\d{2}.*\.json")


def default_root() -> Path:
    """The data folder: ``$CMPLANNER_DATA``, else ``data/`` next to app.py."""
    env = os.environ.get("CMPLANNER_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data"


class StoreError(Exception):
    """A storage problem to show the user: an i18n key (``store.*``), its params, and the file concerned.

    ``params`` always holds ``path`` (as text), so ``i18n.t(err.key, lang, **err.params)`` renders it.
    """

    def __init__(self, key: str, path: Path | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.path = path
        self.params: dict[str, Any] = {"path": str(path) if path else "", **params}

    def __str__(self) -> str:
        from cmplanner.i18n import t  # lazy: keeps the store (and its writer processes) light

        return t(self.key, "en", **self.params)


@dataclass
class DamagedFile:
    """A strategy file that does not load; it is left exactly as it is."""

    path: Path
    error: str
    backup: Path | None = None  # newest backup of that strategy, if any


@dataclass
class UpsertResult:
    new: int = 0
    changed: int = 0
    unchanged: int = 0


def write_atomic(path: Path, payload: bytes) -> None:
    """Replace ``path`` by ``payload`` all at once: temp file in the same folder, fsync, ``os.replace``, fsync dir."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        for attempt in range(20):
            try:
                os.replace(tmp, path)
                break
            except PermissionError:  # Windows: a reader still has the file open
                if os.name != "nt" or attempt == 19:
                    raise
                time.sleep(0.05)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if os.name == "posix":
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves half a file. Not a lock: use it inside one, as :class:`Store` does."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict | None:
        """The file's tables; None for a missing or empty file; raises ValueError on invalid JSON."""
        raw = _read_bytes(self.path)
        return orjson.loads(raw) if raw and raw.strip() else None

    def write(self, data: dict) -> None:
        write_atomic(self.path, orjson.dumps(data))


class _Memory(Storage):
    """The in-memory copy of a file a transaction works on."""

    def __init__(self, data: dict) -> None:
        self.data = data

    def read(self) -> dict:
        return self.data

    def write(self, data: dict) -> None:
        self.data = data


class Store:
    """All strategy files under one data root. Use one instance per process (it holds the thread lock)."""

    def __init__(self, root: Path | str, *, today: Callable[[], date] = date.today) -> None:
        self.root = Path(root)
        self.strategies = self.root / "strategies"
        self.backups = self.root / "backups"
        self.strategies.mkdir(parents=True, exist_ok=True)
        self.backups.mkdir(parents=True, exist_ok=True)
        self.today = today  # the clock that names daily backups
        self._lock = threading.RLock()
        self._open: dict[str, TinyDB] = {}  # strategy id -> TinyDB of the transaction in progress
        self._cache: dict[Path, tuple[tuple[int, int, int], Strategy]] = {}

    # -- files -------------------------------------------------------------------------------------------

    def path(self, strategy_id: str) -> Path:
        """``root/strategies/<id>.json``; the id must be a uuid hex, so the path cannot leave the folder."""
        if not isinstance(strategy_id, str) or not _ID.fullmatch(strategy_id):
            raise StoreError("store.bad_id", strategy_id=str(strategy_id))
        return self.strategies / f"{strategy_id}.json"

    def newest_backup(self, strategy_id: str) -> Path | None:
        """The most recent daily or pre-migration backup of a strategy."""
        dated = self._dated_backups(strategy_id)
        return dated[-1] if dated else None

    def _dated_backups(self, strategy_id: str) -> list[Path]:
        folder = self.backups / strategy_id
        return sorted(p for p in folder.glob("*.json") if _DATED.fullmatch(p.name))

    def _files(self) -> list[Path]:
        return sorted(p for p in self.strategies.glob("*.json") if _ID.fullmatch(p.stem))

    def _backup(self, strategy_id: str, raw: bytes, name: str) -> None:
        folder = self.backups / strategy_id
        folder.mkdir(exist_ok=True)
        write_atomic(folder / name, raw)
        for old in self._dated_backups(strategy_id)[:-KEEP_BACKUPS]:
            old.unlink(missing_ok=True)

    @contextmanager
    def _file_lock(self, path: Path) -> Iterator[None]:
        lock = filelock.FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise StoreError("store.locked", path) from None
        try:
            yield
        finally:
            lock.release()

    def _damaged(self, path: Path, error: str) -> StoreError:
        backup = self.newest_backup(path.stem)
        key = "store.damaged" if backup else "store.damaged_no_backup"
        return StoreError(key, path, error=error, backup=str(backup) if backup else "")

    def _parse(self, path: Path, raw: bytes) -> dict:
        """A file's tables, migrated in memory to the current schema; StoreError if it is damaged."""
        try:
            return _migrate(_load_tables(raw))
        except ValueError as exc:
            raise self._damaged(path, str(exc)) from None

    def _read(self, strategy_id: str) -> dict:
        """A strategy file's tables, read without a lock (files are only ever replaced whole)."""
        path = self.path(strategy_id)
        raw = _read_bytes(path)
        if raw is None:
            raise StoreError("store.not_found", path, strategy_id=strategy_id)
        return self._parse(path, raw)

    def _strategy(self, path: Path, doc: dict | None) -> Strategy:
        if doc is None:
            raise self._damaged(path, "the file holds no strategy")
        try:
            return Strategy.model_validate(doc)
        except ValidationError as exc:
            raise self._damaged(path, _first_error(exc)) from None

    def _strategy_at(self, path: Path) -> Strategy:
        """The strategy in a file, parsed once per version of the file (inode, mtime, size)."""
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
            cached = self._cache.get(path)
            if cached is None or cached[0] != stamp:
                data = self._parse(path, f.read())
                cached = (stamp, self._strategy(path, _one(data, "strategy")))
                self._cache[path] = cached
        return cached[1].model_copy(deep=True)

    # -- units of work -------------------------------------------------------------------------------------

    @contextmanager
    def transaction(self, strategy_id: str) -> Iterator[TinyDB]:
        """A TinyDB over an existing strategy file, locked against other threads and processes.

        The file is read once; the body works on that copy in memory; at the end the file is written once,
        atomically, and only if something changed. If the body raises, nothing is written. A nested
        transaction on the same strategy (same thread) joins the outer one.
        """
        with self._transaction(strategy_id, create=False) as db:
            yield db

    @contextmanager
    def _transaction(self, strategy_id: str, create: bool) -> Iterator[TinyDB]:
        path = self.path(strategy_id)
        with self._lock:
            if strategy_id in self._open:
                yield self._open[strategy_id]
                return
            with self._file_lock(path):
                raw = _read_bytes(path)
                if raw is None and not create:
                    raise StoreError("store.not_found", path, strategy_id=strategy_id)
                if raw is None:
                    data = {"_meta": {"1": {"schema": SCHEMA_VERSION}}}
                else:
                    try:
                        data = _load_tables(raw)
                    except ValueError as exc:
                        raise self._damaged(path, str(exc)) from None
                    version = _schema(data)
                    if version > SCHEMA_VERSION:
                        raise StoreError("store.newer_schema", path, found=version, supported=SCHEMA_VERSION)
                    if version < SCHEMA_VERSION:
                        self._backup(strategy_id, raw, f"{self.today().isoformat()}-schema{version}.json")
                        data = _migrate(data)
                db = TinyDB(data, storage=_Memory)
                self._open[strategy_id] = db
                try:
                    yield db
                finally:
                    del self._open[strategy_id]
                payload = orjson.dumps(_data(db))
                if payload != raw:
                    daily = f"{self.today().isoformat()}.json"  # backup before the first write of the day
                    if raw is not None and not (self.backups / strategy_id / daily).exists():
                        self._backup(strategy_id, raw, daily)
                    write_atomic(path, payload)

    # -- strategies ----------------------------------------------------------------------------------------

    def check(self) -> list[DamagedFile]:
        """Start-up check: remove temp files left by a crash, parse every file, report the damaged ones.

        A damaged file is never replaced or removed.
        """
        strays = [*self.strategies.glob(".*.tmp"), *self.backups.glob("*/.*.tmp")]
        for tmp in strays:
            owner = tmp.name[1:33] if tmp.parent == self.strategies else tmp.parent.name
            if _ID.fullmatch(owner):  # wait for a writer that may still be busy with it
                with self._lock, self._file_lock(self.path(owner)):
                    tmp.unlink(missing_ok=True)
            else:
                tmp.unlink(missing_ok=True)
        return self.list()[1]

    def list(self) -> tuple[list[Strategy], list[DamagedFile]]:
        """All strategies, sorted by name (case-insensitive), and the files that do not load."""
        strategies: list[Strategy] = []
        damaged: list[DamagedFile] = []
        files = self._files()
        for path in files:
            try:
                strategies.append(self._strategy_at(path))
            except FileNotFoundError:
                continue  # deleted meanwhile
            except StoreError as err:
                damaged.append(DamagedFile(path, err.params["error"], self.newest_backup(path.stem)))
        for gone in set(list(self._cache)) - set(files):  # list(): a snapshot other threads cannot disturb
            self._cache.pop(gone, None)
        strategies.sort(key=lambda s: s.name.casefold())
        return strategies, damaged

    def get(self, strategy_id: str) -> Strategy:
        """One strategy; StoreError if it does not exist or its file is damaged (naming file and backup)."""
        path = self.path(strategy_id)
        try:
            return self._strategy_at(path)
        except FileNotFoundError:
            raise StoreError("store.not_found", path, strategy_id=strategy_id) from None

    def save(self, strategy: Strategy) -> Strategy:
        """Store a strategy (creating its file if new); returns it with ``updated_at`` set."""
        saved = strategy.model_copy(update={"updated_at": now()}, deep=True)
        with self._transaction(saved.id, create=True) as db:
            _put(db, "strategy", saved.model_dump(mode="json"))
        return saved

    def create(self, name: str) -> Strategy:
        return self.save(Strategy(name=name))

    def duplicate(self, strategy_id: str, name: str) -> Strategy:
        """A copy of a strategy and all its tables (metrics, draft, checks, ...) under a new id and name."""
        path = self.path(strategy_id)
        data = self._read(strategy_id)
        if _schema(data) > SCHEMA_VERSION:
            raise StoreError("store.newer_schema", path, found=_schema(data), supported=SCHEMA_VERSION)
        source = self._strategy(path, _one(data, "strategy"))
        stamp = now()
        copy = Strategy.model_validate(
            source.model_dump() | {"id": new_id(), "name": name, "created_at": stamp, "updated_at": stamp}
        )
        tables = {table: docs for table, docs in data.items() if table != "_meta"}
        tables["strategy"] = {"1": copy.model_dump(mode="json")}
        with self._transaction(copy.id, create=True) as db:
            _data(db).update(tables)
        return copy

    def rename(self, strategy_id: str, name: str) -> Strategy:
        with self.transaction(strategy_id) as db:
            strategy = self._strategy(self.path(strategy_id), _one(_data(db), "strategy"))
            strategy.name = name  # validated: a bad name raises before anything is written
            strategy.updated_at = now()
            _put(db, "strategy", strategy.model_dump(mode="json"))
        return strategy

    def delete(self, strategy_id: str) -> None:
        """Remove a strategy; a copy stays in ``backups/<id>/deleted-<timestamp>.json``."""
        path = self.path(strategy_id)
        with self._lock, self._file_lock(path):
            raw = _read_bytes(path)
            if raw is None:
                raise StoreError("store.not_found", path, strategy_id=strategy_id)
            self._backup(strategy_id, raw, f"deleted-{datetime.now().strftime('%Y%m%dT%H%M%S%f')}.json")
            path.unlink()
        self._cache.pop(path, None)

    # -- draft and metrics ---------------------------------------------------------------------------------

    def load_draft(self, strategy_id: str) -> dict:
        """The wizard's raw, unvalidated input ({} if none)."""
        return _one(self._read(strategy_id), "draft") or {}

    def save_draft(self, strategy_id: str, draft: dict) -> None:
        with self.transaction(strategy_id) as db:
            _put(db, "draft", dict(draft))

    def weeks(self, strategy_id: str) -> builtins.list[WeekMetrics]:  # builtins: ``list`` is a method here
        """All logged weeks, sorted by (week, platform)."""
        data = self._read(strategy_id)
        try:
            rows = _WEEK_LIST.validate_python(list(data.get("metrics", {}).values()))
        except ValidationError as exc:
            raise self._damaged(self.path(strategy_id), _first_error(exc)) from None
        return sorted(rows, key=lambda m: (m.week, m.platform.value))

    def upsert_weeks(self, strategy_id: str, rows: Iterable[WeekMetrics]) -> UpsertResult:
        """Insert or replace weeks by (platform, week), all in one write; identical rows count unchanged.

        If ``rows`` repeats a (platform, week), the last one wins.
        """
        # fields not logged (None) are left out of the file: smaller files read and write faster
        incoming = {
            (row.platform.value, row.week): row.model_dump(mode="json", exclude_none=True) for row in rows
        }
        result = UpsertResult()
        if not incoming:
            return result
        weeks = {week for _, week in incoming}
        with self.transaction(strategy_id) as db:
            # straight on TinyDB's table dict ({"<doc id>": doc}): at 10k rows, building TinyDB Documents and
            # rebuilding the table once per operation would cost more than reading and writing the file
            metrics = _data(db).setdefault("metrics", {})
            found = {
                (doc.get("platform"), week): doc_id
                for doc_id, doc in metrics.items()
                if (week := doc.get("week")) in weeks
            }
            next_id = 0
            for key, doc in incoming.items():
                doc_id = found.get(key)
                if doc_id is None:
                    next_id = next_id or max(map(int, metrics), default=0) + 1
                    metrics[str(next_id)] = doc
                    next_id += 1
                    result.new += 1
                elif {k: v for k, v in metrics[doc_id].items() if v is not None} == doc:
                    result.unchanged += 1
                else:
                    metrics[doc_id] = doc
                    result.changed += 1
        return result

    # -- whole workspace -----------------------------------------------------------------------------------

    def export(self) -> dict:
        """The whole workspace as one JSON-able document; damaged files are listed, not included."""
        files: list[dict] = []
        damaged: list[dict] = []
        for path in self._files():
            try:
                files.append(self._read(path.stem))
            except StoreError as err:
                if err.key != "store.not_found":
                    damaged.append({"path": str(path), "error": err.params["error"]})
        files.sort(key=lambda data: str((_one(data, "strategy") or {}).get("name", "")).casefold())
        return {
            "schema": SCHEMA_VERSION,
            "exported_at": now().isoformat(),
            "strategies": files,
            "damaged": damaged,
        }


# -- helpers -------------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _load_tables(raw: bytes) -> dict:
    """The tables of a TinyDB file; ValueError if it is empty, not JSON, or not shaped like TinyDB's."""
    if not raw.strip():
        raise ValueError("the file is empty")
    data = orjson.loads(raw)  # orjson.JSONDecodeError is a ValueError
    if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
        raise ValueError("not a TinyDB file")
    _schema(data)
    return data


def _schema(data: dict) -> int:
    """The schema version in ``_meta`` (1 when the file has none)."""
    meta = _one(data, "_meta") or {}
    version = meta.get("schema", 1) if isinstance(meta, dict) else None
    if not isinstance(version, int):
        raise ValueError(f"bad schema version: {version!r}")
    return version


def _migrate(data: dict) -> dict:
    """Bring a file dict up to ``SCHEMA_VERSION``, one migration at a time."""
    version = _schema(data)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["_meta"] = {"1": {"schema": version}}
    return data


def _one(data: dict, table: str) -> dict | None:
    """The first document of a one-document table."""
    return next(iter(data.get(table, {}).values()), None)


def _data(db: TinyDB) -> dict:
    """The in-memory file dict behind a transaction's TinyDB."""
    return cast(_Memory, db.storage).data


def _put(db: TinyDB, table: str, doc: dict) -> None:
    """Make ``doc`` the one document of a one-document table."""
    t = db.table(table)
    t.truncate()
    t.insert(Document(doc, doc_id=1))


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
