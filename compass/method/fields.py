"""Validation of what users enter, as ``Problem`` lists: shown beside the field in the UI, printed as
one line each by the CLI, and enforced by the services before anything is written. No Qt."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any

from compass.core.codes import CODE_MAX_LENGTH, NUMBER_MAX_DECIMALS, NUMBER_MAX_DIGITS, UNIT_MAX_LENGTH
from compass.core.fact_fields import FACT_FIELDS, FACTS_BY_NAME, FactField, FactKind
from compass.core.session import (
    LONG_TEXT_MAX_LENGTH,
    SDG_NUMBERS,
    SHORT_TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    EntryKind,
    EntrySource,
    IndicatorKind,
    Problem,
)
from compass.i18n import N_
from compass.method.text import character_problems
from compass.reference.types import ReferenceData

MAX_CONTRACT_VALUE_EUR = Decimal("1000000000000")  # EUR 1 trillion: beyond any public contract
LONG_TEXT_FACTS = frozenset(f.name for f in FACT_FIELDS if f.kind is FactKind.LONG_TEXT)
# Workshop votes per SDG: a count, bounded so that no file or caller can overflow the database. Step 2's
# spin box offers 0 to 99; SDG dialogue 1's tally (participants times their dots) may pass that.
MAX_VOTES = 99_999

# Every text the services store, by where it lives, with its limit: the same limits as the exchange
# format (resources/schema/session.schema.json; a test keeps the two in step) and the database columns
# (PostgreSQL refuses a longer value), so whatever is stored can be exported and imported again.
TEXT_LIMITS: dict[str, dict[str, int]] = {
    "facts": {field.name: field.limit for field in FACT_FIELDS if field.is_text},
    "inventory": {
        "description": LONG_TEXT_MAX_LENGTH,
        "theme": UNIT_MAX_LENGTH,
        "suggestion_id": CODE_MAX_LENGTH,
    },
    "priorities": {"focus_reason": LONG_TEXT_MAX_LENGTH, "urgency_note": LONG_TEXT_MAX_LENGTH},
    "initiatives": {
        "name": SHORT_TEXT_MAX_LENGTH,
        "description": LONG_TEXT_MAX_LENGTH,
        "profile_initiative_ref": CODE_MAX_LENGTH,
    },
    "ambitions": {"note": LONG_TEXT_MAX_LENGTH},
    "criteria": {
        "text": LONG_TEXT_MAX_LENGTH,
        "verification": LONG_TEXT_MAX_LENGTH,
        "catalogue_id": CODE_MAX_LENGTH,
    },
    "indicators": {
        "name": SHORT_TEXT_MAX_LENGTH,
        "unit": UNIT_MAX_LENGTH,
        "reference": SHORT_TEXT_MAX_LENGTH,
        "data_source": SHORT_TEXT_MAX_LENGTH,
        "responsible_role": CODE_MAX_LENGTH,
        "assessed": LONG_TEXT_MAX_LENGTH,
        "evidence": LONG_TEXT_MAX_LENGTH,
        "catalogue_id": CODE_MAX_LENGTH,
    },
    "measurements": {"source": SHORT_TEXT_MAX_LENGTH, "note": LONG_TEXT_MAX_LENGTH},
    "communication": {"stakeholder_role": CODE_MAX_LENGTH, "message": LONG_TEXT_MAX_LENGTH},
    "quality_criteria": {
        "name": SHORT_TEXT_MAX_LENGTH,
        "scale": LONG_TEXT_MAX_LENGTH,
        "verification": LONG_TEXT_MAX_LENGTH,
    },
    "tender_risks": {
        "description": LONG_TEXT_MAX_LENGTH,
        "measure": LONG_TEXT_MAX_LENGTH,
        "owner": SHORT_TEXT_MAX_LENGTH,
    },
    "policy_reasons": {"criterion_id": CODE_MAX_LENGTH, "reason": LONG_TEXT_MAX_LENGTH},
    # The SDG dialogues (compass.method.dialogues applies these).
    "dialogues": {
        "place": SHORT_TEXT_MAX_LENGTH,
        "facilitator": SHORT_TEXT_MAX_LENGTH,
        "notes": LONG_TEXT_MAX_LENGTH,
        "decisions": LONG_TEXT_MAX_LENGTH,
    },
    "participants": {
        "name": SHORT_TEXT_MAX_LENGTH,
        "organisation": SHORT_TEXT_MAX_LENGTH,
        "role": CODE_MAX_LENGTH,
    },
    "agenda": {"title": SHORT_TEXT_MAX_LENGTH, "question": LONG_TEXT_MAX_LENGTH},
}


def _too_long(field: str, value: str, limit: int) -> Problem:
    return Problem(
        "too_long",
        field,
        N_("At most {limit} characters (now {length})."),
        limit=limit,
        length=len(value),
    )


def validate_texts(
    values: Mapping[str, Any], limits: Mapping[str, int], *, skip: Collection[str] = ()
) -> list[Problem]:
    """Each text of ``values`` named in ``limits`` (those in ``skip`` already have a problem): no longer
    than its limit and without a character that may not be stored (``compass.method.text``)."""
    problems: list[Problem] = []
    for name, limit in limits.items():
        value = values.get(name)
        if value is None or name in skip:
            continue
        if not isinstance(value, str):
            raise TypeError(f"{name} must be text")
        if len(value) > limit:
            problems.append(_too_long(name, value, limit))
        else:
            problems += character_problems(name, value)
    return problems


def number_size_problems(value: Decimal | int, field: str) -> list[Problem]:
    """A number the exchange file can write and every database keeps exactly: at most 15 digits
    before the decimal point and 6 after it (``1E+50`` has 51 before it; trailing zeros count, as
    ``1.5000000`` is kept as typed). NaN and the infinities are no number at all."""
    number = Decimal(value)
    if not number.is_finite():
        return [Problem("number", field, N_("Enter a number."))]
    _sign, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    whole = max(len(digits) + exponent, 0)
    decimals = max(-exponent, 0)
    if whole > NUMBER_MAX_DIGITS or decimals > NUMBER_MAX_DECIMALS:
        return [
            Problem(
                "number_size",
                field,
                N_("At most {digits} digits before the decimal point and {decimals} after it."),
                digits=NUMBER_MAX_DIGITS,
                decimals=NUMBER_MAX_DECIMALS,
            )
        ]
    return []


def validate_title(title: Any) -> list[Problem]:
    """The title as the services store it: trimmed at both ends."""
    if not isinstance(title, str) or not title.strip():
        return [Problem("title_required", "title", N_("Enter a title for the tender."))]
    if len(title) > TITLE_MAX_LENGTH:
        return [_too_long("title", title, TITLE_MAX_LENGTH)]
    return character_problems("title", title.strip())


def validate_contract_value(value: Any) -> list[Problem]:
    if value is None:
        return []
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        return [Problem("value_not_number", "contract_value_eur", N_("Enter an amount in euros."))]
    if not Decimal(value).is_finite():
        return [Problem("value_not_number", "contract_value_eur", N_("Enter an amount in euros."))]
    if value < 0 or Decimal(value).is_signed():  # -0 too: the database keeps no minus sign
        return [
            Problem(
                "value_negative",
                "contract_value_eur",
                N_("The contract value cannot be negative."),
            )
        ]
    if value > MAX_CONTRACT_VALUE_EUR:
        return [
            Problem(
                "value_too_large",
                "contract_value_eur",
                N_("The contract value is implausibly large; check the number of digits."),
            )
        ]
    return number_size_problems(value, "contract_value_eur")


def validate_fact_changes(changes: Mapping[str, Any]) -> list[Problem]:
    """Problems with a partial update of project facts, by each fact's declared kind; unknown
    fields are a programming error."""
    problems: list[Problem] = []
    for name, value in changes.items():
        if name not in FACTS_BY_NAME:
            raise KeyError(f"unknown project fact: {name}")
        problems += _fact_problems(FACTS_BY_NAME[name], value)
    return problems


_CHOOSE = {
    "procedure": N_("Choose a procedure type."),
    "contract_kind": N_("Choose a kind of contract."),
    "scoring_method": N_("Choose how quality is scored."),
    "price_formula": N_("Choose how price scores."),
}

# A linear price formula gives no points at this many percent above the lowest price: beyond ten
# times the lowest price no formula means anything.
PRICE_ZERO_MAX_PCT = Decimal(1000)


def _fact_problems(field: FactField, value: Any) -> list[Problem]:
    name = field.name
    if name == "title":
        return validate_title(value)
    if field.kind is FactKind.AMOUNT:
        return validate_contract_value(value)
    if field.kind is FactKind.PERCENT:
        return validate_price_zero(value)
    if field.kind is FactKind.CODE:
        assert field.codes is not None
        if (value is None and not field.required) or isinstance(value, field.codes):
            return []
        return [Problem(name, name, _CHOOSE.get(name, N_("Choose one of the options.")))]
    if field.kind is FactKind.FLAG:
        if not isinstance(value, bool):
            raise TypeError(f"{name} must be a bool")
        return []
    if field.kind is FactKind.DAY:
        if value is not None and not isinstance(value, dt.date):
            return [Problem("date", name, N_("Enter a valid date."))]
        return []
    if not isinstance(value, str):
        raise TypeError(f"{name} must be text")
    return validate_texts({name: value}, {name: field.limit})


def validate_sdg(sdg: Any, field: str = "sdg") -> list[Problem]:
    if isinstance(sdg, bool) or not isinstance(sdg, int) or sdg not in SDG_NUMBERS:
        return [Problem("sdg_unknown", field, N_("Choose an SDG from 1 to 17."))]
    return []


def validate_origin(values: Mapping[str, Any]) -> list[Problem]:
    """The SDG dialogue an entry or criterion came from (none, 1 or 2) and who brought it in."""
    problems = []
    dialogue = values.get("dialogue")
    if dialogue is not None and (isinstance(dialogue, bool) or dialogue not in (1, 2)):
        problems.append(Problem("dialogue_unknown", "dialogue", N_("A dialogue is number 1 or 2.")))
    contributor = values.get("contributor", "")
    if not isinstance(contributor, str):
        problems.append(Problem("text", "contributor", N_("Enter text.")))
    elif len(contributor) > SHORT_TEXT_MAX_LENGTH:
        problems.append(_too_long("contributor", contributor, SHORT_TEXT_MAX_LENGTH))
    else:
        problems += character_problems("contributor", contributor)
    return problems


def validate_inventory_entry(values: Mapping[str, Any]) -> list[Problem]:
    problems = validate_sdg(values.get("sdg")) + validate_origin(values)
    if not isinstance(values.get("kind"), EntryKind):
        problems.append(Problem("kind", "kind", N_("Choose risk or opportunity.")))
    if not isinstance(values.get("source"), EntrySource):
        problems.append(Problem("source", "source", N_("Choose where it arises.")))
    problems += validate_required_text(
        values, "description", N_("Describe the risk or opportunity."), LONG_TEXT_MAX_LENGTH
    )
    problems += validate_texts(values, TEXT_LIMITS["inventory"], skip={"description"})
    also = values.get("also_sdgs", ())
    if not isinstance(also, tuple | list) or any(
        isinstance(n, bool) or not isinstance(n, int) or n not in SDG_NUMBERS or n == values.get("sdg")
        for n in also
    ):
        problems.append(
            Problem(
                "also_sdgs",
                "also_sdgs",
                N_("Other SDGs are numbers from 1 to 17, other than the entry's own SDG."),
            )
        )
    if not isinstance(values.get("main", False), bool):
        problems.append(Problem("main", "main", N_("Say whether it is a main risk.")))
    return problems


def validate_urgency(urgency: Any) -> list[Problem]:
    if urgency is None:
        return []
    if isinstance(urgency, bool) or not isinstance(urgency, int) or not 1 <= urgency <= 5:
        return [Problem("urgency", "urgency", N_("Urgency is a number from 1 to 5."))]
    return []


def validate_priority_changes(changes: Mapping[str, Any]) -> list[Problem]:
    """Step 2 for one SDG: urgency 1-5, votes a count, the team's reason and urgency note texts."""
    problems = validate_urgency(changes.get("urgency"))
    votes = changes.get("votes", 0)
    if isinstance(votes, bool) or not isinstance(votes, int) or not 0 <= votes <= MAX_VOTES:
        problems.append(Problem("votes", "votes", N_("Votes are a count from 0 to {max}."), max=MAX_VOTES))
    for name in ("focus_reason", "urgency_note"):
        if name in changes and not isinstance(changes[name], str):
            raise TypeError(f"{name} must be text")
    return problems + validate_texts(changes, TEXT_LIMITS["priorities"])


