"""The command line's quick read of one session (sqlite3 alone, issue 20) gives exactly the snapshot the
services give, declares the stored shapes exactly as the ORM does, and leaves anything unusual to the
services."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Boolean, Date, DateTime, Enum

from compass.core.codes import SessionStatus
from compass.formats.files import read_file
from compass.formats.session_file import read_session_file
from compass.method.derived import with_derived_facts
from compass.model.database import open_database
from compass.model.orm import Base, ExactDecimal, IndicatorRow, SdgList, SessionRow
from compass.model.quick_snapshot import MEASUREMENT_ORDER, SESSION_LISTS, STORED_KINDS, quick_snapshot
from compass.services import ProfileService, SessionService
from tests.hostile.hostile_data import complete_session

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.json"))


def _kind(column_type: object) -> str | None:
    if isinstance(column_type, ExactDecimal):
        return "decimal"
    if isinstance(column_type, SdgList):
        return "sdgs"
    if isinstance(column_type, Boolean):
        return "bool"
    if isinstance(column_type, DateTime):
        return "datetime"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, Enum):
        return column_type.enum_class.__name__
    return None


def test_the_stored_kinds_are_the_orms() -> None:
    from_orm = {
        table.name: {c.name: kind for c in table.columns if (kind := _kind(c.type)) is not None}
        for table in Base.metadata.sorted_tables
    }
    assert from_orm == STORED_KINDS


def test_the_lists_and_their_order_are_the_orms() -> None:
    def order(relationship) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
        return tuple(column.name for column in relationship.order_by)

    lists = [r for r in SessionRow.__mapper__.relationships if r.key != "profile"]
    assert tuple((r.key, r.mapper.local_table.name, order(r)) for r in lists) == SESSION_LISTS
    assert order(IndicatorRow.measurements.property) == MEASUREMENT_ORDER


@pytest.fixture
def stored(tmp_path: Path, shipped_reference) -> tuple[str, SessionService, list[int]]:
    """Every example, a session with something in every list and field, a finished one decided
    against a profile (its own copy) and one linked to a live profile."""
    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    database = open_database(url)
    service = SessionService(database, shipped_reference)
    profiles = ProfileService(database, frozenset(c.id for c in shipped_reference.criteria))
    profiles.install_examples()
    profile_id = profiles.list_profiles()[0].id
    ids = [
        service.import_session(read_session_file(read_file(path), shipped_reference)).id
        for path in EXAMPLES
    ]
    complete, _indicator, _criterion = complete_session(service)
    service.set_profile(complete, profile_id)
    finished = service.duplicate_session(complete).id
    service.set_status(finished, SessionStatus.FINAL)
    ids += [complete, finished]
    yield url, service, ids
    database.dispose()


def test_every_stored_session_reads_as_the_services_read_it(stored, shipped_reference) -> None:
    url, service, ids = stored
    for session_id in ids:
        quick = quick_snapshot(url, session_id)
        assert quick is not None, session_id
        assert with_derived_facts(quick, shipped_reference) == service.get_session(session_id)
    snapshots = [service.get_session(i) for i in ids]
    assert any(s.votes for s in snapshots) and any(s.profile for s in snapshots)
    assert any(m for s in snapshots for i in s.indicators for m in i.measurements)


def test_declines_what_the_services_must_answer(stored, tmp_path: Path) -> None:
    url, _service, ids = stored
    assert quick_snapshot(url, max(ids) + 1) is None  # no such session: the services say so
    assert quick_snapshot(f"sqlite:///{(tmp_path / 'none.sqlite3').as_posix()}", ids[0]) is None
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_text("not a database", encoding="utf-8")
    assert quick_snapshot(f"sqlite:///{foreign.as_posix()}", 1) is None
    assert quick_snapshot("postgresql+psycopg://compass@localhost/compass", 1) is None


def test_the_command_line_exports_without_sqlalchemy(stored, tmp_path: Path) -> None:
    url, _service, ids = stored
    target = tmp_path / "strategie.docx"
    probe = (
        "import sys; from compass.cli import main; code = main(sys.argv[1:]); "
        "print(code, sorted(m for m in ('sqlalchemy', 'alembic', 'jsonschema') if m in sys.modules))"
    )
    command = [sys.executable, "-c", probe, "--db", url, "export", str(ids[-1]), "--docx", str(target)]
    # The first command of a version checks the reference data against its schema and caches it.
    for _run in ("first", "second"):
        finished = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
        assert finished.stdout.split()[0] == "0", finished.stderr
    assert finished.stdout.split() == ["0", "[]"], finished.stderr
    from docx import Document

    text = "\n".join(paragraph.text for paragraph in Document(str(target)).paragraphs)
    assert "Groot onderhoud asfalt" in text
