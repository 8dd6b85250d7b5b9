"""Merging two ideas from the room (issue 25): the kept idea keeps every SDG of both, both speakers
and both wordings; criteria on different SDGs are not merged."""

from __future__ import annotations

import pytest

from compass.core.errors import ValidationError
from compass.core.session import Criterion, CriterionType, EntryKind, EntrySource, InventoryEntry
from compass.method.merge_ideas import merged_changes


def _idea(n: int, sdg: int, text: str, who: str = "", also: tuple[int, ...] = ()) -> InventoryEntry:
    return InventoryEntry(
        n, sdg, EntryKind.RISK, EntrySource.LOCATION, text, also_sdgs=also, contributor=who
    )


def test_a_merge_keeps_every_sdg_of_both_ideas() -> None:
    water = _idea(1, 6, "Regenwater vasthouden op het plein", "Anna")
    heat = _idea(2, 13, "Hittestress op het plein", "Bram", also=(11,))
    assert merged_changes(water, heat) == {
        "description": "Regenwater vasthouden op het plein / Hittestress op het plein",
        "contributor": "Anna, Bram",
        "also_sdgs": (11, 13),
    }


def test_the_same_words_and_speaker_are_not_repeated() -> None:
    first = _idea(1, 3, "Sportpark open voor de buurt", "Anna, Bram")
    second = _idea(2, 3, "sportpark open voor de buurt", "Bram")
    assert merged_changes(first, second) == {}  # nothing to add: the second only goes


def test_criteria_on_different_sdgs_are_not_one_criterion() -> None:
    kept = Criterion(1, 12, CriterionType.AWARD_CRITERION, "Meer hergebruik", None)
    other = Criterion(2, 13, CriterionType.AWARD_CRITERION, "Minder CO2", None)
    with pytest.raises(ValidationError) as refused:
        merged_changes(kept, other)
    assert refused.value.problems[0].code == "merge_across_sdgs"
    same = Criterion(
        3, 12, CriterionType.AWARD_CRITERION, "Hergebruik van materiaal", None, contributor="Cor"
    )
    assert merged_changes(kept, same) == {
        "text": "Meer hergebruik / Hergebruik van materiaal",
        "contributor": "Cor",
    }
