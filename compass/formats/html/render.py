"""The document model as simple HTML for the summary page of the app (Qt's rich text: tables,
headings, lists, links). The same story as the PDF and the Word file, drawn a third way; open issues
link to the step that resolves them ("step:<code>")."""

from __future__ import annotations

from html import escape

from compass.formats.document.model import (
    Block,
    Bullets,
    Cell,
    Contents,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    SdgTiles,
    Table,
    TableKind,
    TextStyle,
)
from compass.formats.document.printable import printable_document

STEP_LINK = "step:"
TILE_COLUMNS = 6


def render_html(document: Document) -> str:
    document = printable_document(document)
    parts = [
        f"<h2>{escape(document.title)}</h2>",
        f"<p><i>{escape(document.subtitle)}</i></p>",
    ]
    for block in document.first_page + document.body:
        parts.append(_block(block))
    return "".join(parts)


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        tag = "h3" if block.level == 1 else "h4"
        return f"<{tag}><a name='{escape(block.anchor)}'></a>{escape(block.text)}</{tag}>"
    if isinstance(block, Paragraph):
        if block.style is TextStyle.SMALL:
            return f"<p><small>{_text(block.text)}</small></p>"
        if block.style is TextStyle.NOTE:
            return f"<p><i>{_text(block.text)}</i></p>"
        return f"<p>{_text(block.text)}</p>"
    if isinstance(block, Bullets):
        return _bullets(block)
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, SdgTiles):
        return _tiles(block)
    if isinstance(block, Contents | PageBreak):
        return ""  # a page has no pages
    raise TypeError(block)


def _bullets(block: Bullets) -> str:
    tag = "ol" if block.numbered else "ul"
    items = []
    for index, item in enumerate(block.items):
        target = block.targets[index] if index < len(block.targets) else ""
        words = _text(item)
        items.append(
            f"<li><a href='{STEP_LINK}{escape(target)}'>{words}</a></li>" if target else f"<li>{words}</li>"
        )
    return f"<{tag}>{''.join(items)}</{tag}>"


def _cell(cell: Cell) -> str:
    detail = f"<br/><small>{_text(cell.detail)}</small>" if cell.detail else ""
    return _text(cell.text) + detail


def _table(block: Table) -> str:
    rows = []
    if block.header:
        rows.append("<tr>" + "".join(f"<th align='left'>{escape(h)}</th>" for h in block.header) + "</tr>")
    for row in block.rows:
        cells = []
        for column, cell in enumerate(row):
            content = _cell(cell)
            if block.kind is TableKind.FACTS and column == 0:
                content = f"<b>{content}</b>"
            cells.append(f"<td valign='top'>{content}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption = f"<p><small>{escape(block.caption)}</small></p>" if block.caption else ""
    return f"<table cellpadding='3' cellspacing='0' width='100%'>{''.join(rows)}</table>{caption}"


def _tiles(block: SdgTiles) -> str:
    rows, row = [], []
    for tile in block.tiles:
        fill = tile.colour if tile.inventoried else "#F3F3F3"
        ink = tile.ink if tile.inventoried else "#5A5A5A"
        mark = f"<br/><b>{escape(tile.mark)}</b>" if tile.mark else ""
        border = " style='border: 3px solid black'" if tile.priority else ""
        row.append(
            f"<td bgcolor='{fill}' valign='top' width='16%'{border}>"
            f"<font color='{ink}'><b>{tile.number}</b><br/>{escape(tile.name)}{mark}</font></td>"
        )
        if len(row) == TILE_COLUMNS:
            rows.append("<tr>" + "".join(row) + "</tr>")
            row = []
    if row:
        rows.append("<tr>" + "".join(row) + "</tr>")
    legend = f"<p><small>{escape(block.legend)}</small></p>"
    return f"<table cellpadding='4' cellspacing='2' width='100%'>{''.join(rows)}</table>{legend}"
