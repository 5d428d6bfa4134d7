"""Every table, imported in one place so metadata (and Alembic) sees them all."""

from app.accounts.models import AuthToken, Organization, Team, TeamMember, User
from app.db.base import Base
from app.roleplay.models import PracticeSession, Turn
from app.scenarios.models import StoredScenario

__all__ = [
    "AuthToken",
    "Base",
    "Organization",
    "PracticeSession",
    "StoredScenario",
    "Team",
    "TeamMember",
    "Turn",
    "User",
]
