"""Every table of a strategy file, declared once with its model; the schema version, migrations and validation.

A strategy file is a TinyDB file: ``{"<table>": {"<doc id>": {...}}}``. Besides the declared tables it holds
``_meta`` (one document: ``schema``, the file's ``version`` counter and the recent change ``log``). Migrations,
duplicate, check, export, backup and restore all read :data:`TABLES`; nothing else knows the file's shape.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from cmplanner.models import (
    CompetitorWeek,
    Draft,
    ImportMemory,
    PlannedPost,
    Post,
    Review,
    Strategy,
    Tick,
    WeekMetrics,
)

M = TypeVar("M", bound=BaseModel)

SCHEMA_VERSION = 2
META = "_meta"


@dataclass(frozen=True, eq=False)
class Table(Generic[M]):
    """One table of a strategy file: its name in the file, its model, and the fields that identify a row.

    A table without ``key`` holds one document (the strategy, the draft). ``compact``: fields that are None are left
    out of the file (weekly metrics: most fields are not logged, and smaller files read and write faster).
    """

    name: str
    model: type[M]
    key: tuple[str, ...] = ()
    compact: bool = False

    @property
    def single(self) -> bool:
        return not self.key

    def dump(self, row: M) -> dict[str, Any]:
        """A row as the file holds it."""
        return row.model_dump(mode="json", exclude_none=self.compact)

    def key_of(self, doc: Mapping[str, Any]) -> tuple[Hashable, ...]:
        """A stored document's key (its key fields as the file holds them)."""
        return tuple(_hashable(doc.get(field)) for field in self.key)

    def row_key(self, row: M) -> tuple[Hashable, ...]:
        return self.key_of(self.dump(row))

    def describe(self, key: tuple[Hashable, ...]) -> str:
        """``platform facebook, week 2026-W47``: a key for a message."""
        return ", ".join(f"{field} {value}" for field, value in zip(self.key, key, strict=True))

    def adapter(self) -> TypeAdapter[list[M]]:
        return _adapter(self.model)


def _hashable(value: Any) -> Hashable:
    return tuple(value) if isinstance(value, list) else value


_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(model: type[M]) -> TypeAdapter[list[M]]:
    """One list adapter per model: validating a list in one call is ~30% faster than a loop."""
    if model not in _ADAPTERS:
        _ADAPTERS[model] = TypeAdapter(list[model])  # type: ignore[valid-type]
    return _ADAPTERS[model]


STRATEGY: Table[Strategy] = Table("strategy", Strategy)
DRAFT: Table[Draft] = Table("draft", Draft)
METRICS: Table[WeekMetrics] = Table("metrics", WeekMetrics, ("platform", "week"), compact=True)
TICKS: Table[Tick] = Table("checks", Tick, ("task", "period_key"))
REVIEWS: Table[Review] = Table("reviews", Review, ("kind", "period"))
IMPORT_MEMORY: Table[ImportMemory] = Table("import_mappings", ImportMemory, ("platform",))
PLANNED_POSTS: Table[PlannedPost] = Table("planned_posts", PlannedPost, ("id",))
POSTS: Table[Post] = Table("posts", Post, ("platform", "post_id"), compact=True)
"""Imported posts, upserted by (platform, post id): the newest export wins (``posts.merge_posts``)."""
COMPETITOR_WEEKS: Table[CompetitorWeek] = Table(
    "competitor_weeks", CompetitorWeek, ("competitor", "platform", "week"), compact=True
)

TABLES: dict[str, Table[Any]] = {
    t.name: t
    for t in (STRATEGY, DRAFT, METRICS, TICKS, REVIEWS, IMPORT_MEMORY, PLANNED_POSTS, POSTS, COMPETITOR_WEEKS)
}
"""Every table a strategy file may hold, by name."""


class NewerSchema(ValueError):
    """A file saved by a newer cmplanner: never read with this version's models, never written."""

    def __init__(self, found: int) -> None:
        self.found = found
        super().__init__(
            f"saved by a newer cmplanner (data version {found}; this version reads up to {SCHEMA_VERSION})"
        )


class BadRecord(ValueError):
    """One record (or the file's shape) that does not validate: where and why, in English for the file report."""

    def __init__(self, reason: str, table: str | None = None, record: str | None = None) -> None:
        self.reason = reason
        self.table = table
        self.record = record
        where = (
            f"table {table}, record {record}: " if table and record else f"table {table}: " if table else ""
        )
        super().__init__(where + reason)


# -- migrations -------------------------------------------------------------------------------------------------


