"""The dialogue's record: when and where, who facilitated, what was noted and what was decided.
Saved as typed (on leaving a field), one undo step per field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from compass.core.errors import CompassError
from compass.core.session import LONG_TEXT_MAX_LENGTH, SHORT_TEXT_MAX_LENGTH, Collection, SessionSnapshot
from compass.i18n import _, current_language
from compass.ui.commands import AddItemCommand, UpdateItemCommand
from compass.ui.pages.base import PageContext
from compass.ui.widgets.date_field import DateField
from compass.ui.widgets.field import FieldWithMessage, form_row
from compass.ui.workshop.panel import WorkshopPanel


class _NotesEdit(QPlainTextEdit):
    """Tab moves on; the text is saved when the field is left."""

    def __init__(self, on_leave) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self._on_leave = on_leave

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self._on_leave()


class DetailsPanel(WorkshopPanel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.held_on = DateField(optional=True)
        self.held_on.committed.connect(lambda: self._save("held_on"))
        self.place = QLineEdit()
        self.place.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        self.facilitator = QLineEdit()
        self.facilitator.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        for name, line in (("place", self.place), ("facilitator", self.facilitator)):
            line.editingFinished.connect(lambda n=name: self._save(n))
        self.notes = _NotesEdit(lambda: self._save("notes"))
        self.decisions = _NotesEdit(lambda: self._save("decisions"))
        self.fields = {
            "held_on": FieldWithMessage(self.held_on),
            "place": FieldWithMessage(self.place),
            "facilitator": FieldWithMessage(self.facilitator),
            "notes": FieldWithMessage(self.notes),
            "decisions": FieldWithMessage(self.decisions),
        }
        self.form = QFormLayout()
        self.labels = {name: form_row(self.form, "", field) for name, field in self.fields.items()}
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = {
            "held_on": _("Da&te"),
            "place": _("P&lace"),
            "facilitator": _("&Facilitator"),
            "notes": _("N&otes"),
            "decisions": _("De&cisions"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
            self.fields[name].editor.setAccessibleName(text.replace("&", ""))
        self.held_on.setPlaceholderText(_("not planned yet"))
        self.held_on.retranslate_ui()
        self.held_on.show_in(current_language())
        self.decisions.setPlaceholderText(_("What the room decided, e.g. the priority SDGs and why"))
        if self.snapshot is not None:
            self.load(self.snapshot, self.dialogue)

    def load(self, snapshot: SessionSnapshot, dialogue: int) -> None:
        super().load(snapshot, dialogue)
        self.heading.setText(
            _("Dialogue 1: risks, opportunities and priorities")
            if dialogue == 1
            else _("Dialogue 2: ambitions and indicators")
        )
        record = snapshot.dialogue(dialogue)
        values: dict[str, Any] = {
            "held_on": record.held_on if record else None,
            "place": record.place if record else "",
            "facilitator": record.facilitator if record else "",
            "notes": record.notes if record else "",
            "decisions": record.decisions if record else "",
        }
        for name, value in values.items():
            editor = self.fields[name].editor
            if editor.hasFocus() or self.fields[name].problem_text():
                continue  # what the user is typing wins
            if isinstance(editor, DateField):
                editor.set_day(value)
            elif isinstance(editor, QLineEdit) and editor.text() != value:
                editor.setText(value)
            elif isinstance(editor, QPlainTextEdit) and editor.toPlainText() != value:
                editor.setPlainText(value)

    def _typed(self, name: str) -> tuple[Any, str | None]:
        editor = self.fields[name].editor
        if isinstance(editor, DateField):
            return editor.day(), editor.problem()
        if isinstance(editor, QLineEdit):
            return editor.text().strip(), None
        assert isinstance(editor, QPlainTextEdit)
        text = editor.toPlainText()
        if len(text) > LONG_TEXT_MAX_LENGTH:
            return text, _("At most {limit} characters (now {length}).").format(
                limit=LONG_TEXT_MAX_LENGTH, length=len(text)
            )
        return text, None

    def _save(self, name: str) -> None:
        if self.snapshot is None:
            return
        value, problem = self._typed(name)
        self.fields[name].show_problem(problem)
        if problem is not None:
            return
        record = self.snapshot.dialogue(self.dialogue)
        old = getattr(record, name) if record is not None else ("" if name != "held_on" else None)
        if value == old:
            return
        service = self.context.sessions()
        command: AddItemCommand | UpdateItemCommand
        if record is None:  # the first thing typed about this dialogue records it
            command = AddItemCommand(
                service,
                self.session_id,
                Collection.DIALOGUES,
                {"number": self.dialogue, name: value},
                _("Record SDG dialogue {number}").format(number=self.dialogue),
            )
        else:
            command = UpdateItemCommand(
                service,
                self.session_id,
                Collection.DIALOGUES,
                record.id,
                name,
                old,
                value,
                self.labels[name].text().replace("&", ""),
            )
        try:
            self.run_showing_problems(command, {name: self.fields[name]})
        except CompassError as error:  # pragma: no cover - run_showing_problems reports errors itself
            self.context.report_error(error)
