"""When two desks edit one session: a change carries the value it was based on, field by field, and
is refused only when that very field has changed since (another desk's edit of another field, item
or fact goes through). No database here; the services apply it inside their transaction."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any


def same_value(stored: Any, expected: Any) -> bool:
    """Equal as the user sees it: 2.0 and 2 are one amount; surrounding blanks of a text do not
    count (the services strip what they store)."""
    if isinstance(stored, Decimal | int) and isinstance(expected, Decimal | int):
        return Decimal(stored) == Decimal(expected)
    if isinstance(stored, str) and isinstance(expected, str):
        return stored.strip() == expected.strip()
    if isinstance(stored, tuple | list) and isinstance(expected, tuple | list):
        return tuple(stored) == tuple(expected)
    return stored == expected


def first_conflict(stored: Mapping[str, Any], expected: Mapping[str, Any]) -> str | None:
    """The first field whose stored value is no longer the one the change was based on."""
    for field, value in expected.items():
        if field in stored and not same_value(stored[field], value):
            return field
    return None
