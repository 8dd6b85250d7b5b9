"""File > Restore a backup: a list with date, time and size, a confirmation that says what will be
replaced, the current database backed up first, and the app going on with the restored data."""

from __future__ import annotations

import datetime as dt

import pytest

from compass.core.backup import BackupSummary
from compass.model import backups
from compass.paths import sqlite_file_of
from compass.ui import backup_actions
from compass.ui.restore_dialog import ConfirmRestore, RestoreBackupDialog

MORNING = dt.datetime(2025, 3, 9, 8, 30, 15, tzinfo=dt.UTC)


def _titles(window) -> list[str]:
    return sorted(s.title for s in window.services.sessions.list_sessions())


def test_restore_from_the_file_menu(make_window, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    window.services.sessions.create_session("Asfalt")
    path = sqlite_file_of(db_url)
    assert path is not None
    backups.make_backup(path, "daily", MORNING)
    kleding = window.services.sessions.create_session("Kleding").id
    window.open_session(kleding)
    assert window.pages.currentWidget() is window.wizard
    asked: list[tuple[list[BackupSummary], str]] = []
    confirmed: list[BackupSummary] = []

    def choose(parent, listed, location, keep):
        asked.append((list(listed), location))
        return listed[0]

    monkeypatch.setattr(RestoreBackupDialog, "ask", classmethod(lambda cls, *a: choose(*a)))
    monkeypatch.setattr(
        ConfirmRestore,
        "ask",
        classmethod(lambda cls, parent, backup, location: confirmed.append(backup) or True),
    )
    assert window.backup_actions.restore_action in window.file_menu.actions()

    window.backup_actions.restore_action.trigger()

    ((listed, location),) = asked
    assert [b.made_at for b in listed] == [MORNING] and location == str(path)
    assert confirmed == [listed[0]]
    assert _titles(window) == ["Asfalt"]  # the app goes on with the restored data
    assert window.pages.currentWidget() is window.start_screen
    assert window.open_session_id is None and window.undo_stack.count() == 0
    assert window.start_screen.table.model().rowCount() == 1
    assert "Restored the backup" in window.statusBar().currentMessage()
    reasons = [b.reason for b in window.services.backups.list_backups()]
    assert reasons[0] == "before-restore"  # the database as it was, Kleding and all
    window.services.sessions.create_session("Na het terugzetten")  # and it can be edited
    assert _titles(window) == ["Asfalt", "Na het terugzetten"]


def test_nothing_changes_when_the_confirmation_is_declined(
    make_window, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.services.sessions.create_session("Asfalt")
    path = sqlite_file_of(db_url)
    assert path is not None
    backups.make_backup(path, "daily", MORNING)
    window.services.sessions.create_session("Kleding")
    monkeypatch.setattr(
        RestoreBackupDialog, "ask", classmethod(lambda cls, p, listed, loc, keep: listed[0])
    )
    monkeypatch.setattr(ConfirmRestore, "ask", classmethod(lambda cls, *a: False))
    window.backup_actions.restore_action.trigger()
    assert _titles(window) == ["Asfalt", "Kleding"]
    assert len(window.services.backups.list_backups()) == 1


def test_no_backups_yet_is_said_plainly(make_window, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    said: list[str] = []
    monkeypatch.setattr(backup_actions.QMessageBox, "information", lambda *a: said.append(a[2]))
    window.backup_actions.restore_action.trigger()
    assert len(said) == 1 and "no backups" in said[0]


def test_the_list_shows_date_time_size_and_why_and_the_confirmation_what_is_replaced(qtbot) -> None:
    listed = [
        BackupSummary(1, MORNING + dt.timedelta(days=1), "before-restore", 2_500_000, "/x/b2.sqlite3"),
        BackupSummary(2, MORNING, "daily", 126_976, "/x/b1.sqlite3"),
    ]
    dialog = RestoreBackupDialog(listed, "/data/compass.sqlite3", 7)
    qtbot.addWidget(dialog)
    table = dialog.table
    rows = [[table.item(row, column).text() for column in range(3)] for row in range(table.rowCount())]
    local = MORNING.astimezone()
    assert rows[1][0].endswith(local.strftime("%H:%M:%S")) and "Mar 2025" in rows[1][0]
    assert [row[1] for row in rows] == ["2.5 MB", "127 KB"]
    assert [row[2] for row in rows] == ["before a restore", "daily"]
    assert dialog.chosen() == listed[0]  # the newest is chosen at first
    table.selectRow(1)
    assert dialog.chosen() == listed[1]
    question, details = ConfirmRestore.text(listed[1], "/data/compass.sqlite3")
    assert "Mar 2025" in question
    assert "/data/compass.sqlite3" in details and "backed up first" in details


def test_a_database_server_says_where_its_backups_come_from(
    make_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.services.database_url = "postgresql://planner:secret@db.example/compass"
    reported: list[str] = []
    monkeypatch.setattr(window, "report_error", lambda error: reported.append(str(error)))
    window.backup_actions._report_error = window.report_error
    window.backup_actions.restore_action.trigger()
    assert len(reported) == 1 and "pg_dump" in reported[0] and "secret" not in reported[0]
