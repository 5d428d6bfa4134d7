"""Case-insensitive unique usernames, a demo flag on users, the login throttle table

Revision ID: 0005
Revises: 0004

Existing data: demo mode's users (a demo username with its demo display name)
are flagged as demo, so the next start without --demo disables them. Usernames
that differ only in case keep the oldest account's name; each later one is
renamed to `<name>.<id>` (printed on stderr), so the unique index can be built
and nobody's sign-in silently becomes someone else's.
"""

from __future__ import annotations

import sys

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The demo users of app/accounts/service.py's DEMO_USERS as 0004 knew them.
DEMO = {
    ("trainee1", "Trainee One / 学员一"),
    ("trainee2", "Trainee Two / 学员二"),
    ("coach1", "Coach One / 教练一"),
    ("manager1", "Manager One / 经理一"),
}

users = sa.table(
    "users",
    sa.column("id", sa.Integer),
    sa.column("username", sa.String),
    sa.column("display_name", sa.String),
    sa.column("is_demo", sa.Boolean),
)


def _rename_case_duplicates(conn: sa.Connection) -> None:
    rows = conn.execute(sa.select(users.c.id, users.c.username).order_by(users.c.id)).all()
    taken = {name.lower() for _, name in rows}
    seen: set[str] = set()
    for user_id, name in rows:
        if name.lower() not in seen:
            seen.add(name.lower())
            continue
        new = f"{name[:50]}.{user_id}"
        while new.lower() in taken:
            new += "_"
        taken.add(new.lower())
        conn.execute(sa.update(users).where(users.c.id == user_id).values(username=new))
        print(
            f"migration 0005: usernames are no longer case-sensitive; user {user_id} "
            f"{name!r} is now {new!r} (another account had that name first)",
            file=sys.stderr,
            flush=True,
        )


def upgrade() -> None:
    # A plain ADD COLUMN (no table copy: copying `users` on SQLite would cascade deletes).
    op.add_column(
        "users", sa.Column("is_demo", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    conn = op.get_bind()
    for name, display in DEMO:
        conn.execute(
            sa.update(users)
            .where(users.c.username == name, users.c.display_name == display)
            .values(is_demo=True)
        )
    _rename_case_duplicates(conn)
    # The old case-sensitive unique constraint stays: dropping it would copy the table on SQLite.
    op.create_index("uq_users_username_ci", "users", [sa.text("lower(username)")], unique=True)

    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )
    op.create_index(
        op.f("ix_login_throttle_expires_at"), "login_throttle", ["expires_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_login_throttle_expires_at"), table_name="login_throttle")
    op.drop_table("login_throttle")
    op.drop_index("uq_users_username_ci", table_name="users")
    # ALTER TABLE ... DROP COLUMN in place (SQLite 3.35+), not a batch copy of `users`.
    op.drop_column("users", "is_demo")
