"""Backups of a SQLite database (decision 009): before an upgrade, once a day of use, the newest seven
kept, restored through the service the File menu uses and through ``compass backup``, and consistent
while another connection writes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from compass.cli import main
from compass.core.errors import BackupError, DatabaseOpenError
from compass.model import backups
from compass.model.database import open_database
from compass.model.schema_version import SCHEMA_HEAD
from compass.model.sqlite_probe import probe_sqlite_file
from compass.paths import resource_path
from compass.services import BackupService, open_services

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOON = dt.datetime(2025, 3, 9, 12, 0, tzinfo=dt.UTC)  # in the past: the CLI's own backups are newer


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


class Clock:
    """An injected clock that the test moves on."""

    def __init__(self, now: dt.datetime = NOON) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def _titles(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(row[0] for row in connection.execute("SELECT title FROM sessions"))
    finally:
        connection.close()


def _database_with(path: Path, shipped_reference, *titles: str, clock: Clock | None = None) -> None:
    services = open_services(_url(path), shipped_reference, clock=clock)
    for title in titles:
        services.sessions.create_session(title)
    services.close()


def test_an_old_database_is_backed_up_before_it_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "compass.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0002.sqlite3", path)
    titles = _titles(path)
    assert titles, "the fixture holds sessions"

    open_database(_url(path), clock=Clock()).dispose()

    assert probe_sqlite_file(path).revision == SCHEMA_HEAD
    (backup,) = backups.list_backups(path)
    assert backup.reason == "before-upgrade"
    assert backup.made_at == NOON
    assert backup.path == tmp_path / "backups" / "compass-20250309T120000Z-before-upgrade.sqlite3"
    assert probe_sqlite_file(backup.path).revision == "0002"  # the file as it was, not upgraded
    assert _titles(backup.path) == titles
    assert not list(backup.path.parent.glob(".*"))  # no temporary file left
    assert not (backup.path.parent / (backup.path.name + "-wal")).exists()  # one self-contained file


def test_no_upgrade_without_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "compass.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0003.sqlite3", path)
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError) as caught:
        open_database(_url(path))
    assert "was not upgraded" in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert probe_sqlite_file(path).revision == "0003"


def test_a_new_database_is_not_backed_up(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt", clock=Clock())
    assert backups.list_backups(path) == []


def test_one_backup_a_day_of_use(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    clock = Clock()
    _database_with(path, shipped_reference, "Asfalt", clock=clock)  # new: nothing to back up yet
    _database_with(path, shipped_reference, "Kleding", clock=clock)  # the first use that day
    _database_with(path, shipped_reference, "Catering", clock=clock)
    clock.now = NOON + dt.timedelta(hours=5)
    _database_with(path, shipped_reference, clock=clock)
    (first,) = backups.list_backups(path)
    assert (first.reason, first.made_at) == ("daily", NOON)
    assert _titles(first.path) == ["Asfalt"]

    clock.now = NOON + dt.timedelta(days=1)
    _database_with(path, shipped_reference, clock=clock)
    newest, older = backups.list_backups(path)
    assert newest.made_at == NOON + dt.timedelta(days=1)
    assert _titles(newest.path) == ["Asfalt", "Catering", "Kleding"]
    assert older == first


def test_an_app_left_open_overnight_backs_up_with_the_next_days_first_change(
    tmp_path: Path, shipped_reference
) -> None:
    path = tmp_path / "compass.sqlite3"
    clock = Clock()
    _database_with(path, shipped_reference, "Asfalt", clock=clock)
    clock.now += dt.timedelta(days=1)
    services = open_services(_url(path), shipped_reference, clock=clock)  # the day's backup
    try:
        services.sessions.create_session("Kleding")
        clock.now += dt.timedelta(days=1)  # the window stays open past midnight
        assert len(backups.list_backups(path)) == 1
        services.sessions.create_session("Catering")  # the new day's first change
        services.sessions.create_session("Schoonmaak")
    finally:
        services.close()
    newest, first = backups.list_backups(path)
    assert newest.made_at == clock.now and first.made_at == clock.now - dt.timedelta(days=1)
    assert _titles(newest.path) == ["Asfalt", "Catering", "Kleding"]


def test_the_newest_seven_are_kept(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    moments = [NOON + dt.timedelta(days=day) for day in range(10)]
    for moment in moments:
        backups.make_backup(path, "daily", moment)
    kept = backups.list_backups(path)
    assert [backup.made_at for backup in kept] == moments[::-1][:7]
    assert len(list((tmp_path / "backups").iterdir())) == 7


def test_backups_made_within_one_second_get_names_of_their_own(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    for _ in range(3):
        backups.make_backup(path, "daily", NOON)
    assert len({backup.path for backup in backups.list_backups(path)}) == 3


def test_restore_through_the_service(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    clock = Clock()
    _database_with(path, shipped_reference, "Asfalt", clock=clock)
    clock.now += dt.timedelta(days=1)
    _database_with(path, shipped_reference, "Kleding", clock=clock)  # the day's backup: Asfalt only
    service = BackupService(_url(path), clock)
    (listed,) = service.list_backups()
    assert (listed.number, listed.reason) == (1, "daily")

    clock.now += dt.timedelta(minutes=5)
    result = service.restore(1)

    assert _titles(path) == ["Asfalt"]
    assert result.restored == listed
    assert result.previous_backup is not None
    assert _titles(Path(result.previous_backup)) == ["Asfalt", "Kleding"]  # nothing is lost
    services = open_services(_url(path), shipped_reference, clock=clock)  # the app reopens on it
    assert [s.title for s in services.sessions.list_sessions()] == ["Asfalt"]
    services.close()


def test_restoring_a_backup_from_before_an_upgrade_upgrades_it_again(
    tmp_path: Path, shipped_reference
) -> None:
    path = tmp_path / "compass.sqlite3"
    shutil.copyfile(FIXTURES / "schema_0004.sqlite3", path)
    old_titles = _titles(path)
    clock = Clock()
    _database_with(path, shipped_reference, "Nieuw", clock=clock)
    clock.now += dt.timedelta(hours=1)
    BackupService(_url(path), clock).restore(1)
    assert probe_sqlite_file(path).revision == "0004"
    services = open_services(_url(path), shipped_reference, clock=clock)
    assert sorted(s.title for s in services.sessions.list_sessions()) == old_titles
    services.close()


def test_a_damaged_database_is_set_aside_not_lost(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    clock = Clock()
    _database_with(path, shipped_reference, "Asfalt", clock=clock)
    backups.make_backup(path, "daily", clock.now)
    damaged = b"SQLite format 3\x00" + b"\xa5" * 8000
    path.write_bytes(damaged)
    result = BackupService(_url(path), clock).restore(1)
    assert _titles(path) == ["Asfalt"]
    assert result.set_aside is not None and Path(result.set_aside).read_bytes() == damaged


def test_a_backup_that_does_not_exist_is_refused(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    with pytest.raises(BackupError, match="no backup 3"):
        BackupService(_url(path)).restore(3)
    assert _titles(path) == ["Asfalt"]


def test_backup_list_and_restore_on_the_command_line(tmp_path: Path, shipped_reference, capsys) -> None:
    path = tmp_path / "compass.sqlite3"
    url = _url(path)
    _database_with(path, shipped_reference, "Asfalt")
    assert main(["--db", url, "backup", "list"]) == 0
    assert "No backups" in capsys.readouterr().out
    _database_with(path, shipped_reference, "Kleding", clock=Clock(NOON))  # backs up Asfalt
    _database_with(path, shipped_reference, "Catering", clock=Clock(NOON + dt.timedelta(days=1)))

    assert main(["--db", url, "backup", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2"]
    assert "10 Mar 2025" in lines[0] and "KB" in lines[0] and "daily" in lines[0]
    assert main(["--db", url, "backup", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [item["number"] for item in listed] == [1, 2]

    assert main(["--db", url, "backup", "restore", "2"]) == 0
    out = capsys.readouterr().out
    assert "Restored backup 2" in out and "kept in" in out
    assert _titles(path) == ["Asfalt"]
    assert main(["--db", url, "backup", "list", "--json"]) == 0
    reasons = [item["reason"] for item in json.loads(capsys.readouterr().out)]
    assert reasons == ["before-restore", "daily", "daily"]


@pytest.mark.parametrize("action", [["list"], ["restore", "1"]])
def test_a_database_server_is_backed_up_with_its_own_tools(action: list[str], capsys) -> None:
    code = main(["--db", "postgresql://planner:secret@db.example/compass", "backup", *action])
    assert code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "pg_dump" in err and "secret" not in err


def test_a_backup_while_another_connection_writes_is_consistent(tmp_path: Path, shipped_reference) -> None:
    """A writer imports whole sessions (one transaction each) as fast as it can while backups are
    made: every backup is intact, holds every session imported before it began, and each session in
    it complete: all of its step-1 entries or none of the session."""
    path = tmp_path / "compass.sqlite3"
    url = _url(path)
    services = open_services(url, shipped_reference)
    example = resource_path("examples", "asfalt-groot-onderhoud.json")
    entries = len(services.files.import_session(example).inventory)
    stop = threading.Event()
    imported: list[int] = []

    def write() -> None:
        while not stop.is_set():
            imported.append(services.files.import_session(example).id)

    writer = threading.Thread(target=write)
    writer.start()
    made = []
    deadline = time.monotonic() + 30  # a busy machine gets time, a quick one stops early
    try:
        while len(made) < 6 or (len(imported) < 10 and time.monotonic() < deadline):
            done_before = len(imported) + 1  # the first import above counts too
            made.append((backups.make_backup(path, "daily", NOON, keep=None), done_before))
    finally:
        stop.set()
        writer.join()
        services.close()
    assert len(imported) >= 3 and made[-1][1] > made[0][1], "the writer wrote during the backups"
    for backup, done_before in made:
        connection = sqlite3.connect(backup.path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            counts = connection.execute(
                "SELECT s.id, count(e.id) FROM sessions s LEFT JOIN inventory_entries e "
                "ON e.session_id = s.id GROUP BY s.id"
            ).fetchall()
        finally:
            connection.close()
        assert len(counts) >= done_before, backup.path.name
        assert {count for _id, count in counts} == {entries}, backup.path.name
