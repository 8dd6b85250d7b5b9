"""How the Word file lays out its pages (issue 24), read back with python-docx and, where LibreOffice
is installed, as LibreOffice prints it: a heading keeps its table's header and first row; the approval
table is one block; rows a page can hold do not split; no word of a header breaks (columns are as wide
as their widest word in the widest font a reader may see: DejaVu Sans, LibreOffice's stand-in for
Calibri); the contents say how to show their page numbers; no running header on page 1; no blank
page."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from compass.formats.document.build import build_document
from compass.formats.document.model import (
    Cell,
    Contents,
    Document,
    Heading,
    Paragraph,
    SdgTiles,
    Table,
    TableKind,
    TextStyle,
)
from compass.formats.docx.render import (
    CELL_PADDING_CM,
    TEXT_WIDTH,
    TILE_COLUMNS,
    TILE_GAP,
    TILE_MARGIN,
    TOC_FIELD,
    TWIPS_PER_CM,
    WHOLE_WORD_CM,
    column_widths,
    render_docx,
)
from compass.formats.pdf.styles import BOLD, FONT, register_fonts
from compass.formats.session_file import read_session_file
from compass.reference.examples import list_examples
from tests.export.layout_documents import hand_made_document

EXAMPLES = list_examples()
LANGUAGES = ["nl", "en"]
CM_PER_POINT = 2.54 / 72
_WORD = re.compile(r"[^\W\d_]{3,}")  # a word of letters that must not break


@pytest.fixture
def db_backend() -> str:
    """Documents are made from a snapshot, whatever database it came from: SQLite is enough."""
    return "sqlite"


_made: dict[tuple[str, str], tuple[Document, bytes]] = {}


@pytest.fixture
def made(service, shipped_reference):  # noqa: ANN001, ANN201
    """An example's model and Word file in a language, made once in the run."""

    def make(example, language: str) -> tuple[Document, bytes]:  # noqa: ANN001
        key = (example.path.stem, language)
        if key not in _made:
            data = read_session_file(example.path.read_bytes(), shipped_reference)
            snapshot = service.get_session(service.import_session(data).id)
            model = build_document(snapshot, shipped_reference, language)
            _made[key] = (model, render_docx(model))
        return _made[key]

    return make




def _open(data: bytes):  # noqa: ANN202
    return docx.Document(io.BytesIO(data))


def _keeps(p) -> bool:  # noqa: ANN001
    """Whether the paragraph (a w:p) keeps with the next, set on the paragraph itself."""
    properties = p.find(qn("w:pPr"))
    return properties is not None and properties.find(qn("w:keepNext")) is not None


def _is_heading(element) -> bool:  # noqa: ANN001
    style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if element.tag == qn("w:p") else None
    return style is not None and style.get(qn("w:val")).startswith("Heading")


def _text(element) -> str:  # noqa: ANN001
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def _tables(model: Document) -> list[Table | SdgTiles]:
    return [b for b in (*model.first_page, *model.body) if isinstance(b, Table | SdgTiles)]


each_example = pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.path.stem)
each_language = pytest.mark.parametrize("language", LANGUAGES)


# -- 2. a heading keeps its table's header and first row --------------------------------------------


@each_example
@each_language
def test_a_heading_and_the_texts_under_it_keep_with_its_tables_header_and_first_row(
    made, example, language
) -> None:  # noqa: ANN001
    model, data = made(example, language)
    body = _open(data).element.body
    elements = list(body.iterchildren())
    introduced = 0
    for position, element in enumerate(elements):
        if _is_heading(element):
            assert _keeps(element), f"heading {_text(element)!r}"
        if element.tag != qn("w:tbl"):
            continue
        rows = element.findall(qn("w:tr"))
        properties = rows[0].find(qn("w:trPr"))
        if len(rows) > 1 and properties is not None and properties.find(qn("w:tblHeader")) is not None:
            assert all(_keeps(p) for p in rows[0].iter(qn("w:p"))), "the header row keeps with row 1"
        above = []
        for earlier in reversed(elements[:position]):
            if earlier.tag != qn("w:p") or _is_heading(earlier):
                if earlier.tag == qn("w:p"):
                    above.append(earlier)
                break
            above.append(earlier)
        if above and _is_heading(above[-1]):
            introduced += 1
            assert all(_keeps(p) for p in above), (
                f"the texts under {_text(above[-1])!r} keep with its table"
            )
    assert introduced >= 5


