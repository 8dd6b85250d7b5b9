"""The tender-risk register: which risks to the tender itself page 1 names, and what the register
still lacks. No Qt.

SDG risks (step 1) say what the purchase may do to people and planet; these say what may go wrong
with the tender: too few bidders, a budget overrun, an objection, a late award (issue 24).
"""

from __future__ import annotations

from compass.core.session import Problem, SessionSnapshot, TenderRisk
from compass.i18n import N_
from compass.method.completeness import quoted

# A score (probability x impact) from this value is high: the register's measure must answer it.
HIGH_SCORE = 15


def top_tender_risks(risks: tuple[TenderRisk, ...], count: int) -> tuple[TenderRisk, ...]:
    """The ``count`` highest-scoring risks, the earlier entry first where scores tie."""
    ranked = sorted(enumerate(risks), key=lambda pair: (-pair[1].score, pair[0]))
    return tuple(risk for _position, risk in ranked[:count])


def tender_risk_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """A risk without a measure is half a register entry; a European tender without a register
    is advice (the adviser decides what a small purchase needs)."""
    findings = [
        Problem(
            "tender_risk_without_measure",
            f"tender_risks/{risk.id}",
            N_("Say which measure answers the tender risk: {text}"),
            text=quoted(risk.description),
        )
        for risk in snapshot.tender_risks
        if not risk.measure.strip()
    ]
    if not snapshot.tender_risks and snapshot.european_procedure:
        findings.append(
            Problem(
                "strategy_section_missing",
                "tender_risks",
                N_(
                    "List the tender's own risks (market, financial, legal, planning, SDG) with "
                    "probability, impact and a measure each."
                ),
            )
        )
    return findings
