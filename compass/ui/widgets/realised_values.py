"""After realisation: the realised values per indicator (value, date, source, note), and what the
tender contributes to the organisation's dashboard KPIs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import IndicatorKind, SessionSnapshot
from compass.formatting import format_day, format_number, parse_number
from compass.i18n import _, current_language
from compass.method.dashboard import kpi_contributions, realised_value_words
from compass.reference.types import ReferenceData
from compass.ui.widgets.add_form import AddForm
from compass.ui.widgets.choices import size_to_short_text
from compass.ui.widgets.date_field import DateField
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.item_table import ItemTable


class RealisedValues(QWidget):
    add_requested = Signal(int, object)  # indicator id, values
    remove_requested = Signal(int)  # measurement id

    def __init__(self, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self.kpi_heading = QLabel()
        self.kpi_heading.setObjectName("sectionTitle")
        self.kpis = QLabel()
        self.kpis.setWordWrap(True)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.indicator = QComboBox()
        self.value = QLineEdit()
        self.value_field = FieldWithMessage(self.value)
        self.date = DateField(optional=False)
        self.date.set_day(dt.date.today())
        self.date_field = FieldWithMessage(self.date)
        self.source = QLineEdit()
        self.note = QLineEdit()
        self.note_field = FieldWithMessage(self.note)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add)
        self.note.returnPressed.connect(self._add)  # Enter in the last field records, as elsewhere
        # Indicator names can be long; the list shows the start and the tooltip the rest.
        size_to_short_text(self.indicator, 20)
        form = AddForm(
            (self.indicator, self.value_field, self.date_field, self.source, self.note_field),
            (self.add_button,),
            columns=3,
            stretch={0: 2, 1: 1, 2: 1},
        )
        self.labels = form.labels
        self.table = ItemTable(stretch_column=4)
        self.table.remove_requested.connect(self.remove_requested)
        self.table.setMaximumHeight(self.fontMetrics().height() * 10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kpi_heading)
        layout.addWidget(self.kpis)
        layout.addWidget(self.heading)
        layout.addWidget(form)
        layout.addWidget(self.table)
        self._indicator_ids: list[int] = []
        self._qualitative: set[int] = set()  # indicator ids whose realised value is words, not a number
        self.indicator.currentIndexChanged.connect(lambda _index: self._follow_kind())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.kpi_heading.setText(_("Contribution to the dashboard"))
        self.heading.setText(_("Realised values (after the contract is awarded)"))
        texts = (_("&Indicator"), _("Va&lue"), _("&Date"), _("S&ource"), _("No&te"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for widget, text in zip(
            (self.indicator, self.value, self.date, self.source, self.note), texts, strict=True
        ):
            widget.setAccessibleName(text.replace("&", ""))
        self.add_button.setText(_("Record"))
        self.add_button.setToolTip(_("Record the realised value for the chosen indicator"))
        self.table.setAccessibleName(_("Realised values"))
        self.indicator.setToolTip(_("The indicator the value was measured for."))
        self.value.setToolTip(_("The measured value, in the indicator's unit."))
        self.date.setToolTip(_("When it was measured."))
        self.source.setToolTip(_("Where the figure comes from, e.g. the contractor's CO\u2082 report."))
        self.table.set_headers([_("Indicator"), _("Value"), _("Date"), _("Source"), _("Note")])
        self.date.retranslate_ui()
        self.date.show_in(current_language())
        self._follow_kind()

    def _chosen_is_qualitative(self) -> bool:
        return self.indicator.currentData() in self._qualitative

    def _follow_kind(self) -> None:
        """A qualitative indicator is assessed in words: its value is the note, and no number is asked
        (a walker was asked for one, and the strategy printed "7,5" with no scale)."""
        qualitative = self._chosen_is_qualitative()
        self.value.setEnabled(not qualitative)
        if qualitative:
            self.value.clear()
            self.value_field.show_problem(None)
        self.value.setPlaceholderText(_("in words: see the note") if qualitative else "")
        self.note.setPlaceholderText(_("What was found, on what evidence") if qualitative else "")
        self.note.setToolTip(
            _("The assessment of this qualitative indicator: what was found, on what evidence.")
            if qualitative
            else _("Anything the reader of the figure should know.")
        )

    def load(self, snapshot: SessionSnapshot) -> None:
        language = current_language()
        lines = []
        for contribution in kpi_contributions(snapshot):
            targets = (
                ", ".join(
                    f"{format_number(v, language)} {u}".strip() for u, v in contribution.targets.items()
                )
                or "\u2013"
            )
            realised = (
                ", ".join(
                    f"{format_number(v, language)} {u}".strip() for u, v in contribution.realised.items()
                )
                or "\u2013"
            )
            lines.append(
                _("KPI {id} {name}: target {target}; realised {realised}").format(
                    id=contribution.kpi.number,
                    name=contribution.kpi.name,
                    target=targets,
                    realised=realised,
                )
            )
        self.kpis.setText(
            "\n".join(lines)
            or (
                _(
                    "No indicator feeds a KPI of the organisation yet: "
                    "choose catalogue indicators in step 4."
                )
                if snapshot.profile is not None and snapshot.profile.kpis
                else _("The organisation profile of this session measures no KPIs.")
            )
        )
        current = self.indicator.currentData()
        self.indicator.clear()
        self._indicator_ids = [i.id for i in snapshot.indicators]
        self._qualitative = {i.id for i in snapshot.indicators if i.kind is IndicatorKind.QUALITATIVE}
        for indicator in snapshot.indicators:
            self.indicator.addItem(f"SDG {indicator.sdg} \u00b7 {indicator.name}", indicator.id)
        self.indicator.setCurrentIndex(max(0, self.indicator.findData(current)))
        self._follow_kind()
        rows = []
        for indicator in snapshot.indicators:
            for m in indicator.measurements:
                rows.append(
                    (
                        m.id,
                        [
                            indicator.name,
                            realised_value_words(m, indicator, language),
                            format_day(m.measured_on, language),
                            m.source,
                            m.note,
                        ],
                    )
                )
        self.table.set_rows(rows)
        self.add_button.setEnabled(bool(snapshot.indicators))

    def _add(self) -> None:
        if self.indicator.currentData() is None:
            return
        qualitative = self._chosen_is_qualitative()
        value = None if qualitative else parse_number(self.value.text(), current_language())
        number_missing = value is None and not qualitative
        words_missing = qualitative and not self.note.text().strip()
        self.value_field.show_problem(_("Enter a number.") if number_missing else None)
        self.note_field.show_problem(_("Describe what was found.") if words_missing else None)
        self.date_field.show_problem(self.date.problem())
        day = self.date.day()
        if number_missing or words_missing or day is None:
            return
        self.add_requested.emit(
            int(self.indicator.currentData()),
            {
                "value": value,
                "measured_on": day,
                "source": self.source.text(),
                "note": self.note.text(),
            },
        )

    def clear_new(self) -> None:
        for editor in (self.value, self.source, self.note):
            editor.clear()
        self.date.set_day(dt.date.today())  # the next figure is most likely today's, not the first's
        self.value_field.show_problem(None)
        self.note_field.show_problem(None)
        self.date_field.show_problem(None)
