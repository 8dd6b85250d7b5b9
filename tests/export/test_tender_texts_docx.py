"""The tender texts as a Word file, read back with python-docx (issue 24, item 7): every criterion's
text in a table under the heading of the part of the tender documents it goes into, with its SDG, how
it is checked, its catalogue id and, for award criteria, its weight; the price/quality split and the
scoring method above the award criteria; Word's headings and repeating header rows; the document's
language; the same bytes for the same session. For a hand-made session and the three examples."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn

from compass.core.errors import CompassError
from compass.core.session import (
    Criterion,
    CriterionType,
    ProjectFacts,
    ScoringMethod,
    SessionSnapshot,
    SessionStatus,
)
from compass.formats.session_file import read_session_file
from compass.formats.tender_texts import PART_OF, build_tender_texts
from compass.formats.tender_texts_word import (
    render_tender_texts_docx,
    tender_texts_document,
    write_tender_texts_docx,
)
from compass.model.database import open_database
from compass.reference.examples import list_examples
from compass.services import SessionService

T = CriterionType
EXAMPLES = list_examples()
_snapshots: dict[str, SessionSnapshot] = {}


@pytest.fixture
def db_backend() -> str:
    """A document is made from a snapshot, whatever database it came from: SQLite once is enough."""
    return "sqlite"


def _hand_made() -> SessionSnapshot:
    import datetime as dt

    moment = dt.datetime(2027, 3, 1, 9, 30, tzinfo=dt.UTC)
    wood, co2, pilot = "crit-12-wood", "crit-13-co2", "crit-12-pilot"
    criteria = (
        Criterion(
            1, 12, T.MINIMUM_REQUIREMENT, "Hout is FSC- of PEFC-gecertificeerd.", None, "Bewijs.", wood
        ),
        Criterion(
            2, 8, T.CONTRACT_CONDITION, "Social Return: 5 % van de opdrachtwaarde.", None, "Rapport."
        ),
        Criterion(
            3, 13, T.AWARD_CRITERION, "Minder CO2 dan de referentie.", Decimal("12.5"), "CO2-plan.", co2
        ),
        Criterion(4, 8, T.SUITABILITY_REQUIREMENT, "ISO 14001 of gelijkwaardig.", None, "Certificaat."),
        Criterion(5, 8, T.SELECTION_CRITERION, "Referentieprojecten met Social Return.", None, "Lijst."),
        Criterion(
            6, 12, T.INNOVATION_QUESTION, "Hoe wordt het meubilair circulair?", None, "Pitch.", pilot
        ),
        Criterion(7, 12, T.AWARD_CRITERION, "Aandeel hergebruikt materiaal.", Decimal(20), "Paspoort."),
    )
    return SessionSnapshot(
        id=1,
        facts=ProjectFacts(
            title="Kantoormeubilair",
            organisation="Gemeente Heerlen",
            scoring_method=ScoringMethod.FICTITIOUS_DISCOUNT,
        ),
        status=SessionStatus.DRAFT,
        quality_weight_pct=Decimal(60),
        created_at=moment,
        updated_at=moment,
        criteria=criteria,
        selection_phase=True,
    )


@pytest.fixture
def example_snapshot(tmp_path, shipped_reference):
    def get(example) -> SessionSnapshot:
        if example.path.stem not in _snapshots:
            database = open_database(f"sqlite:///{(tmp_path / 'examples.sqlite3').as_posix()}")
            service = SessionService(database, shipped_reference)
            imported = read_session_file(example.path.read_bytes(), shipped_reference)
            _snapshots[example.path.stem] = service.get_session(service.import_session(imported).id)
            database.dispose()
        return _snapshots[example.path.stem]

    return get


def _open(data: bytes):
    return docx.Document(io.BytesIO(data))


def _tables_under_headings(word) -> list[tuple[str, list[list[str]]]]:
    """Each table of the body with the level-1 heading above it, in the order of the document."""
    found: list[tuple[str, list[list[str]]]] = []
    heading = ""
    paragraphs = {p._p: p for p in word.paragraphs}
    tables = {t._tbl: t for t in word.tables}
    for element in word.element.body.iterchildren():
        if element in paragraphs and paragraphs[element].style.name == "Heading 1":
            heading = paragraphs[element].text
        elif element in tables:
            rows = [[cell.text for cell in row.cells] for row in tables[element].rows]
            found.append((heading, rows))
    return found


def _check(snapshot: SessionSnapshot, reference, language: str) -> None:
    texts = build_tender_texts(snapshot, reference, language)
    word = _open(render_tender_texts_docx(texts))
    tables = _tables_under_headings(word)
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [section.title for section in texts.sections]
    listed = 0
    for criterion in snapshot.criteria:
        if not criterion.text.strip():
            continue
        section_title = next(s.title for s in texts.sections if s.part is PART_OF[criterion.criterion_type])
        kind = criterion.criterion_type.label_in(language)
        (heading, rows), *others = [
            (heading, rows)
            for heading, rows in tables
            if rows[0][1] == kind and any(row[1] == criterion.text.strip() for row in rows[1:])
        ]
        assert not others, "each text once"
        assert heading == section_title
        row = next(row for row in rows[1:] if row[1] == criterion.text.strip())
        header = rows[0]
        assert row[header.index(_word("SDG", language))] == str(criterion.sdg)
        own = next(t.source for t in texts.texts if t.criterion_id == criterion.id)
        assert row[-1] == (criterion.catalogue_id or own) and row[-1]
        verification = criterion.verification.strip()
        if verification:
            assert verification in row
        if criterion.criterion_type is T.AWARD_CRITERION:
            weight = next(t.weight for t in texts.texts if t.criterion_id == criterion.id)
            assert row[2] == weight and weight not in ("", "\u2013")
        listed += 1
    assert listed == len(texts.texts)


def _word(message: str, language: str) -> str:
    from compass.i18n import translate_in

    return translate_in(language, message)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_text_of_a_hand_made_session_is_in_its_part(shipped_reference, language: str) -> None:
    _check(_hand_made(), shipped_reference, language)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_text_of_an_example_is_in_its_part(
    example_snapshot, shipped_reference, example, language
) -> None:
    snapshot = example_snapshot(example)
    assert snapshot.criteria
    _check(snapshot, shipped_reference, language)


def test_the_award_guidelines_say_the_split_the_scoring_method_and_the_weights(shipped_reference) -> None:
    word = _open(render_tender_texts_docx(build_tender_texts(_hand_made(), shipped_reference, "en")))
    tables = _tables_under_headings(word)
    award = [rows for heading, rows in tables if heading == "Award guidelines"]
    basis, criteria = award
    split = "best price-quality ratio: 40 % price, 60 % quality"
    assert basis == [
        ["Award basis", f"{split}; fictitious discount per criterion (gunnen op waarde)"],
        ["How price scores", "Price: the bid price less the fictitious discounts the quality earns."],
    ]
    assert criteria[0] == ["No.", "Award criterion", "Weight %", "How it is checked", "SDG", "Catalogue id"]
    assert [row[2] for row in criteria[1:]] == ["20", "12.5"]
    paragraphs = [p.text for p in word.paragraphs]
    assert (
        "Price 40 %, quality 60 %, of which the quality criteria together 32.5 % of the total score."
        in paragraphs
    )


def test_selection_holds_a_table_per_kind_and_own_texts_say_so(shipped_reference) -> None:
    word = _open(render_tender_texts_docx(build_tender_texts(_hand_made(), shipped_reference, "en")))
    selection = [
        rows for heading, rows in _tables_under_headings(word) if heading == "Selection and suitability"
    ]
    assert [rows[0][1] for rows in selection] == ["Suitability requirement", "Selection criterion"]
    contract = next(
        rows for heading, rows in _tables_under_headings(word) if heading.startswith("Contract")
    )
    assert contract[1] == [
        "1",
        "Social Return: 5 % van de opdrachtwaarde.",
        "Rapport.",
        "8",
        "own text",
    ]


def test_header_rows_repeat_and_the_language_is_the_documents(shipped_reference) -> None:
    for language, tag in (("nl", "nl-NL"), ("en", "en-GB")):
        word = _open(
            render_tender_texts_docx(build_tender_texts(_hand_made(), shipped_reference, language))
        )
        assert word.core_properties.language == tag
        assert word.core_properties.title == "Kantoormeubilair"
        data_tables = [t for t in word.tables if t.rows[0].cells[0].text == _word("No.", language)]
        assert len(data_tables) == 6
        for table in data_tables:
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_a_concept_is_marked_and_the_same_session_gives_the_same_bytes(shipped_reference) -> None:
    texts = build_tender_texts(_hand_made(), shipped_reference, "en")
    assert texts.concept  # the hand-made session leaves much of the strategy open
    model = tender_texts_document(texts)
    assert model.concept and model.concept_mark == "CONCEPT"
    assert render_tender_texts_docx(texts) == render_tender_texts_docx(texts)
    header = _open(render_tender_texts_docx(texts)).sections[0].header.paragraphs[0].text
    assert "CONCEPT" in header


def test_an_empty_session_says_it_has_no_texts_yet(shipped_reference) -> None:
    from dataclasses import replace

    empty = replace(_hand_made(), criteria=())
    word = _open(render_tender_texts_docx(build_tender_texts(empty, shipped_reference, "en")))
    assert not word.tables
    assert any("no requirements, criteria or conditions yet" in p.text for p in word.paragraphs)


def test_the_file_is_written_whole_or_not_at_all(tmp_path, shipped_reference) -> None:
    target = tmp_path / "teksten.docx"
    write_tender_texts_docx(_hand_made(), shipped_reference, target, "nl")
    assert _open(target.read_bytes()).core_properties.language == "nl-NL"
    with pytest.raises(CompassError):
        write_tender_texts_docx(_hand_made(), shipped_reference, tmp_path / "nowhere" / "x.docx", "nl")
    with pytest.raises(CompassError):
        write_tender_texts_docx(_hand_made(), shipped_reference, "", "nl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["teksten.docx"]
