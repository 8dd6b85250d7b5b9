"""Step 3, Ambitie - niveau selecteren: per priority SDG the team commits to a level: 1 basis (eis,
requirement), 2 significant (gunning, award criterion) or 3 ambitieus (innovatie, innovation).
The criteria that carry each ambition into the tender come with the knowledge base."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from compass.domain import AmbitionLevel, SessionSnapshot
from compass.flow import Step
from compass.i18n import _
from compass.ui.commands import SetAmbitionCommand
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.widgets.choices import sdg_label
from compass.ui.widgets.empty_hint import EmptyHint

NOT_SET = ""


class AmbitionPage(StepPage):
    step = Step.AMBITION

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title, self._intro = page_heading(layout)
        self.levels_help = QLabel()
        self.levels_help.setWordWrap(True)
        self.levels_help.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.levels_help)
        self.empty = EmptyHint(lambda: context.go_to_step(Step.PRIORITIES))
        layout.addWidget(self.empty)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        layout.addStretch(1)
        self._sdgs: tuple[int, ...] = ()
        self._combos: dict[int, QComboBox] = {}
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self._title.setText(_("Ambition - select the level"))
        self._intro.setText(
            _(
                "For every priority SDG, choose how far this tender goes. Every tender has at least "
                "requirements; award criteria need an evaluation of bids; innovation means learning "
                "with the market, with two SDG dialogues."
            )
        )
        self.levels_help.setText(
            "\n".join(
                (
                    _("1 Basic: requirements that exclude unsustainable offers."),
                    _("2 Significant: stricter requirements plus award criteria that reward performance."),
                    _("3 Ambitious: functional and experimental criteria for new solutions."),
                )
            )
        )
        self.empty.set_texts(_("Select priority SDGs in step 2 first."), _("Go to step 2"))
        if self.snapshot is not None:
            self._sdgs = ()
            self.load(self.snapshot)

    def load(self, snapshot: SessionSnapshot) -> None:
        super().load(snapshot)
        sdgs = snapshot.priority_sdgs()
        if sdgs != self._sdgs:
            self._build_rows(sdgs)
        for sdg, combo in self._combos.items():
            ambition = snapshot.ambition_for(sdg)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(ambition.level.value if ambition else NOT_SET))
            combo.blockSignals(False)
        self.empty.setVisible(not sdgs)

    def _build_rows(self, sdgs: tuple[int, ...]) -> None:
        self._sdgs = sdgs
        while self.form.rowCount():
            self.form.removeRow(0)
        self._combos.clear()
        for number in sdgs:
            sdg = self.context.reference.sdg(number)
            label = QLabel(sdg_label(sdg))
            combo = QComboBox()
            combo.addItem(_("Not set yet"), NOT_SET)
            for level in AmbitionLevel:
                combo.addItem(level.label(), level.value)
            combo.setAccessibleName(_("Ambition level for SDG {sdg}").format(sdg=number))
            combo.activated.connect(lambda _index, n=number: self._on_level_chosen(n))
            label.setBuddy(combo)
            self._combos[number] = combo
            self.form.addRow(label, combo)

    def _on_level_chosen(self, sdg: int) -> None:
        assert self.snapshot is not None
        code = self._combos[sdg].currentData()
        level = AmbitionLevel(code) if code else None
        current = self.snapshot.ambition_for(sdg)
        old = (current.level, current.note) if current else (None, "")
        if old[0] == level:
            return
        self.run(
            SetAmbitionCommand(
                self.service(),
                self.session_id,
                sdg,
                old,
                (level, old[1]),
                _("Set ambition for SDG {sdg}").format(sdg=sdg),
            )
        )

    def level_box(self, sdg: int) -> QComboBox:
        return self._combos[sdg]
