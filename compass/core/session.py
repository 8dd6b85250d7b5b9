"""What a compass session is: frozen snapshots of session data, returned by the services and read by
the UI, the CLI and the documents. The vocabulary (enums and limits) lives in ``compass.core.codes``
and the session list line in ``compass.core.listing``; both are re-exported here. No Qt, no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from compass.core.codes import (
    LONG_TEXT_MAX_LENGTH,
    SDG_NUMBERS,
    SHORT_TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    AmbitionLevel,
    Channel,
    CommunicationMoment,
    ContractKind,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    LabelledEnum,
    MeasurementMoment,
    PriceFormula,
    Procedure,
    ScoringMethod,
    SessionStatus,
    TenderRiskCategory,
)
from compass.core.listing import SessionSummary

if TYPE_CHECKING:  # only annotations: importing datetime costs start-up time
    import datetime as dt

    from compass.core.profile import OrganisationProfile

__all__ = [
    "LONG_TEXT_MAX_LENGTH", "SDG_NUMBERS", "SHORT_TEXT_MAX_LENGTH", "TITLE_MAX_LENGTH",
    "AmbitionLevel", "Channel", "CommunicationMoment", "ContractKind", "CriterionType", "EntryKind",
    "EntrySource", "IndicatorKind", "LabelledEnum", "MeasurementMoment", "PriceFormula", "Procedure",
    "ScoringMethod", "SessionStatus", "SessionSummary", "TenderRiskCategory",
]  # fmt: skip


_Value = TypeVar("_Value")


def _once_per_snapshot(method: Callable[[Any], _Value]) -> Callable[[Any], _Value]:
    """A derived value of a frozen snapshot, computed on first use and kept in the instance: pages
    and documents ask for the same SDG sets hundreds of times (a big session spent 0.15 s of an edit
    recomputing them). Not a field, so equality, ``replace()`` and the formats never see it."""
    name = f"_once_{method.__name__}"

    @wraps(method)
    def cached(self: Any) -> _Value:
        try:
            return self.__dict__[name]
        except KeyError:
            value = self.__dict__[name] = method(self)
            return value

    return cached


@dataclass(frozen=True, init=False)
class Problem:
    """Why something is invalid or incomplete: a stable code, the field it belongs to, and the words
    of its one message as an untranslated template (marked with ``N_``) with its parameters.

    The words are made where the problem is shown, in that place's language: ``message`` in the
    language the app speaks, ``message_in(language)`` for a document in another one. Nothing here
    depends on a module-wide language switch, so a document can be made on a worker thread.
    """

    code: str
    field: str
    template: str
    params: tuple[tuple[str, Any], ...]

    def __init__(self, code: str, field: str, template: str, /, **params: Any) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "params", tuple(sorted(params.items())))

    @property
    def message(self) -> str:
        from compass.i18n import current_language

        return self.message_in(current_language())

    def message_in(self, language: str) -> str:
        from compass.i18n import translate_in

        return translate_in(language, self.template).format(
            **{name: _in_words(value, language) for name, value in self.params}
        )

    def at(self, field: str) -> Problem:
        """The same problem, placed at another field (an importer prefixes the path in the file)."""
        return Problem(self.code, field, self.template, **dict(self.params))


def _in_words(value: Any, language: str) -> Any:
    """A parameter as the message shows it: codes by their label, numbers as the language writes them."""
    if isinstance(value, InSentence):
        label = value.code.label_in(language)
        return label[:1].lower() + label[1:]
    if isinstance(value, LabelledEnum):
        return value.label_in(language)
    if isinstance(value, Words):
        return value(language)
    if isinstance(value, Decimal):
        from compass.formatting import format_number

        return format_number(value, language)
    import datetime  # here: the start path does not import datetime for annotations alone

    if isinstance(value, datetime.date):
        from compass.formatting import format_day

        return format_day(value, language)
    return value


@dataclass(frozen=True)
class InSentence:
    """A code as a problem parameter inside a sentence: its label with a small first letter ("the EU
    threshold for services", not "for Services"), where a list shows the label as it is."""

    code: LabelledEnum


@dataclass(frozen=True)
class Words:
    """A text in both languages, as a problem parameter or a policy item carries it."""

    nl: str
    en: str

    def __call__(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


@dataclass(frozen=True)
class PolicyItem:
    """One standard requirement of the organisation's profile, as it stands in this session."""

    criterion_id: str
    text: Words
    applies: bool  # the profile's threshold for it is reached (or it has none)
    threshold_eur: Decimal | None
    applied: bool  # a criterion taken from it is in the session
    reason: str  # why it is not applied, in the team's words


@dataclass(frozen=True)
class AppliedThreshold:
    """The EU threshold that applies to a session: its value, its period and where it comes from."""

    value_eur: Decimal
    period: str
    source: str


@dataclass(frozen=True)
class ProcedurePeriods:
    """A European procedure's legal minimum periods in calendar days (reference data with source)."""

    tender_days: int  # closing date after the notice is sent (with a selection phase: the invitation)
    questions_days: int  # the last answers to questions at least this long before the closing date
    standstill_days: int  # between the award decision and the contract
    source: str
    request_days: int | None = None  # requests to participate after the notice, where there is a selection


@dataclass(frozen=True)
class ProjectFacts:
    title: str
    organisation: str = ""
    category: str = ""
    # None until the team chooses: a new session asked approval of "openbaar Europees" it never chose.
    procedure: Procedure | None = None
    contract_kind: ContractKind | None = None
    duration: str = ""  # the contract's duration with its options and extensions, in words
    procedure_reason: str = ""  # why this procedure fits the tender
    lots: str = ""  # how the contract is divided into lots, or why it is not (art. 1.5 Aw)
    scoring_method: ScoringMethod | None = None  # how quality is scored; None until decided
    # Under weighted points: how price scores, and for a linear formula the percentage above the
    # lowest price where price earns no points (what a quality point is worth follows from both).
    price_formula: PriceFormula | None = None
    price_zero_pct: Decimal | None = None
    award_basis_reason: str = ""  # why the award is on lowest price or cost (art. 2.114 lid 3 Aw)
    innovation_pilot: bool = False
    contract_value_eur: Decimal | None = None
    publication_date: dt.date | None = None
    project_leader: str = ""
    procurement_adviser: str = ""
    budget_holder: str = ""
    decision_date: dt.date | None = None  # when the budget holder is asked to approve the strategy
    location: str = ""
    materials: str = ""
    scope: str = ""
    # The tender strategy around the SDG paragraph (issue 24): why and what for, the money, the
    # planning from publication to contract, who may take part, the contract and its management.
    occasion: str = ""  # aanleiding en doel
    budget: str = ""  # budget line and cover (dekking), in words
    budget_eur: Decimal | None = None  # the budget available for the whole contract, excl. VAT
    estimate_basis: str = ""  # how the estimated value was arrived at
    questions_deadline: dt.date | None = None  # the last Nota van Inlichtingen
    closing_date: dt.date | None = None  # tenders (or requests to participate) in
    award_decision_date: dt.date | None = None
    contract_start: dt.date | None = None
    selection: str = ""  # exclusion grounds, suitability requirements, selection
    contract_terms: str = ""  # contract form (ARVODI, UAV, UAV-GC, RAW) and conditions
    contract_management: str = ""  # meetings, reports, sanctions and who manages the contract


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
    also_sdgs: tuple[int, ...] = ()  # the same risk or opportunity on other SDGs too
    dialogue: int | None = None  # the SDG dialogue (1 or 2) the idea came from
    contributor: str = ""  # who brought it in, when the room wants it attributed
    # A risk the team puts on the strategy's first page; without marks the first ones are shown there.
    main: bool = False

    def touches(self, sdg: int) -> bool:
        return sdg == self.sdg or sdg in self.also_sdgs


@dataclass(frozen=True)
class SdgPriority:
    sdg: int
    selected: bool = False
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
    dialogue: int | None = None  # a draft from the SDG dialogue (2) it came from
    contributor: str = ""


@dataclass(frozen=True)
class Ambition:
    sdg: int
    level: AmbitionLevel
    note: str = ""


@dataclass(frozen=True)
class Measurement:
    """A realised value: a number in the indicator's unit, or for a qualitative indicator no number
    and the assessment in ``note``."""

    id: int
    value: Decimal | None
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
class QualityCriterion:
    """A quality award criterion that serves no SDG (method statement, fit and comfort): part of the
    award model all the same, with its weight, its scale and how it is assessed (issue 24)."""

    id: int
    name: str
    weight_pct: Decimal | None = None
    scale: str = ""  # how bids score on it: points per level, a ranking, a discount
    verification: str = ""


@dataclass(frozen=True)
class TenderRisk:
    """A risk to the tender itself (market, money, law, planning, SDG ambition) with the team's
    estimate of its probability and impact (1-5 each) and the measure that answers it."""

    id: int
    category: TenderRiskCategory
    description: str
    probability: int = 3
    impact: int = 3
    measure: str = ""
    owner: str = ""

    @property
    def score(self) -> int:
        return self.probability * self.impact


@dataclass(frozen=True)
class CommunicationItem:
    id: int
    stakeholder_role: str
    channel: Channel
    moment: CommunicationMoment
    message: str = ""


@dataclass(frozen=True)
class Dialogue:
    """One of the method's two SDG dialogues with the stakeholders: 1 on risks, opportunities and
    priorities; 2 on ambitions and indicators."""

    id: int
    number: int
    held_on: dt.date | None = None
    place: str = ""
    facilitator: str = ""
    notes: str = ""
    decisions: str = ""
    votes_per_participant: int = 3


@dataclass(frozen=True)
class Participant:
    id: int
    dialogue: int
    name: str
    organisation: str = ""
    role: str = ""  # a stakeholder role code from the reference data, or the team's own words
    internal: bool = True
    # An external participant agreed to be named in the record; otherwise a decision document that may
    # be published shows their organisation and role only (privacy, issue 24).
    named: bool = False


@dataclass(frozen=True)
class AgendaItem:
    id: int
    dialogue: int
    title: str
    question: str = ""
    planned_minutes: int = 10


@dataclass(frozen=True)
class Vote:
    """Dots one participant put on one choice: ``sdg:8`` in dialogue 1, ``criterion:12`` or
    ``ambition:13:2`` (an SDG's ambition level) in dialogue 2."""

    id: int
    dialogue: int
    participant_id: int
    target: str
    count: int


@dataclass(frozen=True)
class SessionSnapshot:
    """Everything recorded in one session, as one immutable value."""

    id: int
    facts: ProjectFacts
    status: SessionStatus
    # The quality part of a best-price-quality award (BPKV); None until the team decides the split.
    quality_weight_pct: Decimal | None
    created_at: dt.datetime
    updated_at: dt.datetime
    inventory: tuple[InventoryEntry, ...] = ()
    priorities: tuple[SdgPriority, ...] = ()
    ambitions: tuple[Ambition, ...] = ()
    criteria: tuple[Criterion, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    communication: tuple[CommunicationItem, ...] = ()
    quality_criteria: tuple[QualityCriterion, ...] = ()
    tender_risks: tuple[TenderRisk, ...] = ()
    initiatives: tuple[InitiativeLink, ...] = ()
    dialogues: tuple[Dialogue, ...] = ()
    participants: tuple[Participant, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    votes: tuple[Vote, ...] = ()
    profile_id: int | None = None
    # What the session is decided against: the live profile while a draft, the copy frozen when the
    # session was finished (changing the profile later never rewrites a finished session).
    profile: OrganisationProfile | None = None
    # Whether the session's procedure allows award criteria (reference data, set by the service).
    award_criteria_allowed: bool = True
    # Whether the procedure is a European one and whether it has a selection phase (reference data).
    european_procedure: bool = False
    selection_phase: bool = False
    # The EU threshold for the session's kind of contract at its planned publication (or last change),
    # from the reference data; set by the service, None when the kind is not chosen or no period applies.
    eu_threshold: AppliedThreshold | None = None
    # Why the team does not apply a requirement of its organisation's policy, by catalogue id (stored),
    # and the policy frame as the service derives it from the profile and the reference data.
    policy_reasons: tuple[tuple[str, str], ...] = ()
    policy: tuple[PolicyItem, ...] = ()
    # The SDGs each catalogue entry taken into the session serves, by catalogue id (reference data,
    # set by the service): an entry filed under another SDG measures something else than it says.
    catalogue_sdgs: tuple[tuple[str, tuple[int, ...]], ...] = ()
    # The catalogue entries taken into the session that the law does not allow for this tender (a
    # reserved contract outside its services), with the article that limits each (reference data).
    outside_legal_scope: tuple[tuple[str, str], ...] = ()
    # The legal minimum periods of the session's procedure, where it has them (reference data).
    procedure_periods: ProcedurePeriods | None = None

    def catalogue_sdgs_of(self, catalogue_id: str) -> tuple[int, ...] | None:
        return next((sdgs for known, sdgs in self.catalogue_sdgs if known == catalogue_id), None)

    @_once_per_snapshot
    def inventoried_sdgs(self) -> tuple[int, ...]:
        return tuple(sorted({sdg for entry in self.inventory for sdg in (entry.sdg, *entry.also_sdgs)}))

    def entries_for(self, sdg: int) -> tuple[InventoryEntry, ...]:
        """The risks and opportunities that touch ``sdg``, also those filed under another SDG."""
        return tuple(entry for entry in self.inventory if entry.touches(sdg))

    @_once_per_snapshot
    def priority_sdgs(self) -> tuple[int, ...]:
        """Selected SDGs that have inventory entries or a reason of the team: removing an SDG's last
        entry takes it out of the priorities (the choice is kept should the SDG come back), unless the
        team chose it outside the inventory and said why."""
        considered = set(self.considered_sdgs())
        return tuple(sorted(p.sdg for p in self.priorities if p.selected and p.sdg in considered))

    @_once_per_snapshot
    def considered_sdgs(self) -> tuple[int, ...]:
        """The SDGs step 2 weighs: the inventoried ones and those chosen outside it with a reason."""
        chosen = {p.sdg for p in self.priorities if p.selected and p.focus_reason.strip()}
        return tuple(sorted(set(self.inventoried_sdgs()) | chosen))

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

    def dialogue(self, number: int) -> Dialogue | None:
        return next((d for d in self.dialogues if d.number == number), None)

    def participants_of(self, number: int) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.dialogue == number)

    def agenda_of(self, number: int) -> tuple[AgendaItem, ...]:
        return tuple(a for a in self.agenda if a.dialogue == number)

    def votes_of(self, number: int) -> tuple[Vote, ...]:
        return tuple(v for v in self.votes if v.dialogue == number)


class Collection(StrEnum):
    """The lists of items a session holds, for the services' generic add / update / remove."""

    INVENTORY = "inventory"
    CRITERIA = "criteria"
    INDICATORS = "indicators"
    COMMUNICATION = "communication"
    QUALITY_CRITERIA = "quality_criteria"
    TENDER_RISKS = "tender_risks"
    INITIATIVES = "initiatives"
    DIALOGUES = "dialogues"
    PARTICIPANTS = "participants"
    AGENDA = "agenda"
    VOTES = "votes"
