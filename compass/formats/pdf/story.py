"""The document model as reportlab flowables. Every text is escaped, so markup characters typed by a
user appear literally. Tables size their columns by their content: a column is at least as wide as its
longest word (up to ``WHOLE_WORD_WIDTH``: a longer one, a web address, breaks between characters), and
the rest of the width follows the model's weights. Whatever the texts, a table fits the page's width,
and a row taller than a page continues on the next, under its label. A heading stays on the page of
what it introduces: a table's header and first row, or the first lines of a text. No gap between
blocks starts a page or spills onto one of its own."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    FrameBreak,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Paragraph as ReportlabParagraph
from reportlab.platypus import Table as ReportlabTable
from reportlab.platypus.tableofcontents import TableOfContents

from compass.formats.document.model import (
    Block,
    Bullets,
    Cell,
    Contents,
    Heading,
    Paragraph,
    SdgTiles,
    Table,
    TableKind,
    TextStyle,
)
from compass.formats.document.model import (
    PageBreak as ModelPageBreak,
)
from compass.formats.pdf.styles import FONT, RULE, ZEBRA, styles
from compass.formats.pdf.templates import FRAME_HEIGHT, HeadingParagraph, draws_nothing

PAGE_WIDTH = 170 * mm
CELL_PADDING = 6  # left and right padding of a table cell, together, in points
# The widest word a column makes room for: wider than any word of a language (at the sizes of a
# table), narrower than a third of the page. A longer word (a web address, a code) breaks between
# characters rather than push the other columns off the page.
WHOLE_WORD_WIDTH = 55 * mm
# The least of a row a page holds when a row taller than a page is split: a few lines, no sliver.
ROW_PIECE = 36  # points: three lines of a cell
SIGNATURE_ROW = 13 * mm  # room for a signature
CELL_HEIGHT_PADDING = 6  # top and bottom padding of a table cell, together, in points
TILE_COLUMNS = 6


class PdfParagraph(ReportlabParagraph):
    """A paragraph that breaks its lines once per width. reportlab breaks them at every wrap: a table
    wraps each cell when it is measured and again for every piece it is split into (each piece
    measures all its rows anew), and every pass of the build does all of it again. The lines depend
    only on the text, the style and the width, so the first breaking at a width serves every later
    wrap at that width. (Split pieces are new paragraphs and break their own lines.)"""

    _laid_out: tuple[float, float, float, Any, Any] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        laid_out = self._laid_out
        if laid_out is not None and laid_out[0] == availWidth:
            _width, self.width, self.height, self.blPara, self._wrapWidths = laid_out
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if width == availWidth > 0:  # not the "cannot fit here" answer, which breaks no lines
            self._laid_out = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return width, height

    # reportlab's drawOn also takes _sW (what the frame has to spare), which its type stubs leave out.
    def drawOn(self, canvas: Canvas, x: float, y: float, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        if not draws_nothing(canvas):
            super().drawOn(canvas, x, y, *args, **kwargs)


class LabelParagraph(PdfParagraph):
    """The first cell of a row: what the row is about. A row split over pages shows it again on the
    page it continues on, in the words of ``continued`` ("{label} (continued)")."""

    def __init__(self, *args: Any, label: str = "", continued: str = "{label}", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # as reportlab's split makes its pieces, without a label
        self.label = label  # plain text
        self.continued = continued

    def continuation(self) -> LabelParagraph:
        words = text(self.continued.format(label=self.label))
        return LabelParagraph(words, self.style, label=self.label, continued=self.continued)


class PdfTable(ReportlabTable):
    """A table that keeps its rows whole where a page can hold them, splits a row taller than a page
    (rather than fail, as reportlab does), and draws nothing in a pass that only lays out: drawing its
    cells was half of a pass."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Between rows, as reportlab does; inside the first row that does not fit only when no page
        could hold it, so it starts here and goes on over the next pages as a paragraph would.
        (reportlab's own ``splitInRow`` splits any first row that does not fit, leaving slivers.)"""
        table: Any = self  # reportlab's splitting machinery, which its type stubs leave out
        table._calc(availWidth, availHeight)
        heights: list[float] = table._rowHeights
        fitting = table._getFirstPossibleSplitRowPosition(availHeight)  # rows that fit whole
        if fitting < len(heights) and self._taller_than_a_page(heights, fitting):
            # reportlab finds no split of a row that leaves its last line or two for the next page
            # (a 699-point row under a 16.5-point header in a 699.5-point frame): a little less room
            # moves those lines over instead of failing the whole document.
            for shave in (0.0, 12.0, 24.0, 48.0):
                pieces: list[Flowable] = table._splitRows(availHeight - shave, doInRowSplit=1)
                if len(pieces) == 2:
                    _label_the_continuation(pieces[0], pieces[1])
                if pieces:
                    return pieces
        whole_rows: list[Flowable] = table._splitRows(availHeight)
        return whole_rows

    def _taller_than_a_page(self, heights: list[float], row: int) -> bool:
        """Whether ``row`` is more than a page holds, with the header rows repeated above it."""
        header = sum(heights[: self.repeatRows]) if row >= self.repeatRows else 0.0
        return header + heights[row] > FRAME_HEIGHT

    # reportlab's drawOn also takes _sW (what the frame has to spare), which its type stubs leave out.
    def drawOn(self, canvas: Canvas, x: float, y: float, *args: Any, **kwargs: Any) -> None:  # noqa: N802
        if not draws_nothing(canvas):
            super().drawOn(canvas, x, y, *args, **kwargs)


def _current_frame(flowable: Flowable) -> Any:
    """The frame being filled, from reportlab's layout state (which its type stubs leave out)."""
    state: Any = flowable
    return state._doctemplateAttr("frame")


class Gap(Spacer):
    """Room between blocks, at most what is left of the page: room at a page's foot never moves to
    the next page, where it would start the page (a page break after it left a blank page), and at
    the top of a page it takes none."""

    _ZEROSIZE = True  # asked even when the page is full: it then takes nothing

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        frame = _current_frame(self)
        if frame is not None and getattr(frame, "_atTop", False):
            return 0.0, 0.0
        return 0.0, max(0.0, min(self.height, availHeight))


class KeepWithNext(CondPageBreak):
    """Stands before a heading: starts a new page unless this one holds the heading with the start
    of what it introduces. That is a table's header and first row (the whole of an approval table,
    which never splits) with any short text in between, or at least ``least`` points of what
    follows. reportlab's keepWithNext would move a long table whole to the next page, leaving a gap;
    this keeps no more than the start. On a page that is still empty it never breaks: the next page
    would hold no more."""

    def __init__(self, least: float) -> None:
        super().__init__(least)
        self.members: list[Flowable] = []  # the heading and the texts between it and the table
        self.table: PdfTable | None = None
        self.whole = False  # the table moves as one block

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        frame = _current_frame(self)
        if frame is None or getattr(frame, "_atTop", False):
            return 0.0, 0.0
        if availHeight < self.needed(availWidth):
            frame.add_generated_content(FrameBreak)
        return 0.0, 0.0

    def needed(self, width: float) -> float:
        if self.table is None:
            return self.height
        members = sum(
            f.getSpaceBefore() + f.wrap(width, FRAME_HEIGHT)[1] + f.getSpaceAfter() for f in self.members
        )
        return max(self.height, members + self._first_rows(self.table))

    def _first_rows(self, table: PdfTable) -> float:
        """The height of the table's header and first row (of every row when it moves whole); a first
        row taller than a page splits, and only its first lines need to come along."""
        rows: Any = table  # reportlab keeps cells and widths in attributes its type stubs leave out
        header = rows.repeatRows if isinstance(rows.repeatRows, int) else 0
        count = len(rows._cellvalues) if self.whole else min(header + 1, len(rows._cellvalues))
        minimum = rows._minRowHeights or [0.0] * count
        heights = []
        for number, row in enumerate(rows._cellvalues[:count]):
            widths = zip(row, rows._argW, strict=True)
            cells = [_content_height(cell, width - CELL_PADDING) for cell, width in widths]
            heights.append(max([minimum[number], *(h + CELL_HEIGHT_PADDING for h in cells)]))
        if not self.whole and len(heights) > header and sum(heights) > FRAME_HEIGHT:
            heights[header] = ROW_PIECE
        return sum(heights)


def _content_height(cell: Any, width: float) -> float:
    """The height of a cell's flowables at ``width``: one, or the tuple reportlab makes of it once it
    has laid the table out."""
    content = cell if isinstance(cell, tuple | list) else (cell,)
    return sum(f.wrap(width, FRAME_HEIGHT)[1] for f in content if isinstance(f, Flowable))


def _label_the_continuation(before: Any, after: Any) -> None:
    """The row split between ``before`` and ``after`` goes on under its label: reportlab leaves the
    continued part of a cell whose text ended on the first page empty, the label cell as a rule."""
    row = after.repeatRows if isinstance(after.repeatRows, int) else max(after.repeatRows) + 1
    if row >= len(after._cellvalues) or after._cellvalues[row][0]:
        return  # a label longer than the room on the first page continues itself
    first = before._cellvalues[-1][0]
    label = first[-1] if isinstance(first, tuple | list) and first else first
    if isinstance(label, LabelParagraph) and label.label:
        after._cellvalues[row][0] = (label.continuation(),)


def text(value: str) -> str:
    """User text for a Paragraph: escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


# Measuring every word and line of every cell was a fifth of a big document's PDF; cell texts and their
# words repeat (kinds, sources, units, the same words in every description), and a width never changes.
_width = lru_cache(maxsize=1 << 16)(stringWidth)


def _longest_word(value: str, style: ParagraphStyle) -> float:
    """The width the longest word of ``value`` claims: at most ``WHOLE_WORD_WIDTH``."""
    widest = max((_width(word, style.fontName, style.fontSize) for word in value.split()), default=0.0)
    return min(widest, WHOLE_WORD_WIDTH)


def column_widths(
    rows: list[list[tuple[str, ParagraphStyle]]],
    weights: tuple[int, ...],
    total: float = PAGE_WIDTH,
    *,
    share_all: bool = False,
) -> list[float]:
    """Widths that keep every word of a column whole (up to ``WHOLE_WORD_WIDTH``), the rest of ``total``
    shared by ``weights`` but never more than a column's longest line needs. Never wider than ``total``
    together: when even the words do not fit side by side, each column gets its share of them."""
    count = len(weights)
    minimum = [0.0] * count
    wanted = [0.0] * count
    for row in rows:
        for column, (content, style) in enumerate(row):
            for line in content.split("\n"):
                minimum[column] = max(minimum[column], _longest_word(line, style) + CELL_PADDING)
                width = _width(line, style.fontName, style.fontSize)
                wanted[column] = max(wanted[column], width + CELL_PADDING)
    needed = sum(minimum)
    if needed > total:  # words break in every column, none pushes the table off the page
        return [total * width / needed for width in minimum]
    if share_all:
        return _shared_by_weight(minimum, weights, total)
    widths = minimum[:]
    spare = total - sum(widths)
    open_columns = [c for c in range(count) if wanted[c] > widths[c]]
    while spare > 0.5 and open_columns:
        share = sum(weights[c] for c in open_columns)
        given = 0.0
        for column in list(open_columns):
            extra = min(spare * weights[column] / share, wanted[column] - widths[column])
            widths[column] += extra
            given += extra
            if wanted[column] - widths[column] <= 0.5:
                open_columns.remove(column)
        spare -= given
        if given <= 0.5:
            break
    if spare > 0.5:  # every column has all it wants: the table still spans the page
        share = sum(weights)
        widths = [w + spare * weights[c] / share for c, w in enumerate(widths)]
    return widths


def _shared_by_weight(minimum: list[float], weights: tuple[int, ...], total: float) -> list[float]:
    """``total`` shared by ``weights``; a column whose share is below its minimum gets its minimum
    and the others share what is left."""
    widths = minimum[:]
    free = set(range(len(minimum)))
    while free:
        room = total - sum(widths[c] for c in range(len(minimum)) if c not in free)
        share = sum(weights[c] for c in free) or 1
        narrow = {c for c in free if room * weights[c] / share < minimum[c]}
        if not narrow:
            for c in free:
                widths[c] = room * weights[c] / share
            break
        free -= narrow
    return widths


class _Flow:
    def __init__(self, blocks: tuple[Block, ...], continued: str) -> None:
        self.st = styles()
        self.flow: list[Flowable] = []
        self.blocks = blocks
        self.continued = continued
        self.keep: KeepWithNext | None = None  # a heading waiting for its table
        # Tables of one shape (step 1's table per SDG) share their column widths, so they line up.
        self.shared: dict[tuple[object, ...], list[float]] = {}
        shapes: dict[tuple[object, ...], list[list[tuple[str, ParagraphStyle]]]] = {}
        for block in blocks:
            if isinstance(block, Table) and block.header:
                shapes.setdefault(self._shape(block), []).extend(self._measured(block))
        for shape, rows in shapes.items():
            weights = shape[1]
            assert isinstance(weights, tuple)
            self.shared[shape] = column_widths(rows, weights)

    @staticmethod
    def _shape(block: Table) -> tuple[object, ...]:
        return (block.header, block.weights, block.kind)

    def _measured(self, block: Table) -> list[list[tuple[str, ParagraphStyle]]]:
        head, body, label = self.st["cell_bold"], self.st["cell"], self.st["cell_label"]
        facts = block.kind is TableKind.FACTS
        measured: list[list[tuple[str, ParagraphStyle]]] = []
        if block.header:
            measured.append([(h, head) for h in block.header])
        for row in block.rows:
            measured.append(
                [
                    (f"{cell.text}\n{cell.detail}", label if facts and column == 0 else body)
                    for column, cell in enumerate(row)
                ]
            )
        return measured

    def p(self, content: str, style: str = "body") -> PdfParagraph:
        return PdfParagraph(content, self.st[style])

    def add(self, position: int, block: Block) -> None:
        if not isinstance(block, Heading | Paragraph | Table):
            self.keep = None
        if isinstance(block, Heading):
            self.heading(block, introduces_a_table(self.blocks, position))
        elif isinstance(block, Paragraph):
            style = {TextStyle.BODY: "body", TextStyle.SMALL: "small", TextStyle.NOTE: "note"}[block.style]
            self.flow.append(self.p(text(block.text), style))
            if self.keep is not None:
                self.keep.members.append(self.flow[-1])
        elif isinstance(block, Bullets):
            self.bullets(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, SdgTiles):
            self.tiles(block)
        elif isinstance(block, Contents):
            self.contents(block)
        elif isinstance(block, ModelPageBreak):
            self.flow.append(PageBreak())

    def heading(self, block: Heading, table_follows: bool) -> None:
        # No heading alone at the foot of a page: it starts a new page unless its first lines fit,
        # or the header and first row of the table it introduces.
        keep = KeepWithNext(45 * mm if block.level == 1 else 30 * mm)
        style = self.st["h1" if block.level == 1 else "h2"]
        heading = HeadingParagraph(escape(block.text), style, block.level - 1, block.anchor)
        keep.members.append(heading)
        self.keep = keep if table_follows else None
        self.flow += [keep, heading]

    def bullets(self, block: Bullets) -> None:
        items: list[Any] = [ListItem(self.p(text(item)), leftIndent=14) for item in block.items]
        kind: dict[str, Any] = (
            {"bulletType": "1", "bulletFormat": "%s."}
            if block.numbered
            else {"bulletType": "bullet", "start": "\u2022"}
        )
        self.flow.append(ListFlowable(items, leftIndent=14, bulletFontName=FONT, bulletFontSize=9, **kind))

    def cell(self, cell: Cell, style: str, label: bool = False) -> PdfParagraph:
        content = text(cell.text)
        if cell.detail:
            content += f"<br/><font size=7.5>{text(cell.detail)}</font>"
        if label:
            return LabelParagraph(content, self.st[style], label=cell.text, continued=self.continued)
        return self.p(content, style)

    def table(self, block: Table) -> None:
        facts = block.kind is TableKind.FACTS
        signature = block.kind is TableKind.SIGNATURE
        # Empty cells to sign in want room their content cannot claim: the weights decide there.
        widths = self.shared.get(self._shape(block)) if not signature else None
        if widths is None:
            widths = column_widths(self._measured(block), block.weights, share_all=signature)
        cells: list[list[Any]] = []
        if block.header:
            cells.append([self.p(escape(h), "cell_bold") for h in block.header])
        for row in block.rows:
            labelled = [facts and column == 0 for column in range(len(row))]
            cells.append(
                [
                    self.cell(cell, "cell_label" if label else "cell", label)
                    for cell, label in zip(row, labelled, strict=True)
                ]
            )
        # Room to sign, and more where a long name needs it.
        heights = [0.0] + [SIGNATURE_ROW] * len(block.rows) if signature else None
        table = PdfTable(
            cells,
            colWidths=widths,
            minRowHeights=heights,
            repeatRows=1 if block.header else 0,
            splitInRow=ROW_PIECE,  # where PdfTable.split splits a row: at least this much on a page
        )
        style: list[Any] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
        ]
        if signature:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, RULE))
        else:
            style.append(("ROWBACKGROUNDS", (0, 1 if block.header else 0), (-1, -1), [colors.white, ZEBRA]))
        table.setStyle(TableStyle(style))
        if self.keep is not None:  # the heading above waits for this table's first rows
            self.keep.table, self.keep.whole = table, signature
            self.keep = None
        if block.caption:
            # The caption belongs to its table: it follows it, on the same page.
            self.flow.append(table)
            self.flow.append(KeepTogether([Spacer(1, 1 * mm), self.p(escape(block.caption), "small")]))
            return
        if signature:  # the approval stays one block, with its heading (kept with next)
            self.flow.append(KeepTogether([table]))
        else:
            self.flow.append(table)
        self.flow.append(Gap(1, 2 * mm))

    def tiles(self, block: SdgTiles) -> None:
        width = PAGE_WIDTH / TILE_COLUMNS
        grid: list[list[Any]] = []
        style: list[Any] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # the empty cells too: reportlab's default is Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("GRID", (0, 0), (-1, -1), 1.5, colors.white),
        ]
        row: list[Any] = []
        for index, tile in enumerate(block.tiles):
            r, c = divmod(index, TILE_COLUMNS)
            ink = tile.ink if tile.inventoried else "#5A5A5A"
            lines = [f"<font name='DejaVuSans-Bold' size=10>{tile.number}</font>", escape(tile.name)]
            if tile.mark:
                lines.append(f"<b>{escape(tile.mark)}</b>")
            tile_style = ParagraphStyle(
                f"tile{tile.number}",
                parent=self.st["cell"],
                fontSize=7.5,
                leading=9,
                textColor=colors.HexColor(ink),
            )
            row.append(PdfParagraph("<br/>".join(line for line in lines if line), tile_style))
            fill = colors.HexColor(tile.colour) if tile.inventoried else colors.HexColor("#F3F3F3")
            style.append(("BACKGROUND", (c, r), (c, r), fill))
            if tile.priority:  # a frame reads in greyscale where colour does not
                style.append(("BOX", (c, r), (c, r), 2.5, colors.black))
            if len(row) == TILE_COLUMNS:
                grid.append(row)
                row = []
        if row:
            grid.append(row + [""] * (TILE_COLUMNS - len(row)))
        table = PdfTable(grid, colWidths=[width] * TILE_COLUMNS)  # rows as tall as their names need
        table.setStyle(TableStyle(style))
        # The overview is one picture: never split over two pages, nor parted from its heading.
        picture: list[Flowable] = [table, Spacer(1, 2 * mm), self.p(escape(block.legend), "small")]
        if self.flow and isinstance(self.flow[-1], HeadingParagraph):
            picture.insert(0, self.flow.pop())
        self.flow.append(KeepTogether(picture))

    def contents(self, block: Contents) -> None:
        toc = TableOfContents()
        toc.levelStyles = [self.st["toc1"]]
        toc.tableStyle = TableStyle(
            [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
        self.flow += [self.p(escape(block.title), "h1"), toc, Gap(1, 4 * mm)]


def introduces_a_table(blocks: tuple[Block, ...], heading: int) -> bool:
    """Whether the heading at ``heading`` stands over a table, with at most texts in between."""
    for block in blocks[heading + 1 :]:
        if not isinstance(block, Paragraph):
            return isinstance(block, Table) and bool(block.rows or block.header)
    return False


def flowables(blocks: tuple[Block, ...], continued: str = "{label}") -> list[Flowable]:
    """The blocks as flowables; ``continued`` is the label of a row continued on the next page."""
    flow = _Flow(blocks, continued)
    for position, block in enumerate(blocks):
        flow.add(position, block)
    return flow.flow
