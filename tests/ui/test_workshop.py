"""Workshop mode as a facilitator uses it: keyboard entry of participants, ideas and dots, the timer,
the presenter view, undo. Real key events throughout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from compass.core.session import Collection
from compass.i18n import set_language
from compass.method.dialogues import sdg_target
from compass.method.steps import Step


@pytest.fixture
def workshop(qtbot, make_window):
    set_language("nl")
    window = make_window()
    window.retranslate_ui()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    session = window.services.sessions.create_session("Sportpark De Kuil")
    window.open_session(session.id)
    qtbot.keyClick(
        window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    facilitator = window.workshop.window
    assert facilitator is not None and facilitator.isVisible()
    facilitator.activateWindow()
    qtbot.waitUntil(facilitator.isActiveWindow)
    yield window, session.id, facilitator
    set_language("en")


def _type_line(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def _add_people(qtbot, facilitator, names) -> None:
    panel = facilitator.participants
    facilitator.tabs.setCurrentWidget(panel)
    for name in names:
        _type_line(qtbot, panel.name, name)
        qtbot.keyClick(panel.name, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is panel.name  # the next person, straight away
    qtbot.waitUntil(lambda: panel.table.rowCount() == len(panel.snapshot.participants_of(1)) >= len(names))


def test_a_dozen_participants_are_typed_in_with_enter(qtbot, workshop) -> None:
    window, session_id, facilitator = workshop
    names = [f"Deelnemer {n}" for n in range(1, 13)]
    _add_people(qtbot, facilitator, names)
    snapshot = window.services.sessions.get_session(session_id)
    assert [p.name for p in snapshot.participants_of(1)] == names
    qtbot.waitUntil(lambda: facilitator.participants.table.rowCount() == 12)
    facilitator.participants.table.setFocus()
    facilitator.participants.table.selectRow(0)
    qtbot.keyClick(facilitator.participants.table, Qt.Key.Key_Delete)
    assert len(window.services.sessions.get_session(session_id).participants) == 11
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
    )  # undo in this window
    assert [p.name for p in window.services.sessions.get_session(session_id).participants_of(1)] == names


def test_dots_are_typed_per_participant_never_more_than_given_and_reach_step_2(qtbot, workshop) -> None:
    window, session_id, facilitator = workshop
    _add_people(qtbot, facilitator, ["Anna", "Bram"])
    votes = facilitator.votes
    facilitator.tabs.setCurrentWidget(votes)
    votes.participant.setFocus()
    qtbot.keyClick(votes.participant, Qt.Key.Key_Home)  # Anna
    box8, box13, box12 = (votes._boxes[sdg_target(n)] for n in (8, 13, 12))
    for box, dots in ((box8, "2"), (box13, "1"), (box12, "1")):
        box.setFocus()
        qtbot.keyClicks(box, dots)
        qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert "3" in votes.problem.text()  # the fourth dot is refused beside the grid
    assert box12.value() == 0  # and the box shows what is stored again
    snapshot = window.services.sessions.get_session(session_id)
    assert (
        snapshot.priority_for(8).votes,
        snapshot.priority_for(13).votes,
        snapshot.priority_for(12).votes,
    ) == (
        2,
        1,
        0,
    )
    # Step 2 shows the room's tally when it is shown (a hidden page is brought up to date then).
    qtbot.waitUntil(lambda: window.wizard.pages[Step.PRIORITIES].snapshot.priority_for(8).votes == 2)
    box8.setFocus()  # a correction replaces the count
    qtbot.keyClick(box8, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box8, "1")
    qtbot.keyClick(box8, Qt.Key.Key_Tab)
    assert window.services.sessions.get_session(session_id).priority_for(8).votes == 1
    qtbot.waitUntil(lambda: votes.left.text() == "Anna: nog 1 van 3 stippen")


def test_ideas_become_step_1_entries_and_duplicates_merge_in_one_undo_step(qtbot, workshop) -> None:
    window, session_id, facilitator = workshop
    _add_people(qtbot, facilitator, ["Anna", "Bram"])
    ideas = facilitator.ideas
    facilitator.tabs.setCurrentWidget(ideas)
    ideas.sdg.set_current_sdg(3)
    ideas.who.setCurrentIndex(ideas.who.findText("Bram"))
    for text in ("Sportpark open voor de buurt", "Buurt mag het veld gebruiken"):
        _type_line(qtbot, ideas.text, text)
        qtbot.keyClick(ideas.text, Qt.Key.Key_Return)
        assert QApplication.focusWidget() is ideas.text and ideas.text.text() == ""
    inventory = window.services.sessions.get_session(session_id).inventory
    assert [(e.sdg, e.dialogue, e.contributor) for e in inventory] == [(3, 1, "Bram"), (3, 1, "Bram")]
    qtbot.waitUntil(lambda: ideas.table.rowCount() == 2)
    ideas.table.setFocus()
    ideas.table.selectAll()
    qtbot.keyClick(ideas.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    [merged] = window.services.sessions.get_session(session_id).inventory
    assert merged.description == "Sportpark open voor de buurt / Buurt mag het veld gebruiken"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(window.services.sessions.get_session(session_id).inventory) == 2


def test_a_merge_of_ideas_on_two_sdgs_keeps_both_sdgs(qtbot, workshop) -> None:
    """Issue 25: merging an idea on SDG 6 with one on SDG 13 kept only SDG 6, without a word."""
    window, session_id, facilitator = workshop
    ideas = facilitator.ideas
    facilitator.tabs.setCurrentWidget(ideas)
    for sdg, text in ((6, "Regenwater vasthouden op het plein"), (13, "Hitte op het plein")):
        ideas.sdg.set_current_sdg(sdg)
        _type_line(qtbot, ideas.text, text)
        qtbot.keyClick(ideas.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ideas.table.rowCount() == 2)
    ideas.table.setFocus()
    ideas.table.selectAll()
    qtbot.keyClick(ideas.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    [merged] = window.services.sessions.get_session(session_id).inventory
    assert (merged.sdg, merged.also_sdgs) == (6, (13,))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    entries = window.services.sessions.get_session(session_id).inventory
    assert [(e.sdg, e.also_sdgs) for e in entries] == [(6, ()), (13, ())]


def test_the_timer_runs_from_the_keyboard_and_the_presenter_view_changes_nothing(qtbot, workshop) -> None:
    window, session_id, facilitator = workshop
    agenda = facilitator.agenda
    facilitator.tabs.setCurrentWidget(agenda)
    _type_line(qtbot, agenda.title, "Risico's en kansen")
    qtbot.keyClick(agenda.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: agenda.table.rowCount() == 1)
    before = window.services.sessions.get_session(session_id)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)  # the first item on screen
    assert facilitator.run_state.current is not None
    assert agenda.clock.text() == "15:00"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F7)  # two minutes more
    assert agenda.clock.text() == "17:00"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert facilitator.run_state.running()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    presenter = facilitator.presenter
    assert presenter is not None and presenter.isVisible()
    assert presenter.title.text() == "Risico's en kansen"
    presenter.activateWindow()
    qtbot.waitUntil(presenter.isActiveWindow)
    qtbot.keyClick(presenter, Qt.Key.Key_F11)
    qtbot.waitUntil(presenter.isFullScreen)
    qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    assert not presenter.isVisible()
    assert window.services.sessions.get_session(session_id) == before  # showing changed nothing


def test_the_workshop_window_follows_a_language_switch(qtbot, workshop) -> None:
    window, _session_id, facilitator = workshop
    assert facilitator.tabs.tabText(1) == "Deelnemers"
    set_language("en")
    window.retranslate_ui()
    assert facilitator.tabs.tabText(1) == "Participants"


def test_a_participant_is_corrected_in_a_dialog_and_the_form_starts_fresh(
    qtbot, workshop, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from compass.ui.workshop.participant_dialog import ParticipantDialog

    window, session_id, facilitator = workshop
    panel = facilitator.participants
    facilitator.tabs.setCurrentWidget(panel)
    _type_line(qtbot, panel.name, "Anna")
    panel.internal.setFocus()
    qtbot.keyClick(panel.internal, Qt.Key.Key_Space)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert not panel.internal.isChecked()  # the next person starts unticked, not as a silent copy

    def correct(dialog: ParticipantDialog) -> QDialog.DialogCode:
        dialog.organisation.setText("Gemeente Heerlen")
        dialog.internal.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ParticipantDialog, "exec", correct)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)
    panel.table.setFocus()
    panel.table.selectRow(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    [anna] = window.services.sessions.get_session(session_id).participants
    assert (anna.organisation, anna.internal) == ("Gemeente Heerlen", False)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    [anna] = window.services.sessions.get_session(session_id).participants
    assert (anna.organisation, anna.internal) == ("", True)


def test_tab_goes_from_the_participant_straight_through_the_dots_in_sdg_order(qtbot, workshop) -> None:
    """Found walking a workshop under Xvfb: the scroll area around the boxes was a Tab stop of its
    own, so a facilitator counting Tabs put the dots on the SDG before the one meant."""
    _window, _session_id, facilitator = workshop
    _add_people(qtbot, facilitator, ["Anna"])
    votes = facilitator.votes
    facilitator.tabs.setCurrentWidget(votes)
    votes.participant.setFocus()
    qtbot.keyClick(votes.participant, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is votes.limit
    for sdg in (1, 2, 3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is votes._boxes[sdg_target(sdg)]


def test_the_presenter_view_fits_a_full_hd_projector_with_every_sdg_whole(qtbot, workshop) -> None:
    """Found at 1920 x 1080: six columns of SDG names pushed the view to 2,117 pixels wide."""
    from PySide6.QtWidgets import QLabel

    _window, _session_id, facilitator = workshop
    facilitator.open_presenter()
    presenter = facilitator.presenter
    presenter.showNormal()
    presenter.resize(1920, 1080)
    qtbot.waitUntil(lambda: presenter.width() == 1920)
    QApplication.processEvents()
    assert presenter.width() == 1920 and presenter.height() == 1080
    for tile in presenter.tiles.values():
        assert presenter.rect().contains(tile.geometry().translated(tile.parentWidget().pos())), (
            tile.band.text()
        )
        name: QLabel = tile.name
        longest = max(name.fontMetrics().horizontalAdvance(word) for word in name.text().split())
        assert name.width() >= longest, name.text()  # no word of an SDG's name is cut
    presenter.close()


def test_enter_in_the_last_field_adds_on_the_agenda_and_the_participants_too(qtbot, workshop) -> None:
    """Issue 25: Enter in the agenda's minutes and on a participant's "internal" tick did nothing, so
    typing on garbled the next row (README: Enter in the last field adds)."""
    window, session_id, facilitator = workshop
    agenda = facilitator.agenda
    facilitator.tabs.setCurrentWidget(agenda)
    _type_line(qtbot, agenda.title, "Kansen voor de buurt")
    agenda.minutes.setFocus()
    qtbot.keyClick(agenda.minutes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(agenda.minutes, "30")
    qtbot.keyClick(agenda.minutes, Qt.Key.Key_Return)
    agenda_items = window.services.sessions.get_session(session_id).agenda_of(1)
    assert [(a.title, a.planned_minutes) for a in agenda_items] == [("Kansen voor de buurt", 30)]
    people = facilitator.participants
    facilitator.tabs.setCurrentWidget(people)
    _type_line(qtbot, people.name, "Cor Smeets")
    people.internal.setFocus()
    qtbot.keyClick(people.internal, Qt.Key.Key_Space)  # ticked: internal
    qtbot.keyClick(people.internal, Qt.Key.Key_Return)
    added = window.services.sessions.get_session(session_id).participants_of(1)
    assert [(p.name, p.internal) for p in added] == [("Cor Smeets", True)]


def test_a_new_agenda_item_never_inherits_the_timer_of_a_removed_one() -> None:
    """Issue 25: an item added after an undo started at the undone item's 10 minutes instead of its
    own 30: the database gave it the removed item's id, and the timer was kept by id."""
    from compass.core.session import AgendaItem
    from compass.ui.workshop.run_state import WorkshopRun

    run = WorkshopRun(clock=lambda: 0.0)
    undone = AgendaItem(id=7, dialogue=1, title="Opening", planned_minutes=10)
    run.show_item(undone)
    assert run.seconds_left() == 10 * 60
    run.forget(())  # undo: the item is gone
    again = AgendaItem(id=7, dialogue=1, title="Kansen", planned_minutes=30)  # the same id, reused
    run.forget((again,))
    run.show_item(again)
    assert run.seconds_left() == 30 * 60


