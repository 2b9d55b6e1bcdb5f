"""A restore replaces many files at once; this makes it all or nothing, also when the process is killed.

A restore first writes every new file into a staging folder (``<root>/.restore-<time>/``), then writes the journal
``<root>/restore.journal`` (the commit point), then moves the staged files into place one by one, and removes
journal and staging folder. :func:`recover` — run when a store starts and before it lists the strategies — finishes
the moves when it finds a journal (all restored) and removes a staging folder without one (none restored).
A restore in progress holds ``<root>/restore.lock``, so recovery never takes a staging folder from under it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import filelock
import orjson

from cmplanner.store.errors import StoreError
from cmplanner.store.files import sync_folder, write_atomic

if TYPE_CHECKING:
    from cmplanner.store.workspace import FileStore as Store

JOURNAL = "restore.journal"
LOCK = "restore.lock"
STAGE_PREFIX = ".restore-"


def restore_lock(root: Path, timeout: float) -> filelock.FileLock:
    return filelock.FileLock(str(root / LOCK), timeout=timeout)


def commit(root: Path, stage: Path, strategy_ids: list[str]) -> None:
    """The commit point: from here on the restore is finished by whoever gets there first."""
    write_atomic(root / JOURNAL, orjson.dumps({"stage": stage.name, "files": strategy_ids}))


def switch(store: Store, stage: Path, strategy_ids: list[str]) -> None:
    """Move staged files into place (those still staged), then drop journal and staging folder."""
    for sid in strategy_ids:
        staged = stage / f"{sid}.json"
        if staged.exists():
            os.replace(staged, store.path(sid))
    sync_folder(store.strategies)
    (store.root / JOURNAL).unlink(missing_ok=True)
    shutil.rmtree(stage, ignore_errors=True)


def recover(store: Store) -> None:
    """Finish a committed restore, or clear an uncommitted one. Quiet on a read-only folder."""
    journal = store.root / JOURNAL
    stages = list(store.root.glob(STAGE_PREFIX + "*"))
    if not stages and not journal.exists():
        return
    lock = restore_lock(store.root, timeout=0)
    try:
        lock.acquire()
    except (filelock.Timeout, OSError):
        return  # a restore is running right now (it finishes itself), or the folder is read-only
    try:
        if journal.exists():
            plan = orjson.loads(journal.read_bytes())
            files = [str(sid) for sid in plan.get("files", [])]
            with store.locked(files):
                switch(store, store.root / str(plan["stage"]), files)
        for stage in store.root.glob(STAGE_PREFIX + "*"):
            shutil.rmtree(stage, ignore_errors=True)
    except (OSError, ValueError, StoreError):
        pass  # left for the next start; reads still see whole files
    finally:
        with contextlib.suppress(OSError):
            lock.release()
