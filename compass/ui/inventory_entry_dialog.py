"""Correcting a recorded risk or opportunity: its SDG, kind, where it arises and its words, in one
dialog and one undo step (double-click, F2 or Enter on a row of step 1)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from compass.core.session import LONG_TEXT_MAX_LENGTH, EntryKind, EntrySource, InventoryEntry
from compass.i18n import _
from compass.reference.types import ReferenceData
from compass.ui.correction_dialog import CorrectionDialog
from compass.ui.widgets.choices import EnumComboBox, SdgComboBox
from compass.ui.widgets.field import FieldWithMessage


class InventoryEntryDialog(CorrectionDialog):
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
        # One risk on two SDGs (child labour and deforestation: 8 and 15) is one entry, not two.
        self.also = QLineEdit(", ".join(str(n) for n in entry.also_sdgs))
        self.also.setPlaceholderText(_("e.g. 15, or empty"))
        self.also.setToolTip(_("Other SDGs the same risk or opportunity touches, as numbers."))
        self.also_field = FieldWithMessage(self.also)
        self.main = QCheckBox(_("named on the first page of the strategy"))
        self.main.setChecked(entry.main)
        self.main.setToolTip(
            _("Mark the risks the decision-maker must see; without marks the first risks are shown.")
        )
        self._lay_out(
            (
                (_("&SDG"), self.sdg),
                (_("&Risk or opportunity"), self.kind),
                (_("&Where"), self.source),
                (_("&Description"), self.description_field),
                (_("Also &touches SDG"), self.also_field),
                (_("&Main risk"), self.main),
            ),
            self.description,
        )

    def changes(self) -> dict[str, Any] | None:
        """The fields that changed (empty when none), or None with the problem beside the field."""
        description = self.description.text().strip()
        if not description:
            self.description_field.show_problem(_("Describe the risk or opportunity."))
            return None
        also = _sdg_numbers(self.also.text())
        own = self.sdg.current_sdg()
        if also is None or own in also:
            self.also_field.show_problem(_("Give SDG numbers from 1 to 17, other than the entry's own."))
            return None
        self.also_field.show_problem(None)
        values: dict[str, Any] = {
            "also_sdgs": also,
            "sdg": own,
            "kind": self.kind.current(),
            "source": self.source.current(),
            "description": description,
            # Only a risk can be a main risk: an opportunity turned into one keeps no mark.
            "main": self.main.isChecked() and self.kind.current() is EntryKind.RISK,
        }
        return {name: value for name, value in values.items() if getattr(self.entry, name) != value}


def _sdg_numbers(text: str) -> tuple[int, ...] | None:
    """'8, 15' as (8, 15); None when a part is not an SDG number."""
    numbers: list[int] = []
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 17:
            return None
        if int(part) not in numbers:
            numbers.append(int(part))
    return tuple(numbers)
