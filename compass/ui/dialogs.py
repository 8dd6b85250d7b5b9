"""Small dialogs: a session title (new, rename, duplicate), the delete confirmation, and settings.

Each has an ``ask()`` classmethod so tests can replace the whole dialog with a canned answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import TITLE_MAX_LENGTH
from compass.i18n import _
from compass.method.fields import validate_title
from compass.ui.widgets.field import FieldWithMessage


class TitleDialog(QDialog):
    """Asks for a session title; OK stays disabled and the problem shows until the title is valid."""

    def __init__(
        self, window_title: str, prompt: str, title: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)
        self.editor = QLineEdit(title)
        self.editor.setMaxLength(TITLE_MAX_LENGTH)
        self.editor.setAccessibleName(prompt)
        self.editor.selectAll()
        self.field = FieldWithMessage(self.editor)
        label = QLabel(prompt)
        label.setBuddy(self.editor)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self.editor.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        problems = validate_title(self.editor.text())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problems)
        # No scolding before the user typed anything: an empty new title just keeps OK disabled.
        self.field.show_problem(problems[0].message if problems and self.editor.isModified() else None)

    def title(self) -> str:
        return self.editor.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, window_title: str, prompt: str, title: str = "") -> str | None:
        dialog = cls(window_title, prompt, title, parent)
        return dialog.title() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ConfirmDelete:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("Delete session"))
        box.setText(_("Delete the session \u201c{title}\u201d?").format(title=title))
        box.setInformativeText(_("All its steps are deleted too. This cannot be undone."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes


class SettingsDialog(QDialog):
    """Language choice: follow the system, or Dutch or English; applied at once, no restart."""

    def __init__(self, language_setting: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.language = QComboBox()
        self.language.addItem(_("Follow the system"), "")
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(language_setting)))
        self.language.setAccessibleName(_("Language"))
        form = QFormLayout()
        form.addRow(_("&Language"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, language_setting: str) -> str | None:
        """The chosen language setting ("" = follow the system), or None when cancelled."""
        dialog = cls(language_setting, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return str(dialog.language.currentData())
