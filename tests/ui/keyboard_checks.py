"""What the keyboard tests ask of a page or dialog: its Tab-reachable controls and whether the focus
ring shows on a widget (shared by test_keyboard, test_dialog_keyboard and test_focus_ring)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from compass.ui.focus_ring import FOCUS_RING

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)


def tab_controls(container: QWidget) -> list[QWidget]:
    """The controls Tab must reach in ``container``: shown, enabled, taking Tab (the line inside a
    combo or spin box is the same control)."""
    found = []
    for widget in container.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(container) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue
        found.append(widget)
    return found


def ring_pixels(image: QImage) -> int:
    """How many pixels of ``image`` have the focus ring's colour."""
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = QColor(image.pixel(x, y))
            if (
                abs(colour.red() - FOCUS_RING.red()) < 40
                and abs(colour.green() - FOCUS_RING.green()) < 40
                and abs(colour.blue() - FOCUS_RING.blue()) < 40
            ):
                found += 1
    return found
