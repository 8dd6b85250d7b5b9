"""Editing one organisation profile: general facts, focus SDGs, local initiatives, Manifest ambition
per theme, required SDGs, the standard requirements that apply to every tender, the rules and goals
of the organisation's plan with their sources (``policy_rules``) and its mandate route
(``mandate_route``).

The dialog edits a copy; OK hands back a new ``OrganisationProfile`` (what the dialog does not show,
such as the KPIs and own criteria, kept as they were) and the caller saves it through the profile
service, which validates it again.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from compass.core.profile import FocusSdg, LocalInitiative, OrganisationProfile, ThemeAmbition
from compass.formatting import format_number, parse_number
from compass.i18n import _, current_language
from compass.reference.types import ReferenceData
from compass.ui.profiles.mandate_route import MandateRouteTab
from compass.ui.profiles.policy_rules import PolicyRulesTab
from compass.ui.widgets.choices import sdg_label, sdg_swatch
from compass.ui.widgets.field import FieldWithMessage, form_row
from compass.ui.widgets.screen_fit import resize_in_text

FIRST_YEAR, LAST_YEAR = 2020, 2040


def _sdg_list(text: str) -> tuple[int, ...] | None:
    """'3, 11 13' -> (3, 11, 13); None when something is not an SDG number."""
    numbers = []
    for part in text.replace(",", " ").split():
        if not part.isdigit() or not 1 <= int(part) <= 17:
            return None
        numbers.append(int(part))
    return tuple(dict.fromkeys(numbers))


class ProfileEditorDialog(QDialog):
    def __init__(
        self, profile: OrganisationProfile, reference: ReferenceData, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Organisation profile"))
        self._original = profile
        self._reference = reference
        self.tabs = QTabWidget()
        # Every tab in sight: scroll arrows on the tab bar are controls without a focus ring.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.addTab(self._general_tab(profile), _("General"))
        self.tabs.addTab(self._focus_tab(profile), _("Focus SDGs"))
        self.tabs.addTab(self._initiatives_tab(profile), _("Local initiatives"))
        self.tabs.addTab(self._ambitions_tab(profile), _("Manifest ambition"))
        self.tabs.addTab(self._requirements_tab(profile), _("Every tender"))
        self.policy_rules = PolicyRulesTab(profile.policy_rules)
        self.tabs.addTab(self.policy_rules, _("Policy rules"))
        self.mandate_route = MandateRouteTab(profile.mandate_route)
        self.tabs.addTab(self.mandate_route, _("Mandate route"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        resize_in_text(self, 60, 34)

    # -- tabs ---------------------------------------------------------------------------------------

    def _general_tab(self, profile: OrganisationProfile) -> QWidget:
        language = current_language()

        def amount(value: Decimal | None) -> str:
            return "" if value is None else format_number(value, language)

        self.name = QLineEdit(profile.name)
        self.name.setMaxLength(200)
        self.name_field = FieldWithMessage(self.name)
        self.example = QCheckBox(_("This is an example profile"))
        self.example.setChecked(profile.is_example)
        self.numbers: dict[str, FieldWithMessage] = {}
        form = QFormLayout()
        form_row(form, _("&Name"), self.name_field)
        form.addRow("", self.example)
        for key, label, value, tip in (
            (
                "sr_min",
                _("Social Return from (%)"),
                amount(profile.social_return_min_pct),
                _("Lowest Social Return percentage of the contract value the organisation asks."),
            ),
            (
                "sr_max",
                _("Social Return up to (%)"),
                amount(profile.social_return_max_pct),
                _("Highest Social Return percentage (Heerlen asks 2-5 %)."),
            ),
            (
                "mvi",
                _("MVI criteria from (EUR)"),
                amount(profile.mvi_threshold_eur),
                _("Contract value from which MVI criteria apply (Maastricht: EUR 50,000)."),
            ),
            (
                "sr",
                _("Social Return from (EUR)"),
                amount(profile.social_return_threshold_eur),
                _("Contract value from which Social Return applies (Maastricht: EUR 100,000)."),
            ),
        ):
            editor = QLineEdit(value)
            editor.setToolTip(tip)
            editor.setAccessibleName(label)
            editor.setPlaceholderText(_("not set"))
            self.numbers[key] = FieldWithMessage(editor)
            form.addRow(label, self.numbers[key])
        page = QWidget()
        page.setLayout(form)
        return page

    def _focus_tab(self, profile: OrganisationProfile) -> QWidget:
        grid = QGridLayout()
        grid.addWidget(QLabel(_("Focus SDGs of the organisation and why (policy, programme):")), 0, 0, 1, 2)
        self.focus_checks: dict[int, QCheckBox] = {}
        self.focus_reasons: dict[int, QLineEdit] = {}
        size = self.fontMetrics().height()
        for sdg in self._reference.sdgs:
            focus = profile.focus_for(sdg.number)
            check = QCheckBox(sdg_label(sdg))
            check.setIcon(sdg_swatch(sdg, size))
            check.setChecked(focus is not None)
            reason = QLineEdit(focus.reason if focus else "")
            reason.setCursorPosition(0)  # show the start of a long reason, not its end
            reason.setAccessibleName(_("Reason for SDG {sdg}").format(sdg=sdg.number))
            reason.setPlaceholderText(_("reason or policy link"))
            check.toggled.connect(reason.setEnabled)
            reason.setEnabled(focus is not None)
            if focus is not None and focus.source:
                reason.setToolTip(_("Source: {source}").format(source=focus.source))
            self.focus_checks[sdg.number] = check
            self.focus_reasons[sdg.number] = reason
            grid.addWidget(check, sdg.number, 0)
            grid.addWidget(reason, sdg.number, 1)
            if focus is not None and focus.derived:  # the product's reading of the plan, not its words
                marker = QLabel(_("own derivation"))
                marker.setToolTip(reason.toolTip())
                grid.addWidget(marker, sdg.number, 2)
        grid.setColumnStretch(1, 1)
        page = QWidget()
        page.setLayout(grid)
        return page

    def _initiatives_tab(self, profile: OrganisationProfile) -> QWidget:
        self.initiatives = QTableWidget(0, 3)
        self.initiatives.setHorizontalHeaderLabels([_("Name"), _("Description"), _("SDGs")])
        self.initiatives.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.initiatives.setAccessibleName(_("Local initiatives"))
        self.initiatives.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for initiative in profile.initiatives:
            self._add_initiative_row(
                initiative.name, initiative.description, ", ".join(str(n) for n in initiative.sdgs)
            )
        add = QPushButton(_("Add initiative"))
        add.clicked.connect(lambda: self._add_initiative_row("", "", ""))
        remove = QPushButton(_("Remove selected"))
        remove.clicked.connect(lambda: self.initiatives.removeRow(self.initiatives.currentRow()))
        self.initiatives_problem = QLabel()
        self.initiatives_problem.setObjectName("fieldProblem")
        layout = QVBoxLayout()
        layout.addWidget(QLabel(_("Initiatives a tender can build on; SDGs as numbers, e.g. 11, 12.")))
        layout.addWidget(self.initiatives)
        layout.addWidget(self.initiatives_problem)
        layout.addWidget(add)
        layout.addWidget(remove)
        page = QWidget()
        page.setLayout(layout)
        return page

    def _add_initiative_row(self, name: str, description: str, sdgs: str) -> None:
        row = self.initiatives.rowCount()
        self.initiatives.insertRow(row)
        for column, text in enumerate((name, description, sdgs)):
            self.initiatives.setItem(row, column, QTableWidgetItem(text))

    def _ambitions_tab(self, profile: OrganisationProfile) -> QWidget:
        grid = QGridLayout()
        for column, title in enumerate((_("Theme"), _("Baseline"), _("Target level"), _("Year"))):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.ambition_rows: dict[str, tuple[QCheckBox, QSpinBox, QSpinBox, QSpinBox]] = {}
        unknown = _("(name unknown)")  # level 5's name is not in our sources
        levels = "; ".join(
            f"{m.level} {m.name(current_language()) if m.name else unknown}"
            for m in self._reference.manifest_levels
        )
        for row, theme in enumerate(self._reference.themes, start=1):
            current = next((a for a in profile.theme_ambitions if a.theme == theme.id), None)
            check = QCheckBox(theme.name(current_language()))
            check.setChecked(current is not None)
            boxes = []
            for low, high, value in (
                (1, 5, current.baseline if current else 1),
                (1, 5, current.target if current else 2),
                (FIRST_YEAR, LAST_YEAR, current.year if current else 2026),
            ):
                box = QSpinBox()
                box.setRange(low, high)
                box.setValue(value)
                box.setToolTip(levels)
                boxes.append(box)
            baseline, target, year = boxes
            baseline.setAccessibleName(_("Baseline for {theme}").format(theme=check.text()))
            target.setAccessibleName(_("Target for {theme}").format(theme=check.text()))
            year.setAccessibleName(_("Target year for {theme}").format(theme=check.text()))
            self.ambition_rows[theme.id] = (check, baseline, target, year)
            for column, widget in enumerate((check, baseline, target, year)):
                grid.addWidget(widget, row, column)
        note = QLabel(_("Manifest MVOI levels: {levels}.").format(levels=levels))
        note.setWordWrap(True)
        grid.addWidget(note, len(self._reference.themes) + 1, 0, 1, 4)
        grid.setRowStretch(len(self._reference.themes) + 2, 1)
        page = QWidget()
        page.setLayout(grid)
        return page

    def _requirements_tab(self, profile: OrganisationProfile) -> QWidget:
        self.required = {}
        required_grid = QGridLayout()
        for index, sdg in enumerate(self._reference.sdgs):
            check = QCheckBox(str(sdg.number))
            check.setToolTip(sdg.name(current_language()))
            check.setAccessibleName(_("Every tender addresses SDG {sdg}").format(sdg=sdg.number))
            check.setChecked(sdg.number in profile.required_sdgs)
            self.required[sdg.number] = check
            required_grid.addWidget(check, index // 9, index % 9)
        self.standard = QListWidget()
        self.standard.setAccessibleName(_("Standard requirements"))
        language = current_language()
        for criterion in self._reference.criteria:
            if criterion.level.value != "1":
                continue
            item = QListWidgetItem(f"SDG {criterion.sdgs[0]} \u00b7 {criterion.text(language)}")
            item.setData(Qt.ItemDataRole.UserRole, criterion.id)
            item.setToolTip(criterion.verification(language))
            item.setCheckState(
                Qt.CheckState.Checked
                if criterion.id in profile.standard_requirements
                else Qt.CheckState.Unchecked
            )
            self.standard.addItem(item)
        layout = QVBoxLayout()
        layout.addWidget(QLabel(_("SDGs every tender must address (e.g. Provincie Zeeland: SDG 9):")))
        layout.addLayout(required_grid)
        layout.addWidget(QLabel(_("Standard requirements that apply to every tender:")))
        layout.addWidget(self.standard, 1)
        page = QWidget()
        page.setLayout(layout)
        return page

    # -- reading back -------------------------------------------------------------------------------

    def _on_buttons_accepted(self) -> None:
        if self.profile() is not None:
            self.accept()

    def profile(self) -> OrganisationProfile | None:
        """The edited profile, or None (with the problems shown beside the fields)."""
        ok = True
        name = self.name.text().strip()
        self.name_field.show_problem(None if name else _("Give the profile a name."))
        ok &= bool(name)
        language = current_language()
        values: dict[str, Decimal | None] = {}
        for key, field in self.numbers.items():
            text = field.editor.text().strip()  # type: ignore[attr-defined]
            value = parse_number(text, language) if text else None
            bad = bool(text) and (value is None or value < 0)
            field.show_problem(_("Enter a positive number.") if bad else None)
            ok &= not bad
            values[key] = value
        if (
            values["sr_min"] is not None
            and values["sr_max"] is not None
            and values["sr_min"] > values["sr_max"]
        ):
            self.numbers["sr_max"].show_problem(_("The Social Return minimum is above the maximum."))
            ok = False
        initiatives = []
        self.initiatives_problem.clear()
        for row in range(self.initiatives.rowCount()):
            cells = [
                item.text().strip() if (item := self.initiatives.item(row, c)) is not None else ""
                for c in range(3)
            ]
            if not any(cells):
                continue
            sdgs = _sdg_list(cells[2])
            if not cells[0] or sdgs is None:
                self.initiatives_problem.setText(
                    _("Row {row}: give a name and SDG numbers from 1 to 17.").format(row=row + 1)
                )
                ok = False
                continue
            initiatives.append(LocalInitiative(cells[0], cells[1], sdgs))
        rules = self.policy_rules.rules()
        route = self.mandate_route.route()
        if ok and route is None:  # its problem is on a tab of its own: show it
            self.tabs.setCurrentWidget(self.mandate_route)
        if not ok or rules is None or route is None:
            return None
        focus = tuple(
            self._focus(n, self.focus_reasons[n].text().strip())
            for n, check in self.focus_checks.items()
            if check.isChecked()
        )
        ambitions = tuple(
            ThemeAmbition(theme, b.value(), t.value(), y.value())
            for theme, (check, b, t, y) in self.ambition_rows.items()
            if check.isChecked()
        )
        standard = tuple(
            self.standard.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.standard.count())
            if self.standard.item(i).checkState() == Qt.CheckState.Checked
        )
        return replace(
            self._original,
            name=name,
            is_example=self.example.isChecked(),
            focus_sdgs=focus,
            initiatives=tuple(initiatives),
            theme_ambitions=ambitions,
            social_return_min_pct=values["sr_min"],
            social_return_max_pct=values["sr_max"],
            mvi_threshold_eur=values["mvi"],
            social_return_threshold_eur=values["sr"],
            required_sdgs=tuple(n for n, c in self.required.items() if c.isChecked()),
            standard_requirements=standard,
            policy_rules=rules,
            mandate_route=route,
        )

    def _focus(self, sdg: int, reason: str) -> FocusSdg:
        """A focus SDG keeps where it came from; a new one is the user's own, without a source."""
        before = self._original.focus_for(sdg)
        return FocusSdg(sdg, reason) if before is None else replace(before, reason=reason)
