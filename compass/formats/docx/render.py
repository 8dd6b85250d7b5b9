"""Rendering the tender strategy document (``compass.formats.document.model``) to Word bytes.

A pure function of the model: no snapshot, no database, no Qt, no translation, so it is safe on a
worker thread. The structure is Word's own, so an adviser can paste a part into a tender document and a
screen reader or the navigation pane finds its way: built-in heading, title, list and table-of-contents
styles, tables with a repeating header row, the document's language on the defaults and in the
metadata, and a text that reads as the other language (the team's own Dutch words in an English
document) marked with that language, so Word checks its spelling and a screen reader reads it as
such. Word lays out the pages, told what stays together: a heading with its table's header and first
row, a row a page can hold, the approval block and the SDG overview; page 1 opens with the title,
without the running header. The same model gives the same bytes: the package carries no creation or
modification time (the model has none to give) and every zip entry the same fixed date. Writing the
file is the caller's (``compass.formats.files.write_file``).
"""

from __future__ import annotations

import copy
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from functools import lru_cache
from itertools import count

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from compass.formats.document.model import (
    Block,
    Bullets,
    Cell,
    Contents,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    SdgTiles,
    Table,
    TableKind,
    TextStyle,
    Tile,
)
from compass.formats.document.printable import printable_document
from compass.method.text import printable
from compass.method.text_language import text_language

# A4 with margins of 2 cm, in twips (1/20 pt; 567 to the centimetre): 17 cm of text width.
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 11906, 16838, 1134
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
TEXT_HEIGHT = PAGE_HEIGHT - 2 * MARGIN
TWIPS_PER_CM = 566.93
CM_PER_POINT = 2.54 / 72
CELL_SIZE, DETAIL_SIZE = 9.0, 8.0  # points: table text (header bold) and the detail line under it
# Room a character of a cell takes on average, and a line of cell text (single spacing), for the
# height of a row; and Word's default cell margins left and right.
CHAR_CM, LINE_CM = 0.19, 0.4
CELL_PADDING_CM = 2 * 0.19
MIN_COLUMN_CM = 0.8
# The widest word a column makes room for (as the PDF's): a longer one, a web address, Word breaks
# between characters rather than squeeze the other columns to a letter or two each.
WHOLE_WORD_CM = 5.5
SIGNATURE_ROW_CM = 1.5
TILE_COLUMNS, TILE_ROW_CM, TILE_GAP = 6, 2.0, 28  # the gap between tiles in twips (0.05 cm)
TILE_MARGIN = 71  # twips, left and right inside a tile
TILE_NAME_SIZE, TILE_NAME_LEAST = 8.0, 6.0  # points: a tile's name, smaller where a word needs it

# How wide a character may be, in ems (regular, bold), in the widest font a reader's Word or
# LibreOffice shows for Calibri: DejaVu Sans, LibreOffice's stand-in where neither Calibri nor its
# metric twin Carlito is installed (Calibri is narrower). An upper bound for each group; the rest
# (small letters, digits) take DEFAULT_EMS, a character outside ASCII (its accent taken off) OTHER_EMS.
# Words measured so stay whole in every reader: "Stemmen" and "SDG" broke at 0.21 cm a character.
EMS = {
    **dict.fromkeys("ijl'", (0.28, 0.35)),
    **dict.fromkeys("IJ.,:;|", (0.34, 0.40)),
    **dict.fromkeys("frt()[]-/\\ !", (0.42, 0.50)),
    **dict.fromkeys("ABCDEFGHKLNOPQRSTUVXYZ", (0.79, 0.87)),
    **dict.fromkeys('#+<=>^~&"*', (0.84, 0.88)),
    **dict.fromkeys("mwMW%@", (1.0, 1.11)),
}
DEFAULT_EMS, OTHER_EMS = (0.64, 0.72), (1.0, 1.0)

