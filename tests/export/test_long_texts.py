"""Documents never fail on what the app accepts (issue 21): every text at the longest its field
allows, and words as long as a whole field, give a PDF and a Word file that hold every text to its last
word, within the page. Today's sizes were a LayoutError from 4,860 characters in one step-1 entry, and
every step-1 table pushed off the page by one web address.

One session per kind of text, rendered once per format, keeps these tests to a few seconds."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
import pytest
from long_texts import LONG_WORD, end_marker, make_long_session, one_word, shown_fields, web_address
from pdf_reading import text_extents
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from compass.core.session import SessionSnapshot
from compass.formats.document.build import build_document
from compass.formats.document.model import Cell, Document, Table, TableKind
from compass.formats.docx.render import CHAR_CM, CORE_PROPERTY_LENGTH, TEXT_WIDTH, TWIPS_PER_CM, render_docx
from compass.formats.docx.render import column_widths as docx_column_widths
from compass.formats.pdf.render import render_document
from compass.formats.pdf.story import PAGE_WIDTH
from compass.formats.pdf.story import column_widths as pdf_column_widths
from compass.formats.pdf.styles import FONT, styles
from compass.formats.pdf.templates import MARGIN, fitted
from compass.model.database import open_database
from compass.services import ProfileService, SessionService

EDGE = 0.5  # points of rounding a text may stand over the page's edge


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory, shipped_reference) -> Iterator[tuple]:  # noqa: ANN001
    database = open_database(f"sqlite:///{tmp_path_factory.mktemp('long') / 'long.sqlite3'}")
    known = {criterion.id for criterion in shipped_reference.criteria}
    yield SessionService(database, shipped_reference), ProfileService(database, known)
    database.dispose()


@pytest.fixture(scope="module")
def long_texts(services) -> SessionSnapshot:  # noqa: ANN001
    sessions, profiles = services
    return sessions.get_session(make_long_session(sessions, profiles))


@pytest.fixture(scope="module")
def long_words(services) -> SessionSnapshot:  # noqa: ANN001
    sessions, profiles = services
    return sessions.get_session(make_long_session(sessions, profiles, text=one_word))


def _markers() -> list[str]:
    return [end_marker(section, name) for section, name, _limit in shown_fields()]


def _assert_whole_and_on_the_page(pdf: bytes, document: Document) -> str:
    """No text stands off its page and every text's last word is in the PDF; returns the text of the
    pages' bodies without white space, so a word broken over lines reads whole. A word broken over
    pages has the running header, the footer, the concept mark and the header row its table repeats
    between its parts: they are left out, so it reads whole too."""
    lines: list[str] = []
    off: list[tuple[int, str]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        box = page.mediabox
        for left, bottom, right, top, line in text_extents(page):
            inside = (
                left >= float(box.left) - EDGE
                and right <= float(box.right) + EDGE
                and bottom >= float(box.bottom) - EDGE
                and top <= float(box.top) + EDGE
            )
            if not inside:
                off.append((number, line[:60]))
            horizontal = bottom == top  # the concept mark runs across the page
            if horizontal and MARGIN <= bottom <= float(box.top) - MARGIN:
                lines.append(line)
    assert not off, f"{len(off)} lines off their page, the first: {off[:3]}"
    text = "".join("".join(lines).split())
    for block in (*document.first_page, *document.body):
        if isinstance(block, Table) and block.header:
            text = text.replace("".join("".join(block.header).split()), "")
        if isinstance(block, Table) and block.kind is TableKind.FACTS:
            # A facts row continued on the next page repeats its label there, in the builder's words.
            for row in block.rows:
                label = "".join(document.continued.format(label=row[0].text).split())
                text = text.replace(label, "")
    missing = [marker for marker in _markers() if marker not in text]
    assert not missing, f"lost the end of {missing}"
    return text


def _word_text(data: bytes) -> tuple[docx.document.Document, str]:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    parts += [p.text for p in document.sections[0].header.paragraphs]
    return document, "\n".join(parts)


def _assert_word_whole_and_within_the_text_width(data: bytes) -> str:
    document, text = _word_text(data)
    missing = [marker for marker in _markers() if marker not in text]
    assert not missing, f"lost the end of {missing}"
    for table in document.tables:
        assert sum(column.width.twips for column in table.columns) <= TEXT_WIDTH + len(table.columns)
    properties = document.core_properties
    for value in (properties.title, properties.author, properties.subject):
        assert len(value) <= CORE_PROPERTY_LENGTH
    return text


def test_every_text_at_its_limit_is_in_the_pdf_whole_and_on_the_page(long_texts, shipped_reference) -> None:  # noqa: ANN001
    document = build_document(long_texts, shipped_reference, "nl")
    text = _assert_whole_and_on_the_page(render_document(document), document)
    # A word wider than the page breaks between characters, and loses none of them.
    assert web_address(LONG_WORD) in text


def test_every_text_at_its_limit_is_in_the_word_file_whole(long_texts, shipped_reference) -> None:  # noqa: ANN001
    data = render_docx(build_document(long_texts, shipped_reference, "en"))
    assert web_address(LONG_WORD) in _assert_word_whole_and_within_the_text_width(data)


def test_words_as_long_as_their_field_are_in_the_pdf_whole_and_on_the_page(
    long_words, shipped_reference
) -> None:  # noqa: ANN001
    document = build_document(long_words, shipped_reference, "en")
    text = _assert_whole_and_on_the_page(render_document(document), document)
    for section, name, limit in shown_fields():
        word = one_word(section, name, limit)
        assert word in text, f"{section}.{name} lost characters"


def test_words_as_long_as_their_field_are_in_the_word_file_whole(long_words, shipped_reference) -> None:  # noqa: ANN001
    data = render_docx(build_document(long_words, shipped_reference, "nl"))
    text = _assert_word_whole_and_within_the_text_width(data)
    for section, name, limit in shown_fields():
        assert one_word(section, name, limit) in text, f"{section}.{name} lost characters"


def test_a_web_address_takes_no_column_from_the_others() -> None:
    """Columns keep room for their words; a web address breaks instead of claiming the page."""
    address = web_address(LONG_WORD)
    header = ("Kind", "Where", "Description")
    rows = ((Cell("Opportunity"), Cell("Local environment"), Cell(f"See {address}")),)
    table = Table(header, rows, (2, 3, 7))
    st = styles()
    measured = [[(h, st["cell_bold"]) for h in header]]
    measured += [[(cell.text, st["cell"]) for cell in row] for row in rows]
    pdf = pdf_column_widths(measured, table.weights)
    assert sum(pdf) <= PAGE_WIDTH + 0.01
    assert pdf[0] >= stringWidth("Opportunity", FONT, st["cell"].fontSize)
    word = docx_column_widths(table)
    assert sum(word) <= TEXT_WIDTH / TWIPS_PER_CM + 0.01
    assert word[1] >= len("environment") * CHAR_CM


def test_the_running_header_of_a_long_title_fits_on_one_line() -> None:
    title = web_address(200) + " \u2013 Gemeente Voorbeeldstad"
    width = 481.89
    shown = fitted(title, width, FONT, 8)
    assert shown.endswith("\u2026") and stringWidth(shown, FONT, 8) <= width
    assert fitted("Sportpark Zuid \u2013 Gemeente Heerlen", width, FONT, 8) == (
        "Sportpark Zuid \u2013 Gemeente Heerlen"
    )


def test_the_first_page_summarises_a_text_of_one_long_word(long_words, shipped_reference) -> None:  # noqa: ANN001
    document = build_document(long_words, shipped_reference, "en")
    summary = next(block for block in document.first_page if isinstance(block, Table))
    # A name of 200 characters and a summary of 120 side by side, never a 20,000-character scope.
    assert max(len(cell.text) for row in summary.rows for cell in row) < 400
