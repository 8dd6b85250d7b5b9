"""A clean close of the app leaves the SQLite file whole on its own (issue 21, item 5): before, after
Ctrl+Q the file was 4 KB without tables and every commit sat in its ``-wal``."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from compass.app import AppServices


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def _lone_copy(path: Path, tmp_path: Path) -> sqlite3.Connection:
    """The database file alone, copied without its -wal and -shm as someone copies it to a stick."""
    lone = tmp_path / "copied" / path.name
    lone.parent.mkdir()
    lone.write_bytes(path.read_bytes())
    return sqlite3.connect(lone)


def _another_desk(path: Path) -> sqlite3.Connection:
    """A connection left open elsewhere: without it SQLite would checkpoint at the last close anyway."""
    connection = sqlite3.connect(path)
    connection.execute("SELECT count(*) FROM sessions").fetchone()
    return connection


def test_the_file_is_whole_after_the_app_closes(tmp_path: Path) -> None:
    path = tmp_path / "compass.sqlite3"
    services = AppServices(_url(path))
    services.sessions.create_session("Asfalt")
    other = _another_desk(path)
    try:
        services.sessions.create_session("Kleding")
        services.sessions.create_session("Catering")
        wal = path.with_name(path.name + "-wal")
        assert wal.stat().st_size > 0  # the work sits in the WAL while the app runs
        services.close()
        assert wal.stat().st_size == 0
        lone = _lone_copy(path, tmp_path)
        titles = sorted(row[0] for row in lone.execute("SELECT title FROM sessions"))
        lone.close()
        assert titles == ["Asfalt", "Catering", "Kleding"]
        mode = other.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"  # WAL stays for the desks working together
    finally:
        other.close()


def test_the_app_closes_its_database_when_it_quits(tmp_path: Path) -> None:
    """The whole app, started and quit: the example profiles it wrote at its first start are in the
    database file itself."""
    env = {key: value for key, value in os.environ.items() if key != "COMPASS_DB"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        COMPASS_QUIT_AFTER_FIRST_PAINT="1",
    )
    result = subprocess.run([sys.executable, "-m", "compass"], env=env, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    connection = _lone_copy(tmp_path / "data" / "sdg-compass" / "compass.sqlite3", tmp_path)
    try:
        assert connection.execute("SELECT count(*) FROM profiles").fetchone()[0] > 0
    finally:
        connection.close()
