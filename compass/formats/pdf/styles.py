"""Fonts, colours and paragraph styles of the tender strategy document, in one place.

DejaVu Sans ships in resources/fonts (licence beside it): reportlab's Helvetica has no glyph for
CO₂'s subscript two and prints a box (docs/decisions/005-document-font.md)."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from compass.paths import resource_path

FONT, BOLD, ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
ACCENT = colors.HexColor("#19486A")
MUTED = colors.HexColor("#4A5560")
RULE = colors.HexColor("#C9D2DA")
ZEBRA = colors.HexColor("#F1F4F7")


@cache
def register_fonts() -> None:
    for name, file in (
        (FONT, "DejaVuSans.ttf"),
        (BOLD, "DejaVuSans-Bold.ttf"),
        (ITALIC, "DejaVuSans-Oblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, spaceAfter=4)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=MUTED),
        "note": ParagraphStyle("note", parent=body, fontName=ITALIC),
        # Columns are sized so a word fits (story.column_widths); only a longer one, a web address,
        # breaks between characters (reportlab's splitLongWords, on in every style).
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        "cell_label": ParagraphStyle(
            "cell_label",
            parent=body,
            fontName=BOLD,
            fontSize=8.5,
            leading=11,
            spaceAfter=0,
        ),
        "cell_bold": ParagraphStyle(
            "cell_bold",
            parent=body,
            fontName=BOLD,
            fontSize=8,
            leading=10.5,
            spaceAfter=0,
        ),
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=20, leading=25, textColor=ACCENT, spaceAfter=6
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=12, leading=16, textColor=MUTED, spaceAfter=6
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=15,
            leading=20,
            textColor=ACCENT,
            spaceBefore=6,
            spaceAfter=8,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "toc1": ParagraphStyle("toc1", parent=body, fontSize=10, leading=16),
    }
