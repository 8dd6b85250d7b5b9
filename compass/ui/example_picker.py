"""Choosing an example session to open as a copy (from the start screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from compass.core.codes import Procedure
from compass.i18n import _
from compass.reference.examples import Example, list_examples
from compass.ui.widgets.screen_fit import resize_in_text


class ExamplePicker(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Open an example"))
        self.examples = list_examples()
        self.list = QListWidget()
        self.list.setAccessibleName(_("Examples"))
        for example in self.examples:
            self.list.addItem(
                f"{example.title}\n{example.organisation} \u00b7 {Procedure(example.procedure).label()}"
            )
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        intro = QLabel(_("An example opens as a copy of your own: change it freely."))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        resize_in_text(self, 40, 16)

    @classmethod
    def ask(cls, parent: QWidget | None) -> Example | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.list.currentRow() < 0:
            return None
        return dialog.examples[dialog.list.currentRow()]
