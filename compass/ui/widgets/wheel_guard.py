"""The mouse wheel scrolls the page, never a value the user is not working on.

Qt gives the wheel to any combo or spin box under the pointer, focused or not: scrolling step 3 changed
ambition levels and saved them. This application-wide filter hands a wheel event over an unfocused
combo or spin box to the scroll area around it instead; with focus (clicked or tabbed into), the wheel
still steps the value as Qt users expect.

A real wheel event first gives focus to a widget whose focus policy includes the wheel (combo and spin
boxes have ``Qt.WheelFocus``), before any event filter sees it: the box then "has focus" and the
value changed after all (found with real X input; events sent to the widget skip that path). So each
such box loses the wheel from its focus policy when it is polished: it takes focus by click and Tab.
(The same moment gives lists not sized on purpose a width that fits a laptop at 200 %.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

from compass.ui.widgets.app_filters import install_once
from compass.ui.widgets.choices import size_to_short_text


def _value_widget(watched: QObject) -> QWidget | None:
    """The combo or spin box the event is for: the widget itself or its editor's parent."""
    for candidate in (watched, watched.parent()):
        if isinstance(candidate, QComboBox | QAbstractSpinBox):
            return candidate
    return None


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QEvent.Type.Polish:
            _without_wheel_focus(watched)
            return False
        if kind != QEvent.Type.Wheel:
            return False
        widget = _value_widget(watched)
        if widget is None or widget.hasFocus():
            return False
        proxy = widget.focusProxy()
        if proxy is not None and proxy.hasFocus():
            return False
        area = widget.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:
            viewport = area.viewport()
            if viewport is not None:
                QApplication.sendEvent(viewport, event)
        return True  # the value stays as it is


def _without_wheel_focus(watched: QObject) -> None:
    if isinstance(watched, QComboBox | QAbstractSpinBox):
        policy = watched.focusPolicy()
        if policy == Qt.FocusPolicy.WheelFocus:
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if (
        isinstance(watched, QComboBox)
        and watched.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow
    ):
        # Qt's default sizes a list to its longest entry: at 200 % on a laptop one long profile
        # name made the facts page scroll sideways. A list not sized on purpose (``size_to_short_text``)
        # asks for 16 characters and grows with its form; the open list shows entries in full.
        size_to_short_text(watched, 16)


def install_wheel_guard() -> None:
    """Once per application, for every window and dialog it shows."""
    if install_once(WheelGuard, (QEvent.Type.Polish, QEvent.Type.Wheel)):
        for widget in QApplication.allWidgets():  # those polished before the guard was there
            _without_wheel_focus(widget)
