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
from compass.model.watch import announce_change

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
    def _transaction(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction. ``write``: it reads what it is about to change (a value to compare, a
        sum to check), so on SQLite it takes the write lock first (BEGIN IMMEDIATE): another desk's
        commit cannot land between the read and the write. PostgreSQL locks the rows it reads for
        update where that matters."""
        try:
            with self._database.session_factory.begin() as db:
                if write and db.get_bind().dialect.name == "sqlite" and not self._database.read_only:
                    db.connection().exec_driver_sql("BEGIN IMMEDIATE")
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

    def announce(self, changed_id: int) -> None:
        """Tell this desk's listeners to show ``changed_id`` again (another desk changed it, or a
        change was refused and the view should show what is stored)."""
        self._notify(changed_id)

    def _changed(self, changed_id: int) -> None:
        announce_change(self._database.engine, changed_id)  # the other desks (PostgreSQL)
        self._notify(changed_id)

    def _notify(self, changed_id: int) -> None:
        for listener in list(self._listeners):
            listener(changed_id)
