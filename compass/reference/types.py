"""The reference knowledge the app ships: SDGs, themes, the method's vocabulary, the criteria and
indicator catalogues, procurement categories, stakeholder roles, instruments, urgency hints and the
dashboard KPIs. Frozen dataclasses, loaded and validated once by ``compass.reference.loading``.

Every text carries Dutch and English itself (``LocalizedText``), so a PDF can be made in another
language than the UI. No Qt, no SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol, TypeVar

from compass.core.session import (
    AmbitionLevel,
    ContractKind,
    CriterionType,
    EntryKind,
    EntrySource,
    IndicatorKind,
    MeasurementMoment,
    Procedure,
    ProcedurePeriods,
)


@dataclass(frozen=True)
class LocalizedText:
    nl: str
    en: str

    def __call__(self, language: str) -> str:
        return self.nl if language == "nl" else self.en

    def contains(self, needle: str) -> bool:
        """Case-insensitive search in both languages: a Dutch term finds English users' entries too."""
        lowered = needle.casefold()
        return lowered in self.nl.casefold() or lowered in self.en.casefold()


@dataclass(frozen=True)
class Sdg:
    number: int
    name: LocalizedText
    description: LocalizedText
    colour: str
    text_colour: str


@dataclass(frozen=True)
class Theme:
    """One of the six Manifest MVOI themes."""

    id: str
    name: LocalizedText
    description: LocalizedText
    primary_sdgs: tuple[int, ...]
    secondary_sdgs: tuple[int, ...]
    instruments: tuple[LocalizedText, ...]
    source: str

    @property
    def sdgs(self) -> tuple[int, ...]:
        return self.primary_sdgs + self.secondary_sdgs


@dataclass(frozen=True)
class Term:
    """A word of the method with its explanation (ambition level, criterion type)."""

    id: str
    name: LocalizedText
    description: LocalizedText


@dataclass(frozen=True)
class ManifestLevel:
    """An organisation-wide ambition level of the Manifest MVOI; level 5 has no known name."""

    level: int
    name: LocalizedText | None
    description: LocalizedText


@dataclass(frozen=True)
class ProcedureRules:
    procedure: Procedure | None  # None: the team has not chosen one yet (``UNDECIDED_PROCEDURE``)
    name: LocalizedText
    description: LocalizedText
    allows_award_criteria: bool
    european: bool = False
    selection_phase: bool = False
    periods: ProcedurePeriods | None = None  # a European procedure's legal minimum periods


# Before the team chooses a procedure nothing is refused for it: award criteria and a selection phase
# may yet come; whether the procedure fits the value is asked instead (``procedure_missing``).
UNDECIDED_PROCEDURE = ProcedureRules(
    procedure=None,
    name=LocalizedText("nog niet gekozen", "not chosen yet"),
    description=LocalizedText(
        "Kies de procedure die past bij de waarde en de markt.",
        "Choose the procedure that fits the value and the market.",
    ),
    allows_award_criteria=True,
    european=False,
    selection_phase=True,
)


@dataclass(frozen=True)
class LegalScope:
    """Where the law allows a catalogue entry (a reserved contract, art. 2.82a Aw, only for certain
    health, social and cultural services): the categories and kinds of contract, and why."""

    contract_kinds: tuple[ContractKind, ...]
    explanation: LocalizedText
    source: str
    categories: tuple[str, ...] = ()
    """Empty: any category of the allowed kinds."""


@dataclass(frozen=True)
class CatalogueCriterion:
    id: str
    sdgs: tuple[int, ...]
    theme: str | None
    criterion_type: CriterionType
    level: AmbitionLevel
    text: LocalizedText
    verification: LocalizedText
    source: str
    categories: tuple[str, ...] = ()
    """Ids of the procurement categories the entry is written for; empty means not tied to one."""
    legal_scope: LegalScope | None = None


@dataclass(frozen=True)
class CatalogueIndicator:
    id: str
    name: LocalizedText
    sdgs: tuple[int, ...]
    theme: str | None
    kind: IndicatorKind
    unit: LocalizedText | None
    definition: LocalizedText
    reference: LocalizedText | None
    measurement_moment: MeasurementMoment
    data_supplier: LocalizedText
    non_negative: bool
    source: str
    evidence: LocalizedText | None = None
    categories: tuple[str, ...] = ()
    equivalent_units: tuple[tuple[LocalizedText, Decimal], ...] = ()
    """Other units a value may be given in: 1 of that unit is ``factor`` of ``unit`` (1 t CO₂ = 1000 kg)."""


@dataclass(frozen=True)
class Suggestion:
    """A risk or opportunity a procurement category typically brings (feeds step 1)."""

    id: str
    category_id: str
    kind: EntryKind
    sdg: int
    where: EntrySource
    text: LocalizedText


@dataclass(frozen=True)
class Category:
    id: str
    name: LocalizedText
    sdgs: tuple[int, ...]
    themes: tuple[str, ...]
    isv_high_risk: bool
    suggestions: tuple[Suggestion, ...]
    source: str


@dataclass(frozen=True)
class StakeholderRole:
    id: str
    name: LocalizedText
    responsibilities: tuple[LocalizedText, ...]
    source: str


@dataclass(frozen=True)
class InstrumentStep:
    code: str
    name: LocalizedText


