"""The fault log: an unexpected error, with its traceback, appended to a file in the user data
directory, so a desktop user (who never sees stderr) can send it to whoever supports the app.

No Qt, no logging configuration: it is used from the app's exception hook, from worker threads and
from the CLI, and costs nothing until something goes wrong (``logging.handlers`` alone takes about
30 ms to import, which start-up cannot afford).
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from compass import __version__
from compass.paths import user_data_dir

FAULT_LOG_NAME = "faults.log"
# One earlier file is kept beside it (faults.log.1) when it grows past this size.
MAX_LOG_BYTES = 1_000_000
_lock = threading.Lock()


def fault_log_path() -> Path:
    return user_data_dir() / "logs" / FAULT_LOG_NAME


def _fallback_path() -> Path:
    """Where the log goes when the data directory cannot be written (a full or read-only disk)."""
    import tempfile

    return Path(tempfile.gettempdir()) / f"sdg-compass-{FAULT_LOG_NAME}"


def record_fault(error: BaseException, context: str = "") -> Path:
    """Append ``error`` with its traceback and what the app was doing; returns the file written."""
    import datetime as dt  # imported here: the hook is installed before the first paint
    import platform
    import traceback

    stamp = dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    entry = (
        f"=== {stamp}  SDG Procurement Compass {__version__}, Python {platform.python_version()}, "
        f"{platform.platform()}\n"
        + (f"while: {context}\n" if context else "")
        + f"thread: {threading.current_thread().name}\n{details}\n"
    )
    with _lock:
        for path in (fault_log_path(), _fallback_path()):
            try:
                _append(path, entry)
            except OSError:
                continue
            return path
    print(entry, file=sys.stderr)  # nowhere to write: stderr is the last resort
    return fault_log_path()


def _append(path: Path, entry: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
        path.replace(path.with_name(path.name + ".1"))
    with path.open("a", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write(entry)
