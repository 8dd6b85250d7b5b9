"""Errors the services raise, each carrying a message already translated for the user.

The CLI prints ``str(error)`` as its one line on stderr; the UI shows it beside the field or in a
message box. No Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the start path must not load the snapshots
    from compass.core.session import Problem


class CompassError(Exception):
    """Base class: ``str()`` is the user-facing message."""


class DatabaseOpenError(CompassError):
    """The database cannot be used: not ours, damaged, too new, or unreachable. Nothing was modified."""

    def __init__(self, message: str, location: str) -> None:
        super().__init__(message)
        self.location = location


class SessionNotFoundError(CompassError):
    def __init__(self, message: str, session_id: int) -> None:
        super().__init__(message)
        self.session_id = session_id


class ItemNotFoundError(CompassError):
    pass


class ValidationError(CompassError):
    """One or more problems with what the user entered; nothing was saved."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(problem.message for problem in problems))
        self.problems = tuple(problems)


class ReferenceDataError(CompassError):
    """A shipped or imported reference data file is invalid: names the file, the entry and the problem."""
