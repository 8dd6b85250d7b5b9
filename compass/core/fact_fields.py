"""The project facts, declared once: name, kind, limit, label and the exchange format version that
added each. The snapshot builder, the exchange file's writer and reader, the validation, the text
limits, the field labels and the two-desk test all follow from this list (decision 013); the
``ProjectFacts`` type, the database column and the JSON schema are checked against it by
``tests/domain/test_fact_fields.py``, so a new fact cannot be forgotten in any of them.

No Qt, no SQLAlchemy: the start path and the CLI may import it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from compass.core.codes import (
    LONG_TEXT_MAX_LENGTH,
    SHORT_TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    ContractKind,
    LabelledEnum,
    PriceFormula,
    Procedure,
    ScoringMethod,
)
from compass.i18n import N_


class FactKind(Enum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # several lines
    CODE = "code"  # one of a LabelledEnum's codes
    FLAG = "flag"  # yes or no
    AMOUNT = "amount"  # a Decimal, in euros
    DAY = "day"  # a date
    PERCENT = "percent"  # a Decimal, a percentage


@dataclass(frozen=True)
class FactField:
    name: str
    kind: FactKind
    label: str  # untranslated (N_): shown through compass.i18n
    limit: int = 0  # texts: the most characters stored
    codes: type[LabelledEnum] | None = None  # CODE: the enum whose codes are stored
    required: bool = False  # CODE: a value must be chosen (else None means "not chosen yet")
    since_version: int = 1  # the exchange format version that added it (absent before)

    @property
    def is_text(self) -> bool:
        return self.kind in (FactKind.TEXT, FactKind.LONG_TEXT)


def _text(name: str, label: str, *, since: int = 1) -> FactField:
    return FactField(name, FactKind.TEXT, label, SHORT_TEXT_MAX_LENGTH, since_version=since)


def _long(name: str, label: str, *, since: int = 1) -> FactField:
    return FactField(name, FactKind.LONG_TEXT, label, LONG_TEXT_MAX_LENGTH, since_version=since)


# In the order of ``ProjectFacts`` (and of the exchange file's "facts").
FACT_FIELDS: tuple[FactField, ...] = (
    FactField("title", FactKind.TEXT, N_("Title"), TITLE_MAX_LENGTH),
    _text("organisation", N_("Organisation")),
    _text("category", N_("Procurement category")),
    FactField("procedure", FactKind.CODE, N_("Procedure type"), codes=Procedure),
    FactField("contract_kind", FactKind.CODE, N_("Kind of contract"), codes=ContractKind, since_version=2),
    _text("duration", N_("Duration and options"), since=2),
    _long("procedure_reason", N_("Why this procedure"), since=2),
    _long("lots", N_("Lots"), since=2),
    FactField("scoring_method", FactKind.CODE, N_("Scoring method"), codes=ScoringMethod, since_version=3),
    FactField("price_formula", FactKind.CODE, N_("Price formula"), codes=PriceFormula, since_version=10),
    FactField("price_zero_pct", FactKind.PERCENT, N_("No price points at"), since_version=10),
    _long("award_basis_reason", N_("Why lowest price or lowest cost"), since=7),
    FactField("innovation_pilot", FactKind.FLAG, N_("Innovation pilot")),
    FactField("contract_value_eur", FactKind.AMOUNT, N_("Estimated contract value")),
    FactField("publication_date", FactKind.DAY, N_("Planned publication")),
    _text("project_leader", N_("Project leader")),
    _text("procurement_adviser", N_("Procurement adviser")),
    _text("budget_holder", N_("Budget holder")),
    FactField("decision_date", FactKind.DAY, N_("Decision planned on"), since_version=3),
    _text("location", N_("Location")),
    _long("materials", N_("Main materials and products")),
    _long("scope", N_("Scope (short description)")),
    _long("occasion", N_("Occasion and goal"), since=8),
    _long("budget", N_("Budget line and cover"), since=8),
    FactField("budget_eur", FactKind.AMOUNT, N_("Budget available"), since_version=8),
    _long("estimate_basis", N_("Basis of the estimate"), since=8),
    FactField("questions_deadline", FactKind.DAY, N_("Last answers to questions"), since_version=8),
    FactField("closing_date", FactKind.DAY, N_("Closing date"), since_version=8),
    FactField("award_decision_date", FactKind.DAY, N_("Award decision"), since_version=8),
    FactField("contract_start", FactKind.DAY, N_("Contract start"), since_version=8),
    _long("selection", N_("Exclusion, suitability and selection"), since=8),
    _long("contract_terms", N_("Contract form and conditions"), since=8),
    _long("contract_management", N_("Contract management"), since=8),
)
FACTS_BY_NAME: dict[str, FactField] = {field.name: field for field in FACT_FIELDS}
