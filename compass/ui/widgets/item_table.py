"""Tables whose text column stays readable at any width, and the read-only table of a session's
items (risks, indicators, messages) with remove by button or key."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

# The part of the width the text column keeps when the short columns fit their words anyway, and
# the least it keeps however narrow the table gets.
MIN_TEXT_SHARE = 0.35
TEXT_FLOOR = 0.15
# A list of entries never collapses below this many whole rows; the page scrolls instead.
ITEM_ROWS_SHOWN = 3


class FittedTable(QTableWidget):
    """Short columns get their content width and the text column the rest; when the table is
    narrow (a large font, a split view) the text column still keeps a readable share and the
    widest short columns give way, so a description never shrinks to a sliver."""

    def __init__(
        self,
        stretch_column: int,
        parent: QWidget | None = None,
        *,
        text_share: float = MIN_TEXT_SHARE,
        rows_shown: int = 0,
    ) -> None:
        super().__init__(parent)
        self._stretch_column = stretch_column
        self._text_share = text_share
        self._rows_shown = rows_shown

    def fit_columns(self) -> None:
        columns = self.columnCount()
        if not columns:
            return
        header = self.horizontalHeader()
        header.setDefaultAlignment(header.defaultAlignment() | Qt.TextFlag.TextWordWrap)
        for column in range(columns):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        available = max(0, self.viewport().width())
        others = [c for c in range(columns) if c != self._stretch_column]
        full = {c: max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in others}
        least = {c: self._least_width(c) for c in others}
        # The text column keeps its share, or less when its texts are short; it gives up more
        # (down to a floor) before a short column has to cut a word.
        text_need = max(
            self.sizeHintForColumn(self._stretch_column), header.sectionSizeHint(self._stretch_column)
        )
        text_share = max(min(int(available * self._text_share), text_need), available - sum(full.values()))
        if sum(least.values()) > available - text_share:
            floor = max(int(available * TEXT_FLOOR), self._least_width(self._stretch_column))
            text_share = max(floor, available - sum(least.values()))
        for column, width in _shared_out(full, least, available - text_share).items():
            header.resizeSection(column, max(header.minimumSectionSize(), width))
        used = sum(header.sectionSize(c) for c in others)
        if self._stretch_column < columns:
            header.resizeSection(self._stretch_column, max(header.minimumSectionSize(), available - used))
        self._fit_header_height()
        self.resizeRowsToContents()
        if self._rows_shown:
            self._keep_rows_visible()

    def _keep_rows_visible(self) -> None:
        """At least the first ``rows_shown`` rows stay whole however large the font: the page
        scrolls rather than squeezing the table to a slit."""
        rows = min(self.rowCount(), self._rows_shown)
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += (
            sum(self.rowHeight(row) for row in range(rows))
            if rows
            else self.verticalHeader().defaultSectionSize()
        )
        if self.horizontalScrollBar().isVisible():
            height += self.horizontalScrollBar().height()
        self.setMinimumHeight(height)

    def _header_padding(self, column: int) -> int:
        header = self.horizontalHeader()
        text = self._header_text(column)
        return max(0, header.sectionSizeHint(column) - header.fontMetrics().horizontalAdvance(text))

    def _header_text(self, column: int) -> str:
        item = self.horizontalHeaderItem(column)
        return item.text() if item is not None else ""

    def _header_word_width(self, column: int) -> int:
        """A header may wrap between words, never inside one."""
        metrics = self.horizontalHeader().fontMetrics()
        words = self._header_text(column).split() or [""]
        return max(metrics.horizontalAdvance(word) for word in words) + self._header_padding(column)

    def _least_width(self, column: int) -> int:
        return max(self._content_word_width(column), self._header_word_width(column))

    def _content_word_width(self, column: int) -> int:
        """The narrowest a column can get without cutting a word or a control in its cells."""
        metrics = self.fontMetrics()
        widest = 0
        for row in range(self.rowCount()):
            if (widget := self.cellWidget(row, column)) is not None:
                widest = max(widest, widget.sizeHint().width())
            elif (item := self.item(row, column)) is not None:
                # The view's own hint for the cell, less the part of the text beyond its longest word.
                whole = self.sizeHintForIndex(self.indexFromItem(item)).width()
                longest = max((metrics.horizontalAdvance(w) for w in item.text().split()), default=0)
                widest = max(widest, whole - metrics.horizontalAdvance(item.text()) + longest)
        return widest + (1 if self.showGrid() else 0)  # as sizeHintForColumn counts the grid line

    def _fit_header_height(self) -> None:
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        tallest = metrics.height()
        for column in range(self.columnCount()):
            width = max(1, header.sectionSize(column) - 2 * margin)
            bounds = metrics.boundingRect(
                0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), self._header_text(column)
            )
            tallest = max(tallest, bounds.height())
        header.setFixedHeight(tallest + 2 * margin + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_columns()


class ItemTable(FittedTable):
    remove_requested = Signal(int)  # item id

    def __init__(self, stretch_column: int, parent: QWidget | None = None) -> None:
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
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self,
            self.remove_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

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
                if column == 0 and icons and icons[row] is not None:
                    cell.setIcon(icons[row])
                self.setItem(row, column, cell)
            if item_id == selected:
                self.selectRow(row)
        self.fit_columns()

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        cell = self.item(rows[0].row(), 0)
        return int(cell.data(Qt.ItemDataRole.UserRole)) if cell is not None else None

    def remove_selected(self) -> None:
        if (item_id := self.selected_id()) is not None:
            self.remove_requested.emit(item_id)


def _shared_out(full: dict[int, int], least: dict[int, int], budget: int) -> dict[int, int]:
    """Column widths within the budget: the full width when there is room; else every column
    at least its longest word (headers and cells wrap between words) and the rest shared in
    proportion; cutting inside words, widest columns first, only when even that does not fit."""
    least = {c: min(least[c], full[c]) for c in full}
    if sum(full.values()) <= budget:
        return dict(full)
    if sum(least.values()) > budget:
        return _capped(least, budget)
    extra = {c: full[c] - least[c] for c in full}
    share = (budget - sum(least.values())) / sum(extra.values())
    return {c: least[c] + int(extra[c] * share) for c in full}


def _capped(wanted: dict[int, int], budget: int) -> dict[int, int]:
    """Widths within the budget that cut only the widest columns: narrow ones (a number, a
    kind) keep their full width, the wide ones share what is left equally."""
    if sum(wanted.values()) <= budget:
        return dict(wanted)
    remaining, cap = budget, 0
    ordered = sorted(wanted.values())
    for index, width in enumerate(ordered):
        share = remaining // (len(ordered) - index)
        if width > share:
            cap = share
            break
        remaining -= width
    return {column: min(width, cap) for column, width in wanted.items()}