def validate_ambition_note(note: Any) -> list[Problem]:
    """Step 3: the team's reason for an SDG's ambition level."""
    if not isinstance(note, str):
        raise TypeError("note must be text")
    return validate_texts({"note": note}, TEXT_LIMITS["ambitions"])


def validate_policy_reason(criterion_id: Any, reason: Any) -> list[Problem]:
    """Why the team does not apply one requirement of its policy, as stored: trimmed."""
    if not isinstance(criterion_id, str) or not isinstance(reason, str):
        raise TypeError("a policy reason and its criterion id are text")
    values = {"criterion_id": criterion_id, "reason": reason.strip()}
    return validate_texts(values, TEXT_LIMITS["policy_reasons"])


def validate_required_text(
    values: Mapping[str, Any], field: str, template: str, limit: int = LONG_TEXT_MAX_LENGTH
) -> list[Problem]:
    """``template`` is the untranslated message (``N_``) for an empty field."""
    value = values.get(field, "")
    if not isinstance(value, str) or not value.strip():
        return [Problem(f"{field}_required", field, template)]
    return validate_texts(values, {field: limit})


def validate_percentage(value: Any, field: str) -> list[Problem]:
    if value is None:
        return []
    if (
        isinstance(value, bool)
        or not isinstance(value, Decimal | int)
        or not Decimal(value).is_finite()
        or not 0 <= value <= 100
    ):
        return [Problem("percentage", field, N_("Enter a percentage from 0 to 100."))]
    return number_size_problems(value, field)


