"""The guess of a text's language (``compass.method.text_language``) on real texts: the examples'
Dutch, the catalogue's Dutch and English, mixed sentences, names, amounts, codes and legal
references. A wrong guess marks a whole paragraph as misspelt in Word, so most cases here pin down
what must stay unknown."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from compass.method.text_language import text_language
from compass.paths import resource_path

# Typed by the teams of the shipped examples (resources/examples), word for word.
EXAMPLE_DUTCH = [
    "De sporthal in Maastricht-West is verouderd en te klein voor het gebruik door scholen en "
    "verenigingen.",
    "Het huidige kledingcontract loopt op 30 juni 2027 af.",
    "Raming van een kostendeskundige op basis van het referentieontwerp (bouwkosten per m² bruto "
    "vloeroppervlak) en een meerjarenonderhoudsplan voor 15 jaar.",
    "Wat moet de vernieuwde sporthal voor de wijk betekenen?",
    "Welke risico's en kansen ziet u in de omgeving, de keten, de materialen en op de locatie?",
    "Welke SDG's wegen voor deze opdracht het zwaarst? Elk twee stippen.",
    "Geen percelen (art. 1.5 Aanbestedingswet): ontwerp, bouw en onderhoud zitten in één "
    "geïntegreerd contract, zodat één partij verantwoordelijk is voor de prestaties over de "
    "levensduur en circulaire keuzes in het ontwerp in het onderhoud terugverdient.",
    "Gebruiksuren voor sport en bewegen",
    "ten opzichte van de Social Return-verplichting volgens de Beleidsregels Social Return "
    "Arbeidsmarktregio Zuid-Limburg",
]
# The catalogue's English (resources/data), word for word.
CATALOGUE_ENGLISH = [
    "If the CSR Risk Checker (MVO Risicochecker) shows supply-chain risks for the product group, the "
    "bidder commits to complying with the international social conditions (ISV) throughout the "
    "contract.",
    "Outcome of the CSR Risk Checker in the tender file; signed ISV declaration with the bid; report "
    "on risks and measures during the contract.",
    "Statement of the capacity to be installed and the expected yield with the bid; metered "
    "generation data during the contract.",
    "During and after the contract, the contractor reports the CO₂ actually avoided (kg) with the MVI "
    "Platform's SDG 13 calculation module.",
]
# Nothing to go by: a name, a place, an amount, a code, a reference, one word.
UNKNOWN = [
    "",
    "   ",
    "CO2",
    "CO₂",
    "EUR 120.000",
    "€ 6.500.000 excl. btw",
    "SDG 12",
    "UAV-GC 2005",
    "Gemeente Heerlen",
    "Maastricht-West",
    "De Vries",
    "J. van de Ven",
    "Jan van der Berg",
    "H. Janssen (projectleider vastgoed)",
    "Aanbestedingswet 2012, art. 2.114",
    "Gids Proportionaliteit, voorschrift 3.4 B",
    "ja",
    "the",
    "de",
    # Words both languages use count for neither.
    "is in of over",
    "Over 40 %",
    # One function word is not enough, even in a real label of the catalogue.
    "Poor working conditions in the global production chain",
    "Besluiten en vervolg",
]


@pytest.mark.parametrize("text", EXAMPLE_DUTCH)
def test_the_teams_dutch_reads_as_dutch(text: str) -> None:
    assert text_language(text) == "nl"


@pytest.mark.parametrize("text", CATALOGUE_ENGLISH)
def test_the_catalogues_english_reads_as_english(text: str) -> None:
    assert text_language(text) == "en"


@pytest.mark.parametrize("text", UNKNOWN)
def test_names_amounts_codes_and_fragments_stay_unknown(text: str) -> None:
    assert text_language(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An English label before the team's Dutch: the Dutch carries most of it.
        (
            "Indoor sports accommodation (new build and renovation) – Renovatie en uitbreiding van de "
            "sporthal in Maastricht-West, met ontwerp, bouw en 15 jaar onderhoud.",
            "nl",
        ),
        # An English sentence around a quoted Dutch term.
        (
            "To agree to the public European tender (openbaar Europees) as the procedure, for the "
            "reasons in the procurement frame.",
            "en",
        ),
        # As much of one as of the other: no mark is better than a wrong one.
        ("Het plan is ready for the start van de bouw", None),
        ("The bidder levert het plan and de planning", None),
    ],
)
def test_mixed_texts_go_by_a_clear_majority_or_stay_unknown(text: str, expected: str | None) -> None:
    assert text_language(text) == expected


def test_name_particles_count_only_outside_names() -> None:
    assert text_language("Renovatie van de sporthal") == "nl"  # before a small letter: Dutch
    assert text_language("Verordening 2025/2152 van de Commissie") == "nl"  # after a number
    assert text_language("M. van de Ven en J. de Vries") is None  # only "en" is left
    assert text_language("De 17 SDG's in deze aanbesteding") == "nl"  # a number is no surname


def test_acronyms_and_compounds_are_no_function_words() -> None:
    # "EN" of a standard is not Dutch "en"; "IT" is not English "it".
    assert text_language("Playground equipment to EN 1176 and EN 1177") == "en"
    assert text_language("IT-diensten voor de gemeente") == "nl"
    # "door" is Dutch ("by"), but not inside an English compound.
    assert text_language("door-to-door transport") is None
    assert text_language("Dit wordt door de opdrachtnemer gedaan") == "nl"
    assert text_language("The door of the building will be open") == "en"


def test_accents_apostrophes_and_punctuation_split_words_as_a_reader_would() -> None:
    assert text_language("Eén geïntegreerd contract, met één aanspreekpunt voor de buitendienst") == "nl"
    assert text_language("The contractor\u2019s plan for the site; the city\u2019s rules") == "en"
    assert text_language("de/het/een") == "nl"
    assert text_language("the/and/or") == "en"


def _localized(value: Any) -> Iterator[tuple[str, str]]:
    """Every ``{"nl": ..., "en": ...}`` pair in a reference file."""
    if isinstance(value, dict):
        if isinstance(value.get("nl"), str) and isinstance(value.get("en"), str):
            yield value["nl"], value["en"]
        for item in value.values():
            yield from _localized(item)
    elif isinstance(value, list):
        for item in value:
            yield from _localized(item)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def _shipped(folder: str) -> list[Any]:
    """The content of every JSON file in a folder of resources/."""
    files = sorted(resource_path(folder).glob("*.json"))
    assert files, folder
    return [json.loads(path.read_text("utf-8")) for path in files]


def test_the_catalogue_is_never_taken_for_the_other_language() -> None:
    """Every text of the shipped reference in both languages: none is guessed the wrong way, and
    nearly every one of eight words or more is recognised."""
    pairs = [pair for content in _shipped("data") for pair in _localized(content)]
    assert len(pairs) > 1000
    wrong = [(nl, en) for nl, en in pairs if text_language(nl) == "en" or text_language(en) == "nl"]
    assert wrong == []
    for index, language, share in ((0, "nl", 0.95), (1, "en", 0.90)):
        long = [pair[index] for pair in pairs if len(pair[index].split()) >= 8]
        guesses = Counter(text_language(text) for text in long)
        assert guesses[language] >= share * len(long), (language, guesses)


def test_the_examples_dutch_is_never_taken_for_english() -> None:
    texts = {text for content in _shipped("examples") for text in _strings(content)}
    long = [text for text in texts if len(text.split()) >= 8]
    assert len(long) > 100
    guesses = Counter(text_language(text) for text in long)
    assert guesses["en"] == 0
    # The rest are source references ("Actieplan MVOI Maastricht 2025-2028, Klimaat (...)").
    assert guesses["nl"] >= 0.8 * len(long), guesses
