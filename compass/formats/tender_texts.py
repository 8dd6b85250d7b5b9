"""The tender texts of a session as plain data: its requirements, criteria and conditions, grouped by
the part of the tender documents each goes into (programme of requirements, award guidelines,
selection and suitability, contract, innovation), each with its SDG, how it is checked and its
catalogue id, in one language.

A pure function of the snapshot, the reference data and the language (any thread, whatever language
the app speaks). Laid out and written as a Word file by ``compass.formats.tender_texts_word``.
No Qt, no python-docx, no database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from compass.core.session import Criterion, CriterionType, SessionSnapshot, SessionStatus
from compass.formatting import format_moment, format_number
from compass.i18n import N_, translate_in
from compass.formats.document.strategy_tables import price_formula_words
from compass.method.criteria import award_basis_text, award_not_allowed, selection_without_phase
from compass.method.steps import all_gaps
from compass.reference.types import ReferenceData

DASH = "\u2013"


class TenderPart(StrEnum):
    """Where a text goes in the tender documents."""

    REQUIREMENTS = "requirements"  # Programma van Eisen
    AWARD = "award"  # gunningsleidraad
    SELECTION = "selection"  # selectie en geschiktheid
    CONTRACT = "contract"  # the contract: special contract conditions
    INNOVATION = "innovation"  # the innovation-oriented questions to the market


# The parts in the order of the document, each with the kinds of criteria it holds (in that order).
PARTS: dict[TenderPart, tuple[CriterionType, ...]] = {
    TenderPart.REQUIREMENTS: (CriterionType.MINIMUM_REQUIREMENT,),
    TenderPart.AWARD: (CriterionType.AWARD_CRITERION,),
    TenderPart.SELECTION: (CriterionType.SUITABILITY_REQUIREMENT, CriterionType.SELECTION_CRITERION),
    TenderPart.CONTRACT: (CriterionType.CONTRACT_CONDITION,),
    TenderPart.INNOVATION: (CriterionType.INNOVATION_QUESTION,),
}
PART_OF: dict[CriterionType, TenderPart] = {kind: part for part, kinds in PARTS.items() for kind in kinds}

TITLES = {
    TenderPart.REQUIREMENTS: N_("Programme of requirements"),
    TenderPart.AWARD: N_("Award guidelines"),
    TenderPart.SELECTION: N_("Selection and suitability"),
    TenderPart.CONTRACT: N_("Contract (special contract conditions)"),
    TenderPart.INNOVATION: N_("Innovation"),
}
EXPLANATIONS = {
    TenderPart.REQUIREMENTS: N_(
        "Minimum requirements: every offer must meet them; an offer that does not is not valid."
    ),
    TenderPart.AWARD: N_(
        "Award criteria: sub-criteria within the quality part of the award, each with its weight in % "
        "of the total score."
    ),
    TenderPart.SELECTION: N_(
        "Suitability requirements apply in every procedure; selection criteria only in a procedure "
        "with a selection phase."
    ),
    TenderPart.CONTRACT: N_(
        "Special contract conditions (bijzondere uitvoeringsvoorwaarden) the supplier meets while "
        "carrying out the contract."
    ),
    TenderPart.INNOVATION: N_(
        "Innovation-oriented questions: ask the market for new solutions, functionally, with room "
        "for pilots."
    ),
}
SUBTITLE = N_("Texts for the tender documents")
INTRODUCTION = N_(
    "The requirements, criteria and conditions of this session, grouped by the part of the tender "
    "documents they go into, each with its SDG, how it is checked and its catalogue id."
)
NOTHING_YET = N_("This session has no requirements, criteria or conditions yet: add them in step 3.")
OWN_TEXT = N_("own text")
NOT_DECIDED = N_("to be decided")
# The same words as the tender strategy document's line under its award criteria.
WEIGHTS = N_(
    "Price {price} %, quality {limit} %, of which the quality criteria together {total} % of the total score."
)
NO_SPLIT = N_(
    "Award weights of the quality criteria together: {total} %; the price/quality split is not decided."
)


@dataclass(frozen=True)
class TenderText:
    """One requirement, criterion or condition as it goes into the tender documents."""

    criterion_id: int
    criterion_type: CriterionType
    number: int  # its place among the texts of its kind in its part, from 1
    text: str
    sdg: int
    sdg_name: str
    verification: str  # how it is checked; "to be decided" in words when the team has not said
    catalogue_id: str  # "" for the team's own text
    source: str  # the catalogue id, or "own text" in the document's language
    weight_pct: Decimal | None  # award criteria only: the share of the total score
    weight: str  # the weight in words ("12,5"), a dash when not given


@dataclass(frozen=True)
class QualityText:
    """A quality award criterion that serves no SDG, as it goes into the award guidelines."""

    number: int
    name: str
    scale: str
    verification: str  # "to be decided" in words when the team has not said
    weight_pct: Decimal | None
    weight: str


@dataclass(frozen=True)
class TenderSection:
    part: TenderPart
    title: str
    explanation: str
    texts: tuple[TenderText, ...]
    # Award guidelines only: the award basis (price/quality split and scoring method), why the award
    # is on lowest price where the team said so, and the weights line.
    award_basis: str = ""
    lowest_price_reason: str = ""
    weights: str = ""
    # Award guidelines only: the quality criteria beyond the SDGs, and how price scores.
    quality: tuple[QualityText, ...] = ()
    price_formula: str = ""
    # What the procedure's rules say against texts in this part (a selection criterion without a
    # selection phase), in words: the texts are shown, the reader warned.
    notes: tuple[str, ...] = ()

    def of_kind(self, kind: CriterionType) -> tuple[TenderText, ...]:
        return tuple(text for text in self.texts if text.criterion_type is kind)


@dataclass(frozen=True)
class TenderTexts:
    language: str
    title: str  # the tender's title
    subtitle: str  # what the document is
    organisation: str
    author: str
    version: str  # in words, "versie van 2 december 2026, 14:05"
    status: str  # in words, as the strategy document says it
    concept: bool  # open issues remain: the texts may still change
    introduction: str
    sections: tuple[TenderSection, ...]  # only the parts that hold texts, in the order of ``PARTS``
    empty_note: str = ""  # when no part holds a text

    @property
    def texts(self) -> tuple[TenderText, ...]:
        return tuple(text for section in self.sections for text in section.texts)

    def section(self, part: TenderPart) -> TenderSection | None:
        return next((s for s in self.sections if s.part is part), None)


def build_tender_texts(snapshot: SessionSnapshot, reference: ReferenceData, language: str) -> TenderTexts:
    return _Builder(snapshot, reference, language).texts()


class _Builder:
    def __init__(self, snapshot: SessionSnapshot, reference: ReferenceData, language: str) -> None:
        self.s, self.ref, self.lang = snapshot, reference, language
        self.tr: Callable[[str], str] = lambda message: translate_in(language, message)

    def number(self, value: Decimal | None) -> str:
        return DASH if value is None else format_number(value, self.lang)

    def euros(self, value: Decimal | None) -> str:
        return DASH if value is None else f"\u20ac {format_number(value, self.lang)}"

    def texts(self) -> TenderTexts:
        facts = self.s.facts
        concept, status = self.status()
        sections = tuple(
            section for section in (self.section(part, kinds) for part, kinds in PARTS.items()) if section
        )
        return TenderTexts(
            language=self.lang,
            title=facts.title,
            subtitle=self.tr(SUBTITLE),
            organisation=facts.organisation,
            author=", ".join(x for x in (facts.organisation, facts.procurement_adviser) if x),
            version=self.tr(N_("version of {moment}")).format(
                moment=format_moment(self.s.updated_at, self.lang)
            ),
            status=status,
            concept=concept,
            introduction=self.tr(INTRODUCTION),
            sections=sections,
            empty_note="" if sections else self.tr(NOTHING_YET),
        )

    def status(self) -> tuple[bool, str]:
        """As the tender strategy document says it: texts of a strategy with open issues are a concept."""
        count = len(all_gaps(self.s))
        if count:
            words = N_("Concept: {count} open issue") if count == 1 else N_("Concept: {count} open issues")
            return True, self.tr(words).format(count=count)
        if self.s.status is SessionStatus.FINAL:
            return False, self.tr(N_("Final"))
        return False, self.tr(N_("Complete, for decision"))

    def section(self, part: TenderPart, kinds: tuple[CriterionType, ...]) -> TenderSection | None:
        # Per SDG, in the order the team wrote them; a criterion without words has nothing to paste
        # (the strategy's open issues name it).
        chosen = sorted(
            (c for c in self.s.criteria if c.criterion_type in kinds and c.text.strip()),
            key=lambda c: c.sdg,
        )
        if not chosen and not (part is TenderPart.AWARD and self.s.quality_criteria):
            return None
        texts = tuple(
            self.text(criterion, number)
            for kind in kinds
            for number, criterion in enumerate((c for c in chosen if c.criterion_type is kind), start=1)
        )
        section = TenderSection(part, self.tr(TITLES[part]), self.tr(EXPLANATIONS[part]), texts)
        if part is TenderPart.AWARD:
            return self.award(section)
        selection = any(t.criterion_type is CriterionType.SELECTION_CRITERION for t in texts)
        if selection and not self.s.selection_phase:
            note = selection_without_phase(self.s.facts.procedure).message_in(self.lang)
            return replace(section, notes=(note,))
        return section

    def text(self, criterion: Criterion, number: int) -> TenderText:
        award = criterion.criterion_type is CriterionType.AWARD_CRITERION
        catalogue_id = criterion.catalogue_id.strip()
        return TenderText(
            criterion_id=criterion.id,
            criterion_type=criterion.criterion_type,
            number=number,
            text=criterion.text.strip(),
            sdg=criterion.sdg,
            sdg_name=self.ref.sdg(criterion.sdg).name(self.lang),
            verification=criterion.verification.strip() or self.tr(NOT_DECIDED),
            catalogue_id=catalogue_id,
            source=catalogue_id or self.tr(OWN_TEXT),
            weight_pct=criterion.weight_pct if award else None,
            weight=self.number(criterion.weight_pct) if award else "",
        )

    def award(self, section: TenderSection) -> TenderSection:
        s = self.s
        quality = tuple(
            QualityText(
                number=number,
                name=q.name.strip(),
                scale=q.scale.strip() or self.tr(NOT_DECIDED),
                verification=q.verification.strip() or self.tr(NOT_DECIDED),
                weight_pct=q.weight_pct,
                weight=self.number(q.weight_pct),
            )
            for number, q in enumerate(s.quality_criteria, start=1)
        )
        weights_given = [t.weight_pct for t in section.texts] + [q.weight_pct for q in quality]
        total = sum((w or Decimal(0) for w in weights_given), Decimal(0))
        if s.quality_weight_pct is None:
            weights = self.tr(NO_SPLIT).format(total=self.number(total))
        else:
            weights = self.tr(WEIGHTS).format(
                total=self.number(total),
                limit=self.number(s.quality_weight_pct),
                price=self.number(Decimal(100) - s.quality_weight_pct),
            )
        reason = s.facts.award_basis_reason.strip() if s.quality_weight_pct == 0 else ""
        refused = () if s.award_criteria_allowed else (award_not_allowed(s.facts.procedure),)
        return replace(
            section,
            award_basis=award_basis_text(
                s.quality_weight_pct, s.award_criteria_allowed, self.lang, s.facts.scoring_method
            ),
            lowest_price_reason=reason,
            weights=weights,
            quality=quality,
            price_formula=price_formula_words(s, self),
            notes=tuple(problem.message_in(self.lang) for problem in refused),
        )
