"""Two desks on one session (issue 15), as the main window shows it: a look every two seconds whether
another desk committed (the open session is shown anew, the start screen's list refreshed), and the
question when another desk changed the same field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from compass.core.errors import CompassError, ConflictError, SessionNotFoundError, in_words
from compass.i18n import _

if TYPE_CHECKING:
    from compass.core.session import SessionSnapshot
    from compass.ui.service_access import ServiceAccess

WATCH_INTERVAL_MS = 2000  # how soon another desk's change shows


class OtherDesks(QObject):
    """``shown`` gives the open session as this desk shows it (None on the start screen);
    ``reload`` shows a session anew, ``refresh_list`` the start screen's list, ``closed`` goes back
    to it when another desk deleted the open session."""

    def __init__(
        self,
        parent: QObject,
        services: ServiceAccess,
        shown: Callable[[], SessionSnapshot | None],
        reload: Callable[[int], None],
        refresh_list: Callable[[], None],
        closed: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._services, self._shown = services, shown
        self._reload, self._refresh_list, self._closed = reload, refresh_list, closed
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_INTERVAL_MS)
        self._timer.timeout.connect(self.look)
        self._timer.start()

    def look(self) -> None:
        try:
            if not self._services.others_changed():
                return
            shown = self._shown()
            if shown is None:
                self._refresh_list()
                return
            stored = self._services.sessions.get_session(shown.id)
        except SessionNotFoundError:
            self._closed()  # another desk deleted it
            return
        except CompassError:
            return  # the database is busy or being replaced: the next look will tell
        if stored.updated_at != shown.updated_at:
            self._reload(stored.id)


def ask_on_conflict(parent: QWidget, conflict: ConflictError) -> bool:
    """Another desk changed the same field: show both values; True overwrites theirs."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Changed at another desk"))
    box.setText(
        _("Another desk changed \u201c{field}\u201d while you were editing.").format(field=conflict.what)
        + "\n\n"
        + _("Now stored: \u201c{theirs}\u201d\nYours: \u201c{yours}\u201d").format(
            theirs=_in_words(conflict.theirs), yours=_in_words(conflict.yours)
        )
    )
    mine = box.addButton(_("Use &mine"), QMessageBox.ButtonRole.AcceptRole)
    theirs = box.addButton(_("&Keep theirs"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(theirs)
    box.exec()
    return box.clickedButton() is mine


def _in_words(value: object) -> str:
    text = in_words(value)
    return text if len(text) <= 200 else text[:197] + "\u2026"
