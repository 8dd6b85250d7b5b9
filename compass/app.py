"""Composition root: settings, language, services, QApplication and the main window.

Nothing else creates services; everything else receives them. Start-up is kept lean on purpose (see
docs/decisions/002-fast-start.md): when the database is a SQLite file at the current schema the first
screen is filled by ``quick_index`` and SQLAlchemy is imported right after the first paint.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLocale, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from compass import __version__
from compass.core.errors import CompassError, StorageError
from compass.i18n import LANGUAGES, _, language_for_locale, set_language
from compass.model.quick_index import quick_first_page
from compass.paths import resolve_database_url, resource_path, user_config_dir

if TYPE_CHECKING:
    from compass.core.backup import RestoreResult
    from compass.reference.types import ReferenceData
    from compass.services import BackupService, FileService, ProfileService, Services, SessionService

QUIT_AFTER_FIRST_PAINT_VAR = "COMPASS_QUIT_AFTER_FIRST_PAINT"
# With QUIT_AFTER_FIRST_PAINT: a file to which the modules loaded at the first paint are written, so a
# test can hold the start-up path to what the first frame needs (decision 002).
FIRST_PAINT_REPORT_VAR = "COMPASS_FIRST_PAINT_REPORT"
EXIT_DATABASE_ERROR = 2


class AppServices:
    """The services of one running app. The database opens (and SQLAlchemy loads) on first use."""

    def __init__(self, database_url: str, *, read_only: bool = False) -> None:
        self.database_url = database_url
        self.read_only = read_only
        self._opened: Services | None = None
        self._listeners: list[Callable[[int], None]] = []
        self._watcher: Any = None  # a ChangeWatcher once asked, False where none can be had

    @cached_property
    def reference(self) -> ReferenceData:
        """The shipped reference knowledge, loaded and validated on first use."""
        from compass.reference.loading import load_reference_data

        return load_reference_data()

    def _open(self) -> Services:
        if self._opened is None:
            from compass.services import open_services

            opened = open_services(self.database_url, self.reference, read_only=self.read_only)
            for listener in self._listeners:
                opened.sessions.add_listener(listener)
            self._opened = opened
            self._watch(opened)
        return self._opened

    def _watch(self, opened: Services) -> None:
        """From the moment the database opens: a change made before the first look still counts."""
        from compass.model.watch import watcher_for

        try:
            self._watcher = watcher_for(opened.database.engine) or False
        except Exception:  # noqa: BLE001 - watching is a convenience: the desk works without it
            self._watcher = False

    @property
    def sessions(self) -> SessionService:
        return self._open().sessions

    @property
    def profiles(self) -> ProfileService:
        return self._open().profiles

    @property
    def files(self) -> FileService:
        return self._open().files

    @property
    def backups(self) -> BackupService:
        """Works without opening the database: it may be the one to replace."""
        from compass.services import BackupService

        return BackupService(self.database_url)

    @property
    def backup_problem(self) -> CompassError | None:
        """Why the day's backup could not be made, if it could not."""
        return self._opened.backup_problem if self._opened is not None else None

    def restore_backup(self, number: int) -> RestoreResult:
        """Close the database, replace it with backup ``number`` and open it again (migrating an
        older one). Listeners stay; whatever the caller showed of the old data is stale."""
        self.close()
        try:
            return self.backups.restore(number)
        finally:
            self._open()

    def others_changed(self) -> bool:
        """Has anyone (another desk, or this one) committed since the last look? False before the
        database is open, and where nobody else can write."""
        if self._opened is None:
            return False
        return bool(self._watcher) and self._watcher.changed()

    def add_listener(self, listener: Callable[[int], None]) -> None:
        """Hear about every change to a session (by its id)."""
        self._listeners.append(listener)
        if self._opened is not None:
            self._opened.sessions.add_listener(listener)

    def close(self) -> None:
        if self._watcher:
            self._watcher.close()
        self._watcher = None
        if self._opened is not None:
            self._opened.close()
            self._opened = None


def open_settings() -> QSettings:
    """An INI file in the user's config directory: readable, and easy to point elsewhere in tests."""
    return QSettings(str(user_config_dir() / "compass.ini"), QSettings.Format.IniFormat)


class _FirstPaintWatcher(QObject):
    """Calls back once, right after the watched window has painted its first frame."""

    def __init__(self, callback: Callable[[], None], report_to: str = "") -> None:
        super().__init__()
        self._callback: Callable[[], None] | None = callback
        self._report_to = report_to

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            if self._report_to:
                write_first_paint_report(self._report_to)
            QTimer.singleShot(0, callback)
        return False


def write_first_paint_report(path: str) -> None:
    """The modules loaded at this moment, and whether PySide6's ``Qt`` namespace has been used from
    Python (its first use creates some 90 enum classes, which gc can see without touching them)."""
    import enum
    import gc
    import json

    def is_qt_enum(thing: object) -> bool:
        if not isinstance(thing, enum.EnumType):
            return False
        return type.__getattribute__(thing, "__qualname__").startswith("Qt.")

    qt_enums = sum(1 for thing in gc.get_objects() if is_qt_enum(thing))
    report = {"modules": sorted(sys.modules), "qt_namespace_enums": qt_enums}
    with open(path, "w", encoding="utf-8") as file:
        json.dump(report, file)


