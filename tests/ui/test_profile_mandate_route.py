"""The profile editor's mandate route (issue 24): a full profile goes through the editor and comes
back whole (KPIs, own criteria, policy rules and route included: KPIs were once dropped on save), a
step is added and its decision chosen from a combo box by the keyboard, and a bad amount or a step
without a rule is shown below the table with its cell selected."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from compass.core.profile import MandateDecision, MandateStep, OrganisationProfile, profile_from_document
from compass.paths import resource_path
from compass.ui.profiles.editor import ProfileEditorDialog
from compass.ui.profiles.mandate_route import DECIDES, DERIVED, FROM, ROLE, SOURCE


def _shipped(name: str) -> OrganisationProfile:
    path = resource_path("profiles", f"example-{name}.json")
    return profile_from_document(json.loads(path.read_text(encoding="utf-8")))


def _editor(qtbot, profile: OrganisationProfile, reference) -> ProfileEditorDialog:
    editor = ProfileEditorDialog(profile, reference)
    qtbot.addWidget(editor)
    return editor


def _set(editor: ProfileEditorDialog, row: int, column: int, text: str) -> None:
    editor.mandate_route.table.item(row, column).setText(text)


@pytest.mark.parametrize("name", ["heerlen", "maastricht"])
def test_a_full_profile_comes_back_whole_from_the_editor(qtbot, shipped_reference, name) -> None:
    shipped = _shipped(name)
    assert shipped.kpis and shipped.own_criteria and shipped.policy_rules and shipped.mandate_route
    back = _editor(qtbot, shipped, shipped_reference).profile()
    assert back is not None
    for part in ("kpis", "own_criteria", "policy_rules", "mandate_route", "initiatives", "name"):
        assert getattr(back, part) == getattr(shipped, part), part
    # The editor lists these in the reference's order; what they hold is kept.
    for part in ("focus_sdgs", "theme_ambitions", "standard_requirements", "required_sdgs"):
        assert set(getattr(back, part)) == set(getattr(shipped, part)), part


def test_a_step_is_added_and_its_decision_chosen_by_the_keyboard(qtbot, shipped_reference) -> None:
    editor = _editor(qtbot, OrganisationProfile("Gemeente X"), shipped_reference)
    tab = editor.mandate_route
    editor.tabs.setCurrentWidget(tab)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    tab.add_row(None)
    _set(editor, 0, FROM, "1,500,000")
    _set(editor, 0, ROLE, "Gemeenteraad")
    _set(editor, 0, SOURCE, "Gemeentewet art. 169 lid 4")
    tab.table.item(0, DERIVED).setCheckState(Qt.CheckState.Checked)
    tab.table.setFocus()
    tab.table.setCurrentCell(0, DECIDES)
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    combo = tab.table.viewport().findChild(QComboBox)
    assert combo is not None and combo.hasFocus()
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "adopts",
        "advises",
        "consulted (wishes and objections)",
        "is informed",
    ]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert tab.table.item(0, DECIDES).text() == "consulted (wishes and objections)"
    tab.add_row(MandateStep(Decimal(0), "Directeur", MandateDecision.ADOPTS, "Mandaatbesluit, art. 3"))
    profile = editor.profile()
    assert profile is not None
    assert profile.mandate_route == (  # by amount, whatever the order of the rows
        MandateStep(Decimal(0), "Directeur", MandateDecision.ADOPTS, "Mandaatbesluit, art. 3"),
        MandateStep(
            Decimal(1500000),
            "Gemeenteraad",
            MandateDecision.CONSULTED,
            "Gemeentewet art. 169 lid 4",
            derived=True,
        ),
    )
    assert not tab.table.tabKeyNavigation()  # Tab leaves the table for its buttons


def test_a_bad_amount_is_shown_below_the_table_with_its_cell_selected(qtbot, shipped_reference) -> None:
    profile = OrganisationProfile(
        "Gemeente X",
        mandate_route=(MandateStep(Decimal(0), "Directeur", MandateDecision.ADOPTS, "Mandaat, art. 3"),),
    )
    editor = _editor(qtbot, profile, shipped_reference)
    tab = editor.mandate_route
    tab.add_row(None)  # left empty: dropped, not refused
    tab.add_row(None)
    _set(editor, 2, ROLE, "College")
    _set(editor, 2, SOURCE, "Gemeentewet art. 160")
    _set(editor, 2, FROM, "veel")
    assert editor.profile() is None
    assert tab.problem.text() == "Row 2: enter the amount in euros from which the step applies, 0 or more."
    assert (tab.table.currentRow(), tab.table.currentColumn()) == (1, FROM)
    assert editor.tabs.currentWidget() is tab
    _set(editor, 1, FROM, "-5")
    assert editor.profile() is None and tab.problem.text().startswith("Row 2:")
    _set(editor, 1, FROM, "250000")
    _set(editor, 1, SOURCE, " ")
    assert editor.profile() is None
    assert tab.problem.text() == "Step 2: name the rule it comes from (title and article)."
    assert (tab.table.currentRow(), tab.table.currentColumn()) == (1, SOURCE)
    _set(editor, 1, SOURCE, "Gemeentewet art. 160 lid 1 onder e")
    assert editor.profile() is not None and tab.problem.text() == ""


def test_the_service_keeps_what_the_editor_gives(qtbot, make_window) -> None:
    window = make_window()
    profiles = window.services.profiles
    summary = next(s for s in profiles.list_profiles() if "Heerlen" in s.name)
    stored = profiles.get_profile(summary.id)
    editor = _editor(qtbot, stored, window.services.reference)
    editor.mandate_route.add_row(
        MandateStep(Decimal(50000), "Directeur", MandateDecision.ADVISES, "Mandaatbesluit 2024, art. 4")
    )
    edited = editor.profile()
    assert edited is not None
    profiles.update_profile(summary.id, edited)
    again = profiles.get_profile(summary.id)
    assert again.kpis == stored.kpis and again.policy_rules == stored.policy_rules
    assert again.mandate_route == (*stored.mandate_route, edited.mandate_route[-1])
    assert replace(again, mandate_route=stored.mandate_route).own_criteria == stored.own_criteria
