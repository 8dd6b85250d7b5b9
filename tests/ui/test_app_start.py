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
