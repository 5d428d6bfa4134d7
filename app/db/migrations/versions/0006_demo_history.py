"""Demo mode's history: a demo flag on sessions and assignments, and the marker table

Revision ID: 0006
Revises: 0005

Existing rows are no demo data (the flags default to false); the history is
seeded by the next `coach serve --demo` (app/demo).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs: copying `sessions` on SQLite would cascade deletes to its turns.
    op.add_column(
        "sessions", sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column(
        "assignments",
        sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "demo_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "summary",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name="fk_demo_history_org_id_organizations",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_demo_history"),
        sa.UniqueConstraint("org_id", name="uq_demo_history_org_id"),
    )


def downgrade() -> None:
    op.drop_table("demo_history")
    with op.batch_alter_table("assignments") as batch_op:
        batch_op.drop_column("is_demo")
    with op.batch_alter_table("sessions") as batch_op:
        batch_op.drop_column("is_demo")
