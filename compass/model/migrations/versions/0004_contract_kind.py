"""procurement frame: kind of contract, duration, procedure reason, lots; a decided price/quality split

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Works, supplies, services or social services: it decides the EU threshold that applies to a tender.
Existing sessions start without one (the facts step asks for it). The quality weight may be empty:
a new session has no price/quality split until the team decides one (it used to default to 100 %,
that is 0 % price). Existing values stay as they are.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = ("works", "supplies", "services", "social_services")


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "contract_kind",
                sa.Enum(*_KINDS, name="contractkind", native_enum=False, length=40),
                nullable=True,
            )
        )
        batch_op.alter_column("quality_weight_pct", existing_type=sa.String(length=48), nullable=True)
        batch_op.add_column(sa.Column("duration", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("procedure_reason", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("lots", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("policy_reasons", sa.Text(), nullable=False, server_default="{}"))


def downgrade() -> None:
    op.execute("UPDATE sessions SET quality_weight_pct = '100' WHERE quality_weight_pct IS NULL")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.alter_column("quality_weight_pct", existing_type=sa.String(length=48), nullable=False)
        batch_op.drop_column("contract_kind")
        batch_op.drop_column("duration")
        batch_op.drop_column("procedure_reason")
        batch_op.drop_column("lots")
        batch_op.drop_column("policy_reasons")
