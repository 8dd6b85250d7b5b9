"""a risk the team marks as a main risk: inventory_entries.main

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08

The first page named the first two risks in entry order as the main risks: a pupil-transport strategy
put NOx there and left out the pupils' safety for which SDG 3 was chosen. The team marks its main
risks; existing entries start unmarked, and the page keeps showing the first ones until a mark is set.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inventory_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("main", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("inventory_entries", schema=None) as batch_op:
        batch_op.drop_column("main")
