"""The start screen's table of sessions.

A ``QStandardItemModel`` on purpose: it paints without calling back into Python and without the
``Qt`` namespace, whose first use costs about 13 ms of start-up (see docs/decisions/002-fast-start.md).
"""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel

from compass.formatting import format_moment
from compass.i18n import _, current_language
from compass.listing import SessionSummary


class SessionListModel(QStandardItemModel):
    TITLE, ORGANISATION, PROCEDURE, UPDATED = range(4)

    def __init__(self) -> None:
        super().__init__(0, 4)
        self._sessions: list[SessionSummary] = []
        self.retranslate()

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        self._sessions = list(sessions)
        self.removeRows(0, self.rowCount())
        language = current_language()
        for session in self._sessions:
            cells = (
                session.title,
                session.organisation,
                session.procedure.label(),
                format_moment(session.updated_at, language),
            )
            row = []
            for text in cells:
                item = QStandardItem(text)
                item.setToolTip(text)
                item.setEditable(False)
                row.append(item)
            self.appendRow(row)

    def session_at(self, row: int) -> SessionSummary:
        return self._sessions[row]

    def row_of(self, session_id: int) -> int | None:
        return next((row for row, s in enumerate(self._sessions) if s.id == session_id), None)

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([_("Title"), _("Organisation"), _("Procedure"), _("Last changed")])
        if self._sessions:
            self.set_sessions(self._sessions)
