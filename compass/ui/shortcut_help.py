"""Help > Keyboard shortcuts: every key the app answers to, in the user's language, so working
without a mouse does not depend on guessing."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from compass.i18n import _


def shortcuts() -> list[tuple[str, str]]:
    return [
        ("Ctrl+N", _("New session")),
        ("Ctrl+O", _("Open a session")),
        ("Ctrl+W", _("Close the session")),
        ("Ctrl+Z / Ctrl+Shift+Z, Ctrl+Y", _("Undo / redo any change")),
        ("Ctrl+PgDown / Ctrl+PgUp", _("Next / previous step")),
        (
            "F1",
            _(
                "Reference panel (catalogues and terms), with the keyboard in its search; "
                "F1 again closes it"
            ),
        ),
        ("Shift+F1", _("The explanation of the field that has the keyboard")),
        ("Enter", _("On a button: press it. In the last field of a row: add it. On a table row: open it")),
        ("F2, double-click", _("Open a table row to correct it")),
        ("Ctrl+Up / Ctrl+Down", _("In the dialogues' agenda and ideas: move the row up / down")),
        ("Delete", _("On a table row: remove it (Ctrl+Z brings it back in its place)")),
        ("Tab / Shift+Tab", _("Next / previous field")),
        ("Alt+Down, F4", _("In a date: open the calendar (Enter picks, Escape closes)")),
        ("Up / Down", _("In a date: one day later / earlier")),
        ("Alt + " + _("underlined letter"), _("Go to that field or button")),
        ("Ctrl+Shift+D", _("SDG dialogues: the facilitator's window (workshop mode)")),
        (
            "F5 / F6 / F7 / F8",
            _("In the dialogues: presenter view / start or pause the timer / +2 minutes / next item"),
        ),
        (
            "Ctrl+M",
            _("In the dialogues' ideas: merge the two selected ideas (every SDG of both is kept)"),
        ),
        ("Ctrl+,", _("Settings (language)")),
        ("Ctrl+Q", _("Quit; everything is already saved")),
    ]


class ShortcutsDialog(QDialog):
    """The list scrolls inside a dialog that fits the screen it opens on: as a message box it was
    1,568 pixels tall at 200 % on a 768-pixel laptop, its lower half and its button unreachable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        rows = "".join(
            f"<tr><td><b>{escape(keys)}</b>&nbsp;&nbsp;</td><td>{escape(what)}</td></tr>"
            for keys, what in shortcuts()
        )
        self.browser = QTextBrowser()
        self.browser.setHtml(f"<table cellpadding='3'>{rows}</table>")
        self.browser.setAccessibleName(_("Keyboard shortcuts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """The whole list where the screen has room for it, else 90 % of the screen's width and 80 % of
        its height, scrolling: the window manager's title bar comes on top of the height, and at 90 %
        a 384-pixel screen left it a few pixels, so the frame reached past the screen's top when the
        window manager placed it late (seen in CI runs at 200 %)."""
        screen = (self.parentWidget() or self).screen()
        available = screen.availableGeometry() if screen is not None else None
        document = self.browser.document()
        document.setTextWidth(self.fontMetrics().averageCharWidth() * 80)
        width = int(document.idealWidth()) + 48
        height = int(document.size().height()) + 96
        if available is not None:
            width = min(width, available.width() * 9 // 10)
            height = min(height, available.height() * 8 // 10)
        self.resize(width, height)


def show_shortcuts(parent: QWidget) -> None:
    ShortcutsDialog(parent).exec()
