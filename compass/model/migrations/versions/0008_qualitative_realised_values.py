"""a qualitative indicator's realised value is an assessment in words: measurements.value may be empty

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

A walker recording what was found for a qualitative indicator was asked for a number ("Vul een getal
in") and the strategy then printed "7,5" with no scale. A qualitative indicator's realised value is
now the assessment in the note, without a number.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("measurements", schema=None) as batch_op:
        batch_op.alter_column("value", existing_type=sa.String(length=48), nullable=True)


def downgrade() -> None:
    # An assessment without a number cannot go back: it keeps its words under a value of 0.
    op.execute("UPDATE measurements SET value = '0' WHERE value IS NULL")
    with op.batch_alter_table("measurements", schema=None) as batch_op:
        batch_op.alter_column("value", existing_type=sa.String(length=48), nullable=False)
