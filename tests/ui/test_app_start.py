"""Starting the whole app as a user does: first paint, a database we must not touch, a fresh user."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from compass import app as app_module


def _env(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "COMPASS_DB"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        COMPASS_QUIT_AFTER_FIRST_PAINT="1",
    )
    return env


def test_first_start_creates_the_database_and_quits_after_first_paint(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "compass"], env=_env(tmp_path), capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode()
    database = tmp_path / "data" / "sdg-compass" / "compass.sqlite3"
    assert database.exists()
    # A second start takes the fast path (schema current) and still paints and quits cleanly.
    again = subprocess.run(
        [sys.executable, "-m", "compass"], env=_env(tmp_path), capture_output=True, timeout=120
    )
    assert again.returncode == 0, again.stderr.decode()


def test_a_foreign_file_is_refused_with_its_path_and_left_unchanged(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_bytes(b"Meeting notes, not a database\n" * 10)
    before = foreign.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "compass", "--db", f"sqlite:///{foreign.as_posix()}"],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    ours = [line for line in result.stderr.splitlines() if line.startswith("compass: ")]
    assert len(ours) == 1  # (the offscreen platform adds warnings of its own)
    assert str(foreign) in result.stderr and "Traceback" not in result.stderr
    assert foreign.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("notes")] == ["notes.sqlite3"]


def test_the_error_dialog_names_the_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    foreign = tmp_path / "notes.sqlite3"
    foreign.write_bytes(b"not a database")
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "exec", lambda box: shown.append(box.text()))
    assert app_module.run_app(f"sqlite:///{foreign.as_posix()}") == app_module.EXIT_DATABASE_ERROR
    assert len(shown) == 1 and str(foreign) in shown[0]


def test_a_damaged_database_is_named_right_after_the_first_paint(qtbot, tmp_path: Path, monkeypatch):
    """The start screen's first page is read without SQLite's quick check (its time grows with the
    file); the services open right after the first paint, check every page and say it is damaged."""
    import sqlite3

    from compass.app import AppServices, open_settings
    from compass.model.quick_index import quick_first_page
    from compass.ui import main_window as main_window_module

    path = tmp_path / "damaged.sqlite3"
    url = f"sqlite:///{path.as_posix()}"
    made = AppServices(url)
    for number in range(40):
        made.sessions.create_session(f"Aanbesteding {number}", organisation="Gemeente " * 20)
    made.close()
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to damage
        # a table the first screen does not read: its one page is its root page
        (root_page,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'profiles'"
        ).fetchone()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    start = (root_page - 1) * page_size
    for offset in range(start, start + page_size, 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))

    first_page = quick_first_page(url)
    assert first_page is not None and first_page.total == 40  # the first screen shows the list

    shown: list[str] = []
    monkeypatch.setattr(main_window_module.QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window = main_window_module.MainWindow(
        services=AppServices(url), settings=open_settings(), initial_sessions=first_page
    )
    qtbot.addWidget(window)
    window.show()
    window.after_first_paint()
    qtbot.waitUntil(lambda: bool(shown))
    assert str(path) in shown[0] and "damaged" in shown[0]
    window.services.close()
