"""Use cases the UI and the CLI share. One database transaction per call; snapshots out, never ORM rows.

Every change is committed at once (autosave) and then announced once through ``add_listener``, so no
caller can forget to tell the rest of the app. Validation happens here before anything is written: a
rejected change raises ``ValidationError`` and leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from compass.core.codes import TITLE_MAX_LENGTH
from compass.core.errors import ConflictError, ItemNotFoundError, SessionNotFoundError, ValidationError
from compass.core.listing import LIST_PAGE_SIZE, SessionListPage
from compass.core.session import (
    AmbitionLevel,
    Collection,
    CriterionType,
    IndicatorKind,
    Measurement,
    Problem,
    Procedure,
    SdgPriority,
    SessionSnapshot,
    SessionStatus,
    SessionSummary,
)
from compass.formats.session_file import SessionImport
from compass.i18n import N_, _
from compass.method.concurrency import first_conflict, same_value
from compass.method.criteria import (
    criterion_rule_problems,
    quality_criterion_rule_problems,
    quality_weight_problems,
)
from compass.method.derived import with_derived_facts
from compass.method.dialogues import (
    criterion_target,
    validate_agenda_item,
    validate_dialogue,
    validate_participant,
    validate_vote,
    vote_limit_problems,
    votes_come_from_dialogue,
)
from compass.method.field_labels import FACTS, SESSION, field_label
from compass.method.fields import (
    catalogue_kind_problems,
    catalogue_unit_problems,
    indicator_kinds,
    indicator_units,
    validate_ambition_note,
    validate_communication_item,
    validate_criterion,
    validate_fact_changes,
    validate_indicator,
    validate_initiative_link,
    validate_inventory_entry,
    validate_measurement,
    validate_policy_reason,
    validate_priority_changes,
    validate_quality_criterion,
    validate_sdg,
    validate_tender_risk,
    validate_title,
)
from compass.method.text import printable
from compass.model import snapshots
from compass.model.database import Database
from compass.model.orm import (
    AgendaItemRow,
    AmbitionRow,
    Base,
    CommunicationRow,
    CriterionRow,
    DialogueRow,
    IndicatorRow,
    InitiativeLinkRow,
    InventoryEntryRow,
    MeasurementRow,
    ParticipantRow,
    ProfileRow,
    QualityCriterionRow,
    SdgPriorityRow,
    SessionRow,
    TenderRiskRow,
    VoteRow,
    utc_now,
)
from compass.reference.types import ReferenceData
from compass.services.base import ServiceBase


@dataclass(frozen=True)
class _CollectionSpec:
    row_class: type[Any]
    to_snapshot: Callable[[Any], Any]
    validate: Callable[[Mapping[str, Any]], list[Any]]


_COLLECTIONS: dict[Collection, _CollectionSpec] = {
    Collection.INVENTORY: _CollectionSpec(
        InventoryEntryRow, snapshots.inventory_entry_of, validate_inventory_entry
    ),
    Collection.CRITERIA: _CollectionSpec(CriterionRow, snapshots.criterion_of, validate_criterion),
    Collection.INDICATORS: _CollectionSpec(IndicatorRow, snapshots.indicator_of, validate_indicator),
    Collection.COMMUNICATION: _CollectionSpec(
        CommunicationRow, snapshots.communication_item_of, validate_communication_item
    ),
    Collection.QUALITY_CRITERIA: _CollectionSpec(
        QualityCriterionRow, snapshots.quality_criterion_of, validate_quality_criterion
    ),
    Collection.TENDER_RISKS: _CollectionSpec(TenderRiskRow, snapshots.tender_risk_of, validate_tender_risk),
    Collection.INITIATIVES: _CollectionSpec(
        InitiativeLinkRow, snapshots.initiative_of, validate_initiative_link
    ),
    Collection.DIALOGUES: _CollectionSpec(DialogueRow, snapshots.dialogue_of, validate_dialogue),
    Collection.PARTICIPANTS: _CollectionSpec(
        ParticipantRow, snapshots.participant_of, validate_participant
    ),
    Collection.AGENDA: _CollectionSpec(AgendaItemRow, snapshots.agenda_item_of, validate_agenda_item),
    Collection.VOTES: _CollectionSpec(VoteRow, snapshots.vote_of, validate_vote),
}

_PRIORITY_FIELDS = frozenset({"selected", "focus_reason", "urgency", "urgency_note", "votes"})
_NOT_COPIED = frozenset({"id", "session_id", "indicator_id", "created_at", "updated_at", "version"})


def _imported_target(target: str, criteria: Sequence[CriterionRow]) -> str:
    """A vote's choice from a file (a criterion by its position there) as this database names it."""
    kind, _, rest = target.partition(":")
    return criterion_target(criteria[int(rest)].id) if kind == "criterion" else target


