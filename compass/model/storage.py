"""Can the database be written, and why not: the checks before opening and the reading of SQLite's
errors after a failed write (read-only file or folder, full disk).

Standard library only (no SQLAlchemy): the fast start path and the backups use it too.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from compass.core.errors import StorageProblem

# SQLite needs to create "-wal", "-shm" or "-journal" files beside the database to change it.
_READ_ONLY_FOLDER_ERRORS = frozenset({"SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN"})


def writable(path: Path) -> bool:
    """Whether this process may write ``path``, judged as the kernel would (effective user, ACLs,
    read-only mounts): ``os.access`` with the real user would say yes to a root-started helper."""
    if os.access in os.supports_effective_ids:
        return os.access(path, os.W_OK, effective_ids=True)
    return os.access(path, os.W_OK)


def write_problem(path: Path) -> StorageProblem | None:
    """Why the SQLite database at ``path`` (existing or to be created) cannot be written, if so."""
    if path.exists():
        if not writable(path):
            return StorageProblem.READ_ONLY_FILE
        return None if writable(path.parent) else StorageProblem.READ_ONLY_FOLDER
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return None if writable(folder) else StorageProblem.NEW_IN_READ_ONLY_FOLDER


def storage_problem_of(error: BaseException) -> StorageProblem | None:
    """The storage problem behind a failed write, from SQLite's extended error name or the errno;
    None for anything else. ``error`` may be SQLAlchemy's wrapper (its ``orig`` is looked at)."""
    seen: BaseException | None = error
    for _depth in range(4):  # the error itself, SQLAlchemy's orig, their causes
        if seen is None:
            break
        name = getattr(seen, "sqlite_errorname", "") or ""
        if isinstance(seen, sqlite3.Error) and name:
            if name == "SQLITE_FULL" or name == "SQLITE_IOERR_SHMSIZE":
                return StorageProblem.DISK_FULL
            if name in _READ_ONLY_FOLDER_ERRORS:
                return StorageProblem.READ_ONLY_FOLDER
            if name.startswith("SQLITE_READONLY"):
                return StorageProblem.READ_ONLY_FILE
        if isinstance(seen, OSError):
            if seen.errno in (errno.ENOSPC, errno.EDQUOT):
                return StorageProblem.DISK_FULL
            if seen.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return StorageProblem.READ_ONLY_FILE
        seen = getattr(seen, "orig", None) or seen.__cause__
    return None
