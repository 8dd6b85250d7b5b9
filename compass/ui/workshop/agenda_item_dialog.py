"""Correcting an agenda item (F2 on its row): its title, question and planned minutes, in one dialog
and one undo step. Enter on a row puts the item on screen; F2 did that too (issue 25)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from compass.core.session import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, AgendaItem
from compass.i18n import _
from compass.method.dialogues import MAX_PLANNED_MINUTES
from compass.ui.correction_dialog import CorrectionDialog
from compass.ui.widgets.field import FieldWithMessage


class AgendaItemDialog(CorrectionDialog):
    def __init__(self, item: AgendaItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Agenda item"))
        self.item = item
        self.title = QLineEdit(item.title)
        self.title.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.title_field = FieldWithMessage(self.title)
        self.question = QLineEdit(item.question)
        self.question.setMaxLength(LONG_TEXT_MAX_LENGTH)
        self.question.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 50)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_PLANNED_MINUTES)
        self.minutes.setValue(item.planned_minutes)
        self._lay_out(
            (
                (_("&Item"), self.title_field),
                (_("&Question to the room"), self.question),
                (_("&Minutes"), self.minutes),
            ),
            self.title,
        )

    def changes(self) -> dict[str, Any] | None:
        title = self.title.text().strip()
        if not title:
            self.title_field.show_problem(_("Name the agenda item."))
            return None
        values = {
            "title": title,
            "question": self.question.text().strip(),
            "planned_minutes": self.minutes.value(),
        }
        return {name: value for name, value in values.items() if getattr(self.item, name) != value}
