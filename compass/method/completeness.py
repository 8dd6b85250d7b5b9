"""When a strategy is complete enough to sign: the findings that keep it a draft beyond the steps'
own minimums. A placeholder left in a criterion ("[x] %", "..."), a criterion nobody can check, an
award criterion without a weight or a scoring method, an indicator on an SDG that is not a priority
or on another SDG than its catalogue entry measures, an indicator without an owner or a data source,
an approval without names or a date.

Each finding is a problem for the step that fixes it; ``method.steps`` adds them to that step's gaps,
so the step list, the summary and the document all say "complete" only when none remain. Pure
functions over a snapshot; no Qt, no database, no language state.
"""

from __future__ import annotations

import re

from compass.core.session import Criterion, CriterionType, Indicator, Problem, SessionSnapshot
from compass.i18n import N_
from compass.reference.types import ReferenceData

# Square-bracketed blanks as the catalogue writes them ("[x] %", "[naam]"), and elided text.
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{0,40}\]|\.\.\.|\u2026")
_QUOTE_LENGTH = 60


def placeholder_in(text: str) -> str | None:
    """The first placeholder in ``text``, or None."""
    found = _PLACEHOLDER.search(text)
    return found.group(0) if found else None


def placeholder_span(text: str) -> tuple[int, int] | None:
    """Where the first placeholder in ``text`` starts and ends, to select it for typing over."""
    found = _PLACEHOLDER.search(text)
    return found.span() if found else None


def quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_LENGTH else text[: _QUOTE_LENGTH - 1].rstrip() + "\u2026"


# Who the strategy names in its approval block: without them nobody can sign it.
APPROVAL_ROLES = (
    ("project_leader", N_("Name the project leader who submits the strategy.")),
    ("procurement_adviser", N_("Name the procurement adviser who wrote the strategy.")),
    ("budget_holder", N_("Name the budget holder who approves the strategy.")),
)


def approval_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """Project facts: the names in the approval block and the date the decision is asked for."""
    facts = snapshot.facts
    findings = [
        Problem("approval_name", role, message, role=role)
        for role, message in APPROVAL_ROLES
        if not str(getattr(facts, role)).strip()
    ]
    if facts.decision_date is None:
        findings.append(
            Problem(
                "decision_date_missing",
                "decision_date",
                N_("Plan the date on which the budget holder is asked to approve the strategy."),
            )
        )
    return findings


CatalogueSdgs = tuple[tuple[str, tuple[int, ...]], ...]


def catalogue_sdgs(snapshot: SessionSnapshot, reference: ReferenceData) -> CatalogueSdgs:
    """The SDGs of each catalogue criterion and indicator the session took, for the checks below."""
    criteria = {c.id: c.sdgs for c in reference.criteria}
    indicators = {i.id: i.sdgs for i in reference.indicators}
    found: dict[str, tuple[int, ...]] = {}
    for criterion in snapshot.criteria:
        if criterion.catalogue_id in criteria:
            found[criterion.catalogue_id] = tuple(criteria[criterion.catalogue_id])
    for indicator in snapshot.indicators:
        if indicator.catalogue_id in indicators:
            found[indicator.catalogue_id] = tuple(indicators[indicator.catalogue_id])
    return tuple(found.items())


def _sdg_list(sdgs: tuple[int, ...]) -> str:
    return ", ".join(str(sdg) for sdg in sdgs)


def criterion_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """Step 3: criteria that still hold a placeholder, say nothing about how they are checked, serve
    another SDG than they are filed under, or are award criteria without a weight."""
    findings: list[Problem] = []
    for criterion in snapshot.criteria:
        findings += _criterion_findings(criterion)
        serves = snapshot.catalogue_sdgs_of(criterion.catalogue_id) if criterion.catalogue_id else None
        if serves is not None and criterion.sdg not in serves:
            findings.append(
                Problem(
                    "criterion_sdg_mismatch",
                    f"criteria/{criterion.id}",
                    N_(
                        "A criterion is filed under SDG {sdg}, but its catalogue entry serves SDG "
                        "{expected}: {text}"
                    ),
                    sdg=criterion.sdg,
                    expected=_sdg_list(serves),
                    text=quoted(criterion.text),
                )
            )
    return findings


def scoring_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """An award with a quality part needs a scoring method, as the strategy states how it scores."""
    awards = any(c.criterion_type is CriterionType.AWARD_CRITERION for c in snapshot.criteria)
    quality = snapshot.quality_weight_pct
    scored = awards or (quality is not None and quality > 0)
    if scored and snapshot.award_criteria_allowed and snapshot.facts.scoring_method is None:
        return [
            Problem(
                "scoring_method_missing",
                "scoring_method",
                N_(
                    "Choose how the quality part is scored (fictitious discount or weighted points): "
                    "the strategy states it."
                ),
            )
        ]
    return []


# Words of an aim, not of a requirement an offer passes or fails ("minimaliseert", "streeft naar").
AIM_WORDS = re.compile(
    r"\b(minimali[sz]\w*|maximali[sz]\w*|streeft naar|streven naar|zo veel mogelijk|zoveel mogelijk|"
    r"zo min mogelijk|zo groot mogelijk|zo laag mogelijk|waar mogelijk|indien mogelijk|"
    r"as much as possible|as far as possible|where possible|aims? to|strives? to|minimi[sz]es?|maximi[sz]es?)\b",
    re.IGNORECASE,
)
# Words that say how an award criterion scores: points, a scale, a ranking or a price discount.
SCALE_WORDS = re.compile(
    r"\bpunt|\bpoint|\bscor|\bscoor|schaal|scale|naar rato|pro rata|korting|discount|hoe (?:hoger|lager|meer|groter|"
    r"kleiner|minder)|the (?:higher|lower|more|larger|smaller|less)|rangorde|ranking|beoordeeld met|"
    r"assessed on",
    re.IGNORECASE,
)


