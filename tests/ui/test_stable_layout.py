"""A problem message of one line appearing under a field never moves a button in the field's row: a
walker clicked Add, a warning appeared, and the button had moved from under the pointer (so had the
next click). Fields in a row with buttons keep a line for their message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from compass.i18n import set_language
from compass.method.steps import STEPS
from compass.ui.widgets.field import FieldWithMessage


def _settle() -> None:
    """Layouts settle over several rounds of posted events (a grid, then its scroll area)."""
    for _round in range(4):
        QApplication.processEvents()


def _row_buttons(field: FieldWithMessage, page: QWidget) -> list[QAbstractButton]:
    """Visible buttons beside the field: their height overlaps the field's editor."""
    top = field.editor.mapTo(page, QPoint(0, 0)).y()
    bottom = top + field.editor.height()
    found = []
    for button in page.findChildren(QAbstractButton):
        if not button.isVisibleTo(page) or field.isAncestorOf(button):
            continue
        y = button.mapTo(page, QPoint(0, 0)).y()
        if y < bottom and y + button.height() > top:
            found.append(button)
    return found


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.value)
def test_a_message_under_a_field_leaves_the_buttons_of_its_row_in_place(example_window, step) -> None:
    set_language("en")
    wizard = example_window.wizard
    wizard.go_to(step)
    page = wizard.pages[step]
    _settle()
    moved = []
    for field in page.findChildren(FieldWithMessage):
        if not field.isVisibleTo(page) or field.problem_text():
            continue
        buttons = _row_buttons(field, page)
        before = [button.mapTo(page, QPoint(0, 0)) for button in buttons]
        field.show_problem("Enter a number.")
        _settle()
        after = [button.mapTo(page, QPoint(0, 0)) for button in buttons]
        moved += [
            f"{b.text()!r} {p0.y()}->{p1.y()} beside {field.editor.accessibleName()!r}"
            for b, p0, p1 in zip(buttons, before, after, strict=True)
            if p0 != p1
        ]
        field.show_problem(None)
        _settle()
    assert not moved, f"{step.value}: {moved}"


def test_on_a_narrow_page_the_facts_labels_go_above_their_fields(example_window) -> None:
    """At 200 % on a laptop the labels took the page's width and every fact's field was squeezed to a
    few characters (a date field showed "Venlo" of "Gemeente Venlo"). Narrow: labels above the fields,
    which take the width; wide: one label column beside them."""
    from compass.method.steps import Step
    from compass.ui.pages.facts import FIELD_ROOM_CHARACTERS

    wizard = example_window.wizard
    wizard.go_to(Step.FACTS)
    page = wizard.pages[Step.FACTS]
    room = page.fontMetrics().horizontalAdvance("M") * FIELD_ROOM_CHARACTERS
    example_window.resize(1600, 800)
    _settle()
    assert not page.labels_above_fields()
    example_window.resize(560, 800)
    _settle()
    assert page.labels_above_fields()
    location = page.editor("location")
    assert location.width() >= room * 0.9, (location.width(), room)
