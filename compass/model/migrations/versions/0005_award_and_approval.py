"""award and approval: the scoring method, the decision date, KPIs numbered by the profile

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

How quality is scored (fictitious discount or weighted points) belongs to the award basis beside the
price/quality split; the date the budget holder is asked to decide belongs to the approval. Both
start empty in existing sessions: the strategy asks for them. An indicator's KPI is a number in the
session's organisation profile, which may have more or fewer than Heerlen's six.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_METHODS = ("fictitious_discount", "weighted_points")


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "scoring_method",
                sa.Enum(*_METHODS, name="scoringmethod", native_enum=False, length=40),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("decision_date", sa.Date(), nullable=True))
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_indicators_kpi"), type_="check")
        batch_op.create_check_constraint("kpi", "kpi IS NULL OR kpi BETWEEN 1 AND 99")


def downgrade() -> None:
    op.execute("UPDATE indicators SET kpi = NULL WHERE kpi > 6")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_indicators_kpi"), type_="check")
        batch_op.create_check_constraint("kpi", "kpi IS NULL OR kpi BETWEEN 1 AND 6")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_column("scoring_method")
        batch_op.drop_column("decision_date")
