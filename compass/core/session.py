"""What a compass session is: frozen snapshots of session data, returned by the services and read by
the UI, the CLI and the documents. The vocabulary (enums and limits) lives in ``compass.core.codes``
and the session list line in ``compass.core.listing``; both are re-exported here. No Qt, no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from compass.core.codes import (
    LONG_TEXT_MAX_LENGTH,
    SDG_NUMBERS,
    SHORT_TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    AmbitionLevel,
    Channel,
    CommunicationMoment,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    LabelledEnum,
    MeasurementMoment,
    Procedure,
    SessionStatus,
)
from compass.core.listing import SessionSummary

if TYPE_CHECKING:  # only annotations: importing decimal costs start-up time
    import datetime as dt
    from decimal import Decimal

    from compass.core.profile import OrganisationProfile

__all__ = [
    "LONG_TEXT_MAX_LENGTH", "SDG_NUMBERS", "SHORT_TEXT_MAX_LENGTH", "TITLE_MAX_LENGTH",
    "AmbitionLevel", "Channel", "CommunicationMoment", "CriterionType", "EntryKind",
    "EntrySource", "IndicatorKind", "LabelledEnum", "MeasurementMoment", "Procedure",
    "SessionStatus", "SessionSummary",
]  # fmt: skip


@dataclass(frozen=True)
class Problem:
    """Why something is invalid or incomplete: a stable code, the field it belongs to, a message."""

    code: str
    field: str
    message: str


@dataclass(frozen=True)
class ProjectFacts:
    title: str
    organisation: str = ""
    category: str = ""
    procedure: Procedure = Procedure.PUBLIC_EUROPEAN
    innovation_pilot: bool = False
    contract_value_eur: Decimal | None = None
    publication_date: dt.date | None = None
    project_leader: str = ""
    procurement_adviser: str = ""
    budget_holder: str = ""
    location: str = ""
    materials: str = ""
    scope: str = ""


PROJECT_FACT_FIELDS: tuple[str, ...] = tuple(ProjectFacts.__dataclass_fields__)


@dataclass(frozen=True)
class InventoryEntry:
    id: int
    sdg: int
    kind: EntryKind
    source: EntrySource
    description: str
    theme: str = ""
    suggestion_id: str = ""


@dataclass(frozen=True)
class SdgPriority:
    sdg: int
    selected: bool = False
    is_focus: bool = False
    focus_reason: str = ""
    urgency: int | None = None
    urgency_note: str = ""
    votes: int = 0


@dataclass(frozen=True)
class InitiativeLink:
    """Step 2: a local initiative a priority SDG can build on (from the profile, or added)."""

    id: int
    sdg: int
    name: str
    description: str = ""
    profile_initiative_ref: str = ""


@dataclass(frozen=True)
class Criterion:
    id: int
    sdg: int
    criterion_type: CriterionType
    text: str
    weight_pct: Decimal | None = None
    verification: str = ""
    catalogue_id: str = ""


@dataclass(frozen=True)
class Ambition:
    sdg: int
    level: AmbitionLevel
    note: str = ""


@dataclass(frozen=True)
class Measurement:
    id: int
    value: Decimal
    measured_on: dt.date
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Indicator:
    id: int
    sdg: int
    kind: IndicatorKind
    name: str
    unit: str = ""
    baseline: Decimal | None = None
    target: Decimal | None = None
    reference: str = ""
    measurement_moment: MeasurementMoment | None = None
    data_source: str = ""
    responsible_role: str = ""
    kpi: int | None = None
    assessed: str = ""
    evidence: str = ""
    catalogue_id: str = ""
    measurements: tuple[Measurement, ...] = ()


@dataclass(frozen=True)
class CommunicationItem:
    id: int
    stakeholder_role: str
    channel: Channel
    moment: CommunicationMoment
    message: str = ""


@dataclass(frozen=True)
class SessionSnapshot:
    """Everything recorded in one session, as one immutable value."""

    id: int
    facts: ProjectFacts
    status: SessionStatus
    quality_weight_pct: Decimal
    created_at: dt.datetime
    updated_at: dt.datetime
    inventory: tuple[InventoryEntry, ...] = ()
    priorities: tuple[SdgPriority, ...] = ()
    ambitions: tuple[Ambition, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    communication: tuple[CommunicationItem, ...] = ()
    initiatives: tuple[InitiativeLink, ...] = ()
    profile_id: int | None = None
    # What the session is decided against: the live profile while a draft, the copy frozen when the
    # session was finished (changing the profile later never rewrites a finished session).
    profile: OrganisationProfile | None = None
    # Whether the session's procedure allows award criteria (reference data, set by the service).
    award_criteria_allowed: bool = True

    def inventoried_sdgs(self) -> tuple[int, ...]:
        return tuple(sorted({entry.sdg for entry in self.inventory}))

    def priority_sdgs(self) -> tuple[int, ...]:
        """Selected SDGs that still have inventory entries: removing an SDG's last entry takes it out
        of the priorities, while the team's choice is kept should the SDG come back."""
        inventoried = set(self.inventoried_sdgs())
        return tuple(sorted(p.sdg for p in self.priorities if p.selected and p.sdg in inventoried))

    def priority_for(self, sdg: int) -> SdgPriority:
        for priority in self.priorities:
            if priority.sdg == sdg:
                return priority
        return SdgPriority(sdg=sdg)

    def ambition_for(self, sdg: int) -> Ambition | None:
        return next((a for a in self.ambitions if a.sdg == sdg), None)

    def indicators_for(self, sdg: int) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.sdg == sdg)

    def initiatives_for(self, sdg: int) -> tuple[InitiativeLink, ...]:
        return tuple(i for i in self.initiatives if i.sdg == sdg)

    def criteria_for(self, sdg: int) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.sdg == sdg)


class Collection(StrEnum):
    """The lists of items a session holds, for the services' generic add / update / remove."""

    INVENTORY = "inventory"
    CRITERIA = "criteria"
    INDICATORS = "indicators"
    COMMUNICATION = "communication"
    INITIATIVES = "initiatives"
