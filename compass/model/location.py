"""How the database is named to users. Apart from ``database.py`` so the backup commands, which
never open the database, can name it without importing SQLAlchemy (for a SQLite file they need not)."""

from __future__ import annotations

from compass.paths import sqlite_file_of


def display_location(url: str) -> str:
    """What users see as "the database": the file path for SQLite, the URL without password otherwise."""
    path = sqlite_file_of(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url
