"""Opening a database: checks that it is ours and intact, migrates it to the current schema, and sets
up the engine (SQLite: foreign keys on, WAL journal, busy timeout).

A file that is not ours, is damaged, or was made by a newer version of the app raises
``DatabaseOpenError`` naming the file, and is left byte-for-byte unchanged: all checks happen read-only
before the engine first connects. A file that cannot be written (read-only file or folder, full disk)
raises ``StorageError``, also before anything is changed; ``open_database(url, read_only=True)`` then
opens it for browsing and export. A database that needs upgrading is first backed up
(``compass.model.backups``, decision 009).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from compass.core.errors import BackupError, DatabaseOpenError, StorageError
from compass.i18n import _
from compass.model.location import display_location
from compass.model.schema_version import SCHEMA_HEAD
from compass.model.sqlite_probe import FileState, add_sql_functions, connect_read_only, probe_sqlite_file
from compass.model.storage import storage_problem_of, write_problem
from compass.paths import sqlite_file_of

SQLITE_BUSY_TIMEOUT_MS = 5000
_CHECKPOINT_WAIT_MS = 1000  # at close: a quit must not hang on a colleague's long read


@dataclass
class Database:
    url: str
    location: str
    engine: Engine
    session_factory: sessionmaker[Session]
    read_only: bool = False
    created: bool = False  # a new or empty file, set up by this opening

    @property
    def folder(self) -> str:
        """The folder of a SQLite file (where its journal and backups live), else empty."""
        path = sqlite_file_of(self.url)
        return str(path.parent) if path is not None else ""

    def dispose(self) -> None:
        self.engine.dispose()

    def checkpoint(self) -> bool:
        """Write what the WAL holds into the database file itself and empty the WAL, so the file alone
        (copied, mailed, put on a stick without its ``-wal``) holds every commit. Called on a clean
        close; WAL stays for the desks working meanwhile (decision 009). Where another desk is
        reading it waits a second at most and leaves the rest to SQLite's own checkpoints, never an
        error at close. True when the WAL was emptied (always, for a database that is not a file)."""
        if self.read_only or sqlite_file_of(self.url) is None:
            return True
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {_CHECKPOINT_WAIT_MS}")
                busy, _log, _done = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        except SQLAlchemyError:
            return False
        return not busy


def open_database(
    url: str, *, read_only: bool = False, clock: Callable[[], dt.datetime] | None = None
) -> Database:
    """Open, check and (unless ``read_only``) migrate the database at ``url``. ``clock`` gives the
    time of a backup made before upgrading (tests inject it)."""
    location = display_location(url)
    path = sqlite_file_of(url)
    revision: str | None = None
    created = False
    if path is not None:
        revision, created = _check_sqlite_file(path, location, read_only=read_only)
    elif read_only:
        raise DatabaseOpenError(
            _("Only a SQLite file can be opened read-only; {location} is not one.").format(
                location=location
            ),
            location,
        )
    engine = _create_engine(url, location, read_only_file=path if read_only else None)
    try:
        if path is None:
            revision = _check_server_database(engine, location)
        if revision != SCHEMA_HEAD:
            _check_known_revision(revision, location)
            if read_only:
                raise DatabaseOpenError(
                    _(
                        "{location} was made by an older version of the app and must be upgraded "
                        "before it can be opened, which needs write access. Copy it to a folder where "
                        "you can write and open the copy."
                    ).format(location=location),
                    location,
                )
            if path is not None and revision is not None:
                _back_up_before_upgrade(path, location, clock)
            from compass.model.migrate import MigrationError, upgrade_to_head  # Alembic on demand

            try:
                upgrade_to_head(engine)
            except MigrationError as error:
                raise DatabaseOpenError(
                    _(
                        "Upgrading the database {location} failed ({detail}). "
                        "Nothing was changed; please report this problem."
                    ).format(location=location, detail=error),
                    location,
                ) from error
    except SQLAlchemyError as error:
        engine.dispose()
        problem = storage_problem_of(error)
        if problem is not None:
            folder = str(path.parent) if path is not None else ""
            raise StorageError(problem, location, folder) from error
        raise DatabaseOpenError(
            _("Cannot open the database {location}: {detail}").format(
                location=location, detail=_first_line(error)
            ),
            location,
        ) from error
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)
    event.listen(factory, "before_flush", _drop_nul_characters)
    return Database(url, location, engine, factory, read_only=read_only, created=created)


def _drop_nul_characters(session: Session, flush_context: Any, instances: Any) -> None:
    """U+0000 never means anything in typed or pasted text, and PostgreSQL cannot store it at all
    (SQLite would): it is left out of every text before it is written, on every database."""
    for row in (*session.new, *session.dirty):
        for column in inspect(row).mapper.column_attrs:
            value = getattr(row, column.key)
            if isinstance(value, str) and "\x00" in value:
                setattr(row, column.key, value.replace("\x00", ""))


def _back_up_before_upgrade(path: Path, location: str, clock: Callable[[], dt.datetime] | None) -> None:
    from compass.model.backups import make_backup

    try:
        make_backup(path, "before-upgrade", clock() if clock else dt.datetime.now(dt.UTC))
    except BackupError as error:
        raise DatabaseOpenError(
            _("{location} was not upgraded, because it could not be backed up first. {reason}").format(
                location=location, reason=error
            ),
            location,
        ) from error


def _check_sqlite_file(path: Path, location: str, *, read_only: bool) -> tuple[str | None, bool]:
    """The file's schema revision and whether it is new or empty; raises if it is not usable."""
    probe = probe_sqlite_file(path)
    if probe.state is FileState.FOREIGN:
        raise DatabaseOpenError(
            _(
                "{location} is not an SDG Procurement Compass database. "
                "The file was left unchanged; choose another file."
            ).format(location=location),
            location,
        )
    if probe.state is FileState.DAMAGED:
        raise DatabaseOpenError(
            _(
                "{location} is damaged and cannot be opened ({detail}). "
                "The file was left unchanged; restore it from a backup."
            ).format(location=location, detail=probe.detail),
            location,
        )
    created = probe.state in (FileState.MISSING, FileState.BLANK)
    if read_only:
        if created:
            raise DatabaseOpenError(
                _("{location} holds no sessions yet: there is nothing to open read-only.").format(
                    location=location
                ),
                location,
            )
        return probe.revision, False
    problem = write_problem(path)
    if problem is not None:
        raise StorageError(problem, location, str(path.parent))
    if probe.state is FileState.MISSING:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseOpenError(
                _("Cannot create the database {location}: {detail}").format(
                    location=location, detail=error.strerror or str(error)
                ),
                location,
            ) from error
    return probe.revision, created


