"""The frame of the dialogs that correct one recorded item (a step-1 entry, a planned message): its
labelled rows, OK and Cancel, and OK refused while a field shows a problem. A subclass builds its
fields and says what changed in ``changes()``; the page turns that into one undo step."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from compass.core.session import Collection
from compass.ui.widgets.field import form_row

if TYPE_CHECKING:
    from compass.ui.pages.base import PageContext


class CorrectionDialog(QDialog):
    def _lay_out(self, rows: Sequence[tuple[str, QWidget]], first: QWidget) -> None:
        form = QFormLayout()
        for label, widget in rows:
            form_row(form, label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        first.setFocus()

    def changes(self) -> dict[str, Any] | None:
        """The fields that changed (empty when none), or None with the problem beside the field."""
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        if self.changes() is not None:
            self.accept()


def apply_correction(
    context: PageContext,
    session_id: int,
    collection: Collection,
    item: Any,
    dialog: CorrectionDialog,
    label: str,
) -> None:
    """Show ``dialog`` for ``item``; what the user changed becomes one undoable edit."""
    from compass.ui.commands import UpdateItemValuesCommand
    from compass.ui.pages.base import run_command

    if dialog.exec() == QDialog.DialogCode.Accepted and (new := dialog.changes()):
        old = {name: getattr(item, name) for name in new}
        command = UpdateItemValuesCommand(
            context.sessions(), session_id, collection, item.id, old, new, label
        )
        run_command(context, command)
