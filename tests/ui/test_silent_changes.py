"""Nothing changes unless the user means it: the wheel scrolls the page over unfocused combos and spin
boxes (it used to set ambition levels while scrolling step 3), and step 2 keeps its rows in place while
a value is being typed. Real wheel and key events, as a user sends them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollArea

from compass.method.catalogue_words import catalogue_words
from compass.method.steps import Step


def _wheel(widget, notches: int = -1) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


@pytest.fixture
def example(qtbot, make_window):
    from compass.formats.files import read_file
    from compass.formats.session_file import read_session_file
    from compass.reference.examples import list_examples

    window = make_window()
    path = next(e for e in list_examples() if "asfalt" in e.path.name).path
    session = window.services.sessions.import_session(
        read_session_file(read_file(path), window.services.reference)
    )
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    window.open_session(session.id)
    return window, session.id


def test_the_wheel_over_an_unfocused_level_scrolls_the_page_and_changes_nothing(qtbot, example) -> None:
    window, session_id = example
    window.wizard.go_to(Step.AMBITION)
    page = window.wizard.pages[Step.AMBITION]
    QApplication.processEvents()
    before = window.services.sessions.get_session(session_id).ambitions
    area = next(a for a in page.findChildren(QScrollArea))
    scrolled = area.verticalScrollBar().value()
    sdg = next(iter(page.boxes))
    combo = page.level_box(sdg)
    page.quality.setFocus()
    for _ in range(3):
        _wheel(combo, -1)
    assert window.services.sessions.get_session(session_id).ambitions == before
    assert area.verticalScrollBar().value() > scrolled  # the page moved instead
    assert window.undo_stack.count() == 0


def test_the_wheel_over_an_unfocused_spin_box_changes_nothing(qtbot, example) -> None:
    window, session_id = example
    window.wizard.go_to(Step.PRIORITIES)
    page = window.wizard.pages[Step.PRIORITIES]
    QApplication.processEvents()
    sdg = window.services.sessions.get_session(session_id).priority_sdgs()[0]
    urgency = page.urgency_box(sdg)
    before = urgency.value()
    page.setFocus()
    _wheel(urgency, 1)
    _wheel(urgency.lineEdit(), 1)
    assert urgency.value() == before
    assert window.services.sessions.get_session(session_id).priority_for(sdg).urgency == before


def test_with_focus_the_wheel_still_steps_the_value(qtbot, example) -> None:
    window, session_id = example
    window.wizard.go_to(Step.PRIORITIES)
    page = window.wizard.pages[Step.PRIORITIES]
    QApplication.processEvents()
    sdg = window.services.sessions.get_session(session_id).priority_sdgs()[0]
    votes = page.votes_box(sdg)
    votes.setFocus()
    QApplication.processEvents()
    before = votes.value()
    _wheel(votes, 1)
    assert votes.value() == before + 1


def test_step_2_keeps_its_rows_in_place_while_values_are_typed(qtbot, example) -> None:
    from compass.method.priority_score import priority_order

    window, session_id = example
    window.wizard.go_to(Step.PRIORITIES)
    page = window.wizard.pages[Step.PRIORITIES]
    QApplication.processEvents()
    shown = page._order
    last = shown[-1]  # the lowest score: enough votes would move it to the top
    votes = page.votes_box(last)
    votes.setFocus()
    qtbot.keyClick(votes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(votes, "5")
    qtbot.waitUntil(lambda: window.services.sessions.get_session(session_id).priority_for(last).votes == 5)
    QApplication.processEvents()
    snapshot = window.services.sessions.get_session(session_id)
    assert priority_order(snapshot).index(last) < len(shown) - 1  # by score it moved up ...
    assert page._order == shown  # ... yet the rows stay put while the team works
    assert page.votes_box(last) is votes and QApplication.focusWidget() in (votes, votes.lineEdit())
    qtbot.keyClick(votes, Qt.Key.Key_Tab)  # on to this SDG's priority box, not another row's
    assert QApplication.focusWidget() is page._checks[last]
    window.wizard.go_to(Step.AMBITION)
    window.wizard.go_to(Step.PRIORITIES)
    QApplication.processEvents()
    assert page._order == priority_order(window.services.sessions.get_session(session_id))  # sorted again


def test_a_digit_typed_into_an_unrated_urgency_replaces_the_dash(qtbot, example) -> None:
    window, session_id = example
    window.wizard.go_to(Step.PRIORITIES)
    page = window.wizard.pages[Step.PRIORITIES]
    QApplication.processEvents()
    unrated = page._order[-1]
    window.services.sessions.set_priority(session_id, unrated, urgency=None)
    qtbot.waitUntil(lambda: page.urgency_box(unrated).value() == 0)
    box = page.urgency_box(unrated)
    qtbot.mouseClick(box.lineEdit(), Qt.MouseButton.LeftButton)  # the cursor lands after the dash
    qtbot.keyClicks(box, "4")
    qtbot.waitUntil(
        lambda: window.services.sessions.get_session(session_id).priority_for(unrated).urgency == 4
    )


def test_a_new_session_shows_no_step_as_done(qtbot, make_window, monkeypatch) -> None:
    from compass.ui import dialogs

    window = make_window()
    monkeypatch.setattr(dialogs.TitleDialog, "ask", classmethod(lambda cls, *a, **k: "Catering"))
    window.new_action.trigger()
    assert not any(window.wizard.step_list._complete.values())


def test_enter_in_the_weight_field_adds_the_criterion(qtbot, example) -> None:
    from compass.core.session import CriterionType

    window, session_id = example
    window.wizard.go_to(Step.AMBITION)
    page = window.wizard.pages[Step.AMBITION]
    box = next(iter(page.boxes.values()))
    box.new_type.set_current(CriterionType.MINIMUM_REQUIREMENT)
    box.new_text.setFocus()
    qtbot.keyClicks(box.new_text, "Stille machines scoren hoger")
    qtbot.keyClick(box.new_text, Qt.Key.Key_Tab)  # on to the last field of the row
    assert QApplication.focusWidget() is box.new_weight
    qtbot.keyClick(box.new_weight, Qt.Key.Key_Return)
    texts = [c.text for c in window.services.sessions.get_session(session_id).criteria]
    assert "Stille machines scoren hoger" in texts


def test_an_example_profile_is_called_an_example_once(qtbot, make_window) -> None:
    window = make_window()
    session = window.services.sessions.create_session("Catering")
    window.open_session(session.id)
    box = window.wizard.pages[Step.FACTS].editor("profile")
    names = [box.itemText(i) for i in range(box.count())]
    assert any(name.startswith("Voorbeeld: gemeente Heerlen") for name in names)
    assert not any("example" in name.casefold() and "voorbeeld" in name.casefold() for name in names)


@pytest.mark.parametrize("key", ["double-click", "F2", "Enter"])
def test_a_step_1_row_is_corrected_in_a_dialog_and_undone_in_one_step(
    qtbot, example, monkeypatch, key
) -> None:
    from compass.core.session import EntryKind
    from compass.ui.inventory_entry_dialog import InventoryEntryDialog

    window, session_id = example
    window.wizard.go_to(Step.INVENTORY)
    page = window.wizard.pages[Step.INVENTORY]
    QApplication.processEvents()
    first = window.services.sessions.get_session(session_id).inventory[0]

    def correct(dialog) -> int:  # the user changes SDG, kind and words, then presses OK
        dialog.sdg.set_current_sdg(15)
        dialog.kind.set_current(EntryKind.OPPORTUNITY)
        dialog.description.selectAll()
        qtbot.keyClicks(dialog.description, "Ontbossing in de keten van bitumen")
        assert dialog.changes() is not None
        return InventoryEntryDialog.DialogCode.Accepted

    monkeypatch.setattr(InventoryEntryDialog, "exec", correct)
    page.table.setFocus()
    page.table.selectRow(0)
    if key == "double-click":
        rect = page.table.visualItemRect(page.table.item(0, 3))
        # A real double-click: a first click, then the second that Qt reports as double.
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        qtbot.keyClick(page.table, Qt.Key.Key_F2 if key == "F2" else Qt.Key.Key_Return)
    edited = next(e for e in window.services.sessions.get_session(session_id).inventory if e.id == first.id)
    assert (edited.sdg, edited.kind, edited.description) == (
        15,
        EntryKind.OPPORTUNITY,
        "Ontbossing in de keten van bitumen",
    )
    window.undo_stack.undo()
    again = next(e for e in window.services.sessions.get_session(session_id).inventory if e.id == first.id)
    assert again == first


def test_an_emptied_description_is_refused_beside_the_field(qtbot, example) -> None:
    from compass.ui.inventory_entry_dialog import InventoryEntryDialog

    window, session_id = example
    entry = window.services.sessions.get_session(session_id).inventory[0]
    dialog = InventoryEntryDialog(entry, window.services.reference)
    qtbot.addWidget(dialog)
    dialog.description.clear()
    assert dialog.changes() is None and dialog.description_field.problem_text()
    assert dialog.result() == 0


def test_undo_puts_a_removed_row_back_in_its_place(qtbot, example) -> None:
    window, session_id = example
    window.wizard.go_to(Step.INVENTORY)
    page = window.wizard.pages[Step.INVENTORY]
    QApplication.processEvents()
    before = [e.description for e in window.services.sessions.get_session(session_id).inventory]
    page.table.setFocus()
    page.table.selectRow(1)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(window.services.sessions.get_session(session_id).inventory) == len(before) - 1
    window.undo_stack.undo()
    assert [e.description for e in window.services.sessions.get_session(session_id).inventory] == before


def test_enter_in_the_realised_value_note_records_it(qtbot, example) -> None:
    window, session_id = example
    window.wizard.go_to(Step.VISIBILITY)
    realised = window.wizard.pages[Step.VISIBILITY].realised
    realised.value.setText("1000")
    realised.note.setFocus()
    qtbot.keyClicks(realised.note, "eerste meting")
    qtbot.keyClick(realised.note, Qt.Key.Key_Return)
    notes = [
        m.note for i in window.services.sessions.get_session(session_id).indicators for m in i.measurements
    ]
    assert "eerste meting" in notes


def test_table_shortcuts_act_only_where_the_table_has_focus(qtbot, example) -> None:
    window, session_id = example
    window.wizard.go_to(Step.AMBITION)
    page = window.wizard.pages[Step.AMBITION]
    QApplication.processEvents()
    before = window.services.sessions.get_session(session_id).criteria
    box = next(iter(page.boxes.values()))
    box.table.selectRow(0)
    box.new_text.setFocus()
    qtbot.keyClicks(box.new_text, "abc")
    qtbot.keyClick(box.new_text, Qt.Key.Key_Delete)  # edits the text, removes no criterion
    qtbot.keyClick(box.new_text, Qt.Key.Key_Home)
    qtbot.keyClick(box.new_text, Qt.Key.Key_Delete)
    assert box.new_text.text() == "bc"
    assert window.services.sessions.get_session(session_id).criteria == before
    box.table.setFocus()
    qtbot.keyClick(box.table, Qt.Key.Key_Delete)  # in the table it removes the selected row
    assert len(window.services.sessions.get_session(session_id).criteria) == len(before) - 1


def test_a_picked_stakeholder_is_a_code_shown_in_the_language_of_the_moment(qtbot, make_window) -> None:
    from compass.core.session import Channel
    from compass.formats.document.build import build_document
    from compass.formats.document.model import Table
    from compass.i18n import set_language

    set_language("nl")
    window = make_window()
    window.retranslate_ui()
    session = window.services.sessions.create_session("Catering")
    window.open_session(session.id)
    window.wizard.go_to(Step.VISIBILITY)
    page = window.wizard.pages[Step.VISIBILITY]
    page.stakeholder.setCurrentIndex(page.stakeholder.findText("Gemeenteraad"))
    page.channel.set_current(Channel.COUNCIL_REPORT)
    page.message.setText("Jaarlijkse rapportage")
    page.add_button.click()
    (item,) = window.services.sessions.get_session(session.id).communication
    assert item.stakeholder_role == "municipal_council"
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert page.table.item(0, 0).text() == "Gemeenteraad"
    set_language("en")
    window.retranslate_ui()
    assert page.table.item(0, 0).text() == "Municipal council"
    document = build_document(
        window.services.sessions.get_session(session.id), window.services.reference, "en"
    )
    plan = next(b for b in document.body if isinstance(b, Table) and b.header[:1] == ("Who",))
    assert plan.rows[0][0].text == "Municipal council"


def test_one_risk_is_put_on_a_second_sdg_and_counts_there(qtbot, example, monkeypatch) -> None:
    from compass.formats.document.build import build_document
    from compass.formats.document.model import Heading, Table
    from compass.ui.inventory_entry_dialog import InventoryEntryDialog

    window, session_id = example
    window.wizard.go_to(Step.INVENTORY)
    page = window.wizard.pages[Step.INVENTORY]
    QApplication.processEvents()
    first = window.services.sessions.get_session(session_id).inventory[0]

    def also_fifteen(dialog) -> int:
        dialog.also.setFocus()
        qtbot.keyClicks(dialog.also, "15")
        return InventoryEntryDialog.DialogCode.Accepted

    monkeypatch.setattr(InventoryEntryDialog, "exec", also_fifteen)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    snapshot = window.services.sessions.get_session(session_id)
    assert snapshot.inventory[0].also_sdgs == (15,) and 15 in snapshot.inventoried_sdgs()
    qtbot.waitUntil(lambda: page.table.item(0, 0).text() == f"{first.sdg}, 15")
    document = build_document(snapshot, window.services.reference, "en")
    blocks = list(document.body)
    under_15 = blocks[
        blocks.index(next(b for b in blocks if isinstance(b, Heading) and b.anchor == "inventory-15")) + 1
    ]
    # The suggestion's own words, in the document's language (issue 24: catalogue texts follow it).
    assert isinstance(under_15, Table) and under_15.rows[0][2].text == catalogue_words(
        first.description, window.services.reference.suggestion(first.suggestion_id).text, "en"
    )
    assert under_15.rows[0][2].detail == f"also SDG {first.sdg}"


def test_an_sdg_outside_the_inventory_is_added_as_a_priority_with_its_reason(qtbot, example) -> None:
    window, session_id = example
    window.wizard.go_to(Step.PRIORITIES)
    page = window.wizard.pages[Step.PRIORITIES]
    QApplication.processEvents()
    assert 17 not in window.services.sessions.get_session(session_id).priority_sdgs()
    page.outside_sdg.set_current_sdg(17)
    page.outside_reason.setFocus()
    qtbot.keyClick(page.outside_reason, Qt.Key.Key_Return)  # no reason: refused beside the field
    assert page.outside_field.problem_text()
    qtbot.keyClicks(page.outside_reason, "Samenwerking met de regio")
    qtbot.keyClick(page.outside_reason, Qt.Key.Key_Return)
    snapshot = window.services.sessions.get_session(session_id)
    assert 17 in snapshot.priority_sdgs()
    assert snapshot.priority_for(17).focus_reason == "Samenwerking met de regio"
    qtbot.waitUntil(lambda: 17 in page._order)
    window.undo_stack.undo()  # one step takes it out again
    assert 17 not in window.services.sessions.get_session(session_id).priority_sdgs()


def test_a_planned_message_is_corrected_in_a_dialog_and_undone_in_one_step(
    qtbot, example, monkeypatch
) -> None:
    from compass.core.session import CommunicationMoment
    from compass.ui.communication_item_dialog import CommunicationItemDialog

    window, session_id = example
    window.wizard.go_to(Step.VISIBILITY)
    page = window.wizard.pages[Step.VISIBILITY]
    QApplication.processEvents()
    first = window.services.sessions.get_session(session_id).communication[0]

    def correct(dialog) -> int:
        dialog.moment.set_current(CommunicationMoment.DURING_CONTRACT)
        dialog.stakeholder.setEditText("Gemeenteraad")
        return CommunicationItemDialog.DialogCode.Accepted

    monkeypatch.setattr(CommunicationItemDialog, "exec", correct)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    edited = window.services.sessions.get_session(session_id).communication[0]
    assert (edited.moment, edited.stakeholder_role) == (
        CommunicationMoment.DURING_CONTRACT,
        "municipal_council",
    )
    window.undo_stack.undo()
    assert window.services.sessions.get_session(session_id).communication[0] == first
