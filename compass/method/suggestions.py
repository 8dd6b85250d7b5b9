"""Step 1 suggestions: the risks and opportunities the reference knowledge expects for this tender,
from its procurement category and the materials it names. No Qt."""

from __future__ import annotations

import re

from compass.core.session import SessionSnapshot
from compass.reference.types import Category, ReferenceData, Suggestion

_WORD = re.compile(r"[a-zà-ÿ]{5,}")


def categories_for(snapshot: SessionSnapshot, reference: ReferenceData) -> tuple[Category, ...]:
    """The session's category first, then categories whose name shares a word with the materials."""
    found: list[Category] = []
    chosen = next((c for c in reference.categories if c.id == snapshot.facts.category), None)
    if chosen is not None:
        found.append(chosen)
    words = set(_WORD.findall(snapshot.facts.materials.casefold()))
    if words:
        for category in reference.categories:
            names = set(_WORD.findall(f"{category.name.nl} {category.name.en}".casefold()))
            if category not in found and words & names:
                found.append(category)
    return tuple(found)


def open_suggestions(snapshot: SessionSnapshot, reference: ReferenceData) -> tuple[Suggestion, ...]:
    """Suggestions not yet accepted into the inventory, in category order."""
    accepted = {entry.suggestion_id for entry in snapshot.inventory if entry.suggestion_id}
    return tuple(
        suggestion
        for category in categories_for(snapshot, reference)
        for suggestion in category.suggestions
        if suggestion.id not in accepted
    )


def category_label(category_value: str, reference: ReferenceData, language: str) -> str:
    """What to show for a stored category: the catalogue name for an id, else the user's own text."""
    category = next((c for c in reference.categories if c.id == category_value), None)
    return category.name(language) if category else category_value
