"""Step 3's award model beyond the SDG criteria: how price scores under weighted points, and the
quality criteria that serve no SDG (method statement, fit), so that the weights add up and every
criterion has a scale (issue 24)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import (
    SHORT_TEXT_MAX_LENGTH,
    Collection,
    PriceFormula,
    ScoringMethod,
    SessionSnapshot,
)
from compass.formatting import format_number
from compass.i18n import _, current_language
from compass.ui.commands import (
    AddItemCommand,
    RemoveItemCommand,
    UpdateFactsCommand,
)
from compass.ui.correction_dialog import apply_correction
from compass.ui.pages.base import PageContext, run_command, run_showing_problems
from compass.ui.quality_criterion_dialog import QualityCriterionDialog, parse_weight
from compass.ui.widgets.add_form import AddForm
from compass.ui.widgets.choices import size_to_short_text
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.item_table import ItemTable

NOT_CHOSEN = ""


class AwardModelPanel(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.snapshot: SessionSnapshot | None = None
        self.formula_label = QLabel()
        self.formula = QComboBox()
        size_to_short_text(self.formula, 16)
        self.formula.addItem("", NOT_CHOSEN)
        for formula in PriceFormula:
            self.formula.addItem(formula.label(), formula.value)
        self.formula.activated.connect(self._on_formula_chosen)
        self.formula_label.setBuddy(self.formula)
        self.formula_field = FieldWithMessage(self.formula)
        self.zero_label = QLabel()
        self.zero = QLineEdit()
        self.zero.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 8)
        self.zero.editingFinished.connect(self._on_zero_edited)
        self.zero_label.setBuddy(self.zero)
        self.zero_field = FieldWithMessage(self.zero)
        # How price scores belongs with the award basis above the SDGs; the other criteria come after
        # the SDG criteria (above them they pushed the SDG being edited out of view at 200 %).
        self.price_rows = QWidget()
        formula_form = QFormLayout(self.price_rows)
        formula_form.setContentsMargins(0, 0, 0, 0)
        formula_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        formula_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        formula_form.addRow(self.formula_label, self.formula_field)
        formula_form.addRow(self.zero_label, self.zero_field)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.name_field = FieldWithMessage(self.name)
        self.weight = QLineEdit()
        self.weight_field = FieldWithMessage(self.weight)
        self.scale = QLineEdit()
        self.verification = QLineEdit()
        self.verification.returnPressed.connect(self.add_criterion)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_criterion)
        form = AddForm(
            (self.name_field, self.weight_field, self.scale, self.verification),
            (self.add_button,),
            columns=4,
            stretch={0: 2, 2: 3, 3: 3},
        )
        self._labels = form.labels
        self.table = ItemTable(stretch_column=1)
        self.table.remove_requested.connect(self.remove_criterion)
        self.table.edit_requested.connect(self.edit_criterion)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.table.remove_selected)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(form)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.formula_label.setText(_("Price &formula:"))
        self.formula.setAccessibleName(_("How price scores under weighted points"))
        self.formula.setItemText(0, _("not chosen"))
        for index in range(1, self.formula.count()):
            self.formula.setItemText(index, PriceFormula(str(self.formula.itemData(index))).label())
        self.formula.setToolTip(
            _(
                "Under weighted points the tender documents name how price scores; what a quality "
                "point is worth in euros follows from it."
            )
        )
        self.zero_label.setText(_("No price points at (% above the lowest price):"))
        self.zero.setAccessibleName(_("No price points at this percentage above the lowest price"))
        self.heading.setText(_("Other quality criteria"))
        self.intro.setText(
            _(
                "Quality criteria that serve no SDG, such as the method statement or fit and comfort: "
                "with the SDG award criteria their weights add up to the quality weight."
            )
        )
        texts = (_("Quality criterion"), _("Weight %"), _("Scale"), _("Assessment"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        editors = (self.name, self.weight, self.scale, self.verification)
        tips = (
            _("What the criterion scores, in a few words."),
            _(
                "Its share of the total score, in %: with the SDG award criteria it adds up to the quality weight."
            ),
            _("How bids score on it: points per level, a ranking or a discount."),
            _("How and by whom it is assessed: a committee, a test, a document."),
        )
        for editor, text, tip in zip(editors, texts, tips, strict=True):
            editor.setAccessibleName(text)
            editor.setToolTip(tip)
        self.zero.setToolTip(
            _(
                "Under a linear formula, the percentage above the lowest price where a bid earns no price points."
            )
        )
        self.name.setPlaceholderText(_("e.g. method statement"))
        self.scale.setPlaceholderText(_("e.g. 15 points excellent, 10 good, 5 sufficient"))
        self.verification.setPlaceholderText(_("e.g. assessment committee of three"))
        self.add_button.setText(_("Add quality criterion"))
        self.add_button.setToolTip(_("Add it to the list (Enter in the last field)"))
        self.remove_button.setText(_("Remove selected criterion"))
        self.remove_button.setToolTip(_("Remove the selected row (Delete); Ctrl+Z brings it back"))
        self.table.setAccessibleName(_("Other quality criteria"))
        self.table.set_headers([_("Weight %"), _("Quality criterion, scale and assessment")])
        if self.snapshot is not None:
            self.load(self.snapshot)

    def price_focus_order(self) -> list[QWidget]:
        return [self.formula, self.zero]

    def focus_order(self) -> list[QWidget]:
        return [
            self.name,
            self.weight,
            self.scale,
            self.verification,
            self.add_button,
            self.table,
            self.remove_button,
        ]

    def load(self, snapshot: SessionSnapshot) -> None:
        self.snapshot = snapshot
        facts, language = snapshot.facts, current_language()
        points = facts.scoring_method is ScoringMethod.WEIGHTED_POINTS and snapshot.award_criteria_allowed
        formula = facts.price_formula
        self.formula.setCurrentIndex(
            max(0, self.formula.findData(formula.value if formula else NOT_CHOSEN))
        )
        for widget in (self.formula_label, self.formula_field):
            widget.setVisible(points)
        linear = points and formula is PriceFormula.LINEAR
        for widget in (self.zero_label, self.zero_field):
            widget.setVisible(linear)
        if not self.zero.hasFocus():
            zero = facts.price_zero_pct
            self.zero.setText("" if zero is None else format_number(zero, language))
        # One text column for the criterion, its scale and its assessment: long columns side by side
        # left each a sliver behind a sideways scroll bar at 200 % (seen under Xvfb).
        rows = [
            (
                q.id,
                [
                    "" if q.weight_pct is None else format_number(q.weight_pct, language),
                    "\n".join(
                        x
                        for x in (
                            q.name,
                            _("Scale: {scale}").format(scale=q.scale) if q.scale else "",
                            _("Assessment: {how}").format(how=q.verification) if q.verification else "",
                        )
                        if x
                    ),
                ],
            )
            for q in snapshot.quality_criteria
        ]
        self.table.set_rows(rows)
        self.remove_button.setEnabled(bool(rows))
        allowed = snapshot.award_criteria_allowed
        for control in (self.name, self.weight, self.scale, self.verification, self.add_button):
            control.setEnabled(allowed)

    # -- edits --------------------------------------------------------------------------------------

    def _update_fact(
        self, field: str, old: object, new: object, label: str, shown: FieldWithMessage
    ) -> None:
        if self.snapshot is None or old == new:
            shown.show_problem(None)
            return
        command = UpdateFactsCommand(self.context.sessions(), self.snapshot.id, field, old, new, label)
        run_showing_problems(self.context, command, {field: shown})

    def _on_formula_chosen(self, _index: int) -> None:
        if self.snapshot is None:
            return
        code = str(self.formula.currentData() or "")
        chosen = PriceFormula(code) if code != NOT_CHOSEN else None
        self._update_fact(
            "price_formula",
            self.snapshot.facts.price_formula,
            chosen,
            _("Price formula"),
            self.formula_field,
        )

    def _on_zero_edited(self) -> None:
        if self.snapshot is None:
            return
        typed = self.zero.text().strip()
        value = parse_weight(typed)
        if typed and value is None:
            self.zero_field.show_problem(
                _("Enter a percentage above 0 and at most {most}.").format(most=1000)
            )
            return
        self._update_fact(
            "price_zero_pct",
            self.snapshot.facts.price_zero_pct,
            value,
            _("No price points at"),
            self.zero_field,
        )

    def add_criterion(self) -> None:
        if self.snapshot is None:
            return
        typed = self.weight.text().strip()
        weight = parse_weight(typed)
        if typed and weight is None:
            self.weight_field.show_problem(_("Enter a percentage from 0 to 100."))
            return
        values: dict[str, object] = {
            "name": self.name.text().strip(),
            "weight_pct": weight,
            "scale": self.scale.text().strip(),
            "verification": self.verification.text().strip(),
        }
        command = AddItemCommand(
            self.context.sessions(),
            self.snapshot.id,
            Collection.QUALITY_CRITERIA,
            values,
            _("Add quality criterion"),
        )
        fields = {"name": self.name_field, "weight_pct": self.weight_field}
        if run_showing_problems(self.context, command, fields):
            for editor in (self.name, self.weight, self.scale, self.verification):
                editor.clear()
            self.name.setFocus()

    def edit_criterion(self, criterion_id: int) -> None:
        snapshot = self.snapshot
        found = (
            next((q for q in snapshot.quality_criteria if q.id == criterion_id), None) if snapshot else None
        )
        if snapshot is None or found is None:
            return
        dialog = QualityCriterionDialog(found, self)
        apply_correction(
            self.context,
            snapshot.id,
            Collection.QUALITY_CRITERIA,
            found,
            dialog,
            _("Edit quality criterion"),
        )
        self.table.setFocus()

    def remove_criterion(self, criterion_id: int) -> None:
        if self.snapshot is None:
            return
        run_command(
            self.context,
            RemoveItemCommand(
                self.context.sessions(),
                self.snapshot.id,
                Collection.QUALITY_CRITERIA,
                criterion_id,
                _("Remove quality criterion"),
            ),
        )
