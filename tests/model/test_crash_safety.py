"""Crash safety: a child process editing through the services is killed with SIGKILL at random
moments, again and again; the database stays intact and keeps every edit the child was told was saved.
The harness is ``crash_harness.py`` beside this file; it takes the database as a URL."""

from __future__ import annotations

import os
import sys

import pytest
from crash_harness import run_crash_rounds

# One SIGKILL each. Fewer on PostgreSQL: the server rolls back a dead client's transaction itself, and
# each round there costs twice as much (a server connection per child).
ROUNDS = {"sqlite": 60, "postgresql": 30}
if os.environ.get("CRASH_ROUNDS"):
    ROUNDS = dict.fromkeys(ROUNDS, int(os.environ["CRASH_ROUNDS"]))
SEED = int(os.environ["CRASH_SEED"]) if os.environ.get("CRASH_SEED") else None

pytestmark = [
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the harness forks its children"),
    pytest.mark.real_migrations,  # the children migrate for real (their own processes); so does the check
]


@pytest.fixture
def crash_database_url(blank_db_url: str) -> str:
    """A fresh, never migrated database per run: a SQLite file, and a PostgreSQL database when the
    suite has a server (the kills then fall on the server's client connections)."""
    return blank_db_url


def test_killed_children_leave_an_intact_database_with_every_acknowledged_edit(
    crash_database_url: str, db_backend: str
) -> None:
    rounds = ROUNDS[db_backend]
    report = run_crash_rounds(crash_database_url, rounds=rounds, seed=SEED)
    print(report, file=sys.stderr)
    assert report.kills == rounds, report
    assert report.acknowledged > 2 * rounds, report  # the kills fell among many edits (~250-350)
    assert report.items > 0 and report.sessions > 0, report
