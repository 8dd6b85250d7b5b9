"""Shift+F1: the focused field's explanation, where the keyboard is. The explanations are the fields'
tooltips, which only the mouse could reach: a keyboard user pressing Shift+F1 saw nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QToolTip, QWidget


def explanation_of(widget: QWidget | None) -> str:
    """The focused widget's own tooltip, else the nearest one of what holds it (a field inside a box
    carries its explanation on the box)."""
    while widget is not None and not widget.isWindow():
        if widget.toolTip():
            return widget.toolTip()
        widget = widget.parentWidget()
    return ""


def explain_focused_field() -> None:
    widget = QApplication.focusWidget()
    text = explanation_of(widget)
    if widget is None or not text:
        QApplication.beep()
        return
    QToolTip.showText(widget.mapToGlobal(widget.rect().bottomLeft()), text, widget)
