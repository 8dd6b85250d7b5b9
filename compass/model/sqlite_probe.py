"""Look at a SQLite file without changing it: is it new, empty, ours, damaged, or from a newer app?

Uses the standard library's ``sqlite3`` in read-only mode, so a file that turns out not to be ours is
never touched (opening it through the engine would switch it to WAL and change its header). No
SQLAlchemy here: the fast start path uses this before SQLAlchemy is imported.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path
from typing import NamedTuple

from compass.model.storage import writable

SQLITE_HEADER = b"SQLite format 3\x00"


class FileState(Enum):
    MISSING = "missing"  # no file yet: create it
    BLANK = "blank"  # an empty file or a SQLite database without tables: ours to initialise
    OURS = "ours"  # has our alembic_version table; see ProbeResult.revision
    FOREIGN = "foreign"  # a SQLite database of some other program, or not a database at all
    DAMAGED = "damaged"  # looks like SQLite but fails to read or its integrity check


class ProbeResult(NamedTuple):
    state: FileState
    revision: str | None = None
    detail: str = ""


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def connect_read_only(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection that works on a file or in a folder we may not write, and leaves no
    files behind there.

    A WAL database needs its "-shm" file even to be read. In a folder we may not write it cannot be
    created, and SQLite refuses (SQLITE_READONLY_DIRECTORY or SQLITE_CANTOPEN); beside a file we may
    not write, ``mode=ro`` would create "-shm" and "-wal" files that we then own and that block the
    file's owner. So a file we may not write, with no WAL content waiting, is opened as immutable:
    read as it lies, without locks. (Someone who may write it and does so while we read would not be
    seen; with WAL content waiting, ``mode=ro`` is used, with SQLite's locks.)"""
    wal = path.with_name(path.name + "-wal")
    nothing_in_wal = not wal.exists() or wal.stat().st_size == 0
    if nothing_in_wal and not (writable(path) and writable(path.parent)):
        return sqlite3.connect(
            read_only_uri(path, immutable=True), uri=True, check_same_thread=check_same_thread
        )
    connection = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=check_same_thread)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError as error:
        connection.close()
        name = getattr(error, "sqlite_errorname", "")
        if not (name.startswith("SQLITE_READONLY") or name.startswith("SQLITE_CANTOPEN")):
            raise
    return sqlite3.connect(
        read_only_uri(path, immutable=True), uri=True, check_same_thread=check_same_thread
    )


def add_sql_functions(connection: sqlite3.Connection) -> None:
    """What our queries expect of a SQLite connection beyond SQLite itself, for the engine and for the
    sqlite3-only listing alike. SQLite's own lower() folds ASCII only; PostgreSQL's (in a UTF-8
    database) folds every letter. Search compares lower() of both sides, so it finds "Één" by "één"."""
    connection.create_function("lower", 1, _lower, deterministic=True)


def _lower(text: str | None) -> str | None:
    return None if text is None else text.lower()


def probe_sqlite_file(path: Path, *, check_pages: bool = True) -> ProbeResult:
    """What lies at ``path``. ``check_pages=False`` skips SQLite's quick check of every page, whose
    time grows with the file: the start screen's first page is read without it, and the full path
    that opens the database right after the first paint checks (and names a damaged file)."""
    if not path.exists():
        return ProbeResult(FileState.MISSING)
    if path.is_dir():
        return ProbeResult(FileState.FOREIGN, detail="is a directory")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        return ProbeResult(FileState.DAMAGED, detail=error.strerror or str(error))
    if header == b"":
        return ProbeResult(FileState.BLANK)
    if header != SQLITE_HEADER:
        return ProbeResult(FileState.FOREIGN, detail="not a SQLite database")
    try:
        connection = connect_read_only(path)
    except sqlite3.Error as error:
        return ProbeResult(FileState.DAMAGED, detail=str(error))
    try:
        if check_pages:
            check = connection.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                return ProbeResult(FileState.DAMAGED, detail=str(check[0] if check else "no answer"))
        tables = {
            row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables:
            return ProbeResult(FileState.BLANK)
        if "alembic_version" not in tables or "sessions" not in tables:
            return ProbeResult(FileState.FOREIGN, detail="other tables")
        revisions = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.DatabaseError as error:
        return ProbeResult(FileState.DAMAGED, detail=str(error))
    finally:
        connection.close()
    if len(revisions) != 1:
        return ProbeResult(FileState.DAMAGED, detail="no single schema revision")
    return ProbeResult(FileState.OURS, revision=revisions[0])
