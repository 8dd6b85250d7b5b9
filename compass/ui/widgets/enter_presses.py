"""Enter presses the focused button in the main window too.

Qt lets Enter press a button only inside a dialog (autoDefault); in the main window only Space did,
and a keyboard user's Enter on "From the catalogue..." or "Add" did nothing at all."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton

from compass.ui.widgets.app_filters import install_once

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterPresses(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QPushButton):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in _ENTER or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if isinstance(watched.window(), QDialog) or not watched.isEnabled():
            return False  # a dialog has its own default button rules
        watched.animateClick()
        return True


def install_enter_presses() -> None:
    """Once per application."""
    install_once(_EnterPresses, (QEvent.Type.KeyPress,))
