"""Files that cannot be written: a read-only database file, a read-only folder (SQLite must create its
journal beside the file) and a full disk each give a message naming the path and what to do, change
nothing, and (where it can work) the database opens read-only: browsing and export work, edits are
refused with a clear message.

File modes bind nobody when the tests run as root (as CI does): then the checks run with the effective
user switched to ``nobody`` for their duration (``os.seteuid``), so the kernel refuses the writes as it
would refuse a user's.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from compass.cli import main
from compass.core.codes import EntryKind, EntrySource
from compass.core.errors import StorageError, StorageProblem
from compass.core.session import Collection
from compass.model import database as database_module
from compass.model.database import open_database
from compass.paths import resource_path
from compass.services import open_services

NOBODY = 65534
EXAMPLE = resource_path("examples", "asfalt-groot-onderhoud.json")


@contextlib.contextmanager
def as_unprivileged() -> Iterator[None]:
    """Root ignores file modes; for the duration, act as ``nobody`` so they count."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def area() -> Iterator[Path]:
    """A folder ``nobody`` can reach (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="compass-unwritable-"))
    folder.chmod(0o777)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o777)
    shutil.rmtree(folder, ignore_errors=True)


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def _own(path: Path) -> None:
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)


def _database(folder: Path, shipped_reference) -> Path:
    """A database with one imported session, its WAL folded in, owned by whoever the test acts as."""
    folder.mkdir(exist_ok=True)
    _own(folder)
    path = folder / "compass.sqlite3"
    services = open_services(_url(path), shipped_reference)
    services.files.import_session(EXAMPLE)
    services.close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = DELETE")  # no -wal or -shm left beside it
    connection.execute("PRAGMA journal_mode = WAL")  # ... and in WAL mode as the app leaves it
    connection.close()
    _own(path)
    return path


def _state(path: Path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


@pytest.fixture
def read_only_file(area: Path, shipped_reference) -> Path:
    path = _database(area / "team", shipped_reference)
    path.chmod(0o444)
    return path


@pytest.fixture
def read_only_folder(area: Path, shipped_reference) -> Path:
    path = _database(area / "archive", shipped_reference)
    path.parent.chmod(0o555)
    return path


@pytest.mark.parametrize(
    "case, problem, words",
    [
        ("read_only_file", StorageProblem.READ_ONLY_FILE, "is read-only"),
        ("read_only_folder", StorageProblem.READ_ONLY_FOLDER, "must create its journal files"),
    ],
)
def test_an_unwritable_database_is_refused_with_what_to_do_and_left_as_it_was(
    case: str, problem: StorageProblem, words: str, request: pytest.FixtureRequest
) -> None:
    path: Path = request.getfixturevalue(case)
    before = _state(path)
    with as_unprivileged(), pytest.raises(StorageError) as caught:
        open_database(_url(path))
    error = caught.value
    assert error.problem is problem and error.can_open_read_only
    message = str(error)
    assert str(path) in message and words in message
    assert "opened read-only" in message and "folder where you can write" in message
    if problem is StorageProblem.READ_ONLY_FOLDER:
        assert str(path.parent) in message
    assert _state(path) == before


@pytest.mark.parametrize("case", ["read_only_file", "read_only_folder"])
def test_opened_read_only_it_can_be_browsed_and_exported_but_not_changed(
    case: str, request: pytest.FixtureRequest, shipped_reference, area: Path
) -> None:
    path: Path = request.getfixturevalue(case)
    before = _state(path)
    exported = area / "export.json"
    with as_unprivileged():
        services = open_services(_url(path), shipped_reference, read_only=True)
        try:
            (summary,) = services.sessions.list_sessions()
            snapshot = services.sessions.get_session(summary.id)
            services.files.export_session(summary.id, exported)
            with pytest.raises(StorageError) as caught:
                services.sessions.rename_session(summary.id, "Nieuwe titel")
            with pytest.raises(StorageError):
                services.sessions.create_session("Nog een")
        finally:
            services.close()
    assert json.loads(exported.read_text(encoding="utf-8"))["facts"]["title"] == (snapshot.facts.title)
    assert caught.value.problem is StorageProblem.OPENED_READ_ONLY
    assert "open read-only: this change was not saved" in str(caught.value)
    assert str(path) in str(caught.value)
    assert _state(path) == before


def test_a_new_database_in_a_read_only_folder(area: Path) -> None:
    folder = area / "locked"
    folder.mkdir(mode=0o555)
    with as_unprivileged(), pytest.raises(StorageError) as caught:
        open_database(_url(folder / "deeper" / "compass.sqlite3"))
    assert caught.value.problem is StorageProblem.NEW_IN_READ_ONLY_FOLDER
    assert str(folder) in str(caught.value) and "Choose another location" in str(caught.value)
    assert not caught.value.can_open_read_only
    assert list(folder.iterdir()) == []


def test_the_command_line_says_it_in_one_line_and_still_lists(
    read_only_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _url(read_only_folder)
    before = _state(read_only_folder)
    with as_unprivileged():
        create = main(["--db", url, "sessions", "create", "Nieuw"])
        refused = capsys.readouterr()
        listing = main(["--db", url, "sessions", "list", "--json"])
        listed = capsys.readouterr()
    assert create == 2
    assert refused.out == "" and len(refused.err.strip().splitlines()) == 1
    assert str(read_only_folder) in refused.err and "read-only" in refused.err
    assert "Traceback" not in refused.err
    assert listing == 0 and len(json.loads(listed.out)) == 1
    assert _state(read_only_folder) == before


# -- a full disk, made with SQLite's max_page_count: no page may be added beyond the current ones --


class Disk:
    full = False


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    """Once ``disk.full`` is set, every connection the app opens finds the disk full: the file may
    not grow by one page."""
    configure = database_module._configure_sqlite_connection
    disk = Disk()

    def maybe_full(dbapi_connection, connection_record) -> None:
        configure(dbapi_connection, connection_record)
        if disk.full:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

    monkeypatch.setattr(database_module, "_configure_sqlite_connection", maybe_full)
    return disk


def _sessions_and_entries(path: Path) -> tuple[int, int]:
    connection = sqlite3.connect(path)
    try:
        return (
            connection.execute("SELECT count(*) FROM sessions").fetchone()[0],
            connection.execute("SELECT count(*) FROM inventory_entries").fetchone()[0],
        )
    finally:
        connection.close()


def test_a_full_disk_refuses_the_edit_and_keeps_what_was_there(
    tmp_path: Path, shipped_reference, disk: Disk
) -> None:
    path = _database(tmp_path / "data", shipped_reference)
    disk.full = True
    before = _sessions_and_entries(path)
    services = open_services(_url(path), shipped_reference)
    try:
        with pytest.raises(StorageError) as caught:
            for _ in range(50):  # until a page is needed
                services.files.import_session(EXAMPLE)
        session_id = services.sessions.list_sessions()[0].id
        with pytest.raises(StorageError):
            for number in range(200):
                services.sessions.add_item(
                    session_id,
                    Collection.INVENTORY,
                    sdg=12,
                    kind=EntryKind.RISK,
                    source=EntrySource.MATERIALS,
                    description=f"Risico {number} " + "x" * 500,
                )
    finally:
        services.close()
    assert caught.value.problem is StorageProblem.DISK_FULL
    message = str(caught.value)
    assert str(path) in message and "is full" in message and "Free some space" in message
    sessions, entries = _sessions_and_entries(path)
    assert sessions >= before[0] and entries >= before[1]  # what was saved before stays
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_a_full_disk_stops_an_upgrade_before_it_changes_anything(tmp_path: Path, disk: Disk) -> None:
    path = tmp_path / "compass.sqlite3"
    shutil.copyfile(Path(__file__).parent / "fixtures" / "schema_0001.sqlite3", path)
    disk.full = True
    with pytest.raises(StorageError) as caught:
        open_database(_url(path))
    assert caught.value.problem is StorageProblem.DISK_FULL
    assert _schema_revision(path) == "0001"  # not upgraded (the WAL switch alone changes its header)


def _schema_revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        connection.close()


def test_a_full_disk_on_the_command_line(
    tmp_path: Path, shipped_reference, disk: Disk, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _database(tmp_path / "data", shipped_reference)
    disk.full = True
    capsys.readouterr()
    codes = [main(["--db", _url(path), "import", str(EXAMPLE)]) for _ in range(30)]
    assert 2 in codes
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line]
    assert lines and all(line.startswith("compass: ") for line in lines)
    assert "is full" in lines[-1] and "Free some space" in lines[-1] and str(path) in lines[-1]
    assert "Traceback" not in err
