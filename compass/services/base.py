"""What every service shares: the database, one transaction per call with a user-readable error (a
read-only or full disk is named as such, ``StorageError``), and the one change notification
(listeners get the id of what changed)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from compass.core.errors import CompassError, StorageError, StorageProblem
from compass.i18n import _
from compass.model.database import Database
from compass.model.storage import storage_problem_of

ChangeListener = Callable[[int], None]


class ServiceBase:
    def __init__(self, database: Database) -> None:
        self._database = database
        self._listeners: list[ChangeListener] = []

    @property
    def location(self) -> str:
        return self._database.location

    def add_listener(self, listener: ChangeListener) -> None:
        self._listeners.append(listener)

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        try:
            with self._database.session_factory.begin() as db:
                yield db
        except SQLAlchemyError as error:
            problem = storage_problem_of(error)
            if problem is not None:
                if self._database.read_only:
                    problem = StorageProblem.OPENED_READ_ONLY
                raise StorageError(problem, self._database.location, self._database.folder) from error
            detail = str(getattr(error, "orig", None) or error).splitlines()[0]
            raise CompassError(
                _("The database {location} could not save the change: {detail}").format(
                    location=self._database.location, detail=detail
                )
            ) from error

    def _changed(self, changed_id: int) -> None:
        for listener in list(self._listeners):
            listener(changed_id)
