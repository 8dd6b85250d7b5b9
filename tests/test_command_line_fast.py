"""``compass sessions list`` reads a current SQLite file with sqlite3 alone (issue 20): it prints exactly
what the service path prints, streams in pages, and leaves every unusual database to the full path.
A reader that closes early ends any printing command quietly."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from compass import cli
from compass.cli import main
from compass.model import quick_index
from compass.model.database import open_database
from compass.services import SessionService

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "model" / "fixtures"
TITLES = (
    "Groot onderhoud asfalt",
    "Één loket, café en crèche",  # non-ASCII: found by "één" on both paths (our own lower())
    "100% circulair",
    "a_b test",
    "ab test",
    "Back\\slash",
    "中文 标题",
)
SEARCHES = ("", "asfalt", "ASFALT", "één", "ÉÉN", "%", "_", "a_b", "\\", "  test ", "geen treffer")


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


@pytest.fixture
def listed_database(tmp_path: Path, shipped_reference) -> str:
    url = _url(tmp_path / "x.sqlite3")
    database = open_database(url)
    service = SessionService(database, shipped_reference)
    for title in TITLES:
        service.create_session(title, organisation="Gemeente Heerlen")
    database.dispose()
    # A row an older version stored with control characters: both paths make it printable.
    _copy_first(tmp_path / "x.sqlite3", ["Bel\x07 en \x1b[31mrood\x1b[0m\ttab\nregel"])
    return url


def _output(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(arguments)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("search", SEARCHES)
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_the_fast_list_prints_exactly_what_the_service_path_prints(
    listed_database: str, search: str, as_json: bool, capsys, monkeypatch
) -> None:
    arguments = ["--db", listed_database, "sessions", "list", "--search", search]
    arguments += ["--json"] if as_json else []
    taken: list[bool] = []
    real = quick_index.quick_listing

    def spied(url: str, search: str = "", page_size: int = 100):  # type: ignore[no-untyped-def]
        listing = real(url, search, page_size=2)  # small pages: the seams between pages are crossed
        taken.append(listing is not None)
        return listing

    monkeypatch.setattr(quick_index, "quick_listing", spied)
    fast = _output(arguments, capsys)
    assert taken == [True]
    monkeypatch.setattr(quick_index, "quick_listing", lambda *args, **kwargs: None)
    full = _output(arguments, capsys)
    assert fast == full
    assert fast[0] == 0
    assert "\x1b" not in fast[1] and "\x07" not in fast[1]
    if as_json:
        json.loads(fast[1])


def test_the_search_matches_percent_and_underscore_literally(listed_database: str, capsys) -> None:
    for search, expected in (("%", ["100% circulair"]), ("a_b", ["a_b test"])):
        _code, out, _err = _output(
            ["--db", listed_database, "sessions", "list", "--json", "--search", search], capsys
        )
        assert [s["title"] for s in json.loads(out)] == expected


def test_an_empty_database_says_so_on_both_paths(tmp_path: Path, capsys, monkeypatch) -> None:
    url = _url(tmp_path / "x.sqlite3")
    open_database(url).dispose()
    assert _output(["--db", url, "sessions", "list"], capsys) == (0, "No sessions yet.\n", "")
    assert _output(["--db", url, "sessions", "list", "--json"], capsys) == (0, "[]\n", "")
    monkeypatch.setattr(quick_index, "quick_listing", lambda *args, **kwargs: None)
    assert _output(["--db", url, "sessions", "list"], capsys) == (0, "No sessions yet.\n", "")
    assert _output(["--db", url, "sessions", "list", "--json"], capsys) == (0, "[]\n", "")


def _copy_first(path: Path, titles: list[str]) -> None:
    """Sessions shaped like the first one with these titles, inserted with sqlite3 in one statement."""
    with sqlite3.connect(path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(sessions)") if row[1] != "id"]
        first = connection.execute(f"SELECT {', '.join(columns)} FROM sessions WHERE id = 1").fetchone()
        at = columns.index("title")
        rows = [(*first[:at], title, *first[at + 1 :]) for title in titles]
        placeholders = ", ".join("?" for _ in columns)
        connection.executemany(f"INSERT INTO sessions ({', '.join(columns)}) VALUES ({placeholders})", rows)
    connection.close()


def _fill(path: Path, count: int) -> None:
    _copy_first(path, [f"Sessie {number}" for number in range(count)])


def test_the_fast_list_streams_in_constant_memory(tmp_path: Path, shipped_reference) -> None:
    path = tmp_path / "x.sqlite3"
    database = open_database(_url(path))
    SessionService(database, shipped_reference).create_session("Eerste")
    database.dispose()
    _fill(path, 5_000)

    class Discard:
        def write(self, text: str) -> int:
            return len(text)

        def flush(self) -> None:
            pass

    def peak_while_listing(as_json: bool) -> int:
        listing = quick_index.quick_listing(_url(path))
        assert listing is not None
        real_stdout, sys.stdout = sys.stdout, Discard()  # type: ignore[assignment]
        tracemalloc.start()
        try:
            cli._print_sessions(listing, as_json=as_json)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            sys.stdout = real_stdout

    # Measured: holding the 5,001 sessions takes 1.5 MiB (text) and 1.6 MiB (JSON); a page at a time
    # 0.09 and 0.24 MiB. (20,000 sessions showed the same, four times slower under tracemalloc.)
    assert peak_while_listing(as_json=False) < 512 * 1024
    assert peak_while_listing(as_json=True) < 512 * 1024


def test_the_fast_list_loads_neither_sqlalchemy_nor_the_reference_data(listed_database: str) -> None:
    script = (
        "import sys\n"
        "from compass.cli import main\n"
        f"code = main(['--db', {listed_database!r}, 'sessions', 'list', '--json'])\n"
        "heavy = ('sqlalchemy', 'alembic', 'jsonschema', 'compass.reference.loading', 'PySide6')\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "print(code, loaded, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stderr.strip() == "0 []"
    assert len(json.loads(result.stdout)) == len(TITLES) + 1


def test_declines_every_database_the_full_path_must_handle(tmp_path: Path) -> None:
    assert quick_index.quick_listing(_url(tmp_path / "missing.sqlite3")) is None
    assert not (tmp_path / "missing.sqlite3").exists()
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_text("not a database", encoding="utf-8")
    assert quick_index.quick_listing(_url(foreign)) is None
    older = tmp_path / "older.sqlite3"
    shutil.copy(FIXTURES / "schema_0006.sqlite3", older)
    assert quick_index.quick_listing(_url(older)) is None
    assert quick_index.quick_listing("postgresql+psycopg://nobody@localhost/compass") is None
    assert quick_index.quick_listing("sqlite://") is None


def test_a_file_that_cannot_be_written_goes_the_full_path(listed_database: str, monkeypatch) -> None:
    """The full path says why and opens it read-only (tests/model/test_unwritable.py); root may write
    any file, so the check itself stands in for a read-only file here."""
    monkeypatch.setattr(quick_index, "write_problem", lambda path: "read-only")
    assert quick_index.quick_listing(listed_database) is None


def test_an_older_file_is_migrated_and_listed_by_the_full_path(tmp_path: Path, capsys) -> None:
    older = tmp_path / "older.sqlite3"
    shutil.copy(FIXTURES / "schema_0006.sqlite3", older)
    code, out, _err = _output(["--db", _url(older), "sessions", "list", "--json"], capsys)
    assert code == 0
    json.loads(out)
    assert quick_index.quick_listing(_url(older)) is not None  # now current: the next list is fast


def test_a_foreign_file_keeps_the_full_paths_message(tmp_path: Path, capsys) -> None:
    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_text("not a database", encoding="utf-8")
    code, out, err = _output(["--db", _url(foreign), "sessions", "list"], capsys)
    assert (code, out) == (2, "")
    assert err.startswith("compass: ") and err.count("\n") == 1 and "Traceback" not in err


# -- a reader that closes early ------------------------------------------------------------------------


def _run_into_a_closed_pipe(
    arguments: list[str], env: dict[str, str]
) -> subprocess.CompletedProcess[bytes]:
    """The command with its stdout a pipe whose reading end is closed before it writes a byte, as
    ``compass ... | head -0`` would leave it: its first write meets a broken pipe."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        child = subprocess.run(
            [sys.executable, "-m", "compass", *arguments],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
    finally:
        os.close(write_end)
    return child


