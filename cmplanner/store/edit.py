"""One read-modify-write of a strategy file: the typed view a change works on (see ``Store.update``).

Like TinyDB's ``Table._update_table``: the file was read once; the change reads and writes rows through this object
(typed, validated models); at the end the store writes the file once. The object records what the change touched,
so the store can tell whether it collides with another window's change.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter

from cmplanner.models import Strategy, now
from cmplanner.store import changes
from cmplanner.store.schema import STRATEGY, Table, validate_table

M = TypeVar("M", bound=BaseModel)
Index = dict[str, dict[tuple[Hashable, ...], str]]
"""Per table: row key → doc id."""


def _json_time(value: datetime) -> str:
    """A time as pydantic writes it in the file (``…Z`` for UTC), so a file reads the same however it was written."""
    text: str = _TIME.dump_python(value, mode="json")
    return text


_TIME: TypeAdapter[datetime] = TypeAdapter(datetime)


@dataclass
class UpsertResult:
    new: int = 0
    changed: int = 0
    unchanged: int = 0


class Edit:
    """The file's tables as one change sees them. Use ``strategy``, ``rows``, ``get``, ``put`` and ``remove``."""

    def __init__(self, data: dict[str, dict[str, dict]], indexes: Index | None = None) -> None:
        self._data = data
        self._strategy: Strategy | None = None
        self._strategy_doc: dict[str, Any] | None = None
        self._index: Index = indexes if indexes is not None else {}
        self._touched: set[str] = set()

    # -- the strategy --------------------------------------------------------------------------------------------

    @property
    def strategy(self) -> Strategy:
        """The stored strategy; change it in place (assignments are validated)."""
        if self._strategy is None:
            self._strategy_doc = next(iter(self._data.get(STRATEGY.name, {}).values()), None)
            self._strategy = Strategy.model_validate(self._strategy_doc or {})
        return self._strategy

    def apply_fields(self, source: Strategy, fields: Iterable[str]) -> None:
        """Copy ``fields`` of ``source`` onto the stored strategy (a save of what one page changed)."""
        strategy = self.strategy
        for name in fields:
            setattr(strategy, name, getattr(source, name))

    # -- other tables -------------------------------------------------------------------------------------------

    def _docs(self, table: Table[Any], create: bool = False) -> dict[str, dict]:
        """A table's documents; a table the file does not have is only added to it when a row is put in it
        (reading or putting nothing leaves the file's tables as they were)."""
        return self._data.setdefault(table.name, {}) if create else self._data.get(table.name, {})

    def _keys(self, table: Table[Any]) -> dict[tuple[Hashable, ...], str]:
        if table.name not in self._index:
            getter = table.key
            self._index[table.name] = {
                tuple(map(doc.get, getter)): doc_id for doc_id, doc in self._docs(table).items()
            }
        return self._index[table.name]

    def rows(self, table: Table[M]) -> list[M]:
        """Every row of a table, in the file's order."""
        return validate_table(table, self._docs(table))

    def one(self, table: Table[M]) -> M | None:
        """The document of a one-document table (the draft), if there is one."""
        rows = self.rows(table)
        return rows[0] if rows else None

    def get(self, table: Table[M], *key: Hashable) -> M | None:
        """The row with this key, if stored."""
        doc_id = self._find(table, [tuple(key)]).get(tuple(key))
        return None if doc_id is None else table.model.model_validate(self._docs(table)[doc_id])

    def _find(
        self, table: Table[Any], keys: Iterable[tuple[Hashable, ...]]
    ) -> dict[tuple[Hashable, ...], str]:
        """Doc ids of the stored rows with these keys (through the table's key index, built once and kept with the
        file in memory, so a write at 10k rows does not look at every row)."""
        index = self._keys(table)
        return {key: index[key] for key in keys if key in index}

    @property
    def indexes(self) -> Index:
        """The key indexes built so far (still true after this change): the store keeps them for the next one."""
        return self._index

    def put(self, table: Table[M], rows: Iterable[M]) -> UpsertResult:
        """Insert or replace rows by key (a one-document table: replace its document). Identical rows count
        unchanged and are not touched; when ``rows`` repeats a key, the last one wins."""
        docs = self._docs(table)
        result = UpsertResult()
        if table.single:
            for row in rows:
                doc = table.dump(row)
                if docs == {"1": doc}:
                    result.unchanged += 1
                else:
                    self._data[table.name] = {"1": doc}
                    self._touched.add(table.name)
                    result.changed += 1 if docs else 0
                    result.new += 0 if docs else 1
                docs = self._data[table.name]
            return result
        incoming: dict[tuple[Hashable, ...], dict] = {}
        for row in rows:
            doc = table.dump(row)
            incoming[tuple(map(doc.get, table.key))] = doc
        if incoming:
            docs = self._docs(table, create=True)
        found = self._find(table, incoming)
        index = self._index.get(table.name)
        next_id = 0
        for key, doc in incoming.items():
            doc_id = found.get(key)
            if doc_id is None:
                next_id = next_id or max(map(int, docs), default=0) + 1
                doc_id = str(next_id)
                docs[doc_id] = doc
                next_id += 1
                result.new += 1
                if index is not None:
                    index[key] = doc_id
            elif {k: v for k, v in docs[doc_id].items() if v is not None} == doc:
                result.unchanged += 1
                continue
            else:
                docs[doc_id] = doc
                result.changed += 1
            self._touched.add(changes.row_key(table.name, key))
        return result

    def remove(self, table: Table[Any], keys: Iterable[tuple[Hashable, ...]] | None = None) -> int:
        """Remove rows by key (``None``: every row); returns how many were stored."""
        docs = self._docs(table)
        if keys is None:
            removed = len(docs)
            if removed:
                self._data[table.name] = {}
                self._index.pop(table.name, None)
                self._touched.add(table.name if table.single else f"{table.name}:*")
            return removed
        keys = [tuple(key) for key in keys]
        found = self._find(table, keys)
        index = self._index.get(table.name)
        removed = 0
        for key in keys:
            doc_id = found.pop(key, None)
            if index is not None:
                index.pop(key, None)
            if doc_id is not None:
                del docs[doc_id]
                removed += 1
                self._touched.add(changes.row_key(table.name, tuple(key)))
        return removed

    # -- the end ------------------------------------------------------------------------------------------------

    def finish(self) -> set[str]:
        """Put the changed strategy back into the tables and say what this change touched."""
        touched = set(self._touched)
        if self._strategy is not None:
            after = STRATEGY.dump(self._strategy)
            fields = changes.strategy_keys(self._strategy_doc, after)
            if fields:
                after["updated_at"] = _json_time(now())
                self._data[STRATEGY.name] = {"1": after}
                touched |= fields
        return touched
