"""The timer of one agenda item in an SDG dialogue: started, paused, extended, read as time left.

Plain data with the clock passed in (seconds, e.g. ``time.monotonic()``), so a test can walk it
through a workshop without waiting. Over time is shown as such ("2:10 over"), never as a reset.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class AgendaTimer:
    planned_seconds: int
    used_seconds: float = 0.0  # before the current run
    running_since: float | None = None

    @classmethod
    def for_minutes(cls, minutes: int) -> AgendaTimer:
        return cls(planned_seconds=minutes * 60)

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def used(self, now: float) -> float:
        return self.used_seconds + (now - self.running_since if self.running_since is not None else 0.0)

    def start(self, now: float) -> AgendaTimer:
        return self if self.running else replace(self, running_since=now)

    def pause(self, now: float) -> AgendaTimer:
        if not self.running:
            return self
        return replace(self, used_seconds=self.used(now), running_since=None)

    def extend(self, minutes: int) -> AgendaTimer:
        return replace(self, planned_seconds=max(0, self.planned_seconds + minutes * 60))

    def left(self, now: float) -> int:
        """Whole seconds left; negative once the item runs over."""
        left = self.planned_seconds - self.used(now)
        return int(left) if left >= 0 else -int(-left + 0.999)


def clock_text(seconds: int) -> str:
    """``12:05`` left, or ``-2:10`` once over (the caller words it)."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"
