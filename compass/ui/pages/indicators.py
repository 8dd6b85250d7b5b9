"""Step 4, Indicator - meetbaar maken: at least one indicator per priority SDG, quantitative (unit,
baseline, target) or qualitative, so the market gets concrete targets and the impact can be measured."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import SHORT_TEXT_MAX_LENGTH, Collection, IndicatorKind, Problem, SessionSnapshot
from compass.formatting import format_number, parse_number
from compass.i18n import N_, _, current_language
from compass.method.steps import Step, problems
from compass.method.suggestions import session_category
from compass.reference.types import CatalogueIndicator
from compass.ui.commands import AddItemCommand, RemoveItemCommand, UpdateItemValuesCommand
from compass.ui.indicator_details import IndicatorDetailsDialog
from compass.ui.indicator_picker import IndicatorPicker
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.widgets.add_form import AddForm, name_add_and_remove
from compass.ui.widgets.choices import EnumComboBox, SdgComboBox, sdg_swatch
from compass.ui.widgets.empty_hint import EmptyHint
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.findings import FindingsLabel
from compass.ui.widgets.item_table import ItemTable


class IndicatorsPage(StepPage):
    step = Step.INDICATORS

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title, self._intro = page_heading(layout)
        self.empty = EmptyHint(lambda: context.go_to_step(Step.PRIORITIES))
        layout.addWidget(self.empty)

        self.sdg = SdgComboBox(context.reference)
        self.kind = EnumComboBox(IndicatorKind)
        self.name = QLineEdit()
        self.unit = QLineEdit()
        self.baseline = QLineEdit()
        self.target = QLineEdit()
        for editor in (self.name, self.unit, self.baseline, self.target):
            editor.setMaxLength(SHORT_TEXT_MAX_LENGTH)
            editor.returnPressed.connect(self.add_indicator)
        self.fields = {
            name: FieldWithMessage(editor)
            for name, editor in (
                ("name", self.name),
                ("unit", self.unit),
                ("baseline", self.baseline),
                ("target", self.target),
            )
        }
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_indicator)
        self.catalogue_button = QPushButton()
        self.catalogue_button.clicked.connect(self.pick_from_catalogue)
        self.catalogue_note = QLabel()
        self.catalogue_note.setWordWrap(True)
        self._catalogue: CatalogueIndicator | None = None
        # A picked catalogue indicator can be let go again, to write one's own from its words.
        self.unlink_button = QPushButton()
        self.unlink_button.clicked.connect(self.unlink_catalogue)
        self.unlink_button.hide()
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.form_widget = AddForm(
            (
                self.sdg,
                self.kind,
                self.fields["name"],
                self.fields["unit"],
                self.fields["baseline"],
                self.fields["target"],
            ),
            (self.add_button, self.catalogue_button),
            columns=3,
            stretch={0: 1, 1: 1, 2: 1},
            below=(self.catalogue_note, self.unlink_button),
        )
        self._labels = self.form_widget.labels
        layout.addWidget(self.form_widget)

        self.table = ItemTable(stretch_column=2)
        self.table.remove_requested.connect(self.remove_indicator)
        self.table.edit_requested.connect(lambda _item_id: self.edit_details())
        layout.addWidget(self.table, 1)
        self.gaps = FindingsLabel()
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.table.remove_selected)
        self.details_button = QPushButton()
        self.details_button.clicked.connect(self.edit_details)
        bottom = QHBoxLayout()
        bottom.addWidget(self.gaps, 1)
        bottom.addWidget(self.details_button)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)
        self.setFocusProxy(self.sdg)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._title.setText(_("Indicator - make it measurable"))
        self._intro.setText(
            _(
                "Choose at least one indicator for every priority SDG. Quantitative indicators give "
                "the market a concrete target (e.g. kg CO\u2082 avoided relative to the fossil "
                "reference); qualitative ones say what is assessed and on what evidence."
            )
        )
        texts = (_("&SDG"), _("&Kind"), _("Na&me"), _("&Unit"), _("Base&line"), _("&Target"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        for editor, text in zip(
            (self.sdg, self.kind, self.name, self.unit, self.baseline, self.target), texts, strict=True
        ):
            editor.setAccessibleName(text.replace("&", ""))
        self.baseline.setToolTip(_("The value today or in a comparable project (nulmeting)."))
        self.target.setToolTip(_("The value this tender aims for."))
        self.catalogue_button.setText(_("From the catalogue\u2026"))
        self.unlink_button.setText(_("Not from the catalogue"))
        self.unlink_button.setToolTip(
            _("Let go of the catalogue indicator: keep its words as your own indicator, in any unit.")
        )
        self.details_button.setText(_("&Details\u2026"))
        self.details_button.setToolTip(
            _(
                "Measurement moment, data source, responsible role, "
                "dashboard KPI, and for qualitative indicators what is "
                "assessed and the evidence."
            )
        )
        self.catalogue_button.setToolTip(
            _(
                "Fill in an indicator from the catalogue: unit, "
                "reference, measurement moment and dashboard KPI."
            )
        )
        self._show_catalogue_note()
        self.name.setPlaceholderText(_("e.g. CO\u2082 avoided"))
        self.unit.setPlaceholderText(_("e.g. kg CO\u2082"))
        name_add_and_remove(self.add_button, self.remove_button)
        self.sdg.setToolTip(_("The priority SDG this indicator measures."))
        self.kind.setToolTip(
            _(
                "Quantitative: a number with a unit, a baseline and a target. "
                "Qualitative: what is assessed, and on what evidence."
            )
        )
        self.name.setToolTip(_("What is measured, e.g. CO\u2082 avoided."))
        self.unit.setToolTip(
            _("The unit of measure, e.g. kg CO\u2082 or %; an indicator from the catalogue keeps its unit.")
        )
        self.empty.set_texts(_("Select priority SDGs in step 2 first."), _("Go to step 2"))
        self.table.setAccessibleName(_("Indicators"))
        self.table.set_headers(
            [
                _("SDG"),
                _("Kind"),
                _("Indicator"),
                _("Unit"),
                _("Baseline"),
                _("Target"),
                _("Measured"),
                _("KPI"),
            ]
        )
        self.sdg.retranslate()
        self.kind.retranslate()
        if self.snapshot is not None:
            self.load(self.snapshot)

    def load(self, snapshot: SessionSnapshot) -> None:
        super().load(snapshot)
        priorities = snapshot.priority_sdgs()
        self.sdg.set_sdgs(priorities)
        self.empty.setVisible(not priorities)
        self.form_widget.setEnabled(bool(priorities))
        language = current_language()

        def number(value: Decimal | None) -> str:
            return "" if value is None else format_number(value, language)

        rows = [
            (
                i.id,
                [
                    str(i.sdg),
                    i.kind.label(),
                    i.name,
                    i.unit,
                    number(i.baseline),
                    number(i.target),
                    i.measurement_moment.label() if i.measurement_moment else "",
                    str(i.kpi or ""),
                ],
            )
            for i in snapshot.indicators
        ]
        reference = self.context.reference
        self.table.set_rows(rows, [sdg_swatch(reference.sdg(i.sdg)) for i in snapshot.indicators])
        self.remove_button.setEnabled(bool(rows))
        self.details_button.setEnabled(bool(rows))
        self.gaps.show_problems(problems(Step.INDICATORS, snapshot))

    def reveal(self, field: str) -> None:
        number = field.removeprefix("indicator_")
        if field.startswith("indicator_") and number.isdigit() and self.table.select_id(int(number)):
            self.table.setFocus()

    def add_indicator(self) -> None:
        if self.snapshot is None or self.sdg.current_sdg() is None:
            return
        language = current_language()
        values: dict[str, object] = {
            "sdg": self.sdg.current_sdg(),
            "kind": self.kind.current(),
            "name": self.name.text().strip(),
            "unit": self.unit.text().strip(),
        }
        chosen = self._catalogue
        if chosen is not None:
            values.update(
                catalogue_id=chosen.id,
                reference=chosen.reference(language) if chosen.reference else "",
                measurement_moment=chosen.measurement_moment,
                data_source=chosen.data_supplier(language),
                kpi=self._profile_kpi_number(chosen.id),
                assessed=chosen.definition(language) if chosen.evidence else "",
                evidence=chosen.evidence(language) if chosen.evidence else "",
            )
        unreadable = []
        for field, editor in (("baseline", self.baseline), ("target", self.target)):
            text = editor.text().strip()
            values[field] = parse_number(text, language) if text else None
            if text and values[field] is None:
                unreadable.append(
                    Problem(
                        "number",
                        field,
                        N_("Enter a number, e.g. {example}."),
                        example=format_number(Decimal("1250.5"), language),
                    )
                )
        command = AddItemCommand(
            self.service(), self.session_id, Collection.INDICATORS, values, _("Add indicator")
        )
        if unreadable:
            for shown in self.fields.values():
                shown.show_problem(None)
            for problem in unreadable:
                self.fields[problem.field].show_problem(problem.message)
            return
        if not self.run_showing_problems(command, self.fields):
            return
        for editor in (self.name, self.unit, self.baseline, self.target):
            editor.clear()
        self._catalogue = None
        self._show_catalogue_note()
        self.name.setFocus()

    def edit_details(self) -> None:
        if self.snapshot is None or (item_id := self.table.selected_id()) is None:
            return
        indicator = next(i for i in self.snapshot.indicators if i.id == item_id)
        dialog = IndicatorDetailsDialog(indicator, self.context.reference, self.snapshot.profile, self)
        if dialog.exec() != IndicatorDetailsDialog.DialogCode.Accepted:
            return
        changes = dialog.changes() or {}
        if changes:
            old = {name: getattr(indicator, name) for name in changes}
            self.run(
                UpdateItemValuesCommand(
                    self.service(),
                    self.session_id,
                    Collection.INDICATORS,
                    item_id,
                    old,
                    changes,
                    _("Edit indicator"),
                )
            )

    def pick_from_catalogue(self) -> None:
        sdg = self.sdg.current_sdg()
        if sdg is None:
            return
        category = session_category(self.snapshot, self.context.reference) if self.snapshot else ""
        chosen = IndicatorPicker.ask(self.context.reference, sdg, self, category)
        if chosen is None:
            return
        language = current_language()
        self._catalogue = chosen
        self.kind.set_current(chosen.kind)
        self.name.setText(chosen.name(language))
        self.unit.setText(chosen.unit(language) if chosen.unit else "")
        self._show_catalogue_note()
        self.target.setFocus()

    def unlink_catalogue(self) -> None:
        """The indicator is the team's own from here on: the words stay, the unit is free."""
        self._catalogue = None
        self._show_catalogue_note()
        self.fields["unit"].show_problem(None)
        self.name.setFocus()

    def _on_kind_changed(self, _index: int) -> None:
        # Another kind is another indicator than the catalogue's: let the link go.
        if self._catalogue is not None and self.kind.current() is not self._catalogue.kind:
            self.unlink_catalogue()

    def _show_catalogue_note(self) -> None:
        chosen = self._catalogue
        self.unlink_button.setVisible(chosen is not None)
        if chosen is None:
            self.catalogue_note.clear()
            self.catalogue_note.hide()
            return
        language = current_language()
        parts = [chosen.definition(language)]
        if chosen.reference:
            parts.append(_("Reference: {text}").format(text=chosen.reference(language)))
        parts.append(_("Measured: {moment}").format(moment=chosen.measurement_moment.label()))
        profile = self.snapshot.profile if self.snapshot else None
        kpi = profile.kpi_for_indicator(chosen.id) if profile else None
        if kpi is not None:
            parts.append(_("Feeds KPI {kpi} of the organisation").format(kpi=kpi.label()))
        self.catalogue_note.setText(" \u00b7 ".join(parts))
        self.catalogue_note.show()

    def _profile_kpi_number(self, catalogue_id: str) -> int | None:
        profile = self.snapshot.profile if self.snapshot else None
        kpi = profile.kpi_for_indicator(catalogue_id) if profile else None
        return kpi.number if kpi else None

    def remove_indicator(self, indicator_id: int) -> None:
        self.run(
            RemoveItemCommand(
                self.service(), self.session_id, Collection.INDICATORS, indicator_id, _("Remove indicator")
            )
        )
