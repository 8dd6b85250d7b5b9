"""Step 5, Impact - zichtbaar maken: the communication plan. Who is informed, through which channel,
at which moment, with what message, so the tender's impact is seen inside and outside the
organisation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import (
    LONG_TEXT_MAX_LENGTH,
    Channel,
    Collection,
    CommunicationMoment,
    SessionSnapshot,
)
from compass.i18n import _, current_language
from compass.method.steps import Step
from compass.ui.commands import (
    AddItemCommand,
    AddMeasurementCommand,
    RemoveItemCommand,
    RemoveMeasurementCommand,
    UpdateItemValuesCommand,
)
from compass.ui.communication_item_dialog import CommunicationItemDialog
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.widgets.add_form import AddForm, name_add_and_remove
from compass.ui.widgets.choices import EnumComboBox
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.item_table import ItemTable
from compass.ui.widgets.realised_values import RealisedValues


class VisibilityPage(StepPage):
    step = Step.VISIBILITY

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title, self._intro = page_heading(layout)
        self.stakeholder = QComboBox()
        self.stakeholder.setEditable(True)
        self.stakeholder.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.stakeholder_field = FieldWithMessage(self.stakeholder)
        self.channel = EnumComboBox(Channel)
        self.moment = EnumComboBox(CommunicationMoment)
        self.message = QLineEdit()
        self.message.setMaxLength(LONG_TEXT_MAX_LENGTH)
        self.message.returnPressed.connect(self.add_item)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_item)
        form = AddForm(
            (self.stakeholder_field, self.channel, self.moment, self.message),
            (self.add_button,),
            columns=4,
            stretch={0: 2, 3: 3},
        )
        self._labels = form.labels
        layout.addWidget(form)
        self.table = ItemTable(stretch_column=3)
        self.table.remove_requested.connect(self.remove_item)
        self.table.edit_requested.connect(self.edit_item)
        layout.addWidget(self.table, 1)
        self.realised = RealisedValues(context.reference)
        self.realised.add_requested.connect(self._on_realised_add_requested)
        self.realised.remove_requested.connect(self._on_realised_remove_requested)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.table.remove_selected)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)
        layout.addWidget(self.realised)
        self.setFocusProxy(self.stakeholder)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._title.setText(_("Impact - make it visible"))
        self._intro.setText(
            _(
                "Plan how the impact of this tender is shown: who is informed, through which "
                "channel, at which moment, and with what message. Results feed the organisation's "
                "dashboard."
            )
        )
        texts = (_("&Who"), _("&Channel"), _("&Moment"), _("Messa&ge"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        editors: tuple[QWidget, ...] = (self.stakeholder, self.channel, self.moment, self.message)
        for editor, text in zip(editors, texts, strict=True):
            editor.setAccessibleName(text.replace("&", ""))
        typed = self.stakeholder.currentText()
        self.stakeholder.clear()
        # The roles of the reference data, in the current language; a pick is stored as its code.
        language = current_language()
        self.stakeholder.addItems([role.name(language) for role in self.context.reference.roles])
        self.stakeholder.setEditText(typed)
        self.stakeholder.setToolTip(_("Choose a stakeholder or type another one."))
        self.message.setPlaceholderText(_("e.g. open day on the renewed road"))
        name_add_and_remove(self.add_button, self.remove_button)
        self.channel.setToolTip(_("How the message reaches them."))
        self.moment.setToolTip(
            _(
                "When the message goes out: kick-off, publication, award, yearly during the contract or "
                "at its end."
            )
        )
        self.message.setToolTip(_("What they are told, in a sentence."))
        self.channel.retranslate()
        self.moment.retranslate()
        self.table.setAccessibleName(_("Communication plan"))
        self.table.set_headers([_("Who"), _("Channel"), _("Moment"), _("Message")])
        self.realised.retranslate_ui()
        if self.snapshot is not None:
            self.load(self.snapshot)

    def load(self, snapshot: SessionSnapshot) -> None:
        super().load(snapshot)
        rows = [
            (
                c.id,
                [
                    self.context.reference.role_words(c.stakeholder_role, current_language()),
                    c.channel.label(),
                    c.moment.label(),
                    c.message,
                ],
            )
            for c in snapshot.communication
        ]
        self.table.set_rows(rows)
        self.remove_button.setEnabled(bool(rows))
        self.realised.load(snapshot)

    def add_item(self) -> None:
        if self.snapshot is None:
            return
        values = {
            "stakeholder_role": self.context.reference.role_code(self.stakeholder.currentText()),
            "channel": self.channel.current(),
            "moment": self.moment.current(),
            "message": self.message.text().strip(),
        }
        command = AddItemCommand(
            self.service(),
            self.session_id,
            Collection.COMMUNICATION,
            values,
            _("Add to the communication plan"),
        )
        if self.run_showing_problems(command, {"stakeholder_role": self.stakeholder_field}):
            self.message.clear()
            self.message.setFocus()

    def _on_realised_add_requested(self, indicator_id: int, values: dict) -> None:
        command = AddMeasurementCommand(
            self.service(), self.session_id, indicator_id, values, _("Record realised value")
        )
        fields = {"value": self.realised.value_field, "note": self.realised.note_field}
        if self.run_showing_problems(command, fields):
            self.realised.clear_new()

    def _on_realised_remove_requested(self, measurement_id: int) -> None:
        self.run(
            RemoveMeasurementCommand(
                self.service(), self.session_id, measurement_id, _("Remove realised value")
            )
        )

    def edit_item(self, item_id: int) -> None:
        item = (
            next((c for c in self.snapshot.communication if c.id == item_id), None)
            if self.snapshot
            else None
        )
        if item is None:
            return
        dialog = CommunicationItemDialog(item, self.context.reference, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and (new := dialog.changes()):
            old = {name: getattr(item, name) for name in new}
            self.run(
                UpdateItemValuesCommand(
                    self.service(),
                    self.session_id,
                    Collection.COMMUNICATION,
                    item_id,
                    old,
                    new,
                    _("Edit planned message"),
                )
            )
        self.table.setFocus()

    def remove_item(self, item_id: int) -> None:
        self.run(
            RemoveItemCommand(
                self.service(),
                self.session_id,
                Collection.COMMUNICATION,
                item_id,
                _("Remove from the communication plan"),
            )
        )
