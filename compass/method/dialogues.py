"""The two SDG dialogues of the method (seed 001 ch. 6, figure 12): who may be recorded, what a vote
may be cast on, how many dots a participant has, and how the room's tally reaches step 2.

Dialogue 1 weighs risks, opportunities and priorities: participants put dots on SDGs, and that tally
is step 2's "workshop votes". Dialogue 2 weighs ambitions and criteria: dots go to criteria
(``criterion:<id>``) or to an ambition level of an SDG (``ambition:<sdg>:<level code>``). Ideas said in the
room become step-1 entries (dialogue 1) or step-3 criterion drafts (dialogue 2) that remember their
dialogue. Plain data in, problems out: the services, the workshop window and the importer apply it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from compass.core.session import (
    SDG_NUMBERS,
    AmbitionLevel,
    Problem,
    SdgPriority,
    SessionSnapshot,
    Vote,
)
from compass.i18n import N_
from compass.method.fields import TEXT_LIMITS
from compass.method.text import character_problems

DIALOGUE_NUMBERS = (1, 2)
DEFAULT_VOTES_PER_PARTICIPANT = 3
MAX_VOTES_PER_PARTICIPANT = 20
MAX_PLANNED_MINUTES = 480
IDEA_DIALOGUE = {1: "inventory", 2: "criteria"}  # where an idea of each dialogue lands


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _dialogue_problems(values: Mapping[str, Any], field: str) -> list[Problem]:
    if values.get(field) not in DIALOGUE_NUMBERS or not _is_int(values.get(field)):
        return [Problem("dialogue_unknown", field, N_("A dialogue is number 1 or 2."))]
    return []


def _text_problems(values: Mapping[str, Any], limits: Mapping[str, int]) -> list[Problem]:
    problems = []
    for field, limit in limits.items():
        text = values.get(field, "")
        if not isinstance(text, str):
            problems.append(Problem("text", field, N_("Enter text.")))
        elif len(text) > limit:
            problems.append(
                Problem(
                    "too_long",
                    field,
                    N_("At most {limit} characters (now {length})."),
                    limit=limit,
                    length=len(text),
                )
            )
        else:
            problems += character_problems(field, text)  # decision 010
    return problems


def validate_dialogue(values: Mapping[str, Any]) -> list[Problem]:
    problems = _dialogue_problems(values, "number")
    count = values.get("votes_per_participant", DEFAULT_VOTES_PER_PARTICIPANT)
    if not _is_int(count) or not 1 <= count <= MAX_VOTES_PER_PARTICIPANT:
        problems.append(
            Problem(
                "votes_per_participant",
                "votes_per_participant",
                N_("Each participant has 1 to {most} votes."),
                most=MAX_VOTES_PER_PARTICIPANT,
            )
        )
    problems += _text_problems(values, TEXT_LIMITS["dialogues"])
    return problems


def validate_participant(values: Mapping[str, Any]) -> list[Problem]:
    problems = _dialogue_problems(values, "dialogue")
    name = values.get("name", "")
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem("name_required", "name", N_("Enter the participant's name.")))
    problems += _text_problems(values, TEXT_LIMITS["participants"])
    if not isinstance(values.get("internal", True), bool):
        problems.append(Problem("internal", "internal", N_("Say whether the participant is internal.")))
    if not isinstance(values.get("named", False), bool):
        problems.append(
            Problem("named", "named", N_("Say whether the participant agreed to be named in the record."))
        )
    return problems


def validate_agenda_item(values: Mapping[str, Any]) -> list[Problem]:
    problems = _dialogue_problems(values, "dialogue")
    title = values.get("title", "")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem("title_required", "title", N_("Name the agenda item.")))
    problems += _text_problems(values, TEXT_LIMITS["agenda"])
    minutes = values.get("planned_minutes", 10)
    if not _is_int(minutes) or not 1 <= minutes <= MAX_PLANNED_MINUTES:
        problems.append(
            Problem(
                "planned_minutes",
                "planned_minutes",
                N_("Plan 1 to {most} minutes."),
                most=MAX_PLANNED_MINUTES,
            )
        )
    return problems


# -- votes ----------------------------------------------------------------------------------------


def sdg_target(sdg: int) -> str:
    return f"sdg:{sdg}"


def criterion_target(criterion_id: int) -> str:
    return f"criterion:{criterion_id}"


def ambition_target(sdg: int, level: AmbitionLevel) -> str:
    return f"ambition:{sdg}:{level.value}"


def _number(text: str) -> bool:
    """ASCII digits only: "²" and "٣" pass ``str.isdigit`` too, and int("²") raises."""
    return text.isascii() and text.isdigit()


def target_is_valid(dialogue: int, target: Any) -> bool:
    """Dialogue 1 votes on SDGs; dialogue 2 on criteria and ambition levels."""
    if not isinstance(target, str):
        return False
    kind, _, rest = target.partition(":")
    if dialogue == 1:
        return kind == "sdg" and _number(rest) and int(rest) in SDG_NUMBERS
    if kind == "criterion":
        return _number(rest)
    if kind == "ambition":
        sdg, _, level = rest.partition(":")
        return _number(sdg) and int(sdg) in SDG_NUMBERS and level in {a.value for a in AmbitionLevel}
    return False


def validate_vote(values: Mapping[str, Any]) -> list[Problem]:
    problems = _dialogue_problems(values, "dialogue")
    if not problems and not target_is_valid(values["dialogue"], values.get("target")):
        problems.append(
            Problem(
                "vote_target",
                "target",
                N_("In dialogue 1 votes go to SDGs; in dialogue 2 to criteria and ambitions."),
            )
        )
    count = values.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        problems.append(Problem("vote_count", "count", N_("A vote counts at least one dot.")))
    if not _is_int(values.get("participant_id")):
        problems.append(Problem("vote_participant", "participant_id", N_("Choose who votes.")))
    return problems


def vote_limit_problems(
    votes: Iterable[Vote], participant_id: int, target: str, count: int, limit: int
) -> list[Problem]:
    """A participant never has more dots than the dialogue gives: ``count`` on ``target`` replaces
    what the participant had there, the rest of their dots stay."""
    elsewhere = sum(v.count for v in votes if v.participant_id == participant_id and v.target != target)
    if elsewhere + count <= limit:
        return []
    return [
        Problem(
            "votes_over_limit",
            "count",
            N_("A participant has {limit} votes; {left} are left for this choice."),
            limit=limit,
            left=max(0, limit - elsewhere),
        )
    ]


def votes_left(snapshot: SessionSnapshot, dialogue: int, participant_id: int) -> int:
    record = snapshot.dialogue(dialogue)
    limit = record.votes_per_participant if record else DEFAULT_VOTES_PER_PARTICIPANT
    used = sum(v.count for v in snapshot.votes_of(dialogue) if v.participant_id == participant_id)
    return max(0, limit - used)


def tally(snapshot: SessionSnapshot, dialogue: int) -> Counter[str]:
    """Dots per choice, counting only choices that still exist (a removed criterion's dots fall)."""
    criteria = {c.id for c in snapshot.criteria}
    counts: Counter[str] = Counter()
    for vote in snapshot.votes_of(dialogue):
        kind, _, rest = vote.target.partition(":")
        if kind == "criterion" and (not _number(rest) or int(rest) not in criteria):
            continue
        counts[vote.target] += vote.count
    return counts


def sdg_tally(snapshot: SessionSnapshot) -> dict[int, int]:
    """Dialogue 1's dots per SDG."""
    return {
        int(target.partition(":")[2]): count
        for target, count in tally(snapshot, 1).items()
        if target.startswith("sdg:")
    }


def with_dialogue_votes(snapshot: SessionSnapshot) -> SessionSnapshot:
    """Once dialogue 1 has votes, they are step 2's workshop votes: one count, not two to keep
    in step. SDGs the room voted on without a step-2 record get one, not selected."""
    if not snapshot.votes_of(1):
        return snapshot
    counts = sdg_tally(snapshot)
    known = {p.sdg for p in snapshot.priorities}
    priorities = [replace(p, votes=counts.get(p.sdg, 0)) for p in snapshot.priorities]
    priorities += [SdgPriority(sdg=sdg, votes=count) for sdg, count in counts.items() if sdg not in known]
    return replace(snapshot, priorities=tuple(sorted(priorities, key=lambda p: p.sdg)))


def votes_come_from_dialogue(snapshot: SessionSnapshot) -> bool:
    """Step 2's votes are read-only while dialogue 1 holds the tally."""
    return bool(snapshot.votes_of(1))
