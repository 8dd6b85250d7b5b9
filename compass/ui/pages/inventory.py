"""Step 1, Inzicht - risico's en kansen: the team records, per SDG, the risks and opportunities of the
tender, and where each arises (local environment, supply chain, materials, location)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from compass.core.session import (
    LONG_TEXT_MAX_LENGTH,
    Collection,
    EntryKind,
    EntrySource,
    InventoryEntry,
    SessionSnapshot,
)
from compass.i18n import _, current_language, ngettext
from compass.method.steps import Step
from compass.method.suggestions import categories_for, entry_origin, open_suggestions
from compass.reference.types import Suggestion
from compass.ui.commands import AddItemCommand, RemoveItemCommand, UpdateItemValuesCommand
from compass.ui.inventory_entry_dialog import InventoryEntryDialog
from compass.ui.pages.base import PageContext, StepPage, page_heading
from compass.ui.widgets.add_form import AddForm, name_add_and_remove
from compass.ui.widgets.choices import EnumComboBox, SdgComboBox, sdg_swatch
from compass.ui.widgets.field import FieldWithMessage
from compass.ui.widgets.item_table import ItemTable
from compass.ui.widgets.sdg_tiles import SdgTiles
from compass.ui.widgets.suggestion_list import SuggestionList

# The page width, in average characters, from which the suggestions sit beside the table.
SIDE_BY_SIDE_CHARS = 110


class InventoryPage(StepPage):
    step = Step.INVENTORY

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._title, self._intro = page_heading(layout)

        self.tiles = SdgTiles(context.reference)
        self.tiles.sdg_chosen.connect(self._on_tiles_sdg_chosen)
        layout.addWidget(self.tiles)
        self.sdg = SdgComboBox(context.reference)
        self.sdg.currentIndexChanged.connect(
            lambda _index: self.tiles.set_current(self.sdg.current_sdg() or 1)
        )
        self.kind = EnumComboBox(EntryKind)
        self.source = EnumComboBox(EntrySource)
        self.description = QLineEdit()
        self.description.setMaxLength(LONG_TEXT_MAX_LENGTH)
        self.description.returnPressed.connect(self.add_entry)
        self.description_field = FieldWithMessage(self.description)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_entry)
        form = AddForm(
            (self.sdg, self.kind, self.source, self.description_field),
            (self.add_button,),
            columns=4,
            stretch={0: 2, 3: 3},
        )
        self._form_labels = form.labels
        layout.addWidget(form)

        self.table = ItemTable(stretch_column=3)
        self.table.remove_requested.connect(self.remove_entry)
        self.table.edit_requested.connect(self.edit_entry)
        self.suggestions = SuggestionList()
        self.suggestions.accepted.connect(self.accept_suggestion)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.suggestions)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.table.remove_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)
        self.setTabOrder(self.description, self.add_button)
        self.setFocusProxy(self.sdg)
        self.retranslate_ui()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Suggestions beside the table where there is room, below it when the window is narrow
        or the font large, so that the table's columns keep their words whole."""
        super().resizeEvent(event)
        wide = self.width() >= self.fontMetrics().averageCharWidth() * SIDE_BY_SIDE_CHARS
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)

    def retranslate_ui(self) -> None:
        self._title.setText(_("Insight - risks and opportunities"))
        self._intro.setText(
            _(
                "Which SDGs does this tender touch? Record the risks and opportunities per SDG and "
                "where they arise: the local environment, the supply chain, the materials or the "
                "location where the work is done."
            )
        )
        for label, text in zip(
            self._form_labels,
            (_("&SDG"), _("&Risk or opportunity"), _("&Where"), _("&Description")),
            strict=True,
        ):
            label.setText(text)
        self.sdg.setAccessibleName(_("SDG"))
        self.kind.setAccessibleName(_("Risk or opportunity"))
        self.source.setAccessibleName(_("Where it arises"))
        self.source.setToolTip(
            _(
                "Where the risk or opportunity arises: around the project, in the "
                "global or local supply chain, in the materials, or at the site."
            )
        )
        self.description.setAccessibleName(_("Description"))
        self.description.setPlaceholderText(_("a risk or opportunity, in a sentence"))
        name_add_and_remove(self.add_button, self.remove_button)
        self.sdg.setToolTip(
            _("The SDG this risk or opportunity belongs to; the tiles above choose it too.")
        )
        self.kind.setToolTip(
            _("A risk: the tender could harm this SDG. An opportunity: the tender can contribute to it.")
        )
        self.description.setToolTip(_("What the risk or opportunity is, in a sentence."))
        self.table.setAccessibleName(_("Risks and opportunities"))
        self.table.set_headers([_("SDG"), _("Kind"), _("Where"), _("Description"), _("Origin")])
        self.suggestions.retranslate_ui()
        self.sdg.retranslate()
        self.tiles.retranslate_ui()
        self.kind.retranslate()
        self.source.retranslate()
        if self.snapshot is not None:
            self.load(self.snapshot)

    def _origin(self, entry: InventoryEntry) -> str:
        """Where an entry came from: a suggestion, the team, or the SDG dialogue and who said it (an
        idea from the room read "team", though the ideas tab promised its dialogue, issue 25)."""
        if entry.dialogue is None:
            return entry_origin(entry, self.context.reference).label()
        words = _("dialogue {number}").format(number=entry.dialogue)
        return f"{words}: {entry.contributor}" if entry.contributor.strip() else words

    def load(self, snapshot: SessionSnapshot) -> None:
        super().load(snapshot)
        reference = self.context.reference
        rows = [
            (
                e.id,
                [
                    ", ".join(str(n) for n in (e.sdg, *e.also_sdgs)),
                    _("{kind}, main").format(kind=e.kind.label()) if e.main else e.kind.label(),
                    e.source.label(),
                    e.description,
                    self._origin(e),
                ],
            )
            for e in snapshot.inventory
        ]
        self.table.set_rows(rows, [sdg_swatch(reference.sdg(e.sdg)) for e in snapshot.inventory])
        self.remove_button.setEnabled(bool(rows))
        self.counts.setText(self._counts_text(snapshot))
        tally = Counter((sdg, e.kind) for e in snapshot.inventory for sdg in (e.sdg, *e.also_sdgs))
        self.tiles.set_counts(
            {
                sdg: (tally[sdg, EntryKind.RISK], tally[sdg, EntryKind.OPPORTUNITY])
                for sdg in snapshot.inventoried_sdgs()
            }
        )
        self._show_suggestions(snapshot)

    @staticmethod
    def _counts_text(snapshot: SessionSnapshot) -> str:
        if not snapshot.inventory:
            return _("Nothing recorded yet: choose an SDG, describe a risk or opportunity, and add it.")
        tally = Counter((sdg, e.kind) for e in snapshot.inventory for sdg in (e.sdg, *e.also_sdgs))
        parts = [
            _("SDG {sdg}: {risks}, {opportunities}").format(
                sdg=sdg,
                risks=ngettext("{n} risk", "{n} risks", tally[sdg, EntryKind.RISK]).format(
                    n=tally[sdg, EntryKind.RISK]
                ),
                opportunities=ngettext(
                    "{n} opportunity", "{n} opportunities", tally[sdg, EntryKind.OPPORTUNITY]
                ).format(n=tally[sdg, EntryKind.OPPORTUNITY]),
            )
            for sdg in snapshot.inventoried_sdgs()
        ]
        return _("Inventoried: {list}").format(list="; ".join(parts))

    def add_entry(self) -> None:
        if self.snapshot is None:
            return
        values = {
            "sdg": self.sdg.current_sdg(),
            "kind": self.kind.current(),
            "source": self.source.current(),
            "description": self.description.text().strip(),
        }
        command = AddItemCommand(
            self.service(), self.session_id, Collection.INVENTORY, values, _("Add risk or opportunity")
        )
        if not self.run_showing_problems(command, {"description": self.description_field}):
            return
        self.description.clear()
        self.description.setFocus()

    def _show_suggestions(self, snapshot: SessionSnapshot) -> None:
        reference = self.context.reference
        categories = categories_for(snapshot, reference)
        language = current_language()
        self.suggestions.set_suggestions(
            open_suggestions(snapshot, reference),
            ", ".join(category.name(language) for category in categories),
        )

    def _on_tiles_sdg_chosen(self, sdg: int) -> None:
        self.sdg.set_current_sdg(sdg)
        self.description.setFocus()

    def accept_suggestion(self, suggestion: Suggestion) -> None:
        if self.snapshot is None:
            return
        values = {
            "sdg": suggestion.sdg,
            "kind": suggestion.kind,
            "source": suggestion.where,
            "description": suggestion.text(current_language()),
            "suggestion_id": suggestion.id,
        }
        self.run(
            AddItemCommand(
                self.service(), self.session_id, Collection.INVENTORY, values, _("Accept suggestion")
            )
        )
        if not self.suggestions.accept_button.isEnabled() and self.snapshot is not None:
            # The last one taken: its button went grey under the focus, which Qt then moved on to
            # "Remove selected". The entry just taken is where the keyboard user goes on.
            taken = [e.id for e in self.snapshot.inventory if e.suggestion_id == suggestion.id]
            if taken and self.table.select_id(taken[-1]):
                self.table.setFocus()

    def edit_entry(self, entry_id: int) -> None:
        if self.snapshot is None:
            return
        entry = next((e for e in self.snapshot.inventory if e.id == entry_id), None)
        if entry is None:
            return
        dialog = InventoryEntryDialog(entry, self.context.reference, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.table.setFocus()
            return
        new = dialog.changes() or {}
        if new:
            old = {name: getattr(entry, name) for name in new}
            self.run(
                UpdateItemValuesCommand(
                    self.service(),
                    self.session_id,
                    Collection.INVENTORY,
                    entry_id,
                    old,
                    new,
                    _("Edit risk or opportunity"),
                )
            )
        self.table.setFocus()  # back where the user was, on the same row

    def remove_entry(self, entry_id: int) -> None:
        self.run(
            RemoveItemCommand(
                self.service(),
                self.session_id,
                Collection.INVENTORY,
                entry_id,
                _("Remove risk or opportunity"),
            )
        )
