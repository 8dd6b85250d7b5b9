"""Ideas from the room, captured in seconds: SDG, what kind, who said it (when the room wants it
attributed), the words, Enter, next. In dialogue 1 an idea is a step-1 risk or opportunity; in
dialogue 2 a draft criterion for step 3. Both remember the dialogue. Two ideas that say the same are
merged (Ctrl+M), one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import (
    LONG_TEXT_MAX_LENGTH,
    Collection,
    Criterion,
    CriterionType,
    EntryKind,
    EntrySource,
    InventoryEntry,
)
from compass.i18n import _
from compass.ui.commands import AddItemCommand, MoveItemCommand, RemoveItemCommand
from compass.ui.correction_dialog import apply_correction
from compass.ui.inventory_entry_dialog import InventoryEntryDialog
from compass.ui.pages.base import PageContext
from compass.ui.widgets.add_form import AddForm
from compass.ui.widgets.choices import EnumComboBox, SdgComboBox, sdg_swatch
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.item_table import ItemTable
from compass.ui.widgets.shortcuts import widget_shortcut
from compass.ui.workshop.commands import MergeIdeasCommand
from compass.ui.workshop.draft_dialog import DraftCriterionDialog
from compass.ui.workshop.panel import WorkshopPanel

# What a room drafts: an award criterion needs a weight, which step 3 decides.
DRAFT_TYPES = (
    CriterionType.MINIMUM_REQUIREMENT,
    CriterionType.CONTRACT_CONDITION,
    CriterionType.INNOVATION_QUESTION,
)


class IdeasPanel(WorkshopPanel):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.sdg = SdgComboBox(context.reference)
        self.kind_stack = QStackedWidget()  # risk/opportunity in dialogue 1, criterion type in 2
        self.kind = EnumComboBox(EntryKind)
        self.draft_type = QComboBox()
        kinds = QWidget()
        kinds_row = QHBoxLayout(kinds)
        kinds_row.setContentsMargins(0, 0, 0, 0)
        self.source = EnumComboBox(EntrySource)
        kinds_row.addWidget(self.kind)
        kinds_row.addWidget(self.source)
        self.kind_stack.addWidget(kinds)
        self.kind_stack.addWidget(self.draft_type)
        self.who = QComboBox()
        self.text = QLineEdit()
        self.text.setMaxLength(LONG_TEXT_MAX_LENGTH)
        self.text_field = FieldWithMessage(self.text)
        self.text.returnPressed.connect(self.add_idea)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_idea)
        self.form = AddForm(
            (self.sdg, self.kind_stack, self.who, self.text_field),
            (self.add_button,),
            columns=4,
            stretch={3: 3},
        )
        self.table = ItemTable(stretch_column=2)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.remove_requested.connect(self.remove_idea)
        self.table.edit_requested.connect(self.edit_idea)  # F2, Enter or a double-click
        self.table.move_requested.connect(self.move_idea)  # Ctrl+Up, Ctrl+Down
        self.merge_button = QPushButton()
        self.merge_button.clicked.connect(self.merge_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.merge_button)
        layout.addLayout(row)
        widget_shortcut(QKeySequence("Ctrl+M"), self.table, self.merge_selected)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for label, text in zip(
            self.form.labels, (_("S&DG"), _("&Kind"), _("Said &by"), _("&Idea")), strict=True
        ):
            label.setText(text)
        self.kind.retranslate()
        self.source.retranslate()
        current = self.draft_type.currentData()
        self.draft_type.clear()
        for kind in DRAFT_TYPES:
            self.draft_type.addItem(kind.label(), kind.value)
        self.draft_type.setCurrentIndex(max(0, self.draft_type.findData(current)))
        self.add_button.setText(_("&Add"))
        self.add_button.setToolTip(
            _("Record the idea (Enter in the idea); the SDG and kind stay for the next")
        )
        self.merge_button.setText(_("&Merge selected (Ctrl+M)"))
        self.merge_button.setToolTip(
            _("Two ideas that say the same become one: the first keeps the words of both")
        )
        self.sdg.retranslate()
        if self.snapshot is not None:
            self.load(self.snapshot, self.dialogue)

    def load(self, snapshot, dialogue: int) -> None:
        super().load(snapshot, dialogue)
        self.kind_stack.setCurrentIndex(0 if dialogue == 1 else 1)
        if dialogue == 1:
            self.heading.setText(_("Ideas: risks and opportunities per SDG (they go to step 1)"))
            self.hint.setText(_("Each idea is a step-1 entry marked 'dialogue 1'."))
            self.table.set_headers([_("SDG"), _("Kind"), _("Idea"), _("Said by")])
            ideas = [e for e in snapshot.inventory if e.dialogue == dialogue]
            rows = [
                (
                    e.id,
                    [
                        ", ".join(str(n) for n in (e.sdg, *e.also_sdgs)),
                        e.kind.label(),
                        e.description,
                        e.contributor,
                    ],
                )
                for e in ideas
            ]
        else:
            self.heading.setText(_("Ideas: draft criteria per SDG (they go to step 3)"))
            self.hint.setText(_("Each idea is a draft criterion in step 3 marked 'dialogue 2'."))
            self.table.set_headers([_("SDG"), _("Type"), _("Idea"), _("Said by")])
            drafts = [c for c in snapshot.criteria if c.dialogue == dialogue]
            rows = [(c.id, [str(c.sdg), c.criterion_type.label(), c.text, c.contributor]) for c in drafts]
        numbers = [e.sdg for e in ideas] if dialogue == 1 else [c.sdg for c in drafts]
        icons = [sdg_swatch(self.context.reference.sdg(number)) for number in numbers]
        self.table.set_rows(rows, icons)
        who = self.who.currentText()
        self.who.clear()
        self.who.addItem(_("(not attributed)"), "")
        for person in snapshot.participants_of(dialogue):
            self.who.addItem(person.name, person.name)
        self.who.setCurrentIndex(max(0, self.who.findText(who)))
        self._update_buttons()

    def edit_idea(self, item_id: int) -> None:
        if self.snapshot is None:
            return
        dialog: InventoryEntryDialog | DraftCriterionDialog
        if self.dialogue == 1:
            item: InventoryEntry | Criterion | None = next(
                (e for e in self.snapshot.inventory if e.id == item_id), None
            )
            if not isinstance(item, InventoryEntry):
                return
            dialog = InventoryEntryDialog(item, self.context.reference, self)
        else:
            item = next((c for c in self.snapshot.criteria if c.id == item_id), None)
            if not isinstance(item, Criterion):
                return
            dialog = DraftCriterionDialog(item, DRAFT_TYPES, self)
        apply_correction(self.context, self.session_id, self._collection(), item, dialog, _("Correct idea"))
        self.table.setFocus()

    def move_idea(self, item_id: int, step: int) -> None:
        if self.snapshot is not None:
            label = _("Move idea")
            self.run(
                MoveItemCommand(
                    self.context.sessions(), self.session_id, self._collection(), item_id, step, label
                )
            )

    def _collection(self) -> Collection:
        return Collection.INVENTORY if self.dialogue == 1 else Collection.CRITERIA

    def add_idea(self) -> None:
        sdg = self.sdg.current_sdg()
        if self.snapshot is None or sdg is None:
            return
        origin = {"dialogue": self.dialogue, "contributor": str(self.who.currentData() or "")}
        if self.dialogue == 1:
            values = {
                "sdg": sdg,
                "kind": self.kind.current(),
                "source": self.source.current(),
                "description": self.text.text().strip(),
                **origin,
            }
            field = "description"
        else:
            values = {
                "sdg": sdg,
                "criterion_type": CriterionType(str(self.draft_type.currentData())),
                "text": self.text.text().strip(),
                **origin,
            }
            field = "text"
        command = AddItemCommand(
            self.context.sessions(), self.session_id, self._collection(), values, _("Record idea")
        )
        if self.run_showing_problems(command, {field: self.text_field}):
            self.text.clear()
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_idea(self, item_id: int) -> None:
        if self.snapshot is not None:
            self.run(
                RemoveItemCommand(
                    self.context.sessions(), self.session_id, self._collection(), item_id, _("Remove idea")
                )
            )

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        cells = [self.table.item(row, 0) for row in rows]
        return [int(cell.data(Qt.ItemDataRole.UserRole)) for cell in cells if cell is not None]

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if self.snapshot is None or len(ids) != 2:
            return
        self.run(
            MergeIdeasCommand(
                self.context.sessions(),
                self.session_id,
                self._collection(),
                ids[0],
                ids[1],
                _("Merge ideas"),
            )
        )

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(len(self.selected_ids()) == 2)
