"""Every page works from the keyboard: Tab reaches each control of the page once, in the order the
page shows them; every control tells a screen reader what it is, and every field explains itself
in a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

from compass.i18n import set_language
from compass.method.steps import STEPS
from tests.ui.keyboard_checks import tab_controls

# Widgets that use Tab themselves before passing it on: a date edit moves through its sections,
# a text browser through its links.
MAX_TABS_IN_ONE_WIDGET = 30


def _press_tab(widget: QWidget) -> None:
    QApplication.sendEvent(
        widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)
    )
    QApplication.processEvents()


def _tab_through(page: QWidget) -> list[QWidget]:
    # Rows rebuilt for the new language replace their controls with deleteLater, as the event loop
    # would have done by now.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    page.setFocus()
    QApplication.processEvents()
    visited: list[QWidget] = []
    current = QApplication.focusWidget()
    while current is not None and page.isAncestorOf(current) and current not in visited:
        visited.append(current)
        for _attempt in range(MAX_TABS_IN_ONE_WIDGET):
            _press_tab(current)
            if QApplication.focusWidget() is not current:
                break
        else:
            pytest.fail(f"Tab is trapped in {type(current).__name__} {current.accessibleName()!r}")
        current = QApplication.focusWidget()
    return visited


def _name(widget: QWidget, page: QWidget) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.text()
    labels = [label.text() for label in page.findChildren(QLabel) if label.buddy() is widget]
    return labels[0] if labels else ""


@pytest.mark.parametrize("language", ["nl", "en"])
def test_tab_reaches_every_control_of_every_page_in_layout_order(qtbot, example_window, language) -> None:
    set_language(language)
    example_window.retranslate_ui()
    wizard = example_window.wizard
    for step in STEPS:
        wizard.go_to(step)
        page = wizard.pages[step]
        QApplication.processEvents()
        visited = _tab_through(page)
        missing = [f"{type(w).__name__} {_name(w, page)!r}" for w in tab_controls(page) if w not in visited]
        assert not missing, f"{step.value}: Tab never reaches {missing}"
        for area in page.findChildren(QScrollArea):  # compare places on the page, not on screen
            area.verticalScrollBar().setValue(0)
        places = [w.mapTo(page, QPoint(0, 0)) for w in visited]
        for before, after, widget in zip(places, places[1:], visited[1:], strict=False):
            assert after.y() >= before.y() - 4, (
                f"{step.value}: Tab jumps up to {type(widget).__name__} {_name(widget, page)!r}"
            )
        unnamed = [type(w).__name__ for w in tab_controls(page) if not _name(w, page).strip()]
        assert not unnamed, f"{step.value}: controls without an accessible name: {unnamed}"
        unexplained = [
            _name(w, page)
            for w in tab_controls(page)
            if isinstance(w, QComboBox | QAbstractSpinBox | QLineEdit) and not w.toolTip()
        ]
        assert not unexplained, f"{step.value}: fields without a tooltip: {unexplained}"
    set_language("en")


def test_choices_explain_the_methods_words_from_the_reference_data(qtbot, example_window) -> None:
    from compass.core.session import AmbitionLevel, CriterionType, Procedure
    from compass.method.steps import Step

    reference = example_window.services.reference
    wizard = example_window.wizard
    box = next(iter(wizard.pages[Step.AMBITION].boxes.values()))
    innovation = box.level.findData(AmbitionLevel.AMBITIOUS.value)
    expected = next(t for t in reference.ambition_levels if t.id == "3").description("en")
    assert box.level.itemData(innovation, Qt.ItemDataRole.ToolTipRole) == expected
    box.new_type.set_current(CriterionType.CONTRACT_CONDITION)
    assert box.new_type.toolTip() == next(
        t for t in reference.criterion_types if t.id == "contract_condition"
    ).description("en")
    procedure = wizard.pages[Step.FACTS]._editors["procedure"]
    procedure.setCurrentIndex(procedure.findData(Procedure.SINGLE_QUOTE.value))
    assert procedure.toolTip() == reference.procedure_rules(Procedure.SINGLE_QUOTE).description("en")


def test_ctrl_page_down_and_up_move_between_steps(qtbot, example_window) -> None:
    from compass.method.steps import Step

    wizard = example_window.wizard
    wizard.go_to(Step.INVENTORY)
    wizard.pages[Step.INVENTORY].description.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_step is Step.PRIORITIES
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_step is Step.FACTS
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_step is Step.FACTS  # nothing before the first step


def _mnemonic(text: str) -> str | None:
    import re

    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_mnemonic_on_a_page_is_its_own(qtbot, example_window, language) -> None:
    """Alt+letter reaches one thing: the menus, Back/Next and the page's own fields never share a
    letter (repeated boxes with the same label, as step 3's SDG boxes, cycle as Qt does)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    set_language(language)
    example_window.retranslate_ui()
    window = example_window
    menus = [m.title() for m in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu)]
    wizard = window.wizard
    nav = [wizard.back_button.text(), wizard.next_button.text()]
    for step in STEPS:
        wizard.go_to(step)
        QApplication.processEvents()
        page = wizard.pages[step]
        texts = {
            widget.text()
            for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton)
            if widget.isVisibleTo(page) and _mnemonic(widget.text())
        }
        letters: dict[str, list[str]] = {}
        for text in [*menus, *nav, *texts]:
            letters.setdefault(_mnemonic(text), []).append(text)
        shared = {letter: found for letter, found in letters.items() if letter and len(found) > 1}
        assert not shared, f"{language} {step.value}: {shared}"
    window.pages.setCurrentWidget(window.start_screen)
    buttons = [b.text() for b in window.start_screen.findChildren(QAbstractButton) if _mnemonic(b.text())]
    letters = [_mnemonic(text) for text in [*menus, *buttons]]
    assert len(letters) == len(set(letters)), f"{language} start screen: {[*menus, *buttons]}"
    set_language("en")


