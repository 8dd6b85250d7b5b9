"""Keyboard shortcuts that belong to one widget. PySide6 ignores a ``context=`` keyword given to
QShortcut's constructor, so every shortcut made that way acted in the whole window: Delete in a text
field could remove a table's selected row, and Enter went, ambiguously, to every table of a page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import Qt


def widget_shortcut(
    keys: QKeySequence | QKeySequence.StandardKey | str,
    widget: QWidget,
    slot: Callable[[], object],
    context: Qt.ShortcutContext | None = None,
) -> QShortcut:
    """``context`` defaults to the widget alone. (Not a default value: the ``Qt`` namespace costs
    start-up time the moment a module touches it, and the start screen imports this one.)"""
    if context is None:
        from PySide6.QtCore import Qt

        context = Qt.ShortcutContext.WidgetShortcut
    shortcut = QShortcut(QKeySequence(keys), widget)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut
