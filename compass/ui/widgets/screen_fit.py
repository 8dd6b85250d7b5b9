"""A window sized in text lines and characters, never past the screen it opens on.

Dialogs ask for room in lines of text so they grow with a large font; at 200 % on a 768-pixel laptop
28 lines were taller than the screen, and the catalogue picker's buttons ended below its edge."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

SHARE = 0.9  # of the screen's free area at most, so the window manager's frame fits around it


def resize_in_text(window: QWidget, characters: int, lines: int) -> None:
    """``characters`` wide and ``lines`` tall in the window's font, within the screen's free area."""
    metrics = window.fontMetrics()
    width, height = metrics.horizontalAdvance("M") * characters, metrics.height() * lines
    anchor = window.parentWidget() or window
    screen = anchor.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * SHARE))
        height = min(height, int(available.height() * SHARE))
    window.resize(width, height)
