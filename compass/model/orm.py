"""SQLAlchemy models of a compass session and everything its five steps record.

Every child row belongs to one session and is deleted with it (``ON DELETE CASCADE`` and ORM cascade),
so deleting or duplicating a session is always complete. Every list is ordered in full, ties by id:
PostgreSQL returns rows of equal position (or realised values of one day) in any order, where SQLite
happens to keep the order of adding. Two desks editing one session conflict per field, not per
session: the services compare the value a change was based on with the stored one (issue 15), so
``SessionRow.version`` is no longer SQLAlchemy's optimistic-lock counter.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from compass.core.session import (
    AmbitionLevel,
    Channel,
    CommunicationMoment,
    ContractKind,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    MeasurementMoment,
    PriceFormula,
    Procedure,
    ScoringMethod,
    SessionStatus,
    TenderRiskCategory,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class ExactDecimal(TypeDecorator[Decimal]):
    """Decimals stored as text: SQLite has no exact decimal type and money must not round."""

    impl = String(48)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> str | None:
        return None if value is None else str(Decimal(value))

    def process_result_value(self, value: str | None, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class SdgList(TypeDecorator[tuple[int, ...]]):
    """A few SDG numbers stored as text ("8,15"): the other SDGs one risk or opportunity touches."""

    impl = String(60)
    cache_ok = True

    def process_bind_param(self, value: tuple[int, ...] | None, dialect: Any) -> str:
        return ",".join(str(number) for number in value or ())

    def process_result_value(self, value: str | None, dialect: Any) -> tuple[int, ...]:
        return tuple(int(part) for part in (value or "").split(",") if part)


def code_enum(enum_class: type[enum.Enum]) -> SqlEnum:
    """Store an enum by its stable code (its value), never by its Python member name."""
    return SqlEnum(
        enum_class,
        native_enum=False,
        length=40,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SessionRow(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("contract_value_eur IS NULL OR contract_value_eur NOT LIKE '-%'", name="value"),
        CheckConstraint("budget_eur IS NULL OR budget_eur NOT LIKE '-%'", name="budget"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(200), default="")
    procedure: Mapped[Procedure | None] = mapped_column(code_enum(Procedure), nullable=True)
    contract_kind: Mapped[ContractKind | None] = mapped_column(code_enum(ContractKind), nullable=True)
    innovation_pilot: Mapped[bool] = mapped_column(Boolean, default=False)
    contract_value_eur: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    publication_date: Mapped[dt.date | None] = mapped_column(Date)
    project_leader: Mapped[str] = mapped_column(String(200), default="")
    procurement_adviser: Mapped[str] = mapped_column(String(200), default="")
    budget_holder: Mapped[str] = mapped_column(String(200), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    duration: Mapped[str] = mapped_column(Text, default="")
    procedure_reason: Mapped[str] = mapped_column(Text, default="")
    lots: Mapped[str] = mapped_column(Text, default="")
    scoring_method: Mapped[ScoringMethod | None] = mapped_column(code_enum(ScoringMethod), nullable=True)
    price_formula: Mapped[PriceFormula | None] = mapped_column(code_enum(PriceFormula), nullable=True)
    price_zero_pct: Mapped[Decimal | None] = mapped_column(ExactDecimal(), nullable=True)
    award_basis_reason: Mapped[str] = mapped_column(Text, default="")
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    materials: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    occasion: Mapped[str] = mapped_column(Text, default="")
    budget: Mapped[str] = mapped_column(Text, default="")
    budget_eur: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    estimate_basis: Mapped[str] = mapped_column(Text, default="")
    questions_deadline: Mapped[dt.date | None] = mapped_column(Date)
    closing_date: Mapped[dt.date | None] = mapped_column(Date)
    award_decision_date: Mapped[dt.date | None] = mapped_column(Date)
    contract_start: Mapped[dt.date | None] = mapped_column(Date)
    selection: Mapped[str] = mapped_column(Text, default="")
    contract_terms: Mapped[str] = mapped_column(Text, default="")
    contract_management: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[SessionStatus] = mapped_column(code_enum(SessionStatus), default=SessionStatus.DRAFT)
    # None until the team decides the price/quality split: there is no neutral default.
    quality_weight_pct: Mapped[Decimal | None] = mapped_column(ExactDecimal(), nullable=True, default=None)
    # The organisation profile (issue 3) and the snapshot a finished session was decided against.
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("profiles.id", ondelete="SET NULL"), index=True
    )
    profile_snapshot: Mapped[str | None] = mapped_column(Text)
    # {catalogue id: reason} for policy requirements the team does not apply (JSON).
    policy_reasons: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    profile: Mapped[ProfileRow | None] = relationship()
    inventory: Mapped[list[InventoryEntryRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="(InventoryEntryRow.position, InventoryEntryRow.id)",
    )
    priorities: Mapped[list[SdgPriorityRow]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="SdgPriorityRow.sdg"
    )
    initiatives: Mapped[list[InitiativeLinkRow]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="InitiativeLinkRow.id"
    )
    ambitions: Mapped[list[AmbitionRow]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="AmbitionRow.sdg"
    )
    criteria: Mapped[list[CriterionRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="(CriterionRow.position, CriterionRow.id)",
    )
    indicators: Mapped[list[IndicatorRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="(IndicatorRow.position, IndicatorRow.id)",
    )
    communication: Mapped[list[CommunicationRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="(CommunicationRow.position, CommunicationRow.id)",
    )
    quality_criteria: Mapped[list[QualityCriterionRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="(QualityCriterionRow.position, QualityCriterionRow.id)",
    )
    tender_risks: Mapped[list[TenderRiskRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="(TenderRiskRow.position, TenderRiskRow.id)",
    )
    dialogues: Mapped[list[DialogueRow]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="DialogueRow.number"
    )
    participants: Mapped[list[ParticipantRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="(ParticipantRow.position, ParticipantRow.id)",
    )
    agenda: Mapped[list[AgendaItemRow]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="(AgendaItemRow.position, AgendaItemRow.id)",
    )
    votes: Mapped[list[VoteRow]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="VoteRow.id"
    )

    # No session-wide optimistic lock: it made every edit conflict with every other desk's (issue 15);
    # conflicts are per field, checked by the services against the value a change was based on.


class ProfileRow(Base):
    """An organisation profile, kept as its exchange-format document: it is edited, exported and
    imported as one unit, and sessions freeze a copy of it when they are finished."""

    __tablename__ = "profiles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    document: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utc_now)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}


class _SessionChild:
    """Columns shared by every row that belongs to a session."""

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)


class InventoryEntryRow(_SessionChild, Base):
    """Step 1: one risk or opportunity for one SDG."""

    __tablename__ = "inventory_entries"
    __table_args__ = (CheckConstraint("sdg BETWEEN 1 AND 17", name="sdg"),)

    sdg: Mapped[int] = mapped_column(Integer)
    kind: Mapped[EntryKind] = mapped_column(code_enum(EntryKind))
    source: Mapped[EntrySource] = mapped_column(code_enum(EntrySource))
    description: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[str] = mapped_column(String(60), default="")
    suggestion_id: Mapped[str] = mapped_column(String(80), default="")
    # The same risk or opportunity on other SDGs too (child labour and deforestation: 8 and 15).
    also_sdgs: Mapped[tuple[int, ...]] = mapped_column(SdgList(), default=())
    dialogue: Mapped[int | None] = mapped_column(Integer)  # the SDG dialogue it came from
    main: Mapped[bool] = mapped_column(Boolean, default=False)  # a main risk, on page 1
    contributor: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[SessionRow] = relationship(back_populates="inventory")


class SdgPriorityRow(_SessionChild, Base):
    """Step 2: how one inventoried SDG weighs in this tender, and whether the team selected it."""

    __tablename__ = "sdg_priorities"
    __table_args__ = (
        UniqueConstraint("session_id", "sdg", name="uq_sdg_priorities_session_sdg"),
        CheckConstraint("sdg BETWEEN 1 AND 17", name="sdg"),
        CheckConstraint("urgency IS NULL OR urgency BETWEEN 1 AND 5", name="urgency"),
        CheckConstraint("votes >= 0", name="votes"),
    )

    sdg: Mapped[int] = mapped_column(Integer)
    selected: Mapped[bool] = mapped_column(Boolean, default=False)
    focus_reason: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[int | None] = mapped_column(Integer)
    urgency_note: Mapped[str] = mapped_column(Text, default="")
    votes: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[SessionRow] = relationship(back_populates="priorities")


class InitiativeLinkRow(_SessionChild, Base):
    """Step 2: a local initiative an SDG priority can build on."""

    __tablename__ = "initiative_links"

    sdg: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    profile_initiative_ref: Mapped[str] = mapped_column(String(80), default="")

    session: Mapped[SessionRow] = relationship(back_populates="initiatives")


class AmbitionRow(_SessionChild, Base):
    """Step 3: the commitment level for one priority SDG."""

    __tablename__ = "ambitions"
    __table_args__ = (UniqueConstraint("session_id", "sdg", name="uq_ambitions_session_sdg"),)

    sdg: Mapped[int] = mapped_column(Integer)
    level: Mapped[AmbitionLevel] = mapped_column(code_enum(AmbitionLevel))
    note: Mapped[str] = mapped_column(Text, default="")

    session: Mapped[SessionRow] = relationship(back_populates="ambitions")


class CriterionRow(_SessionChild, Base):
    """Step 3: one concrete criterion that carries an ambition into the tender documents."""

    __tablename__ = "criteria"

    sdg: Mapped[int] = mapped_column(Integer)
    criterion_type: Mapped[CriterionType] = mapped_column(code_enum(CriterionType))
    text: Mapped[str] = mapped_column(Text)
    weight_pct: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    verification: Mapped[str] = mapped_column(Text, default="")
    catalogue_id: Mapped[str] = mapped_column(String(80), default="")
    dialogue: Mapped[int | None] = mapped_column(Integer)  # a draft from an SDG dialogue
    contributor: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[SessionRow] = relationship(back_populates="criteria")


class IndicatorRow(_SessionChild, Base):
    """Step 4: a quantitative or qualitative impact indicator for one priority SDG."""

    __tablename__ = "indicators"
    # Which KPI of the organisation profile the indicator feeds: profiles number their own.
    __table_args__ = (CheckConstraint("kpi IS NULL OR kpi BETWEEN 1 AND 99", name="kpi"),)

    sdg: Mapped[int] = mapped_column(Integer)
    kind: Mapped[IndicatorKind] = mapped_column(code_enum(IndicatorKind))
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(60), default="")
    baseline: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    target: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    reference: Mapped[str] = mapped_column(String(200), default="")
    measurement_moment: Mapped[MeasurementMoment | None] = mapped_column(code_enum(MeasurementMoment))
    data_source: Mapped[str] = mapped_column(String(200), default="")
    responsible_role: Mapped[str] = mapped_column(String(80), default="")
    kpi: Mapped[int | None] = mapped_column(Integer)
    assessed: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    catalogue_id: Mapped[str] = mapped_column(String(80), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[SessionRow] = relationship(back_populates="indicators")
    measurements: Mapped[list[MeasurementRow]] = relationship(
        back_populates="indicator",
        cascade="all, delete-orphan",
        order_by="(MeasurementRow.measured_on, MeasurementRow.id)",
    )


class MeasurementRow(Base):
    """Step 5, after realisation: a realised value of an indicator."""

    __tablename__ = "measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    # None for a qualitative indicator, whose realised value is an assessment in words (the note).
    value: Mapped[Decimal | None] = mapped_column(ExactDecimal(), nullable=True)
    measured_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    indicator: Mapped[IndicatorRow] = relationship(back_populates="measurements")


class CommunicationRow(_SessionChild, Base):
    """Step 5: who is told what, through which channel, at which moment."""

    __tablename__ = "communication_items"

    stakeholder_role: Mapped[str] = mapped_column(String(80))
    channel: Mapped[Channel] = mapped_column(code_enum(Channel))
    moment: Mapped[CommunicationMoment] = mapped_column(code_enum(CommunicationMoment))
    message: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[SessionRow] = relationship(back_populates="communication")


class QualityCriterionRow(_SessionChild, Base):
    """Step 3: a quality award criterion that serves no SDG, so the award model is whole."""

    __tablename__ = "quality_criteria"

    name: Mapped[str] = mapped_column(String(200))
    weight_pct: Mapped[Decimal | None] = mapped_column(ExactDecimal(), nullable=True)
    scale: Mapped[str] = mapped_column(Text, default="")
    verification: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[SessionRow] = relationship(back_populates="quality_criteria")


class TenderRiskRow(_SessionChild, Base):
    """The tender-risk register: a risk to the tender, its probability and impact, and the measure."""

    __tablename__ = "tender_risks"
    __table_args__ = (
        CheckConstraint("probability BETWEEN 1 AND 5", name="probability"),
        CheckConstraint("impact BETWEEN 1 AND 5", name="impact"),
    )

    category: Mapped[TenderRiskCategory] = mapped_column(code_enum(TenderRiskCategory))
    description: Mapped[str] = mapped_column(Text)
    probability: Mapped[int] = mapped_column(Integer, default=3)
    impact: Mapped[int] = mapped_column(Integer, default=3)
    measure: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[SessionRow] = relationship(back_populates="tender_risks")


class DialogueRow(_SessionChild, Base):
    """One of the two SDG dialogues with the stakeholders (seed 001 ch. 6)."""

    __tablename__ = "dialogues"
    __table_args__ = (
        UniqueConstraint("session_id", "number", name="uq_dialogues_session_number"),
        CheckConstraint("number IN (1, 2)", name="number"),
        CheckConstraint("votes_per_participant BETWEEN 1 AND 20", name="votes_per_participant"),
    )

    number: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200), default="")
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    votes_per_participant: Mapped[int] = mapped_column(Integer, default=3)

    session: Mapped[SessionRow] = relationship(back_populates="dialogues")


class ParticipantRow(_SessionChild, Base):
    __tablename__ = "dialogue_participants"
    __table_args__ = (CheckConstraint("dialogue IN (1, 2)", name="dialogue"),)

    dialogue: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(80), default="")
    internal: Mapped[bool] = mapped_column(Boolean, default=True)
    named: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[SessionRow] = relationship(back_populates="participants")


class AgendaItemRow(_SessionChild, Base):
    __tablename__ = "dialogue_agenda"
    __table_args__ = (
        CheckConstraint("dialogue IN (1, 2)", name="dialogue"),
        CheckConstraint("planned_minutes BETWEEN 1 AND 480", name="planned_minutes"),
    )

    dialogue: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(Text, default="")
    planned_minutes: Mapped[int] = mapped_column(Integer, default=10)
    position: Mapped[int] = mapped_column(Integer, default=0)

    session: Mapped[SessionRow] = relationship(back_populates="agenda")


class VoteRow(_SessionChild, Base):
    """The dots one participant put on one choice; removing the participant removes them."""

    __tablename__ = "dialogue_votes"
    __table_args__ = (
        UniqueConstraint("participant_id", "target", name="uq_dialogue_votes_participant_target"),
        CheckConstraint("dialogue IN (1, 2)", name="dialogue"),
        CheckConstraint("count >= 1", name="count"),
    )

    dialogue: Mapped[int] = mapped_column(Integer)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("dialogue_participants.id", ondelete="CASCADE"), index=True
    )
    target: Mapped[str] = mapped_column(String(60))
    count: Mapped[int] = mapped_column(Integer)

    session: Mapped[SessionRow] = relationship(back_populates="votes")
