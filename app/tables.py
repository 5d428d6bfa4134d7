"""Every table, imported in one place so metadata (and Alembic) sees them all.

It imports every feature's models, so it sits above the features, beside main.py, and
not in app/db, which the features' models build on (app.db.base).
"""

from app.accounts.models import (
    AuthToken,
    LoginThrottleEntry,
    Organization,
    Team,
    TeamMember,
    User,
)
from app.assignments.models import Assignment, AssignmentTrainee
from app.db.base import Base
from app.demo.models import DemoHistory
from app.reviews.models import ScoreDispute, ScoreOverride, SessionComment, SessionReview
from app.roleplay.models import PracticeSession, Turn
from app.scenarios.models import StoredScenario

__all__ = [
    "Assignment",
    "AssignmentTrainee",
    "AuthToken",
    "Base",
    "DemoHistory",
    "LoginThrottleEntry",
    "Organization",
    "PracticeSession",
    "ScoreDispute",
    "ScoreOverride",
    "SessionComment",
    "SessionReview",
    "StoredScenario",
    "Team",
    "TeamMember",
    "Turn",
    "User",
]
