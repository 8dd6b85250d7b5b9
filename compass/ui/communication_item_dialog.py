"""Correcting a planned message of step 5: who, through which channel, when and what, in one dialog
and one undo step (double-click, F2 or Enter on a row)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from compass.core.session import LONG_TEXT_MAX_LENGTH, Channel, CommunicationItem, CommunicationMoment
from compass.i18n import _, current_language
from compass.reference.types import ReferenceData
from compass.ui.correction_dialog import CorrectionDialog
from compass.ui.widgets.choices import EnumComboBox
from compass.ui.widgets.field import FieldWithMessage


class CommunicationItemDialog(CorrectionDialog):
    def __init__(
        self, item: CommunicationItem, reference: ReferenceData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Planned message"))
        self.item, self._reference = item, reference
        language = current_language()
        self.stakeholder = QComboBox()
        self.stakeholder.setEditable(True)
        self.stakeholder.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.stakeholder.addItems([role.name(language) for role in reference.roles])
        self.stakeholder.setEditText(reference.role_words(item.stakeholder_role, language))
        self.stakeholder_field = FieldWithMessage(self.stakeholder)
        self.channel = EnumComboBox(Channel)
        self.channel.set_current(item.channel)
        self.moment = EnumComboBox(CommunicationMoment)
        self.moment.set_current(item.moment)
        self.message = QLineEdit(item.message)
        self.message.setMaxLength(LONG_TEXT_MAX_LENGTH)
        self.message.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 50)
        self._lay_out(
            (
                (_("&Who"), self.stakeholder_field),
                (_("&Channel"), self.channel),
                (_("&Moment"), self.moment),
                (_("Messa&ge"), self.message),
            ),
            self.message,
        )

    def changes(self) -> dict[str, Any] | None:
        """The fields that changed (empty when none), or None with the problem beside the field."""
        who = self._reference.role_code(self.stakeholder.currentText())
        if not who:
            self.stakeholder_field.show_problem(_("Say who is informed."))
            return None
        values: dict[str, Any] = {
            "stakeholder_role": who,
            "channel": self.channel.current(),
            "moment": self.moment.current(),
            "message": self.message.text().strip(),
        }
        return {name: value for name, value in values.items() if getattr(self.item, name) != value}
