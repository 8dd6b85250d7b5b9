"""A backup of the database as the services describe it: numbered as ``compass backup list`` and the
restore dialog show it (1 is the newest). No Qt, no SQLAlchemy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from compass.i18n import _


@dataclass(frozen=True)
class BackupSummary:
    number: int  # 1 is the newest
    made_at: dt.datetime  # aware, UTC
    reason: str  # "daily", "before-upgrade" or "before-restore"
    size: int  # bytes
    file: str

    def reason_label(self) -> str:
        """Why the backup was made, in the language of the moment."""
        if self.reason == "before-upgrade":
            return _("before an upgrade of the app")
        if self.reason == "before-restore":
            return _("before a restore")
        return _("daily")


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupSummary
    previous_backup: str | None  # where the database as it was before the restore is kept
    set_aside: str | None  # a damaged file moved out of the way instead of being backed up
