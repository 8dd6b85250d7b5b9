"""How the PDF lays out its pages (issue 24): no blank page, in any example in either language; no
running header above the title; no heading left at a page's foot without the table it introduces;
a table row continued on the next page shows its label there. Read back as a reader sees the pages
(pypdf's text, line by line), on the examples and on documents made to land a block at a page's foot."""

from __future__ import annotations

import io
import re

import pytest
from pdf_reading import outline, text_lines
from pypdf import PdfReader

from compass.formats.document.build import build_document
from compass.formats.document.model import (
    Cell,
    Contents,
    Document,
    Heading,
    Paragraph,
    Table,
    TableKind,
    TextStyle,
)
from compass.formats.pdf.render import render_document
from compass.formats.pdf.story import SIGNATURE_ROW, Gap, flowables
from compass.formats.pdf.templates import fitted
from compass.formats.session_file import read_session_file
from compass.reference.examples import list_examples
from tests.export.layout_documents import hand_made_document

EXAMPLES = list_examples()
WORDS = "Materialen worden hergebruikt in de regio en de uitstoot van CO₂ daalt elk jaar verder".split()  # noqa: SIM905
SIGNATURE_HEADER = ("Rol", "Naam", "Mandaat", "Datum", "Handtekening")


@pytest.fixture
def db_backend() -> str:
    """Documents are made from a snapshot, whatever database it came from: SQLite is enough."""
    return "sqlite"


_examples: dict[tuple[str, str], tuple[Document, PdfReader]] = {}


@pytest.fixture
def example_pdf(service, shipped_reference):  # noqa: ANN001, ANN201
    """An example's model and PDF in a language, made once in the run."""

    def make(example, language: str) -> tuple[Document, PdfReader]:  # noqa: ANN001
        key = (example.path.stem, language)
        if key not in _examples:
            imported = service.import_session(
                read_session_file(example.path.read_bytes(), shipped_reference)
            )
            model = build_document(service.get_session(imported.id), shipped_reference, language)
            _examples[key] = (model, PdfReader(io.BytesIO(render_document(model))))
        return _examples[key]

    return make




def _words(count: int, start: int = 0) -> str:
    return " ".join(WORDS[(start + n) % len(WORDS)] for n in range(count))


def _read(document: Document) -> PdfReader:
    return PdfReader(io.BytesIO(render_document(document)))


def _frame_lines(document: Document, page) -> list[str]:  # noqa: ANN001
    """The page's text lines without the running header, the page number and the concept mark."""
    pages = re.escape(document.page_label).replace(r"\{page\}", r"\d+").replace(r"\{pages\}", r"\d+")
    return [
        line
        for line in text_lines(page)
        if not re.fullmatch(f"(?:{re.escape(document.concept_mark)} )?{pages}", line)
        and line not in (document.header, fitted(document.header, 170 * 72 / 25.4, "DejaVuSans", 8))
        and line != document.concept_mark
    ]


def _assert_no_blank_page(document: Document, reader: PdfReader) -> None:
    for number, page in enumerate(reader.pages, start=1):
        assert _frame_lines(document, page), f"page {number} of {len(reader.pages)} is blank"


each_example = pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
each_language = pytest.mark.parametrize("language", ["nl", "en"])


# -- 1. no blank page -------------------------------------------------------------------------------


@each_example
@each_language
def test_no_example_has_a_blank_page(example_pdf, example, language) -> None:  # noqa: ANN001
    model, reader = example_pdf(example, language)
    _assert_no_blank_page(model, reader)


def _approval_at_the_foot(filler_lines: int) -> Document:
    """A first page whose approval table ends near the page's foot, for one of the filler lengths."""
    rows = tuple((Cell(role), Cell("A. Naam"), Cell("stelt vast"), Cell(""), Cell("")) for role in "ABC")
    first = (
        Heading("Samenvatting", 1, "summary"),
        Paragraph("\n".join(_words(6, n) for n in range(filler_lines))),
        Heading("Akkoord", 1, "approval"),
        Paragraph("Besluit gepland op 12-01-2027.", TextStyle.SMALL),
        Table(SIGNATURE_HEADER, rows, (3, 4, 4, 2, 4), TableKind.SIGNATURE),
    )
    body = (Contents("Inhoud"), Heading("Aanbestedingskader", 1, "procurement"), Paragraph(_words(30)))
    return hand_made_document(first, body)


def test_room_after_a_table_at_a_pages_foot_never_makes_a_blank_page() -> None:
    """The room after the approval table used to move to a page of its own when the page was full,
    and the page break after it then left that page blank (page 2 of the asphalt example)."""
    for filler in range(22, 36):
        document = _approval_at_the_foot(filler)
        reader = _read(document)
        _assert_no_blank_page(document, reader)
        assert "Akkoord" in _frame_lines(document, reader.pages[len(reader.pages) - 2])


def test_room_between_blocks_is_never_more_than_the_page_has_left() -> None:
    gap = Gap(1, 20)
    assert gap.wrap(400, 7.5) == (0.0, 7.5)
    assert gap.wrap(400, 0.0) == (0.0, 0.0)
    assert gap.wrap(400, 300.0) == (0.0, 20)
    assert gap._ZEROSIZE  # the frame asks it even when the page is full


