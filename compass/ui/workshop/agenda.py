"""The dialogue's agenda (item, question, planned minutes) and running it: which item is on, and its
timer. Anywhere in the workshop window F6 starts or pauses, F7 adds two minutes, F8 goes to the next
item (the window's keys), so the facilitator can keep typing ideas while the clock runs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, Collection
from compass.i18n import _
from compass.method.agenda_timer import clock_text
from compass.ui.commands import AddItemCommand, MoveItemCommand, RemoveItemCommand
from compass.ui.correction_dialog import apply_correction
from compass.ui.pages.base import PageContext
from compass.ui.widgets.add_form import AddForm
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.item_table import ItemTable
from compass.ui.widgets.shortcuts import widget_shortcut
from compass.ui.workshop.agenda_item_dialog import AgendaItemDialog
from compass.ui.workshop.panel import WorkshopPanel
from compass.ui.workshop.run_state import EXTEND_MINUTES, WorkshopRun


class AgendaPanel(WorkshopPanel):
    def __init__(self, context: PageContext, run_state: WorkshopRun, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.run_state = run_state
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.title = QLineEdit()
        self.title.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.title_field = FieldWithMessage(self.title)
        self.question = QLineEdit()
        self.question.setMaxLength(LONG_TEXT_MAX_LENGTH)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 480)
        self.minutes.setValue(15)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_item)
        for line in (self.title, self.question):
            line.returnPressed.connect(self.add_item)
        # Enter in the last field adds, as everywhere: typing on from the minutes garbled the next row.
        for key in ("Return", "Enter"):
            widget_shortcut(key, self.minutes, self.add_item)
        self.form = AddForm(
            (self.title_field, self.question, self.minutes), (self.add_button,), columns=3, stretch={1: 3}
        )
        # Enter (or a double-click) puts an item on screen; F2 corrects it; Ctrl+Up/Down reorders.
        self.table = ItemTable(stretch_column=1, enter_edits=False)
        self.table.remove_requested.connect(self.remove_item)
        self.table.open_requested.connect(self.show_selected)
        self.table.edit_requested.connect(self.edit_item)
        self.table.move_requested.connect(self.move_item)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.now_on = QLabel()
        self.now_on.setObjectName("sessionTitle")
        self.now_on.setWordWrap(True)
        self.clock = QLabel()
        self.clock.setObjectName("pageTitle")
        self.show_button = QPushButton()
        self.show_button.clicked.connect(lambda: self.show_selected(self.table.selected_id()))
        self.start_button = QPushButton()
        self.start_button.clicked.connect(run_state.start_or_pause)
        self.extend_button = QPushButton()
        self.extend_button.clicked.connect(run_state.extend)
        self.next_button = QPushButton()
        self.next_button.clicked.connect(self.next_item)
        controls = QHBoxLayout()
        for button in (self.show_button, self.start_button, self.extend_button, self.next_button):
            controls.addWidget(button)
        controls.addStretch(1)
        controls.addWidget(self.clock)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.now_on)
        layout.addLayout(controls)
        run_state.changed.connect(self._show_run)
        run_state.tick.connect(self._show_clock)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Agenda"))
        for label, text in zip(
            self.form.labels, (_("&Item"), _("&Question to the room"), _("&Minutes")), strict=True
        ):
            label.setText(text)
        self.add_button.setText(_("&Add"))
        self.add_button.setToolTip(_("Add the agenda item (Enter in any field)"))
        self.table.set_headers([_("Item"), _("Question"), _("Minutes")])
        self.table.setToolTip(
            _("Enter: on screen \u00b7 F2: correct \u00b7 Ctrl+Up/Down: move \u00b7 Delete: remove")
        )
        self.table.setAccessibleName(_("Agenda"))
        self.show_button.setText(_("&Put on screen"))
        self.show_button.setToolTip(_("Show the selected item on the presenter view (Enter on the row)"))
        self.extend_button.setText(_("+{minutes} min (F7)").format(minutes=EXTEND_MINUTES))
        self.next_button.setText(_("Ne&xt item (F8)"))
        self._show_run()

    def load(self, snapshot, dialogue: int) -> None:
        super().load(snapshot, dialogue)
        agenda = snapshot.agenda_of(dialogue)
        self.run_state.forget(agenda)
        self.table.set_rows([(a.id, [a.title, a.question, str(a.planned_minutes)]) for a in agenda])
        planned = sum(a.planned_minutes for a in agenda)
        self.heading.setText(_("Agenda ({minutes} minutes planned)").format(minutes=planned))
        self._show_run()

    def add_item(self) -> None:
        if self.snapshot is None:
            return
        values = {
            "dialogue": self.dialogue,
            "title": self.title.text().strip(),
            "question": self.question.text().strip(),
            "planned_minutes": self.minutes.value(),
        }
        command = AddItemCommand(
            self.context.sessions(), self.session_id, Collection.AGENDA, values, _("Add agenda item")
        )
        if self.run_showing_problems(command, {"title": self.title_field}):
            self.title.clear()
            self.question.clear()
            self.title.setFocus()

    def edit_item(self, item_id: int) -> None:
        item = (
            next((a for a in self.snapshot.agenda_of(self.dialogue) if a.id == item_id), None)
            if self.snapshot
            else None
        )
        if item is None:
            return
        dialog = AgendaItemDialog(item, self)
        apply_correction(
            self.context, self.session_id, Collection.AGENDA, item, dialog, _("Edit agenda item")
        )
        self.table.setFocus()

    def move_item(self, item_id: int, step: int) -> None:
        if self.snapshot is not None:
            label = _("Move agenda item")
            self.run(
                MoveItemCommand(
                    self.context.sessions(), self.session_id, Collection.AGENDA, item_id, step, label
                )
            )

    def remove_item(self, item_id: int) -> None:
        if self.snapshot is not None:
            self.run(
                RemoveItemCommand(
                    self.context.sessions(),
                    self.session_id,
                    Collection.AGENDA,
                    item_id,
                    _("Remove agenda item"),
                )
            )

    def show_selected(self, item_id: int | None) -> None:
        if self.snapshot is None or item_id is None:
            return
        item = next((a for a in self.snapshot.agenda_of(self.dialogue) if a.id == item_id), None)
        self.run_state.show_item(item)

    def next_item(self) -> None:
        if self.snapshot is not None:
            self.run_state.next_item(self.snapshot.agenda_of(self.dialogue))

    def _update_buttons(self) -> None:
        self.show_button.setEnabled(self.table.selected_id() is not None)

    def _show_run(self) -> None:
        current = self.run_state.current
        self.now_on.setText(
            _("On screen: {item}").format(item=current.title)
            if current
            else _("No agenda item on screen yet.")
        )
        self.start_button.setText(_("&Pause (F6)") if self.run_state.running() else _("&Start timer (F6)"))
        for button in (self.start_button, self.extend_button):
            button.setEnabled(current is not None)
        self._update_buttons()
        self._show_clock()

    def _show_clock(self) -> None:
        left = self.run_state.seconds_left()
        if left is None:
            self.clock.setText("")
        elif left < 0:
            self.clock.setText(_("{time} over").format(time=clock_text(-left)))
        else:
            self.clock.setText(clock_text(left))
