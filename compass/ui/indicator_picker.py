"""Picking an impact indicator from the catalogue for one priority SDG."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from compass.i18n import _, current_language
from compass.method.suggestions import fitting_first
from compass.reference.types import CatalogueIndicator, ReferenceData
from compass.ui.widgets.screen_fit import resize_in_text


class IndicatorPicker(QDialog):
    def __init__(
        self, reference: ReferenceData, sdg: int, parent: QWidget | None = None, category: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Indicators from the catalogue for SDG {sdg}").format(sdg=sdg))
        self._reference, self._sdg = reference, sdg
        self._category = category  # the tender's catalogue category: its indicators come first
        self._found: tuple[CatalogueIndicator, ...] = ()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search"))
        self.search.setAccessibleName(_("Search"))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.details = QLabel()
        self.details.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.refresh()
        resize_in_text(self, 50, 24)

    def refresh(self) -> None:
        language = current_language()
        self._found = fitting_first(
            self._reference.indicators_for(sdg=self._sdg, text=self.search.text().strip()), self._category
        )
        self.list.clear()
        for indicator in self._found:
            unit = f" ({indicator.unit(language)})" if indicator.unit else ""
            self.list.addItem(f"{indicator.kind.label()} \u00b7 {indicator.name(language)}{unit}")
        if self._found:
            self.list.setCurrentRow(0)
        self._on_list_current_row_changed(self.list.currentRow())

    def _on_list_current_row_changed(self, row: int) -> None:
        indicator = self.chosen()
        language = current_language()
        self.details.setText(
            indicator.definition(language) if indicator else _("Nothing matches these filters.")
        )

    def chosen(self) -> CatalogueIndicator | None:
        row = self.list.currentRow()
        return self._found[row] if 0 <= row < len(self._found) else None

    @classmethod
    def ask(
        cls, reference: ReferenceData, sdg: int, parent: QWidget | None, category: str = ""
    ) -> CatalogueIndicator | None:
        dialog = cls(reference, sdg, parent, category)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
