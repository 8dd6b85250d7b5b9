"""The suite's shortcut for new SQLite files (tests/schema_replay.py) gives them what the migrations
give them: the same objects with the same SQL, SQLite's own objects included, the same file settings
and revision, and a database the app opens without migrating again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from schema_replay import replaying
from sqlalchemy import create_engine

from compass.model.database import open_database

pytestmark = pytest.mark.real_migrations  # the file to compare with is migrated for real

SETTINGS = ("user_version", "application_id", "auto_vacuum", "page_size", "encoding", "foreign_keys")


def _described(path: Path) -> dict[str, object]:
    with sqlite3.connect(path) as connection:
        objects = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        settings = {name: connection.execute(f"PRAGMA {name}").fetchone()[0] for name in SETTINGS}
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    connection.close()
    return {"objects": sorted(objects, key=repr), "settings": settings, "revision": revision}


def test_a_replayed_new_file_is_the_file_the_migrations_build(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite3"
    open_database(f"sqlite:///{migrated.as_posix()}").dispose()

    def must_not_migrate(engine) -> None:
        raise AssertionError("an empty file was left to the migrations")

    replayed = tmp_path / "replayed.sqlite3"
    engine = create_engine(f"sqlite:///{replayed.as_posix()}")
    replaying(migrated, must_not_migrate)(engine)
    engine.dispose()

    assert _described(replayed) == _described(migrated)
    assert any(kind == "index" for kind, *_ in _described(replayed)["objects"])
    open_database(f"sqlite:///{replayed.as_posix()}").dispose()  # at the head: opened as it is
