"""Where a step-1 entry's words come from: the suggestion's own, a suggestion the team rewrote, or the
team's (a walk saw "suggestion" stay beside a text the team had rewritten)."""

from __future__ import annotations

import dataclasses

import pytest

from compass.core.session import EntryKind, EntrySource, InventoryEntry
from compass.method.suggestions import EntryOrigin, entry_origin
from compass.reference.loading import load_reference_data

REFERENCE = load_reference_data()
SUGGESTION = REFERENCE.categories[0].suggestions[0]


def _entry(description: str, suggestion_id: str = SUGGESTION.id) -> InventoryEntry:
    return InventoryEntry(
        1, SUGGESTION.sdg, EntryKind.RISK, EntrySource.MATERIALS, description, suggestion_id=suggestion_id
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_suggestions_own_words_in_either_language_are_the_suggestion(language) -> None:
    assert entry_origin(_entry(SUGGESTION.text(language)), REFERENCE) is EntryOrigin.SUGGESTION
    spaced = "  " + SUGGESTION.text(language).replace(" ", "  ") + "\n"
    assert entry_origin(_entry(spaced), REFERENCE) is EntryOrigin.SUGGESTION


def test_rewritten_words_are_an_adapted_suggestion() -> None:
    rewritten = SUGGESTION.text("nl") + " Geldt ook voor de onderaannemers."
    assert entry_origin(_entry(rewritten), REFERENCE) is EntryOrigin.ADAPTED
    assert entry_origin(_entry(SUGGESTION.text("nl").upper()), REFERENCE) is EntryOrigin.ADAPTED


def test_an_entry_without_a_suggestion_is_the_teams() -> None:
    assert entry_origin(_entry(SUGGESTION.text("nl"), suggestion_id=""), REFERENCE) is EntryOrigin.TEAM


def test_a_suggestion_the_catalogue_no_longer_has_stays_what_was_recorded() -> None:
    entry = dataclasses.replace(_entry("Oude suggestie"), suggestion_id="cat-gone/risks/9")
    assert entry_origin(entry, REFERENCE) is EntryOrigin.SUGGESTION


def test_each_origin_has_words_in_both_languages() -> None:
    for origin in EntryOrigin:
        assert origin.label_in("nl") and origin.label_in("en")
    assert EntryOrigin.ADAPTED.label_in("nl") != EntryOrigin.SUGGESTION.label_in("nl")
