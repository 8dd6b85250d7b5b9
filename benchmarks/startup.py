"""Whole-process start to first paint: our app's start screen against a bare 5-page QWizard.

Runs both alternately in one session (so machine load affects both alike) and reports the medians of
time and peak memory (RSS) and their ratios. The app runs with COMPASS_QUIT_AFTER_FIRST_PAINT=1 as a
new user (throw-away home, no remembered session) on a database with 3 sessions and on one with
10,000 (docs/decisions/002-fast-start.md).

    python benchmarks/startup.py [--runs 15] [--sessions 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import HERE, Figure, alternate, fresh_user, run_process  # noqa: E402

FEW_SESSIONS = ("Groot onderhoud asfalt", "Bedrijfskleding", "Sporthal binnensport")


def fill_database(env: dict[str, str], count: int) -> None:
    """``count`` sessions: the first three made through the services, as the app makes them, the
    rest copies of their rows with their own titles (10,000 through the services take minutes)."""
    script = (
        "import sys\n"
        "from compass.model.database import open_database\n"
        "from compass.paths import resolve_database_url\n"
        "from compass.reference.loading import load_reference_data\n"
        "from compass.services import SessionService\n"
        "database = open_database(resolve_database_url(None))\n"
        "service = SessionService(database, load_reference_data())\n"
        "for title in sys.argv[1:]:\n"
        "    service.create_session(title, organisation='Gemeente Heerlen')\n"
        "print(database.location)\n"
        "database.dispose()\n"
    )
    made = subprocess.run(
        [sys.executable, "-c", script, *FEW_SESSIONS[: min(count, len(FEW_SESSIONS))]],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    if count <= len(FEW_SESSIONS):
        return
    location = made.stdout.strip().splitlines()[-1]
    base = dt.datetime(2026, 1, 1)
    stamps = {"created_at", "updated_at"}
    with sqlite3.connect(location) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(sessions)") if row[1] != "id"]
        chosen = ", ".join("?" if name == "title" or name in stamps else name for name in columns)
        insert = f"INSERT INTO sessions ({', '.join(columns)}) SELECT {chosen} FROM sessions WHERE id = 1"

        def values(number: int) -> tuple[str, ...]:
            # Each its own moment, as sessions worked on over the years: the list sorts by it.
            moment = (base - dt.timedelta(minutes=number)).strftime("%Y-%m-%d %H:%M:%S.%f")
            title = f"{FEW_SESSIONS[number % 3]} {number + 1}"
            return tuple(
                title if name == "title" else moment
                for name in columns
                if name == "title" or name in stamps
            )

        connection.executemany(insert, (values(number) for number in range(len(FEW_SESSIONS), count)))


def measure(runs: int, sessions: int) -> tuple[list[float], list[float], list[float], list[float]]:
    """Times and peak RSS of the app and of the bare QWizard, taken alternately."""
    with fresh_user() as env:
        env["COMPASS_QUIT_AFTER_FIRST_PAINT"] = "1"
        fill_database(env, sessions)
        app = [sys.executable, "-m", "compass"]
        bare = [sys.executable, str(HERE / "bare_wizard.py")]
        app_runs, bare_runs = [], []
        alternate(
            lambda: app_runs.append(run_process(app, env)) or 0.0,
            lambda: bare_runs.append(run_process(bare, env)) or 0.0,
            runs,
        )
        app_runs, bare_runs = app_runs[1:], bare_runs[1:]  # without the warm-up
    return (
        [run.seconds for run in app_runs],
        [run.seconds for run in bare_runs],
        [run.peak_rss_mib for run in app_runs],
        [run.peak_rss_mib for run in bare_runs],
    )


def figures(runs: int) -> list[Figure]:
    found = []
    # Ceilings: the same code measured 1.22-1.80x (3 sessions) and 1.33-1.65x (10,000) on this VM, the
    # highest right after the suite; 2.5x still refuses the regression issue 20 was about (5-6x).
    for sessions, goal, ceiling in ((len(FEW_SESSIONS), 1.2, 2.5), (10_000, 1.4, 2.5)):
        app_times, bare_times, app_rss, bare_rss = measure(runs, sessions)
        label = f"{sessions:,} sessions"
        found.append(
            Figure(
                f"start_{sessions}",
                f"start to first paint, {label}, vs bare QWizard",
                app_times,
                goal,
                ceiling,
                baseline=bare_times,
                baseline_name="bare 5-page QWizard",
            )
        )
        found.append(
            Figure(
                f"start_rss_{sessions}",
                f"peak RSS at start, {label}, vs bare QWizard",
                app_rss,
                1.3,
                1.8,
                baseline=bare_rss,
                baseline_name="bare 5-page QWizard",
                unit="MiB",
            )
        )
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sessions", type=int, default=len(FEW_SESSIONS))
    args = parser.parse_args()
    app_times, bare_times, app_rss, bare_rss = measure(args.runs, args.sessions)
    time_figure = Figure("start", "start", app_times, 1.2 if args.sessions <= 3 else 1.4, 2.5, bare_times)
    rss_figure = Figure("rss", "rss", app_rss, 1.3, 1.8, bare_rss, unit="MiB")
    print(f"sessions in the database: {args.sessions}")
    print(f"bare QWizard   median {sorted(bare_times)[len(bare_times) // 2] * 1000:6.0f} ms")
    print(f"compass        median {sorted(app_times)[len(app_times) // 2] * 1000:6.0f} ms")
    print(
        f"time ratio {time_figure.value:.2f} (goal <= {time_figure.goal}), RSS ratio {rss_figure.value:.2f}"
        f" (goal <= {rss_figure.goal}), over {args.runs} alternating runs: {time_figure.verdict}"
    )
    return 0 if time_figure.verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
