"""The main window's knowledge actions: the reference panel (a dock), the organisation profiles
dialog and adding own criteria. Kept apart so the main window stays menus and hosting."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from compass.core.errors import CompassError
from compass.i18n import _

if TYPE_CHECKING:
    from compass.core.profile import OrganisationProfile
    from compass.core.session import SessionSnapshot
    from compass.ui.reference_panel import ReferencePanel
    from compass.ui.service_access import ServiceAccess


class KnowledgeActions(QObject):
    def __init__(
        self,
        window: QMainWindow,
        services: ServiceAccess,
        open_snapshot: Callable[[], SessionSnapshot | None],
        profile_changed: Callable[[], None],
        report_error: Callable[[CompassError], None],
        panel_closed: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self._panel_closed = panel_closed
        self._window = window
        self._services = services
        self._open_snapshot = open_snapshot
        self._profile_changed = profile_changed
        self._report_error = report_error
        self.panel: ReferencePanel | None = None
        self.reference_action = QAction(window)
        self.reference_action.setShortcuts([QKeySequence("F1")])
        self.reference_action.setCheckable(True)
        self.reference_action.triggered.connect(self.toggle_reference)
        self.profiles_action = QAction(window)
        self.profiles_action.triggered.connect(self.edit_profiles)

    def retranslate_ui(self) -> None:
        self.reference_action.setText(_("&Reference (catalogues and terms)"))
        self.profiles_action.setText(_("Organisation &profiles\u2026"))
        if self.panel is not None:
            self.panel.retranslate_ui()

    def _session_profile(self) -> OrganisationProfile | None:
        snapshot = self._open_snapshot()
        return snapshot.profile if snapshot else None

    def toggle_reference(self) -> None:
        if self.panel is None:
            from PySide6.QtCore import Qt  # not at import: costs start-up time (decision 002)

            from compass.ui.reference_panel import ReferencePanel  # loads when first used

            try:
                reference = self._services.reference
            except CompassError as error:
                self._report_error(error)
                self.reference_action.setChecked(False)
                return
            self.panel = ReferencePanel(
                reference, self._session_profile, self.add_own_criterion, self._window
            )
            # F1 closes the panel from inside it too, also when it floats as a window of its own.
            self.panel.addAction(self.reference_action)
            self.panel.visibilityChanged.connect(self.reference_action.setChecked)
            self.panel.visibilityChanged.connect(self._on_panel_visibility_changed)
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
            self._remember_focus()
            self._float_if_no_room()
            self.panel.show()
        else:
            if self.panel.isHidden():
                self._remember_focus()
                self._float_if_no_room()
            self.panel.setHidden(not self.panel.isHidden())
        self.reference_action.setChecked(not self.panel.isHidden())
        if not self.panel.isHidden():
            self.panel.search.setFocus()  # F1 takes the keyboard into the panel, not only the eye

    def _float_if_no_room(self) -> None:
        """Beside the page where the screen has room for both; else over the window, within the
        screen. Docked at 200 % on a 1366-pixel laptop, the panel widened the window to 1904 pixels
        and opened off the screen's edge."""
        assert self.panel is not None
        screen = self._window.screen()
        central = self._window.centralWidget()
        if screen is None or central is None:
            return
        available = screen.availableGeometry()
        frame_extra = self._window.frameGeometry().width() - self._window.width()
        needed = central.minimumSizeHint().width() + self.panel.minimumSizeHint().width() + frame_extra
        if needed <= available.width():
            if self.panel.isFloating():
                self.panel.setFloating(False)
            return
        self.panel.setFloating(True)
        width = min(max(self.panel.minimumSizeHint().width(), available.width() // 2), available.width())
        height = max(available.height() * 9 // 10, 1)
        self.panel.setGeometry(available.right() - width + 1, available.top(), width, height)

    def _remember_focus(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._return_focus = QApplication.focusWidget()

    def _on_panel_visibility_changed(self, visible: bool) -> None:
        """Closing the panel (F1, its close button, Escape) gives the focus back where it was, and
        the window the chance to come back within the screen: on a narrow screen Qt widened it past
        the edge for the panel and left it so."""
        if not visible:
            QTimer.singleShot(0, self._panel_closed)
        target = getattr(self, "_return_focus", None)
        if visible or target is None:
            return
        self._return_focus = None
        if self.panel is not None and self.panel.isFloating():
            self._window.activateWindow()  # the panel was a window of its own: back to the main one
        try:
            target.setFocus()
        except RuntimeError:  # the widget went with a page that was rebuilt meanwhile
            self._window.setFocus()

    def add_own_criterion(self) -> None:
        from compass.ui.profiles.own_criterion import OwnCriterionDialog

        snapshot = self._open_snapshot()
        dialog = OwnCriterionDialog(
            self._services.profiles, snapshot.profile_id if snapshot else None, self._window
        )
        if dialog.exec() == OwnCriterionDialog.DialogCode.Accepted:
            self._profile_changed()
            if self.panel is not None:
                self.panel.refresh()

    def edit_profiles(self) -> None:
        from compass.ui.profiles.dialog import ProfilesDialog  # loads when first used

        try:
            dialog = ProfilesDialog(
                self._services.profiles, self._services.files, self._services.reference, self._window
            )
        except CompassError as error:
            self._report_error(error)
            return
        dialog.exec()
        self._profile_changed()  # the open session's profile may have changed