FONT = "Calibri"
GREY = RGBColor(0x59, 0x59, 0x59)  # 7:1 on white
CONCEPT_RED = RGBColor(0xC0, 0x00, 0x00)
HEADER_FILL = "F2F2F2"
UNUSED_TILE_FILL = "F2F2F2"
PRIORITY_FRAME = "1A1A1A"

LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}
KEYWORDS = "SDG, MVOI"
CORE_PROPERTY_LENGTH = 255
# The contents list the level-1 headings after it: the bookmark limits the field to them, so the
# headings of the first page (summary, decision, approval) stay out, as in the model.
CONTENTS_RANGE = "_CompassContents"
TOC_FIELD = f'TOC \\o "1-1" \\h \\z \\u \\b {CONTENTS_RANGE}'
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

SMALL, NOTE, CELL, DETAIL, TOC_1 = (
    "Compass Small",
    "Compass Note",
    "Compass Table Text",
    "Compass Table Detail",
    "toc 1",  # Word's own name of the contents style: Word uses it when it updates the field
)

# Word breaks lines at spaces and after a hyphen; counted here only between letters ("prijs-kwaliteit"),
# so "(1-5)" or "2028-2029" is measured whole.
_WORD_BREAK = re.compile(r"\s+|(?<=[^\W\d_]-)(?=[^\W\d_])")


def render_docx(document: Document) -> bytes:
    """The document as the bytes of a .docx file; a pure function of ``document``."""
    return _Writer(printable_document(document)).render()


def clean(text: str) -> str:
    """Text as XML can hold it: control characters (never meant to be printed) left out."""
    return printable(text)


def core_property(text: str) -> str:
    """Text for the file's properties (title, author, ...): Word's properties hold at most
    ``CORE_PROPERTY_LENGTH`` characters (python-docx refuses more); a longer one is cut, the text of
    the document keeps it whole."""
    text = clean(text)
    if len(text) <= CORE_PROPERTY_LENGTH:
        return text
    return text[: CORE_PROPERTY_LENGTH - 1].rstrip() + "\u2026"


def longest_word(text: str) -> int:
    return max((len(word) for word in _WORD_BREAK.split(text) if word), default=0)


@lru_cache(maxsize=1 << 16)  # words repeat (kinds, units, the same words in every description)
def word_ems(word: str, bold: bool = False) -> float:
    """How wide ``word`` may be, in ems (``EMS``)."""
    ems = 0.0
    for character in word:
        em = EMS.get(character)
        if em is None:
            base = unicodedata.normalize("NFD", character)[0] if ord(character) > 127 else character
            em = EMS.get(base, DEFAULT_EMS if ord(base) < 128 else OTHER_EMS)
        ems += em[bold]
    return ems


def widest_word_cm(text: str, size: float = CELL_SIZE, bold: bool = False) -> float:
    """The width of the widest word of ``text`` at ``size`` points, in centimetres."""
    if not text:
        return 0.0
    return max(word_ems(word, bold) for word in _WORD_BREAK.split(text)) * size * CM_PER_POINT


