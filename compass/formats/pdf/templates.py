"""Page templates of the tender strategy document: a cover without header, body pages with a running
header and a footer "page n of m"; headings become contents entries and PDF bookmarks."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate, Paragraph

from compass.formats.pdf.styles import FONT, MUTED, RULE, register_fonts

MARGIN = 20 * mm


class NumberedCanvas(Canvas):
    """Holds every page until the end, so each footer can say "page n of m"."""

    page_label = "{page} / {pages}"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register_fonts()
        kwargs.setdefault("initialFontName", FONT)  # else Helvetica lands in the PDF, not embedded
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        # reportlab's own start of a fresh page (no public API); the two-pass build of issue 12
        # replaces this replaying canvas.
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            page = self.getPageNumber()
            if page > 1:  # the cover carries no number
                self.setFont(FONT, 8)
                self.setFillColor(MUTED)
                self.drawRightString(
                    A4[0] - MARGIN, 12 * mm, self.page_label.format(page=page, pages=total)
                )
            super().showPage()
        super().save()


class StrategyDocTemplate(BaseDocTemplate):
    def __init__(self, filename: Any, header: str, **kwargs: Any) -> None:
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
        self._sections = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        cover = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="cover")
        self.addPageTemplates(
            [PageTemplate("cover", [cover]), PageTemplate("body", [frame], onPage=self._decorate)]
        )

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.leftMargin, A4[1] - 14 * mm, self._header)
        canvas.setStrokeColor(RULE)
        canvas.line(self.leftMargin, A4[1] - 16 * mm, A4[0] - self.rightMargin, A4[1] - 16 * mm)
        canvas.restoreState()

    def beforeDocument(self) -> None:  # noqa: N802 - reportlab API
        # Every pass of multiBuild numbers the sections anew, so the contents' keys settle.
        self._sections = 0

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - reportlab API
        """Section headings go into the contents and the PDF outline (bookmarks)."""
        if isinstance(flowable, HeadingParagraph):
            level = flowable.outline_level
            text = flowable.getPlainText()
            self._sections += 1
            key = f"section-{self._sections}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)
            self.notify("TOCEntry", (level, text, self.page, key))


class HeadingParagraph(Paragraph):
    """A section heading: it goes into the contents and the PDF outline at ``outline_level``."""

    def __init__(self, text: str, style: Any, outline_level: int) -> None:
        super().__init__(text, style)
        self.outline_level = outline_level


def body_pages() -> NextPageTemplate:
    return NextPageTemplate("body")
