"""Request and response bodies of the accounts API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.accounts.models import Role
from app.inputs import Id, PlainText

Username = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9_.-]{2,64}$")
]


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Annotated[str, PlainText(min_length=1, max_length=64)]
    password: Annotated[str, PlainText(min_length=1, max_length=200)]


class LoginResponse(BaseModel):
    token: str
    role: Role
    expires_at: datetime
    user: UserRead


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str
    role: Role
    team_ids: list[int] = Field(default_factory=list)
    is_active: bool = True


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: Username
    display_name: Annotated[str, PlainText(strip=True, min_length=1, max_length=200)]
    role: Role
    password: Annotated[str, PlainText(min_length=8, max_length=200)]
    team_ids: list[Id] = Field(default_factory=list, max_length=50)


class TeamRead(BaseModel):
    id: int
    name: str
    member_ids: list[int] = Field(default_factory=list)


class TeamCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, PlainText(strip=True, min_length=1, max_length=200)]


class TeamMembers(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_ids: list[Id] = Field(max_length=500)


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: Annotated[str, PlainText(min_length=1, max_length=200)]
    new_password: Annotated[str, PlainText(min_length=8, max_length=200)]


class PasswordReset(BaseModel):
    model_config = ConfigDict(extra="forbid")

    new_password: Annotated[str, PlainText(min_length=8, max_length=200)]


class TokensRevoked(BaseModel):
    revoked: int


LoginResponse.model_rebuild()
