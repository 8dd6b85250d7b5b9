"""The tender strategy document as a Word file, read back with python-docx: the model's headings in
Word's heading styles, every table cell by cell with a repeating header row, the award criteria with
their weights, a concept mark in the header of every page while the strategy is a concept, the
contents field, the page numbers and the metadata, for the three examples in both languages and for an
empty session."""

from __future__ import annotations

import io
import json
import re
from concurrent.futures import ThreadPoolExecutor

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Twips

from compass.core.session import CriterionType
from compass.formats.document.build import build_document
from compass.formats.document.model import (
    Block,
    Cell,
    Contents,
    Document,
    Heading,
    SdgTiles,
    Table,
    TableKind,
)
from compass.formats.docx.render import (
    CELL_PADDING_CM,
    CHAR_CM,
    TEXT_WIDTH,
    TOC_FIELD,
    column_widths,
    longest_word,
    render_docx,
)
from compass.formats.session_file import read_session_file
from compass.formatting import format_number
from compass.model.database import open_database
from compass.reference.examples import list_examples
from compass.services import SessionService


@pytest.fixture
def db_backend() -> str:
    """Documents are made from a snapshot, whatever database it came from: rendering them once, on
    SQLite, keeps the suite's time down (the exchange and service tests cover PostgreSQL)."""
    return "sqlite"


EXAMPLES = list_examples()
LANGUAGES = ["nl", "en"]
PILOT = next(e for e in EXAMPLES if "pilot" in e.path.stem)

# Snapshots, models and files are plain data: each is made once in the run, in whichever test first
# needs it (inside that test's own user directories and database).
_snapshots: dict[str, object] = {}
_made: dict[tuple[str, str], tuple[Document, bytes]] = {}


def _import(service, reference, data: bytes):
    return service.get_session(service.import_session(read_session_file(data, reference)).id)


@pytest.fixture
def example_snapshot(tmp_path, shipped_reference):
    """An example's snapshot, from a SQLite database made only when one is needed: these tests are
    about the Word file (tests/export/test_examples.py imports the examples on every backend)."""

    def get(example):
        if example.path.stem not in _snapshots:
            database = open_database(f"sqlite:///{(tmp_path / 'examples.sqlite3').as_posix()}")
            service = SessionService(database, shipped_reference)
            _snapshots[example.path.stem] = _import(service, shipped_reference, example.path.read_bytes())
            database.dispose()
        return _snapshots[example.path.stem]

    return get


@pytest.fixture
def made(example_snapshot, shipped_reference):
    """The model and the Word file of an example in a language."""

    def make(example, language: str) -> tuple[Document, bytes]:
        key = (example.path.stem, language)
        if key not in _made:
            model = build_document(example_snapshot(example), shipped_reference, language)
            _made[key] = (model, render_docx(model))
        return _made[key]

    return make


def _open(data: bytes):
    return docx.Document(io.BytesIO(data))


def _blocks(model: Document) -> list[Block]:
    return [*model.first_page, *model.body]


def _words(text: str) -> str:
    return " ".join(text.split())


def _xml_text(element) -> str:
    """The text of an element's w:t (python-docx gives w:p and w:r a ``text`` of their own, which
    lxml's itertext would repeat)."""
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _cell_texts(cell) -> list[str]:
    return [paragraph.text for paragraph in cell.paragraphs]


each_example = pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
each_language = pytest.mark.parametrize("language", LANGUAGES)


@each_example
@each_language
def test_the_headings_are_words_headings(made, example, language) -> None:
    model, data = made(example, language)
    word = _open(data)
    headings = [
        (paragraph.text, paragraph.style.name)
        for paragraph in word.paragraphs
        if paragraph.style.name.startswith("Heading")
    ]
    expected = [(b.text, f"Heading {b.level}") for b in _blocks(model) if isinstance(b, Heading)]
    assert headings == expected
    assert {level for _text, level in expected} == {"Heading 1", "Heading 2"}
    title, subtitle = word.paragraphs[0], word.paragraphs[1]
    assert (title.text, title.style.name) == (model.title, "Title")
    assert (subtitle.text, subtitle.style.name) == (model.subtitle, "Subtitle")


