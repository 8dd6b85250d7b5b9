"""Step 2: linking local initiatives to the SDGs they can build on, picked from the organisation
profile or typed in. The widget asks; the page turns its signals into undoable commands."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from compass.core.session import SessionSnapshot
from compass.i18n import _
from compass.reference.types import ReferenceData
from compass.ui.widgets.choices import SdgComboBox
from compass.ui.widgets.field import FieldWithMessage


class InitiativeLinks(QWidget):
    link_requested = Signal(object)  # values for a new link
    unlink_requested = Signal(int)  # link id

    def __init__(self, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.sdg = SdgComboBox(reference)
        self.sdg.currentIndexChanged.connect(lambda _index: self._offer_profile_initiatives())
        self.initiative = QComboBox()
        self.initiative.setEditable(True)
        self.initiative.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.initiative_field = FieldWithMessage(self.initiative)
        self.link_button = QPushButton()
        self.link_button.clicked.connect(self._link)
        self.linked = QListWidget()
        self.linked.setMaximumHeight(self.fontMetrics().height() * 6)
        self.unlink_button = QPushButton()
        self.unlink_button.clicked.connect(self._unlink)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.heading, 0, 0, 1, 3)
        grid.addWidget(self.sdg, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.initiative_field, 1, 1)
        grid.addWidget(self.link_button, 1, 2, Qt.AlignmentFlag.AlignTop)  # a message must not move it
        self.initiative_field.reserve_message_line()
        grid.addWidget(self.linked, 2, 0, 1, 2)
        grid.addWidget(self.unlink_button, 2, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        self._snapshot: SessionSnapshot | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Local initiatives to build on"))
        self.sdg.setAccessibleName(_("SDG of the initiative"))
        self.sdg.retranslate()
        self.initiative.setAccessibleName(_("Local initiative"))
        line = self.initiative.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("pick from the profile or type a name"))
        self.link_button.setText(_("&Link"))
        self.link_button.setToolTip(_("Link the initiative to the SDG; it adds to the SDG's score"))
        self.unlink_button.setText(_("Unlink"))
        self.unlink_button.setToolTip(_("Unlink the selected initiative; Ctrl+Z brings it back"))
        self.sdg.setToolTip(_("The SDG the initiative contributes to."))
        self.initiative.setToolTip(
            _("A local initiative from the organisation profile, or type the name of another one.")
        )
        self.linked.setAccessibleName(_("Linked initiatives"))

    def load(self, snapshot: SessionSnapshot) -> None:
        self._snapshot = snapshot
        self.sdg.set_sdgs(snapshot.inventoried_sdgs())
        self._offer_profile_initiatives()
        self.linked.clear()
        for link in snapshot.initiatives:
            item = QListWidgetItem(f"SDG {link.sdg} \u00b7 {link.name}")
            item.setData(Qt.ItemDataRole.UserRole, link.id)
            item.setToolTip(link.description)
            self.linked.addItem(item)
        self.unlink_button.setEnabled(bool(snapshot.initiatives))
        self.setEnabled(bool(snapshot.inventoried_sdgs()))

    def _offer_profile_initiatives(self) -> None:
        typed = self.initiative.currentText()
        self.initiative.clear()
        sdg = self.sdg.current_sdg()
        profile = self._snapshot.profile if self._snapshot else None
        for initiative in profile.initiatives if profile and sdg else ():
            if sdg in initiative.sdgs:
                self.initiative.addItem(initiative.name, initiative.description)
        self.initiative.setEditText(typed)

    def _link(self) -> None:
        sdg = self.sdg.current_sdg()
        name = self.initiative.currentText().strip()
        index = self.initiative.findText(name)
        from_profile = index >= 0
        self.link_requested.emit(
            {
                "sdg": sdg,
                "name": name,
                "description": str(self.initiative.itemData(index) or "") if from_profile else "",
                "profile_initiative_ref": name if from_profile else "",
            }
        )

    def clear_new(self) -> None:
        self.initiative.setEditText("")
        self.initiative_field.show_problem(None)

    def _unlink(self) -> None:
        item = self.linked.currentItem()
        if item is not None:
            self.unlink_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
