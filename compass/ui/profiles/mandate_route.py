"""The profile editor's tab of the mandate route: from which contract value who adopts, advises, is
consulted or is informed, each with the rule that says so. A table like the policy rules' tab; what a
step does is chosen from a combo box in the current language while the code is what is kept. The
editor reads the route back with ``route()``, which shows a bad row below the table and selects it.
Qt only; the rules of a route are ``compass.method.mandate``'s, and the service validates again.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass.core.profile import MandateDecision, MandateStep
from compass.formatting import format_number, parse_number
from compass.i18n import _, current_language
from compass.method.mandate import DECIDES_WORDS, ordered, route_problems

FROM, ROLE, DECIDES, SOURCE, DERIVED = range(5)
_CODE = Qt.ItemDataRole.UserRole  # the decision's code on its cell; the cell shows its words

Index = QModelIndex | QPersistentModelIndex


def _decides_item(decides: MandateDecision) -> QTableWidgetItem:
    item = QTableWidgetItem(_(DECIDES_WORDS[decides]))
    item.setData(_CODE, decides.value)
    return item


class DecidesDelegate(QStyledItemDelegate):
    """Edits the decision with a combo box of the codes in words (F2, a key or a double click)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        combo.setAccessibleName(_("Decides"))
        for decides in MandateDecision:
            combo.addItem(_(DECIDES_WORDS[decides]), decides.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(_CODE))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), _CODE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class MandateRouteTab(QWidget):
    def __init__(self, route: tuple[MandateStep, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [_("From (EUR)"), _("Who"), _("Decides"), _("Source"), _("Own derivation")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        for column in (FROM, DECIDES, DERIVED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(_("Mandate route"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Tab leaves the table for its buttons; the arrow keys move between the cells.
        self.table.setTabKeyNavigation(False)
        self.delegate = DecidesDelegate(self.table)
        self.table.setItemDelegateForColumn(DECIDES, self.delegate)
        for step in route:
            self.add_row(step)
        add = QPushButton(_("Add step"))
        add.clicked.connect(lambda: self.add_row(None))
        remove = QPushButton(_("Remove selected"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        intro = QLabel(
            _(
                "Who decides on a strategy from which contract value, beyond the budget holder, each "
                "with the rule that says so (title and article). Below the lowest amount the budget "
                "holder adopts alone. Mark a step read into a rule that names no amount as an own "
                "derivation."
            )
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    def add_row(self, step: MandateStep | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        amount = "" if step is None else format_number(step.from_eur, current_language())
        texts = {FROM: amount, ROLE: step.role if step else "", SOURCE: step.source if step else ""}
        for column, text in texts.items():
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(row, column, item)
        self.table.setItem(row, DECIDES, _decides_item(step.decides if step else MandateDecision.ADOPTS))
        derived = QTableWidgetItem()
        derived.setFlags(
            Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        )
        derived.setCheckState(Qt.CheckState.Checked if step and step.derived else Qt.CheckState.Unchecked)
        self.table.setItem(row, DERIVED, derived)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _show(self, row: int, column: int, message: str) -> None:
        self.problem.setText(message)
        self.table.setAccessibleDescription(message)
        self.table.setCurrentCell(row, column)

    def route(self) -> tuple[MandateStep, ...] | None:
        """The route by amount, or None with the first problem shown below the table and its cell
        selected. Rows left wholly empty are dropped first, so a row's number is its step's."""
        self.problem.clear()
        self.table.setAccessibleDescription("")
        for row in reversed(range(self.table.rowCount())):
            if not any(self._text(row, column) for column in (FROM, ROLE, SOURCE)):
                self.table.removeRow(row)
        steps = []
        for row in range(self.table.rowCount()):
            amount = parse_number(self._text(row, FROM), current_language())
            if amount is None or amount < 0:
                message = _("Row {row}: enter the amount in euros from which the step applies, 0 or more.")
                self._show(row, FROM, message.format(row=row + 1))
                return None
            steps.append(self._step(row, amount))
        problems = route_problems(steps)
        if problems:
            first = problems[0]
            parts = first.field.split("/")
            row = int(parts[1]) if len(parts) > 1 else 0
            column = {"role": ROLE, "source": SOURCE}.get(parts[-1], DECIDES)
            self._show(row, column, first.message)
            return None
        return ordered(steps)

    def _step(self, row: int, amount: Decimal) -> MandateStep:
        decides = self.table.item(row, DECIDES)
        derived = self.table.item(row, DERIVED)
        return MandateStep(
            amount,
            self._text(row, ROLE),
            MandateDecision(decides.data(_CODE)) if decides is not None else MandateDecision.ADOPTS,
            self._text(row, SOURCE),
            derived is not None and derived.checkState() == Qt.CheckState.Checked,
        )
