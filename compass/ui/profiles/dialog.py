"""The organisation profiles of this database: new, edit, duplicate, delete, import and export.
Examples are marked; every change goes through the profile service."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass.core.errors import CompassError, ValidationError
from compass.core.profile import OrganisationProfile
from compass.i18n import _
from compass.method.file_names import file_name_for
from compass.reference.types import ReferenceData
from compass.ui.last_folder import folder_for, remember_folder
from compass.ui.profiles.editor import ProfileEditorDialog
from compass.ui.widgets.screen_fit import resize_in_text

if TYPE_CHECKING:
    from compass.services import FileService, ProfileService

_NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the profile's name, as the export's file name proposes it


class ProfilesDialog(QDialog):
    def __init__(
        self,
        profiles: ProfileService,
        files: FileService,
        reference: ReferenceData,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Organisation profiles"))
        self._profiles = profiles
        self._files = files
        self._reference = reference
        self.list = QListWidget()
        self.list.setAccessibleName(_("Organisation profiles"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.message = QLabel()
        self.message.setObjectName("fieldProblem")
        self.message.setWordWrap(True)
        buttons = QVBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("new", _("&New"), self.new_profile),
            ("edit", _("&Edit\u2026"), self.edit_selected),
            ("duplicate", _("D&uplicate"), self.duplicate_selected),
            ("delete", _("&Delete"), self.delete_selected),
            ("import", _("&Import\u2026"), self.import_file),
            ("export", _("E&xport\u2026"), self.export_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.action_buttons[key] = button
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "A profile carries your organisation's policy into every session: focus "
                "SDGs, local initiatives, ambitions and standard requirements."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.refresh()
        resize_in_text(self, 60, 22)

    # -- list ---------------------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        self.list.clear()
        for summary in self._profiles.list_profiles():
            text = summary.name + (f"  ({_('example')})" if summary.is_example else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setData(_NAME_ROLE, summary.name)
            self.list.addItem(item)
            if summary.id == select_id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        for key in ("edit", "duplicate", "delete", "export"):
            self.action_buttons[key].setEnabled(has)

    def _attempt(self, action: Callable[[], int | None]) -> None:
        self.message.clear()
        try:
            selected = action()
        except ValidationError as error:
            self.message.setText("\n".join(p.message for p in error.problems[:8]))
            return
        except CompassError as error:
            self.message.setText(str(error))
            return
        self.refresh(selected)

    # -- actions ------------------------------------------------------------------------------------

    def _edit(self, profile: OrganisationProfile) -> OrganisationProfile | None:
        dialog = ProfileEditorDialog(profile, self._reference, self)
        return dialog.profile() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def new_profile(self) -> None:
        edited = self._edit(OrganisationProfile(name=_("New profile")))
        if edited is not None:
            self._attempt(lambda: self._profiles.create_profile(edited))

    def edit_selected(self) -> None:
        profile_id = self.selected_id()
        if profile_id is None:
            return
        edited = self._edit(self._profiles.get_profile(profile_id))
        if edited is not None:

            def update() -> int:
                self._profiles.update_profile(profile_id, edited)
                return profile_id

            self._attempt(update)

    def duplicate_selected(self) -> None:
        profile_id = self.selected_id()
        if profile_id is None:
            return
        original = self._profiles.get_profile(profile_id)
        copy = OrganisationProfile(
            **{
                **original.__dict__,
                "is_example": False,
                "name": _("Copy of {title}").format(title=original.name),
            }
        )
        self._attempt(lambda: self._profiles.create_profile(copy))

    def delete_selected(self) -> None:
        profile_id = self.selected_id()
        if profile_id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Delete profile"),
            _("Delete the profile \u201c{name}\u201d? Sessions that use it keep a copy of it.").format(
                name=self.list.currentItem().text()
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._attempt(lambda: self._profiles.delete_profile(profile_id))

    def import_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import a profile"), str(folder_for("profiles")), _("Profiles (*.json);;All files (*)")
        )
        remember_folder("profiles", name)
        if name:
            self._attempt(lambda: self._files.import_profile(name))

    def export_selected(self) -> None:
        profile_id = self.selected_id()
        if profile_id is None:
            return
        item = self.list.currentItem()
        proposed = folder_for("profiles") / file_name_for(
            str(item.data(_NAME_ROLE) or ""), ".json", _("profile")
        )
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the profile"), str(proposed), _("Profiles (*.json)")
        )
        remember_folder("profiles", name)
        if name:

            def write() -> int:
                self._files.export_profile(profile_id, name)
                return profile_id

            self._attempt(write)
