"""Who is in the room: name, organisation, stakeholder role (from the reference data, or the team's
own words) and whether they are internal. Enter in the last field adds; Delete removes, with undo."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import SHORT_TEXT_MAX_LENGTH, Collection
from compass.i18n import _, current_language
from compass.ui.commands import AddItemCommand, UpdateItemValuesCommand
from compass.ui.pages.base import PageContext
from compass.ui.widgets.add_form import AddForm
from compass.ui.widgets.choices import size_to_short_text
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.item_table import ItemTable
from compass.ui.widgets.shortcuts import widget_shortcut
from compass.ui.workshop.commands import RemoveParticipantCommand
from compass.ui.workshop.panel import WorkshopPanel
from compass.ui.workshop.participant_dialog import ParticipantDialog
from compass.ui.workshop.participant_list_dialog import ParticipantListDialog


class ParticipantsPanel(WorkshopPanel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.name = QLineEdit()
        self.name.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.name_field = FieldWithMessage(self.name)
        self.organisation = QLineEdit()
        self.organisation.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        # The organisations already in the room complete as they are typed (one was typed 5 times).
        self._organisations = QStringListModel(self)
        completer = QCompleter(self._organisations, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.organisation.setCompleter(completer)
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        size_to_short_text(self.role, 14)
        self.internal = QCheckBox()
        self.internal.setChecked(False)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_participant)
        for line in (self.name, self.organisation):
            line.returnPressed.connect(self.add_participant)
        role_line = self.role.lineEdit()
        assert role_line is not None
        role_line.returnPressed.connect(self.add_participant)
        for key in ("Return", "Enter"):  # on the last field, the tick, Enter adds too
            widget_shortcut(key, self.internal, self.add_participant)
        self.form = AddForm(
            (self.name_field, self.organisation, self.role, self.internal),
            (self.add_button,),
            columns=4,
            stretch={0: 2, 1: 2, 2: 2},
        )
        self.table = ItemTable(stretch_column=0)
        self.table.remove_requested.connect(self.remove_participant)
        self.table.edit_requested.connect(self.edit_participant)
        self.count = QLabel()
        self.list_button = QPushButton()
        self.list_button.clicked.connect(self.add_from_list)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Who is taking part"))
        texts = (_("&Name"), _("Or&ganisation"), _("Stakeholder &role"), _("&Internal"))
        for label, text in zip(self.form.labels, texts, strict=True):
            label.setText(text)
        self.internal.setText(_("of the own organisation"))
        self.add_button.setText(_("&Add"))
        self.add_button.setToolTip(_("Add the participant (Enter in any field)"))
        self.list_button.setText(_("From a &list..."))
        self.list_button.setToolTip(_("Paste a list of participants or open a CSV file; one undo step"))
        self.table.set_headers([_("Name"), _("Organisation"), _("Role"), _("Internal or external")])
        self.table.setAccessibleName(_("Participants"))
        language = current_language()
        typed = self.role.currentText()
        self.role.clear()
        self.role.addItems([role.name(language) for role in self.context.reference.roles])
        self.role.setEditText(typed)
        if self.snapshot is not None:
            self.load(self.snapshot, self.dialogue)

    def load(self, snapshot, dialogue: int) -> None:
        super().load(snapshot, dialogue)
        language = current_language()
        people = snapshot.participants_of(dialogue)
        known = {p.organisation.strip().casefold(): p.organisation.strip() for p in snapshot.participants}
        self._organisations.setStringList(sorted((o for o in known.values() if o), key=str.casefold))
        self.table.set_rows(
            [
                (
                    p.id,
                    [
                        p.name,
                        p.organisation,
                        self.context.reference.role_words(p.role, language),
                        _("internal")
                        if p.internal
                        else (_("external, named with consent") if p.named else _("external")),
                    ],
                )
                for p in people
            ]
        )
        internal = sum(1 for p in people if p.internal)
        self.count.setText(
            _("{count} participants: {internal} internal, {external} external").format(
                count=len(people), internal=internal, external=len(people) - internal
            )
        )

    def add_participant(self) -> None:
        if self.snapshot is None:
            return
        values = {
            "dialogue": self.dialogue,
            "name": self.name.text().strip(),
            "organisation": self.organisation.text().strip(),
            "role": self.context.reference.role_code(self.role.currentText()),
            "internal": self.internal.isChecked(),
        }
        command = AddItemCommand(
            self.context.sessions(), self.session_id, Collection.PARTICIPANTS, values, _("Add participant")
        )
        if self.run_showing_problems(command, {"name": self.name_field}):
            # A fresh row for the next person, straight away: a kept tick or role was copied unseen.
            self.name.clear()
            self.organisation.clear()
            self.role.setEditText("")
            self.internal.setChecked(False)
            self.name.setFocus()

    def add_from_list(self) -> None:
        if self.snapshot is None:
            return
        dialog = ParticipantListDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.people:
            return
        reference, sessions = self.context.reference, self.context.sessions()
        stack = self.context.undo_stack
        stack.beginMacro(_("Add {count} participants").format(count=len(dialog.people)))
        try:
            for person in dialog.people:
                values = {
                    "dialogue": self.dialogue,
                    "name": person.name,
                    "organisation": person.organisation,
                    "role": reference.role_code(person.role),
                    "internal": person.internal,
                }
                label = _("Add participant")
                if not self.run(
                    AddItemCommand(sessions, self.session_id, Collection.PARTICIPANTS, values, label)
                ):
                    break
        finally:
            stack.endMacro()

    def edit_participant(self, participant_id: int) -> None:
        if self.snapshot is None:
            return
        person = next((p for p in self.snapshot.participants if p.id == participant_id), None)
        if person is None:
            return
        dialog = ParticipantDialog(person, self.context.reference, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and (new := dialog.changes()):
            self.run(
                UpdateItemValuesCommand(
                    self.context.sessions(),
                    self.session_id,
                    Collection.PARTICIPANTS,
                    participant_id,
                    {name: getattr(person, name) for name in new},
                    new,
                    _("Edit participant"),
                )
            )

    def remove_participant(self, participant_id: int) -> None:
        if self.snapshot is not None:
            self.run(
                RemoveParticipantCommand(
                    self.context.sessions(), self.session_id, participant_id, _("Remove participant")
                )
            )
