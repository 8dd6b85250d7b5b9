"""The step indicator: every step with its number, name and whether it is complete; click to go."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from compass.i18n import _, current_language
from compass.method.steps import STEPS, Step

ACCENT = QColor("#19486A")  # SDG 17's blue: the compass is about partnership
DONE = QColor("#3F7E44")
OPEN = QColor("#8A8F98")


def _badge(text: str, fill: QColor | None, outline: QColor, size: int = 28) -> QIcon:
    """A round badge with a number or a tick: drawn, so it scales and needs no image files."""
    ratio = 2
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(outline, 2))
    painter.setBrush(fill if fill is not None else Qt.GlobalColor.transparent)
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.46))
    painter.setFont(font)
    painter.setPen(QColor("white") if fill is not None else outline)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


class StepList(QListWidget):
    step_chosen = Signal(object)  # Step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        badge = round(self.fontMetrics().height() * 1.9)  # grows with the user's font size
        self.setIconSize(QSize(badge, badge))
        self.setSpacing(2)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._complete: dict[Step, bool] = dict.fromkeys(STEPS, False)
        for step in STEPS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, step)
            self.addItem(item)
        self.currentRowChanged.connect(self._on_current_row_changed)
        self.retranslate_ui()

    def _on_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(STEPS):
            self.step_chosen.emit(STEPS[row])
            self._refresh_icons()

    def set_current_step(self, step: Step) -> None:
        self.blockSignals(True)
        self.setCurrentRow(STEPS.index(step))
        self.blockSignals(False)
        self._refresh_icons()

    def set_complete(self, complete: dict[Step, bool]) -> None:
        self._complete = dict(complete)
        self._refresh_icons()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Steps"))
        language = current_language()
        for row, step in enumerate(STEPS):
            item = self.item(row)
            number = step.number()
            heading = f"{number}  {step.title_in(language)}" if number else step.title_in(language)
            item.setText(f"{heading}\n{step.subtitle_in(language)}")
            state = _("complete") if self._complete.get(step) else _("to do")
            item.setToolTip(f"{step.title_in(language)} \u2013 {step.subtitle_in(language)} ({state})")

    def _refresh_icons(self) -> None:
        current = self.currentRow()
        for row, step in enumerate(STEPS):
            number = step.number()
            label = str(number) if number else ("\u2139" if step is Step.FACTS else "\u2211")
            size = self.iconSize().width()
            if row == current:
                icon = _badge(label, ACCENT, ACCENT, size)
            elif self._complete.get(step) and step is not Step.SUMMARY:
                icon = _badge("\u2713", DONE, DONE, size)
            else:
                icon = _badge(label, None, OPEN, size)
            self.item(row).setIcon(icon)
