"""Opening a database: checks that it is ours and intact, migrates it to the current schema, and sets
up the engine (SQLite: foreign keys on, WAL journal, busy timeout).

A file that is not ours, is damaged, or was made by a newer version of the app raises
``DatabaseOpenError`` naming the file, and is left byte-for-byte unchanged: all checks happen read-only
before the engine first connects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from compass.core.errors import DatabaseOpenError
from compass.i18n import _
from compass.model.schema_version import SCHEMA_HEAD
from compass.model.sqlite_probe import FileState, probe_sqlite_file
from compass.paths import sqlite_file_of

SQLITE_BUSY_TIMEOUT_MS = 5000


@dataclass
class Database:
    url: str
    location: str
    engine: Engine
    session_factory: sessionmaker[Session]

    def dispose(self) -> None:
        self.engine.dispose()


def display_location(url: str) -> str:
    """What users see as "the database": the file path for SQLite, the URL without password otherwise."""
    path = sqlite_file_of(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def open_database(url: str) -> Database:
    location = display_location(url)
    path = sqlite_file_of(url)
    revision: str | None = None
    if path is not None:
        revision = _check_sqlite_file(path, location)
    engine = _create_engine(url, location)
    try:
        if path is None:
            revision = _check_server_database(engine, location)
        if revision != SCHEMA_HEAD:
            _check_known_revision(revision, location)
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
    return Database(url, location, engine, factory)


def _drop_nul_characters(session: Session, flush_context: Any, instances: Any) -> None:
    """U+0000 never means anything in typed or pasted text, and PostgreSQL cannot store it at all
    (SQLite would): it is left out of every text before it is written, on every database."""
    for row in (*session.new, *session.dirty):
        for column in inspect(row).mapper.column_attrs:
            value = getattr(row, column.key)
            if isinstance(value, str) and "\x00" in value:
                setattr(row, column.key, value.replace("\x00", ""))


def _check_sqlite_file(path: Path, location: str) -> str | None:
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
    return probe.revision


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


def _create_engine(url: str, location: str) -> Engine:
    try:
        engine = create_engine(_engine_url(url))
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as error:
        raise DatabaseOpenError(
            _("Cannot open the database {location}: {detail}").format(
                location=location, detail=_first_line(error)
            ),
            location,
        ) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite_connection)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, connection_record: Any) -> None:
    # SQLite's own lower() folds ASCII only; PostgreSQL's (in a UTF-8 database) folds every letter.
    # Search compares lower() of both sides, so it finds "Één" by "één" on both.
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def _lower(text: str | None) -> str | None:
    return None if text is None else text.lower()


def _first_line(error: BaseException) -> str:
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
