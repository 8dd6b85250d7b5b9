"""Shared test set-up: no display, and every per-user path inside the test's own tmp_path."""

from __future__ import annotations

import os

# Must happen before anything imports Qt: without a display a QApplication aborts the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402

from compass.i18n import set_language  # noqa: E402

# Property tests (tests/hostile/, decision 010): the same examples on every run and every machine
# (derandomize), a modest number of them so the suite stays fast on two cores, no deadline (a shared
# CI machine is slow at times), and no example database. Hypothesis's own cache (Unicode tables) goes
# to the temporary directory, not the repository. HYPOTHESIS_PROFILE=thorough runs many more, for a
# search by hand. The autouse isolated_user_dirs fixture below is function-scoped; sharing its
# directories among the examples of one test is harmless.
settings.register_profile(
    "compass",
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile("thorough", settings.get_profile("compass"), max_examples=2000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "compass"))
if "HYPOTHESIS_STORAGE_DIRECTORY" not in os.environ:
    set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "compass-hypothesis")


def pytest_report_header() -> str:
    """Whether the Qt binding guard (tests/test_qt_binding_health.py) can catch anything here."""
    if sys.version_info >= (3, 12):
        return "None is immortal on this Python: the void-call refcount guard cannot fail here"
    return "None is mortal on this Python: the void-call refcount guard is active"


_SOAK_TEST = "test_walk_every_step_hundreds_of_times"
_SOAK_SCRIPT = Path(__file__).resolve().parent / "ui" / "test_soak.py"
_soak_walks: list[tuple[subprocess.Popen[str], Path]] = []


