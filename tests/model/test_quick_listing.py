"""The start screen's quick listing (sqlite3 only) says exactly what the service says, and only when
it safely can."""

from __future__ import annotations

from pathlib import Path

from compass.model.database import open_database
from compass.model.quick_index import quick_first_page
from compass.services import SessionService


def test_same_list_as_the_service_in_the_same_order(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "x.sqlite3"
    url = f"sqlite:///{path.as_posix()}"
    database = open_database(url)
    service = SessionService(database, shipped_reference)
    ids = [
        service.create_session(title, organisation="Gemeente Heerlen").id
        for title in ("Asfalt", "Bedrijfskleding", "Sporthal", "Groen onderhoud")
    ]
    service.update_facts(ids[0], location="Heerlen-Noord")
    service.duplicate_session(ids[2])
    expected = service.list_page()
    first_three = service.list_page(limit=3)
    database.dispose()
    before = path.read_bytes()
    assert quick_first_page(url) == expected
    assert expected.total == len(expected.sessions) == 5
    assert quick_first_page(url, limit=3) == first_three
    assert first_three.total == 5
    assert first_three.sessions == expected.sessions[:3]
    assert path.read_bytes() == before


def test_declines_whatever_needs_the_full_path(tmp_path: Path) -> None:
    assert quick_first_page(f"sqlite:///{(tmp_path / 'missing.sqlite3').as_posix()}") is None
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_text("not a database", encoding="utf-8")
    assert quick_first_page(f"sqlite:///{foreign.as_posix()}") is None
    assert quick_first_page("postgresql://localhost/compass") is None
    assert quick_first_page("sqlite://") is None
