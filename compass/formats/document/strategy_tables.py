"""The award model and the tender-risk register as the strategy prints them: the adviser reads every
quality criterion with its weight, scale and price, and the tender's own risks with their measures
(issue 24). Pure functions of the snapshot and the language."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Protocol

from compass.core.session import CriterionType, PriceFormula, ScoringMethod, SessionSnapshot, TenderRisk
from compass.formats.document.model import Block, Cell, Heading, Paragraph, Table, TextStyle
from compass.i18n import N_
from compass.method.award_model import award_weights_total
from compass.method.criteria import point_value, session_price_of_ambition

DASH = "\u2013"


class StrategyWords(Protocol):
    """What the document builder offers: words in the document's language, numbers and amounts."""

    lang: str
    tr: Callable[[str], str]

    def number(self, value: Decimal | None) -> str: ...

    def euros(self, value: Decimal | None) -> str: ...


def price_formula_words(snapshot: SessionSnapshot, words: StrategyWords) -> str:
    """How price scores, and what a quality point or a percent of discount is worth, in one line;
    empty where price does not score against quality."""
    tr, facts = words.tr, snapshot.facts
    quality = snapshot.quality_weight_pct
    if not snapshot.award_criteria_allowed or quality is None or not 0 < quality < 100:
        return ""
    if facts.scoring_method is ScoringMethod.FICTITIOUS_DISCOUNT:
        if facts.contract_value_eur is None:
            return tr(N_("Price: the bid price less the fictitious discounts the quality earns."))
        return tr(
            N_(
                "Price: the bid price less the fictitious discounts the quality earns; each percent of "
                "discount is worth {amount} at the estimated value."
            )
        ).format(amount=words.euros((facts.contract_value_eur / Decimal(100)).quantize(Decimal(1))))
    if facts.scoring_method is not ScoringMethod.WEIGHTED_POINTS:
        return ""
    price_points = words.number(Decimal(100) - quality)
    if facts.price_formula is PriceFormula.RELATIVE:
        formula = tr(N_("price points = lowest price / bid price x {points}")).format(points=price_points)
    elif facts.price_formula is PriceFormula.LINEAR:
        formula = tr(
            N_("{points} price points for the lowest price, falling linearly to 0 at {zero} % above it")
        ).format(points=price_points, zero=words.number(facts.price_zero_pct))
    else:
        return tr(N_("Price formula: not chosen yet."))
    line = tr(N_("Price formula: {formula}.")).format(formula=formula)
    per_point = point_value(facts.contract_value_eur, quality, facts.price_formula, facts.price_zero_pct)
    if per_point is not None:
        line += " " + tr(
            N_("At the estimated value a quality point is worth about {amount} in price.")
        ).format(amount=words.euros(per_point.quantize(Decimal(1))))
    return line


def award_model(
    snapshot: SessionSnapshot, words: StrategyWords, short: Callable[[str, int], str]
) -> list[Block]:
    """Every quality criterion of the award, SDG or not: weight, scale and assessment, and what it may
    cost at the estimated value; the price formula under it."""
    tr = words.tr
    sdg_awards = [c for c in snapshot.criteria if c.criterion_type is CriterionType.AWARD_CRITERION]
    if not sdg_awards and not snapshot.quality_criteria:
        return []
    rows: list[tuple[Cell, ...]] = []
    for c in sdg_awards:
        rows.append(
            (
                Cell(f"SDG {c.sdg} \u2013 {short(c.text, 160)}", c.verification),
                Cell(words.number(c.weight_pct)),
                Cell(_price_cell(snapshot, c.weight_pct, words)),
            )
        )
    for q in snapshot.quality_criteria:
        scale = " \u00b7 ".join(x for x in (q.scale.strip(), q.verification.strip()) if x)
        rows.append(
            (
                Cell(q.name, scale),
                Cell(words.number(q.weight_pct)),
                Cell(_price_cell(snapshot, q.weight_pct, words)),
            )
        )
    quality = snapshot.quality_weight_pct
    caption = tr(N_("Quality criteria together: {total} % of the total score")).format(
        total=words.number(award_weights_total(snapshot))
    )
    if quality is not None:
        caption += " " + tr(N_("(quality weight {quality} %, price {price} %).")).format(
            quality=words.number(quality), price=words.number(Decimal(100) - quality)
        )
    blocks: list[Block] = [
        Heading(tr(N_("Award model")), 2, "award-model"),
        Table(
            (tr(N_("Quality criterion, scale and assessment")), tr(N_("Weight %")), tr(N_("May cost up to"))),
            tuple(rows),
            (11, 2, 3),
            caption=caption,
        ),
    ]
    formula = price_formula_words(snapshot, words)
    if formula:
        blocks.append(Paragraph(formula, TextStyle.SMALL))
    return blocks


def _price_cell(snapshot: SessionSnapshot, weight: Decimal | None, words: StrategyWords) -> str:
    price = session_price_of_ambition(snapshot, weight)
    return DASH if price is None else words.euros(price)


def risk_line(risk: TenderRisk, words: StrategyWords, short: Callable[[str, int], str]) -> str:
    """A tender risk as page 1 names it: kind, risk and score (its measure is in the register: page 1
    must keep the decision and the signatures)."""
    description = short(risk.description, 90).rstrip(".")
    return f"{risk.category.label_in(words.lang)}: {description} ({risk.score})"


def tender_risk_register(
    snapshot: SessionSnapshot, words: StrategyWords, short: Callable[[str, int], str]
) -> list[Block]:
    tr = words.tr
    if not snapshot.tender_risks:
        return []
    ranked = sorted(enumerate(snapshot.tender_risks), key=lambda pair: (-pair[1].score, pair[0]))
    rows = tuple(
        (
            Cell(risk.category.label_in(words.lang)),
            Cell(risk.description),
            Cell(f"{risk.probability} \u00d7 {risk.impact} = {risk.score}"),
            Cell(
                risk.measure.strip() or DASH,
                tr(N_("Owner: {owner}")).format(owner=risk.owner.strip()) if risk.owner.strip() else "",
            ),
        )
        for _position, risk in ranked
    )
    return [
        Heading(tr(N_("Tender risks")), 2, "tender-risks"),
        Table(
            (
                tr(N_("Kind")),
                tr(N_("Risk")),
                tr(N_("Probability \u00d7 impact")),
                tr(N_("Measure and owner")),
            ),
            rows,
            (2, 6, 3, 6),
            caption=tr(
                N_("Probability and impact from 1 (very low) to 5 (very high); highest score first.")
            ),
        ),
    ]
