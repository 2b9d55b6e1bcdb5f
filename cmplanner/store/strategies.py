"""The store as the app uses it: strategies created, copied, renamed, deleted, found by name, brought back from a
backup, and changed through :meth:`FileStore.update` (with a few conveniences over it)."""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

import orjson
from pydantic import BaseModel

from cmplanner.models import Strategy, WeekMetrics, new_id, now
from cmplanner.store import changes, schema
from cmplanner.store.edit import Edit, UpsertResult
from cmplanner.store.errors import StoreError
from cmplanner.store.files import disk_error, read_bytes, write_atomic
from cmplanner.store.schema import DRAFT, META, METRICS, SCHEMA_VERSION, STRATEGY, BadRecord, Table
from cmplanner.store.workspace import FileStore

M = TypeVar("M", bound=BaseModel)


class Store(FileStore):
    """All strategies under one data root. Use one instance per process (it holds the thread lock)."""

    # -- strategies ----------------------------------------------------------------------------------------------

    def save(self, strategy: Strategy, *, based_on: int | None = None) -> Strategy:
        """Store what was changed on a strategy read with :meth:`get`.

        The fields that differ from the strategy as it was read are written; changes made elsewhere since the
        version it was read at (``based_on``, default ``strategy.version``) are kept, and when they touched the same
        fields the save is refused with :class:`Conflict`. Returns the strategy as stored now.
        """
        if not self.path(strategy.id).exists() and not strategy.version:
            return self._create(strategy, {})  # never stored: a new file
        loaded = strategy.loaded()
        after = STRATEGY.dump(strategy)

        def change(edit: Edit) -> None:
            reference = loaded if loaded is not None else STRATEGY.dump(edit.strategy)
            fields = [k.split(".", 1)[1] for k in changes.strategy_keys(reference, after)]
            edit.apply_fields(strategy, fields)

        self.update(strategy.id, change, based_on=strategy.version if based_on is None else based_on)
        return self.get(strategy.id)

    def _names(self) -> set[str]:
        strategies, damaged = self.list()
        return {s.name.casefold() for s in strategies} | {d.name.casefold() for d in damaged if d.name}

    def create(self, name: str) -> Strategy:
        """A new, empty strategy; StoreError when another strategy has that name already."""
        strategy = Strategy(name=name)
        if strategy.name.casefold() in self._names():
            raise StoreError("store.name_taken", name=strategy.name)
        return self._create(strategy, {})

    def add(self, strategy: Strategy) -> Strategy:
        """Store a strategy made elsewhere (the demo) as a new file, under a free name."""
        return self._create(strategy.model_copy(update={"name": self.free_name(strategy.name)}), {})

    def _create(self, strategy: Strategy, tables: dict[str, dict]) -> Strategy:
        path = self.path(strategy.id)
        data = {name: docs for name, docs in tables.items() if name not in (META, STRATEGY.name)}
        data[STRATEGY.name] = {"1": STRATEGY.dump(strategy)}
        data[META] = {"1": {"schema": SCHEMA_VERSION, "version": 1, "log": []}}
        with self.locked([strategy.id]):
            if path.exists():
                raise StoreError("store.exists", path)
            write_atomic(path, orjson.dumps(data))
        return self.get(strategy.id)

    def free_name(self, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)``, … when it is taken (max 80 characters)."""
        taken = self._names()
        candidate, n = name[:80], 2
        while candidate.casefold() in taken:
            suffix = f" ({n})"
            candidate, n = name[: 80 - len(suffix)] + suffix, n + 1
        return candidate

    def duplicate(self, strategy_id: str, name: str) -> Strategy:
        """A copy of a strategy and all its tables under a new id and a free name (``name (2)`` when taken)."""
        snapshot = self.read(strategy_id)
        stamp = now()
        source = snapshot.strategy
        copy = Strategy.model_validate(
            source.model_dump()
            | {"id": new_id(), "name": self.free_name(name), "created_at": stamp, "updated_at": stamp}
        )
        tables = {
            table.name: schema.documents(table, snapshot.rows(table))
            for table in schema.TABLES.values()
            if table is not STRATEGY
        }
        draft = snapshot.one(DRAFT)
        if draft is not None:
            tables[DRAFT.name] = {"1": {"based_on": 1, "values": draft.values}}
        return self._create(copy, tables)

    def rename(self, strategy_id: str, name: str, *, based_on: int | None = None) -> Strategy:
        """Give a strategy another name (validated; refused when another strategy has it)."""
        clean = Strategy(name=name).name
        others = {s.name.casefold() for s in self.list()[0] if s.id != strategy_id}
        if clean.casefold() in others:
            raise StoreError("store.name_taken", name=clean)

        def change(edit: Edit) -> None:
            edit.strategy.name = clean

        self.update(strategy_id, change, based_on=based_on)
        return self.get(strategy_id)

    def delete(self, strategy_id: str) -> None:
        """Remove a strategy; a copy stays in ``backups/<id>/deleted-<timestamp>.json``."""
        path = self.path(strategy_id)
        with self.locked([strategy_id]):
            raw = read_bytes(path)
            if raw is None:
                raise StoreError("store.not_found", path, strategy_id=strategy_id)
            self.backup(strategy_id, raw, f"deleted-{datetime.now().strftime('%Y%m%dT%H%M%S%f')}.json")
            try:
                path.unlink()
            except OSError as exc:
                raise disk_error(exc, path.parent) from None
        with self._lock:
            self._headers.pop(path, None)
            self._snapshots.pop(path, None)

    def find(self, ref: str) -> Strategy:
        """A strategy by id or exact name (the command line's way to name one).

        StoreError: ``data.no_such_strategy``, ``data.ambiguous`` (two share the name), or the damaged file's own
        message when the strategy is there but does not load.
        """
        strategies, damaged = self.list()
        found = [s for s in strategies if s.id == ref] or [s for s in strategies if s.name == ref]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise StoreError("data.ambiguous", ref=ref, n=len(found))
        broken = [d for d in damaged if ref in (d.strategy_id, d.name)]
        if broken:
            raise self._damaged(broken[0].path, broken[0].error, broken[0].name)
        raise StoreError("data.no_such_strategy", ref=ref)

    def restore_backup(self, strategy_id: str) -> Strategy:
        """Put a strategy's newest backup in place of its file (validated first); the file it replaces is kept as
        ``backups/<id>/damaged-<time>.json``. Every later edit based on an earlier version is refused."""
        backup = self.newest_backup(strategy_id)
        path = self.path(strategy_id)
        if backup is None:
            raise StoreError("store.damaged_no_backup", path, error="", name="")
        raw = read_bytes(backup) or b""
        _, data = self._parse(backup, raw)
        try:
            schema.validate(data)
        except BadRecord as exc:
            raise self._damaged(backup, str(exc), schema.strategy_name(data)) from None
        with self.locked([strategy_id]):
            current = read_bytes(path)
            stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
            previous = 0
            if current is not None:
                self.backup(strategy_id, current, f"damaged-{stamp}.json")
                try:
                    previous = schema.version_of(orjson.loads(current))
                except (orjson.JSONDecodeError, AttributeError):
                    previous = 0
            version = max(previous, schema.version_of(data)) + 1
            data[META] = {"1": {"schema": SCHEMA_VERSION, "version": version, "log": []}}
            changes.record(data[META]["1"], version, now(), [changes.EVERYTHING])
            write_atomic(path, orjson.dumps(data))
        return self.get(strategy_id)

    # -- conveniences over update -------------------------------------------------------------------------------

    def put(
        self, strategy_id: str, table: Table[M], rows: Iterable[M], *, based_on: int | None = None
    ) -> UpsertResult:
        """Insert or replace rows of one table by key, in one write."""
        rows = builtins.list(rows)
        return self.update(strategy_id, lambda edit: edit.put(table, rows), based_on=based_on).result

    def upsert_weeks(
        self, strategy_id: str, rows: Iterable[WeekMetrics], *, based_on: int | None = None
    ) -> UpsertResult:
        """Insert or replace weeks by (platform, week), all in one write; identical rows count unchanged."""
        return self.put(strategy_id, METRICS, rows, based_on=based_on)
