"""The summary: the whole strategy at a glance (facts, priority SDGs with their ambition and
indicators) and the open gaps, each linked to the step that fixes it."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import SessionSnapshot, SessionStatus
from compass.i18n import _, current_language
from compass.method.steps import Step, all_gaps
from compass.ui.commands import SetStatusCommand
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.pdf_export import PdfExporter

STEP_LINK = "step:"


class SummaryPage(StepPage):
    step = Step.SUMMARY

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title, self._intro = page_heading(layout)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        layout.addWidget(self.browser, 1)
        self.export_language = QComboBox()
        self.export_language.addItem("Nederlands", "nl")
        self.export_language.addItem("English", "en")
        self.export_button = QPushButton()
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.export_pdf)
        self.export_status = QLabel()
        self.export_status.setWordWrap(True)
        self.exporter = PdfExporter(self)
        self.exporter.started.connect(self._on_exporter_started)
        self.exporter.finished.connect(self._on_exporter_finished)
        self.exporter.failed.connect(self._on_exporter_failed)
        self.status_label = QLabel()
        self.status_button = QPushButton()
        self.status_button.clicked.connect(self._on_status_button_clicked)
        # Two rows: in one, the status and the export buttons were wider than the page at 200 %.
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label)
        status_row.addWidget(self.status_button)
        status_row.addStretch(1)
        layout.addLayout(status_row)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_status, 1)
        export_row.addWidget(self.export_language)
        export_row.addWidget(self.export_button)
        layout.addLayout(export_row)
        self.setFocusProxy(self.browser)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._title.setText(_("Summary"))
        self._intro.setText(
            _(
                "The strategy at a glance, and what is still open. Click a gap to go "
                "to the step that fixes it."
            )
        )
        self.browser.setAccessibleName(_("Summary of the session"))
        self.export_button.setText(_("E&xport as PDF or Word\u2026"))
        self.export_button.setToolTip(
            _(
                "The tender strategy document: a PDF to sign and file, or a Word file whose text and "
                "tables can be reused in the tender documents."
            )
        )
        self.export_language.setAccessibleName(_("Language of the document"))
        self.export_language.setToolTip(_("The language of the document; the app keeps its own language."))
        self.export_language.setCurrentIndex(max(0, self.export_language.findData(current_language())))
        self._show_status()
        if self.snapshot is not None:
            self.load(self.snapshot)

    def load(self, snapshot: SessionSnapshot) -> None:
        super().load(snapshot)
        self._show_status()
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.render_html(snapshot))
        self.browser.verticalScrollBar().setValue(scroll)

    def render_html(self, snapshot: SessionSnapshot) -> str:
        """The strategy document itself, as HTML: the same story the PDF and the Word file tell."""
        return self.context.files().strategy_html(snapshot, current_language())

    # -- status -------------------------------------------------------------------------------------

    def _show_status(self) -> None:
        final = self.snapshot is not None and self.snapshot.status is SessionStatus.FINAL
        status = SessionStatus.FINAL if final else SessionStatus.DRAFT
        self.status_label.setText(_("Status: {status}").format(status=status.label()))
        if final:
            self.status_button.setText(_("Re&open as draft"))
            self.status_button.setToolTip(
                _("Make changes again; the session follows its organisation profile again (Ctrl+Z undoes)")
            )
        else:
            self.status_button.setText(_("&Mark as final"))
            self.status_button.setToolTip(
                _(
                    "The strategy is decided: the organisation profile it was decided against is kept "
                    "with it, even when the profile changes later (Ctrl+Z undoes)"
                )
            )
        self.status_button.setEnabled(self.snapshot is not None)

    def _on_status_button_clicked(self) -> None:
        if self.snapshot is None:
            return
        old = self.snapshot.status
        new = SessionStatus.DRAFT if old is SessionStatus.FINAL else SessionStatus.FINAL
        gaps = [problem for _step, problem in all_gaps(self.snapshot)]
        if new is SessionStatus.FINAL and gaps:
            from compass.ui.confirm_final import ConfirmFinal  # loads when first asked

            if not ConfirmFinal.ask(self, gaps):
                return
        text = _("Mark as final") if new is SessionStatus.FINAL else _("Reopen as draft")
        self.run(SetStatusCommand(self.service(), self.session_id, old, new, text))

    # -- export -------------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        if self.snapshot is None or self.exporter.busy:
            return
        path = self.exporter.ask_path(self.snapshot)
        if path:
            self.exporter.export(
                self.snapshot, self.context.files(), str(self.export_language.currentData()), path
            )

    def _on_exporter_started(self) -> None:
        self.export_button.setEnabled(False)
        self.export_status.setText(_("Making the document\u2026"))

    def _on_exporter_finished(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.export_status.setText(_("Saved as {file}.").format(file=path))
        self.exporter.offer_to_open(path)

    def _on_exporter_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.export_status.setText(_("The document could not be made: {reason}").format(reason=message))

    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith(STEP_LINK):
            step, _, field = text[len(STEP_LINK) :].partition("#")
            self.context.go_to_problem(Step(step), field)
