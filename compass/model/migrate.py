"""Alembic, driven from code: the migration scripts ship inside the package (``migrations/``), so an
installed app needs no ``alembic.ini``. Imported only when a database is not at the current schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Any fixed number: the key of the PostgreSQL advisory lock held while one desk migrates.
MIGRATION_LOCK_KEY = 0x5D6C0A55


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {revision.revision for revision in script.walk_revisions()}


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


class MigrationError(Exception):
    pass


def upgrade_to_head(engine: Engine) -> None:
    """Run every pending migration in one transaction.

    On SQLite, batch migrations recreate tables; with foreign keys on, dropping the old ``sessions``
    table would cascade-delete every step's rows. So foreign keys are off while migrating (the pragma
    only works outside a transaction) and checked before the transaction commits.

    On PostgreSQL several desks may open a new or older team database at the same moment: the first
    takes an advisory lock for the transaction, the others wait for it and then find the database
    at the current revision (Alembic reads it after the lock, and READ COMMITTED sees the commit).

    Python's sqlite3 driver commits by itself before any statement that is not INSERT, UPDATE or
    DELETE, so CREATE, DROP and ALTER would each be committed at once: a crash halfway through a
    migration (found by tests/model/test_crash_safety.py) left a database with some tables and no
    schema revision. Here the driver is told to leave transactions alone and the migration runs
    inside our own BEGIN: SQLite's DDL is transactional, so a crash leaves the database as it was.
    """
    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        driver_connection: Any = connection.connection.driver_connection
        isolation_level = driver_connection.isolation_level if sqlite else None
        if sqlite:
            driver_connection.isolation_level = None  # no implicit commits around DDL
            driver_connection.execute("PRAGMA foreign_keys = OFF")  # outside any transaction
        try:
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                if sqlite:
                    driver_connection.execute("BEGIN IMMEDIATE")  # committed by connection.begin()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationError(f"foreign keys broken after migrating: {broken[:3]}")
        finally:
            if sqlite:
                driver_connection.execute("PRAGMA foreign_keys = ON")
                driver_connection.isolation_level = isolation_level
