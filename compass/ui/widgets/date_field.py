"""A date the user types as they write it, or picks from a calendar.

Qt's date edit reads typing section by section: "2-3-2027" and "02-03-2027" were thrown away, "2Mar2027"
became 22 December, an empty field trapped Tab, and month names followed the system, not the app. Here
the text is read whole (``formatting.parse_day``: Dutch and English forms, day first) when the user
finishes (Enter, Tab, leaving the field); what cannot be read stays as typed with a message beside the
field, and nothing is saved. Alt+Down or F4 opens a calendar at the date or at today; Up and Down move
one day. An empty field is "no date" where the form allows one.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from compass.formatting import format_day, parse_day
from compass.i18n import _, current_language

_LOCALES = {
    "nl": QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


class _CalendarPopup(QFrame):
    picked = Signal(object)  # dt.date
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.calendar)

    def _pick(self, date: QDate) -> None:
        self.hide()
        self.picked.emit(dt.date(date.year(), date.month(), date.day()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self.closed.emit()


class DateField(QWidget):
    """``committed`` is emitted when the user finished with the field: read ``day()`` and
    ``problem()`` then. Setting a date from code emits nothing."""

    committed = Signal()

    def __init__(self, *, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self._language = current_language()
        self.line = QLineEdit()
        self.line.setMaxLength(40)
        self.button = QToolButton()
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down opens it from the field
        self.button.clicked.connect(self.open_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        # A label's Alt+letter gives its buddy the focus only if the buddy takes focus itself: the
        # date fields' letters did nothing.
        self.setFocusPolicy(self.line.focusPolicy())
        self._popup = _CalendarPopup(self)
        self._popup.picked.connect(self._picked)
        self._popup.closed.connect(lambda: self.line.setFocus(Qt.FocusReason.PopupFocusReason))
        self.line.editingFinished.connect(self._finish)
        self.line.installEventFilter(self)
        self.retranslate_ui()

    # -- value ---------------------------------------------------------------------------------------

    def day(self) -> dt.date | None:
        """The date shown, or None when the field is empty or holds no readable date."""
        return parse_day(self.line.text())

    def problem(self) -> str | None:
        """Why the text is no date, in the user's words; None when it is one (or empty, if allowed)."""
        text = self.line.text().strip()
        if not text and self._optional:
            return None
        if parse_day(text) is not None:
            return None
        example = format_day(dt.date.today(), self._language)
        if not text:
            return _("Enter a date, e.g. {example}.").format(example=example)
        return _("'{text}' is not a date. Type it as {example} or pick it with Alt+Down.").format(
            text=text, example=example
        )

    def set_day(self, day: dt.date | None) -> None:
        self.line.setText("" if day is None else format_day(day, self._language))

    def show_in(self, language: str) -> None:
        """Writes the date as ``language`` does; a text that is no date is left as typed."""
        day = self.day()
        self._language = language
        self._popup.calendar.setLocale(_LOCALES.get(language, _LOCALES["en"]))
        if day is not None:
            self.set_day(day)

    def retranslate_ui(self) -> None:
        self.button.setToolTip(_("Choose from a calendar (Alt+Down)"))
        self.button.setAccessibleName(_("Calendar"))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt override
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt override
        # The text box has the focus; what explains the field (tooltip, F1) is read from it.
        super().setToolTip(text)
        self.line.setToolTip(text)

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - mirrors QLineEdit
        self.line.setPlaceholderText(text)

    def text(self) -> str:
        return self.line.text()

    # -- the user's actions ----------------------------------------------------------------------------

    def open_calendar(self) -> None:
        shown = self.day() or dt.date.today()
        calendar = self._popup.calendar
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.setCurrentPage(shown.year, shown.month)
        self._popup.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and below.y() + self._popup.height() > screen.bottom():
            below = self.mapToGlobal(QPoint(0, -self._popup.height()))
        self._popup.move(below)
        self._popup.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, day: dt.date) -> None:
        self.set_day(day)
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)
        self.committed.emit()

    def _finish(self) -> None:
        day = self.day()
        if day is not None:
            self.set_day(day)  # "2-3-27" reads back as the app writes it
        self.committed.emit()

    def _step(self, days: int) -> None:
        self.set_day((self.day() or dt.date.today()) + dt.timedelta(days=days))
        self.line.selectAll()
        self.committed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            if key == Qt.Key.Key_F4 or (alt and key == Qt.Key.Key_Down):
                self.open_calendar()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
                if self.line.text().strip() and self.day() is None:
                    return False  # a half-typed date is not moved: it would be replaced
                self._step(1 if key == Qt.Key.Key_Up else -1)
                return True
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DynamicPropertyChange:
            # FieldWithMessage marks the field invalid; the red frame belongs on the text box.
            self.line.setProperty("invalid", self.property("invalid"))
            self.line.style().unpolish(self.line)
            self.line.style().polish(self.line)
        return super().event(event)
