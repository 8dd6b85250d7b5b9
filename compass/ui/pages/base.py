"""What every wizard page has: the context it works in, and the hooks the shell calls.

Pages never open a database session: they read the snapshot they are given in ``load()`` and change
data only through undoable commands (``run()``), which call the services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from compass.core.errors import CompassError, ValidationError
from compass.core.session import SessionSnapshot
from compass.method.steps import Step
from compass.reference.types import ReferenceData
from compass.ui.commands import ServiceCommand, execute
from compass.ui.widgets.field import FieldWithMessage

if TYPE_CHECKING:
    from compass.services import FileService, ProfileService, SessionService


@dataclass
class PageContext:
    """Shared by all pages of one main window."""

    sessions: Callable[[], SessionService]
    profiles: Callable[[], ProfileService]
    files: Callable[[], FileService]
    reference: ReferenceData
    undo_stack: QUndoStack
    report_error: Callable[[CompassError], None]
    go_to_step: Callable[[Step], None]
    # A step and the field of a problem shown there (Problem.field): the summary's open issues.
    go_to_problem: Callable[[Step, str], None] = lambda step, field: None


class StepPage(QWidget):
    """Base of every page in the wizard. Subclasses set ``step`` and implement ``load``."""

    step: ClassVar[Step]
    # A page whose content is one long column (facts, ambition boxes) scrolls inside itself, under
    # its fixed heading; the wizard wraps every other page so a large font never clips it.
    scrolls_itself: ClassVar[bool] = False

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.snapshot: SessionSnapshot | None = None

    @property
    def session_id(self) -> int:
        assert self.snapshot is not None, "page used before a session was loaded"
        return self.snapshot.id

    def service(self) -> SessionService:
        return self.context.sessions()

    def reveal(self, field: str) -> None:
        """Show and focus what a problem's ``field`` names, when the page has it (a link from the
        summary's open issues); the page as it is otherwise."""

    def load(self, snapshot: SessionSnapshot) -> None:
        """Show ``snapshot``; called on opening a session and after every change to it."""
        self.snapshot = snapshot

    def flush(self) -> None:
        """Save what the user is still typing (before leaving the page or closing the window)."""

    def retranslate_ui(self) -> None:
        """Set every visible text again in the current language."""

    def run(self, command: ServiceCommand) -> bool:
        """Do an undoable edit; returns False (and the error was reported) when it was refused."""
        return run_command(self.context, command)

    def run_showing_problems(self, command: ServiceCommand, fields: dict[str, FieldWithMessage]) -> bool:
        """Like ``run()``, but a refused edit shows its problems beside ``fields`` (by field name)."""
        return run_showing_problems(self.context, command, fields)


def run_command(context: PageContext, command: ServiceCommand) -> bool:
    """Do an undoable edit; returns False (and the error was reported) when it was refused."""
    try:
        execute(context.undo_stack, command, context.report_error)
    except CompassError as error:
        context.report_error(error)
        return False
    return True


def run_showing_problems(
    context: PageContext, command: ServiceCommand, fields: dict[str, FieldWithMessage]
) -> bool:
    """Like ``run_command``, but a refused edit shows its problems beside ``fields`` (by field name)."""
    for field in fields.values():
        field.show_problem(None)
    try:
        execute(context.undo_stack, command, context.report_error)
    except ValidationError as error:
        unplaced = []
        for problem in error.problems:
            if problem.field in fields and not fields[problem.field].problem_text():
                fields[problem.field].show_problem(problem.message)
            else:
                unplaced.append(problem)
        if unplaced:
            context.report_error(ValidationError(unplaced))
        return False
    except CompassError as error:
        context.report_error(error)
        return False
    return True


def page_heading(parent_layout: QVBoxLayout) -> tuple[QLabel, QLabel]:
    """The page's title and its one-line explanation, in the shared heading style."""
    title = QLabel()
    title.setObjectName("pageTitle")
    intro = QLabel()
    intro.setObjectName("pageIntro")
    intro.setWordWrap(True)
    parent_layout.addWidget(title)
    parent_layout.addWidget(intro)
    return title, intro
