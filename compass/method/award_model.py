"""Whether the award model is whole: every quality criterion, SDG or not, with a weight, a scale and
how it is assessed; weights that add up to the quality weight; a price formula where price scores in
points (issue 24). No Qt."""

from __future__ import annotations

from decimal import Decimal

from compass.core.session import CriterionType, PriceFormula, Problem, ScoringMethod, SessionSnapshot
from compass.i18n import N_
from compass.method.completeness import placeholder_in, quoted


def award_weights_total(snapshot: SessionSnapshot) -> Decimal:
    """The weights of every quality award criterion, SDG or not."""
    sdg = (
        c.weight_pct or Decimal(0)
        for c in snapshot.criteria
        if c.criterion_type is CriterionType.AWARD_CRITERION
    )
    other = (q.weight_pct or Decimal(0) for q in snapshot.quality_criteria)
    return sum((*sdg, *other), Decimal(0))


def _quality_is_scored(snapshot: SessionSnapshot) -> bool:
    quality = snapshot.quality_weight_pct
    return snapshot.award_criteria_allowed and quality is not None and quality > 0


def award_model_findings(snapshot: SessionSnapshot) -> list[Problem]:
    findings = _price_formula_findings(snapshot)
    quality = snapshot.quality_weight_pct
    total = award_weights_total(snapshot)
    if _quality_is_scored(snapshot) and quality is not None and total < quality:
        findings.append(
            Problem(
                "weights_short",
                "quality_criteria",
                N_(
                    "The quality criteria weigh {total} % together, the quality weight is {quality} %: "
                    "add the other quality criteria (method statement, fit, service) or set the "
                    "weights so they add up."
                ),
                total=total,
                quality=quality,
            )
        )
    for criterion in snapshot.quality_criteria:
        field = f"quality_criteria/{criterion.id}"
        if not criterion.scale.strip():
            findings.append(
                Problem(
                    "quality_scale_missing",
                    field,
                    N_("Say how the quality criterion scores (points per level, a ranking): {name}"),
                    name=quoted(criterion.name),
                )
            )
        if not criterion.verification.strip():
            findings.append(
                Problem(
                    "quality_unverified",
                    field,
                    N_("Say how the quality criterion is assessed and by whom: {name}"),
                    name=quoted(criterion.name),
                )
            )
        for text in (criterion.name, criterion.scale, criterion.verification):
            found = placeholder_in(text)
            if found is not None:
                findings.append(
                    Problem(
                        "placeholder",
                        field,
                        N_("A quality criterion still holds a placeholder ({found}): {text}"),
                        found=found,
                        text=quoted(text),
                    )
                )
                break
    return findings


def _price_formula_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """Under weighted points the tender documents name how price scores; the euros a quality point
    is worth follow from it."""
    facts = snapshot.facts
    quality = snapshot.quality_weight_pct
    if facts.scoring_method is not ScoringMethod.WEIGHTED_POINTS or not _quality_is_scored(snapshot):
        return []
    if quality is not None and quality >= 100:
        return []
    if facts.price_formula is None:
        return [
            Problem(
                "price_formula_missing",
                "price_formula",
                N_(
                    "Choose how price scores under weighted points (relative to the lowest price, "
                    "or linear): the tender documents name the formula."
                ),
            )
        ]
    if facts.price_formula is PriceFormula.LINEAR and facts.price_zero_pct is None:
        return [
            Problem(
                "price_zero_missing",
                "price_zero_pct",
                N_("Say at what percentage above the lowest price a bid earns no price points."),
            )
        ]
    return []
