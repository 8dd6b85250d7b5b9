"""Step 3: the organisation's policy frame. Each standard requirement of the profile with where it
stands in this tender; the team applies it (it becomes a criterion) or writes why not, in place. The
widget asks; the page turns its signals into undoable commands."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import PolicyItem
from compass.i18n import _, current_language
from compass.method.policy import policy_status_text
from compass.ui.widgets.fitted_table import FittedTable

REQUIREMENT, STATUS, REASON = range(3)


class PolicyPanel(QGroupBox):
    apply_requested = Signal(str)  # catalogue id of the requirement
    complete_requested = Signal(str)  # catalogue id of an applied requirement whose text has a blank
    reason_changed = Signal(str, str, str)  # catalogue id, old reason, new reason

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[PolicyItem, ...] = ()
        self._incomplete: frozenset[str] = frozenset()  # applied, but their criterion holds a blank
        self._just_applied: str | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = FittedTable(stretch_column=REQUIREMENT, rows_shown=3)
        self.table.setColumnCount(3)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self._apply_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Organisation policy"))
        self.intro.setText(
            _(
                "The organisation profile asks for these requirements in its tenders. Apply each one "
                "that applies, or write in the last column why it does not fit this tender."
            )
        )
        self.table.setHorizontalHeaderLabels([_("Requirement"), _("In this tender"), _("Why not")])
        self.table.setAccessibleName(_("Requirements of the organisation policy"))
        self.load(self._items, self._incomplete)

    def load(self, items: tuple[PolicyItem, ...], incomplete: frozenset[str] = frozenset()) -> None:
        """``incomplete``: requirements applied as a criterion that still holds a blank ("[x] %")."""
        self._items = items
        self._incomplete = incomplete
        self.setVisible(bool(items))
        language = current_language()
        selected = self._selected_id()
        if selected is None or selected == self._just_applied:
            # A requirement chosen from the start, and the next one after applying: "Apply selected"
            # (Alt+P) did nothing until a keyboard user found that Space chooses a row.
            selected = next(
                (i.criterion_id for i in items if i.applies and not i.applied and not i.reason), selected
            )
        self._just_applied = None
        self.table.blockSignals(True)
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            requirement = QTableWidgetItem(item.text(language))
            status_text = policy_status_text(item, language)
            if item.criterion_id in incomplete:
                status_text = _("{status}; a blank to fill in").format(status=status_text)
            status = QTableWidgetItem(status_text)
            reason = QTableWidgetItem(item.reason)
            reason.setToolTip(
                _("Why the requirement does not fit this tender: F2 or a double click to write it")
            )
            for cell in (requirement, status):
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if item.applied or not item.applies:
                reason.setFlags(reason.flags() & ~Qt.ItemFlag.ItemIsEditable)
            for column, cell in enumerate((requirement, status, reason)):
                cell.setData(Qt.ItemDataRole.UserRole, item.criterion_id)
                self.table.setItem(row, column, cell)
            if item.criterion_id == selected:
                self.table.selectRow(row)
        self.table.fit_columns()
        self.table.blockSignals(False)
        self._update_button()

    def _selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        cell = self.table.item(rows[0].row(), REQUIREMENT) if rows else None
        return str(cell.data(Qt.ItemDataRole.UserRole)) if cell is not None else None

    def _selected_item(self) -> PolicyItem | None:
        chosen = self._selected_id()
        return next((item for item in self._items if item.criterion_id == chosen), None)

    def _update_button(self) -> None:
        """Apply a requirement; for one applied with a blank left, complete its text instead."""
        item = self._selected_item()
        completing = item is not None and item.criterion_id in self._incomplete
        if completing:
            self.apply_button.setText(_("Com&plete the text\u2026"))
            self.apply_button.setToolTip(_("Fill in the blank the requirement leaves for this tender"))
        else:
            self.apply_button.setText(_("A&pply selected"))
            self.apply_button.setToolTip(_("Add the selected requirement as a criterion (Ctrl+Z undoes)"))
        self.apply_button.setEnabled(item is not None and (completing or not item.applied))

    def _apply_selected(self) -> None:
        item = self._selected_item()
        if item is not None and item.criterion_id in self._incomplete:
            self.complete_requested.emit(item.criterion_id)
        elif item is not None and not item.applied:
            self._just_applied = item.criterion_id
            self.apply_requested.emit(item.criterion_id)

    def _on_table_item_changed(self, cell: QTableWidgetItem) -> None:
        if cell.column() != REASON:
            return
        item = next((i for i in self._items if i.criterion_id == cell.data(Qt.ItemDataRole.UserRole)), None)
        if item is not None and cell.text().strip() != item.reason:
            self.reason_changed.emit(item.criterion_id, item.reason, cell.text().strip())
