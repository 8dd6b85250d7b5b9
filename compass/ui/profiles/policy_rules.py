"""The profile editor's tab of policy rules: the rules and goals the organisation's own plan states,
each with the plan's section as its source, and what the product (or the user) read into the plan
marked as an own derivation. Rows are added and removed like the editor's local initiatives; the
editor reads them back with ``rules()``. Qt only; the profile service validates what comes back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass.core.profile import PolicyKind, PolicyRule
from compass.i18n import _

TEXT, SOURCE, GOAL, DERIVED = range(4)
_THEME = Qt.ItemDataRole.UserRole  # kept on the text cell: the tab does not edit a rule's theme


def _checkable(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(
        Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    )
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


class PolicyRulesTab(QWidget):
    def __init__(self, rules: tuple[PolicyRule, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [_("Rule or goal"), _("Source"), _("Goal"), _("Own derivation")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(SOURCE, self.fontMetrics().averageCharWidth() * 30)
        for column in (GOAL, DERIVED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setAccessibleName(_("Policy rules"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for rule in rules:
            self.add_row(rule)
        self.table.resizeRowsToContents()
        add = QPushButton(_("Add rule"))
        add.clicked.connect(lambda: self.add_row(PolicyRule("")))
        remove = QPushButton(_("Remove selected"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        intro = QLabel(
            _(
                "Rules and goals of the organisation's own plan, each with the section that states it. "
                "Mark what is read into the plan rather than written in it as an own derivation."
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

    def add_row(self, rule: PolicyRule) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        text = QTableWidgetItem(rule.text)
        text.setToolTip(rule.text)
        text.setData(_THEME, rule.theme)
        source = QTableWidgetItem(rule.source)
        source.setToolTip(rule.source)
        self.table.setItem(row, TEXT, text)
        self.table.setItem(row, SOURCE, source)
        self.table.setItem(row, GOAL, _checkable(rule.kind is PolicyKind.GOAL))
        self.table.setItem(row, DERIVED, _checkable(rule.derived))

    def rules(self) -> tuple[PolicyRule, ...] | None:
        """The rules as entered (empty rows skipped), or None with the problem shown below the table."""
        self.problem.clear()
        rules = []
        for row in range(self.table.rowCount()):
            cells = [
                item.text().strip() if (item := self.table.item(row, c)) is not None else ""
                for c in (TEXT, SOURCE)
            ]
            if not any(cells):
                continue
            if not cells[0]:
                self.problem.setText(_("Row {row}: write the rule or goal.").format(row=row + 1))
                return None
            text_item = self.table.item(row, TEXT)
            rules.append(
                PolicyRule(
                    text=cells[0],
                    source=cells[1],
                    derived=self._checked(row, DERIVED),
                    kind=PolicyKind.GOAL if self._checked(row, GOAL) else PolicyKind.RULE,
                    theme=text_item.data(_THEME) if text_item is not None else None,
                )
            )
        return tuple(rules)

    def _checked(self, row: int, column: int) -> bool:
        item = self.table.item(row, column)
        return item is not None and item.checkState() == Qt.CheckState.Checked
