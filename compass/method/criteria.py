"""Rules a tender's procedure and its numbers put on the step 3 criteria. No Qt.

Which procedures allow award criteria is reference data (``vocabulary.json``); the services pass it
in, so this module owns the rules and not the facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from compass.core.profile import OrganisationProfile
from compass.core.session import (
    CriterionType,
    PriceFormula,
    Problem,
    Procedure,
    ScoringMethod,
    SessionSnapshot,
)
from compass.formatting import format_number
from compass.i18n import N_, translate_in
from compass.method.fields import validate_percentage
from compass.reference.types import ProcedureRules

PROPORTIONAL_CRITERIA_PER_SDG = 5


def award_not_allowed(procedure: Procedure | None, field: str = "criterion_type") -> Problem:
    """The rule "this procedure has no award criteria", for a new criterion and for a session whose
    procedure changed after award criteria were set."""
    return Problem(
        "award_not_allowed",
        field,
        N_("A {procedure} procedure has no award criteria: make it a requirement or a contract condition."),
        procedure=procedure,
    )


def weights_exceed(total: Decimal, limit: Decimal, field: str = "weight_pct") -> Problem:
    """The rule "award weights stay within the tender's quality weight"."""
    return Problem(
        "weights_exceed",
        field,
        N_("The award weights add up to {total} %, more than the quality weight of {limit} %."),
        total=total,
        limit=limit,
    )


def selection_without_phase(procedure: Procedure | None, field: str = "criterion_type") -> Problem:
    """The rule "a selection criterion only exists in a procedure with a selection phase"."""
    return Problem(
        "selection_without_phase",
        field,
        N_(
            "A {procedure} procedure has no selection phase, so no selection criteria: make it a "
            "suitability requirement, or choose a restricted procedure."
        ),
        procedure=procedure,
    )


def criterion_rule_problems(
    values: Mapping[str, Any],
    procedure: ProcedureRules,
    quality_weight_pct: Decimal | None,
    other_award_weights: Iterable[Decimal],
) -> list[Problem]:
    """Problems with one criterion in the context of its session (the other criteria excluded);
    ``procedure`` is what the reference data says of the session's procedure."""
    problems: list[Problem] = []
    weight = values.get("weight_pct")
    kind = values.get("criterion_type")
    if kind is CriterionType.SELECTION_CRITERION and not procedure.selection_phase:
        problems.append(selection_without_phase(procedure.procedure))
    if kind is CriterionType.AWARD_CRITERION:
        if not procedure.allows_award_criteria:
            problems.append(award_not_allowed(procedure.procedure))
        if weight is None:
            problems.append(
                Problem("weight_required", "weight_pct", N_("Give the award criterion a weight in %."))
            )
        else:
            total = sum(other_award_weights, Decimal(0)) + Decimal(weight)
            if quality_weight_pct is not None and total > quality_weight_pct:
                problems.append(weights_exceed(total, quality_weight_pct))
    elif weight is not None:
        problems.append(
            Problem("weight_only_award", "weight_pct", N_("Only award criteria carry a weight."))
        )
    return problems


def quality_criterion_rule_problems(
    values: Mapping[str, Any],
    procedure: ProcedureRules,
    quality_weight_pct: Decimal | None,
    other_award_weights: Iterable[Decimal],
) -> list[Problem]:
    """A quality criterion beyond the SDGs is an award criterion too: only where the procedure has
    them, and its weight fits in the quality weight with all the others."""
    problems: list[Problem] = []
    if not procedure.allows_award_criteria:
        problems.append(award_not_allowed(procedure.procedure, "name"))
    weight = values.get("weight_pct")
    if weight is not None:
        total = sum(other_award_weights, Decimal(0)) + Decimal(weight)
        if quality_weight_pct is not None and total > quality_weight_pct:
            problems.append(weights_exceed(total, quality_weight_pct))
    return problems


def quality_weight_problems(quality_weight_pct: Decimal | None, used: Decimal) -> list[Problem]:
    """A quality weight is a percentage (or not decided) and never below the award weights given."""
    problems = validate_percentage(quality_weight_pct, "quality_weight_pct")
    if not problems and quality_weight_pct is not None and quality_weight_pct < used:
        problems.append(
            Problem(
                "below_award_weights",
                "quality_weight_pct",
                N_("The award criteria already weigh {used} %; lower them first."),
                used=used,
            )
        )
    return problems


def award_basis_findings(quality_weight_pct: Decimal | None) -> list[Problem]:
    """The award basis must be decided: best price-quality ratio (BPKV, art. 2.114 Aw) with an
    explicit split. 100 % quality leaves price out of the award: possible with a fixed price, so
    advice to say so, not a refusal."""
    if quality_weight_pct is None:
        return [
            Problem(
                "split_missing",
                "quality_weight_pct",
                N_(
                    "Decide the price/quality split of the award (best price-quality ratio): "
                    "how much of the decision is quality, how much price."
                ),
            )
        ]
    if quality_weight_pct == 100:
        return [
            Problem(
                "price_left_out",
                "quality_weight_pct",
                N_(
                    "A quality weight of 100 % leaves price out of the award: right for a fixed price, "
                    "otherwise give price its share."
                ),
            )
        ]
    return []


