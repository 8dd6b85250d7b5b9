"""The export dialogs propose a name made from the title, in the folder they propose (issue 21, item
6): the title ``/etc/cron.d/x`` opened the session export in ``/etc/cron.d``."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from compass.core.profile import OrganisationProfile
from compass.ui.pdf_export import PdfExporter
from compass.ui.profiles.dialog import ProfilesDialog

HOSTILE = ["/etc/cron.d/x", "Inkoop 2027/2028 wegen", "..\\..\\boot.ini", "CON", "...", "\u00e9" * 200]


@pytest.fixture
def proposals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What each save dialog proposed; the user then cancels."""
    proposed: list[str] = []

    def save_dialog(parent, caption, directory, filter_text="", *args, **kwargs):
        proposed.append(directory)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    return proposed


def _in_home(proposed: str) -> str:
    path = Path(proposed)
    assert path.parent == Path.home(), proposed
    assert path.name and "/" not in path.name and "\\" not in path.name
    return path.name


@pytest.mark.parametrize("title", HOSTILE)
def test_the_session_export_proposes_a_name_in_the_proposed_folder(
    make_window, proposals: list[str], title: str
) -> None:
    window = make_window()
    session = window.services.sessions.create_session(title)
    window.refresh_session_list(select_id=session.id)
    window.open_session(session.id)
    window.session_files.export_action.trigger()
    (proposed,) = proposals
    name = _in_home(proposed)
    assert name.endswith(".json")
    assert len(name.encode("utf-8")) <= 255
    if title == "Inkoop 2027/2028 wegen":
        assert name == "Inkoop 2027-2028 wegen.json"
    if title == "...":
        assert name == "session.json"


def test_the_strategy_export_proposes_a_name_in_the_proposed_folder(make_window, proposals) -> None:
    window = make_window()
    snapshot = window.services.sessions.create_session("/etc/cron.d/x")
    PdfExporter(window).ask_path(snapshot)
    assert _in_home(proposals[0]) == "etc-cron.d-x.pdf"


def test_the_profile_export_proposes_the_profiles_name(qtbot, make_window, monkeypatch, proposals) -> None:
    window = make_window()
    dialog = ProfilesDialog(window.services.profiles, window.services.files, window.services.reference)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(
        ProfilesDialog, "_edit", lambda self, profile: OrganisationProfile(name="Gemeente A/B: inkoop")
    )
    dialog.new_profile()
    dialog.export_selected()
    assert _in_home(proposals[0]) == "Gemeente A-B inkoop.json"


def test_each_kind_of_file_dialog_opens_where_that_kind_was_last_saved(
    make_window, monkeypatch, tmp_path
) -> None:
    """Seen in a walk: the export dialog always opened in the home folder."""
    from compass.app import open_settings

    tender = tmp_path / "Aanbesteding leerlingenvervoer"
    tender.mkdir()
    proposed: list[str] = []
    answers = iter([str(tender / "strategie.pdf"), "", "", ""])

    def save_dialog(parent, caption, directory, filter_text="", *args, **kwargs):
        proposed.append(directory)
        return next(answers), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    window = make_window()
    snapshot = window.services.sessions.create_session("Leerlingenvervoer")
    exporter = PdfExporter(window)
    assert exporter.ask_path(snapshot) == str(tender / "strategie.pdf")
    assert Path(proposed[0]).parent == Path.home()  # the first time
    assert open_settings().value("folders/documents") == str(tender)  # kept for the next start
    exporter.ask_path(snapshot)  # cancelled: nothing remembered, the folder stays
    assert Path(proposed[1]) == tender / "Leerlingenvervoer.pdf"
    window.open_session(snapshot.id)
    window.session_files.export_action.trigger()  # sessions have their own folder
    assert Path(proposed[2]).parent == Path.home()
    tender.rmdir()  # a folder that is gone: the home folder again
    exporter.ask_path(snapshot)
    assert Path(proposed[3]).parent == Path.home()
