"""When a strategy is complete enough to sign: the findings that keep it a draft beyond the steps'
own minimums. A placeholder left in a criterion ("[x] %", "..."), a criterion nobody can check, an
indicator on an SDG that is not a priority, an indicator without an owner or a data source.

Each finding is a problem for the step that fixes it; ``method.steps`` adds them to that step's gaps,
so the step list, the summary and the document all say "complete" only when none remain. Pure
functions over a snapshot; no Qt, no database, no language state.
"""

from __future__ import annotations

import re

from compass.core.session import Criterion, Indicator, Problem, SessionSnapshot
from compass.i18n import N_

# Square-bracketed blanks as the catalogue writes them ("[x] %", "[naam]"), and elided text.
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{0,40}\]|\.\.\.|\u2026")
_QUOTE_LENGTH = 60


def placeholder_in(text: str) -> str | None:
    """The first placeholder in ``text``, or None."""
    found = _PLACEHOLDER.search(text)
    return found.group(0) if found else None


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_LENGTH else text[: _QUOTE_LENGTH - 1].rstrip() + "\u2026"


def criterion_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """Step 3: criteria that still hold a placeholder or say nothing about how they are checked."""
    findings: list[Problem] = []
    for criterion in snapshot.criteria:
        findings += _criterion_findings(criterion)
    return findings


def _criterion_findings(criterion: Criterion) -> list[Problem]:
    field = f"criteria/{criterion.id}"
    findings = []
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
                    text=_quoted(text),
                )
            )
            break
    if not criterion.verification.strip():
        findings.append(
            Problem(
                "unverified",
                field,
                N_("Say how the criterion for SDG {sdg} is checked: {text}"),
                sdg=criterion.sdg,
                text=_quoted(criterion.text),
            )
        )
    return findings


def indicator_findings(snapshot: SessionSnapshot) -> list[Problem]:
    """Step 4: indicators that measure no priority, or that nobody measures from a known source."""
    priorities = set(snapshot.priority_sdgs())
    findings: list[Problem] = []
    for indicator in snapshot.indicators:
        findings += _indicator_findings(indicator, priorities)
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
