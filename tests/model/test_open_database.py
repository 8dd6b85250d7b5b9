"""Opening a database: new files are created and migrated; anything that is not ours, damaged, or from
a newer app is refused with a message naming it and is left byte-for-byte unchanged."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from compass.core.errors import DatabaseOpenError
from compass.model.database import open_database
from compass.model.schema_version import SCHEMA_HEAD
from compass.services import SessionService

pytestmark = pytest.mark.real_migrations  # what is tested here is the migration itself


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def _sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def _refused_unchanged(path: Path, *, expect: str) -> DatabaseOpenError:
    before = path.read_bytes()
    modified = os.stat(path).st_mtime_ns
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(_url(path))
    assert str(path) in str(caught.value)
    assert expect in str(caught.value)
    assert path.read_bytes() == before
    assert os.stat(path).st_mtime_ns == modified
    assert _sidecars(path) == []
    return caught.value


def _real_database(path: Path) -> Path:
    database = open_database(_url(path))
    from compass.reference.loading import load_reference_data

    service = SessionService(database, load_reference_data())
    for number in range(40):
        service.create_session(f"Aanbesteding {number}", organisation="Gemeente " * 20)
    database.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=DELETE")  # fold the WAL in: one self-contained file
    connection.close()
    return path


def test_a_new_file_is_created_in_missing_folders_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "compass.sqlite3"
    database = open_database(_url(path))
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
    database.dispose()
    assert path.exists()


def test_an_empty_file_is_initialised(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    database = open_database(_url(path))
    assert SessionService(database, shipped_reference).list_sessions() == []
    database.dispose()


def test_sqlite_runs_with_foreign_keys_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    database = open_database(_url(tmp_path / "x.sqlite3"))
    with database.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    database.dispose()


def test_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Boodschappenlijst: koffie, thee\n" * 50, encoding="utf-8")
    _refused_unchanged(path, expect="is not an SDG Procurement Compass database")


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.sqlite3"
    path.write_bytes(bytes(range(256)) * 64)
    _refused_unchanged(path, expect="is not an SDG Procurement Compass database")


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE foo (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO foo (name) VALUES ('bar')")
    connection.commit()
    connection.close()
    _refused_unchanged(path, expect="is not an SDG Procurement Compass database")


def test_a_damaged_database_is_refused(tmp_path: Path) -> None:
    path = _real_database(tmp_path / "damaged.sqlite3")
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    assert len(data) >= 4 * page_size
    for offset in range(2 * page_size, 3 * page_size, 7):  # scribble over the third page
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    _refused_unchanged(path, expect="is damaged")


def test_a_truncated_database_is_refused(tmp_path: Path) -> None:
    path = _real_database(tmp_path / "truncated.sqlite3")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused_unchanged(path, expect="is damaged")


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = _real_database(tmp_path / "newer.sqlite3")
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    error = _refused_unchanged(path, expect="newer version")
    assert "9999" in str(error)


@pytest.mark.parametrize(
    "url, expect",
    [
        ("nosuchdb://somewhere/x", "Cannot open the database"),
        ("postgresql+nosuchdriver://u:secret@localhost/x", "Cannot open the database"),
    ],
)
def test_unusable_urls_are_refused_without_showing_passwords(url: str, expect: str) -> None:
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(url)
    assert expect in str(caught.value)
    assert "secret" not in str(caught.value)
