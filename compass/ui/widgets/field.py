"""A form field with its problem message right beneath it (shown only when there is one)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget


class FieldWithMessage(QWidget):
    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.message = QLabel()
        self.message.setObjectName("fieldProblem")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        self.setFocusProxy(editor)

    def show_problem(self, message: str | None) -> None:
        self.message.setText(message or "")
        self.message.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        # Re-polish so the style sheet's [invalid="true"] rule applies at once.
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)
        self.editor.setAccessibleDescription(message or "")

    def problem_text(self) -> str:
        return "" if self.message.isHidden() else self.message.text()


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
