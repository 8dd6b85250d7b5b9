"""Persistence: SQLAlchemy models, engine set-up, Alembic migrations, and reference-data loading."""
