"""How the PDF lays out what the model says, for documents longer than any example: the contents'
page numbers are the pages their headings land on (also when the contents take more than one page),
"page n of m" counts the pages there are, and a table split over pages repeats its header and keeps
every row once, in order. Built from the document model directly, so a test can be as long as needed."""

from __future__ import annotations

import io
import re

import pytest
from pdf_reading import outline, text_lines
from pypdf import PdfReader

from compass.formats.document.model import (
    Cell,
    Contents,
    Document,
    Heading,
    Paragraph,
    Table,
    TableKind,
)
from compass.formats.pdf import templates
from compass.formats.pdf.render import render_document

WORDS = "Materialen worden hergebruikt in de regio en de uitstoot van CO₂ daalt elk jaar verder".split()  # noqa: SIM905


def _document(first_page: tuple, body: tuple) -> Document:  # noqa: ANN001
    return Document(
        language="nl",
        title="Lange strategie",
        subtitle="MVOI-uitvraagstrategie",
        organisation="Gemeente Voorbeeld",
        author="Gemeente Voorbeeld",
        version="versie 1",
        concept=False,
        concept_mark="CONCEPT",
        status="Compleet",
        header="Lange strategie – Gemeente Voorbeeld",
        page_label="pagina {page} van {pages}",
        first_page=first_page,
        body=body,
    )


def _words(count: int, start: int = 0) -> str:
    return " ".join(WORDS[(start + n) % len(WORDS)] for n in range(count))


def _long_document(sections: int = 70) -> Document:
    """More sections than one contents page holds, of uneven lengths, some with parts."""
    body: list = [Contents("Inhoud")]
    for n in range(1, sections + 1):
        body.append(Heading(f"Onderdeel {n}", 1, f"part{n}"))
        body.append(Paragraph(_words(60 * (n % 6 + 1), n)))
        if n % 4 == 0:
            body.append(Heading(f"Deel {n}.1", 2, f"part{n}-1"))
            body.append(Paragraph(_words(90, n + 3)))
    first = (Heading("Samenvatting", 1, "summary"), Paragraph(_words(40)))
    return _document(first, tuple(body))


@pytest.fixture(scope="module")
def long_pdf() -> PdfReader:
    return PdfReader(io.BytesIO(render_document(_long_document())))


def test_contents_over_two_pages_give_the_pages_their_headings_land_on(long_pdf: PdfReader) -> None:
    landed = {title: page + 1 for title, page, level in outline(long_pdf) if level == 0}
    listed: dict[str, int] = {}
    contents_pages = []
    for number, page in enumerate(long_pdf.pages, start=1):
        for line in text_lines(page):
            entry = re.fullmatch(r"(Samenvatting|Onderdeel \d+) (\d+)", line)
            if entry:
                listed[entry[1]] = int(entry[2])
                contents_pages.append(number)
    assert len(set(contents_pages)) >= 2, "the test needs contents longer than one page"
    assert listed == landed
    assert list(listed) == ["Samenvatting", *(f"Onderdeel {n}" for n in range(1, 71))]


def test_every_page_counts_the_pages_there_are(long_pdf: PdfReader) -> None:
    total = len(long_pdf.pages)
    for number, page in enumerate(long_pdf.pages, start=1):
        assert f"pagina {number} van {total}" in text_lines(page)


def test_every_bookmark_opens_the_page_its_heading_is_on(long_pdf: PdfReader) -> None:
    marks = list(outline(long_pdf))
    assert len(marks) == 1 + 70 + 70 // 4
    for title, page, _level in marks:
        assert title in text_lines(long_pdf.pages[page]), f"{title!r} is not on page {page + 1}"


def test_the_document_is_laid_out_in_two_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    """One pass finds the pages, one draws them: reportlab's contents alone took three."""
    passes = []
    build = templates.StrategyDocTemplate.build

    def counted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        passes.append(self)
        return build(self, *args, **kwargs)

    monkeypatch.setattr(templates.StrategyDocTemplate, "build", counted)
    render_document(_long_document(sections=30))
    assert len(passes) == 2


def test_a_table_over_pages_repeats_its_header_and_keeps_every_row_once_in_order() -> None:
    header = ("Nummer", "Omschrijving", "Toelichting")
    rows = tuple(
        (Cell(f"R{n:03d}"), Cell(_words(8 + n % 25, n)), Cell(_words(4, n), detail=_words(6, n + 1)))
        for n in range(1, 301)
    )
    table = Table(header, rows, weights=(1, 4, 3), kind=TableKind.DATA)
    body = (Contents("Inhoud"), Heading("Risico's", 1, "risks"), table, Paragraph("Einde van de tabel."))
    reader = PdfReader(io.BytesIO(render_document(_document((Paragraph("Eerste pagina"),), body))))
    seen: list[str] = []
    pages_with_rows = 0
    for page in reader.pages:
        lines = text_lines(page)
        numbers = [line.split()[0] for line in lines if re.match(r"R\d{3} ", line)]
        if not numbers:
            continue
        pages_with_rows += 1
        header_at = lines.index("Nummer Omschrijving Toelichting")
        first_row = next(n for n, line in enumerate(lines) if re.match(r"R\d{3} ", line))
        assert header_at < first_row, "the header stands above the rows of every page"
        seen += numbers
    assert pages_with_rows >= 4
    assert seen == [f"R{n:03d}" for n in range(1, 301)]


def test_a_row_a_page_can_hold_stays_whole_and_a_longer_one_goes_on_over_pages() -> None:
    """Rows a third of a page tall move whole to the next page; a row of three pages starts where it
    is and goes on, as a paragraph would."""
    rows = [(Cell(f"R{n:03d}"), Cell(f"{_words(280, n)} slot{n:03d}")) for n in range(1, 9)]
    rows.insert(4, (Cell("R999"), Cell(f"{_words(3000)} slot999")))
    table = Table(("Nummer", "Omschrijving"), tuple(rows), weights=(1, 6), kind=TableKind.DATA)
    reader = PdfReader(io.BytesIO(render_document(_document((Paragraph("Eerste pagina"),), (table,)))))
    pages = ["".join(page.extract_text().split()) for page in reader.pages]
    for n in (*range(1, 9), 999):
        first = next(p for p, text in enumerate(pages) if f"R{n:03d}" in text)
        last = next(p for p, text in enumerate(pages) if f"slot{n:03d}" in text)
        if n == 999:
            assert last - first >= 2, "the long row spans pages"
        else:
            assert first == last, f"row R{n:03d} was split"
