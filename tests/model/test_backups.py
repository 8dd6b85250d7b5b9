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
    assert backup.path == tmp_path / "backups" / "compass-000001-20250309T120000Z-before-upgrade.sqlite3"
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


# Ordered by their own sequence, not by the clock (issue 21, item 3).

FUTURE = dt.datetime(2031, 1, 1, 12, 0, tzinfo=dt.UTC)


def _old_style_backups(path: Path, *moments: dt.datetime) -> list[Path]:
    """Backups named as before the sequence: ``<name>-<UTC time>-daily.sqlite3``."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    made = []
    for moment in moments:
        target = folder / f"{path.stem}-{moment.strftime('%Y%m%dT%H%M%SZ')}-daily.sqlite3"
        shutil.copyfile(path, target)
        made.append(target)
    return made


def test_seven_backups_from_the_future_do_not_stop_any_command(
    tmp_path: Path, shipped_reference, capsys
) -> None:
    """The clock was ahead for a week, then put right: every command failed with FileNotFoundError
    (the new backup was the oldest by its date, pruned at once, then looked at)."""
    path = tmp_path / "compass.sqlite3"
    url = _url(path)
    _database_with(path, shipped_reference, "Asfalt", clock=Clock())
    future = _old_style_backups(path, *(FUTURE + dt.timedelta(days=day) for day in range(7)))

    assert main(["--db", url, "sessions", "create", "Kleding"]) == 0  # makes today's backup
    assert main(["--db", url, "sessions", "list"]) == 0
    assert "Kleding" in capsys.readouterr().out

    newest, *older = backups.list_backups(path)
    assert newest.sequence == 1 and newest.made_at < FUTURE  # today's, kept and first
    assert _titles(newest.path) == ["Asfalt"]
    assert len(older) == backups.KEEP - 1 and {b.path for b in older} <= set(future)
    assert older[0].made_at == FUTURE + dt.timedelta(days=6)  # old names: newest date first

    assert main(["--db", url, "backup", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "future" not in lines[0]
    assert all("dated in the future" in line for line in lines[1:]), lines
    assert main(["--db", url, "backup", "list", "--json"]) == 0
    flags = [item["dated_in_the_future"] for item in json.loads(capsys.readouterr().out)]
    assert flags == [False] + [True] * (backups.KEEP - 1)


def test_a_new_backup_is_the_newest_whatever_the_clock_says(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    for day in range(backups.KEEP):
        backups.make_backup(path, "daily", FUTURE + dt.timedelta(days=day))
    made = backups.make_backup(path, "daily", NOON)  # the clock put right: years earlier
    listed = backups.list_backups(path)
    assert listed[0] == made and made.path.exists() and made.sequence == backups.KEEP + 1
    assert len(listed) == backups.KEEP
    assert [b.sequence for b in listed] == list(range(backups.KEEP + 1, 1, -1))  # the first pruned


def test_old_names_are_listed_before_numbered_ones(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    old_late, old_early = _old_style_backups(path, FUTURE, NOON)
    made = backups.make_backup(path, "daily", NOON - dt.timedelta(days=400))
    assert [b.path for b in backups.list_backups(path)] == [made.path, old_late, old_early]
    assert [b.sequence for b in backups.list_backups(path)] == [1, 0, 0]


def test_a_backup_dated_in_the_future_does_not_count_as_todays(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    backups.make_backup(path, "daily", FUTURE)
    assert backups.daily_backup_due(path, NOON)
    backups.make_backup(path, "daily", NOON)
    assert not backups.daily_backup_due(path, NOON + dt.timedelta(hours=1))
    listed = BackupService(_url(path), Clock(NOON)).list_backups()
    assert [b.dated_in_the_future for b in listed] == [False, True]
    assert listed[1].future_note() and not listed[0].future_note()


def test_the_backup_just_made_is_never_pruned(tmp_path: Path, shipped_reference, monkeypatch) -> None:
    """Another desk numbered seven backups past ours while ours was being written."""
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    folder = tmp_path / "backups"
    folder.mkdir()
    for sequence in range(50, 50 + backups.KEEP):
        shutil.copyfile(path, folder / f"compass-{sequence:06d}-20250309T120000Z-daily.sqlite3")
    ours = folder / "compass-000001-20250309T120000Z-daily.sqlite3"
    monkeypatch.setattr(backups, "_target", lambda database, reason, now: (ours, 1))
    made = backups.make_backup(path, "daily", NOON)
    assert made.path == ours and ours.exists() and made.size > 0
    assert len(backups.list_backups(path)) == backups.KEEP + 1  # the oldest of the others went


def test_a_backup_that_vanishes_while_listed_is_left_out(
    tmp_path: Path, shipped_reference, monkeypatch
) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    first = backups.make_backup(path, "daily", NOON)
    second = backups.make_backup(path, "daily", NOON)
    real_scandir = backups.os.scandir

    def scandir_then_prune(folder):  # another desk deletes a backup right after the folder is read
        entries = list(real_scandir(folder))
        first.path.unlink()
        return iter(entries)

    monkeypatch.setattr(backups.os, "scandir", scandir_then_prune)
    assert [b.path for b in backups.list_backups(path)] == [second.path]


def test_a_backup_gone_between_the_list_and_the_restore_is_named(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    made = backups.make_backup(path, "daily", NOON)
    service = BackupService(_url(path), Clock())
    (listed,) = service.list_backups()
    real_list = service.list_backups
    service.list_backups = lambda: [listed]  # type: ignore[method-assign]  # the list as shown
    made.path.unlink()
    with pytest.raises(BackupError, match="no longer there") as caught:
        service.restore(1)
    assert str(made.path) in str(caught.value)
    service.list_backups = real_list  # type: ignore[method-assign]
    assert _titles(path) == ["Asfalt"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"SQLite format 3\x00" + b"\xa5" * 8000, "is damaged"),
        (b"not a database at all", "not a database of this app"),
    ],
)
def test_a_damaged_backup_is_refused_in_words(
    tmp_path: Path, shipped_reference, content: bytes, words: str, capsys
) -> None:
    path = tmp_path / "compass.sqlite3"
    url = _url(path)
    _database_with(path, shipped_reference, "Asfalt")
    made = backups.make_backup(path, "daily", NOON)
    made.path.write_bytes(content)
    assert main(["--db", url, "backup", "restore", "1"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and words in err and made.path.name in err
    assert "unexpected" not in err
    assert _titles(path) == ["Asfalt"]


def test_a_name_with_an_impossible_time_is_not_a_backup(tmp_path: Path, shipped_reference, capsys) -> None:
    path = tmp_path / "compass.sqlite3"
    _database_with(path, shipped_reference, "Asfalt")
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "compass-20271399T250000Z-daily.sqlite3").write_bytes(b"")
    (folder / "compass-000003-20271399T250000Z-daily.sqlite3").write_bytes(b"")
    (folder / "compass-000004-20250309T120000Z-daily.sqlite3").mkdir()
    assert backups.list_backups(path) == []
    assert main(["--db", _url(path), "backup", "list"]) == 0
    assert "No backups" in capsys.readouterr().out
