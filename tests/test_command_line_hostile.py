"""The command line and hostile input: a file with control characters is refused in one line, and no
control character reaches the terminal, not even from a row an older version stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import update

from compass.cli import main
from compass.core.codes import Procedure
from compass.formats.session_file import SESSION_VERSION
from compass.model.database import open_database
from compass.model.orm import ProfileRow, SessionRow

OLD_TITLE = "Evil\x00\x1b[31mRED\x1b[0m\x1b]0;pwned\x07\x9b2J\x7f\r\nnext\tcolumn\x85"
SHOWN_TITLE = "Evil[31mRED[0m]0;pwned2J next column"


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[bytes]:
    """The real command, as a terminal would receive its bytes."""
    env = {k: v for k, v in os.environ.items() if k != "COMPASS_DB"}
    env.update(
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONIOENCODING="utf-8",
        LANG="C.UTF-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "compass", *args], env=env, capture_output=True, timeout=120
    )


def _control_characters(output: bytes | str) -> list[str]:
    """Control characters in what a terminal receives (line feeds end lines and are fine)."""
    text = output.decode("utf-8") if isinstance(output, bytes) else output
    return [
        f"U+{ord(c):04X}"
        for c in text
        if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF
    ]


def test_importing_a_file_with_control_characters_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    exported = tmp_path / "sessie.json"
    assert main(["--db", url, "sessions", "create", "Asfalt"]) == 0
    assert main(["--db", url, "export", "1", "--json", str(exported)]) == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["facts"]["title"] = "Evil\x00\x1b[31mRED\x1b[0m"
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(document), encoding="utf-8")

    result = _run(["--db", url, "import", str(hostile)], tmp_path)  # the real process and its bytes
    assert result.returncode == 2
    (line,) = result.stderr.decode("utf-8").strip().splitlines()
    assert line.startswith("compass: facts/title: ") and "U+0000" in line
    assert _control_characters(result.stderr) == []
    assert result.stdout == b""
    capsys.readouterr()
    assert main(["--db", url, "sessions", "list", "--json"]) == 0
    assert [s["title"] for s in json.loads(capsys.readouterr().out)] == ["Asfalt"]  # nothing half-imported


def test_rows_an_older_version_stored_print_no_control_character(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    assert main(["--db", url, "profiles", "list"]) == 0  # creates the database
    database = open_database(url)
    with database.session_factory.begin() as db:
        session = SessionRow(title="Oud", procedure=Procedure.PUBLIC_NATIONAL)
        profile = ProfileRow(name="Oud", document=json.dumps({"name": "x"}))
        db.add_all([session, profile])
        db.flush()
        # As an older version could store them: SQL, past the ORM's own clean-up of U+0000.
        db.execute(
            update(SessionRow)
            .where(SessionRow.id == session.id)
            .values(title=OLD_TITLE, organisation="Org\x1b[2J")
        )
        db.execute(update(ProfileRow).where(ProfileRow.id == profile.id).values(name="Gemeente\x1b[5m\x00"))
    database.dispose()
    capsys.readouterr()

    assert main(["--db", url, "sessions", "list"]) == 0
    listed = capsys.readouterr().out
    assert _control_characters(listed) == []
    assert SHOWN_TITLE in listed
    assert len(listed.strip().splitlines()) == 1  # still one line a session

    assert main(["--db", url, "sessions", "list", "--json"]) == 0
    as_json = capsys.readouterr().out
    assert _control_characters(as_json) == []
    (session,) = json.loads(as_json)
    assert (session["title"], session["organisation"]) == (OLD_TITLE, "Org\x1b[2J")  # exact, escaped

    assert main(["--db", url, "profiles", "list"]) == 0
    profiles = capsys.readouterr().out
    assert _control_characters(profiles) == [] and "Gemeente[5m" in profiles
    assert main(["--db", url, "profiles", "list", "--json"]) == 0
    profiles_json = capsys.readouterr().out
    assert _control_characters(profiles_json) == []
    assert "Gemeente\x1b[5m\x00" in [p["name"] for p in json.loads(profiles_json)]


def test_an_error_quoting_a_files_text_prints_it_without_control_characters(tmp_path: Path, capsys) -> None:
    hostile = tmp_path / "hostile.json"
    hostile.write_text(
        json.dumps({"format": "sdg-compass/session", "version": "3\x1b[2J\x9b"}), encoding="utf-8"
    )
    assert main(["--db", f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}", "import", str(hostile)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == (
        "compass: version: The version must be a whole number written without quotes, such as "
        f'{SESSION_VERSION}; the file has text: "3\\u001b[2J".'
    )


@pytest.mark.parametrize("option", ["--pdf", "--docx", "--json"])
def test_an_empty_file_name_is_one_line_and_exit_2(tmp_path: Path, capsys, option: str) -> None:
    """`--pdf ""` ended in an unexpected error with a fault-log entry (Path("").with_name raises)."""
    url = f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"
    assert main(["--db", url, "sessions", "create", "Asfalt"]) == 0
    capsys.readouterr()
    assert main(["--db", url, "export", "1", option, ""]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == 'compass: Cannot write "": give a file name.'
