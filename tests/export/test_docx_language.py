"""The language of each run in the Word file, read back from its XML: the document's language on the
defaults, and a text that reads as the other language marked with that language (issue 24), so Word
checks the team's Dutch in an English strategy as Dutch. Catalogue texts, names, numbers and short
fragments carry no mark of their own."""

from __future__ import annotations

import io
import json
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from compass.formats.document.build import build_document
from compass.formats.document.model import (
    Bullets,
    Cell,
    Document,
    Heading,
    Paragraph,
    Table,
    TableKind,
)
from compass.formats.docx.render import render_docx
from compass.formats.session_file import read_session_file
from compass.paths import resource_path
from compass.reference.examples import list_examples
from compass.services import SessionService

PILOT = next(e for e in list_examples() if "pilot" in e.path.stem)
TEAM_DUTCH = "De sporthal in Maastricht-West is verouderd en te klein voor het gebruik door scholen."
CATALOGUE_ENGLISH = (
    "Statement of the capacity to be installed and the expected yield with the bid; metered "
    "generation data during the contract."
)


@pytest.fixture
def db_backend() -> str:
    """The Word file is made from a snapshot, whatever database it came from."""
    return "sqlite"


def _model(language: str, *blocks: Any, title: str = "Catering stadhuis") -> Document:
    return Document(
        language=language,
        title=title,
        subtitle="",
        organisation="Gemeente Heerlen",
        author="Gemeente Heerlen",
        version="",
        concept=False,
        concept_mark="CONCEPT",
        status="",
        header="",
        page_label="{page}/{pages}",
        first_page=blocks,
        body=(),
    )


def _runs(data: bytes) -> list[tuple[str, str | None]]:
    """Every run of the body with text, as (text, its own w:lang or None)."""
    body = docx.Document(io.BytesIO(data)).element.body
    runs = []
    for run in body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        if text:
            language = run.find(f"{qn('w:rPr')}/{qn('w:lang')}")
            runs.append((text, None if language is None else language.get(qn("w:val"))))
    return runs


def _languages(data: bytes) -> dict[str, set[str | None]]:
    languages: dict[str, set[str | None]] = {}
    for text, language in _runs(data):
        languages.setdefault(text, set()).add(language)
    return languages


def _default_language(data: bytes) -> str:
    styles = docx.Document(io.BytesIO(data)).styles.element
    language = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return language.get(qn("w:val"))


def test_dutch_text_in_an_english_document_is_marked_dutch_in_every_kind_of_block() -> None:
    model = _model(
        "en",
        Heading("Aanleiding en doel van de opdracht", 1, "occasion"),
        Paragraph(TEAM_DUTCH),
        Paragraph(CATALOGUE_ENGLISH),
        Bullets(("Welke risico's en kansen ziet u in de omgeving?", "Dot voting in the first dialogue")),
        Table(
            (),
            ((Cell("Ten opzichte van de huidige bezetting"), Cell("Why this procedure")),),
            (1, 1),
            TableKind.FACTS,
        ),
        Table(
            ("Criterion",),
            ((Cell(CATALOGUE_ENGLISH, "Toets door de beoordelingscommissie bij de inschrijving"),),),
            (1,),
        ),
        title="Groot onderhoud van de wegen in Heerlen-Noord",
    )
    languages = _languages(render_docx(model))
    assert languages["Groot onderhoud van de wegen in Heerlen-Noord"] == {"nl-NL"}  # the title
    assert languages["Aanleiding en doel van de opdracht"] == {"nl-NL"}
    assert languages[TEAM_DUTCH] == {"nl-NL"}
    assert languages["Welke risico's en kansen ziet u in de omgeving?"] == {"nl-NL"}
    assert languages["Ten opzichte van de huidige bezetting"] == {"nl-NL"}
    assert languages["Toets door de beoordelingscommissie bij de inschrijving"] == {"nl-NL"}
    # English in an English document takes the default: no mark of its own.
    assert languages[CATALOGUE_ENGLISH] == {None}
    assert languages["Dot voting in the first dialogue"] == {None}
    assert languages["Why this procedure"] == {None}


