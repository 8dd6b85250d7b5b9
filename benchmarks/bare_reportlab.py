"""The baseline of ``cli_export_pdf``: a bare reportlab one-page document in the font our documents
use (DejaVuSans from resources/fonts, decision 005), written to the file given as the argument.

    python benchmarks/bare_reportlab.py OUT.pdf
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

FONT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "DejaVuSans.ttf"


def main(target: str) -> None:
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    style = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13)
    document = SimpleDocTemplate(target, pagesize=A4, title="Aanbestedingsstrategie")
    document.build([Paragraph("Aanbestedingsstrategie: één pagina, CO₂ en €.", style)])


if __name__ == "__main__":
    main(sys.argv[1])