def validate_price_zero(value: Any) -> list[Problem]:
    """Where a linear price formula stops giving points, in percent above the lowest price."""
    if value is None:
        return []
    if (
        isinstance(value, bool)
        or not isinstance(value, Decimal | int)
        or not Decimal(value).is_finite()
        or not 0 < value <= PRICE_ZERO_MAX_PCT
    ):
        return [
            Problem(
                "price_zero",
                "price_zero_pct",
                N_("Enter a percentage above 0 and at most {most}."),
                most=PRICE_ZERO_MAX_PCT,
            )
        ]
    return number_size_problems(value, "price_zero_pct")


def validate_quality_criterion(values: Mapping[str, Any]) -> list[Problem]:
    problems = validate_required_text(
        values, "name", N_("Name the quality criterion."), SHORT_TEXT_MAX_LENGTH
    )
    weight = values.get("weight_pct")
    if weight is None:
        problems.append(Problem("weight_required", "weight_pct", N_("Give the quality criterion a weight in %.")))
    else:
        problems += validate_percentage(weight, "weight_pct")
    return problems + validate_texts(values, TEXT_LIMITS["quality_criteria"], skip={"name"})


TENDER_RISK_LEVELS = range(1, 6)  # probability and impact, each from 1 (very low) to 5 (very high)


