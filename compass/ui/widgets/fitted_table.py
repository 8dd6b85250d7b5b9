"""A table that fits its columns to the width it gets, keeping words whole at any font size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableWidget, QWidget

# The part of the width the text column keeps when the short columns fit their words anyway, and
# the least it keeps however narrow the table gets.
MIN_TEXT_SHARE = 0.35
TEXT_FLOOR = 0.15


class FittedTable(QTableWidget):
    """Short columns get their content width and the text column (``stretch_column``) the rest.
    When the table is narrow (a large font, a split view) headers and cells wrap between words:
    every column keeps at least its longest word while the text column keeps at least a floor,
    and when even that does not fit the table scrolls sideways rather than cutting a word."""

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
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

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
        floor = 0
        if sum(least.values()) > available - text_share:
            floor = max(int(available * TEXT_FLOOR), self._least_width(self._stretch_column))
            text_share = max(floor, available - sum(least.values()))
        for column, width in _shared_out(full, least, available - text_share).items():
            header.resizeSection(column, max(header.minimumSectionSize(), width))
        used = sum(header.sectionSize(c) for c in others)
        if self._stretch_column < columns:
            header.resizeSection(
                self._stretch_column, max(header.minimumSectionSize(), floor, available - used)
            )
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


def _shared_out(full: dict[int, int], least: dict[int, int], budget: int) -> dict[int, int]:
    """Column widths within the budget: the full width when there is room; else every column
    at least its longest word (headers and cells wrap between words) and the rest shared in
    proportion; when even that does not fit, the longest words all the same (the table scrolls)."""
    least = {c: min(least[c], full[c]) for c in full}
    if sum(full.values()) <= budget:
        return dict(full)
    if sum(least.values()) > budget:
        return dict(least)
    extra = {c: full[c] - least[c] for c in full}
    share = (budget - sum(least.values())) / sum(extra.values())
    return {c: least[c] + int(extra[c] * share) for c in full}
