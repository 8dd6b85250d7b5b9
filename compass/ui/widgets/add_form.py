"""The add form above an item table: labelled fields side by side (label above its field), wrapping
after a number of columns, with the Add button at the end of the last row.

At large text a fixed grid was wider than the page (step 1, 4 and 5 scrolled sideways at 200 %, the
description cut off behind the scroll bar), so the form takes as many columns as its width allows,
down to one, and reports the narrowest arrangement as its minimum."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from compass.i18n import _
from compass.ui.widgets.field import FieldWithMessage


class AddForm(QWidget):
    """``labels`` get their texts from the page's ``retranslate_ui``. ``buttons`` follow the last
    field (Add first); ``below`` is a row under the form (a note and its button)."""

    def __init__(
        self,
        fields: Sequence[QWidget],
        buttons: Sequence[QPushButton],
        *,
        columns: int,
        stretch: dict[int, int] | None = None,
        below: Sequence[QWidget] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fields = list(fields)
        self._most_columns = columns
        self._stretch = stretch or {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.labels: list[QLabel] = []
        for field in self._fields:
            label = QLabel(self)
            label.setBuddy(field.editor if isinstance(field, FieldWithMessage) else field)
            self.labels.append(label)
            # Children join the focus chain in the order they arrive: fields first, then the buttons.
            field.setParent(self)
            if isinstance(field, FieldWithMessage):
                field.reserve_message_line()
        self._buttons = QWidget(self)
        button_row = QHBoxLayout(self._buttons)
        button_row.setContentsMargins(0, 0, 0, 0)
        for button in buttons:
            button_row.addWidget(button)
        self._below = QWidget(self)
        below_row = QHBoxLayout(self._below)
        below_row.setContentsMargins(0, 0, 0, 0)
        for index, widget in enumerate(below):
            below_row.addWidget(widget, 1 if index == 0 else 0)
        self._below.setVisible(bool(below))
        self._columns = 0
        self._place(columns)

    @property
    def columns(self) -> int:
        return self._columns

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        while self._grid.count():
            self._grid.takeAt(0)
        for column in range(self._most_columns + 1):
            self._grid.setColumnStretch(column, 0)
        wrapped = columns < self._most_columns
        for index, (label, field) in enumerate(zip(self.labels, self._fields, strict=True)):
            row, column = divmod(index, columns)
            # Wrapped, the last field takes the rest of its row: a description is not squeezed.
            span = columns - column if wrapped and index == len(self._fields) - 1 else 1
            self._grid.addWidget(label, row * 2, column, 1, span)
            # At the top of its row: a message under a field beside it must not move it.
            self._grid.addWidget(field, row * 2 + 1, column, 1, span, Qt.AlignmentFlag.AlignTop)
        last_row = (len(self._fields) - 1) // columns
        if columns == self._most_columns:
            self._grid.addWidget(self._buttons, last_row * 2 + 1, columns, Qt.AlignmentFlag.AlignTop)
            for column, factor in self._stretch.items():
                self._grid.setColumnStretch(column, factor)
            next_row = last_row * 2 + 2
        else:
            self._grid.addWidget(self._buttons, last_row * 2 + 2, 0, 1, columns, Qt.AlignmentFlag.AlignLeft)
            for column in range(columns):
                self._grid.setColumnStretch(column, 1)
            next_row = last_row * 2 + 3
        self._grid.addWidget(self._below, next_row, 0, 1, columns + 1)
        self._columns = columns
        self.updateGeometry()

    def _width_for(self, columns: int) -> int:
        spacing = max(self._grid.horizontalSpacing(), 0)
        widths = [0] * columns
        for index, (label, field) in enumerate(zip(self.labels, self._fields, strict=True)):
            column = index % columns
            needed = max(label.minimumSizeHint().width(), field.minimumSizeHint().width())
            widths[column] = max(widths[column], needed)
        fields_width = sum(widths) + spacing * (columns - 1)
        buttons = self._buttons.minimumSizeHint().width()
        if columns == self._most_columns:
            fields_width += spacing + buttons
        else:
            fields_width = max(fields_width, buttons)
        below = self._below.minimumSizeHint().width() if self._below.isVisibleTo(self) else 0
        return max(fields_width, below)

    def _columns_for(self, width: int) -> int:
        for columns in range(self._most_columns, 1, -1):
            if self._width_for(columns) <= width:
                return columns
        return 1

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._width_for(1), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._place(self._columns_for(event.size().width()))
        super().resizeEvent(event)


def name_add_and_remove(add_button: QPushButton, remove_button: QPushButton) -> None:
    """The same words and keys on every list's Add and Remove buttons."""
    add_button.setText(_("&Add"))
    add_button.setToolTip(_("Add it to the list (Enter in the last field)"))
    remove_button.setText(_("Remove selected"))
    remove_button.setToolTip(_("Remove the selected row (Delete); Ctrl+Z brings it back"))
