"""The 17 SDGs as coloured tiles (our own drawing: number, short name, official colour) with the
number of risks and opportunities recorded; inventoried SDGs stand out, the others are faded.
Clicking a tile (or Enter on it) chooses that SDG."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from compass.i18n import _, current_language
from compass.knowledge import ReferenceData

COLUMNS = 9
FADED_ALPHA = 70


class SdgTiles(QWidget):
    sdg_chosen = Signal(int)

    def __init__(self, reference: ReferenceData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = reference
        self._counts: dict[int, tuple[int, int]] = {}
        self._current = 1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("SDG tiles"))
        self._update_tooltip()
        self.update()

    def set_counts(self, counts: dict[int, tuple[int, int]]) -> None:
        """Risks and opportunities recorded per SDG."""
        self._counts = dict(counts)
        self._update_tooltip()
        self.update()

    def set_current(self, sdg: int) -> None:
        self._current = sdg
        self.update()

    def _tile_size(self) -> QSize:
        height = self.fontMetrics().height()
        width = max(height * 5, (self.width() - (COLUMNS - 1) * 4) // COLUMNS)
        return QSize(width, height * 4)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        tile = self._tile_size()
        return QSize(COLUMNS * (tile.width() + 4), 2 * tile.height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def _rect(self, number: int) -> QRectF:
        tile = self._tile_size()
        row, column = divmod(number - 1, COLUMNS)
        return QRectF(column * (tile.width() + 4), row * (tile.height() + 4), tile.width(), tile.height())

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
            inner = rect.adjusted(5, 3, -5, -3)
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
        size = base.pointSizeF() * 0.8
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
            Qt.Key.Key_Up: -COLUMNS,
            Qt.Key.Key_Down: COLUMNS,
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
