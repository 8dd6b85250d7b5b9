"""A field that receives the focus is scrolled into view. Tab does that by itself in a scroll area,
but Alt+letter, a click on a step's open issue or a dialog giving the focus back did not: the cursor
went to a field below the fold and typing happened out of sight."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

_installed = False


def _show(_old: QWidget | None, new: QWidget | None) -> None:
    if new is None:
        return
    area = new.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    content = area.widget() if area is not None else None
    if area is not None and content is not None and content.isAncestorOf(new):
        area.ensureWidgetVisible(new, 16, 16)


def install_focus_in_view() -> None:
    """Once per application."""
    global _installed
    application = QApplication.instance()
    if not _installed and isinstance(application, QApplication):
        application.focusChanged.connect(_show)
        _installed = True
