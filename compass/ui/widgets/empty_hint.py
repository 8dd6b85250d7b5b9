"""A friendly "nothing here yet" line with a button that leads to the step that fixes it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class EmptyHint(QWidget):
    def __init__(self, on_click: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("emptyHint")
        self.label.setWordWrap(True)
        self.button = QPushButton()
        self.button.clicked.connect(on_click)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)

    def set_texts(self, message: str, button: str) -> None:
        self.label.setText(message)
        self.button.setText(button)
