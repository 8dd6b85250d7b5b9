"""the two SDG dialogues: participants, agenda, votes, and ideas marked with their dialogue

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Facilitators run two SDG dialogues with the stakeholders (seed 001 ch. 6). Each session keeps at
most one of each, with who was there, the agenda and the dots each participant put on an SDG or a
criterion; step-1 entries and step-3 criteria remember the dialogue (and the person) they came from.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _session_child_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
    ]


def _session_child_constraints(table: str) -> list[sa.Constraint]:
    return [
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f(f"fk_{table}_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "dialogues",
        *_session_child_columns(),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.Column("votes_per_participant", sa.Integer(), nullable=False),
        sa.CheckConstraint("number IN (1, 2)", name=op.f("ck_dialogues_number")),
        sa.CheckConstraint(
            "votes_per_participant BETWEEN 1 AND 20", name=op.f("ck_dialogues_votes_per_participant")
        ),
        *_session_child_constraints("dialogues"),
        sa.UniqueConstraint("session_id", "number", name="uq_dialogues_session_number"),
    )
    op.create_index(op.f("ix_dialogues_session_id"), "dialogues", ["session_id"], unique=False)
    op.create_table(
        "dialogue_participants",
        *_session_child_columns(),
        sa.Column("dialogue", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=80), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("dialogue IN (1, 2)", name=op.f("ck_dialogue_participants_dialogue")),
        *_session_child_constraints("dialogue_participants"),
    )
    op.create_index(
        op.f("ix_dialogue_participants_session_id"), "dialogue_participants", ["session_id"], unique=False
    )
    op.create_table(
        "dialogue_agenda",
        *_session_child_columns(),
        sa.Column("dialogue", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("dialogue IN (1, 2)", name=op.f("ck_dialogue_agenda_dialogue")),
        sa.CheckConstraint(
            "planned_minutes BETWEEN 1 AND 480", name=op.f("ck_dialogue_agenda_planned_minutes")
        ),
        *_session_child_constraints("dialogue_agenda"),
    )
    op.create_index(op.f("ix_dialogue_agenda_session_id"), "dialogue_agenda", ["session_id"], unique=False)
    op.create_table(
        "dialogue_votes",
        *_session_child_columns(),
        sa.Column("dialogue", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.String(length=60), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint("dialogue IN (1, 2)", name=op.f("ck_dialogue_votes_dialogue")),
        sa.CheckConstraint("count >= 1", name=op.f("ck_dialogue_votes_count")),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["dialogue_participants.id"],
            name=op.f("fk_dialogue_votes_participant_id_dialogue_participants"),
            ondelete="CASCADE",
        ),
        *_session_child_constraints("dialogue_votes"),
        sa.UniqueConstraint("participant_id", "target", name="uq_dialogue_votes_participant_target"),
    )
    op.create_index(op.f("ix_dialogue_votes_session_id"), "dialogue_votes", ["session_id"], unique=False)
    op.create_index(
        op.f("ix_dialogue_votes_participant_id"), "dialogue_votes", ["participant_id"], unique=False
    )
    for table in ("inventory_entries", "criteria"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("dialogue", sa.Integer(), nullable=True))
            batch_op.add_column(
                sa.Column("contributor", sa.String(length=200), nullable=False, server_default="")
            )


def downgrade() -> None:
    for table in ("criteria", "inventory_entries"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("contributor")
            batch_op.drop_column("dialogue")
    for table in ("dialogue_votes", "dialogue_agenda", "dialogue_participants", "dialogues"):
        op.drop_table(table)