def validate_tender_risk(values: Mapping[str, Any]) -> list[Problem]:
    from compass.core.session import TenderRiskCategory

    problems = []
    if not isinstance(values.get("category"), TenderRiskCategory):
        problems.append(Problem("category", "category", N_("Choose what kind of risk it is.")))
    problems += validate_required_text(values, "description", N_("Describe the risk."))
    for name, message in (
        ("probability", N_("Rate the probability from 1 (very low) to 5 (very high).")),
        ("impact", N_("Rate the impact from 1 (very low) to 5 (very high).")),
    ):
        level = values.get(name)
        if isinstance(level, bool) or not isinstance(level, int) or level not in TENDER_RISK_LEVELS:
            problems.append(Problem(name, name, message))
    return problems + validate_texts(values, TEXT_LIMITS["tender_risks"], skip={"description"})


def validate_criterion(values: Mapping[str, Any]) -> list[Problem]:
    from compass.core.session import CriterionType

    problems = validate_sdg(values.get("sdg")) + validate_origin(values)
    if not isinstance(values.get("criterion_type"), CriterionType):
        problems.append(Problem("criterion_type", "criterion_type", N_("Choose a criterion type.")))
    problems += validate_required_text(values, "text", N_("Write the criterion."))
    problems += validate_percentage(values.get("weight_pct"), "weight_pct")
    return problems + validate_texts(values, TEXT_LIMITS["criteria"], skip={"text"})


