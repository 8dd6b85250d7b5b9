"""An agenda item's timer through a workshop, with a clock the test moves."""

from __future__ import annotations

from compass.method.agenda_timer import AgendaTimer, clock_text


def test_a_timer_counts_down_only_while_running_and_can_be_extended() -> None:
    timer = AgendaTimer.for_minutes(10)
    assert timer.left(now=100.0) == 600  # not started: the whole item is left
    timer = timer.start(now=100.0)
    assert timer.left(now=160.0) == 540
    timer = timer.pause(now=160.0)
    assert timer.left(now=1000.0) == 540  # paused: the clock stands still
    timer = timer.extend(2).start(now=1000.0)
    assert timer.left(now=1000.0) == 660
    assert timer.start(now=1010.0).left(now=1010.0) == 650  # starting twice does not reset


def test_running_over_shows_the_time_over_not_a_reset() -> None:
    timer = AgendaTimer.for_minutes(1).start(now=0.0)
    assert timer.left(now=130.0) == -70
    assert clock_text(timer.left(now=130.0)) == "-1:10"
    assert clock_text(600) == "10:00"
    assert clock_text(5) == "0:05"