def lowest_price_findings(
    quality_weight_pct: Decimal | None, award_allowed: bool, reason: str
) -> list[Problem]:
    """A quality weight of 0 % awards on lowest price or lowest cost: the law asks the tender
    documents to motivate that choice (art. 2.114 lid 3 Aw; the default is the best price-quality
    ratio), so the strategy does too. A procedure without award criteria has no choice to motivate."""
    if quality_weight_pct != 0 or not award_allowed or reason.strip():
        return []
    return [
        Problem(
            "lowest_price_unmotivated",
            "award_basis_reason",
            N_(
                "The award is on lowest price (quality weight 0 %): say why, as the tender documents "
                "must (art. 2.114 lid 3 Aanbestedingswet), or give quality a weight in step 3."
            ),
        )
    ]


def award_basis_text(
    quality_weight_pct: Decimal | None,
    award_allowed: bool,
    language: str,
    scoring: ScoringMethod | None = None,
) -> str:
    """The award basis in words, as the summary and the document state it: the split and, where
    quality counts, how it is scored."""
    if not award_allowed:
        return translate_in(language, N_("lowest price (the procedure has no award criteria)"))
    if quality_weight_pct is None:
        return translate_in(language, N_("not decided yet"))
    split = translate_in(
        language, N_("best price-quality ratio: {price} % price, {quality} % quality")
    ).format(
        price=format_number(Decimal(100) - quality_weight_pct, language),
        quality=format_number(quality_weight_pct, language),
    )
    if quality_weight_pct == 0:
        # Not a best price-quality ratio of "100 % price": lowest price is an award basis of its own,
        # which the tender documents motivate (art. 2.114 lid 3 Aw).
        return translate_in(language, N_("lowest price or lowest cost (quality weight 0 %)"))
    if scoring is None:
        method = translate_in(language, N_("scoring method not decided yet"))
    else:
        label = scoring.label_in(language)
        method = label[:1].lower() + label[1:]  # it continues the sentence
    return f"{split}; {method}"


SOCIAL_RETURN_THEME = "social_return"


def with_social_return(text: str, theme: str, profile: OrganisationProfile | None, language: str) -> str:
    """A picked Social Return criterion carries the organisation's own range (profile) in its text, and
    its blank percentage ("[x] %") becomes the profile's lowest figure: a requirement taken under a
    policy of 2-5 % asks at least 2 %, and says the range so the team can ask more. Other criteria, or
    a profile without a range, keep their text."""
    if theme != SOCIAL_RETURN_THEME or profile is None or profile.social_return_min_pct is None:
        return text
    low = profile.social_return_min_pct
    high = profile.social_return_max_pct or low
    text = _BLANK_PERCENTAGE.sub(format_number(low, language) + " %", text, count=1)
    note = translate_in(language, N_("(organisation profile: {low}-{high} % of the contract value)"))
    return f"{text} " + note.format(low=format_number(low, language), high=format_number(high, language))


# The catalogue's blank for a percentage the team fills in.
_BLANK_PERCENTAGE = re.compile(r"\[x\]\s*%")


def point_value(
    value_eur: Decimal | None,
    quality_weight_pct: Decimal | None,
    formula: PriceFormula | None,
    zero_pct: Decimal | None,
) -> Decimal | None:
    """What one quality point is worth in euros under weighted points (out of 100, price taking what
    quality leaves): near the lowest price a bid that is one point's worth dearer loses one price
    point. Relative to the lowest price (lowest / price x price points) that is the estimated value
    divided by the price points; linear to no points at z % above the lowest price, z % of it.
    None where a figure is missing or price scores nothing."""
    if value_eur is None or quality_weight_pct is None or formula is None:
        return None
    price_points = Decimal(100) - quality_weight_pct
    if price_points <= 0:
        return None
    if formula is PriceFormula.RELATIVE:
        spread = Decimal(1)
    elif zero_pct is None:
        return None
    else:
        spread = zero_pct / Decimal(100)
    return value_eur * spread / price_points


def price_of_ambition(
    weight_pct: Decimal | None,
    value_eur: Decimal | None,
    scoring: ScoringMethod | None,
    *,
    quality_weight_pct: Decimal | None = None,
    formula: PriceFormula | None = None,
    zero_pct: Decimal | None = None,
) -> Decimal | None:
    """What an award criterion may cost at the estimated value (issue 24). Under a fictitious
    discount its weight is the largest discount on the price a bid can earn with it: 5 % on
    EUR 2.4 M is up to EUR 120,000 the organisation pays for that quality. Under weighted points it
    is its points times what a point is worth under the price formula (``point_value``). None where
    a figure is missing."""
    if weight_pct is None or value_eur is None:
        return None
    if scoring is ScoringMethod.FICTITIOUS_DISCOUNT:
        return (value_eur * weight_pct / Decimal(100)).quantize(Decimal(1))
    if scoring is ScoringMethod.WEIGHTED_POINTS:
        per_point = point_value(value_eur, quality_weight_pct, formula, zero_pct)
        return None if per_point is None else (per_point * weight_pct).quantize(Decimal(1))
    return None


def session_price_of_ambition(snapshot: SessionSnapshot, weight_pct: Decimal | None) -> Decimal | None:
    """``price_of_ambition`` with the session's value, split, scoring method and price formula."""
    facts = snapshot.facts
    return price_of_ambition(
        weight_pct,
        facts.contract_value_eur,
        facts.scoring_method,
        quality_weight_pct=snapshot.quality_weight_pct,
        formula=facts.price_formula,
        zero_pct=facts.price_zero_pct,
    )
