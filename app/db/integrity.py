"""A constraint the database enforced, told to the client as the conflict it is.

Services check before they write ("is the username taken?"), but two requests
can pass the check at once; on PostgreSQL the second insert then fails on the
unique index (SQLite's single writer serialises them, so the check catches it
there). Either way the client must get the same 409, never a 500.
"""

from __future__ import annotations

import re

from sqlalchemy.exc import IntegrityError

from app.errors import Conflict

# PostgreSQL's SQLSTATEs, and what SQLite says for the same violations.
_UNIQUE, _FOREIGN_KEY = "23505", "23503"
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (\w+)\.")

_TAKEN = {
    "users": "That username is taken.",
    "teams": "A team with that name exists already.",
    "scenarios": "A scenario with that id exists already.",
}


def _violation(exc: IntegrityError) -> tuple[str, str | None] | None:
    """("unique" | "foreign_key", table) for the violations a race can cause, else None."""
    orig = exc.orig
    state = getattr(orig, "sqlstate", None)
    if state in (_UNIQUE, _FOREIGN_KEY):
        diag = getattr(orig, "diag", None)
        table = getattr(diag, "table_name", None)
        return ("unique" if state == _UNIQUE else "foreign_key"), table
    message = str(orig)
    if found := _SQLITE_UNIQUE.match(message):
        return "unique", found.group(1)
    if message.startswith("FOREIGN KEY constraint failed"):
        return "foreign_key", None
    return None


def conflict_from(exc: IntegrityError) -> Conflict | None:
    """The 409 for a unique or foreign-key violation; None for anything else (a bug)."""
    found = _violation(exc)
    if found is None:
        return None
    kind, table = found
    if kind == "foreign_key":
        return Conflict(
            "Something this refers to was changed at the same time; try again.",
            key="changed_meanwhile",
        )
    detail = _TAKEN.get(table or "", "It exists already (created at the same time).")
    return Conflict(detail, key="exists_already")
