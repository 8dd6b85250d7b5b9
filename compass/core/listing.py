"""One line of the session list: what the start screen shows, without the session's contents.
Its own module so the start screen can paint without loading every snapshot type."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from compass.core.codes import Procedure, SessionStatus


# Named tuples, not dataclasses: the start screen's path is kept free of ``dataclasses`` (2 ms).
class SessionSummary(NamedTuple):
    id: int
    title: str
    organisation: str
    procedure: Procedure | None  # None until the team chooses one
    status: SessionStatus
    created_at: dt.datetime
    updated_at: dt.datetime


# The start screen shows this many sessions at first and loads as many more each time the user scrolls
# to the end: a database of 10,000 sessions paints as fast as one of ten (docs/decisions/002).
LIST_PAGE_SIZE = 100


class SessionListPage(NamedTuple):
    """The first sessions of a listing, and how many sessions match in all."""

    sessions: tuple[SessionSummary, ...]
    total: int
