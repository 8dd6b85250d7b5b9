"""The start screen's session list, read with the standard library's ``sqlite3`` alone.

Why this exists: importing SQLAlchemy takes about 0.17 s on our machines, more than the whole start-up
budget (a bare QWizard paints in 0.13-0.26 s and we must stay within 1.5x of it). So when the database is
a SQLite file already at the current schema, the first screen is filled from here and SQLAlchemy loads
right after the first paint. Anything unusual (a new, old, foreign or damaged file, another database)
returns None and the caller takes the full path through the services, which give proper errors.
Only the first page is read (``LIST_PAGE_SIZE`` sessions and the count): a database of 10,000 sessions
paints as fast as one of ten; the start screen loads the rest as the user scrolls.
``tests/model/test_quick_listing.py`` keeps this page identical to ``SessionService.list_page``.

The command line's ``sessions list`` reads the whole list from here too (``quick_listing``), one page
of rows at a time, so 100,000 sessions list in constant memory and without SQLAlchemy;
``tests/test_command_line_fast.py`` keeps its output identical to the service path's.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from compass.core.codes import Procedure, SessionStatus
from compass.core.listing import LIST_PAGE_SIZE, SessionListPage, SessionSummary
from compass.model.schema_version import SCHEMA_HEAD
from compass.model.sqlite_probe import FileState, add_sql_functions, connect_read_only, probe_sqlite_file
from compass.model.storage import write_problem
from compass.paths import sqlite_file_of

_COUNT = "SELECT count(*) FROM sessions"


_ORDERED = " ORDER BY updated_at DESC, id DESC"
_ALL = "SELECT id, title, organisation, procedure, status, created_at, updated_at FROM sessions"
# The service's search (``services/sessions.py: _matching``) in its own SQL: the same lower() (see
# ``add_sql_functions``) and LIKE, so both paths find the same sessions, ``%`` and ``_`` taken literally.
_SEARCH = " WHERE lower(title) LIKE ? ESCAPE '\\'"


def _timestamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _summary(row: tuple[Any, ...]) -> SessionSummary:
    return SessionSummary(
        id=row[0],
        title=row[1],
        organisation=row[2],
        procedure=Procedure(row[3]) if row[3] else None,
        status=SessionStatus(row[4]),
        created_at=_timestamp(row[5]),
        updated_at=_timestamp(row[6]),
    )


def quick_file(url: str, *, check_pages: bool = True) -> Path | None:
    """The SQLite file behind ``url`` if it can be read here as it lies: ours, at the current schema,
    and writable (an unwritable one goes the full path, which says why and opens it read-only)."""
    path: Path | None = sqlite_file_of(url)
    if path is None:
        return None
    probe = probe_sqlite_file(path, check_pages=check_pages)
    if probe.state is not FileState.OURS or probe.revision != SCHEMA_HEAD:
        return None
    if write_problem(path) is not None:
        return None
    return path


def quick_listing(
    url: str, search: str = "", page_size: int = LIST_PAGE_SIZE
) -> Iterator[SessionSummary] | None:
    """Every session matching ``search``, newest first, as ``SessionService.list_sessions`` gives
    them, read ``page_size`` rows at a time; None when the full path must answer instead.

    One query whose rows are fetched a page at a time: SQLite hands them out as it finds them, so
    memory stays the same for any number of sessions, and no page is ever read twice (paging with
    OFFSET would read the list again for each page). The first page is read before this returns, so
    a file that fails to read still leaves the choice of the full path to the caller."""
    path = quick_file(url)
    if path is None:
        return None
    needle = search.strip()
    if needle:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query, parameters = _ALL + _SEARCH + _ORDERED, [f"%{escaped.lower()}%"]
    else:
        query, parameters = _ALL + _ORDERED, []
    try:
        connection = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        add_sql_functions(connection)
        cursor = connection.execute(query, parameters)
        first = [_summary(row) for row in cursor.fetchmany(page_size)]
    except (sqlite3.Error, ValueError, TypeError):
        connection.close()
        return None
    return _pages(connection, cursor, first, page_size)


def _pages(
    connection: sqlite3.Connection, cursor: sqlite3.Cursor, first: list[SessionSummary], page_size: int
) -> Iterator[SessionSummary]:
    try:
        yield from first
        while rows := cursor.fetchmany(page_size):
            yield from (_summary(row) for row in rows)
    finally:
        connection.close()


def quick_first_page(url: str, limit: int = LIST_PAGE_SIZE) -> SessionListPage | None:
    """The start screen's first page. Without the quick check of every page, which grows with the
    file (5 ms at 10,000 sessions): the services open the database right after the first paint and
    report a damaged file then, before anything can be opened or changed."""
    path = quick_file(url, check_pages=False)
    if path is None:
        return None
    try:
        connection = connect_read_only(path)
        try:
            rows = connection.execute(_ALL + _ORDERED + " LIMIT ?", (limit,)).fetchall()
            (total,) = connection.execute(_COUNT).fetchone()
        finally:
            connection.close()
        return SessionListPage(tuple(_summary(row) for row in rows), total)
    except (sqlite3.Error, ValueError, TypeError):
        return None
