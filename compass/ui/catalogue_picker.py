"""Picking a criterion from the catalogue for one priority SDG: filtered to the SDG, a level and a
text, the organisation's own criteria included; award criteria get their weight here."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from compass.core.codes import ContractKind
from compass.core.profile import OrganisationProfile
from compass.core.session import AmbitionLevel, CriterionType
from compass.formatting import parse_number
from compass.i18n import _, current_language
from compass.method.criteria import with_social_return
from compass.method.legal_scope import is_outside
from compass.method.suggestions import fitting_first
from compass.reference.types import LegalScope, ReferenceData
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.screen_fit import resize_in_text


class CataloguePicker(QDialog):
    def __init__(
        self,
        reference: ReferenceData,
        sdg: int,
        level: AmbitionLevel | None,
        profile: OrganisationProfile | None,
        parent: QWidget | None = None,
        category: str = "",
        contract_kind: ContractKind | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Criteria from the catalogue for SDG {sdg}").format(sdg=sdg))
        self._reference, self._sdg, self._profile = reference, sdg, profile
        self._category = category  # the tender's catalogue category: its entries come first
        self._contract_kind = contract_kind  # with the category: where the law allows an entry
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search"))
        self.search.setAccessibleName(_("Search"))
        self.level = QComboBox()
        self.level.addItem(_("All levels"), "")
        for option in AmbitionLevel:
            self.level.addItem(option.label(), option.value)
        self.level.setCurrentIndex(max(0, self.level.findData(level.value if level else "")))
        self.level.setAccessibleName(_("Ambition level"))
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item: self._on_buttons_accepted())
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.weight = QLineEdit()
        self.weight.setAccessibleName(_("Weight in %"))
        self.weight_field = FieldWithMessage(self.weight)
        self.weight_label = QLabel(_("&Weight (%) for an award criterion:"))
        self.weight_label.setBuddy(self.weight)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.level, 1)
        weight_row = QHBoxLayout()
        weight_row.addWidget(self.weight_label)
        weight_row.addWidget(self.weight_field)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addLayout(weight_row)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self.refresh)
        self.level.currentIndexChanged.connect(self.refresh)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self._entries: list[dict[str, object]] = []
        self.refresh()
        resize_in_text(self, 55, 28)

    def refresh(self) -> None:
        language = current_language()
        level = AmbitionLevel(self.level.currentData()) if self.level.currentData() else None
        text = self.search.text().strip()
        self._entries = [
            {
                "criterion_type": c.criterion_type,
                "text": c.text(language),
                "verification": c.verification(language),
                "catalogue_id": c.id,
                "level": c.level,
                "theme": c.theme,
                "legal_scope": c.legal_scope,
            }
            for c in fitting_first(
                self._reference.criteria_for(sdg=self._sdg, level=level, text=text), self._category
            )
        ]
        for own in self._profile.own_criteria if self._profile else ():
            if (
                self._sdg in own.sdgs
                and (level is None or own.level is level)
                and (text.casefold() in own.text.casefold())
            ):
                self._entries.append(
                    {
                        "criterion_type": own.criterion_type,
                        "text": own.text,
                        "verification": own.verification,
                        "catalogue_id": own.id,
                        "level": own.level,
                        "theme": own.theme,
                    }
                )
        self.list.clear()
        for entry in self._entries:
            kind = entry["criterion_type"]
            label = kind.label() if isinstance(kind, CriterionType) else str(kind)
            item = QListWidgetItem(f"{label} \u00b7 {entry['text']}")
            item.setToolTip(str(entry["verification"]))
            if self._outside_scope(entry):
                item.setText(_("Not allowed in this tender: {entry}").format(entry=item.text()))
            self.list.addItem(item)
        if self._entries:
            self.list.setCurrentRow(0)
        self._on_list_current_row_changed(self.list.currentRow())

    def _on_list_current_row_changed(self, row: int) -> None:
        entry = self._entries[row] if 0 <= row < len(self._entries) else None
        award = entry is not None and entry["criterion_type"] is CriterionType.AWARD_CRITERION
        self.weight.setEnabled(award)
        self.weight_label.setEnabled(award)
        self.details.setText(self._details(entry) if entry else _("Nothing matches these filters."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(entry is not None)

    def _outside_scope(self, entry: dict[str, object]) -> bool:
        scope = entry.get("legal_scope")
        return isinstance(scope, LegalScope) and is_outside(scope, self._category, self._contract_kind)

    def _details(self, entry: dict[str, object]) -> str:
        """How the entry is checked and, for an entry the law limits, where it is allowed: the team
        reads the limit before taking it, and a warning when this tender lies outside it."""
        lines = [_("Verification: {text}").format(text=entry["verification"])]
        scope = entry.get("legal_scope")
        if isinstance(scope, LegalScope):
            lines.append(
                _("Legal scope: {explanation} ({law})").format(
                    explanation=scope.explanation(current_language()), law=scope.source
                )
            )
            if self._outside_scope(entry):
                lines.append(
                    _("This tender lies outside that scope: the strategy stays a draft while it is in.")
                )
        return "\n".join(lines)

    def _on_buttons_accepted(self) -> None:
        if self.chosen() is not None:
            self.accept()

    def chosen(self) -> dict[str, object] | None:
        """The values for a new criterion, or None (with the problem beside the weight field)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self._entries):
            return None
        entry = self._entries[row]
        weight: Decimal | None = None
        if entry["criterion_type"] is CriterionType.AWARD_CRITERION:
            weight = parse_number(self.weight.text(), current_language())
            if weight is None:
                self.weight_field.show_problem(_("Give the award criterion a weight in %."))
                return None
        text = with_social_return(
            str(entry["text"]), str(entry["theme"]), self._profile, current_language()
        )
        return {
            "sdg": self._sdg,
            "criterion_type": entry["criterion_type"],
            "text": text,
            "verification": entry["verification"],
            "catalogue_id": entry["catalogue_id"],
            "weight_pct": weight,
        }

    @classmethod
    def ask(
        cls,
        reference: ReferenceData,
        sdg: int,
        level: AmbitionLevel | None,
        profile: OrganisationProfile | None,
        parent: QWidget | None,
        category: str = "",
        contract_kind: ContractKind | None = None,
    ) -> dict[str, object] | None:
        dialog = cls(reference, sdg, level, profile, parent, category, contract_kind)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
