"""Correcting a participant (double-click, F2 or Enter on a row): name, organisation, role and
internal or external, in one dialog and one undo step."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from compass.core.session import SHORT_TEXT_MAX_LENGTH, Participant
from compass.i18n import _, current_language
from compass.reference.types import ReferenceData
from compass.ui.correction_dialog import CorrectionDialog
from compass.ui.widgets.field import FieldWithMessage


class ParticipantDialog(CorrectionDialog):
    def __init__(
        self, person: Participant, reference: ReferenceData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Participant"))
        self.person, self._reference = person, reference
        language = current_language()
        self.name = QLineEdit(person.name)
        self.name.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.name_field = FieldWithMessage(self.name)
        self.organisation = QLineEdit(person.organisation)
        self.organisation.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.role.addItems([role.name(language) for role in reference.roles])
        self.role.setEditText(reference.role_words(person.role, language))
        self.internal = QCheckBox(_("of the own organisation"))
        self.internal.setChecked(person.internal)
        # A decision document may be published: an outsider is named only with their consent.
        self.named = QCheckBox(_("agreed to be named in the record"))
        self.named.setChecked(person.named)
        self.named.setToolTip(
            _(
                "Without consent the strategy names an external participant by organisation and role "
                "only; internal participants are always named."
            )
        )
        self.name.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 40)
        self._lay_out(
            (
                (_("&Name"), self.name_field),
                (_("Or&ganisation"), self.organisation),
                (_("Stakeholder &role"), self.role),
                (_("&Internal"), self.internal),
                (_("&Consent"), self.named),
            ),
            self.name,
        )

    def changes(self) -> dict[str, Any] | None:
        name = self.name.text().strip()
        if not name:
            self.name_field.show_problem(_("Enter the participant's name."))
            return None
        values: dict[str, Any] = {
            "name": name,
            "organisation": self.organisation.text().strip(),
            "role": self._reference.role_code(self.role.currentText()),
            "internal": self.internal.isChecked(),
            "named": self.named.isChecked(),
        }
        return {field: value for field, value in values.items() if getattr(self.person, field) != value}
