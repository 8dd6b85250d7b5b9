"""File > Restore a backup: choose one of the database's backups, confirm, and the app goes on with
the restored data (the services back up the current database first)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from compass.core.errors import CompassError
from compass.formatting import format_moment
from compass.i18n import _, current_language

if TYPE_CHECKING:
    from compass.core.backup import RestoreResult
    from compass.ui.service_access import ServiceAccess


class BackupActions(QObject):
    def __init__(
        self,
        window: QWidget,
        services: ServiceAccess,
        before_restore: Callable[[], None],
        after_restore: Callable[[str], None],
        report_error: Callable[[CompassError], None],
    ) -> None:
        """``before_restore`` lets go of what is shown of the current data (saves a field being typed,
        closes the session, clears the undo history); ``after_restore`` shows the restored data and
        gets a line saying what happened."""
        super().__init__(window)
        self._window, self._services = window, services
        self._before_restore, self._after_restore = before_restore, after_restore
        self._report_error = report_error
        self.restore_action = QAction(window)
        self.restore_action.triggered.connect(self.restore_backup)

    def retranslate_ui(self) -> None:
        self.restore_action.setText(_("&Restore a backup\u2026"))

    def restore_backup(self) -> None:
        from compass.ui.restore_dialog import ConfirmRestore, RestoreBackupDialog

        service = self._services.backups
        try:
            listed = service.list_backups()
        except CompassError as error:  # a database server: its own tools make the backups
            self._report_error(error)
            return
        if not listed:
            QMessageBox.information(
                self._window,
                _("Restore a backup"),
                _(
                    "There are no backups of {location} yet. The app makes one on the first use of "
                    "each day and before each upgrade."
                ).format(location=service.location),
            )
            return
        chosen = RestoreBackupDialog.ask(self._window, listed, service.location, service.keep)
        if chosen is None or not ConfirmRestore.ask(self._window, chosen, service.location):
            return
        self._before_restore()
        try:
            result = self._services.restore_backup(chosen.number)
        except CompassError as error:
            self._after_restore("")
            self._report_error(error)
            return
        self._after_restore(restored_message(result))


def restored_message(result: RestoreResult) -> str:
    moment = format_moment(result.restored.made_at, current_language(), seconds=True)
    text = _("Restored the backup of {moment}.").format(moment=moment)
    if result.previous_backup:
        text += " " + _("The database as it was is kept as a backup.")
    return text
