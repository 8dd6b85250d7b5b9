"""Correcting a recorded risk or opportunity: its SDG, kind, where it arises and its words, in one
dialog and one undo step (double-click, F2 or Enter on a row of step 1)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from compass.core.session import LONG_TEXT_MAX_LENGTH, EntryKind, EntrySource, InventoryEntry
from compass.i18n import _
from compass.reference.types import ReferenceData
from compass.ui.widgets.choices import EnumComboBox, SdgComboBox
from compass.ui.widgets.field import FieldWithMessage


class InventoryEntryDialog(QDialog):
    def __init__(
        self, entry: InventoryEntry, reference: ReferenceData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Risk or opportunity"))
        self.entry = entry
        self.sdg = SdgComboBox(reference)
        self.sdg.set_current_sdg(entry.sdg)
        self.kind = EnumComboBox(EntryKind)
        self.kind.set_current(entry.kind)
        self.source = EnumComboBox(EntrySource)
        self.source.set_current(entry.source)
        self.description = QLineEdit(entry.description)
        self.description.setMaxLength(LONG_TEXT_MAX_LENGTH)
        self.description.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 50)
        self.description_field = FieldWithMessage(self.description)
        form = QFormLayout()
        for label, widget in (
            (_("&SDG"), self.sdg),
            (_("&Risk or opportunity"), self.kind),
            (_("&Where"), self.source),
            (_("&Description"), self.description_field),
        ):
            form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", ""))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.description.setFocus()

    def changes(self) -> dict[str, Any] | None:
        """The fields that changed (empty when none), or None with the problem beside the field."""
        description = self.description.text().strip()
        if not description:
            self.description_field.show_problem(_("Describe the risk or opportunity."))
            return None
        values: dict[str, Any] = {
            "sdg": self.sdg.current_sdg(),
            "kind": self.kind.current(),
            "source": self.source.current(),
            "description": description,
        }
        return {name: value for name, value in values.items() if getattr(self.entry, name) != value}

    def _on_buttons_accepted(self) -> None:
        if self.changes() is not None:
            self.accept()
