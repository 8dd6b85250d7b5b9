"""The running workshop: which agenda item is on, and its timer. Shared by the facilitator's window
and the presenter view; not stored (a timer is of the moment, the agenda and its minutes are)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from compass.core.session import AgendaItem
from compass.method.agenda_timer import AgendaTimer

EXTEND_MINUTES = 2


class WorkshopRun(QObject):
    changed = Signal()  # another item, started, paused, extended
    tick = Signal()  # once a second while a timer runs

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timers: dict[int, AgendaTimer] = {}
        self.current: AgendaItem | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)

    def show_item(self, item: AgendaItem | None) -> None:
        """Puts ``item`` on (its timer keeps what it used); the running one pauses."""
        self._pause_current()
        self.current = item
        if item is not None and item.id not in self._timers:
            self._timers[item.id] = AgendaTimer.for_minutes(item.planned_minutes)
        self._ticker.stop()
        self.changed.emit()

    def next_item(self, agenda: Sequence[AgendaItem]) -> None:
        ids = [item.id for item in agenda]
        if not ids:
            return
        if self.current is None or self.current.id not in ids:
            self.show_item(agenda[0])
        elif ids.index(self.current.id) + 1 < len(ids):
            self.show_item(agenda[ids.index(self.current.id) + 1])

    def start_or_pause(self) -> None:
        if self.current is None:
            return
        timer = self._timers[self.current.id]
        if timer.running:
            self._timers[self.current.id] = timer.pause(self._clock())
            self._ticker.stop()
        else:
            self._timers[self.current.id] = timer.start(self._clock())
            self._ticker.start()
        self.changed.emit()

    def extend(self) -> None:
        if self.current is not None:
            self._timers[self.current.id] = self._timers[self.current.id].extend(EXTEND_MINUTES)
            self.changed.emit()

    def running(self) -> bool:
        return self.current is not None and self._timers[self.current.id].running

    def seconds_left(self) -> int | None:
        if self.current is None:
            return None
        return self._timers[self.current.id].left(self._clock())

    def forget(self, agenda: Sequence[AgendaItem]) -> None:
        """After the agenda changed: an item that is gone is no longer on, and its timer goes with it.
        The database may give its id to the next new item (an item added after an undo started at the
        undone item's 10 minutes instead of its own 30)."""
        ids = {item.id for item in agenda}
        if self.current is not None and self.current.id not in ids:
            self.show_item(None)
        elif self.current is not None:
            self.current = next(item for item in agenda if item.id == self.current.id)
        self._timers = {item_id: timer for item_id, timer in self._timers.items() if item_id in ids}

    def _pause_current(self) -> None:
        if self.current is not None and self._timers[self.current.id].running:
            self._timers[self.current.id] = self._timers[self.current.id].pause(self._clock())
