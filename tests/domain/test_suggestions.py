"""Step 1 suggestions come from the session's procurement category, matched by id or by its full name,
never by a loose word; an accepted suggestion is not offered again."""

from __future__ import annotations

import pytest

from compass.core.session import Collection
from compass.method.suggestions import categories_for, category_label, open_suggestions
from compass.reference.loading import load_reference_data


@pytest.fixture(scope="module")
def reference():
    return load_reference_data()


def test_the_category_selects_the_suggestions_and_materials_do_not(service, reference) -> None:
    session = service.create_session(
        "Asfalt", category="cat-asphalt-maintenance", materials="Natuursteen en asfalt"
    )
    snapshot = service.get_session(session.id)
    ids = [c.id for c in categories_for(snapshot, reference)]
    assert ids == ["cat-asphalt-maintenance"]
    suggestions = open_suggestions(snapshot, reference)
    asphalt = reference.category("cat-asphalt-maintenance")
    assert suggestions[: len(asphalt.suggestions)] == asphalt.suggestions


def test_a_loose_word_matches_no_category(service, reference) -> None:
    session = service.create_session(
        "Schoonmaak", category="Schoonmaak stadhuis en stadsschouwburg", materials="electric scrubbers"
    )
    assert categories_for(service.get_session(session.id), reference) == ()  # not hand tools
    typed = service.create_session("Kleding", category=" bedrijfskleding ")  # its full name, typed
    assert [c.id for c in categories_for(service.get_session(typed.id), reference)] == ["cat-workwear"]


def test_free_text_categories_give_no_suggestions_and_keep_their_text(service, reference) -> None:
    session = service.create_session("X", category="Onderhoud fonteinen")
    snapshot = service.get_session(session.id)
    assert open_suggestions(snapshot, reference) == ()
    assert category_label("Onderhoud fonteinen", reference, "nl") == "Onderhoud fonteinen"
    assert category_label("cat-workwear", reference, "nl") == "Bedrijfskleding"


def test_an_accepted_suggestion_is_not_offered_again(service, reference) -> None:
    session = service.create_session("Kleding", category="cat-workwear")
    first = open_suggestions(service.get_session(session.id), reference)[0]
    service.add_item(
        session.id,
        Collection.INVENTORY,
        sdg=first.sdg,
        kind=first.kind,
        source=first.where,
        description=first.text.nl,
        suggestion_id=first.id,
    )
    snapshot = service.get_session(session.id)
    assert first not in open_suggestions(snapshot, reference)
    assert snapshot.inventory[0].suggestion_id == first.id


def test_the_catalogue_lists_what_was_written_for_the_tenders_category_first(service, reference) -> None:
    from compass.method.suggestions import fitting_first, session_category

    session = service.create_session("Catering", category="cat-catering")
    category = session_category(service.get_session(session.id), reference)
    assert category == "cat-catering"
    ordered = fitting_first(reference.criteria_for(sdg=12), category)
    tagged = [c for c in ordered if category in c.categories]
    assert tagged and list(ordered[: len(tagged)]) == tagged  # catering's own criteria lead
    assert set(ordered) == set(reference.criteria_for(sdg=12))  # nothing is hidden
    assert fitting_first(reference.criteria_for(sdg=12), "") == reference.criteria_for(sdg=12)


def test_among_fitting_entries_those_written_for_the_category_lead_the_general_ones(reference) -> None:
    """Walking a laptop tender: the pilot with fair textile makers and Social Return came before
    the ICT certificate, because every tender's entries carried the ICT tag too."""
    from compass.method.suggestions import fitting_first

    ordered = fitting_first(reference.criteria_for(sdg=12), "cat-ict-workplace")
    ids = [c.id for c in ordered]
    assert ids.index("crit-12-ict-sustainability-certificate") < ids.index("crit-12-repair-cafe-resale")
    assert ids.index("crit-12-ict-take-back-reuse") < ids.index("crit-10-fair-production-chain-pilot")


def test_the_indicator_picker_shows_the_categorys_indicators_first(qtbot, reference) -> None:
    from compass.ui.indicator_picker import IndicatorPicker

    picker = IndicatorPicker(reference, 12, None, "cat-catering")
    qtbot.addWidget(picker)
    first = reference.indicator(picker._found[0].id)
    assert "cat-catering" in first.categories
