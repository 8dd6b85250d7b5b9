"""The EU thresholds around a tender: which one applies, and whether the chosen procedure fits the
estimated value (Aanbestedingswet 2012: at or above the threshold a European procedure is obligatory;
below it the organisation's policy and the Gids Proportionaliteit decide). Pure functions; the
thresholds themselves are reference data (resources/data/thresholds.json) with their period and source.
"""

from __future__ import annotations

import datetime as dt

from compass.core.session import (
    AppliedThreshold,
    ContractKind,
    InSentence,
    Problem,
    ProjectFacts,
)
from compass.i18n import N_
from compass.reference.types import ThresholdPeriod


def applicable_threshold(
    periods: tuple[ThresholdPeriod, ...], kind: ContractKind | None, day: dt.date
) -> AppliedThreshold | None:
    """The threshold for ``kind`` in the period that covers ``day``; None without a kind or a period."""
    if kind is None:
        return None
    period = next((p for p in periods if p.covers(day)), None)
    if period is None:
        return None
    return AppliedThreshold(period.threshold(kind), period.id, period.source)


def threshold_day(facts: ProjectFacts, last_changed: dt.date) -> dt.date:
    """The day whose thresholds count: the planned publication, else the session's last change."""
    return facts.publication_date or last_changed


def threshold_test(facts: ProjectFacts, threshold: AppliedThreshold | None) -> Problem | None:
    """The threshold test in words, whichever way it falls: the facts page and the document say it
    even when the procedure fits (the reader checks the figure, not only a warning). None until the
    kind and the value are known."""
    value = facts.contract_value_eur
    if facts.contract_kind is None or value is None or threshold is None:
        return None
    above = value >= threshold.value_eur
    return Problem(
        "threshold_reached" if above else "threshold_not_reached",
        "contract_value_eur",
        N_(
            "EUR {value} reaches the EU threshold of EUR {limit} for {kind} ({period}): a European "
            "procedure is required."
        )
        if above
        else N_(
            "EUR {value} stays below the EU threshold of EUR {limit} for {kind} ({period}): a national "
            "procedure is allowed under the organisation's procurement policy."
        ),
        value=value,
        kind=InSentence(facts.contract_kind),
        limit=threshold.value_eur,
        period=threshold.period,
    )


def procedure_fit(
    facts: ProjectFacts, threshold: AppliedThreshold | None, *, european: bool
) -> list[Problem]:
    """Whether the procedure fits the value: a European procedure (``european``, from the reference
    data) is required at or above the threshold (a gap), and needs a reason below it (advice). Before
    the team chooses a procedure, that choice is what is missing."""
    missing = []
    if facts.procedure is None:
        missing.append(
            Problem(
                "procedure_missing",
                "procedure",
                N_("Choose the procedure: the strategy asks approval of the one the team chose."),
            )
        )
    if facts.contract_kind is None:
        return missing + [
            Problem(
                "contract_kind_missing",
                "contract_kind",
                N_(
                    "Choose the kind of contract (works, supplies or services): it decides the EU "
                    "threshold."
                ),
            )
        ]
    if missing:
        return missing
    value = facts.contract_value_eur
    if value is None or threshold is None:
        return []
    if value >= threshold.value_eur and not european:
        return [
            Problem(
                "european_required",
                "procedure",
                N_(
                    "At EUR {value} this contract reaches the EU threshold for {kind} of EUR {limit} "
                    "({period}): a European procedure is required."
                ),
                value=value,
                kind=InSentence(facts.contract_kind),
                limit=threshold.value_eur,
                period=threshold.period,
            )
        ]
    if value < threshold.value_eur and european:
        return [
            Problem(
                "european_below_threshold",
                "procedure",
                N_(
                    "At EUR {value} this contract stays below the EU threshold for {kind} of EUR {limit} "
                    "({period}): a national procedure is allowed; say why it is European if it stays so."
                ),
                value=value,
                kind=InSentence(facts.contract_kind),
                limit=threshold.value_eur,
                period=threshold.period,
            )
        ]
    return []
