"""the whole award model and the tender-risk register: quality criteria beyond the SDGs, the price
formula, and the risks to the tender itself

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08

An adviser sent the example strategies back: their award models scored "plan van aanpak 15 punten"
in no table and named no price formula, and only SDG risks were listed, none of the market, budget,
planning or legal risks a tender strategy weighs. Existing sessions start with an empty register, no
other quality criteria and no price formula; the strategy says what is missing where it is needed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FORMULAS = ("relative", "linear")
_CATEGORIES = ("market", "financial", "legal", "planning", "sdg")


def _session_columns(table: str) -> list[sa.Column[int] | sa.Constraint]:
    return [
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f(f"fk_{table}_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "price_formula",
                sa.Enum(*_FORMULAS, name="priceformula", native_enum=False, length=40),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("price_zero_pct", sa.String(length=48), nullable=True))
    op.create_table(
        "quality_criteria",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("weight_pct", sa.String(length=48), nullable=True),
        sa.Column("scale", sa.Text(), nullable=False),
        sa.Column("verification", sa.Text(), nullable=False),
        *_session_columns("quality_criteria"),
    )
    op.create_table(
        "tender_risks",
        sa.Column(
            "category",
            sa.Enum(*_CATEGORIES, name="tenderriskcategory", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("probability", sa.Integer(), nullable=False),
        sa.Column("impact", sa.Integer(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        *_session_columns("tender_risks"),
        sa.CheckConstraint("probability BETWEEN 1 AND 5", name=op.f("ck_tender_risks_probability")),
        sa.CheckConstraint("impact BETWEEN 1 AND 5", name=op.f("ck_tender_risks_impact")),
    )
    for table in ("quality_criteria", "tender_risks"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_session_id"), ["session_id"], unique=False)


def downgrade() -> None:
    for table in ("tender_risks", "quality_criteria"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_session_id"))
        op.drop_table(table)
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_column("price_zero_pct")
        batch_op.drop_column("price_formula")
