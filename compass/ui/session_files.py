"""Importing and exporting sessions as exchange files from the File menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from compass.core.errors import CompassError, ValidationError
from compass.i18n import _
from compass.method.file_names import file_name_for
from compass.ui.last_folder import folder_for, remember_folder

if TYPE_CHECKING:
    from compass.ui.service_access import ServiceAccess

MAX_PROBLEMS_SHOWN = 12


class SessionFiles(QObject):
    def __init__(
        self,
        window: QWidget,
        services: ServiceAccess,
        current_session: Callable[[], int | None],
        open_session: Callable[[int], None],
        report_error: Callable[[CompassError], None],
    ) -> None:
        super().__init__(window)
        self._window, self._services = window, services
        self._current_session, self._open_session = current_session, open_session
        self._report_error = report_error
        self.import_action = QAction(window)
        self.import_action.triggered.connect(self.import_session)
        self.export_action = QAction(window)
        self.export_action.triggered.connect(self.export_session)

    def retranslate_ui(self) -> None:
        self.import_action.setText(_("&Import session\u2026"))
        self.export_action.setText(_("&Export session\u2026"))

    def ask_import_path(self) -> str:
        name, _filter = QFileDialog.getOpenFileName(
            self._window,
            _("Import a session"),
            str(folder_for("sessions")),
            _("Sessions (*.json);;All files (*)"),
        )
        remember_folder("sessions", name)
        return name

    def ask_export_path(self, title: str) -> str:
        """Where to save, proposed as the title made a safe name in the folder last used for sessions (a
        title such as ``/etc/cron.d/x`` is a name, never a folder)."""
        proposed = folder_for("sessions") / file_name_for(title, ".json", _("session"))
        name, _filter = QFileDialog.getSaveFileName(
            self._window, _("Export the session"), str(proposed), _("Sessions (*.json)")
        )
        remember_folder("sessions", name)
        return name

    def import_session(self) -> None:
        path = self.ask_import_path()
        if not path:
            return
        try:
            snapshot = self._services.files.import_session(path)
        except ValidationError as error:
            lines = [f"{p.field}: {p.message}" for p in error.problems[:MAX_PROBLEMS_SHOWN]]
            if len(error.problems) > MAX_PROBLEMS_SHOWN:
                lines.append(
                    _("\u2026 and {count} more.").format(count=len(error.problems) - MAX_PROBLEMS_SHOWN)
                )
            QMessageBox.warning(
                self._window,
                _("Import a session"),
                _("{file} was not imported; nothing was changed:").format(file=path)
                + "\n\n"
                + "\n".join(lines),
            )
            return
        except CompassError as error:
            self._report_error(error)
            return
        self._open_session(snapshot.id)

    def export_session(self) -> None:
        session_id = self._current_session()
        if session_id is None:
            return
        try:
            snapshot = self._services.sessions.get_session(session_id)
            path = self.ask_export_path(snapshot.facts.title)
            if path:
                self._services.files.export_session(session_id, path)
        except CompassError as error:
            self._report_error(error)
