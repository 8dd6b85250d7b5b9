"""Every speed and memory figure of the app, each against its goal (issue 20).

Each suite runs in a process of its own (a Qt application, a database, reference data: nothing
carries over from one suite to the next) and hands its figures back as JSON. A figure is the median
of repeated runs, as a ratio against a baseline measured alternately in the same run where the issue
names one (bare QWizard, bare reportlab and python-docx documents, ``python -c "import sqlite3"``),
else in seconds. The table shows median, min and max, the goal and the verdict; ``--json`` writes
it all.

    python benchmarks/run.py                 # every figure, 7 runs each
    python benchmarks/run.py --check         # CI: fewer runs; fails when a figure passes its ceiling
    python benchmarks/run.py --only startup gui

``--check`` fails only on a REGRESSION: a figure above its ceiling, which sits well above the goal
(a noisy machine does not fail it) and far below what a real regression does (start-up at 5x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.common import Figure  # noqa: E402

# suite name -> module whose figures(runs) measures it
SUITES = {
    "startup": "benchmarks.startup",
    "cli": "benchmarks.cli",
    "documents": "benchmarks.documents",
    "gui": "benchmarks.gui",
}


def run_suite(name: str, runs: int) -> list[Figure]:
    module = SUITES[name]
    script = (
        "import dataclasses, json, sys\n"
        f"sys.path.insert(0, {str(HERE.parent)!r})\n"
        f"from {module} import figures\n"
        f"print('FIGURES' + json.dumps([dataclasses.asdict(f) for f in figures({runs})]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=HERE.parent
    )
    if result.returncode != 0:
        raise SystemExit(f"benchmark suite {name} failed:\n{result.stderr[-3000:]}")
    line = next(line for line in result.stdout.splitlines() if line.startswith("FIGURES"))
    return [Figure(**fields) for fields in json.loads(line[len("FIGURES") :])]


def _shown(figure: Figure, value: float) -> str:
    if figure.is_ratio:
        return f"{value:.2f}x"
    if figure.unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def table(figures: list[Figure]) -> str:
    lines = [
        "| figure | median | min | max | goal | CI ceiling | verdict |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for figure in figures:
        if figure.is_ratio:
            assert figure.baseline is not None
            base = statistics.median(figure.baseline)
            low, high = min(figure.samples) / base, max(figure.samples) / base
        else:
            low, high = min(figure.samples), max(figure.samples)
        cells = [figure.name, *(_shown(figure, value) for value in (figure.value, low, high))]
        cells += [f"<= {_shown(figure, figure.goal)}", _shown(figure, figure.ceiling), figure.verdict]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="repetitions per figure (default 7, with --check 5)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a figure passes its ceiling")
    parser.add_argument("--only", nargs="+", choices=sorted(SUITES), help="only these suites")
    parser.add_argument("--json", type=Path, help="write every figure with its samples here")
    args = parser.parse_args()
    runs = args.runs or (5 if args.check else 7)
    figures: list[Figure] = []
    for name in args.only or SUITES:
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        figures.extend(run_suite(name, runs))
    print(table(figures))
    machine = f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\n{dt.date.today().isoformat()}, {machine}, {runs} runs a figure")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "date": dt.datetime.now().isoformat(timespec="seconds"),
                    "machine": machine,
                    "runs": runs,
                    "figures": [figure.as_json() for figure in figures],
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    regressions = [figure for figure in figures if figure.verdict == "REGRESSION"]
    for figure in regressions:
        print(
            f"REGRESSION: {figure.name}: {_shown(figure, figure.value)} over the ceiling "
            f"{_shown(figure, figure.ceiling)}",
            file=sys.stderr,
        )
    return 1 if args.check and regressions else 0


if __name__ == "__main__":
    raise SystemExit(main())
