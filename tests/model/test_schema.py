"""The schema: migrations build exactly the ORM's tables, and every released schema upgrades to the
current one with its data intact (one fixture database per released revision)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from compass.model.database import open_database
from compass.model.migrate import head_revision, known_revisions
from compass.model.orm import Base
from compass.model.schema_version import SCHEMA_HEAD
from compass.services import SessionService

FIXTURES = Path(__file__).parent / "fixtures"


def test_schema_head_constant_matches_the_newest_migration() -> None:
    assert head_revision() == SCHEMA_HEAD
    assert SCHEMA_HEAD in known_revisions()


def test_migrations_build_exactly_the_orm_schema(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}")
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    database.dispose()
    assert differences == []


def _fixtures() -> list[Path]:
    return sorted(FIXTURES.glob("schema_*.sqlite3"))


def test_there_is_a_fixture_for_every_released_revision() -> None:
    revisions = {path.stem.removeprefix("schema_") for path in _fixtures()}
    assert revisions == known_revisions()


@pytest.mark.parametrize("fixture", _fixtures(), ids=lambda path: path.stem)
def test_a_database_of_every_released_schema_opens_with_its_data(
    tmp_path: Path, fixture: Path, shipped_reference
) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    database = open_database(f"sqlite:///{path.as_posix()}")
    service = SessionService(database, shipped_reference)
    (summary,) = service.list_sessions()
    snapshot = service.get_session(summary.id)
    database.dispose()
    assert snapshot.facts.title == "Groot onderhoud asfalt"
    assert snapshot.facts.organisation == "Gemeente Heerlen"
    assert [entry.sdg for entry in snapshot.inventory] == [13, 12]
    assert snapshot.priority_sdgs() == (13,)


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
