"""Page templates of the tender strategy document: a first page without running header, body pages with
the header; every page has "page n of m" at its foot and, while the strategy is a concept, a visible
concept mark. Headings become contents entries and PDF bookmarks on the page where they stand.

The page count comes from the previous pass of the multi-pass build (the contents need passes anyway),
so nothing replays pages afterwards: the bookmarks keep the pages they were made on.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate, Paragraph

from compass.formats.pdf.styles import BOLD, FONT, MUTED, RULE, register_fonts

MARGIN = 20 * mm
CONCEPT_INK = colors.Color(0.75, 0.1, 0.1, alpha=0.16)


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
        self._header = header
        self._page_label = page_label
        self._concept_mark = concept_mark  # "" when the strategy is complete
        self._sections = 0
        self.pages_before = 0  # the page count of the previous pass
        self._pages_now = 0
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
        self._pages_now = max(self._pages_now, canvas.getPageNumber())
        pages = self.pages_before or canvas.getPageNumber()
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
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.leftMargin, A4[1] - 14 * mm, self._header)
        canvas.setStrokeColor(RULE)
        canvas.line(self.leftMargin, A4[1] - 16 * mm, A4[0] - self.rightMargin, A4[1] - 16 * mm)
        self._foot(canvas)
        canvas.restoreState()

    # -- passes -------------------------------------------------------------------------------------

    def beforeDocument(self) -> None:  # noqa: N802 - reportlab API
        # Every pass numbers the sections anew, so the contents' keys settle; the page count of the
        # pass before is the "of m" of this one.
        self._sections = 0
        if self._pages_now:
            self.pages_before = self._pages_now
        self._pages_now = 0

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab API
        """Headings go into the PDF outline (bookmarks) and level-1 headings into the contents."""
        if isinstance(flowable, HeadingParagraph):
            level = flowable.outline_level
            title = flowable.getPlainText()
            self._sections += 1
            key = f"{flowable.anchor}-{self._sections}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=False)
            if level == 0 and flowable.in_contents:
                self.notify("TOCEntry", (level, title, self.page, key))


class HeadingParagraph(Paragraph):
    """A section heading: a bookmark at ``outline_level`` and, at level 0, a contents entry."""

    def __init__(
        self, text: str, style: Any, outline_level: int, anchor: str, in_contents: bool = True
    ) -> None:
        super().__init__(text, style)
        self.outline_level = outline_level
        self.anchor = anchor
        self.in_contents = in_contents


def body_pages() -> NextPageTemplate:
    return NextPageTemplate("body")
