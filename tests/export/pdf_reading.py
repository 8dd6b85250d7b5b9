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
