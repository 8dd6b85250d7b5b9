"""The tender strategy document built from a session: a pure function of the snapshot, the reference
data and the language (any thread, whatever language the app speaks).

The first page decides: what is bought, for how much and how, the priority SDGs and their weights,
the main risks, the decision asked and the approval with names, roles, mandate, date and room to sign.
The body records the procurement frame, the organisation's policy frame and the five steps, with the
team's reasons where its choices are, and the open issues.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from compass.core.fact_fields import FACTS_BY_NAME
from compass.core.profile import MandateStep
from compass.core.session import (
    AmbitionLevel,
    Criterion,
    CriterionType,
    Problem,
    SessionSnapshot,
    SessionStatus,
)
from compass.formats.document.model import (
    Block,
    Bullets,
    Cell,
    Contents,
    Document,
    Heading,
    Paragraph,
    SdgTiles,
    Table,
    TableKind,
    TextStyle,
    Tile,
)
from compass.formats.document.strategy_tables import (
    award_model,
    price_formula_words,
    risk_line,
    tender_risk_register,
)
from compass.formatting import format_day, format_moment, format_number
from compass.i18n import N_, translate_in
from compass.method.award_model import award_weights_total
from compass.method.catalogue_words import in_language
from compass.method.criteria import award_basis_text, session_price_of_ambition
from compass.method.dashboard import realised_value_words
from compass.method.dialogues import sdg_tally, tally, votes_come_from_dialogue
from compass.method.mandate import DECIDES_WORDS, route_for_value
from compass.method.planning import PLANNING_ORDER
from compass.method.policy import policy_status_text
from compass.method.priority_score import priority_order, score_explanation, sdg_score
from compass.method.reasons import priority_reason_text
from compass.method.risks import main_risks
from compass.method.steps import Step, all_advice, all_gaps
from compass.method.suggestions import category_label
from compass.method.tender_risks import top_tender_risks
from compass.method.thresholds import threshold_test
from compass.reference.types import ReferenceData

DASH = "\u2013"
MAIN_RISKS = 2  # without marks, the management summary names the first risks of the priority SDGs
FIRST_OPEN_POINTS = 5  # a concept's first page names its first open issues and how many in all
WEIGHTS = N_(
    "Price {price} %, quality {limit} %, of which the quality criteria together {total} % of the total score."
)
NO_SPLIT = N_(
    "Award weights of the quality criteria together: {total} %; the price/quality split is not decided."
)
TOP_TENDER_RISKS = 3  # page 1 names the highest-scoring risks of the tender-risk register
IDEA_LENGTH = 120  # a criterion named in the dialogue record: its first words; step 3 has it in full
DIALOGUE_TITLES = {
    1: N_("Dialogue 1: risks, opportunities and priorities"),
    2: N_("Dialogue 2: ambitions and criteria"),
}
LEGEND = N_(
    "Coloured: inventoried in step 1. A frame and \u201cpriority\u201d: selected in step 2, with the "
    "ambition level of step 3."
)


def _short(value: str, limit: int = 160) -> str:
    """The first sentence of ``value``, cut at a word before ``limit`` characters: the first page
    summarises, the body says it in full."""
    value = " ".join(value.split())
    end = value.find(". ")
    if 0 < end < limit:
        return value[: end + 1]
    if len(value) <= limit:
        return value
    space = value.rfind(" ", 0, limit)
    # One word longer than the summary (a web address) is cut inside: the body has it whole.
    cut = value[:space] if space > 0 else value[: limit - 1]
    return cut.rstrip(",;:") + "\u2026"


def problem_target(step: Step, problem: Problem) -> str:
    """Where an open issue is fixed: its step and the field it names ("indicators#indicator_12"), so
    a link opens the step with that item chosen, not whichever was chosen before."""
    return f"{step.value}#{problem.field}" if problem.field else step.value


def _lower_first(words: str) -> str:
    return words[:1].lower() + words[1:]


def gap_messages(snapshot: SessionSnapshot, language: str) -> list[str]:
    """The open issues in ``language``, whatever language the app speaks (any thread)."""
    return [problem.message_in(language) for _step, problem in all_gaps(snapshot)]


def build_document(snapshot: SessionSnapshot, reference: ReferenceData, language: str) -> Document:
    return _Builder(snapshot, reference, language).document()


def build_dialogue_record(snapshot: SessionSnapshot, reference: ReferenceData, language: str) -> Document:
    """The record of the SDG dialogues on its own, to send to the participants after the session
    (issue 25): the same record as the strategy's annex, names only with consent."""
    return _Builder(snapshot, reference, language).dialogue_record()


