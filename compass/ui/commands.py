"""Undoable edits: each ``QUndoCommand`` calls one service method in ``redo()`` and its inverse in
``undo()``. The services save at once and announce the change, so pages refresh by themselves.

``execute()`` runs a command once *before* it goes on the stack, so an edit the services refuse raises
``CompassError`` to the caller (who shows it beside the field) and never becomes an undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from compass.core.errors import CompassError, ConflictError
from compass.i18n import Phrase, _

# choose_on_conflict is re-exported: tests install their answer through this module.
from compass.ui.conflict_choice import choose_on_conflict as choose_on_conflict
from compass.ui.conflict_choice import current_chooser

if TYPE_CHECKING:  # annotations only: the services bring SQLAlchemy, which start-up must not wait for
    from compass.core.session import AmbitionLevel, Collection, SessionStatus
    from compass.services import SessionService

ErrorReporter = Callable[[CompassError], None]

_MERGE_FACTS = 1001
_MERGE_PRIORITY = 1002
_MERGE_ITEM = 1003


class ServiceCommand(QUndoCommand):
    def __init__(self, service: SessionService, session_id: int, text: str) -> None:
        super().__init__(text)
        self._phrase = text
        self.report_error: ErrorReporter | None = None
        self.service = service
        self.session_id = session_id
        self._already_done = False

    def retranslate(self) -> None:
        """Say what this step did in the language of the moment (after a switch in Settings)."""
        if isinstance(self._phrase, Phrase):
            self.setText(self._phrase.again())

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def rebase(self, conflict: ConflictError) -> None:
        """Take the other desk's value as what this change replaces (the user chose to overwrite
        it); a command that cannot say so lets the conflict stand."""
        raise conflict

    def rebase_undo(self, conflict: ConflictError) -> None:
        """The same for undo: the value the undo replaces is the other desk's now. Commands that
        keep what they wrote as ``new`` (a value, or a dict of field values) need nothing more."""
        # ``new`` belongs to the subclasses (each with its own type), hence getattr and setattr.
        written = getattr(self, "new", None)
        if isinstance(written, dict):
            setattr(self, "new", {**written, conflict.field: conflict.theirs})  # noqa: B010
        elif hasattr(self, "new") and not isinstance(written, tuple):
            setattr(self, "new", conflict.theirs)  # noqa: B010
        else:
            raise conflict

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self._guarded(self.do, self.rebase)

    def undo(self) -> None:
        self._guarded(self.revert, self.rebase_undo)

    def _guarded(self, action: Callable[[], None], rebase: Callable[[ConflictError], None]) -> None:
        # An exception cannot cross Qt's virtual call; report it (e.g. the item was deleted elsewhere).
        # Another desk's change of the same field is asked about, as for the first do: an undo or
        # redo never overwrites it silently, nor only says it could not.
        try:
            try:
                action()
            except ConflictError as conflict:
                chooser = current_chooser()
                if chooser is None:
                    raise
                if not chooser(conflict):
                    self.service.announce(self.session_id)  # show theirs
                    return
                rebase(conflict)
                action()
        except CompassError as error:
            if self.report_error is not None:
                self.report_error(error)


def execute(stack: QUndoStack, command: ServiceCommand, report_error: ErrorReporter) -> None:
    """Do ``command`` now (raising if refused), then keep it on ``stack`` for undo; failures of a
    later undo or redo go to ``report_error``. When another desk changed the same field meanwhile,
    the user chooses: overwrite (the undo step then goes back to their value) or keep theirs, in
    which case nothing is pushed and the view shows what is stored."""
    command.report_error = report_error
    try:
        command.do()
    except ConflictError as conflict:
        chooser = current_chooser()
        if chooser is None:
            raise
        if not chooser(conflict):
            command.service.announce(command.session_id)  # show theirs
            return
        command.rebase(conflict)
        command.do()
    command._already_done = True
    stack.push(command)


class UpdateFactsCommand(ServiceCommand):
    """One project fact changed; successive edits of the same field merge into one undo step."""

    def __init__(
        self, service: SessionService, session_id: int, field: str, old: Any, new: Any, label: str
    ) -> None:
        super().__init__(service, session_id, _("Edit {field}").format(field=label))
        self.field, self.old, self.new = field, old, new

    def do(self) -> None:
        self.service.update_facts(self.session_id, {self.field: self.old}, **{self.field: self.new})

    def revert(self) -> None:
        self.service.update_facts(self.session_id, {self.field: self.new}, **{self.field: self.old})

    def rebase(self, conflict: ConflictError) -> None:
        self.old = conflict.theirs

    def id(self) -> int:
        return _MERGE_FACTS

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, UpdateFactsCommand) or (other.session_id, other.field) != (
            self.session_id,
            self.field,
        ):
            return False
        self.new = other.new
        return True


class AddItemCommand(ServiceCommand):
    def __init__(
        self,
        service: SessionService,
        session_id: int,
        collection: Collection,
        values: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(service, session_id, text)
        self.collection = collection
        self.values = values
        self.item_id: int | None = None

    def do(self) -> None:
        self.item_id = self.service.add_item(self.session_id, self.collection, **self.values).id

    def revert(self) -> None:
        if self.item_id is not None:
            self.service.remove_item(self.session_id, self.collection, self.item_id)


class MoveItemCommand(ServiceCommand):
    """An item one place up or down its list; undo moves it back. A move past either end changes
    nothing and leaves no undo step."""

    def __init__(
        self,
        service: SessionService,
        session_id: int,
        collection: Collection,
        item_id: int,
        step: int,
        text: str,
    ) -> None:
        super().__init__(service, session_id, text)
        self.collection, self.item_id, self.step = collection, item_id, step

    def do(self) -> None:
        if not self.service.move_item(self.session_id, self.collection, self.item_id, self.step):
            self.setObsolete(True)

    def revert(self) -> None:
        self.service.move_item(self.session_id, self.collection, self.item_id, -self.step)


class RemoveItemCommand(ServiceCommand):
    """Removes an item; undo adds it back (with a new id) with all its values, in its old place."""

    def __init__(
        self, service: SessionService, session_id: int, collection: Collection, item_id: int, text: str
    ) -> None:
        super().__init__(service, session_id, text)
        self.collection = collection
        self.item_id = item_id
        self.values: dict[str, Any] = {}
        self.position: int | None = None

    def do(self) -> None:
        self.position = self.service.item_position(self.session_id, self.collection, self.item_id)
        removed = self.service.remove_item(self.session_id, self.collection, self.item_id)
        self.values = {
            name: getattr(removed, name)
            for name in type(removed).__dataclass_fields__
            if name not in ("id", "measurements")
        }

    def revert(self) -> None:
        place = {} if self.position is None else {"position": self.position}
        self.item_id = self.service.add_item(self.session_id, self.collection, **self.values, **place).id


class UpdateItemCommand(ServiceCommand):
    def __init__(
        self,
        service: SessionService,
        session_id: int,
        collection: Collection,
        item_id: int,
        field: str,
        old: Any,
        new: Any,
        text: str,
    ) -> None:
        super().__init__(service, session_id, text)
        self.collection, self.item_id, self.field = collection, item_id, field
        self.old, self.new = old, new

    def do(self) -> None:
        self.service.update_item(
            self.session_id, self.collection, self.item_id, {self.field: self.old}, **{self.field: self.new}
        )

    def revert(self) -> None:
        self.service.update_item(
            self.session_id, self.collection, self.item_id, {self.field: self.new}, **{self.field: self.old}
        )

    def rebase(self, conflict: ConflictError) -> None:
        self.old = conflict.theirs

    def id(self) -> int:
        return _MERGE_ITEM

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, UpdateItemCommand) or (
            other.session_id,
            other.collection,
            other.item_id,
            other.field,
        ) != (self.session_id, self.collection, self.item_id, self.field):
            return False
        self.new = other.new
        return True


class SetPriorityCommand(ServiceCommand):
    def __init__(
        self, service: SessionService, session_id: int, sdg: int, field: str, old: Any, new: Any, text: str
    ) -> None:
        super().__init__(service, session_id, text)
        self.sdg, self.field, self.old, self.new = sdg, field, old, new

    def do(self) -> None:
        old, new = {self.field: self.old}, {self.field: self.new}
        self.service.set_priority(self.session_id, self.sdg, old, **new)

    def revert(self) -> None:
        old, new = {self.field: self.old}, {self.field: self.new}
        self.service.set_priority(self.session_id, self.sdg, new, **old)

    def rebase(self, conflict: ConflictError) -> None:
        self.old = conflict.theirs

    def id(self) -> int:
        return _MERGE_PRIORITY

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        # Only free text merges (typing); toggles and numbers stay separate undo steps.
        if (
            not isinstance(other, SetPriorityCommand)
            or not isinstance(self.new, str)
            or (other.session_id, other.sdg, other.field) != (self.session_id, self.sdg, self.field)
        ):
            return False
        self.new = other.new
        return True


class SetAmbitionCommand(ServiceCommand):
    def __init__(
        self,
        service: SessionService,
        session_id: int,
        sdg: int,
        old: tuple[AmbitionLevel | None, str],
        new: tuple[AmbitionLevel | None, str],
        text: str,
    ) -> None:
        super().__init__(service, session_id, text)
        self.sdg, self.old, self.new = sdg, old, new

    def do(self) -> None:
        self.service.set_ambition(self.session_id, self.sdg, *self.new, expected=_ambition(self.old))

    def revert(self) -> None:
        self.service.set_ambition(self.session_id, self.sdg, *self.old, expected=_ambition(self.new))

    def rebase(self, conflict: ConflictError) -> None:
        level, note = self.old
        if conflict.field == "level":
            level = conflict.theirs  # type: ignore[assignment]
        else:
            note = str(conflict.theirs or "")
        self.old = (level, note)

    def rebase_undo(self, conflict: ConflictError) -> None:
        level, note = self.new
        if conflict.field == "level":
            level = conflict.theirs  # type: ignore[assignment]
        else:
            note = str(conflict.theirs or "")
        self.new = (level, note)


def _ambition(shown: tuple[AmbitionLevel | None, str]) -> dict[str, Any]:
    return {"level": shown[0], "note": shown[1]}


class SetProfileCommand(ServiceCommand):
    def __init__(
        self, service: SessionService, session_id: int, old: int | None, new: int | None, text: str
    ) -> None:
        super().__init__(service, session_id, text)
        self.old, self.new = old, new

    def do(self) -> None:
        self.service.set_profile(self.session_id, self.new, {"profile_id": self.old})

    def revert(self) -> None:
        self.service.set_profile(self.session_id, self.old, {"profile_id": self.new})

    def rebase(self, conflict: ConflictError) -> None:
        self.old = conflict.theirs  # type: ignore[assignment]


class AddMeasurementCommand(ServiceCommand):
    def __init__(
        self, service: SessionService, session_id: int, indicator_id: int, values: dict[str, Any], text: str
    ) -> None:
        super().__init__(service, session_id, text)
        self.indicator_id, self.values = indicator_id, values
        self.measurement_id: int | None = None

    def do(self) -> None:
        self.measurement_id = self.service.add_measurement(
            self.session_id, self.indicator_id, **self.values
        ).id

    def revert(self) -> None:
        if self.measurement_id is not None:
            self.service.remove_measurement(self.session_id, self.measurement_id)


class RemoveMeasurementCommand(ServiceCommand):
    def __init__(self, service: SessionService, session_id: int, measurement_id: int, text: str) -> None:
        super().__init__(service, session_id, text)
        self.measurement_id = measurement_id
        self.indicator_id: int | None = None
        self.values: dict[str, Any] = {}

    def do(self) -> None:
        self.indicator_id, removed = self.service.remove_measurement(self.session_id, self.measurement_id)
        self.values = {
            "value": removed.value,
            "measured_on": removed.measured_on,
            "source": removed.source,
            "note": removed.note,
        }

    def revert(self) -> None:
        assert self.indicator_id is not None
        self.measurement_id = self.service.add_measurement(
            self.session_id, self.indicator_id, **self.values
        ).id


class SetQualityWeightCommand(ServiceCommand):
    def __init__(
        self,
        service: SessionService,
        session_id: int,
        old: Decimal | None,
        new: Decimal | None,
        text: str,
    ) -> None:
        super().__init__(service, session_id, text)
        self.old, self.new = old, new

    def do(self) -> None:
        self.service.set_quality_weight(self.session_id, self.new, {"quality_weight_pct": self.old})

    def revert(self) -> None:
        self.service.set_quality_weight(self.session_id, self.old, {"quality_weight_pct": self.new})

    def rebase(self, conflict: ConflictError) -> None:
        self.old = conflict.theirs  # type: ignore[assignment]


class SetPolicyReasonCommand(ServiceCommand):
    """Why the team does not apply one requirement of its organisation's policy."""

    def __init__(
        self, service: SessionService, session_id: int, criterion_id: str, old: str, new: str, text: str
    ) -> None:
        super().__init__(service, session_id, text)
        self.criterion_id, self.old, self.new = criterion_id, old, new

    def do(self) -> None:
        self.service.set_policy_reason(
            self.session_id, self.criterion_id, self.new, {"policy_reason": self.old}
        )

    def revert(self) -> None:
        self.service.set_policy_reason(
            self.session_id, self.criterion_id, self.old, {"policy_reason": self.new}
        )

    def rebase(self, conflict: ConflictError) -> None:
        self.old = str(conflict.theirs or "")


