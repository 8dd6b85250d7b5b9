"""The schema revision this version of the app writes. Kept apart from the migrations so the fast start
path can compare a database against it without importing Alembic or SQLAlchemy; a test keeps it equal
to the newest migration."""

SCHEMA_HEAD = "0013"
