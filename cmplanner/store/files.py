"""Files that are only ever replaced whole: a temp file in the same folder, fsync, ``os.replace``.

A reader therefore sees either the old or the new version of a file, never half of one, and a crash leaves the old
version. Disk faults (read-only folder, full disk, no permission) become one :class:`StoreError` naming the folder
and saying nothing was saved; the temp file is removed.
"""

from __future__ import annotations

import errno
import os
import secrets
import time
from pathlib import Path

import orjson
from tinydb.storages import Storage

from cmplanner.store.errors import StoreError

DISK_ERRORS: dict[int, str] = {
    errno.ENOSPC: "store.disk_full",
    errno.EDQUOT: "store.disk_full",
    errno.EROFS: "store.read_only",
    errno.EACCES: "store.no_permission",
    errno.EPERM: "store.no_permission",
}
"""errno → the message a user gets when a write fails for that reason."""


def disk_error(exc: OSError, folder: Path) -> StoreError:
    """The one clear line for a failed write in ``folder``."""
    key = DISK_ERRORS.get(exc.errno or 0, "store.write_failed")
    return StoreError(key, folder, error=exc.strerror or str(exc))


def temp_name(path: Path) -> Path:
    """``.name.<random>.tmp`` beside ``path``: hidden, and recognisable as ours when a crash leaves it behind."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def write_atomic(path: Path, payload: bytes) -> None:
    """Replace ``path`` by ``payload`` all at once; StoreError (nothing changed, no temp file left) if the disk refuses."""
    tmp = temp_name(path)
    try:
        with open(tmp, "xb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        _replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise disk_error(exc, path.parent) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


def _replace(tmp: Path, path: Path) -> None:
    for attempt in range(20):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:  # Windows: a reader still has the file open
            if os.name != "nt" or attempt == 19:
                raise
            time.sleep(0.05)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes; None when it does not exist. A folder where a file should be is a StoreError."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise StoreError("store.not_a_file", path) from None
    except PermissionError as exc:
        raise StoreError("store.cannot_read", path, error=exc.strerror or str(exc)) from None


class AtomicJSONStorage(Storage):
    """TinyDB's storage interface over one file, written atomically: ``TinyDB(path, storage=AtomicJSONStorage)``.

    Not a lock: the store uses it inside its locks. Any TinyDB can open a strategy file with it.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict | None:
        """The file's tables; None for a missing or empty file; ValueError for invalid JSON."""
        raw = read_bytes(self.path)
        return orjson.loads(raw) if raw and raw.strip() else None

    def write(self, data: dict) -> None:
        write_atomic(self.path, orjson.dumps(data))
