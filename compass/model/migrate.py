"""Alembic, driven from code: the migration scripts ship inside the package (``migrations/``), so an
installed app needs no ``alembic.ini``. Imported only when a database is not at the current schema."""

from __future__ import annotations

from pathlib import Path

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
    """
    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()  # ends SQLAlchemy's autobegin; the pragma needs no transaction
        try:
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationError(f"foreign keys broken after migrating: {broken[:3]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()
