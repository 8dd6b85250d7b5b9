"""A form field with its problem message right beneath it (shown only when there is one)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


class FieldWithMessage(QWidget):
    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._reserved = False
        self.message = QLabel()
        self.message.setObjectName("fieldProblem")
        self.message.setWordWrap(True)
        # The message wraps within the field's width and never widens it: a wider field made an add
        # form take fewer columns, and its buttons jumped away from under the pointer.
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        self.setFocusProxy(editor)

    def reserve_message_line(self) -> None:
        """Keep a line under the field for a message even while there is none, for fields in a row
        with buttons: a message of one line then moves nothing (a walker's next click missed Add)."""
        self._reserved = True
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing())
        self.message.show()

    def show_problem(self, message: str | None) -> None:
        self.message.setText(message or "")
        self.message.setVisible(bool(message) or self._reserved)
        self.editor.setProperty("invalid", bool(message))
        # Re-polish so the style sheet's [invalid="true"] rule applies at once.
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)
        self.editor.setAccessibleDescription(message or "")

    def problem_text(self) -> str:
        return self.message.text()


def form_row(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """A labelled row whose Alt+letter reaches the field: a QFormLayout label's buddy would be the
    FieldWithMessage box around the editor, which takes no focus, so the mnemonic did nothing."""
    label = QLabel(text)
    field = widget.editor if isinstance(widget, FieldWithMessage) else widget
    label.setBuddy(field)
    form.addRow(label, widget)
    if not field.accessibleName():
        field.setAccessibleName(text.replace("&", ""))
    return label
