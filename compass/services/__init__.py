"""Use cases the UI and the CLI call: one database transaction per call, snapshots out.

``sessions`` owns procurement sessions and their step data; ``profiles`` owns organisation
profiles; ``files`` reads and writes the user's files through both. ``open_services`` wires
them to one database; the app and the CLI are its only callers.
"""

from __future__ import annotations

from dataclasses import dataclass

from compass.model.database import Database, open_database
from compass.reference.types import ReferenceData
from compass.services.files import FileService
from compass.services.profiles import ProfileService
from compass.services.sessions import SessionService

__all__ = [
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

    def close(self) -> None:
        self.database.dispose()


def open_services(url: str, reference: ReferenceData) -> Services:
    """Open (and migrate) the database at ``url``; a database without profiles gets the examples."""
    database = open_database(url)
    known_criteria = frozenset(criterion.id for criterion in reference.criteria)
    sessions = SessionService(database, reference)
    profiles = ProfileService(database, known_criteria)
    services = Services(database, sessions, profiles, FileService(sessions, profiles, reference))
    services.profiles.install_examples()
    return services
