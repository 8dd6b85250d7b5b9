"""Exporting the tender strategy document from the app, as PDF or as Word: a file dialog, the
rendering on a worker thread (the window stays responsive), feedback in the status line, and the file
opened on request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from compass.core.errors import CompassError
from compass.core.session import SessionSnapshot
from compass.i18n import _
from compass.method.file_names import file_name_for
from compass.ui.last_folder import folder_for, remember_folder

if TYPE_CHECKING:
    from compass.services import FileService


def with_extension(name: str, *, word: bool) -> str:
    """The name as typed when it says its format, else with the extension of the chosen filter."""
    if name.lower().endswith((".pdf", ".docx")):
        return name
    return name + (".docx" if word else ".pdf")


class _Signals(QObject):
    finished = Signal(str)  # path
    failed = Signal(str)  # message


class _RenderJob(QRunnable):
    def __init__(
        self,
        snapshot: SessionSnapshot,
        files: FileService,
        language: str,
        path: str,
        signals: _Signals,
        record: bool = False,
    ) -> None:
        super().__init__()
        self.snapshot, self.files, self.language = snapshot, files, language
        self.path, self.signals, self.record = path, signals, record

    def run(self) -> None:
        try:
            if self.record:
                self.files.export_dialogue_record(self.snapshot, self.path, self.language)
            else:
                self.files.export_strategy(self.snapshot, self.path, self.language)
        except CompassError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a worker must report, never crash the app
            from compass.fault_log import record_fault

            log = record_fault(error, context=f"exporting the tender strategy to {self.path}")
            self.signals.failed.emit(
                _("{error} (details in {path})").format(error=f"{type(error).__name__}: {error}", path=log)
            )
        else:
            self.signals.finished.emit(self.path)


class PdfExporter(QObject):
    """One export at a time; ``started``/``finished``/``failed`` let the page show progress."""

    started = Signal()
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget, *, record: bool = False) -> None:
        """``record``: the record of the SDG dialogues on its own instead of the tender strategy."""
        super().__init__(parent)
        self._parent = parent
        self._record = record
        self._signals = _Signals()
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self.busy = False

    def suggested_name(self, title: str) -> str:
        return file_name_for(title, ".pdf", _("dialogue record") if self._record else _("tender strategy"))

    def _title(self) -> str:
        return _("Export the dialogue record") if self._record else _("Export the tender strategy")

    def ask_path(self, snapshot: SessionSnapshot) -> str | None:
        """Where to save, and by its extension which format: PDF to sign, Word to reuse the text."""
        pdf, word = _("PDF documents (*.pdf)"), _("Word documents (*.docx)")
        name, chosen = QFileDialog.getSaveFileName(
            self._parent,
            self._title(),
            str(folder_for("documents") / self.suggested_name(snapshot.facts.title)),
            f"{pdf};;{word}",
        )
        remember_folder("documents", name)
        return with_extension(name, word=chosen == word) if name else None

    def export(self, snapshot: SessionSnapshot, files: FileService, language: str, path: str) -> None:
        if self.busy:
            return
        self.busy = True
        self.started.emit()
        job = _RenderJob(snapshot, files, language, path, self._signals, self._record)
        QThreadPool.globalInstance().start(job)

    def _on_finished(self, path: str) -> None:
        self.busy = False
        self.finished.emit(path)

    def _on_failed(self, message: str) -> None:
        self.busy = False
        self.failed.emit(message)

    def offer_to_open(self, path: str) -> None:
        saved = (
            _("The dialogue record was saved as {file}. Open it now?")
            if self._record
            else _("The tender strategy was saved as {file}. Open it now?")
        )
        answer = QMessageBox.question(self._parent, self._title(), saved.format(file=path))
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
