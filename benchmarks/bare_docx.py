"""The baseline of ``cli_export_docx``: a bare python-docx document with a heading and a paragraph in
the font our Word files name (DejaVu Sans, decision 005), written to the file given as the argument.

    python benchmarks/bare_docx.py OUT.docx
"""

from __future__ import annotations

import sys

from docx import Document


def main(target: str) -> None:
    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.add_heading("Aanbestedingsstrategie", level=1)
    document.add_paragraph("Eén pagina, CO₂ en €.")
    document.save(target)


if __name__ == "__main__":
    main(sys.argv[1])
