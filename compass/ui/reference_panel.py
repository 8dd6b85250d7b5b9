"""The reference panel (Naslag): search the shipped catalogues and terms by SDG, theme, level and
text, read the explanation of each entry, and add the organisation's own criteria to a profile.
Shipped entries are read-only."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import AmbitionLevel
from compass.i18n import _, current_language
from compass.reference.types import (
    CatalogueCriterion,
    CatalogueIndicator,
    Category,
    LocalizedText,
    ReferenceData,
)
from compass.ui.widgets.choices import sdg_label

if TYPE_CHECKING:
    from compass.core.profile import OrganisationProfile

ALL = ""


def _html(title: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(f"<p><b>{escape(k)}</b><br>{escape(v)}</p>" for k, v in rows if v)
    return f"<h3>{escape(title)}</h3>{body}"


class ReferencePanel(QDockWidget):
    def __init__(
        self,
        reference: ReferenceData,
        current_profile: Callable[[], OrganisationProfile | None],
        add_own_criterion: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referencePanel")
        self._reference = reference
        self._current_profile = current_profile
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.sdg = QComboBox()
        self.theme = QComboBox()
        self.level = QComboBox()
        for box in (self.search, self.sdg, self.theme, self.level):
            signal = box.textChanged if isinstance(box, QLineEdit) else box.currentIndexChanged
            signal.connect(self.refresh)
        self.tabs = QTabWidget()
        self.lists: dict[str, QListWidget] = {}
        for key in ("criteria", "indicators", "categories", "terms"):
            widget = QListWidget()
            widget.setWordWrap(True)
            widget.setAlternatingRowColors(True)
            widget.currentItemChanged.connect(self._on_list_current_item_changed)
            self.lists[key] = widget
            self.tabs.addTab(widget, "")
        self.tabs.currentChanged.connect(lambda _index: self._show_current())
        self.details = QTextBrowser()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(add_own_criterion)
        filters = QGridLayout()
        filters.addWidget(self.search, 0, 0, 1, 2)
        filters.addWidget(self.sdg, 1, 0, 1, 2)
        filters.addWidget(self.theme, 2, 0)
        filters.addWidget(self.level, 2, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.add_button)
        self.setWidget(body)
        body.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 28)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        language = current_language()
        self.setWindowTitle(_("Reference"))
        self.search.setPlaceholderText(_("Search the catalogues"))
        self.search.setAccessibleName(_("Search the catalogues"))
        for box, first, entries in (
            (self.sdg, _("All SDGs"), [(s.number, sdg_label(s)) for s in self._reference.sdgs]),
            (self.theme, _("All themes"), [(t.id, t.name(language)) for t in self._reference.themes]),
            (self.level, _("All levels"), [(level.value, level.label()) for level in AmbitionLevel]),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(first, ALL)
            for data, text in entries:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
            box.blockSignals(False)
        self.sdg.setAccessibleName(_("SDG"))
        self.theme.setAccessibleName(_("Theme"))
        self.level.setAccessibleName(_("Ambition level"))
        for index, title in enumerate((_("Criteria"), _("Indicators"), _("Categories"), _("Terms"))):
            self.tabs.setTabText(index, title)
        self.add_button.setText(_("Add own criterion to the profile\u2026"))
        self.add_button.setToolTip(
            _("Shipped entries are read-only; your own criteria are kept in the organisation profile.")
        )
        self.refresh()

    # -- filtering ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        language = current_language()
        text = self.search.text().strip()
        sdg = self.sdg.currentData() or None
        theme = self.theme.currentData() or None
        level = AmbitionLevel(self.level.currentData()) if self.level.currentData() else None
        criteria = [
            (f"SDG {c.sdgs[0]} \u00b7 {c.level.label()} \u00b7 {c.text(language)}", self._criterion_html(c))
            for c in self._reference.criteria_for(sdg=sdg, level=level, theme=theme, text=text)
        ]
        profile = self._current_profile()
        own_marker = _("own")  # outside the f-string, where Babel finds it
        profile_name = profile.name if profile is not None else ""
        for own in profile.own_criteria if profile is not None else ():
            if (
                (sdg is None or sdg in own.sdgs)
                and (level is None or own.level is level)
                and (theme is None or own.theme == theme)
                and text.casefold() in own.text.casefold()
            ):
                criteria.append(
                    (
                        f"SDG {own.sdgs[0]} \u00b7 {own.level.label()} \u00b7 {own.text} ({own_marker})",
                        _html(
                            own.text,
                            [
                                (_("Type"), own.criterion_type.label()),
                                (_("Verification"), own.verification),
                                (_("Source"), profile_name),
                            ],
                        ),
                    )
                )
        indicators = [
            (
                f"SDG {i.sdgs[0]} \u00b7 {i.name(language)}" + (f" ({i.unit(language)})" if i.unit else ""),
                self._indicator_html(i),
            )
            for i in self._reference.indicators_for(sdg=sdg, theme=theme, text=text)
        ]
        categories = [
            (c.name(language), self._category_html(c))
            for c in self._reference.categories
            if (sdg is None or sdg in c.sdgs)
            and (theme is None or theme in c.themes)
            and (not text or c.name.contains(text))
        ]
        terms = [
            (name, html)
            for name, html, words in self._terms()
            if not text or any(text.casefold() in w.casefold() for w in words)
        ]
        for key, entries in (
            ("criteria", criteria),
            ("indicators", indicators),
            ("categories", categories),
            ("terms", terms),
        ):
            widget = self.lists[key]
            widget.blockSignals(True)
            widget.clear()
            for label, html in entries:
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, html)
                widget.addItem(item)
            widget.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        widget = self.tabs.currentWidget()
        item = widget.currentItem() if isinstance(widget, QListWidget) else None
        if item is None and isinstance(widget, QListWidget) and widget.count():
            widget.setCurrentRow(0)
            item = widget.currentItem()
        self.details.setHtml(
            item.data(Qt.ItemDataRole.UserRole) if item else escape(_("Nothing matches these filters."))
        )

    def _on_list_current_item_changed(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.details.setHtml(item.data(Qt.ItemDataRole.UserRole))

    # -- details ------------------------------------------------------------------------------------

    def _sdgs(self, numbers: tuple[int, ...]) -> str:
        return ", ".join(sdg_label(self._reference.sdg(n)) for n in numbers)

    def _theme_name(self, theme_id: str | None) -> str:
        return self._reference.theme(theme_id).name(current_language()) if theme_id else ""

    def _criterion_html(self, criterion: CatalogueCriterion) -> str:
        language = current_language()
        return _html(
            criterion.text(language),
            [
                (_("SDGs"), self._sdgs(criterion.sdgs)),
                (_("Theme"), self._theme_name(criterion.theme)),
                (_("Type"), criterion.criterion_type.label()),
                (_("Ambition level"), criterion.level.label()),
                (_("Verification"), criterion.verification(language)),
                (_("Source"), criterion.source),
            ],
        )

    def _indicator_html(self, indicator: CatalogueIndicator) -> str:
        language = current_language()

        def text(value: LocalizedText | None) -> str:
            return value(language) if value else ""

        return _html(
            indicator.name(language),
            [
                (_("SDGs"), self._sdgs(indicator.sdgs)),
                (_("Kind"), indicator.kind.label()),
                (_("Unit"), text(indicator.unit)),
                (_("Definition"), indicator.definition(language)),
                (_("Reference"), text(indicator.reference)),
                (_("Measured"), indicator.measurement_moment.label()),
                (_("Data from"), indicator.data_supplier(language)),
                (_("Evidence"), text(indicator.evidence)),
                (_("Feeds KPI of the organisation"), self._profile_kpi(indicator.id)),
                (_("Source"), indicator.source),
            ],
        )

    def _profile_kpi(self, catalogue_id: str) -> str:
        profile = self._current_profile()
        kpi = profile.kpi_for_indicator(catalogue_id) if profile is not None else None
        return f"{kpi.label()} ({profile.name})" if kpi is not None and profile is not None else ""

    def _category_html(self, category: Category) -> str:
        language = current_language()
        risks = "; ".join(
            f"SDG {s.sdg}: {s.text(language)}" for s in category.suggestions if s.kind.value == "risk"
        )
        chances = "; ".join(
            f"SDG {s.sdg}: {s.text(language)}"
            for s in category.suggestions
            if s.kind.value == "opportunity"
        )
        return _html(
            category.name(language),
            [
                (_("SDGs"), self._sdgs(category.sdgs)),
                (_("Themes"), ", ".join(self._theme_name(t) for t in category.themes)),
                (_("ISV high-risk category"), _("yes") if category.isv_high_risk else ""),
                (_("Risks"), risks),
                (_("Opportunities"), chances),
                (_("Source"), category.source),
            ],
        )

    def _terms(self) -> list[tuple[str, str, list[str]]]:
        language = current_language()
        terms = []
        for term in (*self._reference.ambition_levels, *self._reference.criterion_types):
            terms.append(
                (
                    term.name(language),
                    _html(term.name(language), [(_("Explanation"), term.description(language))]),
                    [term.name.nl, term.name.en],
                )
            )
        for instrument in self._reference.instruments:
            steps = ", ".join(f"{s.code} {s.name(language)}" for s in instrument.steps)
            terms.append(
                (
                    instrument.name(language),
                    _html(
                        instrument.name(language),
                        [
                            (_("Explanation"), instrument.explanation(language)),
                            (_("Steps"), steps),
                            (_("Source"), instrument.source),
                        ],
                    ),
                    [instrument.name.nl, instrument.name.en],
                )
            )
        for theme in self._reference.themes:
            terms.append(
                (
                    theme.name(language),
                    _html(
                        theme.name(language),
                        [
                            (_("Explanation"), theme.description(language)),
                            (_("SDGs"), self._sdgs(theme.sdgs)),
                            (_("Instruments"), ", ".join(i(language) for i in theme.instruments)),
                        ],
                    ),
                    [theme.name.nl, theme.name.en],
                )
            )
        for role in self._reference.roles:
            terms.append(
                (
                    role.name(language),
                    _html(
                        role.name(language),
                        [(_("Responsibilities"), "; ".join(r(language) for r in role.responsibilities))],
                    ),
                    [role.name.nl, role.name.en],
                )
            )
        return terms