def test_a_mnemonic_into_a_field_below_the_fold_scrolls_it_into_view(qtbot, example_window) -> None:
    from PySide6.QtWidgets import QScrollArea

    from compass.method.steps import Step

    set_language("en")
    example_window.retranslate_ui()
    example_window.resize(1000, 420)  # the facts page no longer fits: the team fields are below
    wizard = example_window.wizard
    wizard.go_to(Step.FACTS)
    page = wizard.pages[Step.FACTS]
    area = page.findChild(QScrollArea)
    area.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    title = page.editor("title")
    title.setFocus()
    budget = page.editor("budget_holder")
    assert budget.visibleRegion().isEmpty()  # out of sight at the start
    budget.setFocus()  # as Alt+letter or a link to an open issue does
    QApplication.processEvents()
    assert not budget.visibleRegion().isEmpty()
    assert area.verticalScrollBar().value() > 0


def test_alt_letter_reaches_a_field_that_carries_a_message_box(qtbot) -> None:
    """A dialog row whose field sits in a box for its problem message: the mnemonic must reach the
    editor inside, not the box (which takes no focus, so Alt+letter did nothing)."""
    from compass.core.session import EntryKind, EntrySource, InventoryEntry
    from compass.reference.loading import load_reference_data
    from compass.ui.inventory_entry_dialog import InventoryEntryDialog

    set_language("nl")
    try:
        entry = InventoryEntry(1, 8, EntryKind.RISK, EntrySource.MATERIALS, "Ketenrisico's")
        dialog = InventoryEntryDialog(entry, load_reference_data())
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.description)
        qtbot.keyClick(
            dialog.description, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier
        )  # "Raakt ook S&DG"
        assert QApplication.focusWidget() is dialog.also
        qtbot.keyClick(dialog.also, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # "Omschr&ijving"
        assert QApplication.focusWidget() is dialog.description
    finally:
        set_language("en")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_mnemonic_in_a_workshop_tab_is_its_own(qtbot, example_window, language) -> None:
    """Found under Xvfb: 'S&DG' and 'Ingebracht &door' shared Alt+D in the ideas tab."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

    set_language(language)
    example_window.retranslate_ui()
    example_window.workshop.open_window()
    facilitator = example_window.workshop.window
    dialogue_tabs = [facilitator.dialogue_bar.tabText(i) for i in range(facilitator.dialogue_bar.count())]
    for panel in facilitator.panels:
        facilitator.tabs.setCurrentWidget(panel)
        QApplication.processEvents()
        texts = {
            widget.text()
            for widget in panel.findChildren(QLabel) + panel.findChildren(QAbstractButton)
            if widget.isVisibleTo(panel) and _mnemonic(widget.text()) and not isinstance(widget, QTabBar)
        }
        letters: dict[str, list[str]] = {}
        for text in [*dialogue_tabs, *texts]:
            letters.setdefault(_mnemonic(text), []).append(text)
        shared = {letter: found for letter, found in letters.items() if letter and len(found) > 1}
        assert not shared, f"{language} {type(panel).__name__}: {shared}"
    facilitator.close()
    set_language("en")


@pytest.mark.parametrize("field", ["location", "scope"])
def test_an_alt_letter_that_is_no_mnemonic_types_nothing(qtbot, example_window, field) -> None:
    """Seen with real keys: Alt+I in a field where no mnemonic has an I typed "i" ("per yeari0")."""
    import string

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from compass.method.steps import Step
    from compass.ui.main_window import install_app_behaviour

    install_app_behaviour()
    set_language("en")
    example_window.retranslate_ui()
    wizard = example_window.wizard
    wizard.go_to(Step.FACTS)
    page = wizard.pages[Step.FACTS]
    window_texts = [
        w.text() for w in example_window.findChildren(QLabel) + example_window.findChildren(QAbstractButton)
    ]
    menus = [m.title() for m in (example_window.file_menu, example_window.edit_menu)]
    menus += [m.title() for m in (example_window.view_menu, example_window.help_menu)]
    used = {_mnemonic(text) for text in window_texts + menus}
    free = next(letter for letter in string.ascii_lowercase if letter not in used)
    editor = page.editor(field)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    before = _text_of(editor)
    qtbot.keyClick(editor, getattr(Qt.Key, f"Key_{free.upper()}"), Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    assert _text_of(editor) == before
    assert editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_X)  # a plain letter still types
    assert _text_of(editor) != before


def _text_of(editor) -> str:
    return editor.toPlainText() if hasattr(editor, "toPlainText") else editor.text()


def test_shift_f1_explains_the_focused_field(qtbot, example_window) -> None:
    """Seen in a walk: the explanations were tooltips only the mouse reached; Shift+F1 showed nothing."""
    from PySide6.QtWidgets import QToolTip

    from compass.method.steps import Step

    window = example_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.wizard.go_to(Step.FACTS)
    editor = window.wizard.pages[Step.FACTS].editor("procedure")
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    assert editor.toolTip()
    assert window.explain_action in window.help_menu.actions()
    qtbot.keyClick(editor, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == editor.toolTip()
    QToolTip.hideText()


def test_a_loaded_choice_is_explained_by_its_own_words(qtbot, example_window) -> None:
    """Seen with Shift+F1: the procedure list showed "Openbaar Europees" with the explanation of a single
    quote, because loading the session set the choice with the list's signals blocked."""
    from compass.core.session import Procedure
    from compass.i18n import current_language
    from compass.method.steps import Step

    page = example_window.wizard.pages[Step.FACTS]
    procedure = (
        example_window.wizard.snapshot.facts.procedure
        if hasattr(example_window.wizard, "snapshot")
        else None
    )
    procedure = procedure or page.snapshot.facts.procedure
    assert procedure is not Procedure.SINGLE_QUOTE
    rules = example_window.services.reference.procedure_rules(procedure)
    assert page.editor("procedure").toolTip() == rules.description(current_language())


def test_tab_walks_the_start_screen_as_it_shows_and_leaves_the_list(qtbot, example_window) -> None:
    """Search, the list, then the buttons left to right, and round again: Tab in the list used to move
    from cell to cell and never reach the buttons."""
    window = example_window
    window.show_sessions()
    start = window.start_screen
    start.table.selectRow(0)
    start.search.setFocus()
    QApplication.processEvents()
    visited = [QApplication.focusWidget()]
    for _press in range(8):
        _press_tab(QApplication.focusWidget())
        visited.append(QApplication.focusWidget())
    buttons = [start.new_button, start.open_button, start.example_button]
    buttons += [start.duplicate_button, start.rename_button, start.delete_button]
    assert visited == [start.search, start.table, *buttons, start.search]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_alt_letter_reaches_every_project_fact(qtbot, example_window, language) -> None:
    """The facts page's fields have their own Alt+letters, and each puts the cursor in its field (the
    page had one mnemonic for its 18 fields). With the menus and Back and Next there are not letters
    enough for all: a field goes without only when no letter of its label is free."""
    from PySide6.QtTest import QTest

    from compass.method.steps import Step
    from compass.ui.widgets.mnemonics import letters_in_use, mnemonic_of

    set_language(language)
    example_window.retranslate_ui()
    wizard = example_window.wizard
    wizard.go_to(Step.FACTS)
    page = wizard.pages[Step.FACTS]
    QApplication.processEvents()
    # Rows shown only where they apply (why lowest price, at a quality weight of 0 %) are left out.
    labels = {name: label for name, label in page._row_labels.items() if label.isVisibleTo(page)}  # noqa: SLF001
    given = {name: label for name, label in labels.items() if mnemonic_of(label.text())}
    in_use = letters_in_use(page) | {mnemonic_of(label.text()) for label in given.values()}
    for label in labels.values():  # none only where every letter of the label is in use
        free = {c.casefold() for c in label.text() if c.isascii() and c.isalpha()} - in_use
        assert mnemonic_of(label.text()) or not free, (language, label.text(), free)
    assert len(given) >= 16, (language, [label.text() for label in labels.values()])
    for name, label in given.items():
        page.editor("title").setFocus()
        assert QApplication.focusWidget() is page.editor("title")
        QTest.keyClick(example_window, mnemonic_of(label.text()), Qt.KeyboardModifier.AltModifier)
        focused = QApplication.focusWidget()
        editor = page.editor(name)
        reached = focused is editor or editor.isAncestorOf(focused)
        assert reached, (language, label.text(), focused.accessibleName())
    set_language("en")


@pytest.mark.parametrize("backwards", [False, True], ids=["tab", "shift-tab"])
def test_tab_leaves_every_page_for_back_and_next(qtbot, example_window, backwards) -> None:
    """No keyboard trap: from the first control of a page, Tab (or Shift+Tab from the last) comes out
    at the navigation. Step 3's Tab went round its own fields for ever, never reaching Back or Next."""
    wizard = example_window.wizard
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifiers = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    for step in STEPS:
        wizard.go_to(step)
        page = wizard.pages[step]
        QApplication.processEvents()
        controls = [w for w in _tab_through(page) if page.isAncestorOf(w)]
        (controls[-1] if backwards else controls[0]).setFocus()
        QApplication.processEvents()
        for _press in range(4 * len(controls) + 10):
            focused = QApplication.focusWidget()
            if focused is not None and not page.isAncestorOf(focused):
                break
            QApplication.sendEvent(focused, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))
            QApplication.processEvents()
        focused = QApplication.focusWidget()
        assert focused is not None and not page.isAncestorOf(focused), f"{step.value}: Tab never leaves"


def test_a_risk_is_marked_as_a_main_risk_by_its_own_letter(qtbot) -> None:
    """Issue 24: the team marks the risks page 1 names; Alt+M (Alt+B in Dutch) reaches the mark, and
    an opportunity keeps none."""
    from compass.core.session import EntryKind, EntrySource, InventoryEntry
    from compass.reference.loading import load_reference_data
    from compass.ui.inventory_entry_dialog import InventoryEntryDialog

    entry = InventoryEntry(1, 3, EntryKind.RISK, EntrySource.LOCATION, "Veiligheid van leerlingen")
    dialog = InventoryEntryDialog(entry, load_reference_data())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.description)
    qtbot.keyClick(dialog.description, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.main
    qtbot.keyClick(dialog.main, Qt.Key.Key_Space)
    assert dialog.changes() == {"main": True}
    dialog.kind.set_current(EntryKind.OPPORTUNITY)
    assert dialog.changes() == {"kind": EntryKind.OPPORTUNITY}  # no mark on an opportunity