def test_the_presenter_draws_its_pause_sign_and_shows_overtime_in_a_steady_colour(qtbot) -> None:
    """Issue 25: the pause sign U+23F8 was a box in the shipped font; overtime was the same black."""
    from compass.core.session import AgendaItem
    from compass.reference.loading import load_reference_data
    from compass.ui.workshop.presenter import PresenterView
    from compass.ui.workshop.run_state import WorkshopRun

    now = [0.0]
    run = WorkshopRun(clock=lambda: now[0])
    view = PresenterView(load_reference_data(), run)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    run.show_item(AgendaItem(id=1, dialogue=1, title="Kansen", planned_minutes=1))
    assert view.clock.text() == "1:00" and "\u23f8" not in view.clock.text()
    assert view.pause_mark.isVisible()  # not started: paused, drawn beside the digits
    run.start_or_pause()
    assert not view.pause_mark.isVisible()
    black = view.clock.palette().windowText().color().name()
    now[0] = 75.0
    view._show_clock()
    assert view.clock.text().endswith("over") and view.clock.text().startswith("0:15")
    assert view.clock.palette().windowText().color().name() == "#b3261e" != black
    image = view.pause_mark.grab().toImage()
    assert image.width() > 0


def test_organisations_already_in_the_room_complete(qtbot, workshop) -> None:
    """Issue 25: organisation names did not complete; one was typed five times."""
    window, session_id, facilitator = workshop
    people = facilitator.participants
    facilitator.tabs.setCurrentWidget(people)
    for name, organisation in (("Anna", "Gemeente Maastricht"), ("Bram", "Buurtraad Wyck")):
        _type_line(qtbot, people.name, name)
        _type_line(qtbot, people.organisation, organisation)
        qtbot.keyClick(people.organisation, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: people.table.rowCount() == 2)
    completer = people.organisation.completer()
    completer.setCompletionPrefix("maas")  # anywhere in the name, any case
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Gemeente Maastricht"


