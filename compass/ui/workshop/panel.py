"""What every panel of the workshop window shares: the wizard's context, the dialogue it shows, and
the snapshot it was last given."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from compass.core.session import SessionSnapshot
from compass.ui.commands import ServiceCommand
from compass.ui.pages.base import PageContext, run_command, run_showing_problems
from compass.ui.widgets.field import FieldWithMessage


class WorkshopPanel(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.snapshot: SessionSnapshot | None = None
        self.dialogue = 1

    @property
    def session_id(self) -> int:
        assert self.snapshot is not None, "panel used before a session was loaded"
        return self.snapshot.id

    def load(self, snapshot: SessionSnapshot, dialogue: int) -> None:
        self.snapshot, self.dialogue = snapshot, dialogue

    def retranslate_ui(self) -> None:
        """Every visible text again, in the language of the moment."""

    def run(self, command: ServiceCommand) -> bool:
        return run_command(self.context, command)

    def run_showing_problems(self, command: ServiceCommand, fields: dict[str, FieldWithMessage]) -> bool:
        return run_showing_problems(self.context, command, fields)
