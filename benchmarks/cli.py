"""The command line's figures of issue 20, each a whole process (or, for the import, one call in a
process), measured alternately against its baseline in one run; medians.

- ``cli_sessions_list``: ``compass sessions list`` on 3 sessions against ``python -c "import sqlite3"``.
- ``cli_sessions_list_100k``: the same on 100,000 sessions, and its peak memory (``..._rss``, MiB).
  Its goal (80x) is not a start-up figure: making and writing 100,000 lines takes about 10 us each in
  Python (parsing two timestamps, local time, escaping), so it grows with the list; memory must not.
- ``cli_export_pdf`` / ``cli_export_docx``: ``compass export 1 --pdf/--docx`` of a new session against
  a bare reportlab / python-docx document in the same font (``bare_reportlab.py``, ``bare_docx.py``).
- ``json_import_largest_example``: ``read_session_file`` of the largest shipped example, in-process
  (the median of calls after the first; the first call of a process also imports jsonschema).

    python benchmarks/cli.py [--runs 11]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import HERE, Figure, alternate, fresh_user, python, repeat, run_process, timed  # noqa: E402

MANY = 100_000
TITLES = ("Groot onderhoud asfalt", "Bedrijfskleding", "Sporthal binnensport")
_filled: dict[int, Path] = {}  # sessions -> a database file made once per run, in _folders[0]
_folders: list[Path] = []


def _compass() -> list[str]:
    """The ``compass`` script beside this Python, as a user runs it; ``-m compass`` where none is."""
    script = Path(python()).with_name("compass")
    return [str(script)] if script.is_file() else [python(), "-m", "compass"]


def _database(count: int) -> Path:
    """A database of ``count`` sessions: the first ones made through the CLI (so they are shaped as the
    app makes them), the rest copies of the first inserted with sqlite3 (the services would take
    minutes for 100,000). Made once per run, then copied into each fresh user."""
    if count in _filled:
        return _filled[count]
    if not _folders:
        _folders.append(Path(tempfile.mkdtemp(prefix="compass-bench-cli-")))
    path = _folders[0] / f"sessions-{count}.sqlite3"
    with fresh_user() as env:
        env["COMPASS_DB"] = f"sqlite:///{path.as_posix()}"
        for title in TITLES[: min(count, len(TITLES))]:
            subprocess.run(
                [*_compass(), "sessions", "create", title], env=env, check=True, capture_output=True
            )
    extra = count - len(TITLES)
    if extra > 0:
        with sqlite3.connect(path) as connection:
            columns = [
                row[1] for row in connection.execute("PRAGMA table_info(sessions)") if row[1] != "id"
            ]
            first = connection.execute(f"SELECT {', '.join(columns)} FROM sessions WHERE id = 1").fetchone()
            at = columns.index("title")
            rows = ((*first[:at], f"{TITLES[n % 3]} {n}", *first[at + 1 :]) for n in range(extra))
            marks = ", ".join("?" for _ in columns)
            connection.executemany(f"INSERT INTO sessions ({', '.join(columns)}) VALUES ({marks})", rows)
        connection.close()
    _filled[count] = path
    return path


def _user_with(count: int, env: dict[str, str]) -> None:
    """Put the prepared database where a new user's default database lives."""
    target = Path(env["XDG_DATA_HOME"]) / "sdg-compass" / "compass.sqlite3"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_database(count), target)


def _list_figures(runs: int, count: int) -> list[Figure]:
    with fresh_user() as env:
        _user_with(count, env)
        listing = [*_compass(), "sessions", "list"]
        baseline = [python(), "-c", "import sqlite3"]
        rss: list[float] = []

        def measure() -> float:
            run = run_process(listing, env)
            rss.append(run.peak_rss_mib)
            return run.seconds

        ours, theirs = alternate(measure, lambda: run_process(baseline, env).seconds, runs)
    key = "cli_sessions_list" if count <= len(TITLES) else "cli_sessions_list_100k"
    figures = [
        Figure(
            key,
            f"compass sessions list, {count:,} sessions, whole process",
            ours,
            goal=2.0 if count <= len(TITLES) else 80.0,
            # Measured 3.9x; the ORM path it replaced was 39x.
            ceiling=8.0 if count <= len(TITLES) else 160.0,
            baseline=theirs,
            baseline_name='python -c "import sqlite3"',
        )
    ]
    if count > len(TITLES):
        figures.append(
            Figure(
                key + "_rss",
                f"compass sessions list, {count:,} sessions, peak memory",
                rss[1:],  # the warm-up run left out, as for the times
                goal=60.0,
                ceiling=120.0,
                unit="MiB",
            )
        )
    return figures


def _export_figure(runs: int, kind: str) -> Figure:
    with fresh_user() as env:
        _user_with(len(TITLES), env)
        out = Path(env["HOME"])
        export = [*_compass(), "export", "1", f"--{kind}", str(out / f"compass.{kind}")]
        bare_script = "bare_reportlab.py" if kind == "pdf" else "bare_docx.py"
        bare = [python(), str(HERE / bare_script), str(out / f"bare.{kind}")]
        ours, theirs = alternate(
            lambda: run_process(export, env).seconds, lambda: run_process(bare, env).seconds, runs
        )
    library = "reportlab" if kind == "pdf" else "python-docx"
    return Figure(
        f"cli_export_{kind}",
        f"compass export ID --{kind} of a new session, whole process",
        ours,
        goal=3.0,
        # At the 8x the issue found (every command validated the reference data): measured 5.3-5.5x,
        # so a noisy run passes and a return to that state fails.
        ceiling=8.0,
        baseline=theirs,
        baseline_name=f"a bare {library} document in the same font ({bare_script})",
    )


def _import_figure(runs: int) -> Figure:
    from compass.formats.session_file import read_session_file
    from compass.reference.examples import list_examples
    from compass.reference.loading import load_reference_data

    reference = load_reference_data()
    largest = max((example.path for example in list_examples()), key=lambda path: path.stat().st_size)
    data = largest.read_bytes()
    samples = repeat(lambda: timed(lambda: read_session_file(data, reference)), runs)
    return Figure(
        "json_import_largest_example",
        f"read_session_file of {largest.name} ({len(data) // 1024} KiB), in-process",
        samples,
        goal=0.025,
        ceiling=0.075,
    )


def figures(runs: int) -> list[Figure]:
    try:
        return [
            *_list_figures(runs, len(TITLES)),
            *_list_figures(runs, MANY),
            _export_figure(runs, "pdf"),
            _export_figure(runs, "docx"),
            _import_figure(runs),
        ]
    finally:
        for folder in _folders:
            shutil.rmtree(folder, ignore_errors=True)
        _folders.clear()
        _filled.clear()


def _show(figure: Figure) -> str:
    if figure.unit == "MiB":
        value = f"{figure.value:8.1f} MiB"
    elif figure.is_ratio:
        assert figure.baseline is not None
        value = (
            f"{figure.value:8.2f}x  ({statistics.median(figure.samples) * 1000:.0f} ms against "
            f"{statistics.median(figure.baseline) * 1000:.0f} ms: {figure.baseline_name})"
        )
    else:
        value = f"{figure.value * 1000:8.1f} ms"
    goal = f"{figure.goal}x" if figure.is_ratio else f"{figure.goal}"
    return f"{figure.key:30} {value}  goal <= {goal}: {figure.verdict}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    for figure in figures(args.runs):
        print(_show(figure), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
