"""Has another desk changed the database since we last looked? Cheap enough to ask every two seconds.

SQLite: ``PRAGMA data_version`` on a connection of our own changes whenever any other connection
commits (our own desk's edits included: the caller compares what it shows with what is stored).
PostgreSQL: every change is announced with ``NOTIFY compass_changes, '<session id>'`` after it is
committed (``announce_change``), and a connection of our own LISTENs; looking drains what arrived.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

CHANNEL = "compass_changes"


class ChangeWatcher:
    def changed(self) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        """Let go of the connection."""


class _SqliteWatcher(ChangeWatcher):
    def __init__(self, path: str) -> None:
        self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._version = self._read()

    def _read(self) -> int:
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        try:
            version = self._read()
        except sqlite3.Error:
            return False  # the file is being replaced (a restore): the next look will tell
        if version == self._version:
            return False
        self._version = version
        return True

    def close(self) -> None:
        self._connection.close()


class _PostgresWatcher(ChangeWatcher):
    def __init__(self, engine: Engine) -> None:
        import psycopg

        self._connection: Any = psycopg.connect(
            engine.url.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True
        )
        self._connection.execute(f"LISTEN {CHANNEL}")

    def changed(self) -> bool:
        arrived = False
        for _notice in self._connection.notifies(timeout=0, stop_after=1000):
            arrived = True
        return arrived

    def close(self) -> None:
        self._connection.close()


def watcher_for(engine: Engine) -> ChangeWatcher | None:
    """A watcher for the database behind ``engine``, or None where nobody else can write to it (an
    in-memory database)."""
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        if not path or path == ":memory:":
            return None
        return _SqliteWatcher(path)
    if engine.dialect.name == "postgresql":
        return _PostgresWatcher(engine)
    return None


def announce_change(engine: Engine, session_id: int) -> None:
    """Tell the other desks (PostgreSQL; SQLite's readers see ``data_version`` move by themselves)."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as connection:
        connection.execute(
            text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": str(session_id)}
        )
        connection.commit()
