"""The start screen's table of sessions: a read-only item model over ``SessionSummary`` snapshots."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from compass.domain import SessionSummary
from compass.i18n import _

Index = QModelIndex | QPersistentModelIndex


class SessionListModel(QAbstractTableModel):
    TITLE, ORGANISATION, PROCEDURE, UPDATED = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._sessions: list[SessionSummary] = []

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        self.beginResetModel()
        self._sessions = list(sessions)
        self.endResetModel()

    def session_at(self, row: int) -> SessionSummary:
        return self._sessions[row]

    def row_of(self, session_id: int) -> int | None:
        return next((row for row, s in enumerate(self._sessions) if s.id == session_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._sessions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._sessions):
            return None
        session = self._sessions[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.TITLE:
                return session.title
            if column == self.ORGANISATION:
                return session.organisation
            if column == self.PROCEDURE:
                return session.procedure.label()
            if column == self.UPDATED:
                moment = session.updated_at.astimezone()
                return QLocale().toString(moment.replace(tzinfo=None), QLocale.FormatType.ShortFormat)
        if role == Qt.ItemDataRole.UserRole:
            return session.id
        return None

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Title"), _("Organisation"), _("Procedure"), _("Last changed"))[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self._sessions:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._sessions) - 1, 3))
