"""Step 1 suggestions: the risks and opportunities the reference knowledge expects for this tender,
from its procurement category. No Qt.

A category is matched by its id, or by its full name typed as the category; never by a loose word
(a cleaning tender with "electric" in its materials got the suggestions for electric hand tools)."""

from __future__ import annotations

from compass.core.session import SessionSnapshot
from compass.reference.types import Category, ReferenceData, Suggestion


def categories_for(snapshot: SessionSnapshot, reference: ReferenceData) -> tuple[Category, ...]:
    """The session's catalogue category, if it has one."""
    value = snapshot.facts.category.strip()
    typed = value.casefold()
    for category in reference.categories:
        if value == category.id or typed in (category.name.nl.casefold(), category.name.en.casefold()):
            return (category,)
    return ()


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
