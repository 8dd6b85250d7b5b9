"""Whole-process start to first paint: our app's start screen against a bare 5-page QWizard.

Runs both alternately in one session (so machine load affects both alike) and reports the medians of
time and peak memory (RSS) and their ratios. The app runs with COMPASS_QUIT_AFTER_FIRST_PAINT=1 in a
throw-away user directory, on a database with a few sessions (goal: time ratio <= 1.5) or, with
``--sessions N``, with N sessions (goal for 10,000: time ratio <= 1.6).

    python benchmarks/startup.py [--runs 15]
    python benchmarks/startup.py --sessions 10000 [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FEW_SESSIONS = ("Groot onderhoud asfalt", "Bedrijfskleding", "Sporthal binnensport")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to exit, and the child's peak resident memory in MiB."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def fill_database(env: dict[str, str], count: int) -> None:
    """``count`` sessions made through the services, as the app would make them."""
    script = (
        "import sys\n"
        "from compass.model.database import open_database\n"
        "from compass.paths import resolve_database_url\n"
        "from compass.reference.loading import load_reference_data\n"
        "from compass.services import SessionService\n"
        "database = open_database(resolve_database_url(None))\n"
        "service = SessionService(database, load_reference_data())\n"
        "titles = sys.argv[1:] or ['Aanbesteding']\n"
        f"for number in range({count}):\n"
        "    title = titles[number % len(titles)]\n"
        "    service.create_session(f'{title} {number + 1}', organisation='Gemeente Heerlen')\n"
        "database.dispose()\n"
    )
    subprocess.run([sys.executable, "-c", script, *FEW_SESSIONS], env=env, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sessions", type=int, default=len(FEW_SESSIONS))
    args = parser.parse_args()
    goal = 1.5 if args.sessions <= len(FEW_SESSIONS) else 1.6
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": home,
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_CACHE_HOME": f"{home}/cache",
            "COMPASS_QUIT_AFTER_FIRST_PAINT": "1",
        }
        env.pop("COMPASS_DB", None)
        # Measure the app as pip installs it: byte-compiled. With PYTHONDONTWRITEBYTECODE set (as in
        # some shells), a checkout would recompile every module on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        fill_database(env, args.sessions)
        app = [sys.executable, "-m", "compass"]
        bare = [sys.executable, str(HERE / "bare_wizard.py")]
        timed(app, env), timed(bare, env)  # warm the file cache and compile the catalogues
        app_runs, bare_runs = [], []
        for _ in range(args.runs):
            app_runs.append(timed(app, env))
            bare_runs.append(timed(bare, env))
    app_time = statistics.median(t for t, _ in app_runs)
    bare_time = statistics.median(t for t, _ in bare_runs)
    app_rss = statistics.median(m for _, m in app_runs)
    bare_rss = statistics.median(m for _, m in bare_runs)
    ratio = app_time / bare_time
    print(f"sessions in the database: {args.sessions}")
    print(f"bare QWizard   median {bare_time * 1000:6.0f} ms  peak RSS {bare_rss:5.0f} MiB")
    print(f"compass        median {app_time * 1000:6.0f} ms  peak RSS {app_rss:5.0f} MiB")
    print(
        f"time ratio {ratio:.2f} (goal <= {goal}), RSS ratio {app_rss / bare_rss:.2f}, over {args.runs} "
        "alternating runs: " + ("OK" if ratio <= goal else "TOO SLOW")
    )
    return 0 if ratio <= goal else 1


if __name__ == "__main__":
    sys.exit(main())
