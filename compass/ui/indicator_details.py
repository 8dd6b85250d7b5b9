"""All details of one indicator: what and how it is measured, by whom, and which dashboard KPI it
feeds; for qualitative indicators what is assessed and on what evidence."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import SHORT_TEXT_MAX_LENGTH, Indicator, IndicatorKind, MeasurementMoment
from compass.formatting import format_number, parse_number
from compass.i18n import _, current_language
from compass.reference.types import ReferenceData
from compass.ui.widgets.choices import SdgComboBox
from compass.ui.widgets.field import FieldWithMessage, form_row

if TYPE_CHECKING:
    from compass.core.profile import OrganisationProfile

NONE = ""


class IndicatorDetailsDialog(QDialog):
    def __init__(
        self,
        indicator: Indicator,
        reference: ReferenceData,
        profile: OrganisationProfile | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Indicator details"))
        self._indicator = indicator
        language = current_language()

        def line(text: str) -> QLineEdit:
            editor = QLineEdit(text)
            editor.setMaxLength(SHORT_TEXT_MAX_LENGTH)
            return editor

        def number(value: Decimal | None) -> str:
            return "" if value is None else format_number(value, language)

        # An indicator filed under the wrong SDG is moved here, not deleted and typed again.
        self.sdg = SdgComboBox(reference)
        self.sdg.set_current_sdg(indicator.sdg)
        self.name = line(indicator.name)
        self.unit = line(indicator.unit)
        self.baseline = line(number(indicator.baseline))
        self.target = line(number(indicator.target))
        self.reference = line(indicator.reference)
        self.moment = QComboBox()
        self.moment.addItem(_("not set"), NONE)
        for moment in MeasurementMoment:
            self.moment.addItem(moment.label(), moment.value)
        self.moment.setCurrentIndex(
            max(
                0,
                self.moment.findData(
                    indicator.measurement_moment.value if indicator.measurement_moment else NONE
                ),
            )
        )
        self.data_source = line(indicator.data_source)
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.addItems([role.name(language) for role in reference.roles])
        self.role.setEditText(reference.role_words(indicator.responsible_role, language))
        self._reference = reference
        self.kpi = QComboBox()
        self.kpi.addItem(_("none"), 0)
        for kpi in profile.kpis if profile else ():  # the KPIs the organisation's own plan measures
            self.kpi.addItem(kpi.label(), kpi.number)
        if indicator.kpi and self.kpi.findData(indicator.kpi) < 0:  # a KPI the profile no longer has
            self.kpi.addItem(
                _("KPI {number} (not in the profile)").format(number=indicator.kpi), indicator.kpi
            )
        self.kpi.setCurrentIndex(max(0, self.kpi.findData(indicator.kpi or 0)))
        self.kpi.setToolTip(
            _("The KPI of the organisation profile that this indicator feeds.")
            if profile and profile.kpis
            else _("The organisation profile of this session measures no KPIs.")
        )
        self.assessed = QPlainTextEdit(indicator.assessed)
        self.evidence = QPlainTextEdit(indicator.evidence)
        for editor in (self.assessed, self.evidence):
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.fields = {
            name: FieldWithMessage(widget)
            for name, widget in (
                ("name", self.name),
                ("unit", self.unit),
                ("baseline", self.baseline),
                ("target", self.target),
            )
        }
        form = QFormLayout()
        quantitative = indicator.kind is IndicatorKind.QUANTITATIVE
        rows: list[tuple[str, QWidget]] = [(_("&SDG"), self.sdg), (_("&Name"), self.fields["name"])]
        if quantitative:
            rows += [
                (_("&Unit"), self.fields["unit"]),
                (_("&Baseline"), self.fields["baseline"]),
                (_("&Target"), self.fields["target"]),
                (_("&Reference"), self.reference),
            ]
        else:
            rows += [(_("What is &assessed"), self.assessed), (_("E&vidence"), self.evidence)]
        rows += [
            (_("&Measured"), self.moment),
            (_("&Data from"), self.data_source),
            (_("Res&ponsible role"), self.role),
            (_("Dashboard &KPI"), self.kpi),
        ]
        for label, widget in rows:
            form_row(form, label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _on_buttons_accepted(self) -> None:
        if self.changes() is not None:
            self.accept()

    def changes(self) -> dict[str, Any] | None:
        """The fields that changed, or None (with the problem beside the field)."""
        language = current_language()
        values: dict[str, Any] = {
            "sdg": self.sdg.current_sdg(),
            "name": self.name.text().strip(),
            "unit": self.unit.text().strip(),
            "reference": self.reference.text().strip(),
            "measurement_moment": MeasurementMoment(self.moment.currentData())
            if self.moment.currentData()
            else None,
            "data_source": self.data_source.text().strip(),
            "responsible_role": self._reference.role_code(self.role.currentText()),
            "kpi": int(self.kpi.currentData()) or None,
            "assessed": self.assessed.toPlainText().strip(),
            "evidence": self.evidence.toPlainText().strip(),
        }
        for name in ("baseline", "target"):
            text = self.fields[name].editor.text().strip()  # type: ignore[attr-defined]
            value = parse_number(text, language) if text else None
            bad = bool(text) and value is None
            self.fields[name].show_problem(_("Enter a number.") if bad else None)
            if bad:
                return None
            values[name] = value
        return {k: v for k, v in values.items() if getattr(self._indicator, k) != v}
