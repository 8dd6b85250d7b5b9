"""A date field that may be empty: its minimum date stands for "no date" and shows a special text.

Qt's date edit is built for a date that is always there. Empty, it swallowed typed digits, walked Tab
through sections it did not show, and opened its calendar and its Up key at January 2000. Here an
empty field shows today's date while it has focus, provisionally: typing or picking makes it the
date, leaving untouched empties it again, and nothing is saved until the user chose. Delete (or
Backspace) with the whole date selected empties the field.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

NO_DATE = QDate(2000, 1, 1)  # the minimum, shown with the special value text


def show_dates_in(editor: QDateEdit, language: str) -> None:
    """Day, month names and order as the app's language writes them, whatever the system locale."""
    if language == "nl":
        editor.setLocale(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        editor.setDisplayFormat("dd-MM-yyyy")
    else:
        editor.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        editor.setDisplayFormat("d MMM yyyy")


class OptionalDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setDate(NO_DATE)
        self._provisional = False  # showing today for an empty field, not chosen yet
        self.dateChanged.connect(self._on_date_changed)
        calendar = self.calendarWidget()
        if calendar is not None:
            calendar.clicked.connect(self._choose_shown_date)
            calendar.activated.connect(self._choose_shown_date)

    def is_empty(self) -> bool:
        return self.date() == NO_DATE or self._provisional

    def set_empty(self) -> None:
        self._provisional = False
        self.setDate(NO_DATE)

    def _show_today_quietly(self) -> None:
        self.blockSignals(True)
        try:
            self.setDate(QDate.currentDate())
        finally:
            self.blockSignals(False)
        self._provisional = True

    def _on_date_changed(self, _date: QDate) -> None:
        self._provisional = False  # the user changed it: it is a real date now

    def _choose_shown_date(self, _date: QDate) -> None:
        if self._provisional:  # today picked in the calendar changes nothing, yet it is a choice
            self._provisional = False
            self.dateChanged.emit(self.date())

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        if self.date() == NO_DATE:
            self._show_today_quietly()
            super().focusInEvent(event)
            self.setCurrentSectionIndex(0)  # typing starts with the day, as the date is read
            self.setSelectedSection(self.sectionAt(0))
            return
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        # A click may open the calendar before focus arrives (an inactive window): today first.
        if self.date() == NO_DATE:
            self._show_today_quietly()
        super().mousePressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        popup_open = self.calendarWidget() is not None and self.calendarWidget().isVisible()
        if self._provisional and not popup_open:
            self.blockSignals(True)
            try:
                self.setDate(NO_DATE)
            finally:
                self.blockSignals(False)
            self._provisional = False
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        line = self.lineEdit()
        whole = line is not None and line.selectedText() == line.text() and bool(line.text())
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and whole:
            self.set_empty()
            self.selectAll()
            return
        if self._provisional and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose_shown_date(self.date())
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        if self.is_empty():  # nothing chosen: Tab goes on to the next field
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)
