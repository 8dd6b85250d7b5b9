"""The user's files, one call each: import a session file, export one, export the tender strategy
document, import and export an organisation profile. The menu, the start screen and the CLI all use
these, so a file is read, checked and stored the same way wherever it comes in.
"""

from __future__ import annotations

from pathlib import Path

from compass.core.session import SessionSnapshot
from compass.formats.files import read_file, write_file
from compass.reference.types import ReferenceData
from compass.services.profiles import ProfileService
from compass.services.sessions import SessionService


class FileService:
    def __init__(
        self,
        sessions: SessionService,
        profiles: ProfileService,
        reference: ReferenceData,
    ) -> None:
        self._sessions = sessions
        self._profiles = profiles
        self._reference = reference

    def import_session(self, path: str | Path) -> SessionSnapshot:
        """A new session from an exchange file; raises ``ValidationError`` listing every problem and
        stores nothing when the file is refused."""
        from compass.formats.session_file import read_session_file

        imported = read_session_file(read_file(path), self._reference)
        return self._sessions.import_session(imported)

    def export_session(self, session_id: int, path: str | Path) -> None:
        from compass.formats.session_file import write_session_file

        write_file(path, write_session_file(self._sessions.get_session(session_id)))

    def export_strategy_pdf(self, snapshot: SessionSnapshot, path: str | Path, language: str) -> None:
        """The tender strategy document. Touches no database, so it may run on a worker thread."""
        from compass.formats.strategy_files import write_strategy_pdf

        write_strategy_pdf(snapshot, self._reference, path, language)

    def export_strategy_docx(self, snapshot: SessionSnapshot, path: str | Path, language: str) -> None:
        """The tender strategy as a Word file, from the same document model as the PDF (any thread)."""
        from compass.formats.strategy_files import write_strategy_docx

        write_strategy_docx(snapshot, self._reference, path, language)

    def export_strategy(self, snapshot: SessionSnapshot, path: str | Path, language: str) -> None:
        """PDF or Word, as the file's name says (.docx: Word; anything else: PDF)."""
        if str(path).lower().endswith(".docx"):
            self.export_strategy_docx(snapshot, path, language)
        else:
            self.export_strategy_pdf(snapshot, path, language)

    def export_dialogue_record(self, snapshot: SessionSnapshot, path: str | Path, language: str) -> None:
        """The record of the SDG dialogues on its own (PDF, or Word for .docx); any thread."""
        from compass.formats.strategy_files import write_dialogue_record

        write_dialogue_record(snapshot, self._reference, path, language)

    def strategy_html(self, snapshot: SessionSnapshot, language: str) -> str:
        """The tender strategy document as the summary page shows it: the same story as the PDF."""
        from compass.formats.document.build import build_document
        from compass.formats.html.render import render_html

        return render_html(build_document(snapshot, self._reference, language))

    def import_profile(self, path: str | Path) -> int:
        return self._profiles.import_profile(read_file(path))

    def export_profile(self, profile_id: int, path: str | Path) -> None:
        write_file(path, self._profiles.export_profile(profile_id))
