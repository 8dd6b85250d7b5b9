"""Catalogue texts in the language of the reader: a text a team took from the catalogue and did not
change prints in the document's language; the team's own words stay as typed.

English strategies were three-quarters Dutch because a criterion, indicator or risk copied into a
Dutch session keeps the words it was copied in, though the catalogue has them in English too (issue
24). A stored text that equals the catalogue's text in either language (spaces aside) is the
catalogue's; any change makes it the team's. No Qt, no database, no language state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from compass.core.session import Criterion, Indicator, InventoryEntry, SessionSnapshot
from compass.reference.types import LocalizedText, ReferenceData

LANGUAGES = ("nl", "en")
T = TypeVar("T")


def _same(typed: str, written: str) -> bool:
    return " ".join(typed.split()) == " ".join(written.split())


def catalogue_words(typed: str, catalogue: LocalizedText | None, language: str) -> str:
    """``catalogue`` in ``language`` where ``typed`` is the catalogue's text in some language; else
    ``typed`` as the team wrote it."""
    if catalogue is None or not typed.strip():
        return typed
    if any(_same(typed, catalogue(other)) for other in LANGUAGES):
        return catalogue(language)
    return typed


def _lookup(find: Callable[[str], T], key: str) -> T | None:
    if not key:
        return None
    try:
        return find(key)
    except KeyError:  # an entry a later catalogue no longer has: the words as recorded
        return None


def in_language(snapshot: SessionSnapshot, reference: ReferenceData, language: str) -> SessionSnapshot:
    """The session with every unchanged catalogue text in ``language``: criteria (text and how they
    are checked), indicators (name, unit, reference point, data source) and step 1's suggestions."""
    criteria = tuple(_criterion(c, reference, language) for c in snapshot.criteria)
    indicators = tuple(_indicator(i, reference, language) for i in snapshot.indicators)
    inventory = tuple(_entry(e, reference, language) for e in snapshot.inventory)
    return replace(snapshot, criteria=criteria, indicators=indicators, inventory=inventory)


def _criterion(criterion: Criterion, reference: ReferenceData, language: str) -> Criterion:
    entry = _lookup(reference.criterion, criterion.catalogue_id)
    if entry is None:
        return criterion
    return replace(
        criterion,
        text=catalogue_words(criterion.text, entry.text, language),
        verification=catalogue_words(criterion.verification, entry.verification, language),
    )


def _indicator(indicator: Indicator, reference: ReferenceData, language: str) -> Indicator:
    entry = _lookup(reference.indicator, indicator.catalogue_id)
    if entry is None:
        return indicator
    return replace(
        indicator,
        name=catalogue_words(indicator.name, entry.name, language),
        unit=catalogue_words(indicator.unit, entry.unit, language),
        reference=catalogue_words(indicator.reference, entry.reference, language),
        data_source=catalogue_words(indicator.data_source, entry.data_supplier, language),
    )


def _entry(entry: InventoryEntry, reference: ReferenceData, language: str) -> InventoryEntry:
    suggestion = _lookup(reference.suggestion, entry.suggestion_id)
    if suggestion is None:
        return entry
    return replace(entry, description=catalogue_words(entry.description, suggestion.text, language))