# -- 4. the approval table is one block; rows a page holds do not split -----------------------------


@each_example
@each_language
def test_the_approval_table_never_splits(made, example, language) -> None:  # noqa: ANN001
    model, data = made(example, language)
    word = _open(data)
    (position,) = [
        n for n, b in enumerate(_tables(model)) if getattr(b, "kind", None) is TableKind.SIGNATURE
    ]
    rows = word.tables[position]._tbl.tr_lst
    assert all(row.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    for row in rows[:-1]:
        assert all(_keeps(p) for p in row.iter(qn("w:p"))), "each row keeps with the next"


@each_example
def test_the_sdg_overview_is_one_picture(made, example) -> None:  # noqa: ANN001
    model, data = made(example, "nl")
    (position,) = [n for n, b in enumerate(_tables(model)) if isinstance(b, SdgTiles)]
    rows = _open(data).tables[position]._tbl.tr_lst
    for row in rows[:-1]:
        assert all(_keeps(p) for p in row.iter(qn("w:p"))), "each row of tiles keeps with the next"


@each_example
@each_language
def test_rows_of_the_examples_do_not_split_over_pages(made, example, language) -> None:  # noqa: ANN001
    model, data = made(example, language)
    for table, block in zip(_open(data).tables, _tables(model), strict=True):
        for row in table._tbl.tr_lst:
            assert row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None, type(block)


def test_only_a_row_taller_than_a_page_may_split() -> None:
    rows = (
        (Cell("Kort"), Cell("Een regel.")),
        (Cell("Lang"), Cell(" ".join(["woorden"] * 3000))),
        (Cell("Middel"), Cell(" ".join(["woorden"] * 300), detail="hoe het wordt getoetst")),
    )
    for kind, header in ((TableKind.DATA, ("Naam", "Tekst")), (TableKind.FACTS, ())):
        word = _open(render_docx(hand_made_document((Table(header, rows, (1, 4), kind),), ())))
        trs = word.tables[0]._tbl.tr_lst[1 if header else 0 :]
        splits = [tr.trPr is None or tr.trPr.find(qn("w:cantSplit")) is None for tr in trs]
        assert splits == [False, True, False]


# -- 4. no word of a header breaks -------------------------------------------------------------------


def _widest_cm(text: str, font: str, size: float) -> float:
    words = re.split(r"\s+|(?<=[^\W\d_]-)(?=[^\W\d_])", text)
    return max((stringWidth(w, font, size) for w in words if w), default=0.0) * CM_PER_POINT


@each_example
@each_language
def test_every_column_holds_its_widest_word_in_the_widest_font(made, example, language) -> None:  # noqa: ANN001
    """As wide as DejaVu Sans prints the word (LibreOffice's stand-in for Calibri, which is narrower):
    "Stemmen", "SDG" and "Urgentie" broke in their headers."""
    register_fonts()
    model, data = made(example, language)
    for table, block in zip(_open(data).tables, _tables(model), strict=True):
        if isinstance(block, SdgTiles):
            continue
        grid = [int(c.get(qn("w:w"))) / TWIPS_PER_CM for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for column, header in enumerate(block.header):
            word = min(_widest_cm(header, BOLD, 9), WHOLE_WORD_CM)
            assert grid[column] >= word + CELL_PADDING_CM, f"header {header!r}: {grid[column]:.2f} cm"
        wanted = [
            min(
                _widest_cm(cell.text, BOLD if block.kind is TableKind.FACTS and c == 0 else FONT, 9),
                WHOLE_WORD_CM,
            )
            for row in block.rows
            for c, cell in enumerate(row)
        ]
        if 1.2 * sum(wanted) >= sum(grid):  # cramped: the cells' words share what the header leaves
            continue
        for row in block.rows:
            for column, cell in enumerate(row):
                font = BOLD if block.kind is TableKind.FACTS and column == 0 else FONT
                word = min(_widest_cm(cell.text, font, 9), WHOLE_WORD_CM)
                assert grid[column] >= word + CELL_PADDING_CM, f"{cell.text[:40]!r}: {grid[column]:.2f} cm"


def test_a_cramped_table_keeps_its_header_words_whole() -> None:
    """Seven columns whose cells hold long words: the cells' words break, the header's do not."""
    register_fonts()
    header = ("SDG", "Focus", "Urgentie (1-5)", "Initiatieven", "Stemmen", "Score", "Prioriteit")
    row = (
        Cell("4 Kwaliteitsonderwijs"),
        Cell("ja"),
        Cell("4"),
        Cell("binnensportaccommodatie"),
        Cell("6"),
        Cell("13"),
        Cell("ja"),
    )
    widths = column_widths(Table(header, (row,), (5, 2, 2, 4, 2, 2, 2)))
    assert sum(widths) == pytest.approx(TEXT_WIDTH / TWIPS_PER_CM)
    for width, title in zip(widths, header, strict=True):
        assert width >= _widest_cm(title, BOLD, 9) + CELL_PADDING_CM, title


@each_example
def test_tile_names_fit_their_tiles(made, example) -> None:  # noqa: ANN001
    register_fonts()
    model, data = made(example, "nl")
    (position,) = [n for n, b in enumerate(_tables(model)) if isinstance(b, SdgTiles)]
    inside = (TEXT_WIDTH / TILE_COLUMNS - 2 * TILE_MARGIN - 2 * TILE_GAP) / TWIPS_PER_CM
    for cell in (c for row in _open(data).tables[position].rows for c in row.cells):
        if len(cell.paragraphs) < 2:
            continue
        (run,) = cell.paragraphs[1].runs
        assert _widest_cm(run.text, FONT, run.font.size.pt) <= inside, run.text


# -- 5. the contents and the first page -------------------------------------------------------------


def _contents_lines(data: bytes) -> list[str]:
    """The texts of the paragraphs from the contents field's start to its end."""
    lines: list[str] = []
    for p in _open(data).element.body.iter(qn("w:p")):
        if lines or TOC_FIELD in "".join(t.text for t in p.iter(qn("w:instrText"))):
            lines.append(_text(p))
            if any(f.get(qn("w:fldCharType")) == "end" for f in p.iter(qn("w:fldChar"))):
                break
    return lines


@each_example
@each_language
def test_the_contents_say_how_to_show_their_page_numbers(made, example, language) -> None:  # noqa: ANN001
    model, data = made(example, language)
    (contents,) = [b for b in model.body if isinstance(b, Contents)]
    lines = _contents_lines(data)
    assert contents.update_hint  # the builder's words, in the document's language
    assert lines[0] == contents.update_hint, "the field's first line, so updating the field replaces it"
    assert ("Veld bijwerken" in lines[0]) is (language == "nl")
    after = model.body[model.body.index(contents) + 1 :]
    assert lines[1:] == [b.text for b in after if isinstance(b, Heading) and b.level == 1]


def test_the_contents_use_the_builders_words_for_the_hint() -> None:
    body = (Contents("Inhoud", update_hint="Werk de velden bij."), Heading("Kader", 1, "frame"))
    assert _contents_lines(render_docx(hand_made_document((), body))) == ["Werk de velden bij.", "Kader"]


@pytest.mark.parametrize("concept", [False, True])
def test_page_one_has_no_running_header_but_its_page_number(concept: bool) -> None:
    document = hand_made_document((Paragraph("Eerste pagina"),), (Heading("Kader", 1, "frame"),), concept=concept)
    section = _open(render_docx(document)).sections[0]
    assert section.different_first_page_header_footer
    first = _text(section.first_page_header._element)
    assert document.header not in first
    assert (document.concept_mark in first) is concept  # the concept mark is on every page
    assert document.header in _text(section.header._element)
    for footer in (section.first_page_footer, section.footer):
        fields = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
        assert fields == ["PAGE", "NUMPAGES"]


# -- as LibreOffice prints the examples --------------------------------------------------------------


_printed: dict[tuple[str, str], list[str]] = {}


@pytest.fixture
def printed(made):  # noqa: ANN001, ANN201
    """Every example in both languages printed by LibreOffice (one run for all): their pages' text."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-writer-nogui)")
    if not _printed:
        with tempfile.TemporaryDirectory(prefix="compass-layout-") as folder:
            paths = []
            for example in EXAMPLES:
                for language in LANGUAGES:
                    path = Path(folder, f"{example.path.stem}.{language}.docx")
                    path.write_bytes(made(example, language)[1])
                    paths.append(path)
            profile = Path(folder, "profile").as_uri()
            command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
            subprocess.run(
                [*command, "--outdir", folder, *map(str, paths)],
                check=True,
                capture_output=True,
                timeout=300,
            )
            for path in paths:
                example, language = path.stem.split(".")
                reader = PdfReader(path.with_suffix(".pdf"))
                _printed[(example, language)] = [page.extract_text() for page in reader.pages]

    def pages(example, language: str) -> list[str]:  # noqa: ANN001
        return _printed[(example.path.stem, language)]

    return pages


def _body_lines(model: Document, page: str) -> list[str]:
    pages = re.escape(model.page_label).replace(r"\{page\}", r"\d+").replace(r"\{pages\}", r"\d+")
    return [
        line
        for line in (x.strip() for x in page.splitlines())
        if line and line != model.header and not re.fullmatch(pages, line)
    ]


@each_example
@each_language
def test_libreoffice_prints_no_blank_page_and_no_header_on_page_one(
    made, printed, example, language
) -> None:  # noqa: ANN001
    model, _data = made(example, language)
    pages = printed(example, language)
    for number, page in enumerate(pages, start=1):
        assert _body_lines(model, page), f"page {number} of {len(pages)} is blank"
    assert model.header not in pages[0]
    assert all(model.header in page for page in pages[1:])


@each_example
@each_language
def test_libreoffice_breaks_no_word_of_a_header_or_a_tile(made, printed, example, language) -> None:  # noqa: ANN001
    model, _data = made(example, language)
    text = "\n".join(printed(example, language))
    words = {w for b in _tables(model) if isinstance(b, Table) for h in b.header for w in _WORD.findall(h)}
    words |= {
        w for b in _tables(model) if isinstance(b, SdgTiles) for t in b.tiles for w in _WORD.findall(t.name)
    }
    broken = [
        w for w in sorted(words) for k in range(1, len(w)) if re.search(rf"\b{w[:k]}\s*\n{w[k:]}\b", text)
    ]
    assert not broken


@each_example
@each_language
def test_libreoffice_prints_the_approval_on_one_page_with_its_heading(
    made, printed, example, language
) -> None:  # noqa: ANN001
    model, _data = made(example, language)
    blocks = list(model.first_page)
    (table,) = [b for b in blocks if isinstance(b, Table) and b.kind is TableKind.SIGNATURE]
    heading = blocks[blocks.index(table) - 2]
    assert isinstance(heading, Heading) and isinstance(blocks[blocks.index(table) - 1], Paragraph)
    assert blocks[blocks.index(table) - 1].style is TextStyle.SMALL
    pages = [page for page in printed(example, language) if table.header[-1] in page]
    (page,) = pages
    lines = _body_lines(model, page)
    assert heading.text in lines
    for row in table.rows:
        assert row[0].text.split()[0] in page
