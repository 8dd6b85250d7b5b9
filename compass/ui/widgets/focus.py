"""Tab order for widgets made after their page: Qt appends a new widget to the end of the window's
focus chain (after Back and Next), so rows and boxes built when a session loads would be reached
last, or look unreachable. These put them where they appear on the page."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def focusable_in(container: QWidget) -> list[QWidget]:
    """The container's own focusable descendants in their focus-chain order."""
    found: list[QWidget] = []
    widget = container.nextInFocusChain()
    seen = 0
    while widget is not None and widget is not container and seen < 10_000:
        seen += 1
        if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def chain_after(anchor: QWidget, widgets: Iterable[QWidget]) -> QWidget:
    """Puts ``widgets`` right after ``anchor`` in the tab order, in the given order; returns the
    last one (or the anchor) so that chains can be continued."""
    previous = anchor
    for widget in widgets:
        QWidget.setTabOrder(previous, widget)
        previous = widget
    return previous


def takes_tab(widget: QWidget) -> bool:
    tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    return tabbable and widget.isVisible() and widget.isEnabled()


def focus_out_of(container: QWidget, current: QWidget, forward: bool) -> bool:
    """Tab (or Shift+Tab) from ``current`` to the nearest widget outside ``container`` in the window's
    focus chain; False when the chain does not lead out."""
    widget = current.nextInFocusChain() if forward else current.previousInFocusChain()
    for _step in range(10_000):
        if widget is None or widget is current:
            return False
        if not container.isAncestorOf(widget) and widget is not container and takes_tab(widget):
            reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            widget.setFocus(reason)
            return True
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()
    return False
