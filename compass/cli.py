"""The ``compass`` command: without a subcommand it opens the app, with one it acts as a CLI over the
same services. Errors are one line on stderr and exit code 2, never a traceback. Nothing it prints
carries a control character to the terminal, not even from a row an older version stored: text goes
through ``compass.method.text.printable``, JSON escapes such characters.

A reader that stops early (``compass sessions list | head -1``) ends the command quietly with exit
code 1, as the Python documentation advises for SIGPIPE: no message, no traceback."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from compass.i18n import _, set_language, system_language

if TYPE_CHECKING:
    import argparse

    from compass.core.codes import Procedure
    from compass.core.listing import SessionSummary
    from compass.core.session import SessionSnapshot
    from compass.reference.types import ReferenceData
    from compass.services import ProfileService

EXIT_ERROR = 2
EXIT_READER_GONE = 1  # what Python's documentation suggests when stdout's reader closed early


class _ReaderGone(Exception):
    """Whoever reads our standard output closed it before we finished (``| head -1``)."""


def _say(text: str) -> None:
    """One line on standard output; a reader gone away is told apart from every other error."""
    try:
        sys.stdout.write(text + "\n")
    except BrokenPipeError as error:
        raise _ReaderGone from error


def _flush_output() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError as error:
        raise _ReaderGone from error


def _silence_output() -> None:
    """Python flushes stdout once more at exit, which would fail again and print 'Exception ignored':
    pointing stdout at the null device makes that last flush harmless (the Python docs' recipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # a stdout without a file descriptor (a test's capture) has no pipe
        pass


def main(argv: Sequence[str] | None = None) -> int:
    try:
        try:
            return _main(argv)
        finally:  # also after --help and --version, which leave by SystemExit
            _flush_output()
    except _ReaderGone:
        _silence_output()
        return EXIT_READER_GONE


def _main(argv: Sequence[str] | None) -> int:
    set_language(system_language())
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:  # the app itself: skip building the parser, start-up time counts
        return _start_app(None)
    from compass.cli_parser import build_parser  # argparse only when there are arguments to parse

    args = build_parser().parse_args(arguments)
    if args.command is None:
        return _start_app(args.db)
    try:
        return _run_command(args)
    except KeyboardInterrupt:
        return EXIT_ERROR
    except _ReaderGone:
        raise
    except Exception as error:  # noqa: BLE001 - the CLI promises one line a problem, no traceback
        _print_errors(error)
        return EXIT_ERROR


def _print_errors(error: Exception) -> None:
    """One line a problem; a message may quote a file's text, so it is made printable."""
    for line in _error_lines(error):
        print(f"compass: {_printable(line)}", file=sys.stderr)


def _printable(text: str) -> str:
    from compass.method.text import printable

    return printable(text, multiline=False)


def _json(data: object) -> str:
    """JSON as the terminal may show it: what storage refuses is written as a ``\\u`` escape, so
    the data stays exact and no control character reaches the terminal."""
    import json

    from compass.method.text import printable

    return printable(json.dumps(data, ensure_ascii=False, indent=2), replacement=_json_escape)


def _json_escape(character: str) -> str:
    code = ord(character)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the first plane: JSON writes the two halves of a UTF-16 pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _start_app(db_option: str | None) -> int:
    """The desktop app; a fault before its window can show one is logged and named in one line."""
    from compass.app import run_app

    try:
        return run_app(db_option)
    except Exception as error:  # noqa: BLE001 - logged with its traceback by _error_lines
        _print_errors(error)
        return EXIT_ERROR


def _error_lines(error: Exception) -> list[str]:
    from compass.core.errors import CompassError, ValidationError

    if isinstance(error, ValidationError):
        return [f"{p.field}: {p.message}".replace("\n", " ") for p in error.problems]
    if isinstance(error, CompassError):
        return [str(error).replace("\n", " ") or type(error).__name__]
    from compass.fault_log import record_fault

    log = record_fault(error, context="compass " + " ".join(sys.argv[1:]))
    summary = f"{type(error).__name__}: {error}".replace("\n", " ")
    return [_("unexpected error: {error} (details in {path})").format(error=summary, path=log)]


