"""the tender strategy around the SDG paragraph: occasion, budget, planning, selection, contract;
an external dialogue participant named only with consent

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

An adviser sent the example strategies back as an SDG paragraph rather than an aanbestedingsstrategie:
no occasion and goal, budget and cover, planning, selection, contract form and conditions or contract
management. These are facts of the session; existing sessions start without them, and the strategy
says what is missing where the tender needs it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = ("occasion", "budget", "estimate_basis", "selection", "contract_terms", "contract_management")
_DAYS = ("questions_deadline", "closing_date", "award_decision_date", "contract_start")


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        for name in _TEXTS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("budget_eur", sa.String(length=48), nullable=True))
        batch_op.create_check_constraint("budget", "budget_eur IS NULL OR budget_eur NOT LIKE '-%'")
        for name in _DAYS:
            batch_op.add_column(sa.Column(name, sa.Date(), nullable=True))
    # An external participant is named in the record only with consent; none has given it yet.
    with op.batch_alter_table("dialogue_participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("named", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("dialogue_participants", schema=None) as batch_op:
        batch_op.drop_column("named")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_sessions_budget"), type_="check")
        for name in (*_TEXTS, "budget_eur", *_DAYS):
            batch_op.drop_column(name)
