"""Who answers when another desk changed the same field: the main window installs its question,
tests a stub. Its own small module, so the main window can install it at start-up without loading
the undo commands (and through them the services) before the first paint."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compass.core.errors import ConflictError

ConflictChooser = Callable[["ConflictError"], bool]
_chooser: ConflictChooser | None = None


def choose_on_conflict(chooser: ConflictChooser | None) -> None:
    """How the app asks the user, when another desk changed the same field: True overwrites it with
    this desk's value, False keeps theirs."""
    global _chooser
    _chooser = chooser


def current_chooser() -> ConflictChooser | None:
    return _chooser
