"""Correcting one entry of the tender-risk register: its kind, the risk, probability and impact, the
measure and who owns it, in one dialog and one undo step (double-click, F2 or Enter on a row)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from compass.core.session import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, TenderRisk, TenderRiskCategory
from compass.i18n import N_, _
from compass.ui.correction_dialog import CorrectionDialog
from compass.ui.widgets.choices import EnumComboBox
from compass.ui.widgets.field import FieldWithMessage

LEVEL_WORDS = (N_("1 very low"), N_("2 low"), N_("3 medium"), N_("4 high"), N_("5 very high"))
MIDDLE_LEVEL = 3


def level_combo() -> QComboBox:
    """Probability or impact from 1 to 5, each said in words."""
    box = QComboBox()
    for level, words in enumerate(LEVEL_WORDS, start=1):
        box.addItem(_(words), level)
    box.setCurrentIndex(MIDDLE_LEVEL - 1)
    return box


def retranslate_levels(box: QComboBox) -> None:
    for index, words in enumerate(LEVEL_WORDS):
        box.setItemText(index, _(words))


def chosen_level(box: QComboBox) -> int:
    return int(box.currentData())


def long_text(text: str = "") -> QPlainTextEdit:
    editor = QPlainTextEdit(text)
    editor.setTabChangesFocus(True)
    editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 3 + 12)
    editor.setMinimumWidth(editor.fontMetrics().horizontalAdvance("0") * 50)
    return editor


class TenderRiskDialog(CorrectionDialog):
    def __init__(self, risk: TenderRisk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Tender risk"))
        self.risk = risk
        self.category = EnumComboBox(TenderRiskCategory)
        self.category.set_current(risk.category)
        self.description = long_text(risk.description)
        self.description_field = FieldWithMessage(self.description)
        self.probability = level_combo()
        self.probability.setCurrentIndex(risk.probability - 1)
        self.impact = level_combo()
        self.impact.setCurrentIndex(risk.impact - 1)
        self.measure = long_text(risk.measure)
        self.owner = QLineEdit(risk.owner)
        self.owner.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self._lay_out(
            (
                (_("&Kind"), self.category),
                (_("&Risk"), self.description_field),
                (_("&Probability"), self.probability),
                (_("&Impact"), self.impact),
                (_("&Measure"), self.measure),
                (_("&Owner"), self.owner),
            ),
            self.description,
        )

    def changes(self) -> dict[str, Any] | None:
        description = self.description.toPlainText().strip()
        if not description:
            self.description_field.show_problem(_("Describe the risk."))
            return None
        if len(description) > LONG_TEXT_MAX_LENGTH:
            self.description_field.show_problem(_("The text is too long."))
            return None
        values: dict[str, Any] = {
            "category": self.category.current(),
            "description": description,
            "probability": chosen_level(self.probability),
            "impact": chosen_level(self.impact),
            "measure": self.measure.toPlainText().strip(),
            "owner": self.owner.text().strip(),
        }
        return {name: value for name, value in values.items() if getattr(self.risk, name) != value}
