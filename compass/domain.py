"""What a compass session is: enums of the method's vocabulary and frozen snapshots of session data.

Snapshots are what the services return and what the UI, the CLI and the PDF read. No Qt, no SQLAlchemy.
Enum values are the stable codes stored in the database and the exchange format; ``label()`` gives the
translated text shown to users (Dutch first, English second, as the method's own words are Dutch).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from compass.i18n import N_, _

if TYPE_CHECKING:  # only annotations: importing decimal costs start-up time
    import datetime as dt
    from decimal import Decimal

    from compass.profiles import OrganisationProfile

SDG_NUMBERS: tuple[int, ...] = tuple(range(1, 18))


class LabelledEnum(StrEnum):
    """A str enum whose members carry an untranslated label, translated when shown."""

    def __new__(cls, code: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, code)
        member._value_ = code
        member._label = label  # type: ignore[attr-defined]
        return member

    def label(self) -> str:
        return _(self._label)  # type: ignore[attr-defined]

    def label_in(self, language: str) -> str:
        """The label in a given language, whatever the UI speaks (for documents)."""
        from compass.i18n import translate_in

        return translate_in(language, self._label)  # type: ignore[attr-defined]


class Procedure(LabelledEnum):
    SINGLE_QUOTE = "single_quote", N_("Single quote (enkelvoudig onderhands)")
    MULTIPLE_QUOTES = "multiple_quotes", N_("Multiple quotes (meervoudig onderhands)")
    PUBLIC_NATIONAL = "public_national", N_("Public national tender (openbaar nationaal)")
    PUBLIC_EUROPEAN = "public_european", N_("Public European tender (openbaar Europees)")


class SessionStatus(LabelledEnum):
    DRAFT = "draft", N_("Draft")
    FINAL = "final", N_("Final")


class EntryKind(LabelledEnum):
    RISK = "risk", N_("Risk")
    OPPORTUNITY = "opportunity", N_("Opportunity")


class EntrySource(LabelledEnum):
    LOCAL_ENVIRONMENT = "local_environment", N_("Local environment")
    SUPPLY_CHAIN_GLOBAL = "supply_chain_global", N_("Supply chain - global")
    SUPPLY_CHAIN_LOCAL = "supply_chain_local", N_("Supply chain - local")
    MATERIALS = "materials", N_("Materials")
    LOCATION = "location", N_("Location")


class AmbitionLevel(LabelledEnum):
    BASIC = "1", N_("1 Basic - requirement (eis)")
    SIGNIFICANT = "2", N_("2 Significant - award criterion (gunning)")
    AMBITIOUS = "3", N_("3 Ambitious - innovation (innovatie)")


class CriterionType(LabelledEnum):
    SUITABILITY_REQUIREMENT = "suitability_requirement", N_("Suitability requirement")
    SELECTION_CRITERION = "selection_criterion", N_("Selection criterion")
    MINIMUM_REQUIREMENT = "minimum_requirement", N_("Minimum requirement")
    AWARD_CRITERION = "award_criterion", N_("Award criterion")
    CONTRACT_CONDITION = "contract_condition", N_("Contract condition")
    INNOVATION_QUESTION = "innovation_question", N_("Innovation / functional question")


class IndicatorKind(LabelledEnum):
    QUANTITATIVE = "quantitative", N_("Quantitative")
    QUALITATIVE = "qualitative", N_("Qualitative")


class MeasurementMoment(LabelledEnum):
    AT_AWARD = "at_award", N_("At award")
    DURING_EXECUTION = "during_execution", N_("During execution")
    AT_COMPLETION = "at_completion", N_("At completion")


class Channel(LabelledEnum):
    INTRANET = "intranet", N_("Intranet")
    COUNCIL_REPORT = "council_report", N_("Council report")
    MVI_DASHBOARD = "mvi_dashboard", N_("MVI Platform dashboard")
    SITE_VISIT = "site_visit", N_("Site visit")
    PRESS = "press", N_("Press")
    SOCIAL_MEDIA = "social_media", N_("Social media")
    SUPPLIER_MEETING = "supplier_meeting", N_("Supplier meeting")


class CommunicationMoment(LabelledEnum):
    KICK_OFF = "kick_off", N_("Kick-off")
    PUBLICATION = "publication", N_("Publication")
    AWARD = "award", N_("Award")
    COMPLETION = "completion", N_("Completion")


# Field limits shared by validation, the UI (maxLength) and, later, the exchange schema.
TITLE_MAX_LENGTH = 200
SHORT_TEXT_MAX_LENGTH = 200
LONG_TEXT_MAX_LENGTH = 20_000


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
class SessionSummary:
    id: int
    title: str
    organisation: str
    procedure: Procedure
    status: SessionStatus
    created_at: dt.datetime
    updated_at: dt.datetime


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
