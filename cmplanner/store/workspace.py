"""All strategy files under one data folder: TinyDB made safe for many threads and processes (DESIGN.md, "Storage").

One JSON file per strategy, ``<root>/strategies/<id>.json``. Reads take no lock: a file is only ever replaced whole,
so a read sees one whole version. Every change is :meth:`Store.update`: under a thread lock and a file lock the file
is read once, the change is applied to a typed view of it (:class:`~cmplanner.store.edit.Edit`), and the file is
written once, atomically. An edit that says which version it was based on is merged when it touches other things
than the writes since, and otherwise refused (:class:`~cmplanner.store.errors.Conflict`) — never silently lost.
"""

from __future__ import annotations

import builtins
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

import filelock
import orjson
from pydantic import BaseModel, ValidationError

from cmplanner.models import Strategy, WeekMetrics, now
from cmplanner.store import changes, recovery, schema
from cmplanner.store.edit import Edit, Index
from cmplanner.store.errors import Conflict, DamagedFile, StoreError
from cmplanner.store.files import disk_error, read_bytes, write_atomic
from cmplanner.store.schema import (
    DRAFT,
    META,
    SCHEMA_VERSION,
    STRATEGY,
    BadRecord,
    NewerSchema,
    Table,
)
from cmplanner.store.snapshot import Snapshot, load

KEEP_BACKUPS = 14
LOCK_TIMEOUT = 30.0  # seconds to wait for another process before giving up with ``store.locked``
SNAPSHOTS = 16
KEEP_WRITTEN = 8
"""Files whose tables stay in memory after a write, for the next change."""
"""Whole files kept in memory, most recently read first (each strategy's header is always kept)."""

ID = re.compile(r"[0-9a-f]{32}")
# daily and pre-migration backups, pruned to KEEP_BACKUPS; deleted-* and before-restore-* copies are kept
_DATED = re.compile(r"\d{4}-\d{2}-\d{2}.*\.json")

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
Stamp = tuple[int, int, int]


