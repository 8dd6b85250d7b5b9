"""One compiled-statement cache for every engine a test process opens.

The app opens one engine per database and keeps it, so SQLAlchemy compiles each statement once per run.
The suite opens two or three engines per test (a fresh database each, two desks), and SQLAlchemy keys
its cache on the dialect *instance*: every new engine compiled every statement again, which was half
the time of a typical database test. Here the key names the dialect by what decides the SQL it
compiles (class, server version, parameter style), so engines of one kind share their statements.
Nothing in the app changes; only the suite stops paying for compiling the same SQL again.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.util import LRUCache


def _dialect_kind(dialect: Any) -> tuple[Any, ...]:
    return (
        type(dialect),
        dialect.server_version_info,
        dialect.paramstyle,
        dialect.positional,
        dialect.supports_native_boolean,
        dialect.default_schema_name,
    )


class SharedStatementCache(LRUCache):  # type: ignore[type-arg]
    """SQLAlchemy reads its compiled cache with ``get`` and fills it with ``[key] =``; the key's first
    element is the dialect."""

    def get(self, key: Any, default: Any = None) -> Any:  # type: ignore[override]
        return super().get(self._kind_key(key), default)

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(self._kind_key(key), value)

    @staticmethod
    def _kind_key(key: Any) -> Any:
        if isinstance(key, tuple) and key and hasattr(key[0], "statement_compiler"):
            return (_dialect_kind(key[0]), *key[1:])
        return key


SHARED = SharedStatementCache(5000)


def share_compiled_statements() -> None:
    """Every engine the app creates from now on in this process uses ``SHARED``."""
    import compass.model.database as database

    create = database.create_engine
    if getattr(create, "shares_statements", False):
        return

    def create_engine(*args: Any, **kwargs: Any) -> Any:
        engine = create(*args, **kwargs)
        engine._compiled_cache = SHARED
        return engine

    create_engine.shares_statements = True  # type: ignore[attr-defined]
    database.create_engine = create_engine  # type: ignore[assignment]