class SessionService(ServiceBase):
    def __init__(
        self,
        database: Database,
        reference: ReferenceData,
    ) -> None:
        """The reference data says which procedures allow award criteria and which units each
        catalogue indicator is measured in; the service applies both before writing."""
        super().__init__(database)
        self._procedure_rules = reference.procedure_rules
        self._reference = reference
        self._indicator_units = indicator_units(reference)
        self._indicator_kinds = indicator_kinds(reference)
        # What this desk wrote last, per field: its own newer write is no conflict with its view.
        self._own_writes: dict[tuple[Any, ...], Any] = {}
        # Per session, the newest snapshot this desk built (in a change or a read), while no change
        # of this desk's has made it old.
        self._fresh: dict[int, SessionSnapshot] = {}

    def _changed(self, changed_id: int, fresh: SessionSnapshot | None = None) -> None:
        """``fresh``: the session as the committed change left it, built in its transaction."""
        if fresh is None:
            self._fresh.pop(changed_id, None)
        else:
            self._fresh[changed_id] = fresh
        super()._changed(changed_id)

    def announce(self, changed_id: int) -> None:
        self._fresh.pop(changed_id, None)  # what is stored now is what to show
        super().announce(changed_id)

    def latest_session(self, session_id: int) -> SessionSnapshot:
        """The session as this desk last saw it stored: the snapshot its last change built (a
        project fact: no second read of every row for a one-field edit) or its last read; read
        anew after a change that built none, and after ``announce``."""
        fresh = self._fresh.get(session_id)
        return fresh if fresh is not None else self.get_session(session_id)

    def _snapshot(self, row: SessionRow) -> SessionSnapshot:
        return with_derived_facts(snapshots.snapshot_of(row), self._reference)

    def _indicator_rules(self, values: Mapping[str, Any]) -> None:
        problems = catalogue_unit_problems(values, self._indicator_units)
        problems += catalogue_kind_problems(values, self._indicator_kinds)
        if problems:
            raise ValidationError(problems)

    def _award_weights(
        self, db: Session, session_id: int, exclude: tuple[Collection, int] | None = None
    ) -> list[Decimal]:
        """The weights of every quality award criterion of the session, SDG or not, but the one
        being changed: together they fit in the quality weight."""
        skip_criterion = exclude[1] if exclude and exclude[0] is Collection.CRITERIA else -1
        skip_quality = exclude[1] if exclude and exclude[0] is Collection.QUALITY_CRITERIA else -1
        sdg_weights = db.scalars(
            select(CriterionRow.weight_pct).where(
                CriterionRow.session_id == session_id,
                CriterionRow.criterion_type == CriterionType.AWARD_CRITERION,
                CriterionRow.id != skip_criterion,
            )
        )
        other_weights = db.scalars(
            select(QualityCriterionRow.weight_pct).where(
                QualityCriterionRow.session_id == session_id, QualityCriterionRow.id != skip_quality
            )
        )
        return [w for w in (*sdg_weights, *other_weights) if w]

    def _criterion_rules(
        self, db: Session, session: SessionRow, values: dict[str, Any], exclude_id: int | None = None
    ) -> None:
        others = self._award_weights(
            db, session.id, None if exclude_id is None else (Collection.CRITERIA, exclude_id)
        )
        problems = criterion_rule_problems(
            values, self._procedure_rules(session.procedure), session.quality_weight_pct, others
        )
        if problems:
            raise ValidationError(problems)

    def _quality_criterion_rules(
        self, db: Session, session: SessionRow, values: Mapping[str, Any], exclude_id: int | None = None
    ) -> None:
        others = self._award_weights(
            db, session.id, None if exclude_id is None else (Collection.QUALITY_CRITERIA, exclude_id)
        )
        problems = quality_criterion_rule_problems(
            values, self._procedure_rules(session.procedure), session.quality_weight_pct, others
        )
        if problems:
            raise ValidationError(problems)

    def _dialogue_rules(
        self,
        db: Session,
        session: SessionRow,
        collection: Collection,
        values: Mapping[str, Any],
        item_id: int | None = None,
    ) -> None:
        """What needs the session's other rows: one dialogue 1 and one dialogue 2 per session; a
        vote by a participant of that dialogue, within the dots the dialogue gives."""
        if collection is Collection.DIALOGUES:
            taken = db.scalar(
                select(DialogueRow.id).where(
                    DialogueRow.session_id == session.id,
                    DialogueRow.number == values["number"],
                    DialogueRow.id != (item_id or 0),
                )
            )
            if taken is not None:
                raise ValidationError(
                    [
                        Problem(
                            "dialogue_exists",
                            "number",
                            N_("This session already records dialogue {number}."),
                            number=values["number"],
                        )
                    ]
                )
            used: dict[int, int] = {}
            for vote in db.scalars(
                select(VoteRow).where(
                    VoteRow.session_id == session.id, VoteRow.dialogue == values["number"]
                )
            ):
                used[vote.participant_id] = used.get(vote.participant_id, 0) + vote.count
            most = max(used.values(), default=0)
            if most > values.get("votes_per_participant", 3):
                raise ValidationError(
                    [
                        Problem(
                            "votes_already_cast",
                            "votes_per_participant",
                            N_("A participant has already cast {count} dots; take some off first."),
                            count=most,
                        )
                    ]
                )
        if collection is not Collection.VOTES:
            return
        participant = db.get(ParticipantRow, values["participant_id"])
        if participant is None or participant.session_id != session.id:
            raise ItemNotFoundError(_("The participant no longer exists; they may have been removed."))
        if participant.dialogue != values["dialogue"]:
            raise ValidationError([Problem("vote_participant", "participant_id", N_("Choose who votes."))])
        dialogue = db.scalar(
            select(DialogueRow).where(
                DialogueRow.session_id == session.id, DialogueRow.number == values["dialogue"]
            )
        )
        limit = dialogue.votes_per_participant if dialogue is not None else 3
        others = [
            snapshots.vote_of(row)
            for row in db.scalars(select(VoteRow).where(VoteRow.session_id == session.id))
            if row.id != item_id
        ]
        problems = vote_limit_problems(
            others, values["participant_id"], values["target"], values["count"], limit
        )
        if problems:
            raise ValidationError(problems)

    def _session_row(self, db: Session, session_id: int, *, full: bool = False) -> SessionRow:
        query = select(SessionRow).where(SessionRow.id == session_id)
        if full:
            query = query.options(
                selectinload(SessionRow.inventory),
                selectinload(SessionRow.priorities),
                selectinload(SessionRow.initiatives),
                selectinload(SessionRow.ambitions),
                selectinload(SessionRow.criteria),
                selectinload(SessionRow.indicators).selectinload(IndicatorRow.measurements),
                selectinload(SessionRow.communication),
                selectinload(SessionRow.quality_criteria),
                selectinload(SessionRow.tender_risks),
                selectinload(SessionRow.dialogues),
                selectinload(SessionRow.participants),
                selectinload(SessionRow.agenda),
                selectinload(SessionRow.votes),
                selectinload(SessionRow.profile),
            )
        row = db.scalars(query).one_or_none()
        if row is None:
            raise SessionNotFoundError(
                _("There is no session with id {id}.").format(id=session_id), session_id
            )
        return row

    @staticmethod
    def _touch(row: SessionRow) -> None:
        row.updated_at = utc_now()

    # -- sessions ---------------------------------------------------------------------------------

    def list_sessions(
        self, search: str = "", *, offset: int = 0, limit: int | None = None
    ) -> list[SessionSummary]:
        """Newest first; ``search`` matches anywhere in the title, ignoring case. ``offset`` and
        ``limit`` page through a long list."""
        query = _matching(select(SessionRow), search)
        query = query.order_by(SessionRow.updated_at.desc(), SessionRow.id.desc()).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._transaction() as db:
            return [snapshots.summary_of(row) for row in db.scalars(query)]

    def list_page(self, search: str = "", limit: int = LIST_PAGE_SIZE) -> SessionListPage:
        """The first ``limit`` sessions matching ``search`` and how many match in all."""
        count = _matching(select(func.count()).select_from(SessionRow), search)
        with self._transaction() as db:
            total = db.scalar(count) or 0
        return SessionListPage(tuple(self.list_sessions(search, limit=limit)), total)

    def create_session(
        self,
        title: str,
        procedure: Procedure | None = None,
        *,
        profile_id: int | None = None,
        **facts: Any,
    ) -> SessionSnapshot:
        problems = validate_fact_changes({"title": title, "procedure": procedure, **facts})
        if problems:
            raise ValidationError(problems)
        with self._transaction(write=True) as db:
            if profile_id is not None and db.get(ProfileRow, profile_id) is None:
                raise ValidationError(
                    [
                        Problem(
                            "unknown_profile",
                            "profile",
                            N_("There is no organisation profile with id {id}."),
                            id=profile_id,
                        )
                    ]
                )
            row = SessionRow(title=title.strip(), procedure=procedure, profile_id=profile_id, **facts)
            db.add(row)
            db.flush()
            snapshot = self._snapshot(row)
        self._changed(snapshot.id, snapshot)
        return snapshot

    def import_session(self, imported: SessionImport) -> SessionSnapshot:
        """A complete new session from a checked exchange file, in one transaction."""
        with self._transaction(write=True) as db:
            row = SessionRow(
                **imported.facts,
                status=imported.status,
                quality_weight_pct=imported.quality_weight_pct,
                profile_snapshot=imported.profile_document,
                policy_reasons=json.dumps(imported.policy_reasons, ensure_ascii=False, sort_keys=True),
            )
            row.inventory.extend(
                InventoryEntryRow(position=n, **values)
                for n, values in enumerate(imported.inventory, start=1)
            )
            row.priorities.extend(SdgPriorityRow(**values) for values in imported.priorities)
            row.initiatives.extend(InitiativeLinkRow(**values) for values in imported.initiatives)
            row.ambitions.extend(AmbitionRow(**values) for values in imported.ambitions)
            row.criteria.extend(
                CriterionRow(position=n, **values) for n, values in enumerate(imported.criteria, start=1)
            )
            for n, values in enumerate(imported.indicators, start=1):
                measurements = values.pop("measurements")
                indicator = IndicatorRow(position=n, **values)
                indicator.measurements.extend(MeasurementRow(**m) for m in measurements)
                row.indicators.append(indicator)
            row.communication.extend(
                CommunicationRow(position=n, **values)
                for n, values in enumerate(imported.communication, start=1)
            )
            row.quality_criteria.extend(
                QualityCriterionRow(position=n, **values)
                for n, values in enumerate(imported.quality_criteria, start=1)
            )
            row.tender_risks.extend(
                TenderRiskRow(position=n, **values)
                for n, values in enumerate(imported.tender_risks, start=1)
            )
            row.dialogues.extend(DialogueRow(**values) for values in imported.dialogues)
            participants = [
                ParticipantRow(position=n, **values)
                for n, values in enumerate(imported.participants, start=1)
            ]
            row.participants.extend(participants)
            row.agenda.extend(
                AgendaItemRow(position=n, **values) for n, values in enumerate(imported.agenda, start=1)
            )
            db.add(row)
            db.flush()  # the new participants and criteria get the ids the votes point at
            row.votes.extend(
                VoteRow(
                    dialogue=vote["dialogue"],
                    participant_id=participants[vote["participant"]].id,
                    target=_imported_target(vote["target"], row.criteria),
                    count=vote["count"],
                )
                for vote in imported.votes
            )
            db.flush()
            snapshot = self._snapshot(row)
        self._changed(snapshot.id, snapshot)
        return snapshot

    def get_session(self, session_id: int) -> SessionSnapshot:
        with self._transaction() as db:
            snapshot = self._snapshot(self._session_row(db, session_id, full=True))
        self._fresh[session_id] = snapshot
        return snapshot

    def session_exists(self, session_id: int) -> bool:
        with self._transaction() as db:
            return db.get(SessionRow, session_id) is not None

    def update_facts(
        self, session_id: int, expected: Mapping[str, Any] | None = None, **changes: Any
    ) -> SessionSnapshot:
        """Change some project facts; all are validated first, none is saved if one is wrong.
        ``expected``: the values the change was based on; if another desk has changed one of those
        fields since, nothing is saved and ``ConflictError`` says what is stored now."""
        problems = validate_fact_changes(changes)
        if problems:
            raise ValidationError(problems)
        if "title" in changes:
            changes["title"] = changes["title"].strip()
        with self._transaction(write=True) as db:
            self._lock_for_update(db, SessionRow, session_id)
            row = self._session_row(db, session_id, full=True)
            stored = {name: getattr(row, name) for name in expected or {}}
            self._check_and_remember((FACTS, session_id), stored, expected, changes)
            for name, value in changes.items():
                setattr(row, name, value)
            self._touch(row)
            db.flush()
            snapshot = self._snapshot(row)
        self._changed(session_id, snapshot)
        return snapshot

    def rename_session(self, session_id: int, title: str, based_on: str | None = None) -> SessionSnapshot:
        """``based_on``: the title this desk saw; a title another desk has set since is kept."""
        problems = validate_title(title)
        if problems:
            raise ValidationError(problems)
        expected = {"title": based_on} if based_on is not None else None
        return self.update_facts(session_id, expected, title=title)

    def _refuse_conflict_unless_own(
        self,
        where: tuple[Any, ...],
        stored: Mapping[str, Any],
        expected: Mapping[str, Any],
        changes: Mapping[str, Any],
    ) -> None:
        """A field stored differently from what the change was based on is a conflict, unless what
        is stored is this desk's own latest write of it (its view just had not caught up yet:
        Up, Up in a date field saves twice before the page reloads)."""
        others = {
            field: value
            for field, value in expected.items()
            if not (
                (where, field) in self._own_writes
                and field in stored
                and same_value(stored[field], self._own_writes[(where, field)])
            )
        }
        self._refuse_conflict(str(where[0]), stored, others, changes)

    def _remember_own(self, where: tuple[Any, ...], changes: Mapping[str, Any]) -> None:
        for field, value in changes.items():
            self._own_writes[(where, field)] = value

    @staticmethod
    def _refuse_conflict(
        place: str, stored: Mapping[str, Any], expected: Mapping[str, Any], changes: Mapping[str, Any]
    ) -> None:
        field = first_conflict(stored, expected)
        if field is not None:
            raise ConflictError(field, stored[field], changes.get(field), what=field_label(place, field))

    def _check_and_remember(
        self,
        where: tuple[Any, ...],
        stored: Mapping[str, Any],
        expected: Mapping[str, Any] | None,
        changes: Mapping[str, Any],
    ) -> None:
        """The one conflict rule of every write: refused when a field it was based on has changed
        since (unless to this desk's own latest value), else remembered as this desk's write."""
        if expected:
            self._refuse_conflict_unless_own(where, stored, expected, changes)
        self._remember_own(where, changes)

    def _session_for_write(self, db: Session, session_id: int) -> SessionRow:
        """The session row, locked on PostgreSQL until the write commits: every write to a session
        changes its row (``updated_at``), so taking that lock first makes two desks' writes to one
        session follow each other. A value read and rewritten (a reason among others, the next
        position in a list) is then read after the other desk's write, never beside it."""
        self._lock_for_update(db, SessionRow, session_id)
        return self._session_row(db, session_id)

    @staticmethod
    def _lock_for_update(db: Session, row_class: Any, row_id: int) -> None:
        """On PostgreSQL the row is locked until the transaction ends, so the value compared is the
        value replaced (SQLite holds the whole database's write lock already)."""
        if db.get_bind().dialect.name == "postgresql":
            db.execute(select(row_class.id).where(row_class.id == row_id).with_for_update())

    def set_status(
        self, session_id: int, status: SessionStatus, expected: Mapping[str, Any] | None = None
    ) -> None:
        """Finishing a session freezes the profile it was decided against; reopening it follows the
        live profile again (a deleted profile's frozen copy stays, it is the only one left).
        ``expected``: ``{"status": ...}`` as this desk showed it (see ``update_facts``)."""
        with self._transaction(write=True) as db:
            row = self._session_for_write(db, session_id)
            self._check_and_remember(
                (SESSION, session_id), {"status": row.status}, expected, {"status": status}
            )
            row.status = status
            if status is SessionStatus.FINAL and row.profile_snapshot is None and row.profile:
                row.profile_snapshot = row.profile.document
            elif status is SessionStatus.DRAFT and row.profile is not None:
                row.profile_snapshot = None
            self._touch(row)
        self._changed(session_id)

    def set_policy_reason(
        self, session_id: int, criterion_id: str, reason: str, expected: Mapping[str, Any] | None = None
    ) -> None:
        """Why the team does not apply one requirement of its organisation's policy ("" clears it).
        ``expected``: ``{"policy_reason": ...}``, this requirement's reason as this desk showed it.
        The reasons of all requirements are one stored text: the session row's lock keeps two
        desks' reasons for different requirements from overwriting each other."""
        problems = validate_policy_reason(criterion_id, reason)
        if problems:
            raise ValidationError(problems)
        with self._transaction(write=True) as db:
            row = self._session_for_write(db, session_id)
            reasons = json.loads(row.policy_reasons or "{}")
            self._check_and_remember(
                (SESSION, session_id, criterion_id),
                {"policy_reason": reasons.get(criterion_id, "")},
                expected,
                {"policy_reason": reason.strip()},
            )
            if reason.strip():
                reasons[criterion_id] = reason.strip()
            else:
                reasons.pop(criterion_id, None)
            row.policy_reasons = json.dumps(reasons, ensure_ascii=False, sort_keys=True)
            self._touch(row)
        self._changed(session_id)

    def set_quality_weight(
        self, session_id: int, weight_pct: Decimal | None, expected: Mapping[str, Any] | None = None
    ) -> None:
        """The share of the award decision that quality gets (None: not decided yet); the award
        criteria must fit in it. ``expected``: ``{"quality_weight_pct": ...}`` as shown."""
        with self._transaction(write=True) as db:
            row = self._session_for_write(db, session_id)
            self._check_and_remember(
                (SESSION, session_id),
                {"quality_weight_pct": row.quality_weight_pct},
                expected,
                {"quality_weight_pct": weight_pct},
            )
            used = sum(self._award_weights(db, session_id), Decimal(0))
            problems = quality_weight_problems(weight_pct, used)
            if problems:
                raise ValidationError(problems)
            row.quality_weight_pct = None if weight_pct is None else Decimal(weight_pct)
            self._touch(row)
        self._changed(session_id)

    def set_profile(
        self, session_id: int, profile_id: int | None, expected: Mapping[str, Any] | None = None
    ) -> None:
        """Decide the session against another profile (or none); a finished session keeps its own.
        ``expected``: ``{"profile_id": ...}`` as this desk showed it."""
        with self._transaction(write=True) as db:
            row = self._session_for_write(db, session_id)
            self._check_and_remember(
                (SESSION, session_id), {"profile_id": row.profile_id}, expected, {"profile_id": profile_id}
            )
            if row.status is SessionStatus.FINAL:
                raise ValidationError(
                    [
                        Problem(
                            "finished",
                            "profile",
                            N_(
                                "A finished session keeps the profile it was decided against; "
                                "duplicate it to use another profile."
                            ),
                        )
                    ]
                )
            if profile_id is not None and db.get(ProfileRow, profile_id) is None:
                raise ValidationError(
                    [
                        Problem(
                            "unknown_profile",
                            "profile",
                            N_("There is no organisation profile with id {id}."),
                            id=profile_id,
                        )
                    ]
                )
            row.profile_id = profile_id
            row.profile_snapshot = None
            self._touch(row)
        self._changed(session_id)

    def duplicate_session(self, session_id: int, title: str | None = None) -> SessionSnapshot:
        """A deep copy of the session and all its step data, as a new draft."""
        if title is not None and (problems := validate_title(title)):
            raise ValidationError(problems)
        with self._transaction(write=True) as db:
            source = self._session_row(db, session_id, full=True)
            if title is None:  # a row stored by an older version may hold what is refused now
                derived = _("Copy of {title}").format(title=source.title)
                copy_title = printable(derived, multiline=False)[:TITLE_MAX_LENGTH].strip()
            else:
                copy_title = title.strip()
            copy = _copy_row(source)
            copy.title = copy_title
            copy.status = SessionStatus.DRAFT
            for relation in (
                "inventory",
                "priorities",
                "initiatives",
                "ambitions",
                "communication",
                "quality_criteria",
                "tender_risks",
                "dialogues",
                "agenda",
            ):
                getattr(copy, relation).extend(_copy_row(child) for child in getattr(source, relation))
            criteria = {row.id: _copy_row(row) for row in source.criteria}
            copy.criteria.extend(criteria.values())
            participants = {row.id: _copy_row(row) for row in source.participants}
            copy.participants.extend(participants.values())
            for indicator in source.indicators:
                indicator_copy = _copy_row(indicator)
                indicator_copy.measurements.extend(_copy_row(m) for m in indicator.measurements)
                copy.indicators.append(indicator_copy)
            db.add(copy)
            db.flush()
            # The room's dots go with the copy: to its own participants and its own criteria.
            for vote in source.votes:
                kind, _sep, old_id = vote.target.partition(":")
                target = vote.target
                if kind == "criterion":
                    if not old_id.isdigit() or int(old_id) not in criteria:
                        continue
                    target = f"criterion:{criteria[int(old_id)].id}"
                copy.votes.append(
                    VoteRow(
                        dialogue=vote.dialogue,
                        participant_id=participants[vote.participant_id].id,
                        target=target,
                        count=vote.count,
                    )
                )
            db.flush()
            snapshot = self._snapshot(copy)
        self._changed(snapshot.id, snapshot)
        return snapshot

    def delete_session(self, session_id: int) -> None:
        with self._transaction(write=True) as db:
            db.delete(self._session_row(db, session_id, full=True))
        self._changed(session_id)

    # -- items of the five steps --------------------------------------------------------------------

    def add_item(self, session_id: int, collection: Collection, **values: Any) -> Any:
        """Add an item to one of the session's lists; returns its snapshot (with its new id)."""
        spec = _COLLECTIONS[collection]
        problems = spec.validate(values)
        if problems:
            raise ValidationError(problems)
        with self._transaction(write=True) as db:
            session = self._session_for_write(db, session_id)  # the next position, one desk at a time
            if collection is Collection.CRITERIA:
                self._criterion_rules(db, session, values)
            if collection is Collection.QUALITY_CRITERIA:
                self._quality_criterion_rules(db, session, values)
            if collection is Collection.INDICATORS:
                self._indicator_rules(values)
            self._dialogue_rules(db, session, collection, values)
            if "position" not in values and hasattr(spec.row_class, "position"):
                values["position"] = (
                    db.scalar(
                        select(func.max(spec.row_class.position)).where(
                            spec.row_class.session_id == session_id
                        )
                    )
                    or 0
                ) + 1
            row = spec.row_class(session_id=session_id, **values)
            db.add(row)
            self._touch(session)
            db.flush()
            db.refresh(row)
            item = spec.to_snapshot(row)
        self._changed(session_id)
        return item

    def update_item(
        self,
        session_id: int,
        collection: Collection,
        item_id: int,
        expected: Mapping[str, Any] | None = None,
        **changes: Any,
    ) -> Any:
        """Change fields of one item. ``expected``: the values the change was based on; if another
        desk has changed one of those fields since, nothing is saved (``ConflictError``); changes to
        the item's other fields, or to other items, go through."""
        spec = _COLLECTIONS[collection]
        with self._transaction(write=True) as db:
            self._lock_for_update(db, spec.row_class, item_id)
            row = self._item_row(db, spec, session_id, item_id)
            current = {
                name: getattr(row, name)
                for name in spec.to_snapshot(row).__dataclass_fields__
                if hasattr(row, name) and name != "measurements"
            }
            self._check_and_remember((collection, item_id), current, expected, changes)
            problems = spec.validate({**current, **changes})
            if problems:
                raise ValidationError(problems)
            if collection is Collection.CRITERIA:
                self._criterion_rules(
                    db, self._session_row(db, session_id), {**current, **changes}, exclude_id=item_id
                )
            if collection is Collection.QUALITY_CRITERIA:
                self._quality_criterion_rules(
                    db, self._session_row(db, session_id), {**current, **changes}, exclude_id=item_id
                )
            if collection is Collection.INDICATORS:
                self._indicator_rules({**current, **changes})
            self._dialogue_rules(
                db, self._session_row(db, session_id), collection, {**current, **changes}, item_id
            )
            for name, value in changes.items():
                setattr(row, name, value)
            self._touch(self._session_row(db, session_id))
            db.flush()
            item = spec.to_snapshot(row)
        self._changed(session_id)
        return item

    def add_measurement(
        self,
        session_id: int,
        indicator_id: int,
        *,
        value: Decimal | None,
        measured_on: dt.date,
        source: str = "",
        note: str = "",
    ) -> Measurement:
        """A realised value of an indicator, recorded after the contract was awarded: a number, or for
        a qualitative indicator the assessment in ``note`` and no number."""
        with self._transaction(write=True) as db:
            indicator = self._item_row(db, _COLLECTIONS[Collection.INDICATORS], session_id, indicator_id)
            problems = validate_measurement(
                value, measured_on, source, note, quantitative=indicator.kind is IndicatorKind.QUANTITATIVE
            )
            if problems:
                raise ValidationError(problems)
            row = MeasurementRow(
                indicator_id=indicator_id,
                value=value,
                measured_on=measured_on,
                source=source.strip(),
                note=note.strip(),
            )
            db.add(row)
            self._touch(self._session_row(db, session_id))
            db.flush()
            measurement = snapshots.measurement_of(row)
        self._changed(session_id)
        return measurement

    def remove_measurement(self, session_id: int, measurement_id: int) -> tuple[int, Measurement]:
        """Remove a realised value; returns its indicator id and the value, so undo can restore it."""
        with self._transaction(write=True) as db:
            row = db.get(MeasurementRow, measurement_id)
            if row is None or row.indicator.session_id != session_id:
                self._session_row(db, session_id)
                raise ItemNotFoundError(_("The item no longer exists; it may have been removed."))
            removed = (row.indicator_id, snapshots.measurement_of(row))
            db.delete(row)
            self._touch(self._session_row(db, session_id))
        self._changed(session_id)
        return removed

    def item_position(self, session_id: int, collection: Collection, item_id: int) -> int | None:
        """Where an item stands in its list, so an undone removal puts it back in its place."""
        spec = _COLLECTIONS[collection]
        with self._transaction() as db:
            row = self._item_row(db, spec, session_id, item_id)
            return getattr(row, "position", None)

    def remove_item(self, session_id: int, collection: Collection, item_id: int) -> Any:
        """Remove an item; returns what was removed so an undo can add it back."""
        spec = _COLLECTIONS[collection]
        with self._transaction(write=True) as db:
            row = self._item_row(db, spec, session_id, item_id)
            item = spec.to_snapshot(row)
            db.delete(row)
            self._touch(self._session_row(db, session_id))
        self._changed(session_id)
        return item

    def move_item(self, session_id: int, collection: Collection, item_id: int, step: int) -> bool:
        """Move an item one place up (``step`` -1) or down (+1) among its neighbours (of the same
        dialogue, for the room's lists); False when it is already first or last, which changes nothing.
        Moving it back is the undo."""
        if step not in (-1, 1):
            raise ValueError("an item moves one place at a time")
        spec = _COLLECTIONS[collection]
        with self._transaction(write=True) as db:
            session = self._session_for_write(db, session_id)
            row = self._item_row(db, spec, session_id, item_id)
            query = select(spec.row_class).where(spec.row_class.session_id == session_id)
            if hasattr(spec.row_class, "dialogue") and collection is not Collection.DIALOGUES:
                column = spec.row_class.dialogue
                query = query.where(column.is_(None) if row.dialogue is None else column == row.dialogue)
            rows = list(db.scalars(query.order_by(spec.row_class.position, spec.row_class.id)))
            index = rows.index(row)
            if not 0 <= index + step < len(rows):
                return False
            rows[index], rows[index + step] = rows[index + step], rows[index]
            for position, sibling in enumerate(rows, start=1):
                sibling.position = position
            self._touch(session)
        self._changed(session_id)
        return True

    def _item_row(self, db: Session, spec: _CollectionSpec, session_id: int, item_id: int) -> Any:
        row = db.get(spec.row_class, item_id)
        if row is None or row.session_id != session_id:
            self._session_row(db, session_id)  # an unknown session is the clearer error
            raise ItemNotFoundError(_("The item no longer exists; it may have been removed."))
        return row

    def set_votes(
        self,
        session_id: int,
        dialogue: int,
        participant_id: int,
        target: str,
        count: int,
        expected: Mapping[str, Any] | None = None,
    ) -> int:
        """The dots one participant puts on one choice (0 takes them off); returns the count it
        had, so an undo can put it back. Never more dots than the dialogue gives a participant.
        ``expected``: ``{"count": ...}``, the dots this desk showed on that choice."""
        with self._transaction(write=True) as db:
            session = self._session_for_write(db, session_id)
            row = db.scalars(
                select(VoteRow).where(
                    VoteRow.session_id == session_id,
                    VoteRow.participant_id == participant_id,
                    VoteRow.target == target,
                )
            ).one_or_none()
            before = row.count if row is not None else 0
            self._check_and_remember(
                (Collection.VOTES, session_id, participant_id, target),
                {"count": before},
                expected,
                {"count": count},
            )
            values = {"dialogue": dialogue, "participant_id": participant_id, "target": target}
            if count == 0:
                problems = validate_vote({**values, "count": 1})
            else:
                problems = validate_vote({**values, "count": count})
            if problems:
                raise ValidationError(problems)
            self._dialogue_rules(
                db, session, Collection.VOTES, {**values, "count": count}, row.id if row else None
            )
            if count == 0:
                if row is not None:
                    db.delete(row)
            elif row is None:
                db.add(VoteRow(session_id=session_id, count=count, **values))
            else:
                row.count = count
            self._touch(session)
        self._changed(session_id)
        return before

    def set_priority(
        self, session_id: int, sdg: int, expected: Mapping[str, Any] | None = None, **changes: Any
    ) -> None:
        """Record how one SDG weighs in step 2 (creates the record on first use). ``expected``: the
        values of the changed fields as this desk showed them (an SDG without a record shows the
        defaults)."""
        unknown = set(changes) - _PRIORITY_FIELDS
        if unknown:
            raise KeyError(f"unknown priority fields: {sorted(unknown)}")
        problems = validate_sdg(sdg) + validate_priority_changes(changes)
        if problems:
            raise ValidationError(problems)
        with self._transaction(write=True) as db:
            # locked first: two desks giving one SDG its first record would otherwise both insert it
            session = self._session_for_write(db, session_id)
            if "votes" in changes and votes_come_from_dialogue(self._snapshot(session)):
                raise ValidationError(
                    [
                        Problem(
                            "votes_from_dialogue",
                            "votes",
                            N_("The votes come from SDG dialogue 1; correct them there."),
                        )
                    ]
                )
            row = db.scalars(
                select(SdgPriorityRow).where(
                    SdgPriorityRow.session_id == session_id, SdgPriorityRow.sdg == sdg
                )
            ).one_or_none()
            shown = row if row is not None else SdgPriority(sdg)
            stored = {name: getattr(shown, name) for name in expected or {}}
            self._check_and_remember(("priorities", session_id, sdg), stored, expected, changes)
            if row is None:
                row = SdgPriorityRow(session_id=session_id, sdg=sdg)
                db.add(row)
            for name, value in changes.items():
                setattr(row, name, value)
            self._touch(session)
        self._changed(session_id)

    def set_ambition(
        self,
        session_id: int,
        sdg: int,
        level: AmbitionLevel | None,
        note: str = "",
        expected: Mapping[str, Any] | None = None,
    ) -> None:
        """Set (or with ``level=None`` clear) the ambition level of one priority SDG in step 3, with
        the team's reason for that level (``note``). ``expected``: ``{"level": ..., "note": ...}`` as
        this desk showed them (None and "" for an SDG without a level)."""
        problems = validate_sdg(sdg) + validate_ambition_note(note)
        if problems:
            raise ValidationError(problems)
        with self._transaction(write=True) as db:
            session = self._session_for_write(db, session_id)
            row = db.scalars(
                select(AmbitionRow).where(AmbitionRow.session_id == session_id, AmbitionRow.sdg == sdg)
            ).one_or_none()
            stored = {"level": row.level if row else None, "note": row.note if row else ""}
            self._check_and_remember(
                ("ambitions", session_id, sdg), stored, expected, {"level": level, "note": note}
            )
            if level is None:
                if row is not None:
                    db.delete(row)
            elif row is None:
                db.add(AmbitionRow(session_id=session_id, sdg=sdg, level=level, note=note))
            else:
                row.level = level
                row.note = note
            self._touch(session)
        self._changed(session_id)


def _matching(query: Select[Any], search: str) -> Select[Any]:
    """Sessions whose title contains ``search`` literally (``%`` and ``_`` are plain characters)."""
    needle = search.strip()
    if not needle:
        return query
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return query.where(func.lower(SessionRow.title).like(f"%{escaped.lower()}%", escape="\\"))


def _copy_row(row: Base) -> Any:
    """A new, unsaved row with the same column values, minus identity and bookkeeping columns."""
    table = row.__table__
    values = {c.key: getattr(row, c.key) for c in table.columns if c.key not in _NOT_COPIED}
    return type(row)(**values)
