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
    dated_in_the_future: bool = False  # made while the clock was ahead: its date is not to be trusted

    def reason_label(self) -> str:
        """Why the backup was made, in the language of the moment."""
        if self.reason == "before-upgrade":
            return _("before an upgrade of the app")
        if self.reason == "before-restore":
            return _("before a restore")
        return _("daily")

    def future_note(self) -> str:
        """Said beside a backup dated later than now, empty for any other."""
        if not self.dated_in_the_future:
            return ""
        return _("dated in the future: the clock was ahead when it was made")

    def why(self) -> str:
        """Why it was made, and a word on its date where that is not to be trusted."""
        note = self.future_note()
        return f"{self.reason_label()} ({note})" if note else self.reason_label()


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupSummary
    previous_backup: str | None  # where the database as it was before the restore is kept
    set_aside: str | None  # a damaged file moved out of the way instead of being backed up