def column_widths(table: Table, total_cm: float = TEXT_WIDTH / TWIPS_PER_CM) -> list[float]:
    """Each column's width in centimetres: at least its widest word (header, text and detail; up to
    ``WHOLE_WORD_CM``), and what is left of the text width shared by the table's weights. When even the
    widest words do not fit side by side, the header's words stay whole and only the widest of the
    cells' words break: every column gets what its words want up to a width all share."""
    columns = _column_count(table)
    minimum = [MIN_COLUMN_CM] * columns
    for index, text in enumerate(table.header):
        word = min(widest_word_cm(text, bold=True), WHOLE_WORD_CM)
        minimum[index] = max(minimum[index], word + CELL_PADDING_CM)
    header = minimum[:]
    for row in table.rows:
        for index, cell in enumerate(row):
            bold = table.kind is TableKind.FACTS and index == 0
            width = max(widest_word_cm(cell.text, bold=bold), widest_word_cm(cell.detail, DETAIL_SIZE))
            minimum[index] = max(minimum[index], min(width, WHOLE_WORD_CM) + CELL_PADDING_CM)
    needed = sum(minimum)
    if needed >= total_cm:
        if sum(header) >= total_cm:
            return [total_cm * width / needed for width in minimum]
        low, high = 0.0, max(minimum)  # the width all share: every column fits below it
        for _ in range(40):
            cap = (low + high) / 2
            if sum(max(h, min(m, cap)) for h, m in zip(header, minimum, strict=True)) > total_cm:
                high = cap
            else:
                low = cap
        widths = [max(h, min(m, low)) for h, m in zip(header, minimum, strict=True)]
        spare = total_cm - sum(widths)  # what the search leaves, given to the capped columns
        capped = [c for c in range(columns) if minimum[c] > widths[c]] or list(range(columns))
        return [w + (spare / len(capped) if c in capped else 0.0) for c, w in enumerate(widths)]
    weights = [max(w, 0) for w in table.weights[:columns]]
    weights += [1] * (columns - len(weights))
    if not sum(weights):
        weights = [1] * columns
    rest = total_cm - needed
    return [width + rest * weight / sum(weights) for width, weight in zip(minimum, weights, strict=True)]


def _taller_than_a_page(row: Sequence[Cell], widths: Sequence[float]) -> bool:
    """Whether the row may need more than a page (with a header row above it): only such a row may
    split over pages. Lines counted from an average character's width, generously."""
    tallest = 0.0
    for cell, width in zip(row, widths, strict=False):
        room = max(width - CELL_PADDING_CM, MIN_COLUMN_CM / 2)
        lines = 0
        for text, size in ((cell.text, CELL_SIZE), (cell.detail, DETAIL_SIZE)):
            for line in text.split("\n") if text else ():
                lines += max(1, math.ceil(1.15 * len(line) * CHAR_CM * size / CELL_SIZE / room))
        tallest = max(tallest, lines * LINE_CM)
    return tallest > 0.8 * TEXT_HEIGHT / TWIPS_PER_CM


def _column_count(table: Table) -> int:
    return max([len(table.header), *(len(row) for row in table.rows), 1])


Family = tuple[tuple[str, ...], tuple[int, ...], TableKind, int]  # tables that share column widths


def _family(table: Table) -> Family:
    return table.header, table.weights, table.kind, _column_count(table)


def _twips(cm: float) -> Twips:
    return Twips(round(cm * TWIPS_PER_CM))


def _element(tag: str, **attributes: str) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _language_properties(tag: str) -> BaseOxmlElement:
    """Run properties that say the run's language (``w:lang``), to be copied into a run."""
    properties = _element("w:rPr")
    properties.append(_element("w:lang", val=tag))
    return properties


def _style(paragraph: WordParagraph, style: ParagraphStyle) -> WordParagraph:
    """``paragraph.style = style`` without python-docx's search for the default style on every call
    (most of the rendering time otherwise), nor its search for where the style goes among the
    paragraph's properties (a third of a big session's Word file): it is always the first of them."""
    properties = paragraph._p.get_or_add_pPr()
    current = properties.find(qn("w:pStyle"))
    if current is None:
        properties.insert(0, _element("w:pStyle", val=style.style_id))
    else:
        current.set(qn("w:val"), style.style_id)
    return paragraph


