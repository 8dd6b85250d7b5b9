"""The add form above an item table: labelled fields side by side (label above its field), wrapping
after a number of columns, with the Add button at the end of the last row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from compass.i18n import _
from compass.ui.widgets.field import FieldWithMessage


def add_form(
    fields: Sequence[QWidget],
    add_button: QPushButton,
    *,
    columns: int,
    stretch: dict[int, int] | None = None,
) -> tuple[QGridLayout, list[QLabel]]:
    """The grid and its labels (texts are set by the page's ``retranslate_ui``)."""
    grid = QGridLayout()
    labels = []
    for index, field in enumerate(fields):
        row, column = divmod(index, columns)
        label = QLabel()
        label.setBuddy(field.editor if isinstance(field, FieldWithMessage) else field)
        grid.addWidget(label, row * 2, column)
        grid.addWidget(field, row * 2 + 1, column)
        labels.append(label)
    last_row = (len(fields) - 1) // columns
    grid.addWidget(add_button, last_row * 2 + 1, columns)
    for column, factor in (stretch or {}).items():
        grid.setColumnStretch(column, factor)
    return grid, labels


def name_add_and_remove(add_button: QPushButton, remove_button: QPushButton) -> None:
    """The same words and keys on every list's Add and Remove buttons."""
    add_button.setText(_("&Add"))
    add_button.setToolTip(_("Add it to the list (Enter in the last field)"))
    remove_button.setText(_("Remove selected"))
    remove_button.setToolTip(_("Remove the selected row (Delete); Ctrl+Z brings it back"))