@each_example
@each_language
def test_every_table_holds_the_models_cells(made, example, language) -> None:
    """Row by row and column by column, the detail as a second paragraph; the texts equal after
    whitespace is normalised, so no word is split or lost."""
    model, data = made(example, language)
    word = _open(data)
    tables = [b for b in _blocks(model) if isinstance(b, Table | SdgTiles)]
    assert len(word.tables) == len(tables)
    for table, block in zip(word.tables, tables, strict=True):
        if isinstance(block, SdgTiles):
            continue
        expected: list[tuple[Cell, ...]] = [tuple(Cell(h) for h in block.header)] if block.header else []
        expected += block.rows
        assert len(table.rows) == len(expected)
        for row, cells in zip(table.rows, expected, strict=True):
            assert len(row.cells) == len(cells)
            for cell, content in zip(row.cells, cells, strict=True):
                texts = _cell_texts(cell)
                assert _words(texts[0]) == _words(content.text)
                assert texts[1:] == ([content.detail] if content.detail else [])
                for piece in content.text.split():
                    assert piece in texts[0].split()
        if block.header:
            header = table.rows[0].cells
            assert [c.text for c in header] == list(block.header)
            assert all(run.bold for c in header for p in c.paragraphs for run in p.runs)
        if block.kind is TableKind.FACTS:
            assert all(run.bold for row in table.rows for run in row.cells[0].paragraphs[0].runs)
        following = table._tbl.getnext()
        if block.caption:
            assert following.tag == qn("w:p")
            assert _xml_text(following) == block.caption


@each_example
@each_language
def test_header_rows_repeat_and_signature_rows_leave_room(made, example, language) -> None:
    model, data = made(example, language)
    word = _open(data)
    tables = [b for b in _blocks(model) if isinstance(b, Table | SdgTiles)]
    kinds = set()
    grids: dict[tuple, list[tuple[int, ...]]] = {}
    for table, block in zip(word.tables, tables, strict=True):
        if isinstance(block, SdgTiles):
            continue
        kinds.add(block.kind)
        rows = table._tbl.tr_lst
        marked = [row.trPr is not None and row.trPr.find(qn("w:tblHeader")) is not None for row in rows]
        assert marked == [bool(block.header) and n == 0 for n in range(len(rows))]
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert abs(sum(grid) - TEXT_WIDTH) <= len(grid)
        grids.setdefault((block.header, block.weights, block.kind), []).append(tuple(grid))
        if block.kind is TableKind.SIGNATURE:
            for row in rows[1:]:
                height = row.trPr.find(qn("w:trHeight"))
                assert height.get(qn("w:hRule")) == "atLeast"
                assert int(height.get(qn("w:val"))) >= 850  # 1.5 cm
    assert kinds == set(TableKind)
    # tables with the same columns (one per SDG in step 1) line up down the page
    assert all(len(set(widths)) == 1 for widths in grids.values())
    assert any(len(widths) > 1 for widths in grids.values())


@each_example
@each_language
def test_the_award_criteria_table_holds_texts_and_weights(
    made, example_snapshot, example, language
) -> None:
    model, data = made(example, language)
    snapshot = example_snapshot(example)
    awards = [c for c in snapshot.criteria if c.criterion_type is CriterionType.AWARD_CRITERION]
    assert awards
    rows = {
        (_words(row.cells[1].paragraphs[0].text), row.cells[2].text): table
        for table in _open(data).tables
        if len(table.columns) == 3
        for row in table.rows
    }
    # The step 3 table of the SDG award criteria (the award model and the risk register have their own).
    (caption,) = [
        b.caption
        for b in _blocks(model)
        if isinstance(b, Table) and b.caption and b.header[:1] == ("SDG",) and len(b.header) == 3
    ]
    for criterion in awards:
        weight = format_number(criterion.weight_pct, language)
        assert (_words(criterion.text), weight) in rows, criterion.text
        table = rows[(_words(criterion.text), weight)]
        assert _xml_text(table._tbl.getnext()) == caption


@each_example
@each_language
def test_the_sdg_tiles_are_a_table_of_seventeen(made, example, language) -> None:
    model, data = made(example, language)
    (tiles,) = [b for b in model.body if isinstance(b, SdgTiles)]
    word = _open(data)
    position = [b for b in _blocks(model) if isinstance(b, Table | SdgTiles)].index(tiles)
    table = word.tables[position]
    assert len(table.columns) == 6 and len(table.rows) == 3
    cells = [cell for row in table.rows for cell in row.cells][: len(tiles.tiles)]
    for cell, tile in zip(cells, tiles.tiles, strict=True):
        texts = _cell_texts(cell)
        assert texts[:2] == [str(tile.number), tile.name]
        properties = cell._tc.tcPr
        fill = properties.find(qn("w:shd")).get(qn("w:fill"))
        assert (fill == tile.colour.lstrip("#").upper()) is tile.inventoried
        assert (properties.find(qn("w:tcBorders")) is not None) is tile.priority
        if tile.priority:
            assert texts[2] == (tile.mark or tile.level)
    following = table._tbl.getnext()
    assert _xml_text(following) == tiles.legend


