"""Extract our translatable messages and merge them into the Dutch catalogue.

    python scripts/update_translations.py

Then translate the new or fuzzy entries in resources/translations/nl/LC_MESSAGES/compass.po (Poedit or
any editor). The app compiles the catalogue itself on first use.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TEMPLATE = TRANSLATIONS / "compass.pot"
KEYWORDS = ["-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "translate_in:2"]


def main() -> int:
    # Relative paths in the catalogue's comments: the same file from any clone or worktree.
    os.chdir(ROOT)
    cli = CommandLineInterface()
    cli.run(
        [
            "pybabel",
            "extract",
            "--no-default-keywords",
            *KEYWORDS,
            "--sort-by-file",
            "--project=sdg-procurement-compass",
            "--no-wrap",
            "-o",
            str(TEMPLATE),
            "compass",
        ]
    )
    catalogue = TRANSLATIONS / "nl" / "LC_MESSAGES" / "compass.po"
    if catalogue.exists():
        cli.run(
            [
                "pybabel",
                "update",
                "--no-wrap",
                "-D",
                "compass",
                "-i",
                str(TEMPLATE),
                "-d",
                str(TRANSLATIONS),
                "-l",
                "nl",
                "--ignore-obsolete",
            ]
        )
    else:
        cli.run(
            [
                "pybabel",
                "init",
                "--no-wrap",
                "-D",
                "compass",
                "-i",
                str(TEMPLATE),
                "-d",
                str(TRANSLATIONS),
                "-l",
                "nl",
            ]
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
