"""Reading and writing the user's files with clear errors; writing is all or nothing."""

from __future__ import annotations

import os
from pathlib import Path

from compass.core.errors import CompassError
from compass.i18n import _


def read_file(name: str | Path) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as error:
        raise CompassError(
            _("Cannot read {file}: {detail}").format(file=name, detail=error.strerror or error)
        ) from error


def write_file(name: str | Path, data: bytes) -> None:
    """A temporary file next to the target, renamed when complete: never a half-written file."""
    target = Path(name)
    if not target.name:  # "" or "/": no file to write to (Path.with_name would raise)
        raise CompassError(_("Cannot write {file}: give a file name.").format(file=name or '""'))
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise CompassError(
            _("Cannot write {file}: {detail}").format(file=name, detail=error.strerror or error)
        ) from error
