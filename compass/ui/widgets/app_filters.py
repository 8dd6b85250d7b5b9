"""Application-wide event filters, each installed once per application (the Enter, Ctrl+Z and
Alt+letter rules): one place that keeps them, instead of a module-level global in each."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

_installed: dict[type[QObject], QObject] = {}


def install_once(filter_type: type[QObject]) -> None:
    """``filter_type(application)`` filters every event of the application, from the first call on."""
    application = QApplication.instance()
    if filter_type in _installed or not isinstance(application, QApplication):
        return
    event_filter = filter_type(application)
    application.installEventFilter(event_filter)
    _installed[filter_type] = event_filter
