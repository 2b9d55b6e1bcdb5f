"""The store owns the strategy files: their tables (``schema``), the one read-modify-write (``Store.update``), safe
files, backups, restore and recovery. Nothing outside this package imports tinydb or takes its locks."""

from cmplanner.store.backup import MAX_BACKUP_BYTES, Export, RestoreResult, check_backup, export, restore
from cmplanner.store.edit import Edit, UpsertResult
from cmplanner.store.errors import Conflict, DamagedFile, StoreError
from cmplanner.store.files import AtomicJSONStorage, write_atomic
from cmplanner.store.schema import (
    COMPETITOR_WEEKS,
    DRAFT,
    IMPORT_MEMORY,
    METRICS,
    PLANNED_POSTS,
    POSTS,
    REVIEWS,
    SCHEMA_VERSION,
    STRATEGY,
    TABLES,
    TICKS,
    Table,
)
from cmplanner.store.snapshot import Snapshot
from cmplanner.store.strategies import Store
from cmplanner.store.workspace import Saved, default_root

__all__ = [
    "COMPETITOR_WEEKS",
    "DRAFT",
    "IMPORT_MEMORY",
    "MAX_BACKUP_BYTES",
    "METRICS",
    "PLANNED_POSTS",
    "POSTS",
    "REVIEWS",
    "SCHEMA_VERSION",
    "STRATEGY",
    "TABLES",
    "TICKS",
    "AtomicJSONStorage",
    "Conflict",
    "DamagedFile",
    "Edit",
    "Export",
    "RestoreResult",
    "Saved",
    "Snapshot",
    "Store",
    "StoreError",
    "Table",
    "UpsertResult",
    "check_backup",
    "default_root",
    "export",
    "restore",
    "write_atomic",
]