def default_root() -> Path:
    """The data folder: ``$CMPLANNER_DATA``, else ``data/`` next to app.py."""
    env = os.environ.get("CMPLANNER_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "data"


@dataclass(frozen=True)
class Saved(Generic[T]):
    """What :meth:`Store.update` did: the file's version now, what the change returned, and whether it was
    applied on top of changes made elsewhere since the version it was based on (``merged``)."""

    version: int
    result: T
    changed: bool
    merged: bool = False


class FileStore:
    """The strategy files under one data root: paths, locks, backups, validated reads and the one read-modify-write.
    Use the :class:`~cmplanner.store.strategies.Store` built on it, one instance per process (it holds the thread lock)."""

    def __init__(self, root: Path | str, *, today: Callable[[], date] = date.today) -> None:
        self.root = Path(root)
        self.strategies = self.root / "strategies"
        self.backups = self.root / "backups"
        self.today = today  # the clock that names daily backups
        self._lock = threading.RLock()
        self._headers: dict[Path, tuple[Stamp, Strategy | DamagedFile]] = {}
        self._snapshots: OrderedDict[Path, tuple[Stamp, Snapshot]] = OrderedDict()
        self._good: dict[Path, Stamp] = {}
        """Files known valid and of the current schema, by version (stamp): a change need not validate them."""
        self._written: OrderedDict[Path, tuple[Stamp, dict[str, Any], Index]] = OrderedDict()
        """The tables (and key indexes) of the files this store wrote last, by version: the next change to the same
        version starts from them instead of reading and parsing the file again."""
        try:
            self.strategies.mkdir(parents=True, exist_ok=True)
            self.backups.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if not self.strategies.is_dir():
                raise disk_error(exc, self.root) from None
        self.recover()

    # -- files -------------------------------------------------------------------------------------------------

    def path(self, strategy_id: str) -> Path:
        """``root/strategies/<id>.json``; the id must be a uuid hex, so the path cannot leave the folder."""
        if not isinstance(strategy_id, str) or not ID.fullmatch(strategy_id):
            raise StoreError("store.bad_id", strategy_id=str(strategy_id)[:40])
        return self.strategies / f"{strategy_id}.json"

    def ids(self) -> builtins.list[str]:
        """The ids of every strategy file (damaged ones included)."""
        return sorted(p.stem for p in self.strategies.glob("*.json") if ID.fullmatch(p.stem))

    def newest_backup(self, strategy_id: str) -> Path | None:
        """The most recent daily or pre-migration backup of a strategy."""
        dated = self._dated_backups(strategy_id)
        return dated[-1] if dated else None

    def _dated_backups(self, strategy_id: str) -> builtins.list[Path]:
        folder = self.backups / strategy_id
        return sorted(p for p in folder.glob("*.json") if _DATED.fullmatch(p.name))

    def backup(self, strategy_id: str, raw: bytes, name: str) -> Path:
        """Keep ``raw`` as ``backups/<id>/<name>``; dated backups are pruned to the newest :data:`KEEP_BACKUPS`."""
        folder = self.backups / strategy_id
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise disk_error(exc, folder) from None
        write_atomic(folder / name, raw)
        for old in self._dated_backups(strategy_id)[:-KEEP_BACKUPS]:
            old.unlink(missing_ok=True)
        return folder / name

    @contextmanager
    def locked(self, strategy_ids: Iterable[str]) -> Iterator[None]:
        """Hold the thread lock and the file locks of these strategies (in id order, so two holders cannot deadlock)."""
        with self._lock:
            locks = []
            try:
                for sid in sorted(set(strategy_ids)):
                    path = self.path(sid)
                    lock = filelock.FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT)
                    try:
                        lock.acquire()
                    except filelock.Timeout:
                        raise StoreError("store.locked", path) from None
                    except OSError as exc:
                        raise disk_error(exc, path.parent) from None
                    locks.append(lock)
                yield
            finally:
                for lock in reversed(locks):
                    lock.release()

    def _damaged(self, path: Path, error: str, name: str | None = None) -> StoreError:
        backup = self.newest_backup(path.stem)
        key = "store.damaged" if backup else "store.damaged_no_backup"
        return StoreError(key, path, error=error, backup=str(backup) if backup else "", name=name or "")

    def _parse(self, path: Path, raw: bytes) -> tuple[int, dict[str, Any]]:
        """A file's schema version as found, and its tables shape-checked and migrated in memory; StoreError
        (damaged, or newer) if that fails."""
        try:
            if not raw.strip():
                raise BadRecord("the file is empty")
            data = orjson.loads(raw)
        except (orjson.JSONDecodeError, BadRecord) as exc:
            raise self._damaged(path, str(exc)) from None
        try:
            found = schema.schema_of(schema.check_shape(data))
            return found, schema.migrate(data)
        except NewerSchema as exc:
            raise StoreError(
                "store.newer_schema",
                path,
                found=exc.found,
                supported=SCHEMA_VERSION,
                error=str(exc),
                name=schema.strategy_name(data) or "",
            ) from None
        except BadRecord as exc:
            raise self._damaged(path, str(exc), schema.strategy_name(data)) from None

    def _read(self, path: Path) -> tuple[Stamp, bytes] | None:
        try:
            with open(path, "rb") as f:
                st = os.fstat(f.fileno())
                return (st.st_ino, st.st_mtime_ns, st.st_size), f.read()
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise StoreError("store.not_a_file", path) from None
        except PermissionError as exc:
            raise StoreError("store.cannot_read", path, error=exc.strerror or str(exc)) from None

    # -- reads (no lock) ---------------------------------------------------------------------------------------

    def read(self, strategy_id: str) -> Snapshot:
        """A strategy file with every record validated; StoreError if it is missing or damaged (naming the table,
        record and reason, and the newest backup)."""
        path = self.path(strategy_id)
        found = self._read(path)
        if found is None:
            raise StoreError("store.not_found", path, strategy_id=strategy_id)
        stamp, raw = found
        cached = self._snapshots.get(path)
        if cached is not None and cached[0] == stamp:
            self._snapshots.move_to_end(path)
            return cached[1]
        found_schema, data = self._parse(path, raw)
        try:
            snapshot = load(data)
        except BadRecord as exc:
            error = self._damaged(path, str(exc), schema.strategy_name(data))
            self._headers[path] = (stamp, self._damaged_file(error, path))
            raise error from None
        with self._lock:
            self._snapshots[path] = (stamp, snapshot)
            self._snapshots.move_to_end(path)
            while len(self._snapshots) > SNAPSHOTS:
                self._snapshots.popitem(last=False)
            self._headers[path] = (stamp, snapshot.strategy)
            if found_schema == SCHEMA_VERSION:
                self._good[path] = stamp
        return snapshot

    def get(self, strategy_id: str) -> Strategy:
        """One strategy (a copy to change) carrying the version it was read at; the whole file is validated once
        per version of the file."""
        found = self._header(self.path(strategy_id))
        if isinstance(found, Strategy):
            return found
        return self.read(strategy_id).strategy  # raises: not found, or damaged with its reason

    def rows(self, strategy_id: str, table: Table[M]) -> builtins.list[M]:
        """Every row of one table of a strategy (frozen models), in the file's order."""
        return self.read(strategy_id).rows(table)

    def weeks(self, strategy_id: str) -> builtins.list[WeekMetrics]:
        """All logged weeks, sorted by (week, platform)."""
        return list(self.read(strategy_id).weeks)

    def draft(self, strategy_id: str) -> Any:
        """The walk's draft (``models.Draft``) or None."""
        return self.read(strategy_id).one(DRAFT)

    def _header(self, path: Path) -> Strategy | DamagedFile | None:
        """A file's strategy (or why it is damaged), validated once per version of the file."""
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        cached = self._headers.get(path)
        if cached is not None and cached[0] == stamp:
            found = cached[1]
            return found.model_copy(deep=True) if isinstance(found, Strategy) else found
        try:
            return self.read(path.stem).strategy
        except StoreError as err:
            if err.key == "store.not_found":
                return None
            return self._damaged_file(err, path)

    def _damaged_file(self, err: StoreError, path: Path) -> DamagedFile:
        backup = err.params.get("backup") or None
        error = err.params.get("error") or err.text("en")
        return DamagedFile(path, str(error), Path(backup) if backup else None, err.params.get("name") or None)

    def list(self) -> tuple[builtins.list[Strategy], builtins.list[DamagedFile]]:
        """All strategies, sorted by name (case-insensitive), and the files that do not load (each with its reason)."""
        self.recover()
        strategies: builtins.list[Strategy] = []
        damaged: builtins.list[DamagedFile] = []
        files = [self.strategies / f"{sid}.json" for sid in self.ids()]
        for path in files:
            found = self._header(path)
            if isinstance(found, Strategy):
                strategies.append(found)
            elif isinstance(found, DamagedFile):
                damaged.append(found)
        with self._lock:
            for gone in set(self._headers) - set(files):
                self._headers.pop(gone, None)
                self._snapshots.pop(gone, None)
        strategies.sort(key=lambda s: s.name.casefold())
        return strategies, damaged

    def check(self) -> builtins.list[DamagedFile]:
        """Start-up check: finish or undo an interrupted restore, remove temp files left by a crash, read every file
        and report the damaged ones. A damaged file is never replaced or removed."""
        self.recover()
        strays = [*self.strategies.glob(".*.tmp"), *self.backups.glob("*/.*.tmp")]
        for tmp in strays:
            owner = tmp.name[1:33] if tmp.parent == self.strategies else tmp.parent.name
            try:
                if ID.fullmatch(owner):  # wait for a writer that may still be busy with it
                    with self.locked([owner]):
                        tmp.unlink(missing_ok=True)
                else:
                    tmp.unlink(missing_ok=True)
            except (OSError, StoreError):
                continue  # a read-only folder: leave it
        return self.list()[1]

    def recover(self) -> None:
        """Complete a restore that was interrupted after its commit point, or clear one interrupted before it."""
        recovery.recover(self)

    # -- the one read-modify-write ------------------------------------------------------------------------------

    def update(self, strategy_id: str, fn: Callable[[Edit], T], *, based_on: int | None = None) -> Saved[T]:
        """Apply ``fn`` to the strategy file and write it once, atomically; nothing is written if ``fn`` raises or
        changes nothing.

        ``based_on``: the version the change was based on (what the user saw). When writes since then touched
        anything this change touches, it is refused with :class:`Conflict` and nothing is saved; otherwise it is
        applied on top of them. ``None``: a plain read-modify-write (the change reads what it needs inside ``fn``).
        """
        path = self.path(strategy_id)
        with self.locked([strategy_id]):
            stamp = self._stamp(path)
            kept = self._written.pop(path, None)
            raw: bytes | None = None
            if kept is not None and kept[0] == stamp:  # unchanged since our last write: no read, no parse
                data, indexes, old_schema = kept[1], kept[2], SCHEMA_VERSION
            else:
                found = self._read(path)
                if found is None:
                    raise StoreError("store.not_found", path, strategy_id=strategy_id)
                stamp, raw = found
                indexes = {}
                if self._known_good(path, stamp):  # our own write: current schema, every record valid
                    data, old_schema = orjson.loads(raw), SCHEMA_VERSION
                else:
                    old_schema, data = self._checked(path, raw)
            edit = Edit(data, indexes)
            result = fn(edit)  # raises: nothing written, and the tables it may have half changed are dropped
            mine = edit.finish()
            current = schema.version_of(data)
            if not mine:
                self._keep(path, stamp, data, edit.indexes)
                return Saved(current, result, changed=False)
            meta = schema.meta(data)
            if based_on:  # 0 or None: not read from the file, a plain read-modify-write
                found_clash = changes.clash(meta, based_on, current, mine)
                if found_clash is not None:
                    raise Conflict(path, found_clash.at, changes.areas(found_clash.keys))
            version = current + 1
            changes.record(meta, version, now(), mine)
            meta.update(schema=SCHEMA_VERSION, version=version)
            data[META] = {"1": meta}
            self._write(strategy_id, path, raw, data, old_schema)
            self._keep(path, self._stamp(path), data, edit.indexes)
            return Saved(
                version, result, changed=True, merged=based_on is not None and 0 < based_on < current
            )

    def _stamp(self, path: Path) -> Stamp | None:
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    def _keep(self, path: Path, stamp: Stamp | None, data: dict[str, Any], indexes: Index) -> None:
        if stamp is None:
            return
        with self._lock:
            self._written[path] = (stamp, data, indexes)
            while len(self._written) > KEEP_WRITTEN:
                self._written.popitem(last=False)

    def _known_good(self, path: Path, stamp: Stamp) -> bool:
        return self._good.get(path) == stamp

    def _checked(self, path: Path, raw: bytes) -> tuple[int, dict[str, Any]]:
        """A file's schema as found, and its tables migrated and validated; StoreError if it is damaged."""
        found, data = self._parse(path, raw)
        try:
            schema.validate(data)
        except BadRecord as exc:
            raise self._damaged(path, str(exc), schema.strategy_name(data)) from None
        return found, data

    def _write(
        self, strategy_id: str, path: Path, raw: bytes | None, data: dict[str, Any], old_schema: int
    ) -> None:
        """Write a file (under its lock): a backup first on the day's first write and before a migration."""
        if old_schema < SCHEMA_VERSION and raw is not None:
            self.backup(strategy_id, raw, f"{self.today().isoformat()}-schema{old_schema}.json")
        daily = f"{self.today().isoformat()}.json"
        if not (self.backups / strategy_id / daily).exists():
            raw = raw if raw is not None else read_bytes(path)
            if raw is not None:
                self.backup(strategy_id, raw, daily)
        write_atomic(path, orjson.dumps(data))
        try:  # our own write is valid by construction: remember it, so the next change need not re-validate
            st = path.stat()
            doc = next(iter(data[STRATEGY.name].values()))
            strategy = Strategy.model_validate(doc)
            strategy.version = schema.version_of(data)
            strategy.mark_loaded(doc)
            stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
            with self._lock:
                self._headers[path] = (stamp, strategy)
                self._good[path] = stamp
        except (OSError, ValidationError):
            self._headers.pop(path, None)
