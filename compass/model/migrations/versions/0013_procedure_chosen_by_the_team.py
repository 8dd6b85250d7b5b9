"""no procedure before the team chooses one: sessions.procedure may be empty

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08

A new session started at "Openbaar Europees" and its strategy asked the budget holder to approve a
procedure nobody had chosen. Existing sessions keep the procedure they have; new ones start without.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PROCEDURES = (
    "single_quote",
    "multiple_quotes",
    "public_national",
    "restricted_national",
    "public_european",
    "restricted",
    "negotiated",
    "competitive_dialogue",
    "innovation_partnership",
)


def _column_type() -> sa.Enum:
    return sa.Enum(*_PROCEDURES, name="procedure", native_enum=False, length=40)


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.alter_column("procedure", existing_type=_column_type(), nullable=True)


def downgrade() -> None:
    # A session without a procedure gets the one every session had before: the older app needs one.
    op.execute("UPDATE sessions SET procedure = 'public_european' WHERE procedure IS NULL")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.alter_column("procedure", existing_type=_column_type(), nullable=False)
