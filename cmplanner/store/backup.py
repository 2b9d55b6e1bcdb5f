"""The whole workspace as one JSON document (``cmplanner export`` and ``cmplanner backup`` write the same), and the
restore that brings it back: validated first, all or nothing (see :mod:`cmplanner.store.recovery`).

A restore refuses, with one clear line and nothing written: a file over :data:`MAX_BACKUP_BYTES`, one that is not
JSON or not a backup, one of a newer data version, a strategy (or any record of it) that does not validate, a row key
twice in a table (two metrics for one platform and week), or one strategy twice. It keeps a copy of every file it
replaces in ``backups/<id>/before-restore-<time>.json``. Strategies not in the backup are left as they are.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from cmplanner.models import now
from cmplanner.store import recovery, schema
from cmplanner.store.errors import DamagedFile, StoreError
from cmplanner.store.files import disk_error, write_atomic
from cmplanner.store.schema import META, SCHEMA_VERSION, STRATEGY, BadRecord

if TYPE_CHECKING:
    from cmplanner.store.workspace import FileStore as Store

MAX_BACKUP_BYTES = 50_000_000
"""The largest backup a restore reads (a workspace of 100 strategies with five years of weeks is ~25 MB)."""


@dataclass
class Export:
    """The workspace document and the strategies it had to leave out."""

    document: dict[str, Any]
    skipped: list[DamagedFile] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.document["strategies"])

    def payload(self) -> bytes:
        return orjson.dumps(self.document, option=orjson.OPT_INDENT_2)


def export(store: Store) -> Export:
    """Every strategy file with all its tables (validated, current schema); damaged files are listed, not included."""
    files: list[dict[str, Any]] = []
    strategies, damaged = store.list()
    for strategy in strategies:
        try:
            snapshot = store.read(strategy.id)
        except StoreError:
            continue  # deleted or damaged meanwhile: the next list says so
        tables = {t.name: schema.documents(t, snapshot.rows(t)) for t in schema.TABLES.values()}
        tables = {name: docs for name, docs in tables.items() if docs}
        tables[META] = {"1": {"schema": SCHEMA_VERSION, "version": snapshot.version}}
        files.append(tables)
    document = {
        "schema": SCHEMA_VERSION,
        "exported_at": now().isoformat(),
        "strategies": files,
        "damaged": [{"path": str(d.path), "error": d.error} for d in damaged],
    }
    return Export(document, damaged)


@dataclass
class RestoreResult:
    names: list[str] = field(default_factory=list)
    """The strategies restored, in the backup's order."""
    replaced: int = 0
    added: int = 0
    copies: list[Path] = field(default_factory=list)
    """Copies of the files that were replaced."""


def _check_file(n: int, tables: Any) -> tuple[str, dict[str, Any]]:
    """One strategy file of a backup, migrated and validated: (strategy id, tables)."""
    name = schema.strategy_name(tables) or "?"
    try:
        data = schema.migrate(schema.check_shape(tables))
        validated = schema.validate(data)
    except schema.NewerSchema as exc:
        raise StoreError("data.newer", found=exc.found, supported=SCHEMA_VERSION) from None
    except BadRecord as exc:
        raise StoreError("data.bad_strategy", n=n, name=name, error=str(exc)) from None
    strategy = validated[STRATEGY.name][0]
    from cmplanner.store.workspace import ID

    if not ID.fullmatch(strategy.id):
        raise StoreError("data.bad_strategy", n=n, name=name, error=f"bad id {strategy.id!r}")
    return strategy.id, data


def check_backup(data: bytes) -> list[tuple[str, dict[str, Any]]]:
    """Validate a whole backup before anything is written: its strategy files as (id, tables)."""
    if len(data) > MAX_BACKUP_BYTES:
        raise StoreError("data.too_big", mb=round(len(data) / 1e6), limit=MAX_BACKUP_BYTES // 1_000_000)
    if not data.strip():
        raise StoreError("data.empty")
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise StoreError("data.not_json", error=str(exc)) from None
    if not isinstance(document, dict) or not isinstance(document.get("strategies"), list):
        raise StoreError("data.not_backup")
    version = document.get("schema", 1)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise StoreError("data.newer", found=version, supported=SCHEMA_VERSION)
    if not document["strategies"]:
        raise StoreError("data.no_strategies")
    files = [_check_file(n, tables) for n, tables in enumerate(document["strategies"], start=1)]
    seen: set[str] = set()
    for sid, _ in files:
        if sid in seen:
            raise StoreError("data.duplicate", strategy_id=sid)
        seen.add(sid)
    return files


def restore(store: Store, data: bytes) -> RestoreResult:
    """Bring back the strategies of a backup, all or nothing (see the module docstring)."""
    files = check_backup(data)
    ids = [sid for sid, _ in files]
    result = RestoreResult()
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
    stage = store.root / f"{recovery.STAGE_PREFIX}{stamp}"
    lock = recovery.restore_lock(store.root, timeout=60)
    with lock, store.locked(ids):
        old = {sid: store._read(store.path(sid)) for sid in ids}
        for sid, found in old.items():
            if found is not None:
                result.copies.append(store.backup(sid, found[1], f"before-restore-{stamp}.json"))
        try:
            stage.mkdir()
            for sid, tables in files:
                version = max(_version(old[sid]), schema.version_of(tables)) + 1
                # every later edit based on an earlier version conflicts: the whole file changed
                tables[META] = {
                    "1": {
                        "schema": SCHEMA_VERSION,
                        "version": version,
                        "log": [{"v": version, "at": now().isoformat(), "keys": ["*"]}],
                    }
                }
                write_atomic(stage / f"{sid}.json", orjson.dumps(tables))
        except OSError as exc:
            shutil.rmtree(stage, ignore_errors=True)
            raise disk_error(exc, store.root) from None
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)  # before the commit point: nothing was restored
            raise
        recovery.commit(store.root, stage, ids)
        recovery.switch(store, stage, ids)
    for sid, tables in files:
        result.names.append(schema.strategy_name(tables) or sid)
        if old[sid] is None:
            result.added += 1
        else:
            result.replaced += 1
    return result


def _version(found: tuple[Any, bytes] | None) -> int:
    if found is None:
        return 0
    try:
        return schema.version_of(orjson.loads(found[1]))
    except (orjson.JSONDecodeError, AttributeError):
        return 0
