"""The ``compass`` command's arguments. Apart from ``compass.cli`` so that starting the app without
arguments does not import argparse (decision 002: the start-up path loads only what the first frame
needs)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from compass import __version__
from compass.cli import EXIT_ERROR
from compass.cli import _ReaderGone as ReaderGone
from compass.i18n import _, ngettext

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


def _terminal_width() -> int:
    """What ``shutil.get_terminal_size`` answers, without importing shutil (and its archive modules)
    for each of the 35 formatters argparse makes while the parser is built."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_width() - 2)  # argparse's own margin


class OneLineParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: {message}\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse swallows a failed write; help or version into a closed pipe must end like a list
        if not message:
            return
        file = file or sys.stderr
        try:
            file.write(message)
        except BrokenPipeError as error:
            if file is sys.stdout:
                raise ReaderGone from error
        except (AttributeError, OSError):  # argparse's own choice for stderr and the like
            pass


def build_parser() -> argparse.ArgumentParser:
    # argparse words its own messages through gettext's default domain, which Python ships no
    # catalogue for: each of its 45 lookups searched the locale folders (4 ms a command). Ours answer
    # from the catalogue already loaded, in English where it has no entry, as before.
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    parser = OneLineParser(
        prog="compass",
        description=_("SDG Procurement Compass: from a tender to a measurable SDG strategy."),
    )
    parser.add_argument("--version", action="version", version=f"compass {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help=_("database URL (default: COMPASS_DB, else a SQLite file in your data directory)"),
    )
    commands = parser.add_subparsers(dest="command", parser_class=OneLineParser)
    sessions = commands.add_parser("sessions", help=_("list and create sessions"))
    session_commands = sessions.add_subparsers(dest="action", required=True, parser_class=OneLineParser)
    listing = session_commands.add_parser("list", help=_("list sessions, newest first"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.add_argument("--search", default="", help=_("only sessions whose title contains this"))
    create = session_commands.add_parser("create", help=_("create a session"))
    create.add_argument("title", help=_("title of the tender"))
    finish = session_commands.add_parser(
        "finish", help=_("mark a session as final (freezes its organisation profile)")
    )
    finish.add_argument("id", type=int, help=_("session id"))
    reopen = session_commands.add_parser("reopen", help=_("reopen a final session as a draft"))
    reopen.add_argument("id", type=int, help=_("session id"))

    export = commands.add_parser("export", help=_("write a session as a document"))
    export.add_argument("id", type=int, help=_("session id"))
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--pdf", metavar="FILE", help=_("the tender strategy PDF"))
    target.add_argument("--docx", metavar="FILE", help=_("the tender strategy as a Word file"))
    target.add_argument("--json", metavar="FILE", help=_("the session in the exchange format"))
    target.add_argument(
        "--tender-texts",
        metavar="FILE",
        help=_("the requirements, criteria and conditions for the tender documents, as a Word file"),
    )
    export.add_argument("--lang", choices=("nl", "en"), help=_("language of the document"))

    session_import = commands.add_parser("import", help=_("add a session from an exchange file"))
    session_import.add_argument("file", help=_("exchange file (JSON)"))

    profiles = commands.add_parser("profiles", help=_("organisation profiles"))
    profile_commands = profiles.add_subparsers(dest="action", required=True, parser_class=OneLineParser)
    profile_list = profile_commands.add_parser("list", help=_("list organisation profiles"))
    profile_list.add_argument("--json", action="store_true", help=_("print JSON"))
    profile_export = profile_commands.add_parser("export", help=_("write a profile to a file"))
    profile_export.add_argument("id", type=int, help=_("profile id"))
    profile_export.add_argument("file", help=_("file to write"))
    profile_import = profile_commands.add_parser("import", help=_("add a profile from a file"))
    profile_import.add_argument("file", help=_("exported profile file"))

    backup = commands.add_parser("backup", help=_("list and restore backups of the database"))
    backup_commands = backup.add_subparsers(dest="action", required=True, parser_class=OneLineParser)
    backup_list = backup_commands.add_parser("list", help=_("list the backups, newest first"))
    backup_list.add_argument("--json", action="store_true", help=_("print JSON"))
    restore = backup_commands.add_parser(
        "restore", help=_("replace the database with a backup (the current one is backed up first)")
    )
    restore.add_argument("number", type=int, help=_("the backup's number in the list"))
    return parser
