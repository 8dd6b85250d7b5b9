"""Crash safety harness: edits through the services in a child process, killed with SIGKILL at random
moments; afterwards the database is intact and every acknowledged edit is in it.

How it runs. The parent (``run_crash_rounds``, called by a test) starts this file as a script: a
"zygote" that imports the app and loads the reference data once, then forks one editing child per
round on request, so a round costs milliseconds instead of a second of imports. Each child opens the
database through ``open_services`` and edits as fast as it can: creates and renames sessions, changes
a fact, adds, corrects and removes step-1 entries, imports an example session. Before each service call
it writes an intent line and after the call returned an acknowledgement line, each with one
``os.write`` (unbuffered, atomic on a pipe). The parent kills the child at a random moment (while it
opens the database, or after a random number of edits and a few ms into the next), reads what it
acknowledged, and checks the database: integrity, then every acknowledged edit. An edit whose
call was under way when the child died may or may not be there; an acknowledged one must be.

The database is given as a URL, so the same harness runs against a database server: a fresh, empty
database per run is the caller's business; the integrity check is SQLite's and is left out elsewhere.
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HARNESS = Path(__file__).resolve()
EXAMPLE = "asfalt-groot-onderhoud.json"


# -- the parent: rounds, kills and checks -------------------------------------------------------------


@dataclass
class SessionExpectation:
    titles: set[str] | None = None  # acceptable values; None: not known to have been set
    locations: set[str] | None = None
    items: dict[int, set[str]] = field(default_factory=dict)  # must exist, with one of these texts
    removed: dict[int, set[str]] = field(default_factory=dict)  # must not exist with these texts


@dataclass
class CrashReport:
    seed: int
    rounds: int
    kills: int
    acknowledged: int
    sessions: int
    items: int
    seconds: float
    kills_before_first_edit: int


class Expectations:
    """What the acknowledged edits say the database must hold."""

    def __init__(self) -> None:
        self.sessions: dict[int, SessionExpectation] = {}
        self.acknowledged = 0

    def _session(self, session_id: int) -> SessionExpectation:
        return self.sessions.setdefault(session_id, SessionExpectation())

    def apply(self, message: dict[str, Any]) -> None:
        op = message["op"]
        self.acknowledged += 1
        if op in ("create", "import"):
            self.sessions[message["session"]] = SessionExpectation(titles={message["title"]})
            return
        session = self._session(message["session"])
        if op == "rename":
            session.titles = {message["title"]}
        elif op == "facts":
            session.locations = {message["location"]}
        elif op in ("add", "edit"):
            session.items[message["item"]] = {message["description"]}
        elif op == "remove":
            texts = session.items.pop(message["item"], set()) | {message["description"]}
            session.removed[message["item"]] = texts
        else:
            raise AssertionError(f"unknown acknowledgement {message}")

    def unfinished(self, message: dict[str, Any]) -> None:
        """An edit under way when the child died: either outcome is right."""
        op = message["op"]
        session = self.sessions.get(message.get("session", -1))
        if session is None or op in ("create", "import", "add"):
            return  # nothing known depends on it (a new id nobody was told about)
        if op == "rename" and session.titles is not None:
            session.titles.add(message["title"])
        elif op == "facts" and session.locations is not None:
            session.locations.add(message["location"])
        elif op == "edit" and message["item"] in session.items:
            session.items[message["item"]].add(message["description"])
        elif op == "remove" and message["item"] in session.items:
            session.items.pop(message["item"])  # may be gone or not


def check_database(url: str, expected: Expectations) -> list[str]:
    """Every way the database differs from the acknowledged edits (empty: all is well)."""
    from sqlalchemy import text

    from compass.core.errors import CompassError
    from compass.model.database import open_database

    try:
        database = open_database(url)
    except CompassError as error:
        return [f"the database no longer opens: {error}"]
    problems: list[str] = []
    try:
        with database.engine.connect() as connection:
            if database.engine.dialect.name == "sqlite":
                check = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
                if check != ["ok"]:
                    problems.append(f"integrity_check: {check[:5]}")
            stored = {
                row[0]: (row[1], row[2])
                for row in connection.execute(text("SELECT id, title, location FROM sessions"))
            }
            entries = {
                (row[0], row[1]): row[2]
                for row in connection.execute(
                    text("SELECT session_id, id, description FROM inventory_entries")
                )
            }
    finally:
        database.dispose()
    for session_id, want in expected.sessions.items():
        if session_id not in stored:
            problems.append(f"session {session_id} is missing")
            continue
        title, location = stored[session_id]
        if want.titles is not None and title not in want.titles:
            problems.append(f"session {session_id}: title {title!r}, expected one of {want.titles}")
        if want.locations is not None and location not in want.locations:
            problems.append(f"session {session_id}: location {location!r}, expected {want.locations}")
        for item_id, texts in want.items.items():
            found = entries.get((session_id, item_id))
            if found not in texts:
                problems.append(f"session {session_id} entry {item_id}: {found!r}, expected {texts}")
        for item_id, texts in want.removed.items():
            if entries.get((session_id, item_id)) in texts:
                problems.append(f"session {session_id} entry {item_id} is back after its removal")
    return problems


class _Lines(threading.Thread):
    """Reads the zygote's lines as they come, so a child never blocks on a full pipe."""

    def __init__(self, stream: Any) -> None:
        super().__init__(daemon=True)
        self.stream = stream
        self.lines: queue.Queue[str | None] = queue.Queue()

    def run(self) -> None:
        for line in self.stream:
            self.lines.put(line)
        self.lines.put(None)

    def next(self, timeout: float = 30.0) -> dict[str, Any]:
        line = self.lines.get(timeout=timeout)
        if line is None:
            raise AssertionError("the crash harness's zygote ended early")
        return json.loads(line)


