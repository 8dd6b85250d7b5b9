"""Where the keyboard is must be visible and must not look like the default button (issue 13)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QPushButton

from compass.ui.focus_ring import FOCUS_RING, FocusRingStyle


def _ring_pixels(image: QImage) -> int:
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = QColor(image.pixel(x, y))
            if (
                abs(colour.red() - FOCUS_RING.red()) < 40
                and abs(colour.green() - FOCUS_RING.green()) < 40
                and abs(colour.blue() - FOCUS_RING.blue()) < 40
            ):
                found += 1
    return found


def test_the_focused_button_has_a_ring_the_default_button_does_not(qtbot) -> None:
    style = FocusRingStyle("Fusion")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    row = QHBoxLayout(dialog)
    default_button = QPushButton("Next")
    default_button.setDefault(True)
    other = QPushButton("Cancel")
    check = QCheckBox("Include")
    for widget in (default_button, other, check):
        widget.setStyle(style)
        row.addWidget(widget)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    assert _ring_pixels(other.grab().toImage()) > 20
    assert _ring_pixels(default_button.grab().toImage()) == 0

    check.setFocus()
    qtbot.waitUntil(check.hasFocus)
    assert _ring_pixels(check.grab().toImage()) > 20
    assert _ring_pixels(other.grab().toImage()) == 0


def test_the_app_wraps_its_style_in_the_focus_ring_once(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from compass.ui.focus_ring import use_focus_ring

    app = QApplication.instance()
    before = app.style().name()
    try:
        use_focus_ring(app)
        use_focus_ring(app)
        assert isinstance(app.style(), FocusRingStyle)
    finally:
        app.setStyle(before)


def test_a_focused_text_field_list_and_number_box_carry_the_ring_too(qtbot) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

    style = FocusRingStyle("Fusion")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    row = QHBoxLayout(dialog)
    fields = [QLineEdit("text"), QComboBox(), QSpinBox()]
    fields[1].addItems(["one", "two"])
    for field in fields:
        field.setStyle(style)
        row.addWidget(field)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for field in fields:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        assert _ring_pixels(field.grab().toImage()) > 20, type(field).__name__
        others = [f for f in fields if f is not field]
        assert all(_ring_pixels(f.grab().toImage()) == 0 for f in others)
