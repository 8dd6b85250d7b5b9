"""Backups of a SQLite database file, made with SQLite's online backup API (decision 009).

Where: a folder ``backups`` beside the database file. Each backup is one self-contained SQLite file
named ``<database name>-<sequence>-<UTC time>-<reason>.sqlite3``
(``compass-000012-20270309T140501Z-daily.sqlite3``). The sequence number orders them, not the time: a
clock that was ahead and was put right must not make a new backup look older than the ones it made
(it did: seven backups dated in the future made every new one the first to be pruned). Names from
before the sequence (``compass-20270309T140501Z-daily.sqlite3``) are still listed, as older than every
numbered one. The newest ``KEEP`` of a database are kept; older ones are deleted after a new one is
complete, never the one just made.

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
_FUTURE_SLACK = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: dt.datetime  # aware, UTC: the clock of the moment, which may have been wrong
    reason: str
    size: int
    sequence: int = 0  # orders the backups; 0 for a name from before the sequence

    def from_the_future(self, now: dt.datetime) -> bool:
        """Dated later than ``now``: the clock was ahead when it was made (a minute's slack for clocks
        of several desks that differ a little)."""
        return self.made_at > now + _FUTURE_SLACK


def backup_folder(database: Path) -> Path:
    return database.parent / FOLDER_NAME


def _pattern(database: Path) -> re.Pattern[str]:
    reasons = "|".join(re.escape(reason) for reason in REASONS)
    return re.compile(
        rf"^{re.escape(database.stem)}-(?:(\d{{1,18}})-)?(\d{{8}}T\d{{6}}Z)-({reasons})\.sqlite3$"
    )


def _parse(pattern: re.Pattern[str], name: str) -> tuple[int, dt.datetime, str] | None:
    """Sequence, time and reason of a backup's name; None for another file or an impossible time
    (``...-20271399T250000Z-...``: a name typed or damaged by hand is not ours to read)."""
    match = pattern.match(name)
    if match is None:
        return None
    try:
        made_at = dt.datetime.strptime(match.group(2), _STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return None
    return int(match.group(1) or 0), made_at, match.group(3)


def list_backups(database: Path) -> list[BackupFile]:
    """The backups of ``database``, newest (highest sequence) first. A file that vanishes while the
    folder is read (another desk pruning) is left out, not an error."""
    folder = backup_folder(database)
    pattern = _pattern(database)
    found: list[BackupFile] = []
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):  # no backups yet
        return []
    for entry in entries:
        parsed = _parse(pattern, entry.name)
        if parsed is None:
            continue
        try:
            if not entry.is_file():
                continue
            size = entry.stat().st_size
        except OSError:  # gone between the listing and the look
            continue
        sequence, made_at, reason = parsed
        found.append(BackupFile(Path(entry.path), made_at, reason, size, sequence))
    return sorted(found, key=_order, reverse=True)


def _order(backup: BackupFile) -> tuple[int, dt.datetime, str]:
    return backup.sequence, backup.made_at, backup.path.name


def _target(database: Path, reason: str, now: dt.datetime) -> tuple[Path, int]:
    """A free name, numbered one past the highest sequence there is."""
    folder = backup_folder(database)
    stamp = now.astimezone(dt.UTC).strftime(_STAMP)
    listed = list_backups(database)
    sequence = max((backup.sequence for backup in listed), default=0) + 1
    while True:
        target = folder / f"{database.stem}-{sequence:06d}-{stamp}-{reason}.sqlite3"
        if not target.exists():
            return target, sequence
        sequence += 1


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
        target, sequence = _target(database, reason, now)
    except OSError as error:
        raise _backup_error(database, folder, error) from error
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
        size = target.stat().st_size
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise _backup_error(database, folder, error) from error
    made = BackupFile(target, now.astimezone(dt.UTC).replace(microsecond=0), reason, size, sequence)
    if keep is not None:
        prune(database, keep, spare=target)
    return made


def prune(database: Path, keep: int = KEEP, *, spare: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``database`` (never ``spare``, the one just
    made); returns what was deleted. One that cannot be deleted stays, for the next time."""
    removed = []
    for backup in list_backups(database)[keep:]:
        if backup.path == spare:
            continue
        try:
            backup.path.unlink(missing_ok=True)
        except OSError:
            continue
        removed.append(backup.path)
    return removed


def daily_backup_due(database: Path, now: dt.datetime) -> bool:
    """No backup yet on the user's calendar day of ``now`` (any reason counts). A backup dated in
    the future does not count: it was made while the clock was ahead, on some other day."""
    for backup in list_backups(database):
        if not backup.from_the_future(now):
            return backup.made_at.astimezone().date() != now.astimezone().date()
    return True


def check_backup(backup: Path) -> str:
    """The schema revision of an intact backup of ours; raises ``BackupError`` in words otherwise."""
    from compass.model.sqlite_probe import FileState, probe_sqlite_file

    probe = probe_sqlite_file(backup)
    if probe.state is FileState.OURS and probe.revision is not None:
        return probe.revision
    if probe.state is FileState.MISSING:
        raise BackupError(
            _(
                "The backup {file} is no longer there (deleted or moved since the list was read); "
                "nothing was changed. Choose another one."
            ).format(file=backup)
        )
    if probe.state is FileState.DAMAGED:
        raise BackupError(
            _("The backup {file} is damaged ({detail}); nothing was changed. Choose another one.").format(
                file=backup, detail=probe.detail
            )
        )
    raise BackupError(
        _(
            "The backup {file} is not a database of this app; nothing was changed. Choose another one."
        ).format(file=backup)
    )


def copy_into(backup: Path, database: Path) -> None:
    """Replace the content of ``database`` with ``backup`` through the backup API: SQLite's locks and
    its WAL are respected, so a connection still open elsewhere sees either the old or the new data."""
    source = connect_read_only(backup)
    try:
        target = sqlite3.connect(database)
        try:
            source.backup(target)
            # The restored pages into the file itself, so the file alone holds them (a copy of it
            # without its -wal is whole) even while another desk keeps the database open.
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
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
