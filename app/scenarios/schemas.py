"""Response bodies of the scenarios API. (The scenario itself, what managers write and
the service validates, is app/scenarios/schema.py.)"""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.scenarios.schema import Scenario


class BuyerRead(BaseModel):
    name: str
    title: str
    company: str


class ScenarioRead(BaseModel):
    """What a trainee may know before the meeting (service.public_view): never the hidden brief."""

    id: str
    version: int
    title: str
    language: str
    industry: str
    difficulty: str
    product: str
    seller_company: str
    trainee_brief: str
    goal: str = Field(description="the next step the trainee should earn")
    buyer: BuyerRead
    source: str = Field(description="builtin, custom or snapshot")


class ScenarioDetail(ScenarioRead):
    """The public view, and for managers the whole scenario, hidden brief included."""

    full: Scenario | None = Field(
        default=None,
        description="the whole scenario: managers only, absent for everyone else",
        exclude_if=lambda full: full is None,
    )