MAX_KPI = 99  # profiles number their KPIs; a dashboard with more would not be read


def validate_indicator(values: Mapping[str, Any]) -> list[Problem]:
    from compass.core.session import IndicatorKind

    problems = validate_sdg(values.get("sdg"))
    kind = values.get("kind")
    if not isinstance(kind, IndicatorKind):
        problems.append(Problem("kind", "kind", N_("Choose quantitative or qualitative.")))
    limits = TEXT_LIMITS["indicators"]
    problems += validate_required_text(values, "name", N_("Name the indicator."), limits["name"])
    problems += validate_texts(values, limits, skip={"name"})
    numbers = {}
    for name in ("baseline", "target"):
        value = values.get(name)
        if value is not None and (not isinstance(value, Decimal | int) or isinstance(value, bool)):
            problems.append(Problem("number", name, N_("Enter a number.")))
        elif value is not None and (form := number_size_problems(value, name)):
            problems += form
        elif value is not None:
            numbers[name] = Decimal(value)
    if kind is IndicatorKind.QUANTITATIVE:
        unit = str(values.get("unit") or "").strip()
        for name, value in numbers.items():
            if value < 0:
                problems.append(Problem("negative", name, N_("A quantity cannot be negative.")))
            elif unit == "%" and value > 100:
                problems.append(Problem("percentage", name, N_("A percentage is at most 100.")))
        if "baseline" in numbers and "target" in numbers and numbers["baseline"] == numbers["target"]:
            problems.append(
                Problem("target_equals_baseline", "target", N_("The target must differ from the baseline."))
            )
        if not unit:
            problems.append(Problem("unit_required", "unit", N_("Give the unit, e.g. kg CO₂ or %.")))
    kpi = values.get("kpi")
    if kpi is not None and (isinstance(kpi, bool) or not isinstance(kpi, int) or not 1 <= kpi <= MAX_KPI):
        problems.append(
            Problem(
                "kpi",
                "kpi",
                N_("A KPI is a number from 1 to {max} in the organisation profile."),
                max=MAX_KPI,
            )
        )
    return problems


def indicator_units(reference: ReferenceData) -> dict[str, tuple[str, ...]]:
    """The units each catalogue indicator may be recorded in: its own (Dutch and English spelling)
    first, then the equivalents of the same quantity the catalogue names (tonnes for kg)."""
    return {
        i.id: tuple(
            dict.fromkeys(
                (
                    i.unit.nl,
                    i.unit.en,
                    *(name for unit, _f in i.equivalent_units for name in (unit.nl, unit.en)),
                )
            )
        )
        for i in reference.indicators
        if i.unit
    }


_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
# A figure per period is the same quantity counted per period: "ton CO₂ per jaar" is tonnes of CO₂.
_PER_PERIOD = re.compile(r"\s*(?:per|/)\s*(?:jaar|year|kwartaal|quarter|maand|month|week|dag|day)$")


