"""Help > Keyboard shortcuts: every key the app answers to, in the user's language, so working
without a mouse does not depend on guessing."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

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
        ("Enter", _("On a button: press it. In the last field of a row: add it. On a table row: open it")),
        ("F2, double-click", _("Open a table row to correct it")),
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
        ("Ctrl+,", _("Settings (language)")),
        ("Ctrl+Q", _("Quit; everything is already saved")),
    ]


def show_shortcuts(parent: QWidget) -> None:
    rows = "".join(
        f"<tr><td><b>{escape(keys)}</b>&nbsp;&nbsp;</td><td>{escape(what)}</td></tr>"
        for keys, what in shortcuts()
    )
    box = QMessageBox(parent)
    box.setWindowTitle(_("Keyboard shortcuts"))
    box.setText(f"<table cellpadding='3'>{rows}</table>")
    box.exec()
