"""A spin box for a small rating whose lowest value means "not rated" and shows a dash: a digit typed
into the dash replaces it (Qt appended it to the dash and refused the result)."""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QSpinBox


class RatingSpinBox(QSpinBox):
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        line = self.lineEdit()
        if event.text().isdigit() and line is not None and self.value() == self.minimum():
            line.selectAll()  # the dash (or 0) gives way to what is typed
        super().keyPressEvent(event)
