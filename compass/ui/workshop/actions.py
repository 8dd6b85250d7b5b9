"""The main window's way into workshop mode: one action (View > SDG dialogues, Ctrl+Shift+D) that
opens the facilitator's window for the open session, and keeps it in step with the session."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from compass.i18n import _

if TYPE_CHECKING:
    from compass.core.session import SessionSnapshot
    from compass.ui.pages.base import PageContext
    from compass.ui.workshop.window import WorkshopWindow


class WorkshopActions:
    def __init__(
        self,
        parent: QWidget,
        context: Callable[[], PageContext],
        open_snapshot: Callable[[], SessionSnapshot | None],
    ) -> None:
        self._parent = parent
        self._context = context
        self._open_snapshot = open_snapshot
        self.window: WorkshopWindow | None = None
        self.action = QAction(parent)
        self.action.setShortcuts([QKeySequence("Ctrl+Shift+D")])
        self.action.triggered.connect(self.open_window)
        self.action.setEnabled(False)

    def retranslate_ui(self) -> None:
        self.action.setText(_("SDG &dialogues (workshop mode)\u2026"))
        self.action.setToolTip(_("Run the two SDG dialogues with the stakeholders, on a projector"))
        if self.window is not None:
            self.window.retranslate_ui()

    def open_window(self) -> None:
        snapshot = self._open_snapshot()
        if snapshot is None:
            return
        if self.window is None:
            from compass.ui.workshop.window import WorkshopWindow  # loaded on first use

            self.window = WorkshopWindow(self._context(), self._parent)
        self.window.load(snapshot)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def session_opened(self, snapshot: SessionSnapshot | None) -> None:
        """A session is open (or none): the action follows, and an open window shows the new one."""
        self.action.setEnabled(snapshot is not None)
        if self.window is None:
            return
        if snapshot is None:
            self.window.close()
        else:
            self.window.load(snapshot)
