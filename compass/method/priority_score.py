"""The step 2 priority score. It only orders the list; the team decides which SDGs are priorities.
The formula is shown to users (``score_explanation``), so it lives in one place. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from compass.core.session import SdgPriority
from compass.i18n import N_, _, translate_in

FOCUS_POINTS = 3
MAX_INITIATIVE_POINTS = 2
MAX_VOTE_POINTS = 5


@dataclass(frozen=True)
class PriorityScore:
    focus: int
    urgency: int
    initiatives: int
    votes: int

    @property
    def total(self) -> int:
        return self.focus + self.urgency + self.initiatives + self.votes


def priority_score(priority: SdgPriority, initiatives: int) -> PriorityScore:
    return PriorityScore(
        focus=FOCUS_POINTS if priority.is_focus else 0,
        urgency=priority.urgency or 0,
        initiatives=min(initiatives, MAX_INITIATIVE_POINTS),
        votes=min(priority.votes, MAX_VOTE_POINTS),
    )


SCORE_EXPLANATION = N_(
    "Score = focus SDG of the organisation ({focus} points) + urgency in this project (1-5) + "
    "local initiatives to build on (1 point each, at most {initiatives}) + workshop votes "
    "(1 point each, at most {votes}). The score only orders the list: the team decides."
)


def score_explanation(language: str | None = None) -> str:
    """The formula in words, in the UI language or in ``language`` (for documents)."""
    message = translate_in(language, SCORE_EXPLANATION) if language else _(SCORE_EXPLANATION)
    return message.format(focus=FOCUS_POINTS, initiatives=MAX_INITIATIVE_POINTS, votes=MAX_VOTE_POINTS)