def test_participants_come_from_a_pasted_list_or_a_csv_file_in_one_undo_step(
    qtbot, workshop, monkeypatch, tmp_path
) -> None:
    """Issue 25: every participant was typed; a list from the invitation mail or a spreadsheet goes in
    at once, a line that cannot be read is named, and one Ctrl+Z takes the list back."""
    from compass.ui.workshop.participant_list_dialog import ParticipantListDialog

    window, session_id, facilitator = workshop
    people = facilitator.participants
    facilitator.tabs.setCurrentWidget(people)
    csv_file = tmp_path / "deelnemers.csv"
    csv_file.write_bytes(
        "Naam;Organisatie;Intern\nAnna de Wit;Gemeente Maastricht;ja\nJosé Smeets;Buurtraad;nee\n".encode(
            "cp1252"
        )
    )
    seen: list[str] = []

    def fill(dialog: ParticipantListDialog) -> int:
        dialog.text.setPlainText("Anna\nBram;Buurtraad;Bewoner;misschien\n")
        seen.append(dialog.outcome.text())
        refused = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        seen.append(str(refused))
        dialog.load_file(csv_file)  # a Windows-1252 CSV as Excel writes it
        seen.append(dialog.outcome.text())
        return ParticipantListDialog.DialogCode.Accepted

    monkeypatch.setattr(ParticipantListDialog, "exec", fill)
    people.list_button.click()
    assert (
        seen[0]
        == "Regel 2: \u201cmisschien\u201d zegt niet of iemand intern of extern is (ja/nee, intern/extern)."
    )
    assert seen[1] == "False"  # nothing is added while a line cannot be read
    assert seen[2] == "2 deelnemers gelezen."
    added = window.services.sessions.get_session(session_id).participants_of(1)
    assert [(p.name, p.organisation, p.internal) for p in added] == [
        ("Anna de Wit", "Gemeente Maastricht", True),
        ("José Smeets", "Buurtraad", False),
    ]
    window.undo_stack.undo()
    assert window.services.sessions.get_session(session_id).participants_of(1) == ()