def unit_key(unit: str) -> str:
    """A unit as a user may type it, reduced to what it names: case, spaces, "CO2" for "CO₂" and a
    period ("per jaar", "/year") aside. A walker could not record a catalogue indicator in "ton CO2
    per jaar" although the catalogue names tonnes of CO₂."""
    words = " ".join(unit.translate(_SUBSCRIPTS).split()).casefold()
    return _PER_PERIOD.sub("", words)


def catalogue_unit_problems(
    values: Mapping[str, Any], units_by_indicator: Mapping[str, tuple[str, ...]]
) -> list[Problem]:
    """An indicator picked from the catalogue keeps the catalogue's unit, so figures add up."""
    units = units_by_indicator.get(values.get("catalogue_id") or "")
    if units and unit_key(str(values.get("unit") or "")) not in {unit_key(unit) for unit in units}:
        return [
            Problem(
                "unit_mismatch",
                "unit",
                N_(
                    "The catalogue measures this indicator in {unit}; "
                    "use that unit or write your own indicator."
                ),
                unit=units[0],
            )
        ]
    return []


def indicator_kinds(reference: ReferenceData) -> dict[str, IndicatorKind]:
    """Whether each catalogue indicator is quantitative or qualitative."""
    return {i.id: i.kind for i in reference.indicators}


def catalogue_kind_problems(values: Mapping[str, Any], kinds: Mapping[str, IndicatorKind]) -> list[Problem]:
    """An indicator linked to the catalogue is of the catalogue's kind: a quantitative catalogue
    indicator saved as qualitative (with a unit) measured nothing. Unlink it to make your own."""
    kind = kinds.get(values.get("catalogue_id") or "")
    if kind is not None and values.get("kind") is not kind:
        return [
            Problem(
                "kind_mismatch",
                "kind",
                N_(
                    "The catalogue's indicator is {kind}; keep that kind or remove the catalogue link "
                    "to write your own indicator."
                ),
                kind=kind.value,
            )
        ]
    return []


def validate_initiative_link(values: Mapping[str, Any]) -> list[Problem]:
    problems = validate_sdg(values.get("sdg"))
    limits = TEXT_LIMITS["initiatives"]
    problems += validate_required_text(values, "name", N_("Name the initiative."), limits["name"])
    return problems + validate_texts(values, limits, skip={"name"})


def validate_measurement(
    value: Any, measured_on: Any, source: str, note: str, *, quantitative: bool
) -> list[Problem]:
    """A realised value; its source and note as the services store them (trimmed). A quantitative
    indicator's is a number of at least 0; a qualitative one's is an assessment in words (the note),
    with a number only where an older file brought one."""
    problems = []
    if value is None and not quantitative:
        if not (isinstance(note, str) and note.strip()):
            problems.append(Problem("assessment", "note", N_("Describe what was found.")))
    elif isinstance(value, bool) or not isinstance(value, Decimal | int):
        problems.append(Problem("number", "value", N_("Enter a number.")))
    elif form := number_size_problems(value, "value"):
        problems += form
    elif quantitative and value < 0:
        problems.append(Problem("negative", "value", N_("A quantity cannot be negative.")))
    if not isinstance(measured_on, dt.date):
        problems.append(Problem("date", "measured_on", N_("Enter a valid date.")))
    if not isinstance(source, str) or not isinstance(note, str):
        raise TypeError("source and note must be text")
    texts = {"source": source.strip(), "note": note.strip()}
    return problems + validate_texts(texts, TEXT_LIMITS["measurements"])


def validate_communication_item(values: Mapping[str, Any]) -> list[Problem]:
    from compass.core.session import Channel, CommunicationMoment

    limits = TEXT_LIMITS["communication"]
    problems = validate_required_text(
        values, "stakeholder_role", N_("Choose who is informed."), limits["stakeholder_role"]
    )
    if not isinstance(values.get("channel"), Channel):
        problems.append(Problem("channel", "channel", N_("Choose a channel.")))
    if not isinstance(values.get("moment"), CommunicationMoment):
        problems.append(Problem("moment", "moment", N_("Choose a moment.")))
    return problems + validate_texts(values, limits, skip={"stakeholder_role"})
