"""The method's vocabulary: the stable codes (stored in the database and the exchange formats) and
their translated labels, plus the field limits. Kept apart from the snapshots in ``compass.core.session``
because the start screen needs only these and must paint fast. No Qt, no SQLAlchemy."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from compass.i18n import N_, _

SDG_NUMBERS: tuple[int, ...] = tuple(range(1, 18))


class LabelledEnum(StrEnum):
    """A str enum whose members carry an untranslated label, translated when shown."""

    _label: str

    # ``label`` has a default only so that the type checker accepts a lookup by code,
    # ``Procedure("public_european")``, which Enum answers without calling ``__new__``.
    def __new__(cls, code: str, label: str = "") -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member._label = label
        return member

    def label(self) -> str:
        return _(self._label)

    def label_in(self, language: str) -> str:
        """The label in a given language, whatever the UI speaks (for documents)."""
        from compass.i18n import translate_in

        return translate_in(language, self._label)


class Procedure(LabelledEnum):
    SINGLE_QUOTE = "single_quote", N_("Single quote (enkelvoudig onderhands)")
    MULTIPLE_QUOTES = "multiple_quotes", N_("Multiple quotes (meervoudig onderhands)")
    PUBLIC_NATIONAL = "public_national", N_("Public national tender (openbaar nationaal)")
    # Below the EU threshold a selection phase is possible too (ARW 2016 for works): without this
    # code the team had to choose the European restricted procedure and then justify "European".
    RESTRICTED_NATIONAL = (
        "restricted_national",
        N_("Restricted national procedure (niet-openbaar nationaal)"),
    )
    PUBLIC_EUROPEAN = "public_european", N_("Public European tender (openbaar Europees)")
    RESTRICTED = "restricted", N_("Restricted European procedure (niet-openbaar Europees)")
    NEGOTIATED = (
        "negotiated",
        N_("Competitive procedure with negotiation (mededingingsprocedure met onderhandeling)"),
    )
    COMPETITIVE_DIALOGUE = "competitive_dialogue", N_("Competitive dialogue (concurrentiegerichte dialoog)")
    INNOVATION_PARTNERSHIP = "innovation_partnership", N_("Innovation partnership (innovatiepartnerschap)")


class ContractKind(LabelledEnum):
    """What is bought, as procurement law distinguishes it: it decides the EU threshold."""

    WORKS = "works", N_("Works (werken)")
    SUPPLIES = "supplies", N_("Supplies (leveringen)")
    SERVICES = "services", N_("Services (diensten)")
    SOCIAL_SERVICES = (
        "social_services",
        N_("Social and other specific services (sociale en andere specifieke diensten)"),
    )


class ScoringMethod(LabelledEnum):
    """How the quality part of a best price-quality award is turned into a ranking."""

    FICTITIOUS_DISCOUNT = (
        "fictitious_discount",
        N_("Fictitious discount per criterion (gunnen op waarde)"),
    )
    WEIGHTED_POINTS = "weighted_points", N_("Weighted points per criterion (puntenmethode)")


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
    INNOVATION_QUESTION = "innovation_question", N_("Innovation-oriented question")


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


class TenderRiskCategory(LabelledEnum):
    """What kind of risk to the tender itself (not to an SDG): the adviser's register (issue 24)."""

    MARKET = "market", N_("Market")
    FINANCIAL = "financial", N_("Financial")
    LEGAL = "legal", N_("Legal")
    PLANNING = "planning", N_("Planning")
    SDG = "sdg", N_("SDG and sustainability")


class PriceFormula(LabelledEnum):
    """How price turns into points under weighted points: the tender documents name the formula, and
    the euro value of a quality point follows from it (DOMAIN.md, price scoring)."""

    RELATIVE = "relative", N_("Relative to the lowest price (lowest price / price x price points)")
    LINEAR = "linear", N_("Linear: no price points at a set percentage above the lowest price")


class CommunicationMoment(LabelledEnum):
    KICK_OFF = "kick_off", N_("Kick-off")
    PUBLICATION = "publication", N_("Publication")
    AWARD = "award", N_("Award")
    # Services and supplies run for years: results are reported during the contract, not only at its end.
    DURING_CONTRACT = "during_contract", N_("Yearly during the contract")
    COMPLETION = "completion", N_("Completion")


# Field limits shared by validation, the UI (maxLength), the exchange schema and the database columns:
# PostgreSQL refuses a longer value (SQLite would keep it), so validation must refuse it first.
TITLE_MAX_LENGTH = 200
SHORT_TEXT_MAX_LENGTH = 200
LONG_TEXT_MAX_LENGTH = 20_000
UNIT_MAX_LENGTH = 60  # a unit of measurement, a theme
CODE_MAX_LENGTH = 80  # a catalogue or profile id, a role (its code or the team's own word)
# Numbers as the exchange file writes them (and the database keeps them, as text of at most 48
# characters): at most 15 digits before the decimal point and 6 after it.
NUMBER_MAX_DIGITS = 15
NUMBER_MAX_DECIMALS = 6
