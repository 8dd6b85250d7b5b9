"""Correcting a draft criterion from SDG dialogue 2 (F2 on its row): its words and its kind, in one
dialog and one undo step; F2 did nothing (issue 25)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from compass.core.session import LONG_TEXT_MAX_LENGTH, Criterion, CriterionType
from compass.i18n import _
from compass.ui.correction_dialog import CorrectionDialog
from compass.ui.widgets.field import FieldWithMessage


class DraftCriterionDialog(CorrectionDialog):
    def __init__(
        self, draft: Criterion, kinds: Sequence[CriterionType], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Draft criterion"))
        self.draft = draft
        self.kind = QComboBox()
        for kind in kinds:
            self.kind.addItem(kind.label(), kind.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.criterion_type.value)))
        self.text = QLineEdit(draft.text)
        self.text.setMaxLength(LONG_TEXT_MAX_LENGTH)
        self.text.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 50)
        self.text_field = FieldWithMessage(self.text)
        self._lay_out(((_("&Kind"), self.kind), (_("&Idea"), self.text_field)), self.text)

    def changes(self) -> dict[str, Any] | None:
        text = self.text.text().strip()
        if not text:
            self.text_field.show_problem(_("Write the criterion."))
            return None
        values = {"criterion_type": CriterionType(str(self.kind.currentData())), "text": text}
        return {name: value for name, value in values.items() if getattr(self.draft, name) != value}