# Commands that only read: on a database that cannot be written they run read-only.
_READING = {("sessions", "list"), ("export", None), ("profiles", "list"), ("profiles", "export")}


def _run_command(args: argparse.Namespace) -> int:
    from compass.paths import resolve_database_url

    url = resolve_database_url(args.db)
    if args.command == "backup":  # never opens the database: it may be the one to replace
        return _run_backup_command(url, args)
    if args.command == "sessions" and args.action == "list" and _quick_sessions_list(url, args):
        return 0
    if args.command == "export" and _quick_export(url, args):
        return 0
    from compass.core.errors import StorageError
    from compass.reference.loading import load_reference_data
    from compass.services import open_services

    reference = load_reference_data()
    try:
        services = open_services(url, reference)
    except StorageError as error:
        if not (error.can_open_read_only and (args.command, getattr(args, "action", None)) in _READING):
            raise
        services = open_services(url, reference, read_only=True)
    try:
        if args.command == "export":
            _write_export(services.sessions.get_session(args.id), reference, args)
        elif args.command == "import":
            _say(str(services.files.import_session(args.file).id))
        elif args.command == "sessions" and args.action == "list":
            _print_sessions(services.sessions.list_sessions(args.search), as_json=args.json)
        elif args.command == "sessions" and args.action == "create":
            _say(str(services.sessions.create_session(args.title).id))
        elif args.command == "sessions" and args.action in ("finish", "reopen"):
            from compass.core.codes import SessionStatus

            final = args.action == "finish"
            services.sessions.set_status(args.id, SessionStatus.FINAL if final else SessionStatus.DRAFT)
        elif args.command == "profiles" and args.action == "list":
            _print_profiles(services.profiles, as_json=args.json)
        elif args.command == "profiles" and args.action == "export":
            services.files.export_profile(args.id, args.file)
        elif args.command == "profiles" and args.action == "import":
            _say(str(services.files.import_profile(args.file)))
    finally:
        services.close()
    if services.backup_problem is not None:  # after the work: a failed command says one line only
        print(f"compass: {_printable(str(services.backup_problem))}", file=sys.stderr)
    return 0


def _print_profiles(service: ProfileService, *, as_json: bool) -> None:
    profiles = service.list_profiles()
    if as_json:
        _say(_json([{"id": p.id, "name": p.name, "is_example": p.is_example} for p in profiles]))
        return
    for profile in profiles:
        marker = _("(example)") if profile.is_example else ""
        _say(f"{profile.id:>5}  {_printable(profile.name)} {marker}".rstrip())


def _quick_sessions_list(url: str, args: argparse.Namespace) -> bool:
    """The list read with sqlite3 alone when the database is a SQLite file at the current schema (as
    the start screen does, decision 002): no SQLAlchemy, no reference data, one page of rows in memory
    at a time. False when the full path must answer (another database, a file to create, migrate or
    open read-only, a damaged one): it gives today's messages."""
    from compass.model.quick_index import quick_listing

    listing = quick_listing(url, args.search)
    if listing is None:
        return False
    _print_sessions(listing, as_json=args.json)
    return True


def _quick_export(url: str, args: argparse.Namespace) -> bool:
    """The export read with sqlite3 alone when the database is a SQLite file at the current schema, so
    the command costs the renderer and not SQLAlchemy (issue 20). False when the full path must answer
    (another database, a file to migrate or open read-only, a missing session): it gives today's
    messages."""
    from compass.model.quick_snapshot import quick_snapshot

    stored = quick_snapshot(url, args.id)
    if stored is None:
        return False
    from compass.method.derived import with_derived_facts
    from compass.reference.loading import load_reference_data

    reference = load_reference_data()
    _write_export(with_derived_facts(stored, reference), reference, args)
    return True


