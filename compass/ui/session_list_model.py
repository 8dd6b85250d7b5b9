"""The start screen's table of sessions, filled a page at a time.

A ``QStandardItemModel`` on purpose: it paints without calling back into Python and without the
``Qt`` namespace, whose first use costs about 13 ms of start-up (see docs/decisions/002-fast-start.md).
It holds the first page of a listing and asks ``load_more`` for the next one when the view scrolls to
its end (Qt's ``canFetchMore``/``fetchMore``), so 10,000 sessions cost no more to show than 100.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel

from compass.core.listing import SessionListPage, SessionSummary
from compass.formatting import format_moment
from compass.i18n import _, current_language

# Given how many sessions are loaded, the next ones (an empty list when there are no more).
LoadMore = Callable[[int], list[SessionSummary]]


class SessionListModel(QStandardItemModel):
    TITLE, ORGANISATION, PROCEDURE, UPDATED = range(4)

    def __init__(self) -> None:
        super().__init__(0, 4)
        self._sessions: list[SessionSummary] = []
        self._total = 0
        self._fetched = 0  # how far the source has been read; rows may be fewer (duplicates dropped)
        self._load_more: LoadMore | None = None
        # Told once after a page came in (not per row: a label per appended row is wasted start-up).
        self.on_page_loaded: Callable[[], None] | None = None
        self.retranslate()

    @property
    def total(self) -> int:
        """How many sessions match, loaded or not."""
        return self._total

    def set_page(self, page: SessionListPage, load_more: LoadMore | None = None) -> None:
        # No fetching while the rows are replaced: the view may ask for more as the table empties.
        self._load_more = None
        self._sessions = list(page.sessions)
        self._total = max(page.total, len(self._sessions))
        self._fetched = len(self._sessions)
        self.removeRows(0, self.rowCount())
        self._append_rows(self._sessions)
        self._load_more = load_more

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802 - Qt
        return not parent.isValid() and self._load_more is not None and self._fetched < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802 - Qt
        if not self.canFetchMore(parent) or self._load_more is None:
            return
        load_more, self._load_more = self._load_more, None  # one page at a time
        try:
            more = load_more(self._fetched)
        finally:
            self._load_more = load_more
        if not more:  # fewer sessions than counted: some were deleted meanwhile
            self._total = self._fetched
            return
        self._fetched += len(more)
        known = {session.id for session in self._sessions}
        more = [session for session in more if session.id not in known]  # the list moved meanwhile
        self._sessions.extend(more)
        self._append_rows(more)
        if self.on_page_loaded is not None:
            self.on_page_loaded()

    def _append_rows(self, sessions: Iterable[SessionSummary]) -> None:
        language = current_language()
        for session in sessions:
            cells = (
                session.title,
                session.organisation,
                session.procedure.label() if session.procedure else _("not chosen yet"),
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
            fetched = self._fetched
            self.set_page(SessionListPage(tuple(self._sessions), self._total), self._load_more)
            self._fetched = fetched
