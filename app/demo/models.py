"""The marker that an organisation's demo history was seeded (once per database)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, JSONDoc, UTCDateTime, json_default


class DemoHistory(Base):
    """Written when seeding starts and finished when it ends: a row without
    `finished_at` is a seeding that died half way, cleaned up and redone."""

    __tablename__ = "demo_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), unique=True
    )
    version: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # What was seeded and how long it took: sessions, trainees, scenarios, seconds.
    summary: Mapped[dict[str, Any]] = mapped_column(JSONDoc, default=json_default)