# -- 2. a heading keeps the start of its table ------------------------------------------------------


def _heading_before_a_tall_first_row(filler_lines: int) -> Document:
    rows = (
        (Cell("R001"), Cell(_words(160))),  # some fifteen lines: taller than the room a heading keeps
        (Cell("R002"), Cell(_words(10))),
    )
    body = (
        Heading("Inventarisatie", 1, "inventory"),
        Paragraph("\n".join(_words(6, n) for n in range(filler_lines))),
        Heading("Risico's", 2, "risks"),
        Paragraph("Uit de inventarisatie.", TextStyle.SMALL),
        Table(("Nummer", "Omschrijving"), rows, (1, 6)),
        Paragraph("Einde."),
    )
    return hand_made_document((Paragraph("Eerste pagina"),), body)


def test_a_heading_stays_on_the_page_of_its_tables_header_and_first_row() -> None:
    landed = set()
    for filler in range(34, 50, 2):
        reader = _read(_heading_before_a_tall_first_row(filler))
        (page,) = [page for title, page, _level in outline(reader) if title == "Risico's"]
        lines = text_lines(reader.pages[page])
        assert "Uit de inventarisatie." in lines
        assert "Nummer Omschrijving" in lines, (
            f"filler {filler}: the table's header is not under its heading"
        )
        assert any(line.startswith("R001 ") for line in lines), f"filler {filler}: nor its first row"
        landed.add(page)
    assert len(landed) == 2, "the test needs the heading at the foot of the body's first page"


@each_example
@each_language
def test_no_heading_of_an_example_ends_its_page(example_pdf, example, language) -> None:  # noqa: ANN001
    model, reader = example_pdf(example, language)
    for title, page, _level in outline(reader):
        lines = _frame_lines(model, reader.pages[page])
        assert title in lines
        assert lines.index(title) < len(lines) - 1, f"{title!r} stands alone at the foot of page {page + 1}"


def test_the_approval_heading_keeps_its_whole_table() -> None:
    """The approval table never splits: its heading keeps all of it, not just the first row."""
    document = _approval_at_the_foot(0)
    (keep,) = [f for f in flowables(document.first_page) if getattr(f, "table", None) is not None]
    assert keep.whole
    assert keep.needed(170 * 72 / 25.4) > keep.height  # more than the least a heading keeps
    every_row = keep._first_rows(keep.table)
    keep.whole = False
    assert every_row - keep._first_rows(keep.table) == pytest.approx(2 * SIGNATURE_ROW)


# -- 3. a row continued on the next page shows its label ---------------------------------------------


def _facts_with_a_long_row(**changes: object) -> Document:
    rows = (
        (Cell("Procedure"), Cell("Openbaar nationaal")),
        (Cell("Waarom deze procedure"), Cell(f"{_words(2400)} slotwoord")),
        (Cell("Percelen"), Cell("Geen percelen.")),
    )
    body = (Heading("Aanbestedingskader", 1, "procurement"), Table((), rows, (3, 8), TableKind.FACTS))
    return hand_made_document((Paragraph("Eerste pagina"),), body, **changes)


def _pages_of_the_long_row(reader: PdfReader) -> list[list[str]]:
    pages = [text_lines(page) for page in reader.pages]
    first = next(n for n, lines in enumerate(pages) if any("Waarom deze procedure" in x for x in lines))
    last = next(n for n, lines in enumerate(pages) if any("slotwoord" in x for x in lines))
    assert last - first >= 1, "the test needs a row over pages"
    return pages[first + 1 : last + 1]


def test_a_facts_row_continued_on_the_next_page_repeats_its_label_in_the_builders_words() -> None:
    reader = _read(_facts_with_a_long_row(continued="{label} (vervolg)"))
    for lines in _pages_of_the_long_row(reader):
        # under the running header, the row's first lines: the label is two words wider than its column
        assert lines[1].startswith("Waarom deze procedure "), "the continued row has no label"
        assert lines[2].startswith("(vervolg) ")


def test_without_the_builders_words_a_continued_row_repeats_its_label() -> None:
    reader = _read(_facts_with_a_long_row())
    for lines in _pages_of_the_long_row(reader):
        assert any(line.startswith("Waarom deze procedure ") for line in lines[:3])
        assert not any("(vervolg)" in line for line in lines)


# -- 6. the first page has no running header --------------------------------------------------------


@each_example
@each_language
def test_page_one_opens_with_the_title_and_the_body_pages_with_the_running_header(
    example_pdf, example, language
) -> None:  # noqa: ANN001
    model, reader = example_pdf(example, language)
    header = fitted(model.header, 170 * 72 / 25.4, "DejaVuSans", 8)
    first = text_lines(reader.pages[0])
    assert header not in first and model.header not in first
    assert model.title.startswith(first[0]), "the title opens page 1"
    pages = [text_lines(page) for page in reader.pages]
    (contents,) = [b for b in model.body if isinstance(b, Contents)]
    body = next(n for n, lines in enumerate(pages) if contents.title in lines)
    for number, lines in enumerate(pages[body:], start=body + 1):
        assert lines[0] == header, f"page {number} lacks the running header"