@each_example
@each_language
def test_contents_page_numbers_and_metadata(made, example, language) -> None:
    model, data = made(example, language)
    word = _open(data)
    body = word.element.body
    (instruction,) = [t.text for t in body.iter(qn("w:instrText"))]
    assert instruction.strip() == TOC_FIELD
    (contents,) = [b for b in model.body if isinstance(b, Contents)]
    titles = [p for p in word.paragraphs if p.style.name == "TOC Heading"]
    assert [p.text for p in titles] == [contents.title]
    after = model.body[model.body.index(contents) + 1 :]
    entries = [p.text for p in word.paragraphs if p.style.name == "toc 1"]
    assert entries == [b.text for b in after if isinstance(b, Heading) and b.level == 1]

    footer = word.sections[0].footer._element
    fields = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    words = [w for w in re.split(r"\{page\}|\{pages\}", model.page_label) if w.strip()]
    footer_text = _xml_text(footer)
    assert all(w.strip() in footer_text for w in words)

    section = word.sections[0]
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))
    assert section.left_margin == section.right_margin == section.top_margin == Twips(1134)

    tag = {"nl": "nl-NL", "en": "en-GB"}[language]
    properties = word.core_properties
    assert properties.title == model.title
    assert properties.author == model.author
    assert properties.subject == model.subtitle
    assert properties.language == tag
    assert properties.keywords == "SDG, MVOI"
    assert properties.created is None and properties.modified is None  # the model has no moment
    defaults = word.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == tag


@each_example
def test_a_complete_example_carries_no_concept_mark(made, example) -> None:
    model, data = made(example, "nl")
    assert not model.concept
    header = _xml_text(_open(data).sections[0].header._element)
    assert header == model.header
    assert model.concept_mark not in header


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_concept_says_so_in_the_header_of_every_page(service, shipped_reference, language) -> None:
    document = json.loads(EXAMPLES[0].path.read_text(encoding="utf-8"))
    document["criteria"][0]["text"] += " Het percentage is [x] %."
    snapshot = _import(service, shipped_reference, json.dumps(document, ensure_ascii=False).encode())
    model = build_document(snapshot, shipped_reference, language)
    assert model.concept
    word = _open(render_docx(model))
    assert len(word.sections) == 1
    section = word.sections[0]
    # Page 1 has no running header above its title (issue 24), but the concept mark stays on it.
    assert section.different_first_page_header_footer
    first = "".join(p.text for p in section.first_page_header.paragraphs)
    assert model.concept_mark in first and model.header not in first
    (paragraph,) = section.header.paragraphs
    assert model.header in paragraph.text and model.concept_mark in paragraph.text
    (mark,) = [run for run in paragraph.runs if run.text == model.concept_mark]
    assert mark.bold and mark.font.color.rgb is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_session_makes_a_document(service, shipped_reference, language) -> None:
    model = build_document(service.create_session("Leeg"), shipped_reference, language)
    word = _open(render_docx(model))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [b.text for b in _blocks(model) if isinstance(b, Heading)]
    assert word.core_properties.title == "Leeg"


def test_the_same_model_makes_the_same_bytes_and_keeps_co2(made) -> None:
    model, data = made(PILOT, "nl")
    assert render_docx(model) == data
    assert "CO\u2082" in _xml_text(_open(data).element.body)


def test_workers_render_side_by_side(made) -> None:
    """A pure function of the model: four threads at once make the bytes one thread makes."""
    model, data = made(PILOT, "en")
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(render_docx, [model] * 8)) == [data] * 8


def test_no_column_is_narrower_than_its_longest_word() -> None:
    word = "Leveranciersbijeenkomst"
    table = Table(("SDG", "Message"), ((Cell(word), Cell("short text " * 30)),), (1, 20))
    widths = column_widths(table)
    assert widths[0] >= len(word) * CHAR_CM + CELL_PADDING_CM
    assert sum(widths) == pytest.approx(TEXT_WIDTH / 566.93)
    assert widths[1] > widths[0]  # the rest goes by the weights
    assert longest_word("Maastricht-West sporthal") == len("Maastricht-")
    assert longest_word("Urgentie (1-5) 2028-2029") == len("2028-2029")
    cramped = Table((), ((Cell("x" * 60), Cell("y" * 60)),), (1, 1), TableKind.FACTS)
    assert sum(column_widths(cramped)) == pytest.approx(TEXT_WIDTH / 566.93)


def test_control_characters_typed_by_a_user_do_not_break_the_file() -> None:
    model = Document(
        language="en",
        title="A\x0btitle",
        subtitle="",
        organisation="",
        author="",
        version="",
        concept=True,
        concept_mark="CONCEPT",
        status="",
        header="",
        page_label="page {page} of {pages}",
        first_page=(Table(("a\x00",), ((Cell("b\x1f", "c\x07"),),), (1,)),),
        body=(),
    )
    word = _open(render_docx(model))
    assert word.core_properties.title == "Atitle"
    assert [c.text for c in word.tables[0].rows[1].cells] == ["b\nc"]
