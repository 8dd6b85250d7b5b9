"""The window's answers, driven through the real main window in-process (offscreen Qt): opening the
largest example, one edit with the refresh that follows it, and the same edit on a big session
(1,000 risks, 200 criteria, 200 indicators: ``benchmarks/big_session.py``).

An edit is what typing in the facts page's "Location" does once the typing pauses: the page's save
(an undoable command through the services), then every event the change sets off (the refresh of
what is shown) until the window is idle again.

    python benchmarks/gui.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import Figure  # noqa: E402


def _settle(app) -> None:
    """Every posted event and due zero-timer, as the event loop would run them before the next input."""
    for _ in range(3):
        app.processEvents()


def figures(runs: int) -> list[Figure]:
    from compass.app import AppServices, create_application, open_settings
    from compass.formats.session_file import read_session_file
    from compass.method.steps import Step
    from compass.reference.examples import list_examples
    from compass.ui.conflict_choice import choose_on_conflict
    from compass.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="compass-gui-bench-") as home:
        for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
            os.environ[variable] = f"{home}/{folder}"
        os.environ.pop("COMPASS_DB", None)
        app = create_application([])
        services = AppServices(f"sqlite:///{home}/bench.sqlite3")
        largest = max(list_examples(), key=lambda example: example.path.stat().st_size)
        example_id = services.sessions.import_session(
            read_session_file(largest.path.read_bytes(), services.reference)
        ).id
        from benchmarks.big_session import make_big_session

        big_id = make_big_session(services.sessions)

        def new_window() -> MainWindow:
            window = MainWindow(services=services, settings=open_settings())
            choose_on_conflict(lambda _conflict: True)
            window.show()
            _settle(app)
            return window

        def first_open(session_id: int) -> float:
            """In a new process, as after a start: the window painted and warmed up (the database
            open, as ``after_first_paint`` leaves it), then the first session opened: the wizard,
            its first page and the reference data load here."""
            child = subprocess.run(
                [sys.executable, __file__, "--first-open", services.database_url, str(session_id)],
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                capture_output=True,
                text=True,
                check=True,
            )
            return float(child.stdout.strip().splitlines()[-1])

        def edits(session_id: int) -> list[float]:
            window = new_window()
            window.open_session(session_id)
            assert window.wizard is not None
            window.wizard.go_to(Step.FACTS)
            _settle(app)
            page = window.wizard.current_page()
            location = page.editor("location")  # type: ignore[attr-defined]
            samples = []
            for number in range(runs + 1):
                location.setText(f"Maastricht, locatie {number}")
                start = time.perf_counter()
                page.flush()
                _settle(app)
                samples.append(time.perf_counter() - start)
            window.close()
            window.deleteLater()
            _settle(app)
            return samples[1:]  # the first is a warm-up

        first_open(example_id)  # warm-up: imports, reference data, caches
        opens = [first_open(example_id) for _ in range(runs)]
        small_edits = edits(example_id)
        big_edits = edits(big_id)
        services.close()
    return [
        Figure(
            "gui_open_largest_example",
            f"open the largest example ({largest.path.stem}) in the window, first open",
            opens,
            goal=0.150,
            ceiling=0.600,
        ),
        Figure(
            "gui_edit_refresh",
            "one edit and the window's refresh, largest example",
            small_edits,
            0.016,
            0.080,
        ),
        Figure(
            "gui_edit_refresh_big",
            "one edit and the window's refresh, 1,000 risks / 200 criteria / 200 indicators",
            big_edits,
            goal=0.050,
            ceiling=0.300,
        ),
    ]


def first_open_in_this_process(database_url: str, session_id: int) -> float:
    from compass.app import AppServices, create_application, open_settings
    from compass.ui.main_window import MainWindow

    app = create_application([])
    window = MainWindow(services=AppServices(database_url), settings=open_settings())
    window.show()
    _settle(app)
    window.after_first_paint()
    _settle(app)
    start = time.perf_counter()
    window.open_session(session_id)
    _settle(app)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--first-open", nargs=2, metavar=("URL", "ID"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_open:
        print(first_open_in_this_process(args.first_open[0], int(args.first_open[1])))
        return 0
    for figure in figures(args.runs):
        median, goal = figure.value * 1000, figure.goal * 1000
        print(f"{figure.name:75} median {median:7.1f} ms (goal {goal:.0f}) {figure.verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