def _check_known_revision(revision: str | None, location: str) -> None:
    if revision is None:
        return
    from compass.model.migrate import known_revisions

    if revision not in known_revisions():
        raise DatabaseOpenError(
            _(
                "{location} was made by a newer version of SDG Procurement Compass "
                "(schema {revision}). Update the app to open it; the file was left unchanged."
            ).format(location=location, revision=revision),
            location,
        )


def _check_server_database(engine: Engine, location: str) -> str | None:
    if engine.dialect.name == "postgresql":
        _check_encoding(engine, location)
    tables = set(inspect(engine).get_table_names())
    if not tables:
        return None
    if "alembic_version" not in tables or "sessions" not in tables:
        raise DatabaseOpenError(
            _(
                "{location} is not an SDG Procurement Compass database. "
                "It was left unchanged; choose another database."
            ).format(location=location),
            location,
        )
    with engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _check_encoding(engine: Engine, location: str) -> None:
    """A PostgreSQL database keeps text in the encoding it was created with: one that is not UTF-8
    cannot hold CO₂ or € (and its lower() does not fold é for search)."""
    with engine.connect() as connection:
        encoding = connection.execute(text("SHOW server_encoding")).scalar()
    if encoding != "UTF8":
        raise DatabaseOpenError(
            _(
                "{location} stores text as {encoding}; the app needs a UTF-8 database. "
                "Create one with ENCODING 'UTF8' (see the README); this one was left unchanged."
            ).format(location=location, encoding=encoding),
            location,
        )


def _engine_url(url: str) -> URL:
    """``postgresql://`` means psycopg 3, the driver the app installs (SQLAlchemy 2.0 reads it as
    psycopg2)."""
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    return parsed


def _create_engine(url: str, location: str, *, read_only_file: Path | None = None) -> Engine:
    try:
        if read_only_file is not None:
            engine = create_engine(
                url, creator=lambda: connect_read_only(read_only_file, check_same_thread=False)
            )
        else:
            engine = create_engine(_engine_url(url))
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as error:
        raise DatabaseOpenError(
            _("Cannot open the database {location}: {detail}").format(
                location=location, detail=_first_line(error)
            ),
            location,
        ) from error
    if engine.dialect.name == "sqlite":
        configure = _configure_read_only_connection if read_only_file else _configure_sqlite_connection
        event.listen(engine, "connect", configure)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, connection_record: Any) -> None:
    add_sql_functions(dbapi_connection)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def _configure_read_only_connection(dbapi_connection: Any, connection_record: Any) -> None:
    """Opened with ``mode=ro`` already; ``query_only`` makes a write fail before it reaches the
    file, whatever the connection's mode."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _first_line(error: BaseException) -> str:
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
