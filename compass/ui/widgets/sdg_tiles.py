"""The 17 SDGs as coloured tiles (our own drawing: number, short name, official colour) with the
number of risks and opportunities recorded; inventoried SDGs stand out, the others are faded.
Clicking a tile (or Enter on it) chooses that SDG."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from compass.i18n import _, current_language
from compass.reference.types import ReferenceData

# Two rows of nine where the names fit, else fewer columns (a large font, a narrow window).
COLUMN_CHOICES = (9, 6, 5, 4, 3)
GAP = 4
PADDING_X = 5
PADDING_Y = 3
FADED_ALPHA = 70
NAME_SCALE = 0.8


class SdgTiles(QWidget):
    sdg_chosen = Signal(int)

    def __init__(self, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self._counts: dict[int, tuple[int, int]] = {}
        self._current = 1
        self._height_key: tuple[int, str, str] | None = None
        self._height = 0
        self._longest_key: tuple[str, str] | None = None
        self._longest = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("SDG tiles"))
        self._update_tooltip()
        self.updateGeometry()
        self.update()

    def set_counts(self, counts: dict[int, tuple[int, int]]) -> None:
        """Risks and opportunities recorded per SDG."""
        self._counts = dict(counts)
        self._update_tooltip()
        self.update()

    def set_current(self, sdg: int) -> None:
        self._current = sdg
        self.update()

    def _columns(self) -> int:
        """As many columns as keep every name's longest word at the tile's normal name size."""
        for columns in COLUMN_CHOICES:
            if (self.width() - (columns - 1) * GAP) // columns >= self._narrowest_tile():
                return columns
        return COLUMN_CHOICES[-1]

    def _narrowest_tile(self) -> int:
        return max(self.fontMetrics().height() * 5, self._longest_word_width() + 2 * PADDING_X)

    def _longest_word_width(self) -> int:
        key = (self.font().key(), current_language())
        if key != self._longest_key:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * NAME_SCALE)
            metrics = QFontMetrics(font)
            language = current_language()
            words = (word for sdg in self._reference.sdgs for word in sdg.name(language).split())
            self._longest = max(metrics.horizontalAdvance(word) for word in words)
            self._longest_key = key
        return self._longest

    def _tile_width(self, columns: int) -> int:
        return max(self._narrowest_tile(), (self.width() - (columns - 1) * GAP) // columns)

    def _tile_size(self) -> QSize:
        width = self._tile_width(self._columns())
        return QSize(width, self._tile_height(width))

    def _tile_height(self, width: int) -> int:
        """Tall enough for the number line and every SDG's wrapped name, so that a large font or
        a long translation never cuts a name off."""
        key = (width, self.font().key(), current_language())
        if key != self._height_key:
            base = QFont(self.font())
            inner_width = width - 2 * PADDING_X
            language = current_language()
            tallest = 0
            for sdg in self._reference.sdgs:
                name = sdg.name(language)
                metrics = QFontMetrics(self._name_font(base, name, inner_width))
                bounds = metrics.boundingRect(
                    0,
                    0,
                    inner_width,
                    10_000,
                    int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
                    name,
                )
                tallest = max(tallest, bounds.height())
            self._height_key = key
            self._height = max(
                self.fontMetrics().height() * 3, self.fontMetrics().height() + tallest + 2 * PADDING_Y
            )
        return self._height

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        tile = self._tile_size()
        columns = self._columns()
        rows = -(-len(self._reference.sdgs) // columns)
        return QSize(columns * (tile.width() + GAP), rows * (tile.height() + GAP) - GAP)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.sizeHint().height() != self.height():
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        columns = COLUMN_CHOICES[-1]
        return QSize(columns * (self._narrowest_tile() + GAP) - GAP, self.sizeHint().height())

    def _rect(self, number: int) -> QRectF:
        tile = self._tile_size()
        row, column = divmod(number - 1, self._columns())
        return QRectF(
            column * (tile.width() + GAP), row * (tile.height() + GAP), tile.width(), tile.height()
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        language = current_language()
        base = QFont(self.font())
        for sdg in self._reference.sdgs:
            rect = self._rect(sdg.number)
            risks, opportunities = self._counts.get(sdg.number, (0, 0))
            fill = QColor(sdg.colour)
            if not risks + opportunities:
                fill.setAlpha(FADED_ALPHA)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 4, 4)
            if sdg.number == self._current:
                painter.setPen(QPen(QColor("#1A1A1A"), 3 if self.hasFocus() else 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
            text = QColor(sdg.text_colour) if risks + opportunities else QColor("#1A1A1A")
            painter.setPen(text)
            bold = QFont(base)
            bold.setBold(True)
            painter.setFont(bold)
            inner = rect.adjusted(PADDING_X, PADDING_Y, -PADDING_X, -PADDING_Y)
            painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(sdg.number))
            if risks + opportunities:
                painter.drawText(
                    inner,
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    f"{risks}\u2009/\u2009{opportunities}",
                )
            painter.setFont(self._name_font(base, sdg.name(language), inner.width()))
            name_area = inner.adjusted(0, self.fontMetrics().height(), 0, 0)
            painter.drawText(
                name_area, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, sdg.name(language)
            )
        painter.end()

    @staticmethod
    def _name_font(base: QFont, name: str, width: float) -> QFont:
        """Smaller than the base font, and small enough that the longest word fits the tile."""
        font = QFont(base)
        size = base.pointSizeF() * NAME_SCALE
        longest = max(name.split(), key=len)
        while size > 6.0:
            font.setPointSizeF(size)
            if QFontMetrics(font).horizontalAdvance(longest) <= width:
                break
            size -= 0.5
        return font

    def _sdg_at(self, x: float, y: float) -> int | None:
        return next((s.number for s in self._reference.sdgs if self._rect(s.number).contains(x, y)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        sdg = self._sdg_at(event.position().x(), event.position().y())
        if sdg is not None:
            self.set_current(sdg)
            self.sdg_chosen.emit(sdg)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        moves = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -self._columns(),
            Qt.Key.Key_Down: self._columns(),
        }
        key = Qt.Key(event.key())
        if key in moves:
            self.set_current(min(17, max(1, self._current + moves[key])))
            self._update_tooltip()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.sdg_chosen.emit(self._current)
        else:
            super().keyPressEvent(event)

    def _update_tooltip(self) -> None:
        lines = []
        language = current_language()
        for sdg in self._reference.sdgs:
            risks, opportunities = self._counts.get(sdg.number, (0, 0))
            if risks + opportunities:
                lines.append(
                    _("SDG {sdg} {name}: risks {risks}, opportunities {opportunities}").format(
                        sdg=sdg.number, name=sdg.name(language), risks=risks, opportunities=opportunities
                    )
                )
        self.setToolTip("\n".join(lines) or _("No SDG inventoried yet."))
        self.setAccessibleDescription(self.toolTip())
