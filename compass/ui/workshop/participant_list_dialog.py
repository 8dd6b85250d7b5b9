"""A list of participants pasted from a mail or a spreadsheet, or opened from a CSV file, read before it
is added: how many people were read, or which lines cannot be (issue 25). The rules are in
``compass.method.participant_list``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from compass.i18n import _, current_language
from compass.method.participant_list import ListedParticipant, read_participant_list
from compass.ui.last_folder import folder_for, remember_folder

FOLDER_KIND = "participants"
MAX_FILE_BYTES = 1_000_000  # a list of people, not a spreadsheet of a year's data


def decoded(data: bytes) -> str:
    """A CSV from Excel in the Netherlands is often Windows-1252; a BOM says UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class ParticipantListDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Participants from a list"))
        self.people: list[ListedParticipant] = []
        intro = QLabel(
            _(
                "Paste one participant per line, or open a CSV file: name, organisation, role and "
                "internal (ja/nee), separated by tabs, semicolons or commas; a header line may name "
                "the columns."
            )
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(_("Participant list"))
        self.text.setPlaceholderText("Anna de Wit\tGemeente Maastricht\tBeleidsadviseur\tja")
        self.text.textChanged.connect(self._read)
        self.open_button = QPushButton(_("&Open a CSV file..."))
        self.open_button.clicked.connect(self.open_file)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.text.setMinimumWidth(self.fontMetrics().horizontalAdvance("0") * 60)
        self._read()
        self.text.setFocus()

    def open_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open a participant list"),
            str(folder_for(FOLDER_KIND)),
            _("CSV or text files (*.csv *.txt)"),
        )
        if not chosen:
            return
        remember_folder(FOLDER_KIND, chosen)
        self.load_file(Path(chosen))

    def load_file(self, path: Path) -> None:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                self.outcome.setText(
                    _("The file is larger than a participant list can be: {path}").format(path=path)
                )
                return
            data = path.read_bytes()
        except OSError as error:
            self.outcome.setText(
                _("The file cannot be read: {path} ({reason})").format(path=path, reason=error.strerror)
            )
            return
        self.text.setPlainText(decoded(data))

    def _read(self) -> None:
        people, problems = read_participant_list(self.text.toPlainText())
        language = current_language()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if problems and self.text.toPlainText().strip():
            self.people = []
            self.outcome.setText("\n".join(problem.message_in(language) for problem in problems[:8]))
        else:
            self.people = people
            read = _("{count} participants read.").format(count=len(people))
            self.outcome.setText(read if people else "")
        ok.setEnabled(bool(self.people))
