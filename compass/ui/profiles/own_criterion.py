"""Adding one of the organisation's own criteria to a profile's catalogue."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from compass.core.errors import CompassError
from compass.core.profile import OwnCriterion
from compass.core.session import AmbitionLevel, CriterionType
from compass.i18n import _
from compass.ui.profiles.editor import _sdg_list
from compass.ui.widgets.choices import EnumComboBox
from compass.ui.widgets.field import FieldWithMessage, form_row

if TYPE_CHECKING:
    from compass.services import ProfileService


class OwnCriterionDialog(QDialog):
    def __init__(
        self, profiles: ProfileService, preferred_profile: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Own criterion"))
        self._profiles = profiles
        self.profile = QComboBox()
        for summary in profiles.list_profiles():
            self.profile.addItem(summary.name, summary.id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(preferred_profile)))
        self.profile_field = FieldWithMessage(self.profile)
        self.sdgs = QLineEdit()
        self.sdgs.setPlaceholderText(_("e.g. 13, 11"))
        self.sdgs_field = FieldWithMessage(self.sdgs)
        self.criterion_type = EnumComboBox(CriterionType)
        self.level = EnumComboBox(AmbitionLevel)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text_field = FieldWithMessage(self.text)
        self.verification = QLineEdit()
        form = QFormLayout()
        form_row(form, _("&Profile"), self.profile_field)
        form_row(form, _("&SDGs"), self.sdgs_field)
        form_row(form, _("&Type"), self.criterion_type)
        form_row(form, _("&Level"), self.level)
        form_row(form, _("&Criterion"), self.text_field)
        form_row(form, _("&Verification"), self.verification)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Add the criterion to the chosen profile; problems stay beside their fields."""
        sdgs = _sdg_list(self.sdgs.text())
        text = self.text.toPlainText().strip()
        self.sdgs_field.show_problem(None if sdgs else _("Enter SDG numbers from 1 to 17."))
        self.text_field.show_problem(None if text else _("Write the criterion."))
        self.profile_field.show_problem(None if self.profile.count() else _("Create a profile first."))
        if not sdgs or not text or not self.profile.count():
            return
        profile_id = int(self.profile.currentData())
        try:
            profile = self._profiles.get_profile(profile_id)
            taken = {c.id for c in profile.own_criteria}
            number = len(taken) + 1
            while f"own-{sdgs[0]}-{number}" in taken:
                number += 1
            own = OwnCriterion(
                f"own-{sdgs[0]}-{number}",
                sdgs,
                self.criterion_type.current(),
                self.level.current(),
                text,
                self.verification.text().strip(),
            )
            self._profiles.update_profile(
                profile_id, replace(profile, own_criteria=(*profile.own_criteria, own))
            )
        except CompassError as error:
            self.profile_field.show_problem(str(error))
            return
        self.accept()
