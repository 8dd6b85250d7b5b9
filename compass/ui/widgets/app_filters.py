"""Application-wide event filters (the wheel, Enter, Ctrl+Z and Alt+letter rules), each installed once
per application, behind one filter that asks each event its type once.

Every event of the application passes an application-wide filter in Python: opening a session sends
about 15,000. Four filters each asking ``event.type()`` and comparing enums cost more than the rest of
their work together, so one router asks once and hands the event only to the filters that declared its
type. As with Qt's own list of filters, the one installed last sees an event first."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class _Router(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.by_type: dict[QEvent.Type, list[QObject]] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        filters = self.by_type.get(event.type())
        if filters is None:
            return False
        return any(event_filter.eventFilter(watched, event) for event_filter in filters)


_router: _Router | None = None
_installed: dict[type[QObject], QObject] = {}


def install_once(filter_type: type[QObject], event_types: Iterable[QEvent.Type]) -> bool:
    """``filter_type(application)`` sees every event of ``event_types`` in the application from the
    first call on; True when this call installed it."""
    global _router
    application = QApplication.instance()
    if filter_type in _installed or not isinstance(application, QApplication):
        return False
    if _router is None:
        _router = _Router(application)
        application.installEventFilter(_router)
    event_filter = filter_type(application)
    for event_type in event_types:
        _router.by_type.setdefault(event_type, []).insert(0, event_filter)
    _installed[filter_type] = event_filter
    return True
