"""Errors the services raise, each carrying a message already translated for the user.

The CLI prints ``str(error)`` as its one line on stderr; the UI shows it beside the field or in a
message box. No Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING

from compass.i18n import _

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


class StorageProblem(Enum):
    """Why a database cannot be written (codes; the words are made where they are shown)."""

    READ_ONLY_FILE = "read_only_file"  # the file itself may not be written
    READ_ONLY_FOLDER = "read_only_folder"  # SQLite cannot create its journal files beside the file
    DISK_FULL = "disk_full"
    OPENED_READ_ONLY = "opened_read_only"  # the user chose to open it read-only
    NEW_IN_READ_ONLY_FOLDER = "new_in_read_only_folder"  # a new file cannot be created there


class StorageError(CompassError):
    """The database or its folder cannot be written: read-only or full. Nothing was changed.

    Carries a code and its parameters; ``str()`` puts them into words in the language of the moment.
    ``can_open_read_only`` says whether opening the same database read-only would work."""

    def __init__(self, problem: StorageProblem, location: str, folder: str = "") -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.location = location
        self.folder = folder

    @property
    def can_open_read_only(self) -> bool:
        return self.problem in (StorageProblem.READ_ONLY_FILE, StorageProblem.READ_ONLY_FOLDER)

    def __str__(self) -> str:
        location, folder = self.location, self.folder
        if self.problem is StorageProblem.READ_ONLY_FILE:
            text = _(
                "The database {location} is read-only, so no change can be saved in it; nothing was "
                "changed. It can be opened read-only to browse and export; to make changes, copy it to "
                "a folder where you can write and open the copy."
            )
        elif self.problem is StorageProblem.READ_ONLY_FOLDER:
            text = _(
                "The database {location} cannot be changed: its folder {folder} is read-only, and "
                "SQLite must create its journal files beside the database. Nothing was changed. It can "
                "be opened read-only to browse and export; to make changes, move it to a folder where "
                "you can write."
            )
        elif self.problem is StorageProblem.DISK_FULL:
            text = _(
                "The disk holding the database {location} is full; nothing was changed. Free some "
                "space on that disk and try again, or move the database to another disk."
            )
        elif self.problem is StorageProblem.OPENED_READ_ONLY:
            text = _(
                "The database {location} is open read-only: this change was not saved. To make "
                "changes, copy it to a folder where you can write and open the copy."
            )
        else:
            text = _(
                "Cannot create the database {location}: its folder {folder} is read-only. Choose "
                "another location (--db or COMPASS_DB)."
            )
        return text.format(location=location, folder=folder)


class BackupError(CompassError):
    """A backup could not be listed, made or restored; the message says why and what to do."""


class ConflictError(CompassError):
    """Another desk changed the same thing since this desk read it: nothing was saved. ``field`` names
    what (a fact, or an item's field), ``theirs`` is the value now stored, ``yours`` the one this desk
    wanted; the UI shows both and lets the user choose."""

    def __init__(self, field: str, theirs: object, yours: object, what: str = "") -> None:
        """``what``: the field's name as the user sees it, untranslated (``field_labels``)."""
        what = _(what) if what else ""
        shown = in_words(theirs)
        super().__init__(
            _(
                "Another desk changed \u201c{what}\u201d to \u201c{theirs}\u201d while you were "
                "editing; nothing was saved."
            ).format(
                what=what or _("this field"), theirs=shown if len(shown) <= 80 else shown[:77] + "\u2026"
            )
        )
        self.field = field
        self.theirs = theirs
        self.yours = yours
        self.what = what or _("this field")


def in_words(value: object) -> str:
    """A stored value as the user reads it: a code by its label, yes or no, a dash for nothing."""
    if value is None or value == "":
        return "\u2013"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    label = getattr(value, "label", None)
    if callable(label):
        return str(label())
    return str(value)
