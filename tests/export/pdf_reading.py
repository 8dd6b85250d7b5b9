"""Reading a rendered PDF back as a reader would: its bookmarks with the pages they open."""

from __future__ import annotations

from collections.abc import Iterator

from pypdf import PdfReader


def outline(reader: PdfReader, items=None, level: int = 0) -> Iterator[tuple[str, int, int]]:  # noqa: ANN001
    """The bookmarks as (title, page index, level), nested ones included."""
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            yield from outline(reader, item, level + 1)
        else:
            yield item.title, reader.get_destination_page_number(item), level


def text_lines(page) -> list[str]:  # noqa: ANN001
    """The page's text as lines from top to bottom, the pieces of a line from left to right: a
    contents line reads "title page" (pypdf's own text puts a right-aligned number elsewhere)."""
    pieces: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            pieces.append((round(y, 1), x, text.strip()))

    page.extract_text(visitor_text=visit)
    rows: dict[float, list[tuple[float, str]]] = {}
    for y, x, text in pieces:
        rows.setdefault(y, []).append((x, text))
    return [" ".join(text for _x, text in sorted(row)) for _y, row in sorted(rows.items(), reverse=True)]


def text_extents(page) -> list[tuple[float, float, float, float, str]]:  # noqa: ANN001
    """Where each piece of the page's text lies, as (left, bottom, right, top, text) in points: from
    where it starts, in its font and size (reportlab measures our embedded fonts)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from compass.formats.pdf.styles import register_fonts

    register_fonts()
    extents: list[tuple[float, float, float, float, str]] = []

    def point(cm: list[float], tm: list[float], dx: float) -> tuple[float, float]:
        x, y = tm[0] * dx + tm[4], tm[1] * dx + tm[5]
        return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]

    def visit(text: str, cm: list[float], tm: list[float], font, size: float) -> None:  # noqa: ANN001
        if not text.strip() or font is None:
            return
        name = str(font["/BaseFont"]).split("+")[-1]
        for line in text.strip().split("\n"):
            start = point(cm, tm, 0.0)
            end = point(cm, tm, stringWidth(line, name, size))
            xs, ys = (start[0], end[0]), (start[1], end[1])
            extents.append((min(xs), min(ys), max(xs), max(ys), line))

    page.extract_text(visitor_text=visit)
    return extents
