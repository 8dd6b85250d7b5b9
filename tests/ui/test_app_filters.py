"""The application-wide filters go through one router: each sees only the event types it declared, the
one installed last sees an event first, and one that takes an event stops it there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from compass.ui.widgets.app_filters import install_once

seen: list[tuple[str, QEvent.Type]] = []
# The filters stay for the rest of the process: they act on this test's field alone.
target: list[QObject] = []


class _First(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched in target:
            seen.append(("first", event.type()))
        return False


class _Taker(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched not in target:
            return False
        seen.append(("taker", event.type()))
        return isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_X


def test_each_filter_sees_its_types_the_last_one_first(qtbot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    target.append(field)
    assert install_once(_First, (QEvent.Type.KeyPress, QEvent.Type.FocusIn))
    assert install_once(_Taker, (QEvent.Type.KeyPress,))
    assert not install_once(_Taker, (QEvent.Type.KeyPress,))  # once per application
    seen.clear()
    QApplication.sendEvent(
        field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    assert seen == [("taker", QEvent.Type.KeyPress), ("first", QEvent.Type.KeyPress)]
    assert field.text() == "a"
    seen.clear()
    QApplication.sendEvent(
        field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x")
    )
    assert seen == [("taker", QEvent.Type.KeyPress)]  # taken: the first and the field never see it
    assert field.text() == "a"
    seen.clear()
    QApplication.sendEvent(field, QEvent(QEvent.Type.Leave))
    assert seen == []  # declared by neither
    target.clear()
