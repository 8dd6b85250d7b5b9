"""Dot voting, entered per participant: choose who (Up/Down in the list), then type each choice's dots
and Tab on. Dialogue 1 votes on the 17 SDGs, dialogue 2 on the draft and chosen criteria and on the
ambition level of each priority SDG. A participant never gets more dots than the dialogue gives: a
count over that is refused beside the grid and the box shows the stored count again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from compass.core.errors import CompassError, ValidationError
from compass.core.session import AmbitionLevel, SessionSnapshot
from compass.i18n import _
from compass.method.dialogues import (
    DEFAULT_VOTES_PER_PARTICIPANT,
    ambition_target,
    criterion_target,
    sdg_target,
    votes_left,
)
from compass.ui.commands import UpdateItemCommand, execute
from compass.ui.pages.base import PageContext
from compass.ui.widgets.choices import sdg_label
from compass.ui.widgets.rating import RatingSpinBox
from compass.ui.workshop.commands import SetVotesCommand
from compass.ui.workshop.panel import WorkshopPanel


class VotesPanel(WorkshopPanel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.participant = QComboBox()
        self.participant.currentIndexChanged.connect(lambda _index: self._show_counts())
        self.limit = QSpinBox()
        self.limit.setRange(1, 20)
        self.limit.editingFinished.connect(self._set_limit)
        form = QFormLayout()
        self.participant_label = QLabel()
        self.participant_label.setBuddy(self.participant)
        self.limit_label = QLabel()
        self.limit_label.setBuddy(self.limit)
        form.addRow(self.participant_label, self.participant)
        form.addRow(self.limit_label, self.limit)
        self.left = QLabel()
        self.left.setObjectName("sessionTitle")
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the dots limit to the first box
        scroll.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        status = QHBoxLayout()
        status.addWidget(self.left)
        status.addWidget(self.problem, 1)
        layout.addLayout(status)
        layout.addWidget(scroll, 1)
        self._boxes: dict[str, RatingSpinBox] = {}
        self._targets: list[tuple[str, str]] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Dot voting"))
        self.participant_label.setText(_("&Participant"))
        self.limit_label.setText(_("&Dots per participant"))
        self.participant.setAccessibleName(_("Participant"))
        if self.snapshot is not None:
            self.load(self.snapshot, self.dialogue)

    def load(self, snapshot: SessionSnapshot, dialogue: int) -> None:
        super().load(snapshot, dialogue)
        self.intro.setText(
            _("Each participant spreads their dots over the SDGs; the tally is step 2's workshop votes.")
            if dialogue == 1
            else _("Each participant spreads their dots over the criteria and the ambition levels.")
        )
        record = snapshot.dialogue(dialogue)
        self.limit.blockSignals(True)
        self.limit.setValue(record.votes_per_participant if record else DEFAULT_VOTES_PER_PARTICIPANT)
        self.limit.blockSignals(False)
        chosen = self.participant.currentData()
        self.participant.blockSignals(True)
        self.participant.clear()
        for person in snapshot.participants_of(dialogue):
            self.participant.addItem(person.name, person.id)
        self.participant.setCurrentIndex(max(0, self.participant.findData(chosen)))
        self.participant.blockSignals(False)
        targets = self._targets_for(snapshot, dialogue)
        if targets != self._targets:
            self._build_grid(targets)
        self._show_counts()

    def _targets_for(self, snapshot: SessionSnapshot, dialogue: int) -> list[tuple[str, str]]:
        reference = self.context.reference
        if dialogue == 1:
            return [(sdg_target(sdg.number), sdg_label(sdg)) for sdg in reference.sdgs]
        targets = [
            (criterion_target(c.id), f"SDG {c.sdg} \u00b7 {c.criterion_type.label()}: {c.text}")
            for c in snapshot.criteria
        ]
        for sdg in snapshot.priority_sdgs():
            for level in AmbitionLevel:
                targets.append((ambition_target(sdg, level), f"SDG {sdg} \u00b7 {level.label()}"))
        return targets

    def _build_grid(self, targets: list[tuple[str, str]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._boxes = {}
        columns = 3 if self.dialogue == 1 else 1
        for index, (target, words) in enumerate(targets):
            row, column = divmod(index, columns)
            box = RatingSpinBox()
            box.setRange(0, 20)
            box.setAccessibleName(words)
            label = QLabel(words)
            label.setWordWrap(True)
            label.setBuddy(box)
            box.editingFinished.connect(lambda t=target: self._set(t))
            self.grid.addWidget(box, row, column * 2)
            self.grid.addWidget(label, row, column * 2 + 1)
            self._boxes[target] = box
        self._targets = targets

    def _participant_id(self) -> int | None:
        data = self.participant.currentData()
        return int(data) if data is not None else None

    def _show_counts(self) -> None:
        person = self._participant_id()
        counts = {}
        if self.snapshot is not None and person is not None:
            counts = {
                v.target: v.count
                for v in self.snapshot.votes_of(self.dialogue)
                if v.participant_id == person
            }
        for target, box in self._boxes.items():
            box.blockSignals(True)
            box.setValue(counts.get(target, 0))
            box.blockSignals(False)
            box.setEnabled(person is not None)
        if self.snapshot is None or person is None:
            self.left.setText(_("Add participants first: their dots are counted per person."))
            return
        self.left.setText(
            _("{name}: {left} of {limit} dots left").format(
                name=self.participant.currentText(),
                left=votes_left(self.snapshot, self.dialogue, person),
                limit=self.limit.value(),
            )
        )

    def _set(self, target: str) -> None:
        person = self._participant_id()
        box = self._boxes.get(target)
        if self.snapshot is None or person is None or box is None:
            return
        stored = next(
            (
                v.count
                for v in self.snapshot.votes_of(self.dialogue)
                if v.participant_id == person and v.target == target
            ),
            0,
        )
        if box.value() == stored:
            return
        command = SetVotesCommand(
            self.context.sessions(),
            self.session_id,
            self.dialogue,
            person,
            target,
            box.value(),
            _("Votes of {name}").format(name=self.participant.currentText()),
            shown=stored,
        )
        try:
            execute(self.context.undo_stack, command, self.context.report_error)
        except ValidationError as error:
            self.problem.setText(" ".join(problem.message for problem in error.problems))
            box.setValue(stored)
            return
        except CompassError as error:
            self.context.report_error(error)
            box.setValue(stored)
            return
        self.problem.setText("")

    def _set_limit(self) -> None:
        record = self.snapshot.dialogue(self.dialogue) if self.snapshot is not None else None
        if record is None or record.votes_per_participant == self.limit.value():
            return
        self.run(
            UpdateItemCommand(
                self.context.sessions(),
                self.session_id,
                self._dialogues(),
                record.id,
                "votes_per_participant",
                record.votes_per_participant,
                self.limit.value(),
                _("Dots per participant"),
            )
        )

    @staticmethod
    def _dialogues():
        from compass.core.session import Collection

        return Collection.DIALOGUES
