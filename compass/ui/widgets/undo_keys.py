"""Ctrl+Z in a text field that has nothing of its own to undo undoes the app's last change.

A line edit claims Ctrl+Z and Ctrl+Y for its own typing even when it has none, so a user who had
just removed a row and then clicked into a field pressed Ctrl+Z and nothing happened. Here a field
keeps the keys only while it has its own typing to undo or redo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from compass.ui.widgets.app_filters import install_once


def _own_history(widget: QObject, redo: bool) -> bool | None:
    """Whether the text field has typing of its own to undo (or redo); None for other widgets."""
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    if isinstance(widget, QAbstractSpinBox | QComboBox):
        line = widget.lineEdit()
        return _own_history(line, redo) if line is not None else None
    return None


class _AppUndoKeys(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        assert isinstance(event, QKeyEvent)
        undo = event.matches(QKeySequence.StandardKey.Undo)
        redo = event.matches(QKeySequence.StandardKey.Redo) or (
            event.key() == 0x59 and event.modifiers() == event.modifiers().ControlModifier  # Ctrl+Y
        )
        if not (undo or redo):
            return False
        if _own_history(watched, redo=redo) is False:
            event.ignore()  # not the field's: the window's Undo or Redo takes it
            return True
        return False


def install_app_undo_keys() -> None:
    """Once per application."""
    install_once(_AppUndoKeys, (QEvent.Type.ShortcutOverride,))