class _Builder:
    def __init__(self, snapshot: SessionSnapshot, reference: ReferenceData, language: str) -> None:
        # Catalogue texts the team left unchanged print in the document's language (issue 24).
        self.s, self.ref, self.lang = in_language(snapshot, reference, language), reference, language
        self.tr: Callable[[str], str] = lambda message: translate_in(language, message)
        self.gap_problems = [problem for _step, problem in all_gaps(snapshot)]
        self.gaps = [problem.message_in(language) for problem in self.gap_problems]

    # -- words --------------------------------------------------------------------------------------

    def number(self, value: Decimal | None) -> str:
        return DASH if value is None else format_number(value, self.lang)

    def euros(self, value: Decimal | None) -> str:
        return DASH if value is None else f"\u20ac {format_number(value, self.lang)}"

    def sdg_name(self, number: int) -> str:
        return f"{number} {self.ref.sdg(number).name(self.lang)}"

    def level_words(self, sdg: int) -> str:
        ambition = self.s.ambition_for(sdg)
        return ambition.level.label_in(self.lang) if ambition else self.tr(N_("not set yet"))

    def level_note(self, sdg: int) -> str:
        ambition = self.s.ambition_for(sdg)
        return ambition.note.strip() if ambition else ""

    def award_criteria(self) -> list[Criterion]:
        return [c for c in self.s.criteria if c.criterion_type is CriterionType.AWARD_CRITERION]

    def weights_line(self) -> str:
        total = award_weights_total(self.s)
        if self.s.quality_weight_pct is None:
            return self.tr(NO_SPLIT).format(total=self.number(total))
        return self.tr(WEIGHTS).format(
            total=self.number(total),
            limit=self.number(self.s.quality_weight_pct),
            price=self.number(Decimal(100) - self.s.quality_weight_pct),
        )

    def procedure_words(self) -> str:
        procedure = self.s.facts.procedure
        return procedure.label_in(self.lang) if procedure is not None else self.tr(N_("not chosen yet"))

    def award_basis(self) -> str:
        return award_basis_text(
            self.s.quality_weight_pct, self.s.award_criteria_allowed, self.lang, self.s.facts.scoring_method
        )

    def status(self) -> tuple[bool, str]:
        if self.gaps:
            count = len(self.gaps)
            words = (
                self.tr(N_("Concept: {count} open issue"))
                if count == 1
                else self.tr(N_("Concept: {count} open issues"))
            )
            return True, words.format(count=count)
        if self.s.status is SessionStatus.FINAL:
            return False, self.tr(N_("Final"))
        return False, self.tr(N_("Complete, for decision"))

    # -- the document -------------------------------------------------------------------------------

    def document(self) -> Document:
        facts = self.s.facts
        concept, status = self.status()
        version = self.tr(N_("version of {moment}")).format(
            moment=format_moment(self.s.updated_at, self.lang)
        )
        return Document(
            language=self.lang,
            title=facts.title,
            subtitle=self.tr(N_("Tender strategy (MVOI uitvraagstrategie)")),
            organisation=facts.organisation,
            author=", ".join(x for x in (facts.organisation, facts.procurement_adviser) if x),
            version=version,
            concept=concept,
            concept_mark=self.tr(N_("CONCEPT")),
            status=status,
            header=f"{facts.title} \u2013 {facts.organisation}".rstrip(" \u2013"),
            page_label=self.tr(N_("page {page} of {pages}")),
            continued=self.tr(N_("{label} (continued)")),
            first_page=tuple(self.first_page(version, status)),
            body=tuple(self.body()),
        )

    def dialogue_record(self) -> Document:
        facts, tr = self.s.facts, self.tr
        version = tr(N_("version of {moment}")).format(moment=format_moment(self.s.updated_at, self.lang))
        record = self.dialogues() or [
            Paragraph(tr(N_("No SDG dialogue has been recorded for this tender yet.")), TextStyle.BODY)
        ]
        intro = tr(
            N_(
                "The record of the SDG dialogues of this tender, for the participants: what was asked, "
                "which ideas came up, where the dots went and what was decided. Participants from "
                "outside the organisation are named only with their consent."
            )
        )
        return Document(
            language=self.lang,
            title=facts.title,
            subtitle=tr(N_("Record of the SDG dialogues")),
            organisation=facts.organisation,
            author=", ".join(x for x in (facts.organisation, facts.procurement_adviser) if x),
            version=version,
            concept=False,
            concept_mark=tr(N_("CONCEPT")),
            status="",
            header=f"{facts.title} \u2013 {tr(N_('Record of the SDG dialogues'))}",
            page_label=tr(N_("page {page} of {pages}")),
            continued=tr(N_("{label} (continued)")),
            first_page=(
                Paragraph(" \u00b7 ".join(x for x in (facts.organisation, version) if x), TextStyle.SMALL),
                Paragraph(intro, TextStyle.BODY),
            ),
            body=tuple(record),
            body_on_new_page=False,  # the record starts under its introduction
        )

    def first_page(self, version: str, status: str) -> list[Block]:
        tr, facts = self.tr, self.s.facts
        meta = " \u00b7 ".join(x for x in (facts.organisation, version, status) if x)
        blocks: list[Block] = [Paragraph(meta, TextStyle.SMALL)]
        blocks.append(Heading(tr(N_("Management summary")), 1, "summary"))
        blocks.append(Table((), tuple(self.summary_rows()), (3, 8), TableKind.FACTS))
        blocks.append(Heading(tr(N_("Decision asked")), 1, "decision"))
        blocks.append(Bullets(tuple(self.decision_points()), numbered=True))
        blocks += self.open_points()
        blocks += self.approval()
        return blocks

    def summary_rows(self) -> list[tuple[Cell, ...]]:
        tr, facts, s = self.tr, self.s.facts, self.s
        bought = " \u2013 ".join(
            x for x in (category_label(facts.category, self.ref, self.lang), _short(facts.scope, 120)) if x
        )
        value = self.euros(facts.contract_value_eur)
        if facts.contract_value_eur is not None:
            value += " " + tr(N_("excl. VAT"))
        if facts.duration.strip():  # whole: "... then a maintenance term of 5..." was cut mid-fact
            value += " \u00b7 " + " ".join(facts.duration.split())
        procedure = self.procedure_words()
        if facts.innovation_pilot:
            procedure += " \u00b7 " + tr(N_("innovation pilot"))
        priority_sdgs = s.priority_sdgs()  # each call looks at every entry: once, not once per entry
        priorities = "; ".join(f"{self.sdg_name(sdg)} ({self.level_words(sdg)})" for sdg in priority_sdgs)
        awards = self.award_criteria()
        # Each criterion by its first words: "SDG 12: 15 %; SDG 12: 10 %" named neither.
        weights = "; ".join(
            [
                f"SDG {c.sdg} \u2013 {_short(c.text, 60)}: {self.number(c.weight_pct)} %"
                + self.ambition_price(c.weight_pct)
                for c in awards
            ]
            + [
                f"{_short(q.name, 60)}: {self.number(q.weight_pct)} %" + self.ambition_price(q.weight_pct)
                for q in s.quality_criteria
            ]
        )
        top_risks = top_tender_risks(s.tender_risks, TOP_TENDER_RISKS)
        tender_risks = [risk_line(risk, self, _short) for risk in top_risks]
        risks = [f"SDG {e.sdg}: {_short(e.description, 70)}" for e in main_risks(s, MAIN_RISKS)]
        budget = ""
        if facts.budget_eur is not None:
            budget = tr(N_("{amount} available")).format(amount=self.euros(facts.budget_eur))
        if facts.budget.strip():
            budget = (budget + " \u00b7 " if budget else "") + _short(facts.budget, 160)
        rows = [
            *(
                [(tr(N_("Occasion and goal")), _short(facts.occasion, 200))]
                if facts.occasion.strip()
                else []
            ),
            (tr(N_("What is bought")), bought or DASH),
            (tr(N_("Value and duration")), value),
            *([(tr(N_("Budget")), budget)] if budget else []),
            (tr(N_("Procedure")), procedure),
            (
                tr(N_("Award basis")),
                ". ".join(x for x in (self.award_basis(), price_formula_words(s, self)) if x),
            ),
            *(
                [(tr(N_("Why lowest price or lowest cost")), _short(facts.award_basis_reason, 300))]
                if s.quality_weight_pct == 0 or facts.award_basis_reason.strip()
                else []
            ),
            (tr(N_("Priority SDGs and ambition")), priorities or DASH),
            (
                tr(N_("Award criteria and weights")),
                (weights + ". " + self.weights_line()) if weights else DASH,
            ),
            (tr(N_("Main SDG risks")), "; ".join(risks) or DASH),
            *([(tr(N_("Main tender risks")), "; ".join(tender_risks))] if tender_risks else []),
        ]
        if s.policy:
            rows.append((tr(N_("Organisation policy")), self.policy_summary()))
        threshold = threshold_test(facts, s.eu_threshold)
        if threshold is not None:
            rows.insert(3, (tr(N_("EU threshold")), threshold.message_in(self.lang)))
        return [(Cell(label), Cell(text)) for label, text in rows]

    def ambition_price(self, weight_pct: Decimal | None) -> str:
        """ " (up to EUR 120,000)": what a criterion of this weight may cost at the estimated value,
        where the scoring method and the price formula say it in euros."""
        price = session_price_of_ambition(self.s, weight_pct)
        if price is None:
            return ""
        return " " + self.tr(N_("(up to {amount})")).format(amount=self.euros(price))

    def policy_summary(self) -> str:
        """How the strategy stands to its organisation's standard requirements, each exception named
        with its reason ("2 of 2 applied; the others explained" said nothing true)."""
        tr, s = self.tr, self.s
        applies = [item for item in s.policy if item.applies]
        applied = [item for item in applies if item.applied]
        words = tr(N_("{applied} of {total} standard requirements that apply are applied.")).format(
            applied=len(applied), total=len(applies)
        )
        explained = [item for item in applies if not item.applied and item.reason.strip()]
        open_items = [item for item in applies if not item.applied and not item.reason.strip()]
        # Each exception is its own decision point with its reason; here only how many, so page 1
        # says it once and stays one page.
        if explained:
            words += " " + tr(
                N_("Not applied, with the reason put to the decision below: {count}.")
            ).format(count=len(explained))
        if open_items:
            words += " " + tr(N_("Still open: {requirements}.")).format(
                requirements="; ".join(_short(item.text(self.lang), 60).rstrip(".") for item in open_items)
            )
        return words

    def decision_points(self) -> list[str]:
        tr, facts, s = self.tr, self.s.facts, self.s
        points = [
            tr(
                N_("To adopt the tender strategy \u201c{title}\u201d as laid down in this document.")
            ).format(title=facts.title)
        ]
        # No procedure is put to the decision before the team chose one (its open issue says so).
        if facts.procedure is not None:
            points.append(
                tr(
                    N_(
                        "To agree to the {procedure} as the procedure, for the reasons in the "
                        "procurement frame."
                    )
                ).format(procedure=_lower_first(facts.procedure.label_in(self.lang)))
                + self.conflicts_of("procedure")
            )
        points.append(
            tr(N_("To agree to award on: {basis}.")).format(basis=self.award_basis())
            + self.conflicts_of("quality_weight_pct", "award_basis_reason")
        )
        if s.priority_sdgs():
            points.append(
                tr(
                    N_(
                        "To adopt SDG {sdgs} as priorities, with their ambition levels, criteria "
                        "and indicators."
                    )
                ).format(sdgs=", ".join(str(sdg) for sdg in s.priority_sdgs()))
            )
        explained = [item for item in s.policy if not item.applied and item.applies and item.reason.strip()]
        for item in explained:  # each exception by name and reason, not "1 standard requirement(s)"
            points.append(
                tr(
                    N_(
                        "To agree not to apply the organisation's standard requirement "
                        "\u201c{requirement}\u201d, because: {reason}"
                    )
                ).format(
                    requirement=_short(item.text(self.lang), 100).rstrip("."),
                    reason=_short(item.reason, 140),  # in full in the policy frame
                )
            )
        if self.gaps:
            points.append(
                tr(
                    N_(
                        "To note that {count} issue(s) are still open: this document stays a "
                        "concept until they are resolved."
                    )
                ).format(count=len(self.gaps))
            )
        return points

    def person(self, name: str) -> str:
        """How the record names someone: a decision document may be published, so an external
        participant who did not agree to be named appears by organisation and role (issue 24)."""
        found = next(
            (p for p in self.s.participants if p.name.strip() == name.strip() and name.strip()), None
        )
        if found is None or found.internal or found.named:
            return name
        described = " \u00b7 ".join(
            x for x in (found.organisation, self.ref.role_words(found.role, self.lang)) if x
        )
        return described or self.tr(N_("external participant"))

    def conflicts_of(self, *fields: str) -> str:
        """The open issues about a decision point, said beside it: a national procedure above the
        threshold was asked for on page 1 while the conflict stood on page 3."""
        found = [problem.message_in(self.lang) for problem in self.gap_problems if problem.field in fields]
        if not found:
            return ""
        return " " + self.tr(N_("Open: {issues}")).format(issues=" ".join(found))

    def open_points(self) -> list[Block]:
        """A concept's open issues on its first page: the first five and how many in all."""
        if not self.gaps:
            return []
        shown = self.gaps[:FIRST_OPEN_POINTS]
        blocks: list[Block] = [
            Heading(self.tr(N_("Open issues")), 1, "open_first"),
            Bullets(tuple(shown)),
        ]
        if len(self.gaps) > FIRST_OPEN_POINTS:
            blocks.append(
                Paragraph(
                    self.tr(N_("And {count} more, listed under Open issues at the end.")).format(
                        count=len(self.gaps) - FIRST_OPEN_POINTS
                    ),
                    TextStyle.SMALL,
                )
            )
        return blocks

    def approval(self) -> list[Block]:
        tr, facts = self.tr, self.s.facts
        planned = (
            format_day(facts.decision_date, self.lang) if facts.decision_date else tr(N_("not planned yet"))
        )
        rows = [
            (tr(N_("Project leader")), facts.project_leader, tr(N_("submits"))),
            (tr(N_("Procurement adviser")), facts.procurement_adviser, tr(N_("advises"))),
            *self.mandate_rows(),
        ]
        return [
            Heading(tr(N_("Approval")), 1, "approval"),
            Paragraph(tr(N_("Decision planned on {date}.")).format(date=planned), TextStyle.SMALL),
            Table(
                (tr(N_("Role")), tr(N_("Name")), tr(N_("Mandate")), tr(N_("Date")), tr(N_("Signature"))),
                tuple(
                    (Cell(role), Cell(name or DASH), Cell(mandate), Cell(""), Cell(""))
                    for role, name, mandate in rows
                ),
                (3, 3, 6, 2, 3),  # the mandate names its rule: the widest column
                TableKind.SIGNATURE,
            ),
        ]

    def mandate_rows(self) -> list[tuple[str, str, str]]:
        """The budget holder, then the steps of the organisation's mandate route that apply at this
        contract value, so the one who adopts is named (issue 24). Without a route the budget holder
        adopts, as before; without a value the route is not guessed."""
        tr, facts = self.tr, self.s.facts
        route = self.s.profile.mandate_route if self.s.profile else ()
        holder = (tr(N_("Budget holder")), facts.budget_holder)
        if not route:
            return [(*holder, tr(N_("adopts (budget holder)")))]
        if facts.contract_value_eur is None:
            unknown = N_("Mandate route not determined yet: the contract value is not known.")
            return [(*holder, tr(unknown))]
        found = route_for_value(route, facts.contract_value_eur)
        own = N_("adopts (budget holder)") if found.adopting is None else N_("submits (budget holder)")
        return [(*holder, tr(own))] + [(step.role, "", self.mandate_words(step)) for step in found.steps]

    def mandate_words(self, step: MandateStep) -> str:
        """What a step does, from which amount and by which rule, e.g. "adopts (from € 1,500,000;
        Mandaatbesluit 2024, art. 3)"; the product's own reading of a rule says so."""
        derived = self.tr(N_("own derivation"))
        source = f"{step.source}; {derived}" if step.derived else step.source
        decides = self.tr(DECIDES_WORDS[step.decides])
        if not step.from_eur:
            return self.tr(N_("{decides} ({source})")).format(decides=decides, source=source)
        return self.tr(N_("{decides} (from {amount}; {source})")).format(
            decides=decides, amount=self.euros(step.from_eur), source=source
        )

    # -- the body -----------------------------------------------------------------------------------

    def body(self) -> list[Block]:
        blocks: list[Block] = [
            Contents(
                self.tr(N_("Contents")),
                update_hint=self.tr(
                    N_(
                        "To show the page numbers, right-click the contents and choose \u2018Update Field\u2019."
                    )
                ),
            )
        ]
        # The decision first (frame, SDGs, ambition, indicators, impact, what is open), the working
        # material behind it in an annex: step 1's inventory, step 2's ranking and the dialogue record
        # took a third of the pages an alderman reads (issue 24).
        for section in (
            self.procurement_frame,
            self.policy_frame,
            self.overview,
            self.ambition,
            self.indicators,
            self.visibility,
            self.open_issues,
            self.annex,
            self.inventory,
            self.priorities,
            self.dialogues,
            self.workshop,
        ):
            blocks += section()
        return blocks

    def annex(self) -> list[Block]:
        return [
            Heading(self.tr(N_("Annex: working material")), 1, "annex"),
            Paragraph(
                self.tr(
                    N_(
                        "How the team arrived at the strategy: the risks and opportunities of step 1, "
                        "the priorities of step 2 and the record of the SDG dialogues."
                    )
                ),
                TextStyle.SMALL,
            ),
        ]

    def procurement_frame(self) -> list[Block]:
        tr, f, s = self.tr, self.s.facts, self.s
        threshold = DASH
        if s.eu_threshold is not None:
            threshold = tr(N_("{value} ({period}; {source})")).format(
                value=self.euros(s.eu_threshold.value_eur),
                period=s.eu_threshold.period,
                source=s.eu_threshold.source,
            )
        rows = [
            (tr(N_("Procurement category")), category_label(f.category, self.ref, self.lang)),
            (tr(N_("Scope (short description)")), f.scope),
            (tr(N_("Main materials and products")), f.materials),
            (tr(N_("Location")), f.location),
            (tr(N_("Kind of contract")), f.contract_kind.label_in(self.lang) if f.contract_kind else ""),
            (
                tr(N_("Estimated contract value")),
                self.euros(f.contract_value_eur)
                + (" " + tr(N_("excl. VAT")) if f.contract_value_eur is not None else ""),
            ),
            (tr(N_("Duration and options")), f.duration),
            (tr(N_("EU threshold")), threshold),
            (tr(N_("Procedure")), self.procedure_words()),
            (tr(N_("Why this procedure")), f.procedure_reason),
            (tr(N_("Lots")), f.lots),
            (tr(N_("Award basis")), self.award_basis()),
            *(
                [(tr(N_("Why lowest price or lowest cost")), f.award_basis_reason)]
                if s.quality_weight_pct == 0 or f.award_basis_reason.strip()
                else []
            ),
            (
                tr(N_("Planned publication")),
                format_day(f.publication_date, self.lang) if f.publication_date else "",
            ),
            (tr(N_("Organisation profile")), s.profile.name if s.profile else ""),
        ]
        occasion = [(tr(N_("Occasion and goal")), f.occasion)] if f.occasion.strip() else []
        return [
            Heading(tr(N_("Procurement frame")), 1, "procurement"),
            Table(
                (),
                tuple((Cell(k), Cell(v.strip() or DASH)) for k, v in occasion + rows),
                (3, 8),
                TableKind.FACTS,
            ),
            *self.budget_and_planning(),
            *award_model(s, self, _short),
            *tender_risk_register(s, self, _short),
            *self.selection_and_contract(),
        ]

    def budget_and_planning(self) -> list[Block]:
        """The money and the dates, where the team wrote them: the budget against the estimate, the
        planning from publication to contract with the procedure's legal minimum periods."""
        tr, f, s = self.tr, self.s.facts, self.s
        money = [
            (tr(N_("Budget line and cover")), f.budget),
            (tr(N_("Budget available")), self.euros(f.budget_eur) if f.budget_eur is not None else ""),
            (tr(N_("Basis of the estimate")), f.estimate_basis),
        ]
        money = [(k, v) for k, v in money if v.strip()]
        dates = [
            (tr(FACTS_BY_NAME[name].label), getattr(f, name))
            for name in PLANNING_ORDER
            if getattr(f, name) is not None
        ]
        blocks: list[Block] = []
        if money:
            blocks += [
                Heading(tr(N_("Budget")), 2, "budget"),
                Table((), tuple((Cell(k), Cell(v)) for k, v in money), (3, 8), TableKind.FACTS),
            ]
        if dates:
            periods = s.procedure_periods
            note = (
                tr(
                    N_(
                        "Legal minimum periods of this procedure: tenders {tender} days after publication"
                        "{requests}, last answers {questions} days before closing, standstill {standstill} "
                        "days ({source})."
                    )
                ).format(
                    tender=periods.tender_days,
                    requests=(
                        tr(N_(" (after {days} days for requests to participate)")).format(
                            days=periods.request_days
                        )
                        if periods.request_days
                        else ""
                    ),
                    questions=periods.questions_days,
                    standstill=periods.standstill_days,
                    source=periods.source,
                )
                if periods is not None
                else tr(
                    N_(
                        "A national procedure: periods in proportion to the tender (Gids Proportionaliteit)."
                    )
                )
            )
            blocks += [
                Heading(tr(N_("Planning")), 2, "planning"),
                Table(
                    (tr(N_("Milestone")), tr(N_("Date"))),
                    tuple((Cell(k), Cell(format_day(v, self.lang))) for k, v in dates),
                    (6, 3),
                ),
                Paragraph(note, TextStyle.SMALL),
            ]
        return blocks

    def selection_and_contract(self) -> list[Block]:
        tr, f = self.tr, self.s.facts
        rows = [
            (tr(N_("Exclusion, suitability and selection")), f.selection),
            (tr(N_("Contract form and conditions")), f.contract_terms),
            (tr(N_("Contract management")), f.contract_management),
        ]
        rows = [(k, v) for k, v in rows if v.strip()]
        if not rows:
            return []
        return [
            Heading(tr(N_("Selection and contract")), 2, "contract"),
            Table((), tuple((Cell(k), Cell(v)) for k, v in rows), (3, 8), TableKind.FACTS),
        ]

    def policy_frame(self) -> list[Block]:
        if not self.s.policy:
            return []
        tr = self.tr
        return [
            Heading(tr(N_("Policy frame of the organisation")), 1, "policy"),
            Paragraph(
                tr(
                    N_(
                        "The organisation profile asks these standard requirements in its "
                        "tenders; each is applied here or the team says why not."
                    )
                ),
                TextStyle.SMALL,
            ),
            Table(
                (tr(N_("Requirement")), tr(N_("In this tender"))),
                tuple(
                    (Cell(item.text(self.lang)), Cell(policy_status_text(item, self.lang)))
                    for item in self.s.policy
                ),
                (3, 2),
            ),
        ]

    def overview(self) -> list[Block]:
        tr, s = self.tr, self.s
        tiles = tuple(
            Tile(
                number=sdg.number,
                name=sdg.name(self.lang),
                colour=sdg.colour,
                ink=sdg.text_colour,
                inventoried=sdg.number in s.inventoried_sdgs(),
                priority=sdg.number in s.priority_sdgs(),
                level=self.level_words(sdg.number) if s.ambition_for(sdg.number) else "",
                mark=self.tile_mark(sdg.number),
            )
            for sdg in self.ref.sdgs
        )
        return [Heading(tr(N_("The 17 SDGs in this tender")), 1, "sdgs"), SdgTiles(tiles, tr(LEGEND))]

    def also_words(self, own: int, also: tuple[int, ...], shown_under: int) -> str:
        """Where else the same entry counts, so one risk on two SDGs reads as one, not two."""
        others = [n for n in (own, *also) if n != shown_under]
        if not others:
            return ""
        return self.tr(N_("also SDG {sdgs}")).format(sdgs=", ".join(str(n) for n in others))

    def tile_mark(self, sdg: int) -> str:
        if sdg not in self.s.priority_sdgs():
            return ""
        word = self.tr(N_("priority"))
        ambition = self.s.ambition_for(sdg)
        if ambition is None:
            return word
        return f"{word} \u00b7 " + self.tr(N_("level {level}")).format(level=ambition.level.value)

    def inventory(self) -> list[Block]:
        tr = self.tr
        blocks: list[Block] = [Heading(tr(N_("Step 1 - Insight: risks and opportunities")), 1, "inventory")]
        if not self.s.inventory:
            return blocks + [Paragraph(tr(N_("Nothing recorded.")))]
        for sdg in self.s.inventoried_sdgs():
            entries = self.s.entries_for(sdg)
            blocks.append(Heading(self.sdg_name(sdg), 2, f"inventory-{sdg}"))
            blocks.append(
                Table(
                    (tr(N_("Kind")), tr(N_("Where")), tr(N_("Description"))),
                    tuple(
                        (
                            Cell(e.kind.label_in(self.lang)),
                            Cell(e.source.label_in(self.lang)),
                            Cell(e.description, self.also_words(e.sdg, e.also_sdgs, sdg)),
                        )
                        for e in entries
                    ),
                    (2, 3, 7),
                )
            )
        return blocks

    def priorities(self) -> list[Block]:
        tr, s = self.tr, self.s
        header = tuple(
            tr(h)
            for h in (
                N_("SDG"),
                N_("Focus"),
                N_("Urgency (1-5)"),
                N_("Initiatives"),
                N_("Votes"),
                N_("Score"),
                N_("Priority"),
            )
        )
        rows = []
        for sdg in priority_order(s):
            priority = s.priority_for(sdg)
            focus = s.profile.focus_for(sdg) if s.profile else None
            rows.append(
                (
                    Cell(self.sdg_name(sdg)),
                    Cell(tr(N_("yes")) if focus else DASH),
                    Cell(str(priority.urgency or DASH)),
                    Cell(", ".join(link.name for link in s.initiatives_for(sdg)) or DASH),
                    Cell(str(priority.votes)),
                    Cell(str(sdg_score(s, sdg).total)),
                    Cell(tr(N_("yes")) if sdg in s.priority_sdgs() else DASH),
                )
            )
        blocks: list[Block] = [
            Heading(tr(N_("Step 2 - Prioritise: highest impact")), 1, "priorities"),
            Table(header, tuple(rows), (5, 2, 2, 4, 2, 2, 2)),
            Paragraph(score_explanation(self.lang), TextStyle.SMALL),
        ]
        reasons = sorted(
            (p.sdg, priority_reason_text(p.focus_reason, p.urgency_note, self.lang))
            for p in s.priorities
            if p.focus_reason or p.urgency_note
        )
        if reasons:
            blocks.append(Heading(tr(N_("Why these priorities")), 2, "priorities-why"))
            blocks.append(Bullets(tuple(f"{self.sdg_name(sdg)}: {reason}" for sdg, reason in reasons)))
        return blocks

    def ambition(self) -> list[Block]:
        tr, s = self.tr, self.s
        blocks: list[Block] = [Heading(tr(N_("Step 3 - Ambition: level and criteria")), 1, "ambition")]
        if s.priority_sdgs():
            blocks.append(
                Table(
                    (tr(N_("Priority SDG")), tr(N_("Ambition level")), tr(N_("Why this level"))),
                    tuple(
                        (
                            Cell(self.sdg_name(sdg)),
                            Cell(self.level_words(sdg)),
                            Cell(self.level_note(sdg) or DASH),
                        )
                        for sdg in s.priority_sdgs()
                    ),
                    (4, 3, 6),
                )
            )
        for criterion_type in CriterionType:
            chosen = [c for c in s.criteria if c.criterion_type is criterion_type]
            if not chosen:
                continue
            award = criterion_type is CriterionType.AWARD_CRITERION
            header = (tr(N_("SDG")), tr(N_("Criterion and how it is checked"))) + (
                (tr(N_("Weight %")),) if award else ()
            )
            rows = tuple(
                (Cell(str(c.sdg)), Cell(c.text, c.verification))
                + ((Cell(self.number(c.weight_pct)),) if award else ())
                for c in chosen
            )
            blocks.append(
                Heading(criterion_type.label_in(self.lang), 2, f"criteria-{criterion_type.value}")
            )
            blocks.append(
                Table(
                    header,
                    rows,
                    (1, 12, 2) if award else (1, 14),
                    caption=self.weights_line() if award else "",
                )
            )
        return blocks

    def indicators(self) -> list[Block]:
        tr, s = self.tr, self.s
        blocks: list[Block] = [
            Heading(tr(N_("Step 4 - Indicators: making it measurable")), 1, "indicators")
        ]
        if not s.indicators:
            return blocks + [Paragraph(tr(N_("No indicators yet.")))]
        header = tuple(
            tr(h)
            for h in (N_("SDG"), N_("Indicator"), N_("Unit"), N_("Baseline"), N_("Target"), N_("Measured"))
        )
        rows = []
        for i in s.indicators:
            detail = i.reference or (
                f"{i.assessed} \u2013 {i.evidence}".strip(" \u2013") if i.assessed or i.evidence else ""
            )
            rows.append(
                (
                    Cell(str(i.sdg)),
                    Cell(i.name, detail),
                    Cell(i.unit),
                    Cell(self.number(i.baseline) if i.baseline is not None else DASH),
                    Cell(self.number(i.target) if i.target is not None else DASH),
                    Cell(i.measurement_moment.label_in(self.lang) if i.measurement_moment else DASH),
                )
            )
        blocks.append(Table(header, tuple(rows), (1, 7, 2, 2, 2, 3)))
        blocks.append(
            Heading(tr(N_("Who measures, from which source, for which KPI")), 2, "indicators-owners")
        )
        owners = []
        for i in s.indicators:
            kpi = s.profile.kpi(i.kpi) if s.profile and i.kpi else None
            kpi_words = kpi.label() if kpi else (f"KPI {i.kpi}" if i.kpi else DASH)
            owners.append(
                (
                    Cell(i.name),
                    Cell(self.ref.role_words(i.responsible_role, self.lang) or DASH),
                    Cell(i.data_source or DASH),
                    Cell(kpi_words),
                )
            )
        blocks.append(
            Table(
                (
                    tr(N_("Indicator")),
                    tr(N_("Responsible")),
                    tr(N_("Data source")),
                    tr(N_("KPI of the organisation")),
                ),
                tuple(owners),
                (4, 3, 4, 3),
            )
        )
        return blocks

    def visibility(self) -> list[Block]:
        tr, s = self.tr, self.s
        blocks: list[Block] = [Heading(tr(N_("Step 5 - Impact: making it visible")), 1, "visibility")]
        if s.communication:
            blocks.append(
                Table(
                    tuple(tr(h) for h in (N_("Who"), N_("Channel"), N_("Moment"), N_("Message"))),
                    tuple(
                        (
                            Cell(self.ref.role_words(c.stakeholder_role, self.lang)),
                            Cell(c.channel.label_in(self.lang)),
                            Cell(c.moment.label_in(self.lang)),
                            Cell(c.message),
                        )
                        for c in s.communication
                    ),
                    (3, 3, 2, 6),
                )
            )
        else:
            blocks.append(Paragraph(tr(N_("Nothing planned yet."))))
        measured = [(i, m) for i in s.indicators for m in i.measurements]
        if measured:
            blocks.append(Heading(tr(N_("Realised values")), 2, "realised"))
            blocks.append(
                Table(
                    tuple(tr(h) for h in (N_("Indicator"), N_("Value"), N_("Date"), N_("Source"))),
                    tuple(
                        (
                            Cell(i.name),
                            Cell(realised_value_words(m, i, self.lang)),
                            Cell(format_day(m.measured_on, self.lang)),
                            Cell(m.source),
                        )
                        for i, m in measured
                    ),
                    (5, 3, 2, 4),
                )
            )
        return blocks

    def workshop(self) -> list[Block]:
        """Dot votes typed in step 2 from a workshop the session does not record as SDG dialogue 1
        (when it does, the dialogue's own record shows them)."""
        tr, s = self.tr, self.s
        if votes_come_from_dialogue(s):
            return []
        voted = sorted(
            ((p.votes, p.sdg) for p in s.priorities if p.votes and p.sdg in s.inventoried_sdgs()),
            reverse=True,
        )
        if not voted:
            return []
        total = sum(votes for votes, _sdg in voted)
        rows = tuple(
            (
                Cell(self.sdg_name(sdg)),
                Cell(str(votes)),
                Cell(f"{format_number(Decimal(votes * 100) / Decimal(total), self.lang, places=0)} %"),
                Cell(tr(N_("yes")) if sdg in s.priority_sdgs() else DASH),
            )
            for votes, sdg in voted
        )
        return [
            Heading(tr(N_("Workshop record")), 1, "workshop"),
            Paragraph(
                tr(
                    N_(
                        "Dot voting in an SDG dialogue or workshop: {total} votes in all. The "
                        "votes count in the priority score of step 2; the team made the choice."
                    )
                ).format(total=total)
            ),
            Table(
                tuple(tr(h) for h in (N_("SDG"), N_("Votes"), N_("Share of the votes"), N_("Priority"))),
                rows,
                (6, 2, 3, 2),
            ),
        ]

    # -- the SDG dialogues -----------------------------------------------------------------------------

    def dialogue_numbers(self) -> list[int]:
        """The dialogues the session has anything of: a record, people, agenda, dots or ideas."""
        s = self.s
        found = {d.number for d in s.dialogues} | {p.dialogue for p in s.participants}
        found |= {a.dialogue for a in s.agenda} | {v.dialogue for v in s.votes}
        found |= {e.dialogue for e in s.inventory if e.dialogue} | {
            c.dialogue for c in s.criteria if c.dialogue
        }
        return sorted(found)

    def dialogues(self) -> list[Block]:
        """The record of the SDG dialogues, for a reader who was not in the room: when, where and
        with whom, what was asked, which ideas came of it, where the dots went and what was decided."""
        numbers = self.dialogue_numbers()
        if not numbers:
            return []
        blocks: list[Block] = [
            Heading(self.tr(N_("SDG dialogues")), 1, "dialogues"),
            Paragraph(
                self.tr(
                    N_(
                        "Workshops with internal and external stakeholders: dialogue 1 weighs the "
                        "risks, opportunities and priorities, dialogue 2 the ambitions and criteria. "
                        "Their ideas and dots fed the steps above; the team made the choices."
                    )
                ),
                TextStyle.SMALL,
            ),
        ]
        for number in numbers:
            blocks += self.dialogue(number)
        return blocks

    def dialogue(self, number: int) -> list[Block]:
        tr, s = self.tr, self.s
        record = s.dialogue(number)
        people = s.participants_of(number)
        internal = sum(1 for p in people if p.internal)
        facts = [
            (tr(N_("Date")), format_day(record.held_on, self.lang) if record and record.held_on else ""),
            (tr(N_("Place")), record.place if record else ""),
            (tr(N_("Facilitator")), record.facilitator if record else ""),
            (
                tr(N_("Participants")),
                tr(N_("{count} ({internal} internal, {external} external)")).format(
                    count=len(people), internal=internal, external=len(people) - internal
                )
                if people
                else "",
            ),
            (tr(N_("Decisions")), record.decisions if record else ""),
        ]
        blocks: list[Block] = [
            Heading(tr(DIALOGUE_TITLES[number]), 2, f"dialogue-{number}"),
            Table((), tuple((Cell(k), Cell(v.strip() or DASH)) for k, v in facts), (3, 8), TableKind.FACTS),
        ]
        if people:
            blocks.append(
                Table(
                    tuple(
                        tr(h)
                        for h in (
                            N_("Participant"),
                            N_("Organisation"),
                            N_("Role"),
                            N_("Internal or external"),
                        )
                    ),
                    tuple(
                        (
                            Cell(p.name if p.internal or p.named else tr(N_("external participant"))),
                            Cell(p.organisation or DASH),
                            Cell(self.ref.role_words(p.role, self.lang) or DASH),
                            Cell(tr(N_("internal")) if p.internal else tr(N_("external"))),
                        )
                        for p in people
                    ),
                    (4, 5, 4, 2),
                )
            )
        agenda = s.agenda_of(number)
        if agenda:
            blocks.append(
                Table(
                    (tr(N_("Agenda item and question")), tr(N_("Minutes"))),
                    tuple((Cell(a.title, a.question), Cell(str(a.planned_minutes))) for a in agenda),
                    (10, 2),
                )
            )
        blocks += self.dialogue_ideas(number)
        blocks += self.dialogue_votes(number)
        if record and record.notes.strip():
            blocks.append(
                Paragraph(tr(N_("Notes: {notes}")).format(notes=record.notes.strip()), TextStyle.NOTE)
            )
        return blocks

    def dialogue_ideas(self, number: int) -> list[Block]:
        """Ideas said in the room that the team recorded: step-1 entries and step-3 criteria."""
        tr, s = self.tr, self.s
        rows = [
            (
                Cell(e.description),
                Cell(self.person(e.contributor) or DASH),
                Cell(
                    tr(N_("Step 1: {kind}, SDG {sdg}")).format(
                        kind=_lower_first(e.kind.label_in(self.lang)), sdg=e.sdg
                    )
                ),
            )
            for e in s.inventory
            if e.dialogue == number
        ]
        rows += [
            (
                Cell(_short(c.text, IDEA_LENGTH)),
                Cell(self.person(c.contributor) or DASH),
                Cell(
                    tr(N_("Step 3: {kind}, SDG {sdg}")).format(
                        kind=_lower_first(c.criterion_type.label_in(self.lang)), sdg=c.sdg
                    )
                ),
            )
            for c in s.criteria
            if c.dialogue == number
        ]
        if not rows:
            return []
        header = (tr(N_("Idea from the dialogue")), tr(N_("Brought in by")), tr(N_("Recorded as")))
        return [Table(header, tuple(rows), (8, 3, 4))]

    def dialogue_votes(self, number: int) -> list[Block]:
        """Where the dots went: on SDGs in dialogue 1 (step 2's votes), on criteria and ambition levels
        in dialogue 2."""
        tr, s = self.tr, self.s
        counts = tally(s, number)
        total = sum(counts.values())
        if not total:
            return []
        voters = len({v.participant_id for v in s.votes_of(number)})
        record = s.dialogue(number)
        lead = tr(
            N_("Dot voting: {total} dots from {voters} participants, each with at most {limit}.")
        ).format(total=total, voters=voters, limit=record.votes_per_participant if record else 3)

        def share(count: int) -> Cell:
            return Cell(f"{format_number(Decimal(count * 100) / Decimal(total), self.lang, places=0)} %")

        if number == 1:
            header = tuple(tr(h) for h in (N_("SDG"), N_("Dots"), N_("Share of the dots"), N_("Priority")))
            ordered = sorted(sdg_tally(s).items(), key=lambda item: (-item[1], item[0]))
            rows = tuple(
                (
                    Cell(self.sdg_name(sdg)),
                    Cell(str(count)),
                    share(count),
                    Cell(tr(N_("yes")) if sdg in s.priority_sdgs() else DASH),
                )
                for sdg, count in ordered
            )
            return [Paragraph(lead), Table(header, rows, (6, 2, 3, 2))]
        header = tuple(tr(h) for h in (N_("Choice"), N_("Dots"), N_("Share of the dots")))
        ordered_targets = sorted(counts.items(), key=lambda item: (-item[1], self.choice_order(item[0])))
        choices = tuple(
            (self.choice_cell(target), Cell(str(count)), share(count)) for target, count in ordered_targets
        )
        return [Paragraph(lead), Table(header, choices, (10, 2, 3))]

    def choice_order(self, target: str) -> tuple[int, int, str]:
        """Equal dots keep the document's order: criteria as step 3 lists them, then ambitions."""
        kind, _, rest = target.partition(":")
        if kind == "criterion":
            ids = [c.id for c in self.s.criteria]
            return 0, ids.index(int(rest)), ""
        return 1, 0, rest

    def choice_cell(self, target: str) -> Cell:
        """A dialogue-2 choice in words: the criterion itself, or an SDG's ambition level."""
        tr = self.tr
        kind, _, rest = target.partition(":")
        if kind == "criterion":
            criterion = next(c for c in self.s.criteria if c.id == int(rest))
            return Cell(
                _short(criterion.text, IDEA_LENGTH),
                f"SDG {criterion.sdg} \u00b7 {criterion.criterion_type.label_in(self.lang)}",
            )
        sdg, _, level = rest.partition(":")
        return Cell(
            tr(N_("Ambition for SDG {sdg}: {level}")).format(
                sdg=self.sdg_name(int(sdg)), level=AmbitionLevel(level).label_in(self.lang)
            )
        )

    def open_issues(self) -> list[Block]:
        tr = self.tr
        heading = Heading(tr(N_("Open issues")), 1, "open")
        found = all_gaps(self.s)
        if not found:
            blocks: list[Block] = [heading, Paragraph(tr(N_("No open issues: the strategy is complete.")))]
        else:
            blocks = [
                heading,
                Bullets(
                    tuple(p.message_in(self.lang) for _step, p in found),
                    targets=tuple(problem_target(step, p) for step, p in found),
                ),
            ]
        advice = all_advice(self.s)
        if advice:
            blocks.append(Heading(tr(N_("Points to consider")), 2, "advice"))
            blocks.append(
                Bullets(
                    tuple(p.message_in(self.lang) for _step, p in advice),
                    targets=tuple(problem_target(step, p) for step, p in advice),
                )
            )
        return blocks
