"""The start screen: all sessions, newest first, with search and the session actions."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from compass.core.listing import SessionListPage
from compass.formatting import format_number
from compass.i18n import _, current_language
from compass.ui.session_list_model import LoadMore, SessionListModel
from compass.ui.widgets.shortcuts import widget_shortcut


class StartScreen(QWidget):
    """Emits what the user asks for; the main window carries it out through the services."""

    new_requested = Signal()
    example_requested = Signal()
    open_requested = Signal(int)
    duplicate_requested = Signal(int)
    rename_requested = Signal(int)
    delete_requested = Signal(int)
    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SessionListModel()
        self._build()
        self.retranslate_ui()
        self._update_buttons()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("appTitle")
        self.tagline = QLabel()
        self.tagline.setObjectName("pageIntro")
        self.tagline.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.search_changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        # A list of sessions, not a grid of cells: the arrows walk it and Tab leaves it (with Tab
        # moving from cell to cell, the buttons below were out of the keyboard's reach).
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SessionListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SessionListModel.UPDATED, QHeaderView.ResizeMode.ResizeToContents)
        for column in (SessionListModel.ORGANISATION, SessionListModel.PROCEDURE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # activated: double-click, or Enter, or a single click where the platform opens that way.
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.on_page_loaded = self._update_count
        self.count_label = QLabel()
        self.count_label.setObjectName("listCount")

        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.setObjectName("sessionList")
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_hint)

        self.new_button = QPushButton()
        self.new_button.setObjectName("primary")
        self.example_button = QPushButton()
        self.example_button.clicked.connect(self.example_requested)
        self.open_button = QPushButton()
        self.duplicate_button = QPushButton()
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self._open_selected)
        self.duplicate_button.clicked.connect(self._duplicate_selected)
        self.rename_button.clicked.connect(self._rename_selected)
        self.delete_button.clicked.connect(self._delete_selected)

        starting = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.example_button):
            starting.addWidget(button)
        starting.addStretch(1)
        managing = QHBoxLayout()
        managing.addStretch(1)
        for button in (self.duplicate_button, self.rename_button, self.delete_button):
            managing.addWidget(button)
        # One row where the screen is wide enough, else two: at 200 % on a 1366-pixel laptop the six
        # buttons in one row made the window wider than the screen.
        buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        buttons.addLayout(starting)
        buttons.addLayout(managing)
        self._buttons = buttons

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.tagline)
        layout.addWidget(self.search)
        layout.addWidget(self.list_stack, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)
        # Top to bottom, left to right, as the screen shows them (the buttons were made in another order).
        chain = (self.search, self.table, *self._all_buttons())
        for before, after in zip(chain, chain[1:], strict=False):
            self.setTabOrder(before, after)

    def fit_buttons_to(self, available_width: int) -> None:
        """Both rows of buttons side by side when they fit in ``available_width`` (the screen's),
        else one above the other, so the window never has to be wider than the screen."""
        wanted = sum(button.sizeHint().width() for button in self._all_buttons()) + 12 * 6 + 64
        direction = QBoxLayout.Direction.LeftToRight
        if wanted > available_width:
            direction = QBoxLayout.Direction.TopToBottom
        self._buttons.setDirection(direction)

    def _all_buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.new_button,
            self.open_button,
            self.example_button,
            self.duplicate_button,
            self.rename_button,
            self.delete_button,
        )

    def finish_setup(self) -> None:
        """Delete and F2 on the session table (Enter opens through ``activated``). Called after the
        first paint: they need the ``Qt`` namespace, whose first use costs about 13 ms of start-up."""
        from PySide6.QtCore import Qt

        shortcuts = (
            (QKeySequence(QKeySequence.StandardKey.Delete), self._delete_selected),
            (QKeySequence(Qt.Key.Key_F2), self._rename_selected),
        )
        for keys, slot in shortcuts:
            widget_shortcut(keys, self.table, slot)
        # From the search, as in a launcher: Enter opens the highlighted session, Down walks the list.
        self.search.returnPressed.connect(self._open_selected)
        widget_shortcut(QKeySequence(Qt.Key.Key_Down), self.search, self._walk_into_list)

    def _walk_into_list(self) -> None:
        self.table.setFocus()
        if not self.table.selectionModel().hasSelection() and self.model.rowCount() > 0:
            self.table.selectRow(0)

    def retranslate_ui(self) -> None:
        self.heading.setText(_("SDG Procurement Compass"))
        self.tagline.setText(
            _(
                "From a tender to a measurable SDG strategy in five steps: insight, priorities, "
                "ambition, indicators and impact."
            )
        )
        self.search.setPlaceholderText(_("Search sessions by title"))
        self.search.setAccessibleName(_("Search sessions by title"))
        self.table.setAccessibleName(_("Sessions"))
        self.new_button.setText(_("&New session"))
        self.open_button.setText(_("&Open"))
        self.example_button.setText(_("Open an e&xample\u2026"))
        self.example_button.setToolTip(_("Start from a realistic example, opened as a copy"))
        self.duplicate_button.setText(_("D&uplicate"))
        self.rename_button.setText(_("&Rename"))
        self.delete_button.setText(_("&Delete"))
        self.new_button.setToolTip(_("Start a new session for a tender (Ctrl+N)"))
        self.duplicate_button.setToolTip(_("Copy the selected session with all its steps"))
        self.model.retranslate()
        self._update_empty_hint()
        self._update_count()
        screen = self.screen()
        if screen is not None:  # the words' widths changed with the language
            self.fit_buttons_to(int(screen.availableGeometry().width() * 0.95))

    def set_sessions(
        self, page: SessionListPage, select_id: int | None = None, load_more: LoadMore | None = None
    ) -> None:
        """Show the first page of a listing; ``load_more`` brings the next ones as the user scrolls."""
        previous = select_id if select_id is not None else self.selected_id()
        self.model.set_page(page, load_more)
        row = self.model.row_of(previous) if previous is not None else None
        if row is None and page.sessions:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._update_empty_hint()
        self._update_count()
        self._update_buttons()
        if self.isVisible():  # a hidden screen fits its columns when shown (its first resize event)
            self._fit_columns()

    def _update_count(self) -> None:
        """Only a long list says how much of it is loaded; scrolling or searching finds the rest."""
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setVisible(shown < total)
        if shown < total:
            self.count_label.setText(
                _("{shown} of {total} sessions shown: scroll down for more, or search by title.").format(
                    shown=format_number(shown, current_language()),
                    total=format_number(total, current_language()),
                )
            )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Organisation and procedure fit their text but never squeeze the title below half."""
        cap = max(80, self.table.width() // 4)  # not viewport(): its first call costs start-up time
        for column in (SessionListModel.ORGANISATION, SessionListModel.PROCEDURE):
            self.table.resizeColumnToContents(column)
            if self.table.columnWidth(column) > cap:
                self.table.setColumnWidth(column, cap)

    def _update_empty_hint(self) -> None:
        has_rows = self.model.rowCount() > 0
        if self.search.text().strip():
            self.empty_hint.setText(
                _("No session title contains \u201c{text}\u201d.").format(text=self.search.text().strip())
            )
        else:
            self.empty_hint.setText(
                _("No sessions yet.\nChoose \u201cNew session\u201d to start with your first tender.")
            )
        self.list_stack.setCurrentWidget(self.table if has_rows else self.empty_hint)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.session_at(rows[0].row()).id if rows else None

    def _update_buttons(self) -> None:
        has_selection = self.selected_id() is not None
        for button in (self.open_button, self.duplicate_button, self.rename_button, self.delete_button):
            button.setEnabled(has_selection)

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.session_at(index.row()).id)

    def _open_selected(self) -> None:
        if (session_id := self.selected_id()) is not None:
            self.open_requested.emit(session_id)

    def _duplicate_selected(self) -> None:
        if (session_id := self.selected_id()) is not None:
            self.duplicate_requested.emit(session_id)

    def _rename_selected(self) -> None:
        if (session_id := self.selected_id()) is not None:
            self.rename_requested.emit(session_id)

    def _delete_selected(self) -> None:
        if (session_id := self.selected_id()) is not None:
            self.delete_requested.emit(session_id)
