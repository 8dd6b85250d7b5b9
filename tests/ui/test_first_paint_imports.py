"""The start-up path loads only what the first frame needs (decision 002, issue 20).

Not a timing test: the whole app starts in a subprocess, quits after its first paint and reports the
modules loaded at that moment. A module on the list below fails the test with the chain of imports
that brought it in, read from Python's own ``-X importtime`` tree, so whoever adds
``from compass.services import ...`` to a UI module at module level sees where to make it lazy.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from compass.app import FIRST_PAINT_REPORT_VAR, QUIT_AFTER_FIRST_PAINT_VAR

# Each costs tens to hundreds of milliseconds to import, and none is needed to paint the start
# screen: the database layer loads right after the first paint, the rest on first use.
NOT_BEFORE_FIRST_PAINT = (
    "sqlalchemy",
    "alembic",
    "psycopg",
    "reportlab",
    "docx",
    "lxml",
    "jsonschema",
    "babel",
    "compass.services",
    "compass.model.orm",
    "compass.model.database",
    "compass.formats",
    "compass.reference.loading",
    "compass.core.session",
    "compass.ui.commands",
    "compass.ui.wizard",
    "compass.ui.pages",
    "compass.ui.focus_ring",
)


def _start_and_report(tmp_path: Path, *, last_session: bool = False) -> tuple[dict, str]:
    env = {key: value for key, value in os.environ.items() if key != "COMPASS_DB"}
    report = tmp_path / "first-paint.json"
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        **{QUIT_AFTER_FIRST_PAINT_VAR: "1", FIRST_PAINT_REPORT_VAR: str(report)},
    )
    # The first start creates the database (the full path); the second is the everyday one.
    first = subprocess.run([sys.executable, "-m", "compass"], env=env, capture_output=True, timeout=120)
    assert first.returncode == 0, first.stderr.decode()
    report.unlink()
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "compass"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(report.read_text(encoding="utf-8")), result.stderr


def import_chain(importtime_log: str, module: str) -> list[str]:
    """Who imported ``module``: its importers from the outermost one in, read from the nesting of
    ``-X importtime`` (a module's line follows those of the modules it imported, one level deeper)."""
    entries = []
    for line in importtime_log.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+\d+ \|( *)(\S+)", line)
        if match:
            entries.append((len(match.group(1)) // 2, match.group(2)))
    for position, (depth, name) in enumerate(entries):
        if name != module:
            continue
        chain = [name]
        for later_depth, later_name in entries[position + 1 :]:
            if later_depth < depth:
                chain.append(later_name)
                depth = later_depth
        return list(reversed(chain))
    return [module]


def test_import_chain_reads_the_importtime_tree() -> None:
    log = "\n".join(
        [
            "import time: self [us] | cumulative | imported package",
            "import time:        10 |         10 |       sqlalchemy.sql",
            "import time:        10 |         20 |     sqlalchemy",
            "import time:        10 |         30 |   compass.services",
            "import time:        10 |         10 |   compass.i18n",
            "import time:        10 |         50 | compass.ui.commands",
        ]
    )
    assert import_chain(log, "sqlalchemy") == ["compass.ui.commands", "compass.services", "sqlalchemy"]
    assert import_chain(log, "unknown") == ["unknown"]


def _offenders(modules: list[str]) -> list[str]:
    return sorted(
        name
        for name in modules
        if any(name == banned or name.startswith(banned + ".") for banned in NOT_BEFORE_FIRST_PAINT)
    )


def test_nothing_the_first_frame_does_not_need_is_loaded_before_it(tmp_path: Path) -> None:
    report, log = _start_and_report(tmp_path)
    offenders = _offenders(report["modules"])
    # Name the top of each family once, with the chain that brought it in.
    roots = [name for name in offenders if not any(name.startswith(other + ".") for other in offenders)]
    explained = ["  " + " -> ".join(import_chain(log, name)) for name in roots]
    assert not roots, "loaded before the first paint:\n" + "\n".join(explained)


def test_the_qt_namespace_is_not_touched_before_the_first_paint(tmp_path: Path) -> None:
    """Its first use from Python creates all its enums (some 20 ms): decision 002 keeps it off the
    start path (``setShortcuts()`` for actions; ``Qt.`` constants only in code run after the paint)."""
    report, _log = _start_and_report(tmp_path)
    assert report["qt_namespace_enums"] == 0


@pytest.mark.parametrize("module", ["sqlalchemy", "compass.services"])
def test_the_check_would_see_a_module_level_database_import(module: str) -> None:
    """The guard itself: a name on the list is caught with its descendants, others are not."""
    assert _offenders([module, module + ".orm", "compass.ui.start_screen"]) == [module, module + ".orm"]
