"""Use cases the UI and the CLI call: one database transaction per call, snapshots out.

``sessions`` owns procurement sessions and their step data; ``profiles`` owns organisation
profiles; ``files`` reads and writes the user's files through both; ``backups`` lists, makes and
restores backups of the database file. ``open_services`` wires them to one database and makes the
day's backup; the app and the CLI are its only callers.

The service classes load when first asked for (PEP 562): ``compass backup list`` needs only
``backups``, which never opens the database, and must not pay for SQLAlchemy (about 0.2 s).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from compass.core.errors import BackupError

if TYPE_CHECKING:
    from compass.model.database import Database
    from compass.reference.types import ReferenceData
    from compass.services.backups import BackupService, Clock
    from compass.services.files import FileService
    from compass.services.profiles import ProfileService
    from compass.services.sessions import SessionService

_HOMES = {
    "BackupService": "compass.services.backups",
    "FileService": "compass.services.files",
    "ProfileService": "compass.services.profiles",
    "SessionService": "compass.services.sessions",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


__all__ = [
    "BackupService",
    "FileService",
    "ProfileService",
    "Services",
    "SessionService",
    "open_services",
]


@dataclass
class Services:
    database: Database
    sessions: SessionService
    profiles: ProfileService
    files: FileService
    backups: BackupService
    backup_problem: BackupError | None = None  # the day's backup failed: say so, keep working

    def close(self) -> None:
        """Let go of the database; a SQLite file is checkpointed first, so it is whole on its own."""
        try:
            self.database.checkpoint()
        finally:
            self.database.dispose()

    def daily_backup(self) -> None:
        """The day's backup, if not made yet; a failure is kept to be shown, never raised."""
        try:
            self.backups.daily_backup_if_due()
        except BackupError as error:
            self.backup_problem = error


def open_services(
    url: str, reference: ReferenceData, *, read_only: bool = False, clock: Clock | None = None
) -> Services:
    """Open (and migrate) the database at ``url``; a database without profiles gets the examples.
    The first opening or change of a day backs the database up (not a new one that day, nor one
    opened read-only)."""
    from compass.model.database import open_database
    from compass.services.backups import BackupService
    from compass.services.files import FileService
    from compass.services.profiles import ProfileService
    from compass.services.sessions import SessionService

    database = open_database(url, read_only=read_only, clock=clock)
    known_criteria = frozenset(criterion.id for criterion in reference.criteria)
    sessions = SessionService(database, reference)
    profiles = ProfileService(database, known_criteria)
    files = FileService(sessions, profiles, reference)
    services = Services(database, sessions, profiles, files, BackupService(url, clock))
    if read_only:
        return services
    try:
        services.profiles.install_examples()
    except BaseException:
        database.dispose()
        raise
    if services.backups.supported:
        if database.created:
            services.backups.skip_today()
        services.daily_backup()
        sessions.add_listener(lambda _changed: services.daily_backup())
    return services