# Who an innovation-oriented question binds: the party that must offer, do or be scored on something.
PARTY_WORDS = re.compile(
    r"\b(opdrachtnemers?|inschrijvers?|leveranciers?|aannemers?|dienstverleners?|gegadigden?|"
    r"marktpartij(?:en)?|(?:de|aan de) markt|contractors?|tenderers?|bidders?|suppliers?|"
    r"service providers?|candidates?|the market)\b",
    re.IGNORECASE,
)


def binds_a_party(text: str) -> bool:
    """Whether an innovation-oriented question says who it asks something of (the contractor, the
    tenderers, the market); an item that is only a heading ("Innovatie") asks no one anything."""
    return PARTY_WORDS.search(text) is not None


def reads_as_an_aim(text: str) -> bool:
    """Whether a requirement's words state an aim a bid cannot fail rather than a pass/fail demand."""
    return AIM_WORDS.search(text) is not None


def says_how_it_scores(criterion: Criterion) -> bool:
    """Whether an award criterion's text or verification says how bids are scored on it."""
    return SCALE_WORDS.search(f"{criterion.text} {criterion.verification}") is not None


def _criterion_findings(criterion: Criterion) -> list[Problem]:
    field = f"criteria/{criterion.id}"
    findings = []
    if criterion.criterion_type is CriterionType.MINIMUM_REQUIREMENT and reads_as_an_aim(criterion.text):
        findings.append(
            Problem(
                "requirement_is_an_aim",
                field,
                N_(
                    "A requirement for SDG {sdg} states an aim, not what an offer must meet (pass or "
                    "fail): {text}"
                ),
                sdg=criterion.sdg,
                text=quoted(criterion.text),
            )
        )
    if criterion.criterion_type is CriterionType.INNOVATION_QUESTION and not binds_a_party(criterion.text):
        findings.append(
            Problem(
                "innovation_unbound",
                field,
                N_(
                    "The innovation question for SDG {sdg} binds no party: say what the tenderer offers "
                    "or the contractor does, and how it counts: {text}"
                ),
                sdg=criterion.sdg,
                text=quoted(criterion.text),
            )
        )
    if criterion.criterion_type is CriterionType.AWARD_CRITERION and not says_how_it_scores(criterion):
        findings.append(
            Problem(
                "award_scale_missing",
                field,
                N_("Say how the award criterion for SDG {sdg} scores (points, a scale or a discount): {text}"),
                sdg=criterion.sdg,
                text=quoted(criterion.text),
            )
        )
    for text in (criterion.text, criterion.verification):
        found = placeholder_in(text)
        if found is not None:
            findings.append(
                Problem(
                    "placeholder",
                    field,
                    N_("A criterion for SDG {sdg} still holds a placeholder ({found}): {text}"),
                    sdg=criterion.sdg,
                    found=found,
                    text=quoted(text),
                )
            )
            break
    if criterion.criterion_type is CriterionType.AWARD_CRITERION and criterion.weight_pct is None:
        findings.append(
            Problem(
                "award_weight_missing",
                field,
                N_("Give the award criterion for SDG {sdg} its weight: {text}"),
                sdg=criterion.sdg,
                text=quoted(criterion.text),
            )
        )
    if not criterion.verification.strip():
        findings.append(
            Problem(
                "unverified",
                field,
                N_("Say how the criterion for SDG {sdg} is checked: {text}"),
                sdg=criterion.sdg,
                text=quoted(criterion.text),
            )
        )
    return findings


def indicator_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """Step 4: indicators that measure no priority, or that nobody measures from a known source."""
    priorities = set(snapshot.priority_sdgs())
    findings: list[Problem] = []
    for indicator in snapshot.indicators:
        findings += _indicator_findings(indicator, priorities)
        measures = snapshot.catalogue_sdgs_of(indicator.catalogue_id) if indicator.catalogue_id else None
        if measures is not None and indicator.sdg not in measures:
            findings.append(
                Problem(
                    "indicator_sdg_mismatch",
                    f"indicators/{indicator.id}",
                    N_(
                        "The indicator \u201c{name}\u201d is filed under SDG {sdg}, but its catalogue "
                        "entry measures SDG {expected}."
                    ),
                    name=indicator.name,
                    sdg=indicator.sdg,
                    expected=_sdg_list(measures),
                )
            )
    return findings


def _indicator_findings(indicator: Indicator, priorities: set[int]) -> list[Problem]:
    field = f"indicators/{indicator.id}"
    findings = []
    if indicator.sdg not in priorities:
        findings.append(
            Problem(
                "indicator_not_priority",
                field,
                N_("The indicator \u201c{name}\u201d is on SDG {sdg}, which is not a priority."),
                name=indicator.name,
                sdg=indicator.sdg,
            )
        )
    found = placeholder_in(indicator.name)
    if found is not None:
        findings.append(
            Problem(
                "placeholder",
                field,
                N_("The indicator \u201c{name}\u201d still holds a placeholder ({found})."),
                name=indicator.name,
                found=found,
            )
        )
    if not indicator.responsible_role.strip():
        findings.append(
            Problem(
                "indicator_owner",
                field,
                N_("Who measures the indicator \u201c{name}\u201d? Name the responsible role."),
                name=indicator.name,
            )
        )
    if not indicator.data_source.strip():
        findings.append(
            Problem(
                "indicator_source",
                field,
                N_("Where do the figures for \u201c{name}\u201d come from? Name the data source."),
                name=indicator.name,
            )
        )
    return findings
