"""One line of the session list: what the start screen shows, without the session's contents.
Its own module so the start screen can paint without loading every snapshot type."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from compass.vocabulary import Procedure, SessionStatus


@dataclass(frozen=True)
class SessionSummary:
    id: int
    title: str
    organisation: str
    procedure: Procedure
    status: SessionStatus
    created_at: dt.datetime
    updated_at: dt.datetime
