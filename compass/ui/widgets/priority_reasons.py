"""Step 2: why an SDG is a priority (or why not) and why it is this urgent, in the team's words, one
SDG at a time. Both travel with the strategy into the summary and the document. The widget asks; the
page turns its signal into an undoable command."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from compass.core.codes import SHORT_TEXT_MAX_LENGTH
from compass.core.session import SessionSnapshot
from compass.i18n import _
from compass.method.priority_score import priority_order
from compass.reference.types import ReferenceData
from compass.ui.widgets.choices import SdgComboBox

# The priority fields this widget edits: the team's reason, and the note behind the urgency.
REASON, URGENCY_NOTE = "focus_reason", "urgency_note"


class PriorityReasons(QWidget):
    reason_changed = Signal(int, str, str, str)  # sdg, field, old text, new text

    def __init__(self, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.sdg = SdgComboBox(reference)
        self.sdg.currentIndexChanged.connect(lambda _index: self._show_texts())
        self.reason = QLineEdit()
        self.urgency_note = QLineEdit()
        self._editors = {REASON: self.reason, URGENCY_NOTE: self.urgency_note}
        for field, editor in self._editors.items():
            editor.setMaxLength(SHORT_TEXT_MAX_LENGTH)
            editor.editingFinished.connect(lambda f=field: self._save(f))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.heading, 0, 0, 1, 3)
        grid.addWidget(self.sdg, 1, 0)
        grid.addWidget(self.reason, 1, 1)
        grid.addWidget(self.urgency_note, 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
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
        self.urgency_note.setAccessibleName(_("Note on the urgency"))
        self.urgency_note.setPlaceholderText(_("why this urgency"))
        self.urgency_note.setToolTip(
            _("What the urgency rests on (a monitor, a local figure): saved when you leave the field.")
        )

    def load(self, snapshot: SessionSnapshot) -> None:
        self._snapshot = snapshot
        self.sdg.set_sdgs(priority_order(snapshot))  # as the table above lists them
        self._show_texts()
        self.setEnabled(bool(snapshot.inventoried_sdgs()))

    def _stored(self, sdg: int, field: str) -> str:
        return str(getattr(self._snapshot.priority_for(sdg), field)) if self._snapshot else ""

    def _show_texts(self) -> None:
        sdg = self.sdg.current_sdg()
        for field, editor in self._editors.items():
            if not editor.hasFocus():  # never overwrite what is being typed
                editor.setText(self._stored(sdg, field) if sdg is not None else "")

    def _save(self, field: str) -> None:
        sdg = self.sdg.current_sdg()
        if sdg is None:
            return
        new, old = self._editors[field].text().strip(), self._stored(sdg, field)
        if new != old:
            self.reason_changed.emit(sdg, field, old, new)
