"""The main window: menus and actions, and hosting the start screen and the wizard.

Session actions go to the services; the window listens to the services' one change notification and
refreshes what is shown. Everything else lives in its own module (pages, dialogs, commands).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLocale, QPoint, QRect, QSettings, QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget, QStatusBar
from shiboken6 import isValid

from compass import __version__
from compass.core.errors import CompassError, SessionNotFoundError, ValidationError
from compass.core.listing import SessionListPage
from compass.i18n import _, current_language, language_for_locale, set_language
from compass.ui.backup_actions import BackupActions
from compass.ui.conflict_choice import choose_on_conflict
from compass.ui.knowledge_actions import KnowledgeActions
from compass.ui.other_desks import OtherDesks, ask_on_conflict
from compass.ui.qt_i18n import install_qt_translations
from compass.ui.session_files import SessionFiles
from compass.ui.session_list_actions import SessionListActions
from compass.ui.start_screen import StartScreen
from compass.ui.style import style_sheet
from compass.ui.tender_texts_export import TenderTextsExport
from compass.ui.workshop.actions import WorkshopActions

if TYPE_CHECKING:
    from compass.core.session import SessionSnapshot
    from compass.method.steps import Step
    from compass.ui.service_access import ServiceAccess
    from compass.ui.wizard import WizardView

STATUS_MESSAGE_MS = 8000


def install_app_behaviour() -> None:
    """The application-wide event filters (wheel, Enter on buttons, Ctrl+Z, focus in view, Alt+letter).
    Every event passes through them in Python, so they go on after the first paint, before the first
    input can reach the window."""
    from compass.ui.widgets.alt_letters import install_alt_letters
    from compass.ui.widgets.enter_presses import install_enter_presses
    from compass.ui.widgets.focus_in_view import install_focus_in_view
    from compass.ui.widgets.undo_keys import install_app_undo_keys
    from compass.ui.widgets.wheel_guard import install_wheel_guard

    install_wheel_guard()
    install_focus_in_view()
    install_enter_presses()
    install_app_undo_keys()
    install_alt_letters()


def _import_the_wizard() -> None:
    """The wizard and its seven pages, imported while the user looks at the list: opening the first
    session then builds the window instead of also loading its code (about 20 ms)."""
    import compass.ui.wizard  # noqa: F401


DEFAULT_SIZE = QSize(1100, 760)


def fitted_frame(frame: QRect, available: QRect) -> QRect:
    """``frame`` when it lies on the available screen area, else the default size (at most 95 % of
    the area) centred on it. An empty frame means nothing was remembered."""
    if not frame.isEmpty() and available.contains(frame):
        return frame
    # 90 % of the height: the window manager's title bar comes on top of it (at 200 % on a laptop a
    # 95 % window's frame was taller than the screen).
    room = QSize(int(available.width() * 0.95), int(available.height() * 0.9))
    fitted = QRect(QPoint(0, 0), DEFAULT_SIZE.boundedTo(room))
    fitted.moveCenter(available.center())
    return fitted


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: ServiceAccess,
        settings: QSettings,
        initial_sessions: SessionListPage | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.open_session_id: int | None = None
        self.wizard: WizardView | None = None
        self._list_stale = False
        # Refresh after the edit that caused the change has finished, never in the middle of it
        # (a page may be rebuilding the very widget whose signal started the edit). The window is the
        # timer's context: a change announced as the window goes away is dropped with it, instead of
        # reaching widgets already deleted ("Internal C++ object already deleted").
        services.add_listener(self._after_a_change)

        # Another desk's changes show within seconds (issue 15): a cheap look every two seconds.
        self.other_desks = OtherDesks(
            self,
            services,
            lambda: self.wizard.snapshot if self.wizard is not None and self.open_session_id else None,
            self._on_session_changed,
            lambda: self.refresh_session_list(select_id=self.start_screen.selected_id()),
            self.show_sessions,
        )
        self.setStyleSheet(style_sheet(QApplication.font().pointSizeF() or 10.0))
        self.start_screen = StartScreen()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_screen)
        self.setCentralWidget(self.pages)
        choose_on_conflict(lambda conflict: ask_on_conflict(self, conflict))
        self.session_list = SessionListActions(
            self,
            services,
            self.start_screen,
            self.open_session,
            self.report_error,
            lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS),
        )
        self._backup_problem_said = ""
        self._create_actions()
        self.retranslate_ui()
        self._restore_geometry()

        self._setup_deferred = initial_sessions is not None
        if initial_sessions is not None:
            self.start_screen.set_sessions(initial_sessions, load_more=self.session_list.sessions_after(""))
        else:
            install_app_behaviour()
            self.start_screen.finish_setup()
            self.refresh_session_list()
            last = self.settings.value("last_session_id")
            if last and str(last).isdigit() and self.services.sessions.session_exists(int(last)):
                self.open_session(int(last))
        self.start_screen.search.setFocus()

    # -- set-up -------------------------------------------------------------------------------------

    def _create_actions(self) -> None:
        # setShortcuts(), never setShortcut(): the latter initialises the whole Qt namespace from
        # Python (about 12 ms on the way to the first paint).
        keys = QKeySequence.StandardKey
        self.new_action = self._action(keys.New, self.new_session)
        self.open_action = self._action(keys.Open, self.show_sessions)
        self.close_action = self._action(keys.Close, self.show_sessions)
        self.knowledge = KnowledgeActions(
            self,
            self.services,
            self._open_snapshot,
            self._reload_open_session,
            self.report_error,
            panel_closed=self.keep_frame_on_screen,
        )
        self.profiles_action = self.knowledge.profiles_action
        self.session_files = SessionFiles(
            self,
            self.services,
            self._selected_or_open_session,
            self.open_session,
            self.report_error,
        )
        self.tender_texts = TenderTextsExport(
            self,
            self.services,
            self._selected_or_open_session,
            self.report_error,
            lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS),
        )
        self.workshop = WorkshopActions(self, lambda: self._ensure_wizard().context, self._open_snapshot)
        self.backup_actions = BackupActions(
            self, self.services, self.show_sessions, self._after_restore, self.report_error
        )
        self.settings_action = self._action([QKeySequence("Ctrl+,")], self.edit_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action([QKeySequence("Ctrl+Q")], self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        # Our own undo and redo actions (not Qt's): their "Undo ..." follows a live language switch.
        self.undo_action = self._action(keys.Undo, self.undo_stack.undo)
        self.redo_action = self._action(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], self.undo_stack.redo
        )
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # The texts come with the signals: the stack itself may be going away (window closing).
        self._undo_text = self._redo_text = ""
        self.undo_stack.undoTextChanged.connect(self._on_undo_stack_undo_text_changed)
        self.undo_stack.redoTextChanged.connect(self._on_undo_stack_redo_text_changed)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.shortcuts_action = QAction(self)
        self.shortcuts_action.triggered.connect(self._show_shortcuts)
        self.explain_action = self._action([QKeySequence("Shift+F1")], self._explain_focused_field)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._show_about)

        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu("")
        for action in (self.new_action, self.open_action, self.close_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.session_files.import_action)
        self.file_menu.addAction(self.session_files.export_action)
        self.file_menu.addAction(self.tender_texts.action)
        self.file_menu.addAction(self.backup_actions.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.profiles_action)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = menu_bar.addMenu("")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = menu_bar.addMenu("")
        self.view_menu.addAction(self.knowledge.reference_action)
        self.view_menu.addAction(self.workshop.action)
        self.help_menu = menu_bar.addMenu("")
        self.help_menu.addAction(self.shortcuts_action)
        self.help_menu.addAction(self.explain_action)
        self.help_menu.addAction(self.about_action)

    def _action(self, shortcuts: QKeySequence.StandardKey | list[QKeySequence], slot) -> QAction:
        action = QAction(self)
        action.setShortcuts(shortcuts)
        action.triggered.connect(slot)
        return action

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(_("&File"))
        self.edit_menu.setTitle(_("&Edit"))
        self.help_menu.setTitle(_("&Help"))
        self.view_menu.setTitle(_("&View"))
        self.knowledge.retranslate_ui()
        self.workshop.retranslate_ui()
        self.session_files.retranslate_ui()
        self.tender_texts.retranslate_ui()
        self.backup_actions.retranslate_ui()
        self.new_action.setText(_("&New session\u2026"))
        self.open_action.setText(_("&Open session\u2026"))
        self.close_action.setText(_("&Close session"))
        self.settings_action.setText(_("&Settings\u2026"))
        self.quit_action.setText(_("&Quit"))
        self.shortcuts_action.setText(_("&Keyboard shortcuts"))
        self.explain_action.setText(_("E&xplain this field"))
        self.about_action.setText(_("&About SDG Procurement Compass"))
        self.start_screen.retranslate_ui()
        if self.wizard is not None:
            self.wizard.retranslate_ui()
        self._retranslate_undo_history()
        self._update_window_title()
        self._retranslate_status()

    def _retranslate_status(self) -> None:
        """A message on the status line was put in words in the language just left: the day's backup
        problem is said again in the new one, a passing message (8 seconds) goes. ``statusBar()`` would
        create the bar, and with it a taller window, so a window without one is left alone."""
        status = next((child for child in self.children() if isinstance(child, QStatusBar)), None)
        if status is None or not status.currentMessage():
            return
        problem = getattr(self.services, "backup_problem", None)
        if problem is not None and status.currentMessage() == self._backup_problem_said:
            self._backup_problem_said = str(problem)
            status.showMessage(self._backup_problem_said)
        else:
            status.clearMessage()

    def _on_undo_stack_undo_text_changed(self, text: str) -> None:
        self._undo_text = text
        self._show_undo_texts()

    def _on_undo_stack_redo_text_changed(self, text: str) -> None:
        self._redo_text = text
        self._show_undo_texts()

    def _show_undo_texts(self) -> None:
        undo, redo = self._undo_text, self._redo_text
        self.undo_action.setText(_("&Undo {what}").format(what=undo) if undo else _("&Undo"))
        self.redo_action.setText(_("&Redo {what}").format(what=redo) if redo else _("&Redo"))

    def _retranslate_undo_history(self) -> None:
        """Each step of the undo history says what it did in the new language."""
        if self.undo_stack.count():
            from compass.ui.commands import ServiceCommand  # undo steps exist once a session is open

        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, ServiceCommand):
                command.retranslate()
        self._undo_text, self._redo_text = self.undo_stack.undoText(), self.undo_stack.redoText()
        self._show_undo_texts()

    def _update_window_title(self) -> None:
        app_name = _("SDG Procurement Compass")
        if self.services.read_only:
            app_name = _("{app} (read-only)").format(app=app_name)
        if self.wizard is not None and self.open_session_id is not None and self.wizard.snapshot:
            self.setWindowTitle(f"{self.wizard.snapshot.facts.title} \u2013 {app_name}")
        else:
            self.setWindowTitle(app_name)

    def _restore_geometry(self) -> None:
        """The last size and place when they fit the screen the window opens on (a larger text size
        or a smaller screen since then would put its buttons off-screen); else a size that fits."""
        screen = self.screen() or QApplication.primaryScreen()
        geometry = self.settings.value("window/geometry")
        restored = isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)
        if screen is None:
            if not restored:
                self.resize(DEFAULT_SIZE)
            return
        frame = self.frameGeometry() if restored else QRect()
        fitted = fitted_frame(frame, screen.availableGeometry())
        if fitted != frame:
            self.resize(fitted.size())
            self.move(fitted.topLeft())

    def keep_frame_on_screen(self) -> None:
        """Once the window manager has framed the window (its title bar is only known then), the
        whole frame inside the screen's free area: a frame taller than the area by its title bar put
        the bottom row of buttons off-screen at 200 % on a laptop."""
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the minimum size of now, not of before a panel closed
        available, frame = screen.availableGeometry(), self.frameGeometry()
        if available.contains(frame):
            return
        extra_width = frame.width() - self.width()
        extra_height = frame.height() - self.height()
        self.resize(
            min(self.width(), available.width() - extra_width),
            min(self.height(), available.height() - extra_height),
        )
        frame = self.frameGeometry()
        frame.moveLeft(max(available.left(), min(frame.left(), available.right() - frame.width() + 1)))
        frame.moveTop(max(available.top(), min(frame.top(), available.bottom() - frame.height() + 1)))
        self.move(frame.topLeft())

    def after_first_paint(self) -> None:
        """Load what the first frame did not need, so the first click is instant."""
        QTimer.singleShot(0, self._warm_up)
        QTimer.singleShot(500, self.keep_frame_on_screen)  # once the window manager has framed it

    def _warm_up(self) -> None:
        if self._setup_deferred:
            self._setup_deferred = False
            install_app_behaviour()
            self.start_screen.finish_setup()
        try:
            self.services.sessions  # noqa: B018 - imports SQLAlchemy and opens the database
        except CompassError as error:
            self.report_error(error)
            return
        if self.services.backup_problem is not None:  # the day's backup: say so, keep working
            self._backup_problem_said = str(self.services.backup_problem)
            self.statusBar().showMessage(self._backup_problem_said)
        if self._list_stale:
            self.refresh_session_list()
        QTimer.singleShot(0, _import_the_wizard)

    # -- sessions -----------------------------------------------------------------------------------

    def refresh_session_list(self, select_id: int | None = None) -> None:
        if self.session_list.refresh(select_id):
            self._list_stale = False

    def new_session(self) -> None:
        self.session_list.new_session()

    def open_session(self, session_id: int) -> None:
        try:
            snapshot = self.services.sessions.get_session(session_id)
        except CompassError as error:
            self.report_error(error)
            self.refresh_session_list()
            return
        wizard = self._ensure_wizard()
        if self.open_session_id != session_id:
            from compass.method.steps import Step

            wizard.flush()
            self.undo_stack.clear()
            wizard.go_to(Step.FACTS)
        self.open_session_id = session_id
        wizard.load(snapshot)
        self.pages.setCurrentWidget(wizard)
        self.close_action.setEnabled(True)
        self.workshop.session_opened(snapshot)
        self._update_window_title()
        wizard.current_page().setFocus()

    def _ensure_wizard(self) -> WizardView:
        if self.wizard is None:
            from compass.ui.pages.base import PageContext
            from compass.ui.wizard import WizardView  # pages load on first use, not at start-up

            context = PageContext(
                sessions=lambda: self.services.sessions,
                profiles=lambda: self.services.profiles,
                files=lambda: self.services.files,
                reference=self.services.reference,
                undo_stack=self.undo_stack,
                report_error=self.report_error,
                go_to_step=self._go_to_step,
                go_to_problem=self._go_to_problem,
            )
            self.wizard = WizardView(context)
            self.wizard.back_to_sessions.connect(self.show_sessions)
            self.pages.addWidget(self.wizard)
        return self.wizard

    def _go_to_step(self, step: Step) -> None:
        if self.wizard is not None:
            self.wizard.go_to(step)

    def _go_to_problem(self, step: Step, field: str) -> None:
        if self.wizard is not None:
            self.wizard.go_to(step)
            self.wizard.pages[step].reveal(field)

    def show_sessions(self) -> None:
        if self.wizard is not None:
            self.wizard.flush()
        self.open_session_id = None
        self.undo_stack.clear()
        self.pages.setCurrentWidget(self.start_screen)
        self.refresh_session_list()
        self.close_action.setEnabled(False)
        self.workshop.session_opened(None)
        self._update_window_title()
        self.start_screen.table.setFocus()

    def _after_restore(self, message: str) -> None:
        """The database was replaced (or a restore failed): show the start screen's list anew."""
        self.refresh_session_list()
        if message:
            self.statusBar().showMessage(message, STATUS_MESSAGE_MS)

    def _on_session_changed(self, session_id: int, *, this_desk: bool = False) -> None:
        """Show ``session_id`` anew. ``this_desk``: after a change made here, which may have left its
        snapshot with the services; otherwise (another desk, a profile) as stored."""
        if self.pages.currentWidget() is self.start_screen:
            return  # the start screen refreshes after its own actions
        self._list_stale = True
        if session_id == self.open_session_id and self.wizard is not None:
            try:
                sessions = self.services.sessions
                snapshot = (
                    sessions.latest_session(session_id) if this_desk else sessions.get_session(session_id)
                )
                self.wizard.load(snapshot)
                if self.workshop.window is not None and self.workshop.window.isVisible():
                    self.workshop.window.load(snapshot)
            except SessionNotFoundError:
                self.show_sessions()
                return
            except CompassError as error:
                self.report_error(error)
                return
            self._update_window_title()

    # -- settings, errors, closing ------------------------------------------------------------------

    def _open_snapshot(self) -> SessionSnapshot | None:
        if self.wizard is not None and self.open_session_id is not None:
            return self.wizard.snapshot
        return None

    def _selected_or_open_session(self) -> int | None:
        if self.open_session_id is not None:
            return self.open_session_id
        return self.start_screen.selected_id()

    def _reload_open_session(self) -> None:
        if self.open_session_id is not None:
            self._on_session_changed(self.open_session_id)

    def edit_settings(self) -> None:
        setting = str(self.settings.value("language", "") or "")
        from compass.ui.dialogs import SettingsDialog  # dialogs load when first used

        chosen = SettingsDialog.ask(self, setting)
        if chosen is None:
            return
        self.settings.setValue("language", chosen)
        self.apply_language(chosen or language_for_locale(QLocale.system().name()))

    def apply_language(self, language: str) -> None:
        if language == current_language():
            return
        set_language(language)
        app = QApplication.instance()
        if app is not None:
            install_qt_translations(app, language)
        self.retranslate_ui()

    def report_error(self, error: CompassError) -> None:
        if isinstance(error, ValidationError):
            self.statusBar().showMessage(str(error), STATUS_MESSAGE_MS)
            return
        QMessageBox.warning(self, _("SDG Procurement Compass"), str(error))

    def _explain_focused_field(self) -> None:
        from compass.ui.field_explanation import explain_focused_field  # loads when first asked for

        explain_focused_field()

    def _show_shortcuts(self) -> None:
        from compass.ui.shortcut_help import show_shortcuts  # loads when first asked for

        show_shortcuts(self)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About SDG Procurement Compass"),
            _(
                "SDG Procurement Compass {version}\n\nA guide through the five steps of the SDG "
                "procurement compass, from risks and opportunities to visible impact.\n\n"
                "Database: {location}"
            ).format(version=__version__, location=self.services.sessions.location),
        )

    def _after_a_change(self, session_id: int) -> None:
        if not isValid(self):  # the services outlived the window
            return
        QTimer.singleShot(0, self, lambda: self._on_session_changed(session_id, this_desk=True))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.wizard is not None:
            self.wizard.flush()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("last_session_id", self.open_session_id or "")
        self.settings.sync()
        super().closeEvent(event)
