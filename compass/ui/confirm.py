"""A question before a step that is hard to take back: its consequence in words, the action named
on its button, and Cancel as the default so Enter never takes the step by accident."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_confirm(
    parent: QWidget | None,
    title: str,
    question: str,
    details: str,
    action: str,
    role: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole,
) -> bool:
    """True when the user chose ``action``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(question)
    box.setInformativeText(details)
    chosen = box.addButton(action, role)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is chosen