def start_soak_walk() -> None:
    """The soak test's child (tests/ui/test_soak.py is its script), in a fresh user's directories."""
    folder = Path(tempfile.mkdtemp(prefix="compass-soak-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_CACHE_HOME": str(folder / "cache"),
    }
    database = f"sqlite:///{(folder / 'soak.sqlite3').as_posix()}"
    child = subprocess.Popen(
        [sys.executable, str(_SOAK_SCRIPT), database],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _soak_walks.append((child, folder))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the soak walk at once when it is to run: it takes half a minute on a core of its own,
    while the rest of the suite runs on the other; its test only collects the result. Not in a
    parallel run's worker (``-n``): every worker collects every test, and the workers already keep
    both cores busy; there the test starts the walk itself."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    if any(item.name == _SOAK_TEST for item in session.items):
        start_soak_walk()


@pytest.fixture
def soak_walk():
    if not _soak_walks:
        start_soak_walk()
    child, folder = _soak_walks[0]
    yield child
    if child.poll() is None:
        child.kill()
        child.wait()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _statement_cache_across_engines() -> None:
    """Engines of one kind share their compiled SQL (tests/statement_cache.py says why)."""
    from statement_cache import share_compiled_statements

    share_compiled_statements()


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Data, config and cache directories of a fresh user; no COMPASS_DB from the environment."""
    home = tmp_path / "home"
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.delenv("COMPASS_DB", raising=False)
    monkeypatch.delenv("COMPASS_QUIT_AFTER_FIRST_PAINT", raising=False)
    set_language("en")
    yield home
    set_language("en")


# -- databases: every test that asks for ``db_url`` (or ``service``) runs on SQLite and on PostgreSQL ------

PG_URL_VARIABLE = "COMPASS_TEST_PG_URL"
PG_SKIP_REASON = (
    f"PostgreSQL tests need a server: set {PG_URL_VARIABLE} to a URL of a role that may create databases "
    "(e.g. postgresql+psycopg://postgres@/postgres?host=/run/postgresql), or run them with "
    "'bash .ci/with-postgres python3 -m pytest ...', which starts a throwaway server"
)


class PostgresServer:
    """The server named by COMPASS_TEST_PG_URL, with two databases of this run: one migrated once, one
    blank. After each test its database is made as new again: the migrated one is emptied (TRUNCATE
    ... RESTART IDENTITY, some 20 ms; a CREATE DATABASE from a template takes 0.6 s), the blank one
    gets a new empty schema. Their names carry the process id, so two runs can share a server."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self._url = make_url(url)
        prefix = f"compass_test_{os.getpid()}"
        self.migrated, self.blank = prefix, f"{prefix}_blank"
        with self._connect(self._url.database) as connection:
            for name in (self.migrated, self.blank):
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.exec_driver_sql(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
        from compass.model.database import open_database

        open_database(self.url_of(self.migrated)).dispose()
        with self._connect(self.migrated) as connection:
            tables = connection.exec_driver_sql(
                "SELECT tablename FROM pg_tables "
                "WHERE schemaname = 'public' AND tablename <> 'alembic_version'"
            )
            self._truncate = "TRUNCATE {} RESTART IDENTITY CASCADE".format(
                ", ".join(f'"{name}"' for (name,) in tables)
            )

    @property
    def admin_url(self) -> str:
        """The URL given, of a database to create others from (``postgres``)."""
        return self._url.render_as_string(hide_password=False)

    def url_of(self, name: str) -> str:
        return self._url.set(database=name).render_as_string(hide_password=False)

    def reset(self, name: str) -> None:
        """The database as this run made it; connections a test left open are ended first."""
        with self._connect(name) as connection:
            connection.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            if name == self.blank:
                connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
            else:
                connection.exec_driver_sql(self._truncate)

    def close(self) -> None:
        with self._connect(self._url.database) as connection:
            for name in (self.migrated, self.blank):
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _connect(self, database: str | None):
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        engine = create_engine(
            self._url.set(database=database), isolation_level="AUTOCOMMIT", poolclass=NullPool
        )
        return engine.connect()


@pytest.fixture(scope="session")
def postgres_server():
    """The PostgreSQL server to test against; skips with how to enable it when none is configured."""
    url = os.environ.get(PG_URL_VARIABLE)
    if not url:
        pytest.skip(PG_SKIP_REASON)
    server = PostgresServer(url)  # a configured server that does not answer is an error, not a skip
    yield server
    server.close()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database migrated once per run; tests get a copy (migrating takes 0.2 s a test)."""
    from compass.model.database import open_database

    path = tmp_path_factory.mktemp("template") / "compass.sqlite3"
    open_database(f"sqlite:///{path.as_posix()}").dispose()  # the last connection folds the WAL in
    return path


@pytest.fixture(scope="session")
def _replayed_migration(_sqlite_template: Path):
    from schema_replay import replaying

    import compass.model.migrate as migrate

    return replaying(_sqlite_template, migrate.upgrade_to_head)


@pytest.fixture(autouse=True)
def _new_sqlite_files_get_the_template_schema(request: pytest.FixtureRequest, monkeypatch) -> None:
    """tests/schema_replay.py says why; ``@pytest.mark.real_migrations`` runs the migrations."""
    if request.node.get_closest_marker("real_migrations") is None:
        replayed = request.getfixturevalue("_replayed_migration")
        monkeypatch.setattr("compass.model.migrate.upgrade_to_head", replayed)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def db_url(db_backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database of the test's own, on SQLite and on PostgreSQL."""
    if db_backend == "sqlite":
        path = tmp_path / "compass.sqlite3"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        yield f"sqlite:///{path.as_posix()}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    yield server.url_of(server.migrated)
    server.reset(server.migrated)


@pytest.fixture
def blank_db_url(db_backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database that was never migrated: a new SQLite file, or a new PostgreSQL database."""
    if db_backend == "sqlite":
        yield f"sqlite:///{(tmp_path / 'blank.sqlite3').as_posix()}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    yield server.url_of(server.blank)
    server.reset(server.blank)


@pytest.fixture(scope="session")
def shipped_reference():
    """The shipped reference data, loaded once for the whole run (it is frozen)."""
    from compass.reference.loading import load_reference_data

    return load_reference_data()


@pytest.fixture
def service(db_url: str, shipped_reference):
    from compass.model.database import open_database
    from compass.services import SessionService

    database = open_database(db_url)
    yield SessionService(database, shipped_reference)
    database.dispose()
