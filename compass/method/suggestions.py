"""Step 1 suggestions: the risks and opportunities the reference knowledge expects for this tender,
from its procurement category. No Qt.

A category is matched by its id, or by its full name typed as the category; never by a loose word
(a cleaning tender with "electric" in its materials got the suggestions for electric hand tools)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from compass.core.codes import LabelledEnum
from compass.core.session import InventoryEntry, SessionSnapshot
from compass.i18n import N_
from compass.reference.types import Category, ReferenceData, Suggestion


class _ForCategories(Protocol):
    @property
    def categories(self) -> tuple[str, ...]: ...


E = TypeVar("E", bound=_ForCategories)


def categories_for(snapshot: SessionSnapshot, reference: ReferenceData) -> tuple[Category, ...]:
    """The session's catalogue category, if it has one."""
    value = snapshot.facts.category.strip()
    typed = value.casefold()
    for category in reference.categories:
        if value == category.id or typed in (category.name.nl.casefold(), category.name.en.casefold()):
            return (category,)
    return ()


def session_category(snapshot: SessionSnapshot, reference: ReferenceData) -> str:
    """The id of the session's catalogue category, or "" for a category of the team's own words."""
    found = categories_for(snapshot, reference)
    return found[0].id if found else ""


def fitting_first(entries: Iterable[E], category_id: str) -> tuple[E, ...]:
    """Catalogue entries written for the tender's category first, the general ones after: a catering
    tender sees its meat and food-waste criteria before road works'. Among those that fit, the
    entries written for fewer categories come first (an ICT tender's certificate before the Social
    Return clause every tender has, its take-back scheme before a pilot tagged to every supply
    chain); otherwise catalogue order."""
    listed = tuple(entries)
    if not category_id:
        return listed
    return tuple(
        sorted(
            listed,
            key=lambda entry: (category_id not in entry.categories, len(entry.categories)),
        )
    )


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


class EntryOrigin(LabelledEnum):
    """Where a step-1 entry's words come from."""

    SUGGESTION = "suggestion", N_("suggestion")
    ADAPTED = "adapted", N_("suggestion, adapted")
    TEAM = "team", N_("team")


def entry_origin(entry: InventoryEntry, reference: ReferenceData) -> EntryOrigin:
    """A suggestion the team rewrote is no longer the catalogue's words (a walk saw "suggestion" stay
    beside a text the team had rewritten): the suggestion's text in either language, spaces aside,
    is the suggestion; anything else is adapted."""
    if not entry.suggestion_id:
        return EntryOrigin.TEAM
    try:
        suggestion = reference.suggestion(entry.suggestion_id)
    except KeyError:  # a suggestion a later catalogue no longer has: what was recorded
        return EntryOrigin.SUGGESTION
    own_words = " ".join(entry.description.split())
    if any(own_words == " ".join(suggestion.text(language).split()) for language in ("nl", "en")):
        return EntryOrigin.SUGGESTION
    return EntryOrigin.ADAPTED
