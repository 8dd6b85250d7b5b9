"""Step 2, Prioriteren - hoogste impact: of the inventoried SDGs, the team selects the priorities and
rates how urgent each is in this project. The team decides; the app only warns."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass.domain import EntryKind, SessionSnapshot
from compass.flow import Step, problems
from compass.i18n import _, current_language
from compass.ui.commands import SetPriorityCommand
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.widgets.choices import sdg_label, sdg_swatch
from compass.ui.widgets.empty_hint import EmptyHint

NOT_RATED = 0  # the spin box's minimum, shown as "-"


class PrioritiesPage(StepPage):
    step = Step.PRIORITIES
    SDG, RISKS, OPPORTUNITIES, PRIORITY, URGENCY = range(5)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title, self._intro = page_heading(layout)
        self.empty = EmptyHint(lambda: context.go_to_step(Step.INVENTORY))
        layout.addWidget(self.empty)
        self.table = QTableWidget(0, 5)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab walks the check boxes and spin boxes instead
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.SDG, QHeaderView.ResizeMode.Stretch)
        for column in (self.RISKS, self.OPPORTUNITIES, self.PRIORITY, self.URGENCY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.warnings = QLabel()
        self.warnings.setObjectName("warning")
        self.warnings.setWordWrap(True)
        layout.addWidget(self.warnings)
        self._sdgs: tuple[int, ...] = ()
        self._checks: dict[int, QCheckBox] = {}
        self._urgency: dict[int, QSpinBox] = {}
        self.retranslate_ui()

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
            [_("SDG"), _("Risks"), _("Opportunities"), _("Priority"), _("Urgency (1-5)")]
        )
        self.table.horizontalHeaderItem(self.URGENCY).setToolTip(
            _(
                "How urgent is this SDG in the project or its surroundings? 1 = hardly, 5 = very. "
                "Think of the gap to reach the goal by 2030."
            )
        )
        self.table.setAccessibleName(_("Inventoried SDGs"))
        if self.snapshot is not None:
            self._sdgs = ()  # rebuild the rows with the new language
            self.load(self.snapshot)

    def load(self, snapshot: SessionSnapshot) -> None:
        super().load(snapshot)
        sdgs = snapshot.inventoried_sdgs()
        if sdgs != self._sdgs:
            self._build_rows(sdgs)
        tally = Counter((e.sdg, e.kind) for e in snapshot.inventory)
        for row, sdg in enumerate(sdgs):
            priority = snapshot.priority_for(sdg)
            self.table.item(row, self.RISKS).setText(str(tally[sdg, EntryKind.RISK]))
            self.table.item(row, self.OPPORTUNITIES).setText(str(tally[sdg, EntryKind.OPPORTUNITY]))
            check, spin = self._checks[sdg], self._urgency[sdg]
            check.blockSignals(True)
            check.setChecked(priority.selected)
            check.blockSignals(False)
            spin.blockSignals(True)
            spin.setValue(priority.urgency or NOT_RATED)
            spin.blockSignals(False)
        self.empty.setVisible(not sdgs)
        self.table.setVisible(bool(sdgs))
        found = problems(Step.PRIORITIES, snapshot) if sdgs else []
        self.warnings.setText("\n".join("\u26a0 " + p.message for p in found))

    def _build_rows(self, sdgs: tuple[int, ...]) -> None:
        self._sdgs = sdgs
        self._checks.clear()
        self._urgency.clear()
        self.table.setRowCount(len(sdgs))
        for row, number in enumerate(sdgs):
            sdg = self.context.reference.sdg(number)
            name = QTableWidgetItem(sdg_swatch(sdg, self.fontMetrics().height()), sdg_label(sdg))
            name.setToolTip(sdg.description(current_language()))
            self.table.setItem(row, self.SDG, name)
            for column in (self.RISKS, self.OPPORTUNITIES):
                cell = QTableWidgetItem()
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, cell)
            check = QCheckBox(_("priority"))
            check.setAccessibleName(_("SDG {sdg} is a priority").format(sdg=number))
            check.toggled.connect(lambda on, n=number: self._set(n, "selected", not on, on))
            spin = QSpinBox()
            spin.setRange(NOT_RATED, 5)
            spin.setSpecialValueText("\u2013")
            spin.setAccessibleName(_("Urgency of SDG {sdg}").format(sdg=number))
            spin.valueChanged.connect(lambda value, n=number: self._set_urgency(n, value))
            self._checks[number], self._urgency[number] = check, spin
            self.table.setCellWidget(row, self.PRIORITY, check)
            self.table.setCellWidget(row, self.URGENCY, spin)
        self.table.resizeRowsToContents()

    def _set_urgency(self, sdg: int, value: int) -> None:
        assert self.snapshot is not None
        old = self.snapshot.priority_for(sdg).urgency
        self._set(sdg, "urgency", old, value or None)

    def _set(self, sdg: int, field: str, old: object, new: object) -> None:
        self.run(
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

    def check_box(self, sdg: int) -> QCheckBox:
        return self._checks[sdg]

    def urgency_box(self, sdg: int) -> QSpinBox:
        return self._urgency[sdg]
