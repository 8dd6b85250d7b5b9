"""Step 3, Ambitie - niveau selecteren: per priority SDG the team commits to a level (1 basis = eis,
2 significant = gunning, 3 ambitieus = innovatie) and writes or picks the criteria that carry it
into the tender. The procedure's rules are enforced by the services and shown beside the fields."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import (
    AmbitionLevel,
    Collection,
    Criterion,
    CriterionType,
    ScoringMethod,
    SessionSnapshot,
)
from compass.formatting import format_number, parse_number
from compass.i18n import _, current_language
from compass.method.ambition import ambition_advice
from compass.method.completeness import placeholder_in
from compass.method.criteria import session_price_of_ambition
from compass.method.legal_scope import legal_scope_findings
from compass.method.policy import policy_criterion
from compass.method.steps import Step
from compass.method.suggestions import session_category
from compass.ui.catalogue_picker import CataloguePicker
from compass.ui.commands import (
    AddItemCommand,
    RemoveItemCommand,
    SetAmbitionCommand,
    SetPolicyReasonCommand,
    SetQualityWeightCommand,
    UpdateFactsCommand,
    UpdateItemCommand,
)
from compass.ui.complete_text_dialog import CompleteTextDialog
from compass.ui.pages.award_model_panel import AwardModelPanel
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.widgets.choices import sdg_label, size_to_short_text
from compass.ui.widgets.criteria_box import CriteriaBox
from compass.ui.widgets.empty_hint import EmptyHint
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.focus import focus_out_of, focusable_in, takes_tab
from compass.ui.widgets.policy_panel import PolicyPanel

NOT_DECIDED = ""


class AmbitionPage(StepPage):
    step = Step.AMBITION
    scrolls_itself = True

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # The title and the choice of SDG stay in view; the rest scrolls. One SDG's level and criteria
        # at a time: at 200 % on a laptop, all boxes in one list left a 75-pixel slit in which the SDG
        # being edited, its row and the cell editor were out of sight, and one Alt+L served four
        # boxes (a Down then changed another SDG's level).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.sdg_tabs = QTabBar()
        self.sdg_tabs.setExpanding(False)
        self.sdg_tabs.setUsesScrollButtons(True)
        self.sdg_tabs.setDrawBase(False)
        self.sdg_tabs.currentChanged.connect(self._on_sdg_tab_changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the controls in it take focus, not the area
        body = QWidget()
        self.boxes_layout = QVBoxLayout(body)
        self._title, self._intro = page_heading(self.boxes_layout)
        outer.insertWidget(0, self._title)  # out of the scrolling part, above the SDGs
        outer.addWidget(self.sdg_tabs)
        outer.addWidget(scroll, 1)
        self.levels_help = QLabel()
        self.levels_help.setWordWrap(True)
        self.levels_help.setContentsMargins(0, 0, 0, 8)
        self.boxes_layout.addWidget(self.levels_help)
        self.quality_label = QLabel()
        self.quality = QLineEdit()
        self.quality.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 8)
        self.quality.editingFinished.connect(self._on_quality_edited)
        self.quality_label.setBuddy(self.quality)
        self.quality_field = FieldWithMessage(self.quality)
        # Two rows, not one, each label above its field where the page is narrow: at 200 % text one
        # row made this page (and so the window) wider than a laptop screen.
        award_basis = QFormLayout()
        award_basis.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        award_basis.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        award_basis.addRow(self.quality_label, self.quality_field)
        self.scoring_label = QLabel()
        self.scoring = QComboBox()
        # The long method names must not widen the page (and so every page) at large text sizes.
        size_to_short_text(self.scoring, 16)
        self.scoring.addItem("", NOT_DECIDED)
        for method in ScoringMethod:
            self.scoring.addItem(method.label(), method.value)
        self.scoring.activated.connect(self._on_scoring_chosen)
        self.scoring_label.setBuddy(self.scoring)
        self.scoring_field = FieldWithMessage(self.scoring)
        award_basis.addRow(self.scoring_label, self.scoring_field)
        # What each award criterion may cost at the estimated value, while the weights are set.
        # Below the form, not a row of it, and free to wrap at any width: as a form row its one-line
        # width made step 3 scroll sideways at 200 % on a laptop (seen under Xvfb).
        self.ambition_price = QLabel()
        self.ambition_price.setWordWrap(True)
        self.ambition_price.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ambition_price.hide()
        self.boxes_layout.addLayout(award_basis)
        self.award_model = AwardModelPanel(context)
        self.boxes_layout.addWidget(self.award_model.price_rows)
        self.boxes_layout.addWidget(self.ambition_price)
        self.empty = EmptyHint(lambda: context.go_to_step(Step.PRIORITIES))
        self.boxes_layout.addWidget(self.empty)
        self.policy = PolicyPanel()
        self.policy.apply_requested.connect(self._on_policy_apply_requested)
        self.policy.complete_requested.connect(self._on_policy_complete_requested)
        self.policy.reason_changed.connect(self._on_policy_reason_changed)
        self.boxes_layout.addWidget(self.policy)
        self.box_stack = QStackedWidget()
        self.boxes_layout.addWidget(self.box_stack)
        self.boxes_layout.addWidget(self.award_model)
        self.boxes_layout.addStretch(1)
        scroll.setWidget(body)
        self._scroll = scroll
        self.boxes: dict[int, CriteriaBox] = {}
        self.setFocusProxy(self.quality)
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
        self.quality_label.setText(_("&Quality weight of the tender (%):"))
        self.quality.setAccessibleName(_("Quality weight of the tender in %"))
        self.quality.setToolTip(
            _(
                "The share of the award decision that quality gets (best price-quality ratio); price "
                "gets the rest. The weights of all SDG award criteria together must fit within it."
            )
        )
        self.quality.setPlaceholderText(_("not decided"))
        metrics = self.quality.fontMetrics()  # room for the words "not decided", not just a number
        self.quality.setMaximumWidth(
            max(
                metrics.horizontalAdvance("0") * 8,
                metrics.horizontalAdvance(self.quality.placeholderText()) + 16,
            )
        )
        self.scoring_label.setText(_("Scorin&g method:"))
        self.scoring.setAccessibleName(_("How the quality part is scored"))
        self.scoring.setToolTip(
            _(
                "How quality is turned into a ranking: a fictitious discount on the price per criterion "
                "(gunnen op waarde) or weighted points per criterion. The strategy states it."
            )
        )
        self.scoring.setItemText(0, _("not decided"))
        for index in range(1, self.scoring.count()):
            self.scoring.setItemText(index, ScoringMethod(str(self.scoring.itemData(index))).label())
        for index, (number, box) in enumerate(self.boxes.items()):
            box.retranslate_ui()
            self.sdg_tabs.setTabText(index, _("SDG {number}").format(number=number))
            self.sdg_tabs.setTabToolTip(index, sdg_label(box.sdg))
        self.sdg_tabs.setAccessibleName(_("SDG whose level and criteria are shown"))
        self.policy.retranslate_ui()
        self.award_model.retranslate_ui()
        if self.snapshot is not None:
            self.load(self.snapshot)

    def load(self, snapshot: SessionSnapshot) -> None:
        super().load(snapshot)
        priorities = snapshot.priority_sdgs()
        # A criterion on an SDG that is not a priority (a policy requirement such as Social Return on
        # SDG 8) gets a box too, after the priorities, so it can be read, corrected and removed here.
        others = sorted({c.sdg for c in snapshot.criteria} - set(priorities))
        sdgs = priorities + tuple(others)
        if tuple(self.boxes) != sdgs:
            self._build_boxes(sdgs)
        # A criterion the law does not allow here is said beside it, where it is removed, not only on
        # the summary page.
        outside = legal_scope_findings(snapshot)
        for sdg, box in self.boxes.items():
            ambition = snapshot.ambition_for(sdg)
            box.load(
                ambition.level if ambition else None,
                snapshot.criteria_for(sdg),
                [p for p in outside if dict(p.params)["sdg"] == sdg]
                + ambition_advice(snapshot, sdg, self.context.reference),
                ambition.note if ambition else "",
            )
        self.policy.load(snapshot.policy, frozenset(self._criteria_with_a_blank()))
        self.empty.setVisible(not priorities)
        if not self.quality.hasFocus():
            quality = snapshot.quality_weight_pct
            self.quality.setText("" if quality is None else format_number(quality, current_language()))
        method = snapshot.facts.scoring_method
        self.scoring.setCurrentIndex(max(0, self.scoring.findData(method.value if method else NOT_DECIDED)))
        # Scoring only means something where bids are compared on quality.
        self.scoring.setEnabled(snapshot.award_criteria_allowed)
        self.award_model.load(snapshot)
        self._show_ambition_price(snapshot)

    def _show_ambition_price(self, snapshot: SessionSnapshot) -> None:
        language = current_language()
        weighed = [
            (f"SDG {c.sdg}", c.weight_pct)
            for c in snapshot.criteria
            if c.criterion_type is CriterionType.AWARD_CRITERION
        ] + [(q.name, q.weight_pct) for q in snapshot.quality_criteria]
        lines = [
            _("{criterion}, {weight} %: up to EUR {amount}").format(
                criterion=name,
                weight=format_number(weight or Decimal(0), language),
                amount=format_number(price, language),
            )
            for name, weight in weighed
            if (price := session_price_of_ambition(snapshot, weight)) is not None
        ]
        self.ambition_price.setText(
            _("Price of ambition at the estimated value: {prices}.").format(prices="; ".join(lines))
            if lines
            else ""
        )
        self.ambition_price.setVisible(bool(lines))

    def _build_boxes(self, sdgs: tuple[int, ...]) -> None:
        shown = self.current_sdg()
        for box in self.boxes.values():
            self.box_stack.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        self.sdg_tabs.blockSignals(True)
        while self.sdg_tabs.count():
            self.sdg_tabs.removeTab(0)
        for number in sdgs:
            box = CriteriaBox(self.context.reference.sdg(number), self.context.reference)
            box.level_chosen.connect(self._on_level_chosen)
            box.note_changed.connect(self._on_note_changed)
            box.add_requested.connect(self._on_add_requested)
            box.change_requested.connect(self._on_change_requested)
            box.remove_requested.connect(self._on_remove_requested)
            box.catalogue_requested.connect(self._on_catalogue_requested)
            self.box_stack.addWidget(box)
            self.boxes[number] = box
            self.sdg_tabs.addTab(_("SDG {number}").format(number=number))
            self.sdg_tabs.setTabData(self.sdg_tabs.count() - 1, number)
            self.sdg_tabs.setTabToolTip(self.sdg_tabs.count() - 1, sdg_label(box.sdg))
        self.sdg_tabs.blockSignals(False)
        self.sdg_tabs.setVisible(bool(sdgs))
        # The page starts where Tab starts: the choice of SDG, above the rest.
        self.setFocusProxy(self.sdg_tabs if sdgs else self.quality)
        self.show_sdg(shown if shown in self.boxes else (sdgs[0] if sdgs else None))

    def current_sdg(self) -> int | None:
        index = self.sdg_tabs.currentIndex()
        return None if index < 0 else int(self.sdg_tabs.tabData(index))

    def show_sdg(self, sdg: int | None) -> None:
        """The level and criteria of ``sdg`` below the policy panel; the stack is as tall as that
        box alone (a stack takes the height of its tallest page)."""
        if sdg is None or sdg not in self.boxes:
            return
        index = list(self.boxes).index(sdg)
        if self.sdg_tabs.currentIndex() != index:
            self.sdg_tabs.setCurrentIndex(index)  # comes back here through currentChanged
            return
        for number, box in self.boxes.items():
            ignored = QSizePolicy.Policy.Ignored
            policy = QSizePolicy.Policy.Preferred if number == sdg else ignored
            box.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.box_stack.setCurrentWidget(self.boxes[sdg])
        self.box_stack.updateGeometry()

    def _on_sdg_tab_changed(self, index: int) -> None:
        if index >= 0:
            self.show_sdg(int(self.sdg_tabs.tabData(index)))

    def _tab_order(self) -> list[QWidget]:
        """What Tab walks on this page, top to bottom: the SDG choice, the award basis, the policy
        panel and the shown SDG's box."""
        shown = self.box_stack.currentWidget()
        order = [self.sdg_tabs, self.quality, self.scoring, *self.award_model.price_focus_order()]
        order += focusable_in(self.policy)
        order += focusable_in(shown) if shown is not None else []
        order += self.award_model.focus_order()
        return [widget for widget in order if takes_tab(widget)]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt override
        """Tab in the page's own order, and out to Back and Next after its last field. Boxes rebuilt
        as a session loads left Qt's focus chain going round the page's fields for ever."""
        current = QApplication.focusWidget()
        order = self._tab_order()
        if current not in order:
            return super().focusNextPrevChild(next)
        index = order.index(current) + (1 if next else -1)
        if 0 <= index < len(order):
            reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
            order[index].setFocus(reason)
            return True
        return focus_out_of(self, current, next) or super().focusNextPrevChild(next)

    def reveal(self, field: str) -> None:
        """An open issue of one SDG (``sdg_13``) shows that SDG and puts the cursor where it is
        missing: the level when none is chosen, else the new criterion's text."""
        number = field.removeprefix("sdg_")
        if not (field.startswith("sdg_") and number.isdigit() and int(number) in self.boxes):
            return
        sdg = int(number)
        self.show_sdg(sdg)
        box = self.boxes[sdg]
        chosen = self.snapshot is not None and self.snapshot.ambition_for(sdg) is not None
        (box.new_text if chosen else box.level).setFocus()

    # -- edits --------------------------------------------------------------------------------------

    def _on_policy_reason_changed(self, criterion_id: str, old: str, new: str) -> None:
        self.run(
            SetPolicyReasonCommand(
                self.service(), self.session_id, criterion_id, old, new, _("Reason not to apply a policy")
            )
        )

    def _on_policy_apply_requested(self, criterion_id: str) -> None:
        """The requirement becomes a criterion, worded as the catalogue (or the profile) words it."""
        assert self.snapshot is not None
        values = policy_criterion(self.snapshot, self.context.reference, criterion_id, current_language())
        if values is None:
            return
        applied = self.run(
            AddItemCommand(
                self.service(),
                self.session_id,
                Collection.CRITERIA,
                values,
                _("Apply a policy requirement"),
            )
        )
        if applied:
            self.show_sdg(int(str(values["sdg"])))  # where the new criterion is
            # "[x] %": fill it in right away, once the window has shown the new criterion (it
            # refreshes the page on a timer queued by the change, so this one comes after it).
            QTimer.singleShot(0, self, lambda: self._on_policy_complete_requested(criterion_id))

    def _criteria_with_a_blank(self) -> dict[str, Criterion]:
        """Criteria taken from the catalogue or the profile that still hold a blank, by their id."""
        criteria = self.snapshot.criteria if self.snapshot is not None else ()
        return {c.catalogue_id: c for c in criteria if c.catalogue_id and placeholder_in(c.text)}

    def _on_policy_complete_requested(self, criterion_id: str) -> None:
        criterion = self._criteria_with_a_blank().get(criterion_id)
        if criterion is None:
            return
        self.show_sdg(criterion.sdg)
        text = CompleteTextDialog.ask(criterion.text, self)
        if text is None or text == criterion.text:
            return
        self.run(
            UpdateItemCommand(
                self.service(),
                self.session_id,
                Collection.CRITERIA,
                criterion.id,
                "text",
                criterion.text,
                text,
                _("Complete a policy requirement"),
            )
        )

    def _on_note_changed(self, sdg: int, note: str) -> None:
        assert self.snapshot is not None
        current = self.snapshot.ambition_for(sdg)
        if current is None:
            return
        self.run(
            SetAmbitionCommand(
                self.service(),
                self.session_id,
                sdg,
                (current.level, current.note),
                (current.level, note),
                _("Reason for the level of SDG {sdg}").format(sdg=sdg),
            )
        )

    def _on_level_chosen(self, sdg: int, level: AmbitionLevel | None) -> None:
        assert self.snapshot is not None
        current = self.snapshot.ambition_for(sdg)
        old = (current.level, current.note) if current else (None, "")
        if old[0] != level:
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

    def _on_add_requested(self, sdg: int, values: dict) -> None:
        box = self.boxes[sdg]
        command = AddItemCommand(
            self.service(), self.session_id, Collection.CRITERIA, values, _("Add criterion")
        )
        fields = {
            "text": box.new_text_field,
            "criterion_type": box.new_text_field,
            "weight_pct": box.new_weight_field,
        }
        if self.run_showing_problems(command, fields):
            box.clear_new()

    def _on_change_requested(self, criterion_id: int, field: str, old: object, new: object) -> None:
        if (
            not self.run(
                UpdateItemCommand(
                    self.service(),
                    self.session_id,
                    Collection.CRITERIA,
                    criterion_id,
                    field,
                    old,
                    new,
                    _("Edit criterion"),
                )
            )
            and self.snapshot is not None
        ):
            self.load(self.snapshot)  # the refused value goes back to what is stored

    def _on_remove_requested(self, criterion_id: int) -> None:
        self.run(
            RemoveItemCommand(
                self.service(), self.session_id, Collection.CRITERIA, criterion_id, _("Remove criterion")
            )
        )

    def _on_catalogue_requested(self, sdg: int) -> None:
        assert self.snapshot is not None
        ambition = self.snapshot.ambition_for(sdg)
        values = CataloguePicker.ask(
            self.context.reference,
            sdg,
            ambition.level if ambition else None,
            self.snapshot.profile,
            self,
            session_category(self.snapshot, self.context.reference),
            self.snapshot.facts.contract_kind,
        )
        if values is not None:
            self.run(
                AddItemCommand(
                    self.service(),
                    self.session_id,
                    Collection.CRITERIA,
                    dict(values),
                    _("Add criterion from the catalogue"),
                )
            )

    def _on_quality_edited(self) -> None:
        if self.snapshot is None:
            return
        typed = self.quality.text().strip()
        value = parse_number(typed, current_language()) if typed else None  # empty: not decided
        if typed and value is None:
            self.quality_field.show_problem(_("Enter a percentage from 0 to 100."))
            return
        if value == self.snapshot.quality_weight_pct:
            self.quality_field.show_problem(None)
            return
        command = SetQualityWeightCommand(
            self.service(),
            self.session_id,
            self.snapshot.quality_weight_pct,
            value,
            _("Change the quality weight"),
        )
        self.run_showing_problems(command, {"quality_weight_pct": self.quality_field})

    def _on_scoring_chosen(self, _index: int) -> None:
        if self.snapshot is None:
            return
        code = str(self.scoring.currentData() or "")
        chosen = ScoringMethod(code) if code != NOT_DECIDED else None
        old = self.snapshot.facts.scoring_method
        if chosen == old:
            return
        command = UpdateFactsCommand(
            self.service(), self.session_id, "scoring_method", old, chosen, _("Scoring method")
        )
        self.run_showing_problems(command, {"scoring_method": self.scoring_field})

    def level_box(self, sdg: int) -> QComboBox:
        return self.boxes[sdg].level
