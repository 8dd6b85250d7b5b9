"""Whole-process start to first paint: our app's start screen against a bare 5-page QWizard.

Runs both alternately in one session (so machine load affects both alike) and reports the medians and
their ratio; the goal is a ratio <= 1.5. The app runs with COMPASS_QUIT_AFTER_FIRST_PAINT=1 on a
database with a few sessions, in a throw-away user directory.

    python benchmarks/startup.py [--runs 15]
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
GOAL_RATIO = 1.5


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
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
        for title in ("Groot onderhoud asfalt", "Bedrijfskleding", "Sporthal binnensport"):
            subprocess.run(
                [sys.executable, "-m", "compass", "sessions", "create", title],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        app = [sys.executable, "-m", "compass"]
        bare = [sys.executable, str(HERE / "bare_wizard.py")]
        timed(app, env), timed(bare, env)  # warm the file cache and compile the catalogues
        app_times, bare_times = [], []
        for _ in range(args.runs):
            app_times.append(timed(app, env))
            bare_times.append(timed(bare, env))
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    ratio = app_median / bare_median
    print(f"bare QWizard   median {bare_median * 1000:6.0f} ms  (min {min(bare_times) * 1000:.0f})")
    print(f"compass        median {app_median * 1000:6.0f} ms  (min {min(app_times) * 1000:.0f})")
    print(
        f"ratio {ratio:.2f} (goal <= {GOAL_RATIO}) over {args.runs} alternating runs: "
        + ("OK" if ratio <= GOAL_RATIO else "TOO SLOW")
    )
    return 0 if ratio <= GOAL_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
