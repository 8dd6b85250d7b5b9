"""The ``compass`` command: without a subcommand it opens the app, with one it acts as a CLI over the
same services. Errors are one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from compass import __version__
from compass.i18n import _, set_language, system_language

if TYPE_CHECKING:
    from compass.services import SessionService

EXIT_ERROR = 2


class _OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(
        prog="compass",
        description=_("SDG Procurement Compass: from a tender to a measurable SDG strategy."),
    )
    parser.add_argument("--version", action="version", version=f"compass {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        help=_("database URL (default: COMPASS_DB, else a SQLite file in your data directory)"),
    )
    commands = parser.add_subparsers(dest="command", parser_class=_OneLineParser)
    sessions = commands.add_parser("sessions", help=_("list and create sessions"))
    session_commands = sessions.add_subparsers(dest="action", required=True, parser_class=_OneLineParser)
    listing = session_commands.add_parser("list", help=_("list sessions, newest first"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.add_argument("--search", default="", help=_("only sessions whose title contains this"))
    create = session_commands.add_parser("create", help=_("create a session"))
    create.add_argument("title", help=_("title of the tender"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    set_language(system_language())
    arguments = sys.argv[1:] if argv is None else list(argv)
    if not arguments:  # the app itself: skip building the parser, start-up time counts
        from compass.app import run_app

        return run_app(None)
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.command is None:
        from compass.app import run_app

        return run_app(args.db)
    try:
        return _run_command(args)
    except KeyboardInterrupt:
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - the CLI promises one line, never a traceback
        from compass.errors import CompassError

        message = (
            str(error)
            if isinstance(error, CompassError)
            else _("unexpected error: {error}").format(error=f"{type(error).__name__}: {error}")
        )
        print(f"compass: {message.splitlines()[0] if message else type(error).__name__}", file=sys.stderr)
        return EXIT_ERROR


def _run_command(args: argparse.Namespace) -> int:
    from compass.model.database import open_database
    from compass.paths import resolve_database_url
    from compass.services import SessionService

    database = open_database(resolve_database_url(args.db))
    try:
        service = SessionService(database)
        if args.action == "list":
            _print_sessions(service, args.search, as_json=args.json)
        elif args.action == "create":
            print(service.create_session(args.title).id)
    finally:
        database.dispose()
    return 0


def _print_sessions(service: SessionService, search: str, *, as_json: bool) -> None:
    sessions = service.list_sessions(search)
    if as_json:
        import json

        print(
            json.dumps(
                [
                    {
                        "id": s.id,
                        "title": s.title,
                        "organisation": s.organisation,
                        "procedure": s.procedure.value,
                        "status": s.status.value,
                        "created_at": s.created_at.isoformat(),
                        "updated_at": s.updated_at.isoformat(),
                    }
                    for s in sessions
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not sessions:
        print(_("No sessions yet."))
        return
    for s in sessions:
        changed = s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{s.id:>5}  {changed}  {s.procedure.label():<45}  {s.title}")
