"""A field that receives the focus is scrolled into view. Tab does that by itself in a scroll area,
but Alt+letter, a click on a step's open issue or a dialog giving the focus back did not: the cursor
went to a field below the fold and typing happened out of sight."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea, QWidget

_installed = False


def _show(_old: QWidget | None, new: QWidget | None) -> None:
    if new is None:
        return
    _show_in_table(new)
    area = new.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    content = area.widget() if area is not None else None
    if area is not None and content is not None and content.isAncestorOf(new):
        area.ensureWidgetVisible(new, 16, 16)


def _show_in_table(new: QWidget) -> None:
    """A control inside a table's cell (step 2's urgency, votes, priority) scrolls the table to its
    cell: a table too narrow for its words scrolls sideways rather than cutting them."""
    view = new.parentWidget()
    while view is not None and not isinstance(view, QAbstractItemView):
        view = view.parentWidget()
    if view is None or not view.viewport().isAncestorOf(new):
        return
    index = view.indexAt(new.mapTo(view.viewport(), new.rect().center()))
    if index.isValid():
        # After the focus event: the view moves its cell widgets once it has handled the change.
        QTimer.singleShot(0, view, lambda: view.scrollTo(index))  # dropped if the view goes first


def install_focus_in_view() -> None:
    """Once per application."""
    global _installed
    application = QApplication.instance()
    if not _installed and isinstance(application, QApplication):
        application.focusChanged.connect(_show)
        _installed = True
