"""The start screen's session list and what the user does with it: read it a page at a time, create,
open an example, duplicate, rename and delete. Everything goes through the services; the main window
only hosts it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from compass.core.errors import CompassError
from compass.core.listing import LIST_PAGE_SIZE, SessionSummary
from compass.i18n import _
from compass.ui.session_list_model import LoadMore
from compass.ui.start_screen import StartScreen

if TYPE_CHECKING:
    from compass.ui.service_access import ServiceAccess


class SessionListActions(QObject):
    def __init__(
        self,
        window: QWidget,
        services: ServiceAccess,
        screen: StartScreen,
        open_session: Callable[[int], None],
        report_error: Callable[[CompassError], None],
        show_status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window, self._services, self._screen = window, services, screen
        self._open_session, self._report_error = open_session, report_error
        self._show_status = show_status
        screen.new_requested.connect(self.new_session)
        screen.example_requested.connect(self.open_example)
        screen.open_requested.connect(open_session)
        screen.duplicate_requested.connect(self.duplicate_session)
        screen.rename_requested.connect(self.rename_session)
        screen.delete_requested.connect(self.delete_session)
        screen.search_changed.connect(lambda _text: self.refresh())

    def refresh(self, select_id: int | None = None) -> bool:
        """The first page for the current search; False (and the error reported) when it failed."""
        search = self._screen.search.text()
        try:
            page = self._services.sessions.list_page(search, LIST_PAGE_SIZE)
        except CompassError as error:
            self._report_error(error)
            return False
        self._screen.set_sessions(page, select_id, self.sessions_after(search))
        return True

    def sessions_after(self, search: str) -> LoadMore:
        """The start screen's source of further pages for one search."""

        def load_more(offset: int) -> list[SessionSummary]:
            try:
                return self._services.sessions.list_sessions(search, offset=offset, limit=LIST_PAGE_SIZE)
            except CompassError as error:
                self._report_error(error)
                return []

        return load_more

    def new_session(self) -> None:
        from compass.ui.dialogs import TitleDialog  # dialogs load when first used

        title = TitleDialog.ask(self._window, _("New session"), _("Title of the tender:"))
        if title is None:
            return
        try:
            snapshot = self._services.sessions.create_session(title)
        except CompassError as error:
            self._report_error(error)
            return
        self._open_session(snapshot.id)

    def open_example(self) -> None:
        """An example session, imported as a copy of the user's own, and opened."""
        from compass.ui.example_picker import ExamplePicker

        example = ExamplePicker.ask(self._window)
        if example is None:
            return
        try:
            snapshot = self._services.files.import_session(example.path)
        except CompassError as error:
            self._report_error(error)
            return
        self._open_session(snapshot.id)

    def duplicate_session(self, session_id: int) -> None:
        try:
            copy = self._services.sessions.duplicate_session(session_id)
        except CompassError as error:
            self._report_error(error)
            return
        self.refresh(select_id=copy.id)
        self._show_status(_("Copied as \u201c{title}\u201d.").format(title=copy.facts.title))

    def rename_session(self, session_id: int) -> None:
        try:
            current = self._services.sessions.get_session(session_id).facts.title
            from compass.ui.dialogs import TitleDialog  # dialogs load when first used

            title = TitleDialog.ask(self._window, _("Rename session"), _("New title:"), current)
            if title is None or title == current:
                return
            # Based on the title the dialog showed: another desk's newer title is never overwritten.
            self._services.sessions.rename_session(session_id, title, based_on=current)
        except CompassError as error:
            self._report_error(error)
            self.refresh(select_id=session_id)
            return
        self.refresh(select_id=session_id)

    def delete_session(self, session_id: int) -> None:
        model = self._screen.model
        row = model.row_of(session_id)
        title = model.session_at(row).title if row is not None else str(session_id)
        from compass.ui.dialogs import ConfirmDelete  # dialogs load when first used

        if not ConfirmDelete.ask(self._window, title):
            return
        try:
            self._services.sessions.delete_session(session_id)
        except CompassError as error:
            self._report_error(error)
        self.refresh()