def _stable_zip(data: bytes) -> bytes:
    """The same package with every entry dated ``ZIP_DATE`` (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            target.writestr(entry, source.read(info))
    return out.getvalue()


class _Writer:
    def __init__(self, model: Document) -> None:
        self.model = model
        self.word = docx.Document()
        self.language = LANGUAGE_TAGS.get(model.language, model.language)
        self.ids = count(1)  # bookmark ids
        self.break_before = False  # a page break waits for the next paragraph or table
        self.after_table = False
        self.contents_open = False
        self.blocks: list[Block] = [
            *model.first_page,
            *([PageBreak()] if model.body_on_new_page else []),
            *model.body,
        ]
        self.bookmarks = self._bookmark_names()
        self.widths = self._shared_widths()
        self.keeps = self._kept_with_next()
        self.text_languages: dict[str, str | None] = {}  # texts repeat: kinds, units, SDG names
        self.language_marks = {code: _language_properties(tag) for code, tag in LANGUAGE_TAGS.items()}

    # -- the whole ----------------------------------------------------------------------------------

    def render(self) -> bytes:
        self.page()
        self.styles()
        self.metadata()
        self.header_and_footer()
        self.title_block()
        for index, block in enumerate(self.blocks):
            self.block(index, block)
        if self.contents_open:
            self.word.element.body.sectPr.addprevious(_element("w:bookmarkEnd", id="0"))
        buffer = io.BytesIO()
        self.word.save(buffer)
        return _stable_zip(buffer.getvalue())

    def page(self) -> None:
        section = self.word.sections[0]
        section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
        for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
            setattr(section, side, Twips(MARGIN))
        section.header_distance = section.footer_distance = Twips(567)

    def styles(self) -> None:
        styles = self.word.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = run_defaults.find(qn("w:rFonts"))
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        for font in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(font), FONT)
        language = run_defaults.find(qn("w:lang"))
        if language is None:
            language = _element("w:lang")
            run_defaults.append(language)
        language.set(qn("w:val"), self.language)

        normal = styles["Normal"]
        normal.font.size = Pt(10)
        normal.paragraph_format.space_after = Pt(6)

        def add(name: str, base: ParagraphStyle, size: float, **kind: bool) -> ParagraphStyle:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=name == TOC_1)
            assert isinstance(style, ParagraphStyle)
            style.base_style = base
            style.font.size = Pt(size)
            if kind.get("grey"):
                style.font.color.rgb = GREY
            if kind.get("italic"):
                style.font.italic = True
            return style

        self.small = add(SMALL, normal, 8, grey=True)
        self.small.paragraph_format.space_after = Pt(4)
        self.note = add(NOTE, normal, 10, italic=True)
        self.cell = add(CELL, normal, 9)
        self.cell.paragraph_format.space_after = Pt(0)
        self.cell.paragraph_format.line_spacing = 1.0
        self.detail = add(DETAIL, self.cell, 8, grey=True)
        self.detail.paragraph_format.space_before = Pt(2)
        self.toc = add(TOC_1, normal, 10)
        self.toc.paragraph_format.space_after = Pt(3)
        self.toc.paragraph_format.tab_stops.add_tab_stop(
            Twips(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        for name in ("Header", "Footer"):
            style = styles[name]
            style.font.size = Pt(8)
            style.font.color.rgb = GREY
            style.paragraph_format.tab_stops.clear_all()
            style.paragraph_format.tab_stops.add_tab_stop(Twips(TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)

        def existing(name: str) -> ParagraphStyle:
            found = styles[name]
            assert isinstance(found, ParagraphStyle)
            return found

        self.headings = {level: existing(f"Heading {level}") for level in range(1, 4)}
        self.bullet, self.number = existing("List Bullet"), existing("List Number")
        self.body_style = existing("Normal")
        self.toc_heading = existing("TOC Heading")  # looks like a heading, stays out of the contents
        self.grid = styles["Table Grid"]

        settings = self.word.settings.element
        theme_language = settings.find(qn("w:themeFontLang"))
        if theme_language is not None:
            theme_language.set(qn("w:val"), self.language)
        # The template is a Word 2010 file: Word would open ours in compatibility mode.
        for setting in settings.iter(qn("w:compatSetting")):
            if setting.get(qn("w:name")) == "compatibilityMode":
                setting.set(qn("w:val"), "15")

    def metadata(self) -> None:
        model, properties = self.model, self.word.core_properties
        properties.title = core_property(model.title)
        properties.author = core_property(model.author)  # the organisation and the adviser: 400
        properties.subject = core_property(model.subtitle)
        properties.language = self.language
        properties.keywords = KEYWORDS
        properties.content_status = core_property(model.status)
        properties.comments = ""  # the template says "generated by python-docx"
        properties.last_modified_by = ""
        properties.revision = 1
        # No creation or modification time: the model carries the session's moment only in words, and
        # a made-up or current time would be wrong or make every rendering different.
        package = self.word.part.package
        core = package.part_related_by(RT.CORE_PROPERTIES)
        for name in ("dcterms:created", "dcterms:modified"):
            for element in core.element.findall(qn(name)):
                core.element.remove(element)
        # The template's blank-page thumbnail and its "Microsoft Macintosh Word" statistics would
        # describe another document; Word writes both anew when it saves.
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
                del package.rels[rel_id]

    def header_and_footer(self) -> None:
        """The running header on every page but the first, which opens with the title (Word's
        "different first page"); the concept mark and "page n of m" on every page."""
        model, section = self.model, self.word.sections[0]
        section.different_first_page_header_footer = True
        for header, running in ((section.header, True), (section.first_page_header, False)):
            paragraph = header.paragraphs[0]
            if running:
                self.run(paragraph, model.header)  # the title, the team's words
            if model.concept:
                paragraph.add_run("\t")
                mark = paragraph.add_run(clean(model.concept_mark))
                mark.bold = True
                mark.font.size = Pt(10)
                mark.font.color.rgb = CONCEPT_RED
        for footer in (section.footer, section.first_page_footer):
            paragraph = footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for part in re.split(r"(\{page\}|\{pages\})", model.page_label):
                if part == "{page}":
                    self.field(paragraph, "PAGE", "1")
                elif part == "{pages}":
                    self.field(paragraph, "NUMPAGES", "1")
                elif part:
                    paragraph.add_run(clean(part))

    def title_block(self) -> None:
        for text, style in ((self.model.title, "Title"), (self.model.subtitle, "Subtitle")):
            paragraph = self.word.add_paragraph(style=style)
            if text:
                self.run(paragraph, text)

    # -- blocks -------------------------------------------------------------------------------------

    def block(self, index: int, block: Block) -> None:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 3)
            paragraph = self.paragraph(block.text, self.headings[level], heading=True)
            paragraph.paragraph_format.keep_with_next = True  # never alone at a page's foot
            self.bookmark(paragraph, self.bookmarks[index])
        elif isinstance(block, Paragraph):
            styles = {TextStyle.SMALL: self.small, TextStyle.NOTE: self.note}
            paragraph = self.paragraph(block.text, styles.get(block.style, self.body_style))
            if index in self.keeps:
                paragraph.paragraph_format.keep_with_next = True
        elif isinstance(block, Bullets):
            self.bullets(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, SdgTiles):
            self.tiles(block)
        elif isinstance(block, Contents):
            self.contents(block, index)
        elif isinstance(block, PageBreak):
            self.break_before = True

    def paragraph(self, text: str, style: ParagraphStyle, heading: bool = False) -> WordParagraph:
        paragraph = _style(self.word.add_paragraph(), style)
        if text:
            self.run(paragraph, text)
        if self.break_before:
            paragraph.paragraph_format.page_break_before = True
        elif self.after_table and not heading:
            paragraph.paragraph_format.space_before = Pt(6)
        self.break_before = self.after_table = False
        return paragraph

    def bullets(self, block: Bullets) -> None:
        if block.numbered:
            numbering = self.word.part.numbering_part.element
            style_num = self.number.element.pPr.numPr.numId.val
            abstract = numbering.num_having_numId(style_num).abstractNumId.val
            num = numbering.add_num(abstract)  # each numbered list starts at 1
            num.add_lvlOverride(ilvl=0).add_startOverride(1)
        for item in block.items:
            paragraph = self.paragraph(item, self.number if block.numbered else self.bullet)
            if block.numbered:
                numbering_properties = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                numbering_properties.get_or_add_ilvl().val = 0
                numbering_properties.get_or_add_numId().val = num.numId

    def before_table(self) -> None:
        """Two tables in a row would become one in Word, and a page break needs a paragraph."""
        if self.after_table or self.break_before:
            spacer = self.paragraph("", self.small)
            spacer.paragraph_format.space_after = Pt(0)

    def new_table(self, rows: int, widths: Sequence[float]) -> WordTable:
        self.before_table()
        table = self.word.add_table(rows=rows, cols=len(widths))
        table.autofit = False
        width = table._tbl.tblPr.find(qn("w:tblW"))
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(sum(_twips(w).twips for w in widths)))
        for column, cm in zip(table.columns, widths, strict=True):
            column.width = _twips(cm)
        self.after_table = True
        return table

    def table(self, block: Table) -> None:
        rows: list[tuple[Cell, ...]] = [tuple(Cell(text) for text in block.header)] if block.header else []
        rows += block.rows
        if not rows:
            return
        widths = self.widths[_family(block)]
        table = self.new_table(len(rows), widths)
        table._tbl.tblStyle_val = self.grid.style_id  # as _style(): no search for the default style
        signature = block.kind is TableKind.SIGNATURE
        last = len(rows) - 1
        for number, (tr, row) in enumerate(zip(table._tbl.tr_lst, rows, strict=True)):
            header = bool(block.header) and number == 0
            # The header stays with the first row; the approval table with all its rows, on one page;
            # the last row with the caption under the table.
            keep = (header or signature) and number < last or bool(block.caption) and number == last
            for index, tc in enumerate(tr.tc_lst):
                cell = _Cell(tc, table)
                cell.width = _twips(widths[index])
                content = row[index] if index < len(row) else Cell("")
                bold = header or (block.kind is TableKind.FACTS and index == 0)
                self.fill(cell, content, bold, keep)
                if header:
                    shading = _element("w:shd", val="clear", color="auto", fill=HEADER_FILL)
                    tc.get_or_add_tcPr().append(shading)
            properties = tr.get_or_add_trPr()
            if header or signature or not _taller_than_a_page(row, widths):
                properties.append(_element("w:cantSplit"))  # a row a page can hold stays whole
            if header:  # repeated at the top of every page the table runs onto
                properties.append(_element("w:tblHeader"))
            elif signature:  # room to sign
                height = str(_twips(SIGNATURE_ROW_CM).twips)
                properties.append(_element("w:trHeight", val=height, hRule="atLeast"))
        if block.caption:
            caption = self.paragraph(block.caption, self.small)
            caption.paragraph_format.space_before = Pt(3)

    def fill(self, cell: _Cell, content: Cell, bold: bool, keep: bool = False) -> None:
        paragraph = _style(cell.paragraphs[0], self.cell)
        if content.text:
            run = self.run(paragraph, content.text)
            if bold:
                run.bold = True
        if content.detail:
            self.run(_style(cell.add_paragraph(), self.detail), content.detail)
        if keep:  # Word keeps a row with the next when its paragraphs keep with the next
            for part in cell.paragraphs:
                part.paragraph_format.keep_with_next = True

    def tiles(self, block: SdgTiles) -> None:
        rows = -(-len(block.tiles) // TILE_COLUMNS)
        # The names a size smaller where a word would break ("Kwaliteitsonderwijs"), all alike.
        inside = (TEXT_WIDTH / TILE_COLUMNS - 2 * TILE_MARGIN - 2 * TILE_GAP) / TWIPS_PER_CM
        widest = max((widest_word_cm(tile.name, 1.0) for tile in block.tiles), default=0.0)
        name_size = TILE_NAME_SIZE
        if widest * TILE_NAME_SIZE > inside:
            name_size = max(TILE_NAME_LEAST, math.floor(2 * inside / widest) / 2)  # Word's half points
        if rows:
            widths = [TEXT_WIDTH / TWIPS_PER_CM / TILE_COLUMNS] * TILE_COLUMNS
            table = self.new_table(rows, widths)
            properties = table._tbl.tblPr
            properties.find(qn("w:tblW")).addnext(_element("w:tblCellSpacing", w=str(TILE_GAP), type="dxa"))
            margins = _element("w:tblCellMar")
            for side in ("left", "right"):
                margins.append(_element(f"w:{side}", w=str(TILE_MARGIN), type="dxa"))
            properties.find(qn("w:tblLayout")).addnext(margins)
            for number, tr in enumerate(table._tbl.tr_lst):
                row_properties = tr.get_or_add_trPr()
                row_properties.append(_element("w:cantSplit"))
                height = str(_twips(TILE_ROW_CM).twips)
                row_properties.append(_element("w:trHeight", val=height, hRule="atLeast"))
                for index, tc in enumerate(tr.tc_lst):
                    cell = _Cell(tc, table)
                    cell.width = _twips(widths[index])
                    position = number * TILE_COLUMNS + index
                    if position < len(block.tiles):
                        self.tile(cell, block.tiles[position], name_size)
                    if number < rows - 1:  # the overview is one picture, on one page
                        for paragraph in cell.paragraphs:
                            paragraph.paragraph_format.keep_with_next = True
        legend = self.paragraph(block.legend, self.small)
        legend.paragraph_format.space_before = Pt(3)

    def tile(self, cell: _Cell, tile: Tile, name_size: float) -> None:
        fill = tile.colour.lstrip("#").upper() if tile.inventoried else UNUSED_TILE_FILL
        ink = RGBColor.from_string(tile.ink.lstrip("#").upper()) if tile.inventoried else GREY
        properties = cell._tc.get_or_add_tcPr()
        if tile.priority:  # a frame, so the priority reads on a greyscale print too
            borders = _element("w:tcBorders")
            for side in ("top", "left", "bottom", "right"):
                line = _element(f"w:{side}", val="single", sz="24", space="0", color=PRIORITY_FRAME)
                borders.append(line)
            properties.append(borders)
        properties.append(_element("w:shd", val="clear", color="auto", fill=fill))
        lines = [(str(tile.number), 12.0, True), (tile.name, name_size, False)]
        mark = tile.mark or (tile.level if tile.priority else "")
        if mark:
            lines.append((mark, 7.5, True))
        for number, (text, size, bold) in enumerate(lines):
            paragraph = _style(cell.paragraphs[0] if number == 0 else cell.add_paragraph(), self.cell)
            run = self.run(paragraph, text)
            run.font.size = Pt(size)
            run.font.color.rgb = ink
            if bold:
                run.bold = True

    def contents(self, block: Contents, index: int) -> None:
        """The contents title (not a heading itself), then Word's contents field. Until Word updates
        it (it asks when the file opens) the field shows the level-1 headings, linked, without pages,
        under a line that says how to show them."""
        self.paragraph(block.title, self.toc_heading, heading=True)
        entries = [
            (position, later)
            for position, later in enumerate(self.blocks)
            if position > index and isinstance(later, Heading) and later.level == 1
        ]
        # The field's first line says how to show the page numbers: python-docx cannot lay out pages,
        # and Word's layout is not the PDF's, so only Word can number them. Updating the field
        # replaces its lines, this one too.
        hint = self.paragraph("", self.small)
        self.field_start(hint, TOC_FIELD)
        hint.add_run(clean(block.update_hint))  # the builder's words, in the document's language
        if not entries:
            self.field_end(hint)
        for number, (position, heading) in enumerate(entries):
            paragraph = self.paragraph("", self.toc)
            link = _element("w:hyperlink", anchor=self.bookmarks[position], history="1")
            run = self.run(paragraph, heading.text)
            link.append(run._r)
            paragraph._p.append(link)
            if number == len(entries) - 1:
                self.field_end(paragraph)
        if not self.contents_open:
            self.word.element.body.sectPr.addprevious(
                _element("w:bookmarkStart", id="0", name=CONTENTS_RANGE)
            )
            self.contents_open = True
        settings = self.word.settings.element
        if settings.find(qn("w:updateFields")) is None:
            # Word offers to update the fields on opening: the contents get their page numbers.
            update = _element("w:updateFields", val="true")
            compat = settings.find(qn("w:compat"))
            if compat is not None:
                compat.addprevious(update)
            else:
                settings.append(update)

    # -- Word's machinery ---------------------------------------------------------------------------

    def run(self, paragraph: WordParagraph, text: str) -> Run:
        """A run of ``text``, marked with its language where it reads as another language than the
        document's (``compass.method.text_language``); unmarked, it takes the document's default."""
        run = paragraph.add_run(clean(text))
        if text not in self.text_languages:
            self.text_languages[text] = text_language(text)
        language = self.text_languages[text]
        if language is not None and language != self.model.language:
            # A new run has no properties yet; python-docx puts those set later (bold, size) before
            # w:lang, in the schema's order. A copy costs a fifth of building the element anew.
            run._r.insert(0, copy.deepcopy(self.language_marks[language]))
        return run

    def _shared_widths(self) -> dict[Family, list[float]]:
        """Tables with the same columns (one per SDG in step 1, the two fact tables) get the same
        widths, from all their rows together, so their columns line up down the page."""
        rows: dict[Family, list[tuple[Cell, ...]]] = {}
        for block in self.blocks:
            if isinstance(block, Table):
                rows.setdefault(_family(block), []).extend(block.rows)
        return {
            (header, weights, kind, columns): column_widths(Table(header, tuple(together), weights, kind))
            for (header, weights, kind, columns), together in rows.items()
        }

    def _kept_with_next(self) -> set[int]:
        """The texts between a heading and the table it introduces: they keep with the table's first
        rows, as the heading keeps with them."""
        kept: set[int] = set()
        between: list[int] | None = None  # after a heading: the texts since
        for position, block in enumerate(self.blocks):
            if isinstance(block, Heading):
                between = []
            elif isinstance(block, Paragraph) and between is not None:
                between.append(position)
            else:
                if isinstance(block, Table) and between:
                    kept.update(between)
                between = None
        return kept

    def _bookmark_names(self) -> dict[int, str]:
        """A valid, unique bookmark name for every heading, by its position among the blocks."""
        names: dict[int, str] = {}
        used: set[str] = set()
        for position, block in enumerate(self.blocks):
            if not isinstance(block, Heading):
                continue
            base = re.sub(r"[^A-Za-z0-9_]", "_", block.anchor)[:36]
            if not base[:1].isalpha():
                base = f"s_{base}"[:36]
            name, n = base, 2
            while name.lower() in used:
                name, n = f"{base}_{n}", n + 1
            used.add(name.lower())
            names[position] = name
        return names

    def bookmark(self, paragraph: WordParagraph, name: str) -> None:
        identifier = str(next(self.ids))
        p = paragraph._p
        start = _element("w:bookmarkStart", id=identifier, name=name)
        if p.pPr is not None:
            p.pPr.addnext(start)
        else:
            p.insert(0, start)
        p.append(_element("w:bookmarkEnd", id=identifier))

    def field_start(self, paragraph: WordParagraph, instruction: str) -> None:
        for part in ("begin", instruction, "separate"):
            run = paragraph.add_run()
            if part in ("begin", "separate"):
                run._r.append(_element("w:fldChar", fldCharType=part))
            else:
                text = OxmlElement("w:instrText")
                text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                text.text = f" {instruction} "
                run._r.append(text)

    def field_end(self, paragraph: WordParagraph) -> None:
        paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))

    def field(self, paragraph: WordParagraph, instruction: str, shown: str) -> None:
        self.field_start(paragraph, instruction)
        paragraph.add_run(shown)
        self.field_end(paragraph)
