"""The tender-risk register on the facts page: the tender's own risks (market, money, law, planning,
SDG ambition), each with probability, impact and a measure; the highest scores reach page 1 of the
strategy (issue 24)."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from compass.core.session import (
    SHORT_TEXT_MAX_LENGTH,
    Collection,
    SessionSnapshot,
    TenderRisk,
    TenderRiskCategory,
)
from compass.i18n import _
from compass.ui.commands import AddItemCommand, RemoveItemCommand
from compass.ui.correction_dialog import apply_correction
from compass.ui.pages.base import PageContext, run_command, run_showing_problems
from compass.ui.tender_risk_dialog import TenderRiskDialog, chosen_level, level_combo, retranslate_levels
from compass.ui.widgets.add_form import AddForm
from compass.ui.widgets.choices import EnumComboBox
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.item_table import ItemTable


class TenderRiskPanel(QGroupBox):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.snapshot: SessionSnapshot | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.category = EnumComboBox(TenderRiskCategory)
        self.description = QLineEdit()
        self.description_field = FieldWithMessage(self.description)
        self.probability = level_combo()
        self.impact = level_combo()
        self.measure = QLineEdit()
        self.owner = QLineEdit()
        self.owner.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.owner.returnPressed.connect(self.add_risk)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_risk)
        form = AddForm(
            (
                self.category,
                self.description_field,
                self.probability,
                self.impact,
                self.measure,
                self.owner,
            ),
            (self.add_button,),
            columns=3,
            stretch={1: 3},
        )
        self._labels = form.labels
        self.table = ItemTable(stretch_column=1)
        self.table.remove_requested.connect(self.remove_risk)
        self.table.edit_requested.connect(self.edit_risk)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.table.remove_selected)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(form)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Tender risks"))
        self.intro.setText(
            _(
                "What may go wrong with the tender itself: too few bidders, a budget overrun, an "
                "objection, a late award. Rate each from 1 to 5; the highest scores go on page 1."
            )
        )
        # No Alt+letters: the facts page gives its many fields every free letter.
        texts = (_("Kind"), _("Risk"), _("Probability"), _("Impact"), _("Measure"), _("Owner"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        editors = (self.category, self.description, self.probability, self.impact, self.measure, self.owner)
        tips = (
            _("What kind of risk to the tender: market, financial, legal, planning or SDG."),
            _("What may go wrong, in a sentence."),
            _("How likely it is, from 1 (very low) to 5 (very high)."),
            _("How much harm it does if it happens, from 1 (very low) to 5 (very high)."),
            _("What the team does to prevent or limit it."),
            _("Who sees to the measure."),
        )
        for editor, text, tip in zip(editors, texts, tips, strict=True):
            editor.setAccessibleName(_("Tender risk: {field}").format(field=text))
            editor.setToolTip(tip)
        self.description.setPlaceholderText(_("e.g. few bidders in a tight market"))
        self.measure.setPlaceholderText(_("e.g. market consultation before publication"))
        self.category.retranslate()
        retranslate_levels(self.probability)
        retranslate_levels(self.impact)
        self.add_button.setText(_("Add tender risk"))
        self.add_button.setToolTip(_("Add it to the register (Enter in the last field)"))
        self.remove_button.setText(_("Remove selected risk"))
        self.remove_button.setToolTip(_("Remove the selected row (Delete); Ctrl+Z brings it back"))
        self.table.setAccessibleName(_("Tender-risk register"))
        self.table.set_headers([_("Score"), _("Risk and measure")])
        if self.snapshot is not None:
            self.load(self.snapshot)

    def load(self, snapshot: SessionSnapshot) -> None:
        self.snapshot = snapshot
        # One text column for the risk and its measure: long columns side by side left the measure a
        # sliver behind a sideways scroll bar at 200 % (seen under Xvfb).
        rows = [
            (
                risk.id,
                [f"{risk.probability} \u00d7 {risk.impact} = {risk.score}", self._risk_and_measure(risk)],
            )
            for risk in snapshot.tender_risks
        ]
        self.table.set_rows(rows)
        self.remove_button.setEnabled(bool(rows))

    @staticmethod
    def _risk_and_measure(risk: TenderRisk) -> str:
        text = f"{risk.category.label()}: {risk.description}"
        if risk.measure:
            text += "\n" + _("Measure: {measure}").format(measure=risk.measure)
        if risk.owner:
            text += "\n" + _("Owner: {owner}").format(owner=risk.owner)
        return text

    def add_risk(self) -> None:
        if self.snapshot is None:
            return
        values = {
            "category": self.category.current(),
            "description": self.description.text().strip(),
            "probability": chosen_level(self.probability),
            "impact": chosen_level(self.impact),
            "measure": self.measure.text().strip(),
            "owner": self.owner.text().strip(),
        }
        command = AddItemCommand(
            self.context.sessions(),
            self.snapshot.id,
            Collection.TENDER_RISKS,
            values,
            _("Add tender risk"),
        )
        if run_showing_problems(self.context, command, {"description": self.description_field}):
            for editor in (self.description, self.measure, self.owner):
                editor.clear()
            self.description.setFocus()

    def edit_risk(self, risk_id: int) -> None:
        snapshot = self.snapshot
        risk = next((r for r in snapshot.tender_risks if r.id == risk_id), None) if snapshot else None
        if snapshot is None or risk is None:
            return
        dialog = TenderRiskDialog(risk, self)
        apply_correction(
            self.context, snapshot.id, Collection.TENDER_RISKS, risk, dialog, _("Edit tender risk")
        )
        self.table.setFocus()

    def remove_risk(self, risk_id: int) -> None:
        if self.snapshot is None:
            return
        run_command(
            self.context,
            RemoveItemCommand(
                self.context.sessions(),
                self.snapshot.id,
                Collection.TENDER_RISKS,
                risk_id,
                _("Remove tender risk"),
            ),
        )