class SetStatusCommand(ServiceCommand):
    """Finish a session (its profile is frozen) or reopen it as a draft."""

    def __init__(
        self, service: SessionService, session_id: int, old: SessionStatus, new: SessionStatus, text: str
    ) -> None:
        super().__init__(service, session_id, text)
        self.old, self.new = old, new

    def do(self) -> None:
        self.service.set_status(self.session_id, self.new, {"status": self.old})

    def revert(self) -> None:
        self.service.set_status(self.session_id, self.old, {"status": self.new})

    def rebase(self, conflict: ConflictError) -> None:
        self.old = conflict.theirs  # type: ignore[assignment]


class UpdateItemValuesCommand(ServiceCommand):
    """Several fields of one item changed at once (a details dialog); one undo step."""

    def __init__(
        self,
        service: SessionService,
        session_id: int,
        collection: Collection,
        item_id: int,
        old: dict[str, Any],
        new: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(service, session_id, text)
        self.collection, self.item_id, self.old, self.new = collection, item_id, old, new

    def do(self) -> None:
        self.service.update_item(self.session_id, self.collection, self.item_id, self.old, **self.new)

    def revert(self) -> None:
        self.service.update_item(self.session_id, self.collection, self.item_id, self.new, **self.old)

    def rebase(self, conflict: ConflictError) -> None:
        self.old = {**self.old, conflict.field: conflict.theirs}


class SetPriorityValuesCommand(ServiceCommand):
    """Several step-2 fields of one SDG at once (an SDG chosen outside the inventory, with why)."""

    def __init__(
        self,
        service: SessionService,
        session_id: int,
        sdg: int,
        old: dict[str, Any],
        new: dict[str, Any],
        text: str,
    ) -> None:
        super().__init__(service, session_id, text)
        self.sdg, self.old, self.new = sdg, old, new

    def do(self) -> None:
        self.service.set_priority(self.session_id, self.sdg, self.old, **self.new)

    def revert(self) -> None:
        self.service.set_priority(self.session_id, self.sdg, self.new, **self.old)

    def rebase(self, conflict: ConflictError) -> None:
        self.old = {**self.old, conflict.field: conflict.theirs}
