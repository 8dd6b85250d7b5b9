"""The schema: migrations build exactly the ORM's tables, and every released schema upgrades to the
current one with its data intact (one fixture database per released revision), on SQLite and on
PostgreSQL (there the fixture's rows are copied into a server database migrated to its revision)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, text
from sqlalchemy.pool import NullPool

from compass.model.database import open_database
from compass.model.migrate import alembic_config, head_revision, known_revisions
from compass.model.orm import Base
from compass.model.schema_version import SCHEMA_HEAD
from compass.services import SessionService

pytestmark = pytest.mark.real_migrations  # what is tested here is the migration itself

FIXTURES = Path(__file__).parent / "fixtures"


def test_schema_head_constant_matches_the_newest_migration() -> None:
    assert head_revision() == SCHEMA_HEAD
    assert SCHEMA_HEAD in known_revisions()


def test_migrations_build_exactly_the_orm_schema(blank_db_url: str) -> None:
    database = open_database(blank_db_url)
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    database.dispose()
    assert differences == []


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("schema_*.sqlite3"))


def test_there_is_a_fixture_for_every_released_revision() -> None:
    revisions = {path.stem.removeprefix("schema_") for path in _fixtures()}
    assert revisions == known_revisions()


def _copy_to_server(fixture: Path, url: str) -> None:
    """The fixture's schema revision and rows, on the server: migrated to the same revision, every
    row copied with its id, and each id sequence moved past the copied ids, as any copy of rows with
    their ids into PostgreSQL must (SQLite takes the next id from the table itself)."""
    source = create_engine(f"sqlite:///{fixture.as_posix()}", poolclass=NullPool)
    old = MetaData()
    old.reflect(source)
    with source.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        rows = {
            table.name: [dict(row._mapping) for row in connection.execute(table.select())]
            for table in old.sorted_tables
            if table.name != "alembic_version"
        }
    source.dispose()
    target = create_engine(url, poolclass=NullPool)
    config = alembic_config()
    with target.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    new = MetaData()
    new.reflect(target)
    with target.begin() as connection:
        for name, table_rows in rows.items():
            if table_rows:
                connection.execute(new.tables[name].insert(), table_rows)
            if "id" in new.tables[name].c:
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), max(id)) FROM {name}")
                )
    target.dispose()


@pytest.mark.parametrize("fixture", _fixtures(), ids=lambda path: path.stem)
def test_a_database_of_every_released_schema_opens_with_its_data(
    tmp_path: Path, fixture: Path, shipped_reference, db_backend: str, request: pytest.FixtureRequest
) -> None:
    if db_backend == "sqlite":
        path = tmp_path / fixture.name
        shutil.copy(fixture, path)
        url = f"sqlite:///{path.as_posix()}"
    else:
        url = request.getfixturevalue("blank_db_url")
        _copy_to_server(fixture, url)
    database = open_database(url)
    service = SessionService(database, shipped_reference)
    (summary,) = service.list_sessions()
    snapshot = service.get_session(summary.id)
    assert snapshot.facts.title == "Groot onderhoud asfalt"
    assert snapshot.facts.organisation == "Gemeente Heerlen"
    assert [entry.sdg for entry in snapshot.inventory] == [13, 12]
    assert snapshot.priority_sdgs() == (13,)
    copy = service.duplicate_session(summary.id)  # new rows get new ids after the copied ones
    assert copy.id != summary.id and len(copy.inventory) == 2
    database.dispose()


@pytest.mark.parametrize("fixture", [None, "schema_0002.sqlite3"], ids=["new", "0002"])
def test_a_migration_that_fails_halfway_leaves_the_database_as_it_was(
    tmp_path: Path, fixture: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All migrations run in one transaction, DDL included (the driver would commit each CREATE and
    DROP by itself): a crash or error after some of them leaves no half-upgraded database."""
    import sqlite3

    from alembic import command

    path = tmp_path / "x.sqlite3"
    if fixture is not None:
        shutil.copy(FIXTURES / fixture, path)

    def schema() -> list[tuple[str, str]]:
        if not path.exists():
            return []
        connection = sqlite3.connect(path)
        try:
            return connection.execute("SELECT type, name FROM sqlite_master ORDER BY name").fetchall()
        finally:
            connection.close()

    before = schema()
    real_upgrade = command.upgrade

    def halfway(config, revision: str) -> None:
        real_upgrade(config, "0004")
        raise sqlite3.OperationalError("the power went off")

    monkeypatch.setattr(command, "upgrade", halfway)
    with pytest.raises(sqlite3.OperationalError, match="power"):
        open_database(f"sqlite:///{path.as_posix()}")
    assert schema() == before
