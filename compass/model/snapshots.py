"""Rows to frozen domain snapshots. The only place that knows both the stored and the domain shapes.

The rows are read by attribute only, so the ORM's rows and the command line's quick reader
(``compass.model.quick_snapshot``, which reads with ``sqlite3`` alone) go through the same functions;
the ORM is imported for type checking only."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from compass.core.fact_fields import FACT_FIELDS
from compass.core.profile import OrganisationProfile, profile_from_document
from compass.core.session import (
    AgendaItem,
    Ambition,
    CommunicationItem,
    Criterion,
    Dialogue,
    Indicator,
    InitiativeLink,
    InventoryEntry,
    Measurement,
    Participant,
    ProjectFacts,
    QualityCriterion,
    SdgPriority,
    SessionSnapshot,
    SessionSummary,
    TenderRisk,
    Vote,
)

if TYPE_CHECKING:
    from compass.model.orm import (
        AgendaItemRow,
        AmbitionRow,
        CommunicationRow,
        CriterionRow,
        DialogueRow,
        IndicatorRow,
        InitiativeLinkRow,
        InventoryEntryRow,
        MeasurementRow,
        ParticipantRow,
        QualityCriterionRow,
        SdgPriorityRow,
        SessionRow,
        TenderRiskRow,
        VoteRow,
    )


def as_utc(moment: dt.datetime) -> dt.datetime:
    """Stored timestamps are naive UTC (SQLite keeps no zone); snapshots carry the zone."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def facts_of(row: SessionRow) -> ProjectFacts:
    """Each declared fact from its column of the same name (``compass.core.fact_fields``)."""
    return ProjectFacts(**{field.name: getattr(row, field.name) for field in FACT_FIELDS})


def summary_of(row: SessionRow) -> SessionSummary:
    return SessionSummary(
        id=row.id,
        title=row.title,
        organisation=row.organisation,
        procedure=row.procedure,
        status=row.status,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
    )


def inventory_entry_of(row: InventoryEntryRow) -> InventoryEntry:
    return InventoryEntry(
        id=row.id,
        sdg=row.sdg,
        kind=row.kind,
        source=row.source,
        description=row.description,
        theme=row.theme,
        suggestion_id=row.suggestion_id,
        also_sdgs=tuple(row.also_sdgs or ()),
        dialogue=row.dialogue,
        contributor=row.contributor,
        main=row.main,
    )


def priority_of(row: SdgPriorityRow) -> SdgPriority:
    return SdgPriority(
        sdg=row.sdg,
        selected=row.selected,
        focus_reason=row.focus_reason,
        urgency=row.urgency,
        urgency_note=row.urgency_note,
        votes=row.votes,
    )


def initiative_of(row: InitiativeLinkRow) -> InitiativeLink:
    return InitiativeLink(
        id=row.id,
        sdg=row.sdg,
        name=row.name,
        description=row.description,
        profile_initiative_ref=row.profile_initiative_ref,
    )


def ambition_of(row: AmbitionRow) -> Ambition:
    return Ambition(sdg=row.sdg, level=row.level, note=row.note)


def criterion_of(row: CriterionRow) -> Criterion:
    return Criterion(
        id=row.id,
        sdg=row.sdg,
        criterion_type=row.criterion_type,
        text=row.text,
        weight_pct=row.weight_pct,
        verification=row.verification,
        catalogue_id=row.catalogue_id,
        dialogue=row.dialogue,
        contributor=row.contributor,
    )


def measurement_of(row: MeasurementRow) -> Measurement:
    return Measurement(
        id=row.id, value=row.value, measured_on=row.measured_on, source=row.source, note=row.note
    )


def indicator_of(row: IndicatorRow) -> Indicator:
    return Indicator(
        id=row.id,
        sdg=row.sdg,
        kind=row.kind,
        name=row.name,
        unit=row.unit,
        baseline=row.baseline,
        target=row.target,
        reference=row.reference,
        measurement_moment=row.measurement_moment,
        data_source=row.data_source,
        responsible_role=row.responsible_role,
        kpi=row.kpi,
        assessed=row.assessed,
        evidence=row.evidence,
        catalogue_id=row.catalogue_id,
        measurements=tuple(measurement_of(m) for m in row.measurements),
    )


def communication_item_of(row: CommunicationRow) -> CommunicationItem:
    return CommunicationItem(
        id=row.id,
        stakeholder_role=row.stakeholder_role,
        channel=row.channel,
        moment=row.moment,
        message=row.message,
    )


def quality_criterion_of(row: QualityCriterionRow) -> QualityCriterion:
    return QualityCriterion(
        id=row.id,
        name=row.name,
        weight_pct=row.weight_pct,
        scale=row.scale,
        verification=row.verification,
    )


def tender_risk_of(row: TenderRiskRow) -> TenderRisk:
    return TenderRisk(
        id=row.id,
        category=row.category,
        description=row.description,
        probability=row.probability,
        impact=row.impact,
        measure=row.measure,
        owner=row.owner,
    )


def dialogue_of(row: DialogueRow) -> Dialogue:
    return Dialogue(
        id=row.id,
        number=row.number,
        held_on=row.held_on,
        place=row.place,
        facilitator=row.facilitator,
        notes=row.notes,
        decisions=row.decisions,
        votes_per_participant=row.votes_per_participant,
    )


def participant_of(row: ParticipantRow) -> Participant:
    return Participant(
        id=row.id,
        dialogue=row.dialogue,
        name=row.name,
        organisation=row.organisation,
        role=row.role,
        internal=row.internal,
        named=row.named,
    )


def agenda_item_of(row: AgendaItemRow) -> AgendaItem:
    return AgendaItem(
        id=row.id,
        dialogue=row.dialogue,
        title=row.title,
        question=row.question,
        planned_minutes=row.planned_minutes,
    )


def vote_of(row: VoteRow) -> Vote:
    return Vote(
        id=row.id,
        dialogue=row.dialogue,
        participant_id=row.participant_id,
        target=row.target,
        count=row.count,
    )


def snapshot_of(row: SessionRow) -> SessionSnapshot:
    return SessionSnapshot(
        id=row.id,
        facts=facts_of(row),
        status=row.status,
        quality_weight_pct=row.quality_weight_pct,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
        inventory=tuple(inventory_entry_of(r) for r in row.inventory),
        priorities=tuple(priority_of(r) for r in row.priorities),
        ambitions=tuple(ambition_of(r) for r in row.ambitions),
        criteria=tuple(criterion_of(r) for r in row.criteria),
        indicators=tuple(indicator_of(r) for r in row.indicators),
        communication=tuple(communication_item_of(r) for r in row.communication),
        quality_criteria=tuple(quality_criterion_of(r) for r in row.quality_criteria),
        tender_risks=tuple(tender_risk_of(r) for r in row.tender_risks),
        initiatives=tuple(initiative_of(r) for r in row.initiatives),
        dialogues=tuple(dialogue_of(r) for r in row.dialogues),
        participants=tuple(participant_of(r) for r in row.participants),
        agenda=tuple(agenda_item_of(r) for r in row.agenda),
        votes=tuple(vote_of(r) for r in row.votes),
        profile_id=row.profile_id,
        profile=profile_of(row),
        policy_reasons=tuple(sorted(json.loads(row.policy_reasons or "{}").items())),
    )


def profile_of(row: SessionRow) -> OrganisationProfile | None:
    if row.profile_snapshot is not None:
        return profile_from_document(json.loads(row.profile_snapshot))
    if row.profile is not None:
        return profile_from_document(json.loads(row.profile.document))
    return None
