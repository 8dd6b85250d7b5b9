"""The fields of the project facts form: their labels, kinds, sections and help texts."""

from __future__ import annotations

from compass.i18n import N_, _
from compass.method.field_labels import FACTS, LABELS, SESSION

# What each fact is called: one list, shared with the conflict question (compass.method.field_labels);
# the profile is a session value there.
FIELD_LABELS: dict[str, str] = {**LABELS[FACTS], "profile": LABELS[SESSION]["profile_id"]}
LINE_FIELDS = (
    "title",
    "duration",
    "organisation",
    "location",
    "project_leader",
    "procurement_adviser",
    "budget_holder",
)
TEXT_FIELDS = (
    "procedure_reason",
    "lots",
    "award_basis_reason",
    "materials",
    "scope",
    "occasion",
    "budget",
    "estimate_basis",
    "selection",
    "contract_terms",
    "contract_management",
)
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("Tender"),
        (
            "title",
            "organisation",
            "profile",
            "category",
            "contract_kind",
            "procedure",
            "procedure_reason",
            "lots",
            "award_basis_reason",
            "innovation_pilot",
            "contract_value_eur",
            "duration",
            "location",
        ),
    ),
    (N_("Occasion and budget"), ("occasion", "budget", "budget_eur", "estimate_basis")),
    (
        N_("Planning"),
        ("publication_date", "questions_deadline", "closing_date", "award_decision_date", "contract_start"),
    ),
    (N_("Team and approval"), ("project_leader", "procurement_adviser", "budget_holder", "decision_date")),
    (N_("What is bought"), ("materials", "scope")),
    (N_("Selection and contract"), ("selection", "contract_terms", "contract_management")),
)


def field_help() -> dict[str, str]:
    """What a field is for, where that is not obvious from its label."""
    on_the_cover = _("Named on the cover and in the approval block of the strategy document.")
    return {
        "title": _("The name of the tender, as it will appear on the strategy document."),
        "category": _(
            "Choose a procurement category from the catalogue (its risks and "
            "opportunities are suggested in step 1) or type your own."
        ),
        "contract_value_eur": _(
            "Estimated total value of the contract in euros, excluding VAT, over the whole duration "
            "including options and extensions: the basis of the EU threshold."
        ),
        "organisation": _("The buying organisation, as on the cover of the strategy document."),
        "profile": _(
            "The organisation profile brings its focus SDGs, local initiatives and Social Return "
            "percentage into this session."
        ),
        "publication_date": _(
            "When the tender is planned to be published; the EU thresholds of that period apply."
        ),
        "duration": _(
            "How long the contract runs, with its options and extensions (e.g. 4 years + 2 x 1 year "
            "option); the estimated value covers the whole of it."
        ),
        "procedure_reason": _(
            "Why this procedure fits the value, the market and the ambition; the strategy states it."
        ),
        "lots": _(
            "How the contract is divided into lots, or why it is not: the law asks for one of the two "
            "(art. 1.5 Aanbestedingswet)."
        ),
        "award_basis_reason": _(
            "Shown when step 3 gives quality a weight of 0 %: the award is then on lowest price or "
            "lowest cost, which the tender documents must motivate (art. 2.114 lid 3 Aanbestedingswet)."
        ),
        "occasion": _("Why the tender is needed and what it must achieve; the first thing a reader asks."),
        "budget": _(
            "The budget line and its cover (dekking), and whether the estimated value fits the budget."
        ),
        "budget_eur": _("The budget available for the whole contract, excluding VAT."),
        "estimate_basis": _("How the estimated value was arrived at: prices, quantities, market consultation."),
        "questions_deadline": _(
            "The last Nota van Inlichtingen; at least 6 days before the closing date in a European procedure."
        ),
        "closing_date": _(
            "When tenders (or requests to participate) are in; checked against the procedure's minimum period."
        ),
        "award_decision_date": _("When the award decision is sent; the standstill period follows it."),
        "contract_start": _(
            "When the contract starts; in a European procedure at least 20 days after the award decision."
        ),
        "selection": _(
            "Exclusion grounds, suitability requirements and, in a procedure with a selection phase, "
            "the selection criteria."
        ),
        "contract_terms": _(
            "The contract form (ARVODI, UAV 2012, UAV-GC, RAW) and the contract's own conditions."
        ),
        "contract_management": _(
            "Who manages the contract, with which meetings, reports and sanctions."
        ),
        "contract_kind": _(
            "Works, supplies or services: with the estimated value it decides whether the EU threshold "
            "is reached and a European procedure is required."
        ),
        "location": _("Where the work is done; location risks and opportunities in step 1 refer to it."),
        "project_leader": on_the_cover,
        "procurement_adviser": on_the_cover,
        "budget_holder": _(
            "The budget holder approves the strategy; named on the cover and in the approval block."
        ),
        "decision_date": _(
            "When the budget holder (or the college, where the value asks for it) is asked to approve "
            "the strategy; the approval block carries this date."
        ),
    }
