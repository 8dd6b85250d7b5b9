"""A clean close leaves the SQLite file whole on its own (issue 21, item 5): after a CLI command that
wrote, the database file copied without its ``-wal`` and ``-shm`` holds every commit (the app's close:
``tests/ui/test_clean_close.py``)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from compass.cli import main


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def titles_in_the_file_alone(path: Path, tmp_path: Path) -> list[str]:
    lone = tmp_path / "copied" / path.name
    lone.parent.mkdir()
    shutil.copyfile(path, lone)  # the file alone, as someone copies it to a stick
    connection = sqlite3.connect(lone)
    try:
        return sorted(row[0] for row in connection.execute("SELECT title FROM sessions"))
    finally:
        connection.close()


def another_desk(path: Path) -> sqlite3.Connection:
    """A connection left open elsewhere: without it SQLite would checkpoint at the last close anyway."""
    connection = sqlite3.connect(path)
    connection.execute("SELECT count(*) FROM sessions").fetchone()
    return connection


def test_the_file_is_whole_after_a_command_that_wrote(tmp_path: Path, capsys) -> None:
    path = tmp_path / "compass.sqlite3"
    url = _url(path)
    assert main(["--db", url, "sessions", "create", "Asfalt"]) == 0
    other = another_desk(path)
    try:
        assert main(["--db", url, "sessions", "create", "Kleding"]) == 0
        assert titles_in_the_file_alone(path, tmp_path) == ["Asfalt", "Kleding"]
    finally:
        other.close()
    capsys.readouterr()
