"""A date field that may be empty: its minimum date stands for "no date" and shows a special text.

Qt's date edit uses Tab to walk its day, month and year sections; with the special text shown there
are no sections to walk, and Tab never left the field. An empty date passes Tab on at once.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

NO_DATE = QDate(2000, 1, 1)  # the minimum, shown with the special value text


class OptionalDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setDate(NO_DATE)

    def is_empty(self) -> bool:
        return self.date() == NO_DATE

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        if self.is_empty():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)
