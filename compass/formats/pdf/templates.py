"""Page templates of the tender strategy document: a first page without running header, body pages with
the header; every page has "page n of m" at its foot and, while the strategy is a concept, a visible
concept mark. Headings become contents entries and PDF bookmarks on the page where they stand.

The page count comes from the previous pass of the multi-pass build (the contents need passes anyway),
so nothing replays pages afterwards: the bookmarks keep the pages they were made on. Two passes are the
least that can give "page n of m" and the contents' page numbers: the contents know their entries before
the first pass (``expect_contents``), so the first pass lays out the pages as the last one will. That
first pass is never the last (it cannot know "of m"), so it only lays out: our tables and paragraphs
draw nothing on a ``LayoutCanvas`` whose ``layout_only`` is set.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus.doctemplate import IndexingFlowable
from reportlab.platypus.tableofcontents import TableOfContents

from compass.formats.pdf.styles import BOLD, FONT, MUTED, RULE, register_fonts

MARGIN = 20 * mm
FRAME_PADDING = 6  # reportlab's default padding of a frame, on each side, in points
# The height a flowable has on a body page (the first page's frame is taller): what is taller never fits.
FRAME_HEIGHT = A4[1] - (MARGIN + 6 * mm) - MARGIN - 2 * FRAME_PADDING
HEADER_SIZE = 8
CONCEPT_INK = colors.Color(0.75, 0.1, 0.1, alpha=0.16)
ELLIPSIS = "\u2026"


class LayoutCanvas(Canvas):
    """A canvas the template tells whether its pass only lays out (its pages are thrown away)."""

    layout_only = False


def draws_nothing(canvas: Canvas) -> bool:
    """Whether a flowable may skip drawing: laying out never depends on what was drawn."""
    return getattr(canvas, "layout_only", False) is True


class StrategyDocTemplate(BaseDocTemplate):
    def __init__(
        self,
        filename: Any,
        *,
        header: str,
        page_label: str,
        concept_mark: str,
        **kwargs: Any,
    ) -> None:
        register_fonts()
        super().__init__(
            filename,
            initialFontName=FONT,  # else the first page declares Helvetica, which is not embedded
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 6 * mm,
            bottomMargin=MARGIN,
            **kwargs,
        )
        # One line across the page: a longer title and organisation are cut at a word (one long word
        # anywhere) with an ellipsis; the first page has them whole.
        self._header = fitted(header, self.width, FONT, HEADER_SIZE)
        self._page_label = page_label
        self._concept_mark = concept_mark  # "" when the strategy is complete
        self._sections = 0
        self._pages = PageCount()
        first = Frame(self.leftMargin, self.bottomMargin, self.width, self.height + 6 * mm, id="first")
        body = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates(
            [
                PageTemplate("first", [first], onPage=self._decorate_first),
                PageTemplate("body", [body], onPage=self._decorate_body),
            ]
        )

    # -- every page ---------------------------------------------------------------------------------

    def _foot(self, canvas: Canvas) -> None:
        self._pages.counted(canvas.getPageNumber())
        pages = self._pages.before or canvas.getPageNumber()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        label = self._page_label.format(page=canvas.getPageNumber(), pages=pages)
        canvas.drawRightString(A4[0] - MARGIN, 12 * mm, label)
        if self._concept_mark:
            canvas.saveState()
            canvas.setFillColor(CONCEPT_INK)
            canvas.setFont(BOLD, 96)
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(50)
            canvas.drawCentredString(0, -30, self._concept_mark)
            canvas.restoreState()
            canvas.setFont(BOLD, 9)
            canvas.setFillColor(colors.Color(0.7, 0.1, 0.1))
            canvas.drawString(MARGIN, 12 * mm, self._concept_mark)

    def _decorate_first(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        self._foot(canvas)
        canvas.restoreState()

    def _decorate_body(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, HEADER_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.leftMargin, A4[1] - 14 * mm, self._header)
        canvas.setStrokeColor(RULE)
        canvas.line(self.leftMargin, A4[1] - 16 * mm, A4[0] - self.rightMargin, A4[1] - 16 * mm)
        self._foot(canvas)
        canvas.restoreState()

    # -- passes -------------------------------------------------------------------------------------

    def multiBuild(self, story: list[Flowable], *args: Any, **kwargs: Any) -> int:  # noqa: N802 - reportlab API
        expect_contents(story)
        return int(super().multiBuild([self._pages, *story], *args, **kwargs))

    def beforeDocument(self) -> None:  # noqa: N802 - reportlab API
        # Every pass numbers the sections anew, so the contents' keys settle.
        self._sections = 0
        if isinstance(self.canv, LayoutCanvas):
            # A pass that does not know "of m" yet is never the last: its pages are not kept.
            self.canv.layout_only = self._pages.before == 0

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab API
        """Headings go into the PDF outline (bookmarks) and level-1 headings into the contents."""
        if isinstance(flowable, HeadingParagraph):
            level = flowable.outline_level
            title = flowable.getPlainText()
            self._sections += 1
            key = _key(flowable, self._sections)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)
            if _in_contents(flowable):
                self.notify("TOCEntry", (level, title, self.page, key))


def fitted(text: str, width: float, font: str, size: float) -> str:
    """``text`` if it is no wider than ``width``, else as much of it as fits, then an ellipsis."""
    if stringWidth(text, font, size) <= width:
        return text
    room = width - stringWidth(ELLIPSIS, font, size)
    low, high = 0, len(text)  # the most characters that fit: widths only grow with more of them
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle], font, size) <= room:
            low = middle
        else:
            high = middle - 1
    cut = text[:low]
    at_word = cut.rstrip().rfind(" ")
    if at_word > low // 2:  # a word boundary not too far back: no word cut in two
        cut = cut[:at_word]
    return cut.rstrip(" ,;:\u2013") + ELLIPSIS


class PageCount(IndexingFlowable):
    """The "of m" of "page n of m": the page count of the pass before. multiBuild makes passes until
    every indexing flowable is satisfied; this one is when a pass counted the pages its "of m" said,
    which the contents alone do not ensure (a contents line more or less may move the last page)."""

    _ZEROSIZE = True  # takes no room and moves nothing (it stands first, at the top of page 1)

    def __init__(self) -> None:
        super().__init__()
        self.before = 0  # 0 in the first pass: a pass whose "of m" is not known yet
        self._now = 0

    def beforeBuild(self) -> None:  # noqa: N802 - reportlab API
        self.before, self._now = self._now, 0

    def counted(self, page: int) -> None:
        self._now = max(self._now, page)

    def isSatisfied(self) -> bool:  # noqa: N802 - reportlab API
        return self._now == self.before

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        pass


class HeadingParagraph(Paragraph):  # few, so not worth skipping in a pass that only lays out
    """A section heading: a bookmark at ``outline_level`` and, at level 0, a contents entry."""

    def __init__(
        self, text: str, style: Any, outline_level: int, anchor: str, in_contents: bool = True
    ) -> None:
        super().__init__(text, style)
        self.outline_level = outline_level
        self.anchor = anchor
        self.in_contents = in_contents


def _key(heading: HeadingParagraph, number: int) -> str:
    return f"{heading.anchor}-{number}"


def _in_contents(heading: HeadingParagraph) -> bool:
    return heading.outline_level == 0 and heading.in_contents


def _headings(story: Sequence[Flowable]) -> Iterator[HeadingParagraph]:
    """The headings in the order the build meets them (those kept together with what follows too)."""
    for flowable in story:
        if isinstance(flowable, HeadingParagraph):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from _headings(getattr(flowable, "_content", ()))  # its flowables, in order


def expect_contents(story: Sequence[Flowable]) -> None:
    """Give the contents their entries before the first pass, with page 0: reportlab's contents are
    empty in the first pass and as long as the document's in the second, which moves every page after
    them, so the build took three passes. Drawn in full from the start, they take the room of the
    final ones and the pages they find in the first pass are already right. Entries that turn out
    different here would only cost a pass: the build ends when the contents have settled."""
    entries = [
        (heading.outline_level, heading.getPlainText(), 0, _key(heading, number))
        for number, heading in enumerate(_headings(story), start=1)
        if _in_contents(heading)
    ]
    for flowable in story:
        if isinstance(flowable, TableOfContents):
            flowable.addEntries(entries)


def body_pages() -> NextPageTemplate:
    return NextPageTemplate("body")
