"""Where the keyboard is must be visible and must not look like the default button (issue 13)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QPushButton

from compass.ui.focus_ring import FOCUS_RING, FocusRingStyle
from tests.ui.keyboard_checks import ring_pixels


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
    assert ring_pixels(other.grab().toImage()) > 20
    assert ring_pixels(default_button.grab().toImage()) == 0

    check.setFocus()
    qtbot.waitUntil(check.hasFocus)
    assert ring_pixels(check.grab().toImage()) > 20
    assert ring_pixels(other.grab().toImage()) == 0


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
        assert ring_pixels(field.grab().toImage()) > 20, type(field).__name__
        others = [f for f in fields if f is not field]
        assert all(ring_pixels(f.grab().toImage()) == 0 for f in others)


def test_a_focused_multi_line_field_and_table_cell_carry_the_ring(qtbot) -> None:
    """Seen in a walk: the focus was invisible on multi-line fields and pale in table cells."""
    from PySide6.QtWidgets import QPlainTextEdit, QTableWidget, QTableWidgetItem

    style = FocusRingStyle("Fusion")
    dialog = QDialog()
    qtbot.addWidget(dialog)
    row = QHBoxLayout(dialog)
    notes = QPlainTextEdit("Scope of the tender")
    table = QTableWidget(2, 2)
    for r in range(2):
        for c in range(2):
            table.setItem(r, c, QTableWidgetItem(f"{r}{c}"))
    table.setCurrentCell(1, 1)
    before = QPlainTextEdit("")
    for field in (notes, table, before):
        field.setStyle(style)
        row.addWidget(field)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for field in (notes, table):
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        assert ring_pixels(field.grab().toImage()) > 20, type(field).__name__
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    assert ring_pixels(notes.grab().toImage()) == 0 and ring_pixels(table.grab().toImage()) == 0


def test_the_ring_colour_stands_out_3_to_1_against_the_surfaces_it_is_drawn_on() -> None:
    """WCAG 1.4.11: a focus indicator needs 3:1 against what is next to it."""

    def luminance(colour: QColor) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.red())
            + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue())
        )

    def contrast(a: QColor, b: QColor) -> float:
        high, low = sorted((luminance(a), luminance(b)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    from PySide6.QtWidgets import QApplication

    palette = QApplication.palette() if QApplication.instance() else None
    surfaces = [QColor("white"), QColor("#F4F6F8"), QColor("#E8EEF4")]  # page, alternate row, step list
    if palette is not None:
        surfaces += [palette.base().color(), palette.window().color(), palette.alternateBase().color()]
    assert all(contrast(FOCUS_RING, surface) >= 3 for surface in surfaces), [
        (surface.name(), round(contrast(FOCUS_RING, surface), 2)) for surface in surfaces
    ]


def test_the_focused_step_in_the_step_list_carries_the_ring(qtbot) -> None:
    """Seen in a walk: the chosen step was marked only by a pale background (1.4:1), with or without
    the focus."""
    from PySide6.QtWidgets import QListWidget, QPlainTextEdit, QVBoxLayout

    from compass.ui.style import style_sheet

    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(style_sheet(9))
    column = QVBoxLayout(dialog)
    steps = QListWidget()
    steps.setObjectName("stepList")
    steps.addItems(["Project facts", "1 Insight", "2 Prioritise"])
    steps.setCurrentRow(1)
    elsewhere = QPlainTextEdit()
    column.addWidget(steps)
    column.addWidget(elsewhere)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    steps.setFocus()
    qtbot.waitUntil(steps.hasFocus)
    assert ring_pixels(steps.grab().toImage()) > 20
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    assert ring_pixels(steps.grab().toImage()) == 0
