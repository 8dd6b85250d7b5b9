"""The File menu's export of the tender texts (issue 24, item 7), offscreen: the save dialog proposes
``<title> - tender texts.docx`` in the documents folder and offers the two languages as file types;
the file chosen is written in the language chosen, the status line says where; cancelling writes
nothing; a file that cannot be written is reported, not raised."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from compass.method.file_names import MAX_STEM_BYTES
from compass.ui.tender_texts_export import suggested_name


class SaveDialog:
    """Stands in for ``QFileDialog.getSaveFileName``: records what it was asked, answers as told."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, str, str]] = []
        self.answer: tuple[str, str] = ("", "")

    def __call__(self, parent, caption, directory, filter_text="", selected="", *args, **kwargs):
        self.asked.append((caption, directory, filter_text, selected))
        return self.answer


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch) -> SaveDialog:
    dialog = SaveDialog()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return dialog


def _word(path: Path):
    return docx.Document(io.BytesIO(path.read_bytes()))


def test_the_action_sits_beside_the_session_export(make_window) -> None:
    window = make_window()
    actions = window.file_menu.actions()
    export = actions.index(window.session_files.export_action)
    assert actions[export + 1] is window.tender_texts.action
    assert window.tender_texts.action.text() == "Export &tender texts (Word)\u2026"


def test_the_open_session_is_exported_in_the_language_chosen(example_window, save_dialog, tmp_path) -> None:
    window = example_window
    snapshot = window.services.sessions.get_session(window.open_session_id)
    types = window.tender_texts.file_types()
    save_dialog.answer = (str(tmp_path / "teksten"), types["en"])
    window.tender_texts.action.trigger()
    ((caption, directory, filter_text, selected),) = save_dialog.asked
    assert caption == "Export the tender texts"
    assert Path(directory) == Path.home() / f"{snapshot.facts.title} - tender texts.docx"
    assert filter_text.split(";;") == [types["nl"], types["en"]]
    assert selected == types["en"]  # the app's language first
    target = tmp_path / "teksten.docx"
    word = _word(target)
    assert word.core_properties.language == "en-GB"
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Programme of requirements", "Award guidelines"]
    cells = {cell.text for table in word.tables for row in table.rows for cell in row.cells}
    assert {c.text for c in snapshot.criteria} <= cells
    assert window.statusBar().currentMessage() == f"Saved as {target}."


def test_the_dutch_file_type_makes_a_dutch_document(example_window, save_dialog, tmp_path) -> None:
    types = example_window.tender_texts.file_types()
    save_dialog.answer = (str(tmp_path / "teksten.docx"), types["nl"])
    example_window.tender_texts.action.trigger()
    word = _word(tmp_path / "teksten.docx")
    assert word.core_properties.language == "nl-NL"
    assert "Gunningscriterium" in {table.rows[0].cells[1].text for table in word.tables}


def test_cancelling_writes_nothing(example_window, save_dialog, tmp_path) -> None:
    example_window.tender_texts.action.trigger()
    assert len(save_dialog.asked) == 1
    assert not list(tmp_path.glob("*.docx"))
    assert example_window.statusBar().currentMessage() == ""


def test_the_selected_session_on_the_start_screen_is_exported(make_window, save_dialog, tmp_path) -> None:
    window = make_window()
    session = window.services.sessions.create_session("Schoonmaak")
    window.refresh_session_list(select_id=session.id)
    save_dialog.answer = (str(tmp_path / "schoonmaak.docx"), window.tender_texts.file_types()["en"])
    window.tender_texts.action.trigger()
    word = _word(tmp_path / "schoonmaak.docx")
    assert not word.tables
    assert any("no requirements, criteria or conditions yet" in p.text for p in word.paragraphs)


def test_a_file_that_cannot_be_written_is_reported(
    example_window, save_dialog, tmp_path, monkeypatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text))
    )
    types = example_window.tender_texts.file_types()
    save_dialog.answer = (str(tmp_path / "nowhere" / "teksten.docx"), types["en"])
    example_window.tender_texts.action.trigger()
    (warning,) = warnings
    assert warning.startswith("Cannot write")
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Inkoop 2027/2028 wegen", "Inkoop 2027-2028 wegen - tender texts.docx"),
        ("/etc/cron.d/x", "etc-cron.d-x - tender texts.docx"),
        ("...", "tender texts.docx"),
        ("", "tender texts.docx"),
    ],
)
def test_the_proposed_name_is_the_title_with_what_the_file_holds(title: str, expected: str) -> None:
    assert suggested_name(title) == expected


def test_a_long_title_keeps_the_words_after_it() -> None:
    name = suggested_name("\u00e9" * 300)
    assert name.endswith(" - tender texts.docx")
    assert len(name.removesuffix(".docx").encode("utf-8")) <= MAX_STEM_BYTES
