"""The facilitator's window for the two SDG dialogues: the record, who takes part, the agenda and its
timer, the ideas from the room and the dot voting, for dialogue 1 or 2. Everything goes through the
session's undo history (Ctrl+Z works here too) and is saved at once. F5 opens the presenter view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import SessionSnapshot
from compass.i18n import _, current_language
from compass.ui.pages.base import PageContext
from compass.ui.pdf_export import PdfExporter
from compass.ui.workshop.agenda import AgendaPanel
from compass.ui.workshop.details import DetailsPanel
from compass.ui.workshop.ideas import IdeasPanel
from compass.ui.workshop.panel import WorkshopPanel
from compass.ui.workshop.panel_tabs import PanelTabs
from compass.ui.workshop.participants import ParticipantsPanel
from compass.ui.workshop.presenter import PresenterView
from compass.ui.workshop.run_state import WorkshopRun
from compass.ui.workshop.votes import VotesPanel


class WorkshopWindow(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.snapshot: SessionSnapshot | None = None
        self.run_state = WorkshopRun(parent=self)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)  # a long tender title made the window wider than a laptop at 200 %
        self.dialogue_bar = QTabBar()
        self.dialogue_bar.addTab("")
        self.dialogue_bar.addTab("")
        self.dialogue_bar.currentChanged.connect(self._dialogue_chosen)
        self.presenter_button = QPushButton()
        self.presenter_button.setObjectName("primary")
        self.presenter_button.clicked.connect(self.open_presenter)
        # The record on its own, to send to the participants after the session (issue 25).
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.export_record)
        self.record_exporter = PdfExporter(self, record=True)
        self.record_exporter.started.connect(lambda: self.record_button.setEnabled(False))
        self.record_exporter.finished.connect(self._on_record_saved)
        self.record_exporter.failed.connect(self._on_record_failed)
        # The two dialogues' long names above, the buttons under them: in one row the window was wider
        # than a laptop at 200 % (seen under Xvfb), its buttons off the screen.
        self.dialogue_bar.setUsesScrollButtons(True)
        self.dialogue_bar.setElideMode(Qt.TextElideMode.ElideRight)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.presenter_button)
        top = QVBoxLayout()
        top.addWidget(self.dialogue_bar)
        top.addLayout(buttons)
        self.details = DetailsPanel(context)
        self.participants = ParticipantsPanel(context)
        self.agenda = AgendaPanel(context, self.run_state)
        self.ideas = IdeasPanel(context)
        self.votes = VotesPanel(context)
        self.panels: list[WorkshopPanel] = [
            self.details,
            self.participants,
            self.agenda,
            self.ideas,
            self.votes,
        ]
        self.tabs = PanelTabs()
        for panel in self.panels:
            self.tabs.add_panel(panel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.presenter: PresenterView | None = None
        self._actions()
        self.retranslate_ui()
        room = self.screen().availableGeometry()
        self.resize(min(1100, room.width()), min(760, room.height()))

    def _actions(self) -> None:
        stack = self.context.undo_stack
        for keys, slot in (
            ([QKeySequence.StandardKey.Undo], stack.undo),
            ([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], stack.redo),
            ([QKeySequence(Qt.Key.Key_F5)], self.open_presenter),
            ([QKeySequence(Qt.Key.Key_F6)], self.run_state.start_or_pause),
            ([QKeySequence(Qt.Key.Key_F7)], self.run_state.extend),
            ([QKeySequence(Qt.Key.Key_F8)], self.agenda.next_item),
            ([QKeySequence("Ctrl+1")], lambda: self.dialogue_bar.setCurrentIndex(0)),
            ([QKeySequence("Ctrl+2")], lambda: self.dialogue_bar.setCurrentIndex(1)),
            ([QKeySequence("Ctrl+W")], self.close),
        ):
            action = QAction(self)
            action.setShortcuts(keys)  # type: ignore[arg-type]
            action.triggered.connect(slot)
            self.addAction(action)

    @property
    def dialogue(self) -> int:
        return self.dialogue_bar.currentIndex() + 1

    def retranslate_ui(self) -> None:
        self.dialogue_bar.setTabText(0, _("Dialogue &1: risks, opportunities, priorities"))
        self.dialogue_bar.setTabText(1, _("Dialogue &2: ambitions, indicators"))
        self.presenter_button.setText(_("Presenter view (F5)"))
        self.record_button.setText(_("E&xport the record..."))
        self.record_button.setToolTip(
            _("The record of the SDG dialogues on its own, as PDF or Word, to send to the participants")
        )
        self.presenter_button.setToolTip(
            _(
                "Show the agenda item, the SDGs and the dots on the projector; there F11 fills the "
                "screen and Escape closes it"
            )
        )
        for index, text in enumerate(
            (_("Record"), _("Participants"), _("Agenda and timer"), _("Ideas"), _("Dot voting"))
        ):
            self.tabs.setTabText(index, text)
        for panel in self.panels:
            panel.retranslate_ui()
        self._show_title()
        if self.presenter is not None:
            self.presenter.refresh()

    def export_record(self) -> None:
        if self.snapshot is None or self.record_exporter.busy:
            return
        path = self.record_exporter.ask_path(self.snapshot)
        if path:
            self.record_exporter.export(self.snapshot, self.context.files(), current_language(), path)

    def _on_record_saved(self, path: str) -> None:
        self.record_button.setEnabled(True)
        self.record_exporter.offer_to_open(path)

    def _on_record_failed(self, message: str) -> None:
        self.record_button.setEnabled(True)
        QMessageBox.warning(
            self,
            _("Export the dialogue record"),
            _("The document could not be made: {reason}").format(reason=message),
        )

    def load(self, snapshot: SessionSnapshot) -> None:
        self.snapshot = snapshot
        for panel in self.panels:
            panel.load(snapshot, self.dialogue)
        if self.presenter is not None:
            self.presenter.load(snapshot, self.dialogue)
        self._show_title()

    def _show_title(self) -> None:
        title = self.snapshot.facts.title if self.snapshot is not None else ""
        self.title.setText(_("SDG dialogues: {title}").format(title=title))
        self.setWindowTitle(_("SDG dialogues: {title}").format(title=title))

    def _dialogue_chosen(self, _index: int) -> None:
        self.run_state.show_item(None)  # another dialogue, another agenda
        if self.snapshot is not None:
            self.load(self.snapshot)

    def open_presenter(self) -> None:
        if self.presenter is None:
            self.presenter = PresenterView(self.context.reference, self.run_state)
        if self.snapshot is not None:
            self.presenter.load(self.snapshot, self.dialogue)
        self.presenter.show_on_room_screen(self)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.presenter is not None:
            self.presenter.close()
        super().closeEvent(event)
