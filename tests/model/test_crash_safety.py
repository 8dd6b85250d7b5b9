"""Crash safety: a child process editing through the services is killed with SIGKILL at random
moments, again and again; the database stays intact and keeps every edit the child was told was saved.
The harness is ``crash_harness.py`` beside this file; it takes the database as a URL."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from crash_harness import run_crash_rounds

ROUNDS = int(os.environ.get("CRASH_ROUNDS", "60"))  # one SIGKILL each
SEED = int(os.environ["CRASH_SEED"]) if os.environ.get("CRASH_SEED") else None

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the harness forks its children")


@pytest.fixture(params=["sqlite"])
def crash_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database per run; another kind of database is one more parameter here."""
    return f"sqlite:///{(tmp_path / 'crash.sqlite3').as_posix()}"


def test_killed_children_leave_an_intact_database_with_every_acknowledged_edit(
    crash_database_url: str,
) -> None:
    report = run_crash_rounds(crash_database_url, rounds=ROUNDS, seed=SEED)
    print(report, file=sys.stderr)
    assert report.kills == ROUNDS, report
    assert report.acknowledged > 2 * ROUNDS, report  # the kills fell among many edits (~250-350)
    assert report.items > 0 and report.sessions > 0, report
