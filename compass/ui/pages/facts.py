"""The project facts page: what is bought, how, by whom. Every field saves itself (autosave) a moment
after typing stops, or at once when the field loses focus; problems show beneath the field."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from compass.core.errors import CompassError
from compass.core.fact_fields import FACT_FIELDS, FACTS_BY_NAME, FactKind
from compass.core.session import (
    SHORT_TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    ContractKind,
    Procedure,
    ProjectFacts,
    SessionSnapshot,
)
from compass.formatting import format_number, parse_number
from compass.i18n import _, current_language
from compass.method.fields import validate_fact_changes
from compass.method.steps import Step, problems
from compass.method.thresholds import threshold_test
from compass.ui.commands import SetProfileCommand, UpdateFactsCommand
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.pages.facts_fields import FIELD_LABELS, LINE_FIELDS, SECTIONS, TEXT_FIELDS, field_help
from compass.ui.pages.tender_risk_panel import TenderRiskPanel
from compass.ui.widgets.choices import size_to_short_text
from compass.ui.widgets.date_field import DateField
from compass.ui.widgets.explain import explain_choices, explain_current
from compass.ui.widgets.fact_combos import CategoryComboBox, ProfileComboBox
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.findings import FindingsLabel
from compass.ui.widgets.mnemonics import letters_in_use, mnemonic_of, with_mnemonics

SAVE_DELAY_MS = 400

DAY_FACTS = tuple(field.name for field in FACT_FIELDS if field.kind is FactKind.DAY)
AMOUNT_FACTS = tuple(field.name for field in FACT_FIELDS if field.kind is FactKind.AMOUNT)


NOT_CHOSEN = ""  # the kind of contract or the procedure before one is chosen


# A field narrower than this many characters is too cramped to type in: the labels go above instead.
FIELD_ROOM_CHARACTERS = 24


class FactsPage(StepPage):
    step = Step.FACTS
    scrolls_itself = True

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._pending: set[str] = set()
        # The value each pending field showed when the user began to change it: what the change is
        # based on, even if another desk's newer value arrives while the user is still typing.
        self._based_on: dict[str, Any] = {}
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._editors: dict[str, QWidget] = {}
        self._fields: dict[str, FieldWithMessage] = {}
        self._row_labels: dict[str, QLabel] = {}
        self._row_forms: dict[str, QFormLayout] = {}  # to show a row only where it applies
        self._section_boxes: list[QGroupBox] = []
        self._build()
        self.setFocusProxy(self._editors["title"])
        self.retranslate_ui()

    # -- construction -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.procedure_note = FindingsLabel()
        # The threshold test in words, whichever way it falls, under the value it is about.
        self.threshold_note = QLabel()
        self.threshold_note.setWordWrap(True)
        self.threshold_note.hide()
        self.gaps = FindingsLabel()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self._title, self._intro = page_heading(layout)
        for _section_title, names in SECTIONS:
            box = QGroupBox()
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for name in names:
                editor = self._make_editor(name)
                self._editors[name] = editor
                field = FieldWithMessage(editor)
                self._fields[name] = field
                label = QLabel()
                label.setBuddy(editor)
                self._row_labels[name] = label
                self._row_forms[name] = form
                form.addRow(label, field)
                if name == "procedure":
                    # Whether the procedure fits the value and the EU threshold, right where it is chosen.
                    field_layout = field.layout()
                    assert field_layout is not None
                    field_layout.addWidget(self.procedure_note)
                if name == "contract_value_eur":
                    value_layout = field.layout()
                    assert value_layout is not None
                    value_layout.addWidget(self.threshold_note)
            self._section_boxes.append(box)
            layout.addWidget(box)
        self.tender_risks = TenderRiskPanel(self.context)
        layout.addWidget(self.tender_risks)
        layout.addWidget(self.gaps)
        layout.addStretch(1)

    def _make_editor(self, name: str) -> QWidget:
        if name in LINE_FIELDS:
            editor = QLineEdit()
            editor.setMaxLength(TITLE_MAX_LENGTH if name == "title" else SHORT_TEXT_MAX_LENGTH)
            editor.textChanged.connect(lambda _text, n=name: self._schedule(n))
            editor.editingFinished.connect(self.flush)
            return editor
        if name in TEXT_FIELDS:
            text_edit = QPlainTextEdit()
            text_edit.setTabChangesFocus(True)
            text_edit.setFixedHeight(text_edit.fontMetrics().lineSpacing() * 4 + 12)
            text_edit.textChanged.connect(lambda n=name: self._schedule_text(n))
            return text_edit
        if name == "category":
            category_box = CategoryComboBox(self.context.reference)
            category_box.currentTextChanged.connect(lambda _text: self._schedule("category"))
            category_line = category_box.lineEdit()
            assert category_line is not None  # the category box is editable
            category_line.editingFinished.connect(self.flush)
            return category_box
        if name == "profile":
            profile_box = ProfileComboBox()
            profile_box.activated.connect(lambda _index: self._on_profile_chosen())
            return profile_box
        if name == "contract_kind":
            kind_box = QComboBox()
            size_to_short_text(kind_box, 16)
            kind_box.addItem("", NOT_CHOSEN)
            for kind in ContractKind:
                kind_box.addItem(kind.label(), kind.value)
            kind_box.activated.connect(lambda _index: self._save_now("contract_kind"))
            return kind_box
        if name == "procedure":
            procedure_box = QComboBox()
            size_to_short_text(procedure_box, 16)
            procedure_box.addItem("", NOT_CHOSEN)
            for procedure in Procedure:
                procedure_box.addItem(procedure.label(), procedure.value)  # Qt turns str enums into str
            procedure_box.activated.connect(lambda _index: self._save_now("procedure"))
            return procedure_box
        if name == "innovation_pilot":
            pilot_box = QCheckBox()
            pilot_box.toggled.connect(lambda _on: self._save_now("innovation_pilot"))
            return pilot_box
        if name in AMOUNT_FACTS:
            value_edit = QLineEdit()
            value_edit.setMaxLength(40)
            value_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value_edit.setMaximumWidth(value_edit.fontMetrics().horizontalAdvance("0") * 24)
            value_edit.textChanged.connect(lambda _text, n=name: self._schedule(n))
            value_edit.editingFinished.connect(self.flush)
            return value_edit
        if FACTS_BY_NAME[name].kind is FactKind.DAY:
            date_field = DateField(optional=True)
            date_field.setMaximumWidth(date_field.fontMetrics().horizontalAdvance("0") * 26)
            date_field.committed.connect(lambda n=name: self._save_now(n))
            # Read when the user finishes or leaves the page, never from half-typed text.
            date_field.line.textEdited.connect(lambda _text, n=name: self._mark(n))
            return date_field
        raise KeyError(name)

    def _label_rows(self) -> None:
        """Every field's label with its own Alt+letter, none that the window's menus or Back and
        Next use: chosen again in each language and once the page is in its window."""
        title = _("&Title (required)")
        taken = letters_in_use(self) | {mnemonic_of(title) or ""}
        # The row shown only at a quality weight of 0 % takes what letter is left, not one a field
        # that is always there needs.
        names = sorted(
            (name for name in self._row_labels if name != "title"),
            key=lambda name: name == "award_basis_reason",
        )
        texts = with_mnemonics([_(FIELD_LABELS[name]) for name in names], taken)
        self._row_labels["title"].setText(title)
        for name, text in zip(names, texts, strict=True):
            self._row_labels[name].setText(text)

    def _fit_label_column(self) -> None:
        """One label column for all sections, so the fields line up from box to box, where the page
        is wide enough for it; on a narrow page each label goes above its field (at 200 % on a laptop
        the labels took the width and every field was squeezed to a few characters)."""
        width = max(label.sizeHint().width() for label in self._row_labels.values())
        room_for_fields = self.fontMetrics().horizontalAdvance("M") * FIELD_ROOM_CHARACTERS
        above = self.width() < width + room_for_fields
        policy = QFormLayout.RowWrapPolicy.WrapAllRows if above else QFormLayout.RowWrapPolicy.WrapLongRows
        for box in self._section_boxes:
            form = box.layout()
            if isinstance(form, QFormLayout) and form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)
        for label in self._row_labels.values():
            label.setMinimumWidth(0 if above else width)

    def labels_above_fields(self) -> bool:
        form = self._section_boxes[0].layout()
        return (
            isinstance(form, QFormLayout) and form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_label_column()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._label_rows()
        super().showEvent(event)

    def retranslate_ui(self) -> None:
        self.tender_risks.retranslate_ui()
        self._title.setText(_("Project facts"))
        self._intro.setText(
            _(
                "What is being bought, through which procedure and by whom. "
                "Everything you type is saved at once."
            )
        )
        for box, (section_title, _names) in zip(self._section_boxes, SECTIONS, strict=True):
            box.setTitle(_(section_title))
        for name in self._row_labels:
            self._editors[name].setAccessibleName(_(FIELD_LABELS[name]))
        self._label_rows()
        self._fit_label_column()
        procedure_box = self._editors["procedure"]
        assert isinstance(procedure_box, QComboBox)
        procedure_box.setItemText(0, _("not chosen yet"))
        for index in range(1, procedure_box.count()):
            procedure_box.setItemText(index, Procedure(str(procedure_box.itemData(index))).label())
        reference = self.context.reference
        explain_choices(
            procedure_box,
            lambda code: reference.procedure_rules(Procedure(str(code)) if code else None).description(
                current_language()
            ),
        )
        pilot = self._editors["innovation_pilot"]
        assert isinstance(pilot, QCheckBox)
        # Short: a check box does not wrap, and the whole sentence made the page scroll sideways at
        # 200 % on a laptop; the row's label says what it is.
        pilot.setText(_("Yes, with two SDG dialogues"))
        if reference.innovation_description is not None:
            pilot.setToolTip(reference.innovation_description(current_language()))
        kind_box = self._editors["contract_kind"]
        assert isinstance(kind_box, QComboBox)
        kind_box.setItemText(0, _("not chosen yet"))
        for index in range(1, kind_box.count()):
            kind_box.setItemText(index, ContractKind(str(kind_box.itemData(index))).label())
        for name, help_text in field_help().items():
            self._editors[name].setToolTip(help_text)
        self._show_threshold()
        for amount in AMOUNT_FACTS:
            value = self._editors[amount]
            assert isinstance(value, QLineEdit)
            value.setPlaceholderText(
                _("in euros, e.g. {example}").format(
                    example=format_number(Decimal(250000), current_language())
                )
            )
        for date_field in DAY_FACTS:
            date = self._editors[date_field]
            assert isinstance(date, DateField)
            date.setPlaceholderText(_("not planned yet"))
            date.retranslate_ui()
            date.show_in(current_language())
        category = self._editors["category"]
        assert isinstance(category, CategoryComboBox)
        category.retranslate()
        if self.snapshot is not None:
            for amount in AMOUNT_FACTS:
                self._show_value(amount, getattr(self.snapshot.facts, amount))
            self._show_profile(self.snapshot)  # its "(no profile)" and "(kept copy)" in the new language
            self._show_gaps(self.snapshot)

    # -- reading the editors ------------------------------------------------------------------------

    def _editor_value(self, name: str) -> tuple[Any, str | None]:
        """The value in an editor, or a problem message when it cannot be read as one."""
        editor = self._editors[name]
        if isinstance(editor, CategoryComboBox):
            return editor.value(), None
        if isinstance(editor, QLineEdit):
            text = editor.text()
            if name not in AMOUNT_FACTS:
                return text, None
            if not text.strip():
                return None, None
            number = parse_number(text, current_language())
            if number is None:
                return None, _("Enter an amount in euros, e.g. {example}.").format(
                    example=format_number(Decimal("1250000.50"), current_language(), places=2)
                )
            return number, None
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText(), None
        if isinstance(editor, QComboBox) and name == "contract_kind":
            code = str(editor.currentData() or "")
            return (ContractKind(code) if code else None), None
        if isinstance(editor, QComboBox):
            code = str(editor.currentData() or "")
            return (Procedure(code) if code else None), None
        if isinstance(editor, QCheckBox):
            return editor.isChecked(), None
        if isinstance(editor, DateField):
            return editor.day(), editor.problem()
        raise KeyError(name)

    def _show_value(self, name: str, value: Any) -> None:
        editor = self._editors[name]
        current, problem = self._editor_value(name)
        if problem is None and current == value and name not in self._pending:
            # Same amount, but "800000" typed reads as "800.000" once the user has moved on.
            if not (name in AMOUNT_FACTS and not editor.hasFocus() and value is not None):
                return
            assert isinstance(editor, QLineEdit)
            if editor.text() == format_number(value, current_language()):
                return
        if name in self._pending or (self._fields[name].problem_text() and editor.hasFocus()):
            return  # the user's newer (or not yet valid) typing wins over the stored value
        editor.blockSignals(True)
        try:
            if name in AMOUNT_FACTS:
                assert isinstance(editor, QLineEdit)
                editor.setText("" if value is None else format_number(value, current_language()))
            elif isinstance(editor, QLineEdit):
                editor.setText(value)
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value)
            elif isinstance(editor, CategoryComboBox):
                editor.set_value(value)
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(editor.findData(value.value if value is not None else NOT_CHOSEN))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(value)
            elif isinstance(editor, DateField):
                editor.set_day(value)
        finally:
            editor.blockSignals(False)
        if isinstance(editor, QComboBox):
            explain_current(editor)
        self._fields[name].show_problem(None)

    # -- saving -------------------------------------------------------------------------------------

    def _mark(self, name: str) -> None:
        if name not in self._based_on and self.snapshot is not None:
            self._based_on[name] = getattr(self.snapshot.facts, name)
        self._pending.add(name)

    def _schedule(self, name: str) -> None:
        self._mark(name)
        self._save_timer.start()

    def _schedule_text(self, name: str) -> None:
        if self.snapshot is not None and self._editor_value(name)[0] != getattr(self.snapshot.facts, name):
            self._schedule(name)

    def _save_now(self, name: str) -> None:
        self._mark(name)
        self.flush()

    def flush(self) -> None:
        self._save_timer.stop()
        if self.snapshot is None:
            self._pending.clear()
            self._based_on.clear()
            return
        for name in sorted(self._pending):
            self._pending.discard(name)
            self._save_field(name)

    def _save_field(self, name: str) -> None:
        assert self.snapshot is not None
        value, problem = self._editor_value(name)
        if problem is None:
            problems = validate_fact_changes({name: value})
            problem = problems[0].message if problems else None
        self._fields[name].show_problem(problem)
        if problem is not None:
            return
        old = self._based_on.pop(name, getattr(self.snapshot.facts, name))
        if value == old:
            return
        self.run(
            UpdateFactsCommand(self.service(), self.session_id, name, old, value, _(FIELD_LABELS[name]))
        )
        self._forget_own_typing(name)

    def _forget_own_typing(self, name: str) -> None:
        """What was typed is saved and on the window's undo stack now: the field forgets its own history,
        so Ctrl+Z undoes the saved change in one step. Kept, the field's own undo emptied it on screen
        while the stored text stayed, and the next Ctrl+Z then seemed to do nothing."""
        editor = self._editors[name]
        if isinstance(editor, QPlainTextEdit):
            editor.document().clearUndoRedoStacks()
        elif isinstance(editor, QLineEdit) and editor.isUndoAvailable():
            cursor, selected, length = (
                editor.cursorPosition(),
                editor.selectionStart(),
                len(editor.selectedText()),
            )
            editor.blockSignals(True)
            try:
                editor.setText(editor.text())  # the only way to empty a line edit's history
            finally:
                editor.blockSignals(False)
            if selected >= 0 and length:
                editor.setSelection(selected, length)
            else:
                editor.setCursorPosition(cursor)

    # -- loading ------------------------------------------------------------------------------------

    def load(self, snapshot: SessionSnapshot) -> None:
        if self.snapshot is not None and self.snapshot.id != snapshot.id:
            self._based_on.clear()
        super().load(snapshot)
        facts: ProjectFacts = snapshot.facts
        for name in self._editors:
            if name != "profile":
                self._show_value(name, getattr(facts, name))
        self._show_profile(snapshot)
        self._show_threshold()
        self._show_lowest_price_reason(snapshot)
        self._show_threshold_test(snapshot)
        self.tender_risks.load(snapshot)
        self._show_gaps(snapshot)

    def _show_threshold_test(self, snapshot: SessionSnapshot) -> None:
        statement = threshold_test(snapshot.facts, snapshot.eu_threshold)
        self.threshold_note.setText(statement.message if statement is not None else "")
        self.threshold_note.setVisible(statement is not None)

    def _show_lowest_price_reason(self, snapshot: SessionSnapshot) -> None:
        """Why lowest price: asked only where step 3 awards on price alone, and kept in view while it
        holds words (a team that raises the quality weight later still sees what it wrote)."""
        needed = snapshot.quality_weight_pct == 0 or bool(snapshot.facts.award_basis_reason.strip())
        self._row_forms["award_basis_reason"].setRowVisible(self._fields["award_basis_reason"], needed)

    def _show_gaps(self, snapshot: SessionSnapshot) -> None:
        """What the facts still miss, at the foot of the page; the procedure's fit beside it."""
        found = problems(Step.FACTS, snapshot)
        self.procedure_note.show_problems(p for p in found if p.field == "procedure")
        self.gaps.show_problems(p for p in found if p.field != "procedure")

    def _show_threshold(self) -> None:
        """The EU threshold that applies, in the kind's tooltip: the number behind the procedure advice."""
        threshold = self.snapshot.eu_threshold if self.snapshot is not None else None
        if threshold is None:
            return
        self._editors["contract_kind"].setToolTip(
            field_help()["contract_kind"]
            + "\n"
            + _("EU threshold {period}: EUR {value} ({source}).").format(
                period=threshold.period,
                value=format_number(threshold.value_eur, current_language()),
                source=threshold.source,
            )
        )

    # -- the organisation profile --------------------------------------------------------------------

    def _show_profile(self, snapshot: SessionSnapshot) -> None:
        box = self._editors["profile"]
        assert isinstance(box, ProfileComboBox)
        try:
            box.show_profiles(self.context.profiles().list_profiles(), snapshot)
        except CompassError as error:
            self.context.report_error(error)

    def _on_profile_chosen(self) -> None:
        assert self.snapshot is not None
        box = self._editors["profile"]
        assert isinstance(box, ProfileComboBox)
        new = box.chosen_profile()
        if box.keeps_copy() or new == self.snapshot.profile_id:
            return
        self.run(
            SetProfileCommand(
                self.service(),
                self.session_id,
                self.snapshot.profile_id,
                new,
                _("Change organisation profile"),
            )
        )

    def field(self, name: str) -> FieldWithMessage:
        return self._fields[name]

    def editor(self, name: str) -> QWidget:
        return self._editors[name]
