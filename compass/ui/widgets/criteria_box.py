"""One priority SDG in step 3: its ambition level and the criteria that carry it into the tender.
The box only shows and asks; the page turns its signals into undoable commands."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass.core.codes import SHORT_TEXT_MAX_LENGTH
from compass.core.session import AmbitionLevel, Criterion, CriterionType, Problem
from compass.formatting import format_number, parse_number
from compass.i18n import _, current_language
from compass.method.ambition import criterion_type_for_level
from compass.reference.types import ReferenceData, Sdg
from compass.ui.widgets.choices import EnumComboBox, sdg_label
from compass.ui.widgets.explain import explain_choices, term_describer
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.fitted_table import FittedTable
from compass.ui.widgets.shortcuts import widget_shortcut

NOT_SET = ""
TEXT_COLUMN, WEIGHT_COLUMN, VERIFICATION_COLUMN = 1, 2, 3
CRITERIA_ROWS_SHOWN = 6


class CriteriaBox(QGroupBox):
    level_chosen = Signal(int, object)  # sdg, AmbitionLevel | None
    note_changed = Signal(int, str)  # sdg, the team's reason for the level
    add_requested = Signal(int, object)  # sdg, values (a dict: "object" keeps its enums intact)
    change_requested = Signal(int, str, object, object)  # criterion id, field, old, new
    remove_requested = Signal(int)  # criterion id
    catalogue_requested = Signal(int)  # sdg

    def __init__(self, sdg: Sdg, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sdg = sdg
        self._describe_level = term_describer(reference.ambition_levels)
        self._describe_type = term_describer(reference.criterion_types)
        self._criteria: tuple[Criterion, ...] = ()
        self._hints: list[Problem] = []
        self.level = QComboBox()
        self.level.activated.connect(
            lambda _index: self.level_chosen.emit(self.sdg.number, self.chosen_level())
        )
        self.level_label = QLabel()
        self.level_label.setBuddy(self.level)
        self.note = QLineEdit()
        self.note.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.note.editingFinished.connect(self._on_note_editing_finished)
        self._stored_note = ""
        self.hint = QLabel()
        self.hint.setObjectName("warning")
        self.hint.setWordWrap(True)
        self.table = FittedTable(stretch_column=TEXT_COLUMN, rows_shown=CRITERIA_ROWS_SHOWN)
        self.table.setColumnCount(4)
        # Cells are edited with F2 or a double click; Tab moves on to the next control.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.new_type = EnumComboBox(CriterionType)
        self.new_text = QLineEdit()
        self.new_text.returnPressed.connect(self._add)
        self.new_text_field = FieldWithMessage(self.new_text)
        self.new_weight = QLineEdit()
        self.new_weight.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 11)
        self.new_weight.returnPressed.connect(self._add)  # Enter in the last field adds, as in the text
        self.new_weight_field = FieldWithMessage(self.new_weight)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.catalogue_button = QPushButton()
        self.catalogue_button.clicked.connect(lambda: self.catalogue_requested.emit(self.sdg.number))
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        widget_shortcut(QKeySequence.StandardKey.Delete, self.table, self._remove)
        # The level with its label, the team's reason below it: side by side, the three made the
        # page scroll sideways at 200 % on a laptop.
        top = QHBoxLayout()
        top.addWidget(self.level_label)
        top.addWidget(self.level, 1)
        top.addStretch(1)
        adder = QGridLayout()
        # Each at the top of the row: a message under the text or the weight must not move Add.
        top_of_row = Qt.AlignmentFlag.AlignTop
        adder.addWidget(self.new_type, 0, 0, top_of_row)
        adder.addWidget(self.new_text_field, 0, 1)
        adder.addWidget(self.new_weight_field, 0, 2, top_of_row)
        adder.addWidget(self.add_button, 0, 3, top_of_row)
        # The weight's field is narrow: its message ("Give the award criterion a weight in %.") takes
        # the line under the whole row instead of wrapping into several under the field.
        adder.addWidget(self.new_weight_field.message, 1, 0, 1, 4)
        for field in (self.new_text_field, self.new_weight_field):
            field.reserve_message_line()
        adder.setColumnStretch(1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.catalogue_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(adder)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(sdg_label(self.sdg))
        self.level_label.setText(_("Ambition &level"))
        code = self.level.currentData()
        self.level.clear()
        self.level.addItem(_("Not set yet"), NOT_SET)
        for level in AmbitionLevel:
            self.level.addItem(level.label(), level.value)
        self.level.setCurrentIndex(max(0, self.level.findData(code)))
        self.level.setAccessibleName(_("Ambition level for SDG {sdg}").format(sdg=self.sdg.number))
        self.note.setPlaceholderText(_("why this level"))
        self.note.setAccessibleName(_("Reason for the level of SDG {sdg}").format(sdg=self.sdg.number))
        self.note.setToolTip(
            _(
                "Why the team chose this level, for the summary and the strategy: saved when you "
                "leave the field."
            )
        )
        explain_choices(self.level, self._describe_level)
        self.table.setHorizontalHeaderLabels(
            [_("Type"), _("Criterion"), _("Weight %"), _("How it is checked")]
        )
        self.table.setAccessibleName(_("Criteria for SDG {sdg}").format(sdg=self.sdg.number))
        self.new_type.retranslate()
        self.new_type.setAccessibleName(_("Type of the new criterion"))
        explain_choices(self.new_type, self._describe_type)
        self.new_text.setPlaceholderText(_("write a criterion of your own"))
        self.new_text.setToolTip(
            _("A criterion in the team's own words; choose its type on the left. Enter adds it.")
        )
        self.new_text.setAccessibleName(_("New criterion for SDG {sdg}").format(sdg=self.sdg.number))
        self.new_weight.setPlaceholderText(_("weight %"))
        self.new_weight.setAccessibleName(_("Weight of the new criterion in %"))
        self.new_weight.setToolTip(_("Only award criteria carry a weight."))
        self.add_button.setText(_("Add"))
        self.add_button.setToolTip(_("Add the criterion you wrote (Enter in the text field)"))
        self.catalogue_button.setText(_("From the catalogue\u2026"))
        self.catalogue_button.setToolTip(
            _("Pick criteria from the catalogue for this SDG and level; you can edit them afterwards")
        )
        self.remove_button.setText(_("Remove selected"))
        self.remove_button.setToolTip(_("Remove the selected criterion (Delete); Ctrl+Z brings it back"))
        self.load(self.chosen_level(), self._criteria, self._hints, self._stored_note)

    def _on_note_editing_finished(self) -> None:
        note = self.note.text().strip()
        if note != self._stored_note and self.chosen_level() is not None:
            self.note_changed.emit(self.sdg.number, note)

    def chosen_level(self) -> AmbitionLevel | None:
        code = self.level.currentData()
        return AmbitionLevel(code) if code else None

    def load(
        self,
        level: AmbitionLevel | None,
        criteria: tuple[Criterion, ...],
        advice: list[Problem],
        note: str = "",
    ) -> None:
        """The SDG's level with its reason, its criteria, and the method's advice (``ambition_advice``)."""
        self._criteria, self._hints = criteria, advice
        self._stored_note = note
        if not self.note.hasFocus():  # never overwrite what is being typed
            self.note.setText(note)
        self.note.setEnabled(level is not None)
        self.level.setCurrentIndex(max(0, self.level.findData(level.value if level else NOT_SET)))
        language = current_language()
        self.table.blockSignals(True)
        self.table.setRowCount(len(criteria))
        for row, criterion in enumerate(criteria):
            kind = QTableWidgetItem(criterion.criterion_type.label())
            kind.setFlags(kind.flags() & ~Qt.ItemFlag.ItemIsEditable)
            text = QTableWidgetItem(criterion.text)
            text.setToolTip(criterion.text)
            weight = QTableWidgetItem(
                "" if criterion.weight_pct is None else format_number(criterion.weight_pct, language)
            )
            verification = QTableWidgetItem(criterion.verification)
            verification.setToolTip(
                criterion.verification
                or _("How the buyer checks it (evidence, certificate, report): F2 or a double click")
            )
            for column, item in enumerate((kind, text, weight, verification)):
                item.setData(Qt.ItemDataRole.UserRole, criterion.id)
                self.table.setItem(row, column, item)
        self.table.fit_columns()
        self.table.blockSignals(False)
        notes = [problem.message for problem in advice]
        if not self.new_text.text():  # suggest the type that fits the chosen level
            self.new_type.set_current(criterion_type_for_level(level))
        self.hint.setText("\n".join(notes))
        self.hint.setVisible(bool(notes))
        self.remove_button.setEnabled(bool(criteria))

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        criterion = next((c for c in self._criteria if c.id == item.data(Qt.ItemDataRole.UserRole)), None)
        if criterion is None:
            return
        if item.column() == TEXT_COLUMN and item.text().strip() != criterion.text:
            self.change_requested.emit(criterion.id, "text", criterion.text, item.text().strip())
        elif item.column() == VERIFICATION_COLUMN and item.text().strip() != criterion.verification:
            self.change_requested.emit(
                criterion.id, "verification", criterion.verification, item.text().strip()
            )
        elif item.column() == WEIGHT_COLUMN:
            text = item.text().strip()
            weight = parse_number(text, current_language()) if text else None
            if text and weight is None:
                self.load(
                    self.chosen_level(), self._criteria, self._hints, self._stored_note
                )  # put the number back
                return
            if weight != criterion.weight_pct:
                self.change_requested.emit(criterion.id, "weight_pct", criterion.weight_pct, weight)

    def _add(self) -> None:
        text = self.new_text.text().strip()
        weight_text = self.new_weight.text().strip()
        weight: Decimal | None = parse_number(weight_text, current_language()) if weight_text else None
        self.new_weight_field.show_problem(_("Enter a number.") if weight_text and weight is None else None)
        if weight_text and weight is None:
            return
        self.add_requested.emit(
            self.sdg.number,
            {
                "sdg": self.sdg.number,
                "criterion_type": self.new_type.current(),
                "text": text,
                "weight_pct": weight,
            },
        )

    def clear_new(self) -> None:
        self.new_text.clear()
        self.new_weight.clear()
        self.new_text_field.show_problem(None)
        self.new_weight_field.show_problem(None)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._criteria):
            self.remove_requested.emit(self._criteria[row].id)
