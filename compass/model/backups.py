"""Backups of a SQLite database file, made with SQLite's online backup API (decision 009).

Where: a folder ``backups`` beside the database file. Each backup is one self-contained SQLite file
named ``<database name>-<UTC time>-<reason>.sqlite3`` (``compass-20270309T140501Z-daily.sqlite3``), so
a listing sorts by time and a person can tell what each is without the app. The newest ``KEEP`` of a
database are kept; older ones are deleted after a new one is complete.

Why the backup API and not a file copy: the database is in WAL mode, so recent commits may live in
the ``-wal`` file, and another connection may be writing. ``Connection.backup`` copies the database as
one transaction sees it (all pages in one step, under a read lock), so the copy is consistent and
never blocks the writer for long.

Standard library only, no SQLAlchemy: backups are listed and restored even when the database itself
cannot be opened (damaged, or from a newer app).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from compass.core.errors import BackupError, StorageProblem
from compass.i18n import _
from compass.model.sqlite_probe import connect_read_only
from compass.model.storage import storage_problem_of

KEEP = 7
FOLDER_NAME = "backups"
REASONS = ("daily", "before-upgrade", "before-restore")
_STAMP = "%Y%m%dT%H%M%SZ"
_PARTIAL_SUFFIX = ".partial"
_STALE_PARTIAL = dt.timedelta(hours=1)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: dt.datetime  # aware, UTC
    reason: str
    size: int


def backup_folder(database: Path) -> Path:
    return database.parent / FOLDER_NAME


def _pattern(database: Path) -> re.Pattern[str]:
    reasons = "|".join(re.escape(reason) for reason in REASONS)
    return re.compile(rf"^{re.escape(database.stem)}-(\d{{8}}T\d{{6}}Z)-({reasons})\.sqlite3$")


def list_backups(database: Path) -> list[BackupFile]:
    """The backups of ``database``, newest first."""
    folder = backup_folder(database)
    if not folder.is_dir():
        return []
    pattern = _pattern(database)
    found: list[BackupFile] = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match is None or not path.is_file():
            continue
        made_at = dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)
        found.append(BackupFile(path, made_at, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda backup: (backup.made_at, backup.path.name), reverse=True)


def _target(database: Path, reason: str, now: dt.datetime) -> Path:
    """A free name; a second backup within the same second gets the next second's name."""
    folder = backup_folder(database)
    moment = now.astimezone(dt.UTC).replace(microsecond=0)
    taken = {backup.made_at for backup in list_backups(database)}
    while moment in taken:
        moment += dt.timedelta(seconds=1)
    return folder / f"{database.stem}-{moment.strftime(_STAMP)}-{reason}.sqlite3"


def make_backup(database: Path, reason: str, now: dt.datetime, *, keep: int | None = KEEP) -> BackupFile:
    """A consistent copy of ``database`` in its backups folder, then all but the newest ``keep``
    deleted (None: keep all, the caller prunes later). The copy is written under a temporary name and
    renamed when complete: a crash leaves no half backup that looks whole."""
    if reason not in REASONS:
        raise ValueError(reason)
    folder = backup_folder(database)
    try:
        folder.mkdir(exist_ok=True)
        _remove_stale_partials(folder, now)
    except OSError as error:
        raise _backup_error(database, folder, error) from error
    target = _target(database, reason, now)
    partial = target.with_name(f".{target.name}{_PARTIAL_SUFFIX}")
    try:
        source = connect_read_only(database)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)  # every page in one step: one consistent snapshot
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal
            finally:
                copy.close()
        finally:
            source.close()
        _fsync(partial)
        os.replace(partial, target)
        _fsync_folder(folder)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise _backup_error(database, folder, error) from error
    if keep is not None:
        prune(database, keep)
    return BackupFile(target, _made_at(target, database), reason, target.stat().st_size)


def _made_at(target: Path, database: Path) -> dt.datetime:
    match = _pattern(database).match(target.name)
    assert match is not None
    return dt.datetime.strptime(match.group(1), _STAMP).replace(tzinfo=dt.UTC)


def prune(database: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``database``; returns what was deleted."""
    removed = []
    for backup in list_backups(database)[keep:]:
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def daily_backup_due(database: Path, now: dt.datetime) -> bool:
    """No backup yet on the user's calendar day of ``now`` (any reason counts)."""
    backups = list_backups(database)
    if not backups:
        return True
    return backups[0].made_at.astimezone().date() != now.astimezone().date()


def check_backup(backup: Path) -> str:
    """The schema revision of an intact backup of ours; raises ``BackupError`` otherwise."""
    from compass.model.sqlite_probe import FileState, probe_sqlite_file

    probe = probe_sqlite_file(backup)
    if probe.state is not FileState.OURS or probe.revision is None:
        raise BackupError(
            _("The backup {file} cannot be used ({detail}); choose another one.").format(
                file=backup, detail=probe.detail or probe.state.value
            )
        )
    return probe.revision


def copy_into(backup: Path, database: Path) -> None:
    """Replace the content of ``database`` with ``backup`` through the backup API: SQLite's locks and
    its WAL are respected, so a connection still open elsewhere sees either the old or the new data."""
    source = connect_read_only(backup)
    try:
        target = sqlite3.connect(database)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()


def set_aside(database: Path, now: dt.datetime) -> Path:
    """Move a database that cannot be read (damaged, not ours) into the backups folder under a name
    of its own, with its -wal and -shm files: a restore never deletes what was there."""
    folder = backup_folder(database)
    folder.mkdir(exist_ok=True)
    stamp = now.astimezone(dt.UTC).strftime(_STAMP)
    target = folder / f"{database.stem}-{stamp}-set-aside{database.suffix or '.sqlite3'}"
    os.replace(database, target)
    for suffix in ("-wal", "-shm", "-journal"):
        sidecar = database.with_name(database.name + suffix)
        if sidecar.exists():
            os.replace(sidecar, target.with_name(target.name + suffix))
    return target


def _backup_error(database: Path, folder: Path, error: BaseException) -> BackupError:
    problem = storage_problem_of(error)
    if problem is StorageProblem.DISK_FULL:
        return BackupError(
            _(
                "No backup of {location} could be made: the disk holding {folder} is full. Nothing "
                "was changed; free some space on that disk and try again."
            ).format(location=database, folder=folder)
        )
    if problem is not None:
        return BackupError(
            _(
                "No backup of {location} could be made: the folder {folder} cannot be written. "
                "Nothing was changed; make the folder writable or move the database to a folder "
                "where you can write."
            ).format(location=database, folder=folder)
        )
    detail = getattr(error, "strerror", None) or str(error)
    return BackupError(
        _("No backup of {location} could be made in {folder} ({detail}); nothing was changed.").format(
            location=database, folder=folder, detail=detail
        )
    )


def _remove_stale_partials(folder: Path, now: dt.datetime) -> None:
    """A backup interrupted by a crash leaves its temporary file; one older than an hour is no other
    process's backup in progress."""
    limit = (now - _STALE_PARTIAL).timestamp()
    for path in folder.glob(f".*{_PARTIAL_SUFFIX}"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
