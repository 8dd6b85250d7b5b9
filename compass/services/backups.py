"""Backups of the database: list them, make the day's backup, restore one (decision 009).

Works on the database's file alone (``compass.model.backups``) and never opens it through SQLAlchemy,
so a database that cannot be opened can still be restored. A restore needs the caller to have closed
its own engine first (``AppServices.restore_backup``, the CLI never opened one). For a database
server there are no backups of ours: the server's own tools (pg_dump) do that, and every call says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from compass.core.backup import BackupSummary, RestoreResult
from compass.core.errors import BackupError, StorageError
from compass.i18n import _
from compass.model import backups
from compass.model.location import display_location
from compass.model.sqlite_probe import FileState, probe_sqlite_file
from compass.model.storage import storage_problem_of, write_problem
from compass.paths import sqlite_file_of

Clock = Callable[[], dt.datetime]


def utc_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class BackupService:
    keep = backups.KEEP  # how many backups of a database are kept

    def __init__(self, url: str, clock: Clock | None = None) -> None:
        self._url = url
        self._path = sqlite_file_of(url)
        self._clock = clock or utc_clock
        self.location = display_location(url)
        self._checked_day: dt.date | None = None  # the user's day whose backup was seen to

    @property
    def supported(self) -> bool:
        """Whether this app makes the backups (a SQLite file); a server's are made by its own tools."""
        return self._path is not None

    def _file(self) -> Path:
        if self._path is not None:
            return self._path
        if self._url.startswith("postgres"):
            raise BackupError(
                _(
                    "The PostgreSQL database {location} is backed up and restored with the server's "
                    "own tools (pg_dump and pg_restore), not by this app; ask whoever runs the server."
                ).format(location=self.location)
            )
        raise BackupError(
            _(
                "Only a database in a SQLite file is backed up by this app; {location} is not one. "
                "Use the database's own backup tools."
            ).format(location=self.location)
        )

    def list_backups(self) -> list[BackupSummary]:
        """Newest first (in the order they were made, whatever the clock said), numbered from 1."""
        now = self._clock()
        return [
            BackupSummary(
                number,
                found.made_at,
                found.reason,
                found.size,
                str(found.path),
                dated_in_the_future=found.from_the_future(now),
            )
            for number, found in enumerate(backups.list_backups(self._file()), start=1)
        ]

    def skip_today(self) -> None:
        """No daily backup today (a database just created has nothing to keep yet)."""
        self._checked_day = self._clock().astimezone().date()

    def daily_backup_if_due(self) -> BackupSummary | None:
        """The first backup of the user's day, unless one was made today already. Cheap when it was
        seen to today already: it is asked after every change, so an app left open overnight makes
        the next day's backup with the next day's first edit. A failure is not retried that day."""
        now = self._clock()
        today = now.astimezone().date()
        if self._checked_day == today:
            return None
        self._checked_day = today
        path = self._file()
        if not path.exists() or not backups.daily_backup_due(path, now):
            return None
        made = backups.make_backup(path, "daily", now)
        return BackupSummary(1, made.made_at, made.reason, made.size, str(made.path))

    def restore(self, number: int) -> RestoreResult:
        """Replace the database with backup ``number`` of ``list_backups``. The database as it was is
        backed up first (or, if it cannot be read, moved into the backups folder): nothing is lost."""
        path = self._file()
        listed = self.list_backups()
        if not 1 <= number <= len(listed):
            raise BackupError(
                _("There is no backup {number} of {location}; there are {count}.").format(
                    number=number, location=self.location, count=len(listed)
                )
            )
        chosen = listed[number - 1]
        revision = backups.check_backup(Path(chosen.file))
        from compass.model.migrate import known_revisions  # Alembic on demand

        if revision not in known_revisions():
            raise BackupError(
                _(
                    "The backup {file} was made by a newer version of the app; update the app to "
                    "restore it. Nothing was changed."
                ).format(file=chosen.file)
            )
        problem = write_problem(path)
        if problem is not None:
            raise StorageError(problem, self.location, str(path.parent))
        now = self._clock()
        previous = set_aside = None
        state = probe_sqlite_file(path).state
        if state is FileState.OURS:
            previous = str(backups.make_backup(path, "before-restore", now, keep=None).path)
        elif state in (FileState.DAMAGED, FileState.FOREIGN):
            set_aside = str(backups.set_aside(path, now))
        try:
            backups.copy_into(Path(chosen.file), path)
        except Exception as error:
            found = storage_problem_of(error)
            if found is not None:
                raise StorageError(found, self.location, str(path.parent)) from error
            if not Path(chosen.file).is_file():  # gone since it was checked: another desk pruned it
                backups.check_backup(Path(chosen.file))
            raise
        backups.prune(path)
        return RestoreResult(chosen, previous, set_aside)