def create_application(argv: list[str], *, focus_ring: bool = True) -> QApplication:
    """The application with its font; its focus ring too, unless the caller puts it on after the
    first paint (its Python drawing is on every control's paint)."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("SDG-inkoopkompas")
    app.setOrganizationName("SDG-inkoopkompas")
    app.setApplicationVersion(__version__)
    use_document_font(app)
    if focus_ring:
        use_focus_ring(app)
    return app


def use_focus_ring(app: QApplication) -> None:
    from compass.ui.focus_ring import use_focus_ring as wrap_style

    wrap_style(app)


def use_document_font(app: QApplication) -> None:
    """The tender strategy's font on screen too, so screen and paper look alike (decision 005)."""
    from PySide6.QtGui import QFontDatabase

    family = ""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        family = family or next(iter(QFontDatabase.applicationFontFamilies(font_id)), "")
    if family:
        font = app.font()
        font.setFamily(family)
        app.setFont(font)


def build_main_window(services: AppServices, settings: QSettings, initial_sessions=None):
    from compass.ui.main_window import MainWindow

    return MainWindow(
        services=services,
        settings=settings,
        initial_sessions=initial_sessions,
    )


def run_app(db_option: str | None) -> int:
    settings = open_settings()
    # Qt knows the desktop's language on every platform (macOS apps get no LANG from the Dock).
    chosen = str(settings.value("language", "") or "")
    language = chosen if chosen in LANGUAGES else language_for_locale(QLocale.system().name())
    set_language(language)
    warn_of_missing_libraries()
    app = create_application(sys.argv, focus_ring=False)
    from compass.ui.qt_i18n import install_qt_translations

    install_qt_translations(app, language)

    services = AppServices(resolve_database_url(db_option))
    quit_after_paint = os.environ.get(QUIT_AFTER_FIRST_PAINT_VAR) == "1"
    last_session = settings.value("last_session_id")
    initial = None if last_session else quick_first_page(services.database_url)
    if initial is None:
        try:
            services.sessions  # noqa: B018 - opens and migrates the database, or says why not
        except StorageError as error:
            if not error.can_open_read_only:
                report_startup_error(error, quit_after_paint=quit_after_paint)
                return EXIT_DATABASE_ERROR
            if not ask_open_read_only(error, quit_after_paint):
                report_startup_error(error, quit_after_paint=quit_after_paint, shown=True)
                return EXIT_DATABASE_ERROR
            services = AppServices(services.database_url, read_only=True)
            try:
                services.sessions  # noqa: B018 - the same file, read-only
            except CompassError as second:
                report_startup_error(second, quit_after_paint=quit_after_paint)
                return EXIT_DATABASE_ERROR
        except CompassError as error:
            report_startup_error(error, quit_after_paint=quit_after_paint)
            return EXIT_DATABASE_ERROR

    window = build_main_window(services, settings, initial)

    def after_first_paint() -> None:
        # Faults in slots are logged and shown from here on; installing the reporter costs about
        # 5 ms, which the first paint does not wait for.
        from compass.ui.fault_report import FaultReporter

        FaultReporter(parent=app).install()
        use_focus_ring(app)
        window.after_first_paint()

    report_to = os.environ.get(FIRST_PAINT_REPORT_VAR, "") if quit_after_paint else ""
    watcher = _FirstPaintWatcher(app.quit if quit_after_paint else after_first_paint, report_to)
    window.installEventFilter(watcher)
    window.show()
    try:
        return app.exec()
    finally:
        services.close()  # a clean close leaves the SQLite file whole without its -wal


def warn_of_missing_libraries() -> None:
    """Qt cannot open a window without these and ends the process in its own words; ours come first."""
    from compass.qt_libraries import missing_xcb_packages

    missing = missing_xcb_packages()
    if missing:
        print(
            "compass: "
            + _(
                "the system libraries Qt needs to open a window seem to be missing; on Debian or "
                "Ubuntu install them with: sudo apt-get install {packages}"
            ).format(packages=" ".join(missing)),
            file=sys.stderr,
        )


def report_startup_error(
    error: CompassError, *, quit_after_paint: bool = False, shown: bool = False
) -> None:
    """Why the app cannot start: on stderr for whoever launched it, and (unless ``shown`` already) in
    a dialog for the user."""
    print(f"compass: {str(error).splitlines()[0]}", file=sys.stderr)
    if shown:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, _("Cannot open the database"), str(error))
    if quit_after_paint:  # measuring and scripted checks must never hang on a dialog
        watcher = _FirstPaintWatcher(box.reject)
        box.installEventFilter(watcher)
    box.exec()


def ask_open_read_only(error: StorageError, quit_after_paint: bool = False) -> bool:
    """The database cannot be written: say why, and offer to open it read-only to browse and export.
    (A module function, so tests answer it without a dialog.)"""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Cannot change the database"), str(error))
    read_only = box.addButton(_("Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(read_only)
    if quit_after_paint:
        watcher = _FirstPaintWatcher(box.reject)
        box.installEventFilter(watcher)
    box.exec()
    return box.clickedButton() is read_only
