"""Profiles in the UI: chosen per session on the facts page (undoable), managed in a dialog, edited
with problems shown beside the fields."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from compass.core.profile import OrganisationProfile
from compass.method.steps import Step
from compass.ui.profiles.dialog import ProfilesDialog
from compass.ui.profiles.editor import ProfileEditorDialog


def test_the_facts_page_links_a_session_to_a_profile(qtbot, make_window) -> None:
    window = make_window()
    session = window.services.sessions.create_session("Asfalt")
    window.open_session(session.id)
    box = window.wizard.pages[Step.FACTS].editor("profile")
    names = [box.itemText(i) for i in range(box.count())]
    assert names[0] == "(no profile)" and any("Heerlen" in n for n in names)
    heerlen = next(i for i in range(box.count()) if "Heerlen" in box.itemText(i))
    box.setCurrentIndex(heerlen)
    box.activated.emit(heerlen)
    snapshot = window.services.sessions.get_session(session.id)
    assert snapshot.profile is not None and "Heerlen" in snapshot.profile.name
    window.undo_action.trigger()
    assert window.services.sessions.get_session(session.id).profile is None


def test_the_profiles_dialog_creates_duplicates_and_deletes(qtbot, make_window, monkeypatch) -> None:
    window = make_window()
    profiles = window.services.profiles
    dialog = ProfilesDialog(profiles, window.services.files, window.services.reference)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2  # the shipped examples
    monkeypatch.setattr(
        ProfilesDialog,
        "_edit",
        lambda self, profile: OrganisationProfile(name="Gemeente Voorbeeldstad", required_sdgs=(9,)),
    )
    dialog.new_profile()
    own = [s for s in profiles.list_profiles() if not s.is_example]
    assert [s.name for s in own] == ["Gemeente Voorbeeldstad"]
    assert dialog.selected_id() == own[0].id
    dialog.duplicate_selected()
    assert "Copy of Gemeente Voorbeeldstad" in [s.name for s in profiles.list_profiles()]
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_selected()
    assert len(profiles.list_profiles()) == 3


def test_the_editor_reads_back_what_was_entered(qtbot, make_window) -> None:
    window = make_window()
    reference = window.services.reference
    editor = ProfileEditorDialog(OrganisationProfile(name="Gemeente X"), reference)
    qtbot.addWidget(editor)
    editor.focus_checks[13].setChecked(True)
    editor.focus_reasons[13].setText("Klimaatbeleid")
    editor.numbers["sr_min"].editor.setText("2")
    editor.numbers["sr_max"].editor.setText("5")
    editor._add_initiative_row("Repair café", "Zaterdag", "12, 11")
    editor.required[9].setChecked(True)
    check, baseline, target, year = editor.ambition_rows["climate"]
    check.setChecked(True)
    baseline.setValue(2)
    target.setValue(4)
    year.setValue(2027)
    first = editor.standard.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    profile = editor.profile()
    assert profile is not None
    assert [(f.sdg, f.reason) for f in profile.focus_sdgs] == [(13, "Klimaatbeleid")]
    assert (profile.social_return_min_pct, profile.social_return_max_pct) == (Decimal(2), Decimal(5))
    assert profile.initiatives[0].sdgs == (12, 11)
    assert profile.required_sdgs == (9,)
    assert [(a.theme, a.baseline, a.target, a.year) for a in profile.theme_ambitions] == [
        ("climate", 2, 4, 2027)
    ]
    assert profile.standard_requirements == (first.data(Qt.ItemDataRole.UserRole),)
    window.services.profiles.create_profile(profile)  # the service accepts what the editor gives


def test_the_editor_shows_problems_beside_the_fields(qtbot, make_window) -> None:
    window = make_window()
    editor = ProfileEditorDialog(OrganisationProfile(name="Gemeente X"), window.services.reference)
    qtbot.addWidget(editor)
    editor.name.setText(" ")
    editor.numbers["sr_min"].editor.setText("6")
    editor.numbers["sr_max"].editor.setText("5")
    editor.numbers["mvi"].editor.setText("veel")
    editor._add_initiative_row("Zonder SDG's", "", "18")
    assert editor.profile() is None
    assert editor.name_field.problem_text() == "Give the profile a name."
    assert "minimum is above the maximum" in editor.numbers["sr_max"].problem_text()
    assert editor.numbers["mvi"].problem_text() == "Enter a positive number."
    assert "Row 1" in editor.initiatives_problem.text()


def test_a_session_that_brought_its_profile_shows_it_in_the_current_language(qtbot, make_window) -> None:
    from compass.method.steps import Step
    from compass.paths import resource_path

    window = make_window()
    snapshot = window.services.files.import_session(
        resource_path("examples", "asfalt-groot-onderhoud.json")
    )
    assert snapshot.profile_id is None and snapshot.profile is not None  # the file's own copy
    window.open_session(snapshot.id)
    box = window.wizard.pages[Step.FACTS].editor("profile")
    assert box.currentText() == f"{snapshot.profile.name} (kept copy)"  # not "(no profile)"
    window.apply_language("nl")
    assert box.currentText() == f"{snapshot.profile.name} (bewaarde kopie)"
    assert box.itemText(0) == "(geen profiel)"
