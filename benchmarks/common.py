"""What every benchmark shares: a figure (samples, goal, ceiling, verdict), alternating measurement
against a baseline, and timing a whole process with its peak memory.

A figure is either a ratio (its samples against a baseline measured alternately in the same run, so a
busy machine slows both alike) or an absolute time in seconds. The goal is what we promise; the
ceiling is what CI refuses (``run.py --check``): well above the goal, so a noisy machine does not fail
it, far below what a real regression does.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass
class Figure:
    """One measured figure. ``samples`` (and ``baseline``) are seconds, or MiB for memory."""

    key: str
    name: str
    samples: list[float]
    goal: float
    ceiling: float
    baseline: list[float] | None = None
    baseline_name: str = ""
    unit: str = "s"
    notes: list[str] = field(default_factory=list)

    @property
    def is_ratio(self) -> bool:
        return self.baseline is not None

    @property
    def value(self) -> float:
        """The ratio of the medians, or the median itself."""
        median = statistics.median(self.samples)
        if self.baseline is None:
            return median
        return median / statistics.median(self.baseline)

    @property
    def verdict(self) -> str:
        if self.value <= self.goal:
            return "OK"
        return "over goal" if self.value <= self.ceiling else "REGRESSION"

    def as_json(self) -> dict[str, object]:
        def stats(values: list[float] | None) -> dict[str, float] | None:
            if not values:
                return None
            return {
                "median": statistics.median(values),
                "min": min(values),
                "max": max(values),
                "runs": len(values),
            }

        return {
            "key": self.key,
            "name": self.name,
            "unit": self.unit,
            "value": self.value,
            "ratio": self.is_ratio,
            "goal": self.goal,
            "ceiling": self.ceiling,
            "verdict": self.verdict,
            "samples": stats(self.samples),
            "baseline": stats(self.baseline),
            "baseline_name": self.baseline_name,
            "notes": self.notes,
        }


def alternate(
    measure: Callable[[], float], baseline: Callable[[], float], runs: int
) -> tuple[list[float], list[float]]:
    """``runs`` samples of each, taken in turn, after one warm-up of each (file cache, byte code)."""
    measure(), baseline()
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(measure())
        theirs.append(baseline())
    return ours, theirs


def repeat(measure: Callable[[], float], runs: int, warm_up: int = 1) -> list[float]:
    for _ in range(warm_up):
        measure()
    return [measure() for _ in range(runs)]


@dataclass
class ProcessRun:
    seconds: float
    peak_rss_mib: float
    stdout: bytes = b""


def run_process(
    command: list[str], env: dict[str, str], *, stdout: int | None = subprocess.DEVNULL
) -> ProcessRun:
    """Start to exit of a whole process, and its peak resident memory."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=stdout, stderr=subprocess.PIPE)
    output = child.stdout.read() if child.stdout is not None else b""
    error = child.stderr.read() if child.stderr is not None else b""
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited with {code}: {error.decode(errors='replace')[-500:]}"
        )
    return ProcessRun(elapsed, usage.ru_maxrss / 1024, output)


@contextmanager
def fresh_user() -> Iterator[dict[str, str]]:
    """The environment of a new user in a throw-away home: the app's default SQLite database, no
    remembered session, offscreen Qt, byte-compiled modules (as ``pip install`` leaves them)."""
    with tempfile.TemporaryDirectory(prefix="compass-bench-") as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": home,
            "XDG_DATA_HOME": f"{home}/data",
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_CACHE_HOME": f"{home}/cache",
        }
        env.pop("COMPASS_DB", None)
        env.pop("COMPASS_QUIT_AFTER_FIRST_PAINT", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        yield env


def python() -> str:
    return sys.executable


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