@pytest.fixture
def pipe_env(listed_database: str) -> dict[str, str]:
    return {**os.environ, "COMPASS_DB": listed_database}


@pytest.mark.parametrize(
    "arguments",
    [
        ["sessions", "list"],
        ["sessions", "list", "--json"],
        ["sessions", "create", "Nieuw"],
        ["profiles", "list"],
        ["profiles", "list", "--json"],
        ["backup", "list"],
        ["backup", "list", "--json"],
        ["--help"],
        ["--version"],
        ["import", str(ROOT / "resources" / "examples" / "bedrijfskleding.json")],
    ],
    ids=" ".join,
)
def test_a_reader_that_closed_early_ends_the_command_quietly(arguments: list[str], pipe_env) -> None:
    result = _run_into_a_closed_pipe(arguments, pipe_env)
    assert result.stderr == b""
    assert result.returncode == cli.EXIT_READER_GONE


_FULL_PATH = (
    "import sys\n"
    "from compass.model import quick_index\n"
    "quick_index.quick_listing = lambda *args, **kwargs: None\n"
    "from compass.cli import main\n"
    "sys.exit(main())\n"
)


@pytest.mark.parametrize("path_taken", ["fast", "full"])
def test_head_reads_the_first_line_of_a_long_list_and_nothing_is_said(
    tmp_path: Path, shipped_reference, path_taken: str
) -> None:
    """A real ``| head -1``: the list is longer than a pipe holds, so compass is still writing when the
    reader goes away."""
    path = tmp_path / "x.sqlite3"
    database = open_database(_url(path))
    SessionService(database, shipped_reference).create_session("Eerste")
    database.dispose()
    _fill(path, 3000)
    command = "-m compass" if path_taken == "fast" else f'-c "{_FULL_PATH}"'
    head = subprocess.run(
        f"'{sys.executable}' {command} sessions list | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        env={**os.environ, "COMPASS_DB": _url(path)},
        cwd=ROOT,
    )
    assert head.stderr == b""
    assert head.returncode == cli.EXIT_READER_GONE
    assert head.stdout.count(b"\n") == 1


@pytest.mark.parametrize(
    ("kind", "needed", "never"),
    [
        ("pdf", "reportlab", ("docx", "PySide6", "alembic")),
        ("docx", "docx", ("reportlab", "PySide6", "alembic")),
    ],
)
def test_an_export_imports_only_its_own_renderer(
    listed_database: str, tmp_path: Path, kind: str, needed: str, never: tuple[str, ...]
) -> None:
    target = tmp_path / f"out.{kind}"
    script = (
        "import sys\n"
        "from compass.cli import main\n"
        f"code = main(['--db', {listed_database!r}, 'export', '1', '--{kind}', {str(target)!r}])\n"
        "print(code, sorted({m.split('.')[0] for m in sys.modules}), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    code, loaded = result.stderr.strip().split(" ", 1)
    assert code == "0" and target.stat().st_size > 0
    assert needed in loaded
    for module in never:
        assert f"'{module}'" not in loaded, module
