"""Two app windows on one database, as two desks (issue 15): each shows the other's change within a
few seconds without losing what it is typing; the same field changed at both asks the user."""

from __future__ import annotations

from PySide6.QtCore import Qt

from compass.method.steps import Step
from compass.ui import commands


def _desk(qtbot, make_window):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_desk_sees_the_other_desks_change_and_keeps_its_own_typing(qtbot, make_window) -> None:
    from compass.core.session import Collection, EntryKind, EntrySource

    desk_a, desk_b = _desk(qtbot, make_window), _desk(qtbot, make_window)
    session = desk_a.services.sessions.create_session("Asfalt 2027")
    desk_b.open_session(session.id)
    desk_b.wizard.go_to(Step.INVENTORY)
    inventory_b = desk_b.wizard.pages[Step.INVENTORY]
    desk_b.activateWindow()
    qtbot.waitUntil(desk_b.isActiveWindow)
    inventory_b.description.setFocus()
    qtbot.keyClicks(inventory_b.description, "Hergebruik van asfalt")  # typed, not added yet
    desk_a.services.sessions.add_item(
        session.id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        description="CO2 bij productie",
    )
    qtbot.waitUntil(lambda: inventory_b.table.rowCount() == 1, timeout=6000)  # within seconds
    assert inventory_b.description.text() == "Hergebruik van asfalt"
    assert inventory_b.description.hasFocus()


def test_the_same_field_changed_at_both_desks_asks_and_overwrites_only_when_told(
    qtbot, make_window
) -> None:
    desk_a, desk_b = _desk(qtbot, make_window), _desk(qtbot, make_window)
    session = desk_a.services.sessions.create_session("Catering")
    desk_b.open_session(session.id)
    desk_a.services.sessions.update_facts(session.id, {"lots": ""}, lots="Twee percelen")  # A first
    lots_b = desk_b.wizard.pages[Step.FACTS].editor("lots")
    asked = []
    try:
        commands.choose_on_conflict(lambda conflict: asked.append(conflict.theirs) or False)
        desk_b.activateWindow()
        qtbot.waitUntil(desk_b.isActiveWindow)
        lots_b.setFocus()
        qtbot.keyClicks(lots_b, "Geen percelen")  # typed over the stale, empty view
        desk_b.wizard.pages[Step.FACTS].flush()
        assert asked == ["Twee percelen"]
        assert desk_a.services.sessions.get_session(session.id).facts.lots == "Twee percelen"  # kept theirs
        qtbot.waitUntil(lambda: lots_b.toPlainText() == "Twee percelen")
        commands.choose_on_conflict(lambda conflict: True)  # now the user overwrites
        desk_a.services.sessions.update_facts(session.id, {"lots": "Twee percelen"}, lots="Drie percelen")
        lots_b.setFocus()
        qtbot.keyClick(lots_b, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(lots_b, "Geen percelen")
        desk_b.wizard.pages[Step.FACTS].flush()
        assert desk_a.services.sessions.get_session(session.id).facts.lots == "Geen percelen"
        desk_b.undo_action.trigger()  # Edit > Undo (in the text box Ctrl+Z undoes its typing)
        assert (
            desk_a.services.sessions.get_session(session.id).facts.lots == "Drie percelen"
        )  # undo: theirs
    finally:
        commands.choose_on_conflict(None)
