"""A focus ring that cannot be mistaken for the default button.

Fusion (and the Windows styles) mark the focused button with a thin highlight-coloured outline and
the default button with a darker outline; at a glance, and at large text, the two look alike, so a
keyboard user could not tell where Space would act. This style keeps the platform's look and draws a
thick ring in a colour used nowhere else around whichever button, check box, radio button, text
field, list or number box has the focus. The default button keeps only its platform mark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QTabBar,
    QTextEdit,
    QWidget,
)

from compass.ui.style import FOCUS_COLOUR

FOCUS_RING = QColor(FOCUS_COLOUR)
RING_WIDTH = 2

_RINGED_COMPLEX = {
    QStyle.ComplexControl.CC_ToolButton,
    QStyle.ComplexControl.CC_ComboBox,
    QStyle.ComplexControl.CC_SpinBox,
}
_RINGED_CONTROLS = {
    QStyle.ControlElement.CE_TabBarTab,  # the focused tab (step 3's SDGs, the profile's tabs)
    QStyle.ControlElement.CE_PushButton,
    QStyle.ControlElement.CE_CheckBox,
    QStyle.ControlElement.CE_RadioButton,
}


class FocusRingStyle(QProxyStyle):
    def drawControl(  # noqa: N802 - Qt override
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element in _RINGED_CONTROLS and option.state & QStyle.StateFlag.State_HasFocus:
            _draw_ring(painter, option)
        elif (
            element == QStyle.ControlElement.CE_ShapedFrame
            and isinstance(widget, QPlainTextEdit | QTextEdit)
            and widget.hasFocus()
        ):
            # A multi-line field's frame, or a text the arrows scroll (the keyboard shortcuts): Fusion
            # marks their focus not at all (seen in a walk).
            _draw_ring(painter, option)
        elif (
            element == QStyle.ControlElement.CE_ShapedFrame
            and isinstance(widget, QAbstractItemView)
            and widget.hasFocus()
            and not widget.currentIndex().isValid()
        ):
            # A focused list or table with no current row (empty, or nothing chosen yet) has no cell
            # to ring: its frame carries the ring instead.
            _draw_ring(painter, option)

    def drawComplexControl(  # noqa: N802 - Qt override
        self, control, option, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_COMPLEX and option.state & QStyle.StateFlag.State_HasFocus:
            _draw_ring(painter, option)

    def drawPrimitive(  # noqa: N802 - Qt override
        self, element, option, painter: QPainter, widget: QWidget | None = None
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameFocusRect and isinstance(
            widget, QAbstractItemView | QTabBar
        ):
            # The focused cell of a table or list, the focused tab: Fusion's dotted pale outline was
            # hard to find.
            _draw_ring(painter, option)
            return
        super().drawPrimitive(element, option, painter, widget)
        # A text field's own focus mark is a one-pixel tint; the ring shows where typing goes.
        if (
            element == QStyle.PrimitiveElement.PE_PanelLineEdit
            and option.state & QStyle.StateFlag.State_HasFocus
            and not (widget is not None and isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox))
        ):
            _draw_ring(painter, option)


def _draw_ring(painter: QPainter, option: QStyleOption) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(FOCUS_RING, RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = RING_WIDTH / 2
    painter.drawRoundedRect(option.rect.toRectF().adjusted(inset, inset, -inset, -inset), 3, 3)
    painter.restore()


def use_focus_ring(app) -> None:
    """Wraps the application's current style (Fusion, Windows, macOS) in the focus ring."""
    if isinstance(app.style(), FocusRingStyle):
        return
    app.setStyle(FocusRingStyle(app.style().name()))
