"""Step 2, Prioriteren - hoogste impact: the inventoried SDGs ranked by a score that weighs the
organisation's focus, urgency, local initiatives and workshop votes. The score only orders the list;
the team selects the priorities, and the app only warns."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import LONG_TEXT_MAX_LENGTH, Collection, EntryKind, SessionSnapshot
from compass.i18n import _, current_language
from compass.method.dialogues import votes_come_from_dialogue
from compass.method.priority_score import priority_order, score_explanation, sdg_score
from compass.method.steps import Step, problems
from compass.ui.commands import (
    AddItemCommand,
    RemoveItemCommand,
    SetPriorityCommand,
    SetPriorityValuesCommand,
)
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.widgets.add_form import AddForm
from compass.ui.widgets.choices import SdgComboBox, sdg_label, sdg_swatch
from compass.ui.widgets.empty_hint import EmptyHint
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.findings import FindingsLabel
from compass.ui.widgets.fitted_table import FittedTable
from compass.ui.widgets.focus import chain_after
from compass.ui.widgets.initiative_links import InitiativeLinks
from compass.ui.widgets.priority_reasons import PriorityReasons
from compass.ui.widgets.rating import RatingSpinBox

NOT_RATED = 0  # the urgency spin box's minimum, shown as "-"
URGENT_MARK = "\u2691"  # a flag beside SDGs the national monitor calls urgent
MAX_VOTES = 99
VISIBLE_ROWS = 4


class PrioritiesPage(StepPage):
    step = Step.PRIORITIES
    SDG, ENTRIES, FOCUS, URGENCY, INITIATIVES, VOTES, SCORE, PRIORITY = range(8)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title, self._intro = page_heading(layout)
        self.empty = EmptyHint(lambda: context.go_to_step(Step.INVENTORY))
        layout.addWidget(self.empty)
        # SDG names wrap well; the score's columns need their headers whole more.
        self.table = FittedTable(stretch_column=self.SDG, text_share=0.25, rows_shown=VISIBLE_ROWS)
        self.table.setColumnCount(8)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab walks the check boxes and spin boxes instead
        layout.addWidget(self.table, 3)
        self.formula = QLabel()
        self.formula.setWordWrap(True)
        self.urgency_note = QLabel()
        self.urgency_note.setWordWrap(True)
        self.warnings = FindingsLabel()
        for label in (self.formula, self.urgency_note, self.warnings):
            layout.addWidget(label)
        # An SDG the inventory did not bring up can still be a priority, when the team says why.
        self.outside_sdg = SdgComboBox(context.reference)
        self.outside_reason = QLineEdit()
        self.outside_reason.setMaxLength(LONG_TEXT_MAX_LENGTH)
        self.outside_reason.returnPressed.connect(self.add_outside_priority)
        self.outside_field = FieldWithMessage(self.outside_reason)
        self.outside_button = QPushButton()
        self.outside_button.clicked.connect(self.add_outside_priority)
        outside = AddForm(
            (self.outside_sdg, self.outside_field), (self.outside_button,), columns=2, stretch={0: 1, 1: 2}
        )
        self.outside_label, self._outside_reason_label = outside.labels
        layout.addWidget(outside)
        self.links = InitiativeLinks(context.reference)
        self.links.link_requested.connect(self._on_links_link_requested)
        self.links.unlink_requested.connect(self._on_links_unlink_requested)
        layout.addWidget(self.links)
        self.reasons = PriorityReasons(context.reference)
        self.reasons.reason_changed.connect(self._on_reasons_reason_changed)
        layout.addWidget(self.reasons)
        self._order: tuple[int, ...] = ()
        self._working = False  # the team is editing rows on this visit of the page
        self._checks: dict[int, QCheckBox] = {}
        self._urgency: dict[int, QSpinBox] = {}
        self._votes: dict[int, QSpinBox] = {}
        self.setFocusProxy(self.table)
        self.retranslate_ui()

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell is made with its row
        return item

    def _header(self, column: int) -> QTableWidgetItem:
        item = self.table.horizontalHeaderItem(column)
        assert item is not None  # set by setHorizontalHeaderLabels
        return item

    def retranslate_ui(self) -> None:
        self._title.setText(_("Prioritise - highest impact"))
        self._intro.setText(
            _(
                "Select the SDGs where this tender can make the most difference. Weigh whether the "
                "SDG is a focus of your organisation, how urgent it is here, and whether local "
                "initiatives can build on it. Fewer priorities give more impact."
            )
        )
        self.empty.set_texts(
            _("Record risks and opportunities in step 1 first; the SDGs you inventory appear here."),
            _("Go to step 1"),
        )
        self.table.setHorizontalHeaderLabels(
            [
                _("SDG"),
                _("Risks / opportunities"),
                _("Focus"),
                _("Urgency (1-5)"),
                _("Initiatives"),
                _("Votes"),
                _("Score"),
                _("Priority"),
            ]
        )
        self._header(self.URGENCY).setToolTip(_urgency_help())
        self._header(self.FOCUS).setToolTip(
            _("Whether the organisation profile names this SDG as a focus SDG.")
        )
        self._header(self.VOTES).setToolTip(_votes_help())
        self._header(self.PRIORITY).setToolTip(_priority_help())
        self.table.setAccessibleName(_("Inventoried SDGs"))
        self.formula.setText(score_explanation(current_language()))
        self.outside_label.setText(_("Not in the inventory:"))
        self._outside_reason_label.setText(_("Why it is a priority all the same"))
        self.outside_reason.setPlaceholderText(_("why this SDG is a priority all the same"))
        self.outside_reason.setAccessibleName(_("Why this SDG is a priority without inventory"))
        self.outside_reason.setToolTip(
            _(
                "An SDG step 1 did not bring up can be a priority when the team says why; "
                "the reason is shown with it."
            )
        )
        self.outside_sdg.setToolTip(_("The SDG to add as a priority."))
        self.outside_button.setText(_("Add as priorit&y"))
        self.links.retranslate_ui()
        self.reasons.retranslate_ui()
        urgency = self.context.reference.urgency
        if urgency is not None:
            language = current_language()
            self.urgency_note.setText(
                _("{mark} Urgent nationally according to {source}: SDG {sdgs}.").format(
                    mark=URGENT_MARK,
                    source=urgency.source(language),
                    sdgs=", ".join(str(n) for n in sorted(urgency.notes)),
                )
            )
        if self.snapshot is not None:
            self._order = ()  # rebuild the rows with the new language
            self.load(self.snapshot)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self._working = False  # leaving the page: on return it is sorted by score again
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.snapshot is not None and self._order != priority_order(self.snapshot):
            self.load(self.snapshot)

    # -- showing ------------------------------------------------------------------------------------

    @staticmethod
    def _initiatives(snapshot: SessionSnapshot, sdg: int) -> list[str]:
        return [link.name for link in snapshot.initiatives_for(sdg)]

    def load(self, snapshot: SessionSnapshot) -> None:
        super().load(snapshot)
        order = priority_order(snapshot)
        if self._working and self.isVisible() and set(order) == set(self._order):
            # The rows stay where they are while the team types: a re-sort moved the next value onto
            # another SDG and took the focus. They are sorted again when the page is shown next.
            order = self._order
        scores = {sdg: sdg_score(snapshot, sdg) for sdg in order}
        if order != self._order:
            self._build_rows(order)
        tally = Counter((sdg, e.kind) for e in snapshot.inventory for sdg in (e.sdg, *e.also_sdgs))
        for row, sdg in enumerate(order):
            priority = snapshot.priority_for(sdg)
            focus = snapshot.profile.focus_for(sdg) if snapshot.profile else None
            self._cell(row, self.ENTRIES).setText(
                f"{tally[sdg, EntryKind.RISK]} / {tally[sdg, EntryKind.OPPORTUNITY]}"
            )
            focus_cell = self._cell(row, self.FOCUS)
            focus_cell.setText(_("yes") if focus else ("\u2013" if snapshot.profile else "?"))
            focus_cell.setToolTip(
                focus.reason
                if focus and focus.reason
                else (
                    ""
                    if snapshot.profile
                    else _("Choose an organisation profile on the project facts page.")
                )
            )
            names = self._initiatives(snapshot, sdg)
            initiatives = self._cell(row, self.INITIATIVES)
            initiatives.setText(str(len(names)))
            initiatives.setToolTip("\n".join(names))
            score = scores[sdg]
            score_cell = self._cell(row, self.SCORE)
            score_cell.setText(str(score.total))
            score_cell.setToolTip(
                _("focus {focus} + urgency {urgency} + initiatives {initiatives} + votes {votes}").format(
                    **score.__dict__
                )
            )
            # While dialogue 1 holds the tally, the room's dots are the votes: shown, not typed over (a
            # refused 5 stayed in the box beside a tally of 1, issue 25).
            from_room = votes_come_from_dialogue(snapshot)
            votes_box = self._votes[sdg]
            votes_box.setReadOnly(from_room)
            votes_box.setButtonSymbols(
                QAbstractSpinBox.ButtonSymbols.NoButtons
                if from_room
                else QAbstractSpinBox.ButtonSymbols.UpDownArrows
            )
            votes_box.setToolTip(
                _("The dots of SDG dialogue 1: change them in the workshop window.")
                if from_room
                else _votes_help()
            )
            for box, value in (
                (self._checks[sdg], priority.selected),
                (self._urgency[sdg], priority.urgency or NOT_RATED),
                (votes_box, priority.votes),
            ):
                box.blockSignals(True)
                if isinstance(box, QCheckBox):
                    box.setChecked(bool(value))
                else:
                    box.setValue(value)
                box.blockSignals(False)
        self.empty.setVisible(not order)
        self.table.setVisible(bool(order))
        found = problems(Step.PRIORITIES, snapshot) if order else []
        self.warnings.show_problems(found)
        self.links.load(snapshot)
        self.reasons.load(snapshot)

    def _build_rows(self, order: tuple[int, ...]) -> None:
        self._order = order
        self._checks.clear()
        self._urgency.clear()
        self._votes.clear()
        self.table.setRowCount(len(order))
        urgency = self.context.reference.urgency
        language = current_language()
        for row, number in enumerate(order):
            sdg = self.context.reference.sdg(number)
            hint = urgency.for_sdg(number) if urgency else None
            name = QTableWidgetItem(
                sdg_swatch(sdg, self.fontMetrics().height()),
                sdg_label(sdg) + (f"  {URGENT_MARK}" if hint else ""),
            )
            name.setToolTip(
                sdg.description(language)
                + (
                    f"\n{URGENT_MARK} {hint(language)} ({urgency.source(language)})"
                    if hint and urgency
                    else ""
                )
            )
            self.table.setItem(row, self.SDG, name)
            for column in (self.ENTRIES, self.FOCUS, self.INITIATIVES, self.SCORE):
                cell = QTableWidgetItem()
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)
            check = QCheckBox()  # the column header says it; at 200 % the word was cut
            check.setAccessibleName(_("SDG {sdg} is a priority").format(sdg=number))
            check.setToolTip(_priority_help())
            check.toggled.connect(lambda on, n=number: self._set(n, "selected", not on, on))
            urgency_box = RatingSpinBox()
            urgency_box.setRange(NOT_RATED, 5)
            urgency_box.setSpecialValueText("\u2013")
            urgency_box.setAccessibleName(_("Urgency of SDG {sdg}").format(sdg=number))
            urgency_box.setToolTip(_urgency_help())
            urgency_box.valueChanged.connect(lambda value, n=number: self._set_urgency(n, value))
            votes = RatingSpinBox()
            votes.setRange(0, MAX_VOTES)
            votes.setAccessibleName(_("Workshop votes for SDG {sdg}").format(sdg=number))
            votes.setToolTip(_votes_help())
            votes.valueChanged.connect(lambda value, n=number: self._set_votes(n, value))
            self._checks[number], self._urgency[number], self._votes[number] = check, urgency_box, votes
            self.table.setCellWidget(row, self.URGENCY, urgency_box)
            self.table.setCellWidget(row, self.VOTES, votes)
            self.table.setCellWidget(row, self.PRIORITY, check)
        self.table.fit_columns()
        chain_after(
            self.table,
            (box for n in order for box in (self._urgency[n], self._votes[n], self._checks[n])),
        )

    # -- edits --------------------------------------------------------------------------------------

    def _set_urgency(self, sdg: int, value: int) -> None:
        assert self.snapshot is not None
        self._set(sdg, "urgency", self.snapshot.priority_for(sdg).urgency, value or None)

    def _set_votes(self, sdg: int, value: int) -> None:
        assert self.snapshot is not None
        self._set(sdg, "votes", self.snapshot.priority_for(sdg).votes, value)

    def _set(self, sdg: int, field: str, old: object, new: object) -> None:
        self._working = True
        done = self.run(
            SetPriorityCommand(
                self.service(),
                self.session_id,
                sdg,
                field,
                old,
                new,
                _("Change priority of SDG {sdg}").format(sdg=sdg),
            )
        )
        if not done and self.snapshot is not None:
            self.load(self.snapshot)  # a refused value does not stay in its box

    def add_outside_priority(self) -> None:
        sdg = self.outside_sdg.current_sdg()
        if self.snapshot is None or sdg is None:
            return
        reason = self.outside_reason.text().strip()
        if not reason:
            self.outside_field.show_problem(
                _("Say why this SDG is a priority although the inventory has none of it.")
            )
            return
        self.outside_field.show_problem(None)
        current = self.snapshot.priority_for(sdg)
        old = {"selected": current.selected, "focus_reason": current.focus_reason}
        command = SetPriorityValuesCommand(
            self.service(),
            self.session_id,
            sdg,
            old,
            {"selected": True, "focus_reason": reason},
            _("Add SDG {sdg} as a priority").format(sdg=sdg),
        )
        if self.run(command):
            self.outside_reason.clear()

    def _on_reasons_reason_changed(self, sdg: int, field: str, old: str, new: str) -> None:
        self._set(sdg, field, old, new)

    def _on_links_link_requested(self, values: dict) -> None:
        command = AddItemCommand(
            self.service(), self.session_id, Collection.INITIATIVES, values, _("Link a local initiative")
        )
        if self.run_showing_problems(
            command, {"name": self.links.initiative_field, "sdg": self.links.initiative_field}
        ):
            self.links.clear_new()

    def _on_links_unlink_requested(self, link_id: int) -> None:
        self.run(
            RemoveItemCommand(
                self.service(),
                self.session_id,
                Collection.INITIATIVES,
                link_id,
                _("Unlink a local initiative"),
            )
        )

    def check_box(self, sdg: int) -> QCheckBox:
        return self._checks[sdg]

    def urgency_box(self, sdg: int) -> QSpinBox:
        return self._urgency[sdg]

    def votes_box(self, sdg: int) -> QSpinBox:
        return self._votes[sdg]


def _urgency_help() -> str:
    return _(
        "How urgent is this SDG in the project or its surroundings? 1 = hardly, 5 = very. "
        "Think of the gap to reach the goal by 2030."
    )


def _votes_help() -> str:
    return _("Votes from an SDG dialogue or workshop (dot voting).")


def _priority_help() -> str:
    return _(
        "Select this SDG as a priority of the tender; the score only orders the list, the team decides."
    )