def test_a_marked_bold_run_keeps_the_schemas_order() -> None:
    """Word refuses a file whose run properties are out of the schema's order: w:b before w:lang."""
    label = "Ten opzichte van de huidige bezetting"
    model = _model("en", Table((), ((Cell(label), Cell("60")),), (1, 1), TableKind.FACTS))
    body = docx.Document(io.BytesIO(render_docx(model))).element.body
    (properties,) = [
        run.find(qn("w:rPr"))
        for run in body.iter(qn("w:r"))
        if "".join(t.text or "" for t in run.iter(qn("w:t"))) == label
    ]
    assert [child.tag for child in properties] == [qn("w:b"), qn("w:lang")]


def test_english_text_in_a_dutch_document_is_marked_english() -> None:
    model = _model("nl", Paragraph(CATALOGUE_ENGLISH), Paragraph(TEAM_DUTCH))
    data = render_docx(model)
    languages = _languages(data)
    assert _default_language(data) == "nl-NL"
    assert languages[CATALOGUE_ENGLISH] == {"en-GB"}
    assert languages[TEAM_DUTCH] == {None}  # the default already says Dutch


@pytest.mark.parametrize("language", ["en", "nl"])
def test_short_texts_names_and_numbers_are_never_marked(language: str) -> None:
    short = [
        "De Vries",
        "J. van de Ven",
        "Gemeente Heerlen",
        "CO₂",
        "EUR 120.000",
        "2.114",
        "Maastricht-West",
    ]
    model = _model(language, Table(("Name",), tuple((Cell(text),) for text in short), (1,)))
    languages = _languages(render_docx(model))
    assert {text: languages[text] for text in short} == dict.fromkeys(short, {None})


# An example session, exported in both languages, made once for the module.
_made: dict[str, tuple[Any, bytes]] = {}


@pytest.fixture
def pilot(service: SessionService, shipped_reference):
    """The snapshot and the Word file of the pilot example in a language."""

    def make(language: str) -> tuple[Any, bytes]:
        if language not in _made:
            imported = read_session_file(PILOT.path.read_bytes(), shipped_reference)
            snapshot = service.get_session(service.import_session(imported).id)
            _made[language] = (snapshot, render_docx(build_document(snapshot, shipped_reference, language)))
        return _made[language]

    return make


def _catalogue_english() -> set[str]:
    """Every English text of the shipped reference data."""
    texts: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("en"), str) and isinstance(value.get("nl"), str):
                texts.add(value["en"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in resource_path("data").glob("*.json"):
        walk(json.loads(path.read_text("utf-8")))
    return texts


TEAM_FACTS = ("occasion", "lots", "procedure_reason", "estimate_basis", "contract_management")


def test_an_english_strategy_marks_the_teams_dutch_and_not_the_catalogues_english(pilot) -> None:
    snapshot, data = pilot("en")
    assert _default_language(data) == "en-GB"
    languages = _languages(data)
    for field in TEAM_FACTS:
        typed = getattr(snapshot.facts, field)
        assert languages.get(typed) == {"nl-NL"}, field
    # Catalogue texts print in English in an English strategy (issue 24): no Dutch mark on them.
    catalogue = {text: marks for text, marks in languages.items() if text in _catalogue_english()}
    assert len(catalogue) >= 5
    assert {text: marks for text, marks in catalogue.items() if marks != {None}} == {}
    # The people of the approval block and the place are names: no mark.
    for field in ("project_leader", "procurement_adviser", "budget_holder", "location"):
        assert languages[getattr(snapshot.facts, field)] == {None}, field
    assert all(marks <= {None, "nl-NL"} for marks in languages.values())


def test_a_dutch_strategy_has_dutch_as_its_default_and_no_redundant_marks(pilot) -> None:
    snapshot, data = pilot("nl")
    assert _default_language(data) == "nl-NL"
    languages = _languages(data)
    assert languages.get(snapshot.facts.occasion) == {None}
    assert all("nl-NL" not in marks for marks in languages.values())
