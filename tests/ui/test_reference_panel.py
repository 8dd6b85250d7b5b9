"""The reference panel: filters the catalogues, explains each entry, and adds own criteria to a
profile while shipped entries stay as they are."""

from __future__ import annotations

from compass.core.session import AmbitionLevel, CriterionType
from compass.method.steps import Step


def _labels(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_filters_by_sdg_level_theme_and_text(qtbot, make_window) -> None:
    window = make_window()
    window.knowledge.reference_action.trigger()
    panel = window.knowledge.panel
    assert panel is not None and not panel.isHidden()
    everything = panel.lists["criteria"].count()
    assert everything == len(window.services.reference.criteria)

    panel.sdg.setCurrentIndex(panel.sdg.findData(13))
    panel.level.setCurrentIndex(panel.level.findData(AmbitionLevel.SIGNIFICANT.value))
    labels = _labels(panel.lists["criteria"])
    expected = window.services.reference.criteria_for(sdg=13, level=AmbitionLevel.SIGNIFICANT)
    assert len(labels) == len(expected) and all(13 in c.sdgs for c in expected)
    assert all(c.level is AmbitionLevel.SIGNIFICANT for c in expected)
    assert any("Waterbuffering" in label or "Water buffering" in label for label in labels)

    panel.sdg.setCurrentIndex(0)
    panel.level.setCurrentIndex(0)
    panel.search.setText("windcertificaten")  # Dutch words find entries in the English UI too
    assert len(_labels(panel.lists["criteria"])) == 1
    assert "wind" in panel.details.toPlainText().lower()

    panel.search.setText("R-ladder")
    panel.tabs.setCurrentIndex(3)
    assert any("R-ladder" in label for label in _labels(panel.lists["terms"]))
    assert "R9" in panel.details.toPlainText()

    panel.search.setText("zzzz-nothing")
    assert panel.lists["terms"].count() == 0
    assert "Nothing matches" in panel.details.toPlainText()


def test_user_text_in_details_is_escaped(qtbot, make_window) -> None:
    window = make_window()
    window.knowledge.reference_action.trigger()
    html = window.knowledge.panel._criterion_html(window.services.reference.criteria[0])
    assert "<script" not in html and "<h3>" in html


def test_own_criteria_go_into_the_sessions_profile(qtbot, make_window, monkeypatch) -> None:
    from compass.ui.profiles.own_criterion import OwnCriterionDialog

    window = make_window()
    profiles = window.services.profiles
    profile_id = next(p.id for p in profiles.list_profiles() if "Maastricht" in p.name)
    session = window.services.sessions.create_session("Asfalt", profile_id=profile_id)
    window.open_session(session.id)
    window.wizard.go_to(Step.FACTS)

    dialog = OwnCriterionDialog(profiles, profile_id)
    qtbot.addWidget(dialog)
    before = profiles.get_profile(profile_id).own_criteria  # the example's own (profile version 3)
    dialog.save()  # nothing filled in: problems beside the fields, nothing stored
    assert dialog.sdgs_field.problem_text() and dialog.text_field.problem_text()
    assert profiles.get_profile(profile_id).own_criteria == before

    dialog.sdgs.setText("13, 11")
    dialog.criterion_type.set_current(CriterionType.AWARD_CRITERION)
    dialog.level.set_current(AmbitionLevel.SIGNIFICANT)
    dialog.text.setPlainText("Hittestress <b>beperken</b> met groene daken")
    dialog.save()
    *kept, own = profiles.get_profile(profile_id).own_criteria
    assert tuple(kept) == before
    assert own.id == f"own-13-{len(before) + 1}" and own.sdgs == (13, 11)
    assert own.text == "Hittestress <b>beperken</b> met groene daken"

    window._on_session_changed(session.id)
    window.knowledge.reference_action.trigger()
    labels = _labels(window.knowledge.panel.lists["criteria"])
    assert any("Hittestress <b>beperken</b>" in label and "(own)" in label for label in labels)
    assert len(labels) == len(window.services.reference.criteria) + len(before) + 1


def test_f1_takes_the_keyboard_into_the_panel_and_back(qtbot, make_window) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    session = window.services.sessions.create_session("Catering")
    window.open_session(session.id)
    location = window.wizard.pages[Step.FACTS].editor("location")
    location.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is location)
    qtbot.keyClick(location, Qt.Key.Key_F1)
    panel = window.knowledge.panel
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.search)
    qtbot.keyClicks(panel.search, "CO")  # typing goes into the search at once
    assert panel.search.text() == "CO"
    qtbot.keyClick(panel.search, Qt.Key.Key_F1)  # closed again: back where the user was
    qtbot.waitUntil(lambda: QApplication.focusWidget() is location)
    assert panel.isHidden()
