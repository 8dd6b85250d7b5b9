"""The ``compass`` command as a script or a user calls it: JSON out, one-line errors, exit code 2."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from compass import __version__
from compass.cli import main


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"compass {__version__}"


def test_list_on_a_new_file_prints_an_empty_list_and_migrates_it(tmp_path: Path, capsys) -> None:
    path = tmp_path / "x.db"
    assert main(["--db", _url(path), "sessions", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    tables = {
        row[0] for row in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert {"alembic_version", "sessions", "inventory_entries"} <= tables


def test_created_sessions_are_listed_as_json(tmp_path: Path, capsys) -> None:
    url = _url(tmp_path / "x.db")
    assert main(["--db", url, "sessions", "create", "Groot onderhoud asfalt"]) == 0
    session_id = int(capsys.readouterr().out.strip().splitlines()[-1])
    assert main(["--db", url, "sessions", "list", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["id"] == session_id
    assert listed["title"] == "Groot onderhoud asfalt"
    assert listed["procedure"] is None  # not chosen yet: no default the strategy would ask approval of
    assert listed["updated_at"].startswith("20")


def test_plain_list_and_search(tmp_path: Path, capsys) -> None:
    url = _url(tmp_path / "x.db")
    main(["--db", url, "sessions", "create", "Asfalt"])
    main(["--db", url, "sessions", "create", "Bedrijfskleding"])
    capsys.readouterr()
    main(["--db", url, "sessions", "list", "--search", "kleding"])
    out = capsys.readouterr().out
    assert "Bedrijfskleding" in out and "Asfalt" not in out


def test_environment_variable_selects_the_database_and_db_wins(tmp_path: Path, capsys, monkeypatch) -> None:
    env_url, flag_url = _url(tmp_path / "env.db"), _url(tmp_path / "flag.db")
    monkeypatch.setenv("COMPASS_DB", env_url)
    main(["sessions", "create", "Via de omgeving"])
    main(["--db", flag_url, "sessions", "create", "Via de vlag"])
    capsys.readouterr()
    main(["sessions", "list", "--json"])
    assert [s["title"] for s in json.loads(capsys.readouterr().out)] == ["Via de omgeving"]
    main(["--db", flag_url, "sessions", "list", "--json"])
    assert [s["title"] for s in json.loads(capsys.readouterr().out)] == ["Via de vlag"]


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "COMPASS_DB"}
    env.update(
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return subprocess.run(
        [sys.executable, "-m", "compass", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_default_database_lives_in_the_user_data_directory(tmp_path: Path) -> None:
    result = _run(["sessions", "create", "Asfalt"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "sdg-compass" / "compass.sqlite3").exists()
    listed = _run(["sessions", "list", "--json"], tmp_path)
    assert [s["title"] for s in json.loads(listed.stdout)] == ["Asfalt"]


@pytest.mark.parametrize(
    "args",
    [
        ["--db", "FOREIGN", "sessions", "list"],
        ["--db", "nosuchdb://x", "sessions", "list"],
        ["sessions", "explode"],
        ["--no-such-option"],
        ["sessions", "create", ""],
    ],
)
def test_errors_are_one_line_with_exit_code_2(tmp_path: Path, args: list[str]) -> None:
    foreign = tmp_path / "foreign.db"
    foreign.write_text("geen database", encoding="utf-8")
    args = [f"sqlite:///{foreign}" if a == "FOREIGN" else a for a in args]
    result = _run(args, tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert foreign.read_text(encoding="utf-8") == "geen database"


def test_profiles_list_export_and_import(tmp_path: Path, capsys) -> None:
    url = _url(tmp_path / "x.db")
    assert main(["--db", url, "profiles", "list", "--json"]) == 0
    examples = json.loads(capsys.readouterr().out)
    assert len(examples) == 2 and all(p["is_example"] for p in examples)
    exported = tmp_path / "heerlen.json"
    assert main(["--db", url, "profiles", "export", str(examples[0]["id"]), str(exported)]) == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["format"] == "sdg-compass/profile"
    capsys.readouterr()
    assert main(["--db", url, "profiles", "import", str(exported)]) == 0
    new_id = int(capsys.readouterr().out.strip().splitlines()[-1])
    assert new_id not in {p["id"] for p in examples}


def test_a_bad_profile_file_lists_every_problem_and_adds_nothing(tmp_path: Path, capsys) -> None:
    url = _url(tmp_path / "x.db")
    document = {
        "format": "sdg-compass/profile",
        "version": 1,
        "name": "",
        "focus_sdgs": [{"sdg": 99}],
        "initiatives": [],
        "theme_ambitions": [],
        "social_return_pct": {"min": None, "max": None},
        "thresholds_eur": {"mvi_criteria": None, "social_return": None},
        "required_sdgs": [],
        "standard_requirements": [],
        "own_criteria": [],
    }
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--db", url, "profiles", "import", str(bad)]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("compass: ") for line in errors)
    main(["--db", url, "profiles", "list", "--json"])
    assert len(json.loads(capsys.readouterr().out)) == 2  # only the examples


def test_an_unexpected_error_is_one_line_with_the_fault_log(tmp_path: Path, capsys, monkeypatch) -> None:
    from compass import cli
    from compass.fault_log import fault_log_path

    def broken(args):
        raise KeyError("missing piece")

    monkeypatch.setattr(cli, "_run_command", broken)
    assert main(["--db", _url(tmp_path / "x.sqlite3"), "sessions", "list"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == (f"compass: unexpected error: KeyError: 'missing piece' (details in {fault_log_path()})")
    assert "Traceback" in fault_log_path().read_text(encoding="utf-8")


def test_finish_and_reopen_a_session(tmp_path: Path, capsys) -> None:
    url = _url(tmp_path / "x.sqlite3")
    main(["--db", url, "sessions", "create", "Schoonmaak gemeentehuis"])
    session_id = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["--db", url, "sessions", "finish", session_id]) == 0
    main(["--db", url, "sessions", "list", "--json"])
    assert json.loads(capsys.readouterr().out)[0]["status"] == "final"
    assert main(["--db", url, "sessions", "reopen", session_id]) == 0
    main(["--db", url, "sessions", "list", "--json"])
    assert json.loads(capsys.readouterr().out)[0]["status"] == "draft"
    assert main(["--db", url, "sessions", "finish", "999"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == "compass: There is no session with id 999."
