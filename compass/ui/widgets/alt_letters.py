"""Alt with a letter that is no mnemonic types nothing.

Qt hands an Alt+letter that matches no mnemonic or shortcut to the focused text field as text: a
keyboard user reaching for a field's mnemonic that did not exist found "per yeari0" saved. A key with
Alt (and neither Ctrl nor AltGr's Ctrl+Alt, which types characters such as the euro sign on some
keyboards) never types; Alt with arrows, Home and the like still reaches the field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from compass.ui.widgets.app_filters import install_once

_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


def types_alt_letter(event: QKeyEvent) -> bool:
    """A key with Alt (not Ctrl+Alt) that would put printable text into a field."""
    modifiers = event.modifiers()
    if not modifiers & Qt.KeyboardModifier.AltModifier or modifiers & Qt.KeyboardModifier.ControlModifier:
        return False
    text = event.text()
    return bool(text) and text.isprintable()


class _AltLetters(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if not isinstance(watched, _TEXT_INPUTS):
            return False
        assert isinstance(event, QKeyEvent)
        if types_alt_letter(event):
            QApplication.beep()
            return True
        return False


def install_alt_letters() -> None:
    """Once per application."""
    install_once(_AltLetters, (QEvent.Type.KeyPress,))