def _write_export(snapshot: SessionSnapshot, reference: ReferenceData, args: argparse.Namespace) -> None:
    """The session as its exchange file, the tender strategy document or its tender texts, as the
    options say."""
    # "is not None": an empty name ("") is the user's and is refused in words by write_file.
    if args.json is not None:
        from compass.formats.files import write_file
        from compass.formats.session_file import write_session_file

        write_file(args.json, write_session_file(snapshot))
        return
    from compass.i18n import current_language

    if args.tender_texts is not None:
        from compass.formats.tender_texts_word import write_tender_texts_docx

        write_tender_texts_docx(snapshot, reference, args.tender_texts, args.lang or current_language())
        return
    from compass.formats.strategy_files import write_strategy_docx, write_strategy_pdf

    if args.docx is not None:
        write_strategy_docx(snapshot, reference, args.docx, args.lang or current_language())
    else:
        write_strategy_pdf(snapshot, reference, args.pdf, args.lang or current_language())


def _print_sessions(sessions: Iterable[SessionSummary], *, as_json: bool) -> None:
    """Streams: sessions are written a page at a time as they come, so a long list needs no more
    memory than a short one. The JSON is exactly ``_json`` of the whole list."""
    output = _PagedOutput()
    if as_json:
        # An element of an indented JSON list is its own indented JSON shifted by one level (a line
        # break inside a string is escaped, so every line break is JSON's own).
        separator = "[\n  "
        for s in sessions:
            element = {
                "id": s.id,
                "title": s.title,
                "organisation": s.organisation,
                "procedure": s.procedure.value if s.procedure else None,
                "status": s.status.value,
                "created_at": s.created_at.isoformat(),
                "updated_at": s.updated_at.isoformat(),
            }
            output.add(separator + _json(element).replace("\n", "\n  "))
            separator = ",\n  "
        output.add("[]\n" if separator == "[\n  " else "\n]\n")
    else:
        labels: dict[Procedure | None, str] = {}  # a handful of procedures, translated once each
        empty = True
        for s in sessions:
            empty = False
            changed = s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            label = labels.get(s.procedure) or labels.setdefault(s.procedure, _procedure_label(s.procedure))
            output.add(f"{s.id:>5}  {changed}  {label:<45}  {_printable(s.title)}\n")
        if empty:
            output.add(_("No sessions yet.") + "\n")
    output.flush()


def _procedure_label(procedure: Procedure | None) -> str:
    return procedure.label() if procedure is not None else _("not chosen yet")


class _PagedOutput:
    """Text for stdout written a page at a time: a write per line cost more than making the lines
    (0.9 s of 1.8 s for 100,000 sessions), a page is a few kilobytes whatever the list's length."""

    def __init__(self, page: int = 100) -> None:
        self._page = page
        self._parts: list[str] = []

    def add(self, text: str) -> None:
        self._parts.append(text)
        if len(self._parts) >= self._page:
            self.flush()

    def flush(self) -> None:
        text, self._parts = "".join(self._parts), []
        try:
            sys.stdout.write(text)
        except BrokenPipeError as error:
            raise _ReaderGone from error


def _run_backup_command(url: str, args: argparse.Namespace) -> int:
    from compass.formatting import format_moment, format_size
    from compass.i18n import current_language
    from compass.services.backups import BackupService

    service = BackupService(url)
    language = current_language()
    if args.action == "restore":
        result = service.restore(args.number)
        when = format_moment(result.restored.made_at, language, seconds=True)
        _say(_("Restored backup {number} of {moment}.").format(number=args.number, moment=when))
        if result.previous_backup:
            _say(_("The database as it was is kept in {file}.").format(file=result.previous_backup))
        if result.set_aside:
            _say(_("The unreadable database was moved to {file}.").format(file=result.set_aside))
        return 0
    listed = service.list_backups()
    if args.json:
        _say(
            _json(
                [
                    {
                        "number": b.number,
                        "made_at": b.made_at.isoformat(),
                        "reason": b.reason,
                        "size": b.size,
                        "file": b.file,
                        "dated_in_the_future": b.dated_in_the_future,
                    }
                    for b in listed
                ]
            )
        )
        return 0
    if not listed:
        _say(_("No backups of {location} yet.").format(location=service.location))
        return 0
    for b in listed:
        moment = format_moment(b.made_at, language, seconds=True)
        _say(f"{b.number:>3}  {moment}  {format_size(b.size, language):>9}  {b.why()}")
    return 0
