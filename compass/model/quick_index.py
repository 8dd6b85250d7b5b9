"""The start screen's session list, read with the standard library's ``sqlite3`` alone.

Why this exists: importing SQLAlchemy takes about 0.17 s on our machines, more than the whole start-up
budget (a bare QWizard paints in 0.13-0.26 s and we must stay within 1.5x of it). So when the database is
a SQLite file already at the current schema, the first screen is filled from here and SQLAlchemy loads
right after the first paint. Anything unusual (a new, old, foreign or damaged file, another database)
returns None and the caller takes the full path through the services, which give proper errors.
Only the first page is read (``LIST_PAGE_SIZE`` sessions and the count): a database of 10,000 sessions
paints as fast as one of ten; the start screen loads the rest as the user scrolls.
``tests/model/test_quick_listing.py`` keeps this page identical to ``SessionService.list_page``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from compass.core.codes import Procedure, SessionStatus
from compass.core.listing import LIST_PAGE_SIZE, SessionListPage, SessionSummary
from compass.model.schema_version import SCHEMA_HEAD
from compass.model.sqlite_probe import FileState, connect_read_only, probe_sqlite_file
from compass.model.storage import write_problem
from compass.paths import sqlite_file_of

_QUERY = (
    "SELECT id, title, organisation, procedure, status, created_at, updated_at FROM sessions "
    "ORDER BY updated_at DESC, id DESC LIMIT ?"
)
_COUNT = "SELECT count(*) FROM sessions"


def _timestamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def quick_first_page(url: str, limit: int = LIST_PAGE_SIZE) -> SessionListPage | None:
    path: Path | None = sqlite_file_of(url)
    if path is None:
        return None
    probe = probe_sqlite_file(path)
    if probe.state is not FileState.OURS or probe.revision != SCHEMA_HEAD:
        return None
    if write_problem(path) is not None:
        return None  # the full path says why and offers to open it read-only
    try:
        connection = connect_read_only(path)
        try:
            rows = connection.execute(_QUERY, (limit,)).fetchall()
            (total,) = connection.execute(_COUNT).fetchone()
        finally:
            connection.close()
        sessions = tuple(
            SessionSummary(
                id=row[0],
                title=row[1],
                organisation=row[2],
                procedure=Procedure(row[3]),
                status=SessionStatus(row[4]),
                created_at=_timestamp(row[5]),
                updated_at=_timestamp(row[6]),
            )
            for row in rows
        )
        return SessionListPage(sessions, total)
    except (sqlite3.Error, ValueError, TypeError):
        return None
