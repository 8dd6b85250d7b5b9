"""A new SQLite file gets the schema the migrations built for this run's template, replayed.

Migrating a new file takes 0.14 s (seven migrations, seventeen batch table rebuilds), and about 280
tests open a new file in the test process: 40 s of the suite's CPU for the same result every time. The
template (tests/conftest.py) is migrated for real once per process; here its ``CREATE`` statements,
exactly as SQLite stored them, and its revision are written into each new file in one transaction.
Only an empty SQLite file is replayed: an older file, a server database and the app in a child
process (the command-line and first-start tests) migrate for real, and so do tests marked
``real_migrations`` (the migration tests themselves, desks creating a database at once).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Tables first, so every index finds its table; SQLite resolves foreign keys when they are used.
_ORDER = {"table": 0, "index": 1, "trigger": 2, "view": 3}


def schema_of(template: Path) -> tuple[list[str], str]:
    """The template's ``CREATE`` statements (SQLite's own objects left out) and its revision."""
    with sqlite3.connect(template) as connection:
        objects = connection.execute(
            "SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    statements = [sql for kind, sql in sorted(objects, key=lambda row: _ORDER[row[0]])]
    return statements, revision


def replaying(template: Path, real: Callable[[Any], None]) -> Callable[[Any], None]:
    """An ``upgrade_to_head`` that replays the template into an empty SQLite file and leaves every
    other database to ``real``."""
    statements, revision = schema_of(template)

    def upgrade_to_head(engine: Any) -> None:
        if engine.dialect.name != "sqlite":
            real(engine)
            return
        with engine.connect() as connection:
            driver: Any = connection.connection.driver_connection
            isolation_level = driver.isolation_level
            driver.isolation_level = None  # our own transaction around the DDL, as the app's
            try:
                driver.execute("BEGIN IMMEDIATE")  # a second desk waits, then finds the schema
                try:
                    empty = driver.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
                    if empty:
                        for statement in statements:
                            driver.execute(statement)
                        driver.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (revision,))
                    driver.execute("COMMIT")
                except BaseException:
                    driver.execute("ROLLBACK")
                    raise
            finally:
                driver.isolation_level = isolation_level
        if not empty:
            real(engine)

    return upgrade_to_head
