"""A catalogue text the team left unchanged prints in the document's language; the team's own words
stay as typed (issue 24: English strategies were three-quarters Dutch)."""

from __future__ import annotations

from compass.core.session import (
    Criterion,
    CriterionType,
    EntryKind,
    EntrySource,
    Indicator,
    IndicatorKind,
    InventoryEntry,
    SdgPriority,
)
from compass.formats.document.build import build_document
from compass.formats.document.model import Table
from compass.method.catalogue_words import catalogue_words, in_language
from compass.reference.loading import load_reference_data
from compass.reference.types import LocalizedText

REFERENCE = load_reference_data()
CO2 = REFERENCE.indicator("ind-co2-avoided")


def test_unchanged_catalogue_words_follow_the_reader_and_own_words_stay() -> None:
    words = LocalizedText("Vermeden CO₂", "CO₂ avoided")
    assert catalogue_words("Vermeden CO₂", words, "en") == "CO₂ avoided"
    assert catalogue_words("  Vermeden   CO₂ ", words, "en") == "CO₂ avoided"  # spaces aside
    assert catalogue_words("CO₂ avoided", words, "nl") == "Vermeden CO₂"
    assert catalogue_words("Vermeden CO₂ op de bouwplaats", words, "en") == "Vermeden CO₂ op de bouwplaats"
    assert catalogue_words("", words, "en") == ""
    assert catalogue_words("Eigen tekst", None, "en") == "Eigen tekst"


def _session(snapshot):
    criterion = REFERENCE.criterion("crit-13-co2-performance-ladder-award")
    suggestion = REFERENCE.category("cat-asphalt-maintenance").suggestions[0]
    return snapshot(
        inventory=(
            InventoryEntry(1, suggestion.sdg, suggestion.kind, suggestion.where, suggestion.text.nl, suggestion_id=suggestion.id),
            InventoryEntry(2, 13, EntryKind.RISK, EntrySource.LOCATION, "Eigen risico van het team"),
        ),
        priorities=(SdgPriority(13, selected=True),),
        criteria=(
            Criterion(1, 13, criterion.criterion_type, criterion.text.nl, None, criterion.verification.nl, criterion.id),
            Criterion(2, 13, CriterionType.MINIMUM_REQUIREMENT, "Eigen eis van het team", None, "Controle"),
        ),
        indicators=(
            Indicator(1, 13, IndicatorKind.QUANTITATIVE, CO2.name.nl, CO2.unit.nl, catalogue_id=CO2.id),
        ),
    )


def test_an_english_document_of_a_dutch_session_prints_the_catalogues_english(snapshot) -> None:
    session = in_language(_session(snapshot), REFERENCE, "en")
    criterion = REFERENCE.criterion("crit-13-co2-performance-ladder-award")
    assert session.criteria[0].text == criterion.text.en
    assert session.criteria[0].verification == criterion.verification.en
    assert session.criteria[1].text == "Eigen eis van het team"
    assert (session.indicators[0].name, session.indicators[0].unit) == ("CO₂ avoided", "kg CO₂")
    assert session.inventory[0].description == REFERENCE.category("cat-asphalt-maintenance").suggestions[0].text.en
    assert session.inventory[1].description == "Eigen risico van het team"
    document = build_document(_session(snapshot), REFERENCE, "en")
    cells = [cell.text for block in document.body if isinstance(block, Table) for row in block.rows for cell in row]
    assert "CO₂ avoided" in cells and "Vermeden CO₂" not in cells
