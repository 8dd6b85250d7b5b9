"""why the award is on lowest price: sessions.award_basis_reason

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

A quality weight of 0 % awards on lowest price (or lowest cost), which the tender documents must
motivate (art. 2.114 lid 3 Aanbestedingswet 2012); the strategy printed it as "best price-quality
ratio: 100 % price" with no finding and had nowhere to keep the motivation. Existing sessions start
without one: the strategy asks for it where the split is 0 % quality.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("award_basis_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_column("award_basis_reason")