def test_agenda_items_are_corrected_with_f2_and_reordered_with_ctrl_arrows(
    qtbot, workshop, monkeypatch
) -> None:
    """Issue 25: F2 on an agenda item put it on screen instead of correcting it, and the agenda could
    not be reordered in the workshop window. Enter still puts the item on screen."""
    from compass.ui.workshop.agenda_item_dialog import AgendaItemDialog

    window, session_id, facilitator = workshop
    agenda = facilitator.agenda
    facilitator.tabs.setCurrentWidget(agenda)
    for title in ("Opening", "Kansen", "Stemmen"):
        _type_line(qtbot, agenda.title, title)
        qtbot.keyClick(agenda.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: agenda.table.rowCount() == 3)

    def titles() -> list[str]:
        return [a.title for a in window.services.sessions.get_session(session_id).agenda_of(1)]

    def correct(dialog: AgendaItemDialog) -> int:
        dialog.title.setText("Kansen voor de buurt")
        dialog.minutes.setValue(30)
        return AgendaItemDialog.DialogCode.Accepted

    monkeypatch.setattr(AgendaItemDialog, "exec", correct)
    agenda.table.setFocus()
    agenda.table.selectRow(1)
    qtbot.keyClick(agenda.table, Qt.Key.Key_F2)
    assert titles() == ["Opening", "Kansen voor de buurt", "Stemmen"]
    assert facilitator.run_state.current is None  # F2 corrects; it puts nothing on screen
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles() == ["Kansen voor de buurt", "Opening", "Stemmen"]
    qtbot.waitUntil(lambda: agenda.table.currentRow() == 0)  # the moved item stays selected
    qtbot.keyClick(agenda.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # first already
    qtbot.keyClick(agenda.table, Qt.Key.Key_Return)
    assert facilitator.run_state.current.title == "Kansen voor de buurt"
    window.undo_stack.undo()  # the move
    assert titles() == ["Opening", "Kansen voor de buurt", "Stemmen"]
    window.undo_stack.undo()  # the correction
    assert titles() == ["Opening", "Kansen", "Stemmen"]


def test_an_idea_is_corrected_with_f2_and_moved_among_the_ideas(qtbot, workshop, monkeypatch) -> None:
    """Issue 25: F2 on an idea did nothing."""
    from compass.ui.inventory_entry_dialog import InventoryEntryDialog

    window, session_id, facilitator = workshop
    ideas = facilitator.ideas
    facilitator.tabs.setCurrentWidget(ideas)
    ideas.sdg.set_current_sdg(6)
    for text in ("Regenwater", "Hitte op het plein"):
        _type_line(qtbot, ideas.text, text)
        qtbot.keyClick(ideas.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ideas.table.rowCount() == 2)

    def correct(dialog: InventoryEntryDialog) -> int:
        dialog.description.setText("Regenwater vasthouden op het plein")
        return InventoryEntryDialog.DialogCode.Accepted

    monkeypatch.setattr(InventoryEntryDialog, "exec", correct)
    ideas.table.setFocus()
    ideas.table.selectRow(0)
    qtbot.keyClick(ideas.table, Qt.Key.Key_F2)
    qtbot.keyClick(ideas.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    entries = window.services.sessions.get_session(session_id).inventory
    assert [e.description for e in entries] == ["Hitte op het plein", "Regenwater vasthouden op het plein"]


def test_the_dialogue_record_is_exported_on_its_own(qtbot, workshop, monkeypatch, tmp_path) -> None:
    """Issue 25: the record could only go out inside the whole tender strategy; it goes to the
    participants on its own, an external participant named only with consent."""
    import io

    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from compass.ui.pdf_export import PdfExporter

    window, session_id, facilitator = workshop
    services = window.services.sessions
    services.add_item(session_id, Collection.DIALOGUES, number=1, place="Buurthuis Wyck")
    services.add_item(session_id, Collection.PARTICIPANTS, dialogue=1, name="Anna de Wit", internal=True)
    services.add_item(
        session_id,
        Collection.PARTICIPANTS,
        dialogue=1,
        name="Karel Bewoner",
        organisation="Buurtraad",
        internal=False,
    )
    target = tmp_path / "verslag.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    opened: list[str] = []
    monkeypatch.setattr(PdfExporter, "offer_to_open", lambda self, path: opened.append(path))
    qtbot.waitUntil(lambda: len(facilitator.snapshot.participants) == 2)  # the window shows them
    facilitator.record_button.click()
    qtbot.waitUntil(lambda: opened == [str(target)], timeout=15000)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Verslag van de SDG-dialogen" in text and "Buurthuis Wyck" in text
    assert "Anna de Wit" in text and "Karel Bewoner" not in text  # no consent: organisation and role
    assert "Buurtraad" in text
    assert "Managementsamenvatting" not in text  # the record alone, not the strategy
