"""What the UI needs of the running app's services. The composition root (``compass.app``) provides
it and opens the database on first use; the UI depends on this description only, never on the root.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # annotations only: the services load SQLAlchemy, after the first paint
    from compass.core.backup import RestoreResult
    from compass.core.errors import CompassError
    from compass.reference.types import ReferenceData
    from compass.services import BackupService, FileService, ProfileService, SessionService


class ServiceAccess(Protocol):
    read_only: bool  # opened read-only: browsing and export work, edits are refused

    @property
    def reference(self) -> ReferenceData: ...

    @property
    def sessions(self) -> SessionService: ...

    @property
    def profiles(self) -> ProfileService: ...

    @property
    def files(self) -> FileService: ...

    @property
    def backups(self) -> BackupService: ...

    @property
    def backup_problem(self) -> CompassError | None: ...

    def restore_backup(self, number: int) -> RestoreResult: ...

    def add_listener(self, listener: Callable[[int], None]) -> None: ...

    def others_changed(self) -> bool: ...

    def close(self) -> None: ...
