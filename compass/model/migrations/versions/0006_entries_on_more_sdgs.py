"""risks or opportunities on more than one SDG

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

One risk may touch several SDGs (child labour and deforestation in a quarry: SDG 8 and 15). An
inventory entry keeps its own SDG and lists the others (``also_sdgs``, "8,15"); existing entries touch
one SDG, their own.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inventory_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("also_sdgs", sa.String(length=60), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("inventory_entries", schema=None) as batch_op:
        batch_op.drop_column("also_sdgs")
