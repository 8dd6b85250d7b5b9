"""focus comes from the organisation profile

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01

Whether an SDG is a focus SDG is the organisation profile's answer (method.priority_score); the stored
``is_focus`` column was never read for it and could only disagree with the profile.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sdg_priorities", schema=None) as batch_op:
        batch_op.drop_column("is_focus")


def downgrade() -> None:
    with op.batch_alter_table("sdg_priorities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_focus", sa.Boolean(), nullable=False, server_default=sa.false()))
