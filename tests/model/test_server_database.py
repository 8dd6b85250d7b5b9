"""A team database on a PostgreSQL server (COMPASS_TEST_PG_URL, see tests/conftest.py): a new one is
migrated on first use, also from two desks at once; one that is not ours, is from a newer app or is
not UTF-8 is refused in one line and left unchanged; a server that cannot be reached is named in one
line without its password."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from compass.cli import main
from compass.core.errors import DatabaseOpenError
from compass.model.database import open_database
from compass.model.schema_version import SCHEMA_HEAD


@pytest.fixture
def server_url(postgres_server):
    """A database of its own on the server, with nothing in it."""
    yield postgres_server.url_of(postgres_server.blank)
    postgres_server.reset(postgres_server.blank)


def _run(url: str, statement: str) -> list:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement))
            return result.all() if result.returns_rows else []
    finally:
        engine.dispose()


def _tables(url: str) -> list[str]:
    rows = _run(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    return [name for (name,) in rows]


def test_a_new_server_database_is_migrated_and_holds_sessions(server_url, capsys) -> None:
    assert main(["--db", server_url, "sessions", "create", "Bedrijfskleding"]) == 0
    assert main(["--db", server_url, "profiles", "list"]) == 0
    assert main(["--db", server_url, "sessions", "list", "--search", "KLEDING"]) == 0
    out = capsys.readouterr().out
    assert "Voorbeeld" in out and "Bedrijfskleding" in out
    assert _run(server_url, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]


def test_a_plain_postgresql_url_uses_the_installed_driver(server_url) -> None:
    """SQLAlchemy 2.0 reads postgresql:// as psycopg2, which the app does not install."""
    plain = make_url(server_url).set(drivername="postgresql").render_as_string(hide_password=False)
    database = open_database(plain)
    assert database.engine.dialect.driver == "psycopg"
    database.dispose()


_DESK = """
import sys, time
from pathlib import Path
from compass.model.database import open_database

go = Path(sys.argv[2])
while not go.exists():
    time.sleep(0.01)
open_database(sys.argv[1]).dispose()
"""


def test_three_desks_opening_a_new_database_at_once_all_get_it(server_url, tmp_path) -> None:
    """Each desk is a process of its own (Alembic's context is one per process); they start
    migrating the same empty database at the same moment."""
    go = tmp_path / "go"
    desks = [
        subprocess.Popen(
            [sys.executable, "-c", _DESK, server_url, str(go)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    time.sleep(1.5)  # every desk has imported the app and waits for the start
    go.touch()
    errors = [desk.communicate(timeout=120)[1] for desk in desks]
    assert [desk.returncode for desk in desks] == [0, 0, 0], errors
    assert _run(server_url, "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]


def test_a_database_of_another_application_is_refused_and_left_unchanged(server_url) -> None:
    _run(server_url, "CREATE TABLE klanten (id integer PRIMARY KEY, naam text)")
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(server_url)
    assert "is not an SDG Procurement Compass database" in str(caught.value)
    assert _tables(server_url) == ["klanten"]


def test_a_database_of_a_newer_app_is_refused_and_left_unchanged(server_url) -> None:
    open_database(server_url).dispose()
    _run(server_url, "UPDATE alembic_version SET version_num = '9999'")
    before = _tables(server_url)
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(server_url)
    assert "newer version" in str(caught.value) and "9999" in str(caught.value)
    assert _tables(server_url) == before
    assert _run(server_url, "SELECT version_num FROM alembic_version") == [("9999",)]


def test_a_database_that_is_not_utf8_is_refused(postgres_server) -> None:
    """It could not hold CO₂, ë or €; and its lower() would not fold them for search."""
    name = postgres_server.blank + "_latin1"
    engine = create_engine(postgres_server.admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as connection:
        connection.exec_driver_sql(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'"
        )
    try:
        with pytest.raises(DatabaseOpenError) as caught:
            open_database(postgres_server.url_of(name))
        assert "LATIN1" in str(caught.value) and "UTF-8" in str(caught.value)
        assert _tables(postgres_server.url_of(name)) == []
    finally:
        with engine.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
        engine.dispose()


def test_a_server_that_cannot_be_reached_is_one_line_without_the_password(postgres_server, capsys) -> None:
    missing = make_url(postgres_server.url_of("compass_does_not_exist")).set(password="geheim")
    url = missing.render_as_string(hide_password=False)
    assert main(["--db", url, "sessions", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("compass: Cannot open the database")
    assert "compass_does_not_exist" in err and "geheim" not in err
