"""The table of a session's items (risks, indicators, messages): read-only cells, a row opened for
correction by double-click, F2 or Enter (``edit_requested``), removed by button or Delete."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableWidgetItem, QWidget

from compass.ui.widgets.fitted_table import FittedTable
from compass.ui.widgets.shortcuts import widget_shortcut

# A list of entries never collapses below this many whole rows; the page scrolls instead.
ITEM_ROWS_SHOWN = 3


class ItemTable(FittedTable):
    remove_requested = Signal(int)  # item id
    edit_requested = Signal(int)  # item id
    # Enter or a double-click where the row has another action than correcting it (an agenda item
    # goes on screen); F2 still corrects. Only with ``enter_edits=False``.
    open_requested = Signal(int)  # item id
    move_requested = Signal(int, int)  # item id, -1 up or +1 down (Ctrl+Up, Ctrl+Down)

    def __init__(
        self, stretch_column: int, parent: QWidget | None = None, *, enter_edits: bool = True
    ) -> None:
        super().__init__(stretch_column, parent, rows_shown=ITEM_ROWS_SHOWN)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        # Read-only rows: Tab leaves the table (arrows move within it), as in a list.
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        widget_shortcut(QKeySequence.StandardKey.Delete, self, self.remove_selected)
        widget_shortcut(QKeySequence(Qt.Key.Key_F2), self, self.edit_selected)
        on_enter = self.edit_selected if enter_edits else self.open_selected
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            widget_shortcut(QKeySequence(key), self, on_enter)
        self.cellDoubleClicked.connect(lambda _row, _column: on_enter())
        widget_shortcut(QKeySequence("Ctrl+Up"), self, self._move_selected_up)
        widget_shortcut(QKeySequence("Ctrl+Down"), self, self._move_selected_down)

    def edit_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.edit_requested.emit(item_id)

    def open_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.open_requested.emit(item_id)

    def _move_selected_up(self) -> None:
        if (item_id := self.selected_id()) is not None:
            self.move_requested.emit(item_id, -1)

    def _move_selected_down(self) -> None:
        if (item_id := self.selected_id()) is not None:
            self.move_requested.emit(item_id, 1)

    def set_headers(self, headers: Sequence[str]) -> None:
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self.fit_columns()

    def set_rows(
        self, rows: Sequence[tuple[int, Sequence[str]]], icons: Sequence[QIcon | None] | None = None
    ) -> None:
        selected = self.selected_id()
        self.setRowCount(len(rows))
        for row, (item_id, texts) in enumerate(rows):
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setData(Qt.ItemDataRole.UserRole, item_id)
                icon = icons[row] if column == 0 and icons else None
                if icon is not None:
                    cell.setIcon(icon)
                self.setItem(row, column, cell)
            if item_id == selected:
                # Current as well as selected: after a move the arrows go on from where the item is.
                self.setCurrentCell(row, max(0, self.currentColumn()))
        self.fit_columns()

    def select_id(self, item_id: int) -> bool:
        """Choose the row of ``item_id`` and show it; False when no row has it."""
        for row in range(self.rowCount()):
            cell = self.item(row, 0)
            if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == item_id:
                self.selectRow(row)
                self.scrollToItem(cell)
                return True
        return False

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        cell = self.item(rows[0].row(), 0)
        return int(cell.data(Qt.ItemDataRole.UserRole)) if cell is not None else None

    def remove_selected(self) -> None:
        if (item_id := self.selected_id()) is not None:
            self.remove_requested.emit(item_id)
