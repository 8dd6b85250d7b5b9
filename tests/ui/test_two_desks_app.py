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


def test_typing_over_a_value_another_desk_saved_meanwhile_is_a_conflict_not_a_silent_overwrite(
    qtbot, make_window
) -> None:
    desk_a, desk_b = _desk(qtbot, make_window), _desk(qtbot, make_window)
    session = desk_a.services.sessions.create_session("Schoonmaak")
    desk_b.open_session(session.id)
    facts_b = desk_b.wizard.pages[Step.FACTS]
    duration_b = facts_b.editor("duration")
    asked = []
    try:
        commands.choose_on_conflict(lambda conflict: asked.append(conflict.theirs) or False)
        desk_b.activateWindow()
        qtbot.waitUntil(desk_b.isActiveWindow)
        duration_b.setFocus()
        qtbot.keyClicks(duration_b, "2 jaar")  # B types over the empty value it sees ...
        desk_a.services.sessions.update_facts(
            session.id, {"duration": ""}, duration="4 jaar"
        )  # ... A saves
        desk_b.other_desks.look()  # A's value reaches B's page while B's typing is pending
        assert facts_b.snapshot.facts.duration == "4 jaar" and duration_b.text() == "2 jaar"
        facts_b.flush()
        assert asked == ["4 jaar"]  # B is asked, not silently overwriting what B never saw
        assert desk_a.services.sessions.get_session(session.id).facts.duration == "4 jaar"
        qtbot.waitUntil(lambda: duration_b.text() == "4 jaar")  # kept theirs: B now shows it"
    finally:
        commands.choose_on_conflict(None)


def test_the_question_names_the_field_and_shows_both_values(qtbot, make_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from compass.core.errors import ConflictError
    from compass.i18n import set_language
    from compass.method.field_labels import field_label
    from compass.ui.other_desks import ask_on_conflict

    set_language("nl")
    try:
        window = make_window()
        shown = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
        conflict = ConflictError("duration", "2 jaar", "4 jaar", what=field_label("facts", "duration"))
        assert ask_on_conflict(window, conflict) is False
        assert shown == [
            "Een andere werkplek veranderde \u201cLooptijd en opties\u201d terwijl u bezig was.\n\n"
            "Nu opgeslagen: \u201c2 jaar\u201d\nVan u: \u201c4 jaar\u201d"
        ]
    finally:
        set_language("en")


def test_a_step_2_value_and_its_undo_from_a_stale_view_ask_too(qtbot, make_window) -> None:
    """Measured before: step 2's fields and Ctrl+Z of them overwrote the other desk silently."""
    from compass.core.session import Collection, EntryKind, EntrySource

    desk_a, desk_b = _desk(qtbot, make_window), _desk(qtbot, make_window)
    sessions = desk_a.services.sessions
    session = sessions.create_session("Sporthal")
    sessions.add_item(
        session.id,
        Collection.INVENTORY,
        sdg=13,
        kind=EntryKind.RISK,
        source=EntrySource.MATERIALS,
        description="CO2",
    )
    desk_b.open_session(session.id)
    desk_b.wizard.go_to(Step.PRIORITIES)
    urgency_b = desk_b.wizard.pages[Step.PRIORITIES]._urgency[13]
    asked = []
    try:
        commands.choose_on_conflict(
            lambda conflict: asked.append((conflict.what, conflict.theirs)) or False
        )
        sessions.set_priority(session.id, 13, {"urgency": None}, urgency=4)  # desk A, first
        urgency_b.setValue(2)  # desk B, from the view without A's 4
        assert asked == [("Urgency", 4)]
        assert sessions.get_session(session.id).priority_for(13).urgency == 4  # kept theirs
        qtbot.waitUntil(lambda: urgency_b.value() == 4)
        commands.choose_on_conflict(lambda conflict: True)
        urgency_b.setValue(5)  # B's own change, on what B now sees
        assert sessions.get_session(session.id).priority_for(13).urgency == 5
        sessions.set_priority(session.id, 13, {"urgency": 5}, urgency=3)  # A again
        asked.clear()
        commands.choose_on_conflict(lambda conflict: asked.append(conflict.theirs) or False)
        desk_b.undo_action.trigger()  # B's undo would put back 4 over A's 3: it asks
        assert asked == [3]
        assert sessions.get_session(session.id).priority_for(13).urgency == 3
    finally:
        commands.choose_on_conflict(None)