@dataclass(frozen=True)
class Instrument:
    """A measuring or rating instrument the UI can explain: R-ladder, MKI, CO2-Prestatieladder, PSO."""

    id: str
    name: LocalizedText
    explanation: LocalizedText
    steps: tuple[InstrumentStep, ...]
    source: str


@dataclass(frozen=True)
class UrgencyHints:
    """The national gap to 2030 per SDG (step 2b), with the source and year shown to users."""

    source: LocalizedText
    year: int
    notes: dict[int, LocalizedText] = field(hash=False)

    def for_sdg(self, sdg: int) -> LocalizedText | None:
        return self.notes.get(sdg)


@dataclass(frozen=True)
class ThresholdPeriod:
    """The EU thresholds of one two-year period, by kind of contract (value excl. VAT, whole duration)."""

    id: str
    starts: dt.date
    ends: dt.date
    source: str
    by_kind: tuple[tuple[ContractKind, Decimal], ...]

    def covers(self, day: dt.date) -> bool:
        return self.starts <= day <= self.ends

    def threshold(self, kind: ContractKind) -> Decimal:
        return dict(self.by_kind)[kind]


@dataclass(frozen=True)
class ReferenceData:
    sdgs: tuple[Sdg, ...]
    themes: tuple[Theme, ...] = ()
    ambition_levels: tuple[Term, ...] = ()
    criterion_types: tuple[Term, ...] = ()
    manifest_levels: tuple[ManifestLevel, ...] = ()
    procedures: tuple[ProcedureRules, ...] = ()
    innovation_dialogues: int = 2
    innovation_description: LocalizedText | None = None
    criteria: tuple[CatalogueCriterion, ...] = ()
    indicators: tuple[CatalogueIndicator, ...] = ()
    categories: tuple[Category, ...] = ()
    roles: tuple[StakeholderRole, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    urgency: UrgencyHints | None = None
    threshold_periods: tuple[ThresholdPeriod, ...] = ()

    def sdg(self, number: int) -> Sdg:
        return self.sdgs[number - 1]

    def theme(self, theme_id: str) -> Theme:
        return _by_id(self.themes, theme_id, "theme")

    def category(self, category_id: str) -> Category:
        return _by_id(self.categories, category_id, "category")

    def criterion(self, criterion_id: str) -> CatalogueCriterion:
        return _by_id(self.criteria, criterion_id, "criterion")

    def indicator(self, indicator_id: str) -> CatalogueIndicator:
        return _by_id(self.indicators, indicator_id, "indicator")

    def role(self, role_id: str) -> StakeholderRole:
        return _by_id(self.roles, role_id, "stakeholder role")

    def role_words(self, value: str, language: str) -> str:
        """A stored role in ``language``: a role picked from the list is stored as its id; a role
        stored by name (older sessions: "Gemeenteraad") is recognised in either language; anything
        else is the team's own words and stays as typed."""
        folded = value.strip().casefold()
        for role in self.roles:
            if folded in (role.id, role.name.nl.casefold(), role.name.en.casefold()):
                return role.name(language)
        return value

    def role_code(self, typed: str) -> str:
        """What to store for a typed or picked role: its id when it names a known role."""
        folded = typed.strip().casefold()
        for role in self.roles:
            if folded in (role.id, role.name.nl.casefold(), role.name.en.casefold()):
                return role.id
        return typed.strip()

    def instrument(self, instrument_id: str) -> Instrument:
        return _by_id(self.instruments, instrument_id, "instrument")

    def procedure_rules(self, procedure: Procedure | None) -> ProcedureRules:
        if procedure is None:
            return UNDECIDED_PROCEDURE
        return next(rules for rules in self.procedures if rules.procedure is procedure)

    def suggestion(self, suggestion_id: str) -> Suggestion:
        for category in self.categories:
            for suggestion in category.suggestions:
                if suggestion.id == suggestion_id:
                    return suggestion
        raise KeyError(f"unknown suggestion: {suggestion_id}")

    def criteria_for(
        self,
        *,
        sdg: int | None = None,
        level: AmbitionLevel | None = None,
        theme: str | None = None,
        text: str = "",
    ) -> tuple[CatalogueCriterion, ...]:
        return tuple(
            c
            for c in self.criteria
            if (sdg is None or sdg in c.sdgs)
            and (level is None or c.level is level)
            and (theme is None or c.theme == theme)
            and (not text or c.text.contains(text) or c.verification.contains(text))
        )

    def indicators_for(
        self, *, sdg: int | None = None, theme: str | None = None, text: str = ""
    ) -> tuple[CatalogueIndicator, ...]:
        return tuple(
            i
            for i in self.indicators
            if (sdg is None or sdg in i.sdgs)
            and (theme is None or i.theme == theme)
            and (not text or i.name.contains(text) or i.definition.contains(text))
        )

    def criteria_for_category(self, category_id: str) -> tuple[CatalogueCriterion, ...]:
        """The catalogue's criteria written for one procurement category, in catalogue order."""
        return tuple(c for c in self.criteria if category_id in c.categories)

    def indicators_for_category(self, category_id: str) -> tuple[CatalogueIndicator, ...]:
        """The catalogue's indicators written for one procurement category, in catalogue order."""
        return tuple(i for i in self.indicators if category_id in i.categories)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_HasId)


def _by_id(items: Iterable[_Item], wanted: str, what: str) -> _Item:
    for item in items:
        if item.id == wanted:
            return item
    raise KeyError(f"unknown {what}: {wanted}")
