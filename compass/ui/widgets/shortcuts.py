"""Keyboard shortcuts that belong to one widget. PySide6 ignores a ``context=`` keyword given to
QShortcut's constructor, so every shortcut made that way acted in the whole window: Delete in a text
field could remove a table's selected row, and Enter went, ambiguously, to every table of a page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def widget_shortcut(
    keys: QKeySequence | QKeySequence.StandardKey | str,
    widget: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
) -> QShortcut:
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut
