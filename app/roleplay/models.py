"""Role-play sessions (or imported transcripts) and their turns."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, JSONDoc, UTCDateTime, json_default, utcnow


class PracticeSession(Base):
    """One conversation: a live role-play, or a transcript imported for scoring."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(16), default="roleplay")  # roleplay | import
    scenario_id: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    # The assignment this role-play was started for (app/assignments), if any.
    assignment_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    # The scenario exactly as played: scenarios can be edited after the session.
    scenario: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=json_default)
    title: Mapped[str] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | ended
    buyer_engine: Mapped[str] = mapped_column(String(16), default="offline")
    seed: Mapped[int] = mapped_column(Integer, default=0)
    buyer_state: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=json_default)
    end_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    scorecard: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc, nullable=True)
    overall: Mapped[int | None] = mapped_column(Integer, nullable=True)
    turn_count: Mapped[int] = mapped_column(Integer, default=0)
    # LLM tokens this session used (buyer turns and the judge), for cost reports.
    llm_prompt_tokens: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    llm_completion_tokens: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    llm_usage_estimated: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    # Played by a simulated trainee for demo mode's history (app/demo), not by a person.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A reply in progress (possibly in another process): who holds it, and when its
    # lease was taken or last renewed (app/roleplay/leases.py).
    reply_token: Mapped[str | None] = mapped_column(String(32), nullable=True)
    reply_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Turn(Base):
    __tablename__ = "turns"
    __table_args__ = (
        UniqueConstraint("session_id", "index"),
        UniqueConstraint("session_id", "idempotency_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    index: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))  # trainee | buyer
    text: Mapped[str] = mapped_column(Text)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Per-turn facts: analysis codes, the buyer engine and prompt id, token usage.
    meta: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=json_default)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
