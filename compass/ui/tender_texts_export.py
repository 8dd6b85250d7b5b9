"""Exporting the tender texts of a session from the File menu: its requirements, criteria and
conditions as a Word file to paste into the tender documents. The save dialog proposes a name made
from the title and asks the document's language through its two file types (Dutch, English), the
app's language chosen first. The file is small: it is made at once, under a busy cursor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from compass.core.errors import CompassError
from compass.i18n import _, current_language
from compass.method.file_names import MAX_STEM_BYTES, clean_stem, file_name_for
from compass.ui.last_folder import folder_for, remember_folder

if TYPE_CHECKING:
    from compass.ui.service_access import ServiceAccess

EXTENSION = ".docx"


def suggested_name(title: str) -> str:
    """``<title> - tender texts.docx``: beside the strategy's ``<title>.docx`` in the same folder,
    never over it. A long title is shortened so the words after it stay."""
    words = clean_stem(_("tender texts")) or "tender texts"
    room = MAX_STEM_BYTES - len(f" - {words}".encode())
    stem = clean_stem(clean_stem(title).encode("utf-8")[:room].decode("utf-8", errors="ignore"))
    return file_name_for(f"{stem} - {words}" if stem else words, EXTENSION, words)


def with_docx(name: str) -> str:
    return name if name.lower().endswith(EXTENSION) else name + EXTENSION


class TenderTextsExport(QObject):
    """The File menu's action for the selected or open session."""

    def __init__(
        self,
        window: QWidget,
        services: ServiceAccess,
        current_session: Callable[[], int | None],
        report_error: Callable[[CompassError], None],
        show_message: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window, self._services = window, services
        self._current_session, self._report_error = current_session, report_error
        self._show_message = show_message
        self.action = QAction(window)
        self.action.triggered.connect(self.export)

    def retranslate_ui(self) -> None:
        self.action.setText(_("Export &tender texts (Word)\u2026"))
        self.action.setToolTip(
            _(
                "The requirements, suitability requirements, selection and award criteria, contract "
                "conditions and innovation-oriented questions as a Word file, grouped by the tender "
                "document they go into."
            )
        )

    def file_types(self) -> dict[str, str]:
        """The dialog's file types, each naming the document's language."""
        return {
            "nl": _("Word document in Dutch (*.docx)"),
            "en": _("Word document in English (*.docx)"),
        }

    def ask_path(self, title: str) -> tuple[str, str] | None:
        """Where to save and in which language, or None when the user cancels."""
        types = self.file_types()
        first = types.get(current_language(), types["en"])
        name, chosen = QFileDialog.getSaveFileName(
            self._window,
            _("Export the tender texts"),
            str(folder_for("documents") / suggested_name(title)),
            ";;".join(types.values()),
            first,
        )
        remember_folder("documents", name)
        if not name:
            return None
        language = next((code for code, words in types.items() if words == chosen), current_language())
        return with_docx(name), language

    def export(self) -> None:
        session_id = self._current_session()
        if session_id is None:
            return
        try:
            snapshot = self._services.sessions.get_session(session_id)
            asked = self.ask_path(snapshot.facts.title)
            if asked is None:
                return
            path, language = asked
            from PySide6.QtCore import Qt  # its first use builds all its enums: not on the start path

            from compass.services.tender_texts import export_tender_texts  # python-docx on first use

            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                export_tender_texts(snapshot, self._services.reference, path, language)
            finally:
                QApplication.restoreOverrideCursor()
        except CompassError as error:
            self._report_error(error)
            return
        self._show_message(_("Saved as {file}.").format(file=path))
