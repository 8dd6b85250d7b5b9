"""Undoable edits of the SDG dialogues: one participant's dots, a participant removed with their
dots, two ideas merged. Built on the shared ``ServiceCommand``; the rules are the services'."""

from __future__ import annotations

from typing import Any

from compass.core.errors import ConflictError
from compass.core.session import Collection
from compass.method.merge_ideas import merged_changes
from compass.services import SessionService
from compass.ui.commands import RemoveItemCommand, ServiceCommand


class SetVotesCommand(ServiceCommand):
    """One participant's dots on one choice in an SDG dialogue; undo puts back the count it had."""

    def __init__(
        self,
        service: SessionService,
        session_id: int,
        dialogue: int,
        participant_id: int,
        target: str,
        count: int,
        text: str,
        shown: int | None = None,
    ) -> None:
        """``shown``: the dots this desk showed on the choice, so another desk's dots in the
        meantime are asked about, not overwritten (None: no view to compare, as in a script)."""
        super().__init__(service, session_id, text)
        self.dialogue, self.participant_id, self.target, self.count = (
            dialogue,
            participant_id,
            target,
            count,
        )
        self.shown = shown
        self.before = 0 if shown is None else shown

    def do(self) -> None:
        expected = None if self.shown is None else {"count": self.shown}
        self.before = self.service.set_votes(
            self.session_id, self.dialogue, self.participant_id, self.target, self.count, expected
        )
        self.shown = self.before

    def revert(self) -> None:
        self.service.set_votes(
            self.session_id,
            self.dialogue,
            self.participant_id,
            self.target,
            self.before,
            {"count": self.count},
        )

    def rebase(self, conflict: ConflictError) -> None:
        self.shown = conflict.theirs  # type: ignore[assignment]

    def rebase_undo(self, conflict: ConflictError) -> None:
        self.count = conflict.theirs  # type: ignore[assignment]


class RemoveParticipantCommand(ServiceCommand):
    """Removes a dialogue participant and, with them, their dots; undo brings both back."""

    def __init__(self, service: SessionService, session_id: int, participant_id: int, text: str) -> None:
        super().__init__(service, session_id, text)
        self.participant_id = participant_id
        self.removal = RemoveItemCommand(service, session_id, Collection.PARTICIPANTS, participant_id, text)
        self.votes: list[tuple[int, str, int]] = []

    def do(self) -> None:
        snapshot = self.service.get_session(self.session_id)
        self.votes = [
            (v.dialogue, v.target, v.count)
            for v in snapshot.votes
            if v.participant_id == self.participant_id
        ]
        self.removal.item_id = self.participant_id
        self.removal.do()

    def revert(self) -> None:
        self.removal.revert()
        assert self.removal.item_id is not None
        self.participant_id = self.removal.item_id
        for dialogue, target, count in self.votes:
            self.service.set_votes(self.session_id, dialogue, self.participant_id, target, count)


class MergeIdeasCommand(ServiceCommand):
    """Two ideas from the room that say the same: the second is removed, its words and its contributor
    kept with the first. Undo restores both as they were."""

    def __init__(
        self,
        service: SessionService,
        session_id: int,
        collection: Collection,
        keep_id: int,
        merged_id: int,
        text: str,
    ) -> None:
        super().__init__(service, session_id, text)
        self.collection, self.keep_id = collection, keep_id
        self.removal = RemoveItemCommand(service, session_id, collection, merged_id, text)
        self.kept_before: dict[str, Any] = {}
        self.merged: dict[str, Any] = {}

    def do(self) -> None:
        snapshot = self.service.get_session(self.session_id)
        items = {item.id: item for item in getattr(snapshot, self.collection.value)}
        kept, merged = items[self.keep_id], items[self.removal.item_id]
        changes = merged_changes(kept, merged)
        self.kept_before = {name: getattr(kept, name) for name in changes}
        # The kept idea first: if the words together are too long, nothing has changed yet.
        if changes:
            self.service.update_item(
                self.session_id, self.collection, self.keep_id, self.kept_before, **changes
            )
        self.merged = changes
        self.removal.do()

    def revert(self) -> None:
        # The kept idea first: if another desk changed it meanwhile, nothing has changed yet.
        if self.merged:
            self.service.update_item(
                self.session_id, self.collection, self.keep_id, self.merged, **self.kept_before
            )
        self.removal.revert()

    def rebase_undo(self, conflict: ConflictError) -> None:
        self.merged = {**self.merged, conflict.field: conflict.theirs}
