"""Combo boxes for the method's vocabulary (enums) and for SDGs, showing translated labels.

Qt turns ``str`` enums into plain strings inside item data, so the stable code is stored and the member
is rebuilt on the way out.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QWidget

from compass.core.session import LabelledEnum
from compass.i18n import current_language
from compass.reference.types import ReferenceData, Sdg

E = TypeVar("E", bound=LabelledEnum)


def size_to_short_text(combo: QComboBox, characters: int) -> None:
    """Sizes a combo to ``characters`` rather than to its longest entry, so that a form still fits its
    window at 200 % text; the open list shows entries in full."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)


class EnumComboBox(QComboBox, Generic[E]):
    def __init__(self, enum_class: type[E], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enum_class = enum_class
        size_to_short_text(self, 8)
        for member in enum_class:
            self.addItem(member.label(), member.value)

    def current(self) -> E:
        return self._enum_class(self.currentData())

    def set_current(self, member: Enum) -> None:
        self.setCurrentIndex(self.findData(member.value))

    def retranslate(self) -> None:
        for index in range(self.count()):
            self.setItemText(index, self._enum_class(self.itemData(index)).label())


def sdg_swatch(sdg: Sdg, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(sdg.colour))
    return QIcon(pixmap)


def sdg_label(sdg: Sdg) -> str:
    return f"{sdg.number}  {sdg.name(current_language())}"


class SdgComboBox(QComboBox):
    """SDGs by number and name with their colour; optionally limited to some SDGs."""

    def __init__(self, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self._numbers: tuple[int, ...] = ()
        # Long SDG names ("Partnerschap om doelstellingen te bereiken") must not claim the whole row.
        size_to_short_text(self, 14)
        self.set_sdgs(sdg.number for sdg in reference.sdgs)

    def set_sdgs(self, numbers: Iterable[int]) -> None:
        numbers = tuple(numbers)
        if numbers == self._numbers:
            return
        previous = self.current_sdg()
        self._numbers = numbers
        self.blockSignals(True)
        self.clear()
        size = self.fontMetrics().height() - 2
        for number in numbers:
            sdg = self._reference.sdg(number)
            self.addItem(sdg_swatch(sdg, size), sdg_label(sdg), number)
        self.blockSignals(False)
        if previous in numbers:
            self.set_current_sdg(previous)

    def current_sdg(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def set_current_sdg(self, number: int) -> None:
        self.setCurrentIndex(self.findData(number))

    def retranslate(self) -> None:
        for index in range(self.count()):
            self.setItemText(index, sdg_label(self._reference.sdg(int(self.itemData(index)))))
