"""Plain-data helpers for the method's tests: snapshots built by hand, no database, no Qt."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from compass.core.session import ProjectFacts, SessionSnapshot, SessionStatus

MOMENT = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC)


def _snapshot(
    title: str = "Catering stadhuis", facts: dict[str, Any] | None = None, **parts: Any
) -> SessionSnapshot:
    """A session as the services would return it, with only what a test names."""
    return SessionSnapshot(
        id=1,
        facts=ProjectFacts(title=title, **(facts or {})),
        status=SessionStatus.DRAFT,
        quality_weight_pct=parts.pop("quality_weight_pct", Decimal(100)),
        created_at=MOMENT,
        updated_at=MOMENT,
        **parts,
    )


@pytest.fixture
def snapshot():
    """Builds a session snapshot by hand: ``snapshot(inventory=(...), profile=...)``."""
    return _snapshot
