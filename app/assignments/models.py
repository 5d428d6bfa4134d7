"""Assignments: a scenario given to trainees (one by one or as a team) with a bar to reach."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, UTCDateTime, utcnow


class Assignment(Base):
    """Who must practise which scenario, by when, to what score, in how many attempts.

    A team assignment follows the team: whoever is a trainee in the team now is
    assigned, so a newcomer picks up the team's open work.
    """

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    scenario_id: Mapped[str] = mapped_column(String(100), index=True)
    title: Mapped[str] = mapped_column(String(300))  # the scenario's title when assigned
    language: Mapped[str] = mapped_column(String(8))
    team_id: Mapped[int | None] = mapped_column(
        ForeignKey("teams.id", ondelete="SET NULL"), nullable=True, index=True
    )
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    min_score: Mapped[int] = mapped_column(Integer, default=60)
    max_attempts: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None: unlimited
    note: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    # Made by demo mode's history (app/demo), not by a manager.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AssignmentTrainee(Base):
    """A trainee named on an assignment one by one (beside, or instead of, a team)."""

    __tablename__ = "assignment_trainees"

    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
