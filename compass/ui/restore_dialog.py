"""File > Restore a backup: the database's backups (date and time, size, why it was made), newest
first, and a confirmation that says what will be replaced. ``ask()`` and ``ConfirmRestore.ask()`` are
classmethods so tests can answer them without showing a dialog."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass.core.backup import BackupSummary
from compass.formatting import format_moment, format_size
from compass.i18n import _, current_language
from compass.ui.confirm import ask_to_confirm


class RestoreBackupDialog(QDialog):
    def __init__(
        self,
        backups: Sequence[BackupSummary],
        location: str,
        keep: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.backups = tuple(backups)
        self.setWindowTitle(_("Restore a backup"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        intro = QLabel(
            _(
                "Backups of {location}, newest first. The app makes one on the first use of each "
                "day, before each upgrade and before each restore; the last {count} are kept."
            ).format(location=location, count=keep)
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 3)
        self.table.setHorizontalHeaderLabels([_("Date and time"), _("Size"), _("Why")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # the arrows choose a backup; Tab goes on to the buttons
        self.table.setAccessibleName(_("Backups"))
        language = current_language()
        for row, backup in enumerate(self.backups):
            cells = (
                format_moment(backup.made_at, language, seconds=True),
                format_size(backup.size, language),
                backup.reason_label()
                + (f" ({backup.future_note()})" if backup.dated_in_the_future else ""),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(backup.file)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.selectRow(0)
        self.table.doubleClicked.connect(self.accept)
        label = QLabel(_("&Backups"))
        label.setBuddy(self.table)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button: QPushButton = self.buttons.addButton(
            _("&Restore\u2026"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.table.setFocus()

    def chosen(self) -> BackupSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    @classmethod
    def ask(
        cls, parent: QWidget | None, backups: Sequence[BackupSummary], location: str, keep: int
    ) -> BackupSummary | None:
        dialog = cls(backups, location, keep, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ConfirmRestore:
    @staticmethod
    def text(backup: BackupSummary, location: str) -> tuple[str, str]:
        moment = format_moment(backup.made_at, current_language(), seconds=True)
        return (
            _("Replace the database with the backup of {moment}?").format(moment=moment),
            _(
                "Everything in {location} is replaced by the backup: all sessions and profiles "
                "saved since {moment} are replaced by how they were then. The database as it is "
                "now is backed up first, so you can restore it again from this list."
            ).format(location=location, moment=moment),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, backup: BackupSummary, location: str) -> bool:
        question, details = cls.text(backup, location)
        return ask_to_confirm(
            parent,
            _("Restore a backup"),
            question,
            details,
            _("&Restore"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
