"""The pause sign beside the presenter's clock, drawn: U+23F8 is a box in the shipped font, read from
the back of the room as "something is broken" (issue 25)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class PauseMark(QWidget):
    """Two upright bars in the text colour, as tall as the clock's digits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("")  # the clock's own accessible text says "paused"

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        height = self.fontMetrics().capHeight()
        return QSize(int(height * 0.9), height)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        height = min(self.height(), self.fontMetrics().capHeight())
        bar = height * 0.32
        gap = height * 0.26
        top = (self.height() - height) / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.palette().windowText().color())
        painter.setBrush(self.palette().windowText())
        painter.drawRect(QRectF(0, top, bar, height))
        painter.drawRect(QRectF(bar + gap, top, bar, height))
        painter.end()
