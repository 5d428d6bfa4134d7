"""Response bodies of the usage API: tokens and their cost at the configured prices."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Prices(BaseModel):
    input_per_mtok: float = Field(description="COACH_PRICE_INPUT_PER_MTOK")
    output_per_mtok: float = Field(description="COACH_PRICE_OUTPUT_PER_MTOK")


class SessionUsage(BaseModel):
    session_id: str
    trainee: str = Field(description="the trainee's username")
    title: str
    buyer_engine: str
    created_at: str = Field(description="ISO 8601, as stored")
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    estimated: bool = Field(description="the provider reported no usage for some call")
    cost: float


class SessionUsagePage(BaseModel):
    items: list[SessionUsage]
    total: int
    limit: int
    offset: int
    prices: Prices


class TraineeUsage(BaseModel):
    user_id: int
    username: str
    display_name: str
    sessions: int
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    estimated: bool = Field(description="the provider reported no usage for some call")
    cost: float


class TraineeUsagePage(BaseModel):
    items: list[TraineeUsage]
    prices: Prices
