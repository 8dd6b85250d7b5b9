"""A hand-made strategy document for the layout tests of both renderers: only the blocks a test names."""

from __future__ import annotations

from compass.formats.document.model import Document


def hand_made_document(first_page: tuple, body: tuple, **changes: object) -> Document:
    fields: dict = {
        "language": "nl",
        "title": "Indeling van de pagina's",
        "subtitle": "MVOI-uitvraagstrategie",
        "organisation": "Gemeente Voorbeeld",
        "author": "Gemeente Voorbeeld",
        "version": "versie 1",
        "concept": False,
        "concept_mark": "CONCEPT",
        "status": "Compleet",
        "header": "Indeling van de pagina's \u2013 Gemeente Voorbeeld",
        "page_label": "pagina {page} van {pages}",
        "first_page": first_page,
        "body": body,
    }
    fields.update(changes)
    return Document(**fields)
