"""Alembic environment: always runs on the connection handed in by ``compass.model.migrate``."""

from alembic import context

from compass.model.orm import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite has almost no ALTER TABLE
)
with context.begin_transaction():
    context.run_migrations()
