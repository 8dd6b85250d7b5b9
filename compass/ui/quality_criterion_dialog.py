"""Correcting a quality criterion beyond the SDGs: its name, weight, scale and how it is assessed, in
one dialog and one undo step (double-click, F2 or Enter on a row)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from compass.core.session import SHORT_TEXT_MAX_LENGTH, QualityCriterion
from compass.formatting import format_number, parse_number
from compass.i18n import _, current_language
from compass.ui.correction_dialog import CorrectionDialog
from compass.ui.tender_risk_dialog import long_text
from compass.ui.widgets.field import FieldWithMessage


def parse_weight(text: str) -> Decimal | None:
    """A weight as typed (in the current language's notation); None when it is not a number."""
    return parse_number(text.strip(), current_language()) if text.strip() else None


class QualityCriterionDialog(CorrectionDialog):
    def __init__(self, criterion: QualityCriterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Quality criterion"))
        self.criterion = criterion
        self.name = QLineEdit(criterion.name)
        self.name.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.name_field = FieldWithMessage(self.name)
        weight = criterion.weight_pct
        self.weight = QLineEdit("" if weight is None else format_number(weight, current_language()))
        self.weight_field = FieldWithMessage(self.weight)
        self.scale = long_text(criterion.scale)
        self.verification = long_text(criterion.verification)
        self._lay_out(
            (
                (_("&Name"), self.name_field),
                (_("&Weight %"), self.weight_field),
                (_("&Scale"), self.scale),
                (_("&Assessment"), self.verification),
            ),
            self.name,
        )

    def changes(self) -> dict[str, Any] | None:
        name = self.name.text().strip()
        if not name:
            self.name_field.show_problem(_("Name the quality criterion."))
            return None
        weight = parse_weight(self.weight.text())
        if weight is None or not 0 <= weight <= 100:
            self.weight_field.show_problem(_("Enter a percentage from 0 to 100."))
            return None
        values: dict[str, Any] = {
            "name": name,
            "weight_pct": weight,
            "scale": self.scale.toPlainText().strip(),
            "verification": self.verification.toPlainText().strip(),
        }
        return {key: value for key, value in values.items() if getattr(self.criterion, key) != value}