def _v1_to_v2(data: dict) -> dict:
    """Schema 1 → 2: the file gets a version counter (1) and a change log; the draft records the version it was
    started from (the draft as it is counts as current); ticks of 0 (meaning "not done") are dropped."""
    draft = next(iter(data.get(DRAFT.name, {}).values()), None)
    if isinstance(draft, dict) and set(draft) != {"based_on", "values"}:
        data[DRAFT.name] = {"1": {"based_on": 1, "values": draft}}
    checks = data.get(TICKS.name, {})
    data[TICKS.name] = {k: d for k, d in checks.items() if not (isinstance(d, dict) and d.get("done") == 0)}
    data[META] = {"1": {"schema": 2, "version": 1, "log": []}}
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2}
"""``MIGRATIONS[n]`` turns a whole file dict (all tables) of schema ``n`` into schema ``n + 1``."""
OLDEST = min(MIGRATIONS, default=SCHEMA_VERSION)


def meta(data: Mapping[str, Any]) -> dict[str, Any]:
    """The file's ``_meta`` document ({} when it has none)."""
    doc = next(iter(data.get(META, {}).values()), None)
    return doc if isinstance(doc, dict) else {}


def schema_of(data: Mapping[str, Any]) -> int:
    """The schema version a file says it has (1 when it says none); BadRecord when it is not a number."""
    version = meta(data).get("schema", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise BadRecord(f"bad data version {version!r}", META)
    return version


def version_of(data: Mapping[str, Any]) -> int:
    version = meta(data).get("version", 0)
    return version if isinstance(version, int) and not isinstance(version, bool) else 0


def check_shape(data: Any) -> dict[str, dict[str, dict]]:
    """A TinyDB file's tables, or BadRecord when it is not shaped like one or holds a table we do not know."""
    if not isinstance(data, dict):
        raise BadRecord("not a strategy file (expected a JSON object of tables)")
    for name, table in data.items():
        if name != META and name not in TABLES:
            raise BadRecord("a table this version of cmplanner does not know", name)
        if not isinstance(table, dict):
            raise BadRecord("not a table of records", name)
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise BadRecord(f"not a record but {type(doc).__name__}", name, doc_id)
    return data


def migrate(data: dict) -> dict:
    """Bring a file dict up to :data:`SCHEMA_VERSION`; BadRecord for a version we cannot read.

    A newer version is refused (``newer`` in the reason) so it is never written by this version.
    """
    version = schema_of(data)
    if version > SCHEMA_VERSION:
        raise NewerSchema(version)
    if version < OLDEST:
        raise BadRecord(
            f"data version {version} is older than any this version of cmplanner can read (oldest: {OLDEST})",
            META,
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data.setdefault(META, {"1": {}})
        meta(data)["schema"] = version
    return data


# -- validation -------------------------------------------------------------------------------------------------


def first_error(exc: ValidationError, skip: int = 0) -> str:
    """``followers: Input should be greater than or equal to 0`` (the first error; ``skip`` leading loc parts)."""
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"][skip:])
    return f"{where}: {err['msg']}" if where else err["msg"]


def validate_table(table: Table[M], docs: Mapping[str, dict]) -> list[M]:
    """Every record of one table as a model; BadRecord naming the first bad or repeated record."""
    ids = list(docs)
    try:
        rows = table.adapter().validate_python(list(docs.values()))
    except ValidationError as exc:
        index = exc.errors()[0]["loc"][0]
        record = ids[index] if isinstance(index, int) and index < len(ids) else "?"
        raise BadRecord(first_error(exc, skip=1), table.name, record) from None
    if table.single:
        if len(rows) > 1:
            raise BadRecord(f"{len(rows)} records where one is expected", table.name)
        return rows
    seen: dict[tuple[Hashable, ...], str] = {}
    for doc_id, doc in docs.items():
        key = table.key_of(doc)
        if key in seen:
            raise BadRecord(f"{table.describe(key)} is also in record {seen[key]}", table.name, doc_id)
        seen[key] = doc_id
    return rows


def validate(data: Mapping[str, dict]) -> dict[str, list[Any]]:
    """Every declared table of a (migrated) file as models; BadRecord for the first problem found."""
    if not data.get(STRATEGY.name):
        raise BadRecord("the file holds no strategy", STRATEGY.name)
    return {name: validate_table(table, data.get(name, {})) for name, table in TABLES.items()}


def strategy_name(data: Any) -> str | None:
    """The strategy's name as a file says it, even when the file does not validate (for messages)."""
    try:
        doc = next(iter(data[STRATEGY.name].values()))
        name = doc.get("name")
    except (AttributeError, KeyError, StopIteration, TypeError):
        return None
    return name if isinstance(name, str) and name.strip() else None


def documents(table: Table[M], rows: Iterable[M]) -> dict[str, dict[str, Any]]:
    """Rows as a TinyDB table: doc ids 1, 2, …"""
    return {str(i): table.dump(row) for i, row in enumerate(rows, start=1)}
