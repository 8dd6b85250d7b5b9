"""Step 2: why an SDG is a priority (or why not), in the team's words, one SDG at a time. The reason
travels with the strategy into the summary and the document. The widget asks; the page turns its
signal into an undoable command."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from compass.core.codes import SHORT_TEXT_MAX_LENGTH
from compass.core.session import SessionSnapshot
from compass.i18n import _
from compass.method.priority_score import priority_order
from compass.reference.types import ReferenceData
from compass.ui.widgets.choices import SdgComboBox


class PriorityReasons(QWidget):
    reason_changed = Signal(int, str, str)  # sdg, old reason, new reason

    def __init__(self, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.sdg = SdgComboBox(reference)
        self.sdg.currentIndexChanged.connect(lambda _index: self._show_reason())
        self.reason = QLineEdit()
        self.reason.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.reason.editingFinished.connect(self._save)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addWidget(self.sdg, 1, 0)
        grid.addWidget(self.reason, 1, 1)
        grid.setColumnStretch(1, 1)
        self._snapshot: SessionSnapshot | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Why these priorities"))
        self.sdg.setAccessibleName(_("SDG of the reason"))
        self.sdg.setToolTip(_("The SDG whose priority you explain."))
        self.sdg.retranslate()
        self.reason.setAccessibleName(_("Reason for the priority"))
        self.reason.setPlaceholderText(_("why the team does or does not make this SDG a priority"))
        self.reason.setToolTip(
            _("In a sentence, for the summary and the tender strategy: saved when you leave the field.")
        )

    def load(self, snapshot: SessionSnapshot) -> None:
        self._snapshot = snapshot
        self.sdg.set_sdgs(priority_order(snapshot))  # as the table above lists them
        if not self.reason.hasFocus():  # never overwrite what is being typed
            self._show_reason()
        self.setEnabled(bool(snapshot.inventoried_sdgs()))

    def _stored(self, sdg: int) -> str:
        return self._snapshot.priority_for(sdg).focus_reason if self._snapshot else ""

    def _show_reason(self) -> None:
        sdg = self.sdg.current_sdg()
        self.reason.setText(self._stored(sdg) if sdg is not None else "")

    def _save(self) -> None:
        sdg = self.sdg.current_sdg()
        if sdg is None:
            return
        new, old = self.reason.text().strip(), self._stored(sdg)
        if new != old:
            self.reason_changed.emit(sdg, old, new)
