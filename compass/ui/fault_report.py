"""Unexpected errors in the app: written to the fault log and told to the user in words, with the
log's path; the app goes on with its data (every edit is saved by then, or refused whole).

Qt calls slots and virtual overrides from C++ and can only hand an exception to ``sys.excepthook``,
which by default prints to stderr, where a desktop user never looks. ``FaultReporter`` takes that
hook (and ``threading.excepthook`` for worker threads) and shows one message at a time, always from
the GUI thread, after the failing slot has returned.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from compass.fault_log import record_fault
from compass.i18n import _

# Shows (summary, log path) to the user; replaceable in tests.
ShowFault = Callable[[str, str], None]


class FaultReporter(QObject):
    fault_recorded = Signal(str, str)  # summary of the error, path of the fault log

    def __init__(self, show: ShowFault | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show or show_fault_message
        self._showing = False
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        # From a worker thread the signal is queued to the GUI thread, where this object lives. (No
        # explicit connection type: the ``Qt`` namespace costs start-up time, decision 002.)
        self.fault_recorded.connect(self._on_fault_recorded)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous_hooks

    def handle(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(trace)
        path = record_fault(error, context=_qt_binding())
        sys.__excepthook__(kind, error, trace)  # developers still see it on the console
        summary = str(error) or kind.__name__
        if threading.current_thread() is threading.main_thread():
            # The message waits until the failing slot (or paint) has returned.
            QTimer.singleShot(0, self, lambda: self._on_fault_recorded(summary, str(path)))
        else:
            self.fault_recorded.emit(summary, str(path))

    def _handle_thread(self, arguments: threading.ExceptHookArgs) -> None:
        if arguments.exc_value is not None:
            self.handle(arguments.exc_type, arguments.exc_value, arguments.exc_traceback)

    def _on_fault_recorded(self, summary: str, path: str) -> None:
        if self._showing:  # a burst of faults: each is in the log, the user sees the first
            return
        self._showing = True
        try:
            self._show(summary, path)
        finally:
            self._showing = False


def fault_message(summary: str, path: str) -> str:
    return _(
        "Something unexpected went wrong: {error}\n\n"
        "Your work is saved up to your last change and you can go on working. The details are "
        "written to\n{path}\nPlease send that file, with a note of what you were doing, to whoever "
        "supports the app."
    ).format(error=summary, path=path)


def show_fault_message(summary: str, path: str) -> None:
    from PySide6.QtCore import Qt

    parent: QWidget | None = QApplication.activeWindow()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Something went wrong"))
    box.setText(fault_message(summary, path))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
    box.exec()


def _qt_binding() -> str:
    import PySide6

    return f"an event handled by Qt (PySide6 {PySide6.__version__})"
