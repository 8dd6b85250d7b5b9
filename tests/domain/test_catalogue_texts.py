"""The criteria catalogue's texts say what to require, not what kind of criterion they are: the kind is
shown beside the text, and a text opening with it read "Contractbepaling · Contractbepaling: ..." in
the catalogue picker and twice in the document."""

from __future__ import annotations

import pytest

from compass.core.session import CriterionType
from compass.reference.loading import load_reference_data

# The kinds' own words and the words the catalogue used for them.
LEAD_INS = {
    "nl": (
        "contractbepaling",
        "contractvoorwaarde",
        "bijzondere contractvoorwaarde",
        "gunningscriterium",
        "eis",
    ),
    "en": (
        "contract clause",
        "contract condition",
        "special contract condition",
        "award criterion",
        "requirement",
    ),
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_catalogue_text_opens_with_its_kind(language: str) -> None:
    reference = load_reference_data()
    kind_words = {kind.label_in(language).split(" (")[0].casefold() for kind in CriterionType}
    lead_ins = set(LEAD_INS[language]) | kind_words
    repeating = [
        criterion.id
        for criterion in reference.criteria
        if criterion.text(language).split(":")[0].strip().casefold() in lead_ins
    ]
    assert repeating == []
