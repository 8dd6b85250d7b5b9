"""Two combo boxes of the project facts page: the procurement category (catalogue or free text)
and the organisation profile a session is decided against."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QWidget

from compass.core.profile import ProfileSummary
from compass.core.session import SHORT_TEXT_MAX_LENGTH, SessionSnapshot, SessionStatus
from compass.i18n import _, current_language
from compass.reference.types import ReferenceData
from compass.ui.widgets.choices import size_to_short_text

NO_PROFILE, KEPT_COPY = 0, -1


class CategoryComboBox(QComboBox):
    """The catalogue's categories by name; the value is the category id, or the user's own text."""

    def __init__(self, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.lineEdit()
        assert line is not None  # editable
        line.setMaxLength(SHORT_TEXT_MAX_LENGTH)
        size_to_short_text(self, 20)
        self.retranslate()

    def retranslate(self) -> None:
        language = current_language()
        value = self.value()
        self.blockSignals(True)
        self.clear()
        for category in sorted(self._reference.categories, key=lambda c: c.name(language)):
            self.addItem(category.name(language), category.id)
        self.blockSignals(False)
        self.set_value(value)

    def value(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text)
        return str(self.itemData(index)) if index >= 0 else text

    def set_value(self, value: str) -> None:
        self.blockSignals(True)
        index = self.findData(value)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(value)
        self.blockSignals(False)


class ProfileComboBox(QComboBox):
    """No profile, the database's profiles, or the copy a session kept of a deleted profile."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        size_to_short_text(self, 20)

    def show_profiles(self, profiles: Sequence[ProfileSummary], snapshot: SessionSnapshot) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(_("(no profile)"), NO_PROFILE)
        for profile in profiles:
            # Say "example" unless the name already does (the shipped ones start with "Voorbeeld:").
            marked = any(word in profile.name.casefold() for word in ("voorbeeld", "example"))
            suffix = " \u2013 " + _("example") if profile.is_example and not marked else ""
            self.addItem(profile.name + suffix, profile.id)
        # A session without a live profile may still be decided against one: the copy it kept when it
        # was finished, or the one an imported file brought. Showing "(no profile)" would hide it.
        index = self.findData(snapshot.profile_id) if snapshot.profile_id is not None else -1
        if index < 0 and snapshot.profile is None:
            index = self.findData(NO_PROFILE)
        if index < 0 and snapshot.profile is not None:
            self.addItem(_("{name} (kept copy)").format(name=snapshot.profile.name), KEPT_COPY)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))
        self.setEnabled(snapshot.status is not SessionStatus.FINAL)
        self.blockSignals(False)

    def chosen_profile(self) -> int | None:
        """The chosen profile id; None for no profile (the kept copy counts as no change)."""
        data = int(self.currentData())
        return data if data > 0 else None

    def keeps_copy(self) -> bool:
        return int(self.currentData()) == KEPT_COPY
