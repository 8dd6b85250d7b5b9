"""Suggested risks and opportunities for step 1, with one action to accept the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from compass.i18n import _, current_language
from compass.reference.types import Suggestion


class SuggestionList(QWidget):
    accepted = Signal(object)  # Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item: self.accept_selected())
        self.accept_button = QPushButton()
        self.accept_button.clicked.connect(self.accept_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.accept_button)
        self._suggestions: tuple[Suggestion, ...] = ()
        self._source = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.accept_button.setText(_("A&ccept suggestion"))
        self.accept_button.setToolTip(
            _("Adds the selected suggestion to the inventory; you can change or remove it like any entry.")
        )
        self.list.setAccessibleName(_("Suggested risks and opportunities"))
        self.set_suggestions(self._suggestions, self._source)

    def set_suggestions(self, suggestions: tuple[Suggestion, ...], source: str) -> None:
        self._suggestions, self._source = suggestions, source
        language = current_language()
        if source:
            self.heading.setText(_("Suggestions for {category}:").format(category=source))
        else:
            self.heading.setText(
                _("Choose a procurement category on the project facts page to get suggestions.")
            )
        row = self.list.currentRow()
        self.list.clear()
        for suggestion in suggestions:
            item = QListWidgetItem(
                f"SDG {suggestion.sdg} \u00b7 {suggestion.kind.label()} \u00b7 {suggestion.text(language)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, suggestion.id)
            item.setToolTip(suggestion.where.label())
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self.accept_button.setEnabled(bool(suggestions))

    def accept_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._suggestions):
            self.accepted.emit(self._suggestions[row])