def run_crash_rounds(
    url: str,
    *,
    rounds: int = 60,
    seed: int | None = None,
    max_edits: int = 10,
    max_delay: float = 0.03,
    while_opening: float = 0.2,
) -> CrashReport:
    """``rounds`` children, each killed with SIGKILL: a share ``while_opening`` of them within 30 ms
    of starting (while opening the database), the others after a random number of acknowledged
    edits (up to ``max_edits``) and up to ``max_delay`` seconds more, which lands in the middle of
    the next service call (one takes about 10 ms) or between two. Counting edits rather than
    waiting a fixed time keeps the kills among the edits on a slow or busy machine too. The database
    is checked after each kill. Raises AssertionError naming the seed and the round; the seed
    repeats the choices, not the timing."""
    seed = random.randrange(2**32) if seed is None else seed
    rng = random.Random(seed)
    started = time.monotonic()
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    zygote = subprocess.Popen(
        [sys.executable, str(HARNESS), url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    reader = _Lines(zygote.stdout)
    reader.start()
    expected = Expectations()
    kills = before_first_edit = 0
    try:
        first = reader.next(timeout=60)
        assert first == {"ready": True}, first
        for number in range(rounds):
            where = f"crash round {number} of seed {seed} (CRASH_SEED={seed} repeats the choices)"
            zygote.stdin.write(f"{rng.randrange(2**32)}\n")
            zygote.stdin.flush()
            child = reader.next()["started"]
            messages: list[dict[str, Any]] = []
            if number == 0:  # while it creates the database: the first migration takes ~0.4 s
                time.sleep(rng.uniform(0.02, 0.3))
            elif rng.random() < while_opening:  # while it opens the database (recovers the WAL)
                time.sleep(rng.uniform(0.0, 0.03))
            else:  # among its edits: after a random number of them, then a few ms into the next
                target, done = rng.randint(0, max_edits), 0
                while True:
                    messages.append(reader.next())
                    done += "ack" in messages[-1]
                    if "ended" in messages[-1] or ("opened" in messages[-1] and target == 0):
                        break
                    if "ack" in messages[-1] and done >= target:
                        break
                time.sleep(rng.uniform(0.0, max_delay))
            while not reader.lines.empty():  # anything said so far (an early error, say)
                messages.append(reader.next())
            if not any("ended" in message for message in messages):
                os.kill(child, signal.SIGKILL)
                kills += 1
            while not messages or "ended" not in messages[-1]:
                messages.append(reader.next())
            errors = [message["error"] for message in messages if "error" in message]
            assert not errors, f"{where}: the child failed:\n{errors[0]}"
            pending: dict[str, Any] | None = None
            acknowledged = 0
            for message in messages:
                if "intent" in message:
                    pending = message["intent"]
                elif "ack" in message:
                    expected.apply(message["ack"])
                    acknowledged += 1
                    pending = None
            if pending is not None:
                expected.unfinished(pending)
            before_first_edit += acknowledged == 0
            problems = check_database(url, expected)
            assert not problems, f"{where}: " + "; ".join(problems[:10])
    finally:
        zygote.stdin.close()
        try:
            zygote.wait(timeout=30)
        except subprocess.TimeoutExpired:
            zygote.kill()
            zygote.wait()
    return CrashReport(
        seed=seed,
        rounds=rounds,
        kills=kills,
        acknowledged=expected.acknowledged,
        sessions=len(expected.sessions),
        items=sum(len(s.items) for s in expected.sessions.values()),
        seconds=time.monotonic() - started,
        kills_before_first_edit=before_first_edit,
    )


# -- the zygote and its children ----------------------------------------------------------------------


def _say(message: dict[str, Any]) -> None:
    """One line in one write(2): it reaches the pipe whole, even if the writer dies right after."""
    data = (json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8")
    assert len(data) < 4096  # PIPE_BUF: written atomically
    os.write(1, data)


def _edit(
    url: str, reference: Any, seed: int, *, edits: int = 10**9, say: Callable[[dict[str, Any]], None] = _say
) -> None:
    from compass.core.codes import EntryKind, EntrySource
    from compass.core.session import Collection
    from compass.paths import resource_path
    from compass.services import open_services

    rng = random.Random(seed)
    services = open_services(url, reference)
    say({"opened": True})
    sessions, files = services.sessions, services.files
    example = resource_path("examples", EXAMPLE)
    known = [summary.id for summary in sessions.list_sessions()]
    tag = f"{seed % 100000:05d}"
    for counter in range(edits):
        word = f"{tag}-{counter}"
        op = rng.choices(
            ["create", "rename", "facts", "add", "edit", "remove", "import"],
            weights=[2, 2, 3, 6, 3, 2, 1],
        )[0]
        if op not in ("create", "import") and not known:
            op = "create"
        session_id = rng.choice(known) if known else -1
        if op == "create":
            title = f"Aanbesteding {word}"
            say({"intent": {"op": op, "title": title}})
            session_id = sessions.create_session(title).id
            known.append(session_id)
            say({"ack": {"op": op, "session": session_id, "title": title}})
        elif op == "import":
            say({"intent": {"op": op}})
            snapshot = files.import_session(example)
            known.append(snapshot.id)
            say({"ack": {"op": op, "session": snapshot.id, "title": snapshot.facts.title}})
        elif op == "rename":
            title = f"Hernoemd {word}"
            say({"intent": {"op": op, "session": session_id, "title": title}})
            sessions.rename_session(session_id, title)
            say({"ack": {"op": op, "session": session_id, "title": title}})
        elif op == "facts":
            location = f"Heerlen {word}"
            say({"intent": {"op": op, "session": session_id, "location": location}})
            sessions.update_facts(session_id, location=location)
            say({"ack": {"op": op, "session": session_id, "location": location}})
        elif op == "add":
            text = f"Risico {word}"
            say({"intent": {"op": op, "session": session_id, "description": text}})
            item = sessions.add_item(
                session_id,
                Collection.INVENTORY,
                sdg=rng.randint(1, 17),
                kind=rng.choice(list(EntryKind)),
                source=rng.choice(list(EntrySource)),
                description=text,
            )
            say({"ack": {"op": op, "session": session_id, "item": item.id, "description": text}})
        else:
            entries = sessions.get_session(session_id).inventory
            if not entries:
                continue
            entry = rng.choice(entries)
            if op == "edit":
                text = f"Gecorrigeerd {word}"
                intent = {"op": op, "session": session_id, "item": entry.id, "description": text}
                say({"intent": intent})
                sessions.update_item(session_id, Collection.INVENTORY, entry.id, description=text)
                say({"ack": intent})
            else:
                intent = {
                    "op": op,
                    "session": session_id,
                    "item": entry.id,
                    "description": entry.description,
                }
                say({"intent": intent})
                sessions.remove_item(session_id, Collection.INVENTORY, entry.id)
                say({"ack": intent})
    services.close()


def _zygote(url: str) -> None:
    from compass.model import migrate  # noqa: F401 - loaded once here, not in every child
    from compass.reference.loading import load_reference_data
    from compass.services import open_services  # noqa: F401 - SQLAlchemy and the services, once

    reference = load_reference_data()
    with tempfile.TemporaryDirectory() as folder:  # every edit once: its imports and caches load here
        _edit(f"sqlite:///{folder}/warm-up.sqlite3", reference, 1, edits=60, say=lambda _m: None)
    _say({"ready": True})
    for line in sys.stdin:
        seed = int(line)
        pid = os.fork()
        if pid == 0:  # the child: edits until it is killed
            code = 0
            try:
                _edit(url, reference, seed)
            except BaseException:  # noqa: BLE001 - reported to the parent as a failure
                _say({"error": traceback.format_exc()[-1500:]})
                code = 3
            os._exit(code)
        _say({"started": pid})
        _pid, status = os.waitpid(pid, 0)
        _say({"ended": pid, "status": status})


if __name__ == "__main__":
    _zygote(sys.argv[1])
